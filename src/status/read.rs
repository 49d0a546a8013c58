//! Reading one file: its bytes within the limits (nothing but a regular file is ever
//! opened), its text as UTF-8, and its parse, as an [`Outcome`] the loader keeps.

use std::fs;
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;
use std::time::SystemTime;

use super::files::{display_name, io_reason};
use super::merge::Noted;
use super::raw::{self, RawFile};
use super::{Cached, Limits, Loc, Problem, yaml};

/// What one read of a file gave.
pub(super) enum Outcome {
    /// Parsed: the file, the problems of the read, and those of the records left out.
    Parsed(Box<RawFile>, Vec<Problem>, Vec<Problem>),
    /// Nothing but white space and comments: maybe a save caught half-way.
    Empty(Problem),
    Failed(Problem),
    /// Listed, then gone before it could be read: removed, or renamed by an editor's save.
    Vanished,
}

impl Outcome {
    /// The records read: items of `variants`, `stages`, `queue` and `deliveries`, and
    /// entries of the plan (a year's quantity of one variant); 0 when the file was not
    /// parsed. Records left out for a bad value are not counted.
    pub(super) fn records(&self) -> u64 {
        match self {
            Outcome::Parsed(raw, ..) => records(raw),
            _ => 0,
        }
    }
}

/// The records of `raw` (see [`Outcome::records`]).
fn records(raw: &RawFile) -> u64 {
    let plan: usize = raw
        .plan
        .as_ref()
        .map_or(0, |p| p.years.iter().map(|y| y.entries.len()).sum());
    let len = |n: Option<usize>| n.unwrap_or(0);
    (len(raw.variants.as_ref().map(Vec::len))
        + len(raw.stages.as_ref().map(Vec::len))
        + len(raw.queue.as_ref().map(Vec::len))
        + len(raw.deliveries.as_ref().map(Vec::len))
        + plan) as u64
}

/// Why a file's text could not be had.
enum ReadError {
    Vanished,
    Failed(Loc, String),
}

/// The warnings of a file's text alone: invisible characters, then serials and ids other
/// YAML readers would not read as text.
fn text_checks(name: &str, text: &str) -> Vec<Problem> {
    let mut problems = super::invisible::warnings(name, text);
    problems.extend(super::quoting::warnings(name, text));
    problems
}

/// Reads and parses the file at `path`. Without a last good content to fall back on, a
/// record whose value cannot be read is left out rather than the whole file.
pub(super) fn read_file(path: &Path, limits: Limits, has_last_good: bool) -> Outcome {
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
    let parse = || {
        if has_last_good {
            yaml::parse_within(&text, limits).map(|raw| (raw, Vec::new()))
        } else {
            yaml::parse_leaving_out(&text, limits)
        }
    };
    // The checks of the text (invisible characters, quoting) do not need the parse: on a
    // spare core they run beside it, while the guard scans the text, and give the core
    // back before the parse's slices look for one (a reload of one large file).
    let (parsed, mut checks) = match super::cores::take_spare() {
        Some(core) => std::thread::scope(|s| {
            let checks = std::thread::Builder::new()
                .stack_size(super::cores::STACK_BYTES)
                .spawn_scoped(s, || {
                    let checks = text_checks(&name, &text);
                    drop(core);
                    checks
                });
            let parsed = parse();
            let checks = checks.ok().and_then(|h| h.join().ok());
            (parsed, checks)
        }),
        None => (parse(), None),
    };
    match parsed {
        Ok((raw, left_out)) => {
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
            problems.extend(checks.take().unwrap_or_else(|| text_checks(&name, &text)));
            let left_out = left_out
                .into_iter()
                .map(|e| {
                    let message = format!(
                        "{}; this record is left out, the rest of the file counts",
                        e.message
                    );
                    Problem::error(&name, e.loc, message)
                })
                .collect();
            Outcome::Parsed(Box::new(raw), problems, left_out)
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

/// Keeps `outcome` in `entry`; `leaving_out` tells how it was read (see [`read_file`]:
/// true when without a last good content to fall back on).
pub(super) fn apply(entry: &mut Cached, outcome: Outcome, leaving_out: bool) {
    let (mut p, empty) = match outcome {
        Outcome::Parsed(mut raw, problems, left_out) => {
            raw.shrink_to_fit();
            // To read the file again the same way (see `Cached`).
            entry.leaving_out = leaving_out;
            entry.noted = Noted::of(&raw);
            let records = raw.take_records();
            entry.records = entry.noted.has_records().then(|| Box::new(records));
            entry.good = Some(Arc::from(raw));
            entry.read_problems = problems;
            entry.left_out = left_out;
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
