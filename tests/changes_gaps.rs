//! The Changes view's log across reloads whose data has other gaps (a folder moved away
//! and back, a queue file refused then fixed): one entry saying what happened to the
//! data, no vehicle compared; comparisons between loads with the same gaps; dates of
//! another year written with it; and the view's incomplete line, driven headless on copies
//! of the sample status set.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::path::Path;

use chrono::NaiveDateTime;
use fleetdash::app::{Action, App, Data, View};
use fleetdash::domain::changes::{self, Change, Named};
use fleetdash::domain::{Date, Name};
use fleetdash::status::{Limits, Loader, Snapshot};
use fleetdash::ui::{self, Theme};

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).unwrap()
}

fn at(h: u32) -> NaiveDateTime {
    today().and_hms_opt(h, 0, 0).unwrap()
}

/// A copy of the sample status set in `root/status`.
fn copy(root: &Path) -> std::path::PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
    let to = root.join("status");
    std::fs::create_dir_all(&to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
    to
}

/// What a reload does in the dashboard: the data replaced, the changes between the two
/// programmes logged.
fn reload(app: &mut App, loader: &mut Loader, when: u32) {
    let snapshot: Snapshot = loader.load(today());
    let found = changes::between(app.data.programme(), &snapshot.programme);
    app.set_data(Data::new(snapshot, today()));
    app.log_changes(at(when), found);
}

/// The texts of the view's rows.
fn rows(app: &App) -> Vec<String> {
    app.changes
        .rows()
        .iter()
        .map(|r| format!("{} {}", r.day, r.text).trim().to_owned())
        .collect()
}

/// The texts of the log's rows (before the part from the files).
fn log_rows(app: &App) -> String {
    rows(app)
        .into_iter()
        .take_while(|r| !r.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The one sentence of `data` ending with `end` (the names are the paths given).
fn said(data: &[String], end: &str) -> bool {
    data.len() == 1 && data[0].ends_with(end)
}

#[test]
fn a_folder_moved_away_and_back_logs_what_happened_to_the_data() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy(tmp.path());
    let mut loader = Loader::new(vec![dir.clone()], Limits::default());
    let mut app = App::new(Data::new(loader.load(today()), today()));
    assert!(app.data.completeness.is_complete());

    std::fs::rename(&dir, tmp.path().join("status.old")).unwrap();
    reload(&mut app, &mut loader, 9);
    let entries: Vec<_> = app.changes.log.entries().collect();
    assert_eq!(entries.len(), 1);
    assert!(entries[0].changes.is_empty(), "{:?}", entries[0].changes);
    assert!(
        said(
            &entries[0].data,
            "/status could not be read: its vehicles are not compared"
        ),
        "{:?}",
        entries[0].data
    );
    let all = log_rows(&app);
    assert!(!all.contains("contract for"), "{all}");
    assert!(!all.contains("→ 0"), "{all}");

    std::fs::rename(tmp.path().join("status.old"), &dir).unwrap();
    reload(&mut app, &mut loader, 10);
    let entries: Vec<_> = app.changes.log.entries().collect();
    assert_eq!(entries.len(), 2);
    assert!(entries[1].changes.is_empty(), "{:?}", entries[1].changes);
    assert!(
        said(
            &entries[1].data,
            "/status read again: changes while it was unreadable are not known"
        ),
        "{:?}",
        entries[1].data
    );
    let all = log_rows(&app);
    assert!(!all.contains("handed over"), "{all}");
    assert!(
        all.contains("Since the dashboard started: 0 changes in 2 reloads"),
        "{all}"
    );
}

#[test]
fn a_queue_file_refused_then_fixed_is_not_34_vehicles_entering() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy(tmp.path());
    let file = dir.join("queue-seraing.yaml");
    let good = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, "version: 1\nqueue: [\n").unwrap();
    let mut loader = Loader::new(vec![dir.clone()], Limits::default());
    let mut app = App::new(Data::new(loader.load(today()), today()));
    assert!(said(
        &app.data.completeness.missing(),
        "/queue-seraing.yaml refused: its records are left out"
    ));

    std::fs::write(&file, good).unwrap();
    reload(&mut app, &mut loader, 9);
    let entries: Vec<_> = app.changes.log.entries().collect();
    assert_eq!(entries.len(), 1);
    assert!(
        said(
            &entries[0].data,
            "/queue-seraing.yaml read again: changes while it was unreadable are not known"
        ),
        "{:?}",
        entries[0].data
    );
    assert!(entries[0].changes.is_empty());
    let all = log_rows(&app);
    assert!(!all.contains("entered assembly"), "{all}");

    // Refused again: said once, then comparisons resume between loads so refused.
    std::fs::write(&file, "version: 1\nqueue: [\n").unwrap();
    let mut fresh = Loader::new(vec![dir.clone()], Limits::default());
    reload(&mut app, &mut fresh, 10);
    let last = app.changes.log.entries().last().unwrap();
    assert!(
        said(
            &last.data,
            "/queue-seraing.yaml could not be read: its vehicles are not compared"
        ),
        "{:?}",
        last.data
    );
}

#[test]
fn loads_with_the_same_gaps_are_compared_vehicle_by_vehicle() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy(tmp.path());
    let file = dir.join("queue-seraing.yaml");
    std::fs::write(&file, "version: 1\nqueue: [\n").unwrap();
    let mut loader = Loader::new(vec![dir.clone()], Limits::default());
    let mut app = App::new(Data::new(loader.load(today()), today()));
    // A hold of another file is lifted: the refused file is refused in both loads.
    let roanne = dir.join("queue-roanne.yaml");
    let text = std::fs::read_to_string(&roanne).unwrap();
    let hold = "    hold: \"defect fix: hydraulic leak found at acceptance\"\n";
    assert_eq!(text.matches(hold).count(), 1);
    std::fs::write(&roanne, text.replacen(hold, "", 1)).unwrap();
    reload(&mut app, &mut loader, 9);
    let entries: Vec<_> = app.changes.log.entries().collect();
    assert_eq!(entries.len(), 1);
    assert!(entries[0].data.is_empty(), "{:?}", entries[0].data);
    let kinds: Vec<_> = entries[0]
        .changes
        .iter()
        .map(|c| (c.kind(), c.serial().map(|s| s.to_string())))
        .collect();
    assert_eq!(
        kinds,
        vec![("hold_cleared", Some("BE-GRF-0069".to_owned()))]
    );
}

#[test]
fn a_date_of_another_year_is_written_with_its_year() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
    let mut app = App::new(Data::new(
        Loader::new(vec![dir], Limits::default()).load(today()),
        today(),
    ));
    let grf = Named {
        id: Name::new("grf-tt"),
        name: Name::new("Griffon troop transport"),
    };
    let handed = |date: Date| Change::HandedOver {
        variant: grf.clone(),
        date,
        quantity: 2,
        serials: Vec::new(),
    };
    app.log_changes(
        at(9),
        vec![
            handed(Date::from_ymd_opt(2025, 7, 15).unwrap()),
            handed(Date::from_ymd_opt(2026, 7, 15).unwrap()),
        ],
    );
    let all = rows(&app);
    assert!(
        all.contains(&"15 Jul 2025 2 Griffon troop transport handed over".to_owned()),
        "{all:?}"
    );
    assert!(
        all.contains(&"15 Jul 2 Griffon troop transport handed over".to_owned()),
        "{all:?}"
    );
}

/// The Changes view at 160×30 on a copy of the sample changed by `change`.
fn view(change: impl Fn(&Path)) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy(tmp.path());
    change(&dir);
    let mut app = App::new(Data::new(
        Loader::new(vec![dir], Limits::default()).load(today()),
        today(),
    ));
    app.update(Action::Show(View::Changes));
    ui::render_frame(&app, &Theme::default(), 160, 30).0
}

#[test]
fn the_view_says_its_figures_are_incomplete() {
    let text = view(|dir| {
        std::fs::write(dir.join("queue-seraing.yaml"), "version: 1\nqueue: [\n").unwrap();
    });
    let second = text.lines().nth(1).unwrap();
    assert!(second.starts_with("✖ figures incomplete: "), "{text}");
    assert!(
        second
            .trim_end()
            .ends_with("/queue-seraing.yaml refused: its records are left out"),
        "{text}"
    );
    // The part from the files counts what loaded (the line above says what did not).
    assert!(
        text.contains("From the files, since Thu 19 Nov 2026: "),
        "{text}"
    );
    // Complete: no such line.
    let whole = view(|_| {});
    assert!(!whole.contains("✖"), "{whole}");
}

#[test]
fn the_view_says_when_hand_overs_cannot_be_listed() {
    let text = view(|dir| std::fs::remove_file(dir.join("deliveries.yaml")).unwrap());
    assert!(
        text.contains(
            "✖ figures incomplete: no `deliveries` section: the figures count none delivered"
        ),
        "{text}"
    );
    assert!(
        text.contains("No file has a `deliveries` section: hand-overs cannot be listed."),
        "{text}"
    );
}
