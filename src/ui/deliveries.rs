//! The Deliveries view: yearly progress over the whole programme period. Planned against
//! delivered per year as bars, the cumulative plan against the cumulative deliveries as a
//! line chart with the forecast's projection after today, the forecast in words (rates and
//! projected finishes), and a table per year and per variant whose family and programme
//! rows set the projection against the plan in the years to come. The current year counts
//! the plan pro-rated to today; Left/Right select a year (summed up on the first line),
//! Up/Down scroll the table. `t` puts the forecast's own trend in the charts' place (its
//! finish at each month-end, the rate needed against each month's hand-overs); a large
//! screen shows the trend under the yearly charts as well.

mod charts;
mod outlook;
mod table;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Theme;
use super::widgets;
use crate::app::deliveries::{
    Charts, Mark, Seen, When, header_label, projecting, projection, projection_parts, when,
};
use crate::app::{App, Data};
use crate::domain::YearFigures;
use crate::domain::forecast::YearOutlook;
use table::render_table;

/// The smallest area the view draws in.
const MIN_WIDTH: u16 = 50;
const MIN_HEIGHT: u16 = 8;
/// Charts need this many rows of the view (the table keeps the rest).
const CHARTS_FROM_HEIGHT: u16 = 16;
/// The line chart goes beside the bars from this width on; below it, only the bars.
const LINE_CHART_FROM_WIDTH: u16 = 70;
/// The forecast goes in a titled box, with more said per line, from this size on.
const OUTLOOK_BOX_FROM_HEIGHT: u16 = 36;
const OUTLOOK_BOX_FROM_WIDTH: u16 = 100;
/// The yearly charts leave room for the trend under them from this size of chart area on.
const BOTH_FROM_HEIGHT: u16 = 28;
const BOTH_FROM_WIDTH: u16 = 140;
pub(super) fn mark_style(mark: Mark, theme: &Theme) -> Style {
    match mark {
        Mark::Empty => theme.muted,
        Mark::OnPlan => theme.ok,
        Mark::Behind => theme.warning,
        Mark::Planned => Style::new().fg(theme.plan),
    }
}

/// The figures in the plan's colour and the difference coloured by its sign; without the
/// difference, the figures take its colour.
pub(super) fn projection_spans<'a>(
    y: &YearOutlook,
    difference: bool,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let style = if y.difference() < 0 {
        theme.warning
    } else {
        theme.ok
    };
    let (figures, signed) = projection_parts(y);
    if !difference {
        return vec![Span::styled(figures, style)];
    }
    vec![
        Span::styled(figures, Style::new().fg(theme.plan)),
        Span::raw(" "),
        Span::styled(signed, style),
    ]
}

/// How many lines the forecast takes in an area of `width`×`height`, and whether boxed.
fn outlook_height(data: &Data, width: u16, height: u16) -> (u16, bool) {
    let boxed = height >= OUTLOOK_BOX_FROM_HEIGHT && width >= OUTLOOK_BOX_FROM_WIDTH;
    // A line per family and the programme's where the table keeps a few rows; else only
    // the programme's (or the family's that finishes last).
    let budget = if boxed {
        8
    } else if height >= CHARTS_FROM_HEIGHT + 4 {
        3
    } else {
        1
    };
    let rows = outlook::rows(&data.forecast, budget).len() as u16;
    match rows {
        0 => (0, false),
        n if boxed => (n + 2, true),
        n => (n, false),
    }
}

/// The smallest area the view draws in (columns, rows).
pub fn min_size(_app: &App) -> (u16, u16) {
    (MIN_WIDTH, MIN_HEIGHT)
}

/// Draws the Deliveries view into `area`; returns what drawing its table learned
/// (`None` when the table was not drawn).
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> Option<Seen> {
    let (state, data) = (&app.deliveries, &app.data);
    let area = area.intersection(buf.area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        widgets::too_small(
            area,
            buf,
            (area.width, area.height),
            (MIN_WIDTH, MIN_HEIGHT),
            theme,
        );
        return None;
    }
    // Every figure rests on the deliveries and the plan loaded: say first when some are
    // missing.
    let area = widgets::above_incomplete(&data.completeness, theme, area, buf);
    let years = &data.figures.years;
    let Some(selected) = state.selected_index(years) else {
        widgets::empty_note(
            area,
            buf,
            "No delivery years: the status files have no programme years, plan or deliveries.",
            theme,
        );
        return None;
    };
    let table_need = state.rows.len() as u16 + 3;
    let (outlook_h, boxed) = outlook_height(data, area.width, area.height);
    let charts_h = if area.height >= CHARTS_FROM_HEIGHT {
        let room = area.height - 1 - outlook_h;
        // At least the bars, one row per year; more when the table leaves room.
        let bars = years.len() as u16 + 2;
        // The trend's charts read better with a few more rows than the bars need.
        let least = match state.charts_shown() {
            Charts::Trend => 12,
            Charts::Yearly => 8,
        };
        room.saturating_sub(table_need)
            .max(bars.min(room / 2))
            .max(least)
            .min(room.saturating_sub(5))
    } else {
        0
    };
    let [summary, outlook_area, charts_area, table] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(outlook_h),
        Constraint::Length(charts_h),
        Constraint::Min(0),
    ])
    .areas(area);
    widgets::line(
        summary,
        buf,
        summary_line(data, &years[selected], theme, usize::from(area.width)),
    );
    outlook::render(data, theme, outlook_area, buf, boxed);
    if charts_h > 0 {
        let both = charts_h >= BOTH_FROM_HEIGHT && area.width >= BOTH_FROM_WIDTH;
        match (state.charts_shown(), state.trend()) {
            (Charts::Trend, Some(t)) => widgets::trend::panel(t, theme, charts_area, buf),
            (_, Some(t)) if both => {
                let [yearly, below] =
                    Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)])
                        .areas(charts_area);
                render_yearly(app, selected, theme, yearly, buf);
                widgets::trend::panel(t, theme, below, buf);
            }
            _ => render_yearly(app, selected, theme, charts_area, buf),
        }
    }
    render_table(state, data, selected, theme, table, buf)
}

/// The bars per year, and beside them when the width allows the cumulative line.
fn render_yearly(app: &App, selected: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let data = &app.data;
    if area.width >= LINE_CHART_FROM_WIDTH {
        let [bars, line] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(area);
        charts::render_bars(data, selected, theme, bars, buf);
        charts::render_line(&app.deliveries.charts, data, theme, line, buf);
    } else {
        charts::render_bars(data, selected, theme, area, buf);
    }
}

/// The selected year in one line, then the programme to date and the keys when they fit.
fn summary_line<'a>(data: &Data, y: &YearFigures, theme: &Theme, width: usize) -> Line<'a> {
    let today = data.today();
    let mut spans = vec![Span::styled(
        format!(" {} ", header_label(y.year, when(y.year, today))),
        theme.accent,
    )];
    match when(y.year, today) {
        When::Past => {
            let lead = i64::from(y.delivered) - i64::from(y.planned);
            spans.push(Span::raw(format!(
                "planned {} · delivered {} · ",
                widgets::thousands(y.planned.into()),
                widgets::thousands(y.delivered.into())
            )));
            spans.push(Span::styled(
                widgets::verdict_words(&data.completeness, lead, false),
                widgets::verdict_style(&data.completeness, lead, theme),
            ));
        }
        When::Current(_) => {
            let to_date = y.planned_to_date.unwrap_or(0.0);
            let lead = (f64::from(y.delivered) - to_date).round() as i64;
            spans.push(Span::raw(format!(
                "planned {} ({} to date) · delivered {} · ",
                widgets::thousands(y.planned.into()),
                widgets::thousands(to_date.max(0.0).round() as u64),
                widgets::thousands(y.delivered.into())
            )));
            spans.push(Span::styled(
                widgets::verdict_words(&data.completeness, lead, false),
                widgets::verdict_style(&data.completeness, lead, theme),
            ));
        }
        When::Future => {
            spans.push(Span::raw(format!(
                "planned {}",
                widgets::thousands(y.planned.into())
            )));
            spans.push(Span::styled(" · to come", theme.muted));
        }
    }
    // A year to come: what the current rate makes of it, in the most words that fit.
    let projected = match when(y.year, today) {
        When::Future => projection(data, None, y.year).map(|o| {
            // The year against its own plan, and where the programme stands at its end:
            // a year over its own plan can still leave the programme behind.
            let d = o.difference();
            let year_words = match d {
                0 => "as planned that year".to_owned(),
                d if d > 0 => format!(
                    "{} more than planned that year",
                    widgets::thousands(d.unsigned_abs())
                ),
                d => format!(
                    "{} fewer than planned that year",
                    widgets::thousands(d.unsigned_abs())
                ),
            };
            let position = o.position();
            let (standing, style) = match position {
                0 => (format!("on plan by the end of {}", y.year), theme.ok),
                n if n > 0 => (
                    format!(
                        "{} ahead of plan by the end of {}",
                        widgets::thousands(n.unsigned_abs()),
                        y.year
                    ),
                    theme.ok,
                ),
                n => (
                    format!(
                        "{} behind plan by the end of {}",
                        widgets::thousands(n.unsigned_abs()),
                        y.year
                    ),
                    theme.warning,
                ),
            };
            let short_standing = widgets::verdict_words(&data.completeness, position, true);
            let p = widgets::thousands(o.projected.into());
            [
                vec![
                    Span::raw(format!(" · {p} at the current rate ({year_words}) · ")),
                    Span::styled(standing.clone(), style),
                ],
                vec![
                    Span::raw(format!(" · projected {p} · ")),
                    Span::styled(standing, style),
                ],
                vec![
                    Span::raw(format!(" · projected {p} · ")),
                    Span::styled(short_standing, style),
                ],
                vec![Span::styled(format!(" · projected {p}"), style)],
            ]
        }),
        _ => None,
    };
    // This year's end at the current rate, when there is room for it.
    let year_end = match when(y.year, today) {
        When::Current(_) => data
            .forecast
            .programme
            .years
            .iter()
            .find(|o| o.year == y.year)
            .filter(|_| projecting(data))
            .map(|o| {
                Span::styled(
                    format!(" · {} by the year's end at the current rate", o.projected),
                    theme.muted,
                )
            }),
        _ => None,
    };
    let s = &data.figures.schedule;
    let tail = vec![
        Span::styled("   Programme to date: ", theme.muted),
        Span::raw(format!(
            "{} delivered of {:.0} planned · ",
            s.delivered_to_date, s.planned_to_date
        )),
        Span::styled(
            widgets::verdict_words(&data.completeness, s.lead(), false),
            widgets::verdict_style(&data.completeness, s.lead(), theme),
        ),
    ];
    // The keys that change the line, since the status line has no room for them.
    let hint = Span::styled("   ←/→ year", theme.muted);
    let mut line = Line::from(spans);
    if let Some(tiers) = projected {
        let used = line.width();
        let width_of = |t: &[Span]| t.iter().map(Span::width).sum::<usize>();
        // With the keys' hint if possible, else alone.
        let pick = tiers
            .iter()
            .find(|t| used + width_of(t) + hint.width() <= width)
            .or_else(|| tiers.iter().find(|t| used + width_of(t) <= width));
        if let Some(t) = pick {
            line.spans.extend(t.iter().cloned());
        }
    }
    if let Some(year_end) = year_end
        && line.width() + year_end.width() + hint.width() <= width
    {
        line.spans.push(year_end);
    }
    let tail_width: usize = tail.iter().map(|s| s.width()).sum();
    if line.width() + tail_width + hint.width() <= width {
        line.spans.extend(tail);
    }
    if line.width() + hint.width() <= width {
        line.spans.push(hint);
    }
    line
}
