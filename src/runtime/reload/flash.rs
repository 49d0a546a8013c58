//! The words of a reload's flash: the files read, added, failing or removed, and what
//! changed in them.

use std::collections::HashMap;

use super::Last;
use crate::status::{FileHealth, Snapshot};

/// The flash after a reload: which files, and what changed in the programme's words,
/// e.g. `queue-seraing.yaml: 2 vehicles moved to Paint`.
pub(super) fn flash_text(old: &Last, new: &Snapshot, words: &[String]) -> Option<String> {
    let short = |n: &String| n.rsplit('/').next().unwrap_or(n).to_owned();
    let failing_now: HashMap<&str, bool> = new
        .files
        .iter()
        .map(|f| {
            (
                f.name.as_str(),
                matches!(f.health, FileHealth::Stale { .. }),
            )
        })
        .collect();
    let (mut read, mut added, mut failing) = (Vec::new(), Vec::new(), Vec::new());
    for name in &new.reread {
        let was_there = old.names.contains(name);
        let fails = failing_now.get(name.as_str()).copied().unwrap_or(false);
        match (was_there, fails) {
            (_, true) => failing.push(short(name)),
            (false, false) => added.push(short(name)),
            (true, false) => read.push(short(name)),
        }
    }
    let removed: Vec<String> = new.removed.iter().map(short).collect();
    // Two names say more than a count; a whole folder is a count.
    let list = |names: &[String], what: &str| match names.len() {
        0 => None,
        1 | 2 => Some(format!("{}{what}", names.join(", "))),
        n => Some(format!("{n} files{what}")),
    };
    let only_read = added.is_empty() && failing.is_empty() && removed.is_empty();
    let files: Vec<String> = [
        list(&read, ""),
        list(&added, " added"),
        list(&failing, " not applied"),
        list(&removed, " removed"),
    ]
    .into_iter()
    .flatten()
    .collect();
    match (files.is_empty(), words.is_empty()) {
        (true, true) => None,
        (true, false) => Some(words.join(", ")),
        (false, true) if only_read => Some(format!("reloaded {}", files.join(", "))),
        (false, true) => Some(files.join(", ")),
        (false, false) => Some(format!("{}: {}", files.join(", "), words.join(", "))),
    }
}
