//! What blocks the assembly queue, grouped by cause: the vehicles on hold per reason, with
//! how long they have waited in their stage.
//!
//! Pure arithmetic on a [`Programme`] for one day, like [`super::figures`]. Reasons are
//! grouped by their text with spaces at either end and runs of spaces inside taken as one,
//! and letter case ignored, so that "waiting for CONTACT radio kit" written twice by two
//! plants is one cause; the group shows the spelling met first in the queue.

use std::collections::HashMap;

use super::{Date, Programme, StageId};

/// The vehicles held for one reason.
#[derive(Debug, Clone, PartialEq)]
pub struct HoldGroup {
    /// The reason, as first written in the queue (`waiting for FN deFNder weapon station`).
    pub reason: String,
    /// Vehicles on hold for it.
    pub vehicles: u32,
    /// The stages they wait in, in flow order, each once.
    pub stages: Vec<StageId>,
    /// The longest of their days in their current stage.
    pub longest_days: i64,
    /// The median of their days in their current stage.
    pub median_days: f64,
}

impl HoldGroup {
    /// The group in words: `waiting for FN deFNder weapon station: 2, the longest 7 days`.
    pub fn words(&self) -> String {
        let days = if self.longest_days == 1 {
            "day"
        } else {
            "days"
        };
        format!(
            "{}: {}, the longest {} {days}",
            self.reason, self.vehicles, self.longest_days
        )
    }
}

/// The holds of `programme`'s queue as of `today`, one group per reason: most vehicles
/// first, then the longest wait, then the reason's text. Empty when nothing is on hold.
pub fn hold_groups(programme: &Programme, today: Date) -> Vec<HoldGroup> {
    // (reason as written, stages, days in stage), found by the reason's key.
    let mut groups: Vec<(String, Vec<StageId>, Vec<i64>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for v in programme.queue.iter() {
        let Some(hold) = &v.hold else { continue };
        let days = v.days_in_stage(today);
        let i = *index.entry(key(hold.as_str())).or_insert_with(|| {
            groups.push((hold.as_str().trim().to_owned(), Vec::new(), Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(v.stage);
        groups[i].2.push(days);
    }
    let mut out: Vec<HoldGroup> = groups
        .into_iter()
        .map(|(reason, mut stages, mut days)| {
            stages.sort_unstable();
            stages.dedup();
            days.sort_unstable();
            HoldGroup {
                reason,
                vehicles: u32::try_from(days.len()).unwrap_or(u32::MAX),
                stages,
                longest_days: days.last().copied().unwrap_or(0),
                median_days: median(&days),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.vehicles
            .cmp(&a.vehicles)
            .then(b.longest_days.cmp(&a.longest_days))
            .then_with(|| a.reason.cmp(&b.reason))
    });
    out
}

/// The text that decides which reasons are the same: trimmed, inner runs of white space as
/// one space, in lower case.
fn key(reason: &str) -> String {
    reason
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The median of sorted values (0 for none).
fn median(sorted: &[i64]) -> f64 {
    let n = sorted.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => sorted[n / 2] as f64,
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_the_same_whatever_their_spacing_and_case() {
        assert_eq!(
            key("  Waiting for  CONTACT\tradio kit "),
            "waiting for contact radio kit"
        );
        assert_eq!(key(""), "");
        assert_eq!(median(&[]), 0.0);
        assert_eq!(median(&[1, 3]), 2.0);
        assert_eq!(median(&[1, 3, 10]), 3.0);
    }
}
