//! Texts shared by the tests of stage histories read by hand and of plain visit lines
//! read in one step: a programme, a queue and a deliveries file around a history, and
//! histories in and out of the plain form; the guard's scans at every limit.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use fleetdash::status::Limits;
use fleetdash::status::yaml::guard;

/// A xorshift generator: the same numbers from the same seed, every run.
pub struct Xorshift(pub u64);

impl Xorshift {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The char boundary at or before `at` in `text`.
fn boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `rounds` texts made from `bases` (taken in turn) by one edit each, inserted at a place
/// and of a kind drawn from `edits` by one number of a [`Xorshift`] started at `seed`.
pub fn seeded_edits(bases: &[String], rounds: usize, edits: &[&str], seed: u64) -> Vec<String> {
    let mut rng = Xorshift(seed);
    (0..rounds)
        .map(|i| {
            let mut text = bases[i % bases.len()].clone();
            let n = rng.next();
            let at = boundary(&text, (n % text.len() as u64) as usize);
            text.insert_str(at, edits[(n >> 40) as usize % edits.len()]);
            text
        })
        .collect()
}

/// `base` with one or two edits at places drawn from `rng`: each a text of `edits` put in,
/// or (one time in three) a character taken out.
pub fn edited(base: &str, rng: &mut Xorshift, edits: &[&str]) -> String {
    let mut text = base.to_owned();
    for _ in 0..1 + rng.next() % 2 {
        let at = boundary(&text, (rng.next() % text.len() as u64) as usize);
        let edit = edits[(rng.next() % edits.len() as u64) as usize];
        if rng.next().is_multiple_of(3) {
            text.remove(at);
        } else {
            text.insert_str(at, edit);
        }
    }
    text
}

/// What the guard's scan of `text` finds at every limit of entries below its count (up
/// to `most`) and of depth below 6, one line each: what a change to the scanner must keep.
pub fn scans_at_limits(text: &str, most: usize) -> String {
    let mut out = String::new();
    let entries = guard::scan(text, Limits::DEFAULT).map_or(0, |s| s.entries);
    for max_entries in 0..entries.min(most) {
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
    out
}

/// Stages hull, turret (Jaguar only), acceptance and rework; variants grf-tt and jag.
pub const PROGRAMME: &str = "\
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
pub fn queue(history: &str) -> String {
    format!(
        "version: 1\nqueue:\n  - serial: BE-GRF-0001\n    variant: grf-tt\n    stage: acceptance\n    \
         since: 2026-11-10\n    site: Seraing\n    history:{history}  - serial: BE-JAG-001\n    \
         variant: jag\n    stage: turret\n    since: 2026-10-01\n    site: Roanne\n    history: \
         [{{stage: hull, since: 2026-09-01}}, {{stage: turret, since: 2026-10-01}}]\n"
    )
}

/// A deliveries file of one record whose `histories` are `histories` (after the key).
pub fn deliveries(histories: &str) -> String {
    format!(
        "version: 1\ndeliveries:\n  - date: 2026-11-20\n    variant: grf-tt\n    serials: \
         [BE-GRF-0051, BE-GRF-0052]\n    histories:{histories}"
    )
}

pub const PLAIN: &str = "\n      - {stage: hull, since: 2026-06-01}\n      - {stage: acceptance, \
                     since: 2026-09-20}\n      - {stage: rework, since: 2026-10-01}\n      - \
                     {stage: acceptance, since: 2026-11-10}\n";

/// Histories in and out of the plain form, right and wrong, and texts that only look like
/// one: comments, quotes, anchors and aliases, tags, extra keys, odd spacing, flow
/// collections over several lines, line breaks, a block text, the marker itself.
pub fn hand_written() -> Vec<String> {
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
        // The marker's text (`~@`) written in a file: that piece is read as written.
        queue("\n      - {stage: hull, since: 2026-06-01}\n      - {stage: hull, since: ~@0}\n"),
        queue(" ~@0\n"),
        queue(" ~@1\n"),
        queue(" \"~@0\"\n"),
        queue(&format!("{PLAIN}    hold: a ~@0 b\n")),
        queue(&format!("{PLAIN}    lot: ~@\n")),
        queue(&format!("{PLAIN}    # ~@1\n")),
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
