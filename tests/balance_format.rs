//! `lead_time_days` in the status files: how it is read, and each mistake as `check`
//! prints it (file:line:col, what is wrong and what to write).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

// The harness serves the fixture tests too: not all of it is used here.
#[allow(dead_code)]
mod checked;

use fleetdash::domain::balance::LeadTime;
use fleetdash::domain::{FamilyId, StageId};
use fleetdash::status::Limits;

/// A programme of two families (Griffon `g`, Jaguar `j`) and the given `stages` section.
fn set(stages: &str) -> (tempfile::TempDir, checked::Checked) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text = format!(
        "version: 1\nprogramme:\n  name: T\n  first_year: 2026\n  last_year: 2027\n\
         variants:\n  - {{id: g, family: Griffon, name: G, contracted: 10}}\n  \
         - {{id: j, family: Jaguar, name: J, contracted: 10}}\nstages:\n{stages}"
    );
    std::fs::write(dir.path().join("p.yaml"), text).expect("written");
    let c = checked::load(
        dir.path(),
        vec![dir.path().to_path_buf()],
        Limits::default(),
    );
    (dir, c)
}

#[test]
fn a_number_for_every_family_or_one_per_family() {
    let (_d, c) = set("  - {id: hull, name: Hull, lead_time_days: 120}\n  \
         - {id: rws, name: RWS, families: [Griffon], lead_time_days: 55}\n  \
         - {id: paint, name: Paint, lead_time_days: {Griffon: 35, Jaguar: 45}}\n");
    c.assert_lines(&[]);
    let lead = &c.programme().lead_times;
    assert_eq!(lead.len(), 3);
    assert_eq!(lead[0].for_family(FamilyId(1)), Some(120));
    assert_eq!(
        lead[2],
        LeadTime {
            all: None,
            families: vec![(FamilyId(0), 35), (FamilyId(1), 45)]
        }
    );
    assert_eq!(c.programme().stage_by_id("rws"), Some(StageId(1)));
}

#[test]
fn an_unknown_family_is_named_with_a_suggestion() {
    let (_d, c) = set("  - id: hull\n    name: Hull\n    lead_time_days: {Grifon: 120}\n");
    c.assert_lines(&[
        "p.yaml:12:5: error: stage `hull` gives a lead time for the family `Grifon`, which no variant has; did you mean `Griffon`?",
    ]);
}

#[test]
fn a_family_the_stage_does_not_apply_to_is_refused() {
    let (_d, c) = set(
        "  - id: rws\n    name: RWS\n    families: [Griffon]\n    lead_time_days: {Jaguar: 50}\n",
    );
    c.assert_lines(&[
        "p.yaml:13:5: error: stage `rws` gives a lead time for `Jaguar`, a family it does not apply to: remove it or add `Jaguar` to its `families`",
    ]);
    assert_eq!(c.programme().lead_times[0], LeadTime::default());
}

#[test]
fn rework_is_off_the_line_and_its_lead_time_unused() {
    let (_d, c) =
        set("  - id: rework\n    name: Rework\n    rework: true\n    lead_time_days: 5\n");
    c.assert_lines(&[
        "p.yaml:13:5: warning: stage `rework` is rework, off the main line: its lead time is not used; remove `lead_time_days`",
    ]);
}

#[test]
fn negative_fractional_and_implausible_days_are_refused_at_their_place() {
    for (days, says) in [
        ("-3", "a lead time cannot be negative (found -3)"),
        ("4.5", "a lead time is whole days (found 4.5)"),
        ("99999", "a lead time of 99999 days is not plausible"),
        (
            "soon",
            "a whole number of days (0 to 3650), or days per family",
        ),
    ] {
        let (_d, c) = set(&format!(
            "  - id: hull\n    name: Hull\n    lead_time_days: {days}\n"
        ));
        assert_eq!(c.lines.len(), 1, "{days}: {:?}", c.lines);
        assert!(
            c.lines[0].starts_with("p.yaml:12:") && c.lines[0].contains(says),
            "{days}: {}",
            c.lines[0]
        );
    }
}

#[test]
fn a_later_stage_with_a_longer_lead_time_is_warned_of() {
    let (_d, c) = set("  - {id: hull, name: Hull, lead_time_days: 30}\n  \
         - {id: paint, name: Paint, lead_time_days: {Jaguar: 40}}\n");
    c.assert_lines(&[
        "p.yaml:11:5: warning: stage `paint` plans 40 days to hand-over for Jaguar, more than the earlier stage `hull` (30 days): a later stage is nearer hand-over; check the two lead times",
    ]);
}
