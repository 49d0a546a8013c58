//! The Balance view: the Line of Balance of the programme or of one family. The scope
//! (`←` `→`), the sentence naming the first control point out of balance, a bar per control
//! point against its line with the shortfall or surplus in vehicles, and the objective
//! chart (cumulative plan and deliveries). At 200 columns the table adds the lead times,
//! planned and measured, and the month each line stands for.

mod chart;
mod points;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Theme, widgets};
use crate::app::App;
use crate::domain::Programme;
use crate::domain::balance::Study;
use crate::domain::completeness::{NO_LINE, NONE_SHORT};
use crate::domain::words::capitalize;

/// The least area the view draws in: the scope, the sentence and two points.
pub fn min_size(_app: &App) -> (u16, u16) {
    (40, 6)
}

/// Draws the view into `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    let state = &app.balance;
    let p = app.data.programme();
    let (Some(study), Some(balance)) = (state.study.as_ref(), state.balance()) else {
        widgets::empty_note(area, buf, "no figures yet", theme);
        return;
    };
    let completeness = &app.data.completeness;
    let notes = notes(p, study, area.width, theme);
    let table_rows = balance.points.len() as u16 + 3;
    let sentence_line = sentence_line(app, theme);
    // A sentence too long for one row takes two, or three on incomplete figures.
    let sentence_rows = rows(std::slice::from_ref(&sentence_line), area.width);
    let [scope, gaps, sentence, notes_area, table, chart_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(widgets::incomplete_rows(completeness, area.width)),
        Constraint::Length(sentence_rows),
        Constraint::Length(rows(&notes, area.width)),
        Constraint::Length(table_rows),
        Constraint::Min(0),
    ])
    .areas(area);
    widgets::line(scope, buf, scope_line(app, theme));
    widgets::incomplete(completeness, theme, gaps, buf);
    Paragraph::new(sentence_line)
        .wrap(Wrap { trim: true })
        .render(sentence, buf);
    Paragraph::new(notes)
        .wrap(Wrap { trim: true })
        .render(notes_area, buf);
    points::render(p, study, balance, theme, table, buf);
    // A chart flatter than this reads as no progress at all: better none, and a word
    // on where it went rather than blank rows.
    if chart_area.height >= CHART_ROWS {
        chart::render(state.objective(), study.today, theme, chart_area, buf);
    } else if chart_area.height > 0 {
        let missing = CHART_ROWS - chart_area.height;
        let note = format!(
            "The objective chart needs {missing} more row{}: a taller terminal shows it.",
            if missing == 1 { "" } else { "s" }
        );
        let at = Rect {
            height: 1,
            ..chart_area
        };
        widgets::line(at, buf, Line::from(Span::styled(note, theme.muted)));
    }
}

/// The least rows the objective chart is drawn in.
const CHART_ROWS: u16 = 7;

/// The rows `lines` take wrapped in `width` columns (a note or the sentence wraps, up to
/// three rows).
fn rows(lines: &[Line<'_>], width: u16) -> u16 {
    let width = usize::from(width.max(1));
    lines
        .iter()
        .map(|l| l.width().div_ceil(width).clamp(1, 3) as u16)
        .sum()
}

/// `Programme · Griffon · Jaguar`, the scope shown marked.
fn scope_line<'a>(app: &App, theme: &Theme) -> Line<'a> {
    let p = app.data.programme();
    let names = std::iter::once("Programme").chain(p.families.iter().map(|f| f.name.as_str()));
    let mut spans = vec![Span::styled("Scope ", theme.muted)];
    for (i, name) in names.enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.muted));
        }
        let style = if i == app.balance.scope {
            theme.selected.patch(theme.accent)
        } else {
            theme.muted
        };
        spans.push(Span::styled(format!(" {} ", widgets::fit(name, 24)), style));
    }
    if app.balance.scopes() > 1 {
        spans.push(Span::styled("  ←/→ family", theme.muted));
    }
    Line::from(spans)
}

/// The first point out of balance in words, or that every point is on or above its line;
/// through the completeness ([`Completeness::finding`]): on incomplete figures it says what
/// is missing and that it may be wrong, in the error style, and without a plan or data it
/// gives no finding at all.
///
/// [`Completeness::finding`]: crate::domain::completeness::Completeness::finding
fn sentence_line<'a>(app: &App, theme: &Theme) -> Line<'a> {
    let p = app.data.programme();
    let c = &app.data.completeness;
    let (mark, sentence, style) = match app.balance.warning() {
        Some(w) => (
            "▼ ",
            w.sentence(p),
            theme.warning.add_modifier(Modifier::BOLD),
        ),
        None if app
            .balance
            .balance()
            .is_some_and(|b| b.points.iter().all(|pt| pt.line.is_none())) =>
        {
            return Line::from(Span::styled("No control point has a line yet", theme.muted));
        }
        None => ("▲ ", capitalize(NONE_SHORT), theme.ok),
    };
    match c.finding(&sentence, true) {
        Some(s) if c.is_complete() => {
            Line::from(vec![Span::styled(mark, style), Span::styled(s, style)])
        }
        Some(s) => Line::from(vec![
            Span::styled("✖ ", theme.error),
            Span::styled(capitalize(&s), theme.error),
        ]),
        None if c.lacks_plan() => Line::from(Span::styled(
            format!("✖ {}", capitalize(NO_LINE)),
            theme.error,
        )),
        None => Line::from(Span::styled("✖ No data", theme.error)),
    }
}

/// What the study lacks, one line each: no plan, stages without a lead time, measured
/// lead times (a column of the wide table).
fn notes<'a>(p: &Programme, study: &Study, width: u16, theme: &Theme) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    let note = |text: String, style| Line::from(Span::styled(text, style));
    if study.missing.plan {
        out.push(note(
            "No plan in the status files: every line is 0 (write a `plan` section)".into(),
            theme.warning,
        ));
    }
    let missing = &study.missing.lead_times;
    let planned =
        study.families.iter().flat_map(|b| &b.points).any(|pt| {
            pt.stage.is_some() && (pt.planned_days.is_some() || pt.measured_days.is_some())
        });
    if !planned && !missing.is_empty() {
        out.push(note(
            "No lead times: only hand-over has a line. Write `lead_time_days` on the stages \
             (docs/FORMAT.md); measured ones need stage histories of delivered vehicles, which \
             the status files do not give"
                .into(),
            theme.warning,
        ));
        return out;
    }
    if !missing.is_empty() {
        let several = p.families.len() > 1;
        let names: Vec<String> = missing
            .iter()
            .map(|&(s, f)| {
                let stage = &p.stage(s).name;
                if several {
                    format!("{stage} ({})", p.family(f).name)
                } else {
                    stage.clone()
                }
            })
            .collect();
        out.push(note(
            format!(
                "No lead time for {}: no line there; write `lead_time_days` (docs/FORMAT.md)",
                names.join(", ")
            ),
            theme.warning,
        ));
    }
    // Only the wide table has a column of measured lead times to explain.
    if study.missing.histories && width >= points::WIDE {
        out.push(note(
            "Measured lead times need stage histories of delivered vehicles, which the status \
             files do not give: the lines use the planned lead times"
                .into(),
            theme.muted,
        ));
    }
    out
}
