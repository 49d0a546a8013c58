//! The loader on mutated status files: whatever is done to a file (bytes and lines
//! deleted, inserted, duplicated or swapped, control characters and YAML indicators
//! inserted, the file cut short), loading never panics and always returns, every problem
//! is free of control characters, the files left alone still load, and a file read a
//! slice at a time reads as it does whole.
//!
//! Bounded for CI: a fixed number of cases (`PROPTEST_CASES` overrides it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use proptest::prelude::*;

mod sliced;

use fleetdash::domain::Date;
use fleetdash::status::yaml::{self, guard};
use fleetdash::status::{Limits, Loader, Problem};

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status")
}

/// The sample's files, by name, in name order.
fn sample() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(sample_dir())
        .expect("the sample")
        .map(|e| {
            let path = e.expect("an entry").path();
            let name = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            (name, fs::read(&path).expect("readable"))
        })
        .collect();
    files.sort();
    files
}

/// What may be inserted: YAML's indicators, white space, control characters (C0, DEL,
/// C1, bidi), and text in several scripts.
const PIECES: &[&str] = &[
    "-",
    "- ",
    ":",
    ": ",
    "?",
    ",",
    "[",
    "]",
    "{",
    "}",
    "#",
    "&a ",
    "*a",
    "!",
    "|",
    ">",
    "'",
    "\"",
    "\"\": ",
    "%",
    "@",
    "`",
    "---\n",
    "...\n",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{1b}]52;c;aGk=\u{7}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{202e}",
    "\u{feff}",
    "\\e",
    "\\x9b",
    "x",
    "1",
    "1e30",
    "-5",
    "2026-02-30",
    "null",
    "~",
    "装甲",
    "🚙",
    "é",
];

#[derive(Debug, Clone)]
enum Mutation {
    DeleteBytes { at: usize, len: usize },
    Insert { at: usize, piece: usize },
    InsertByte { at: usize, byte: u8 },
    DuplicateBytes { at: usize, len: usize },
    DeleteLine { line: usize },
    DuplicateLine { line: usize, to: usize },
    SwapBytes { a: usize, b: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Positions are fractions of the file's length, taken when the mutation is applied.
    let at = any::<usize>();
    prop_oneof![
        (at, 1..40usize).prop_map(|(at, len)| Mutation::DeleteBytes { at, len }),
        (at, 0..PIECES.len()).prop_map(|(at, piece)| Mutation::Insert { at, piece }),
        (at, any::<u8>()).prop_map(|(at, byte)| Mutation::InsertByte { at, byte }),
        (at, 1..200usize).prop_map(|(at, len)| Mutation::DuplicateBytes { at, len }),
        at.prop_map(|line| Mutation::DeleteLine { line }),
        (at, at).prop_map(|(line, to)| Mutation::DuplicateLine { line, to }),
        (at, at).prop_map(|(a, b)| Mutation::SwapBytes { a, b }),
        at.prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let n = bytes.len();
    let pos = |i: usize| if n == 0 { 0 } else { i % (n + 1) };
    let line_spans = |bytes: &[u8]| -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                spans.push((start, i + 1));
                start = i + 1;
            }
        }
        if start < bytes.len() {
            spans.push((start, bytes.len()));
        }
        spans
    };
    match *m {
        Mutation::DeleteBytes { at, len } => {
            let at = pos(at);
            bytes.drain(at..(at + len).min(n));
        }
        Mutation::Insert { at, piece } => {
            let at = pos(at);
            bytes.splice(at..at, PIECES[piece].bytes());
        }
        Mutation::InsertByte { at, byte } => bytes.insert(pos(at), byte),
        Mutation::DuplicateBytes { at, len } => {
            let at = pos(at);
            let copy = bytes[at..(at + len).min(n)].to_vec();
            bytes.splice(at..at, copy);
        }
        Mutation::DeleteLine { line } => {
            let spans = line_spans(bytes);
            if !spans.is_empty() {
                let (s, e) = spans[line % spans.len()];
                bytes.drain(s..e);
            }
        }
        Mutation::DuplicateLine { line, to } => {
            let spans = line_spans(bytes);
            if !spans.is_empty() {
                let (s, e) = spans[line % spans.len()];
                let copy = bytes[s..e].to_vec();
                let at = spans[to % spans.len()].0;
                bytes.splice(at..at, copy);
            }
        }
        Mutation::SwapBytes { a, b } => {
            if n > 0 {
                bytes.swap(a % n, b % n);
            }
        }
        Mutation::Truncate { at } => bytes.truncate(pos(at)),
    }
}

/// C0 controls but the newline, DEL, C1 controls and bidirectional controls.
fn forbidden(c: char) -> bool {
    (c < ' ' && c != '\n')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

fn assert_clean(p: &Problem) -> Result<(), TestCaseError> {
    let shown = p.to_string();
    prop_assert!(!p.message.is_empty(), "an empty message: {shown:?}");
    prop_assert!(
        !shown.chars().any(forbidden),
        "a control character in {shown:?}"
    );
    Ok(())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(96)
}

/// Much more than a load of the sample takes in a debug build; far less than the
/// minutes the attacks took before the guards.
const SLOW: Duration = Duration::from_secs(10);

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        max_shrink_iters: 200,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_files_load_with_clean_problems(
        file in 0..5usize,
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let files = sample();
        prop_assert_eq!(files.len(), 5);
        let (name, original) = &files[file];
        let mut bytes = original.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }

        // The parser alone, on the text as far as it is text.
        let text = String::from_utf8_lossy(&bytes);
        let start = Instant::now();
        let parsed = yaml::parse(&text);
        prop_assert!(start.elapsed() < SLOW, "parse took {:?}", start.elapsed());
        if let Err(e) = &parsed {
            prop_assert!(!e.message.is_empty());
        }
        // The guard's count errs on the high side, within reason, where the YAML library
        // reads the text (it is what bounds the memory before parsing).
        let unlimited = Limits { max_entries: usize::MAX, max_depth: 120, ..Limits::DEFAULT };
        if let (Ok(shape), Ok(exact)) = (guard::scan(&text, unlimited), guard::count(&text, unlimited))
            && !shape.aliases
        {
            prop_assert!(
                exact <= 2 * shape.entries + 8,
                "the scan counts {} values where the YAML library sees {exact}",
                shape.entries
            );
        }

        // The loader and the merge, on the whole set with one file mutated.
        let dir = tempfile::tempdir().expect("a temporary folder");
        for (n, content) in &files {
            let content = if n == name { &bytes } else { content };
            fs::write(dir.path().join(n), content).expect("write");
        }
        let start = Instant::now();
        let snapshot = Loader::new(vec![dir.path().to_path_buf()], Limits::default()).load(today());
        prop_assert!(start.elapsed() < SLOW, "load took {:?}", start.elapsed());
        for p in &snapshot.problems {
            assert_clean(p)?;
        }
        prop_assert_eq!(snapshot.files.len(), 5);
        if name != "programme.yaml" {
            // The programme's own file was left alone: the set still has its programme.
            prop_assert_eq!(snapshot.programme.name(), "CaMo Belgium");
        }
        // The files left alone still count: each is read and healthy.
        for f in &snapshot.files {
            if !f.name.ends_with(name.as_str()) {
                prop_assert_eq!(&f.health, &fleetdash::status::FileHealth::Good, "{}", f.name);
            }
        }
    }

    /// Whatever the mutation, a file read a slice at a time reads as it does whole: the
    /// same records and places, or the same problem at the same place.
    #[test]
    fn mutated_files_read_the_same_in_slices(
        file in 0..5usize,
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let files = sample();
        let mut bytes = files[file].1.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = sliced::same_whatever_the_slices(&text) {
            prop_assert!(false, "{}", e);
        }
    }
}
