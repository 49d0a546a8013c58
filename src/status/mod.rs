//! Reading a status set: finding the files, parsing each, keeping each file's last good
//! content, and merging them into a [`Programme`] with the problems found on the way.
//!
//! The [`Loader`] keeps every file's parsed content between loads, so that a reload parses
//! only the files that changed, and so that a file caught half-written or saved with a
//! mistake keeps contributing what it held last time it was good.
//!
//! A file's records (`queue` and `deliveries`) are kept once, as the file's share of the
//! merged model: the parsed records are dropped as soon as they are merged, and what later
//! merges need of them (where each serial is written) is kept compact
//! ([`merge::Noted`]). When every record must be built again (the definitions or the day
//! changed), the files with records are read again from disk, each in the mode it was read
//! last (see [`Cached::leaving_out`]). A file whose latest read failed cannot be read again:
//! it keeps its last good share of the model while the definitions stay (over a new day
//! too, as merged on the day it was last read); when they change, its records are left
//! out, with an error saying so, until it reads again.

pub mod causes;
mod completeness;
mod cores;
mod files;
pub mod intern;
pub mod invisible;
pub mod limits;
pub mod merge;
pub mod problem;
pub mod progress;
pub mod quoting;
pub mod raw;
mod read;
mod records;
mod timing;
mod workers;
pub mod yaml;

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use files::stamp;
pub use files::{display_name, is_status_file_name, is_temporary};
pub use limits::Limits;
pub use problem::{Loc, Problem, Severity};
pub use progress::{Progress, ProgressNow};
use raw::RawFile;

use merge::NeedsRecords;
pub use timing::Timing;

use crate::domain::{Date, Programme};

/// How one file of the set stands after a load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileHealth {
    /// Read and parsed.
    Good,
    /// The latest read failed; the last good content (if any) is still used.
    Stale {
        /// When the latest read first failed.
        since: SystemTime,
        /// True when the file's last good content is still used.
        has_last_good: bool,
    },
}

/// One file of the set and how it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileState {
    /// Where it is.
    pub path: PathBuf,
    /// Its name as shown (relative to the working folder when under it).
    pub name: String,
    /// How its latest read went.
    pub health: FileHealth,
}

/// The result of a load: the merged programme and everything wrong with the set.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The programme merged from every file's content in use.
    pub programme: Arc<Programme>,
    /// Everything wrong with the set, sorted by file and place.
    pub problems: Vec<Problem>,
    /// Every file of the set, in the order they merge.
    pub files: Vec<FileState>,
    /// Files that were in the previous load and are gone now.
    pub removed: Vec<String>,
    /// Files read anew by this load (changed, new or forced).
    pub reread: Vec<String>,
    /// Records (items of `variants`, `stages`, `queue`, `deliveries`) left out because a
    /// value of theirs could not be read, each with its problem: on a fresh start a bad
    /// record costs that record, not its file. Counts the records missing from the files'
    /// content in use (their last good content, for a file whose latest read failed).
    pub left_out: usize,
}

impl Snapshot {
    /// The problems that are errors (`check` exits 1 when there is any).
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    /// The problems that are warnings.
    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

#[derive(Debug)]
struct Cached {
    name: String,
    stamp: Option<Stamp>,
    /// The last content that parsed, shared with the merge, without its records.
    good: Option<Arc<RawFile>>,
    /// The records of `good` (queue, deliveries), from its read until they are merged.
    records: Option<Box<RawFile>>,
    /// Where the serials of `good`'s records are written, for later merges.
    noted: merge::Noted,
    /// True when `good` was read without a last good content to fall back on (a bad
    /// record left out, not the whole file refused): read again the same way.
    leaving_out: bool,
    /// Problems of the latest read (a parse error, an empty file, a missing version).
    read_problems: Vec<Problem>,
    /// Set while the latest read failed.
    failed_since: Option<SystemTime>,
    /// Counts the reads that gave `good`, for the merge to know what changed.
    version: u64,
    /// The problems of the records left out of `good` (see [`Snapshot::left_out`]).
    left_out: Vec<Problem>,
}

/// Loads a status set and keeps what it needs to reload it cheaply.
#[derive(Debug)]
pub struct Loader {
    sources: Vec<PathBuf>,
    limits: Limits,
    cache: BTreeMap<PathBuf, Cached>,
    /// The names of every file kept, shared (see [`intern`]).
    interner: intern::Interner,
    /// The last version given to a file's content.
    versions: u64,
    /// What the last merge keeps for the next.
    merged: merge::Cache,
    /// Counted while loading, for a screen that shows how far the load has gone.
    progress: Arc<Progress>,
    /// The threads that read files at once (see [`Loader::set_workers`]).
    workers: usize,
    /// Where the time of the last load went.
    timing: Timing,
}

/// After reading this much, the parser's freed memory is handed back to the system.
const RELEASE_AFTER_BYTES: u64 = 1024 * 1024;

impl Loader {
    /// `sources` are folders (every `*.yaml`/`*.yml` in them) or files.
    pub fn new(sources: Vec<PathBuf>, limits: Limits) -> Self {
        Loader {
            sources,
            limits,
            cache: BTreeMap::new(),
            interner: intern::Interner::default(),
            versions: 0,
            merged: merge::Cache::default(),
            progress: Arc::default(),
            workers: workers::every_core(),
            timing: Timing::default(),
        }
    }

    /// Where the time of the last load went.
    pub fn timing(&self) -> Timing {
        self.timing
    }

    /// Reads up to `n` files at once, each on a thread of its own; 0 means one per core
    /// the process may run on (the default). The result of a load is the same whatever
    /// the number; only its time and memory change.
    pub fn set_workers(&mut self, n: usize) {
        self.workers = if n == 0 { workers::every_core() } else { n };
    }

    /// The counters this loader updates while it loads; share them with whatever shows
    /// the load's progress.
    pub fn progress(&self) -> Arc<Progress> {
        Arc::clone(&self.progress)
    }

    /// The folders and files of the set.
    pub fn sources(&self) -> &[PathBuf] {
        &self.sources
    }

    /// Replaces the folders and files of the set (the config changed); the next load
    /// reads what is new and drops what is gone.
    pub fn set_sources(&mut self, sources: Vec<PathBuf>, limits: Limits) {
        self.sources = sources;
        self.limits = limits;
    }

    /// Loads the set, reading again only the files whose size or time changed.
    pub fn load(&mut self, today: Date) -> Snapshot {
        self.load_forcing(today, &HashSet::new())
    }

    /// Loads the set, reading again the files in `force` whatever their stamp (the
    /// watcher saw them change) and any other file whose size or time changed.
    pub fn load_forcing(&mut self, today: Date, force: &HashSet<PathBuf>) -> Snapshot {
        self.timing.read = Duration::ZERO;
        let started = Instant::now();
        let mut problems = Vec::new();
        let paths = self.discover(&mut problems);
        // The listing counts as reading.
        self.timing.read = started.elapsed();
        self.load_listed(today, force, paths, problems)
    }

    /// Loads the files `paths` found by [`Self::discover`], with the problems found there.
    fn load_listed(
        &mut self,
        today: Date,
        force: &HashSet<PathBuf>,
        mut paths: Vec<PathBuf>,
        mut problems: Vec<Problem>,
    ) -> Snapshot {
        let started = Instant::now();
        let stamps: Vec<_> = paths.iter().map(|p| stamp(p)).collect();
        let mut jobs = Vec::new();
        for (index, (path, stamp)) in paths.iter().zip(&stamps).enumerate() {
            let cached = self.cache.get(path);
            let unchanged = cached.is_some_and(|c| c.stamp.is_some() && c.stamp == *stamp);
            if unchanged && !force.contains(path) {
                continue;
            }
            jobs.push(workers::Job {
                index,
                path: path.clone(),
                bytes: stamp.map_or(0, |s| s.len),
                has_last_good: cached.is_some_and(|c| c.good.is_some()),
            });
        }
        let bytes_read: u64 = jobs.iter().map(|j| j.bytes).sum();
        let (mut reread_at, vanished) = self.read(&paths, &stamps, jobs);
        reread_at.sort_unstable();
        let reread: Vec<String> = reread_at.iter().map(|&i| display_name(&paths[i])).collect();
        paths.retain(|p| !vanished.contains(p));

        let listed: HashSet<&PathBuf> = paths.iter().collect();
        let mut removed: Vec<String> = self
            .cache
            .iter()
            .filter(|(p, _)| !listed.contains(p))
            .map(|(_, c)| c.name.clone())
            .collect();
        self.cache.retain(|p, _| listed.contains(p));

        let mut attempt = 0;
        // Files read again for their records during the merge.
        let mut fetched = 0;
        let (merged, files, left_out, read) = loop {
            let mut raws = self.take_records(&paths, attempt > 0);
            let mut left_out = 0;
            let mut read_problems = Vec::new();
            let mut files = Vec::with_capacity(paths.len());
            let mut sources = Vec::with_capacity(paths.len());
            let mut noted = Vec::with_capacity(paths.len());
            let mut versions = Vec::with_capacity(paths.len());
            // Per source: how to read its records again (see `records::again`).
            let mut again = Vec::with_capacity(paths.len());
            for path in &paths {
                let Some(c) = self.cache.get(path) else {
                    continue;
                };
                read_problems.extend(c.read_problems.iter().cloned());
                files.push(FileState {
                    path: path.clone(),
                    name: c.name.clone(),
                    health: match c.failed_since {
                        None => FileHealth::Good,
                        Some(since) => FileHealth::Stale {
                            since,
                            has_last_good: c.good.is_some(),
                        },
                    },
                });
                if let Some(good) = &c.good {
                    left_out += c.left_out.len();
                    read_problems.extend(c.left_out.iter().cloned());
                    sources.push(merge::Source {
                        name: &c.name,
                        raw: good,
                    });
                    noted.push(&c.noted);
                    versions.push(c.version);
                    again.push((path, c));
                }
            }
            let read = started.elapsed();
            let (limits, interner) = (self.limits, &mut self.interner);
            let fetched = &mut fetched;
            let mut fetch = |i: usize| {
                let (path, c) = again.get(i)?;
                *fetched += 1;
                records::again(path, c, limits, interner)
            };
            let merged = merge::merge_records(
                &sources,
                &noted,
                &mut raws,
                &mut fetch,
                &versions,
                today,
                &mut self.merged,
            );
            match merged {
                Ok((mut programme, merge_problems)) => {
                    completeness::mark_sections(&mut programme, &noted, &files);
                    read_problems.extend(merge_problems);
                    break ((programme, read_problems), files, left_out, read);
                }
                Err(NeedsRecords) => {
                    // A file changed since it was read, or cannot be read: every record is
                    // built again, the files whose records were dropped read again.
                    self.merged.clear();
                    attempt += 1;
                    let gone = self.read_records_again(&mut paths);
                    removed.extend(gone);
                }
            }
        };
        let (programme, merged_problems) = merged;
        problems.extend(merged_problems);
        let merged_at = started.elapsed();
        if !reread.is_empty() || attempt > 0 || fetched > 0 {
            self.interner.prune();
        }
        if bytes_read >= RELEASE_AFTER_BYTES || attempt > 0 || fetched > 0 {
            crate::mem::release_free_memory();
        }
        sort_problems(&mut problems);
        self.timing = Timing {
            read: self.timing.read + read,
            merge: merged_at.saturating_sub(read),
            tidy: started.elapsed().saturating_sub(merged_at),
        };
        self.progress.end();
        Snapshot {
            programme: Arc::new(programme),
            problems,
            files,
            removed,
            reread,
            left_out,
        }
    }
}

fn sort_problems(problems: &mut [Problem]) {
    problems.sort_by(|a, b| {
        (&a.file, a.loc.line, a.loc.column).cmp(&(&b.file, b.loc.line, b.loc.column))
    });
}

#[cfg(test)]
mod tests;
