//! Plain records read by hand (`status::yaml::plain`) against serde_yaml: every text parses
//! to the same file (every record, serial, visit and place) or the same problem with the
//! reading on and off, in slices and on several threads; generated sets and the sample
//! load the same; texts that are not plain step aside.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

#[allow(dead_code)] // the harness is shared; this file uses a part of it
mod checked;
#[allow(dead_code)] // shared with other tests; this file uses a part of it
mod plain_texts;

use std::path::Path;
use std::sync::Mutex;

use fleetdash::generate::{self, Histories};
use fleetdash::status::Limits;
use fleetdash::status::yaml::{self, plain, slice, visits};

/// The switches are the process's: one test at a time flips them.
static SWITCH: Mutex<()> = Mutex::new(());

/// The slice lengths tried (4 items or fewer stay whole).
const SLICES: [usize; 3] = [1, 2, 3];

/// `text` parsed in slices of `per_slice` items, with the reading by hand on or off.
fn parsed(
    text: &str,
    per_slice: usize,
    on: bool,
) -> Result<fleetdash::status::raw::RawFile, yaml::ParseError> {
    plain::set_enabled(on);
    let parsed = yaml::parse_in_slices(text, Limits::DEFAULT, per_slice);
    plain::set_enabled(true);
    parsed
}

/// Parses `text` with the reading by hand off then on, at every slice length, with the
/// histories read by hand (`visits`) on and off, and fails with both when they differ.
/// Returns how many pieces were read by hand.
fn same_either_way(text: &str) -> usize {
    let mut by_hand = 0;
    for histories in [true, false] {
        visits::set_enabled(histories);
        for n in SLICES {
            let before = plain::pieces_read_by_hand();
            let off = parsed(text, n, false);
            assert_eq!(
                plain::pieces_read_by_hand(),
                before,
                "read by hand while off"
            );
            let on = parsed(text, n, true);
            by_hand += plain::pieces_read_by_hand() - before;
            if on != off {
                visits::set_enabled(true);
                panic!("slices of {n}: by hand:\n{on:#?}\nserde_yaml:\n{off:#?}\ntext:\n{text}");
            }
        }
    }
    visits::set_enabled(true);
    by_hand
}

/// The set in `folder` loaded as `check` loads it, on `threads` threads, with the
/// reading by hand off then on: the snapshots, the problems and the lines printed must be
/// the same.
fn loads_the_same(folder: &Path, threads: usize) {
    let load = |on: bool| {
        plain::set_enabled(on);
        let loaded = slice::with_threads(threads, || {
            checked::load(folder, vec![folder.to_path_buf()], Limits::default())
        });
        plain::set_enabled(true);
        loaded
    };
    let off = load(false);
    let before = plain::pieces_read_by_hand();
    let on = load(true);
    let read = plain::pieces_read_by_hand() - before;
    assert_eq!(on.lines, off.lines);
    assert_eq!(on.summary, off.summary);
    assert_eq!(format!("{:?}", on.snapshot), format!("{:?}", off.snapshot));
    eprintln!("{}: {read} pieces read by hand", folder.display());
}

#[test]
fn generated_sets_parse_and_load_the_same_either_way() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    for histories in [Histories::Written, Histories::LeftOut] {
        for seed in 1..=3 {
            let files = generate::files_with(&checked::spec(40, 12, seed), histories);
            let mut by_hand = 0;
            for (_, text) in &files {
                by_hand += same_either_way(text);
            }
            // Every queue file and the deliveries are cut at every slice length tried.
            assert!(by_hand >= 40, "seed {seed}: {by_hand} pieces read by hand");
        }
        // A set cut at the default slice length, loaded on one and on two threads.
        let files = generate::files_with(&checked::spec(3000, 600, 7), histories);
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in &files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        for threads in [1, 2] {
            let before = plain::pieces_read_by_hand();
            loads_the_same(dir.path(), threads);
            // About 375 vehicles per queue file, 600 delivery records: 19 slices, at
            // least, read on (the second load).
            assert!(plain::pieces_read_by_hand() - before >= 19);
        }
    }
}

#[test]
fn the_sample_loads_the_same_either_way() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
    loads_the_same(&sample, 1);
    for entry in std::fs::read_dir(&sample).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        same_either_way(&text);
    }
}

/// Four plain vehicles; the third has `edit` in place of its `lot: L26B` line.
fn queue_with(edit: &str) -> String {
    let vehicle = |n: u32, lot: &str| {
        format!(
            "  - serial: BE-GRF-{n:04}\n    variant: grf-tt\n    stage: acceptance\n    \
             since: 2026-11-10\n    due: 2027-01-21\n    site: Site 3\n{lot}\n"
        )
    };
    let mut text = "version: 1\nqueue:\n".to_owned();
    for n in 1..=4 {
        text += &vehicle(n, if n == 3 { edit } else { "    lot: L26B" });
    }
    text
}

/// Four plain delivery records; the third has `edit` in place of its `count: 2` line.
fn deliveries_with(edit: &str) -> String {
    let record = |n: u32, count: &str| {
        format!(
            "- date: 2024-04-09\n  variant: v00001\n  serials: [GEN-{n}-1, GEN-{n}-2]\n{count}\n"
        )
    };
    let mut text = "version: 1\ndeliveries:\n".to_owned();
    for n in 1..=4 {
        text += &record(n, if n == 3 { edit } else { "  count: 2" });
    }
    text
}

/// Lines of a vehicle in place of `lot: L26B`: what YAML reads in another way than as
/// plain text, or that is not a plain record, or that a `Deserialize` refuses.
fn vehicle_edits() -> Vec<String> {
    let mut edits = Vec::new();
    for word in [
        "null",
        "Null",
        "NULL",
        "~",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
        "FALSE",
        "yes",
        "Yes",
        "YES",
        "no",
        "No",
        "NO",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "y",
        "Y",
        "n",
        "N",
        "nan",
        "NaN",
        "NAN",
        "inf",
        "Inf",
        "INF",
        "infinity",
        "Infinity",
        ".inf",
        ".nan",
        "-.inf",
        "0070",
        "1e3",
        "1E3",
        "0x1F",
        "0o17",
        "0b11",
        "+5",
        "-5",
        "1_000",
        "12.5",
        "2026-1-08",
        "20261108",
        "0",
        "7",
        "123456789012345678",
        "1234567890123456789",
        "99999999999999999999",
        "\"L26B\"",
        "'L26B'",
        "L26B # a comment",
        "L26B#x",
        "L26B ",
        "&a L26B",
        "*a",
        "!!str L26B",
        "L26B: x",
        "a:b",
        "[L26B]",
        "[]",
        "{a: 1}",
        "|\n      L",
        ">\n      L",
        "L26B\n      continued",
        "Liège",
        "L26B\t",
        "\tL26B",
        "~@0",
        "~@",
        "@x",
        "%x",
        "`x",
        "L,26",
        "L(26)",
    ] {
        edits.push(format!("    lot: {word}"));
    }
    edits.extend(
        [
            "    lot:",
            "    lot: ",
            "    lot:  L26B",
            "    lot:L26B",
            "    lot : L26B",
            "    lot: L26B\n    lot: L26B",
            "    colour: green",
            "    lot: L26B\n    site: Site 4",
            "    # a comment",
            "    lot: L26B\n\n",
            "    lot: L26B\n  # a comment",
            "     lot: L26B",
            "   lot: L26B",
            "\tlot: L26B",
            "    lot:\n      - a\n      - b",
            "    lot:\n    - a\n    - b",
            "    lot:\n      a: b",
            "    \"lot\": L26B",
            "    since: 2026-02-30",
            "    due: 2026-02-30",
            "    due: null",
            "    due: ~",
            "    due:",
            "    due: 2027-13-01",
            "    due: 27-01-21",
            "    lot: &a L26B\n    hold: *a",
            "    history: ~@0",
            "    history: [~@0]",
            "    history:\n      - {stage: hull, since: 2026-06-01}\n      - {stage: acceptance, since: 2026-11-10}",
            "    history: [{stage: hull, since: 2026-06-01}, {stage: acceptance, since: 2026-11-10}]",
            "    history: []",
            "    lot:\n      - {stage: hull, since: 2026-06-01}",
            "    history:\n      - {stage: hull, since: 2026-06-01}\n      - {stage: kit, since: 2026-06-31}",
            "    history:\n      - {stage: hull, since: 2026-06-01}\n     - {stage: kit, since: 2026-07-01}",
            "    history:\n      - {stage: hull, since: 2026-06-01}\n        - {stage: kit, since: 2026-07-01}",
            "    history:\n    - {stage: hull, since: 2026-06-01}",
            "    history:\n      - {stage: hull, since: 2026-06-01}\n        extra: x",
            "    history:\n      - {stage: hull, since: 2026-06-01} ",
            "    history:\n      - {stage: hull, since: 2026-06-01}\n      - stage: kit",
            "    history:\n      - {stage: hull, since: 2026-06-01}\n    hold: ~@0",
            "    history:\n      - {stage: hull, since: 2026-06-01}\n    history: ~@0",
            "    history:\n      - {stage: hull, since: 2026-06-01}\n  - serial: BE-GRF-0009\n    variant: grf-tt\n    stage: hull\n    since: 2026-06-01\n    site: Site 3\n    history: ~@0",
            "    history: hull",
            "    hold: waiting for a part",
            "    hold: waiting for a part (engine)",
            "---",
            "...",
        ]
        .map(str::to_owned),
    );
    edits
}

#[test]
fn texts_that_are_not_plain_step_aside() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    // The base texts are read by hand: slices of 1, 2 and 3 (1 + 1, 2 + 2 and 3 + 1 of
    // the four items), histories read by hand or not.
    assert_eq!(
        same_either_way(&queue_with("    lot: L26B")),
        2 * (4 + 2 + 2)
    );
    assert_eq!(
        same_either_way(&deliveries_with("  count: 2")),
        2 * (4 + 2 + 2)
    );
    let mut by_hand = 0;
    for edit in vehicle_edits() {
        by_hand += same_either_way(&queue_with(&edit));
    }
    for edit in [
        "  count: 1000001",
        "  count: two",
        "  count: 02",
        "  count: 2.0",
        "  count: -1",
        "  count: 3",
        "  count: 2\n  serials: [A, B]",
        "  histories:\n    GEN-3-1: ~@0",
        "  histories:\n    GEN-3-1:\n      - {stage: hull, since: 2024-01-01}\n    GEN-3-2:\n      - {stage: kit, since: 2024-02-01}",
        "  histories:\n    GEN-3-1:\n      - {stage: hull, since: 2024-01-01}\n    GEN-3-2: ~@1",
        "  histories:\n    GEN-3-1:\n      - {stage: hull, since: 2024-01-01}\n    GEN-3-2:",
        "  histories:\n    GEN-3-1:\n      - {stage: hull, since: 2024-01-01}\n      GEN-3-2: x",
        "  histories:\n    GEN-3-1: [{stage: hull, since: 2024-01-01}]",
        "  histories:\n    GEN-3-1:\n      - {stage: hull, since: 2024-01-01}",
        "  histories:\n    GEN-3-1:\n    - {stage: hull, since: 2024-01-01}",
        "  histories:\n    GEN-3-1: [{stage: hull, since: 2024-01-01}]\n    GEN-3-2: \
         [{stage: kit, since: 2024-02-01}]",
        "  histories:\n    GEN-3-1: [{stage: hull, since: 2024-01-01}]\n     GEN-3-2: x",
        "  histories:\n    GEN-3-1: [{stage: hull, since: 2024-01-01}]\n   GEN-3-2: x",
        "  histories:\n    GEN-3-1: [{stage: hull, since: 2024-01-01}]\n    GEN-3-1: \
         [{stage: kit, since: 2024-02-01}]",
        "  histories: {}",
        "  histories:",
        "  serials: [A,B]",
        "  serials: [A, B,]",
        "  serials: [ A, B ]",
        "  serials: [A, [B]]",
        "  serials: [A, B] # c",
        "  serials: [A, null]",
        "  serials: [A, 0070]",
        "  serials: [A, 7]",
        "  serials: A",
    ] {
        by_hand += same_either_way(&deliveries_with(edit));
    }
    // CR LF line breaks, tabs and a last line without its break.
    for text in [queue_with("    lot: L26B"), deliveries_with("  count: 2")] {
        by_hand += same_either_way(&text.replace('\n', "\r\n"));
        by_hand += same_either_way(&text.replacen("\n", "\r\n", 5));
        by_hand += same_either_way(&text.replace("    ", "\t"));
        by_hand += same_either_way(text.trim_end());
        by_hand += same_either_way(&format!("{}\r", text.trim_end()));
    }
    // The values that are plain (a word, a whole number, a date, `Site 3`) read by hand.
    assert!(by_hand > 200, "{by_hand} pieces read by hand");
}

/// Comments and blank lines after the last item (an edit's note, an export's footer) are
/// read by hand, and parse as serde_yaml parses them; a comment between items or inside
/// a record still steps aside.
#[test]
fn comments_after_the_last_item_are_read_by_hand() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    let plain = queue_with("    lot: L26B");
    let whole = same_either_way(&plain);
    for tail in [
        "# edited by hand\n",
        "\n\n",
        "  # indented\r\n\n# last line without a break",
        "    # deeper than the keys\n",
    ] {
        let text = format!("{plain}{tail}");
        assert_eq!(same_either_way(&text), whole, "{tail:?}");
        assert_eq!(
            parsed(&text, 2, true).unwrap().queue.map(|q| q.len()),
            Some(4)
        );
    }
    for edit in [
        "    # inside\n    lot: L26B",
        "\n  # between\n    lot: L26B",
    ] {
        assert!(same_either_way(&queue_with(edit)) < whole, "{edit:?}");
    }
}

/// Some hundreds of texts made from a generated queue and deliveries by small edits at
/// random places: each parses the same either way. Deterministic: the same edits every run.
#[test]
fn edited_records_parse_the_same_either_way() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    const EDITS: [&str; 30] = [
        "#", " #", "\"", "'", "[", "]", "{", "}", "\n", "\n  ", "\n    ", " ", "  ", "&a ", "*a",
        "!!str ", "\r", "\r\n", "\t", "x", ": ", ":", ", ", ",", "- ", "9", "0", "~", "null", "é",
    ];
    let mut bases = Vec::new();
    for histories in [Histories::Written, Histories::LeftOut] {
        let files = generate::files_with(&checked::spec(12, 6, 5), histories);
        for (name, text) in files {
            if name.starts_with("queue") || name.starts_with("deliveries") {
                bases.push(text);
            }
        }
    }
    let mut rng = plain_texts::Xorshift(0x2545_f491_4f6c_dd1d);
    let mut by_hand = 0;
    for round in 0..400 {
        let text = plain_texts::edited(&bases[round % bases.len()], &mut rng, &EDITS);
        by_hand += same_either_way(&text);
    }
    // Most edits leave most slices plain.
    assert!(by_hand > 400, "{by_hand} pieces read by hand");
}
