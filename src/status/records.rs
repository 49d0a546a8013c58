//! The loader's files between loads: reading them into the cache, taking their records
//! out for a merge, and reading again the files whose records a merge needs once more.

use std::collections::HashSet;
use std::path::PathBuf;

use std::path::Path;

use super::files::{display_name, stamp};
use super::intern::{self, Interner};
use super::merge::{self, Raw};
use super::raw::RawFile;
use super::read::{Outcome, apply, read_file};
use super::{Cached, Limits, Loader, Stamp, workers};

/// The records of the file at `path`, read again as `c` was read last, for a merge that
/// must build its share again; `None` unless the file is unchanged since (the same stamp,
/// the same serials in the same places), so that the merge may use them with what it
/// keeps of the file.
pub(super) fn again(
    path: &Path,
    c: &Cached,
    limits: Limits,
    interner: &mut Interner,
) -> Option<Box<RawFile>> {
    if c.failed_since.is_some() || c.stamp.is_none() || stamp(path) != c.stamp {
        return None;
    }
    let outcome = intern::with(interner, || read_file(path, limits, !c.leaving_out));
    let Outcome::Parsed(mut raw, ..) = outcome else {
        return None;
    };
    if stamp(path) != c.stamp || merge::Noted::of(&raw) != c.noted {
        return None;
    }
    Some(Box::new(raw.take_records()))
}

impl Loader {
    /// Reads the files `jobs` (places in `paths`, whose stamps are `stamps`) and keeps what
    /// each gave: the places of those read, and the paths of those gone when read.
    pub(super) fn read(
        &mut self,
        paths: &[PathBuf],
        stamps: &[Option<Stamp>],
        jobs: Vec<workers::Job>,
    ) -> (Vec<usize>, HashSet<PathBuf>) {
        let bytes: u64 = jobs.iter().map(|j| j.bytes).sum();
        self.progress.begin(jobs.len() as u64, bytes);
        let leaving_out: Vec<bool> = {
            let mut v = vec![false; paths.len()];
            for j in &jobs {
                v[j.index] = !j.has_last_good;
            }
            v
        };
        // Files listed but gone when read: removed between the listing and the read.
        let mut vanished = HashSet::new();
        let mut read_at = Vec::new();
        let (cache, versions) = (&mut self.cache, &mut self.versions);
        let keep = |index: usize, outcome: Outcome| {
            let path = &paths[index];
            if matches!(outcome, Outcome::Vanished) {
                vanished.insert(path.clone());
                return;
            }
            read_at.push(index);
            let parsed = matches!(outcome, Outcome::Parsed(..));
            let entry = cache.entry(path.clone()).or_insert_with(|| Cached {
                name: display_name(path),
                stamp: None,
                good: None,
                records: None,
                noted: merge::Noted::default(),
                leaving_out: false,
                read_problems: Vec::new(),
                failed_since: None,
                version: 0,
                left_out: Vec::new(),
            });
            entry.stamp = stamps.get(index).copied().flatten();
            apply(entry, outcome, leaving_out[index]);
            if parsed {
                *versions += 1;
                entry.version = *versions;
            }
        };
        workers::read_all(
            jobs,
            self.limits,
            self.workers,
            &mut self.interner,
            &self.progress,
            keep,
        );
        (read_at, vanished)
    }

    /// Takes the records of every file of `paths` out of the cache, for a merge. `last`:
    /// the records dropped are not to be read again (a merge that cannot stop).
    pub(super) fn take_records(&mut self, paths: &[PathBuf], last: bool) -> Vec<Raw<'static>> {
        let mut raws = Vec::with_capacity(paths.len());
        for path in paths {
            let Some(c) = self.cache.get_mut(path) else {
                continue;
            };
            if c.good.is_none() {
                continue;
            }
            raws.push(match c.records.take() {
                Some(records) => Raw::Owned(records),
                // Nothing to build: no records.
                None if !c.noted.has_records() => Raw::Owned(Box::default()),
                None if c.failed_since.is_some() || last => Raw::Gone,
                None => Raw::Dropped,
            });
        }
        raws
    }

    /// Reads again, each the way it was read last, the files of `paths` whose records were
    /// merged and dropped; drops from `paths` and the cache those gone now, and gives their
    /// names.
    pub(super) fn read_records_again(&mut self, paths: &mut Vec<PathBuf>) -> Vec<String> {
        let stamps: Vec<_> = paths.iter().map(|p| stamp(p)).collect();
        let mut jobs = Vec::new();
        for (index, (path, stamp)) in paths.iter().zip(&stamps).enumerate() {
            let Some(c) = self.cache.get(path) else {
                continue;
            };
            let dropped = c.good.is_some() && c.records.is_none() && c.noted.has_records();
            if dropped && c.failed_since.is_none() {
                jobs.push(workers::Job {
                    index,
                    path: path.clone(),
                    bytes: stamp.map_or(0, |s| s.len),
                    has_last_good: !c.leaving_out,
                });
            }
        }
        let (_, vanished) = self.read(paths, &stamps, jobs);
        paths.retain(|p| !vanished.contains(p));
        let mut gone = Vec::new();
        for path in &vanished {
            if let Some(c) = self.cache.remove(path) {
                gone.push(c.name);
            }
        }
        gone
    }

    /// The records of queue and deliveries the loader holds as parsed: 0 after every
    /// load, the merge having dropped them once merged (what a test of memory checks).
    pub fn raw_records_kept(&self) -> usize {
        self.cache
            .values()
            .map(|c| {
                c.records.as_ref().map_or(0, |r| r.record_count())
                    + c.good.as_ref().map_or(0, |g| g.record_count())
            })
            .sum()
    }
}
