//! The filtering thread: runs the Assembly queue's filter passes that are too large for
//! the loop (a million vehicles), so that a key typed into the filter is on screen at
//! once, and sends each finished pass back as [`Event::Filtered`].
//!
//! Passes are not queued: the thread has one slot, and a newer pass replaces the one
//! waiting there. The loop also tells the thread the latest generation of the queue's
//! rows ([`Filtering::want`]); a pass under way for an older one is abandoned within a
//! few thousand rows, and one that finishes anyway is dropped by the queue's state, so a
//! superseded filter never lands over a newer one.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex};

use crate::app::queue::{self, Job};
use crate::event::Event;

/// Passes over more rows than this go to the thread; smaller ones (a narrowed result, a
/// small queue) run on the loop, about a millisecond.
pub const SYNC_ROWS: usize = 20_000;

#[derive(Default)]
struct Slot {
    job: Option<Job>,
    /// The loop has gone: the thread ends.
    closed: bool,
}

#[derive(Default)]
struct Shared {
    slot: Mutex<Slot>,
    ready: Condvar,
    /// The generation the loop wants; a pass for another one stops.
    wanted: AtomicU64,
}

/// The loop's handle on the filtering thread; dropping it ends the thread after its
/// current pass.
pub struct Filtering {
    shared: Arc<Shared>,
}

impl Filtering {
    /// Starts the thread; finished passes arrive on `tx` as [`Event::Filtered`].
    pub fn spawn(tx: Sender<Event>) -> Filtering {
        let shared = Arc::new(Shared::default());
        let theirs = Arc::clone(&shared);
        std::thread::spawn(move || {
            while let Some(job) = next_job(&theirs) {
                let generation = job.generation();
                let stale = || theirs.wanted.load(Ordering::Relaxed) != generation;
                if let Some(outcome) = job.run(&stale)
                    && tx.send(Event::Filtered(Box::new(outcome))).is_err()
                {
                    break;
                }
            }
        });
        Filtering { shared }
    }

    /// Runs `job`, in place of any pass still waiting.
    pub fn post(&self, job: Job) {
        self.want(job.generation());
        let mut slot = self.shared.slot.lock().unwrap_or_else(|e| e.into_inner());
        slot.job = Some(job);
        self.shared.ready.notify_one();
    }

    /// Takes the queue's pending pass, if any, or else tells the thread that the pass it
    /// runs is no longer wanted: called after every change of the queue's state.
    pub fn hand_over(&self, queue: &mut queue::State) {
        match queue.take_job() {
            Some(job) => self.post(job),
            None => self.want(queue.generation()),
        }
    }

    /// Says which generation of the queue's rows is wanted: a pass for another one stops.
    pub fn want(&self, generation: u64) {
        self.shared.wanted.store(generation, Ordering::Relaxed);
    }
}

impl Drop for Filtering {
    fn drop(&mut self) {
        self.want(u64::MAX);
        let mut slot = self.shared.slot.lock().unwrap_or_else(|e| e.into_inner());
        slot.closed = true;
        self.shared.ready.notify_one();
    }
}

/// Waits for the next pass; `None` once the loop has gone.
fn next_job(shared: &Shared) -> Option<Job> {
    let mut slot = shared.slot.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        if slot.closed {
            return None;
        }
        if let Some(job) = slot.job.take() {
            return Some(job);
        }
        slot = shared.ready.wait(slot).unwrap_or_else(|e| e.into_inner());
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;
    use crate::app::{Action, App, Data, View};
    use crate::status::{Limits, Loader};

    fn app() -> App {
        let today = crate::domain::Date::from_ymd_opt(2026, 11, 26).unwrap();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
        let snapshot = Loader::new(vec![dir], Limits::default()).load(today);
        let mut app = App::new(Data::new(snapshot, today));
        app.view = View::Queue;
        app.update(Action::StartFilter);
        app
    }

    fn serials(app: &App) -> Vec<String> {
        let rows = app.queue.vehicles(&app.data);
        rows.map(|v| v.serial.to_string()).collect()
    }

    #[test]
    fn passes_run_on_the_thread_and_only_the_newest_lands() {
        // What the filter shows when every pass runs at once.
        let mut at_once = app();
        for c in "grf 00".chars() {
            at_once.update(Action::FilterChar(c));
        }
        let expected = serials(&at_once);
        assert!(!expected.is_empty() && expected.len() < at_once.queue.total);

        let (tx, rx) = mpsc::channel();
        let filtering = Filtering::spawn(tx);
        let mut app = app();
        app.queue.set_background(Some(0));
        let mut generations = Vec::new();
        for c in "grf 00".chars() {
            app.update(Action::FilterChar(c));
            generations.push(app.queue.generation());
            filtering.hand_over(&mut app.queue);
        }
        // Every outcome that arrives is handed to the state, as the loop does; those of
        // an older generation are refused, and the newest one lands.
        while app.queue.is_updating() {
            let Ok(Event::Filtered(outcome)) = rx.recv_timeout(Duration::from_secs(20)) else {
                panic!("no pass landed");
            };
            let newest = outcome.generation == app.queue.generation();
            assert!(generations.contains(&outcome.generation));
            assert_eq!(app.queue.filtered(*outcome, &app.data), newest);
        }
        assert_eq!(serials(&app), expected);
    }
}
