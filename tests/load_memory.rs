//! The memory a full load takes at its peak, against the floor the performance target is
//! set from: serde_yaml reading each file of the same set into `serde::de::IgnoredAny`,
//! which holds a whole document's events and keeps nothing. Counted in bytes allocated
//! (not resident pages), so the figure is the same on every run and every machine; the
//! resident-memory figures of the release binary are in BENCHMARKS.md.
//!
//! One test in its own binary: the counting allocator sees every thread of the process.
//! It fails when a file is read whole (`ITEMS_PER_SLICE` set to `usize::MAX`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::alloc::{GlobalAlloc, Layout, System};
use std::fs;
use std::sync::atomic::{AtomicUsize, Ordering};

use fleetdash::domain::Date;
use fleetdash::generate::{self, Spec};
use fleetdash::status::{Limits, Loader};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = NOW.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; the counters are
// only read by the test.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: the caller's layout, passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Counted as the system may do it: the new block before the old one is freed.
        grew(new_size);
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        NOW.fetch_sub(
            if p.is_null() { new_size } else { layout.size() },
            Ordering::Relaxed,
        );
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The bytes allocated at the peak of `f`, above what was allocated before it.
fn peak_of(f: impl FnOnce()) -> usize {
    let base = NOW.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    f();
    PEAK.load(Ordering::Relaxed) - base
}

/// The target is 1.25 times the floor. Read whole, the files of this set take 1.21 times
/// (the records kept while the last file's events are held); read a slice at a time, and
/// with the merge's table of serials sized once, about half: the test asks for less than
/// the floor itself, which only a load that never holds a whole file's events can give.
#[test]
fn a_full_load_peaks_below_the_parse_alone() {
    let today = Date::from_ymd_opt(2026, 11, 26).expect("a valid date");
    // The large set of BENCHMARKS.md at a fifth of its size: the same files, each with a
    // fifth of the items (2 500 vehicles per queue file).
    let spec = Spec {
        variants: 20,
        queue: 20_000,
        deliveries: 4_000,
        seed: 42,
        today,
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    generate::write(&spec, dir.path()).expect("the set is written");
    let status = dir.path().join("status");
    let mut files: Vec<_> = fs::read_dir(&status)
        .expect("the status folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    files.sort();

    let floor = peak_of(|| {
        for f in &files {
            let text = fs::read_to_string(f).expect("readable");
            let _: serde::de::IgnoredAny = serde_yaml::from_str(&text).expect("valid YAML");
        }
    });
    let mut loaded = None;
    let load = peak_of(|| {
        loaded = Some(Loader::new(vec![status.clone()], Limits::default()).load(today));
    });
    let snapshot = loaded.expect("loaded");
    assert!(snapshot.problems.is_empty(), "{:?}", snapshot.problems);
    assert_eq!(snapshot.programme.queue.len(), 20_000);

    let ratio = load as f64 / floor as f64;
    assert!(
        ratio < 1.0,
        "a full load peaks at {load} bytes, {ratio:.2} times the {floor} of the parse alone"
    );
}
