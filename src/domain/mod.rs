//! The programme model: what was contracted, planned, is being assembled and was delivered.
//!
//! Pure data and arithmetic: no IO, no terminal, no YAML. The loader (`status`) builds a
//! [`Programme`] from the status files; [`figures`] turns it into the numbers the views show
//! for a given day.

pub mod changes;
pub mod figures;
pub mod forecast;
pub mod name;
pub mod serial;
pub mod shared;

pub use chrono::NaiveDate as Date;
pub use figures::{Counts, Figures, Schedule, YearFigures};
pub use forecast::Forecast;
pub use name::Name;
pub use serial::Serial;
pub use shared::Shared;

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
    pub name: String,
    pub customer: Option<String>,
    pub prime: Option<String>,
    pub final_assembler: Option<String>,
    pub first_year: i32,
    pub last_year: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// The short name other sections use (`grf-tt`).
    pub id: String,
    pub family: FamilyId,
    /// The display name (`Griffon troop transport`).
    pub name: String,
    pub contracted: u32,
    /// Free attributes (role, weapon), in file order.
    pub attributes: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Family {
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    pub id: String,
    pub name: String,
    /// The families the stage applies to; empty means every family.
    pub families: Vec<FamilyId>,
    /// Off the main line: vehicles sent back after a defect.
    pub rework: bool,
}

impl Stage {
    pub fn applies_to(&self, family: FamilyId) -> bool {
        self.families.is_empty() || self.families.contains(&family)
    }
}

/// Deliveries planned for one variant in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanEntry {
    pub year: i32,
    pub variant: VariantId,
    pub quantity: u32,
}

/// A vehicle in final assembly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vehicle {
    /// Shared with the loader's copy of the file it came from.
    pub serial: Serial,
    pub variant: VariantId,
    pub stage: StageId,
    /// The day it entered its current stage.
    pub since: Date,
    /// The day it is due to leave final assembly.
    pub due: Option<Date>,
    pub site: SiteId,
    pub lot: Option<Name>,
    /// Why it is not moving, when it is on hold.
    pub hold: Option<Name>,
    pub origin: Origin,
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

    pub fn is_on_hold(&self) -> bool {
        self.hold.is_some()
    }
}

/// One hand-over: a number of vehicles of one variant on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub date: Date,
    pub variant: VariantId,
    pub quantity: u32,
    /// The serials handed over, when the record lists them.
    pub serials: Vec<Serial>,
    pub origin: Origin,
}

/// The whole programme as merged from every status file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Programme {
    /// `None` when no file has a valid `programme` section.
    pub info: Option<Info>,
    pub families: Vec<Family>,
    pub variants: Vec<Variant>,
    pub stages: Vec<Stage>,
    pub sites: Vec<String>,
    pub plan: Vec<PlanEntry>,
    /// Shared, not copied, by the next load when no file it comes from changed.
    pub queue: Shared<Vehicle>,
    /// Shared like the queue.
    pub deliveries: Shared<Delivery>,
    /// Display names of the files the records came from, for [`Origin::file`].
    pub files: Vec<String>,
}

impl Programme {
    pub fn name(&self) -> &str {
        self.info
            .as_ref()
            .map_or("(no programme)", |i| i.name.as_str())
    }

    pub fn variant(&self, id: VariantId) -> &Variant {
        &self.variants[id.0 as usize]
    }

    pub fn family(&self, id: FamilyId) -> &Family {
        &self.families[id.0 as usize]
    }

    pub fn stage(&self, id: StageId) -> &Stage {
        &self.stages[id.0 as usize]
    }

    pub fn site(&self, id: SiteId) -> &str {
        &self.sites[id.0 as usize]
    }

    pub fn family_of(&self, id: VariantId) -> FamilyId {
        self.variant(id).family
    }

    pub fn variant_by_id(&self, id: &str) -> Option<VariantId> {
        self.variants
            .iter()
            .position(|v| v.id == id)
            .map(|i| VariantId(i as u32))
    }

    pub fn stage_by_id(&self, id: &str) -> Option<StageId> {
        self.stages
            .iter()
            .position(|s| s.id == id)
            .map(|i| StageId(i as u32))
    }

    pub fn variant_ids(&self) -> impl Iterator<Item = VariantId> + '_ {
        (0..self.variants.len() as u32).map(VariantId)
    }

    pub fn family_ids(&self) -> impl Iterator<Item = FamilyId> + '_ {
        (0..self.families.len() as u32).map(FamilyId)
    }

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
