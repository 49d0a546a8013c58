//! The status files as written: serde types that mirror `docs/FORMAT.md` one to one.
//!
//! Values that can be checked alone (dates, quantities) are checked while deserializing,
//! so that serde_yaml reports them with their line and column. Checks that need the whole
//! set (references, duplicates, totals) happen in [`super::merge`].
//!
//! The same types give `fleetdash schema` its JSON Schema: the doc comments of the fields
//! are what an editor shows. The types with a hand-written `Deserialize` have a
//! hand-written `JsonSchema` in [`crate::schema`].
//!
//! The queue and the deliveries may hold a hundred thousand records, kept between loads
//! (see [`super::Loader`]): their texts are cleaned once here ([`crate::text::clean_owned`]),
//! names are shared through the loader's interner ([`Name`]), and the serials of a file are
//! kept in one text that the merged programme shares rather than copies ([`SerialRef`]).
//!
//! The records and their places are here; the values checked alone are in [`values`], the
//! sections read as ordered lists (attributes, plan) in [`lists`] (the plan's types in
//! [`plan`]), the stage histories in [`history`], the file's text of serials in [`serials`].

mod history;
mod left_out;
mod lists;
mod places;
mod plan;
mod serials;
mod values;

use schemars::JsonSchema;
use serde::Deserialize;

use super::problem::Loc;
use crate::domain::{Name, Serial, SerialText};
pub use history::{
    Below, HistoriesRef, PRE_READ_MARK, RawHistory, RawVisit, VisitsRef, pre_read,
    pre_read_all_taken,
};
pub use left_out::LeftOutId;
pub use places::Places;
pub use plan::{RawPlan, RawPlanEntry, RawPlanYear};
use serials::SERIALS;
pub use serials::{Checkpoint, SerialRef, checkpoint, rewind, with_serials};
pub use values::{Day, LeadDays, Quantity, Year, days_in_month, month_name, parse_date};

/// The highest quantity accepted in one field: far above any fleet, far below overflow.
pub const MAX_QUANTITY: u64 = 1_000_000;

/// The format versions this build reads.
pub const SUPPORTED_VERSION: u32 = 1;

/// One status file. Every section is optional; the set's files are merged.
#[derive(Debug, Default, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    /// The format version: write `version: 1` at the top of every file.
    pub version: Option<u32>,
    /// The programme's identity (exactly once in the set).
    pub programme: Option<RawProgramme>,
    /// The vehicle variants on contract.
    pub variants: Option<Vec<RawVariant>>,
    /// The final-assembly stages, in the order a vehicle goes through them.
    pub stages: Option<Vec<RawStage>>,
    /// Deliveries planned per year, per variant.
    pub plan: Option<RawPlan>,
    /// The vehicles in final assembly now.
    pub queue: Option<Vec<RawVehicle>>,
    /// Hand-overs to the customer.
    pub deliveries: Option<Vec<RawDelivery>>,
    /// Where each section starts, filled in by the locator.
    #[serde(skip)]
    pub section_locs: SectionLocs,
    /// The text of every serial of the file, one after the other (see [`SerialRef`]).
    #[serde(skip)]
    pub serials: SerialText,
    /// Every visit of the file's stage histories, in file order (see [`VisitsRef`]).
    #[serde(skip)]
    pub visits: Box<[RawVisit]>,
    /// Every history of the file's deliveries, in file order (see [`HistoriesRef`]).
    #[serde(skip)]
    pub histories: Box<[RawHistory]>,
    /// The `id`s of the `variants` and `stages` records left out for a bad value: a
    /// record naming one is told that its definition was left out, not that none exists.
    #[serde(skip)]
    pub left_out_ids: Vec<LeftOutId>,
}

impl RawFile {
    /// The text of a serial of this file.
    pub fn serial(&self, r: SerialRef) -> &str {
        self.serials
            .get(r.start as usize..r.end as usize)
            .unwrap_or_default()
    }

    /// A serial of this file, sharing the file's text of serials.
    pub fn shared_serial(&self, r: SerialRef) -> Serial {
        Serial::within(&self.serials, r.start..r.end).unwrap_or_else(|| Serial::new(""))
    }

    /// The visits of a record's history.
    pub fn visits(&self, r: VisitsRef) -> &[RawVisit] {
        self.visits.get(r.range()).unwrap_or_default()
    }

    /// The histories a delivery keeps.
    pub fn histories(&self, r: HistoriesRef) -> &[RawHistory] {
        self.histories.get(r.range()).unwrap_or_default()
    }

    /// Takes the records (`queue`, `deliveries` and their histories) out of the file, into
    /// a file of their own that shares the text of serials: the loader keeps the rest of
    /// a file for as long as it is in the set, its records only until they are merged.
    pub fn take_records(&mut self) -> RawFile {
        RawFile {
            queue: self.queue.take(),
            deliveries: self.deliveries.take(),
            serials: self.serials.clone(),
            visits: std::mem::take(&mut self.visits),
            histories: std::mem::take(&mut self.histories),
            ..RawFile::default()
        }
    }

    /// The records the file holds: items of `queue` and `deliveries`.
    pub fn record_count(&self) -> usize {
        self.queue.as_ref().map_or(0, Vec::len) + self.deliveries.as_ref().map_or(0, Vec::len)
    }

    /// Gives back the room the lists grew into while parsing: a file is kept for as long
    /// as the dashboard runs, and a list grown by doubling may be half empty.
    pub fn shrink_to_fit(&mut self) {
        if let Some(q) = &mut self.queue {
            q.shrink_to_fit();
        }
        if let Some(d) = &mut self.deliveries {
            d.shrink_to_fit();
            for d in d.iter_mut() {
                if let Some(s) = &mut d.serials {
                    s.shrink_to_fit();
                }
            }
        }
    }
}

/// Text as a status file writes it: any scalar, kept as the characters written (see
/// `docs/FORMAT.md`), so that `0070` or `2.10` is text. Only its JSON Schema is used.
pub struct Text;

/// The line of each top-level section, for problems about a section as a whole.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct SectionLocs {
    /// `version:`
    pub version: Loc,
    /// `programme:`
    pub programme: Loc,
    /// `variants:`
    pub variants: Loc,
    /// `stages:`
    pub stages: Loc,
    /// `plan:`
    pub plan: Loc,
    /// `queue:`
    pub queue: Loc,
    /// `deliveries:`
    pub deliveries: Loc,
}

/// The `programme` section.
#[derive(Debug, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProgramme {
    /// The programme's name, shown in the title.
    #[schemars(with = "Text")]
    pub name: String,
    /// The customer, such as `Belgian Defence`.
    #[schemars(with = "Option<Text>")]
    pub customer: Option<String>,
    /// The prime contractor.
    #[schemars(with = "Option<Text>")]
    pub prime: Option<String>,
    /// Who does final assembly.
    #[schemars(with = "Option<Text>")]
    pub final_assembler: Option<String>,
    /// The first delivery year.
    pub first_year: Year,
    /// The last delivery year.
    pub last_year: Year,
}

/// One item of `variants`.
#[derive(Debug, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawVariant {
    /// The short name other sections use, such as `grf-tt`.
    #[schemars(with = "Text")]
    pub id: String,
    /// Variants of one family are added up together.
    #[schemars(with = "Text")]
    pub family: String,
    /// The display name.
    #[schemars(with = "Text")]
    pub name: String,
    /// Vehicles on contract.
    pub contracted: Quantity,
    /// Free text shown in the variant's detail, such as `role: ambulance`.
    #[serde(default)]
    pub attributes: Attributes,
    /// Where the item is written.
    #[serde(skip)]
    pub loc: Loc,
}

/// One item of `stages`.
#[derive(Debug, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawStage {
    /// The short name the queue uses.
    #[schemars(with = "Text")]
    pub id: String,
    /// The display name.
    #[schemars(with = "Text")]
    pub name: String,
    /// The families the stage applies to; every family when left out.
    #[serde(default)]
    #[schemars(with = "Vec<Text>")]
    pub families: Vec<String>,
    /// Off the main line: vehicles sent back after a defect found at acceptance.
    #[serde(default)]
    pub rework: bool,
    /// Planned days from entering the stage to hand-over: a number, or one per family.
    pub lead_time_days: Option<LeadDays>,
    /// Where the item is written.
    #[serde(skip)]
    pub loc: Loc,
    /// Where its `families` are written.
    #[serde(skip)]
    pub families_loc: Loc,
}

/// One item of `queue`: a vehicle in final assembly.
#[derive(Debug, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawVehicle {
    /// The vehicle's serial, such as `BE-GRF-0031`.
    #[schemars(with = "Text")]
    pub serial: SerialRef,
    /// The `id` of a variant.
    #[schemars(with = "Text")]
    pub variant: Name,
    /// The `id` of the stage it is in now.
    #[schemars(with = "Text")]
    pub stage: Name,
    /// The date it entered that stage.
    pub since: Day,
    /// The date it is due to leave final assembly.
    pub due: Option<Day>,
    /// The site that assembles it.
    #[schemars(with = "Text")]
    pub site: Name,
    /// The production lot.
    #[schemars(with = "Option<Text>")]
    pub lot: Option<Name>,
    /// Why it is not moving, when it is on hold.
    #[schemars(with = "Option<Text>")]
    pub hold: Option<Name>,
    /// The stages it has been through, oldest first, re-entries included: the last is the
    /// stage it is in now, entered on `since`.
    #[serde(default)]
    #[schemars(with = "Option<Vec<RawVisit>>")]
    pub history: VisitsRef,
    /// Where the entry and its `variant`, `stage`, `since` and `due` are written.
    #[serde(skip)]
    pub places: Places<4>,
}

impl RawVehicle {
    /// Where the item is written.
    pub fn loc(&self) -> Loc {
        self.places.entry()
    }

    /// Where its `variant` is written.
    pub fn variant_loc(&self) -> Loc {
        self.places.field(0)
    }

    /// Where its `stage` is written.
    pub fn stage_loc(&self) -> Loc {
        self.places.field(1)
    }

    /// Where its `since` is written.
    pub fn since_loc(&self) -> Loc {
        self.places.field(2)
    }

    /// Where its `due` is written.
    pub fn due_loc(&self) -> Loc {
        self.places.field(3)
    }
}

/// One item of `deliveries`: a hand-over.
#[derive(Debug, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDelivery {
    /// The day of the hand-over.
    pub date: Day,
    /// The `id` of a variant.
    #[schemars(with = "Text")]
    pub variant: Name,
    /// The serials handed over, one vehicle each.
    #[schemars(with = "Option<Vec<Text>>")]
    pub serials: Option<Vec<SerialRef>>,
    /// The number handed over; must agree with `serials` when both are given.
    pub count: Option<Quantity>,
    /// The stage histories of some or all of the `serials`: a serial, then its stages
    /// oldest first, as a queue vehicle's `history`.
    #[serde(default)]
    #[schemars(with = "Option<std::collections::BTreeMap<String, Option<Vec<RawVisit>>>>")]
    pub histories: HistoriesRef,
    /// Where the entry and its `variant`, `date` and `serials` are written.
    #[serde(skip)]
    pub places: Places<3>,
}

impl RawDelivery {
    /// Where the item is written.
    pub fn loc(&self) -> Loc {
        self.places.entry()
    }

    /// Where its `variant` is written.
    pub fn variant_loc(&self) -> Loc {
        self.places.field(0)
    }

    /// Where its `date` is written.
    pub fn date_loc(&self) -> Loc {
        self.places.field(1)
    }

    /// Where its `serials` are written.
    pub fn serials_loc(&self) -> Loc {
        self.places.field(2)
    }
}

/// Free attributes in file order.
#[derive(Debug, Default, PartialEq)]
pub struct Attributes(pub Vec<(String, String)>);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Date;

    #[test]
    fn records_stay_small() {
        // Kept for every record of every file for as long as the dashboard runs (see
        // BENCHMARKS.md): a field added here costs a hundred thousand times over.
        // 8 of these 88 and 80 bytes are where the record's history is in its file's table
        // (`VisitsRef`, `HistoriesRef`): a record without one allocates nothing, a history
        // costs 16 bytes a visit in one table per file (`RawVisit`, no allocation of its own).
        assert!(std::mem::size_of::<RawVehicle>() <= 88);
        assert!(std::mem::size_of::<RawDelivery>() <= 80);
        assert!(std::mem::size_of::<RawVisit>() <= 16);
        // The model keeps one of these a vehicle: 64 bytes (88 before the `thin` branch),
        // of which 12 are the serial (a packed pointer to its file's text and where it is
        // in it) and 8 the stage history (one pointer, no allocation when empty).
        assert_eq!(std::mem::size_of::<crate::domain::Vehicle>(), 64);
        assert_eq!(std::mem::size_of::<crate::domain::Serial>(), 12);
        assert_eq!(std::mem::size_of::<crate::domain::Visits>(), 8);
        // 16 of these 64 bytes are the histories the record keeps (a boxed slice).
        assert!(std::mem::size_of::<crate::domain::Delivery>() <= 64);
    }

    #[test]
    fn dates_explain_what_is_wrong() {
        assert_eq!(
            parse_date("2026-02-30").unwrap_err(),
            "`2026-02-30` is not a date: February 2026 has 28 days"
        );
        assert_eq!(
            parse_date("2028-02-30").unwrap_err(),
            "`2028-02-30` is not a date: February 2028 has 29 days"
        );
        assert!(
            parse_date("2026-13-01")
                .unwrap_err()
                .contains("no month 13")
        );
        assert!(parse_date("26/03/2026").unwrap_err().contains("YYYY-MM-DD"));
        assert_eq!(
            parse_date("2026-03-31").unwrap(),
            Date::from_ymd_opt(2026, 3, 31).unwrap()
        );
    }
}
