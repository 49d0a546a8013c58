//! What is missing from a loaded status set, as a [`Completeness`] the report carries and
//! `print` and `report` can exit on; the rule itself is [`Snapshot::completeness`], shared
//! with the screen.

use crate::domain::completeness::Completeness;
use crate::status::Snapshot;

/// What is missing from `snapshot` (see [`Snapshot::completeness`]).
pub fn completeness_of(snapshot: &Snapshot) -> Completeness {
    snapshot.completeness()
}
