//! The help overlay: every key of the current view, from the key table itself.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use crate::app::keymap;
use crate::app::loading::works_while_first_loading;
use crate::app::{Action, App};

use super::Theme;
use super::widgets::fit;
use unicode_width::UnicodeWidthStr;

/// The help's entries: (keys, what they do), the digit keys folded into one line. While
/// the first load runs, only the keys that work then ([`works_while_first_loading`]).
fn entries(app: &App) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut views = Vec::new();
    let first_loading = app.first_loading();
    let bindings = keymap::bindings_for(app.view)
        .filter(|b| !first_loading || works_while_first_loading(b.action));
    for b in bindings {
        if let Action::Show(v) = b.action {
            views.push((b.label, v.short_title()));
            continue;
        }
        out.push((b.label.to_owned(), b.help.to_owned()));
    }
    if let (Some(first), Some(last)) = (views.first(), views.last()) {
        let names: Vec<&str> = views.iter().map(|v| v.1).collect();
        out.insert(
            2.min(out.len()),
            (format!("{}–{}", first.0, last.0), names.join(", ")),
        );
    }
    out
}

/// The width of the keys column, with the space before it.
const KEYS: usize = 11;

/// `text` broken at spaces into lines of at most `width` columns (a longer word is cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines.into_iter().map(|l| fit(&l, width)).collect()
}

/// Draws the help over `area`, centred: one column as wide as the longest entry needs
/// (long entries wrapped under themselves when the terminal is narrower, the footer left
/// out when that makes them fit), more columns with the entries cut when the terminal is
/// too short for one.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let entries = entries(app);
    let title = format!("Keys: {} (? or Esc closes)", app.view.title());
    // Borders, the keys, the longest help and a margin; the title with its corners.
    let wanted = entries
        .iter()
        .map(|(_, help)| 2 + KEYS + help.width() + 1)
        .chain([title.width() + 4])
        .max()
        .unwrap_or(0);
    let width = u16::try_from(wanted).unwrap_or(u16::MAX).min(area.width);
    let help_width = usize::from(width.saturating_sub(2))
        .saturating_sub(KEYS + 1)
        .max(4);
    // Rows inside the border, less the footer.
    let rows = usize::from(area.height.saturating_sub(4)).max(1);
    let wrapped: Vec<(String, Vec<String>)> = entries
        .iter()
        .map(|(keys, help)| (keys.clone(), wrap(help, help_width)))
        .collect();
    let wrapped_lines = wrapped.iter().map(|(_, h)| h.len()).sum::<usize>();
    // The footer gives its two lines to the entries before they are cut.
    let footer = wrapped_lines <= rows;
    let one_column = footer || wrapped_lines <= rows + 2;
    let (width, mut lines): (u16, Vec<Line>) = if one_column {
        let lines = wrapped
            .iter()
            .flat_map(|(keys, help)| {
                help.iter().enumerate().map(move |(k, h)| {
                    let keys = if k == 0 { keys.as_str() } else { "" };
                    Line::from(vec![
                        Span::styled(
                            format!(" {:<w$}", fit(keys, KEYS - 1), w = KEYS - 1),
                            theme.accent,
                        ),
                        Span::raw(h.clone()),
                    ])
                })
            })
            .collect();
        (width, lines)
    } else {
        // Too short for one column: the entries spill into more, each cut to its column.
        let columns = entries.len().div_ceil(rows).max(1);
        let rows = entries.len().div_ceil(columns);
        let column_width = (usize::from(area.width.saturating_sub(2)) / columns).max(KEYS + 4);
        let help_width = column_width - KEYS - 1;
        let lines = (0..rows)
            .map(|r| {
                let mut spans = Vec::new();
                for c in 0..columns {
                    if let Some((keys, help)) = entries.get(c * rows + r) {
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
        (area.width, lines)
    };
    if footer || !one_column {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            " The screen follows the status files by itself.",
            theme.muted,
        )));
    }
    let height = lines.len() as u16 + 2;
    let rect = super::widgets::centered(area, width, height);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(super::widgets::block(title, theme))
        .render(rect, buf);
}
