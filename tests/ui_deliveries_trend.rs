//! The Deliveries view's trend charts (`t`): the forecast's finish at each month-end and the
//! rate needed against each month's hand-overs, on the bundled sample.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::path::PathBuf;

use fleetdash::app::{Action, App, Data, Effect, View};
use fleetdash::domain::Date;
use fleetdash::domain::forecast::Finish;
use fleetdash::status::{Limits, Loader};
use fleetdash::ui::{self, Theme};

fn sample() -> App {
    let today = Date::from_ymd_opt(2026, 11, 26).unwrap();
    let snapshot = Loader::new(vec![PathBuf::from("config/status")], Limits::default()).load(today);
    let mut app = App::new(Data::new(snapshot, today));
    app.view = View::Deliveries;
    app
}

fn frame(app: &mut App, width: u16, height: u16) -> String {
    let (text, seen) = ui::render_frame(app, &Theme::default(), width, height);
    app.seen(seen);
    text
}

#[test]
fn t_switches_the_charts_to_the_trend_and_back() {
    let mut app = sample();
    let yearly = frame(&mut app, 80, 24);
    assert!(
        yearly.contains("Planned ░ delivered █ per year"),
        "{yearly}"
    );
    assert_eq!(app.update(Action::SwitchChart), Effect::Redraw);
    let screen = frame(&mut app, 80, 24);
    insta::assert_snapshot!("trend_80x24", screen);
    assert!(!screen.contains("per year"), "{screen}");
    assert!(screen.contains("Finish"), "{screen}");
    assert!(screen.contains("needed"), "{screen}");
    // The table and the forecast's lines stay.
    assert!(screen.contains("Σ Programme"), "{screen}");
    assert!(screen.contains("Griffon    5.0 a month"), "{screen}");
    assert_eq!(app.update(Action::SwitchChart), Effect::Redraw);
    assert_eq!(frame(&mut app, 80, 24), yearly);
}

#[test]
fn a_large_screen_shows_the_trend_under_the_yearly_charts() {
    let mut app = sample();
    let screen = frame(&mut app, 200, 60);
    assert!(
        screen.contains("Planned ░ delivered █ per year"),
        "{screen}"
    );
    assert!(
        screen.contains("Forecast finish at each month-end: G Griffon J Jaguar"),
        "{screen}"
    );
    app.update(Action::SwitchChart);
    let screen = frame(&mut app, 200, 60);
    insta::assert_snapshot!("trend_200x60", screen);
    assert!(!screen.contains("per year"), "{screen}");
}

#[test]
fn the_trend_ends_on_the_forecast_on_screen() {
    let app = sample();
    let trend = app.deliveries.trend().unwrap();
    let forecast = &app.data.forecast;
    // Month-ends from January 2025 (the programme's first year) to October 2026, and today.
    assert_eq!(trend.programme.points.len(), 22 + 1);
    for (s, o) in trend.families.iter().zip(&forecast.families) {
        assert_eq!(s.latest().unwrap().outlook.finish, o.finish);
    }
    // The Jaguar's first hand-overs were in October 2026: no finish before.
    let jaguar = &trend.families[1];
    let sept = jaguar
        .points
        .iter()
        .find(|p| p.day.to_string() == "2026-09-30")
        .unwrap();
    assert_eq!(sept.outlook.finish, Finish::NotStarted);
}

#[test]
fn the_key_is_in_the_help_of_the_deliveries_view_only() {
    let mut app = sample();
    app.update(Action::ToggleHelp);
    let help = frame(&mut app, 100, 40);
    assert!(help.contains("per year / the forecast's trend"), "{help}");
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use fleetdash::app::keymap::action;
    let t = KeyEvent::new(KeyCode::Char('t'), KeyModifiers::NONE);
    assert_eq!(
        action(t, View::Deliveries, false),
        Some(Action::SwitchChart)
    );
    assert_eq!(action(t, View::Queue, false), None);
}
