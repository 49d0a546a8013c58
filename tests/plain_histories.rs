//! Stage histories read by hand (`status::yaml::visits`) against serde_yaml: every text
//! loads the same with the reading by hand on and off, to the last visit, place and
//! problem, whole and in slices, generated sets and hand-written texts alike.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

#[allow(dead_code)] // the harness is shared; this file uses a part of it
mod checked;

use std::sync::Mutex;

use fleetdash::generate::{self, Histories, Spec};
use fleetdash::status::yaml::{self, visits};
use fleetdash::status::{Limits, Loc};

/// The switch is the process's: one test at a time flips it.
static SWITCH: Mutex<()> = Mutex::new(());

/// The slice lengths tried, `usize::MAX` reading every file whole.
const SLICES: [usize; 4] = [usize::MAX, 1, 2, 3];

/// Everything `yaml::parse_in_slices` gives for `text`, every table and place included.
fn parsed(text: &str, per_slice: usize) -> String {
    format!(
        "{:#?}",
        yaml::parse_in_slices(text, Limits::DEFAULT, per_slice)
    )
}

/// Parses `text` with the reading by hand off then on, at every slice length, and fails
/// with both when they differ. Returns how many pieces were read by hand.
fn same_either_way(text: &str) -> usize {
    let mut by_hand = 0;
    for n in SLICES {
        visits::set_enabled(false);
        let before = visits::pieces_read_by_hand();
        let off = parsed(text, n);
        assert_eq!(
            visits::pieces_read_by_hand(),
            before,
            "read by hand while off"
        );
        visits::set_enabled(true);
        let on = parsed(text, n);
        by_hand += visits::pieces_read_by_hand() - before;
        assert!(
            on == off,
            "slices of {n}: by hand:\n{on}\nserde_yaml:\n{off}\ntext:\n{text}"
        );
    }
    by_hand
}

/// The set of `spec` loaded as `check` loads it, with the reading by hand off then on:
/// the snapshots (programme, problems, files) and the lines printed must be the same.
fn loads_the_same(files: &[(String, String)]) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let load = || {
        checked::load(
            dir.path(),
            vec![dir.path().to_path_buf()],
            Limits::default(),
        )
    };
    visits::set_enabled(false);
    let off = load();
    visits::set_enabled(true);
    let on = load();
    assert_eq!(on.lines, off.lines);
    assert_eq!(on.summary, off.summary);
    assert_eq!(without_times(&on.snapshot), without_times(&off.snapshot));
}

/// The snapshot's `Debug` without the times in it (when a file went stale).
fn without_times(s: &fleetdash::status::Snapshot) -> String {
    let text = format!("{s:?}");
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("SystemTime {") {
        out.push_str(&rest[..at]);
        rest = rest[at..].split_once('}').map_or("", |(_, after)| after);
    }
    out + rest
}

fn spec(queue: usize, deliveries: usize, seed: u64) -> Spec {
    Spec {
        variants: 4,
        queue,
        deliveries,
        seed,
        today: checked::today(),
    }
}

#[test]
fn generated_sets_load_the_same_either_way() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    for seed in 1..=4 {
        let files = generate::files_with(&spec(40, 12, seed), Histories::Written);
        let mut by_hand = 0;
        for (_, text) in &files {
            by_hand += same_either_way(text);
        }
        // The queue files and the deliveries, at every slice length.
        assert!(by_hand >= 8, "seed {seed}: {by_hand} pieces read by hand");
        loads_the_same(&files);
    }
    // A set large enough to be cut at the default slice length.
    let files = generate::files_with(&spec(3000, 600, 7), Histories::Written);
    let before = visits::pieces_read_by_hand();
    loads_the_same(&files);
    assert!(visits::pieces_read_by_hand() - before > 8);
}

/// Stages hull, turret (Jaguar only), acceptance and rework; variants grf-tt and jag.
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
  - id: jag
    family: Jaguar
    name: Jaguar
    contracted: 4
stages:
  - id: hull
    name: Hull received
  - id: turret
    name: 40 mm turret
    families: [Jaguar]
  - id: acceptance
    name: Government acceptance
  - id: rework
    name: Rework
    rework: true
";

/// A queue file of two vehicles, the first with `history` written after its `site:`
/// line (the text after `history:`, its line break included).
fn queue(history: &str) -> String {
    format!(
        "version: 1\nqueue:\n  - serial: BE-GRF-0001\n    variant: grf-tt\n    stage: acceptance\n    \
         since: 2026-11-10\n    site: Seraing\n    history:{history}  - serial: BE-JAG-001\n    \
         variant: jag\n    stage: turret\n    since: 2026-10-01\n    site: Roanne\n    history: \
         [{{stage: hull, since: 2026-09-01}}, {{stage: turret, since: 2026-10-01}}]\n"
    )
}

/// A deliveries file of one record whose `histories` are `histories` (after the key).
fn deliveries(histories: &str) -> String {
    format!(
        "version: 1\ndeliveries:\n  - date: 2026-11-20\n    variant: grf-tt\n    serials: \
         [BE-GRF-0051, BE-GRF-0052]\n    histories:{histories}"
    )
}

const PLAIN: &str = "\n      - {stage: hull, since: 2026-06-01}\n      - {stage: acceptance, \
                     since: 2026-09-20}\n      - {stage: rework, since: 2026-10-01}\n      - \
                     {stage: acceptance, since: 2026-11-10}\n";

/// Histories in and out of the plain form, right and wrong, and texts that only look like
/// one: comments, quotes, anchors and aliases, tags, extra keys, odd spacing, flow
/// collections over several lines, line breaks, a block text, the marker itself.
fn hand_written() -> Vec<String> {
    let mut texts = vec![
        queue(PLAIN),
        queue(" [{stage: hull, since: 2026-06-01}, {stage: acceptance, since: 2026-11-10}]\n"),
        queue(" []\n"),
        queue("\n"),
        queue(" ~\n"),
        // Problems: a wrong date, an unknown stage, a stage of another family, order.
        queue("\n      - {stage: hull, since: 2026-02-30}\n"),
        queue("\n      - {stage: hull, since: 2026-13-01}\n"),
        queue("\n      - {stage: hull, since: 2026-6-01}\n"),
        queue(
            "\n      - {stage: hul, since: 2026-08-01}\n      - {stage: acceptance, since: 2026-11-10}\n",
        ),
        queue("\n      - {stage: turret, since: 2026-08-01}\n"),
        queue(
            "\n      - {stage: hull, since: 2026-08-01}\n      - {stage: rework, since: 2026-07-01}\n",
        ),
        queue(" [{stage: hull, since: 2026-02-30}]\n"),
        queue(" [{stage: hul, since: 2026-08-01}, {stage: rework, since: 2026-07-01}]\n"),
        // Not the plain form: serde_yaml reads them.
        queue("\n      - {stage: hull, since: 2026-06-01}  # a comment\n"),
        queue(" # a comment\n      - {stage: hull, since: 2026-06-01}\n"),
        queue("\n      # a comment\n      - {stage: hull, since: 2026-06-01}\n"),
        queue("\n      - {stage: \"hull\", since: 2026-06-01}\n"),
        queue("\n      - {stage: 'hull', since: '2026-06-01'}\n"),
        queue("\n      - {stage: hull,  since: 2026-06-01}\n"),
        queue("\n      - {stage: hull, since: 2026-06-01, note: x}\n"),
        queue("\n      - {since: 2026-06-01, stage: hull}\n"),
        queue(
            "\n      - {stage: hull, since: 2026-06-01}\n        - {stage: kit, since: 2026-06-02}\n",
        ),
        queue(
            "\n      - {stage: hull, since: 2026-06-01}\n     - {stage: acceptance, since: 2026-11-10}\n",
        ),
        queue("\n    - {stage: hull, since: 2026-06-01}\n"),
        queue(
            "\n      - {stage: hull, since: 2026-06-01}\n      - stage: acceptance\n        since: 2026-11-10\n",
        ),
        queue("\n      - {stage: hull, since: 2026-06-01}\n\n"),
        queue("\n      - {stage: hull, since: 2026-06-01}\n    # after\n"),
        queue(" &h\n      - {stage: hull, since: 2026-06-01}\n"),
        queue(" !!seq\n      - {stage: hull, since: 2026-06-01}\n"),
        queue("\n      - !!map {stage: hull, since: 2026-06-01}\n"),
        queue("\n      - {stage: !!str hull, since: 2026-06-01}\n"),
        queue("\n      - {stage: hull, since: 2026-06-01\n        }\n"),
        queue(
            " [{stage: hull, since: 2026-06-01},\n      {stage: acceptance, since: 2026-11-10}]\n",
        ),
        queue(" [{stage: hull, since: 2026-06-01}] # c\n"),
        queue(" [ {stage: hull, since: 2026-06-01} ]\n"),
        queue("\t\n      - {stage: hull, since: 2026-06-01}\n"),
        queue("\n      - {stage: null, since: 2026-06-01}\n"),
        queue("\n      - {stage: 7hull, since: 2026-06-01}\n"),
        queue("\n      - {stage: hull, since: 2026-06-01}\r\n"),
        queue(
            "\n      - {stage: hull, since: 2026-06-01}\n      - {stage: hull, since: fleetdash-visits-read-before-0}\n",
        ),
        queue(" fleetdash-visits-read-before-0\n"),
        queue(" fleetdash-visits-read-before-1\n"),
        deliveries(&PLAIN.replace("      ", "        ").replacen(
            '\n',
            "\n      BE-GRF-0051:\n",
            1,
        )),
        deliveries(
            "\n      BE-GRF-0051:\n        - {stage: hull, since: 2026-06-01}\n      BE-GRF-0052: \
             [{stage: hull, since: 2026-06-02}]\n",
        ),
        deliveries(
            "\n      BE-GRF-0051:\n        - {stage: hull, since: 2026-06-01}\n      BE-GRF-0051:\n        - {stage: hull, since: 2026-06-01}\n",
        ),
        deliveries("\n      BE-GRF-0099:\n        - {stage: hull, since: 2026-06-01}\n"),
        deliveries(" {BE-GRF-0051:\n        - {stage: hull, since: 2026-06-01}\n      }\n"),
        deliveries(" {BE-GRF-0051:\n      [{stage: hull, since: 2026-06-01}]}\n"),
    ];
    // Flow collections over several lines, a block text and a quoted text that hold
    // what looks like a plain history.
    let records = "  - serial: BE-GRF-0001\n    variant: grf-tt\n    stage: hull\n    since: 2026-11-10\n    site: Seraing\n";
    texts.extend([
        "version: 1\nqueue: [{serial: BE-GRF-0001, variant: grf-tt, stage: hull,\n    since: 2026-11-10, site: Seraing,\n    history:\n      - {stage: hull, since: 2026-11-10}\n    }]\n".to_owned(),
        "version: 1\nqueue: [{serial: BE-GRF-0001, variant: grf-tt, stage: hull,\n    since: 2026-11-10, site: Seraing,\n    history: [{stage: hull, since: 2026-11-10}]\n    }]\n".to_owned(),
        format!("version: 1\nqueue:\n{records}    hold: |\n      history:\n        - {{stage: hull, since: 2026-11-10}}\n    lot: L1\n"),
        format!("version: 1\nqueue:\n{records}    hold: \"a\n    history:\n      - {{stage: hull, since: 2026-11-10}}\n      b\"\n"),
        format!("version: 1\nqueue:\n{records}    hold: a\n      history:\n        - {{stage: hull, since: 2026-11-10}}\n"),
        format!("version: 1\nqueue:\n{records}    history:\n      - {{stage: hull, since: 2026-11-10}}\n    history:\n      - {{stage: hull, since: 2026-11-10}}\n"),
        "version: 1\nqueue:\n  - &v\n    serial: BE-GRF-0001\n    variant: grf-tt\n    stage: hull\n    since: 2026-11-10\n    site: Seraing\n    history:\n      - {stage: hull, since: 2026-11-10}\n  - *v\n".to_owned(),
        "version: 1\nstages:\n  - id: hull\n    history:\n      - {stage: hull, since: 2026-11-10}\n".to_owned(),
        "version: 1\nplan:\n  2026:\n    history:\n      - {stage: hull, since: 2026-11-10}\n".to_owned(),
        format!("version: 1\nqueue:\n{records}    <<: {{lot: L1}}\n    history:\n      - {{stage: hull, since: 2026-11-10}}\n"),
    ]);
    texts
}

#[test]
fn hand_written_histories_load_the_same_either_way() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    let mut by_hand = 0;
    for text in hand_written() {
        by_hand += same_either_way(&text);
        let name = if text.contains("deliveries:") {
            "deliveries.yaml"
        } else {
            "queue.yaml"
        };
        loads_the_same(&[
            ("programme.yaml".to_owned(), PROGRAMME.to_owned()),
            (name.to_owned(), text),
        ]);
    }
    assert!(by_hand > 20, "{by_hand} pieces read by hand");
}

/// A few thousand texts made from a plain history by small edits at random places (a
/// comment, a quote, a bracket, a line break, spaces, an anchor, a tag, a digit): each
/// parses the same either way. Deterministic: the same edits every run.
#[test]
fn edited_histories_parse_the_same_either_way() {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    const EDITS: [&str; 22] = [
        "#", " #", "\"", "'", "[", "]", "{", "}", "\n", "\n  ", "\n      ", " ", "  ", "&a ", "*a",
        "!!str ", "\r", "x", ": ", ", ", "- ", "9",
    ];
    let base = format!(
        "{}{}",
        queue(PLAIN),
        deliveries(&PLAIN.replace("      ", "        ").replacen(
            '\n',
            "\n      BE-GRF-0051:\n",
            1
        ))
        .replace("version: 1\n", "")
    );
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut by_hand = 0;
    for _ in 0..1500 {
        let mut text = base.clone();
        for _ in 0..1 + next() % 2 {
            let mut at = (next() % text.len() as u64) as usize;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let edit = EDITS[(next() % EDITS.len() as u64) as usize];
            if next() % 3 == 0 {
                // Or take a byte out.
                text.remove(at);
            } else {
                text.insert_str(at, edit);
            }
        }
        by_hand += same_either_way(&text);
    }
    // Most edits leave some history plain.
    assert!(by_hand > 1500, "{by_hand} pieces read by hand");
}

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
    let entries = guard::scan(text, Limits::DEFAULT).map_or(0, |s| s.entries);
    for max_entries in 0..entries.min(200) {
        let limits = Limits {
            max_entries,
            ..Limits::DEFAULT
        };
        out += &format!("{:?}\n", guard::scan(text, limits));
    }
    for max_depth in 0..6 {
        let limits = Limits {
            max_depth,
            ..Limits::DEFAULT
        };
        out += &format!("{:?}\n", guard::scan(text, limits));
    }
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
    texts.push(queue(&PLAIN.replace("      ", "    ")));
    texts.push(queue(&PLAIN.replace("      -", "      -  ")));
    for (_, text) in generate::files_with(&spec(40, 12, 7), Histories::Written) {
        texts.push(text);
    }
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for i in 0..600 {
        let mut text = texts[i % 8].clone();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut at = (seed % text.len() as u64) as usize;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        text.insert_str(
            at,
            ["{", "[", "\"", "&a ", "\n  ", "#", "*a", "- "][(seed >> 40) as usize % 8],
        );
        texts.push(text);
    }
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
