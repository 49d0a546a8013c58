//! Stage histories read by hand (`status::yaml::visits`) against serde_yaml: every text
//! loads the same with the reading by hand on and off, to the last visit, place and
//! problem, whole and in slices, generated sets and hand-written texts alike.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

#[allow(dead_code)] // the harness is shared; this file uses a part of it
mod checked;
#[allow(dead_code)] // shared with other tests; this file uses a part of it
mod plain_texts;

use std::sync::Mutex;

use fleetdash::generate::{self, Histories};
use fleetdash::status::Limits;
use fleetdash::status::yaml::{self, visits};
use plain_texts::{PLAIN, PROGRAMME, deliveries, hand_written, queue};

/// The switch is the process's: one test at a time flips it.
static SWITCH: Mutex<()> = Mutex::new(());

/// The slice lengths tried, `usize::MAX` reading every file whole.
const SLICES: [usize; 4] = [usize::MAX, 1, 2, 3];

/// Everything `yaml::parse_in_slices` gives for `text`, every table and place included.
fn parsed(text: &str, per_slice: usize) -> String {
    format!(
        "{:#?}",
        yaml::parse_in_slices(text, Limits::DEFAULT, per_slice)
    )
}

/// Parses `text` with the reading by hand off then on, at every slice length, and fails
/// with both when they differ. Returns how many pieces were read by hand.
fn same_either_way(text: &str) -> usize {
    let mut by_hand = 0;
    for n in SLICES {
        visits::set_enabled(false);
        let before = visits::pieces_read_by_hand();
        let off = parsed(text, n);
        assert_eq!(
            visits::pieces_read_by_hand(),
            before,
            "read by hand while off"
        );
        visits::set_enabled(true);
        let on = parsed(text, n);
        by_hand += visits::pieces_read_by_hand() - before;
        assert!(
            on == off,
            "slices of {n}: by hand:\n{on}\nserde_yaml:\n{off}\ntext:\n{text}"
        );
    }
    by_hand
}

/// The set of `spec` loaded as `check` loads it, with the reading by hand off then on:
/// the snapshots (programme, problems, files) and the lines printed must be the same.
fn loads_the_same(files: &[(String, String)]) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let load = || {
        checked::load(
            dir.path(),
            vec![dir.path().to_path_buf()],
            Limits::default(),
        )
    };
    visits::set_enabled(false);
    let off = load();
    visits::set_enabled(true);
    let on = load();
    assert_eq!(on.lines, off.lines);
    assert_eq!(on.summary, off.summary);
    assert_eq!(without_times(&on.snapshot), without_times(&off.snapshot));
}

/// The snapshot's `Debug` without the times in it (when a file went stale).
fn without_times(s: &fleetdash::status::Snapshot) -> String {
    let text = format!("{s:?}");
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("SystemTime {") {
        out.push_str(&rest[..at]);
        rest = rest[at..].split_once('}').map_or("", |(_, after)| after);
    }
    out + rest
}

#[test]
fn generated_sets_load_the_same_either_way() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    for seed in 1..=4 {
        let files = generate::files_with(&checked::spec(40, 12, seed), Histories::Written);
        let mut by_hand = 0;
        for (_, text) in &files {
            by_hand += same_either_way(text);
        }
        // The queue files and the deliveries, at every slice length.
        assert!(by_hand >= 8, "seed {seed}: {by_hand} pieces read by hand");
        loads_the_same(&files);
    }
    // A set large enough to be cut at the default slice length.
    let files = generate::files_with(&checked::spec(3000, 600, 7), Histories::Written);
    let before = visits::pieces_read_by_hand();
    loads_the_same(&files);
    assert!(visits::pieces_read_by_hand() - before > 8);
}

#[test]
fn hand_written_histories_load_the_same_either_way() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    let mut by_hand = 0;
    for text in hand_written() {
        by_hand += same_either_way(&text);
        let name = if text.contains("deliveries:") {
            "deliveries.yaml"
        } else {
            "queue.yaml"
        };
        loads_the_same(&[
            ("programme.yaml".to_owned(), PROGRAMME.to_owned()),
            (name.to_owned(), text),
        ]);
    }
    assert!(by_hand > 20, "{by_hand} pieces read by hand");
}

/// A few thousand texts made from a plain history by small edits at random places (a
/// comment, a quote, a bracket, a line break, spaces, an anchor, a tag, a digit): each
/// parses the same either way. Deterministic: the same edits every run.
#[test]
fn edited_histories_parse_the_same_either_way() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    const EDITS: [&str; 22] = [
        "#", " #", "\"", "'", "[", "]", "{", "}", "\n", "\n  ", "\n      ", " ", "  ", "&a ", "*a",
        "!!str ", "\r", "x", ": ", ", ", "- ", "9",
    ];
    let base = format!(
        "{}{}",
        queue(PLAIN),
        deliveries(&PLAIN.replace("      ", "        ").replacen(
            '\n',
            "\n      BE-GRF-0051:\n",
            1
        ))
        .replace("version: 1\n", "")
    );
    let mut rng = plain_texts::Xorshift(0x9e37_79b9_7f4a_7c15);
    let mut by_hand = 0;
    for _ in 0..1500 {
        let text = plain_texts::edited(&base, &mut rng, &EDITS);
        by_hand += same_either_way(&text);
    }
    // Most edits leave some history plain.
    assert!(by_hand > 1500, "{by_hand} pieces read by hand");
}
