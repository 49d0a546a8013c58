//! `fleetdash check`: load a status set, print its problems and a summary.
//!
//! A file named on its own is checked inside its folder's set (what it names is defined
//! by the other files there), and only its own problems are reported.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::domain::Date;
use crate::domain::completeness::Gap;
use crate::domain::words::follow_words;
use crate::status::{Loc, Problem, Severity, Snapshot, is_status_file_name};
use crate::watch::same_file;

/// What to load for `check PATHS`: each file named is read in its folder's set, so its
/// folder stands in for it (and the file itself too, when its name is not one the folder
/// listing takes, such as `plan.txt`). Folders stay as they are.
pub fn sources(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::new();
    let mut add = |p: PathBuf| {
        if !out.iter().any(|o| o == &p) {
            out.push(p);
        }
    };
    for p in paths {
        if !p.is_file() {
            add(p.clone());
            continue;
        }
        let folder = match p.parent() {
            Some(f) if !f.as_os_str().is_empty() => f.to_path_buf(),
            _ => PathBuf::from("."),
        };
        add(folder);
        let listed = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(is_status_file_name);
        if !listed {
            add(p.clone());
        }
    }
    out
}

/// The display names, in `snapshot`, of the files among `paths` (folders name none).
pub fn named_files(snapshot: &Snapshot, paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .filter(|p| p.is_file())
        .filter_map(|p| {
            snapshot
                .files
                .iter()
                .find(|f| same_file(&f.path, p))
                .map(|f| f.name.clone())
        })
        .collect()
}

/// Writes the problems of the files named `only` (all of them when `only` is empty) as
/// `file:line:col: severity: message`, then (for the whole set) the warnings of what the
/// set lacks ([`gap_warnings`]), then a one-line summary; returns the exit code (1 when any
/// problem written is an error).
pub fn report_on(snapshot: &Snapshot, only: &[String], out: &mut impl Write) -> io::Result<i32> {
    if only.is_empty() {
        write_problems(snapshot, out)?;
        let gaps = gap_warnings(snapshot);
        for g in &gaps {
            writeln!(out, "{g}")?;
        }
        writeln!(
            out,
            "{}",
            summary_with(
                snapshot,
                snapshot.errors(),
                snapshot.warnings() + gaps.len()
            )
        )?;
        return Ok(exit_code(snapshot));
    }
    // Root cause first: each cause before what follows from it; a cause in another file
    // of the set is named too, before the problems of these files that follow from it.
    let ours = |p: &&Problem| p.file.as_ref().is_some_and(|f| only.contains(f));
    let mut mine: Vec<&Problem> = Vec::new();
    for g in snapshot.problems_by_cause() {
        let Some(cause) = snapshot.problems.get(g.cause) else {
            continue;
        };
        let follow: Vec<&Problem> = g
            .follow
            .iter()
            .filter_map(|&i| snapshot.problems.get(i))
            .filter(ours)
            .collect();
        if ours(&cause) {
            writeln!(out, "{cause}")?;
            mine.push(cause);
        } else if !follow.is_empty() {
            writeln!(
                out,
                "{cause}\n    (in another file of the set: the cause of the {} below)",
                follow.len()
            )?;
        }
        for p in follow {
            writeln!(out, "{p}")?;
            mine.push(p);
        }
    }
    let errors = mine.iter().filter(|p| p.is_error()).count();
    writeln!(
        out,
        "{}, checked in its folder's set: {}{}",
        only.join(", "),
        summary_with(snapshot, errors, mine.len() - errors),
        set_incomplete(snapshot, only)
    )?;
    Ok(i32::from(errors > 0))
}

/// What `check FILE` adds to its summary when another file of the set is refused or
/// unread: `; the set is incomplete: queue-seraing.yaml refused: its records are left
/// out`. The files named are fine or report their own errors, but the set's figures lack
/// what the others hold; empty when no other file is missing.
fn set_incomplete(snapshot: &Snapshot, only: &[String]) -> String {
    let others: Vec<String> = snapshot
        .completeness()
        .gaps
        .iter()
        .filter(|g| match g {
            Gap::RefusedFile(name) | Gap::StaleFile(name) | Gap::UnreadSource(name) => {
                !only.contains(name)
            }
            _ => false,
        })
        .map(Gap::words)
        .collect();
    if others.is_empty() {
        String::new()
    } else {
        format!("; the set is incomplete: {}", others.join("; "))
    }
}

/// Writes every problem as `file:line:col: severity: message`, root cause first: a problem
/// that others follow from (a refused file, a record left out) comes first, with a line
/// counting the problems that follow from it in place of them; then a one-line summary
/// that counts every problem.
pub fn report(snapshot: &Snapshot, out: &mut impl Write) -> io::Result<()> {
    write_problems(snapshot, out)?;
    writeln!(out, "{}", summary(snapshot))
}

/// The warnings `check` adds for what the whole set lacks though every file is fine: no
/// plan, no `deliveries` section ([`Gap::fix`], the words of the completeness the screen
/// and the reports give), as `(status set): warning: …` lines. None while a file is
/// refused or a source unread: the section may be in it, and its own error comes first.
pub fn gap_warnings(snapshot: &Snapshot) -> Vec<Problem> {
    let gaps = snapshot.completeness().gaps;
    if gaps
        .iter()
        .any(|g| matches!(g, Gap::RefusedFile(_) | Gap::UnreadSource(_)))
    {
        return Vec::new();
    }
    gaps.iter()
        .filter_map(Gap::fix)
        .map(|fix| Problem::new(Severity::Warning, None, Loc::UNKNOWN, fix))
        .collect()
}

/// Every problem, root cause first (see [`report`]), without the summary.
fn write_problems(snapshot: &Snapshot, out: &mut impl Write) -> io::Result<()> {
    for group in snapshot.problems_by_cause() {
        let Some(p) = snapshot.problems.get(group.cause) else {
            continue;
        };
        writeln!(out, "{p}")?;
        if !group.follow.is_empty() {
            writeln!(out, "    {}", follow_words(group.follow.len()))?;
        }
    }
    Ok(())
}

/// `6 files, 11 variants, 40 in assembly, 43 deliveries: 2 errors, 1 warning`.
pub fn summary(snapshot: &Snapshot) -> String {
    summary_with(snapshot, snapshot.errors(), snapshot.warnings())
}

/// The summary of `snapshot` with the counts of the problems reported.
fn summary_with(snapshot: &Snapshot, errors: usize, warnings: usize) -> String {
    let p = &snapshot.programme;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let verdict = match (errors, warnings) {
        (0, 0) => "no problems".to_owned(),
        (e, 0) => plural(e, "error", "errors"),
        (0, w) => plural(w, "warning", "warnings"),
        (e, w) => format!(
            "{}, {}",
            plural(e, "error", "errors"),
            plural(w, "warning", "warnings")
        ),
    };
    format!(
        "{}: {}, {}, {} in assembly, {}: {verdict}",
        p.name(),
        plural(snapshot.files.len(), "file", "files"),
        plural(p.variants.len(), "variant", "variants"),
        p.queue.len(),
        plural(p.deliveries.len(), "delivery record", "delivery records"),
    )
}

/// The exit code of `check`: 1 when any problem is an error.
pub fn exit_code(snapshot: &Snapshot) -> i32 {
    i32::from(snapshot.errors() > 0)
}

/// Today by the local clock.
pub fn clock_today() -> Date {
    chrono::Local::now().date_naive()
}
