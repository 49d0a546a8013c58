//! A load keeps each file's records once, as its share of the model: the parsed records
//! are dropped once merged, and read again from disk when every record must be built
//! again (the definitions or the day changed). Every such reload must equal a fresh load;
//! a file whose latest read failed keeps its last good records over a new day, and has
//! them left out, with an error, when the definitions change and they cannot be read.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;
use std::path::PathBuf;

use fleetdash::domain::Date;
use fleetdash::status::{FileHealth, Loader, Snapshot, display_name};

mod generated;
use generated::{Set, edit, fresh, today};

#[track_caller]
fn assert_same(step: &str, kept: &Snapshot, fresh: &Snapshot) {
    assert_eq!(kept.problems, fresh.problems, "problems after: {step}");
    assert_eq!(*kept.programme, *fresh.programme, "programme after: {step}");
    assert_eq!(kept.left_out, fresh.left_out, "left out after: {step}");
}

/// The vehicles a queue file lists, counted in its text.
fn vehicles_in(text: &str) -> usize {
    text.lines()
        .filter(|l| l.starts_with("  - serial: "))
        .count()
}

/// A first load of `set`, then `queue-site2.yaml` saved with a mistake and loaded again.
struct Broken {
    first: Snapshot,
    site2: PathBuf,
    /// Its last good text.
    good: String,
    /// The vehicles it lists.
    in_site2: usize,
    /// The load after the mistake: its last good share stays.
    broken: Snapshot,
}

fn break_site2(set: &Set, loader: &mut Loader) -> Broken {
    let first = loader.load(today());
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    let site2 = set.file("queue-site2.yaml");
    let good = fs::read_to_string(&site2).expect("read");
    let in_site2 = vehicles_in(&good);
    assert!(in_site2 > 0);
    fs::write(&site2, format!("{good}  - serial: \"open\n")).expect("write");
    let broken = loader.load(today());
    assert_eq!(*broken.programme, *first.programme);
    Broken {
        first,
        site2,
        good,
        in_site2,
        broken,
    }
}

#[test]
fn no_parsed_record_is_kept_after_a_load() {
    let set = Set::new(6, 1500, 300, 23);
    let mut loader = set.loader();
    assert_eq!(loader.raw_records_kept(), 0);
    let first = loader.load(today());
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    assert_eq!(first.programme.queue.len(), 1500);
    assert_eq!(loader.raw_records_kept(), 0, "after the first load");

    edit(&set.file("queue-site1.yaml"), |t| {
        format!("{t}# a comment\n")
    });
    let s = loader.load(today());
    assert_eq!(s.reread.len(), 1);
    assert_eq!(
        loader.raw_records_kept(),
        0,
        "after a queue file read again"
    );

    edit(&set.file("programme.yaml"), |t| {
        t.replace("name: Paint\n", "name: Paint\n    families: [Family 1]\n")
    });
    let s = loader.load(today());
    assert_same("a stage restricted", &s, &fresh(&set.status, today()));
    assert_eq!(
        loader.raw_records_kept(),
        0,
        "after every record was rebuilt"
    );
}

#[test]
fn a_change_of_definitions_equals_a_fresh_load() {
    let set = Set::new(6, 1500, 300, 23);
    let mut loader = set.loader();
    let first = loader.load(today());
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    let programme = set.file("programme.yaml");

    // A variant renamed: every record naming it is now unknown, in every file.
    edit(&programme, |t| t.replace("id: v00002", "id: w00002"));
    let s = loader.load(today());
    assert!(
        s.problems.iter().any(|p| p.message.contains("v00002")),
        "the records of the renamed variant are reported"
    );
    assert!(s.programme.queue.len() < first.programme.queue.len());
    assert_same("a variant renamed", &s, &fresh(&set.status, today()));

    // Named back: every record counts again, as at first.
    edit(&programme, |t| t.replace("id: w00002", "id: v00002"));
    let s = loader.load(today());
    assert_same("the variant named back", &s, &fresh(&set.status, today()));
    assert_eq!(*s.programme, *first.programme);

    // The programme years narrowed: dates are checked against them.
    edit(&programme, |t| {
        t.replace("first_year: 2021", "first_year: 2026")
    });
    let s = loader.load(today());
    assert!(s.problems.len() > first.problems.len());
    assert_same("the years narrowed", &s, &fresh(&set.status, today()));
    assert_eq!(loader.raw_records_kept(), 0);
}

#[test]
fn a_change_of_day_equals_a_fresh_load() {
    let set = Set::new(6, 1500, 300, 23);
    let mut loader = set.loader();
    let first = loader.load(today());
    assert!(first.problems.is_empty(), "{:?}", first.problems);

    // `--today` moved back: records dated after it are errors now.
    let day = Date::from_ymd_opt(2026, 9, 1).expect("a date");
    let s = loader.load(day);
    assert!(
        s.problems
            .iter()
            .any(|p| p.message.contains("after today (2026-09-01)")),
        "records after the new day are reported"
    );
    assert_same("the day moved back", &s, &fresh(&set.status, day));
    assert_eq!(loader.raw_records_kept(), 0);

    // And forward again.
    let s = loader.load(today());
    assert_same("the day moved forward", &s, &fresh(&set.status, today()));
    assert!(s.problems.is_empty());
}

#[test]
fn a_stale_file_keeps_its_share_until_its_records_must_be_rebuilt() {
    let set = Set::new(6, 1500, 300, 23);
    let mut loader = set.loader();
    let Broken {
        first,
        site2,
        good,
        in_site2,
        broken,
    } = break_site2(&set, &mut loader);

    assert!(matches!(
        broken
            .files
            .iter()
            .find(|f| f.path == site2)
            .unwrap()
            .health,
        FileHealth::Stale {
            has_last_good: true,
            ..
        }
    ));

    // Then the definitions change: the file's records must be built again and cannot be
    // read. They are left out, with an error on the file saying so; the other files'
    // records are as a fresh load gives them (which refuses the broken file whole).
    edit(&set.file("programme.yaml"), |t| {
        t.replace("first_year: 2021", "first_year: 2020")
    });
    let s = loader.load(today());
    let fresh_now = fresh(&set.status, today());
    assert_eq!(
        s.programme.queue.len(),
        first.programme.queue.len() - in_site2
    );
    // The fresh load refuses the broken file whole, so its files are numbered otherwise:
    // the vehicles and deliveries are compared by what they are, not where.
    let serials = |s: &Snapshot| -> Vec<String> {
        s.programme
            .queue
            .iter()
            .map(|v| v.serial.to_string())
            .collect()
    };
    assert!(serials(&s) == serials(&fresh_now), "the same vehicles");
    let delivered = |s: &Snapshot| -> Vec<(Date, u32)> {
        s.programme
            .deliveries
            .iter()
            .map(|d| (d.date, d.quantity))
            .collect()
    };
    assert!(
        delivered(&s) == delivered(&fresh_now),
        "the same deliveries"
    );
    let said: Vec<_> = s
        .problems
        .iter()
        .filter(|p| {
            p.message
                .contains("records are left out until the file reads again")
        })
        .collect();
    assert_eq!(said.len(), 1, "{:?}", s.problems);
    assert!(said[0].is_error());
    assert_eq!(said[0].file, Some(display_name(&site2)));
    assert!(
        said[0]
            .message
            .starts_with(&format!("its {in_site2} records are left out"))
    );
    assert_eq!(s.programme.merge_gaps.left_out, in_site2 as u64);
    assert!(!s.completeness().is_complete());

    // Mended: as a fresh load again.
    fs::write(&site2, format!("{good}# mended\n")).expect("write");
    let s = loader.load(today());
    assert_same("the file mended", &s, &fresh(&set.status, today()));
    assert_eq!(s.programme.queue.len(), first.programme.queue.len());
}

#[test]
fn a_file_broken_over_midnight_keeps_its_last_good_records() {
    let set = Set::new(6, 1500, 300, 23);
    let mut loader = set.loader();
    let Broken {
        first, site2, good, ..
    } = break_site2(&set, &mut loader);

    // Midnight, the file still broken: every vehicle is still counted, site 2's as they
    // were merged; nothing is said left out, and the file is still marked as not read.
    let next_day = today().succ_opt().expect("a date");
    let s = loader.load(next_day);
    assert_eq!(s.programme.queue.len(), first.programme.queue.len());
    assert_eq!(s.programme.queue, first.programme.queue);
    assert_eq!(s.programme.merge_gaps.left_out, 0);
    assert!(
        !s.problems.iter().any(|p| p
            .message
            .contains("records are left out until the file reads again")),
        "{:?}",
        s.problems
    );
    assert!(matches!(
        s.files.iter().find(|f| f.path == site2).unwrap().health,
        FileHealth::Stale {
            has_last_good: true,
            ..
        }
    ));
    assert_eq!(loader.raw_records_kept(), 0);

    // The day moved back: the other files' records are checked against it (errors for
    // what is dated after it), site 2's stay as merged.
    let day = Date::from_ymd_opt(2026, 9, 1).expect("a date");
    let s = loader.load(day);
    assert_eq!(
        s.programme.queue.len() as u64 + s.programme.merge_gaps.left_out,
        first.programme.queue.len() as u64
    );
    assert!(
        s.problems
            .iter()
            .any(|p| p.message.contains("after today (2026-09-01)")),
        "records of the other files checked against the new day"
    );
    assert!(!s.problems.iter().any(|p| {
        p.message
            .contains("records are left out until the file reads again")
    }));

    // Mended: as a fresh load again.
    fs::write(&site2, format!("{good}# mended\n")).expect("write");
    let s = loader.load(next_day);
    assert_same("the file mended", &s, &fresh(&set.status, next_day));
}
