//! Whether the files a merge reads again and the files it keeps write serials in common.

use super::Share;
use crate::status::merge::Source;
use crate::status::raw::RawFile;

/// The serials written in the files `which` says (every one, valid or not).
fn serials_of<'a>(sources: &[Source<'a>], which: &[bool]) -> impl Iterator<Item = &'a str> {
    sources
        .iter()
        .zip(which)
        .filter(|(_, w)| **w)
        .flat_map(|(s, _)| {
            let raw: &'a RawFile = s.raw;
            let queued = raw.queue.iter().flatten().map(|v| v.serial);
            let delivered = raw
                .deliveries
                .iter()
                .flatten()
                .flat_map(|d| d.serials.iter().flatten().copied());
            queued.chain(delivered).map(move |r| raw.serial(r))
        })
        .filter(|s| !s.is_empty())
}

/// How many serials the files `which` says write.
pub(super) fn count_serials(sources: &[Source], which: &[bool]) -> usize {
    serials_of(sources, which).count()
}

/// True when the files to build again (not `reuse`) and the others write no serial in
/// common, and no serial of the others was found written first in a file to build again:
/// then the serials written twice around the files kept are what they were, and the
/// files built again need a table of their own serials only. Costs a look-up of every
/// serial the kept files' last merge noted in a table of the others' (a million in a
/// table of an eighth of that, for one queue file of a million vehicles).
pub(super) fn apart(sources: &[Source], reuse: &[bool], old: &[Share]) -> bool {
    let again = |file: u32| !reuse.get(file as usize).copied().unwrap_or(false);
    let kept = || old.iter().zip(sources).zip(reuse).filter(|(_, r)| **r);
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
        hashbrown::HashSet::with_capacity(count_serials(sources, &rebuilt));
    theirs.extend(serials_of(sources, &rebuilt));
    for ((share, s), _) in kept() {
        let queue = s.raw.queue.as_deref().unwrap_or_default();
        let queued = share
            .queue
            .marks
            .checked
            .iter()
            .filter_map(|&r| queue.get(r as usize));
        if queued
            .map(|v| s.raw.serial(v.serial))
            .any(|x| theirs.contains(x))
        {
            return false;
        }
        let deliveries = s.raw.deliveries.as_deref().unwrap_or_default();
        let delivered = share
            .deliveries
            .marks
            .checked
            .iter()
            .filter_map(|&r| deliveries.get(r as usize))
            .flat_map(|d| d.serials.iter().flatten());
        if delivered
            .map(|&r| s.raw.serial(r))
            .any(|x| theirs.contains(x))
        {
            return false;
        }
    }
    true
}
