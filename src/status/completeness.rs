//! What is missing from a loaded status set, as a [`Completeness`]: the screen's headline,
//! `print`, `report` and their exit codes all read it from here.

use std::collections::HashSet;

use super::{FileHealth, FileState, Snapshot, merge};
use crate::domain::Programme;
use crate::domain::completeness::{Completeness, Gap};

impl Snapshot {
    /// What is missing from this snapshot: no status file, a source that could not be read
    /// (a set problem naming a folder or file that is not among the files read), no
    /// programme, files refused without an earlier good version, files whose last good
    /// version stands in, records left out for a bad value ([`Snapshot::left_out`]), and
    /// records the merge left out or counted twice
    /// ([`crate::domain::completeness::MergeGaps`]). None of these: complete.
    pub fn completeness(&self) -> Completeness {
        let mut gaps = Vec::new();
        if self.files.is_empty() {
            gaps.push(Gap::NoStatusFiles);
        }
        let read: HashSet<&str> = self.files.iter().map(|f| f.name.as_str()).collect();
        let mut unread = HashSet::new();
        for p in self.problems.iter().filter(|p| p.is_error()) {
            if let Some(name) = &p.file
                && !read.contains(name.as_str())
                && unread.insert(name.as_str())
            {
                gaps.push(Gap::UnreadSource(name.clone()));
            }
        }
        if !self.files.is_empty() && self.programme.info.is_none() {
            gaps.push(Gap::NoProgramme);
        }
        for f in &self.files {
            match f.health {
                FileHealth::Good => {}
                FileHealth::Stale {
                    has_last_good: false,
                    ..
                } => gaps.push(Gap::RefusedFile(f.name.clone())),
                FileHealth::Stale {
                    has_last_good: true,
                    ..
                } => gaps.push(Gap::StaleFile(f.name.clone())),
            }
        }
        if self.left_out > 0 {
            gaps.push(Gap::RecordsLeftOut(self.left_out as u64));
        }
        let p = &self.programme;
        gaps.extend(p.merge_gaps.gaps());
        if p.info.is_some() {
            if p.plan.is_empty() {
                gaps.push(Gap::NoPlan);
            }
            if p.no_deliveries_section {
                gaps.push(Gap::NoDeliveries);
            }
        }
        Completeness::new(gaps)
    }
}

/// After the merge: marks `p` when no file of `noted` has a `deliveries` section (see
/// [`Gap::NoDeliveries`]). Not while a file of `files` is refused with no earlier good
/// version: it may hold the section, and its own gap says so.
pub(super) fn mark_sections(p: &mut Programme, noted: &[&merge::Noted], files: &[FileState]) {
    let refused = files.iter().any(|f| {
        matches!(
            f.health,
            FileHealth::Stale {
                has_last_good: false,
                ..
            }
        )
    });
    p.no_deliveries_section = !refused
        && p.info.is_some()
        // `deliveries:` with nothing after it reads as no list, but is written.
        && !noted.iter().any(|n| n.deliveries_written());
}
