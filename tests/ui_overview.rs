//! Snapshots of the Overview on the bundled sample, and what it must say at any size.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

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
    let mut app = App::new(Data::new(snapshot, today()));
    app.view = View::Overview;
    app
}

fn sample() -> App {
    app_on(&PathBuf::from("config/status"))
}

#[test]
fn overview_80x24() {
    insta::assert_snapshot!(frame(&mut sample(), 80, 24));
}

#[test]
fn overview_200x60() {
    insta::assert_snapshot!(frame(&mut sample(), 200, 60));
}

#[test]
fn overview_100x20_puts_the_stages_in_two_columns() {
    insta::assert_snapshot!(frame(&mut sample(), 100, 20));
}

/// What a glance must find, at every size the Overview draws.
#[test]
fn the_important_figures_fit_from_80x24_up() {
    for (w, h) in [(80, 24), (120, 32), (160, 40), (200, 60)] {
        let text = frame(&mut sample(), w, h);
        for part in [
            "18 BEHIND PLAN",
            "68 / 382",
            "2 / 60",
            "70 / 442",
            "54 delivered",
            "68 planned to date",
            "14 behind plan",
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
    let text = frame(&mut sample(), 200, 60);
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
    let text = frame(&mut sample(), 60, 12);
    assert!(text.contains("Terminal too small"), "{text}");
    let text = frame(&mut sample(), 39, 30);
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
    let text = frame(&mut app_on(dir.path()), 100, 30);
    assert!(text.contains("1 error, 1 warning (5)"), "{text}");
}

/// The screen as a buffer, for styles.
fn buffer(app: &mut App, width: u16, height: u16) -> ratatui::buffer::Buffer {
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    let seen = ui::draw(app, &Theme::default(), area, &mut buf);
    app.seen(seen);
    buf
}

/// The row of the screen that holds `needle`, and the column where it starts.
fn find(buf: &ratatui::buffer::Buffer, needle: &str) -> Option<(u16, u16)> {
    let text = ui::buffer_text(buf);
    text.lines().enumerate().find_map(|(y, line)| {
        let at = line.find(needle)?;
        let x = unicode_width::UnicodeWidthStr::width(&line[..at]);
        Some((x as u16, y as u16))
    })
}

#[test]
fn the_forecast_verdict_is_under_the_headline_in_the_warning_style_when_late() {
    let verdict = "the last Griffon arrives in February 2032 at 5.0 a month, 14 months late";
    for (w, h) in [(80, 24), (100, 20), (120, 32), (200, 60)] {
        let mut app = sample();
        let buf = buffer(&mut app, w, h);
        let text = ui::buffer_text(&buf);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[1].contains("18 BEHIND PLAN"), "{w}×{h}:\n{text}");
        assert!(lines[2].contains(verdict), "{w}×{h}:\n{text}");
        let (x, y) = find(&buf, verdict).expect("the verdict");
        assert_eq!(buf[(x, y)].fg, ratatui::style::Color::Yellow, "{w}×{h}");
        // The stages still have a line each, or two columns, never a cut list.
        assert!(text.contains(" in assembly ·"), "{w}×{h}:\n{text}");
    }
    // Where there is room, the window the rate is measured over.
    let text = frame(&mut sample(), 200, 60);
    assert!(
        text.contains("14 months late · rate of the last 6 months"),
        "{text}"
    );
}

#[test]
fn a_programme_on_course_reads_ok() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for entry in fs::read_dir("config/status").expect("the sample") {
        let path = entry.expect("an entry").path();
        fs::copy(&path, dir.path().join(path.file_name().expect("a name"))).expect("a copy");
    }
    // Three more years to deliver in: at the current rates both families finish in time.
    let programme = dir.path().join("programme.yaml");
    let text = fs::read_to_string(&programme).expect("the programme file");
    assert!(text.contains("last_year: 2030"), "{text}");
    fs::write(
        &programme,
        text.replace("last_year: 2030", "last_year: 2033"),
    )
    .expect("written");
    let plan = dir.path().join("plan.yaml");
    let text = fs::read_to_string(&plan).expect("the plan file");
    fs::write(&plan, text.replace("2030:", "2033:")).expect("written");
    let mut app = app_on(dir.path());
    assert!(
        app.data.snapshot.problems.is_empty(),
        "{:?}",
        app.data.snapshot.problems
    );
    let verdict = app.data.forecast.verdict();
    assert!(
        verdict.starts_with("on course to finish in February 2032"),
        "{verdict}"
    );
    let buf = buffer(&mut app, 80, 24);
    let (x, y) = find(&buf, &verdict).expect("the verdict");
    assert_eq!(buf[(x, y)].fg, ratatui::style::Color::Green);
}

#[test]
fn no_deliveries_in_the_window_says_no_finish_can_be_projected() {
    // The sample's last hand-over is in November 2026: nothing from March to September 2027.
    let day = Date::from_ymd_opt(2027, 9, 1).expect("a valid date");
    let snapshot = Loader::new(vec![PathBuf::from("config/status")], Limits::default()).load(day);
    let mut app = App::new(Data::new(snapshot, day));
    let text = frame(&mut app, 80, 24);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[2].contains("no deliveries in the last 6 months: no finish can be projected"),
        "{text}"
    );
    assert!(!text.contains("rate of the last"), "{text}");
}

/// The display column where the first of `marks` stands on `line`.
fn column_of(line: &str, marks: &[char]) -> Option<usize> {
    let at = line.find(|c| marks.contains(&c))?;
    Some(unicode_width::UnicodeWidthStr::width(&line[..at]))
}

#[test]
fn wide_names_keep_the_columns_aligned() {
    // Family and stage names in CJK and with emoji take two columns a character.
    let text = frame(
        &mut app_on(Path::new("tests/fixtures/hostile/wide-names")),
        80,
        24,
    );
    let gauges: Vec<usize> = text
        .lines()
        .filter(|l| l.contains(" / ") && l.contains('%'))
        .filter_map(|l| column_of(l, &['┃', '░', '█']))
        .collect();
    assert_eq!(gauges.len(), 3, "{text}");
    assert!(gauges.iter().all(|&c| c == gauges[0]), "{gauges:?}\n{text}");
    let stages: Vec<usize> = text
        .lines()
        .filter(|l| l.contains("██") && !l.contains('%'))
        .filter_map(|l| column_of(l, &['█']))
        .collect();
    assert_eq!(stages.len(), 3, "{text}");
    assert!(stages.iter().all(|&c| c == stages[0]), "{stages:?}\n{text}");
}

/// A programme of tens of thousands of vehicles: five-digit counts and four-digit held and
/// overdue figures still fit after each stage's bar, the longest bar included, the counts
/// line up on their last digit, and figures are grouped by thousands.
#[test]
fn large_counts_and_their_flags_fit_after_the_bars() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let spec = fleetdash::generate::Spec {
        variants: 4,
        queue: 60_000,
        deliveries: 100,
        seed: 3,
        today: today(),
    };
    fleetdash::generate::write(&spec, dir.path()).expect("written");
    let mut app = app_on(&dir.path().join("status"));
    let text = frame(&mut app, 120, 32);
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.contains('█') && l.contains(" ! "))
        .collect();
    assert!(rows.len() >= 6, "stage rows:\n{text}");
    let mut count_ends = Vec::new();
    for row in rows {
        let inner = row.trim_end_matches('│').trim_end();
        // Four digits, grouped: `! 3 375`.
        let overdue = inner.rsplit(" ! ").next().unwrap_or_default();
        assert!(
            overdue.len() == 5 && overdue.chars().filter(char::is_ascii_digit).count() == 4,
            "the overdue figure is cut: {row}"
        );
        count_ends.push(row.find(" █").expect("a count before the bar"));
    }
    count_ends.dedup();
    assert_eq!(count_ends.len(), 1, "the counts do not line up:\n{text}");
    // Large figures are grouped by thousands, in the headline as in the tables.
    let headline = text.lines().nth(1).unwrap_or_default();
    let longest_run = headline
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(longest_run <= 4, "ungrouped figures: {headline}");
}

/// Draws the screen as the dashboard does (what drawing learns goes back to the app) and
/// returns its text.
fn frame(app: &mut App, width: u16, height: u16) -> String {
    let (text, seen) = ui::render_frame(app, &Theme::default(), width, height);
    app.seen(seen);
    text
}

/// Issue 11, point 6: what blocks the queue, grouped by reason, at 120×40 (the list of
/// vehicles that need attention only appears from 150 columns); the groups add up to the
/// vehicles on hold.
#[test]
fn holds_by_reason_at_120x40() {
    let text = frame(&mut sample(), 120, 40);
    assert!(text.contains("┌ On hold, by reason "), "{text}");
    let groups: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("┌ On hold, by reason "))
        .skip(1)
        .take_while(|l| !l.starts_with('└'))
        .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
        .collect();
    assert_eq!(
        groups,
        [
            "waiting for FN deFNder weapon station: 2, the longest 73 days",
            "defect fix: hydraulic leak found at acceptance: 1, the longest 100 days",
            "waiting for 40 mm CTA cannon from CTA International: 1, the longest 66 days",
            "waiting for SICS software release: 1, the longest 52 days",
            "waiting for CONTACT radio kit: 1, the longest 45 days",
        ]
    );
    assert!(text.contains("‖ 6 on hold"), "{text}");
}
