//! The `trend` section's charts, from the report's [`TrendReport`] (the JSON's `trend`):
//! the milestone trend (the forecast finish as it stood at each month-end, one line per
//! family, filled dots where the rate rests on enough hand-overs and hollow ones where it
//! does not, each family's planned end as a thin line in its colour) and the programme's
//! rate needed to finish on plan against the vehicles handed over in each month
//! (`rates.rs`). With fewer than two month-ends there is no trend to draw, and the page says
//! so in words.

use plotters::prelude::*;

use super::charts::{ACTUAL, FORECAST, SIZE, Series, Ticks, axes, figure, finish};
use super::{escape, field};
use crate::report::{TrendReport, TrendRow, TrendScope};

/// The families' colours in turn.
const COLOURS: [RGBColor; 4] = [
    ACTUAL,
    FORECAST,
    RGBColor(0x3A, 0x9E, 0x5B),
    RGBColor(0x9B, 0x59, 0xB6),
];

/// Years the axis reaches past the plan's end and today's finishes; later finishes are
/// drawn on the top edge, and the caption says so.
const LOOK_AHEAD_YEARS: f64 = 3.0;

/// A day `YYYY-MM-DD` on an axis of years (at the day's end).
fn x_of(day: &str) -> Option<f64> {
    let d: crate::domain::Date = day.parse().ok()?;
    Some(crate::domain::dates::year_fraction(d) + f64::from(chrono::Datelike::year(&d)))
}

/// `2026-07` for a point on an axis of years.
fn month_label(x: &f64) -> String {
    let year = x.floor();
    let month = ((x - year) * 12.0).floor() as i32 + 1;
    format!("{}-{:02}", year as i32, month.clamp(1, 12))
}

/// The families drawn: those with a point.
fn families(r: &TrendReport) -> Vec<&TrendScope> {
    r.scopes
        .iter()
        .filter(|s| s.family.is_some() && !s.points.is_empty())
        .collect()
}

/// The programme's month-end points, oldest first (today's, when not a month-end, left out).
pub(super) fn month_ends(r: &TrendReport) -> Vec<&TrendRow> {
    r.scopes
        .first()
        .map(|s| s.points.iter().filter(|p| p.month_end).collect())
        .unwrap_or_default()
}

/// The section's sentences (how the finish moved, the rule), then its two charts, or the
/// words saying why there is none, into `out`.
pub(super) fn section(r: &TrendReport, out: &mut String) {
    out.push_str(&format!(
        "<p>{}</p>\n",
        escape(&crate::report::trend::intro(r))
    ));
    let ends = month_ends(r);
    if ends.len() < 2 {
        let when = match ends.first() {
            Some(p) => format!("only at {}", field("trend.scopes.0.points.0.day", &p.day)),
            None => "at no month-end".to_owned(),
        };
        out.push_str(&format!(
            "<p class=\"missing\" data-missing=\"trend\">No forecast trend chart: the forecast \
             can be made again {when} since the first hand-over, and a trend needs two \
             month-ends.</p>\n"
        ));
        return;
    }
    milestones(r, &ends, out);
    super::rates::chart(r, &ends, out);
}

/// The milestone trend chart with its caption and legend; without a projected finish to
/// draw, the words saying so.
fn milestones(r: &TrendReport, ends: &[&TrendRow], out: &mut String) {
    let shown = families(r);
    let drawn = shown
        .iter()
        .flat_map(|s| &s.points)
        .filter(|p| p.finish == "projected")
        .count();
    if drawn == 0 {
        out.push_str(&format!(
            "<p class=\"missing\" data-missing=\"trend\">No forecast trend chart: at none of \
             the {} month-ends was a finish projected for {}, so there is no line to \
             draw.</p>\n",
            ends.len(),
            if shown.is_empty() {
                "any family (the files name none)"
            } else {
                "any family"
            }
        ));
        return;
    }
    let finishes = || {
        shown.iter().flat_map(|s| {
            s.points
                .iter()
                .filter_map(|p| p.finish_date.as_deref().and_then(x_of))
        })
    };
    let planned: Vec<f64> = shown
        .iter()
        .filter_map(|s| s.planned_end.as_deref().and_then(x_of))
        .collect();
    let latest = shown
        .iter()
        .filter_map(|s| s.points.last()?.finish_date.as_deref().and_then(x_of))
        .chain(planned.iter().copied())
        .fold(f64::NEG_INFINITY, f64::max);
    let low = planned
        .iter()
        .copied()
        .chain(finishes())
        .fold(f64::INFINITY, f64::min);
    let high = planned
        .iter()
        .copied()
        .chain(finishes())
        .fold(f64::NEG_INFINITY, f64::max);
    let cap = latest.ceil() + LOOK_AHEAD_YEARS;
    let clipped = latest.is_finite() && high > cap;
    let (y_lo, y_hi) = if low.is_finite() {
        (low.floor(), high.min(cap).ceil().max(low.floor() + 1.0))
    } else {
        (0.0, 1.0)
    };
    let days: Vec<f64> = r
        .scopes
        .first()
        .map(|s| s.points.iter().filter_map(|p| x_of(&p.day)).collect())
        .unwrap_or_default();
    let x0 = days.first().copied().unwrap_or(0.0);
    let x1 = days.last().copied().unwrap_or(1.0).max(x0 + 1.0 / 12.0);

    let mut svg = String::new();
    let drawn = (|| -> Result<(), String> {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        let ticks = Ticks {
            x: 8,
            x_text: Some(&month_label),
            y_text: Some(&month_label),
            y_area: 72,
        };
        let mut chart = axes(&root, x0..x1, y_lo..y_hi, &ticks)?;
        for (i, s) in shown.iter().enumerate() {
            let colour = COLOURS[i % COLOURS.len()];
            if let Some(end) = s.planned_end.as_deref().and_then(x_of) {
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(x0, end), (x1, end)],
                        colour.mix(0.6).stroke_width(1),
                    )))
                    .map_err(|e| e.to_string())?;
            }
            // Runs of projected points: a month-end with no finish breaks the line.
            let mut runs: Vec<Vec<(f64, f64, bool)>> = vec![Vec::new()];
            for p in &s.points {
                match (x_of(&p.day), p.finish_date.as_deref().and_then(x_of)) {
                    (Some(x), Some(y)) if p.finish == "projected" => {
                        if let Some(run) = runs.last_mut() {
                            run.push((x, y.min(y_hi), p.low_confidence.is_some()));
                        }
                    }
                    _ => runs.push(Vec::new()),
                }
            }
            for run in runs.iter().filter(|r| !r.is_empty()) {
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        run.iter().map(|&(x, y, _)| (x, y)).collect::<Vec<_>>(),
                        colour.stroke_width(3),
                    )))
                    .map_err(|e| e.to_string())?;
                chart
                    .draw_series(run.iter().map(|&(x, y, low)| {
                        let style = if low {
                            colour.stroke_width(2)
                        } else {
                            colour.filled()
                        };
                        Circle::new((x, y), 5, style)
                    }))
                    .map_err(|e| e.to_string())?;
            }
        }
        root.present().map_err(|e| e.to_string())
    })();
    let svg = finish(svg, drawn);

    let points = r.scopes.first().map_or(0, |s| s.points.len());
    let last_end = ends.len() - 1;
    let mut caption = format!(
        "The forecast finish (up) as it stood on each of {} days (across): {} month-ends from \
         {} to {}{}, each forecast made from the deliveries dated on or before its day at a \
         rate over {} months. A rising line is a slipping finish. ",
        field_count("trend.scopes.0.points", points),
        ends.len(),
        field("trend.scopes.0.points.0.day", &ends[0].day),
        field(
            &format!("trend.scopes.0.points.{last_end}.day"),
            &ends[last_end].day
        ),
        if points > ends.len() {
            format!(
                ", and today, {}",
                field(
                    &format!("trend.scopes.0.points.{}.day", points - 1),
                    r.scopes
                        .first()
                        .and_then(|s| s.points.last())
                        .map_or("", |p| p.day.as_str())
                )
            )
        } else {
            String::new()
        },
        field("trend.window_months", r.window_months),
    );
    let per_family: Vec<String> = shown
        .iter()
        .map(|s| {
            let projected = s.points.iter().filter(|p| p.finish == "projected").count();
            let low = s
                .points
                .iter()
                .filter(|p| p.finish == "projected" && p.low_confidence.is_some())
                .count();
            format!(
                "{}: <span data-projected=\"{}\">{projected}</span> of {} projected ({} low \
                 confidence)",
                escape(s.family.as_deref().unwrap_or("")),
                escape(s.family.as_deref().unwrap_or("")),
                s.points.len(),
                low
            )
        })
        .collect();
    {
        caption.push_str(&format!(
            "Dots drawn, one per projected finish: {}; a day with no projected finish (not \
             started, stalled, delivered) breaks the line. Hollow dots rest on few hand-overs \
             (low confidence); the thin lines are the planned ends ({}).",
            per_family.join("; "),
            planned_ends(&shown)
        ));
    }
    if clipped {
        caption.push_str(&format!(
            " Finishes after {} are drawn on the top edge.",
            month_label(&y_hi)
        ));
    }
    let series: Vec<Series> = shown
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Series::new(
                s.family.clone().unwrap_or_default(),
                COLOURS[i % COLOURS.len()],
            )
        })
        .collect();
    figure("trend", &caption, &series, &svg, out);
}

/// The families' planned ends in words: `2030-12-31` when they share it, else each's.
fn planned_ends(shown: &[&TrendScope]) -> String {
    let mut ends: Vec<&str> = shown
        .iter()
        .filter_map(|s| s.planned_end.as_deref())
        .collect();
    ends.sort_unstable();
    ends.dedup();
    match ends.as_slice() {
        [] => "none: no plan".to_owned(),
        [one] => escape(one),
        _ => shown
            .iter()
            .map(|s| {
                format!(
                    "{} {}",
                    escape(s.family.as_deref().unwrap_or("")),
                    escape(s.planned_end.as_deref().unwrap_or("none"))
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The count of the JSON array at `path`, tagged with it.
fn field_count(path: &str, n: usize) -> String {
    format!("<span data-count=\"{path}\">{n}</span>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_as_months() {
        // The end of 30 June is 181 days into 2026: 0.496 of the year, in its sixth twelfth.
        assert_eq!(
            x_of("2026-06-30").map(|x| month_label(&x)).unwrap(),
            "2026-06"
        );
        assert_eq!(month_label(&2026.55), "2026-07");
    }
}
