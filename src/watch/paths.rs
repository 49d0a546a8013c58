//! Which paths belong to the watched set, whatever their spelling: the targets made
//! absolute, the folders to watch, and matching the paths the watcher reports against the
//! paths the loader lists.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::Targets;
use super::links::Links;
use crate::paths::{absolute, normalize, same_file};
use crate::status::is_status_file_name;

/// The targets as absolute paths without `.` or `..`, as the watcher reports paths.
#[derive(Debug, Clone, Default)]
pub(super) struct Filter {
    /// Status sources that are folders (or missing: they may come back as folders).
    pub(super) folders: Vec<PathBuf>,
    /// Status sources that are files, and the config.
    pub(super) files: Vec<PathBuf>,
    /// The files of the set reached through links, followed to where their bytes live.
    pub(super) links: Links,
}

impl Filter {
    pub(super) fn new(targets: &Targets) -> Self {
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
        let listed = filter.folders.iter().flat_map(|f| status_files(f));
        filter.links = Links::of(filter.files.iter().cloned().chain(listed));
        filter
    }

    /// The set files a change of `path` changes when it is a link on the way to one, or
    /// the real file one leads to; and whether the watches must be set again.
    pub(super) fn through_links(&self, path: &Path) -> Option<(&[PathBuf], bool)> {
        self.links.lookup(path)
    }

    /// True when a change to `path` is a change of the set: a status file in a status
    /// folder, a status file named on its own, or the config.
    pub(super) fn is_file(&self, path: &Path) -> bool {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        self.files.iter().any(|f| same_file(f, path))
            || (is_status_file_name(name)
                && path
                    .parent()
                    .is_some_and(|p| self.folders.iter().any(|f| same_file(f, p))))
    }

    /// True when `path` is a status folder, or a folder on the way to a target: its
    /// appearing or vanishing means the watches must be set again.
    pub(super) fn is_structure(&self, path: &Path) -> bool {
        let path = normalize(path);
        self.folders.iter().any(|f| f.starts_with(&path))
            || self
                .files
                .iter()
                .any(|f| f.parent().is_some_and(|p| p.starts_with(&path)))
    }

    /// The folders to watch: each status folder that exists, and for each target the
    /// nearest existing folder above it (the parent, normally), to see it come and go.
    pub(super) fn folders_to_watch(&self) -> BTreeSet<PathBuf> {
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
        // Where linked files' bytes live; one watch per folder, however it is spelled.
        let mut seen: BTreeSet<PathBuf> =
            out.iter().filter_map(|f| f.canonicalize().ok()).collect();
        for f in &self.links.folders {
            if f.is_dir() && f.canonicalize().is_ok_and(|real| seen.insert(real)) {
                out.insert(f.clone());
            }
        }
        out
    }
}

/// The status files of `folder` (absolute), as the loader would list them.
fn status_files(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_name().to_str().is_some_and(is_status_file_name))
        .map(|e| folder.join(e.file_name()))
        .collect()
}

fn nearest_existing(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|a| a.is_dir())
        .map(Path::to_path_buf)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A filter on `cfg/status` with the config `cfg/fleetdash.yaml` and one file named on
    /// its own, under the working folder.
    pub(in crate::watch) fn filter() -> Filter {
        let cwd = std::env::current_dir().unwrap();
        Filter {
            folders: vec![cwd.join("cfg/status")],
            files: vec![cwd.join("cfg/fleetdash.yaml"), cwd.join("extra/one.yaml")],
            links: Default::default(),
        }
    }

    #[test]
    fn the_filter_knows_the_files_of_the_set_however_spelled() {
        let cwd = std::env::current_dir().unwrap();
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
}
