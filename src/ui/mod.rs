//! Drawing: the frame around the views (tabs, status line, help) and one module per view;
//! until the first load lands, the loading screen ([`loading`]) instead.
//!
//! Views draw into a [`Buffer`] from `&App` and the [`Theme`]; they never read files,
//! compute figures or change the state. What a drawing learns about the screen (rows on
//! screen, first rows and columns shown) is returned as [`Seen`], for the caller to hand to
//! [`App::seen`]. Every area comes from splitting the frame's area, so no widget is given a
//! rectangle outside the buffer. Views import only `app`, `domain` and the shared widgets,
//! never each other.

pub mod balance;
pub mod changes;
pub mod deliveries;
pub mod flow;
pub mod help;
pub mod loading;
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

use crate::app::{App, Seen, View};

/// The smallest terminal the frame itself needs (tabs, one line of body, status line).
pub const MIN_WIDTH: u16 = 20;
/// The fewest rows the frame needs.
pub const MIN_HEIGHT: u16 = 5;

/// Draws the whole screen into `buf`; returns what the drawing learned, for
/// [`App::seen`].
pub fn draw(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> Seen {
    let area = area.intersection(buf.area);
    // Until the first load lands there is nothing to show but how far it has gone.
    if let Some(first) = app.loading.as_ref().filter(|l| l.first) {
        loading::render(app, first, theme, area, buf);
        return Seen::default();
    }
    let size = (area.width, area.height);
    // What the terminal needs for this view: the view's least area, the tabs and the
    // status line around it.
    let (view_width, view_height) = min_size(app, app.view);
    let needs = (
        MIN_WIDTH.max(view_width),
        MIN_HEIGHT.max(view_height.saturating_add(2)),
    );
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        widgets::too_small(area, buf, size, needs, theme);
        return Seen::default();
    }
    let [header, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    tabs::render(app, theme, header, buf);
    let seen = if area.width < needs.0 || area.height < needs.1 {
        widgets::too_small(body, buf, size, needs, theme);
        Seen::default()
    } else {
        draw_view(app, theme, app.view, body, buf)
    };
    status_line::render(app, theme, status, buf);
    if app.show_help {
        help::render(app, theme, body, buf);
    }
    seen
}

/// The smallest area `view` draws in (columns, rows), without the tabs and status line.
pub fn min_size(app: &App, view: View) -> (u16, u16) {
    match view {
        View::Overview => overview::min_size(app),
        View::Variants => variants::min_size(app),
        View::Queue => queue::min_size(app),
        View::Deliveries => deliveries::min_size(app),
        // The files line and a line of the list.
        View::Problems => (MIN_WIDTH, 2),
        View::Balance => balance::min_size(app),
        View::Flow => flow::min_size(app),
        View::Changes => changes::min_size(app),
    }
}

/// Draws one view into `area`; returns what the drawing learned.
pub fn draw_view(app: &App, theme: &Theme, view: View, area: Rect, buf: &mut Buffer) -> Seen {
    let mut seen = Seen::default();
    match view {
        View::Overview => overview::render(app, theme, area, buf),
        View::Variants => seen.variants = Some(variants::render(app, theme, area, buf)),
        View::Queue => seen.queue = queue::render(app, theme, area, buf),
        View::Deliveries => seen.deliveries = deliveries::render(app, theme, area, buf),
        View::Problems => seen.problems = problems::render(app, theme, area, buf),
        View::Balance => balance::render(app, theme, area, buf),
        View::Flow => seen.flow = flow::render(app, theme, area, buf),
        View::Changes => seen.changes = Some(changes::render(app, theme, area, buf)),
    }
    seen
}

/// Draws the full screen at `width`×`height`; returns it as plain text, one line per row
/// with trailing spaces removed (what `fleetdash print` writes), and what the drawing
/// learned.
pub fn render_frame(app: &App, theme: &Theme, width: u16, height: u16) -> (String, Seen) {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    let seen = draw(app, theme, area, &mut buf);
    (buffer_text(&buf), seen)
}

/// The full screen at `width`×`height` as plain text: [`render_frame`]'s text.
pub fn render_text(app: &App, theme: &Theme, width: u16, height: u16) -> String {
    render_frame(app, theme, width, height).0
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
