//! What happened to the data between two loads whose gaps differ: a file or folder that
//! could not be read, or read again, no status file at all, records left out. Between such
//! loads the vehicles are not compared (a file gone is not its vehicles leaving, a file
//! back is not its vehicles arriving): the log says what happened to the data instead.

use crate::domain::completeness::{Completeness, Gap};
use crate::domain::words::plural;

/// The gaps that hide records from a comparison: no status file, a source unread, a file
/// refused without a last good version, records left out.
fn hiding(c: &Completeness) -> Vec<&Gap> {
    c.gaps
        .iter()
        .filter(|g| {
            matches!(
                g,
                Gap::NoStatusFiles
                    | Gap::UnreadSource(_)
                    | Gap::RefusedFile(_)
                    | Gap::RecordsLeftOut(_)
            )
        })
        .collect()
}

fn left_out(c: &[&Gap]) -> u64 {
    c.iter()
        .map(|g| match g {
            Gap::RecordsLeftOut(n) => *n,
            _ => 0,
        })
        .sum()
}

fn records(n: u64) -> String {
    plural(
        usize::try_from(n).unwrap_or(usize::MAX),
        "record",
        "records",
    )
}

/// What happened to the data from a load with the gaps `old` to one with the gaps `new`,
/// one sentence per gap that came or went: `queue-seraing.yaml could not be read: its
/// vehicles are not compared`, `queue-seraing.yaml read again: changes while it was
/// unreadable are not known`. `None` when both have the same gaps that hide records: then
/// the two loads are compared vehicle by vehicle ([`super::between`]).
pub fn data_changed(old: &Completeness, new: &Completeness) -> Option<Vec<String>> {
    let (was, now) = (hiding(old), hiding(new));
    if was == now {
        return None;
    }
    let mut out = Vec::new();
    for g in now.iter().filter(|g| !was.contains(g)) {
        match g {
            Gap::UnreadSource(name) | Gap::RefusedFile(name)
                if !was.iter().any(|w| same_source(w, name)) =>
            {
                out.push(format!(
                    "{name} could not be read: its vehicles are not compared"
                ));
            }
            _ => {}
        }
    }
    // No status file read: said when no folder or file unread says it already.
    if out.is_empty() && now.contains(&&Gap::NoStatusFiles) && !was.contains(&&Gap::NoStatusFiles) {
        out.push("no status file was read: nothing is compared".to_owned());
    }
    let gone = out.len();
    for g in was.iter().filter(|g| !now.contains(g)) {
        match g {
            Gap::UnreadSource(name) | Gap::RefusedFile(name)
                if !now.iter().any(|n| same_source(n, name)) =>
            {
                out.push(format!(
                    "{name} read again: changes while it was unreadable are not known"
                ));
            }
            _ => {}
        }
    }
    if out.len() == gone
        && was.contains(&&Gap::NoStatusFiles)
        && !now.contains(&&Gap::NoStatusFiles)
    {
        out.push("status files read again: changes while none was read are not known".to_owned());
    }
    let (before, after) = (left_out(&was), left_out(&now));
    if before != after {
        out.push(match (before, after) {
            (0, n) => format!(
                "{} left out for a bad value: their vehicles are not compared",
                records(n)
            ),
            (n, 0) => format!(
                "{} no longer left out: changes to them are not known",
                records(n)
            ),
            (b, n) => format!(
                "{} left out for a bad value, {b} before: their vehicles are not compared",
                records(n)
            ),
        });
    }
    Some(out)
}

/// True when `g` is a source `name` that could not be read (in either way).
fn same_source(g: &Gap, name: &str) -> bool {
    matches!(g, Gap::UnreadSource(n) | Gap::RefusedFile(n) if n == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_gaps_compare_and_others_say_what_happened() {
        let complete = Completeness::default();
        let refused = Completeness::new(vec![
            Gap::RefusedFile("queue-seraing.yaml".to_owned()),
            Gap::NoPlan,
        ]);
        assert_eq!(data_changed(&complete, &complete), None);
        assert_eq!(data_changed(&refused, &refused), None);
        // A missing plan hides no record.
        assert_eq!(
            data_changed(&complete, &Completeness::new(vec![Gap::NoPlan])),
            None
        );
        assert_eq!(
            data_changed(&complete, &refused),
            Some(vec![
                "queue-seraing.yaml could not be read: its vehicles are not compared".to_owned()
            ])
        );
        assert_eq!(
            data_changed(&refused, &complete),
            Some(vec![
                "queue-seraing.yaml read again: changes while it was unreadable are not known"
                    .to_owned()
            ])
        );
        let left = |n| Completeness::new(vec![Gap::RecordsLeftOut(n)]);
        assert_eq!(
            data_changed(&left(3), &left(1)),
            Some(vec![
                "1 record left out for a bad value, 3 before: their vehicles are not compared"
                    .to_owned()
            ])
        );
    }
}
