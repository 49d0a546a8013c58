//! [`Timing`]: where the time of one load went.

use std::time::Duration;

/// Where the time of one load went (wall clock), for traces and benches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timing {
    /// Listing the files and reading, parsing and keeping those that changed.
    pub read: Duration,
    /// Merging every file's content in use into the programme, with its problems.
    pub merge: Duration,
    /// Forgetting unused names, giving freed memory back, sorting the problems.
    pub tidy: Duration,
}
