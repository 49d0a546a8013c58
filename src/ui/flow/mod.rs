//! The Flow view: how vehicles move through the stages. A headline naming the bottleneck
//! by Little's law with its evidence (or what the files lack to name one), the lead time,
//! the rework rate and what the histories cover; the stage table (in progress, median and
//! 85th percentile days in stage, the oldest vehicle, vehicles leaving a week and its
//! trend; from 120 columns the mean, the stays counted and Little's cross-check); under it
//! the cumulative flow chart and the hand-overs per month, or, after `Enter`, the selected
//! stage's vehicles by age. A tall screen adds the forecast's own trend under the charts
//! (the Deliveries view's `t` panel).

mod bars;
mod cfd;
mod table;
mod vehicles;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::{Theme, widgets};
use crate::app::App;
use crate::app::flow::Seen;
use crate::domain::Programme;
use crate::domain::completeness::{Completeness, State, UNSURE};
use crate::domain::flow::Flow;

/// The forecast's trend goes under the flow charts when this many rows are left for both.
const TREND_FROM_HEIGHT: u16 = 30;

/// The least area the view draws in: the headline and a few stages.
pub fn min_size(_app: &App) -> (u16, u16) {
    (40, 8)
}

/// Draws the view into `area`; returns what drawing the list of vehicles learned.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> Option<Seen> {
    let area = area.intersection(buf.area);
    let p = app.data.programme();
    let Some(flow) = app.flow.flow.as_ref() else {
        widgets::empty_note(area, buf, "no figures yet", theme);
        return None;
    };
    let completeness = &app.data.completeness;
    let gaps_rows = widgets::incomplete_rows(completeness, area.width);
    let heads = headline(p, flow, completeness, area.width, theme);
    let table_rows = (p.stages.len() as u16 + 1).min(
        area.height
            .saturating_sub(heads.len() as u16 + gaps_rows + 1),
    );
    let [gaps, head, table_area, rest] = Layout::vertical([
        Constraint::Length(gaps_rows),
        Constraint::Length(heads.len() as u16),
        Constraint::Length(table_rows),
        Constraint::Min(0),
    ])
    .areas(area);
    widgets::incomplete(completeness, theme, gaps, buf);
    for (i, line) in heads.into_iter().enumerate().take(usize::from(head.height)) {
        widgets::line(
            Rect {
                y: head.y + i as u16,
                height: 1,
                ..head
            },
            buf,
            line,
        );
    }
    table::render(p, flow, app.flow.selected, theme, table_area, buf);
    if rest.height < 4 {
        return None;
    }
    if app.flow.is_open() {
        return Some(vehicles::render(app, theme, rest, buf));
    }
    // A tall screen shows the forecast's trend under the flow charts: where the flow leads.
    let rest = match app.deliveries.trend() {
        Some(trend) if rest.height >= TREND_FROM_HEIGHT => {
            let [flow_area, trend_area] =
                Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(rest);
            widgets::trend::panel(trend, theme, trend_area, buf);
            flow_area
        }
        _ => rest,
    };
    let [left, right] = if rest.width >= 60 {
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(rest)
    } else {
        [rest, Rect::default()]
    };
    cfd::render(p, flow, theme, left, buf);
    if !right.is_empty() {
        bars::render(p, flow, app.flow.stage(), theme, right, buf);
    }
    None
}

/// The headline: the bottleneck and its evidence, the lead time and rework, and what the
/// histories cover. On incomplete figures the bottleneck is not named as fact: the line
/// above says what is missing, and the bottleneck is marked `may be wrong` in the error
/// style (without data, not named at all).
fn headline<'a>(
    p: &Programme,
    flow: &Flow,
    completeness: &Completeness,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    let basis = &flow.basis;
    if basis.no_history() {
        out.push(Line::from(Span::styled(
            "No stage histories in the status files: no time in stage, throughput of stages, \
             lead time or bottleneck by Little's law",
            theme.warning,
        )));
    } else if let Some(b) = &flow.bottleneck {
        let evidence = if width >= 110 {
            format!(": {} (Little's law)", b.evidence())
        } else {
            let r = &b.row;
            match r.clear_days {
                Some(d) => format!(
                    ": {} in progress, {:.1} out a week, {d:.0} days to clear",
                    r.wip, r.per_week
                ),
                None => format!(": {} in progress, none leaving: stalled", r.wip),
            }
        };
        let name = p.stage(b.stage()).name.clone();
        // As [`Completeness::finding`] says: not as fact when a gap may hide vehicles.
        match completeness.state() {
            State::NoData => {}
            _ if completeness.hides_vehicles() => out.push(Line::from(vec![
                Span::styled(format!("Bottleneck ({UNSURE}) "), theme.error),
                Span::styled(name, theme.error.add_modifier(Modifier::BOLD)),
                Span::styled(evidence, theme.error),
            ])),
            _ => out.push(Line::from(vec![
                Span::styled("Bottleneck ", theme.muted),
                Span::styled(name, theme.warning.add_modifier(Modifier::BOLD)),
                Span::styled(evidence, theme.warning),
            ])),
        }
    } else {
        out.push(Line::from(Span::styled(
            format!(
                "No bottleneck: no vehicle left a stage in the last {} weeks",
                crate::domain::flow::WINDOW_WEEKS
            ),
            theme.muted,
        )));
    }
    let mut facts: Vec<Span<'a>> = Vec::new();
    if let Some(l) = &flow.lead {
        facts.push(Span::raw(format!(
            "Lead time {} d median, 85th {} d ({} delivered)",
            table::num(l.median),
            l.p85,
            l.vehicles
        )));
    }
    if let Some(r) = &flow.rework {
        if !facts.is_empty() {
            facts.push(Span::styled(" · ", theme.muted));
        }
        facts.push(Span::raw(format!(
            "rework {:.2} a vehicle ({} of {})",
            r.rate(),
            r.reworked,
            r.passed
        )));
    }
    if !facts.is_empty() {
        out.push(Line::from(facts));
    }
    if !basis.no_history() && basis.untracked() > 0 || basis.no_history() {
        out.push(Line::from(Span::styled(
            widgets_words(basis.words(), basis.no_history()),
            theme.muted,
        )));
    }
    // The wide table's columns rest on two spans of time: say which is which.
    if !basis.no_history() && width >= table::WIDE {
        out.push(Line::from(Span::styled(
            format!(
                "Median, 85th, Mean: all completed stays · Out/wk, WIP vs law, To clear: the \
                 stays ended in the last {} complete weeks",
                crate::domain::flow::WINDOW_WEEKS
            ),
            theme.muted,
        )));
    }
    out
}

/// What the histories cover, shortened when there are none (the first line said it).
fn widgets_words(words: String, none: bool) -> String {
    if none {
        "Shown: today's vehicles per stage and the oldest; hand-overs per month".to_owned()
    } else {
        crate::domain::words::capitalize(&words)
    }
}
