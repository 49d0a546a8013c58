//! YAML merge keys (issue 12, point 8): `- <<: *base` gives the items of a queue a shared
//! default, and each item may override it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use fleetdash::status::Loc;
use fleetdash::status::yaml;

const QUEUE: &str = "\
version: 1
defaults:
queue:
  - &base
    serial: BE-1
    variant: grf-tt
    stage: hull
    since: 2026-01-02
    site: CMI Defence, Seraing
    lot: L26A
  - <<: *base
    serial: BE-2
  - <<: *base
    serial: BE-3
    stage: paint
    hold: waiting for paint
";

/// A vehicle's serial, stage, site, lot and hold.
type Row<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, Option<&'a str>);

#[test]
fn merge_keys_give_queue_items_a_shared_default() {
    // `defaults:` is not a section: the file is refused for it, as any unknown field.
    let e = yaml::parse(QUEUE).expect_err("an unknown section");
    assert!(
        e.message.contains("unknown field `defaults`"),
        "{}",
        e.message
    );

    let text = QUEUE.replace("defaults:\n", "");
    let raw = yaml::parse(&text).expect("merge keys are read");
    let queue = raw.queue.as_ref().expect("a queue");
    let summary: Vec<Row> = queue
        .iter()
        .map(|v| {
            (
                raw.serial(v.serial),
                raw.name(v.stage),
                raw.name(v.site),
                v.lot.map(|n| raw.name(n)),
                v.hold.map(|n| raw.name(n)),
            )
        })
        .collect();
    let site = "CMI Defence, Seraing";
    assert_eq!(
        summary,
        [
            ("BE-1", "hull", site, Some("L26A"), None),
            ("BE-2", "hull", site, Some("L26A"), None),
            (
                "BE-3",
                "paint",
                site,
                Some("L26A"),
                Some("waiting for paint")
            ),
        ]
    );
    // Each item keeps its own place.
    let lines: Vec<u32> = queue.iter().map(|v| v.loc().line).collect();
    assert_eq!(lines, [3, 10, 12]);
}

#[test]
fn a_merge_key_that_names_no_mapping_is_explained() {
    let text = "version: 1\nqueue:\n  - <<: 5\n    serial: A\n";
    let e = yaml::parse(text).expect_err("refused");
    assert_eq!(e.loc, Loc::new(3, 5));
    assert_eq!(
        e.message,
        "a merge key (`<<:`) takes an alias of a mapping or a list of them \
         (`<<: *base` or `<<: [*a, *b]`), not a single value"
    );
}

#[test]
fn text_that_looks_like_a_number_is_refused_not_misread() {
    let text = "version: 1\nqueue:\n  - &b {serial: A, variant: v, stage: s, since: 2026-01-02, site: S}\n  - <<: *b\n    serial: B\n    lot: 2.10\n";
    let e = yaml::parse(text).expect_err("refused");
    assert!(
        e.message.ends_with(
            "expected text, found the number 2.1: in a file that uses merge keys (`<<:`), \
             put text that looks like a number or a yes/no in quotes"
        ),
        "{}",
        e.message
    );
    assert!(e.loc.is_known());
}
