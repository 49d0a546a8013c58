//! The Flow view's stage table: per stage the vehicles in it now, the median and 85th
//! percentile days of completed stays, the oldest vehicle there now, and the vehicles
//! leaving a week with the weekly trend's arrow; from [`WIDE`] columns also the stays
//! counted, their mean, and Little's cross-check (the WIP the law expects, days to clear).
//! A figure histories do not give is `—`, never 0.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::Programme;
use crate::domain::flow::{Flow, StageFlow};
use crate::ui::Theme;
use crate::ui::widgets::{self, pad};

/// From this width, the table adds the stays, the mean and Little's cross-check.
pub const WIDE: u16 = 120;

/// `10`, `10.5`: a median is whole or a half.
pub fn num(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

fn days(d: Option<String>) -> String {
    d.map_or_else(|| "—".to_owned(), |d| format!("{d} d"))
}

const WIDTHS: [usize; 5] = [7, 8, 7, 8, 9];
const WIDE_WIDTHS: [usize; 4] = [17, 8, 18, 10];

/// The cells after the name, in the order of [`HEADS`] (and [`WIDE_HEADS`]).
fn cells(flow: &Flow, s: &StageFlow, wide: bool) -> Vec<String> {
    let time = s.time.as_ref();
    let out = s.throughput.as_ref().map_or_else(
        || "—".to_owned(),
        |t| {
            let arrow = t.weekly_trend.map_or(" ", |tr| tr.direction.arrow());
            format!("{:.1} {arrow}", t.per_week)
        },
    );
    let mut v = vec![
        s.now.to_string(),
        days(time.map(|t| num(t.median))),
        days(time.map(|t| t.p85.to_string())),
        days(s.oldest_days.map(|d| d.to_string())),
        out,
    ];
    if wide {
        let little = flow.little.iter().find(|r| r.stage == s.stage);
        v.push(time.map_or_else(
            || "—".to_owned(),
            |t| format!("{} / {}", t.count, t.vehicles),
        ));
        v.push(days(time.map(|t| format!("{:.1}", t.mean))));
        v.push(little.map_or_else(
            || "—".to_owned(),
            |r| {
                let exp = r
                    .expected_wip
                    .map_or_else(|| "—".to_owned(), |e| format!("{e:.1}"));
                format!("{} vs {exp}", r.wip)
            },
        ));
        v.push(days(
            little.and_then(|r| r.clear_days.map(|d| format!("{d:.0}"))),
        ));
    }
    v
}

const HEADS: [&str; 5] = ["Now", "Median", "85th", "Oldest", "Out/wk"];
const WIDE_HEADS: [&str; 4] = ["Stays / veh.", "Mean", "WIP vs law", "To clear"];

/// Draws the table into `area`: the header, then one row per stage, `selected` marked.
pub fn render(
    p: &Programme,
    flow: &Flow,
    selected: usize,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    if area.is_empty() || flow.stages.is_empty() {
        return;
    }
    let wide = area.width >= WIDE;
    let widths: Vec<usize> = WIDTHS
        .iter()
        .chain(if wide { WIDE_WIDTHS.iter() } else { [].iter() })
        .copied()
        .collect();
    let fixed: usize = widths.iter().sum();
    let name_w = usize::from(area.width)
        .saturating_sub(fixed + 2)
        .clamp(6, 28);
    let heads: Vec<&str> = HEADS
        .iter()
        .chain(if wide { WIDE_HEADS.iter() } else { [].iter() })
        .copied()
        .collect();
    // The narrow table has no room for the line over it that says which columns rest on
    // the last weeks only: the stage's header says it when it fits.
    let window = format!(
        "Stage · Out/wk: last {} wks",
        crate::domain::flow::WINDOW_WEEKS
    );
    let windowed = flow.stages.iter().any(|s| s.throughput.is_some());
    let stage_head = if !wide && windowed && window.chars().count() <= name_w {
        window.as_str()
    } else {
        "Stage"
    };
    let mut header = vec![Span::styled(
        format!(" {}", pad(stage_head, name_w)),
        theme.header,
    )];
    for (h, w) in heads.iter().zip(&widths) {
        header.push(Span::styled(format!(" {h:>w$}", w = w - 1), theme.header));
    }
    widgets::line(area, buf, Line::from(header));
    let rows = usize::from(area.height.saturating_sub(1));
    // Keep the selected stage on screen when the table is cut.
    let first = selected.saturating_sub(rows.saturating_sub(1));
    for (i, s) in flow.stages.iter().enumerate().skip(first).take(rows) {
        let stage = p.stage(s.stage);
        let style = if i == selected {
            theme.selected
        } else {
            Style::default()
        };
        let name_style = if stage.rework {
            theme.muted
        } else {
            Style::default()
        };
        let mut spans = vec![Span::styled(
            format!(" {}", pad(&stage.name, name_w)),
            style.patch(name_style),
        )];
        for (text, w) in cells(flow, s, wide).into_iter().zip(&widths) {
            // A space before every cell, even one wider than its column.
            spans.push(Span::styled(format!(" {text:>w$}", w = w - 1), style));
        }
        let y = area.y + 1 + (i - first) as u16;
        widgets::line(
            Rect {
                y,
                height: 1,
                ..area
            },
            buf,
            Line::from(spans).style(style),
        );
    }
}
