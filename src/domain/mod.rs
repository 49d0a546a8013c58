//! The programme model: what was contracted, planned, is being assembled and was delivered.
//!
//! Pure data and arithmetic: no IO, no terminal, no YAML. The loader (`status`) builds a
//! [`Programme`] from the status files; [`figures`] turns it into the numbers the views show
//! for a given day.

pub mod balance;
pub mod changes;
pub mod completeness;
pub mod dates;
pub mod figures;
pub mod flow;
pub mod forecast;
pub mod holds;
pub mod name;
pub mod serial;
pub mod shared;
pub mod visits;
pub mod words;

pub use chrono::NaiveDate as Date;
pub use figures::{Counts, Figures, Schedule, YearFigures};
pub use forecast::Forecast;
pub use name::Name;
pub use serial::{Serial, SerialText};
pub use shared::Shared;
pub use visits::Visits;

/// Index of a variant in [`Programme::variants`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VariantId(pub u32);

/// Index of a family in [`Programme::families`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FamilyId(pub u32);

/// Index of a stage in [`Programme::stages`]; stages are kept in flow order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StageId(pub u32);

/// Index of a site in [`Programme::sites`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SiteId(pub u32);

/// Where a record was written, so a view can point the user at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Origin {
    /// Index into [`Programme::files`].
    pub file: u32,
    /// 1-based line, 0 when unknown.
    pub line: u32,
}

/// The programme's identity, from the `programme` section.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Info {
    /// The programme's display name (`CaMo Belgium`).
    pub name: String,
    /// Who buys the vehicles.
    pub customer: Option<String>,
    /// The prime contractor.
    pub prime: Option<String>,
    /// Who runs final assembly.
    pub final_assembler: Option<String>,
    /// The first delivery year.
    pub first_year: i32,
    /// The last delivery year.
    pub last_year: i32,
}

/// A variant of a vehicle family (`Griffon troop transport`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// The short name other sections use (`grf-tt`).
    pub id: String,
    /// The family it belongs to.
    pub family: FamilyId,
    /// The display name (`Griffon troop transport`).
    pub name: String,
    /// Vehicles on contract.
    pub contracted: u32,
    /// Free attributes (role, weapon), in file order.
    pub attributes: Vec<(String, String)>,
}

/// A vehicle family (`Griffon`): the variants built on one hull.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Family {
    /// Its display name.
    pub name: String,
}

/// A stage of final assembly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    /// The short name the queue uses (`rws`).
    pub id: String,
    /// The display name (`Remote weapon station`).
    pub name: String,
    /// The families the stage applies to; empty means every family.
    pub families: Vec<FamilyId>,
    /// Off the main line: vehicles sent back after a defect.
    pub rework: bool,
}

impl Stage {
    /// True when vehicles of `family` pass through this stage.
    pub fn applies_to(&self, family: FamilyId) -> bool {
        self.families.is_empty() || self.families.contains(&family)
    }
}

/// Deliveries planned for one variant in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanEntry {
    /// The delivery year.
    pub year: i32,
    /// The variant planned.
    pub variant: VariantId,
    /// Vehicles planned that year.
    pub quantity: u32,
}

/// A vehicle in final assembly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vehicle {
    /// Shared with the loader's copy of the file it came from.
    pub serial: Serial,
    /// Its variant.
    pub variant: VariantId,
    /// The stage it is in now.
    pub stage: StageId,
    /// The day it entered its current stage.
    pub since: Date,
    /// The day it is due to leave final assembly.
    pub due: Option<Date>,
    /// The plant it is assembled in.
    pub site: SiteId,
    /// The production lot, when given.
    pub lot: Option<Name>,
    /// Why it is not moving, when it is on hold.
    pub hold: Option<Name>,
    /// The stages it has been through, oldest first, re-entries included (acceptance,
    /// rework, acceptance). Empty when the file gives no history, or when the one it gives
    /// is wrong (the loader then warns and leaves it out whole). When not empty it holds,
    /// as the loader checks: the days entered never go back, no stage follows itself,
    /// every stage applies to the vehicle's family, no day is after the day of the load,
    /// and the last visit is the current stage: `stage`, entered on `since`. One pointer
    /// wide ([`Visits`]), no allocation when empty.
    pub history: Visits,
    /// Where the record was written.
    pub origin: Origin,
}

/// One stay in a stage: the stage and the day the vehicle entered it. In a history a stay
/// ends the day the next one begins, or at the hand-over; the last stay of a vehicle still
/// in assembly is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visit {
    /// The stage.
    pub stage: StageId,
    /// The day the vehicle entered it.
    pub entered: Date,
}

/// The stage history a delivered vehicle kept: its visits, oldest first; the last ends at
/// the hand-over of the [`Delivery`] that lists it. As for [`Vehicle::history`], the loader
/// keeps only a history that holds: days that never go back, no stage following itself,
/// stages of the vehicle's family, no day after the hand-over; never an empty one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    /// The vehicle (one of the delivery's serials).
    pub serial: Serial,
    /// Its visits, oldest first.
    pub visits: Vec<Visit>,
}

impl Vehicle {
    /// Whole days spent in the current stage as of `today` (0 on the day it entered).
    pub fn days_in_stage(&self, today: Date) -> i64 {
        (today - self.since).num_days().max(0)
    }

    /// Past its due date as of `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.due.is_some_and(|due| today > due)
    }

    /// Days past the due date, when overdue.
    pub fn days_overdue(&self, today: Date) -> Option<i64> {
        self.due
            .filter(|&due| today > due)
            .map(|due| (today - due).num_days())
    }

    /// True when something holds it in its stage.
    pub fn is_on_hold(&self) -> bool {
        self.hold.is_some()
    }
}

/// One hand-over: a number of vehicles of one variant on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// The day of the hand-over.
    pub date: Date,
    /// The variant handed over.
    pub variant: VariantId,
    /// Vehicles handed over.
    pub quantity: u32,
    /// The serials handed over, when the record lists them.
    pub serials: Vec<Serial>,
    /// The stage histories the record keeps, for some or all of its serials, in file
    /// order, at most one per serial, each of a serial in `serials` (see [`History`]);
    /// empty when it keeps none.
    pub histories: Box<[History]>,
    /// Where the record was written.
    pub origin: Origin,
}

/// The whole programme as merged from every status file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Programme {
    /// `None` when no file has a valid `programme` section.
    pub info: Option<Info>,
    /// The families, in the order the variants first name them.
    pub families: Vec<Family>,
    /// The variants, in file order.
    pub variants: Vec<Variant>,
    /// The stages, in flow order.
    pub stages: Vec<Stage>,
    /// The planned lead times of the stages (indexed like [`Programme::stages`]; shorter
    /// when the files give none), for the Line of Balance.
    pub lead_times: Vec<balance::LeadTime>,
    /// The assembly sites, in the order the queue first names them.
    pub sites: Vec<String>,
    /// Every plan entry.
    pub plan: Vec<PlanEntry>,
    /// Shared, not copied, by the next load when no file it comes from changed.
    pub queue: Shared<Vehicle>,
    /// Shared like the queue.
    pub deliveries: Shared<Delivery>,
    /// Display names of the files the records came from, for [`Origin::file`].
    pub files: Vec<String>,
    /// True when no file of the set has a `deliveries` section (not even `deliveries: []`):
    /// [`Programme::deliveries`] is then empty for want of data, not because none were
    /// delivered (see [`completeness::Gap::NoDeliveries`]). Set by the loader.
    pub no_deliveries_section: bool,
    /// The records the merge left out or counted twice for a conflict with the rest of
    /// the set (see [`completeness::MergeGaps`]). Set by the loader.
    pub merge_gaps: completeness::MergeGaps,
}

impl Programme {
    /// The programme's name, or `(no programme)`.
    pub fn name(&self) -> &str {
        self.info
            .as_ref()
            .map_or("(no programme)", |i| i.name.as_str())
    }

    /// The variant of an id this programme gave out (panics on another's).
    pub fn variant(&self, id: VariantId) -> &Variant {
        &self.variants[id.0 as usize]
    }

    /// The family of an id this programme gave out.
    pub fn family(&self, id: FamilyId) -> &Family {
        &self.families[id.0 as usize]
    }

    /// The stage of an id this programme gave out.
    pub fn stage(&self, id: StageId) -> &Stage {
        &self.stages[id.0 as usize]
    }

    /// The site of an id this programme gave out.
    pub fn site(&self, id: SiteId) -> &str {
        &self.sites[id.0 as usize]
    }

    /// The family of a variant.
    pub fn family_of(&self, id: VariantId) -> FamilyId {
        self.variant(id).family
    }

    /// The variant whose short name is `id`.
    pub fn variant_by_id(&self, id: &str) -> Option<VariantId> {
        self.variants
            .iter()
            .position(|v| v.id == id)
            .map(|i| VariantId(i as u32))
    }

    /// The stage whose short name is `id`.
    pub fn stage_by_id(&self, id: &str) -> Option<StageId> {
        self.stages
            .iter()
            .position(|s| s.id == id)
            .map(|i| StageId(i as u32))
    }

    /// Every variant's id, in order.
    pub fn variant_ids(&self) -> impl Iterator<Item = VariantId> + '_ {
        (0..self.variants.len() as u32).map(VariantId)
    }

    /// Every family's id, in order.
    pub fn family_ids(&self) -> impl Iterator<Item = FamilyId> + '_ {
        (0..self.families.len() as u32).map(FamilyId)
    }

    /// Every stage's id, in flow order.
    pub fn stage_ids(&self) -> impl Iterator<Item = StageId> + '_ {
        (0..self.stages.len() as u32).map(StageId)
    }

    /// The delivery years shown: the programme's years, widened to any year that has a
    /// plan entry or a delivery.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        use chrono::Datelike;
        let (mut first, mut last) = self
            .info
            .as_ref()
            .map_or((i32::MAX, i32::MIN), |i| (i.first_year, i.last_year));
        let years = self
            .plan
            .iter()
            .map(|p| p.year)
            .chain(self.deliveries.iter().map(|d| d.date.year()));
        for y in years {
            first = first.min(y);
            last = last.max(y);
        }
        if first > last {
            // Neither programme years nor dated records: no year to show.
            #[allow(clippy::reversed_empty_ranges)]
            return 1..=0;
        }
        first..=last
    }
}
