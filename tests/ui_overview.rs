//! Snapshots of the Overview on the bundled sample, and what it must say at any size.

use std::fs;
use std::path::{Path, PathBuf};

use fleetdash::app::{App, Data, View};
use fleetdash::domain::Date;
use fleetdash::status::{Limits, Loader};
use fleetdash::ui::{self, Theme};

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

fn app_on(dir: &Path) -> App {
    let snapshot = Loader::new(vec![dir.to_path_buf()], Limits::default()).load(today());
    let mut app = App::new(Data::new(snapshot, today()), Theme::default());
    app.view = View::Overview;
    app
}

fn sample() -> App {
    app_on(&PathBuf::from("config/status"))
}

#[test]
fn overview_80x24() {
    insta::assert_snapshot!(ui::render_text(&mut sample(), 80, 24));
}

#[test]
fn overview_200x60() {
    insta::assert_snapshot!(ui::render_text(&mut sample(), 200, 60));
}

#[test]
fn overview_100x20_puts_the_stages_in_two_columns() {
    insta::assert_snapshot!(ui::render_text(&mut sample(), 100, 20));
}

/// What a glance must find, at every size the Overview draws.
#[test]
fn the_important_figures_fit_from_80x24_up() {
    for (w, h) in [(80, 24), (120, 32), (160, 40), (200, 60)] {
        let text = ui::render_text(&mut sample(), w, h);
        for part in [
            "21 BEHIND PLAN",
            "68 / 382",
            "2 / 60",
            "70 / 442",
            "54 delivered",
            "71 planned to date",
            "17 behind plan",
            "40 in assembly",
            "‖ 6 on hold",
            "! 6 overdue",
            "no problems",
            "Rework",
        ] {
            assert!(text.contains(part), "{w}×{h}: {part} missing:\n{text}");
        }
        // Nothing is cut at the bottom: a box closes just above the status line.
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[lines.len() - 2].contains('└'), "{w}×{h}:\n{text}");
    }
}

#[test]
fn a_wide_screen_lists_the_vehicles_that_need_attention_most_overdue_first() {
    let text = ui::render_text(&mut sample(), 200, 60);
    let at = |s: &str| {
        text.find(s)
            .unwrap_or_else(|| panic!("{s} missing:\n{text}"))
    };
    // BE-GRF-0077 is 21 days late, BE-GRF-0069 20, and BE-GRF-0086 only on hold.
    assert!(at("BE-GRF-0077") < at("BE-GRF-0069"));
    assert!(at("BE-GRF-0069") < at("BE-GRF-0086"));
    assert!(text.contains("21 days late · waiting for SICS software release"));
}

#[test]
fn a_small_terminal_is_told_so() {
    let text = ui::render_text(&mut sample(), 60, 12);
    assert!(text.contains("Terminal too small"), "{text}");
    let text = ui::render_text(&mut sample(), 39, 30);
    assert!(text.contains("Terminal too small"), "{text}");
}

#[test]
fn the_headline_counts_problems() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for entry in fs::read_dir("config/status").expect("the sample") {
        let path = entry.expect("an entry").path();
        fs::copy(&path, dir.path().join(path.file_name().expect("a name"))).expect("a copy");
    }
    // A file that does not parse, and one without its version.
    fs::write(dir.path().join("broken.yaml"), "version: 1\nqueue: [").expect("written");
    fs::write(dir.path().join("old.yaml"), "plan: {}\n").expect("written");
    let text = ui::render_text(&mut app_on(dir.path()), 100, 30);
    assert!(text.contains("1 error, 1 warning (5)"), "{text}");
}
