//! The file watcher: folders in, "these files changed" events out.
//!
//! Folders are watched, not files: editors save by writing a temporary file and renaming
//! it over the original, and a watch on the original file stops for good at the first such
//! save on Linux. Events are filtered by name here (status files and the config), and
//! editors' temporary files are ignored. Debouncing happens in the event loop, so nothing
//! wakes the process while nothing changes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::event::Event;
use crate::status::is_status_file_name;

/// Keeps the watches alive; dropping it stops them.
pub struct Watcher {
    _inner: RecommendedWatcher,
    /// Folders that could not be watched (missing), for the status line.
    pub unwatched: Vec<PathBuf>,
}

/// What to watch: the status sources and the config file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Targets {
    pub sources: Vec<PathBuf>,
    pub config: Option<PathBuf>,
}

impl Targets {
    /// The folders to watch: each status folder, and the folder of each named file.
    fn folders(&self) -> BTreeSet<PathBuf> {
        let mut out = BTreeSet::new();
        for s in &self.sources {
            if s.is_dir() {
                out.insert(s.clone());
            } else {
                out.insert(parent(s));
            }
        }
        if let Some(c) = &self.config {
            out.insert(parent(c));
        }
        out
    }

    /// True when a change to `path` matters: a status file in a watched folder, a named
    /// status file, or the config.
    pub fn matters(&self, path: &Path) -> bool {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if self.config.as_deref().is_some_and(|c| same_file(c, path)) {
            return true;
        }
        self.sources.iter().any(|s| {
            same_file(s, path)
                || (is_status_file_name(name) && path.parent().is_some_and(|p| same_file(s, p)))
        })
    }
}

fn parent(p: &Path) -> PathBuf {
    match p.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Compares paths that may be written differently (`./a` and `a`, relative and absolute).
fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    let abs = |p: &Path| {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir()
                .map(|d| d.join(p))
                .unwrap_or_else(|_| p.to_path_buf())
        }
    };
    normalize(&abs(a)) == normalize(&abs(b))
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Starts watching `targets`; changes arrive on `tx` as [`Event::Files`].
pub fn start(targets: Targets, tx: Sender<Event>) -> notify::Result<Watcher> {
    let filter = targets.clone();
    let mut inner = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let event = match res {
            Ok(ev) if ev.need_rescan() => Event::Rescan("the watcher lost events".into()),
            Ok(ev) => {
                let paths: Vec<PathBuf> =
                    ev.paths.into_iter().filter(|p| filter.matters(p)).collect();
                if paths.is_empty() {
                    return;
                }
                Event::Files(paths)
            }
            Err(e) => Event::Rescan(format!("the watcher reported: {e}")),
        };
        // The loop has ended when the send fails; nothing is left to tell.
        let _ = tx.send(event);
    })?;
    let mut unwatched = Vec::new();
    for folder in targets.folders() {
        if inner.watch(&folder, RecursiveMode::NonRecursive).is_err() {
            unwatched.push(folder);
        }
    }
    Ok(Watcher {
        _inner: inner,
        unwatched,
    })
}
