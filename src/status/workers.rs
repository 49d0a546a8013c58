//! Reading the files of one load on several threads at once.
//!
//! Each worker takes the next file not yet taken (the largest first, so that the last file
//! to start is a small one), reads and parses it, counts it in the load's [`Progress`] and
//! hands the outcome to the loader's thread, which keeps it at once: a worker holds one
//! file's text and parse at a time, so a load holds what it keeps plus one file's working
//! set per worker. A core no worker uses (fewer files than workers) is spare ([`cores`]):
//! the parse of a large file takes it to read its slices on more than one thread
//! (`status::yaml::slice`). A worker whose files are all taken keeps its core to itself:
//! lent to the last large file, it raised the load's peak (see `read_all`). The workers share the loader's [`Interner`] ([`intern::Shared`]), so that
//! every name is one copy across all files, as when the files are read one by one.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;

use super::cores::{self, Spare};
use super::intern::{self, Interner};
use super::read::{Outcome, read_file};
use super::{Limits, Progress};

/// One file a load reads.
#[derive(Debug)]
pub(super) struct Job {
    /// Its place in the set's order.
    pub index: usize,
    pub path: PathBuf,
    /// Its size when listed (what [`Progress`] counts).
    pub bytes: u64,
    /// True when the loader has a last good content of it to fall back on.
    pub has_last_good: bool,
}

/// The threads a load uses when not told: one per core the process may run on.
pub(super) fn every_core() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get())
}

/// Reads `jobs` on up to `workers` threads and calls `done(index, outcome)` on this thread
/// for each file as soon as it is read (in the order they finish, not the set's order).
/// With one worker, or one file, everything happens on this thread, in the set's order.
pub(super) fn read_all(
    mut jobs: Vec<Job>,
    limits: Limits,
    workers: usize,
    interner: &mut Interner,
    progress: &Progress,
    mut done: impl FnMut(usize, Outcome),
) {
    let cores = workers.max(1);
    let workers = workers.min(jobs.len());
    if workers <= 1 {
        let spare = Arc::new(Spare::new(cores - 1));
        for job in &jobs {
            let outcome = cores::with_spare(&spare, || {
                intern::with(interner, || read_one(job, limits, progress))
            });
            done(job.index, outcome);
        }
        return;
    }
    let spare = Arc::new(Spare::new(cores - workers));
    jobs.sort_by(|a, b| b.bytes.cmp(&a.bytes).then(a.index.cmp(&b.index)));
    let shared = Arc::new(intern::Shared::new(std::mem::take(interner)));
    let next = AtomicUsize::new(0);
    let take = || jobs.get(next.fetch_add(1, Ordering::Relaxed));
    thread::scope(|s| {
        let (tx, rx) = mpsc::channel();
        for _ in 0..workers {
            let tx = tx.clone();
            let (shared, take, spare) = (&shared, &take, &spare);
            let spawned = thread::Builder::new()
                .name("fleetdash-read".to_owned())
                .stack_size(cores::STACK_BYTES)
                .spawn_scoped(s, move || {
                    // A worker with no file left does not lend its core to the slices
                    // of the files still being read: the last large file of a load,
                    // parsed in slices on two threads, held some 18 MiB more than on
                    // one, when the load holds the most (every other file's records):
                    // the peak of `check` at 1M (BENCHMARKS.md, the `thin` branch).
                    intern::with_shared(shared, || {
                        cores::with_spare(spare, || {
                            while let Some(job) = take() {
                                let outcome = read_one(job, limits, progress);
                                if tx.send((job.index, outcome)).is_err() {
                                    return;
                                }
                            }
                        })
                    })
                });
            // A thread that cannot be had leaves its share to the others, or to this one.
            drop(spawned);
        }
        drop(tx);
        for (index, outcome) in rx {
            done(index, outcome);
        }
        // Whatever no worker took (none could be started): read here.
        intern::with_shared(&shared, || {
            while let Some(job) = take() {
                let outcome = read_one(job, limits, progress);
                done(job.index, outcome);
            }
        });
    });
    *interner = Arc::try_unwrap(shared)
        .map(intern::Shared::into_inner)
        .unwrap_or_default();
}

/// Reads one file and counts it.
fn read_one(job: &Job, limits: Limits, progress: &Progress) -> Outcome {
    let outcome = read_file(&job.path, limits, job.has_last_good);
    progress.file_done(job.bytes, outcome.records());
    outcome
}
