//! What changed between two loads, in words for the status line.

use super::{Programme, Shared, StageId};

/// Short phrases such as `2 vehicles moved to Paint`, `1 delivery added`.
pub fn describe(old: &Programme, new: &Programme) -> Vec<String> {
    let mut out = Vec::new();
    // A reload that read no queue file shares the old queue: nothing in it moved, came,
    // went or was held, and a hundred thousand vehicles need not be compared.
    if !Shared::ptr_eq(&old.queue, &new.queue) {
        describe_queue(old, new, &mut out);
    }
    let delivered = |p: &Programme| {
        p.deliveries
            .iter()
            .map(|d| u64::from(d.quantity))
            .sum::<u64>()
    };
    let (a, b) = (delivered(old), delivered(new));
    if b > a {
        out.push(format!("{} more delivered", b - a));
    } else if a > b {
        out.push(format!("{} fewer delivered", a - b));
    }
    let planned = |p: &Programme| p.plan.iter().map(|e| u64::from(e.quantity)).sum::<u64>();
    let contracted = |p: &Programme| {
        p.variants
            .iter()
            .map(|v| u64::from(v.contracted))
            .sum::<u64>()
    };
    if planned(old) != planned(new) || old.plan.len() != new.plan.len() {
        out.push("plan changed".to_owned());
    }
    if contracted(old) != contracted(new) {
        out.push("contracts changed".to_owned());
    }
    out
}

/// What the old queue says of one serial: for a serial written more than once, its last
/// vehicle's stage and hold, and how many vehicles it names.
struct Before {
    stage: StageId,
    on_hold: bool,
    vehicles: usize,
    /// Set when the new queue holds the serial too.
    still_there: bool,
}

/// What changed in the queue: moves between stages, arrivals, departures, holds.
///
/// One table of the old queue's serials (sized once, hashed with hashbrown's fast hasher:
/// at a million vehicles, the three `std` maps this took before cost several times the
/// parse of the file that changed), one pass over the new queue, one over the table.
fn describe_queue(old: &Programme, new: &Programme, out: &mut Vec<String>) {
    let mut before: hashbrown::HashMap<&str, Before> =
        hashbrown::HashMap::with_capacity(old.queue.len());
    for v in old.queue.iter() {
        let entry = before.entry(&*v.serial).or_insert(Before {
            stage: v.stage,
            on_hold: false,
            vehicles: 0,
            still_there: false,
        });
        entry.stage = v.stage;
        entry.on_hold = v.is_on_hold();
        entry.vehicles += 1;
    }
    let mut moved: Vec<(StageId, usize)> = Vec::new();
    let (mut added, mut put_on_hold, mut released) = (0, 0, 0);
    for v in &new.queue {
        let Some(was) = before.get_mut(&*v.serial) else {
            added += 1;
            continue;
        };
        was.still_there = true;
        if old.stages.get(was.stage.0 as usize).map(|st| &st.id)
            != new.stages.get(v.stage.0 as usize).map(|st| &st.id)
        {
            match moved.iter_mut().find(|(st, _)| *st == v.stage) {
                Some((_, n)) => *n += 1,
                None => moved.push((v.stage, 1)),
            }
        }
        match (was.on_hold, v.is_on_hold()) {
            (false, true) => put_on_hold += 1,
            (true, false) => released += 1,
            _ => {}
        }
    }
    for (stage, n) in moved {
        let name = &new.stage(stage).name;
        out.push(format!("{n} {} moved to {name}", vehicles(n)));
    }
    if added > 0 {
        out.push(format!("{added} {} entered the queue", vehicles(added)));
    }
    let left: usize = before
        .values()
        .filter(|b| !b.still_there)
        .map(|b| b.vehicles)
        .sum();
    if left > 0 {
        out.push(format!("{left} {} left the queue", vehicles(left)));
    }
    if put_on_hold > 0 {
        out.push(format!("{put_on_hold} put on hold"));
    }
    if released > 0 {
        out.push(format!("{released} released from hold"));
    }
}

fn vehicles(n: usize) -> &'static str {
    if n == 1 { "vehicle" } else { "vehicles" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Delivery, Origin, SiteId, Stage, VariantId, Vehicle};

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
            since: crate::domain::Date::from_ymd_opt(2026, 11, 1).unwrap(),
            due: None,
            site: SiteId(0),
            lot: None,
            hold: hold.map(Into::into),
            history: Box::default(),
            origin: Origin::default(),
        }
    }

    fn programme(queue: Vec<Vehicle>, delivered: u32) -> Programme {
        Programme {
            stages: vec![stage("hull", "Hull"), stage("paint", "Paint")],
            queue: queue.into(),
            deliveries: vec![Delivery {
                date: crate::domain::Date::from_ymd_opt(2026, 10, 1).unwrap(),
                variant: VariantId(0),
                quantity: delivered,
                serials: Vec::new(),
                histories: Box::default(),
                origin: Origin::default(),
            }]
            .into(),
            ..Programme::default()
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
    fn a_serial_written_twice_counts_its_last_vehicle_and_every_departure() {
        // "A" twice in the old queue: its last vehicle (in Paint, held) is what it was.
        let old = programme(
            vec![
                vehicle("A", 0, None),
                vehicle("A", 1, Some("parts")),
                vehicle("B", 0, None),
                vehicle("B", 0, None),
            ],
            0,
        );
        let new = programme(vec![vehicle("A", 0, None), vehicle("C", 1, None)], 0);
        assert_eq!(
            describe(&old, &new),
            [
                "1 vehicle moved to Hull",
                "1 vehicle entered the queue",
                "2 vehicles left the queue",
                "1 released from hold",
            ]
        );
    }

    #[test]
    fn nothing_changed_says_nothing() {
        let p = programme(vec![vehicle("A", 0, None)], 1);
        assert!(describe(&p, &p).is_empty());
    }
}
