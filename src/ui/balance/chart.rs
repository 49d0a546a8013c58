//! The objective of the Balance view: the cumulative plan and the cumulative deliveries,
//! month by month, with today marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};
use unicode_width::UnicodeWidthStr;

use crate::domain::Date;
use crate::domain::balance::MonthPoint;
use crate::ui::{Theme, widgets};

/// The chart's title, the longest that fits `width` columns.
fn title(width: u16) -> &'static str {
    let room = usize::from(width).saturating_sub(4);
    [
        "Objective: cumulative planned • delivered ⣿ today ┆",
        "Objective: planned • delivered ⣿",
        "Objective",
    ]
    .into_iter()
    .find(|t| t.width() <= room)
    .unwrap_or("")
}

/// Draws the objective of `months` as of `today` in `area`.
pub fn render(months: &[MonthPoint], today: Date, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let b = widgets::block(title(area.width), theme);
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        let inner = b.inner(area);
        b.render(area, buf);
        widgets::empty_note(inner, buf, "no programme years: nothing to chart", theme);
        return;
    };
    let plan: Vec<(f64, f64)> = months
        .iter()
        .enumerate()
        .map(|(i, m)| (i as f64, f64::from(m.planned)))
        .collect();
    let actual: Vec<(f64, f64)> = months
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.delivered.map(|d| (i as f64, f64::from(d))))
        .collect();
    let y_max = months
        .iter()
        .map(|m| m.planned.max(m.delivered.unwrap_or(0)))
        .max()
        .unwrap_or(0)
        .max(1);
    // Today: the month it falls in, as a vertical line.
    let today_x = months.iter().position(|m| m.end >= today);
    let today_line: Vec<(f64, f64)> = today_x.map_or(Vec::new(), |x| {
        (0..=20)
            .map(|k| (x as f64, f64::from(y_max) * f64::from(k) / 20.0))
            .collect()
    });
    let mut datasets = vec![widgets::plan_dataset(&plan, theme)];
    if !today_line.is_empty() {
        datasets.push(
            Dataset::default()
                .name("today")
                .marker(Marker::Custom('┆'))
                .graph_type(GraphType::Scatter)
                .style(theme.muted)
                .data(&today_line),
        );
    }
    datasets.push(
        Dataset::default()
            .name("delivered")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.ok)
            .data(&actual),
    );
    let x_max = (months.len().saturating_sub(1)).max(1) as f64;
    Chart::new(datasets)
        .block(b)
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([0.0, x_max])
                .style(theme.muted)
                .labels([
                    first.end.format("%b %Y").to_string(),
                    last.end.format("%b %Y").to_string(),
                ]),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, f64::from(y_max)])
                .style(theme.muted)
                .labels(["0".to_owned(), widgets::thousands(u64::from(y_max))]),
        )
        .render(area, buf);
}
