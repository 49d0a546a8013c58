//! The selected stage's vehicles by age (`Enter`; `Esc` closes): serial, variant, days in
//! the stage, the day it entered, and its hold, oldest first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::app::flow::Seen;
use crate::app::list;
use crate::ui::Theme;
use crate::ui::widgets::{self, block, pad, plural};

/// Draws the list into `area`; returns its rows on screen and the first shown.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> Seen {
    let p = app.data.programme();
    let today = app.data.today();
    let state = &app.flow;
    let rows = state.vehicles.as_deref().unwrap_or(&[]);
    let stage = &p.stage(state.stage()).name;
    let b = block(
        format!(
            "{stage}: {}, oldest first (Esc closes)",
            plural(rows.len(), "vehicle", "vehicles")
        ),
        theme,
    );
    let inner = b.inner(area);
    b.render(area, buf);
    let page = usize::from(inner.height.saturating_sub(1));
    if page == 0 {
        return Seen { page: 1, offset: 0 };
    }
    if rows.is_empty() {
        widgets::empty_note(inner, buf, "no vehicle in this stage", theme);
        return Seen { page, offset: 0 };
    }
    let serial_w = rows
        .iter()
        .filter_map(|&i| p.queue.get(i as usize))
        .map(|v| v.serial.len())
        .max()
        .unwrap_or(6)
        .clamp(6, 20);
    let variant_w = 24.min(usize::from(inner.width) / 3);
    let header = format!(
        " {} {} {:>6}  {:<10}  Hold",
        pad("Serial", serial_w),
        pad("Variant", variant_w),
        "Days",
        "Since"
    );
    widgets::line(inner, buf, Line::from(Span::styled(header, theme.header)));
    let offset = list::keep_in_view(state.vehicle, state.offset, page, rows.len());
    for (n, &i) in rows.iter().enumerate().skip(offset).take(page) {
        let Some(v) = p.queue.get(i as usize) else {
            continue;
        };
        let style = if n == state.vehicle {
            theme.selected
        } else {
            Style::default()
        };
        let text = format!(
            " {} {} {:>6}  {}  {}",
            pad(&v.serial, serial_w),
            pad(&p.variant(v.variant).name, variant_w),
            v.days_in_stage(today),
            v.since,
            v.hold.as_deref().unwrap_or("")
        );
        let y = inner.y + 1 + (n - offset) as u16;
        widgets::line(
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
            Line::from(Span::styled(text, style)).style(style),
        );
    }
    Seen { page, offset }
}
