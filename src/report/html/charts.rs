//! The report's charts, drawn by plotters' SVG backend into the page: bars of delivered
//! against contracted per family, of plan against actual per year, and the cumulative
//! deliveries with the plan and the forecast; and what every chart of the page shares (the
//! axes, the labels under them, the figure with its caption and legend), which the flow
//! and trend charts (`flow.rs`, `trend.rs`) use too.
//!
//! Plotters' own text needs no font library with the SVG backend (the browser draws the
//! `<text>`); the legend is HTML beside the chart, each entry naming its colour, so that the
//! chart holds nothing but axes and the series.

use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
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
pub(super) struct Series {
    /// The name in the legend.
    pub name: String,
    /// Its colour in the chart and in the legend's swatch.
    pub colour: RGBColor,
}

impl Series {
    /// A series named `name` in `colour`.
    pub fn new(name: impl Into<String>, colour: RGBColor) -> Self {
        Series {
            name: name.into(),
            colour,
        }
    }
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
        Series::new("contracted", PLAN),
        Series::new("delivered", ACTUAL),
    ];
    figure(
        "families",
        &escape("Delivered of contracted, per family"),
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
        Series::new("planned", PLAN),
        Series::new("delivered", ACTUAL),
    ];
    figure(
        "years",
        &escape("Plan against actual, per delivery year"),
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
        Series::new("planned, cumulative", PLAN),
        Series::new("delivered, cumulative", ACTUAL),
        Series::new("forecast at the current rate", FORECAST),
    ];
    let svg = lines(&[plan, actual, forecast], &series);
    figure(
        "cumulative",
        &escape("Cumulative deliveries by the end of each year: plan, actual and forecast"),
        &series,
        &svg,
        out,
    );
}

/// A chart with its caption and legend: `caption` is HTML (its text escaped by the caller,
/// so that it may tag its figures with `data-field`).
pub(super) fn figure(id: &str, caption: &str, series: &[Series], svg: &str, out: &mut String) {
    out.push_str(&format!(
        "<figure class=\"chart\" data-chart=\"{id}\">\n<figcaption>{caption}</figcaption>\n\
         <p class=\"legend\">"
    ));
    for s in series {
        let RGBColor(red, green, blue) = s.colour;
        let colour = format!("#{red:02X}{green:02X}{blue:02X}");
        out.push_str(&format!(
            "<span data-series=\"{}\" data-colour=\"{colour}\"><span class=\"swatch\" \
             style=\"background:{colour}\"></span>{}</span>",
            escape(&s.name),
            escape(&s.name)
        ));
    }
    out.push_str("</p>\n");
    out.push_str(svg);
    out.push_str("</figure>\n");
}

/// The largest value, with room above it, at least 1 so that an empty chart has an axis.
pub(super) fn top(values: impl Iterator<Item = u32>) -> i64 {
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
    let mut chart = axes(&root, 0f64..n, 0i64..y_top, &Ticks::counts())?;
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
        label_x(&root, &chart, i as f64 + 0.5, g.label.clone())?;
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
    let mut chart = axes(
        &root,
        f64::from(first) - 0.3..f64::from(last) + 0.3,
        0i64..y_top,
        &Ticks::counts(),
    )?;
    // A label a year, or every few years over a long span, so that labels never overlap.
    let step = usize::try_from((last - first) / 15 + 1).unwrap_or(1);
    for year in (first..=last).step_by(step) {
        label_x(&root, &chart, f64::from(year), year.to_string())?;
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

/// How an axis is labelled: `x` labels across (0: the caller draws its own with
/// [`label_x`]), each axis's labels in words (`None`: the number), and the width of the
/// area left of the chart for the vertical axis's labels, in pixels.
pub(super) struct Ticks<'f, Y> {
    /// Labels across; 0 when the caller draws them.
    pub x: usize,
    /// The words of a label across.
    pub x_text: Option<&'f dyn Fn(&f64) -> String>,
    /// The words of a label up the side.
    pub y_text: Option<&'f dyn Fn(&Y) -> String>,
    /// The width of the labels up the side, in pixels.
    pub y_area: u32,
}

impl<Y> Ticks<'_, Y> {
    /// Labels across drawn by the caller, numbers up the side: the bar and line charts'.
    pub fn counts() -> Self {
        Ticks {
            x: 0,
            x_text: None,
            y_text: None,
            y_area: 56,
        }
    }
}

/// The axes every chart of the page shares: `x` across, `y` up (vehicles from 0, or days
/// for the trend) with eight labels, light horizontal grid lines, no vertical ones.
pub(super) fn axes<'a, 'b, Y>(
    root: &'a DrawingArea<SVGBackend<'b>, plotters::coord::Shift>,
    x: std::ops::Range<f64>,
    y: Y,
    ticks: &Ticks<'_, Y::Value>,
) -> Result<
    ChartContext<
        'a,
        SVGBackend<'b>,
        Cartesian2d<plotters::coord::types::RangedCoordf64, Y::CoordDescType>,
    >,
    String,
>
where
    Y: AsRangedCoord,
    Y::CoordDescType: ValueFormatter<Y::Value>,
{
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(32)
        .y_label_area_size(ticks.y_area)
        .build_cartesian_2d(x, y)
        .map_err(|e| e.to_string())?;
    let mut mesh = chart.configure_mesh();
    mesh.disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .x_labels(ticks.x)
        .y_labels(8)
        .label_style((FONT, 16));
    if let Some(f) = ticks.x_text {
        mesh.x_label_formatter(f);
    }
    if let Some(f) = ticks.y_text {
        mesh.y_label_formatter(f);
    }
    mesh.draw().map_err(|e| e.to_string())?;
    Ok(chart)
}

/// A label under the horizontal axis at `x`, centred.
pub(super) fn label_x<Y: Ranged>(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    chart: &ChartContext<
        '_,
        SVGBackend<'_>,
        Cartesian2d<plotters::coord::types::RangedCoordf64, Y>,
    >,
    x: f64,
    text: String,
) -> Result<(), String> {
    let (px, py) = chart.backend_coord(&(x, chart.y_range().start));
    let style = TextStyle::from((FONT, 16).into_font()).pos(Pos::new(HPos::Center, VPos::Top));
    root.draw(&Text::new(text, (px, py + 8), style))
        .map_err(|e| e.to_string())
}
