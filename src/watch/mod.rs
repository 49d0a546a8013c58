//! The file watcher: folders in, "these files changed" events out.
//!
//! Folders are watched, not files: editors save by writing a temporary file and renaming
//! it over the original, and a watch on the original file stops for good at the first such
//! save on Linux. Events are filtered by name here (status files and the config), and
//! editors' temporary files are ignored. Debouncing happens in the event loop, so nothing
//! wakes the process while nothing changes.
//!
//! The parent of each status folder is watched too, so that a folder deleted (or renamed
//! away) and created again is seen coming back; the loop then sets every watch again.
//! Events that only say a file was opened or read are dropped here: the loader's own reads
//! would otherwise wake the loop, which would read the files again, forever.

mod links;
mod netfs;
mod paths;

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::event::Event;
pub use crate::paths::{absolute, same_file};
use crate::status::display_name;
use netfs::network_fs;
use paths::Filter;

/// What to watch: the status sources and the config file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Targets {
    /// Status folders and files, as the config or the command line names them.
    pub sources: Vec<PathBuf>,
    /// The config file, when there is one.
    pub config: Option<PathBuf>,
}

/// Keeps the watches alive; dropping it stops them.
pub struct Watcher {
    _inner: RecommendedWatcher,
    /// The folders watched.
    pub folders: Vec<PathBuf>,
    /// Why some changes may go unreported, so the loop must poll: folders that could not
    /// be watched, folders on network file systems. Empty when the watches cover all.
    pub poll_reasons: Vec<String>,
}

/// Starts watching `targets`; changes arrive on `tx` as [`Event::Files`] and
/// [`Event::Folders`]. An error means no watch at all could be set up.
pub fn start(targets: &Targets, tx: Sender<Event>) -> Result<Watcher, String> {
    let filter = Filter::new(targets);
    let for_events = filter.clone();
    let mut inner = notify::recommended_watcher(move |res| {
        for event in classify(&for_events, res) {
            // The loop has ended when the send fails; nothing is left to tell.
            let _ = tx.send(event);
        }
    })
    .map_err(|e| describe_error(&e))?;
    let mut folders = Vec::new();
    let mut poll_reasons = Vec::new();
    for folder in filter.folders_to_watch() {
        match inner.watch(&folder, RecursiveMode::NonRecursive) {
            Ok(()) => {
                if let Some(fs) = network_fs(&folder) {
                    poll_reasons.push(format!(
                        "{} is on a network file system ({fs}), which may not report changes",
                        shown(&folder)
                    ));
                }
                folders.push(folder);
            }
            // Gone since it was listed: its parent is watched, which will say when it
            // comes back.
            Err(e) if matches!(e.kind, notify::ErrorKind::PathNotFound) => {}
            Err(e) => poll_reasons.push(format!(
                "cannot watch {} ({})",
                shown(&folder),
                describe_error(&e)
            )),
        }
    }
    Ok(Watcher {
        _inner: inner,
        folders,
        poll_reasons,
    })
}

fn shown(folder: &Path) -> String {
    let name = display_name(folder);
    if name.is_empty() { ".".into() } else { name }
}

/// Turns one notification into the events the loop wants, if any.
fn classify(filter: &Filter, res: notify::Result<notify::Event>) -> Vec<Event> {
    let ev = match res {
        Ok(ev) => ev,
        Err(e) => return vec![Event::WatchFailed(describe_error(&e))],
    };
    if ev.need_rescan() {
        return vec![Event::Rescan(
            "the system dropped file events (its queue overflowed)".into(),
        )];
    }
    let structural = match ev.kind {
        // Opening, reading and closing after a read change nothing (and the loader's own
        // reads would wake the loop forever).
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => false,
        EventKind::Access(_) => return Vec::new(),
        EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Metadata(_)) => false,
        EventKind::Create(_)
        | EventKind::Remove(_)
        | EventKind::Modify(_)
        | EventKind::Any
        | EventKind::Other => true,
    };
    let mut files = Vec::new();
    let mut folders = false;
    for path in ev.paths {
        if filter.is_file(&path) {
            files.push(path);
        } else if let Some((set, is_link)) = filter.through_links(&path) {
            // Whatever its name (a dot entry, a folder elsewhere): it changes set files.
            files.extend(set.iter().cloned());
            folders |= is_link;
        } else if structural && filter.is_structure(&path) {
            folders = true;
        }
    }
    let mut out = Vec::new();
    if !files.is_empty() {
        out.push(Event::Files(files));
    }
    if folders {
        out.push(Event::Folders);
    }
    out
}

/// A watcher error in words, with what to do about the usual ones.
fn describe_error(e: &notify::Error) -> String {
    match &e.kind {
        notify::ErrorKind::MaxFilesWatch => {
            "the system's limit of watches is reached: raise fs.inotify.max_user_watches".into()
        }
        notify::ErrorKind::Io(io) if io.raw_os_error() == Some(24) => {
            "the system's limit of watchers is reached: raise fs.inotify.max_user_instances".into()
        }
        notify::ErrorKind::Io(io) => io.to_string(),
        notify::ErrorKind::PathNotFound => "no such folder".into(),
        notify::ErrorKind::Generic(s) => s.clone(),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, RemoveKind, RenameMode};

    use super::paths::tests::filter;

    /// Events as text, to compare them (a finished load has no equality).
    fn debug(events: Vec<Event>) -> String {
        format!("{events:?}")
    }

    fn event(kind: EventKind, path: &str) -> notify::Result<notify::Event> {
        Ok(notify::Event::new(kind).add_path(absolute(Path::new(path))))
    }

    #[test]
    fn temporary_files_and_reads_are_ignored() {
        let f = filter();
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        for name in [
            ".q.yaml.swp",
            "q.yaml~",
            "sedAb12Cd",
            "q.yaml.tmp",
            "4913",
            "#q.yaml#",
            ".#q.yaml",
        ] {
            let got = classify(&f, event(write, &format!("cfg/status/{name}")));
            assert!(got.is_empty(), "{name}: {got:?}");
        }
        for kind in [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Access(AccessKind::Read),
        ] {
            assert!(classify(&f, event(kind, "cfg/status/q.yaml")).is_empty());
        }
    }

    #[test]
    fn writes_renames_and_removals_of_status_files_are_reported() {
        let f = filter();
        let path = absolute(Path::new("cfg/status/q.yaml"));
        for kind in [
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Create(CreateKind::File),
            EventKind::Remove(RemoveKind::File),
        ] {
            assert_eq!(
                debug(classify(&f, event(kind, "cfg/status/q.yaml"))),
                debug(vec![Event::Files(vec![path.clone()])]),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn folders_coming_and_going_ask_for_new_watches() {
        let f = filter();
        for path in ["cfg/status", "cfg", "."] {
            for kind in [
                EventKind::Create(CreateKind::Folder),
                EventKind::Remove(RemoveKind::Folder),
                EventKind::Modify(ModifyKind::Name(RenameMode::From)),
            ] {
                assert_eq!(
                    debug(classify(&f, event(kind, path))),
                    debug(vec![Event::Folders]),
                    "{path}"
                );
            }
        }
        // A sibling folder, or a change inside the folder's own metadata, is not one.
        let create = EventKind::Create(CreateKind::Folder);
        assert!(classify(&f, event(create, "cfg/other")).is_empty());
        let attrib = EventKind::Modify(ModifyKind::Metadata(notify::event::MetadataKind::Any));
        assert!(classify(&f, event(attrib, "cfg/status")).is_empty());
    }

    #[test]
    fn lost_events_and_errors_are_said() {
        let f = filter();
        let overflow = notify::Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert!(matches!(classify(&f, Ok(overflow))[..], [Event::Rescan(_)]));
        let err = notify::Error::new(notify::ErrorKind::MaxFilesWatch);
        let got = classify(&f, Err(err));
        let [Event::WatchFailed(why)] = &got[..] else {
            panic!("{got:?}")
        };
        assert!(why.contains("max_user_watches"), "{why}");
    }
}
