//! The records of the queue and the deliveries, as written: a file may hold a hundred
//! thousand of them, each kept until it is merged, so they are kept small (see
//! `records_stay_small`): their names are places in the file's table of names
//! ([`NameRef`]), their serials places in its text of serials ([`SerialRef`]), their
//! histories places in its tables ([`VisitsRef`], [`HistoriesRef`]).

use schemars::JsonSchema;
use serde::Deserialize;

use super::{
    Day, HistoriesRef, ListedRef, NameRef, Places, Quantity, RawVisit, SerialRef, Text, VisitsRef,
};
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
    pub variant: NameRef,
    /// The `id` of the stage it is in now.
    #[schemars(with = "Text")]
    pub stage: NameRef,
    /// The date it entered that stage.
    pub since: Day,
    /// The date it is due to leave final assembly.
    pub due: Option<Day>,
    /// The site that assembles it.
    #[schemars(with = "Text")]
    pub site: NameRef,
    /// The production lot.
    #[schemars(with = "Option<Text>")]
    pub lot: Option<NameRef>,
    /// Why it is not moving, when it is on hold.
    #[schemars(with = "Option<Text>")]
    pub hold: Option<NameRef>,
    /// The stages it has been through, oldest first, re-entries included: the last is the
    /// stage it is in now, entered on `since`.
    #[serde(default)]
    #[schemars(with = "Option<Vec<RawVisit>>")]
    pub history: VisitsRef,
    /// Where the entry and its `variant`, `stage`, `since` and `due` are written (with the
    /// file's table of far places, [`super::RawFile::far_places`]).
    #[serde(skip)]
    pub places: Places<4>,
}

impl RawVehicle {
    /// Its names as `remap` places them in another table ([`super::NameTable::remap`]);
    /// `None` when one is not there.
    pub fn rename(&mut self, remap: &[NameRef]) -> Option<()> {
        for n in [&mut self.variant, &mut self.stage, &mut self.site] {
            *n = n.remapped(remap)?;
        }
        for n in [&mut self.lot, &mut self.hold].into_iter().flatten() {
            *n = n.remapped(remap)?;
        }
        Some(())
    }

    /// Where the item is written.
    pub fn loc(&self) -> Loc {
        self.places.entry()
    }

    /// Where its `variant` is written.
    pub fn variant_loc(&self, far: &[Loc]) -> Loc {
        self.places.field(0, far)
    }

    /// Where its `stage` is written.
    pub fn stage_loc(&self, far: &[Loc]) -> Loc {
        self.places.field(1, far)
    }

    /// Where its `since` is written.
    pub fn since_loc(&self, far: &[Loc]) -> Loc {
        self.places.field(2, far)
    }

    /// Where its `due` is written.
    pub fn due_loc(&self, far: &[Loc]) -> Loc {
        self.places.field(3, far)
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
    pub variant: NameRef,
    /// The serials handed over, one vehicle each.
    #[schemars(with = "Option<Vec<Text>>")]
    pub serials: Option<ListedRef>,
    /// The number handed over; must agree with `serials` when both are given.
    pub count: Option<Quantity>,
    /// The stage histories of some or all of the `serials`: a serial, then its stages
    /// oldest first, as a queue vehicle's `history`.
    #[serde(default)]
    #[schemars(with = "Option<std::collections::BTreeMap<String, Option<Vec<RawVisit>>>>")]
    pub histories: HistoriesRef,
    /// Where the entry and its `variant`, `date` and `serials` are written (with the file's
    /// table of far places).
    #[serde(skip)]
    pub places: Places<3>,
}

impl RawDelivery {
    /// Its variant as `remap` places it in another table ([`RawVehicle::rename`]).
    pub fn rename(&mut self, remap: &[NameRef]) -> Option<()> {
        self.variant = self.variant.remapped(remap)?;
        Some(())
    }

    /// Where the item is written.
    pub fn loc(&self) -> Loc {
        self.places.entry()
    }

    /// Where its `variant` is written.
    pub fn variant_loc(&self, far: &[Loc]) -> Loc {
        self.places.field(0, far)
    }

    /// Where its `date` is written.
    pub fn date_loc(&self, far: &[Loc]) -> Loc {
        self.places.field(1, far)
    }

    /// Where its `serials` are written.
    pub fn serials_loc(&self, far: &[Loc]) -> Loc {
        self.places.field(2, far)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_stay_small() {
        // Held for every record of every file until they are merged, when a load holds the
        // most (see BENCHMARKS.md): a byte added here costs a megabyte at a million vehicles.
        // 8 of these 60 and 52 bytes are where the record's history is in its file's table
        // (`VisitsRef`, `HistoriesRef`): a record without one allocates nothing, a history
        // costs 16 bytes a visit in one table per file (`RawVisit`, no allocation of its own).
        // The same for a delivery's serials (`ListedRef`, 12 bytes; a list of its own was
        // 24 bytes and an allocation). A name is 4 bytes, its place in the file's table of
        // names (`NameRef`; 8 bytes when it was the shared name itself), and the places 16
        // (`Places`, 24 when they held a pointer to those kept in full): the records were
        // 88 and 80 bytes.
        assert_eq!(std::mem::size_of::<RawVehicle>(), 60);
        assert_eq!(std::mem::size_of::<RawDelivery>(), 52);
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
