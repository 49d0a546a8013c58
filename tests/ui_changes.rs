//! The Changes view: whole-screen snapshots on the bundled sample with two reloads logged
//! (80×24 and 200×60), its scrolling, and the status line's count of changes not yet
//! looked at, driven through `App::update` without a terminal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::path::Path;

use chrono::NaiveDateTime;
use fleetdash::app::{Action, App, Data, Effect, View};
use fleetdash::domain::changes::{Change, Named};
use fleetdash::domain::{Date, Name};
use fleetdash::status::{Limits, Loader};
use fleetdash::ui::{self, Theme};

fn day(m: u32, d: u32) -> Date {
    Date::from_ymd_opt(2026, m, d).unwrap()
}

fn at(h: u32, m: u32) -> NaiveDateTime {
    day(11, 26).and_hms_opt(h, m, 7).unwrap()
}

fn sample() -> App {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
    let snapshot = Loader::new(vec![dir], Limits::default()).load(day(11, 26));
    App::new(Data::new(snapshot, day(11, 26)))
}

fn named(id: &str, name: &str) -> Named {
    Named {
        id: Name::new(id),
        name: Name::new(name),
    }
}

fn moved(serial: &str, from: &str, to: &str) -> Change {
    Change::Moved {
        serial: Name::new(serial),
        variant: named("grf-tt", "Griffon troop transport"),
        from: Some(named(&from.to_lowercase(), from)),
        to: named(&to.to_lowercase(), to),
        on: day(11, 26),
    }
}

/// Two reloads: a move and a hold at 09:12, a hand-over at 14:30.
fn logged(app: &mut App) {
    app.log_changes(
        at(9, 12),
        vec![
            moved("BE-GRF-0080", "Final tests", "Government acceptance"),
            Change::HoldSet {
                serial: Name::new("BE-GRF-0084"),
                stage: named("paint", "Paint"),
                reason: Name::new("waiting for paint booth"),
                was: None,
            },
        ],
    );
    app.log_changes(
        at(14, 30),
        vec![Change::HandedOver {
            variant: named("grf-tt", "Griffon troop transport"),
            date: day(11, 26),
            quantity: 1,
            serials: vec![Name::new("BE-GRF-0076")],
        }],
    );
}

fn frame(app: &mut App, width: u16, height: u16) -> String {
    let (text, seen) = ui::render_frame(app, &Theme::default(), width, height);
    app.seen(seen);
    text
}

fn status_line(app: &mut App) -> String {
    frame(app, 100, 24).lines().last().unwrap_or("").to_owned()
}

#[test]
fn changes_80x24() {
    let mut app = sample();
    logged(&mut app);
    app.update(Action::Show(View::Changes));
    insta::assert_snapshot!(frame(&mut app, 80, 24));
}

#[test]
fn changes_200x60() {
    let mut app = sample();
    logged(&mut app);
    app.update(Action::Show(View::Changes));
    insta::assert_snapshot!(frame(&mut app, 200, 60));
}

#[test]
fn the_newest_reload_comes_first_and_the_files_after_the_log() {
    let mut app = sample();
    logged(&mut app);
    app.view = View::Changes;
    let screen = frame(&mut app, 200, 60);
    let place = |s: &str| {
        screen
            .find(s)
            .unwrap_or_else(|| panic!("{s:?} not in\n{screen}"))
    };
    assert!(screen.contains("Since the dashboard started: 3 changes in 2 reloads"));
    assert!(place("14:30:07 · 1 change") < place("09:12:07 · 2 changes"));
    assert!(place("09:12:07 · 2 changes") < place("From the files, since Thu 19 Nov 2026"));
    assert!(screen.contains("BE-GRF-0080 Final tests → Government acceptance"));
}

#[test]
fn the_status_line_counts_changes_until_the_view_is_looked_at() {
    let mut app = sample();
    assert!(!status_line(&mut app).contains("change"));
    logged(&mut app);
    assert!(
        status_line(&mut app).contains("3 changes · 8"),
        "{}",
        status_line(&mut app)
    );
    // Other views keep the count.
    assert_eq!(app.update(Action::Show(View::Queue)), Effect::Redraw);
    assert!(status_line(&mut app).contains("3 changes · 8"));
    // Looking resets it, and changes that land while looking are seen.
    assert_eq!(app.update(Action::Show(View::Changes)), Effect::Redraw);
    assert_eq!(app.changes.log.unseen(), 0);
    assert!(!status_line(&mut app).contains("changes ·"));
    app.log_changes(at(15, 0), vec![moved("BE-GRF-0001", "Hull", "Paint")]);
    assert_eq!(app.changes.log.unseen(), 0);
    // Under the help the view is not looked at; closing the help looks at it.
    app.update(Action::ToggleHelp);
    app.log_changes(at(15, 5), vec![moved("BE-GRF-0002", "Hull", "Paint")]);
    assert_eq!(app.changes.log.unseen(), 1);
    app.update(Action::Close);
    assert_eq!(app.changes.log.unseen(), 0);
    // Away again: one change is one change.
    app.update(Action::NextView);
    app.log_changes(at(15, 10), vec![moved("BE-GRF-0003", "Hull", "Paint")]);
    assert!(status_line(&mut app).contains("1 change · 8"));
}

#[test]
fn the_view_scrolls_like_the_other_lists() {
    let mut app = sample();
    logged(&mut app);
    app.update(Action::Show(View::Changes));
    let first = frame(&mut app, 80, 10);
    assert!(first.contains("Since the dashboard started"));
    assert_eq!(app.update(Action::Down), Effect::Redraw);
    let down = frame(&mut app, 80, 10);
    assert!(!down.contains("Since the dashboard started"), "{down}");
    assert_eq!(app.update(Action::Bottom), Effect::Redraw);
    let end = frame(&mut app, 80, 10);
    // The last note of the files' part is on screen at the end.
    assert!(end.contains("Changes view)."), "{end}");
    assert_eq!(app.update(Action::Top), Effect::Redraw);
    assert_eq!(frame(&mut app, 80, 10), first);
    // Keys that are not movements do nothing here.
    assert_eq!(app.update(Action::SortNext), Effect::None);
}
