//! Changes between loads and since a day, worked by hand.

use super::*;
use crate::domain::{
    Delivery, Family, FamilyId, History, Origin, PlanEntry, Programme, SiteId, Stage, StageId,
    Variant, VariantId, Vehicle, Visit,
};

fn day(m: u32, d: u32) -> Date {
    Date::from_ymd_opt(2026, m, d).unwrap()
}

fn stage(id: &str, name: &str) -> Stage {
    Stage {
        id: id.into(),
        name: name.into(),
        families: Vec::new(),
        rework: false,
    }
}

fn vehicle(serial: &str, stage: u32, hold: Option<&str>) -> Vehicle {
    Vehicle {
        serial: serial.into(),
        variant: VariantId(0),
        stage: StageId(stage),
        since: day(11, 1),
        due: None,
        site: SiteId(0),
        lot: None,
        hold: hold.map(Into::into),
        history: Box::default(),
        origin: Origin::default(),
    }
}

fn delivery(date: Date, quantity: u32, serials: &[&str]) -> Delivery {
    Delivery {
        date,
        variant: VariantId(0),
        quantity,
        serials: serials.iter().map(|&s| s.into()).collect(),
        histories: Box::default(),
        origin: Origin::default(),
    }
}

fn programme(queue: Vec<Vehicle>, delivered: u32) -> Programme {
    Programme {
        stages: vec![stage("hull", "Hull"), stage("paint", "Paint")],
        queue: queue.into(),
        deliveries: vec![delivery(day(10, 1), delivered, &[])].into(),
        ..Programme::default()
    }
}

fn named(id: &str, name: &str) -> Named {
    Named {
        id: Name::new(id),
        name: Name::new(name),
    }
}

#[test]
fn says_what_moved_entered_left_and_was_delivered() {
    let old = programme(
        vec![
            vehicle("A", 0, None),
            vehicle("B", 0, None),
            vehicle("C", 0, None),
        ],
        3,
    );
    let new = programme(
        vec![
            vehicle("A", 1, None),
            vehicle("B", 1, Some("parts")),
            vehicle("D", 0, None),
        ],
        5,
    );
    assert_eq!(
        describe(&old, &new),
        [
            "2 vehicles moved to Paint",
            "1 vehicle entered the queue",
            "1 vehicle left the queue",
            "1 put on hold",
            "2 more delivered",
        ]
    );
    assert_eq!(
        describe(&new, &old)[..],
        [
            "2 vehicles moved to Hull",
            "1 vehicle entered the queue",
            "1 vehicle left the queue",
            "1 released from hold",
            "2 fewer delivered",
        ]
    );
}

#[test]
fn nothing_changed_says_nothing() {
    let p = programme(vec![vehicle("A", 0, None)], 1);
    assert!(describe(&p, &p).is_empty());
    assert!(between(&p, &p.clone()).is_empty());
}

/// A programme with one variant, `grf` (Griffon, 10 contracted, 4 planned in 2026 and
/// 6 in 2027), three stages.
fn full(queue: Vec<Vehicle>, deliveries: Vec<Delivery>) -> Programme {
    Programme {
        families: vec![Family {
            name: "Griffon".into(),
        }],
        variants: vec![Variant {
            id: "grf".into(),
            family: FamilyId(0),
            name: "Griffon".into(),
            contracted: 10,
            attributes: Vec::new(),
        }],
        stages: vec![
            stage("hull", "Hull"),
            stage("paint", "Paint"),
            stage("accept", "Acceptance"),
        ],
        plan: vec![
            PlanEntry {
                year: 2026,
                variant: VariantId(0),
                quantity: 4,
            },
            PlanEntry {
                year: 2027,
                variant: VariantId(0),
                quantity: 6,
            },
        ],
        queue: queue.into(),
        deliveries: deliveries.into(),
        ..Programme::default()
    }
}

#[test]
fn every_kind_of_change_between_two_loads_is_listed_once() {
    let mut moved = vehicle("G2", 1, None);
    moved.since = day(11, 20);
    let mut newcomer = vehicle("G5", 0, None);
    newcomer.since = day(11, 21);
    let old = full(
        vec![
            vehicle("G1", 2, None),
            vehicle("G2", 0, Some("radio kit")),
            vehicle("G3", 1, None),
            vehicle("G4", 1, Some("paint shop")),
        ],
        vec![delivery(day(10, 1), 2, &["G0a", "G0b"])],
    );
    let mut new = full(
        vec![
            moved,
            vehicle("G3", 1, Some("defect")),
            vehicle("G4", 1, Some("rework slot")),
            newcomer,
        ],
        vec![
            delivery(day(10, 1), 2, &["G0a", "G0b"]),
            delivery(day(11, 22), 1, &["G1"]),
        ],
    );
    new.variants[0].contracted = 12;
    new.plan[1].quantity = 8;
    let griffon = named("grf", "Griffon");
    let n = |s: &str| Name::new(s);
    assert_eq!(
        between(&old, &new),
        [
            Change::Moved {
                serial: n("G2"),
                variant: griffon.clone(),
                from: Some(named("hull", "Hull")),
                to: named("paint", "Paint"),
                on: day(11, 20),
            },
            Change::Entered {
                serial: n("G5"),
                variant: griffon.clone(),
                stage: named("hull", "Hull"),
                on: day(11, 21),
            },
            Change::Left {
                serial: n("G1"),
                variant: griffon.clone(),
                stage: named("accept", "Acceptance"),
                handed_over: true,
            },
            Change::HoldSet {
                serial: n("G3"),
                stage: named("paint", "Paint"),
                reason: n("defect"),
                was: None,
            },
            Change::HoldSet {
                serial: n("G4"),
                stage: named("paint", "Paint"),
                reason: n("rework slot"),
                was: Some(n("paint shop")),
            },
            Change::HoldCleared {
                serial: n("G2"),
                stage: named("paint", "Paint"),
                reason: n("radio kit"),
            },
            Change::HandedOver {
                variant: griffon.clone(),
                date: day(11, 22),
                quantity: 1,
                serials: vec![n("G1")],
            },
            Change::PlanChanged {
                variant: griffon.clone(),
                year: 2027,
                old: 6,
                new: 8,
            },
            Change::ContractChanged {
                variant: griffon.clone(),
                old: 10,
                new: 12,
            },
        ]
    );
    // Backwards, the hand-over is taken back and G1 comes back (a new serial in the queue).
    let back = between(&new, &old);
    assert!(back.contains(&Change::Withdrawn {
        variant: griffon,
        date: day(11, 22),
        quantity: 1,
        serials: vec![n("G1")],
    }));
    assert_eq!(
        words(&back),
        [
            "1 vehicle moved to Hull",
            "1 vehicle entered the queue",
            "1 vehicle left the queue",
            "1 put on hold",
            "1 released from hold",
            "1 fewer delivered",
            "plan changed",
            "contracts changed",
        ]
    );
}

#[test]
fn a_record_that_grows_is_a_hand_over_of_what_it_added() {
    let old = full(Vec::new(), vec![delivery(day(11, 2), 1, &["A"])]);
    let new = full(
        Vec::new(),
        vec![
            delivery(day(11, 2), 1, &["A"]),
            // Same day and variant, another record: 2 more, B and C named.
            delivery(day(11, 2), 2, &["B", "C"]),
        ],
    );
    assert_eq!(
        between(&old, &new),
        [Change::HandedOver {
            variant: named("grf", "Griffon"),
            date: day(11, 2),
            quantity: 2,
            serials: vec![Name::new("B"), Name::new("C")],
        }]
    );
}

fn visit(stage: u32, m: u32, d: u32) -> Visit {
    Visit {
        stage: StageId(stage),
        entered: day(m, d),
    }
}

#[test]
fn since_a_day_the_histories_give_the_moves_and_the_records_the_hand_overs() {
    // H1: hull 11-02, paint 11-19 (on the day: counted), accept 11-24.
    let mut h1 = vehicle("H1", 2, None);
    h1.history = vec![visit(0, 11, 2), visit(1, 11, 19), visit(2, 11, 24)].into();
    // H2: entered hull 11-20 (its first visit).
    let mut h2 = vehicle("H2", 0, Some("radio kit"));
    h2.history = vec![visit(0, 11, 20)].into();
    // H3: paint 11-18, the day before: nothing.
    let mut h3 = vehicle("H3", 1, None);
    h3.history = vec![visit(0, 11, 1), visit(1, 11, 18)].into();
    // N1: no history, in paint since 11-21: a move from an unknown stage.
    let mut n1 = vehicle("N1", 1, None);
    n1.since = day(11, 21);
    // N2: no history, since 11-01: nothing.
    let n2 = vehicle("N2", 0, None);
    let mut handed = delivery(day(11, 23), 2, &["D1", "D2"]);
    handed.histories = vec![History {
        serial: "D1".into(),
        // accept 11-10 then rework 11-20 then accept 11-22.
        visits: vec![visit(2, 11, 10), visit(1, 11, 20), visit(2, 11, 22)],
    }]
    .into();
    let old = delivery(day(11, 18), 1, &["D0"]);
    let p = full(vec![h1, h2, h3, n1, n2], vec![old, handed]);
    let s = since(&p, day(11, 19));
    let g = named("grf", "Griffon");
    let (hull, paint, accept) = (
        named("hull", "Hull"),
        named("paint", "Paint"),
        named("accept", "Acceptance"),
    );
    let n = |s: &str| Name::new(s);
    let moved = |serial: &str, from: &Named, to: &Named, on: Date| Change::Moved {
        serial: n(serial),
        variant: g.clone(),
        from: Some(from.clone()),
        to: to.clone(),
        on,
    };
    assert_eq!(
        s.changes,
        [
            moved("H1", &hull, &paint, day(11, 19)),
            Change::Entered {
                serial: n("H2"),
                variant: g.clone(),
                stage: hull.clone(),
                on: day(11, 20),
            },
            moved("D1", &accept, &paint, day(11, 20)),
            Change::Moved {
                serial: n("N1"),
                variant: g.clone(),
                from: None,
                to: paint.clone(),
                on: day(11, 21),
            },
            moved("D1", &paint, &accept, day(11, 22)),
            Change::HandedOver {
                variant: g.clone(),
                date: day(11, 23),
                quantity: 2,
                serials: vec![n("D1"), n("D2")],
            },
            moved("H1", &paint, &accept, day(11, 24)),
        ]
    );
    assert_eq!(
        s.untold,
        [
            "2 of 5 vehicles in assembly keep no stage history: for them only the day each \
             entered its current stage is known (? → stage).",
            "1 vehicle handed over since 2026-11-19 keeps no stage history: its moves before \
             the hand-over are not known.",
            "The files do not date holds: when 1 vehicle on hold now was set, and which holds \
             were lifted, is not known.",
            "The files keep no record of plan or contract changes, nor of vehicles that left \
             assembly without a hand-over: only a running dashboard sees them (its Changes \
             view).",
        ]
    );
    // A day after every record: nothing dated, the same things untold but the hand-over.
    let later = since(&p, day(11, 25));
    assert!(later.changes.is_empty());
    assert_eq!(later.untold.len(), 3);
}

#[test]
fn sentences_name_the_vehicle_the_stages_and_the_figures() {
    let c = Change::Moved {
        serial: Name::new("BE-GRF-0031"),
        variant: named("grf", "Griffon"),
        from: Some(named("hull", "Hull")),
        to: named("paint", "Paint"),
        on: day(11, 20),
    };
    assert_eq!(c.sentence(), "BE-GRF-0031 Hull → Paint");
    assert_eq!(c.kind(), "moved");
    assert_eq!(c.date(), Some(day(11, 20)));
    let h = Change::HandedOver {
        variant: named("grf", "Griffon"),
        date: day(11, 20),
        quantity: 7,
        serials: ["A", "B", "C", "D", "E", "F", "G"].map(Name::new).to_vec(),
    };
    assert_eq!(
        h.sentence(),
        "7 Griffon handed over (A, B, C, D, E and 2 more)"
    );
    let plan = Change::PlanChanged {
        variant: named("grf", "Griffon"),
        year: 2027,
        old: 6,
        new: 8,
    };
    assert_eq!(plan.sentence(), "plan 2027 for Griffon: 6 → 8");
    assert_eq!(plan.date(), None);
}
