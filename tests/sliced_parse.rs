//! Reading a file a slice at a time (`status::yaml::slice`) gives what reading it whole
//! gives: on every fixture (valid, invalid, hostile), the sample and generated sets, with
//! a cut between every pair of items.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod sliced;

use std::fs;
use std::path::{Path, PathBuf};

use fleetdash::domain::Date;
use fleetdash::generate::{self, Spec};
use fleetdash::status::Limits;
use fleetdash::status::yaml::{self, guard, slice};

use sliced::same_whatever_the_slices;

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("a fixture folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(p);
        }
    }
}

#[test]
fn every_fixture_and_the_sample_read_the_same_in_slices() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    yaml_files(&root.join("tests/fixtures"), &mut files);
    yaml_files(&root.join("config/status"), &mut files);
    assert!(files.len() > 100, "only {} fixtures found", files.len());
    let mut cut = 0;
    for path in &files {
        // Files that are not text (the binary fixture) are read as the loader would not:
        // lossily, which still makes a text to compare on.
        let text = String::from_utf8_lossy(&fs::read(path).expect("readable")).into_owned();
        match same_whatever_the_slices(&text) {
            Ok(n) => cut += usize::from(n > 0),
            Err(e) => panic!("{}: {e}", path.display()),
        }
    }
    // The comparison means something only where files were cut.
    assert!(cut >= 20, "only {cut} fixtures were cut into slices");
}

fn spec(queue: usize, deliveries: usize) -> Spec {
    Spec {
        variants: 4,
        queue,
        deliveries,
        seed: 7,
        today: Date::from_ymd_opt(2026, 11, 26).expect("a valid date"),
    }
}

#[test]
fn generated_sets_read_the_same_in_slices() {
    for (name, text) in generate::files(&spec(300, 80)) {
        let cut = same_whatever_the_slices(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        if name.starts_with("queue") || name.starts_with("deliveries") {
            assert_eq!(cut, sliced::SLICES.len(), "{name} was not cut every time");
        }
    }
}

/// The first queue file of a generated set of 4 000 vehicles: 500 of them.
fn long_queue_file() -> String {
    generate::files(&spec(4000, 10))
        .into_iter()
        .find(|(n, _)| n.starts_with("queue"))
        .map(|(_, text)| text)
        .expect("a queue file")
}

#[test]
fn long_lists_are_read_in_slices_of_the_set_length() {
    let text = &long_queue_file();
    let (_, outline) = guard::outline(text, Limits::DEFAULT).expect("within the limits");
    let cut = slice::cut(text, &outline, slice::ITEMS_PER_SLICE).expect("the queue is cut");
    let items = cut.lists[0].items;
    assert!(items > slice::ITEMS_PER_SLICE, "{items} items");
    assert_eq!(
        cut.lists[0].slices.len(),
        items.div_ceil(slice::ITEMS_PER_SLICE)
    );
    let raw = cut.parse().expect("every slice parses");
    assert_eq!(raw.queue.as_ref().map(Vec::len), Some(items));
    // And through the parser's front door, with the places found in the whole text.
    let parsed = yaml::parse(text).expect("parses");
    let last = parsed.queue.as_ref().and_then(|q| q.last()).expect("items");
    let line = text.lines().count() as u32;
    assert!(
        last.loc().line > line - 12,
        "the last item is at line {}",
        last.loc().line
    );
}

#[test]
fn a_bad_item_in_a_slice_is_reported_as_the_whole_file_reports_it() {
    let text = &long_queue_file();
    // In the second slice the parser reads.
    let at = text
        .match_indices("    stage: ")
        .nth(slice::ITEMS_PER_SLICE + 100)
        .expect("an item")
        .0;
    let bad = format!("{}    colour: green\n{}", &text[..at], &text[at..]);
    let line = bad[..at].lines().count() as u32 + 1;
    let e = yaml::parse(&bad).expect_err("an unknown field");
    assert_eq!(e.loc.line, line, "{e:?}");
    assert!(
        e.message.contains("unknown field `colour`"),
        "{}",
        e.message
    );
    same_whatever_the_slices(&bad).unwrap();
}
