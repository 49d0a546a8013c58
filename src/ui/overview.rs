//! The Overview: the programme in one screen, readable from across a room.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Widget};

use super::Theme;
use super::widgets::{self, block};
use crate::app::{Action, Data};

/// The Overview has nothing to select; its state is kept for symmetry with the others.
#[derive(Debug, Default)]
pub struct State;

impl State {
    pub fn handle(&mut self, _action: Action, _data: &Data) -> bool {
        false
    }
}

pub fn render(_state: &mut State, data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let programme = data.programme();
    let families = programme.families.len() as u16;
    let [facts, gauges, schedule, stages] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(families + 3),
        Constraint::Length(6),
        Constraint::Min(0),
    ])
    .areas(area);
    widgets::line(facts, buf, facts_line(data, theme));
    render_gauges(data, theme, gauges, buf);
    render_schedule(data, theme, schedule, buf);
    render_stages(data, theme, stages, buf);
}

fn facts_line<'a>(data: &Data, theme: &Theme) -> Line<'a> {
    let p = data.programme();
    let mut parts = Vec::new();
    if let Some(info) = &p.info {
        if let Some(c) = &info.customer {
            parts.push(format!("for {c}"));
        }
        if let Some(prime) = &info.prime {
            parts.push(format!("prime {prime}"));
        }
        if let Some(fa) = &info.final_assembler {
            parts.push(format!("final assembly {fa}"));
        }
        parts.push(format!("deliveries {}–{}", info.first_year, info.last_year));
    }
    parts.push(format!("figures for {}", data.today()));
    Line::from(Span::styled(format!(" {}", parts.join(" · ")), theme.muted))
}

fn render_gauges(data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let p = data.programme();
    let outer = block("Delivered of contracted", theme);
    let inner = outer.inner(area);
    outer.render(area, buf);
    let rows: Vec<Rect> = Layout::vertical(vec![Constraint::Length(1); p.families.len() + 1])
        .split(inner)
        .to_vec();
    let label_width = p
        .families
        .iter()
        .map(|f| f.name.chars().count())
        .max()
        .unwrap_or(5)
        .max(9) as u16
        + 2;
    let entries = p
        .family_ids()
        .map(|f| {
            (
                p.family(f).name.as_str(),
                &data.figures.families[f.0 as usize],
            )
        })
        .chain(std::iter::once(("Programme", &data.figures.total)));
    for (row, (name, counts)) in rows.iter().zip(entries) {
        let [label, gauge] =
            Layout::horizontal([Constraint::Length(label_width), Constraint::Min(0)]).areas(*row);
        widgets::line(
            label,
            buf,
            Line::from(Span::styled(format!(" {name}"), theme.accent)),
        );
        let ratio = if counts.contracted == 0 {
            0.0
        } else {
            (f64::from(counts.delivered) / f64::from(counts.contracted)).clamp(0.0, 1.0)
        };
        Gauge::default()
            .ratio(ratio)
            .label(format!(
                "{} / {}  {:.1} %",
                counts.delivered,
                counts.contracted,
                counts.percent_delivered()
            ))
            .gauge_style(theme.ok)
            .use_unicode(true)
            .render(gauge, buf);
    }
}

fn render_schedule(data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let f = &data.figures;
    let mut lines = Vec::new();
    if let Some(y) = f.current_year() {
        let to_date = y.planned_to_date.unwrap_or(0.0);
        let lead = (f64::from(y.delivered) - to_date).round() as i64;
        lines.push(Line::from(vec![
            Span::raw(format!(" {}: ", y.year)),
            Span::styled(format!("{} delivered", y.delivered), theme.accent),
            Span::raw(format!(
                " against {to_date:.0} planned to date ({} for the whole year) ",
                y.planned
            )),
            Span::styled(verdict(lead), widgets::lead_style(lead, theme)),
        ]));
    }
    let lead = f.schedule.lead();
    lines.push(Line::from(vec![
        Span::raw(" Programme: "),
        Span::styled(
            format!("{} delivered", f.schedule.delivered_to_date),
            theme.accent,
        ),
        Span::raw(format!(
            " against {:.0} planned to date ",
            f.schedule.planned_to_date
        )),
        Span::styled(verdict(lead), widgets::lead_style(lead, theme)),
    ]));
    let total = &f.total;
    lines.push(Line::from(vec![
        Span::raw(format!(" In assembly: {} vehicles · ", total.in_assembly())),
        Span::styled(
            format!("{} on hold", total.on_hold),
            if total.on_hold > 0 {
                theme.warning
            } else {
                theme.muted
            },
        ),
        Span::raw(" · "),
        Span::styled(
            format!("{} overdue", total.overdue),
            if total.overdue > 0 {
                theme.error
            } else {
                theme.muted
            },
        ),
        Span::raw(format!(" · {} not started", total.not_started())),
    ]));
    let (errors, warnings) = (data.snapshot.errors(), data.snapshot.warnings());
    lines.push(Line::from(vec![
        Span::raw(" Problems: "),
        if errors + warnings == 0 {
            Span::styled("none", theme.ok)
        } else {
            Span::styled(
                format!("{errors} errors, {warnings} warnings (press 5)"),
                if errors > 0 {
                    theme.error
                } else {
                    theme.warning
                },
            )
        },
    ]));
    Paragraph::new(lines)
        .block(block("Against the plan", theme))
        .render(area, buf);
}

/// `on plan`, `3 ahead of plan`, `12 behind plan`.
pub fn verdict(lead: i64) -> String {
    match lead {
        0 => "on plan".to_owned(),
        n if n > 0 => format!("{n} ahead of plan"),
        n => format!("{} behind plan", -n),
    }
}

fn render_stages(data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height < 3 {
        return;
    }
    let p = data.programme();
    let outer = block("Queue by stage", theme);
    let inner = outer.inner(area);
    outer.render(area, buf);
    let counts = &data.figures.total.per_stage;
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let name_width = p
        .stages
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(5)
        .min(24);
    let bar_room = usize::from(inner.width).saturating_sub(name_width + 8);
    for (i, stage) in p.stages.iter().enumerate().take(usize::from(inner.height)) {
        let n = counts.get(i).copied().unwrap_or(0);
        let bar = "█".repeat((n as usize * bar_room).div_ceil(max as usize).min(bar_room));
        let row = Rect::new(inner.x, inner.y + i as u16, inner.width, 1);
        widgets::line(
            row,
            buf,
            Line::from(vec![
                Span::raw(format!(
                    " {:<name_width$} ",
                    widgets::fit(&stage.name, name_width)
                )),
                Span::styled(format!("{n:>4} "), theme.accent),
                Span::styled(
                    bar,
                    if stage.rework {
                        theme.warning
                    } else {
                        theme.ok
                    },
                ),
            ]),
        );
    }
}
