//! The report's charts, drawn by plotters' SVG backend into the page: bars of delivered
//! against contracted per family, of plan against actual per year, and the cumulative
//! deliveries with the plan and the forecast.
//!
//! Plotters' own text needs no font library with the SVG backend (the browser draws the
//! `<text>`); the legend is HTML beside the chart, each entry naming its colour, so that the
//! chart holds nothing but axes and the series.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::escape;
use crate::report::Report;

/// The plan, or the contract: what the deliveries are measured against.
pub(in crate::report) const PLAN: RGBColor = RGBColor(0x8C, 0x96, 0xA3);
/// What was delivered.
pub(in crate::report) const ACTUAL: RGBColor = RGBColor(0x2B, 0x7B, 0xB9);
/// The forecast at the current rate.
pub(in crate::report) const FORECAST: RGBColor = RGBColor(0xE0, 0x7B, 0x22);

pub(in crate::report) const SIZE: (u32, u32) = (960, 400);
pub(in crate::report) const FONT: &str = "sans-serif";

/// One bar group: its label and a value per series.
struct Group {
    label: String,
    values: Vec<u32>,
}

/// A series: its name in the legend and its colour.
struct Series {
    name: &'static str,
    colour: RGBColor,
}

/// Delivered of contracted, per family.
pub(super) fn families(r: &Report, out: &mut String) {
    let groups: Vec<Group> = r
        .families
        .iter()
        .map(|f| Group {
            label: f.family.clone(),
            values: vec![f.counts.contracted, f.counts.delivered],
        })
        .collect();
    let series = [
        Series {
            name: "contracted",
            colour: PLAN,
        },
        Series {
            name: "delivered",
            colour: ACTUAL,
        },
    ];
    figure(
        "families",
        "Delivered of contracted, per family",
        &series,
        &bars(&groups, series.len()),
        out,
    );
}

/// Plan against actual, per delivery year.
pub(super) fn years(r: &Report, out: &mut String) {
    let groups: Vec<Group> = r
        .years
        .iter()
        .map(|y| Group {
            label: y.year.to_string(),
            values: vec![y.planned, y.delivered],
        })
        .collect();
    let series = [
        Series {
            name: "planned",
            colour: PLAN,
        },
        Series {
            name: "delivered",
            colour: ACTUAL,
        },
    ];
    figure(
        "years",
        "Plan against actual, per delivery year",
        &series,
        &bars(&groups, series.len()),
        out,
    );
}

/// The cumulative deliveries by the end of each year: the plan, the actual up to the
/// current year, and the programme's forecast from the current year on.
pub(super) fn cumulative(r: &Report, out: &mut String) {
    let this_year: i32 = r
        .today
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(i32::MAX);
    let plan: Vec<(i32, u32)> = r.years.iter().map(|y| (y.year, y.cum_planned)).collect();
    let actual: Vec<(i32, u32)> = r
        .years
        .iter()
        .filter(|y| y.year <= this_year)
        .map(|y| (y.year, y.cum_delivered))
        .collect();
    let forecast: Vec<(i32, u32)> = r
        .forecast
        .programme
        .years
        .iter()
        .map(|y| (y.year, y.cum_projected))
        .collect();
    let series = [
        Series {
            name: "planned, cumulative",
            colour: PLAN,
        },
        Series {
            name: "delivered, cumulative",
            colour: ACTUAL,
        },
        Series {
            name: "forecast at the current rate",
            colour: FORECAST,
        },
    ];
    let svg = lines(&[plan, actual, forecast], &series);
    figure(
        "cumulative",
        "Cumulative deliveries by the end of each year: plan, actual and forecast",
        &series,
        &svg,
        out,
    );
}

/// A chart with its caption and legend.
fn figure(id: &str, caption: &str, series: &[Series], svg: &str, out: &mut String) {
    out.push_str(&format!(
        "<figure class=\"chart\" data-chart=\"{id}\">\n<figcaption>{}</figcaption>\n\
         <p class=\"legend\">",
        escape(caption)
    ));
    for s in series {
        let RGBColor(red, green, blue) = s.colour;
        let colour = format!("#{red:02X}{green:02X}{blue:02X}");
        out.push_str(&format!(
            "<span data-series=\"{}\" data-colour=\"{colour}\"><span class=\"swatch\" \
             style=\"background:{colour}\"></span>{}</span>",
            escape(s.name),
            escape(s.name)
        ));
    }
    out.push_str("</p>\n");
    out.push_str(svg);
    out.push_str("</figure>\n");
}

/// The largest value, with room above it, at least 1 so that an empty chart has an axis.
fn top(values: impl Iterator<Item = u32>) -> i64 {
    let max = i64::from(values.max().unwrap_or(0));
    (max + max / 10 + 1).max(1)
}

/// A bar chart: a group per label, a bar per series in it.
fn bars(groups: &[Group], per_group: usize) -> String {
    let mut svg = String::new();
    let drawn = draw_bars(&mut svg, groups, per_group);
    finish(svg, drawn)
}

fn draw_bars(svg: &mut String, groups: &[Group], per_group: usize) -> Result<(), String> {
    let root = SVGBackend::with_string(svg, SIZE).into_drawing_area();
    let n = groups.len().max(1) as f64;
    let y_top = top(groups.iter().flat_map(|g| g.values.iter().copied()));
    let mut chart = axes(&root, 0f64..n, y_top)?;
    let colours = [PLAN, ACTUAL, FORECAST];
    let width = 0.8 / per_group.max(1) as f64;
    for (i, g) in groups.iter().enumerate() {
        for (k, &v) in g.values.iter().enumerate() {
            let x0 = i as f64 + 0.1 + k as f64 * width;
            let colour = colours[k % colours.len()];
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(x0, 0), (x0 + width * 0.92, i64::from(v))],
                    colour.filled(),
                )))
                .map_err(|e| e.to_string())?;
        }
        let (px, py) = chart.backend_coord(&(i as f64 + 0.5, 0));
        let style = TextStyle::from((FONT, 16).into_font()).pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(g.label.clone(), (px, py + 8), style))
            .map_err(|e| e.to_string())?;
    }
    root.present().map_err(|e| e.to_string())
}

/// A line chart over years: a line per series, a dot per point.
fn lines(data: &[Vec<(i32, u32)>], series: &[Series]) -> String {
    let mut svg = String::new();
    let drawn = draw_lines(&mut svg, data, series);
    finish(svg, drawn)
}

fn draw_lines(svg: &mut String, data: &[Vec<(i32, u32)>], series: &[Series]) -> Result<(), String> {
    let root = SVGBackend::with_string(svg, SIZE).into_drawing_area();
    let years = data.iter().flatten().map(|&(y, _)| y);
    let first = years.clone().min().unwrap_or(0);
    let last = years.max().unwrap_or(0).max(first + 1);
    let y_top = top(data.iter().flatten().map(|&(_, v)| v));
    let mut chart = axes(&root, f64::from(first) - 0.3..f64::from(last) + 0.3, y_top)?;
    // A label a year, or every few years over a long span, so that labels never overlap.
    let step = usize::try_from((last - first) / 15 + 1).unwrap_or(1);
    for year in (first..=last).step_by(step) {
        let (px, py) = chart.backend_coord(&(f64::from(year), 0));
        let style = TextStyle::from((FONT, 16).into_font()).pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(year.to_string(), (px, py + 8), style))
            .map_err(|e| e.to_string())?;
    }
    for (points, s) in data.iter().zip(series) {
        let at: Vec<(f64, i64)> = points
            .iter()
            .map(|&(y, v)| (f64::from(y), i64::from(v)))
            .collect();
        chart
            .draw_series(std::iter::once(PathElement::new(
                at.clone(),
                s.colour.stroke_width(3),
            )))
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(at.iter().map(|&p| Circle::new(p, 5, s.colour.filled())))
            .map_err(|e| e.to_string())?;
    }
    root.present().map_err(|e| e.to_string())
}

/// The SVG as the page holds it: no namespace address (an inline SVG in HTML needs none,
/// and the page names no address at all), scaled by CSS. A chart that could not be drawn
/// says so instead.
pub(in crate::report) fn finish(svg: String, drawn: Result<(), String>) -> String {
    match drawn {
        Ok(()) => svg.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1) + "\n",
        Err(e) => format!(
            "<p class=\"bad\">The chart could not be drawn: {}</p>\n",
            escape(&e)
        ),
    }
}

/// The axes both charts share: `x` across (labels drawn by the caller), vehicles up from 0
/// to `y_top` with eight labels, no vertical grid lines.
fn axes<'a, 'b>(
    root: &'a DrawingArea<SVGBackend<'b>, plotters::coord::Shift>,
    x: std::ops::Range<f64>,
    y_top: i64,
) -> Result<
    ChartContext<
        'a,
        SVGBackend<'b>,
        Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordi64>,
    >,
    String,
> {
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(32)
        .y_label_area_size(56)
        .build_cartesian_2d(x, 0i64..y_top)
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .x_labels(0)
        .y_labels(8)
        .label_style((FONT, 16))
        .draw()
        .map_err(|e| e.to_string())?;
    Ok(chart)
}
