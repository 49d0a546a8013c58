//! The guard's scanner reads a plain `key: value` line (and `- key: value`) in one step:
//! what it finds (the shape, every limit crossed and where, the outline) must be what its
//! reading a token at a time finds, on generated sets, hand-written lines that are and
//! are not plain pairs, and random edits.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

#[allow(dead_code)] // shared with `plain_histories`; this file uses a part of it
mod plain_texts;

use fleetdash::domain::Date;
use fleetdash::generate::{self, Histories, Spec};
use fleetdash::status::Limits;
use fleetdash::status::yaml::guard;

/// What the guard makes of `text`: the shape, the outline, and the result at every
/// limit of entries below its count (up to 300) and of depth below 6.
fn readings(text: &str) -> String {
    let mut out = format!("{:?}\n{:?}\n", guard::scan(text, Limits::DEFAULT), {
        guard::outline(text, Limits::DEFAULT)
    });
    out += &plain_texts::scans_at_limits(text, 300);
    out
}

/// The readings with pairs read in one step and token by token; fails when they differ.
fn same_either_way(text: &str) {
    guard::set_pairs_in_one_step(false);
    let slow = readings(text);
    guard::set_pairs_in_one_step(true);
    let fast = readings(text);
    assert_eq!(fast, slow, "text:\n{text}");
}

/// A plain queue of three vehicles, the second holding `line`.
fn with_line(line: &str) -> String {
    format!(
        "version: 1\nqueue:\n  - serial: A-1\n    variant: v1\n    stage: kit\n  - serial: \
         A-2\n{line}\n    stage: kit\n    since: 2026-11-10\n  - serial: A-3\n    site: Site 3\n"
    )
}

#[test]
fn plain_pairs_read_in_one_step_read_the_same() {
    let mut texts = plain_texts::hand_written();
    for histories in [Histories::Written, Histories::LeftOut] {
        let spec = Spec {
            variants: 4,
            queue: 40,
            deliveries: 12,
            seed: 3,
            today: Date::from_ymd_opt(2026, 11, 26).unwrap(),
        };
        texts.extend(
            generate::files_with(&spec, histories)
                .into_iter()
                .map(|(_, t)| t),
        );
    }
    for line in [
        "    variant: v1",
        "    variant: v 1",
        "    variant: v1 ",
        "    variant:  v1",
        "    variant:\tv1",
        "    variant: v1 # c",
        "    variant: v1#c",
        "    variant: 'v1'",
        "    variant: -v1",
        "    variant: .5",
        "    variant: v1: x",
        "    variant: v1:x",
        "    variant: [v1]",
        "    variant: {a: 1}",
        "    variant: &a v1",
        "    variant: *a",
        "    variant: |",
        "    variant: >\n      v1",
        "    variant: v1\n      continued",
        "    variant: v1\n     continued: x",
        "    variant:",
        "    variant: ",
        "    0variant: v1",
        "    _variant: v1",
        "    variant : v1",
        "    variant:v1",
        "    var iant: v1",
        "    var.iant: v1",
        "    - variant: v1",
        "  - variant: v1",
        "  -  variant: v1",
        "  -\tvariant: v1",
        "      variant: v1",
        "   variant: v1",
        "variant: v1",
        "- variant: v1",
        "    variant: Liège",
        "    variant: v1\r",
        "    history:\n      - {stage: hull, since: 2026-06-01}\n      - lot: L1",
        "    history:\n      - lot: L1\n        site: x",
        "    lot: \"a\n    b: c\"",
        "    lot: 'a\n    b: c'",
        "    lot: [a,\n    b: c]",
        "    lot: |\n    b: c",
        "---\nb: c",
        "...\nb: c",
        "%YAML 1.2\nb: c",
    ] {
        texts.push(with_line(line));
    }
    let edits = [
        "{", "[", "\"", "&a ", "\n  ", "#", "*a", "- ", ": ", " ", "\t", "|", "\r",
    ];
    let edited = plain_texts::seeded_edits(&texts, 500, &edits, 0x9e37_79b9_7f4a_7c15);
    texts.extend(edited);
    for text in &texts {
        same_either_way(text);
    }
}
