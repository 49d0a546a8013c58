//! The detail panel of one variant: the text built by [`crate::app::variants::detail`],
//! styled with the theme, scrolled.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::app::variants::detail::{Text, Tone};
use crate::ui::{Theme, widgets};

/// Draws the panel over `area` from line `scroll` (or the last page); returns the text
/// rows on screen and the first line shown.
pub fn render(
    text: &Text,
    scroll: usize,
    title: &str,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> (usize, usize) {
    let area = area.intersection(buf.area);
    if area.width < 3 || area.height < 3 {
        return (0, scroll);
    }
    Clear.render(area, buf);
    let block = widgets::block(title, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let page = usize::from(inner.height);
    let scroll = scroll.min(text.len().saturating_sub(page));
    for (y, line) in (inner.y..inner.bottom()).zip(text.iter().skip(scroll)) {
        let spans: Vec<Span> = std::iter::once(Span::raw(" "))
            .chain(
                line.iter()
                    .map(|(tone, t)| Span::styled(t.clone(), style(*tone, theme))),
            )
            .collect();
        widgets::line(
            Rect::new(inner.x, y, inner.width, 1),
            buf,
            Line::from(spans),
        );
    }
    if text.len() > page {
        let bar = Rect::new(area.right() - 1, inner.y, 1, inner.height);
        widgets::scrollbar(bar, buf, scroll, text.len() - page, page, theme);
    }
    (page, scroll)
}

fn style(tone: Tone, theme: &Theme) -> Style {
    match tone {
        Tone::Plain => Style::new(),
        Tone::Accent => theme.accent,
        Tone::Muted => theme.muted,
        Tone::Header => theme.header,
        Tone::Ok => theme.ok,
        Tone::Warning => theme.warning,
        Tone::Error => theme.error,
    }
}
