//! The loading screen drawn until the first load lands, the progress of a long reload on
//! the status line, and what keys do while the first load runs (issue 15, point 2).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::path::PathBuf;
use std::time::Duration;

use fleetdash::app::loading::{Loading, SHOW_RELOAD_AFTER};
use fleetdash::app::{Action, App, Data, Effect, View};
use fleetdash::domain::Date;
use fleetdash::runtime::reload::nothing;
use fleetdash::status::{Limits, Loader, ProgressNow};
use fleetdash::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

/// Four of eleven files read, 63.42 of 151 MB (42 %), 412 345 records, 2.46 s in.
fn midway() -> ProgressNow {
    ProgressNow {
        files_total: 11,
        files_done: 4,
        bytes_total: 151_000_000,
        bytes_done: 63_420_000,
        records: 412_345,
        loading: true,
    }
}

/// The dashboard before its first load has landed, as the runtime starts it.
fn starting(progress: Option<ProgressNow>, elapsed: Duration) -> App {
    let mut app = App::new(Data::new(nothing(), today()));
    app.live = true;
    app.loading = Some(Loading {
        progress,
        elapsed,
        ..Loading::first(vec!["config/status".into()])
    });
    app
}

/// The sample set, loaded.
fn sample() -> App {
    let snapshot =
        Loader::new(vec![PathBuf::from("config/status")], Limits::default()).load(today());
    App::new(Data::new(snapshot, today()))
}

/// The screen drawn on a `TestBackend` of `width`×`height`, as text.
fn screen(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            let area = frame.area();
            let seen = ui::draw(app, &Theme::default(), area, frame.buffer_mut());
            app.seen(seen);
        })
        .unwrap();
    ui::buffer_text(terminal.backend().buffer())
}

fn status_line(text: &str) -> &str {
    text.lines().last().unwrap_or_default()
}

#[test]
fn loading_screen_80x24() {
    let text = screen(
        &mut starting(Some(midway()), Duration::from_millis(2_460)),
        80,
        24,
    );
    insta::assert_snapshot!(text);
}

#[test]
fn loading_screen_10x4() {
    let text = screen(
        &mut starting(Some(midway()), Duration::from_millis(2_460)),
        10,
        4,
    );
    insta::assert_snapshot!(text);
}

#[test]
fn the_loading_screen_says_what_it_counted_in_words() {
    let text = screen(
        &mut starting(Some(midway()), Duration::from_millis(2_460)),
        80,
        24,
    );
    for part in [
        "Loading the status files",
        "from config/status",
        "reading the files, 2.4 s",
        "4 of 11",
        "63.4 of 151.0 MB",
        "412 345",
        "42%",
    ] {
        assert!(text.contains(part), "`{part}` missing:\n{text}");
    }
    // Only the keys that work before the data has come are offered.
    let status = status_line(&text);
    assert!(status.ends_with("? help  q quit"), "{status}");
    assert!(!status.contains("loaded"), "{status}");
}

#[test]
fn before_anything_is_counted_the_screen_says_it_lists_and_claims_no_count() {
    let text = screen(&mut starting(None, Duration::ZERO), 80, 24);
    assert!(text.contains("listing the files, 0.0 s"), "{text}");
    assert!(!text.contains(" of "), "{text}");
    assert!(text.contains("0%"), "{text}");
    // No records line while none are counted: no count is no claim.
    let text = screen(
        &mut starting(
            Some(ProgressNow {
                records: 0,
                ..midway()
            }),
            Duration::from_secs(1),
        ),
        80,
        24,
    );
    assert!(!text.contains("records"), "{text}");
}

#[test]
fn every_file_read_is_merging_and_figuring() {
    let done = ProgressNow {
        files_done: 11,
        bytes_done: 151_000_000,
        loading: false,
        ..midway()
    };
    let text = screen(&mut starting(Some(done), Duration::from_secs(65)), 80, 24);
    assert!(
        text.contains("merging the files, working out the figures, 1 min 05 s"),
        "{text}"
    );
    assert!(text.contains("100%"), "{text}");
}

#[test]
fn the_help_opens_over_the_loading_screen() {
    let mut app = starting(Some(midway()), Duration::from_secs(1));
    assert_eq!(app.update(Action::ToggleHelp), Effect::Redraw);
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("quit (also Ctrl-C)"), "{text}");
    assert!(text.contains("repaint the screen"), "{text}");
    // Only the keys that work before any data has come: no reload, no moving in rows.
    assert!(!text.contains("reload every file now"), "{text}");
    assert!(!text.contains("move down"), "{text}");
}

#[test]
fn a_long_reload_shows_its_progress_on_the_status_line_over_the_last_figures() {
    let mut app = sample();
    app.live = true;
    app.loading = Some(Loading::reload(vec!["config/status".into()]));
    let before = screen(&mut app, 120, 35);
    // Young, a reload shows nothing: most take a few milliseconds.
    assert!(!app.load_progress(midway(), SHOW_RELOAD_AFTER - Duration::from_millis(1)));
    assert_eq!(screen(&mut app, 120, 35), before);
    assert!(app.load_progress(midway(), Duration::from_millis(2_460)));
    let during = screen(&mut app, 120, 35);
    let status = status_line(&during);
    assert!(
        status.contains("loading: 4 of 11 files, 42%, 2.4 s"),
        "{status}"
    );
    // The figures above the status line are the last load's, unchanged.
    let body = |t: &str| t.lines().take(34).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&during), body(&before));
    assert!(app.load_done(false));
    assert!(app.loading.is_none());
    assert_eq!(screen(&mut app, 120, 35), before);
}

#[test]
fn while_the_first_load_runs_only_the_keys_that_need_no_data_work() {
    let mut app = starting(None, Duration::ZERO);
    assert_eq!(app.update(Action::Show(View::Queue)), Effect::Redraw);
    assert_eq!(app.view, View::Queue);
    assert_eq!(app.update(Action::NextView), Effect::Redraw);
    assert_eq!(app.view, View::Deliveries);
    assert_eq!(app.update(Action::Show(View::Queue)), Effect::Redraw);
    // Typing a filter, sorting, moving, reading again: nothing yet.
    for action in [
        Action::StartFilter,
        Action::SortNext,
        Action::Down,
        Action::Open,
        Action::Reload,
    ] {
        assert_eq!(app.update(action), Effect::None, "{action:?}");
    }
    assert!(!app.is_typing());
    assert_eq!(app.update(Action::ToggleHelp), Effect::Redraw);
    // `r` under the help would read again what the first load reads.
    assert_eq!(app.update(Action::Reload), Effect::None);
    assert_eq!(app.update(Action::Close), Effect::Redraw);
    assert!(!app.show_help);
    assert_eq!(app.update(Action::Repaint), Effect::Repaint);
    assert_eq!(app.update(Action::Quit), Effect::Quit);
}

#[test]
fn the_first_load_landing_ends_the_loading_state_unless_another_follows() {
    let mut app = starting(None, Duration::ZERO);
    assert!(app.load_progress(midway(), Duration::from_millis(100)));
    assert_eq!(app.loading.as_ref().unwrap().progress, Some(midway()));
    // Another load was asked for meanwhile: it runs as a reload, over the data now there.
    assert!(app.load_done(true));
    let loading = app.loading.as_ref().unwrap();
    assert!(!loading.first);
    assert!(!app.first_loading());
    assert_eq!(app.update(Action::Reload), Effect::Reload);
    // That reload is young (100 ms in): the status line never showed it.
    assert!(!app.load_done(false));
    assert!(app.loading.is_none());
    // With no load, progress changes nothing.
    assert!(!app.load_progress(midway(), Duration::from_secs(1)));
}
