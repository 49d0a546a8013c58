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

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::Sender;

use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::event::Event;
use crate::status::{display_name, is_status_file_name};

/// What to watch: the status sources and the config file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Targets {
    pub sources: Vec<PathBuf>,
    pub config: Option<PathBuf>,
}

/// The targets as absolute paths without `.` or `..`, as the watcher reports paths.
#[derive(Debug, Clone, Default)]
struct Filter {
    /// Status sources that are folders (or missing: they may come back as folders).
    folders: Vec<PathBuf>,
    /// Status sources that are files, and the config.
    files: Vec<PathBuf>,
}

impl Filter {
    fn new(targets: &Targets) -> Self {
        let mut filter = Filter::default();
        for s in &targets.sources {
            if s.is_file() {
                filter.files.push(absolute(s));
            } else {
                filter.folders.push(absolute(s));
            }
        }
        filter
            .files
            .extend(targets.config.iter().map(|c| absolute(c)));
        filter
    }

    /// True when a change to `path` is a change of the set: a status file in a status
    /// folder, a status file named on its own, or the config.
    fn is_file(&self, path: &Path) -> bool {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        self.files.iter().any(|f| same_file(f, path))
            || (is_status_file_name(name)
                && path
                    .parent()
                    .is_some_and(|p| self.folders.iter().any(|f| same_file(f, p))))
    }

    /// True when `path` is a status folder, or a folder on the way to a target: its
    /// appearing or vanishing means the watches must be set again.
    fn is_structure(&self, path: &Path) -> bool {
        let path = normalize(path);
        self.folders.iter().any(|f| f.starts_with(&path))
            || self
                .files
                .iter()
                .any(|f| f.parent().is_some_and(|p| p.starts_with(&path)))
    }

    /// The folders to watch: each status folder that exists, and for each target the
    /// nearest existing folder above it (the parent, normally), to see it come and go.
    fn folders_to_watch(&self) -> BTreeSet<PathBuf> {
        let mut out = BTreeSet::new();
        for f in &self.folders {
            if f.is_dir() {
                out.insert(f.clone());
            }
            out.extend(f.parent().and_then(nearest_existing));
        }
        for f in &self.files {
            out.extend(f.parent().and_then(nearest_existing));
        }
        out
    }
}

fn nearest_existing(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|a| a.is_dir())
        .map(Path::to_path_buf)
}

/// `p` made absolute against the working folder, with `.` and `..` resolved by name.
pub fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        return normalize(p);
    }
    match std::env::current_dir() {
        Ok(cwd) => normalize(&cwd.join(p)),
        Err(_) => normalize(p),
    }
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// True when `a` and `b` name the same file, however each is written: relative or
/// absolute, with `.` or `..`, or through a symbolic link (both must exist for that).
pub fn same_file(a: &Path, b: &Path) -> bool {
    if a == b || absolute(a) == absolute(b) {
        return true;
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
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

/// File systems whose changes made elsewhere send no events to this machine.
const NETWORK_FS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "ncpfs",
    "afs",
    "9p",
    "ceph",
    "glusterfs",
    "lustre",
    "gpfs",
    "virtiofs",
    "vboxsf",
    "drvfs",
    "prl_fs",
    "fuse.sshfs",
    "fuse.rclone",
    "fuse.s3fs",
    "fuse.gcsfuse",
    "fuse.glusterfs",
    "fuse.vmhgfs-fuse",
    "fuse.davfs2",
    "davfs",
];

/// The network file system `folder` lives on, if it is on one (Linux only).
fn network_fs(folder: &Path) -> Option<String> {
    let real = std::fs::canonicalize(folder).ok()?;
    let table = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    let fs = fs_type(&table, &real)?;
    NETWORK_FS.contains(&fs.as_str()).then_some(fs)
}

/// The type of the file system that holds `path`, from the text of
/// `/proc/self/mountinfo`: the last (innermost) mount whose mount point is above it.
fn fs_type(mountinfo: &str, path: &Path) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for line in mountinfo.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let Some(mount_point) = fields.get(4) else {
            continue;
        };
        let Some(dash) = fields.iter().position(|f| *f == "-") else {
            continue;
        };
        let Some(fs) = fields.get(dash + 1) else {
            continue;
        };
        let mount_point = unescape_octal(mount_point);
        let depth = Path::new(&mount_point).components().count();
        if path.starts_with(&mount_point) && best.as_ref().is_none_or(|(d, _)| depth >= *d) {
            best = Some((depth, (*fs).to_owned()));
        }
    }
    best.map(|(_, fs)| fs)
}

/// Mount points write spaces and the like as `\040`.
fn unescape_octal(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\'
            && i + 3 < b.len()
            && b[i + 1..i + 4].iter().all(|c| (b'0'..=b'7').contains(c))
        {
            out.push((b[i + 1] - b'0') * 64 + (b[i + 2] - b'0') * 8 + (b[i + 3] - b'0'));
            i += 4;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, RemoveKind, RenameMode};

    fn filter() -> Filter {
        let cwd = std::env::current_dir().unwrap();
        Filter {
            folders: vec![cwd.join("cfg/status")],
            files: vec![cwd.join("cfg/fleetdash.yaml"), cwd.join("extra/one.yaml")],
        }
    }

    fn event(kind: EventKind, path: &str) -> notify::Result<notify::Event> {
        Ok(notify::Event::new(kind).add_path(absolute(Path::new(path))))
    }

    #[test]
    fn relative_and_absolute_spellings_match() {
        let cwd = std::env::current_dir().unwrap();
        let rel = Path::new("./cfg/../cfg/status/q.yaml");
        assert!(same_file(rel, &cwd.join("cfg/status/q.yaml")));
        assert!(same_file(Path::new("cfg/status/q.yaml"), rel));
        assert!(!same_file(
            Path::new("cfg/status/q.yaml"),
            Path::new("cfg/q.yaml")
        ));
        let f = filter();
        assert!(f.is_file(&cwd.join("cfg/status/q.yaml")));
        assert!(f.is_file(&cwd.join("cfg/./status/q.yml")));
        assert!(f.is_file(&cwd.join("cfg/fleetdash.yaml")));
        assert!(f.is_file(&cwd.join("extra/one.yaml")));
        assert!(!f.is_file(&cwd.join("extra/two.yaml")));
        assert!(!f.is_file(&cwd.join("cfg/other.yaml")));
        // Only sed's own temporary names are sed's.
        assert!(f.is_file(&cwd.join("cfg/status/sedan-queue.yaml")));
    }

    #[test]
    fn links_to_the_same_file_match() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir(&real).unwrap();
        std::fs::write(real.join("q.yaml"), "version: 1\n").unwrap();
        let link = dir.path().join("link");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&real, &link).unwrap();
            assert!(same_file(&link.join("q.yaml"), &real.join("q.yaml")));
        }
        assert!(!same_file(&real.join("q.yaml"), &real.join("gone.yaml")));
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
                classify(&f, event(kind, "cfg/status/q.yaml")),
                [Event::Files(vec![path.clone()])],
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
                assert_eq!(classify(&f, event(kind, path)), [Event::Folders], "{path}");
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

    #[test]
    fn watches_status_folders_and_their_parents() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("cfg/status")).unwrap();
        let targets = Targets {
            sources: vec![root.join("cfg/status"), root.join("gone/deeper/status")],
            config: Some(root.join("cfg/fleetdash.yaml")),
        };
        let got: Vec<PathBuf> = Filter::new(&targets)
            .folders_to_watch()
            .into_iter()
            .collect();
        let root = absolute(root);
        assert_eq!(
            got,
            [root.clone(), root.join("cfg"), root.join("cfg/status")]
        );
    }

    #[test]
    fn finds_the_file_system_of_a_path() {
        let table = "\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /mnt/share rw,relatime shared:20 - nfs4 srv:/export rw,vers=4.2
41 40 0:36 / /mnt/share/local\\040disk rw - tmpfs tmpfs rw
";
        assert_eq!(fs_type(table, Path::new("/srv/a")).as_deref(), Some("ext4"));
        assert_eq!(
            fs_type(table, Path::new("/mnt/share/status")).as_deref(),
            Some("nfs4")
        );
        assert_eq!(
            fs_type(table, Path::new("/mnt/share/local disk/x")).as_deref(),
            Some("tmpfs")
        );
        assert_eq!(
            fs_type(table, Path::new("/mnt/shared")).as_deref(),
            Some("ext4")
        );
    }
}
