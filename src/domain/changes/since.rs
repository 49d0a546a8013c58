//! The changes since a day, from the files alone: the stage histories give the moves, the
//! delivery records the hand-overs. What the files do not date (holds, plan and contract
//! changes, a vehicle's moves when it keeps no history) is said, not guessed.

use super::{Change, Names};
use crate::domain::words::plural;
use crate::domain::{Date, Name, Programme, Visit};

/// The changes the files show on or after a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Since {
    /// The first day counted.
    pub since: Date,
    /// The moves (a visit entered on or after `since`: from the visit before it, or
    /// [`Change::Entered`] for a history's first) and the hand-overs dated on or after it,
    /// oldest first; on one day moves before hand-overs, each in file order.
    pub changes: Vec<Change>,
    /// What the files cannot tell about the period, one sentence each.
    pub untold: Vec<String>,
}

/// What the files show changed from `since` on (see [`Since`]). A queue vehicle without
/// history that entered its stage on or after `since` is a move from a stage the files do
/// not name (`from: None`).
pub fn since(p: &Programme, since: Date) -> Since {
    let names = Names::of(p);
    let mut dated: Vec<(Date, u8, Change)> = Vec::new();
    let mut no_history = 0usize;
    for v in p.queue.iter() {
        if v.history.is_empty() {
            no_history += 1;
            if v.since >= since {
                dated.push((
                    v.since,
                    0,
                    Change::Moved {
                        serial: Name::new(&v.serial),
                        variant: names.variant(v.variant),
                        from: None,
                        to: names.stage(v.stage),
                        on: v.since,
                    },
                ));
            }
            continue;
        }
        visits(&names, &v.serial, v.variant, &v.history, since, &mut dated);
    }
    let mut unkept = 0u64;
    for d in p.deliveries.iter() {
        for h in d.histories.iter() {
            visits(&names, &h.serial, d.variant, &h.visits, since, &mut dated);
        }
        if d.date >= since {
            unkept += u64::from(d.quantity).saturating_sub(d.histories.len() as u64);
            dated.push((
                d.date,
                1,
                Change::HandedOver {
                    variant: names.variant(d.variant),
                    date: d.date,
                    quantity: d.quantity,
                    serials: d.serials.iter().map(|s| Name::new(s)).collect(),
                },
            ));
        }
    }
    // Stable: file order within a day and kind.
    dated.sort_by_key(|d| (d.0, d.1));
    let mut untold = Vec::new();
    if no_history > 0 {
        let all = p.queue.len();
        untold.push(if no_history == 1 {
            format!(
                "1 of {all} vehicles in assembly keeps no stage history: for it only the day \
                 it entered its current stage is known (? → stage)."
            )
        } else {
            format!(
                "{no_history} of {all} vehicles in assembly keep no stage history: for them \
                 only the day each entered its current stage is known (? → stage)."
            )
        });
    }
    if unkept > 0 {
        untold.push(format!(
            "{} handed over since {since} {} no stage history: {} moves before the \
             hand-over are not known.",
            plural(unkept as usize, "vehicle", "vehicles"),
            if unkept == 1 { "keeps" } else { "keep" },
            if unkept == 1 { "its" } else { "their" },
        ));
    }
    let held = p.queue.iter().filter(|v| v.is_on_hold()).count();
    untold.push(format!(
        "The files do not date holds: when {} on hold now {} set, and which holds were \
         lifted, is not known.",
        plural(held, "vehicle", "vehicles"),
        if held == 1 { "was" } else { "were" },
    ));
    untold.push(
        "The files keep no record of plan or contract changes, nor of vehicles that left \
         assembly without a hand-over: only a running dashboard sees them (its Changes view)."
            .to_owned(),
    );
    Since {
        since,
        changes: dated.into_iter().map(|d| d.2).collect(),
        untold,
    }
}

/// The visits of one history entered on or after `since`, as moves.
fn visits(
    names: &Names,
    serial: &str,
    variant: crate::domain::VariantId,
    history: &[Visit],
    since: Date,
    out: &mut Vec<(Date, u8, Change)>,
) {
    for (i, visit) in history.iter().enumerate() {
        if visit.entered < since {
            continue;
        }
        let change = match i.checked_sub(1).and_then(|j| history.get(j)) {
            Some(before) => Change::Moved {
                serial: Name::new(serial),
                variant: names.variant(variant),
                from: Some(names.stage(before.stage)),
                to: names.stage(visit.stage),
                on: visit.entered,
            },
            None => Change::Entered {
                serial: Name::new(serial),
                variant: names.variant(variant),
                stage: names.stage(visit.stage),
                on: visit.entered,
            },
        };
        out.push((visit.entered, 0, change));
    }
}
