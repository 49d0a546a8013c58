//! The Changes view: what each reload changed since the dashboard started, newest first and
//! grouped by the reload's time, then what the files show changed in the last week and what
//! they cannot tell. The rows come from the state ([`crate::app::changes`]); this draws them,
//! wrapping the notes, and scrolls.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::widgets;
use crate::app::App;
use crate::app::changes::{Row, RowKind, Seen};

/// The columns of the day column's margins: `  20 Nov  ` (a day of another year,
/// `15 Jul 2025`, takes more).
const MARGINS: usize = 4;

/// The smallest area the view draws in: a heading and a change.
pub fn min_size(_app: &App) -> (u16, u16) {
    (30, 2)
}

/// Draws the view into `area`; returns the rows on screen.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> Seen {
    let area = area.intersection(buf.area);
    // Every change listed rests on what loaded: say what did not.
    let area = widgets::above_incomplete(&app.data.completeness, theme, area, buf);
    let state = &app.changes;
    let rows = state.rows();
    let height = usize::from(area.height);
    // Room for a scrollbar when the rows cannot all be on screen.
    let scrolls = rows.len() > height && area.width > 1;
    let width = usize::from(area.width.saturating_sub(u16::from(scrolls)));
    let mut y = 0usize;
    let mut shown = 0usize;
    for row in rows.iter().skip(state.offset) {
        let lines = lines(row, width, theme);
        if y + lines.len() > height && shown > 0 {
            break;
        }
        for line in lines.into_iter().take(height - y) {
            let at = Rect::new(area.x, area.y + y as u16, width as u16, 1);
            widgets::line(at, buf, line);
            y += 1;
        }
        shown += 1;
        if y >= height {
            break;
        }
    }
    // The last first row: walking up from the end while the rows still fit.
    let mut max_offset = rows.len();
    let mut used = 0;
    while let Some(row) = max_offset.checked_sub(1).and_then(|i| rows.get(i)) {
        used += lines(row, width, theme).len();
        if used > height {
            break;
        }
        max_offset -= 1;
    }
    let max_offset = max_offset.min(rows.len().saturating_sub(1));
    if scrolls {
        let page = shown.max(1);
        let bar = Rect::new(area.right().saturating_sub(1), area.y, 1, area.height);
        widgets::scrollbar(bar, buf, state.offset, max_offset, page, theme);
    }
    Seen {
        page: shown.max(1),
        max_offset,
    }
}

/// The screen lines of one row at `width` columns: a note wraps, the rest are cut.
fn lines<'a>(row: &'a Row, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    match row.kind {
        RowKind::Blank => vec![Line::default()],
        RowKind::Heading => vec![Line::from(Span::styled(
            format!(" {}", row.text),
            theme.accent.add_modifier(Modifier::BOLD),
        ))],
        RowKind::Change => vec![Line::from(vec![
            Span::styled(format!("  {:>6}  ", row.day), theme.muted),
            Span::raw(widgets::fit(
                &row.text,
                width.saturating_sub(row.day.width().max(6) + MARGINS),
            )),
        ])],
        RowKind::Note => wrap(&row.text, width.saturating_sub(4).max(10))
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                let lead = if i == 0 { "  · " } else { "    " };
                Line::from(Span::styled(format!("{lead}{l}"), theme.muted))
            })
            .collect(),
    }
}

/// `text` broken at spaces into lines of at most `width` columns (a longer word is cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push(line);
    out.into_iter().map(|l| widgets::fit(&l, width)).collect()
}
