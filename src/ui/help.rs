//! The help overlay: every key of the current view, from the key table itself.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use crate::app::App;
use crate::keymap;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut lines: Vec<Line> = keymap::bindings_for(app.view)
        .map(|b| {
            Line::from(vec![
                Span::styled(format!(" {:<10}", b.label), theme.accent),
                Span::raw(b.help),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        " The screen follows the status files by itself.",
        theme.muted,
    )));
    let height = lines.len() as u16 + 2;
    let rect = super::widgets::centered(area, 60, height);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(super::widgets::block(
            format!("Keys: {} (? or Esc closes)", app.view.title()),
            theme,
        ))
        .render(rect, buf);
}
