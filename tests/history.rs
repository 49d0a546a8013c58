//! Stage histories in the status files (issue 14): a queue vehicle's `history`, a
//! delivery's `histories`, what the loader keeps of them, and each problem as `fleetdash
//! check` prints it, at its file, line and column.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

#[allow(dead_code)] // the harness is shared; this file uses a part of it
mod checked;

use std::fs;

use checked::Checked;
use fleetdash::domain::{Date, Programme, Visit};
use fleetdash::status::Limits;

/// Stages hull, turret (Jaguar only), acceptance and rework; variants grf-tt (Griffon) and
/// jag (Jaguar).
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

/// Loads the programme and `files` (name, text) for 2026-11-26, as `check` prints it.
fn check(files: &[(&str, &str)]) -> Checked {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("programme.yaml"), PROGRAMME).unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let checked = checked::load(
        dir.path(),
        vec![dir.path().to_path_buf()],
        Limits::default(),
    );
    drop(dir);
    checked
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// The history of a queue vehicle as (stage id, date entered).
fn history<'p>(p: &'p Programme, serial: &str) -> Vec<(&'p str, Date)> {
    let v = p.queue.iter().find(|v| &*v.serial == serial).unwrap();
    visits(p, &v.history)
}

fn visits<'p>(p: &'p Programme, visits: &[Visit]) -> Vec<(&'p str, Date)> {
    visits
        .iter()
        .map(|v| (p.stage(v.stage).id.as_str(), v.entered))
        .collect()
}

const QUEUE_GOOD: &str = "\
version: 1
queue:
  - serial: BE-GRF-0001
    variant: grf-tt
    stage: acceptance
    since: 2026-11-10
    site: Seraing
    history:
      - {stage: hull, since: 2026-06-01}
      - {stage: acceptance, since: 2026-09-20}
      - {stage: rework, since: 2026-10-01}
      - {stage: acceptance, since: 2026-11-10}
  - serial: BE-GRF-0002
    variant: grf-tt
    stage: hull
    since: 2026-11-01
    site: Seraing
";

#[test]
fn a_good_history_is_kept_in_order_with_its_re_entries() {
    let c = check(&[("queue.yaml", QUEUE_GOOD)]);
    c.assert_lines(&[]);
    let p = c.programme();
    assert_eq!(
        history(p, "BE-GRF-0001"),
        [
            ("hull", date("2026-06-01")),
            ("acceptance", date("2026-09-20")),
            ("rework", date("2026-10-01")),
            ("acceptance", date("2026-11-10")),
        ]
    );
    // Without one, as before: an empty history.
    assert!(history(p, "BE-GRF-0002").is_empty());
}

#[test]
fn block_style_visits_and_a_null_history_read_the_same() {
    let text = "\
version: 1
queue:
  - serial: BE-JAG-001
    variant: jag
    history:
      - stage: hull
        since: 2026-09-01
      - since: 2026-10-01
        stage: turret
    stage: turret
    since: 2026-10-01
    site: Roanne
  - serial: BE-JAG-002
    variant: jag
    stage: hull
    since: 2026-11-01
    site: Roanne
    history:
";
    let c = check(&[("queue.yaml", text)]);
    c.assert_lines(&[]);
    assert_eq!(
        history(c.programme(), "BE-JAG-001"),
        [("hull", date("2026-09-01")), ("turret", date("2026-10-01"))]
    );
    assert!(history(c.programme(), "BE-JAG-002").is_empty());
}

/// A queue file of one Griffon at acceptance since 2026-11-10 with `visits` as history.
fn one_vehicle(visits: &str) -> String {
    format!(
        "version: 1\nqueue:\n  - serial: BE-GRF-0001\n    variant: grf-tt\n    stage: acceptance\n    \
         since: 2026-11-10\n    site: Seraing\n    history:\n{visits}"
    )
}

/// Checks one vehicle's history: the vehicle counts, its history is left out.
#[track_caller]
fn bad_history(visits: &str, expected: &[&str]) {
    let c = check(&[("queue.yaml", &one_vehicle(visits))]);
    c.assert_lines(expected);
    assert_eq!(c.queued(), ["BE-GRF-0001"], "the vehicle still counts");
    assert!(history(c.programme(), "BE-GRF-0001").is_empty());
    assert_eq!(c.snapshot.errors(), 0, "a history's problems are warnings");
}

#[test]
fn dates_out_of_order() {
    bad_history(
        "      - {stage: hull, since: 2026-08-01}\n      \
         - {stage: rework, since: 2026-07-01}\n      \
         - {stage: acceptance, since: 2026-11-10}\n",
        &[
            "queue.yaml:10:10: warning: vehicle BE-GRF-0001: its history enters `rework` on 2026-07-01, \
             before `hull` above it (2026-08-01): list the stages oldest first, or correct the date; \
             its history is left out",
        ],
    );
}

#[test]
fn an_unknown_stage_with_a_suggestion() {
    bad_history(
        "      - {stage: hul, since: 2026-08-01}\n      - {stage: acceptance, since: 2026-11-10}\n",
        &[
            "queue.yaml:9:10: warning: vehicle BE-GRF-0001: its history names the stage `hul`, \
             which no `stages` section defines (its history is left out); did you mean `hull`?",
        ],
    );
}

#[test]
fn a_stage_of_another_family() {
    bad_history(
        "      - {stage: turret, since: 2026-08-01}\n      - {stage: acceptance, since: 2026-11-10}\n",
        &[
            "queue.yaml:9:10: warning: vehicle BE-GRF-0001 is a Griffon, but its history names the \
             stage `turret`, which applies to Jaguar only: correct the stage; its history is left \
             out",
        ],
    );
}

#[test]
fn a_date_after_today() {
    let text = "\
version: 1
queue:
  - serial: BE-GRF-0001
    variant: grf-tt
    stage: acceptance
    since: 2026-12-01
    site: Seraing
    history:
      - {stage: hull, since: 2026-08-01}
      - {stage: acceptance, since: 2026-12-01}
";
    let c = check(&[("queue.yaml", text)]);
    c.assert_lines(&[
        "queue.yaml:6:5: error: vehicle BE-GRF-0001 entered its stage on 2026-12-01, after today \
         (2026-11-26): check the date",
        "queue.yaml:10:10: warning: vehicle BE-GRF-0001: its history enters `acceptance` on \
         2026-12-01, after today (2026-11-26): check the date; its history is left out",
    ]);
    assert!(history(c.programme(), "BE-GRF-0001").is_empty());
}

#[test]
fn a_last_entry_that_disagrees_says_what_it_should_be() {
    bad_history(
        "      - {stage: hull, since: 2026-08-01}\n      - {stage: acceptance, since: 2026-11-09}\n",
        &[
            "queue.yaml:10:10: warning: vehicle BE-GRF-0001: its history ends at `acceptance` on \
             2026-11-09, not at `acceptance` since 2026-11-10: end it with \
             `{stage: acceptance, since: 2026-11-10}`; its history is left out",
        ],
    );
    bad_history(
        "      - {stage: hull, since: 2026-08-01}\n",
        &[
            "queue.yaml:9:10: warning: vehicle BE-GRF-0001: its history ends at `hull` on \
             2026-08-01, not at `acceptance` since 2026-11-10: end it with \
             `{stage: acceptance, since: 2026-11-10}`; its history is left out",
        ],
    );
}

#[test]
fn the_same_stage_twice_in_a_row() {
    bad_history(
        "      - {stage: hull, since: 2026-08-01}\n      - {stage: hull, since: 2026-08-05}\n      \
         - {stage: acceptance, since: 2026-11-10}\n",
        &[
            "queue.yaml:10:10: warning: vehicle BE-GRF-0001: its history enters `hull` twice in a \
             row (2026-08-01, 2026-08-05): remove the second, or list the stage between; its \
             history is left out",
        ],
    );
}

const DELIVERIES: &str = "\
version: 1
deliveries:
  - date: 2026-10-15
    variant: grf-tt
    serials: [BE-GRF-0101, BE-GRF-0102]
    histories:
      BE-GRF-0101:
        - {stage: hull, since: 2026-05-04}
        - {stage: acceptance, since: 2026-10-01}
      BE-GRF-0102: [{stage: hull, since: 2026-05-11}, {stage: acceptance, since: 2026-10-16}]
      BE-GRF-0199:
        - {stage: hull, since: 2026-05-04}
  - date: 2026-10-30
    variant: grf-tt
    count: 1
    histories:
      BE-GRF-0103:
        - {stage: hull, since: 2026-05-04}
";

#[test]
fn delivered_histories_are_kept_for_the_serials_listed_and_up_to_the_hand_over() {
    let c = check(&[("deliveries.yaml", DELIVERIES)]);
    c.assert_lines(&[
        // BE-GRF-0102's history is written on one line: the second `stage` of that line.
        "deliveries.yaml:10:56: warning: vehicle BE-GRF-0102: its history enters `acceptance` on \
         2026-10-16, after its hand-over on 2026-10-15: check the date; its history is left out",
        "deliveries.yaml:11:7: warning: the delivery of 2026-10-15 keeps a history for \
         BE-GRF-0199, which it does not list in `serials`: add the serial, or move the history; \
         its history is left out",
        "deliveries.yaml:17:7: warning: the delivery of 2026-10-30 keeps a history for \
         BE-GRF-0103 but gives only a `count`: list its `serials`, or move the history; its \
         history is left out",
    ]);
    let p = c.programme();
    assert_eq!(p.deliveries.len(), 2, "every delivery still counts");
    let first = &p.deliveries[0];
    assert_eq!(first.histories.len(), 1);
    assert_eq!(&*first.histories[0].serial, "BE-GRF-0101");
    assert_eq!(
        visits(p, &first.histories[0].visits),
        [
            ("hull", date("2026-05-04")),
            ("acceptance", date("2026-10-01"))
        ]
    );
    assert!(p.deliveries[1].histories.is_empty());
}

#[test]
fn a_history_value_that_cannot_be_read_costs_its_record() {
    // As any value of a record (docs/FORMAT.md): the record is left out at start.
    let c = check(&[(
        "queue.yaml",
        &one_vehicle("      - {stage: hull, since: 2026-02-30}\n"),
    )]);
    assert!(c.queued().is_empty());
    assert_eq!(c.snapshot.left_out, 1);
    assert!(
        c.lines[0].contains("`2026-02-30` is not a date"),
        "{:?}",
        c.lines
    );
}

#[test]
fn an_unknown_field_in_a_visit_is_named() {
    let c = check(&[(
        "queue.yaml",
        &one_vehicle("      - {stage: hull, entered: 2026-08-01}\n"),
    )]);
    assert!(c.queued().is_empty());
    assert!(c.lines[0].contains("entered"), "{:?}", c.lines);
}

#[test]
fn the_sample_keeps_a_history_for_every_vehicle_in_assembly_and_some_delivered() {
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
    let c = checked::load(&sample, vec![sample.clone()], Limits::default());
    c.assert_lines(&[]);
    let p = c.programme();
    assert_eq!(p.queue.len(), 40);
    // Two vehicles at Seraing give none, as a set may: the rest keep theirs (only good
    // ones are kept: each ends at its vehicle's stage and since).
    let without: Vec<&str> = p
        .queue
        .iter()
        .filter(|v| v.history.is_empty())
        .map(|v| &*v.serial)
        .collect();
    assert_eq!(without, ["BE-GRF-0072", "BE-GRF-0074"]);
    for v in p.queue.iter().filter(|v| !v.history.is_empty()) {
        let last = v.history.last().unwrap();
        assert_eq!((last.stage, last.entered), (v.stage, v.since));
    }
    let rework = p.stage_by_id("rework").unwrap();
    assert!(
        p.queue
            .iter()
            .any(|v| v.history.iter().filter(|h| h.stage == rework).count() > 1),
        "a vehicle sent to rework twice"
    );
    let delivered: usize = p.deliveries.iter().map(|d| d.histories.len()).sum();
    assert!(delivered > 0 && delivered < p.deliveries.iter().map(|d| d.serials.len()).sum());
}

#[test]
fn the_schema_takes_histories_and_refuses_a_visit_with_another_key() {
    let schema = fleetdash::schema::status_file_schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let json = |text: &str| {
        let yaml: serde_yaml::Value = serde_yaml::from_str(text).unwrap();
        serde_json::to_value(yaml).unwrap()
    };
    assert!(validator.is_valid(&json(QUEUE_GOOD)));
    assert!(validator.is_valid(&json(DELIVERIES)));
    let bad = one_vehicle("      - {stage: hull, entered: 2026-08-01}\n");
    assert!(!validator.is_valid(&json(&bad)));
    let not_a_list = one_vehicle("      hull: 2026-08-01\n");
    assert!(!validator.is_valid(&json(&not_a_list)));
}
