//! Changes in words: short phrases for the status line ([`words`], [`describe`]) and one
//! sentence per change for lists ([`Change::sentence`]).

use super::{Change, between};
use crate::domain::Programme;
use crate::domain::words::plural;

/// Short phrases such as `2 vehicles moved to Paint`, `1 delivery added`: [`words`] of
/// the changes [`between`] two loads.
pub fn describe(old: &Programme, new: &Programme) -> Vec<String> {
    words(&between(old, new))
}

/// Short phrases for the status line, counted per kind, in this order: vehicles moved
/// (per stage entered, in the order first met), entered the queue, left it, put on hold,
/// released from hold, more and fewer delivered, plan changed, contracts changed. A hold
/// whose reason changed counts as neither put on hold nor released.
pub fn words(changes: &[Change]) -> Vec<String> {
    let mut moved: Vec<(&str, usize)> = Vec::new();
    let (mut entered, mut left, mut held, mut released) = (0, 0, 0, 0);
    let (mut more, mut fewer) = (0u64, 0u64);
    let (mut plan, mut contracts) = (false, false);
    for c in changes {
        match c {
            Change::Moved { to, .. } => match moved.iter_mut().find(|(s, _)| *s == &*to.name) {
                Some((_, n)) => *n += 1,
                None => moved.push((&to.name, 1)),
            },
            Change::Entered { .. } => entered += 1,
            Change::Left { .. } => left += 1,
            Change::HoldSet { was: None, .. } => held += 1,
            Change::HoldSet { .. } => {}
            Change::HoldCleared { .. } => released += 1,
            Change::HandedOver { quantity, .. } => more += u64::from(*quantity),
            Change::Withdrawn { quantity, .. } => fewer += u64::from(*quantity),
            Change::PlanChanged { .. } => plan = true,
            Change::ContractChanged { .. } => contracts = true,
        }
    }
    let mut out: Vec<String> = moved
        .into_iter()
        .map(|(stage, n)| format!("{} moved to {stage}", plural(n, "vehicle", "vehicles")))
        .collect();
    if entered > 0 {
        out.push(format!(
            "{} entered the queue",
            plural(entered, "vehicle", "vehicles")
        ));
    }
    if left > 0 {
        out.push(format!(
            "{} left the queue",
            plural(left, "vehicle", "vehicles")
        ));
    }
    if held > 0 {
        out.push(format!("{held} put on hold"));
    }
    if released > 0 {
        out.push(format!("{released} released from hold"));
    }
    if more > 0 {
        out.push(format!("{more} more delivered"));
    }
    if fewer > 0 {
        out.push(format!("{fewer} fewer delivered"));
    }
    if plan {
        out.push("plan changed".to_owned());
    }
    if contracts {
        out.push("contracts changed".to_owned());
    }
    out
}

impl Change {
    /// The change in one sentence, without its day (lists show it in a column):
    /// `BE-GRF-0031 Communications → Paint` (`BE-GRF-0031 ? → Paint` when the stage before
    /// is not known), `3 Griffon troop transport handed over
    /// (BE-GRF-0010, BE-GRF-0011, BE-GRF-0012)`, `plan 2027 for Griffon troop transport:
    /// 40 → 38`.
    pub fn sentence(&self) -> String {
        match self {
            Change::Moved {
                serial, from, to, ..
            } => match from {
                Some(from) => format!("{serial} {} → {}", from.name, to.name),
                None => format!("{serial} ? → {}", to.name),
            },
            Change::Entered { serial, stage, .. } => {
                format!("{serial} entered assembly at {}", stage.name)
            }
            Change::Left {
                serial,
                stage,
                handed_over,
                ..
            } => format!(
                "{serial} left the queue from {}{}",
                stage.name,
                if *handed_over { " (handed over)" } else { "" }
            ),
            Change::HoldSet {
                serial,
                stage,
                reason,
                was,
            } => match was {
                None => format!("{serial} on hold in {}: {reason}", stage.name),
                Some(was) => format!(
                    "{serial} still on hold in {}: {reason} (was: {was})",
                    stage.name
                ),
            },
            Change::HoldCleared {
                serial,
                stage,
                reason,
            } => format!("{serial} released from hold in {} ({reason})", stage.name),
            Change::HandedOver {
                variant,
                quantity,
                serials,
                ..
            } => format!("{quantity} {} handed over{}", variant.name, listed(serials)),
            Change::Withdrawn {
                variant,
                quantity,
                serials,
                ..
            } => format!(
                "{quantity} {} hand-over taken back{}",
                variant.name,
                listed(serials)
            ),
            Change::PlanChanged {
                variant,
                year,
                old,
                new,
            } => format!("plan {year} for {}: {old} → {new}", variant.name),
            Change::ContractChanged { variant, old, new } => {
                format!("contract for {}: {old} → {new}", variant.name)
            }
        }
    }
}

/// ` (A, B, C)`, or ` (A, B, C and 4 more)` past five serials; empty when none.
fn listed(serials: &[crate::domain::Name]) -> String {
    const SHOWN: usize = 5;
    if serials.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = serials.iter().take(SHOWN).map(|s| s.as_str()).collect();
    let more = serials.len().saturating_sub(SHOWN);
    if more > 0 {
        format!(" ({} and {more} more)", names.join(", "))
    } else {
        format!(" ({})", names.join(", "))
    }
}
