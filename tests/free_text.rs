//! Free text comes out exactly as written (issue 12, point 6): YAML would read `2.10`,
//! `40.0`, `1e3` or `0x1F` as numbers, and an attribute, a name, a site or a hold reason
//! is text. An empty value is empty text, not a refusal of the file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;

use fleetdash::domain::{Date, Programme};
use fleetdash::status::{Limits, Loader, Snapshot};

const SET: &str = "\
version: 1
programme:
  name: 2.10
  customer: 0x1F
  prime: 1e3
  final_assembler: 40.0
  first_year: 2025
  last_year: 2027
variants:
  - id: grf-tt
    family: 1.0
    name: 007
    contracted: 2
    attributes:
      software: 2.10
      calibre: 40.0
      drawing: 1e3
      part: 0x1F
      spare: ~
      empty:
      octal: 0o17
      flag: yes
      stamp: 2026-01-02
      quoted: \"2.10\"
stages:
  - id: hull
    name: 1.50
queue:
  - serial: BE-1
    variant: grf-tt
    stage: hull
    since: 2026-01-02
    site: 12.50
    lot: 0x10
    hold: 1e3
";

fn load(text: &str) -> Snapshot {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join("set.yaml"), text).expect("write");
    let mut loader = Loader::new(vec![dir.path().to_path_buf()], Limits::default());
    loader.load(Date::from_ymd_opt(2026, 11, 26).expect("a date"))
}

fn programme(s: &Snapshot) -> &Programme {
    assert!(s.problems.is_empty(), "{:#?}", s.problems);
    &s.programme
}

#[test]
fn attributes_keep_the_characters_written() {
    let s = load(SET);
    let v = &programme(&s).variants[0];
    let attributes: Vec<(&str, &str)> = v
        .attributes
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        attributes,
        [
            ("software", "2.10"),
            ("calibre", "40.0"),
            ("drawing", "1e3"),
            ("part", "0x1F"),
            ("spare", ""),
            ("empty", ""),
            ("octal", "0o17"),
            ("flag", "yes"),
            ("stamp", "2026-01-02"),
            ("quoted", "2.10"),
        ]
    );
}

#[test]
fn names_sites_and_reasons_keep_the_characters_written() {
    let s = load(SET);
    let p = programme(&s);
    let info = p.info.as_ref().expect("the programme");
    assert_eq!(info.name, "2.10");
    assert_eq!(info.customer.as_deref(), Some("0x1F"));
    assert_eq!(info.prime.as_deref(), Some("1e3"));
    assert_eq!(info.final_assembler.as_deref(), Some("40.0"));
    assert_eq!(p.families[0].name, "1.0");
    assert_eq!(p.variants[0].name, "007");
    assert_eq!(p.stages[0].name, "1.50");
    assert_eq!(p.sites, ["12.50"]);
    let v = &p.queue[0];
    assert_eq!(v.lot.as_deref(), Some("0x10"));
    assert_eq!(v.hold.as_deref(), Some("1e3"));
}

#[test]
fn an_empty_attribute_does_not_refuse_the_file() {
    let s = load(
        "version: 1\nprogramme:\n  name: X\n  first_year: 2025\n  last_year: 2027\n\
         variants:\n  - id: a\n    family: F\n    name: A\n    contracted: 1\n    \
         attributes:\n      spare: ~\n",
    );
    let p = programme(&s);
    assert_eq!(p.variants.len(), 1);
    assert_eq!(
        p.variants[0].attributes,
        [("spare".to_owned(), String::new())]
    );
}
