//! Invisible characters (issue 12, point 7): zero-width, format and no-break characters
//! never make two different serials or ids look alike, and every message names the
//! character and its place.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;

use fleetdash::domain::Date;
use fleetdash::status::yaml;
use fleetdash::status::{Limits, Loader, Loc, Snapshot};

const PROGRAMME: &str = "\
version: 1
programme:
  name: Test Fleet
  first_year: 2025
  last_year: 2027
variants:
  - id: grf-tt
    family: Griffon
    name: Griffon troop transport
    contracted: 10
stages:
  - id: hull
    name: Hull received
";

fn vehicle(serial: &str, site: &str) -> String {
    format!(
        "  - serial: \"{serial}\"\n    variant: grf-tt\n    stage: hull\n    since: 2026-10-01\n    site: {site}\n"
    )
}

/// Loads the programme above with `queue` (items) and `deliveries` (items).
fn load(queue: &str, deliveries: &str) -> Snapshot {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join("programme.yaml"), PROGRAMME).expect("write");
    fs::write(
        dir.path().join("queue.yaml"),
        format!("version: 1\nqueue:\n{queue}"),
    )
    .expect("write");
    if !deliveries.is_empty() {
        fs::write(
            dir.path().join("deliveries.yaml"),
            format!("version: 1\ndeliveries:\n{deliveries}"),
        )
        .expect("write");
    }
    let day = Date::from_ymd_opt(2026, 11, 26).expect("a date");
    let mut s = Loader::new(vec![dir.path().to_path_buf()], Limits::default()).load(day);
    // Places in messages, as for files: relative to the folder.
    let folder = format!("{}/", dir.path().display());
    for p in &mut s.problems {
        p.message = p.message.replace(&folder, "");
    }
    s
}

/// The problems as `check` prints them, without the folder.
fn lines(s: &Snapshot) -> Vec<String> {
    s.problems
        .iter()
        .map(|p| {
            let file = p.file.as_deref().unwrap_or("");
            let file = file.rsplit('/').next().unwrap_or(file);
            format!(
                "{file}:{}:{}: {}: {}",
                p.loc.line, p.loc.column, p.severity, p.message
            )
        })
        .collect()
}

#[test]
fn a_zero_width_space_does_not_hide_a_delivered_vehicle() {
    let s = load(
        &vehicle("TR-009\u{200b}", "S"),
        "  - date: 2026-03-02\n    variant: grf-tt\n    serials: [TR-009]\n",
    );
    assert_eq!(
        lines(&s),
        [
            "deliveries.yaml:5:5: error: vehicle TR-009 is delivered on 2026-03-02 but still in the queue (queue.yaml:3): remove it from the queue",
            "queue.yaml:3:20: warning: a zero-width space U+200B after `serial: \"TR-009`: it cannot be seen and is read as nothing: delete it",
        ]
    );
    assert_eq!(s.programme.queue[0].serial.as_str(), "TR-009");
}

#[test]
fn two_serials_that_look_alike_are_the_same_serial() {
    let s = load(
        &(vehicle("TR-001\u{200b}", "S") + &vehicle("TR-001", "S")),
        "",
    );
    assert_eq!(
        lines(&s),
        [
            "queue.yaml:3:20: warning: a zero-width space U+200B after `serial: \"TR-001`: it cannot be seen and is read as nothing: delete it",
            "queue.yaml:8:5: error: vehicle TR-001 is in the queue twice (first in queue.yaml:3): remove one",
        ]
    );
}

#[test]
fn a_no_break_space_in_free_text_is_a_space_and_no_warning() {
    let s = load(&vehicle("TR-002", "CMI\u{a0}Defence"), "");
    assert!(s.problems.is_empty(), "{:#?}", s.problems);
    assert_eq!(s.programme.sites, ["CMI Defence"]);
}

#[test]
fn a_no_break_space_after_a_colon_is_named() {
    let text = "version: 1\nqueue:\n  - serial: A\n    variant: grf-tt\n    stage:\u{a0}hull\n";
    let e = yaml::parse(text).expect_err("refused");
    assert_eq!(e.loc, Loc::new(5, 11));
    assert_eq!(
        e.message,
        "a no-break space U+00A0 after `stage:`: YAML does not read it as a space: \
         write an ordinary space instead"
    );
}

#[test]
fn a_no_break_space_before_a_colon_is_named() {
    let text = "version: 1\nqueue:\n  - serial: A\n    variant\u{a0}: grf-tt\n";
    let e = yaml::parse(text).expect_err("refused");
    assert_eq!(e.loc, Loc::new(4, 12));
    assert_eq!(
        e.message,
        "a no-break space U+00A0 after `variant`: YAML does not read it as a space: \
         write an ordinary space instead"
    );
}

#[test]
fn every_kind_is_named_and_a_flood_is_counted() {
    let odd = [
        '\u{2060}',
        '\u{ad}',
        '\u{feff}',
        '\u{200d}',
        '\u{2003}',
        '\u{e0041}',
    ];
    let queue: String = (0..14)
        .map(|i| vehicle(&format!("Q-{i}{}", odd[i % odd.len()]), "S"))
        .collect();
    let s = load(&queue, "");
    let l: Vec<String> = lines(&s)
        .into_iter()
        .filter(|l| l.starts_with("queue.yaml"))
        .collect();
    assert_eq!(l.len(), 11, "{l:#?}");
    assert_eq!(
        l[0],
        "queue.yaml:0:0: warning: and 4 more invisible characters in this file, read the same way"
    );
    assert!(
        l[1].starts_with("queue.yaml:3:17: warning: a word joiner U+2060 after `serial: \"Q-0`"),
        "{}",
        l[1]
    );
    assert!(l[2].contains("a soft hyphen U+00AD"), "{}", l[2]);
    assert!(l[5].contains("a typographic space U+2003"), "{}", l[5]);
    assert!(l[6].contains("a tag character U+E0041"), "{}", l[6]);
}
