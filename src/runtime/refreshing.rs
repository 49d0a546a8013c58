//! The refreshing thread: builds the views' states for the data of a finished load
//! ([`crate::app::Views::refresh`]) away from the dashboard's thread, so that keys are
//! answered while it works (most of a second at a million vehicles), and sends the states
//! back as [`Event::Refreshed`]. It also drops what the dashboard hands it (the data and
//! states a landing replaced, a refresh no longer wanted): freeing a million vehicles is
//! not free either.
//!
//! Jobs are not queued: the thread has one slot, and a newer job replaces the one waiting
//! there (the loop copies the views' states again for the newer data). A job that
//! finishes after a newer one was posted is sent all the same; the loop knows it by its
//! number ([`Refreshed::job`]) and hands it back to be dropped here.

use std::any::Any;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Instant;

use super::reload::Gate;
use crate::app::{Data, Views};
use crate::domain::changes::Change;
use crate::event::{Event, Refreshed};

struct Job {
    number: u64,
    data: Data,
    views: Views,
    log: Reloads,
}

/// What reloads changed, each with the local time it landed, oldest first; shared, so
/// that posting a job copies nothing on the dashboard's thread (the refreshing thread
/// copies what it logs).
pub type Reloads = Arc<Vec<(chrono::NaiveDateTime, Vec<Change>)>>;

#[derive(Default)]
struct Slot {
    job: Option<Job>,
    /// What to drop on the thread.
    trash: Vec<Box<dyn Any + Send>>,
    /// The loop has gone: the thread ends.
    closed: bool,
}

type Mailbox = Arc<(Mutex<Slot>, Condvar)>;

/// The loop's handle on the refreshing thread; dropping it ends the thread after its
/// current job.
pub struct Refreshing {
    mailbox: Mailbox,
    /// The number of the last job posted.
    last: u64,
}

impl Refreshing {
    /// Starts the thread, with `gate` run on it before each job (tests hold a refresh
    /// back with it); finished jobs arrive on `tx` as [`Event::Refreshed`].
    pub fn spawn(tx: Sender<Event>, mut gate: Option<Gate>) -> Refreshing {
        let mailbox: Mailbox = Arc::default();
        let theirs = Arc::clone(&mailbox);
        std::thread::spawn(move || {
            while let Some((job, trash)) = next(&theirs) {
                let freed = !trash.is_empty();
                drop(trash);
                if freed {
                    // Given back to the system, so that the dashboard stays at its size
                    // over days of reloads.
                    crate::mem::release_free_memory();
                }
                let Some(Job {
                    number,
                    data,
                    mut views,
                    log,
                }) = job
                else {
                    continue;
                };
                if let Some(gate) = &mut gate {
                    gate();
                }
                let timing = views.refresh_and_log(&data, log.iter().cloned().collect());
                let refreshed = Refreshed {
                    job: number,
                    data,
                    views,
                    timing,
                };
                if tx.send(Event::Refreshed(Box::new(refreshed))).is_err() {
                    break;
                }
            }
        });
        Refreshing { mailbox, last: 0 }
    }

    /// Refreshes `views` for `data` and logs in them what the reloads of `log` changed,
    /// in place of any job still waiting (dropped on the thread); returns the job's
    /// number.
    pub fn post(&mut self, data: Data, views: Views, log: Reloads) -> u64 {
        self.last += 1;
        let job = Job {
            number: self.last,
            data,
            views,
            log,
        };
        let (lock, ready) = &*self.mailbox;
        let mut slot = lock.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(old) = slot.job.replace(job) {
            slot.trash.push(Box::new(old.data));
            slot.trash.push(Box::new(old.views));
        }
        ready.notify_one();
        self.last
    }

    /// True when `refreshed` is of the last job posted.
    pub fn is_latest(&self, refreshed: &Refreshed) -> bool {
        refreshed.job == self.last
    }

    /// Drops `what` on the thread.
    pub fn drop_there(&self, what: Box<dyn Any + Send>) {
        let (lock, ready) = &*self.mailbox;
        lock.lock()
            .unwrap_or_else(|e| e.into_inner())
            .trash
            .push(what);
        ready.notify_one();
    }
}

impl Drop for Refreshing {
    fn drop(&mut self) {
        let (lock, ready) = &*self.mailbox;
        lock.lock().unwrap_or_else(|e| e.into_inner()).closed = true;
        ready.notify_one();
    }
}

/// Waits for the next job or something to drop; `None` once the loop has gone.
#[allow(clippy::type_complexity)]
fn next(mailbox: &Mailbox) -> Option<(Option<Job>, Vec<Box<dyn Any + Send>>)> {
    let (lock, ready) = &**mailbox;
    let mut slot = lock.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        if slot.closed {
            return None;
        }
        if slot.job.is_some() || !slot.trash.is_empty() {
            let trash = std::mem::take(&mut slot.trash);
            return Some((slot.job.take(), trash));
        }
        slot = ready.wait(slot).unwrap_or_else(|e| e.into_inner());
    }
}

/// The time since `start`, for the trace: how long the dashboard's thread spent putting a
/// refresh in place.
pub(super) fn since_ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}
