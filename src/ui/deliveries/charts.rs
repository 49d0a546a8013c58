//! The two charts of the Deliveries view: planned against delivered bars per year, and the
//! cumulative plan against the cumulative deliveries over the programme period, with the
//! forecast's projected line after today.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::Data;
use crate::app::deliveries::{Series, When, header_label, pair, total_to_date, when};
use crate::domain::YearFigures;
use crate::ui::{Theme, widgets};

/// The marker of the projected line.
const PROJECTED: char = '·';

/// The chart's title, the longest that fits `width` columns.
fn line_title(width: u16, projected: bool) -> String {
    let tiers: [&str; 4] = if projected {
        [
            "Cumulative: planned • delivered ⣿ projected · today ┆",
            "Cumulative: plan • delivered ⣿ projected ·",
            "Cumulative: plan • actual ⣿ projected ·",
            "Cumulative",
        ]
    } else {
        [
            "Cumulative: planned • delivered ⣿ today ┆",
            "Cumulative: plan • delivered ⣿",
            "plan • delivered ⣿",
            "Cumulative",
        ]
    };
    // The block's corners and the spaces around the title.
    let room = usize::from(width).saturating_sub(4);
    tiers
        .iter()
        .find(|t| t.width() <= room)
        .unwrap_or(&tiers[3])
        .to_string()
}

pub fn render_line(series: &Series, data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let years = &data.figures.years;
    let Some(first) = years.first() else {
        return;
    };
    let block = widgets::block(line_title(area.width, series.has_projection()), theme);
    let mut datasets = vec![widgets::plan_dataset(&series.plan, theme)];
    if series.has_projection() {
        datasets.push(
            Dataset::default()
                .name("projected")
                .marker(Marker::Custom(PROJECTED))
                .graph_type(GraphType::Line)
                .style(if series.late { theme.warning } else { theme.ok })
                .data(&series.projected),
        );
    }
    datasets.push(
        Dataset::default()
            .name("delivered")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.ok)
            .data(&series.actual),
    );
    if !series.today.is_empty() {
        datasets.push(
            Dataset::default()
                .name("today")
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme.accent)
                .data(&series.today),
        );
    }
    let chart = Chart::new(datasets)
        .block(block)
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds(series.x)
                .style(theme.muted)
                .labels([first.year.to_string(), format!("end {}", series.last_year)]),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, series.y_max])
                .style(theme.muted)
                .labels([
                    "0".to_owned(),
                    widgets::thousands(series.y_max.round() as u64),
                ]),
        );
    chart.render(area, buf);
}

/// One row per year: the plan as a light bar, the deliveries over it as a solid one, and
/// in the current year a mark where the plan stands today.
pub fn render_bars(data: &Data, selected: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let years = &data.figures.years;
    let today = data.today();
    let block = widgets::block("Planned ░ delivered █ per year", theme);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() || years.is_empty() {
        return;
    }
    let n = years.len();
    let height = usize::from(inner.height);
    // Thicker bars, up to three rows, when the room allows.
    let (thick, gap) = if height + 1 >= 3 * n {
        (((height + 1) / n - 1).min(3), 1)
    } else if height + 1 >= 2 * n {
        (1, 1)
    } else {
        (1, 0)
    };
    let count = ((height + gap) / (thick + gap)).min(n);
    let start = selected.saturating_sub(count / 2).min(n - count);
    let shown = &years[start..start + count];

    let numbers = |y: &YearFigures| match when(y.year, today) {
        When::Future if y.delivered == 0 => widgets::thousands(y.planned.into()),
        _ => pair(y.planned, y.delivered),
    };
    let numbers_width = shown.iter().map(|y| numbers(y).width()).max().unwrap_or(0);
    let label_width = shown
        .iter()
        .map(|y| header_label(y.year, when(y.year, today)).width())
        .max()
        .unwrap_or(4);
    let room = usize::from(inner.width).saturating_sub(label_width + numbers_width + 4);
    let max = years
        .iter()
        .map(|y| y.planned.max(y.delivered))
        .max()
        .unwrap_or(0)
        .max(1);
    let cells = |v: f64| -> usize {
        let c = (v * room as f64 / f64::from(max)).round() as usize;
        if v > 0.0 { c.max(1) } else { c }.min(room)
    };

    for (k, y) in shown.iter().enumerate() {
        let index = start + k;
        let when = when(y.year, today);
        let target = match when {
            When::Current(_) => f64::from(total_to_date(y)),
            _ => f64::from(y.planned),
        };
        let delivered_style = if f64::from(y.delivered) + 0.5 >= target {
            theme.ok
        } else {
            theme.warning
        };
        let (d, p) = (cells(f64::from(y.delivered)), cells(f64::from(y.planned)));
        let mark =
            matches!(when, When::Current(_)).then(|| cells(target).min(room.saturating_sub(1)));
        let mut bar: Vec<(char, Style)> = (0..room)
            .map(|i| {
                if i < d {
                    ('█', delivered_style)
                } else if i < p {
                    ('░', Style::new().fg(theme.plan))
                } else {
                    (' ', Style::new())
                }
            })
            .collect();
        if let Some(m) = mark.filter(|_| room > 0) {
            bar[m] = ('┊', theme.accent);
        }
        let label_style = if index == selected {
            theme.selected
        } else if matches!(when, When::Current(_)) {
            theme.accent
        } else {
            Style::new()
        };
        for row in 0..thick {
            let yy = inner.y + (k * (thick + gap) + row) as u16;
            let (label, figures) = if row == 0 {
                (header_label(y.year, when), numbers(y))
            } else {
                (String::new(), String::new())
            };
            let mut spans = vec![
                Span::raw(" "),
                Span::styled(
                    format!("{label:>label_width$}"),
                    if row == 0 { label_style } else { Style::new() },
                ),
                Span::raw(" "),
            ];
            spans.extend(runs(&bar));
            spans.push(Span::raw(format!(" {figures:>numbers_width$}")));
            widgets::line(
                Rect::new(inner.x, yy, inner.width, 1),
                buf,
                Line::from(spans),
            );
        }
    }
}

/// Groups cells of the same style into spans.
fn runs(cells: &[(char, Style)]) -> Vec<Span<'static>> {
    let mut out: Vec<Span> = Vec::new();
    let mut text = String::new();
    let mut style = None;
    for &(c, s) in cells {
        if style.is_some_and(|st| st != s) {
            out.push(Span::styled(
                std::mem::take(&mut text),
                style.unwrap_or_default(),
            ));
        }
        style = Some(s);
        text.push(c);
    }
    if !text.is_empty() {
        out.push(Span::styled(text, style.unwrap_or_default()));
    }
    out
}
