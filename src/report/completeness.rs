//! What is missing from a loaded status set, as a [`Completeness`] the report carries and
//! `print` and `report` can exit on.

use std::collections::HashSet;

use crate::domain::completeness::{Completeness, Gap};
use crate::status::{FileHealth, Snapshot};

/// What is missing from `snapshot`: no status file, a source that could not be read (a set
/// problem naming a folder or file that is not among the files read), no programme, files
/// refused without an earlier good version, and files whose last good version stands in.
/// `None` of these: complete.
pub fn completeness_of(snapshot: &Snapshot) -> Completeness {
    let mut gaps = Vec::new();
    if snapshot.files.is_empty() {
        gaps.push(Gap::NoStatusFiles);
    }
    let read: HashSet<&str> = snapshot.files.iter().map(|f| f.name.as_str()).collect();
    let mut unread = HashSet::new();
    for p in snapshot.problems.iter().filter(|p| p.is_error()) {
        if let Some(name) = &p.file
            && !read.contains(name.as_str())
            && unread.insert(name.as_str())
        {
            gaps.push(Gap::UnreadSource(name.clone()));
        }
    }
    if !snapshot.files.is_empty() && snapshot.programme.info.is_none() {
        gaps.push(Gap::NoProgramme);
    }
    for f in &snapshot.files {
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
    Completeness::new(gaps)
}
