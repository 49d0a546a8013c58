//! The Overview: the programme in one screen, readable from across a room.
//!
//! A headline says whether the programme is ahead of or behind plan, and the forecast's
//! verdict under it where the programme is heading at its recent rate; bars show delivered
//! of contracted per family, with a tick where the plan says they should be today; the
//! current year and the whole programme against the plan; the queue by stage. A wide
//! screen gets two columns, the year-by-year plan and the vehicles that need attention.

mod plan;
mod stages;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::widgets::{self, plural, thousands};
use crate::app::overview::State;
use crate::app::{App, Data};
use crate::domain::completeness::State as CompletenessState;
use crate::domain::forecast::Finish;
use crate::domain::words::follow_words;
use plan::{render_gauges, render_schedule};
use stages::{holds_height, render_attention, render_holds, render_stages};

/// The narrowest area the Overview draws in.
const MIN_WIDTH: u16 = 40;
/// From this size on, two columns.
const WIDE_WIDTH: u16 = 150;
const WIDE_HEIGHT: u16 = 30;
/// The smallest area the Overview draws in (columns, rows): the headline, the forecast,
/// a gauge per family, the plan and a line of stages.
pub fn min_size(app: &App) -> (u16, u16) {
    let families = u16::try_from(app.data.programme().families.len()).unwrap_or(u16::MAX);
    let gauges_height = families.saturating_add(3);
    let gaps = u16::from(!app.data.completeness.is_complete());
    (
        MIN_WIDTH,
        (2 + 4 + 3u16)
            .saturating_add(gaps)
            .saturating_add(gauges_height),
    )
}

/// Draws the Overview into `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let (state, data) = (&app.overview, &app.data);
    let area = area.intersection(buf.area);
    let (min_width, min_height) = min_size(app);
    if area.width < min_width || area.height < min_height {
        widgets::too_small(
            area,
            buf,
            (area.width, area.height),
            (min_width, min_height),
            theme,
        );
        return;
    }
    // The pace under the verdict when there is a row to spare.
    let pace = area.height > min_height;
    if area.width >= WIDE_WIDTH && area.height >= WIDE_HEIGHT {
        render_wide(state, data, theme, area, buf);
    } else {
        render_compact(state, data, theme, area, pace, buf);
    }
}

/// One column: headline, forecast, gauges, the plan, the stages (in two columns or one
/// line when short of height).
fn render_compact(
    state: &State,
    data: &Data,
    theme: &Theme,
    area: Rect,
    pace: bool,
    buf: &mut Buffer,
) {
    let families = data.programme().families.len() as u16;
    let gaps_height = u16::from(!data.completeness.is_complete());
    let [
        headline,
        gaps,
        forecast,
        pace_area,
        gauges,
        schedule,
        stages,
    ] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gaps_height),
        Constraint::Length(1),
        Constraint::Length(u16::from(pace)),
        Constraint::Length(families + 3),
        Constraint::Length(4),
        Constraint::Min(3),
    ])
    .areas(area);
    widgets::line(headline, buf, headline_line(data, theme, headline.width));
    widgets::line(gaps, buf, gaps_line(data, theme, gaps.width));
    widgets::line(forecast, buf, forecast_line(data, theme, forecast.width));
    widgets::line(pace_area, buf, pace_line(data, theme, pace_area.width));
    render_gauges(state, data, theme, gauges, 1, buf);
    render_schedule(data, theme, schedule, false, buf);
    // The holds by reason under the stages, when the stages keep their full height.
    let stages_full = data.programme().stages.len() as u16 + 1 + 2;
    let holds = holds_height(state);
    if holds > 0 && stages.height >= stages_full + 3 {
        let [stages, holds_area] =
            Layout::vertical([Constraint::Length(stages_full), Constraint::Max(holds)])
                .areas(stages);
        render_stages(state, data, theme, stages, buf);
        render_holds(state, theme, holds_area, buf);
    } else {
        render_stages(state, data, theme, stages, buf);
    }
}

/// Two columns: gauges and the plan on the left, stages and the vehicles that need
/// attention on the right.
fn render_wide(state: &State, data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let p = data.programme();
    let gaps_height = u16::from(!data.completeness.is_complete());
    let [headline, gaps, forecast, pace, facts, _, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gaps_height),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    widgets::line(headline, buf, headline_line(data, theme, headline.width));
    widgets::line(gaps, buf, gaps_line(data, theme, gaps.width));
    widgets::line(forecast, buf, forecast_line(data, theme, forecast.width));
    widgets::line(pace, buf, pace_line(data, theme, pace.width));
    widgets::line(facts, buf, facts_line(data, theme));
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);

    let rows = p.families.len() as u16 + 1;
    // Tall bars read from further away; a blank line between them.
    let gauge_rows = match body.height {
        50.. => 3,
        40.. => 2,
        _ => 1,
    };
    let gaps = if gauge_rows > 1 { rows - 1 } else { 0 };
    let gauges_height = rows * gauge_rows + gaps + 2;
    let years = data.figures.years.len() as u16;
    let [gauges, schedule, _] = Layout::vertical([
        Constraint::Length(gauges_height),
        Constraint::Length(2 + 1 + 1 + years + 2),
        Constraint::Min(0),
    ])
    .areas(left);
    render_gauges(state, data, theme, gauges, gauge_rows, buf);
    render_schedule(data, theme, schedule, true, buf);

    let stages_height = p.stages.len() as u16 + 1 + 2;
    let holds_wanted = holds_height(state).min(right.height.saturating_sub(stages_height) / 2);
    let [stages, holds, attention] = Layout::vertical([
        Constraint::Length(stages_height),
        Constraint::Length(holds_wanted),
        Constraint::Min(0),
    ])
    .areas(right);
    render_stages(state, data, theme, stages, buf);
    render_holds(state, theme, holds, buf);
    render_attention(state, data, theme, attention, buf);
}

/// `▼ 21 behind plan · 70 of 442 delivered · 2026-11-26 · no problems`, cut from the end
/// to fit. The verdict goes through the completeness: on incomplete figures it says so in
/// the error style (`▼ 18 BEHIND PLAN ON INCOMPLETE FIGURES`), and without data there is
/// no verdict and no count of deliveries at all (`✖ NO DATA`).
fn headline_line<'a>(data: &Data, theme: &Theme, width: u16) -> Line<'a> {
    let f = &data.figures;
    let c = &data.completeness;
    let lead = f.schedule.lead();
    let arrow = match (c.state(), lead) {
        (CompletenessState::NoData, _) => "✖",
        _ if c.lacks_plan() => "✖",
        (_, 0) => "●",
        (_, n) if n > 0 => "▲",
        _ => "▼",
    };
    let style = if c.is_complete() {
        widgets::lead_style(lead, theme)
    } else {
        theme.error
    };
    let mut spans = vec![Span::styled(
        format!(" {arrow} {}", c.verdict(lead).to_uppercase()),
        style.add_modifier(Modifier::BOLD),
    )];
    let (errors, warnings) = (data.snapshot.errors(), data.snapshot.warnings());
    let problems = if errors + warnings == 0 {
        Span::styled("no problems", theme.ok)
    } else {
        let mut parts = Vec::new();
        if errors > 0 {
            parts.push(plural(errors, "error", "errors"));
        }
        if warnings > 0 {
            parts.push(plural(warnings, "warning", "warnings"));
        }
        Span::styled(
            format!("{} (5)", parts.join(", ")),
            if errors > 0 {
                theme.error
            } else {
                theme.warning
            },
        )
    };
    let delivered = (c.state() != CompletenessState::NoData).then(|| {
        Span::styled(
            format!(
                "{} of {} delivered",
                thousands(f.total.delivered.into()),
                thousands(f.total.contracted.into())
            ),
            theme.accent,
        )
    });
    let rest = delivered.into_iter().chain([
        problems,
        Span::styled(format!("figures for {}", data.today()), theme.muted),
    ]);
    let mut used = Line::from(spans.clone()).width();
    for span in rest {
        let need = 3 + span.width();
        if used + need > usize::from(width) {
            break;
        }
        spans.push(Span::styled(" · ", theme.muted));
        spans.push(span);
        used += need;
    }
    Line::from(spans)
}

/// `✖ figures incomplete: queue-roanne.yaml refused: its records are left out`, in the
/// error style, cut to fit; empty when the figures are complete.
fn gaps_line<'a>(data: &Data, theme: &Theme, width: u16) -> Line<'a> {
    let Some(why) = data.completeness.why_not() else {
        return Line::default();
    };
    let mut text = format!(" ✖ {why}");
    // Root cause first: where to look, when other problems follow from one.
    if let Some((i, n)) = data.root_cause
        && let Some(p) = data.snapshot.problems.get(i)
    {
        let long = format!(" · cause: {} ({})", p.place(), follow_words(n));
        let short = format!(" · cause: {}", p.place());
        for tail in [long, short] {
            if text.width() + tail.width() <= usize::from(width) {
                text.push_str(&tail);
                break;
            }
        }
    }
    Line::from(Span::styled(
        widgets::fit(&text, usize::from(width)),
        theme.error,
    ))
}

/// `▸ at the current rate, the last Griffon arrives in 2032, two years late`, with the
/// window the rate is measured over when it fits.
fn forecast_line<'a>(data: &Data, theme: &Theme, width: u16) -> Line<'a> {
    let forecast = &data.forecast;
    let style = forecast_style(data, theme);
    let verdict = data.completeness.qualify(&forecast.verdict());
    let width = usize::from(width);
    let lead = " ▸ ";
    let mut spans = vec![
        Span::styled(lead, style),
        Span::styled(
            widgets::fit(&verdict, width.saturating_sub(lead.width())),
            style.add_modifier(Modifier::BOLD),
        ),
    ];
    // "At the current rate" says which rate where there is room; a verdict without a rate
    // (delivered, stalled, not started) needs no window.
    if matches!(
        forecast.programme.finish,
        Finish::Projected(_) | Finish::Blocked
    ) {
        let window = Span::styled(
            format!(
                " · rate of the last {}",
                plural(forecast.window_months as usize, "month", "months")
            ),
            theme.muted,
        );
        if Line::from(spans.clone()).width() + window.width() <= width {
            spans.push(window);
        }
    }
    Line::from(spans)
}

/// `  to finish on plan: Griffon needs 6.4 a month, does 5.1; …`, under the verdict, muted
/// and cut to fit; qualified like the verdict when the figures are incomplete.
fn pace_line<'a>(data: &Data, theme: &Theme, width: u16) -> Line<'a> {
    let pace = data.forecast.pace();
    if pace.is_empty() || data.completeness.state() == CompletenessState::NoData {
        return Line::default();
    }
    let text = format!("   {}", data.completeness.qualify(&pace));
    // Whole families only: a rate cut in the middle would read as another figure.
    let mut shown = String::new();
    for part in text.split("; ") {
        let next = if shown.is_empty() {
            part.to_owned()
        } else {
            format!("{shown}; {part}")
        };
        if next.width() > usize::from(width) {
            break;
        }
        shown = next;
    }
    if shown.is_empty() {
        shown = widgets::fit(&text, usize::from(width));
    }
    Line::from(Span::styled(shown, theme.muted))
}

/// How the forecast reads: a warning when the programme finishes late or its finish cannot
/// be projected though deliveries were due, ok when it is on course or delivered, muted
/// when there is nothing to say yet.
fn forecast_style(data: &Data, theme: &Theme) -> Style {
    let whole = &data.forecast.programme;
    match data.completeness.state() {
        CompletenessState::NoData => return theme.muted,
        // Never good news on incomplete figures.
        CompletenessState::Incomplete => return theme.warning,
        CompletenessState::Complete => {}
    }
    if whole.contracted == 0 {
        return theme.muted;
    }
    match whole.finish {
        Finish::Delivered(_) => theme.ok,
        Finish::Projected(_) => {
            // The family that finishes last speaks for the programme, as in the verdict.
            let last = data
                .forecast
                .families
                .iter()
                .filter(|o| o.contracted > 0)
                .filter_map(|o| match o.finish {
                    Finish::Projected(day) => Some((day, o)),
                    _ => None,
                })
                .max_by_key(|&(day, _)| day)
                .map(|(_, o)| o);
            if last.and_then(|o| o.years_late()).is_some_and(|n| n > 0) {
                theme.warning
            } else {
                theme.ok
            }
        }
        Finish::NotStarted if data.figures.schedule.planned_to_date <= 0.0 => theme.muted,
        Finish::NotStarted | Finish::Stalled(_) | Finish::Blocked => theme.warning,
    }
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
    Line::from(Span::styled(format!(" {}", parts.join(" · ")), theme.muted))
}
