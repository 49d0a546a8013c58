//! The `flow` section's chart, from the report's [`FlowReport`] (the JSON's `flow`): the
//! cumulative flow diagram, the vehicles with a stage history in each stage at each week's
//! end (`flow.weeks[].in_stage`), stacked, a band per stage. Without histories there is
//! nothing to stack, and the page says so in words.

use plotters::prelude::*;

use super::charts::{Series, Ticks, axes, figure, finish, label_x, top};
use super::{escape, field};
use crate::report::{FlowReport, FlowStage, FlowWeek};

/// The main-line stages' colours in turn, each apart from its neighbours and readable on a
/// light and a dark page.
const MAIN_LINE: [RGBColor; 9] = [
    RGBColor(0x4E, 0x79, 0xA7),
    RGBColor(0xF2, 0x8E, 0x2B),
    RGBColor(0x76, 0xB7, 0xB2),
    RGBColor(0x59, 0xA1, 0x4F),
    RGBColor(0xED, 0xC9, 0x48),
    RGBColor(0xB0, 0x7A, 0xA1),
    RGBColor(0xFF, 0x9D, 0xA7),
    RGBColor(0x9C, 0x75, 0x5F),
    RGBColor(0xBA, 0xB0, 0xAC),
];

/// Rework stages' colour.
const REWORK: RGBColor = RGBColor(0xE1, 0x57, 0x59);

/// Each stage's colour, in flow order.
fn colours(stages: &[FlowStage]) -> Vec<RGBColor> {
    let mut main = 0;
    stages
        .iter()
        .map(|s| {
            if s.rework {
                REWORK
            } else {
                main += 1;
                MAIN_LINE[(main - 1) % MAIN_LINE.len()]
            }
        })
        .collect()
}

/// The stages from the bottom of the stack up: the main line's last stage at the bottom,
/// its first on top of it, the rework stages above all (indices into `stages`).
fn stacking(stages: &[FlowStage]) -> Vec<usize> {
    let main = (0..stages.len()).rev().filter(|&i| !stages[i].rework);
    let rework = (0..stages.len()).filter(|&i| stages[i].rework);
    main.chain(rework).collect()
}

/// The section's sentences (bottleneck, lead time, rework, coverage, rule), then the
/// cumulative flow diagram, or the words saying why there is none, into `out`.
pub(super) fn section(f: &FlowReport, out: &mut String) {
    out.push_str(&format!(
        "<p>{}</p>\n",
        escape(&crate::report::flow::intro(f))
    ));
    if f.weeks.is_empty() || f.stages.is_empty() {
        out.push_str(&format!(
            "<p class=\"missing\" data-missing=\"flow\">No cumulative flow chart: {}.</p>\n",
            field("flow.coverage", escape(&f.coverage))
        ));
        return;
    }
    let order = stacking(&f.stages);
    let colour = colours(&f.stages);
    let svg = finish_chart(&f.weeks, &order, &colour);
    let n = f.weeks.len();
    let last = &f.weeks[n - 1];
    let name = |i: usize| escape(&f.stages[i].name);
    let top_name = order
        .iter()
        .rev()
        .find(|&&i| !f.stages[i].rework)
        .map_or_else(String::new, |&i| name(i));
    let bottom_name = order.first().map_or_else(String::new, |&i| name(i));
    let caption = format!(
        "Work in progress: the vehicles with a stage history in each stage at the end of each \
         of {} weeks (across), from the week of {} to the week of {}, stacked (up, in \
         vehicles): {bottom_name} at the bottom, {top_name} at the top of the main line, \
         rework above it. The top edge is every vehicle with a history in assembly: {} at \
         the last week's end (as the files stand today, if it has not ended), when {} had \
         been handed over (not drawn). It rests on {}; a \
         vehicle without a history is in no band, for where it was is not known.",
        format_args!("<span data-count=\"flow.weeks\">{n}</span>"),
        field("flow.weeks.0.week", escape(&f.weeks[0].week)),
        field(&format!("flow.weeks.{}.week", n - 1), escape(&last.week)),
        last.in_stage.iter().sum::<u32>(),
        field(
            &format!("flow.weeks.{}.handed_over", n - 1),
            last.handed_over
        ),
        field("flow.coverage", escape(&f.coverage)),
    );
    let first = f
        .weeks
        .iter()
        .position(|w| w.in_stage.iter().any(|&v| v > 0));
    let caption = match first {
        Some(i) if i > 0 => format!(
            "{caption} Before the week of {}, no vehicle with a history was in any stage.",
            escape(&f.weeks[i].week)
        ),
        None => format!("{caption} No vehicle with a history was in any stage at a week's end."),
        _ => caption,
    };
    let series: Vec<Series> = f
        .stages
        .iter()
        .zip(&colour)
        .map(|(s, &c)| {
            let rework = if s.rework { ", off the main line" } else { "" };
            Series::new(format!("{} ({}{rework})", s.name, s.stage), c)
        })
        .collect();
    figure("flow", &caption, &series, &svg, out);
}

/// The chart's SVG, or the words saying it could not be drawn.
fn finish_chart(weeks: &[FlowWeek], order: &[usize], colour: &[RGBColor]) -> String {
    let mut svg = String::new();
    let drawn = draw(&mut svg, weeks, order, colour);
    finish(svg, drawn)
}

/// A band per stage, in `order` from the bottom: its polygon runs along its top edge from
/// the first week to the last, then back along its bottom edge (the band below's top).
fn draw(
    svg: &mut String,
    weeks: &[FlowWeek],
    order: &[usize],
    colour: &[RGBColor],
) -> Result<(), String> {
    let root = SVGBackend::with_string(svg, super::charts::SIZE).into_drawing_area();
    let n = weeks.len();
    let y_top = top(weeks.iter().map(|w| w.in_stage.iter().sum()));
    let x_end = (n.max(2) - 1) as f64;
    let mut chart = axes(&root, 0.0..x_end, 0i64..y_top, &Ticks::counts())?;
    let mut below = vec![0i64; n];
    for &k in order {
        let above: Vec<i64> = weeks
            .iter()
            .zip(&below)
            .map(|(w, b)| b + i64::from(w.in_stage.get(k).copied().unwrap_or(0)))
            .collect();
        let edge: Vec<(f64, i64)> = above
            .iter()
            .enumerate()
            .map(|(i, &y)| (i as f64, y))
            .chain(below.iter().enumerate().rev().map(|(i, &y)| (i as f64, y)))
            .collect();
        let c = colour.get(k).copied().unwrap_or(REWORK);
        chart
            .draw_series(std::iter::once(Polygon::new(edge, c.filled())))
            .map_err(|e| e.to_string())?;
        below = above;
    }
    // A label every few weeks, at most nine, so that the Mondays never overlap.
    let step = n / 9 + 1;
    for (i, w) in weeks.iter().enumerate().step_by(step) {
        label_x(&root, &chart, i as f64, w.week.clone())?;
    }
    root.present().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage(id: &str, rework: bool) -> FlowStage {
        FlowStage {
            stage: id.to_owned(),
            name: id.to_owned(),
            rework,
            in_progress: 0,
            oldest_days: None,
            days_in_stage: None,
            leaving: None,
            little_wip: None,
            little_expected_wip: None,
            clear_days: None,
        }
    }

    #[test]
    fn the_last_main_line_stage_is_at_the_bottom_and_rework_on_top() {
        let stages = [
            stage("hull", false),
            stage("fix", true),
            stage("paint", false),
            stage("tests", false),
        ];
        assert_eq!(stacking(&stages), [3, 2, 0, 1]);
        let c = colours(&stages);
        assert_eq!((c[0], c[1], c[2]), (MAIN_LINE[0], REWORK, MAIN_LINE[1]));
    }
}
