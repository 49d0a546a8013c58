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
    /// A status folder (or a folder above one) appeared, vanished or was renamed: the
    /// watches must be set again and the set listed again.
    Folders,
    /// The watcher lost events (queue overflow): every file must be read again. Says why.
    Rescan(String),
    /// The watcher reported an error; the loop reads every file again and falls back to
    /// polling. Says why.
    WatchFailed(String),
    /// A signal asked the app to end (SIGTERM, SIGHUP, SIGINT).
    Terminate,
}
