//! The bottom line: when the data was loaded, what changed, what is wrong, and the keys
//! that matter now.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::keymap;
use crate::status::FileHealth;

/// Formats a time of day in local time, `HH:MM:SS`.
pub fn clock(t: std::time::SystemTime) -> String {
    chrono::DateTime::<chrono::Local>::from(t)
        .format("%H:%M:%S")
        .to_string()
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let snapshot = &app.data.snapshot;
    let mut left: Vec<Span> = Vec::new();
    if let Some(flash) = &app.flash {
        left.push(Span::styled(format!(" {} ", flash.text), theme.accent));
    } else if app.live {
        left.push(Span::styled(
            format!(" loaded {} ", clock(app.data.loaded_at)),
            theme.muted,
        ));
    } else {
        left.push(Span::styled(
            format!(" figures for {} ", app.data.today()),
            theme.muted,
        ));
    }
    let stale: Vec<&str> = snapshot
        .files
        .iter()
        .filter(|f| matches!(f.health, FileHealth::Stale { .. }))
        .map(|f| f.name.rsplit('/').next().unwrap_or(&f.name))
        .collect();
    if let Some(first) = stale.first() {
        let more = if stale.len() > 1 {
            format!(" +{}", stale.len() - 1)
        } else {
            String::new()
        };
        left.push(Span::styled(
            format!("⚠ {first}{more}: last good kept "),
            theme.error,
        ));
    } else if snapshot.errors() > 0 {
        left.push(Span::styled(
            format!("{} errors ", snapshot.errors()),
            theme.error,
        ));
    } else if snapshot.warnings() > 0 {
        left.push(Span::styled(
            format!("{} warnings ", snapshot.warnings()),
            theme.warning,
        ));
    }
    if app.is_typing() {
        left.push(Span::styled(
            "typing a filter: Enter keeps it, Esc clears it",
            theme.muted,
        ));
    }

    let hints: Vec<String> = keymap::bindings_for(app.view)
        .filter(|b| b.hint)
        .map(|b| format!("{} {}", b.label, b.help.split(' ').next().unwrap_or("")))
        .collect();
    let right = format!("{} ", hints.join("  "));
    let left_line = Line::from(left);
    let left_width = left_line.width() as u16;
    super::widgets::line(area, buf, left_line);
    let right_width = right.width() as u16;
    if left_width + right_width < area.width {
        let x = area.right() - right_width;
        super::widgets::line(
            Rect::new(x, area.y, right_width, 1),
            buf,
            Line::from(Span::styled(right, theme.muted)),
        );
    }
}
