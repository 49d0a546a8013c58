//! The one event type of the dashboard: every source (keys, resize, files, the loader,
//! signals) sends these into one channel, and the loop redraws only after one arrives.

use std::path::PathBuf;

use crossterm::event::{KeyEvent, MouseEvent};

use crate::app::{Data, Timing, Views};

/// Something the loop must answer.
#[derive(Debug)]
pub enum Event {
    /// A key pressed (or released, or repeated: the keymap keeps presses).
    Key(KeyEvent),
    /// A click or a turn of the wheel.
    Mouse(MouseEvent),
    /// The terminal changed size.
    Resize,
    /// Paths of the status set or the config that changed on disk.
    Files(Vec<PathBuf>),
    /// A status folder (or a folder above one, or a link on the way to a file of the set)
    /// appeared, vanished or was renamed: the watches must be set again and the set listed
    /// again.
    Folders,
    /// The watcher lost events (queue overflow): every file must be read again. Says why.
    Rescan(String),
    /// The watcher reported an error; the loop reads every file again and falls back to
    /// polling. Says why.
    WatchFailed(String),
    /// The loader thread finished a load.
    Loaded(Box<Loaded>),
    /// The refreshing thread built the views' states for a load's data.
    Refreshed(Box<Refreshed>),
    /// The filtering thread finished a pass of the queue's filter.
    Filtered(Box<crate::app::queue::Outcome>),
    /// A signal asked the app to end (SIGTERM, SIGHUP, SIGINT), or the terminal is gone.
    Terminate,
}

/// A finished load, from the loader thread.
#[derive(Debug)]
pub struct Loaded {
    /// The new data to show; `None` when nothing the screen shows changed.
    pub data: Option<Data>,
    /// Files were read again or dropped, or the problems changed (not only the day).
    pub changed: bool,
    /// What to say on the status line about it.
    pub flash: Option<String>,
    /// One line for the trace file (see `docs/RELOAD.md`).
    pub trace: String,
    /// What the load changed from the one before, for the Changes view's log.
    pub changes: Vec<crate::domain::changes::Change>,
}

/// The views' states of a job, refreshed for its data.
#[derive(Debug)]
pub struct Refreshed {
    /// The job's number: the loop takes the states only from its latest job.
    pub job: u64,
    /// The data the states were built for.
    pub data: Data,
    /// The states, refreshed.
    pub views: Views,
    /// How long each view took on the thread.
    pub timing: Timing,
}
