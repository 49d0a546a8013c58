//! Every view at every terminal size from 0×0 to 30×12, and a few odd ones: nothing
//! panics, and nothing is drawn outside the area a view is given.
//!
//! Some ratatui widgets (Gauge, BarChart, Sparkline) panic when given an area outside the
//! buffer, and a hand-made rectangle is easily one row or column too big at small sizes.
//! Each size is drawn twice: the whole screen as `print` draws it, and each view alone in
//! an area that does not start at the buffer's corner, inside a buffer with a margin that
//! must stay blank.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::path::{Path, PathBuf};
use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use fleetdash::app::{Action, App, Data, View};
use fleetdash::domain::Date;
use fleetdash::status::{Limits, Loader};
use fleetdash::ui::{self, Theme};

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sets drawn: the sample; one with problems, stale files and control characters in
/// every name; one with wide characters; one with no programme at all.
fn sets() -> Vec<(&'static str, PathBuf)> {
    vec![
        ("sample", root().join("config/status")),
        (
            "problems",
            root().join("tests/fixtures/hostile/control-sequences"),
        ),
        ("wide", root().join("tests/fixtures/hostile/wide-names")),
        (
            "empty",
            root().join("tests/fixtures/invalid/programme-missing"),
        ),
    ]
}

fn app_for(dir: &Path) -> App {
    let snapshot = Loader::new(vec![dir.to_path_buf()], Limits::default()).load(today());
    App::new(Data::new(snapshot, today()))
}

/// A named way to put the app in a state before drawing.
type State = (&'static str, fn(&mut App));

/// The states of the app each view is drawn in: as opened, with the last row selected
/// and its detail open, and under the help overlay with a long flash.
fn states() -> [State; 3] {
    [
        ("fresh", |_| {}),
        ("detail", |app| {
            app.update(Action::Bottom);
            app.update(Action::Open);
        }),
        ("help", |app| {
            app.flash("reloaded ".repeat(30), Instant::now());
            app.update(Action::ToggleHelp);
        }),
    ]
}

fn sizes() -> Vec<(u16, u16)> {
    let mut sizes: Vec<(u16, u16)> = (0..=30)
        .flat_map(|w| (0..=12).map(move |h| (w, h)))
        .collect();
    sizes.extend([(1, 100), (300, 2), (10, 4), (2, 300), (500, 60), (80, 1)]);
    sizes
}

#[test]
fn every_view_at_every_size() {
    let sizes = sizes();
    let mut drawn = 0;
    for (set, dir) in sets() {
        for view in View::ALL {
            for (state, prepare) in states() {
                let mut app = app_for(&dir);
                app.view = view;
                prepare(&mut app);
                for &(w, h) in &sizes {
                    let what = format!("{view:?} on {set}, {state}, at {w}×{h}");
                    let screen = ui::render_text(&app, &Theme::default(), w, h);
                    assert_eq!(screen.lines().count(), usize::from(h), "{what}");
                    draw_view_with_margin(&mut app, view, w, h, &what);
                    drawn += 1;
                }
            }
        }
    }
    assert_eq!(drawn, 4 * View::ALL.len() * 3 * sizes.len());
}

/// Draws `view` alone into a `w`×`h` area at (3, 2) of a buffer with a margin of blank
/// cells all round, and checks the margin is still blank.
fn draw_view_with_margin(app: &mut App, view: View, w: u16, h: u16, what: &str) {
    let (x, y) = (3, 2);
    let outer = Rect::new(0, 0, w + 2 * x, h + 2 * y);
    let mut buf = Buffer::empty(outer);
    let area = Rect::new(x, y, w, h);
    ui::draw_view(app, &Theme::default(), view, area, &mut buf);
    for row in outer.top()..outer.bottom() {
        for col in outer.left()..outer.right() {
            let inside = area.contains(ratatui::layout::Position::new(col, row));
            if !inside {
                assert_eq!(
                    buf[(col, row)].symbol(),
                    " ",
                    "{what}: drawn outside its area at ({col}, {row})"
                );
            }
        }
    }
}
