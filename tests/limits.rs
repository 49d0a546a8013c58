//! Limits that do not contradict each other (issue 12, point 10): a plain file under
//! `max_file_bytes` loads, whatever its number of entries, when it is read in slices;
//! `max_entries` bounds what the YAML library holds at once: a file read whole (flow
//! style, aliases) or one slice of a long list, aliases expanded.
//!
//! `fleetdash generate --queue 1000000` writes site files of 17.8 MB, each above the
//! default `max_entries`; the same rule is shown here on a generated set a hundred times
//! smaller, with `max_entries` lowered to match.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;

use fleetdash::domain::Date;
use fleetdash::generate::{self, Spec};
use fleetdash::status::yaml::{self, guard};
use fleetdash::status::{Limits, Loader};

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a date")
}

/// Limits a hundred times below the defaults' entries.
const SMALL: Limits = Limits {
    max_entries: 10_000,
    ..Limits::DEFAULT
};

fn spec() -> Spec {
    Spec {
        variants: 4,
        queue: 8_000,
        deliveries: 200,
        seed: 7,
        today: today(),
    }
}

/// The text of the first queue file of the generated set.
fn site_file() -> String {
    generate::files(&spec())
        .into_iter()
        .find(|(name, _)| name.contains("queue"))
        .expect("a queue file")
        .1
}

fn entries(text: &str) -> usize {
    let unlimited = Limits {
        max_entries: usize::MAX,
        ..Limits::DEFAULT
    };
    guard::scan(text, unlimited).expect("scans").entries
}

#[test]
fn a_plain_file_above_max_entries_loads_in_slices() {
    let site = site_file();
    assert!(entries(&site) > SMALL.max_entries, "the rule is shown");
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in generate::files(&spec()) {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
        fs::write(path, text).expect("write");
    }
    let status = if dir.path().join("status").is_dir() {
        dir.path().join("status")
    } else {
        dir.path().to_path_buf()
    };
    let snapshot = Loader::new(vec![status], SMALL).load(today());
    assert!(
        snapshot.problems.is_empty(),
        "{:#?}",
        &snapshot.problems[..snapshot.problems.len().min(3)]
    );
    assert_eq!(snapshot.programme.queue.len(), spec().queue);
}

#[test]
fn what_is_read_whole_is_held_to_max_entries() {
    // One list in flow style: read whole, so its entries count together.
    let items: Vec<String> = (0..SMALL.max_entries).map(|i| format!("S{i}")).collect();
    let flow = format!(
        "version: 1\ndeliveries:\n  - date: 2026-01-02\n    variant: a\n    serials: [{}]\n",
        items.join(", ")
    );
    let e = yaml::parse_within(&flow, SMALL).expect_err("refused");
    assert!(
        e.message
            .starts_with("the file holds more than 10000 entries (limits.max_entries)"),
        "{}",
        e.message
    );
    assert_eq!(e.loc.line, 5);
    // The same file loads under the default limits.
    assert!(yaml::parse_within(&flow, Limits::DEFAULT).is_ok());
}

#[test]
fn aliases_are_held_to_max_entries_expanded() {
    let mut text = String::from(
        "version: 1\nvariants:\n  - &v {id: a, family: F, name: A, contracted: 1, attributes: {",
    );
    text.push_str(
        &(0..50)
            .map(|i| format!("k{i}: x"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    text.push_str("}}\n");
    for _ in 0..200 {
        text.push_str("  - *v\n");
    }
    assert!(entries(&text) < SMALL.max_entries, "small as written");
    let e = yaml::parse_within(&text, SMALL).expect_err("refused");
    assert!(
        e.message
            .starts_with("the file expands to more than 10000 entries"),
        "{}",
        e.message
    );
}

#[test]
fn a_mistake_in_a_file_above_max_entries_is_placed_as_in_the_whole_file() {
    let site = site_file();
    // A date made impossible far down the file, in the third slice.
    let line = site
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("since: "))
        .nth(600)
        .map(|(i, _)| i)
        .expect("600 vehicles");
    let bad: Vec<String> = site
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == line {
                l.split("since: ").next().unwrap_or_default().to_owned() + "since: 2026-02-30"
            } else {
                l.to_owned()
            }
        })
        .collect();
    let bad = bad.join("\n") + "\n";
    let whole = yaml::parse_within(&bad, Limits::DEFAULT).expect_err("a bad date");
    let sliced = yaml::parse_within(&bad, SMALL).expect_err("a bad date");
    assert_eq!(sliced, whole);
    assert_eq!(whole.loc.line as usize, line + 1);
    assert!(
        whole
            .message
            .starts_with("queue[600].since: `2026-02-30` is not a date"),
        "{}",
        whole.message
    );
}

#[test]
fn a_mistake_after_a_long_list_is_placed_as_in_the_whole_file() {
    let bad = site_file() + "deliveries: 7\n";
    let whole = yaml::parse_within(&bad, Limits::DEFAULT).expect_err("a number for a list");
    let sliced = yaml::parse_within(&bad, SMALL).expect_err("a number for a list");
    assert_eq!(sliced, whole);
    assert_eq!(whole.loc.line as usize, bad.lines().count());
}
