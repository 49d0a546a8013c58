//! Tests of the locator: sections, entries, keys and values found at their places.

use super::*;

const TEXT: &str = "\
version: 1
# a comment
queue:
  - serial: A-1
    variant: tt
    stage: paint
  -   serial: A-2
    variant: cp

  - {serial: A-3, variant: amb, stage: hull}
plan:
  2025: { tt: 3, cp: 1 }
  2026:
    tt: 4
deliveries: []
";

#[test]
fn finds_sections_and_entries() {
    let s = sections(TEXT);
    let names: Vec<_> = s.iter().map(|s| s.name).collect();
    assert_eq!(names, ["version", "queue", "plan", "deliveries"]);
    let queue = &s[1];
    assert_eq!(queue.loc, Loc::new(3, 1));
    assert_eq!(queue.entries.len(), 3);
    assert_eq!(queue.entries[0].loc, Loc::new(4, 5));
    assert_eq!(queue.entries[1].loc, Loc::new(7, 7));
    assert_eq!(queue.entries[2].loc, Loc::new(10, 5));
    assert!(s[3].entries.is_empty());
}

#[test]
fn finds_keys_and_values_in_entries() {
    let s = sections(TEXT);
    let queue = &s[1];
    assert_eq!(queue.entries[0].key("stage"), Some(Loc::new(6, 5)));
    assert_eq!(queue.entries[1].key("variant"), Some(Loc::new(8, 5)));
    assert_eq!(queue.entries[2].key("variant"), Some(Loc::new(10, 19)));
    assert_eq!(queue.entries[2].value("amb"), Some(Loc::new(10, 28)));
    assert_eq!(queue.entries[0].key("site"), None);
    let plan = &s[2];
    assert_eq!(entry_key(&plan.entries[0]), "2025");
    assert_eq!(plan.entries[0].key("cp"), Some(Loc::new(12, 18)));
    assert_eq!(plan.entries[1].key("tt"), Some(Loc::new(14, 5)));
}

#[test]
fn keys_after_a_place_are_found_in_one_pass() {
    let text = "\
queue:
  - serial: A
    history:
      - {stage: hull, since: 2026-01-02}
      - stage: paint
        since: 2026-02-03
    stage: paint
    since: 2026-02-03
";
    let s = sections(text);
    let e = &s[0].entries[0];
    let history = e.key("history").unwrap();
    assert_eq!(history, Loc::new(3, 5));
    assert_eq!(
        e.keys_after("stage", history),
        [Loc::new(4, 10), Loc::new(5, 9), Loc::new(7, 5)]
    );
    // From the entry's first place: every one; `stages:` is another key.
    assert_eq!(e.keys_after("since", Loc::UNKNOWN).len(), 3);
    assert!(e.keys_after("stag", Loc::UNKNOWN).is_empty());
}

#[test]
fn a_serial_key_is_found_past_plain_visit_lines() {
    let text = "\
deliveries:
  - date: 2021-02-15
    serials: [G-1, G-2]
    histories:
      G-1:
        - {stage: hull, since: 2020-10-26}
        - {stage: G-2, since: 2020-11-21}
      G-2:
        - {stage: kit, since: 2020-11-09}
";
    let s = sections(text);
    let e = &s[0].entries[0];
    let at = e.key("histories").unwrap();
    assert_eq!(at, Loc::new(4, 5));
    // Not in `serials:` (before `at`), nor the stage id `G-2`: the key at line 8.
    assert_eq!(e.first_key_after("G-1", at), Some(Loc::new(5, 7)));
    assert_eq!(e.first_key_after("G-2", at), Some(Loc::new(8, 7)));
    assert_eq!(e.keys_after("G-2", Loc::UNKNOWN), [Loc::new(8, 7)]);
    assert_eq!(e.first_key_after("G-3", at), None);
    // All in one pass, from the line of `histories:`: the same places.
    let (at_too, line) = e.key_line("histories").unwrap();
    assert_eq!(at_too, at);
    assert_eq!(
        e.first_keys_after(&["G-2", "G-3", "G-1", ""], at, line),
        [Some(Loc::new(8, 7)), None, Some(Loc::new(5, 7)), None]
    );
    assert_eq!(
        e.keys_after_from("stage", at, line),
        [Loc::new(6, 12), Loc::new(7, 12), Loc::new(9, 12)]
    );
}

#[test]
fn sequence_at_the_key_indentation() {
    let text = "queue:\n- serial: A\n  stage: x\n- serial: B\nplan:\n";
    let s = sections(text);
    assert_eq!(s[0].entries.len(), 2);
    assert_eq!(s[0].entries[1].key("serial"), Some(Loc::new(4, 3)));
    assert_eq!(s[1].name, "plan");
}
