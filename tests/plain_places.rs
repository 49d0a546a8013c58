//! The places the plain reader notes (`status::yaml::plain::places`) against the locator's:
//! every vehicle, field and visit placed the same, and every problem at the same place,
//! with the noting on and off, in slices and on two threads; generated sets with and
//! without histories, hand-written queues, and the sections after a queue whose lines
//! the locator passed over.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod noting;

use std::sync::Mutex;

use fleetdash::domain::Date;
use fleetdash::generate::{self, Histories, Spec};
use fleetdash::status::problem::Loc;
use fleetdash::status::raw::RawFile;
use fleetdash::status::yaml::{self, plain};

/// The switch is the process's: one test at a time flips it.
static SWITCH: Mutex<()> = Mutex::new(());

/// [`noting::same_places`], counting what `plain::queues_placed` counts.
fn same_places(text: &str) -> usize {
    noting::same_places(text, plain::queues_placed)
}

/// [`noting::parsed`], counting what `plain::queues_placed` counts.
fn parsed(
    text: &str,
    per_slice: usize,
    threads: usize,
    noting: bool,
) -> (Result<RawFile, yaml::ParseError>, bool) {
    noting::parsed(text, per_slice, threads, noting, plain::queues_placed)
}

fn spec(queue: usize, seed: u64) -> Spec {
    Spec {
        variants: 4,
        queue,
        deliveries: 12,
        seed,
        today: Date::from_ymd_opt(2026, 11, 26).unwrap(),
    }
}

#[test]
fn generated_queues_are_placed_as_the_locator_places_them() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    for histories in [Histories::Written, Histories::LeftOut] {
        for seed in 1..=3 {
            let mut given = 0;
            let files = generate::files_with(&spec(120, seed), histories);
            for (name, text) in &files {
                let n = same_places(text);
                assert!(
                    !name.starts_with("queue") || n >= 6,
                    "{name}: placed by the reader {n} times"
                );
                given += n;
            }
            assert!(given > 0);
        }
    }
}

/// A queue of plain vehicles, the third written as `third`, after `head` and before
/// `tail`.
fn queue(head: &str, third: &str, tail: &str) -> String {
    let vehicle = |n: u32| {
        format!(
            "  - serial: BE-GRF-{n:04}\n    variant: grf-tt\n    stage: acceptance\n    \
             since: 2026-11-10\n    due: 2027-01-21\n    site: Site 3\n"
        )
    };
    let mut text = format!("version: 1\n{head}queue:\n");
    for n in 1..=4 {
        text += &if n == 3 { third.to_owned() } else { vehicle(n) };
    }
    text + tail
}

#[test]
fn hand_written_queues_are_placed_as_the_locator_places_them() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    let history = "    history:\n      - {stage: hull, since: 2026-06-01}\n      \
                   - {stage: acceptance, since: 2026-11-10}\n";
    let thirds = [
        // The history before the vehicle's own `stage` and `since`, after, between.
        format!("  - serial: S3\n    variant: v\n{history}    stage: acceptance\n    since: 2026-11-10\n    site: x\n"),
        format!("  - serial: S3\n    variant: v\n    stage: acceptance\n    since: 2026-11-10\n    site: x\n{history}"),
        format!("  - serial: S3\n    stage: acceptance\n{history}    since: 2026-11-10\n    variant: v\n    site: x\n"),
        // Another key first, `due` left out, `variant` last; keys in another order.
        "  - variant: v\n    serial: S3\n    since: 2026-11-10\n    stage: kit\n    site: x\n".to_owned(),
        "  - stage: kit\n    site: x\n    since: 2026-11-10\n    serial: S3\n    variant: v\n    due: 2027-01-01\n".to_owned(),
        // Deeper visits, a history of one.
        "  - serial: S3\n    variant: v\n    stage: kit\n    since: 2026-11-10\n    site: x\n    history:\n          - {stage: kit, since: 2026-11-10}\n".to_owned(),
    ];
    let heads = ["", "stages:\n  - id: hull\n    name: Hull\n"];
    let tails = [
        "",
        "plan:\n  2026: {grf-tt: 3}\ndeliveries:\n  - date: 2026-01-02\n    variant: grf-tt\n    count: 1\n",
    ];
    let mut given = 0;
    for third in &thirds {
        for head in heads {
            for tail in tails {
                let text = queue(head, third, tail);
                given += same_places(&text);
                given += same_places(&text.replace('\n', "\r\n"));
                given += same_places(text.trim_end());
            }
        }
    }
    // Every text is cut in slices of 1, 2 and 3 (4 items), on one thread and on two.
    assert!(given >= thirds.len() * 4 * 3 * 6, "{given}");
}

#[test]
fn the_places_after_a_queue_passed_over_are_counted_right() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    let vehicle =
        "  - serial: S\n    variant: v\n    stage: kit\n    since: 2026-11-10\n    site: x\n";
    // Four vehicles of five lines from line 3, the plan's key on line 23, its year on 24.
    let text = format!(
        "version: 1\nqueue:\n{}plan:\n  2026: {{v: 3}}\n",
        vehicle.repeat(4)
    );
    let (raw, used) = parsed(&text, 2, 1, true);
    let raw = raw.unwrap();
    assert!(used, "the queue was not placed by the reader");
    assert_eq!(raw.section_locs.plan, Loc::new(23, 1));
    let plan = raw.plan.as_ref().unwrap();
    assert_eq!(plan.years[0].loc, Loc::new(24, 3));
    let queue = raw.queue.as_ref().unwrap();
    assert_eq!(queue[3].loc(), Loc::new(18, 5));
    let far = &raw.far_places;
    assert_eq!(queue[3].since_loc(far), Loc::new(21, 5));
    assert_eq!(
        queue[3].due_loc(far),
        Loc::new(18, 5),
        "no `due`: the entry"
    );
}
