//! The cumulative flow chart: one column per week (the latest that fit), stacked from the
//! bottom: the vehicles handed over since the first week shown, then each stage's work in
//! progress at the week's end, the last stage lowest. A band that widens is work piling up
//! in its stage. Each band has its own shade and colour, named in the legend, so that the
//! chart reads in plain text too.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::domain::Programme;
use crate::domain::flow::Flow;
use crate::ui::Theme;
use crate::ui::widgets::{self, block};

const SHADES: [&str; 4] = ["█", "▓", "▒", "▞"];
const HANDED_OVER: &str = "░";

/// The style of band `i` (0 is the first stage).
fn band_style(i: usize, theme: &Theme) -> Style {
    [
        theme.accent,
        theme.ok,
        theme.warning,
        Style::default().fg(theme.plan),
    ][i % 4]
}

/// Draws the chart into `area`, with its border and title.
pub fn render(p: &Programme, flow: &Flow, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let b = block("Cumulative flow, per week", theme);
    let inner = b.inner(area);
    b.render(area, buf);
    if flow.basis.no_history() || flow.weeks.is_empty() {
        widgets::empty_note(inner, buf, "needs stage histories", theme);
        return;
    }
    if inner.height < 3 || inner.width < 12 {
        return;
    }
    let n = flow.weeks.len();
    let stages = &flow.stages;
    // The largest stack decides the scale and the axis' width.
    let top_all = (0..n)
        .map(|w| {
            stages
                .iter()
                .map(|s| s.wip.get(w).copied().unwrap_or(0))
                .sum::<u32>()
        })
        .max()
        .unwrap_or(0);
    let label_w = (top_all.max(1) + flow.handovers.weekly.iter().sum::<u32>())
        .to_string()
        .len()
        + 1;
    let cols = usize::from(inner.width).saturating_sub(label_w);
    // A week is a column; a few weeks are drawn wider, up to four columns each.
    let col_w = (cols / n).clamp(1, 4);
    let shown = (cols / col_w).min(n);
    let first = n - shown;
    let base = if first == 0 {
        0
    } else {
        flow.delivered_cumulative[first - 1]
    };
    // Per week shown: the band tops, from the bottom (handed over, then the last stage).
    let stacks: Vec<Vec<u32>> = (first..n)
        .map(|w| {
            let mut tops = Vec::with_capacity(stages.len() + 1);
            let mut level = flow.delivered_cumulative[w].saturating_sub(base);
            tops.push(level);
            for s in stages.iter().rev() {
                level = level.saturating_add(s.wip.get(w).copied().unwrap_or(0));
                tops.push(level);
            }
            tops
        })
        .collect();
    let max = stacks
        .iter()
        .filter_map(|t| t.last())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let rows = inner.height - 2;
    for (x, tops) in stacks.iter().enumerate() {
        for r in 0..rows {
            let level = (f64::from(r) + 0.5) * f64::from(max) / f64::from(rows);
            let Some(band) = tops.iter().position(|&t| f64::from(t) >= level) else {
                continue;
            };
            let (symbol, style) = if band == 0 {
                (HANDED_OVER, theme.muted)
            } else {
                let stage = stages.len() - band;
                (SHADES[stage % SHADES.len()], band_style(stage, theme))
            };
            for c in 0..col_w {
                let cell = (
                    inner.x + (label_w + x * col_w + c) as u16,
                    inner.y + rows - 1 - r,
                );
                buf[cell].set_symbol(symbol).set_style(style);
            }
        }
    }
    let mut axis = |y: u16, text: String| {
        widgets::line(
            Rect::new(inner.x, y, label_w as u16, 1),
            buf,
            Line::from(Span::styled(
                format!("{text:>w$}", w = label_w - 1),
                theme.muted,
            )),
        );
    };
    axis(inner.y, max.to_string());
    axis(inner.y + rows - 1, "0".to_owned());
    let from = flow.weeks[first].format("%Y-%m-%d").to_string();
    let to = flow.weeks[n - 1].format("%Y-%m-%d").to_string();
    let dates = format!(
        "{from}{}{to}",
        " ".repeat((shown * col_w).saturating_sub(from.len() + to.len()).max(1))
    );
    widgets::line(
        Rect::new(inner.x + label_w as u16, inner.y + rows, cols as u16, 1),
        buf,
        Line::from(Span::styled(dates, theme.muted)),
    );
    let mut legend = vec![Span::styled(
        format!("{HANDED_OVER} handed over"),
        theme.muted,
    )];
    for (i, s) in stages.iter().enumerate() {
        legend.push(Span::raw(" "));
        legend.push(Span::styled(
            format!("{} {}", SHADES[i % SHADES.len()], p.stage(s.stage).name),
            band_style(i, theme),
        ));
    }
    widgets::line(
        Rect::new(inner.x, inner.y + rows + 1, inner.width, 1),
        buf,
        Line::from(legend),
    );
}
