//! Drawing: the frame around the views (tabs, status line, help) and one module per view.
//!
//! Views draw into a [`Buffer`] from the app's state; they never read files or compute
//! figures. Every area comes from splitting the frame's area, so no widget is given a
//! rectangle outside the buffer.

pub mod deliveries;
pub mod help;
pub mod overview;
pub mod problems;
pub mod queue;
pub mod status_line;
pub mod tabs;
pub mod theme;
pub mod variants;
pub mod widgets;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

pub use theme::Theme;

use crate::app::{App, Data, View};
use crate::domain::{Date, Family, Shared, Stage, Variant, Vehicle};

/// The smallest terminal the frame itself needs (tabs, one line of body, status line).
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;

/// What a view derived from the queue was built from. A reload that read no queue file
/// shares the previous queue (see [`crate::domain::Shared`]); when the definitions and the
/// day are the same too, a view keeps what it derived (filtered and sorted rows, counts)
/// instead of going over a hundred thousand vehicles again.
#[derive(Debug)]
pub struct QueueBasis {
    queue: Shared<Vehicle>,
    today: Date,
    variants: Vec<Variant>,
    families: Vec<Family>,
    stages: Vec<Stage>,
    sites: Vec<String>,
}

impl QueueBasis {
    pub fn of(data: &Data) -> QueueBasis {
        let p = data.programme();
        QueueBasis {
            queue: p.queue.clone(),
            today: data.today(),
            variants: p.variants.clone(),
            families: p.families.clone(),
            stages: p.stages.clone(),
            sites: p.sites.clone(),
        }
    }

    /// True when `data` is what this basis was taken from, as far as the queue goes.
    pub fn matches(&self, data: &Data) -> bool {
        let p = data.programme();
        Shared::ptr_eq(&self.queue, &p.queue)
            && self.today == data.today()
            && self.variants == p.variants
            && self.families == p.families
            && self.stages == p.stages
            && self.sites == p.sites
    }
}

/// Draws the whole screen into `buf`.
pub fn draw(app: &mut App, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        widgets::too_small(area, buf, MIN_WIDTH, MIN_HEIGHT, &app.theme);
        return;
    }
    let [header, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    tabs::render(app, header, buf);
    draw_view(app, app.view, body, buf);
    status_line::render(app, status, buf);
    if app.show_help {
        help::render(app, body, buf);
    }
}

/// Draws one view into `area`.
pub fn draw_view(app: &mut App, view: View, area: Rect, buf: &mut Buffer) {
    app.problems.show_times = app.live;
    let App {
        data,
        theme,
        overview,
        variants,
        queue,
        deliveries,
        problems,
        ..
    } = app;
    match view {
        View::Overview => overview::render(overview, data, theme, area, buf),
        View::Variants => variants::render(variants, data, theme, area, buf),
        View::Queue => queue::render(queue, data, theme, area, buf),
        View::Deliveries => deliveries::render(deliveries, data, theme, area, buf),
        View::Problems => problems::render(problems, data, theme, area, buf),
    }
}

/// Renders the full screen at `width`×`height` and returns it as plain text, one line per
/// row with trailing spaces removed: what `fleetdash print` writes.
pub fn render_text(app: &mut App, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    draw(app, area, &mut buf);
    buffer_text(&buf)
}

/// The text of a buffer, skipping the cells hidden behind wide characters.
pub fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::with_capacity(usize::from(area.width + 1) * usize::from(area.height));
    for y in area.top()..area.bottom() {
        let mut line = String::with_capacity(usize::from(area.width));
        let mut skip = 0;
        for x in area.left()..area.right() {
            let symbol = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let width = unicode_width::UnicodeWidthStr::width(symbol);
            skip = width.saturating_sub(1);
            line.push_str(if width == 0 { " " } else { symbol });
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
