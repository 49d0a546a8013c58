//! The changes between two loads of a set: every vehicle that moved, came, went, was held
//! or released, every hand-over added or taken back, every plan and contract figure
//! changed. Vehicles are matched by serial, stages and variants by their short ids.

use std::collections::{HashMap, HashSet};

use super::{Change, Named, Names};
use crate::domain::{Date, Name, Programme, Shared, StageId, Vehicle};

/// Every change from `old` to `new`, in this order: the queue's moves, arrivals (in the
/// new queue's order), departures (in the old queue's), holds set and cleared; hand-overs
/// added and taken back (by day, then variant); plan entries (by variant, then year);
/// contracts (by variant).
///
/// A reload that shares the old queue ([`Shared::ptr_eq`]) has nothing in it that moved,
/// and a hundred thousand vehicles are not compared. Stages are the same when their ids
/// are; a vehicle whose variant changed is the same vehicle. Hand-overs are compared per
/// day and variant: more vehicles is a hand-over, fewer a withdrawal (the serials listed
/// are those added or taken off); serials corrected without a change of quantity are not a
/// change.
pub fn between(old: &Programme, new: &Programme) -> Vec<Change> {
    let (was, now) = (Names::of(old), Names::of(new));
    let mut out = Vec::new();
    if !Shared::ptr_eq(&old.queue, &new.queue) {
        queue(old, new, (&was, &now), &mut out);
    }
    if !Shared::ptr_eq(&old.deliveries, &new.deliveries) {
        hand_overs(old, new, (&was, &now), &mut out);
    }
    plan(old, new, (&was, &now), &mut out);
    contracts(old, new, (&was, &now), &mut out);
    out
}

/// What the old queue says of one serial (its last vehicle when written twice), and
/// whether the new queue holds it too.
struct Before<'a> {
    vehicle: &'a Vehicle,
    still_there: bool,
}

/// The part of each queue that can hold a change: the two queues without the vehicles
/// they begin and end with alike (same serial, stage id and hold, one for one). A reload
/// that read one queue file again changes that file's vehicles only, and the merge keeps
/// the files' vehicles in file order, so only that file's are compared.
///
/// Exact when each queue names a serial once, as the merge makes it (a vehicle written
/// again is left out): a serial of the parts left out is then in neither changed part.
fn changed_parts<'a>(
    old: &'a Programme,
    new: &'a Programme,
    was: &Names,
    now: &Names,
) -> (&'a [Vehicle], &'a [Vehicle]) {
    // The new id of each old stage, when the new programme has it.
    let stage: Vec<Option<StageId>> = was
        .stages
        .iter()
        .map(|w| {
            now.stages
                .iter()
                .position(|n| n.id == w.id)
                .map(|i| StageId(i as u32))
        })
        .collect();
    let alike = |o: &Vehicle, v: &Vehicle| {
        o.serial.as_str() == v.serial.as_str()
            && stage.get(o.stage.0 as usize).copied().flatten() == Some(v.stage)
            && o.hold.as_deref() == v.hold.as_deref()
    };
    let (o, n) = (&old.queue[..], &new.queue[..]);
    let head = o.iter().zip(n).take_while(|(o, v)| alike(o, v)).count();
    let (o, n) = (&o[head..], &n[head..]);
    let tail = o
        .iter()
        .rev()
        .zip(n.iter().rev())
        .take_while(|(o, v)| alike(o, v))
        .count();
    (&o[..o.len() - tail], &n[..n.len() - tail])
}

/// Moves, arrivals, departures and holds, in one table of the old queue's serials that can
/// have changed ([`changed_parts`]; sized once, hashbrown's fast hasher): at a million
/// vehicles, a `std` map per question cost several times the parse of the file that
/// changed, and one table of every serial still a third of it.
fn queue(old: &Programme, new: &Programme, (was, now): (&Names, &Names), out: &mut Vec<Change>) {
    let (old_part, new_part) = changed_parts(old, new, was, now);
    let mut before: hashbrown::HashMap<&str, Before> =
        hashbrown::HashMap::with_capacity(old_part.len());
    for v in old_part {
        before.insert(
            &*v.serial,
            Before {
                vehicle: v,
                still_there: false,
            },
        );
    }
    let mut entered = Vec::new();
    let mut holds = Vec::new();
    for v in new_part {
        let serial = || Name::new(&v.serial);
        let Some(b) = before.get_mut(&*v.serial) else {
            let first = v.history.first();
            entered.push(Change::Entered {
                serial: serial(),
                variant: now.variant(v.variant),
                stage: now.stage(first.map_or(v.stage, |f| f.stage)),
                on: first.map_or(v.since, |f| f.entered),
            });
            continue;
        };
        b.still_there = true;
        let o = b.vehicle;
        let from = was.stage(o.stage);
        let to = now.stage(v.stage);
        if from.id != to.id {
            out.push(Change::Moved {
                serial: serial(),
                variant: now.variant(v.variant),
                from: Some(from),
                to: to.clone(),
                on: v.since,
            });
        }
        match (&o.hold, &v.hold) {
            (None, Some(r)) => holds.push(Change::HoldSet {
                serial: serial(),
                stage: to,
                reason: r.clone(),
                was: None,
            }),
            (Some(a), Some(b)) if a.as_str() != b.as_str() => holds.push(Change::HoldSet {
                serial: serial(),
                stage: to,
                reason: b.clone(),
                was: Some(a.clone()),
            }),
            (Some(r), None) => holds.push(Change::HoldCleared {
                serial: serial(),
                stage: to,
                reason: r.clone(),
            }),
            _ => {}
        }
    }
    out.append(&mut entered);
    let gone = |v: &&Vehicle| before.get(&*v.serial).is_some_and(|b| !b.still_there);
    if old_part.iter().any(|v| gone(&v)) {
        let delivered: HashSet<&str> = new
            .deliveries
            .iter()
            .flat_map(|d| d.serials.iter().map(|s| &**s))
            .collect();
        for v in old_part.iter().filter(gone) {
            out.push(Change::Left {
                serial: Name::new(&v.serial),
                variant: was.variant(v.variant),
                stage: was.stage(v.stage),
                handed_over: delivered.contains(&*v.serial),
            });
        }
    }
    // Holds set before holds cleared, each in the new queue's order.
    holds.sort_by_key(|c| matches!(c, Change::HoldCleared { .. }));
    out.append(&mut holds);
}

/// Vehicles and serials handed over, per (day, variant id).
type Handed<'a> = HashMap<(Date, &'a str), (u32, Vec<&'a str>)>;

fn handed<'a>(p: &'a Programme, names: &'a Names) -> (Handed<'a>, Vec<(Date, &'a str)>) {
    let mut map: Handed = HashMap::new();
    let mut order = Vec::new();
    for d in p.deliveries.iter() {
        let id = names
            .variants
            .get(d.variant.0 as usize)
            .map_or("", |v| v.id.as_str());
        let entry = map.entry((d.date, id)).or_insert_with(|| {
            order.push((d.date, id));
            (0, Vec::new())
        });
        entry.0 = entry.0.saturating_add(d.quantity);
        entry.1.extend(d.serials.iter().map(|s| &**s));
    }
    (map, order)
}

fn hand_overs(
    old: &Programme,
    new: &Programme,
    (was, now): (&Names, &Names),
    out: &mut Vec<Change>,
) {
    let (before, old_order) = handed(old, was);
    let (after, new_order) = handed(new, now);
    let variant_of = |names: &Names, id: &str| {
        names
            .variants
            .iter()
            .find(|v| v.id.as_str() == id)
            .cloned()
            .unwrap_or_else(|| Named {
                id: Name::new(id),
                name: Name::new(id),
            })
    };
    let mut keys: Vec<(Date, &str)> = new_order;
    keys.extend(old_order.into_iter().filter(|k| !after.contains_key(k)));
    keys.sort();
    keys.dedup();
    let none = (0, Vec::new());
    for key in keys {
        let (a, sa) = before.get(&key).unwrap_or(&none);
        let (b, sb) = after.get(&key).unwrap_or(&none);
        let minus = |x: &[&str], y: &[&str]| -> Vec<Name> {
            let y: HashSet<&str> = y.iter().copied().collect();
            x.iter()
                .filter(|s| !y.contains(*s))
                .map(|s| Name::new(s))
                .collect()
        };
        if b > a {
            out.push(Change::HandedOver {
                variant: variant_of(now, key.1),
                date: key.0,
                quantity: b - a,
                serials: minus(sb, sa),
            });
        } else if a > b {
            out.push(Change::Withdrawn {
                variant: variant_of(was, key.1),
                date: key.0,
                quantity: a - b,
                serials: minus(sa, sb),
            });
        }
    }
}

/// Each variant's figures keyed by its id, in the order first seen (new, then old).
fn by_variant<T: Copy + Default + std::ops::AddAssign>(
    old: impl Iterator<Item = (Named, T)>,
    new: impl Iterator<Item = (Named, T)>,
) -> Vec<(Named, T, T)> {
    let mut rows: Vec<(Named, T, T)> = Vec::new();
    let mut at: HashMap<Name, usize> = HashMap::new();
    let mut add = |named: Named, x: T, is_new: bool| {
        let i = *at.entry(named.id.clone()).or_insert_with(|| {
            rows.push((named, T::default(), T::default()));
            rows.len() - 1
        });
        if is_new {
            rows[i].2 += x;
        } else {
            rows[i].1 += x;
        }
    };
    for (n, x) in new {
        add(n, x, true);
    }
    for (n, x) in old {
        add(n, x, false);
    }
    rows
}

fn plan(old: &Programme, new: &Programme, (was, now): (&Names, &Names), out: &mut Vec<Change>) {
    let years = |p: &Programme| -> Vec<i32> {
        let mut y: Vec<i32> = p.plan.iter().map(|e| e.year).collect();
        y.sort_unstable();
        y.dedup();
        y
    };
    let mut all = years(old);
    all.extend(years(new));
    all.sort_unstable();
    all.dedup();
    let mut changes: Vec<(usize, i32, Change)> = Vec::new();
    for year in all {
        let of = |p: &'_ Programme, names: &'_ Names| -> Vec<(Named, u32)> {
            p.plan
                .iter()
                .filter(|e| e.year == year)
                .map(|e| (names.variant(e.variant), e.quantity))
                .collect()
        };
        let rows = by_variant(of(old, was).into_iter(), of(new, now).into_iter());
        for (variant, a, b) in rows {
            if a != b {
                let rank = rank(now, was, &variant);
                changes.push((
                    rank,
                    year,
                    Change::PlanChanged {
                        variant,
                        year,
                        old: a,
                        new: b,
                    },
                ));
            }
        }
    }
    changes.sort_by_key(|c| (c.0, c.1));
    out.extend(changes.into_iter().map(|c| c.2));
}

/// Where a variant stands: its place in the new programme, else after them in the old.
fn rank(now: &Names, was: &Names, v: &Named) -> usize {
    now.variants
        .iter()
        .position(|n| n.id == v.id)
        .or_else(|| {
            was.variants
                .iter()
                .position(|n| n.id == v.id)
                .map(|i| i + now.variants.len())
        })
        .unwrap_or(usize::MAX)
}

fn contracts(
    old: &Programme,
    new: &Programme,
    (was, now): (&Names, &Names),
    out: &mut Vec<Change>,
) {
    let of = |p: &Programme, names: &Names| -> Vec<(Named, u32)> {
        p.variant_ids()
            .map(|v| (names.variant(v), p.variant(v).contracted))
            .collect()
    };
    for (variant, a, b) in by_variant(of(old, was).into_iter(), of(new, now).into_iter()) {
        if a != b {
            out.push(Change::ContractChanged {
                variant,
                old: a,
                new: b,
            });
        }
    }
}
