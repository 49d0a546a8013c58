//! Reading a status set: finding the files, parsing each, keeping each file's last good
//! content, and merging them into a [`Programme`] with the problems found on the way.
//!
//! The [`Loader`] keeps every file's parsed content between loads, so that a reload parses
//! only the files that changed, and so that a file caught half-written or saved with a
//! mistake keeps contributing what it held last time it was good.

pub mod intern;
pub mod locate;
pub mod merge;
pub mod problem;
pub mod raw;
pub mod yaml;

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

pub use problem::{Loc, Problem, Severity};
use raw::RawFile;

use crate::domain::{Date, Programme};

/// Limits on what one status file may cost to read. Every one is checked before the
/// memory or time it guards is spent; docs/LIMITS.md gives the reasons for the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A larger file is refused before it is read.
    pub max_file_bytes: u64,
    /// The most values (every key, value, list item, list and mapping counts as one) a
    /// file may hold, counted again each time an alias (`*name`) repeats an anchor.
    pub max_entries: usize,
    /// The deepest nesting of lists and mappings a file may have.
    pub max_depth: usize,
}

impl Limits {
    /// The defaults: far above any real programme, far below what hurts a laptop.
    pub const DEFAULT: Limits = Limits {
        max_file_bytes: 64 * 1024 * 1024,
        max_entries: 1_000_000,
        max_depth: 64,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// How one file of the set stands after a load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileHealth {
    /// Read and parsed.
    Good,
    /// The latest read failed; the last good content (if any) is still used.
    Stale {
        since: SystemTime,
        has_last_good: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileState {
    pub path: PathBuf,
    pub name: String,
    pub health: FileHealth,
}

/// The result of a load: the merged programme and everything wrong with the set.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub programme: Arc<Programme>,
    pub problems: Vec<Problem>,
    pub files: Vec<FileState>,
    /// Files that were in the previous load and are gone now.
    pub removed: Vec<String>,
    /// Files read anew by this load (changed, new or forced).
    pub reread: Vec<String>,
}

impl Snapshot {
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

#[derive(Debug)]
struct Cached {
    name: String,
    stamp: Option<Stamp>,
    /// The last content that parsed, shared with the merge.
    good: Option<Arc<RawFile>>,
    /// Problems of the latest read (a parse error, an empty file, a missing version).
    read_problems: Vec<Problem>,
    /// Set while the latest read failed.
    failed_since: Option<SystemTime>,
    /// Counts the reads that gave `good`, for the merge to know what changed.
    version: u64,
}

/// Loads a status set and keeps what it needs to reload it cheaply.
#[derive(Debug)]
pub struct Loader {
    sources: Vec<PathBuf>,
    limits: Limits,
    cache: BTreeMap<PathBuf, Cached>,
    /// The names of every file kept, shared (see [`intern`]).
    interner: intern::Interner,
    /// The last version given to a file's content.
    versions: u64,
    /// What the last merge keeps for the next.
    merged: merge::Cache,
}

/// After reading this much, the parser's freed memory is handed back to the system.
const RELEASE_AFTER_BYTES: u64 = 1024 * 1024;

impl Loader {
    /// `sources` are folders (every `*.yaml`/`*.yml` in them) or files.
    pub fn new(sources: Vec<PathBuf>, limits: Limits) -> Self {
        Loader {
            sources,
            limits,
            cache: BTreeMap::new(),
            interner: intern::Interner::default(),
            versions: 0,
            merged: merge::Cache::default(),
        }
    }

    pub fn sources(&self) -> &[PathBuf] {
        &self.sources
    }

    /// Replaces the folders and files of the set (the config changed); the next load
    /// reads what is new and drops what is gone.
    pub fn set_sources(&mut self, sources: Vec<PathBuf>, limits: Limits) {
        self.sources = sources;
        self.limits = limits;
    }

    /// Loads the set, reading again only the files whose size or time changed.
    pub fn load(&mut self, today: Date) -> Snapshot {
        self.load_forcing(today, &HashSet::new())
    }

    /// Loads the set, reading again the files in `force` whatever their stamp (the
    /// watcher saw them change) and any other file whose size or time changed.
    pub fn load_forcing(&mut self, today: Date, force: &HashSet<PathBuf>) -> Snapshot {
        let mut problems = Vec::new();
        let paths = self.discover(&mut problems);
        self.load_listed(today, force, paths, problems)
    }

    /// Loads the files `paths` found by [`Self::discover`], with the problems found there.
    fn load_listed(
        &mut self,
        today: Date,
        force: &HashSet<PathBuf>,
        mut paths: Vec<PathBuf>,
        mut problems: Vec<Problem>,
    ) -> Snapshot {
        let mut reread = Vec::new();
        // Files listed but gone when read: removed between the listing and the read.
        let mut vanished = HashSet::new();
        let mut bytes_read = 0;
        for path in &paths {
            let stamp = stamp(path);
            let cached = self.cache.get(path);
            let unchanged = cached.is_some_and(|c| c.stamp.is_some() && c.stamp == stamp);
            if unchanged && !force.contains(path) {
                continue;
            }
            let name = display_name(path);
            bytes_read += stamp.map_or(0, |s| s.len);
            let limits = self.limits;
            let outcome = intern::with(&mut self.interner, || read_file(path, limits));
            if matches!(outcome, Outcome::Vanished) {
                vanished.insert(path.clone());
                continue;
            }
            reread.push(name.clone());
            let parsed = matches!(outcome, Outcome::Parsed(..));
            let entry = self.cache.entry(path.clone()).or_insert_with(|| Cached {
                name,
                stamp: None,
                good: None,
                read_problems: Vec::new(),
                failed_since: None,
                version: 0,
            });
            entry.stamp = stamp;
            apply(entry, outcome);
            if parsed {
                self.versions += 1;
                entry.version = self.versions;
            }
        }
        paths.retain(|p| !vanished.contains(p));

        let listed: HashSet<&PathBuf> = paths.iter().collect();
        let removed: Vec<String> = self
            .cache
            .iter()
            .filter(|(p, _)| !listed.contains(p))
            .map(|(_, c)| c.name.clone())
            .collect();
        self.cache.retain(|p, _| listed.contains(p));

        let mut files = Vec::with_capacity(paths.len());
        let mut sources = Vec::with_capacity(paths.len());
        let mut versions = Vec::with_capacity(paths.len());
        for path in &paths {
            let Some(c) = self.cache.get(path) else {
                continue;
            };
            problems.extend(c.read_problems.iter().cloned());
            files.push(FileState {
                path: path.clone(),
                name: c.name.clone(),
                health: match c.failed_since {
                    None => FileHealth::Good,
                    Some(since) => FileHealth::Stale {
                        since,
                        has_last_good: c.good.is_some(),
                    },
                },
            });
            if let Some(good) = &c.good {
                sources.push(merge::Source {
                    name: &c.name,
                    raw: good,
                });
                versions.push(c.version);
            }
        }
        let (programme, merge_problems) =
            merge::merge_cached(&sources, &versions, today, &mut self.merged);
        problems.extend(merge_problems);
        if !reread.is_empty() {
            self.interner.prune();
        }
        if bytes_read >= RELEASE_AFTER_BYTES {
            crate::mem::release_free_memory();
        }
        sort_problems(&mut problems);
        Snapshot {
            programme: Arc::new(programme),
            problems,
            files,
            removed,
            reread,
        }
    }

    /// The files of the set, in the order they merge, with problems for folders that are
    /// missing or hold no status file.
    fn discover(&self, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
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

fn list_folder(dir: &Path) -> io::Result<Vec<PathBuf>> {
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

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// What one read of a file gave.
enum Outcome {
    Parsed(Box<RawFile>, Vec<Problem>),
    /// Nothing but white space and comments: maybe a save caught half-way.
    Empty(Problem),
    Failed(Problem),
    /// Listed, then gone before it could be read: removed, or renamed by an editor's save.
    Vanished,
}

/// Why a file's text could not be had.
enum ReadError {
    Vanished,
    Failed(Loc, String),
}

fn read_file(path: &Path, limits: Limits) -> Outcome {
    let name = display_name(path);
    let text = match read_text(path, limits) {
        Ok(text) => text,
        Err(ReadError::Vanished) => return Outcome::Vanished,
        Err(ReadError::Failed(loc, message)) => {
            return Outcome::Failed(Problem::error(&name, loc, message));
        }
    };
    if yaml::is_blank(&text) {
        let message = if text.lines().any(|l| l.trim_start().starts_with('#')) {
            "the file holds only comments: nothing in it is read"
        } else {
            "the file is empty"
        };
        return Outcome::Empty(Problem::warning(&name, Loc::UNKNOWN, message));
    }
    match yaml::parse_within(&text, limits) {
        Ok(raw) => {
            let mut problems = Vec::new();
            match raw.version {
                None => problems.push(Problem::warning(
                    &name,
                    Loc::new(1, 1),
                    format!(
                        "the file does not say its format version: add `version: {}` at the top",
                        raw::SUPPORTED_VERSION
                    ),
                )),
                Some(v) if v != raw::SUPPORTED_VERSION => {
                    return Outcome::Failed(Problem::error(
                        &name,
                        raw.section_locs.version.or(Loc::new(1, 1)),
                        format!(
                            "format version {v} is not one this fleetdash reads (it reads version {}): \
                             upgrade fleetdash or write `version: {}`",
                            raw::SUPPORTED_VERSION,
                            raw::SUPPORTED_VERSION
                        ),
                    ));
                }
                Some(_) => {}
            }
            Outcome::Parsed(Box::new(raw), problems)
        }
        Err(e) => Outcome::Failed(Problem::error(&name, e.loc, e.message)),
    }
}

/// Opens `path` for reading with `O_NONBLOCK` on Unix, so that opening and reading
/// something that is not a regular file (a FIFO put in a file's place after it was
/// checked) fails at once instead of waiting for a writer.
fn open_for_reading(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// What to say when `path` cannot be had: a symbolic link that leads nowhere or loops
/// is named as such; a file that is simply gone has vanished since it was listed.
fn open_failure(path: &Path, e: &io::Error) -> ReadError {
    let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if link && e.kind() == io::ErrorKind::NotFound {
        let target = fs::read_link(path)
            .map(|t| crate::text::clean_whole(&t.to_string_lossy()).into_owned())
            .unwrap_or_default();
        return ReadError::Failed(
            Loc::UNKNOWN,
            format!(
                "a symbolic link to `{target}`, which does not exist: \
                 point the link at a status file or remove it"
            ),
        );
    }
    if link && is_link_loop(e) {
        return ReadError::Failed(
            Loc::UNKNOWN,
            "a symbolic link that leads back to itself (a loop of links): \
             point the link at a status file or remove it"
                .to_owned(),
        );
    }
    if e.kind() == io::ErrorKind::NotFound {
        return ReadError::Vanished;
    }
    ReadError::Failed(
        Loc::UNKNOWN,
        format!("cannot read the file: {}", io_reason(e)),
    )
}

/// ELOOP: too many symbolic links followed.
fn is_link_loop(e: &io::Error) -> bool {
    let eloop = if cfg!(target_os = "linux") {
        40
    } else if cfg!(any(
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd"
    )) {
        62
    } else {
        return false;
    };
    e.raw_os_error() == Some(eloop)
}

/// Refuses what is not a regular file, by its metadata, so that it is never read.
fn check_kind(meta: &fs::Metadata) -> Result<(), ReadError> {
    if meta.is_dir() {
        // Only a folder inside a status folder gets here: a folder named as a source is
        // listed instead.
        return Err(ReadError::Failed(
            Loc::UNKNOWN,
            "a folder, not a file: status folders are read one level deep only; \
             rename this folder so its name does not end in .yaml or .yml, or move its files up"
                .to_owned(),
        ));
    }
    if !meta.is_file() {
        return Err(ReadError::Failed(
            Loc::UNKNOWN,
            "not a regular file (a device, pipe or socket): name a YAML file or a folder of them"
                .to_owned(),
        ));
    }
    Ok(())
}

/// Reads a file as UTF-8 text within the size limit. Nothing but a regular file is ever
/// opened for reading, and the size is checked before the memory is taken.
fn read_text(path: &Path, limits: Limits) -> Result<String, ReadError> {
    // Checked before opening: opening some devices does something (a tape rewinds).
    let meta = fs::metadata(path).map_err(|e| open_failure(path, &e))?;
    check_kind(&meta)?;
    let file = open_for_reading(path).map_err(|e| open_failure(path, &e))?;
    // Checked again on what was opened: the name may point at something else by now.
    let fail = |e: io::Error| {
        ReadError::Failed(
            Loc::UNKNOWN,
            format!("cannot read the file: {}", io_reason(&e)),
        )
    };
    let meta = file.metadata().map_err(fail)?;
    check_kind(&meta)?;
    let too_big = |len: u64| {
        ReadError::Failed(
            Loc::UNKNOWN,
            format!(
                "the file is {}, above the limit of {} (limits.max_file_bytes in the config): \
                 split it into several files or raise the limit",
                human_bytes(len),
                human_bytes(limits.max_file_bytes)
            ),
        )
    };
    if meta.len() > limits.max_file_bytes {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // One byte more than the limit: a file that grows while it is read is caught too.
    file.take(limits.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(fail)?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_big(bytes.len() as u64));
    }
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        // Columns count characters, as the YAML library's do.
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() as u32 + 1;
        ReadError::Failed(
            Loc::new(line, column),
            "the file is not UTF-8 text (binary data or another encoding): save it as UTF-8"
                .to_owned(),
        )
    })
}

fn apply(entry: &mut Cached, outcome: Outcome) {
    let (mut p, empty) = match outcome {
        Outcome::Parsed(mut raw, problems) => {
            raw.shrink_to_fit();
            entry.good = Some(Arc::from(raw));
            entry.read_problems = problems;
            entry.failed_since = None;
            return;
        }
        Outcome::Empty(p) => (p, true),
        Outcome::Failed(p) => (p, false),
        // Dropped from the load before it gets here.
        Outcome::Vanished => return,
    };
    if entry.good.is_some() {
        p.message.push_str("; showing its last good content");
    } else if !empty {
        // Said of an empty file, this would tell nothing new.
        p.message.push_str("; nothing from this file is shown");
    }
    entry.read_problems = vec![p];
    entry.failed_since.get_or_insert_with(SystemTime::now);
}

fn sort_problems(problems: &mut [Problem]) {
    problems.sort_by(|a, b| {
        (&a.file, a.loc.line, a.loc.column).cmp(&(&b.file, b.loc.line, b.loc.column))
    });
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

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::NotFound => "no such file (it may have been removed)".to_owned(),
        _ => e.to_string(),
    }
}

fn human_bytes(n: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if n >= MIB {
        format!("{:.1} MiB", n as f64 / MIB as f64)
    } else if n >= 1024 {
        format!("{:.1} KiB", n as f64 / 1024.0)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::from_ymd_opt(2026, 11, 26).expect("a date")
    }

    #[test]
    fn a_file_removed_between_listing_and_reading_is_dropped_quietly() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let keep = dir.path().join("keep.yaml");
        let gone = dir.path().join("gone.yaml");
        fs::write(&keep, "version: 1\n").expect("write");
        fs::write(&gone, "version: 1\nqueue: []\n").expect("write");
        let mut loader = Loader::new(vec![dir.path().to_path_buf()], Limits::default());
        let first = loader.load(today());
        assert_eq!(first.files.len(), 2);

        // Listed, then removed before it is read: what a save by rename looks like.
        let mut problems = Vec::new();
        let listed = loader.discover(&mut problems);
        fs::remove_file(&gone).expect("remove");
        let force: HashSet<PathBuf> = listed.iter().cloned().collect();
        let snapshot = loader.load_listed(today(), &force, listed, problems);

        let errors: Vec<&Problem> = snapshot.problems.iter().filter(|p| p.is_error()).collect();
        // Only the set's own problem (no programme): nothing about the vanished file.
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].file.is_none());
        assert_eq!(snapshot.files.len(), 1);
        assert_eq!(snapshot.files[0].path, keep);
        assert_eq!(snapshot.removed, [display_name(&gone)]);
        assert_eq!(snapshot.reread, [display_name(&keep)]);
    }

    #[test]
    fn limits_are_documented_with_their_defaults() {
        let doc = include_str!("../../docs/LIMITS.md");
        let d = Limits::DEFAULT;
        for line in [
            format!("| `max_file_bytes` | {} |", d.max_file_bytes),
            format!("| `max_entries` | {} |", d.max_entries),
            format!("| `max_depth` | {} |", d.max_depth),
        ] {
            assert!(doc.contains(&line), "docs/LIMITS.md lacks `{line}`");
        }
    }
}
