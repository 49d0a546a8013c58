//! The places of deliveries noted by the plain reader (`Keys::All`) against the locator's:
//! every record, field, history and visit placed the same, and every problem at the same
//! place, with the noting on and off, in slices and on two threads; generated sets with
//! and without histories, hand-written records that step aside, and seeded random edits.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod noting;

#[allow(dead_code)] // shared with other tests; this file uses a part of it
mod plain_texts;

use std::sync::Mutex;

use fleetdash::domain::Date;
use fleetdash::generate::{self, Histories, Spec};
use fleetdash::status::problem::Loc;
use fleetdash::status::raw::RawFile;
use fleetdash::status::yaml::{self, plain};

/// The switch is the process's: one test at a time flips it.
static SWITCH: Mutex<()> = Mutex::new(());

/// [`noting::same_places`], counting what `plain::deliveries_placed` counts.
fn same_places(text: &str) -> usize {
    noting::same_places(text, plain::deliveries_placed)
}

/// [`noting::parsed`], counting what `plain::deliveries_placed` counts.
fn parsed(
    text: &str,
    per_slice: usize,
    threads: usize,
    noting: bool,
) -> (Result<RawFile, yaml::ParseError>, bool) {
    noting::parsed(text, per_slice, threads, noting, plain::deliveries_placed)
}

#[test]
fn generated_deliveries_are_placed_as_the_locator_places_them() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    let mut noted = 0;
    for histories in [Histories::Written, Histories::LeftOut] {
        for seed in 1..=3 {
            let spec = Spec {
                variants: 4,
                queue: 40,
                deliveries: 12,
                seed,
                today: Date::from_ymd_opt(2026, 11, 26).unwrap(),
            };
            for (name, text) in &generate::files_with(&spec, histories) {
                let n = same_places(text);
                // Cut in slices of 1, 2 and 3, on one thread and on two. Without
                // histories the reader notes no delivery (the locator finds their few
                // keys); with them, a list whose every slice keeps a history (a
                // count-only delivery alone in a slice keeps none: the locator places
                // that list).
                if !name.starts_with("deliveries") {
                    continue;
                }
                match histories {
                    Histories::LeftOut => assert_eq!(n, 0, "{name}: placed by the reader"),
                    Histories::Written => noted += n,
                }
            }
        }
    }
    assert!(
        noted >= 2,
        "the reader placed generated deliveries {noted} times"
    );
}

/// Three plain deliveries, the second written as `second`.
fn deliveries(second: &str) -> String {
    let record = |n: u32| {
        format!(
            "  - date: 2026-0{n}-02\n    variant: grf-tt\n    serials: [BE-{n}1, BE-{n}2]\n    \
             histories:\n      BE-{n}1:\n        - {{stage: hull, since: 2026-01-01}}\n        \
             - {{stage: acceptance, since: 2026-01-20}}\n      BE-{n}2:\n        \
             - {{stage: hull, since: 2026-01-03}}\n"
        )
    };
    format!(
        "version: 1\ndeliveries:\n{}{second}{}",
        record(1),
        record(3)
    )
}

/// Second records that the reader notes, and some whose places it leaves to the locator.
const SECONDS: [&str; 14] = [
    // `histories` first, then the fields; no histories; a count.
    "  - histories:\n      S1:\n        - {stage: hull, since: 2026-01-01}\n    date: 2026-02-02\n    variant: jag\n    serials: [S1]\n",
    "  - date: 2026-02-02\n    variant: jag\n    count: 2\n",
    "  - variant: jag\n    count: 1\n    date: 2026-02-02\n    serials: [S1]\n",
    // A serial named as a field, before the field; a serial written twice in the list.
    "  - histories:\n      variant:\n        - {stage: hull, since: 2026-01-01}\n      date:\n        - {stage: hull, since: 2026-01-01}\n    date: 2026-02-02\n    variant: jag\n    serials: [variant, date]\n",
    "  - date: 2026-02-02\n    variant: jag\n    serials: [S1, S1]\n    histories:\n      S1:\n        - {stage: hull, since: 2026-01-01}\n",
    // A history of a serial not handed over, one empty, one left as `~`.
    "  - date: 2026-02-02\n    variant: jag\n    serials: [S1]\n    histories:\n      S9:\n        - {stage: hull, since: 2026-01-01}\n      S1:\n        - {stage: hull, since: 2026-01-02}\n",
    "  - date: 2026-02-02\n    variant: jag\n    serials: [S1, S2]\n    histories:\n      S1: []\n      S2:\n        - {stage: hull, since: 2026-01-02}\n",
    "  - date: 2026-02-02\n    variant: jag\n    serials: [S1, S2]\n    histories:\n      S1: ~\n      S2:\n        - {stage: hull, since: 2026-01-02}\n",
    // Serials `stage`, `since` and `histories`: the locator's.
    "  - date: 2026-02-02\n    variant: jag\n    serials: [stage]\n    histories:\n      stage:\n        - {stage: hull, since: 2026-01-01}\n",
    "  - date: 2026-02-02\n    variant: jag\n    serials: [since, histories]\n    histories:\n      since:\n        - {stage: hull, since: 2026-01-01}\n      histories:\n        - {stage: hull, since: 2026-01-01}\n",
    // Deeper visits; a serial of dots and slashes; problems (a wrong day, order).
    "  - date: 2026-02-02\n    variant: jag\n    serials: [a.b/c]\n    histories:\n      a.b/c:\n            - {stage: hull, since: 2026-01-01}\n",
    "  - date: 2026-02-02\n    variant: nope\n    serials: [S1]\n    histories:\n      S1:\n        - {stage: hull, since: 2026-02-30}\n",
    "  - date: 2026-02-02\n    variant: jag\n    serials: [S1]\n    histories:\n      S1:\n        - {stage: acceptance, since: 2026-01-20}\n        - {stage: hull, since: 2026-01-01}\n        - {stage: hul, since: 2026-01-21}\n",
    // Flow visits, not read by hand.
    "  - date: 2026-02-02\n    variant: jag\n    serials: [S1]\n    histories:\n      S1: [{stage: hull, since: 2026-01-01}]\n",
];

#[test]
fn hand_written_deliveries_are_placed_as_the_locator_places_them() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    let mut given = 0;
    for second in SECONDS {
        let text = deliveries(second);
        given += same_places(&text);
        given += same_places(&text.replace('\n', "\r\n"));
        given += same_places(text.trim_end());
        given += same_places(&format!("{text}# after\n\nplan:\n  2026: {{jag: 3}}\n"));
        // A queue cut too, before the deliveries: both lists' lines passed over.
        let queue = "queue:\n  - serial: Q1\n    variant: jag\n    stage: hull\n    since: \
                     2026-01-01\n    site: x\n    history:\n      - {stage: hull, since: \
                     2026-01-01}\n  - serial: Q2\n    variant: jag\n    stage: hull\n    \
                     since: 2026-01-02\n    site: x\n";
        let both = text.replacen("deliveries:\n", &format!("{queue}deliveries:\n"), 1);
        given += same_places(&both);
    }
    // Five texts for each, cut in slices of 1 and 2 (three items), on one thread and two:
    // 20 each for the eight the reader notes, none for an empty or `~` history (not read
    // by hand), serials `stage` and `since` (left to the locator), a wrong day (refused
    // by the reader) or flow visits; and of the two seconds without histories, only the
    // slices of 2 (each slice of 1 keeps a history but the second's, which leaves its
    // deliveries to the locator).
    assert_eq!(given, 6 * 20 + 2 * 10);
}

#[test]
fn the_shared_hand_written_histories_are_placed_as_the_locator_places_them() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    let mut given = 0;
    for text in plain_texts::hand_written() {
        // Two records, so that the list is cut.
        given += same_places(&text.replacen("  - date:", &format!("{}  - date:", RECORD), 1));
    }
    assert!(given > 0, "no deliveries placed by the reader");
}

/// A plain delivery with a history, to put before another.
const RECORD: &str = "  - date: 2026-01-02\n    variant: grf-tt\n    serials: [BE-GRF-0050]\n    \
                      histories:\n      BE-GRF-0050:\n        - {stage: hull, since: 2026-01-01}\n";

#[test]
fn a_delivery_placed_by_the_reader_is_where_the_text_says() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    // Records of 9 lines from line 3: the second's `- ` on line 12, its `histories` on
    // 15, the serials' keys on 16 and 19, visits on 17, 18 and 20.
    let text = deliveries(
        "  - variant: jag\n    date: 2026-02-02\n    serials: [X1, X2]\n    histories:\n      X1:\n        - {stage: hull, since: 2026-01-01}\n        - {stage: acceptance, since: 2026-01-20}\n      X2:\n        - {stage: hull, since: 2026-01-03}\n",
    );
    let (raw, used) = parsed(&text, 1, 1, true);
    let raw = raw.unwrap();
    assert!(used, "the deliveries were not placed by the reader");
    let d = &raw.deliveries.as_ref().unwrap()[1];
    let far = &raw.far_places;
    assert_eq!(d.loc(), Loc::new(12, 5));
    assert_eq!(d.variant_loc(far), Loc::new(12, 5));
    assert_eq!(d.date_loc(far), Loc::new(13, 5));
    let histories = raw.histories.get(d.histories.range()).unwrap();
    assert_eq!(histories.len(), 2);
    assert_eq!(histories[1].at.loc(d.loc()), Loc::new(19, 7));
    let visits = raw.visits.get(histories[0].visits.range()).unwrap();
    let at: Vec<Loc> = visits.iter().map(|v| v.at.loc(d.loc())).collect();
    assert_eq!(at, [Loc::new(17, 12), Loc::new(18, 12)]);
}

#[test]
fn edited_deliveries_are_placed_as_the_locator_places_them() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    const EDITS: [&str; 12] = [
        " ",
        "\n",
        "  ",
        "- ",
        ": ",
        "x",
        "stage: ",
        "histories:\n",
        "#",
        "'",
        "{",
        "\r\n",
    ];
    let mut rng = plain_texts::Xorshift(0x51_7cc1_b727_220a);
    for round in 0..120 {
        let base = deliveries(SECONDS[round % SECONDS.len()]);
        let text = plain_texts::edited(&base, &mut rng, &EDITS);
        same_places(&text);
    }
}
