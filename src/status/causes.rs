//! Root cause first: which problems follow from another, so that `check`, the Problems
//! view and the headline show the cause first and group its knock-on problems under it.
//!
//! A refused file, a record left out for a bad value and a source that gave no file (a
//! folder or file named that does not exist, cannot be read, or holds no status file)
//! are causes: every name the file or record would have defined is now unknown. A problem that says a name is unknown
//! (`… which no `variants` section defines`, `… which no variant has`) or that no file
//! has a `programme` section follows from the record left out of that section when there
//! is one, else from the first file refused outright (it may have defined the name), unless
//! the problem suggests a known name: then it is more likely a typo of its own. A name
//! whose definition was itself left out (`… whose `stages` record is left out (…)`) follows
//! from that record.
//! The loader's problems are not changed; this reads them after the fact.

use std::collections::HashSet;

use super::{FileHealth, Problem, Snapshot};

/// A problem and the problems that follow from it, as indices into the problems of a
/// [`Snapshot`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemGroup {
    /// The problem itself: a cause when `follow` is not empty.
    pub cause: usize,
    /// The problems that follow from it, in the loader's order.
    pub follow: Vec<usize>,
}

/// What a problem is, as far as causes go.
enum Role<'a> {
    /// A file refused outright, or a source that gave no file: nothing from it counts.
    RefusedFile,
    /// A record of this section (`variants`, `stages`, …) left out for a bad value.
    LeftOut(&'a str),
    /// A name of this section is unknown, or (`programme`) the section is missing; true
    /// when the problem suggests a known name (`did you mean`), a typo more likely than a
    /// definition lost with a refused file.
    Unknown(&'a str, bool),
    /// Neither.
    Other,
}

/// How the loader's problems about a source that gave no file begin.
const LOST_SOURCE: [&str; 4] = [
    "no such file or folder",
    "the folder holds no status files",
    "cannot list the folder",
    "cannot read: ",
];

fn role<'a>(p: &'a Problem, refused: &HashSet<&str>) -> Role<'a> {
    let m = p.message.as_str();
    if m.contains("this record is left out") {
        let end = m.find(['[', '.', ':']).unwrap_or(0);
        return Role::LeftOut(&m[..end]);
    }
    let hinted = m.contains("did you mean");
    // A name whose definition was left out: follows from that record.
    if let Some(at) = m.find(", whose `") {
        let rest = &m[at + ", whose `".len()..];
        if let Some(end) = rest.find("` record is left out") {
            return Role::Unknown(&rest[..end], false);
        }
    }
    if let Some(at) = m.find("which no `") {
        let rest = &m[at + "which no `".len()..];
        if let Some(end) = rest.find("` section defines") {
            return Role::Unknown(&rest[..end], hinted);
        }
    }
    if m.contains("which no variant has") {
        return Role::Unknown("variants", hinted);
    }
    if m.starts_with("no file has a `programme` section") {
        return Role::Unknown("programme", false);
    }
    if p.is_error() && p.file.as_deref().is_some_and(|f| refused.contains(f)) {
        return Role::RefusedFile;
    }
    if p.is_error() && LOST_SOURCE.iter().any(|s| m.starts_with(s)) {
        return Role::RefusedFile;
    }
    Role::Other
}

/// `problems` grouped by cause: each cause with its knock-on problems first (in the order
/// of the causes), then every other problem alone, in the given order. `refused` names the
/// files refused with no earlier good version. Every problem appears exactly once.
pub fn by_cause(problems: &[Problem], refused: &HashSet<&str>) -> Vec<ProblemGroup> {
    let roles: Vec<Role> = problems.iter().map(|p| role(p, refused)).collect();
    let first_refused = roles.iter().position(|r| matches!(r, Role::RefusedFile));
    // A record left out of the section, else a refused file; a name close to a known one
    // is a typo of its own, not a definition lost with a refused file.
    let cause_of = |section: &str, hinted: bool| {
        roles
            .iter()
            .position(|r| matches!(r, Role::LeftOut(s) if *s == section))
            .or(first_refused.filter(|_| !hinted))
    };
    let mut follow: Vec<Vec<usize>> = vec![Vec::new(); problems.len()];
    let mut follows = vec![false; problems.len()];
    for (i, r) in roles.iter().enumerate() {
        if let Role::Unknown(section, hinted) = r
            && let Some(c) = cause_of(section, *hinted)
        {
            follow[c].push(i);
            follows[i] = true;
        }
    }
    let mut causes = Vec::new();
    let mut alone = Vec::new();
    for (i, f) in follow.into_iter().enumerate() {
        if follows[i] {
            continue;
        }
        let group = ProblemGroup {
            cause: i,
            follow: f,
        };
        if group.follow.is_empty() {
            alone.push(group);
        } else {
            causes.push(group);
        }
    }
    causes.extend(alone);
    causes
}

impl Snapshot {
    /// The problems of this snapshot grouped by cause (see [`by_cause`]).
    pub fn problems_by_cause(&self) -> Vec<ProblemGroup> {
        let refused: HashSet<&str> = self
            .files
            .iter()
            .filter(|f| {
                matches!(
                    f.health,
                    FileHealth::Stale {
                        has_last_good: false,
                        ..
                    }
                )
            })
            .map(|f| f.name.as_str())
            .collect();
        by_cause(&self.problems, &refused)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::Loc;

    fn unknown(file: &str, line: u32, id: &str) -> Problem {
        Problem::error(
            file,
            Loc::new(line, 5),
            format!("vehicle X names the variant `{id}`, which no `variants` section defines"),
        )
    }

    #[test]
    fn unknown_names_follow_from_the_record_left_out_of_their_section() {
        let problems = vec![
            unknown("deliveries.yaml", 9, "grf-tt"),
            Problem::warning("plan.yaml", Loc::new(1, 1), "a warning of its own"),
            Problem::error(
                "programme.yaml",
                Loc::new(19, 17),
                "variants[0].contracted: expected a whole number; this record is left out, \
                 the rest of the file counts",
            ),
            Problem::error(
                "queue.yaml",
                Loc::new(3, 5),
                "vehicle Y is at the stage `s`, which no `stages` section defines",
            ),
            unknown("queue.yaml", 12, "grf-tt"),
        ];
        let groups = by_cause(&problems, &HashSet::new());
        assert_eq!(
            groups,
            vec![
                ProblemGroup {
                    cause: 2,
                    follow: vec![0, 4]
                },
                ProblemGroup {
                    cause: 1,
                    follow: vec![]
                },
                // No stage was left out and no file refused: an unknown stage is its own cause.
                ProblemGroup {
                    cause: 3,
                    follow: vec![]
                },
            ]
        );
    }

    #[test]
    fn without_a_record_left_out_a_refused_file_is_the_cause() {
        let problems = vec![
            Problem::new(
                crate::status::Severity::Error,
                None,
                Loc::UNKNOWN,
                "no file has a `programme` section: add one",
            ),
            unknown("deliveries.yaml", 9, "grf-tt"),
            Problem::error(
                "programme.yaml",
                Loc::new(3, 1),
                "did not find expected node",
            ),
        ];
        let refused = HashSet::from(["programme.yaml"]);
        assert_eq!(
            by_cause(&problems, &refused),
            vec![ProblemGroup {
                cause: 2,
                follow: vec![0, 1]
            }]
        );
        // Nothing refused: nothing to group.
        assert_eq!(by_cause(&problems, &HashSet::new()).len(), 3);
    }

    #[test]
    fn a_source_that_gave_no_file_is_the_cause_of_the_missing_programme() {
        for lost in [
            "no such file or folder: check the path in the config or on the command line",
            "the folder holds no status files (*.yaml or *.yml)",
        ] {
            let problems = vec![
                Problem::new(
                    crate::status::Severity::Error,
                    None,
                    Loc::UNKNOWN,
                    "no file has a `programme` section: add one",
                ),
                Problem::error("nope", Loc::UNKNOWN, lost),
            ];
            assert_eq!(
                by_cause(&problems, &HashSet::new()),
                vec![ProblemGroup {
                    cause: 1,
                    follow: vec![0]
                }],
                "{lost}"
            );
        }
    }
}
