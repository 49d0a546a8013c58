//! The trend's chart for the HTML report, drawn by plotters' SVG backend like the other
//! charts (`html/charts.rs`): the forecast finish at each month-end, one line per family,
//! filled dots where the rate rests on enough hand-overs and hollow ones where it does not,
//! and each family's planned end as a thin line in its colour.

use plotters::prelude::*;

use super::{TrendReport, TrendScope};
use crate::report::html::charts::{ACTUAL, FONT, FORECAST, PLAN, SIZE, finish};
use crate::report::html::escape;

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

/// The section's sentences (how the finish moved, the rule), then the milestone trend
/// chart with its caption and legend, into `out`.
pub(in crate::report) fn chart(r: &TrendReport, out: &mut String) {
    let shown = families(r);
    let finishes = || {
        shown.iter().flat_map(|s| {
            s.points
                .iter()
                .filter_map(|p| p.finish_date.as_deref().and_then(x_of))
        })
    };
    let ends: Vec<f64> = shown
        .iter()
        .filter_map(|s| s.planned_end.as_deref().and_then(x_of))
        .collect();
    let latest = shown
        .iter()
        .filter_map(|s| s.points.last()?.finish_date.as_deref().and_then(x_of))
        .chain(ends.iter().copied())
        .fold(f64::NEG_INFINITY, f64::max);
    let low = ends
        .iter()
        .copied()
        .chain(finishes())
        .fold(f64::INFINITY, f64::min);
    let high = ends
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
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(72)
            .build_cartesian_2d(x0..x1, y_lo..y_hi)
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .x_labels(8)
            .y_labels(8)
            .x_label_formatter(&month_label)
            .y_label_formatter(&month_label)
            .label_style((FONT, 16))
            .draw()
            .map_err(|e| e.to_string())?;
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

    let mut caption = "The forecast finish (y) as it stood at each month-end (x); a rising \
                       line is a slipping programme. Hollow dots rest on few hand-overs (low \
                       confidence); the thin lines are the planned ends."
        .to_owned();
    if clipped {
        caption.push_str(&format!(
            " Finishes after {} are drawn on the top edge.",
            month_label(&y_hi)
        ));
    }
    out.push_str(&format!("<p>{}</p>\n", escape(&super::intro(r))));
    out.push_str(&format!(
        "<figure class=\"chart\" data-chart=\"trend\">\n<figcaption>{}</figcaption>\n\
         <p class=\"legend\">",
        escape(&caption)
    ));
    let mut legend: Vec<(String, RGBColor)> = shown
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                s.family.clone().unwrap_or_default(),
                COLOURS[i % COLOURS.len()],
            )
        })
        .collect();
    if shown.is_empty() {
        legend.push(("no family".to_owned(), PLAN));
    }
    for (name, RGBColor(red, green, blue)) in legend {
        let colour = format!("#{red:02X}{green:02X}{blue:02X}");
        out.push_str(&format!(
            "<span data-series=\"{}\" data-colour=\"{colour}\"><span class=\"swatch\" \
             style=\"background:{colour}\"></span>{}</span>",
            escape(&name),
            escape(&name)
        ));
    }
    out.push_str("</p>\n");
    out.push_str(&svg);
    out.push_str("</figure>\n");
}
