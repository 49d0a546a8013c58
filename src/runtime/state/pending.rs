//! The changes the watcher saw and the loop has not reloaded yet, waiting out their
//! debounce.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Instant;

use crate::runtime::{DEBOUNCE, MAX_DELAY};

/// Changes seen by the watcher and not yet reloaded, with the debounce deadline.
#[derive(Debug, Default)]
pub(in crate::runtime) struct Pending {
    pub(in crate::runtime) files: HashSet<PathBuf>,
    /// A folder came or went: set the watches again before reloading.
    pub(in crate::runtime) folders: bool,
    first: Option<Instant>,
    pub(in crate::runtime) deadline: Option<Instant>,
}

impl Pending {
    /// Notes a change at `now`: the reload waits for [`DEBOUNCE`] of quiet, but never
    /// more than [`MAX_DELAY`] after the first change of a burst.
    pub(in crate::runtime) fn touch(&mut self, now: Instant) {
        let first = *self.first.get_or_insert(now);
        self.deadline = Some((now + DEBOUNCE).min(first + MAX_DELAY));
    }

    pub(in crate::runtime) fn is_due(&self, now: Instant) -> bool {
        self.deadline.is_some_and(|d| d <= now)
    }
}
