//! The harness of the fixture tests (`tests/problems.rs`, `tests/hostile.rs`): loads a
//! status set for one fixed day, renders it with `check::report` as `fleetdash check`
//! prints it, and takes the set's folder out of every path so the tests can assert the
//! exact lines.
//!
//! A folder module, so Cargo does not build it as a test binary of its own; each test file
//! that says `mod checked;` compiles it on its own. The tests of reading by hand use it too,
//! with a generated set for the same day ([`spec`]).

use std::path::{Path, PathBuf};

use fleetdash::check;
use fleetdash::domain::{Date, Programme};
use fleetdash::status::{FileHealth, Limits, Loader, Snapshot, display_name};

/// The day every load is made for, as `check --today 2026-11-26`.
pub fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

/// A generated set of 4 variants, `queue` vehicles and `deliveries` delivery records for
/// [`today`], from `seed`.
pub fn spec(queue: usize, deliveries: usize, seed: u64) -> fleetdash::generate::Spec {
    fleetdash::generate::Spec {
        variants: 4,
        queue,
        deliveries,
        seed,
        today: today(),
    }
}

/// `tests/fixtures/`.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// What `check` printed for a set, with the set's folder taken out of every path.
pub struct Checked {
    pub snapshot: Snapshot,
    /// One line per problem, `file:line:col: severity: message`.
    pub lines: Vec<String>,
    pub summary: String,
    pub folder: String,
}

impl Checked {
    pub fn programme(&self) -> &Programme {
        &self.snapshot.programme
    }

    #[track_caller]
    pub fn assert_lines(&self, expected: &[&str]) {
        assert_eq!(self.lines, expected, "summary: {}", self.summary);
    }

    /// The lines are those of the fixture's expected-output file: `NAME.expected` beside
    /// its folder `NAME/`, one problem a line as `check` prints it, paths relative to the
    /// folder (the summary is left out).
    #[track_caller]
    pub fn assert_expected(&self) {
        let path = format!("{}.expected", self.folder);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let expected: Vec<&str> = text.lines().collect();
        assert_eq!(self.lines, expected, "{path}; summary: {}", self.summary);
    }

    /// The good `programme.yaml` of the fixture still counts.
    #[track_caller]
    pub fn assert_programme_loaded(&self) {
        let p = self.programme();
        assert_eq!(p.name(), "Test Fleet", "{}", self.summary);
        for id in ["grf-tt", "grf-amb", "jag"] {
            assert!(p.variant_by_id(id).is_some(), "variant {id} is missing");
        }
        for id in ["hull", "turret", "acceptance"] {
            assert!(p.stage_by_id(id).is_some(), "stage {id} is missing");
        }
    }

    /// The serials of the queue, in order.
    pub fn queued(&self) -> Vec<&str> {
        self.programme().queue.iter().map(|v| &*v.serial).collect()
    }

    /// The health of `file` (relative to the folder).
    #[track_caller]
    pub fn health(&self, file: &str) -> &FileHealth {
        let name = format!("{}/{file}", self.folder);
        let state = self.snapshot.files.iter().find(|f| f.name == name);
        &state
            .unwrap_or_else(|| panic!("{file} is not in the set"))
            .health
    }

    /// `file` failed to read and nothing of it is used.
    #[track_caller]
    pub fn assert_left_out(&self, file: &str) {
        assert!(
            matches!(
                self.health(file),
                FileHealth::Stale {
                    has_last_good: false,
                    ..
                }
            ),
            "{file}: {:?}",
            self.health(file)
        );
    }
}

/// Loads `sources` under `limits` for [`today`] and renders the snapshot with
/// `check::report`, paths shown relative to `folder`.
pub fn load(folder: &Path, sources: Vec<PathBuf>, limits: Limits) -> Checked {
    let mut loader = Loader::new(sources, limits);
    render(folder, loader.load(today()))
}

/// Renders `snapshot` with `check::report`, paths shown relative to `folder`.
pub fn render(folder: &Path, snapshot: Snapshot) -> Checked {
    let mut out = Vec::new();
    check::report(&snapshot, &mut out).expect("writing to a Vec does not fail");
    let text = String::from_utf8(out).expect("check prints UTF-8");
    let folder = display_name(folder);
    let mut lines: Vec<String> = text.lines().map(|l| relative(l, &folder)).collect();
    let summary = lines.pop().expect("check always prints a summary");
    Checked {
        snapshot,
        lines,
        summary,
        folder,
    }
}

/// `line` with `folder/` removed wherever a path is shown, and the folder itself shown as
/// `.`: what `check .` prints when run inside the folder.
pub fn relative(line: &str, folder: &str) -> String {
    let line = line.replace(&format!("{folder}/"), "");
    match line.strip_prefix(folder) {
        Some(rest) if rest.starts_with(':') => format!(".{rest}"),
        _ => line,
    }
}
