//! Issue 11, a figure never claims more than its data: a record the merge leaves out (a
//! serial already in the queue, a stage no section defines) or a vehicle it counts twice
//! (delivered and still in the queue) makes the figures incomplete, like a record left out
//! for a bad value; a reload that reuses the merged records keeps saying so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;
use std::path::Path;

use fleetdash::domain::Date;
use fleetdash::domain::completeness::{Gap, State};
use fleetdash::status::{Limits, Loader};

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

/// A copy of the bundled sample in a temporary folder, to break.
fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
    for entry in fs::read_dir(sample).expect("the sample") {
        let path = entry.expect("an entry").path();
        fs::copy(&path, dir.path().join(path.file_name().expect("a name"))).expect("a copy");
    }
    dir
}

/// Appends a vehicle of the Griffon `grf-tt` to the queue of `queue-roanne.yaml`.
fn append_vehicle(dir: &Path, serial: &str, stage: &str) {
    let path = dir.join("queue-roanne.yaml");
    let mut text = fs::read_to_string(&path).expect("the sample's queue");
    text.push_str(&format!(
        "  - serial: {serial}\n    variant: grf-tt\n    stage: {stage}\n    since: 2026-11-16\n    \
         due: 2026-12-03\n    site: KNDS Roanne\n    lot: L26A\n"
    ));
    fs::write(&path, text).expect("written");
}

#[test]
fn the_sample_leaves_nothing_out_at_the_merge() {
    let dir = sample_copy();
    let s = Loader::new(vec![dir.path().to_path_buf()], Limits::default()).load(today());
    assert_eq!(s.programme.merge_gaps.left_out, 0);
    assert_eq!(s.programme.merge_gaps.counted_twice, 0);
    assert!(
        s.completeness().is_complete(),
        "{:?}",
        s.completeness().gaps
    );
}

/// The example: BE-GRF-0074 is at rework in queue-seraing.yaml and at paint in
/// queue-roanne.yaml. One copy is counted (the sample's 40 in assembly), the other is
/// left out, and the figures say so; a reload that reuses the records says it still.
#[test]
fn a_vehicle_in_the_queue_twice_leaves_one_record_out_and_the_figures_incomplete() {
    let dir = sample_copy();
    append_vehicle(dir.path(), "BE-GRF-0074", "paint");
    let mut loader = Loader::new(vec![dir.path().to_path_buf()], Limits::default());
    let s = loader.load(today());
    assert_eq!(s.programme.queue.len(), 40);
    assert_eq!(s.programme.merge_gaps.left_out, 1);
    let c = s.completeness();
    assert_eq!(c.state(), State::Incomplete);
    assert_eq!(c.gaps, vec![Gap::RecordsDropped(1)]);
    assert_eq!(
        c.why_not().as_deref(),
        Some("figures incomplete: 1 record left out for a conflict with the rest of the set")
    );
    assert_eq!(c.verdict(-18), "18 behind plan on incomplete figures");

    // Another file of records changes: the queues' shares are reused, their gap with them.
    let deliveries = dir.path().join("deliveries.yaml");
    let mut text = fs::read_to_string(&deliveries).expect("the deliveries");
    text.push_str("# read again\n");
    fs::write(&deliveries, text).expect("written");
    let s = loader.load(today());
    assert_eq!(s.reread.len(), 1, "{:?}", s.reread);
    assert_eq!(s.completeness().gaps, vec![Gap::RecordsDropped(1)]);
}

#[test]
fn a_stage_no_section_defines_leaves_its_record_out() {
    let dir = sample_copy();
    append_vehicle(dir.path(), "BE-GRF-0999", "pain");
    let s = Loader::new(vec![dir.path().to_path_buf()], Limits::default()).load(today());
    assert_eq!(s.programme.queue.len(), 40);
    assert_eq!(s.completeness().gaps, vec![Gap::RecordsDropped(1)]);
}

/// BE-GRF-0001 is delivered in the sample's deliveries.yaml: still in the queue too, it
/// counts both as in assembly (41) and delivered.
#[test]
fn a_delivered_vehicle_still_in_the_queue_is_counted_twice_and_said() {
    let dir = sample_copy();
    append_vehicle(dir.path(), "BE-GRF-0001", "paint");
    let s = Loader::new(vec![dir.path().to_path_buf()], Limits::default()).load(today());
    assert_eq!(s.programme.queue.len(), 41);
    let c = s.completeness();
    assert_eq!(c.gaps, vec![Gap::CountedTwice(1)]);
    assert!(!c.is_complete());
    assert_eq!(
        c.missing(),
        vec!["1 vehicle counted twice: delivered and still in the queue, or delivered twice"]
    );
}
