//! The live dashboard: the event loop and the threads that feed it. One channel carries
//! every [`Event`](crate::event::Event); each source (the terminal's input, signals, the
//! file watcher, the loader) has its own thread, and the loop redraws only after an event.
//! Idle, the loop sleeps in `recv` until an event or the next timer it set itself (a
//! debounce deadline, the end of a flash, a poll, midnight).
//!
//! - [`event_loop`]: the loop itself, and what it does to the terminal after each event;
//! - [`state`]: what the loop keeps between events and how each event changes it;
//! - [`reload`]: the loader thread, which reads the files and sends back finished data;
//! - [`refreshing`]: the thread that builds the views' states for a load's data, and drops
//!   the old ones;
//! - [`filtering`]: the thread that runs the queue filter's large passes;
//! - `progress`: the progress of running loads, copied to the screen while they run;
//! - [`config`]: reading the config again while the dashboard runs;
//! - [`watching`]: setting the watches, and polling when they cannot cover the set;
//! - [`input`]: the threads that turn keys, resizes, signals and a lost terminal into events.
//!
//! File events are debounced here rather than in a debouncer thread, whose tick would
//! wake the process several times a second while nothing changes. How reload works and
//! what it survives is told in `docs/RELOAD.md`.

pub mod config;
pub mod event_loop;
pub mod filtering;
pub mod input;
mod progress;
pub mod refreshing;
pub mod reload;
pub mod state;
pub mod watching;

#[cfg(test)]
mod tests;

use std::time::Duration;

use crate::config::Config;
use crate::domain::Date;

pub use event_loop::run;
pub use state::Runtime;

/// Quiet time after the last file event before reloading: editors write in bursts.
pub const DEBOUNCE: Duration = Duration::from_millis(60);
/// The longest a reload waits while events keep coming.
pub const MAX_DELAY: Duration = Duration::from_millis(200);
/// How often the set is checked when some change may go unreported.
pub const POLL_EVERY: Duration = Duration::from_secs(2);
/// How often the screen takes the progress of a running load; no such timer while no
/// load runs.
pub const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// Names a file to which every reload is logged, one line each (see `docs/RELOAD.md`).
pub const TRACE_VAR: &str = "FLEETDASH_TRACE";
/// In debug builds only, makes the loop panic after its first frame, so that tests can
/// check the terminal is restored after a panic.
pub const TEST_PANIC_VAR: &str = "FLEETDASH_TEST_PANIC";
/// In debug builds only, names a FIFO that the loader thread reads to its end before
/// each load, so that a test can hold a load back for as long as it likes.
pub const TEST_LOAD_GATE_VAR: &str = "FLEETDASH_TEST_LOAD_GATE";

/// What the dashboard runs on.
#[derive(Debug, Clone)]
pub struct Options {
    /// The config in force at the start (read again when its file changes).
    pub config: Config,
    /// `--today`: a fixed day instead of the clock's.
    pub today: Option<Date>,
    /// The status folders came from the command line: a config change keeps them.
    pub status_from_cli: bool,
}
