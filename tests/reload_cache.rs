//! A reload reuses what did not change (the records of files not read again, when the
//! definitions they depend on are the same); it must give exactly what a fresh load of the
//! same files gives. Each step below edits a generated set one way, then compares the
//! loader that has followed every step with a new loader that reads the set once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;

use fleetdash::domain::{Date, Shared};
use fleetdash::generate::{self, Spec};
use fleetdash::status::{Limits, Loader, Snapshot};

mod generated;
use generated::{edit, fresh, today};

#[track_caller]
fn assert_same(step: &str, kept: &Snapshot, fresh: &Snapshot) {
    let first_difference = kept
        .problems
        .iter()
        .zip(&fresh.problems)
        .find(|(a, b)| a != b);
    assert_eq!(first_difference, None, "problems after: {step}");
    assert_eq!(
        kept.problems.len(),
        fresh.problems.len(),
        "problems after: {step}"
    );
    assert_eq!(*kept.programme, *fresh.programme, "programme after: {step}");
}

#[test]
fn every_reload_equals_a_fresh_load() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let spec = Spec {
        variants: 12,
        queue: 3000,
        deliveries: 800,
        seed: 5,
        today: today(),
    };
    generate::write(&spec, dir.path()).expect("the set is written");
    let set = dir.path().join("status");
    let file = |name: &str| set.join(name);
    let mut loader = Loader::new(vec![set.clone()], Limits::default());
    let mut day = today();

    let first = loader.load(day);
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    assert_same("the first load", &first, &fresh(&set, day));

    // A small file without records: the records are shared, not rebuilt.
    edit(&file("plan.yaml"), |t| {
        t.replacen("    v00000: ", "    v00000: 1", 1)
    });
    let s = loader.load(day);
    assert!(Shared::ptr_eq(&first.programme.queue, &s.programme.queue));
    assert!(Shared::ptr_eq(
        &first.programme.deliveries,
        &s.programme.deliveries
    ));
    assert_same("a plan quantity edited", &s, &fresh(&set, day));

    // A contract edited in the file that defines the variants: still shared.
    edit(&file("programme.yaml"), |t| {
        t.replacen("contracted: ", "contracted: 9", 1)
    });
    let s2 = loader.load(day);
    assert!(Shared::ptr_eq(&s.programme.queue, &s2.programme.queue));
    assert_same("a contract edited", &s2, &fresh(&set, day));

    type Step<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let steps: Vec<Step> = vec![
        (
            "a variant renamed: its records no longer resolve",
            Box::new(|| {
                edit(&file("programme.yaml"), |t| {
                    t.replace("id: v00003", "id: w00003")
                })
            }),
        ),
        (
            "the variant named back",
            Box::new(|| {
                edit(&file("programme.yaml"), |t| {
                    t.replace("id: w00003", "id: v00003")
                })
            }),
        ),
        (
            "a stage restricted to one family",
            Box::new(|| {
                edit(&file("programme.yaml"), |t| {
                    t.replace("name: Paint\n", "name: Paint\n    families: [Family 1]\n")
                })
            }),
        ),
        (
            "the programme years narrowed",
            Box::new(|| {
                edit(&file("programme.yaml"), |t| {
                    t.replace("first_year: 2021", "first_year: 2025")
                })
            }),
        ),
        (
            "a vehicle queued twice, in a new file that sorts first",
            Box::new(|| {
                let queue = fs::read_to_string(file("queue-site3.yaml")).expect("read");
                let serial = queue
                    .lines()
                    .find_map(|l| l.strip_prefix("  - serial: "))
                    .expect("a serial");
                fs::write(
                    file("a-extra.yaml"),
                    format!(
                        "version: 1\nqueue:\n  - serial: {serial}\n    variant: v00001\n    \
                         stage: hull\n    since: 2026-11-02\n    site: Extra\n"
                    ),
                )
                .expect("write");
            }),
        ),
        (
            "a queue file removed",
            Box::new(|| fs::remove_file(file("queue-site5.yaml")).expect("remove")),
        ),
        (
            "the deliveries cut to their first record",
            Box::new(|| {
                let text = fs::read_to_string(file("deliveries.yaml")).expect("read");
                let first: Vec<&str> = text.lines().take(5).collect();
                fs::write(file("deliveries.yaml"), first.join("\n") + "\n").expect("write");
            }),
        ),
    ];
    for (step, apply) in &steps {
        apply();
        let kept = loader.load(day);
        assert_same(step, &kept, &fresh(&set, day));
        if step.contains("twice") {
            assert!(
                kept.problems
                    .iter()
                    .any(|p| p.message.contains("in the queue twice")),
                "{step}"
            );
        }
    }

    // A file broken: its last good content stays, so the programme is the same as before;
    // then mended.
    let before = loader.load(day);
    let queue = file("queue-site2.yaml");
    let good = fs::read_to_string(&queue).expect("read");
    fs::write(&queue, format!("{good}  - serial: \"open\n")).expect("write");
    let broken = loader.load(day);
    assert_eq!(*broken.programme, *before.programme);
    assert!(Shared::ptr_eq(
        &broken.programme.queue,
        &before.programme.queue
    ));
    assert_eq!(broken.problems.len(), before.problems.len() + 1);
    fs::write(&queue, format!("{good}# mended\n")).expect("write");
    assert_same("a broken file mended", &loader.load(day), &fresh(&set, day));

    // A new day: dates are checked against it.
    day = Date::from_ymd_opt(2026, 10, 1).expect("a date");
    let kept = loader.load(day);
    assert!(!kept.problems.is_empty(), "records dated after the day");
    assert_same("a new day", &kept, &fresh(&set, day));
}
