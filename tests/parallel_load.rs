//! Reading a set's files on several threads gives what reading them one by one gives: the
//! same programme, problems, files and counts, and one shared copy of every name.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use fleetdash::domain::{Date, Name};
use fleetdash::generate::{self, Spec};
use fleetdash::status::{FileHealth, Limits, Loader, Snapshot};

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a date")
}

fn load(sources: &[PathBuf], workers: usize) -> (Loader, Snapshot) {
    let mut loader = Loader::new(sources.to_vec(), Limits::default());
    loader.set_workers(workers);
    let snapshot = loader.load(today());
    (loader, snapshot)
}

fn assert_same(what: &str, a: &Snapshot, b: &Snapshot) {
    assert_eq!(a.problems, b.problems, "problems of {what}");
    assert_eq!(*a.programme, *b.programme, "programme of {what}");
    // The same files, in the same health (a stale file's time is that of its read).
    let health = |s: &Snapshot| -> Vec<(PathBuf, String, Option<bool>)> {
        s.files
            .iter()
            .map(|f| {
                let stale = match f.health {
                    FileHealth::Good => None,
                    FileHealth::Stale { has_last_good, .. } => Some(has_last_good),
                };
                (f.path.clone(), f.name.clone(), stale)
            })
            .collect()
    };
    assert_eq!(health(a), health(b), "files of {what}");
    assert_eq!(a.reread, b.reread, "files read of {what}");
    assert_eq!(a.removed, b.removed, "files removed of {what}");
    assert_eq!(a.left_out, b.left_out, "records left out of {what}");
}

/// Every lot of the queue with the same text is the same shared copy.
fn assert_names_shared(what: &str, snapshot: &Snapshot) {
    let mut first: HashMap<String, Name> = HashMap::new();
    let mut lots = 0;
    for v in snapshot.programme.queue.iter() {
        if let Some(lot) = &v.lot {
            lots += 1;
            let kept = first.entry(lot.to_string()).or_insert_with(|| lot.clone());
            assert!(Name::ptr_eq(kept, lot), "lot {lot} copied twice in {what}");
        }
    }
    assert!(lots > 0, "{what} has no lots to compare");
}

fn generated(queue: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let spec = Spec {
        variants: 6,
        queue,
        deliveries: queue / 5,
        seed: 7,
        today: today(),
    };
    generate::write(&spec, dir.path()).expect("the set is written");
    dir
}

#[test]
fn a_generated_set_reads_the_same_on_one_and_on_four_threads() {
    let dir = generated(4000);
    let sources = vec![dir.path().join("status")];
    let (_, one) = load(&sources, 1);
    for workers in [2, 4, 16] {
        let (_, many) = load(&sources, workers);
        assert_same(&format!("{workers} threads"), &one, &many);
        assert_names_shared(&format!("{workers} threads"), &many);
    }
    assert_names_shared("one thread", &one);
    assert_eq!(one.programme.queue.len(), 4000);
}

#[test]
fn every_invalid_fixture_reads_the_same_on_one_and_on_three_threads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut sets: Vec<PathBuf> = fs::read_dir(&root)
        .expect("the fixtures list")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.is_dir())
        .collect();
    sets.sort();
    assert!(sets.len() > 20, "{} fixtures", sets.len());
    for set in &sets {
        let (_, one) = load(std::slice::from_ref(set), 1);
        let (_, many) = load(std::slice::from_ref(set), 3);
        assert_same(&set.display().to_string(), &one, &many);
    }
}

#[test]
fn a_reload_on_threads_reads_only_what_changed_and_matches_a_fresh_load() {
    let dir = generated(3000);
    let status = dir.path().join("status");
    let sources = vec![status.clone()];
    let (mut loader, _) = load(&sources, 4);
    let site = status.join("queue-site2.yaml");
    let text = fs::read_to_string(&site).expect("read");
    let plan = status.join("plan.yaml");
    let plan_text = fs::read_to_string(&plan).expect("read");
    fs::write(&site, text.replace("stage: ", "stage:  ")).expect("write");
    fs::write(&plan, format!("{plan_text}# edited\n")).expect("write");
    let reloaded = loader.load(today());
    let names: Vec<&str> = reloaded
        .reread
        .iter()
        .map(|n| n.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(names, ["plan.yaml", "queue-site2.yaml"]);
    let (_, fresh) = load(&sources, 1);
    assert_eq!(fresh.reread.len(), fresh.files.len());
    assert_eq!(reloaded.problems, fresh.problems);
    assert_eq!(*reloaded.programme, *fresh.programme);
    assert_names_shared("the reload", &reloaded);
}

#[test]
fn progress_counts_every_file_byte_and_record_read_on_threads() {
    // The sample, counted by hand: 11 variants and 9 stages (programme.yaml), 40 vehicles
    // (the two queue files), 43 delivery records, and 3 + 4 + 8 + 9 + 11 + 11 = 46 plan
    // entries over 2025 to 2030.
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
    let bytes: u64 = fs::read_dir(&sample)
        .expect("the sample lists")
        .map(|e| e.expect("an entry").metadata().expect("metadata").len())
        .sum();
    for workers in [1, 2, 5] {
        let (loader, snapshot) = load(std::slice::from_ref(&sample), workers);
        assert_eq!(snapshot.programme.queue.len(), 40);
        let now = loader.progress().now();
        assert_eq!(
            (now.files_total, now.files_done),
            (5, 5),
            "{workers} threads"
        );
        assert_eq!((now.bytes_total, now.bytes_done), (bytes, bytes));
        assert_eq!(now.records, 11 + 9 + 40 + 43 + 46, "{workers} threads");
        assert!(!now.loading);
    }
}
