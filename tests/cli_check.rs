//! `fleetdash check` as a user runs it: the real binary, its output and its exit code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, run in `dir`, blind to any config in the user's config folder.
fn fleetdash(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fleetdash"))
        .current_dir(dir)
        // A folder that does not exist: no user config is found there.
        .env(
            "XDG_CONFIG_HOME",
            root().join("tests/fixtures/no-user-config"),
        )
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> &str {
    std::str::from_utf8(&o.stdout).expect("UTF-8 output")
}

fn stderr(o: &Output) -> &str {
    std::str::from_utf8(&o.stderr).expect("UTF-8 output")
}

const SAMPLE_SUMMARY: &str =
    "CaMo Belgium: 5 files, 11 variants, 40 in assembly, 43 delivery records: no problems\n";

#[test]
fn the_sample_checks_clean() {
    let o = fleetdash(
        &root(),
        &["check", "config/status", "--today", "2026-11-26"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), SAMPLE_SUMMARY);
    assert_eq!(stderr(&o), "");
}

#[test]
fn the_sample_checks_clean_through_the_config() {
    // No paths: ./config/fleetdash.yaml names the status folder.
    let o = fleetdash(&root(), &["check", "--today", "2026-11-26"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), SAMPLE_SUMMARY);
}

#[test]
fn an_error_prints_its_line_and_exits_1() {
    let dir = root().join("tests/fixtures/invalid/unknown-variant");
    let o = fleetdash(&dir, &["check", ".", "--today", "2026-11-26"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "queue.yaml:4:5: error: vehicle BE-GRF-0001 names the variant `grf-t`, which no `variants` section defines; did you mean `grf-tt`?\n\
         (status set): warning: no file has a plan: the deliveries cannot be compared with one; write a `plan` section with the deliveries planned per year and variant (docs/FORMAT.md)\n\
         (status set): warning: no file has a `deliveries` section: the figures count none delivered; write the hand-overs, or `deliveries: []` when none is delivered yet (docs/FORMAT.md)\n\
         Test Fleet: 2 files, 3 variants, 1 in assembly, 0 delivery records: 1 error, 2 warnings\n"
    );
}

#[test]
fn a_warning_alone_exits_0() {
    let dir = root().join("tests/fixtures/invalid/plan-total-differs");
    let o = fleetdash(&dir, &["check", ".", "--today", "2026-11-26"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("programme.yaml:17:5: warning: variant `jag`"),
        "{}",
        stdout(&o)
    );
    // The set has a plan but no `deliveries` section: check says so too.
    assert!(
        stdout(&o).contains("(status set): warning: no file has a `deliveries` section"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).ends_with(": 2 warnings\n"), "{}", stdout(&o));
}

#[test]
fn a_missing_config_exits_2_with_a_message() {
    let o = fleetdash(
        &root(),
        &[
            "check",
            "--config",
            "tests/fixtures/missing.yaml",
            "--today",
            "2026-11-26",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).starts_with("fleetdash: tests/fixtures/missing.yaml: cannot read the config: "),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_impossible_today_is_refused() {
    let o = fleetdash(
        &root(),
        &["check", "config/status", "--today", "2026-02-30"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).starts_with(
            "error: invalid value '2026-02-30' for '--today <YYYY-MM-DD>': \
             `2026-02-30` is not a date: February 2026 has 28 days"
        ),
        "{}",
        stderr(&o)
    );
}

/// The README says every command takes `--version`.
#[test]
fn every_command_takes_version() {
    let version = env!("CARGO_PKG_VERSION");
    for command in [
        &[][..],
        &["check"],
        &["print"],
        &["report"],
        &["schema"],
        &["generate"],
    ] {
        let mut args = command.to_vec();
        args.push("--version");
        let o = fleetdash(&root(), &args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(
            stdout(&o).starts_with("fleetdash") && stdout(&o).trim_end().ends_with(version),
            "{args:?}: {}",
            stdout(&o)
        );
    }
}

/// A file named on its own is checked inside its folder's set: what it names is defined
/// by the other files there (read alone, the sample's plan gave 47 errors).
#[test]
fn a_file_is_checked_in_its_folders_set() {
    let o = fleetdash(
        &root(),
        &["check", "config/status/plan.yaml", "--today", "2026-11-26"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        format!("config/status/plan.yaml, checked in its folder's set: {SAMPLE_SUMMARY}")
    );
}

/// Only the named file's problems are reported, and the exit code is theirs.
#[test]
fn a_file_check_reports_that_files_problems_only() {
    let dir = root().join("tests/fixtures/invalid/unknown-variant");
    let o = fleetdash(&dir, &["check", "queue.yaml", "--today", "2026-11-26"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "queue.yaml:4:5: error: vehicle BE-GRF-0001 names the variant `grf-t`, which no `variants` section defines; did you mean `grf-tt`?\n\
         queue.yaml, checked in its folder's set: Test Fleet: 2 files, 3 variants, 1 in assembly, 0 delivery records: 1 error\n"
    );
    let o = fleetdash(&dir, &["check", "programme.yaml", "--today", "2026-11-26"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "programme.yaml, checked in its folder's set: Test Fleet: 2 files, 3 variants, 1 in assembly, 0 delivery records: no problems\n"
    );
}

/// `generate` never overwrites: a folder that is not empty is refused unless `--force`,
/// which also removes status files that would merge with the generated set.
#[test]
fn generate_refuses_a_folder_that_is_not_empty_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("set");
    let args = |extra: &[&str]| {
        let mut a = vec!["generate", "--out", out.to_str().unwrap(), "--queue", "20"];
        a.extend_from_slice(extra);
        a.iter().map(|s| s.to_string()).collect::<Vec<String>>()
    };
    let run = |a: Vec<String>| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        fleetdash(dir.path(), &a)
    };
    let o = run(args(&[]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The user's own config and a file of theirs in the status folder.
    let config = out.join("fleetdash.yaml");
    std::fs::write(&config, "status: [status]\nmouse: false\n").unwrap();
    let theirs = out.join("status/theirs.yaml");
    std::fs::write(&theirs, "version: 1\n").unwrap();
    let o = run(args(&["--seed", "2"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is not empty"), "{}", stderr(&o));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        "status: [status]\nmouse: false\n",
        "nothing was overwritten"
    );
    assert!(theirs.exists());
    let o = run(args(&["--seed", "2", "--force"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!theirs.exists(), "a status file left to merge with the set");
    let o = fleetdash(dir.path(), &["check", out.join("status").to_str().unwrap()]);
    // The set is the generated one alone: every file there, no problem.
    let files = std::fs::read_dir(out.join("status")).unwrap().count();
    let summary = format!(": {files} files, 20 variants, 20 in assembly");
    assert!(stdout(&o).contains(&summary), "{}", stdout(&o));
    assert!(stdout(&o).ends_with(": no problems\n"), "{}", stdout(&o));
}

/// A copy of the bundled sample in a temporary folder, to break.
fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    for entry in std::fs::read_dir(root().join("config/status")).expect("the sample") {
        let path = entry.expect("an entry").path();
        std::fs::copy(&path, dir.path().join(path.file_name().expect("a name"))).expect("a copy");
    }
    dir
}

#[test]
fn print_and_report_exit_0_on_the_complete_sample() {
    for args in [
        &["print", "--today", "2026-11-26"][..],
        &["report", "--today", "2026-11-26"][..],
    ] {
        let o = fleetdash(&root(), args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn a_path_that_does_not_exist_is_named_first_as_the_cause() {
    let o = fleetdash(&root(), &["check", "/nope", "--today", "2026-11-26"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "/nope: error: no such file or folder: check the path in the config or on the command line\n\
         \x20   and 1 more that follows from it\n\
         (no programme): 0 files, 0 variants, 0 in assembly, 0 delivery records: 2 errors\n"
    );
}

#[test]
fn print_without_data_says_no_data_and_exits_1() {
    let o = fleetdash(
        &root(),
        &[
            "print",
            "/nope",
            "--width",
            "80",
            "--height",
            "16",
            "--today",
            "2026-11-26",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = stdout(&o);
    let headline = text.lines().nth(1).unwrap_or_default();
    assert!(headline.starts_with(" ✖ NO DATA · "), "{text}");
    assert!(!text.contains("ON PLAN"), "{text}");
    assert!(!text.contains("0 of 0 delivered"), "{text}");
    let o = fleetdash(&root(), &["report", "/nope", "--today", "2026-11-26"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!stdout(&o).contains("on plan"), "{}", stdout(&o));
}

#[test]
fn print_and_report_on_incomplete_figures_exit_1() {
    let dir = sample_copy();
    std::fs::write(dir.path().join("queue-roanne.yaml"), "version: 1\nqueue: [").expect("written");
    for command in ["print", "report"] {
        let o = fleetdash(dir.path(), &[command, ".", "--today", "2026-11-26"]);
        assert_eq!(o.status.code(), Some(1), "{command}: {}", stderr(&o));
        assert!(!stdout(&o).is_empty(), "{command} still writes its figures");
    }
}

/// Issue 11's example: `contracted: many` in the sample's `programme.yaml`. The record is
/// left out, so every vehicle, delivery and plan line of its variant names a variant no
/// file defines: the record's own problem comes first, the 46 others under it.
#[test]
fn check_puts_the_root_cause_first_and_groups_what_follows() {
    let dir = sample_copy();
    let path = dir.path().join("programme.yaml");
    let text = std::fs::read_to_string(&path).expect("the sample's programme");
    let broken = text.replacen("contracted: 190", "contracted: many", 1);
    assert_ne!(
        broken, text,
        "the sample changed: no `contracted: 190` to break"
    );
    std::fs::write(&path, broken).expect("written");
    let o = fleetdash(dir.path(), &["check", ".", "--today", "2026-11-26"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let lines: Vec<&str> = stdout(&o).lines().collect();
    assert_eq!(lines.len(), 3, "{}", stdout(&o));
    assert!(
        lines[0].starts_with("programme.yaml:19:17: error: variants[0].contracted: "),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], "    and 46 more that follow from it");
    assert!(lines[2].ends_with(": 47 errors"), "{}", lines[2]);
}

/// A refused `programme.yaml` (a syntax error that stops the parse): its parse error comes
/// first, not "add a `programme` section" (there is one).
#[test]
fn check_puts_a_refused_files_parse_error_first() {
    let dir = sample_copy();
    std::fs::write(
        dir.path().join("programme.yaml"),
        "version: 1\nprogramme: [\n",
    )
    .expect("written");
    let o = fleetdash(dir.path(), &["check", ".", "--today", "2026-11-26"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let lines: Vec<&str> = stdout(&o).lines().collect();
    assert!(
        lines[0].starts_with("programme.yaml:3:1: error: "),
        "{}",
        stdout(&o)
    );
    assert_eq!(lines[1], "    and 130 more that follow from it");
    assert!(lines[2].ends_with(": 131 errors"), "{}", lines[2]);
}

/// The README shows the sample's Overview at 80×24 as `print` writes it: the block must
/// stay what the command it names prints.
#[test]
fn the_readme_shows_the_overview_print_writes() {
    let readme = fs::read_to_string(root().join("README.md")).expect("the README");
    let command = "`fleetdash print --view overview --width 80\n--height 24 --today 2026-11-26`";
    let after = readme
        .split_once(command)
        .expect("the README names the command")
        .1;
    let block = after
        .split_once("```text\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .expect("a text block after it")
        .0;
    let o = fleetdash(
        &root(),
        &[
            "print",
            "--view",
            "overview",
            "--width",
            "80",
            "--height",
            "24",
            "--today",
            "2026-11-26",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(block, stdout(&o));
}

/// `check FILE` names the cause of the file's problems when it is in another file of the
/// set: `contracted: many` leaves a variant out of programme.yaml, and every delivery of
/// that variant in deliveries.yaml follows from it.
#[test]
fn checking_one_file_names_the_cause_in_another_file() {
    let dir = sample_copy();
    let programme = dir.path().join("programme.yaml");
    let text = fs::read_to_string(&programme).expect("read");
    let line = text.lines().nth(18).expect("line 19");
    assert_eq!(line, "    contracted: 190   # (s)");
    fs::write(&programme, text.replacen(line, "    contracted: many", 1)).expect("write");
    let file = dir.path().join("deliveries.yaml");
    let o = fleetdash(
        dir.path(),
        &[
            "check",
            file.to_str().expect("a path"),
            "--today",
            "2026-11-26",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let lines: Vec<&str> = stdout(&o).lines().collect();
    assert!(
        lines[0].ends_with(
            "programme.yaml:19:17: error: variants[0].contracted: expected a whole number of \
             vehicles, found the text `many`: write the number without quotes or units; this \
             record is left out, the rest of the file counts"
        ),
        "{}",
        lines[0]
    );
    // The grf-tt deliveries of the sample: 22 records (counted in deliveries.yaml).
    assert_eq!(
        lines[1],
        "    (in another file of the set: the cause of the 22 below)"
    );
    assert_eq!(lines.len(), 2 + 22 + 1);
    assert!(
        lines[2..24]
            .iter()
            .all(|l| l.contains("names the variant `grf-tt`"))
    );
    assert!(lines[24].ends_with(": 22 errors"), "{}", lines[24]);
}

/// Issue 11: a vehicle the merge leaves out (BE-GRF-0074, at rework in queue-seraing.yaml,
/// written again at paint in queue-roanne.yaml) makes `print` and `report` say the figures
/// are incomplete and exit 1, as `check` does.
#[test]
fn a_vehicle_in_the_queue_twice_makes_print_and_report_exit_1() {
    let dir = sample_copy();
    let path = dir.path().join("queue-roanne.yaml");
    let mut text = fs::read_to_string(&path).expect("the sample's queue");
    text.push_str(
        "  - serial: BE-GRF-0074\n    variant: grf-tt\n    stage: paint\n    since: 2026-11-16\n    \
         due: 2026-12-03\n    site: KNDS Roanne\n    lot: L26A\n",
    );
    fs::write(&path, text).expect("written");
    let o = fleetdash(dir.path(), &["check", ".", "--today", "2026-11-26"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let o = fleetdash(dir.path(), &["print", ".", "--today", "2026-11-26"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = stdout(&o);
    let headline = text.lines().nth(1).unwrap_or_default();
    assert!(
        headline.contains("18 BEHIND PLAN ON INCOMPLETE FIGURES"),
        "{text}"
    );
    assert!(
        text.contains("1 record left out for a conflict with the rest of the set"),
        "{text}"
    );
    let o = fleetdash(dir.path(), &["report", ".", "--today", "2026-11-26"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    // The sample itself, unchanged, stays complete.
    let o = fleetdash(&root(), &["print", "--today", "2026-11-26"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stdout(&o).contains("left out"), "{}", stdout(&o));
}

/// `check FILE` of a good file exits 0 while another file of the set is refused, but its
/// summary says the set's figures are incomplete and why.
#[test]
fn checking_a_good_file_says_the_set_is_incomplete_when_another_is_refused() {
    let dir = sample_copy();
    fs::write(
        dir.path().join("queue-seraing.yaml"),
        "version: 1\nqueue: [",
    )
    .expect("written");
    let o = fleetdash(
        dir.path(),
        &["check", "deliveries.yaml", "--today", "2026-11-26"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let last = stdout(&o).lines().last().unwrap_or_default().to_owned();
    assert!(
        last.starts_with("deliveries.yaml, checked in its folder's set: CaMo Belgium: 5 files"),
        "{last}"
    );
    assert!(
        last.ends_with(
            ": no problems; the set is incomplete: queue-seraing.yaml refused: its records are left out"
        ),
        "{last}"
    );
    // With every file fine, nothing is added.
    fs::copy(
        root().join("config/status/queue-seraing.yaml"),
        dir.path().join("queue-seraing.yaml"),
    )
    .expect("a copy");
    let o = fleetdash(
        dir.path(),
        &["check", "deliveries.yaml", "--today", "2026-11-26"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).ends_with(": no problems\n"), "{}", stdout(&o));
}
