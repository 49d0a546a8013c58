//! What changed: between two loads ([`between`], for the dashboard's log and the status
//! line's words) and since a day, from the stage histories and hand-overs the files keep
//! ([`since`]). Each change is a [`Change`], naming its vehicle, variant and stages by id
//! and display name, so that it outlives the loads it came from.

mod between;
mod gaps;
mod since;
mod words;

#[cfg(test)]
mod tests;

pub use between::between;
pub use gaps::data_changed;
pub use since::{Since, since};
pub use words::{describe, words};

use super::{Date, Name, Programme, StageId, VariantId};

/// A stage or a variant as a change names it: its short id (`paint`, `grf-tt`) and its
/// display name (`Paint`, `Griffon troop transport`), as the load that saw the change
/// wrote them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Named {
    /// The short id the status files use.
    pub id: Name,
    /// The display name.
    pub name: Name,
}

impl Named {
    /// The stage `id` of `p`.
    pub fn stage(p: &Programme, id: StageId) -> Named {
        let s = p.stage(id);
        Named {
            id: Name::new(&s.id),
            name: Name::new(&s.name),
        }
    }

    /// The variant `id` of `p`.
    pub fn variant(p: &Programme, id: VariantId) -> Named {
        let v = p.variant(id);
        Named {
            id: Name::new(&v.id),
            name: Name::new(&v.name),
        }
    }
}

/// One change, of one of the kinds a programme office follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A vehicle in assembly went from one stage to another, entering `to` on `on` (its
    /// `since`, or its history's visit). `from` is `None` when the files keep no earlier
    /// stage (a vehicle without history).
    Moved {
        /// The vehicle's serial.
        serial: Name,
        /// Its variant.
        variant: Named,
        /// The stage it left, when known.
        from: Option<Named>,
        /// The stage it entered.
        to: Named,
        /// The day it entered `to`.
        on: Date,
    },
    /// A vehicle entered final assembly: a new serial in the queue, or the first visit of
    /// a history.
    Entered {
        /// The vehicle's serial.
        serial: Name,
        /// Its variant.
        variant: Named,
        /// The stage it entered.
        stage: Named,
        /// The day it entered it.
        on: Date,
    },
    /// A vehicle left the queue (between two loads only: the files do not date it).
    Left {
        /// The vehicle's serial.
        serial: Name,
        /// Its variant.
        variant: Named,
        /// The stage it was in.
        stage: Named,
        /// A hand-over of the newer load lists its serial.
        handed_over: bool,
    },
    /// A vehicle was put on hold, or its hold's reason changed (`was`).
    HoldSet {
        /// The vehicle's serial.
        serial: Name,
        /// The stage it is held in.
        stage: Named,
        /// Why it is held now.
        reason: Name,
        /// The reason it was held for before, when only the reason changed.
        was: Option<Name>,
    },
    /// A vehicle's hold was lifted.
    HoldCleared {
        /// The vehicle's serial.
        serial: Name,
        /// The stage it was held in.
        stage: Named,
        /// Why it had been held.
        reason: Name,
    },
    /// Vehicles handed over: a new delivery record, or more vehicles on one (per day and
    /// variant).
    HandedOver {
        /// The variant handed over.
        variant: Named,
        /// The day of the hand-over.
        date: Date,
        /// The vehicles added.
        quantity: u32,
        /// The serials added, those the record lists.
        serials: Vec<Name>,
    },
    /// Hand-overs taken back: a delivery record removed, or fewer vehicles on one.
    Withdrawn {
        /// The variant.
        variant: Named,
        /// The day of the hand-over.
        date: Date,
        /// The vehicles taken off.
        quantity: u32,
        /// The serials taken off, those the record listed.
        serials: Vec<Name>,
    },
    /// A variant's plan for one year changed (0: no entry).
    PlanChanged {
        /// The variant.
        variant: Named,
        /// The delivery year.
        year: i32,
        /// Vehicles planned before.
        old: u32,
        /// Vehicles planned now.
        new: u32,
    },
    /// A variant's contracted quantity changed (0: no such variant).
    ContractChanged {
        /// The variant.
        variant: Named,
        /// Vehicles on contract before.
        old: u32,
        /// Vehicles on contract now.
        new: u32,
    },
}

impl Change {
    /// The kind's short name, as the report's `change` column writes it: `moved`,
    /// `entered`, `left`, `hold_set`, `hold_cleared`, `handed_over`, `withdrawn`,
    /// `plan_changed`, `contract_changed`.
    pub fn kind(&self) -> &'static str {
        match self {
            Change::Moved { .. } => "moved",
            Change::Entered { .. } => "entered",
            Change::Left { .. } => "left",
            Change::HoldSet { .. } => "hold_set",
            Change::HoldCleared { .. } => "hold_cleared",
            Change::HandedOver { .. } => "handed_over",
            Change::Withdrawn { .. } => "withdrawn",
            Change::PlanChanged { .. } => "plan_changed",
            Change::ContractChanged { .. } => "contract_changed",
        }
    }

    /// The day the files give for it: the day a stage was entered, a hand-over's day;
    /// `None` for what the files do not date (a departure, a hold, a plan or contract).
    pub fn date(&self) -> Option<Date> {
        match self {
            Change::Moved { on, .. } | Change::Entered { on, .. } => Some(*on),
            Change::HandedOver { date, .. } | Change::Withdrawn { date, .. } => Some(*date),
            _ => None,
        }
    }

    /// The vehicle it is about, for the changes of one vehicle.
    pub fn serial(&self) -> Option<&Name> {
        match self {
            Change::Moved { serial, .. }
            | Change::Entered { serial, .. }
            | Change::Left { serial, .. }
            | Change::HoldSet { serial, .. }
            | Change::HoldCleared { serial, .. } => Some(serial),
            _ => None,
        }
    }

    /// The variant it is about, when it names one.
    pub fn variant(&self) -> Option<&Named> {
        match self {
            Change::Moved { variant, .. }
            | Change::Entered { variant, .. }
            | Change::Left { variant, .. }
            | Change::HandedOver { variant, .. }
            | Change::Withdrawn { variant, .. }
            | Change::PlanChanged { variant, .. }
            | Change::ContractChanged { variant, .. } => Some(variant),
            _ => None,
        }
    }
}

/// The stages and variants of a programme as changes name them, made once per load.
pub(crate) struct Names {
    pub(crate) stages: Vec<Named>,
    pub(crate) variants: Vec<Named>,
}

impl Names {
    pub(crate) fn of(p: &Programme) -> Names {
        Names {
            stages: p.stage_ids().map(|s| Named::stage(p, s)).collect(),
            variants: p.variant_ids().map(|v| Named::variant(p, v)).collect(),
        }
    }

    pub(crate) fn stage(&self, id: StageId) -> Named {
        self.stages
            .get(id.0 as usize)
            .cloned()
            .unwrap_or_else(|| unknown(id.0))
    }

    pub(crate) fn variant(&self, id: VariantId) -> Named {
        self.variants
            .get(id.0 as usize)
            .cloned()
            .unwrap_or_else(|| unknown(id.0))
    }
}

/// A stage or variant a record names but its programme lacks (a hand-built programme).
fn unknown(i: u32) -> Named {
    let text = Name::new(&format!("#{i}"));
    Named {
        id: text.clone(),
        name: text,
    }
}
