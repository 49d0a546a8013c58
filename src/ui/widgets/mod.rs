//! Small drawing helpers shared by the views, and the pieces more than one view draws
//! (the queue's pipeline, the forecast's trend).

mod incomplete;
mod pipeline;
pub mod trend;

use crate::domain::completeness::{Completeness, State as CompletenessState};
use unicode_width::UnicodeWidthChar;

use super::Theme;
pub use crate::app::words::{fit, pad, plural, thousands};
pub use incomplete::{above_incomplete, incomplete, incomplete_rows};
pub use pipeline::pipeline;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Dataset, GraphType, Paragraph, Widget, Wrap};

/// Says, in `area`, that the terminal is too small instead of drawing a cramped view:
/// its `size` and what it `needs`, both as the whole terminal (columns × rows).
pub fn too_small(area: Rect, buf: &mut Buffer, size: (u16, u16), needs: (u16, u16), theme: &Theme) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let text = format!(
        "Terminal too small: {}×{}, needs {}×{}",
        size.0, size.1, needs.0, needs.1
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

/// Formats a time of day in local time, `HH:MM:SS`.
pub fn clock(t: std::time::SystemTime) -> String {
    chrono::DateTime::<chrono::Local>::from(t)
        .format("%H:%M:%S")
        .to_string()
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

/// Writes `line` at the top of `area`; a line too long for it is cut with an ellipsis
/// (spaces at its end are simply dropped), so that a cut word never reads as a whole one.
pub fn line(area: Rect, buf: &mut Buffer, line: Line<'_>) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let line = cut(line, usize::from(area.width));
    buf.set_line(area.x, area.y, &line, area.width);
}

/// `line` in at most `width` columns: as it is when it fits (but for spaces at its end),
/// else cut with an ellipsis in the style of the span it cuts. For lines drawn by others
/// (block titles), which would clip without one.
pub fn cut(line: Line<'_>, width: usize) -> Line<'_> {
    if text_width(&line) <= width || width == 0 {
        return line;
    }
    let room = width - 1;
    let style = line.style;
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    for span in line.spans {
        let w = span.width();
        if used + w <= room {
            used += w;
            spans.push(span);
            continue;
        }
        let mut kept = String::new();
        for c in span.content.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > room {
                break;
            }
            used += cw;
            kept.push(c);
        }
        kept.push('…');
        spans.push(Span::styled(kept, span.style));
        break;
    }
    Line::from(spans).style(style)
}

/// The columns `line` takes without the spaces at its end.
fn text_width(line: &Line<'_>) -> usize {
    let mut trailing = 0;
    for span in line.spans.iter().rev() {
        let trimmed = span.content.trim_end_matches(' ');
        trailing += span.content.len() - trimmed.len();
        if !trimmed.is_empty() {
            break;
        }
    }
    line.width().saturating_sub(trailing)
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

/// A style for a verdict given through `completeness`: as [`lead_style`] when the figures
/// are complete, the error style when they are not, muted when there is no data. Never
/// good news on figures that are not complete.
pub fn verdict_style(completeness: &Completeness, lead: i64, theme: &Theme) -> Style {
    match completeness.state() {
        CompletenessState::Complete => lead_style(lead, theme),
        CompletenessState::Incomplete => theme.error,
        CompletenessState::NoData => theme.muted,
    }
}

/// The verdict for `lead` through `completeness` ([`Completeness::verdict`]); `short`
/// drops `of plan` and shortens `on incomplete figures` for narrow rows.
pub fn verdict_words(completeness: &Completeness, lead: i64, short: bool) -> String {
    let v = completeness.verdict(lead);
    if short {
        v.replace(" on incomplete figures", ", incomplete")
            .replace(" of plan", "")
    } else {
        v
    }
}

/// The cumulative plan of a line chart: a line of dots in the plan's colour, named
/// `planned` (the Deliveries and Line of Balance charts both draw it).
pub fn plan_dataset<'a>(points: &'a [(f64, f64)], theme: &Theme) -> Dataset<'a> {
    Dataset::default()
        .name("planned")
        .marker(Marker::Dot)
        .graph_type(GraphType::Line)
        .style(Style::new().fg(theme.plan))
        .data(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme() -> Theme {
        Theme::default()
    }

    /// `lines` as a buffer, every cell in `style`.
    fn styled(lines: &[&str], style: Style) -> Buffer {
        let mut buf = Buffer::with_lines(lines.iter().copied());
        let area = buf.area;
        buf.set_style(area, style);
        buf
    }

    #[test]
    fn too_small_fits_any_area() {
        let theme = theme();
        // Whole where it fits, wrapped at words where it does not, cut where a word is
        // wider than the area; nothing at all in an empty area.
        let cases: [(u16, u16, &[&str]); 4] = [
            (
                40,
                2,
                &[
                    "Terminal too small: 10×4, needs 20×5    ",
                    "                                        ",
                ],
            ),
            (
                12,
                4,
                &[
                    "Terminal too",
                    "small: 10×4,",
                    "needs 20×5  ",
                    "            ",
                ],
            ),
            (6, 2, &["Termin", "al too"]),
            (1, 1, &["T"]),
        ];
        for (w, h, lines) in cases {
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            too_small(area, &mut buf, (10, 4), (20, 5), &theme);
            assert_eq!(buf, styled(lines, theme.warning), "at {w}×{h}");
        }
        for (w, h) in [(0, 0), (0, 3), (3, 0)] {
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            too_small(area, &mut buf, (w, h), (20, 5), &theme);
            assert_eq!(buf, Buffer::empty(area));
        }
    }

    #[test]
    fn too_small_draws_only_in_its_area() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 3));
        too_small(Rect::new(2, 1, 4, 1), &mut buf, (4, 1), (20, 5), &theme());
        let mut expected = Buffer::with_lines(["        ", "  Term  ", "        "]);
        expected.set_style(Rect::new(2, 1, 4, 1), theme().warning);
        assert_eq!(buf, expected);
    }

    #[test]
    fn a_line_too_long_is_cut_with_an_ellipsis() {
        let theme = theme();
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        line(
            buf.area,
            &mut buf,
            Line::from(vec![
                Span::styled("17 ", theme.accent),
                Span::styled("behind plan", theme.warning),
            ]),
        );
        let mut expected = Buffer::with_lines(["17 be…"]);
        expected.set_style(Rect::new(0, 0, 3, 1), theme.accent);
        expected.set_style(Rect::new(3, 0, 3, 1), theme.warning);
        assert_eq!(buf, expected);
    }

    #[test]
    fn a_line_that_fits_but_for_its_end_spaces_is_not_cut() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        line(buf.area, &mut buf, Line::from("abcd    "));
        assert_eq!(buf, Buffer::with_lines(["abcd"]));
        // Exactly as wide as the area: whole.
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        line(
            buf.area,
            &mut buf,
            Line::from(vec![Span::raw("ab"), Span::raw("cd")]),
        );
        assert_eq!(buf, Buffer::with_lines(["abcd"]));
        // A wide character that does not fit before the ellipsis is left out.
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        line(buf.area, &mut buf, Line::from("ab装甲"));
        assert_eq!(buf, Buffer::with_lines(["ab… "]));
    }

    #[test]
    fn an_empty_note_is_centred_and_muted() {
        let theme = theme();
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 3));
        empty_note(buf.area, &mut buf, "none", &theme);
        let mut expected = Buffer::with_lines(["          ", "   none   ", "          "]);
        expected.set_style(Rect::new(3, 1, 4, 1), theme.muted);
        assert_eq!(buf, expected);
    }

    #[test]
    fn a_block_has_its_title_in_the_accent() {
        let theme = theme();
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 3));
        block("Plan", &theme).render(buf.area, &mut buf);
        let mut expected = Buffer::with_lines(["┌ Plan ──┐", "│        │", "└────────┘"]);
        // The border muted, the inside left alone.
        expected.set_style(expected.area, theme.muted);
        expected.set_style(Rect::new(1, 1, 8, 1), Style::reset());
        expected.set_style(Rect::new(1, 0, 6, 1), theme.accent);
        assert_eq!(buf, expected);
    }

    #[test]
    fn counts_are_muted_when_there_are_none() {
        let theme = theme();
        let some = count_span("!", 1_200u32, "overdue", theme.error, &theme);
        assert_eq!(some.content, "! 1 200 overdue");
        assert_eq!(some.style, theme.error);
        let none = count_span("!", 0u32, "overdue", theme.error, &theme);
        assert_eq!(none.content, "! 0 overdue");
        assert_eq!(none.style, theme.muted);
    }

    #[test]
    fn the_scrollbar_thumb_covers_the_rows_on_screen() {
        let theme = theme();
        // Ten rows, four on screen: the thumb is four tenths of the bar, at either end.
        for (offset, expected) in [(0, ["█", "█", "║", "║"]), (6, ["║", "║", "█", "█"])]
        {
            let mut buf = Buffer::empty(Rect::new(0, 0, 1, 4));
            scrollbar(buf.area, &mut buf, offset, 6, 4, &theme);
            let text: Vec<String> = (0..4).map(|y| buf[(0, y)].symbol().to_owned()).collect();
            assert_eq!(text, expected, "from row {offset}");
        }
    }
}
