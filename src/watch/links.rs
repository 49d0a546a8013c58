//! Files of the set reached through symbolic links, watched where their bytes live.
//!
//! A status file may be a link to a file elsewhere (`status/queue.yaml` →
//! `../plant/queue.yaml`), or reached through a chain of links, as in a Kubernetes
//! ConfigMap volume: `status/queue.yaml` → `..data/queue.yaml`, `..data` →
//! `..2026_11_26_10_00_00.123`, and an update writes a new timestamped folder, renames a
//! new `..data` link over the old one and deletes the old folder. A watch on the status
//! folder sees neither a write to the link's target nor that swap under a dot name. So for
//! each such file this module finds every link on the way and the real file at the end:
//! the folders that hold them are watched too, a change of the real file is a change of
//! the set file, and a change of a link on the way is one as well, after which the watches
//! are set again (the chain now leads elsewhere).

use std::collections::{BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};

use crate::paths::{absolute, normalize};

/// Links followed before giving up on a chain (the system's own limit is 40).
const MAX_LINKS: usize = 40;

/// The link chains of the set's files.
#[derive(Debug, Clone, Default)]
pub(super) struct Links {
    /// A link on the way, or a real file at the end → the set files it leads to.
    through: HashMap<PathBuf, Vec<PathBuf>>,
    /// The keys of `through` that are links on the way (not real files).
    links: BTreeSet<PathBuf>,
    /// The folders that hold the links and the real files.
    pub(super) folders: BTreeSet<PathBuf>,
}

impl Links {
    /// The chains of `files` (absolute paths); files reached without a link add nothing.
    pub(super) fn of(files: impl IntoIterator<Item = PathBuf>) -> Links {
        let mut out = Links::default();
        for file in files {
            let (links, real) = chain(&file);
            if links.is_empty() {
                continue;
            }
            for link in links {
                out.folders.extend(link.parent().map(Path::to_path_buf));
                out.links.insert(link.clone());
                out.through.entry(link).or_default().push(file.clone());
            }
            if let Some(real) = real {
                out.folders.extend(real.parent().map(Path::to_path_buf));
                out.through.entry(real).or_default().push(file.clone());
            }
        }
        out
    }

    /// The set files a change of `path` changes, and whether `path` is a link on the way
    /// (the watches must then be set again). `None` when it is on no chain.
    pub(super) fn lookup(&self, path: &Path) -> Option<(&[PathBuf], bool)> {
        if self.through.is_empty() {
            return None;
        }
        let found = |p: &Path| {
            self.through
                .get(p)
                .map(|files| (files.as_slice(), self.links.contains(p)))
        };
        // The watcher spells paths as the folder was watched; the chain may spell them
        // through a link to a folder: try the real path too (when it still exists).
        found(path).or_else(|| found(&real_path(path)?))
    }
}

/// `path` with its folder resolved (the entry itself may be a link, or be gone).
fn real_path(path: &Path) -> Option<PathBuf> {
    let folder = std::fs::canonicalize(path.parent()?).ok()?;
    Some(folder.join(path.file_name()?))
}

/// The symbolic links met on the way from `path` to the file it leads to (absolute, in
/// the order met), and that file; the file is `None` when the chain is broken or loops.
pub(super) fn chain(path: &Path) -> (Vec<PathBuf>, Option<PathBuf>) {
    let mut links = Vec::new();
    let mut current = absolute(path);
    'follow: for _ in 0..MAX_LINKS {
        let parts: Vec<Component> = current.components().collect();
        let mut prefix = PathBuf::new();
        for (i, part) in parts.iter().enumerate() {
            prefix.push(part);
            let is_link = std::fs::symlink_metadata(&prefix).is_ok_and(|m| m.is_symlink());
            if !is_link {
                continue;
            }
            let Ok(target) = std::fs::read_link(&prefix) else {
                return (links, None);
            };
            let rest: PathBuf = parts[i + 1..].iter().collect();
            let base = prefix.parent().unwrap_or(Path::new("/")).to_path_buf();
            links.push(prefix);
            current = normalize(&base.join(target).join(rest));
            continue 'follow;
        }
        return (links, Some(current));
    }
    (links, None)
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    /// A ConfigMap volume: `status/q.yaml` → `..data/q.yaml`, `..data` → `..v1`.
    fn config_map(root: &Path) -> PathBuf {
        let status = root.join("status");
        std::fs::create_dir_all(status.join("..v1")).unwrap();
        std::fs::write(status.join("..v1/q.yaml"), "version: 1\n").unwrap();
        symlink("..v1", status.join("..data")).unwrap();
        symlink("..data/q.yaml", status.join("q.yaml")).unwrap();
        status
    }

    #[test]
    fn a_config_map_chain_is_followed_to_the_real_file() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let status = config_map(&root);
        let (links, real) = chain(&status.join("q.yaml"));
        assert_eq!(links, [status.join("q.yaml"), status.join("..data")]);
        assert_eq!(real, Some(status.join("..v1/q.yaml")));
        let set = Links::of([status.join("q.yaml")]);
        let file = [status.join("q.yaml")];
        assert_eq!(set.lookup(&status.join("..data")), Some((&file[..], true)));
        assert_eq!(
            set.lookup(&status.join("..v1/q.yaml")),
            Some((&file[..], false))
        );
        assert_eq!(set.lookup(&status.join("..v2")), None);
        assert!(set.folders.contains(&status.join("..v1")));
    }

    #[test]
    fn broken_and_looping_links_end_the_chain_without_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        symlink("nowhere/q.yaml", root.join("broken.yaml")).unwrap();
        assert_eq!(
            chain(&root.join("broken.yaml")).1,
            Some(root.join("nowhere/q.yaml"))
        );
        symlink("b.yaml", root.join("a.yaml")).unwrap();
        symlink("a.yaml", root.join("b.yaml")).unwrap();
        let (links, real) = chain(&root.join("a.yaml"));
        assert_eq!(real, None);
        assert_eq!(links.len(), MAX_LINKS);
        // A file reached without a link adds nothing to watch.
        std::fs::write(root.join("plain.yaml"), "version: 1\n").unwrap();
        assert!(Links::of([root.join("plain.yaml")]).folders.is_empty());
    }
}
