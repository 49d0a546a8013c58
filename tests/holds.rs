//! What blocks the queue, grouped by cause, against hand-computed cases: the bundled sample
//! on 2026-11-26 and a small programme built here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::path::Path;

use fleetdash::domain::holds::{HoldGroup, hold_groups};
use fleetdash::domain::{Date, Origin, Programme, SiteId, Stage, StageId, VariantId, Vehicle};
use fleetdash::report::{self, Format, Section};
use fleetdash::status::{Limits, Loader};

fn day(s: &str) -> Date {
    s.parse().expect("a valid date")
}

#[test]
fn the_sample_holds_by_reason() {
    let today = day("2026-11-26");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
    let snapshot = Loader::new(vec![dir], Limits::default()).load(today);
    assert!(snapshot.problems.is_empty(), "{:?}", snapshot.problems);
    let p = &snapshot.programme;
    let groups = hold_groups(p, today);
    // Six vehicles on hold, five reasons. Days in stage to 2026-11-26: BE-GRF-0085 in rws
    // since 09-14, 16 + 31 + 26 = 73; BE-GRF-0086 since 09-28, 2 + 31 + 26 = 59 (median
    // 66); BE-GRF-0069 in rework since 08-18, 13 + 30 + 31 + 26 = 100; BE-JAG-003 in turret
    // since 09-21, 9 + 31 + 26 = 66; BE-GRF-0077 in tests since 10-05, 26 + 26 = 52;
    // BE-GRF-0091 in comms since 10-12, 19 + 26 = 45.
    let rows: Vec<(&str, u32, i64, f64)> = groups
        .iter()
        .map(|g| (g.reason.as_str(), g.vehicles, g.longest_days, g.median_days))
        .collect();
    assert_eq!(
        rows,
        [
            ("waiting for FN deFNder weapon station", 2, 73, 66.0),
            (
                "defect fix: hydraulic leak found at acceptance",
                1,
                100,
                100.0
            ),
            (
                "waiting for 40 mm CTA cannon from CTA International",
                1,
                66,
                66.0
            ),
            ("waiting for SICS software release", 1, 52, 52.0),
            ("waiting for CONTACT radio kit", 1, 45, 45.0),
        ]
    );
    let rws = p.stage_by_id("rws").expect("the rws stage");
    assert_eq!(groups[0].stages, [rws]);
    assert_eq!(
        groups[0].words(),
        "waiting for FN deFNder weapon station: 2, the longest 73 days"
    );
    // The groups hold every vehicle on hold, once.
    let held = p.queue.iter().filter(|v| v.is_on_hold()).count() as u32;
    assert_eq!(groups.iter().map(|g| g.vehicles).sum::<u32>(), held);

    // In every format of the report.
    let r = report::build(&snapshot, today, 6);
    assert_eq!(r.queue.holds.len(), 5);
    assert_eq!(r.queue.holds[0].stages, ["rws"]);
    assert_eq!(r.queue.holds[0].median_days, 66.0);
    let md = report::render(&r, Format::Markdown, None).expect("markdown");
    assert!(
        md.contains("- On hold: waiting for FN deFNder weapon station: 2; "),
        "{md}"
    );
    let csv = report::render(&r, Format::Csv, Some(Section::Holds)).expect("csv");
    assert!(
        csv.contains("\nwaiting for FN deFNder weapon station,2,rws,73,66.0\n"),
        "{csv}"
    );
    let json = report::render(&r, Format::Json, None).expect("json");
    assert!(
        json.contains("\"reason\": \"waiting for FN deFNder weapon station\""),
        "{json}"
    );
}

fn held(serial: &str, stage: u32, since: &str, hold: Option<&str>) -> Vehicle {
    Vehicle {
        serial: serial.into(),
        variant: VariantId(0),
        stage: StageId(stage),
        since: day(since),
        due: None,
        site: SiteId(0),
        lot: None,
        hold: hold.map(Into::into),
        history: Default::default(),
        origin: Origin::default(),
    }
}

#[test]
fn one_reason_whatever_its_spacing_and_case_most_vehicles_first() {
    let mut p = Programme {
        stages: ["hull", "comms", "tests"]
            .iter()
            .map(|s| Stage {
                id: (*s).into(),
                name: (*s).into(),
                families: Vec::new(),
                rework: false,
            })
            .collect(),
        ..Programme::default()
    };
    // Today 2026-11-26: A 10 days, B 30, C 20, D 40, E not held.
    p.queue = vec![
        held("A", 2, "2026-11-16", Some("waiting for radio")),
        held("B", 1, "2026-10-27", Some("  Waiting for  RADIO ")),
        held("C", 1, "2026-11-06", Some("waiting for radio")),
        held("D", 0, "2026-10-17", Some("paint shop closed")),
        held("E", 0, "2026-10-17", None),
    ]
    .into();
    let groups = hold_groups(&p, day("2026-11-26"));
    assert_eq!(
        groups,
        [
            HoldGroup {
                reason: "waiting for radio".into(),
                vehicles: 3,
                stages: vec![StageId(1), StageId(2)],
                longest_days: 30,
                median_days: 20.0,
            },
            HoldGroup {
                reason: "paint shop closed".into(),
                vehicles: 1,
                stages: vec![StageId(0)],
                longest_days: 40,
                median_days: 40.0,
            },
        ]
    );
    // Equal counts: the longer wait first, then the reason.
    p.queue
        .push(held("F", 0, "2026-11-25", Some("a late part")));
    p.queue
        .push(held("G", 0, "2026-11-25", Some("b late part")));
    let reasons: Vec<String> = hold_groups(&p, day("2026-11-26"))
        .into_iter()
        .map(|g| g.reason)
        .collect();
    assert_eq!(
        reasons,
        [
            "waiting for radio",
            "paint shop closed",
            "a late part",
            "b late part"
        ]
    );
    // Nothing on hold, no group.
    p.queue = vec![held("E", 0, "2026-10-17", None)].into();
    assert!(hold_groups(&p, day("2026-11-26")).is_empty());
}
