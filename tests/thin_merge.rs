//! The merge's table of serials (a number per serial, its text read back from the files'
//! noted serials) and its lists built in place (the `thin` branch): serials written twice
//! within a file, across files, and queued then delivered give the problems, places and
//! counts worked out by hand below, on a fresh load and on reloads that keep some files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;
use std::path::Path;

use fleetdash::domain::{Date, Shared};
use fleetdash::status::{Limits, Loader, Snapshot};

const PROGRAMME: &str = "\
version: 1
programme:
  name: Thin
  first_year: 2025
  last_year: 2027
variants:
  - id: tt
    family: Griffon
    name: Griffon troop transport
    contracted: 20
stages:
  - id: hull
    name: Hull received
  - id: acceptance
    name: Government acceptance
";

/// A queue file of `serials`, each a vehicle of 5 lines from line 3 on (the first at
/// line 3, the second at line 8, ...).
fn queue(serials: &[&str]) -> String {
    let mut t = String::from("version: 1\nqueue:\n");
    for s in serials {
        t.push_str(&format!(
            "  - serial: {s}\n    variant: tt\n    stage: hull\n    since: 2026-06-01\n    site: Site 1\n"
        ));
    }
    t
}

/// A deliveries file: one record per list of serials, each 3 lines from line 3 on.
fn deliveries(records: &[&[&str]]) -> String {
    let mut t = String::from("version: 1\ndeliveries:\n");
    for r in records {
        t.push_str(&format!(
            "  - date: 2026-02-05\n    variant: tt\n    serials: [{}]\n",
            r.join(", ")
        ));
    }
    t
}

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).unwrap()
}

/// Every problem as "file:line message", the folder `dir` left out of its words.
fn problems(s: &Snapshot, dir: &Path) -> Vec<String> {
    let folder = format!("{}/", dir.display());
    s.problems
        .iter()
        .map(|p| {
            let file = p.file.as_deref().unwrap_or("-");
            let name = Path::new(file)
                .file_name()
                .map_or(file.into(), |n| n.to_string_lossy());
            format!("{name}:{} {}", p.loc.line, p.message.replace(&folder, ""))
        })
        .collect()
}

fn serials(s: &Snapshot) -> Vec<String> {
    s.programme
        .queue
        .iter()
        .map(|v| v.serial.to_string())
        .collect()
}

fn write_set(dir: &Path, a: &[&str], b: &[&str], d: &[&[&str]]) {
    fs::write(dir.join("a-programme.yaml"), PROGRAMME).unwrap();
    fs::write(dir.join("b-queue.yaml"), queue(a)).unwrap();
    fs::write(dir.join("c-queue.yaml"), queue(b)).unwrap();
    fs::write(dir.join("d-deliveries.yaml"), deliveries(d)).unwrap();
}

#[test]
fn serials_written_twice_are_found_where_they_were_first() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // b: A1 (line 3), A2 (8), A1 again (13), B9 (18).
    // c: A2 again (3, first in b:8), C1 (8).
    // d: [C1, D1] (3: C1 still queued in c:8), [D1] (6: D1 delivered twice, first at d:3),
    //    [E1, E1] (9: E1 twice in one record).
    write_set(
        dir,
        &["A1", "A2", "A1", "B9"],
        &["A2", "C1"],
        &[&["C1", "D1"], &["D1"], &["E1", "E1"]],
    );
    let mut loader = Loader::new(vec![dir.to_path_buf()], Limits::default());
    let s = loader.load(today());
    assert_eq!(serials(&s), ["A1", "A2", "B9", "C1"]);
    assert_eq!(
        problems(&s, dir),
        [
            "b-queue.yaml:13 vehicle A1 is in the queue twice (first in b-queue.yaml:3): remove one",
            "c-queue.yaml:3 vehicle A2 is in the queue twice (first in b-queue.yaml:8): remove one",
            "d-deliveries.yaml:5 vehicle C1 is delivered on 2026-02-05 but still in the queue (c-queue.yaml:8): remove it from the queue",
            "d-deliveries.yaml:8 vehicle D1 is delivered twice (first in d-deliveries.yaml:3): remove one or correct the serial",
            "d-deliveries.yaml:11 vehicle E1 is delivered twice (first in d-deliveries.yaml:9): remove one or correct the serial",
        ]
    );
    let gaps = s.programme.merge_gaps;
    // Two vehicles left out (A1 and A2 again); three delivered serials counted twice.
    assert_eq!((gaps.left_out, gaps.counted_twice), (2, 3));
    let delivered: Vec<usize> = s
        .programme
        .deliveries
        .iter()
        .map(|d| d.serials.len())
        .collect();
    assert_eq!(delivered, [2, 1, 2]);
}

#[test]
fn reloads_that_keep_some_files_give_what_a_fresh_load_gives() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_set(
        dir,
        &["A1", "A2", "A3"],
        &["B1", "B2"],
        &[&["D1", "D2"], &["D3"]],
    );
    let mut loader = Loader::new(vec![dir.to_path_buf()], Limits::default());
    let first = loader.load(today());
    assert_eq!(serials(&first), ["A1", "A2", "A3", "B1", "B2"]);
    assert!(first.problems.is_empty(), "{:?}", first.problems);

    // Only the deliveries change: the queue is the very same list.
    fs::write(
        dir.join("d-deliveries.yaml"),
        deliveries(&[&["D1"], &["D4"]]),
    )
    .unwrap();
    let second = loader.load(today());
    assert!(Shared::ptr_eq(
        &first.programme.queue,
        &second.programme.queue
    ));
    assert_eq!(second.programme.deliveries.len(), 2);

    // The first queue file changes: the second's vehicles follow the new ones; then one of
    // them writes a serial of the other file, and a delivery one still queued.
    fs::write(dir.join("b-queue.yaml"), queue(&["A1", "A4"])).unwrap();
    let third = loader.load(today());
    assert_eq!(serials(&third), ["A1", "A4", "B1", "B2"]);
    fs::write(dir.join("c-queue.yaml"), queue(&["B1", "A4"])).unwrap();
    fs::write(
        dir.join("d-deliveries.yaml"),
        deliveries(&[&["B1"], &["D4"]]),
    )
    .unwrap();
    let fourth = loader.load(today());
    assert_eq!(serials(&fourth), ["A1", "A4", "B1"]);
    assert_eq!(
        problems(&fourth, dir),
        [
            "c-queue.yaml:8 vehicle A4 is in the queue twice (first in b-queue.yaml:8): remove one",
            "d-deliveries.yaml:5 vehicle B1 is delivered on 2026-02-05 but still in the queue (c-queue.yaml:3): remove it from the queue",
        ]
    );
    let fresh = Loader::new(vec![dir.to_path_buf()], Limits::default()).load(today());
    assert_eq!(fourth.problems, fresh.problems);
    assert_eq!(*fourth.programme, *fresh.programme);

    // A queue file emptied: the other's vehicles only, as a fresh load.
    fs::write(dir.join("b-queue.yaml"), queue(&[])).unwrap();
    let fifth = loader.load(today());
    let fresh = Loader::new(vec![dir.to_path_buf()], Limits::default()).load(today());
    assert_eq!(serials(&fifth), ["B1", "A4"]);
    assert_eq!(fifth.problems, fresh.problems);
    assert_eq!(*fifth.programme, *fresh.programme);
}
