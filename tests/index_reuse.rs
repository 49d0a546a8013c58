//! The queue view's index of a reload reuses the runs of the last index whose file's
//! vehicles are unchanged; it must be the index a fresh build gives, table for table, and
//! filter and sort the same: after a file's vehicle changed (a new lot, hold and due
//! date), a vehicle moved between files, a site first named in the first file (every
//! later site renumbered), a file removed and added back, and a new day.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;
use std::path::Path;

use fleetdash::app::queue::Index;
use fleetdash::app::{Action, App, Data, LastIndex, View};
use fleetdash::domain::Date;
use fleetdash::domain::forecast::DEFAULT_WINDOW_MONTHS;
use fleetdash::generate::{self, Spec};
use fleetdash::status::{Limits, Loader, Snapshot};

mod generated;
use generated::{Set, today};

/// The `n`th vehicle entry of a queue file's text (its lines, ending with a newline).
fn entry(text: &str, n: usize) -> String {
    let starts: Vec<usize> = text.match_indices("  - serial: ").map(|(i, _)| i).collect();
    let end = starts.get(n + 1).copied().unwrap_or(text.len());
    text[starts[n]..end].to_owned()
}

/// `text` with the line of `entry` that starts with `key` replaced by `line` (added when
/// the entry has no such line).
fn with_line(entry: &str, key: &str, line: &str) -> String {
    let mut lines: Vec<String> = entry.lines().map(str::to_owned).collect();
    match lines.iter().position(|l| l.trim_start().starts_with(key)) {
        Some(i) => lines[i] = format!("    {line}"),
        None => lines.push(format!("    {line}")),
    }
    lines.join("\n") + "\n"
}

/// The filters typed, each tried under every sort both ways.
const FILTERS: &[&str] = &[
    "",
    "site 3",
    "lot-new",
    "lot:l2",
    "hold:brand",
    "held",
    "overdue",
    "due:2031",
    "due:2026-1",
    "gen-0000",
    "site:aard",
    "stage:paint lot:x",
];

fn queue_app(data: Data) -> App {
    let mut app = App::new(data);
    app.view = View::Queue;
    app
}

/// The serials on the queue view of `app` with `filter` typed, under each sort in turn
/// (from the serial's), then the last one reversed.
fn rows(app: &mut App, filter: &str) -> Vec<Vec<String>> {
    app.update(Action::StartFilter);
    for _ in 0..40 {
        app.update(Action::FilterBackspace);
    }
    for c in filter.chars() {
        app.update(Action::FilterChar(c));
    }
    app.update(Action::AcceptFilter);
    let shown = |app: &App| {
        app.queue
            .vehicles(&app.data)
            .map(|v| v.serial.to_string())
            .collect()
    };
    let mut all = Vec::new();
    for _ in 0..6 {
        all.push(shown(app));
        app.update(Action::SortNext);
    }
    app.update(Action::SortReverse);
    all.push(shown(app));
    app.update(Action::SortReverse);
    all
}

/// The load's data with the index renewed from `last` is the data with a fresh index:
/// the same index, the same rows for every filter and sort. Returns the new last index.
#[track_caller]
fn check(step: &str, snapshot: Snapshot, day: Date, last: &LastIndex) -> LastIndex {
    let renewed =
        Data::with_window_and_index(snapshot.clone(), day, DEFAULT_WINDOW_MONTHS, Some(last));
    let fresh = Data::with_window(snapshot, day, DEFAULT_WINDOW_MONTHS);
    assert!(!fresh.has_queue_index());
    let index = renewed.queue_index().expect("built with the data");
    assert_eq!(
        *index,
        Index::new(fresh.programme(), day),
        "index after: {step}"
    );
    let next = renewed.last_index().expect("an index");
    let (mut a, mut b) = (queue_app(renewed), queue_app(fresh));
    let mut compared = 0;
    for filter in FILTERS {
        let (x, y) = (rows(&mut a, filter), rows(&mut b, filter));
        for (sort, (x, y)) in x.iter().zip(&y).enumerate() {
            assert_eq!(x, y, "{step}: filter {filter:?}, sort {sort} (6: reversed)");
            compared += x.len();
        }
    }
    assert!(compared > 0, "{step}: no row compared");
    next
}

#[test]
fn a_renewed_index_filters_and_sorts_as_a_fresh_one_after_each_kind_of_reload() {
    let set = Set::new(5, 1600, 200, 5);
    let mut loader = Loader::new(vec![set.status.clone()], Limits::default());
    let first =
        Data::with_window_and_index(loader.load(today()), today(), DEFAULT_WINDOW_MONTHS, None);
    assert_eq!(
        first.queue_index().expect("an index"),
        &Index::new(first.programme(), today())
    );
    let mut last = first.last_index().expect("an index");

    // One vehicle of site 3 with a lot, a hold and a due date no other vehicle has.
    let site3 = set.read("queue-site3.yaml");
    let e = entry(&site3, 4);
    let changed = with_line(
        &with_line(
            &with_line(&e, "lot:", "lot: Lot-NEW"),
            "due:",
            "due: 2031-01-01",
        ),
        "hold:",
        "hold: Brand NEW hold",
    );
    set.write("queue-site3.yaml", site3.replacen(&e, &changed, 1));
    let s = loader.load(today());
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    assert!(
        s.programme
            .queue
            .iter()
            .any(|v| v.lot.as_deref() == Some("Lot-NEW"))
    );
    last = check("a vehicle of site 3 changed", s, today(), &last);

    // The first vehicle of site 5 moved to the end of site 2.
    let (site2, site5) = (set.read("queue-site2.yaml"), set.read("queue-site5.yaml"));
    let moved = entry(&site5, 0);
    set.write("queue-site2.yaml", format!("{site2}{moved}"));
    set.write("queue-site5.yaml", site5.replacen(&moved, "", 1));
    let s = loader.load(today());
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    last = check("a vehicle moved from site 5 to site 2", s, today(), &last);

    // A site first named by the first file's first vehicle: every other site's id moves.
    let site1 = set.read("queue-site1.yaml");
    let e = entry(&site1, 0);
    set.write(
        "queue-site1.yaml",
        site1.replacen(&e, &with_line(&e, "site:", "site: Aardvark"), 1),
    );
    let s = loader.load(today());
    assert_eq!(
        s.programme.sites.first().map(String::as_str),
        Some("Aardvark")
    );
    last = check("a new site in the first file", s, today(), &last);

    // A file removed, then added back.
    let site4 = set.read("queue-site4.yaml");
    fs::remove_file(set.file("queue-site4.yaml")).expect("remove");
    let s = loader.load(today());
    assert!(!s.programme.files.iter().any(|f| f.contains("site4")));
    last = check("site 4 removed", s, today(), &last);
    fs::write(set.file("queue-site4.yaml"), site4).expect("write");
    let s = loader.load(today());
    last = check("site 4 added back", s, today(), &last);

    // A new day: every run reused, the overdue counted from the new day.
    let later = Date::from_ymd_opt(2027, 3, 1).expect("a date");
    let s = loader.load(later);
    check("a new day", s, later, &last);
}

#[test]
fn an_index_renewed_from_another_set_is_still_a_fresh_one() {
    // The last index of an unrelated set (same file names, other vehicles): nothing of it
    // may be reused.
    let set = Set::new(5, 1600, 200, 5);
    let other = tempfile::tempdir().expect("a temporary folder");
    let spec = Spec {
        variants: 3,
        queue: 900,
        deliveries: 50,
        seed: 99,
        today: today(),
    };
    generate::write(&spec, other.path()).expect("the set is written");
    let load = |path: &Path| Loader::new(vec![path.to_path_buf()], Limits::default()).load(today());
    let theirs = Data::with_window_and_index(load(&other.path().join("status")), today(), 6, None);
    check(
        "another set's index",
        load(&set.status),
        today(),
        &theirs.last_index().unwrap(),
    );
}
