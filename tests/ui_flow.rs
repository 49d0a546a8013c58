//! The Flow view on a hand-built programme with stage histories (tests/flow_fixture):
//! whole-screen snapshots at 80×24 and 200×60, the list of a stage's vehicles by age, the
//! view without histories (it says what it cannot compute), and its keys through
//! `App::update` without a terminal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod flow_fixture;

use fleetdash::app::keymap;
use fleetdash::app::{Action, App, Data, Effect, View};
use fleetdash::domain::Programme;
use fleetdash::ui::{self, Theme};
use flow_fixture::{programme, snapshot, today, without_histories};

fn app_of(p: Programme) -> App {
    let mut app = App::new(Data::new(snapshot(p), today()));
    app.view = View::Flow;
    app
}

/// The screen as `print` writes it, after handing back what the drawing learned.
fn frame(app: &mut App, width: u16, height: u16) -> String {
    let (text, seen) = ui::render_frame(app, &Theme::default(), width, height);
    app.seen(seen);
    text
}

#[test]
fn flow_80x24() {
    insta::assert_snapshot!(frame(&mut app_of(programme()), 80, 24));
}

#[test]
fn flow_200x60() {
    insta::assert_snapshot!(frame(&mut app_of(programme()), 200, 60));
}

#[test]
fn flow_without_histories_80x24() {
    let screen = frame(&mut app_of(without_histories(programme())), 80, 24);
    assert!(screen.contains("No stage histories"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn enter_lists_the_stages_vehicles_oldest_first_and_esc_closes() {
    let mut app = app_of(programme());
    // Hull holds Q2 (since 02-20, 12 days) and Q3 (since 02-23, 9 days).
    assert_eq!(app.update(Action::Open), Effect::Redraw);
    assert!(app.flow.is_open());
    let screen = frame(&mut app, 80, 24);
    insta::assert_snapshot!("flow_hull_vehicles_80x24", screen);
    let q2 = screen.find(" Q2 ").expect("Q2 listed");
    let q3 = screen.find(" Q3 ").expect("Q3 listed");
    assert!(q2 < q3, "oldest first:\n{screen}");
    // Down moves in the list, not in the table.
    assert_eq!(app.update(Action::Down), Effect::Redraw);
    assert_eq!((app.flow.vehicle, app.flow.selected), (1, 0));
    assert_eq!(app.update(Action::Close), Effect::Redraw);
    assert!(!app.flow.is_open());
    // Esc with nothing open means nothing here.
    assert_eq!(app.update(Action::Close), Effect::None);
}

#[test]
fn up_and_down_select_a_stage_and_enter_lists_its_vehicles() {
    let mut app = app_of(programme());
    assert_eq!(app.update(Action::Up), Effect::Redraw);
    assert_eq!(app.flow.selected, 0);
    app.update(Action::Down);
    assert_eq!(app.flow.selected, 1);
    app.update(Action::Bottom);
    assert_eq!(app.flow.selected, 3);
    app.update(Action::Down);
    assert_eq!(app.flow.selected, 3, "the last stage stays selected");
    app.update(Action::Top);
    app.update(Action::Down);
    app.update(Action::Open);
    let screen = frame(&mut app, 80, 24);
    assert!(
        screen.contains("Fit-out: 1 vehicle, oldest first"),
        "{screen}"
    );
    assert!(
        screen.contains(" Q1 ") && !screen.contains(" Q2 "),
        "{screen}"
    );
    // A reload keeps the selection and rebuilds the open list.
    let mut p = programme();
    p.queue.push(flow_fixture::vehicle(
        "Q9",
        &[(1, 2, 1)],
        (1, flow_fixture::day(2026, 2, 1)),
    ));
    app.set_data(Data::new(snapshot(p), today()));
    assert_eq!(app.flow.selected, 1);
    assert_eq!(app.flow.listed().map(<[u32]>::len), Some(2));
    let screen = frame(&mut app, 80, 24);
    assert!(
        screen.find(" Q9 ").unwrap() < screen.find(" Q1 ").unwrap(),
        "{screen}"
    );
}

#[test]
fn seven_shows_the_view_and_the_help_lists_its_keys() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    assert_eq!(
        keymap::action(key(KeyCode::Char('7')), View::Overview, false),
        Some(Action::Show(View::Flow))
    );
    assert_eq!(
        keymap::action(key(KeyCode::Enter), View::Flow, false),
        Some(Action::Open)
    );
    let mut app = app_of(programme());
    app.update(Action::ToggleHelp);
    let screen = frame(&mut app, 80, 24);
    assert!(screen.contains("Keys: Flow"), "{screen}");
    assert!(screen.contains("open the detail"), "{screen}");
}

#[test]
fn the_queue_names_littles_bottleneck_when_histories_exist() {
    let mut app = app_of(programme());
    app.view = View::Queue;
    let screen = frame(&mut app, 200, 12);
    assert!(
        screen.contains("bottleneck: Fit-out, 1 in progress, 0.2 out a week, 46 days to clear"),
        "{screen}"
    );
    let mut app = app_of(without_histories(programme()));
    app.view = View::Queue;
    let screen = frame(&mut app, 200, 12);
    // Hull: Q2 12 days and Q3 9 (median 10.5); Fit-out: Q1 23, the longest median wait.
    assert!(
        screen.contains("bottleneck: Fit-out, median 23 days in stage"),
        "{screen}"
    );
}
