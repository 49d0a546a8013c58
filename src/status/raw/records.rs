//! The records of the queue and the deliveries, as written: a file may hold a hundred
//! thousand of them, each kept until it is merged, so they are kept small (see
//! `records_stay_small`): their names are places in the file's table of names
//! ([`NameRef`]), their serials places in its text of serials ([`SerialRef`]), their
//! histories places in its tables ([`VisitsRef`], [`HistoriesRef`]).

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Day, HistoriesRef, Places, Quantity, RawVisit, SerialRef, Text, VisitsRef};
use crate::domain::Name;
use crate::status::problem::Loc;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
