//! Tests of the YAML layer: messages, places and located entries.

use super::reword::unescape_debug;
use super::*;

#[test]
fn unknown_field_suggests_the_closest() {
    let text = "version: 1\nvariants:\n  - id: a\n    family: F\n    name: A\n    contractd: 3\n";
    let e = parse(text).unwrap_err();
    assert_eq!(e.loc, Loc::new(6, 5));
    assert!(
        e.message
            .starts_with("variants[0]: unknown field `contractd`; did you mean `contracted`?"),
        "{}",
        e.message
    );
}

#[test]
fn long_quoted_text_leaves_room_for_the_advice() {
    let long = "x".repeat(5000);
    let key = "x".repeat(1000);
    let e = parse(&format!("version: 1\n{key}expected: 1\n")).unwrap_err();
    assert!(e.message.ends_with(
        "…` (the fields here are: version, programme, variants, stages, plan, queue, deliveries)"
    ), "{}", e.message);
    assert!(
        e.message.chars().count() < crate::text::MAX_CHARS,
        "{}",
        e.message
    );
    let e = parse(&format!("deliveries:\n  - date: \"{long}\"\n")).unwrap_err();
    assert!(
        e.message
            .ends_with("…` is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31"),
        "{}",
        e.message
    );
    let e = parse(&format!("variants:\n  - contracted: \"{long}\"\n")).unwrap_err();
    assert!(
        e.message
            .ends_with("…`: write the number without quotes or units"),
        "{}",
        e.message
    );
}

#[test]
fn syntax_error_has_line_and_column() {
    let e = parse("version: 1\nqueue:\n  - serial: \"BE\n").unwrap_err();
    assert_eq!(e.loc, Loc::new(3, 13));
    assert_eq!(
        e.message,
        "this quoted text is never closed: add the closing quote"
    );
    let e = parse("version: 1\nplan: {2025: {a: 1}\n").unwrap_err();
    assert_eq!(e.loc, Loc::new(2, 7));
    assert!(e.message.contains("never closed"), "{}", e.message);
}

#[test]
fn type_errors_say_what_was_found_and_what_belongs() {
    let cases = [
        (
            "version: one\n",
            "the format version is a whole number: write `version: 1`",
        ),
        (
            "version: -3\n",
            "the format version is a whole number: write `version: 1`",
        ),
        (
            "stages:\n  - id: x\n    name: X\n    rework: yes\n",
            "stages[0].rework: expected `true` or `false`, found the text `yes`",
        ),
        (
            "stages:\n  - id: x\n    name: X\n    families: Jaguar\n",
            "stages[0].families: expected a list (`[a, b]`, or one `- ` item per line), \
             found the text `Jaguar`",
        ),
        (
            "variants:\n  - id: x\n    family: [a, b]\n    name: X\n    contracted: 1\n",
            "variants[0].family: expected text, found a list",
        ),
        (
            "programme: [a]\n",
            "programme: expected a mapping of `field: value` lines, found a list",
        ),
        (
            "variants:\n  id: x\n",
            "variants: expected a list (`[a, b]`, or one `- ` item per line), found a mapping",
        ),
        (
            "deliveries:\n  - date: 2026-03-01\n    variant: a\n    count: 2.5\n",
            "deliveries[0].count: 2.5 is not a whole number of vehicles: \
             write a whole number from 0 to 1000000",
        ),
        (
            "deliveries:\n  - date: 2026-03-01\n    variant: a\n    count: -2.0\n",
            "deliveries[0].count: a quantity cannot be negative (found -2): \
             write a whole number from 0 to 1000000",
        ),
    ];
    for (text, expected) in cases {
        let e = parse(text).unwrap_err();
        assert_eq!(e.message, expected, "for {text:?}");
    }
}

#[test]
fn fields_written_twice_or_missing_are_named() {
    let e = parse("queue:\n  - serial: A\n    serial: B\n").unwrap_err();
    assert_eq!(
        e.message,
        "queue[0]: the field `serial` is written twice in this entry: keep one"
    );
    let e = parse("programme:\n  name: X\n  first_year: 2025\n").unwrap_err();
    assert_eq!(
        e.message,
        "programme: the field `last_year` is missing: add it with its value"
    );
}

#[test]
fn a_key_without_its_colon_points_at_the_key() {
    let e = parse("programme:\n  name: x\n  customer y\n  first_year: 2025\n").unwrap_err();
    assert_eq!(e.loc, Loc::new(3, 3));
    assert!(
        e.message.starts_with("this key has no `:` after it"),
        "{}",
        e.message
    );
}

#[test]
fn reserved_characters_and_tabs_are_explained() {
    let e = parse("version: 1\nprogramme:\n  name: @home\n").unwrap_err();
    assert_eq!(e.loc, Loc::new(3, 9));
    assert!(
        e.message.contains("put the value in quotes"),
        "{}",
        e.message
    );
    let e = parse("version: 1\nqueue:\n\t- serial: A\n").unwrap_err();
    assert_eq!(e.loc, Loc::new(3, 1));
    assert!(e.message.starts_with("a tab is used"), "{}", e.message);
}

#[test]
fn flow_style_items_point_at_their_section() {
    let text = "version: 1\n\nqueue: [{serial: A, variant: x, stage: s, since: 2026-01-02, site: S},\n  {serial: B, variant: y, stage: s, since: 2026-01-02, site: S}]\n";
    let raw = parse(text).unwrap();
    for v in raw.queue.as_deref().unwrap() {
        assert_eq!(v.loc(), Loc::new(3, 1));
        assert_eq!(v.variant_loc(&raw.far_places), Loc::new(3, 1));
    }
}

#[test]
fn wrong_document_type_is_explained() {
    let e = parse("- a\n- b\n").unwrap_err();
    assert!(e.message.contains("mapping of sections"), "{}", e.message);
}

#[test]
fn keys_written_twice_point_at_the_second() {
    let cases = [
        (
            "version: 1\nqueue: []\nqueue: []\n",
            Loc::new(3, 1),
            "the section `queue` is written twice in this file: keep one, with the entries of both",
        ),
        (
            "plan:\n  2026: {a: 1}\n  2027: {}\n  2026: {b: 2}\n",
            Loc::new(4, 3),
            "plan: the year `2026` is written twice: put all its variants under one `2026:`",
        ),
        (
            "plan: {2026: {a: 1}, 2026: {b: 2}}\n",
            Loc::new(1, 22),
            "plan: the year `2026` is written twice: put all its variants under one `2026:`",
        ),
        (
            "variants:\n  - {id: x, family: F, name: X, contracted: 1, attributes: {r: a, r: b}}\n",
            Loc::new(2, 67),
            "variants[0].attributes: the attribute `r` is written twice: keep one",
        ),
    ];
    for (text, loc, message) in cases {
        let e = parse(text).unwrap_err();
        assert_eq!((e.loc, e.message.as_str()), (loc, message), "for {text:?}");
    }
}

#[test]
fn a_syntax_error_comes_before_the_type_error_it_causes() {
    let e = parse("version: 1\nqueue: [a\n").unwrap_err();
    assert_eq!(e.loc, Loc::new(2, 8));
    assert!(
        e.message.contains("`[` list is never closed"),
        "{}",
        e.message
    );
}

#[test]
fn documents_control_characters_and_anchors_are_placed() {
    let e = parse("version: 1\n---\nversion: 1\n").unwrap_err();
    assert_eq!(e.loc, Loc::new(2, 1));
    let e = parse("---\nversion: 1\n---\nversion: 1\n").unwrap_err();
    assert_eq!(e.loc, Loc::new(3, 1));
    let e = parse("version: 1\nqueue: [é\u{7}]\n").unwrap_err();
    assert_eq!(e.loc, Loc::new(2, 10));
    assert!(e.message.contains("U+0007"), "{}", e.message);
    let e = parse("version: 1\nqueue: *q\n").unwrap_err();
    assert!(
        e.message.starts_with("the alias `*q` names no anchor"),
        "{}",
        e.message
    );
}

#[test]
fn text_quoted_by_serde_is_unescaped() {
    assert_eq!(
        unescape_debug(r#"a\u{1b}[2J \"b\" \\ \t"#),
        "a\u{1b}[2J \"b\" \\ \t"
    );
    assert_eq!(unescape_debug(r"\u{zz} \u{110000}"), r"\u{zz} \u{110000}");
}

#[test]
fn entries_are_located() {
    let text =
        "queue:\n  - serial: A\n    variant: x\n    stage: s\n    since: 2026-01-02\n    site: S\n";
    let raw = parse(text).unwrap();
    let v = &raw.queue.as_deref().unwrap()[0];
    assert_eq!(v.loc(), Loc::new(2, 5));
    assert_eq!(v.variant_loc(&raw.far_places), Loc::new(3, 5));
    assert_eq!(v.stage_loc(&raw.far_places), Loc::new(4, 5));
}
