//! The Deliveries view's trend charts (`t`): the forecast's finish at each month-end beside
//! the rate needed to finish on plan against each month's hand-overs, drawn by the shared
//! widgets of `ui::widgets::trend`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::domain::forecast::Trend;
use crate::ui::Theme;
use crate::ui::widgets::trend::{milestones, rates};

/// The rate chart goes beside the milestone trend from this width on.
const RATES_FROM_WIDTH: u16 = 70;

/// Draws the trend charts into `area`: the milestone trend, and beside it when the width
/// allows the programme's rates.
pub fn render(trend: &Trend, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width >= RATES_FROM_WIDTH {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(area);
        milestones(trend, theme, left, buf);
        rates(&trend.programme, theme, right, buf);
    } else {
        milestones(trend, theme, area, buf);
    }
}
