//! The one event type of the dashboard: every source (keys, resize, files, timers) sends
//! these into one channel, and the loop redraws only after one arrives.

use std::path::PathBuf;

use crossterm::event::{KeyEvent, MouseEvent};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize,
    /// Paths of the status set or the config that changed on disk.
    Files(Vec<PathBuf>),
    /// The watcher lost events (queue overflow) or needs a full rescan.
    Rescan(String),
    /// The watcher failed; the loop falls back to polling.
    WatchFailed(String),
    /// A signal asked the app to end (SIGTERM, SIGHUP, SIGINT).
    Terminate,
}
