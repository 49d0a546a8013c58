//! The forecast's own trend as two charts: the milestone trend (the forecast finish as it
//! stood at each month-end, one series per family, against the plan's end) and the rate
//! needed to finish on plan against the vehicles handed over each month. Shared: the
//! Deliveries view draws them, and any view holding a [`Trend`] may.

mod panel;
mod rates;

pub use panel::panel;
pub use rates::rates;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Widget};
use unicode_width::UnicodeWidthStr;

use crate::domain::Date;
use crate::domain::dates::year_fraction;
use crate::domain::forecast::{Finish, HORIZON_YEARS, Trend, TrendSeries};
use crate::ui::Theme;

use chrono::Datelike;

/// Years the milestone chart's axis reaches past the plan's end and today's finishes.
pub const LOOK_AHEAD_YEARS: i32 = 3;

/// Where a day falls on an axis of years (at its end): `2026.0` is the first of January.
fn x_of(day: Date) -> f64 {
    f64::from(day.year()) + year_fraction(day)
}

/// `Nov 2026`.
fn short_month(day: Date) -> String {
    day.format("%b %Y").to_string()
}

/// The style of the `i`th family's series: the theme's colours in turn.
fn family_style(i: usize, theme: &Theme) -> Style {
    [theme.accent, theme.ok, theme.warning, theme.error][i % 4]
}

/// The letter that marks a family's points: its initial, or its number (1–9, then `+`)
/// when two families share an initial. Upper case; low-confidence points use the lower.
fn family_marks(trend: &Trend) -> Vec<char> {
    let initials: Vec<char> = trend
        .families
        .iter()
        .map(|s| {
            s.name
                .chars()
                .find(|c| c.is_alphanumeric())
                .map_or('?', |c| c.to_ascii_uppercase())
        })
        .collect();
    let unique = initials
        .iter()
        .enumerate()
        .all(|(i, c)| !initials[..i].contains(c));
    if unique {
        initials
    } else {
        (0..initials.len())
            .map(|i| char::from_digit(i as u32 + 1, 10).unwrap_or('+'))
            .collect()
    }
}

/// A block whose title is `spans`, the longest of the tiers that fits.
fn titled<'a>(tiers: Vec<Vec<Span<'a>>>, width: u16, theme: &Theme) -> Block<'a> {
    let room = usize::from(width).saturating_sub(4);
    let width_of = |t: &[Span]| t.iter().map(|s| s.content.width()).sum::<usize>();
    let last = tiers.len().saturating_sub(1);
    let pick = tiers
        .iter()
        .position(|t| width_of(t) <= room)
        .unwrap_or(last);
    let mut spans = vec![Span::raw(" ")];
    spans.extend(tiers.into_iter().nth(pick).unwrap_or_default());
    spans.push(Span::raw(" "));
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.muted)
        .title(Line::from(spans))
}

/// A series of the chart: its points on the axes and whether each rests on few hand-overs.
struct Plotted {
    /// Runs of consecutive projected points (a month with no finish breaks the line).
    runs: Vec<Vec<(f64, f64)>>,
    confident: Vec<(f64, f64)>,
    low: Vec<(f64, f64)>,
}

/// The milestone trend: x the month-end the forecast was made on, y the month it gave for
/// the last vehicle; a dotted line at each family's planned end; one series per family with
/// vehicles on contract, its points marked by its letter (lower case: low confidence), its
/// planned end a dotted line in its colour (the axis' years start on 1 January). A
/// month-end with no finish (nothing handed over yet, a stalled line) leaves a gap.
/// Finishes beyond [`LOOK_AHEAD_YEARS`] past the plan's end and today's finishes are drawn
/// on the top edge, labelled `≥`.
pub fn milestones(trend: &Trend, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let marks = family_marks(trend);
    let shown: Vec<(usize, &TrendSeries)> = trend
        .families
        .iter()
        .enumerate()
        .filter(|(_, s)| s.points.iter().any(|p| p.outlook.contracted > 0))
        .collect();
    let days: Vec<Date> = trend.programme.points.iter().map(|p| p.day).collect();
    let (Some(&first), Some(&last)) = (days.first(), days.last()) else {
        return;
    };
    let x = [x_of(first), x_of(last).max(x_of(first) + 1.0 / 12.0)];

    let plan_ends: Vec<Date> = {
        let mut ends: Vec<Date> = shown.iter().filter_map(|(_, s)| s.planned_end()).collect();
        ends.sort_unstable();
        ends.dedup();
        ends
    };
    let finishes = || {
        shown.iter().flat_map(|(_, s)| {
            s.points.iter().filter_map(|p| match p.outlook.finish {
                Finish::Projected(d) => Some(d),
                _ => None,
            })
        })
    };
    // The axis reaches [`LOOK_AHEAD_YEARS`] past the later of the plan's end and today's
    // finishes (at most [`HORIZON_YEARS`] past the plan): early points resting on a
    // hand-over or two may lie decades out, and would flatten the rest.
    let latest = shown
        .iter()
        .filter_map(|(_, s)| match s.latest()?.outlook.finish {
            Finish::Projected(d) => Some(x_of(d)),
            _ => None,
        })
        .chain(plan_ends.iter().map(|&e| x_of(e)))
        .fold(f64::NEG_INFINITY, f64::max);
    let cap = plan_ends.last().map(|e| {
        (latest.ceil() + f64::from(LOOK_AHEAD_YEARS)).min(f64::from(e.year() + 1 + HORIZON_YEARS))
    });
    let lowest = plan_ends
        .iter()
        .copied()
        .chain(finishes())
        .map(x_of)
        .fold(f64::INFINITY, f64::min);
    let highest = plan_ends
        .iter()
        .copied()
        .chain(finishes())
        .map(x_of)
        .fold(f64::NEG_INFINITY, f64::max);
    let clipped = cap.is_some_and(|c| highest > c);
    let (lo, hi) = if lowest.is_finite() {
        let hi = cap.map_or(highest, |c| highest.min(c));
        (lowest.floor(), hi.ceil().max(lowest.floor() + 1.0))
    } else {
        (x[0].floor(), x[0].floor() + 1.0)
    };

    let plotted: Vec<Plotted> = shown
        .iter()
        .map(|(_, s)| {
            let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
            let (mut confident, mut low) = (Vec::new(), Vec::new());
            for p in &s.points {
                match p.outlook.finish {
                    Finish::Projected(d) => {
                        let point = (x_of(p.day), x_of(d).min(hi));
                        if let Some(run) = runs.last_mut() {
                            run.push(point);
                        }
                        if p.is_low_confidence() {
                            low.push(point);
                        } else {
                            confident.push(point);
                        }
                    }
                    _ => {
                        if runs.last().is_some_and(|r| !r.is_empty()) {
                            runs.push(Vec::new());
                        }
                    }
                }
            }
            Plotted {
                runs,
                confident,
                low,
            }
        })
        .collect();
    // Each family's planned end in its colour, the latest drawn first (so that an end two
    // families share takes the first family's colour).
    let plan_lines: Vec<(Style, [(f64, f64); 2])> = shown
        .iter()
        .rev()
        .filter_map(|(i, s)| {
            let e = x_of(s.planned_end()?);
            Some((family_style(*i, theme), [(x[0], e), (x[1], e)]))
        })
        .collect();

    let mut datasets: Vec<Dataset> = plan_lines
        .iter()
        .map(|(style, l)| {
            Dataset::default()
                .marker(Marker::Dot)
                .graph_type(GraphType::Line)
                .style(*style)
                .data(l)
        })
        .collect();
    for ((i, _), p) in shown.iter().zip(&plotted) {
        let style = family_style(*i, theme);
        for run in p.runs.iter().filter(|r| r.len() > 1) {
            datasets.push(
                Dataset::default()
                    .marker(Marker::Braille)
                    .graph_type(GraphType::Line)
                    .style(style)
                    .data(run),
            );
        }
    }
    for ((i, _), p) in shown.iter().zip(&plotted) {
        let style = family_style(*i, theme);
        let mark = marks[*i];
        datasets.push(
            Dataset::default()
                .marker(Marker::Custom(mark.to_ascii_lowercase()))
                .graph_type(GraphType::Scatter)
                .style(style)
                .data(&p.low),
        );
        datasets.push(
            Dataset::default()
                .marker(Marker::Custom(mark))
                .graph_type(GraphType::Scatter)
                .style(style)
                .data(&p.confident),
        );
    }

    // The title: the legend, the longest that fits.
    let legend = |long: bool| -> Vec<Span> {
        let mut spans = Vec::new();
        for (i, s) in &shown {
            let name = if long {
                s.name.clone()
            } else {
                crate::app::words::fit(&s.name, 8)
            };
            spans.push(Span::styled(
                format!("{} {name}", marks[*i]),
                family_style(*i, theme),
            ));
            spans.push(Span::raw(" "));
        }
        spans
    };
    let head = |text: &'static str| Span::styled(text, theme.accent);
    let plan = Span::styled("plan end •", theme.muted);
    let low = Span::styled(" · lower case: low confidence", theme.muted);
    let tiers = vec![
        [
            vec![head("Forecast finish at each month-end: ")],
            legend(true),
            vec![plan.clone(), low.clone()],
        ]
        .concat(),
        [
            vec![head("Forecast finish: ")],
            legend(true),
            vec![plan.clone(), low],
        ]
        .concat(),
        [vec![head("Finish: ")], legend(true), vec![plan.clone()]].concat(),
        [vec![head("Finish: ")], legend(false)].concat(),
        vec![head("Forecast finish")],
    ];
    let block = titled(tiers, area.width, theme);

    let top = if clipped {
        format!("≥{}", hi as i32)
    } else {
        format!("{}", hi as i32)
    };
    let chart = Chart::new(datasets)
        .block(block)
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds(x)
                .style(theme.muted)
                .labels([short_month(first), short_month(last)]),
        )
        .y_axis(
            Axis::default()
                .bounds([lo, hi])
                .style(theme.muted)
                .labels([format!("{}", lo as i32), top]),
        );
    chart.render(area, buf);
}
