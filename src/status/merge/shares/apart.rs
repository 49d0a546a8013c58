//! Whether the files a merge reads again and the files it keeps write serials in common.

use super::Share;
use crate::status::merge::noted::Noted;

/// The serials written in the files `which` says (every one, valid or not).
fn serials_of<'a>(noted: &[&'a Noted], which: &[bool]) -> impl Iterator<Item = &'a str> {
    noted
        .iter()
        .zip(which)
        .filter(|(_, w)| **w)
        .flat_map(|(n, _)| n.every_serial())
        .filter(|s| !s.is_empty())
}

/// How many serials the files `which` says write.
pub(super) fn count_serials(noted: &[&Noted], which: &[bool]) -> usize {
    noted
        .iter()
        .zip(which)
        .filter(|(_, w)| **w)
        .map(|(n, _)| n.serial_count())
        .sum()
}

/// True when the files to build again (not `reuse`) and the others write no serial in
/// common, and no serial of the others was found written first in a file to build again:
/// then the serials written twice around the files kept are what they were, and the
/// files built again need a table of their own serials only. Costs a look-up of every
/// serial the kept files' last merge noted in a table of the others' (a million in a
/// table of an eighth of that, for one queue file of a million vehicles).
pub(super) fn apart(noted: &[&Noted], reuse: &[bool], old: &[Share]) -> bool {
    let again = |file: u32| !reuse.get(file as usize).copied().unwrap_or(false);
    let kept = || old.iter().zip(noted).zip(reuse).filter(|(_, r)| **r);
    for ((share, _), _) in kept() {
        let twice = share.queue.marks.twice.iter();
        if twice
            .chain(&share.deliveries.marks.twice)
            .any(|t| again(t.first.file))
        {
            return false;
        }
    }
    let rebuilt: Vec<bool> = reuse.iter().map(|r| !r).collect();
    let mut theirs: hashbrown::HashSet<&str> =
        hashbrown::HashSet::with_capacity(count_serials(noted, &rebuilt));
    theirs.extend(serials_of(noted, &rebuilt));
    for ((share, n), _) in kept() {
        let mut queued = share
            .queue
            .marks
            .checked
            .iter()
            .map(|&r| n.queued(r as usize));
        if queued.any(|x| theirs.contains(x)) {
            return false;
        }
        let mut delivered = share
            .deliveries
            .marks
            .checked
            .iter()
            .flat_map(|&r| n.delivered(r as usize));
        if delivered.any(|x| theirs.contains(x)) {
            return false;
        }
    }
    true
}
