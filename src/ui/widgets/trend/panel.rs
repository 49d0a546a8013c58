//! The trend panel the Deliveries view (`t`) and the Flow view show: the forecast's finish
//! at each month-end beside the rate needed to finish on plan against each month's
//! hand-overs, and under them, when the height allows, how each family's finish moved over
//! the last three months, in words.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::{milestones, rates};
use crate::domain::forecast::Trend;
use crate::ui::{Theme, widgets};

/// The rate chart goes beside the milestone trend from this width on.
const RATES_FROM_WIDTH: u16 = 70;
/// The words go under the charts from this height on.
const WORDS_FROM_HEIGHT: u16 = 12;
/// At most this many families say how their finish moved.
const WORDS_MAX: usize = 3;

/// Draws the trend charts into `area`: the milestone trend, and beside it when the width
/// allows the programme's rates; under them, a line per family (at most three) saying how
/// its finish moved, when the height allows.
pub fn panel(trend: &Trend, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let words: Vec<String> = if area.height >= WORDS_FROM_HEIGHT {
        trend
            .families
            .iter()
            .filter(|s| s.latest().is_some_and(|p| p.outlook.contracted > 0))
            .take(WORDS_MAX)
            .map(|s| s.movement())
            .collect()
    } else {
        Vec::new()
    };
    let [charts, below] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(words.len() as u16)]).areas(area);
    for (k, w) in words.into_iter().enumerate() {
        let row = Rect::new(below.x, below.y + k as u16, below.width, 1);
        // Narrow: the day of the last point goes (it is today, on the status line).
        let w = if w.chars().count() + 1 > usize::from(row.width) {
            w.replacen(&format!(" on {}", trend.today), "", 1)
        } else {
            w
        };
        widgets::line(
            row,
            buf,
            Line::from(vec![Span::raw(" "), Span::styled(w, theme.muted)]),
        );
    }
    if charts.width >= RATES_FROM_WIDTH {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(charts);
        milestones(trend, theme, left, buf);
        rates(&trend.programme, theme, right, buf);
    } else {
        milestones(trend, theme, charts, buf);
    }
}
