//! The loader thread, bottom's way: the loop posts "reload these files" (or "reload
//! all"), the thread reads and merges them, works out the figures, and sends back a
//! finished [`Loaded`] on the loop's one channel. Keys, resizes and signals are answered
//! while it works. The first load is the thread's too, so that the dashboard is on
//! screen (with the load's progress) before any file is read.
//!
//! Requests are not queued: the thread has one slot, and a request posted while another
//! waits there is merged into it (the union of the files, "all" above both, the newest day
//! and config). However many changes arrive during a long load, at most one more load
//! follows it, and it reads everything they asked for.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Instant;

use crate::app::{Data, LastIndex};
use crate::domain::{Date, Programme, Shared, changes};
use crate::event::{Event, Loaded};
use crate::status::{Limits, Loader, Problem, Snapshot};
use crate::watch;

mod flash;
use flash::flash_text;

/// What a reload reads again besides the files whose size or time changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Force {
    /// Nothing more: a poll, a new day, a check after the watches were set.
    Stamps,
    /// The files the watcher saw change, however it spelled their paths.
    Files(HashSet<PathBuf>),
    /// Every file: lost events, a key press, new limits.
    All,
}

impl Force {
    /// What two requests ask for together.
    fn and(self, other: Force) -> Force {
        match (self, other) {
            (Force::All, _) | (_, Force::All) => Force::All,
            (Force::Files(mut a), Force::Files(b)) => {
                a.extend(b);
                Force::Files(a)
            }
            (Force::Files(a), Force::Stamps) | (Force::Stamps, Force::Files(a)) => Force::Files(a),
            (Force::Stamps, Force::Stamps) => Force::Stamps,
        }
    }
}

/// New status sources for the loader (the config changed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    /// Folders or files of the set.
    pub paths: Vec<PathBuf>,
    /// What one file may cost to read.
    pub limits: Limits,
    /// The folders changed: files of the folders left behind are not "removed".
    pub changed: bool,
}

/// One request to the loader thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// What to read again.
    pub force: Force,
    /// Why, for the trace: `files`, `key`, `poll`…
    pub why: String,
    /// The day the figures are for.
    pub today: Date,
    /// The forecast window, in months.
    pub window_months: u32,
    /// New sources, when the config changed them.
    pub sources: Option<Sources>,
    /// Said by the flash instead of the files read (a config was applied).
    pub note: Option<String>,
}

impl Request {
    /// One request that does what `self` and the newer `newer` ask.
    pub fn merge(self, newer: Request) -> Request {
        let sources = match (self.sources, newer.sources) {
            (Some(old), Some(mut new)) => {
                new.changed |= old.changed;
                Some(new)
            }
            (old, new) => new.or(old),
        };
        Request {
            force: self.force.and(newer.force),
            why: if self.why == newer.why {
                newer.why
            } else {
                format!("{}+{}", newer.why, self.why)
            },
            today: newer.today,
            window_months: newer.window_months,
            sources,
            note: newer.note.or(self.note),
        }
    }
}

/// The slot between the loop and the loader thread.
#[derive(Default)]
struct Slot {
    request: Option<Request>,
    /// The loop has gone: the thread ends.
    closed: bool,
    /// A request was posted whose load has not been sent yet.
    busy: bool,
}

type Mailbox = Arc<(Mutex<Slot>, Condvar)>;

/// Runs before each load on the loader thread; tests hold a load back with it.
pub type Gate = Box<dyn FnMut() + Send>;

/// The loop's handle on the loader thread; dropping it ends the thread after its
/// current load.
pub struct Reloader {
    mailbox: Mailbox,
}

impl Reloader {
    /// Starts the loader thread with `loader`, which has loaded nothing yet; its first
    /// load (the first request posted) always sends data, with no flash. Finished loads
    /// arrive on `tx` as [`Event::Loaded`].
    pub fn spawn(loader: Loader, tx: Sender<Event>, gate: Option<Gate>) -> Reloader {
        let mailbox: Mailbox = Arc::default();
        let mut worker = Worker {
            loader,
            last: Last::of(&nothing()),
            removed: BTreeSet::new(),
            today: None,
            window_months: 0,
            gate,
            index: None,
        };
        let shared = Arc::clone(&mailbox);
        let progress = worker.loader.progress();
        std::thread::spawn(move || {
            while let Some(request) = next_request(&shared) {
                // Nothing counted yet: the last load's counts are not this one's.
                progress.begin(0, 0);
                progress.end();
                if let Some(gate) = &mut worker.gate {
                    gate();
                }
                let loaded = worker.load(request);
                {
                    // Idle once nothing waits: said before the load is sent, so that the
                    // loop, when it gets it, knows whether another follows.
                    let mut slot = shared.0.lock().unwrap_or_else(|e| e.into_inner());
                    slot.busy = slot.request.is_some();
                }
                if tx.send(Event::Loaded(Box::new(loaded))).is_err() {
                    break;
                }
            }
        });
        Reloader { mailbox }
    }

    /// Asks for a load; merged into the request still waiting, if there is one.
    pub fn post(&self, request: Request) {
        let (lock, ready) = &*self.mailbox;
        let mut slot = lock.lock().unwrap_or_else(|e| e.into_inner());
        slot.request = Some(match slot.request.take() {
            Some(waiting) => waiting.merge(request),
            None => request,
        });
        slot.busy = true;
        ready.notify_one();
    }

    /// True while a load asked for has not been sent back: one waits in the slot, or
    /// the thread is reading one. False once the last load asked for is on the channel.
    pub fn busy(&self) -> bool {
        let (lock, _) = &*self.mailbox;
        lock.lock().unwrap_or_else(|e| e.into_inner()).busy
    }
}

impl Drop for Reloader {
    fn drop(&mut self) {
        let (lock, ready) = &*self.mailbox;
        lock.lock().unwrap_or_else(|e| e.into_inner()).closed = true;
        ready.notify_one();
    }
}

/// The snapshot of no file: what the screen holds until the first load lands.
pub fn nothing() -> Snapshot {
    Snapshot {
        programme: Arc::default(),
        problems: Vec::new(),
        files: Vec::new(),
        removed: Vec::new(),
        reread: Vec::new(),
        left_out: 0,
    }
}

/// Waits for the next request; `None` once the loop has gone.
fn next_request(mailbox: &Mailbox) -> Option<Request> {
    let (lock, ready) = &**mailbox;
    let mut slot = lock.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        if slot.closed {
            return None;
        }
        if let Some(request) = slot.request.take() {
            return Some(request);
        }
        slot = ready.wait(slot).unwrap_or_else(|e| e.into_inner());
    }
}

/// What the thread remembers of the last load it sent, to say what the next changed.
struct Last {
    paths: Vec<PathBuf>,
    names: HashSet<String>,
    problems: Vec<Problem>,
    programme: Arc<Programme>,
}

impl Last {
    fn of(snapshot: &Snapshot) -> Last {
        Last {
            paths: snapshot.files.iter().map(|f| f.path.clone()).collect(),
            names: snapshot.files.iter().map(|f| f.name.clone()).collect(),
            problems: snapshot.problems.clone(),
            programme: Arc::clone(&snapshot.programme),
        }
    }
}

/// The loader thread's state.
struct Worker {
    loader: Loader,
    last: Last,
    /// Files gone since they were last seen, until they come back.
    removed: BTreeSet<String>,
    /// The day of the last load sent; `None` before the first.
    today: Option<Date>,
    window_months: u32,
    gate: Option<Gate>,
    /// The queue view's index of the last data sent with one, whose unchanged runs the
    /// next one reuses.
    index: Option<LastIndex>,
}

impl Worker {
    fn load(&mut self, request: Request) -> Loaded {
        let started = Instant::now();
        let first = self.today.is_none();
        if let Some(sources) = request.sources {
            if sources.changed {
                // Files of the folders left behind are not "removed": they are not wanted.
                self.removed.clear();
            }
            self.loader.set_sources(sources.paths, sources.limits);
        }
        let force: HashSet<PathBuf> = match request.force {
            Force::Stamps => HashSet::new(),
            Force::All => self.last.paths.iter().cloned().collect(),
            Force::Files(changed) => matching(&self.last.paths, &changed),
        };
        let mut snapshot = self.loader.load_forcing(request.today, &force);
        let changed = !(snapshot.reread.is_empty()
            && snapshot.removed.is_empty()
            && snapshot.problems == self.last.problems);
        // What changed, once: for the flash's words and the Changes view's log. The first
        // load is no news: everything in it is.
        let found = if !first && (changed || request.note.is_some()) {
            changes::between(&self.last.programme, &snapshot.programme)
        } else {
            Vec::new()
        };
        let words = changes::words(&found);
        let mut flash = (changed && !first)
            .then(|| flash_text(&self.last, &snapshot, &words))
            .flatten();
        if let Some(note) = request.note.filter(|_| !first) {
            // After a config change, the files read are no news; what changed in them is.
            flash = Some(if words.is_empty() {
                note
            } else {
                format!("{note}: {}", words.join(", "))
            });
        }
        let trace = format!(
            "reload why={} reread=[{}] removed=[{}] took={}us{}",
            request.why,
            snapshot.reread.join(", "),
            snapshot.removed.join(", "),
            started.elapsed().as_micros(),
            if changed { "" } else { " unchanged" }
        );
        let refigure =
            self.today != Some(request.today) || request.window_months != self.window_months;
        // The first load sends data whatever it found: the screen waits for it.
        if !changed && !refigure {
            return Loaded {
                data: None,
                changed,
                flash,
                trace,
                changes: Vec::new(),
            };
        }
        // A removed file stays noted (in the Problems view) until it comes back.
        self.removed.extend(snapshot.removed.iter().cloned());
        for f in &snapshot.files {
            self.removed.remove(&f.name);
        }
        snapshot.removed = self.removed.iter().cloned().collect();
        // The queue view's index is built here, off the dashboard's thread, for a new
        // queue or day.
        let new_queue = self.today != Some(request.today)
            || !Shared::ptr_eq(&self.last.programme.queue, &snapshot.programme.queue);
        self.last = Last::of(&snapshot);
        self.today = Some(request.today);
        self.window_months = request.window_months;
        // The figures and the index at once, on two threads.
        let data = if new_queue {
            let data = Data::with_window_and_index(
                snapshot,
                request.today,
                request.window_months,
                self.index.as_ref(),
            );
            self.index = data.last_index();
            data
        } else {
            Data::with_window(snapshot, request.today, request.window_months)
        };
        Loaded {
            data: Some(data),
            changed,
            flash,
            trace,
            changes: found,
        }
    }
}

/// The files of `known` (as the loader lists them) that `changed` names, however each
/// spells its paths (see [`watch::same_file`]). Each path is resolved once, so the cost
/// grows with the number of files, not with its square.
pub fn matching(known: &[PathBuf], changed: &HashSet<PathBuf>) -> HashSet<PathBuf> {
    let mut wanted: HashSet<PathBuf> = HashSet::with_capacity(changed.len() * 2);
    for c in changed {
        wanted.insert(watch::absolute(c));
        wanted.extend(std::fs::canonicalize(c).ok());
    }
    known
        .iter()
        .filter(|k| wanted.contains(k.as_path()) || spellings(k).any(|s| wanted.contains(&s)))
        .cloned()
        .collect()
}

/// The absolute and the real path of `path`.
fn spellings(path: &Path) -> impl Iterator<Item = PathBuf> {
    std::iter::once(watch::absolute(path)).chain(std::fs::canonicalize(path).ok())
}
