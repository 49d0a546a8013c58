//! Changes between loads and since a day, worked by hand.

mod since;

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
        history: Default::default(),
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

/// `v` written in file `file` of the set.
fn in_file(mut v: Vehicle, file: u32) -> Vehicle {
    v.origin = Origin { file, line: 0 };
    v
}

#[test]
fn a_vehicle_moved_to_another_file_is_no_change_but_its_neighbours_are() {
    // Files 0, 1 and 2; C goes from file 1 to the end of file 2, D moves on to paint,
    // B leaves and F comes: only what the changed files hold is compared, and the vehicles
    // around them (A, E) are the same.
    let old = programme(
        vec![
            in_file(vehicle("A", 0, None), 0),
            in_file(vehicle("B", 0, None), 0),
            in_file(vehicle("C", 0, Some("parts")), 1),
            in_file(vehicle("D", 0, None), 1),
            in_file(vehicle("E", 1, None), 2),
        ],
        1,
    );
    let new = programme(
        vec![
            in_file(vehicle("A", 0, None), 0),
            in_file(vehicle("D", 1, None), 1),
            in_file(vehicle("E", 1, None), 2),
            in_file(vehicle("C", 0, Some("parts")), 2),
            in_file(vehicle("F", 1, None), 2),
        ],
        1,
    );
    let (hull, paint) = (named("hull", "Hull"), named("paint", "Paint"));
    let unknown = named("#0", "#0");
    assert_eq!(
        between(&old, &new),
        vec![
            Change::Moved {
                serial: Name::new("D"),
                variant: unknown.clone(),
                from: Some(hull.clone()),
                to: paint.clone(),
                on: day(11, 1),
            },
            Change::Entered {
                serial: Name::new("F"),
                variant: unknown.clone(),
                stage: paint,
                on: day(11, 1),
            },
            Change::Left {
                serial: Name::new("B"),
                variant: unknown,
                stage: hull,
                handed_over: false,
            },
        ]
    );
    // The same vehicles swapped in the middle, one of them held: only the hold.
    let mut swapped = old.clone();
    swapped.queue.swap(1, 2);
    swapped.queue[1].hold = Some("paint".into());
    let held = between(&old, &swapped);
    assert_eq!(held.len(), 1, "{held:?}");
    assert!(
        matches!(&held[0], Change::HoldSet { serial, was: Some(was), .. }
        if serial.as_str() == "C" && was.as_str() == "parts")
    );
}
