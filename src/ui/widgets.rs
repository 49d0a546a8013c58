//! Small drawing helpers shared by the views.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Theme;

/// Says the terminal is too small instead of drawing a cramped view.
pub fn too_small(area: Rect, buf: &mut Buffer, min_width: u16, min_height: u16, theme: &Theme) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let text = format!(
        "Terminal too small: {}×{}, needs {min_width}×{min_height}",
        area.width, area.height
    );
    Paragraph::new(text)
        .style(theme.warning)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// A bordered block with a title in the accent style.
pub fn block<'a>(title: impl Into<String>, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.muted)
        .title(Span::styled(format!(" {} ", title.into()), theme.accent))
}

/// A rectangle of at most `width`×`height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// `text` cut to `width` columns, with an ellipsis when cut; wide characters count twice.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` fitted to `width` columns and padded with spaces to exactly `width` columns.
/// Unlike `format!("{:<w$}")`, which counts characters, this counts terminal columns, so
/// CJK and emoji names keep the columns after them aligned.
pub fn pad(text: &str, width: usize) -> String {
    let fitted = fit(text, width);
    let room = width.saturating_sub(fitted.width());
    format!("{fitted}{}", " ".repeat(room))
}

/// A vertical scrollbar in the one-column `bar`, for a list showing `page` rows from row
/// `offset`, where `max_offset` is the last first row it can show. One position per first
/// row, so the thumb covers exactly the rows on screen.
pub fn scrollbar(
    bar: Rect,
    buf: &mut Buffer,
    offset: usize,
    max_offset: usize,
    page: usize,
    theme: &Theme,
) {
    use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};
    let bar = bar.intersection(buf.area);
    if bar.is_empty() {
        return;
    }
    let mut state = ScrollbarState::new(max_offset + 1)
        .position(offset.min(max_offset))
        .viewport_content_length(page);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_style(theme.muted)
        .render(bar, buf, &mut state);
}

/// The rows of a table drawn in `area`, between its `header` and `footer` lines: where its
/// scrollbar goes ([`scrollbar`] draws in the rightmost column).
pub fn table_rows(area: Rect, header: u16, footer: u16) -> Rect {
    Rect {
        y: area.y.saturating_add(header),
        height: area.height.saturating_sub(header + footer),
        ..area
    }
}

/// A centred line of muted text, for empty lists.
pub fn empty_note(area: Rect, buf: &mut Buffer, text: &str, theme: &Theme) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let y = area.y + area.height / 2;
    Paragraph::new(Line::from(Span::styled(text.to_owned(), theme.muted)))
        .alignment(Alignment::Center)
        .render(Rect::new(area.x, y, area.width, 1), buf);
}

/// Writes `line` at the top of `area`, clipped to it.
pub fn line(area: Rect, buf: &mut Buffer, line: Line<'_>) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    buf.set_line(area.x, area.y, &line, area.width);
}

/// A number with thin grouping for thousands (12 345).
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// `! 3 overdue`, `‖ 0 on hold`: a count with its mark, in `style` when there is any and
/// muted when there is none, so the eye goes only to what needs it.
pub fn count_span<'a>(
    mark: &str,
    n: impl Into<u64>,
    what: &str,
    style: Style,
    theme: &Theme,
) -> Span<'a> {
    let n: u64 = n.into();
    Span::styled(
        format!("{mark} {} {what}", thousands(n)),
        if n > 0 { style } else { theme.muted },
    )
}

/// A style for a signed lead against plan: ok when not behind.
pub fn lead_style(lead: i64, theme: &Theme) -> Style {
    if lead >= 0 { theme.ok } else { theme.warning }
}

/// Moves a list selection for a movement action; `page` is the rows visible.
/// Returns false for actions that are not movements.
pub fn move_selection(
    selected: &mut Option<usize>,
    len: usize,
    action: crate::app::Action,
    page: usize,
) -> bool {
    use crate::app::Action;
    if len == 0 {
        *selected = None;
        return matches!(
            action,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom
        );
    }
    let last = len - 1;
    let cur = selected.unwrap_or(0).min(last);
    let page = page.max(1);
    let next = match action {
        Action::Up => cur.saturating_sub(1),
        Action::Down => (cur + 1).min(last),
        Action::Scroll(n) if n < 0 => cur.saturating_sub(n.unsigned_abs() as usize),
        Action::Scroll(n) => (cur + n as usize).min(last),
        Action::PageUp => cur.saturating_sub(page),
        Action::PageDown => (cur + page).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return false,
    };
    *selected = Some(next);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_wide_characters() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("装甲车辆", 5), "装甲…");
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn pad_counts_columns() {
        assert_eq!(pad("装甲", 6), "装甲  ");
        assert_eq!(pad("abc", 5), "abc  ");
        assert_eq!(pad("abcdef", 4), "abc…");
    }

    #[test]
    fn thousands_groups() {
        assert_eq!(thousands(100_000), "100 000");
        assert_eq!(thousands(382), "382");
    }

    #[test]
    fn too_small_fits_any_area() {
        for (w, h) in [(0, 0), (1, 1), (10, 4), (3, 20)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            too_small(Rect::new(0, 0, w, h), &mut buf, 20, 5, &Theme::default());
        }
    }
}
