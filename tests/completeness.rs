//! Completeness is part of every figure (issue 11, point 1, the domain's and the report's
//! share): no data, a missing folder, a refused file and a stale one are said, and no
//! verdict against the plan is given as if complete.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use fleetdash::domain::Date;
use fleetdash::domain::completeness::{Gap, State};
use fleetdash::report::{self, Format, Section};
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

fn markdown_of(sources: Vec<PathBuf>) -> (report::Report, String) {
    let snapshot = Loader::new(sources, Limits::default()).load(today());
    let r = report::build(&snapshot, today(), 6);
    let md = report::render(&r, Format::Markdown, None).expect("markdown");
    (r, md)
}

#[test]
fn the_sample_is_complete() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
    let snapshot = Loader::new(vec![dir], Limits::default()).load(today());
    let c = report::completeness_of(&snapshot);
    assert!(c.is_complete(), "{:?}", c.gaps);
    assert_eq!(c.state(), State::Complete);
    let r = report::build(&snapshot, today(), 6);
    assert_eq!(r.completeness.state, "complete");
    assert!(r.completeness.complete);
    assert!(r.completeness.missing.is_empty());
    assert_eq!(r.schedule.verdict, "18 behind plan");
}

#[test]
fn a_missing_folder_is_no_data_never_on_plan() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let nope = dir.path().join("nope");
    let snapshot = Loader::new(vec![nope.clone()], Limits::default()).load(today());
    let c = report::completeness_of(&snapshot);
    assert_eq!(c.state(), State::NoData);
    assert_eq!(c.gaps[0], Gap::NoStatusFiles);
    assert!(
        matches!(&c.gaps[1], Gap::UnreadSource(name) if name.ends_with("nope")),
        "{:?}",
        c.gaps
    );
    let (r, md) = markdown_of(vec![nope]);
    assert_eq!(r.completeness.state, "no_data");
    assert!(!r.completeness.complete);
    // The lead is 0 (nothing planned, nothing delivered), which read "on plan" before.
    assert_eq!(r.schedule.lead, Some(0));
    assert_eq!(r.schedule.verdict, "no data");
    assert_eq!(r.forecast.verdict, "no data");
    assert!(!md.contains("on plan"), "{md}");
    assert!(
        md.contains("- Figures: NO DATA: no status file was read; "),
        "{md}"
    );
    let csv = report::render(&r, Format::Csv, Some(Section::Completeness)).expect("csv");
    assert!(csv.contains("\nno_data,no status file was read\n"), "{csv}");
}

#[test]
fn an_empty_folder_is_no_data() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let snapshot = Loader::new(vec![dir.path().to_owned()], Limits::default()).load(today());
    let c = report::completeness_of(&snapshot);
    assert_eq!(c.state(), State::NoData);
    assert_eq!(c.gaps.len(), 2, "{:?}", c.gaps);
    assert_eq!(c.gaps[0], Gap::NoStatusFiles);
    assert!(matches!(c.gaps[1], Gap::UnreadSource(_)), "{:?}", c.gaps);
}

#[test]
fn a_refused_programme_file_is_no_data() {
    let dir = sample_copy();
    fs::write(
        dir.path().join("programme.yaml"),
        "version: 1\nprogramme: [",
    )
    .expect("written");
    let snapshot = Loader::new(vec![dir.path().to_owned()], Limits::default()).load(today());
    let c = report::completeness_of(&snapshot);
    assert_eq!(c.state(), State::NoData);
    assert!(
        c.gaps
            .iter()
            .any(|g| matches!(g, Gap::RefusedFile(name) if name.ends_with("programme.yaml"))),
        "{:?}",
        c.gaps
    );
    assert!(c.gaps.contains(&Gap::NoProgramme), "{:?}", c.gaps);
    let r = report::build(&snapshot, today(), 6);
    assert_eq!(r.schedule.verdict, "no data");
}

#[test]
fn a_refused_queue_file_makes_the_figures_incomplete() {
    let dir = sample_copy();
    fs::write(dir.path().join("queue-roanne.yaml"), "version: 1\nqueue: [").expect("written");
    let (r, md) = markdown_of(vec![dir.path().to_owned()]);
    assert_eq!(r.completeness.state, "incomplete");
    assert_eq!(
        r.completeness.missing.len(),
        1,
        "{:?}",
        r.completeness.missing
    );
    assert!(
        r.completeness.missing[0].ends_with("queue-roanne.yaml refused: its records are left out"),
        "{:?}",
        r.completeness.missing
    );
    // The queue file holds no deliveries: the lead is the sample's, but not as complete.
    assert_eq!(r.schedule.lead, Some(-18));
    assert_eq!(r.schedule.verdict, "18 behind plan on incomplete figures");
    assert!(
        r.forecast.verdict.starts_with("on incomplete figures: "),
        "{}",
        r.forecast.verdict
    );
    assert!(md.contains("- Figures: INCOMPLETE: "), "{md}");
    assert!(
        md.contains("queue-roanne.yaml refused: its records are left out\n"),
        "{md}"
    );
    assert!(
        md.contains("planned to date, 18 behind plan on incomplete figures\n"),
        "{md}"
    );
}

#[test]
fn a_file_refused_after_a_good_load_is_stale() {
    let dir = sample_copy();
    let mut loader = Loader::new(vec![dir.path().to_owned()], Limits::default());
    assert!(report::completeness_of(&loader.load(today())).is_complete());
    fs::write(dir.path().join("plan.yaml"), "version: 1\nplan: [").expect("written");
    let snapshot = loader.load_forcing(today(), &HashSet::from([dir.path().join("plan.yaml")]));
    let c = report::completeness_of(&snapshot);
    assert_eq!(c.gaps.len(), 1, "{:?}", c.gaps);
    assert!(
        matches!(&c.gaps[0], Gap::StaleFile(name) if name.ends_with("plan.yaml")),
        "{:?}",
        c.gaps
    );
    assert_eq!(c.state(), State::Incomplete);
    let why = c.why_not().expect("incomplete");
    assert!(why.starts_with("figures incomplete: "), "{why}");
    assert!(
        why.ends_with("plan.yaml refused: its last good version stands in for it"),
        "{why}"
    );
}
