//! [`LeftOutId`]: the `id` of a definition left out of its file for a bad value.

use crate::status::problem::Loc;

/// The `id` of a `variants` or `stages` record left out for a bad value
/// (`yaml::parse_leaving_out`; see [`RawFile::left_out_ids`](super::RawFile::left_out_ids)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOutId {
    /// `variants` or `stages`.
    pub section: &'static str,
    /// The `id` the record gives.
    pub id: String,
    /// Where the record's bad value is (the left-out problem's place).
    pub loc: Loc,
}
