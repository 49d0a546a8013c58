//! The trend section's second chart, from the report's [`TrendReport`] (the JSON's
//! `trend`): the programme's vehicles handed over in each month against the rate needed from
//! each month-end to finish on plan.

use plotters::prelude::*;

use super::charts::{ACTUAL, FORECAST, SIZE, Series, Ticks, axes, figure, finish, label_x};
use super::{escape, field};
use crate::report::{TrendReport, TrendRow};

/// A rate with one decimal, or none when whole: `7`, `7.5`.
fn rate_label(v: &f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The programme's rate chart at each month-end: the vehicles handed over in the month
/// (bars) against the rate needed from that day to finish on plan (a line; the forecast's
/// own rate is left out, for the programme's is one family's). Without a needed rate at any month-end (no plan, or past its end) it says so.
pub(super) fn chart(r: &TrendReport, ends: &[&TrendRow], out: &mut String) {
    let needed = ends.iter().filter(|p| p.needed_per_month.is_some()).count();
    let planned_end = r
        .scopes
        .first()
        .and_then(|s| s.planned_end.as_deref())
        .unwrap_or("");
    if needed == 0 {
        out.push_str(&format!(
            "<p class=\"missing\" data-missing=\"trend-rate\">No chart of the rate needed: at \
             none of the {} month-ends was a rate needed to finish on plan (no plan, nothing \
             left, or past the planned end{}).</p>\n",
            ends.len(),
            if planned_end.is_empty() {
                String::new()
            } else {
                format!(" {}", escape(planned_end))
            }
        ));
        return;
    }
    let series = [
        Series::new("handed over in the month", ACTUAL),
        Series::new("needed a month to finish on plan", FORECAST),
    ];
    let in_month: Vec<f64> = ends.iter().map(|p| f64::from(p.in_month)).collect();
    let most = in_month
        .iter()
        .copied()
        .chain(ends.iter().filter_map(|p| p.needed_per_month))
        .fold(0.0, f64::max);
    let y_top = (most * 1.1).max(1.0).ceil();
    let n = ends.len();
    let mut svg = String::new();
    let drawn = (|| -> Result<(), String> {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        let ticks = Ticks {
            y_text: Some(&rate_label),
            ..Ticks::counts()
        };
        let mut chart = axes(&root, -0.5..n as f64 - 0.5, 0.0..y_top, &ticks)?;
        chart
            .draw_series(in_month.iter().enumerate().map(|(i, &v)| {
                let x = i as f64;
                Rectangle::new([(x - 0.3, 0.0), (x + 0.3, v)], ACTUAL.filled())
            }))
            .map_err(|e| e.to_string())?;
        // Runs of needed rates: a month-end without one breaks the line.
        let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for (i, p) in ends.iter().enumerate() {
            match p.needed_per_month {
                Some(v) => {
                    if let Some(run) = runs.last_mut() {
                        run.push((i as f64, v));
                    }
                }
                None => runs.push(Vec::new()),
            }
        }
        for points in runs.iter().filter(|r| !r.is_empty()) {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    points.clone(),
                    FORECAST.stroke_width(3),
                )))
                .map_err(|e| e.to_string())?;
            chart
                .draw_series(points.iter().map(|&p| Circle::new(p, 4, FORECAST.filled())))
                .map_err(|e| e.to_string())?;
        }
        // A label a month, or every few months over a long span.
        let step = n / 12 + 1;
        for (i, p) in ends.iter().enumerate().step_by(step) {
            label_x(
                &root,
                &chart,
                i as f64,
                p.day.get(..7).unwrap_or("").to_owned(),
            )?;
        }
        root.present().map_err(|e| e.to_string())
    })();
    let svg = finish(svg, drawn);
    let caption = format!(
        "The programme, at each of its {} month-ends (across, in vehicles a month up): the \
         vehicles handed over in that calendar month (bars), the rate needed from \
         each month-end to finish by the planned end {} (a dot at {needed} of them; none once \
         nothing is left or the planned end has passed). Bars under the line: too slow to \
         finish on plan. Today's month, not yet ended, is left out.",
        ends.len(),
        field("trend.scopes.0.planned_end", escape(planned_end)),
    );
    figure("trend-rate", &caption, &series, &svg, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_with_a_decimal_when_not_whole() {
        assert_eq!(rate_label(&7.0), "7");
        assert_eq!(rate_label(&7.57), "7.6");
    }
}
