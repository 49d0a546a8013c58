//! The line every view whose figures rest on the vehicles, deliveries or plan draws above
//! them when those figures are not complete: `✖ figures incomplete: …`, in the words of the
//! Overview ([`Completeness::why_not`]).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::domain::completeness::Completeness;
use crate::ui::Theme;

/// The rows [`incomplete`] takes in `width` columns: 0 when the figures are complete, else
/// the rows its words wrap to, at most two (the Overview and `print --view problems` say
/// the rest).
pub fn incomplete_rows(completeness: &Completeness, width: u16) -> u16 {
    completeness.why_not().map_or(0, |why| {
        (why.chars().count() + 3)
            .div_ceil(usize::from(width.max(1)))
            .clamp(1, 2) as u16
    })
}

/// `✖ figures incomplete: queue-seraing.yaml refused: its records are left out`, wrapped in
/// `area` in the error style ([`Completeness::why_not`], the words of the Overview): every
/// view whose figures rest on the vehicles, deliveries or plan draws it above them.
pub fn incomplete(completeness: &Completeness, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if let Some(why) = completeness.why_not()
        && !area.is_empty()
    {
        Paragraph::new(Line::from(Span::styled(format!("✖ {why}"), theme.error)))
            .wrap(Wrap { trim: true })
            .render(area, buf);
    }
}

/// Draws [`incomplete`] at the top of `area` when the figures are not complete and returns
/// the rest of `area` for the view's figures (all of it when they are complete).
pub fn above_incomplete(
    completeness: &Completeness,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Rect {
    let rows = incomplete_rows(completeness, area.width).min(area.height.saturating_sub(1));
    incomplete(
        completeness,
        theme,
        Rect {
            height: rows,
            ..area
        },
        buf,
    );
    Rect {
        y: area.y + rows,
        height: area.height - rows,
        ..area
    }
}
