//! The files of a set: which names are status files, listing a folder, the stamp that
//! tells a changed file, and the names files are shown by.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{Loader, Loc, Problem, Stamp};

/// True for names editors and tools use for temporary or backup files.
pub fn is_temporary(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || is_sed_temporary(name)
        || [".swp", ".swo", ".swx", ".tmp", ".bak", ".orig", ".part"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

/// GNU `sed -i` writes `sed` and six letters or digits, then renames it over the file.
fn is_sed_temporary(name: &str) -> bool {
    name.len() == 9
        && name.starts_with("sed")
        && name[3..].bytes().all(|b| b.is_ascii_alphanumeric())
}

/// True for the names of status files: `*.yaml` or `*.yml`, not temporary.
pub fn is_status_file_name(name: &str) -> bool {
    (name.ends_with(".yaml") || name.ends_with(".yml")) && !is_temporary(name)
}

pub(super) fn list_folder(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        // Lossy: a name that is not UTF-8 is still read, and shown with U+FFFD in it.
        if is_status_file_name(&entry.file_name().to_string_lossy()) {
            found.push(entry.path());
        }
    }
    found.sort();
    Ok(found)
}

pub(super) fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// A path as the user should see it: relative to the working folder when under it.
pub fn display_name(path: &Path) -> String {
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let s = shown.to_string_lossy();
    crate::text::clean_whole(s.strip_prefix("./").unwrap_or(&s)).into_owned()
}

pub(super) fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::NotFound => "no such file (it may have been removed)".to_owned(),
        _ => e.to_string(),
    }
}

impl Loader {
    /// The files of the set, in the order they merge, with problems for folders that are
    /// missing or hold no status file.
    pub(super) fn discover(&self, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for source in &self.sources {
            let name = display_name(source);
            match fs::metadata(source) {
                Ok(meta) if meta.is_dir() => match list_folder(source) {
                    Ok(found) if found.is_empty() => problems.push(Problem::error(
                        &name,
                        Loc::UNKNOWN,
                        "the folder holds no status files (*.yaml or *.yml)",
                    )),
                    Ok(found) => out.extend(found.into_iter().filter(|p| seen.insert(p.clone()))),
                    Err(e) => problems.push(Problem::error(
                        &name,
                        Loc::UNKNOWN,
                        format!("cannot list the folder: {}", io_reason(&e)),
                    )),
                },
                Ok(_) => {
                    if seen.insert(source.clone()) {
                        out.push(source.clone());
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => problems.push(Problem::error(
                    &name,
                    Loc::UNKNOWN,
                    "no such file or folder: check the path in the config or on the command line",
                )),
                Err(e) => problems.push(Problem::error(
                    &name,
                    Loc::UNKNOWN,
                    format!("cannot read: {}", io_reason(&e)),
                )),
            }
        }
        out
    }
}
