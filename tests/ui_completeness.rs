//! Issue 11, point 1 on screen: the Overview's headline never gives a verdict the data does
//! not support. No data, a refused file, records left out and a folder moved away while
//! running are said in the headline, and no verdict reads as complete.
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

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status")
}

/// A copy of the bundled sample in a temporary folder, to break.
fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    for entry in fs::read_dir(sample_dir()).expect("the sample") {
        let path = entry.expect("an entry").path();
        fs::copy(&path, dir.path().join(path.file_name().expect("a name"))).expect("a copy");
    }
    dir
}

/// The Overview of `dir` as the dashboard draws it at `width`×`height`.
fn overview(loader: &mut Loader, width: u16, height: u16) -> String {
    let mut app = App::new(Data::new(loader.load(today()), today()));
    app.view = View::Overview;
    let (text, seen) = ui::render_frame(&app, &Theme::default(), width, height);
    app.seen(seen);
    text
}

fn loader(dir: &Path) -> Loader {
    Loader::new(vec![dir.to_path_buf()], Limits::default())
}

/// The headline row and the row under it (the tab bar is the first row).
fn headline(text: &str) -> (String, String) {
    let mut rows = text.lines().skip(1);
    (
        rows.next().unwrap_or_default().to_owned(),
        rows.next().unwrap_or_default().to_owned(),
    )
}

/// No verdict as if complete anywhere on the screen.
fn assert_no_plain_verdict(text: &str) {
    for claim in ["ON PLAN ·", " on plan │", "ON PLAN\n"] {
        assert!(!text.contains(claim), "{claim:?} shown:\n{text}");
    }
}

#[test]
fn the_sample_is_complete_and_says_its_verdict() {
    let text = overview(&mut loader(&sample_dir()), 80, 24);
    let (head, next) = headline(&text);
    assert!(head.starts_with(" ▼ 18 BEHIND PLAN · 70 of 442"), "{head}");
    assert!(next.starts_with(" ▸ the last Griffon"), "{next}");
    assert!(!text.contains("incomplete"), "{text}");
    assert!(text.contains(" · 332 not started "), "{text}");
}

#[test]
fn a_missing_folder_is_no_data_not_on_plan() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let text = overview(&mut loader(&dir.path().join("nope")), 80, 16);
    let (head, next) = headline(&text);
    assert!(head.starts_with(" ✖ NO DATA · "), "{head}");
    assert!(!head.contains("0 of 0 delivered"), "{head}");
    assert!(
        next.starts_with(" ✖ no data: no status file was read; "),
        "{next}"
    );
    assert!(next.contains("nope could not be read"), "{next}");
    assert_no_plain_verdict(&text);
}

#[test]
fn a_folder_moved_away_while_running_is_no_data() {
    let dir = sample_copy();
    let mut l = loader(dir.path());
    assert!(
        headline(&overview(&mut l, 80, 24))
            .0
            .contains("18 BEHIND PLAN")
    );
    for entry in fs::read_dir(dir.path()).expect("the copy") {
        fs::remove_file(entry.expect("an entry").path()).expect("removed");
    }
    let text = overview(&mut l, 80, 24);
    let (head, next) = headline(&text);
    assert!(head.starts_with(" ✖ NO DATA"), "{head}");
    assert!(next.starts_with(" ✖ no data: "), "{next}");
    assert_no_plain_verdict(&text);
}

#[test]
fn a_refused_programme_file_is_no_data() {
    let dir = sample_copy();
    fs::write(
        dir.path().join("programme.yaml"),
        "version: 1\nprogramme: [\n",
    )
    .expect("written");
    let text = overview(&mut loader(dir.path()), 120, 40);
    let (head, next) = headline(&text);
    assert!(head.starts_with(" ✖ NO DATA · "), "{head}");
    assert!(
        next.contains("programme.yaml refused: its records are left out"),
        "{next}"
    );
    assert!(next.contains("no programme section"), "{next}");
    assert_no_plain_verdict(&text);
}

#[test]
fn a_refused_queue_file_is_said_and_the_verdict_is_on_incomplete_figures() {
    let dir = sample_copy();
    fs::write(dir.path().join("queue-roanne.yaml"), "version: 1\nqueue: [").expect("written");
    let text = overview(&mut loader(dir.path()), 120, 40);
    let (head, next) = headline(&text);
    assert!(
        head.starts_with(" ▼ 18 BEHIND PLAN ON INCOMPLETE FIGURES · 70 of 442 delivered"),
        "{head}"
    );
    assert!(next.starts_with(" ✖ figures incomplete: "), "{next}");
    assert!(
        next.trim_end()
            .ends_with("queue-roanne.yaml refused: its records are left out"),
        "{next}"
    );
    // The plan's rows say it too, and the forecast is qualified.
    assert!(
        text.contains("18 behind plan on incomplete figures │"),
        "{text}"
    );
    assert!(text.contains("▸ on incomplete figures: "), "{text}");
    assert_no_plain_verdict(&text);
    // The refused file's vehicles are not known to be not started: the count says so.
    assert!(text.contains(" not started (incomplete)"), "{text}");
}

#[test]
fn records_left_out_are_counted_in_the_headline() {
    let dir = sample_copy();
    let path = dir.path().join("deliveries.yaml");
    let text = fs::read_to_string(&path).expect("the sample's deliveries");
    // One impossible date in one record.
    let first = text
        .find("date: 2026-")
        .expect("a date of 2026 in the deliveries")
        + 6;
    let end = first + "2026-01-01".len();
    let broken = format!("{}2026-02-30{}", &text[..first], &text[end..]);
    fs::write(&path, broken).expect("written");
    let mut l = loader(dir.path());
    let snapshot = l.load(today());
    let left_out = snapshot.left_out;
    assert_eq!(left_out, 1, "one record left out, not the file");
    let text = overview(&mut l, 120, 40);
    let (head, next) = headline(&text);
    assert!(head.contains("ON INCOMPLETE FIGURES"), "{head}");
    assert!(
        next.contains("figures incomplete: 1 record left out for a bad value"),
        "{next}"
    );
}

/// Issue 11's example: `contracted: many` leaves one variant's record out; the headline
/// says the figures are incomplete and names the root cause, not the 46 problems that
/// follow from it.
#[test]
fn a_record_left_out_of_the_programme_names_its_cause_in_the_headline() {
    let dir = sample_copy();
    let path = dir.path().join("programme.yaml");
    let text = fs::read_to_string(&path).expect("the sample's programme");
    let broken = text.replacen("contracted: 190", "contracted: many", 1);
    assert_ne!(
        broken, text,
        "the sample changed: no `contracted: 190` to break"
    );
    fs::write(&path, broken).expect("written");
    // Wide enough for the temporary folder's path in the file's name.
    let text = overview(&mut loader(dir.path()), 200, 60);
    let (head, next) = headline(&text);
    assert!(
        head.contains(" BEHIND PLAN ON INCOMPLETE FIGURES · "),
        "{head}"
    );
    assert!(head.contains("47 errors"), "{head}");
    // The variant's records the merge then leaves out are counted too: its 2 vehicles in
    // queue-roanne.yaml, 16 in queue-seraing.yaml and 22 deliveries.
    assert!(
        next.starts_with(
            " ✖ figures incomplete: 1 record left out for a bad value; 40 records left out \
             for a conflict with the rest of the set · cause: "
        ),
        "{next}"
    );
    assert!(
        next.trim_end()
            .ends_with("programme.yaml:19:17 (and 46 more that follow from it)"),
        "{next}"
    );
    assert_no_plain_verdict(&text);

    // The Problems view: the cause first, what follows from it listed under it.
    let mut app = App::new(Data::new(loader(dir.path()).load(today()), today()));
    app.view = View::Problems;
    let (text, _) = ui::render_frame(&app, &Theme::default(), 200, 12);
    let rows: Vec<&str> = text.lines().skip(3).take(2).collect();
    assert!(
        rows[0].contains("programme.yaml:19:17 ")
            && rows[0].contains(" variants[0].contracted: ")
            && rows[0].contains("(and 46 more that follow from it)"),
        "{text}"
    );
    assert!(
        rows[1].contains("deliveries.yaml:9:5 ")
            && rows[1].contains(" ↳ the delivery of 2025-07-15 names"),
        "{text}"
    );
}
