//! The bar chart under the table: delivered, in assembly and not started per variant.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Borders, Widget};

use crate::app::Data;
use crate::app::variants::{Entry, State, numbers};
use crate::domain::VariantId;
use crate::ui::{Theme, widgets};

/// A stacked bar per variant (delivered, in assembly, not started), scaled to the largest
/// contract: every variant when they fit (thicker bars when the room allows), else the
/// ones around the selected variant.
pub(super) fn render_chart(
    state: &State,
    data: &Data,
    theme: &Theme,
    name_width: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let p = data.programme();
    let f = &data.figures;
    let block =
        widgets::block("Delivered █ · in assembly ▒ · not started ░", theme).borders(Borders::TOP);
    let inner = block.inner(area);
    block.render(area, buf);
    let n = state.selectable.len();
    let height = usize::from(inner.height);
    // Rows per bar and rows between bars.
    let (thick, gap) = if height + 1 >= 3 * n {
        (2, 1)
    } else if height + 1 >= 2 * n {
        (1, 1)
    } else {
        (1, 0)
    };
    let count = ((height + gap) / (thick + gap)).min(n);
    let start = if count >= n {
        0
    } else {
        state.selected.saturating_sub(count / 2).min(n - count)
    };
    let variants: Vec<VariantId> = state.selectable[start..start + count]
        .iter()
        .filter_map(|&r| match state.rows[r] {
            Entry::Variant(v) => Some(v),
            Entry::Family(_) => None,
        })
        .collect();
    let numbers_width = state.widths.chart_numbers;
    let label_width = name_width.min(usize::from(inner.width) / 3);
    let room = usize::from(inner.width).saturating_sub(label_width + numbers_width + 3);
    let max = state.widths.max_contracted.max(1);
    let selected = state.selected_variant();
    for (i, &v) in variants.iter().enumerate() {
        let c = &f.variants[v.0 as usize];
        let [d, a, r] = segments([c.delivered, c.in_assembly(), c.not_started()], max, room);
        for row in 0..thick {
            let y = inner.y + (i * (thick + gap) + row) as u16;
            let (label, figures) = if row == 0 {
                (widgets::fit(&p.variant(v).name, label_width), numbers(c))
            } else {
                (String::new(), String::new())
            };
            let line = Line::from(vec![
                Span::raw(" "),
                Span::styled(
                    format!("{label:<label_width$}"),
                    if selected == Some(v) && row == 0 {
                        theme.selected
                    } else {
                        Style::new()
                    },
                ),
                Span::raw(" "),
                Span::styled("█".repeat(d), theme.ok),
                Span::styled("▒".repeat(a), theme.accent),
                Span::styled("░".repeat(r), theme.muted),
                Span::raw(" ".repeat(room - d - a - r + 1)),
                Span::raw(format!("{figures:>numbers_width$}")),
            ]);
            widgets::line(Rect::new(inner.x, y, inner.width, 1), buf, line);
        }
    }
}

/// Cells of each part of a stacked bar of `room` cells for a scale of `max`: rounded on the
/// running sum so the parts add up, with at least one cell for a part that is not zero.
fn segments(parts: [u32; 3], max: u32, room: usize) -> [usize; 3] {
    let max = u64::from(max.max(1));
    let mut out = [0; 3];
    let mut sum = 0u64;
    let mut end = 0usize;
    for (o, &part) in out.iter_mut().zip(&parts) {
        sum += u64::from(part);
        let e = ((sum * room as u64 + max / 2) / max) as usize;
        // Never behind the previous part, and a part that is not zero shows.
        let e = e.max(end + usize::from(part > 0)).min(room);
        *o = e - end;
        end = e;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_add_up_and_keep_small_parts() {
        assert_eq!(segments([40, 10, 140], 190, 19), [4, 1, 14]);
        assert_eq!(segments([1, 0, 189], 190, 10), [1, 0, 9]);
        assert_eq!(segments([0, 0, 6], 190, 10), [0, 0, 1]);
        assert_eq!(segments([3, 0, 0], 0, 4), [4, 0, 0]);
        assert_eq!(segments([1, 1, 1], 190, 2), [1, 1, 0]);
    }
}
