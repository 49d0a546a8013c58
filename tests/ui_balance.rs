//! The Balance view: whole-screen snapshots on the bundled sample at 80×24 and 200×60, the
//! view with no lead times (it says what is missing), and its keys driven through
//! `App::update` without a terminal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::path::Path;

use fleetdash::app::keymap;
use fleetdash::app::{Action, App, Data, Effect, View};
use fleetdash::domain::Date;
use fleetdash::domain::balance::{self, Measured};
use fleetdash::status::{Limits, Loader};
use fleetdash::ui::{self, Theme};

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd_opt(y, m, d).expect("a valid date")
}

fn app_on(path: &Path, today: Date) -> App {
    let snapshot = Loader::new(vec![path.to_path_buf()], Limits::default()).load(today);
    let mut app = App::new(Data::new(snapshot, today));
    app.view = View::Balance;
    app
}

fn sample() -> App {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
    app_on(&dir, day(2026, 11, 26))
}

/// The screen as `print` writes it, after handing back what the drawing learned.
fn frame(app: &mut App, width: u16, height: u16) -> String {
    let (text, seen) = ui::render_frame(app, &Theme::default(), width, height);
    app.seen(seen);
    text
}

fn line_of<'a>(screen: &'a str, start: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.trim_start_matches('│').starts_with(start))
        .unwrap_or_else(|| panic!("no row starts with {start:?} in\n{screen}"))
}

#[test]
fn balance_80x24() {
    insta::assert_snapshot!(frame(&mut sample(), 80, 24));
}

#[test]
fn balance_200x60() {
    insta::assert_snapshot!(frame(&mut sample(), 200, 60));
}

#[test]
fn balance_jaguar_80x24() {
    let mut app = sample();
    app.update(Action::Right);
    app.update(Action::Right);
    insta::assert_snapshot!(frame(&mut app, 80, 24));
}

#[test]
fn hand_over_agrees_with_the_deliveries_view() {
    let mut app = sample();
    let screen = frame(&mut app, 80, 24);
    assert!(
        line_of(&screen, "Hand-over").contains("70 / 88    18 short"),
        "{screen}"
    );
    app.view = View::Deliveries;
    let deliveries = frame(&mut app, 200, 60);
    assert!(
        deliveries.contains("Programme to date: 70 delivered of 88 planned"),
        "{deliveries}"
    );
}

#[test]
fn the_sentence_names_the_studys_first_point_out_of_balance() {
    let mut app = sample();
    let p = app.data.programme().clone();
    let study = balance::study(&p, app.data.today(), &Measured::default());
    let sentence = study
        .warning(None)
        .expect("the sample is behind")
        .sentence(&p);
    let screen = frame(&mut app, 200, 60);
    assert!(screen.contains(&sentence), "{sentence}\n{screen}");
}

#[test]
fn left_and_right_step_through_the_programme_and_its_families_and_wrap() {
    let mut app = sample();
    assert_eq!(app.balance.scope, 0);
    assert_eq!(app.update(Action::Right), Effect::Redraw);
    assert_eq!(app.balance.scope, 1);
    assert!(frame(&mut app, 80, 24).contains("Remote weapon sta"));
    assert_eq!(app.update(Action::Right), Effect::Redraw);
    assert_eq!(app.balance.scope, 2);
    let jaguar = frame(&mut app, 80, 24);
    assert!(
        jaguar.contains("40 mm turret") && !jaguar.contains("Remote weapon"),
        "{jaguar}"
    );
    assert_eq!(app.update(Action::Right), Effect::Redraw);
    assert_eq!(app.balance.scope, 0);
    assert_eq!(app.update(Action::Left), Effect::Redraw);
    assert_eq!(app.balance.scope, 2);
    // Keys that mean nothing here change nothing.
    assert_eq!(app.update(Action::Down), Effect::None);
    assert_eq!(app.update(Action::Open), Effect::None);
    assert_eq!(app.balance.scope, 2);
}

#[test]
fn the_keys_of_the_view_are_six_and_the_arrows() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    assert_eq!(
        keymap::action(key(KeyCode::Char('6')), View::Overview, false),
        Some(Action::Show(View::Balance))
    );
    assert_eq!(
        keymap::action(key(KeyCode::Char('l')), View::Balance, false),
        Some(Action::Right)
    );
    assert_eq!(
        keymap::action(key(KeyCode::Left), View::Balance, false),
        Some(Action::Left)
    );
    let mut app = sample();
    app.view = View::Overview;
    assert_eq!(app.update(Action::Show(View::Balance)), Effect::Redraw);
    assert_eq!(app.view, View::Balance);
    assert_eq!(app.update(Action::NextView), Effect::Redraw);
    assert_eq!(app.view, View::Flow);
}

#[test]
fn without_lead_times_the_view_says_what_is_missing() {
    // The sample without its `lead_time_days` and without the stage histories lead times
    // are measured from: a copy in a temporary folder.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
    for entry in std::fs::read_dir(&src).expect("the sample") {
        let path = entry.expect("an entry").path();
        let text = std::fs::read_to_string(&path).expect("a status file");
        let indent = |l: &str| l.len() - l.trim_start().len();
        // The indentation of a `histories:` key being skipped, with everything under it.
        let mut skipping: Option<usize> = None;
        let mut kept = String::new();
        for l in text.lines() {
            if let Some(at) = skipping {
                if indent(l) > at {
                    continue;
                }
                skipping = None;
            }
            if l.trim_start().starts_with("histories:") {
                skipping = Some(indent(l));
                continue;
            }
            if l.contains("lead_time_days:") || l.trim_start().starts_with("history:") {
                continue;
            }
            kept.push_str(l);
            kept.push('\n');
        }
        std::fs::write(dir.path().join(path.file_name().expect("a name")), kept).expect("written");
    }
    let mut app = app_on(dir.path(), day(2026, 11, 26));
    assert!(
        app.data.snapshot.problems.is_empty(),
        "{:?}",
        app.data.snapshot.problems
    );
    let screen = frame(&mut app, 200, 60);
    assert!(
        screen.contains("No lead times: only hand-over has a line."),
        "{screen}"
    );
    assert!(
        screen.contains("which the status files do not give"),
        "{screen}"
    );
    // Only hand-over keeps a line; every other point says it has none.
    assert!(line_of(&screen, "Paint").contains("86 / —"), "{screen}");
    assert!(line_of(&screen, "Paint").contains("no line"), "{screen}");
    assert!(
        line_of(&screen, "Hand-over").contains("70 / 88"),
        "{screen}"
    );
    insta::assert_snapshot!(frame(&mut app, 80, 24));
}

#[test]
fn any_size_draws_without_a_panic() {
    let mut app = sample();
    for (w, h) in [
        (1, 1),
        (20, 5),
        (40, 6),
        (41, 9),
        (79, 23),
        (120, 30),
        (300, 100),
    ] {
        let screen = frame(&mut app, w, h);
        assert_eq!(screen.lines().count(), usize::from(h));
    }
}
