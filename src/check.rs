//! `fleetdash check`: load a status set, print its problems and a summary.

use std::io::{self, Write};

use crate::domain::Date;
use crate::status::Snapshot;

/// Writes every problem as `file:line:col: severity: message`, then a one-line summary.
pub fn report(snapshot: &Snapshot, out: &mut impl Write) -> io::Result<()> {
    for p in &snapshot.problems {
        writeln!(out, "{p}")?;
    }
    writeln!(out, "{}", summary(snapshot))
}

/// `6 files, 11 variants, 40 in assembly, 43 deliveries: 2 errors, 1 warning`.
pub fn summary(snapshot: &Snapshot) -> String {
    let p = &snapshot.programme;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let verdict = match (snapshot.errors(), snapshot.warnings()) {
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
