//! The rate chart of the trend: the rate needed to finish on plan from each month-end
//! against the vehicles handed over in each month.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};

use super::{short_month, titled, x_of};
use crate::domain::forecast::TrendSeries;
use crate::ui::Theme;

/// The rate needed from each month-end to finish on plan (a line) against the vehicles
/// handed over in each month (bars; none in a month without hand-overs), and the forecast's rate over its window (dots), all in
/// vehicles a month, for one series (the programme's, or a family's). Today's month, not
/// over, has no bar. The needed rate is cut at four times the largest month's deliveries
/// (at least 4), where it runs away as the plan's end nears; the top label then reads `≥`.
pub fn rates(series: &TrendSeries, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let (Some(first), Some(last)) = (series.points.first(), series.points.last()) else {
        return;
    };
    let x = [
        x_of(first.day) - 1.0 / 24.0,
        x_of(last.day).max(x_of(first.day) + 1.0 / 12.0),
    ];
    let actual: Vec<(f64, f64)> = series
        .points
        .iter()
        .filter(|p| p.month_end && p.in_month > 0)
        .map(|p| (x_of(p.day), f64::from(p.in_month)))
        .collect();
    let largest = actual.iter().map(|p| p.1).fold(0.0, f64::max);
    let cap = (largest * 4.0).max(4.0);
    let needed_raw: Vec<(f64, f64)> = series
        .points
        .iter()
        .filter_map(|p| p.needed_per_month().map(|n| (x_of(p.day), n)))
        .collect();
    let window: Vec<(f64, f64)> = series
        .points
        .iter()
        .filter(|p| p.outlook.delivered > 0)
        .map(|p| (x_of(p.day), p.outlook.rate.per_month()))
        .collect();
    let top_raw = needed_raw
        .iter()
        .chain(&window)
        .map(|p| p.1)
        .fold(largest, f64::max);
    let clipped = top_raw > cap;
    let y_max = top_raw.min(cap).max(1.0) * 1.05;
    let needed: Vec<(f64, f64)> = needed_raw.iter().map(|&(a, n)| (a, n.min(y_max))).collect();
    let window: Vec<(f64, f64)> = window.iter().map(|&(a, n)| (a, n.min(y_max))).collect();

    let datasets = vec![
        Dataset::default()
            .marker(Marker::HalfBlock)
            .graph_type(GraphType::Bar)
            .style(theme.ok)
            .data(&actual),
        Dataset::default()
            .marker(Marker::Dot)
            .graph_type(GraphType::Line)
            .style(theme.muted)
            .data(&window),
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.warning)
            .data(&needed),
    ];
    let needed_span = |t: &'static str| Span::styled(t, theme.warning);
    let tiers = vec![
        vec![
            Span::styled(format!("{}: a month, ", series.name), theme.accent),
            needed_span("needed to finish on plan ⣿ "),
            Span::styled("handed over ▌ ", theme.ok),
            Span::styled("forecast rate •", theme.muted),
        ],
        vec![
            Span::styled("A month: ", theme.accent),
            needed_span("needed ⣿ "),
            Span::styled("handed over ▌ ", theme.ok),
            Span::styled("rate •", theme.muted),
        ],
        vec![needed_span("needed ⣿ "), Span::styled("done ▌", theme.ok)],
        vec![Span::styled("Rates", theme.accent)],
    ];
    let top = format!("{}{:.0}", if clipped { "≥" } else { "" }, y_max.round());
    Chart::new(datasets)
        .block(titled(tiers, area.width, theme))
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds(x)
                .style(theme.muted)
                .labels([short_month(first.day), short_month(last.day)]),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, y_max])
                .style(theme.muted)
                .labels(["0".to_owned(), top]),
        )
        .render(area, buf);
}
