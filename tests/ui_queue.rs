//! Snapshots of the Assembly queue on the bundled sample, and what only styles show.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::path::PathBuf;

use fleetdash::app::{Action, App, Data, View};
use fleetdash::domain::Date;
use fleetdash::status::{Limits, Loader};
use fleetdash::ui::{self, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

/// The sample, on the queue view.
fn sample() -> App {
    let snapshot =
        Loader::new(vec![PathBuf::from("config/status")], Limits::default()).load(today());
    assert!(snapshot.problems.is_empty(), "{:?}", snapshot.problems);
    let mut app = App::new(Data::new(snapshot, today()));
    app.view = View::Queue;
    app
}

fn press(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app.update(a);
    }
}

fn typed(app: &mut App, text: &str) {
    app.update(Action::StartFilter);
    for c in text.chars() {
        app.update(Action::FilterChar(c));
    }
}

#[test]
fn queue_80x24() {
    insta::assert_snapshot!(frame(&mut sample(), 80, 24));
}

#[test]
fn queue_200x60() {
    insta::assert_snapshot!(frame(&mut sample(), 200, 60));
}

#[test]
fn queue_typing_a_filter_80x24() {
    let mut app = sample();
    typed(&mut app, "site:roanne jag");
    insta::assert_snapshot!(frame(&mut app, 80, 24));
}

#[test]
fn an_empty_filter_says_what_it_understands() {
    let mut app = sample();
    app.update(Action::StartFilter);
    let text = frame(&mut app, 100, 24);
    assert!(
        text.contains(
            " / █ text, serial: variant: family: stage: site: lot: hold: due:, overdue, held"
        ),
        "{text}"
    );
    app.update(Action::FilterChar('x'));
    assert!(!frame(&mut app, 100, 24).contains("text, serial:"));
}

#[test]
fn queue_kept_filter_sorted_by_days_80x24() {
    let mut app = sample();
    typed(&mut app, "held");
    press(
        &mut app,
        &[
            Action::AcceptFilter,
            Action::SortNext,
            Action::SortNext,
            Action::SortNext,
            Action::SortNext,
        ],
    );
    insta::assert_snapshot!(frame(&mut app, 80, 24));
}

#[test]
fn queue_detail_80x24() {
    let mut app = sample();
    press(&mut app, &[Action::Open]);
    insta::assert_snapshot!(frame(&mut app, 80, 24));
}

#[test]
fn queue_detail_200x60() {
    let mut app = sample();
    // BE-GRF-0077: overdue and on hold.
    typed(&mut app, "0077");
    press(&mut app, &[Action::AcceptFilter, Action::Open]);
    insta::assert_snapshot!(frame(&mut app, 200, 60));
}

#[test]
fn queue_scrolled_to_the_end_80x24() {
    let mut app = sample();
    frame(&mut app, 80, 24);
    press(&mut app, &[Action::Bottom]);
    insta::assert_snapshot!(frame(&mut app, 80, 24));
}

#[test]
fn a_small_terminal_is_told_so() {
    let text = frame(&mut sample(), 36, 10);
    assert!(text.contains("Terminal too small"), "{text}");
}

/// The row of the body (after the tab bar, the pipeline and the header) that shows
/// `serial`, and the cell style at column `x` of it.
fn row_of(buf: &Buffer, serial: &str) -> u16 {
    let text = ui::buffer_text(buf);
    text.lines()
        .position(|l| l.contains(serial))
        .unwrap_or_else(|| panic!("{serial} not on screen:\n{text}")) as u16
}

#[test]
fn overdue_rows_use_the_error_style_and_held_rows_the_warning_style() {
    let mut app = sample();
    let theme = Theme::default();
    let area = Rect::new(0, 0, 100, 40);
    let mut buf = Buffer::empty(area);
    // Select BE-GRF-0072, so the rows checked are not drawn reversed.
    press(&mut app, &[Action::Down, Action::Down, Action::Down]);
    let seen = ui::draw(&app, &Theme::default(), area, &mut buf);
    app.seen(seen);
    // BE-GRF-0070 is overdue, BE-GRF-0086 is on hold and not overdue, BE-GRF-0071 neither.
    let fg = |serial: &str| buf[(5, row_of(&buf, serial))].fg;
    assert_eq!(theme.error.fg, Some(Color::LightRed));
    assert_eq!(fg("BE-GRF-0070"), Color::LightRed);
    assert_eq!(fg("BE-GRF-0086"), Color::Yellow);
    assert_eq!(fg("BE-GRF-0071"), Color::Reset);
}

#[test]
fn the_selected_row_is_reversed() {
    let mut app = sample();
    press(&mut app, &[Action::Down, Action::Down]);
    let area = Rect::new(0, 0, 100, 40);
    let mut buf = Buffer::empty(area);
    let seen = ui::draw(&app, &Theme::default(), area, &mut buf);
    app.seen(seen);
    let reversed = |serial: &str| {
        buf[(5, row_of(&buf, serial))]
            .modifier
            .contains(Modifier::REVERSED)
    };
    assert!(reversed("BE-GRF-0071"));
    assert!(!reversed("BE-GRF-0070"));
}

#[test]
fn no_color_still_marks_overdue_and_held_rows() {
    let (theme, _) = Theme::from_config(&Default::default(), true);
    let snapshot =
        Loader::new(vec![PathBuf::from("config/status")], Limits::default()).load(today());
    let mut app = App::new(Data::new(snapshot, today()));
    app.view = View::Queue;
    let text = ui::render_text(&app, &theme, 100, 40);
    let line = |serial: &str| {
        text.lines()
            .find(|l| l.contains(serial))
            .unwrap_or_else(|| panic!("{serial} not on screen"))
            .to_owned()
    };
    assert!(
        line("BE-GRF-0069").starts_with("!‖"),
        "{}",
        line("BE-GRF-0069")
    );
    assert!(line("BE-GRF-0070").starts_with("! "));
    assert!(line("BE-GRF-0086").starts_with(" ‖"));
    assert!(line("BE-GRF-0071").starts_with("  "));
}

/// The bottom line of the view, above the status line.
fn footer(screen: &str) -> &str {
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len() - 2]
}

#[test]
fn the_bottom_line_names_the_bottleneck() {
    let mut app = sample();
    // By Little's law from the sample's histories: four vehicles in the turret stage, two
    // left it in the last 13 weeks (0.15 a week, shown 0.2), so 4 / (2 / 13) = 26 weeks,
    // 182 days to clear, the longest of the main line; the rework stage is left out.
    let screen = frame(&mut app, 200, 60);
    assert!(
        footer(&screen).contains(
            "‖ 6 on hold · bottleneck: 40 mm turret, 4 in progress, 0.2 out a week, 182 days to clear"
        ),
        "{screen}"
    );
    assert!(footer(&screen).contains("sorted by serial ▲"), "{screen}");
    // At 80 columns a shorter hint, in place of the sort (the header shows it): the days
    // to clear do not fit beside the counts.
    let screen = frame(&mut app, 80, 24);
    assert!(
        footer(&screen).ends_with("bottleneck: 40 mm turret"),
        "{screen}"
    );
    // A filter speaks of its own rows: no hint.
    typed(&mut app, "jag");
    app.update(Action::AcceptFilter);
    let screen = frame(&mut app, 200, 60);
    assert!(!screen.contains("bottleneck"), "{screen}");
}

/// Draws the screen as the dashboard does (what drawing learns goes back to the app) and
/// returns its text.
fn frame(app: &mut App, width: u16, height: u16) -> String {
    let (text, seen) = ui::render_frame(app, &Theme::default(), width, height);
    app.seen(seen);
    text
}
