//! The guard's scanner, the locator and the quoting check read a plain visit line
//! (`- {stage: ID, since: DATE}`) in one step, and runs of them without seeking each
//! line's end: what they find must be what their general reading finds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

#[allow(dead_code)] // the harness is shared; this file uses a part of it
mod checked;
#[allow(dead_code)] // shared with `plain_histories`
mod plain_texts;

use fleetdash::generate::{self, Histories};
use fleetdash::status::{Limits, Loc};
use plain_texts::{PLAIN, hand_written, queue};

/// `text` with a space after every line that ends in `}`: no plain visit line is left
/// (the readings in one step need the `}` last), and nothing before the space moves.
fn no_plain_lines(text: &str) -> String {
    text.split('\n')
        .map(|l| {
            if l.ends_with('}') {
                format!("{l} ")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the guard, the locator and the quoting check make of `text`: the shape and
/// every limit crossed (entries and depth, at each count), the places of every entry's
/// `stage` and `since` keys, and the warnings of quoting.
fn readings(text: &str) -> String {
    use fleetdash::status::quoting;
    use fleetdash::status::yaml::{guard, locate};
    let mut out = format!("{:?}\n", guard::scan(text, Limits::DEFAULT));
    // The outline's marks by line (their byte offsets move with the spaces added).
    let line_of = |at: usize| text[..at.min(text.len())].matches('\n').count();
    match guard::outline(text, Limits::DEFAULT) {
        Ok((_, o)) => {
            for m in o.marks {
                out += &match m {
                    guard::Mark::Top(at) => format!("top {}\n", line_of(at)),
                    guard::Mark::Item { at, col } => format!("item {} {col}\n", line_of(at)),
                };
            }
            out += &format!("odd breaks {}\n", o.odd_breaks);
        }
        Err(e) => out += &format!("{e:?}\n"),
    }
    out += &plain_texts::scans_at_limits(text, 200);
    for section in locate::sections(text) {
        for e in &section.entries {
            for key in ["stage", "since", "history"] {
                let after = e.key("history").unwrap_or(Loc::UNKNOWN);
                out += &format!(
                    "{key} {:?} {:?} {:?}\n",
                    e.keys_after(key, Loc::UNKNOWN),
                    e.keys_after(key, after),
                    e.first_key_after(key, after)
                );
            }
            // Keys of id bytes that are not `stage` or `since` (a serial, a stage id),
            // which a plain visit line never holds, sought together, from the line of
            // the history's key, as the places of a delivery's histories are.
            let keys = [
                "hull",
                "on",
                "0070",
                "x-on",
                "histories",
                "BE-GRF-0052",
                "stage",
                "since",
            ];
            for history in ["history", "histories"] {
                let (after, line) = e.key_line(history).unwrap_or_default();
                out += &format!(
                    "{history} {:?} {:?} {:?}\n",
                    e.first_keys_after(&keys, after, line),
                    e.keys_after_from("stage", after, line),
                    keys.map(|k| e.first_key_after(k, after)),
                );
            }
        }
    }
    for p in quoting::warnings("q.yaml", text) {
        out += &format!("{}:{} {}\n", p.loc.line, p.loc.column, p.message);
    }
    out
}

/// The guard's scanner, the locator and the quoting check read a plain visit line in one
/// step: what they find must be what their general reading finds on the same line made
/// not plain by a space at its end (hand-written texts, stage ids that other readers
/// take for numbers or yes/no, a generated set, and random edits of plain histories).
#[test]
fn plain_visit_lines_read_in_one_step_read_the_same() {
    let mut texts = hand_written();
    for id in ["on", "0070", "1e3", "-3", "y", "stage", "since"] {
        texts.push(queue(&format!(
            "\n      - {{stage: {id}, since: 2026-06-01}}\n      - {{stage: x-{id}, since: 2026-13-99}}\n"
        )));
    }
    // Runs of plain visit lines (read a run at a time by the scanner) broken in the
    // middle by one line that is not plain, or ended otherwise.
    let (v1, v2) = (
        "      - {stage: hull, since: 2026-06-01}\n",
        "      - {stage: kit, since: 2026-06-02}\n",
    );
    for breaker in [
        "      - {stage: hull, since: 2026-06-01} \n",
        "      - {stage: hull, since: 2026-06-01}  # c\n",
        "      - {stage: hull, since: 2026-06-01}\r\n",
        "      - {stage: 'hull', since: 2026-06-01}\n",
        "      - {stage: hull, since: 2026-06-01, x: 1}\n",
        "      - {stage: hull,\n        since: 2026-06-01}\n",
        "      - [{stage: hull, since: 2026-06-01}]\n",
        "      - {stage: hull, since: 2026-06-01\n",
        "\n",
        "      # c\n",
        "        - {stage: hull, since: 2026-06-01}\n",
        "     - {stage: hull, since: 2026-06-01}\n",
        "      - \"a\n",
        "      - |\n",
        "      - >-\n",
        "      - a\n",
        "      - &a {stage: hull, since: 2026-06-01}\n",
        "    due: 2027-01-01\n",
        "---\n",
    ] {
        texts.push(queue(&format!("\n{v1}{v2}{breaker}{v1}{v2}")));
    }
    // Top-level lists of visits (items of the outline), a list at its key's column, the
    // last line without a break, and plain lines inside block, quoted and plain texts.
    let top = "- {stage: hull, since: 2026-06-01}\n- {stage: kit, since: 2026-06-02}\n";
    texts.extend([
        top.to_owned(),
        format!("queue:\n{top}"),
        format!("queue:\n{top}x: 1\n{top}"),
        format!("queue:\n  {}  {}", &top[..35], &top[35..]),
        format!("{}{}", queue(PLAIN), v1.trim_end()),
        format!("version: 1\nnote: |\n{v1}{v2}lot: 1\n"),
        format!("version: 1\nnote: \"a\n{v1}{v2}\"\n"),
        format!("version: 1\nnote: a\n{v1}{v2}lot: 1\n"),
        format!("version: 1\nnote: [a,\n{v1}{v2}]\n"),
        format!("version: 1\nnote: a\n  # c\n{v1}{v2}"),
        // A list of serials that a plain line ends, or does not (the quoting check).
        "version: 1\nqueue:\n  - serials:\n  - {stage: hull, since: 2026-06-01}\n      - 0070\n"
            .to_owned(),
        "version: 1\nqueue:\n  - serials:\n      - {stage: on, since: 2026-06-01}\n      - 0070\n"
            .to_owned(),
    ]);
    texts.push(queue(&PLAIN.replace("      ", "    ")));
    texts.push(queue(&PLAIN.replace("      -", "      -  ")));
    for (_, text) in generate::files_with(&checked::spec(40, 12, 7), Histories::Written) {
        texts.push(text);
    }
    let edits = ["{", "[", "\"", "&a ", "\n  ", "#", "*a", "- "];
    let edited = plain_texts::seeded_edits(&texts[..8], 600, &edits, 0x2545_f491_4f6c_dd1d);
    texts.extend(edited);
    let mut plain = 0;
    for text in &texts {
        let general = no_plain_lines(text);
        plain += usize::from(general != *text);
        let (one_step, general) = (readings(text), readings(&general));
        assert!(
            one_step == general,
            "one step:\n{one_step}\ngeneral:\n{general}\ntext:\n{text}"
        );
    }
    assert!(plain > 300, "{plain} texts with plain visit lines");
}
