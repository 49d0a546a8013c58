//! The monthly throughput bars: hand-overs per month (the latest months that fit), with
//! the monthly trend in the title; when tall enough, under them the vehicles leaving the
//! selected stage per month.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, Widget};

use crate::domain::flow::{Flow, Throughput};
use crate::domain::{Date, Programme, StageId};
use crate::ui::Theme;
use crate::ui::widgets::{self, block};

/// Draws the bars into `area`.
pub fn render(
    p: &Programme,
    flow: &Flow,
    stage: StageId,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let selected = flow.stage(stage).and_then(|s| {
        s.throughput
            .as_ref()
            .map(|t| (p.stage(s.stage).name.as_str(), t))
    });
    match selected {
        Some((name, t)) if area.height >= 14 => {
            let [top, bottom] =
                Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(area);
            chart("Hand-overs", &flow.handovers, &flow.months, theme, top, buf);
            chart(
                &format!("Leaving {name}"),
                t,
                &flow.months,
                theme,
                bottom,
                buf,
            );
        }
        _ => chart(
            "Hand-overs",
            &flow.handovers,
            &flow.months,
            theme,
            area,
            buf,
        ),
    }
}

/// One bar chart of `t`'s monthly counts, titled `what per month` and its trend.
fn chart(what: &str, t: &Throughput, months: &[Date], theme: &Theme, area: Rect, buf: &mut Buffer) {
    let trend = t
        .monthly_trend
        .map(|tr| format!(" {} {}", tr.direction.arrow(), tr.direction.as_str()))
        .unwrap_or_default();
    let b = block(format!("{what} per month{trend}"), theme);
    let inner = b.inner(area);
    b.render(area, buf);
    if t.monthly.is_empty() {
        widgets::empty_note(inner, buf, "none yet", theme);
        return;
    }
    let fits = usize::from(inner.width / 4).max(1);
    let first = t.monthly.len().saturating_sub(fits);
    let bars: Vec<Bar> = t.monthly[first..]
        .iter()
        .zip(&months[first.min(months.len())..])
        .map(|(&n, m)| {
            Bar::new(u64::from(n))
                .label(Line::from(m.format("%b").to_string()))
                .style(theme.accent)
                .value_style(theme.header)
        })
        .collect();
    BarChart::vertical(bars)
        .bar_width(3)
        .bar_gap(1)
        .label_style(theme.muted)
        .render(inner, buf);
}
