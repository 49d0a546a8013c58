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
//! the names of a file's records are kept once in a table of the file ([`NameRef`]), and
//! its serials in one text that the merged programme shares rather than copies
//! ([`SerialRef`]).
//!
//! The file and its definitions are here, the records of the queue and the deliveries in
//! [`records`]; the values checked alone are in [`values`], the
//! sections read as ordered lists (attributes, plan) in [`lists`] (the plan's types in
//! [`plan`]), the stage histories in [`history`], the file's text of serials in [`serials`].

mod history;
mod left_out;
mod listed;
mod lists;
mod names;
mod places;
mod plan;
mod records;
mod serials;
mod values;

use schemars::JsonSchema;
use serde::Deserialize;

use super::problem::Loc;
use crate::domain::{Serial, SerialText};
pub use history::{
    Below, HistoriesRef, PRE_READ_MARK, RawHistory, RawVisit, VisitsRef, pre_read,
    pre_read_all_taken,
};
pub use left_out::LeftOutId;
pub use listed::ListedRef;
pub use names::{NameRef, NameTable};
pub use places::Places;
pub use plan::{RawPlan, RawPlanEntry, RawPlanYear};
pub use records::{RawDelivery, RawVehicle};
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
    /// Every name the file's records give, once each (see [`NameRef`]).
    #[serde(skip)]
    pub names: Box<[crate::domain::Name]>,
    /// The serials every delivery lists, one list after the other (see [`ListedRef`]).
    #[serde(skip)]
    pub listed: Box<[SerialRef]>,
    /// The places of the records' fields written neither at nor below their entry (see
    /// [`Places`]).
    #[serde(skip)]
    pub far_places: Vec<Loc>,
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
            names: std::mem::take(&mut self.names),
            listed: std::mem::take(&mut self.listed),
            far_places: std::mem::take(&mut self.far_places),
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
        self.far_places.shrink_to_fit();
        if let Some(q) = &mut self.queue {
            q.shrink_to_fit();
        }
        if let Some(d) = &mut self.deliveries {
            d.shrink_to_fit();
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

/// Free attributes in file order.
#[derive(Debug, Default, PartialEq)]
pub struct Attributes(pub Vec<(String, String)>);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Date;

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
