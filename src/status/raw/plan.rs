//! The `plan` section as written: years in file order, each with its variants in file
//! order (read by [`super::lists`]).

use crate::status::problem::Loc;

/// The `plan` section: years in file order, each with its variants in file order.
/// Kept as lists (not maps) so that a year or variant written twice is reported, not lost.
#[derive(Debug, Default, PartialEq)]
pub struct RawPlan {
    /// The years, in file order.
    pub years: Vec<RawPlanYear>,
}

/// One year of the plan.
#[derive(Debug, PartialEq)]
pub struct RawPlanYear {
    /// The year as written (checked against the programme years when merged).
    pub year: i64,
    /// Its variants, in file order.
    pub entries: Vec<RawPlanEntry>,
    /// Where the year is written.
    pub loc: Loc,
}

/// The vehicles of one variant planned in one year.
#[derive(Debug, PartialEq)]
pub struct RawPlanEntry {
    /// The `id` of the variant.
    pub variant: String,
    /// The vehicles planned.
    pub quantity: u32,
    /// Where the entry is written.
    pub loc: Loc,
}
