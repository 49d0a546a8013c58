//! The help overlay: every key of the current view, from the key table itself.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use crate::app::{Action, App};
use crate::keymap;

use super::Theme;
use super::widgets::fit;

/// The help's entries: (keys, what they do), the digit keys folded into one line.
fn entries(app: &App) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut views = Vec::new();
    for b in keymap::bindings_for(app.view) {
        if let Action::Show(v) = b.action {
            views.push((b.label, v.short_title()));
            continue;
        }
        out.push((b.label.to_owned(), b.help.to_owned()));
    }
    if let (Some(first), Some(last)) = (views.first(), views.last()) {
        let names: Vec<&str> = views.iter().map(|v| v.1).collect();
        out.insert(2, (format!("{}–{}", first.0, last.0), names.join(", ")));
    }
    out
}

/// Draws the help over `area`, centred.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let entries = entries(app);
    const KEYS: usize = 11;
    // Rows inside the border, less the footer; entries spill into more columns when the
    // terminal is too short for one.
    let rows = usize::from(area.height.saturating_sub(4)).max(1);
    let columns = entries.len().div_ceil(rows).max(1);
    let rows = entries.len().div_ceil(columns);
    let width = if columns == 1 {
        64.min(area.width)
    } else {
        area.width
    };
    let column_width = (usize::from(width.saturating_sub(2)) / columns).max(KEYS + 4);
    let mut lines: Vec<Line> = (0..rows)
        .map(|r| {
            let mut spans = Vec::new();
            for c in 0..columns {
                if let Some((keys, help)) = entries.get(c * rows + r) {
                    let help_width = column_width - KEYS - 1;
                    spans.push(Span::styled(
                        format!(" {:<w$}", fit(keys, KEYS - 1), w = KEYS - 1),
                        theme.accent,
                    ));
                    spans.push(Span::raw(format!("{:<help_width$}", fit(help, help_width))));
                }
            }
            Line::from(spans)
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        " The screen follows the status files by itself.",
        theme.muted,
    )));
    let height = lines.len() as u16 + 2;
    let rect = super::widgets::centered(area, width, height);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(super::widgets::block(
            format!("Keys: {} (? or Esc closes)", app.view.title()),
            theme,
        ))
        .render(rect, buf);
}
