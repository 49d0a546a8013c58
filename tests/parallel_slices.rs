//! One file's slices parsed on several threads (`status::yaml::slice`, issue 15) give
//! exactly what one thread gives: every record, serial text, visit, place and problem.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fmt::Write as _;
use std::path::PathBuf;

use fleetdash::domain::Date;
use fleetdash::generate::{self, Histories, Spec};
use fleetdash::status::raw::RawFile;
use fleetdash::status::yaml::{self, ParseError, slice};
use fleetdash::status::{Limits, Loader};

fn spec(queue: usize, deliveries: usize) -> Spec {
    Spec {
        variants: 4,
        queue,
        deliveries,
        seed: 11,
        today: Date::from_ymd_opt(2026, 11, 26).expect("a date"),
    }
}

/// `text` parsed in slices of `per_slice` items on `threads` threads.
fn on(threads: usize, text: &str, limits: Limits, per_slice: usize) -> Result<RawFile, ParseError> {
    slice::with_threads(threads, || yaml::parse_in_slices(text, limits, per_slice))
}

/// Parses `text` on 1, 2, 3 and 8 threads and fails unless every parse is the one-thread
/// parse, to the last byte of the text of serials; gives that parse.
fn same_on_every_count(
    what: &str,
    text: &str,
    limits: Limits,
    per_slice: usize,
) -> Result<RawFile, ParseError> {
    let one = on(1, text, limits, per_slice);
    for threads in [2, 3, 8] {
        let many = on(threads, text, limits, per_slice);
        // Whole records, tables and places: `RawFile`'s own equality, then the tables
        // apart (a record equal only because its runs point at equal visits elsewhere
        // would pass the first).
        assert_eq!(
            one, many,
            "{what}: {threads} threads, slices of {per_slice}"
        );
        if let (Ok(a), Ok(b)) = (&one, &many) {
            assert_eq!(*a.serials, *b.serials, "{what}: serials");
            assert_eq!(a.visits, b.visits, "{what}: visits");
            assert_eq!(a.histories, b.histories, "{what}: histories");
        }
    }
    one
}

#[test]
fn generated_files_parse_the_same_on_any_number_of_threads() {
    let before = slice::slices_read_apart();
    for histories in [Histories::Written, Histories::LeftOut] {
        let mut visits = 0;
        for (name, text) in generate::files_with(&spec(1200, 300), histories) {
            for per_slice in [7, 50, slice::ITEMS_PER_SLICE] {
                let raw = same_on_every_count(&name, &text, Limits::DEFAULT, per_slice)
                    .unwrap_or_else(|e| panic!("{name}: {e:?}"));
                visits += raw.visits.len();
            }
        }
        // The histories really were there, or really not.
        assert_eq!(visits > 0, histories == Histories::Written, "{histories:?}");
    }
    assert!(
        slice::slices_read_apart() > before,
        "no slice was parsed on a helper thread"
    );
}

/// A queue of `n` vehicles whose histories are written every way: none, empty, plain
/// (read by hand), flow with odd spacing (read by serde_yaml), block; and a deliveries
/// list with histories, empty ones and none.
fn mixed(n: usize) -> String {
    let mut t = String::from("version: 1\nqueue:\n");
    for i in 0..n {
        write!(
            t,
            "  - serial: \" S-{i:05} \"\n    variant: v\n    stage: kit\n    since: 2026-10-01\n    site: s{}\n",
            i % 3
        )
        .unwrap();
        match i % 5 {
            0 => {}
            1 => t.push_str("    history: []\n"),
            2 => t.push_str("    history: [{stage: hull, since: 2026-09-01}, {stage: kit, since: 2026-10-01}]\n"),
            3 => t.push_str("    history: [ {stage: hull,  since: 2026-09-02} ]\n"),
            _ => t.push_str("    history:\n      - stage: hull\n        since: 2026-09-03\n"),
        }
    }
    t.push_str("deliveries:\n");
    for i in 0..n / 2 {
        write!(
            t,
            "  - date: 2026-11-02\n    variant: v\n    serials: [D-{i}a, D-{i}b]\n"
        )
        .unwrap();
        match i % 3 {
            0 => {}
            1 => t.push_str("    histories: {}\n"),
            _ => write!(
                t,
                "    histories:\n      D-{i}a:\n        - {{stage: hull, since: 2026-08-01}}\n      D-{i}b: [{{ stage: kit, since: 2026-08-02 }}]\n"
            )
            .unwrap(),
        }
    }
    t
}

#[test]
fn histories_written_every_way_join_in_the_one_thread_order() {
    let text = mixed(120);
    for per_slice in [1, 4, 25] {
        let raw = same_on_every_count("mixed", &text, Limits::DEFAULT, per_slice).unwrap();
        let queue = raw.queue.as_ref().unwrap();
        assert_eq!(queue.len(), 120);
        // Counted by hand from `mixed`: 24 vehicles of each kind, 2 + 1 + 1 visits; 20 deliveries of 2 histories of 1 visit.
        assert_eq!(raw.visits.len(), 24 * 4 + 20 * 2);
        // The last vehicle's serial, read back through its shifted place.
        assert_eq!(raw.serial(queue[119].serial), "S-00119");
        assert_eq!(raw.visits(queue[117].history).len(), 2);
        assert!(queue[116].history.is_empty());
        let deliveries = raw.deliveries.as_ref().unwrap();
        assert_eq!(deliveries.len(), 60);
        let last = &deliveries[59];
        let kept = raw.histories(last.histories);
        assert_eq!(kept.len(), 2);
        assert_eq!(raw.serial(kept[1].serial), "D-59b");
        assert_eq!(
            raw.visits(kept[1].visits)[0].since.0.to_string(),
            "2026-08-02"
        );
    }
}

/// `text` with `insert` put before the item `item` of its first list (0 = the first).
fn broken_at(text: &str, item: usize, insert: &str) -> (String, u32) {
    let at = text.match_indices("\n  - ").nth(item).expect("an item").0 + 1;
    let line = text[..at].lines().count() as u32 + 1;
    (format!("{}{insert}{}", &text[..at], &text[at..]), line)
}

#[test]
fn a_broken_slice_gives_the_problem_one_thread_gives() {
    let text = mixed(100);
    // Slices of 20: the bad item is in the third slice of five.
    for (insert, says) in [
        ("  - serial: [unclosed\n", "never closed"),
        (
            "  - serial: X\n    colour: green\n",
            "unknown field `colour`",
        ),
        (
            "  - serial: X\n    variant: v\n    stage: kit\n    since: 2026-02-30\n    site: s\n    history: [{stage: hull, since: 2026-01-01}]\n",
            "February 2026 has 28 days",
        ),
        (
            "  - serial: X\n    variant: v\n    stage: kit\n    since: 2026-01-02\n    site: s\n    history: [{stage: hull, since: 2026-02-31}]\n",
            "February 2026 has 28 days",
        ),
    ] {
        let (bad, line) = broken_at(&text, 45, insert);
        for limits in [
            Limits::DEFAULT,
            Limits {
                max_entries: 400,
                ..Limits::DEFAULT
            },
        ] {
            let e = same_on_every_count(insert, &bad, limits, 20).expect_err("a problem");
            if limits.max_entries < Limits::DEFAULT.max_entries {
                // Read only in pieces: the problem is whatever the pieces give on one
                // thread (compared above; an unclosed `[` runs on past the limit).
                continue;
            }
            assert!(e.message.contains(says), "{insert:?}: {e:?}");
            assert!(
                (line..line + 6).contains(&e.loc.line),
                "{insert:?}: line {} for an item at line {line}",
                e.loc.line
            );
        }
    }
}

#[test]
fn a_loader_on_several_threads_reads_one_large_file_on_them() {
    let dir = tempfile::tempdir().unwrap();
    let files = generate::files_with(&spec(3000, 400), Histories::Written);
    let status = dir.path().join("status");
    std::fs::create_dir_all(&status).unwrap();
    // The plan, the programme and one queue file of 375 vehicles: two slices.
    for (name, text) in &files {
        if !name.starts_with("queue") || name.contains("site1") {
            std::fs::write(status.join(name), text).unwrap();
        }
    }
    let load = |workers: usize| {
        let mut loader = Loader::new(vec![PathBuf::from(&status)], Limits::default());
        loader.set_workers(workers);
        loader.load(Date::from_ymd_opt(2026, 11, 26).unwrap())
    };
    let one = load(1);
    let before = slice::slices_read_apart();
    for workers in [2, 3] {
        let many = load(workers);
        assert_eq!(one.problems, many.problems);
        assert_eq!(*one.programme, *many.programme);
    }
    assert!(slice::slices_read_apart() > before);
    assert!(one.programme.queue.len() > slice::ITEMS_PER_SLICE);
}
