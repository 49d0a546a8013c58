//! Several sites, one picture, with git (README, "Several sites"): each plant commits its
//! own queue file to a shared repository, and the programme office runs the dashboard on
//! its clone with `git pull` on a timer. Here a bare repository stands for the shared one,
//! a plant and the office each have a clone, and the real dashboard runs in a
//! pseudo-terminal on the office's clone: a change pushed by the plant and pulled by the
//! office shows on its screen. The test waits for the screen, never for a fixed time.
//!
//! It needs the `git` command, which `cargo test` does not provide: without it the test
//! says so and passes without running.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod support;

use std::path::Path;
use std::process::Command;

use support::{Dash, Launch, Sample, text};

/// Runs git in `dir`, as `who`, and fails the test with git's words when git fails.
fn git(dir: &Path, who: &str, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", &format!("user.name={who}")])
        .args(["-c", &format!("user.email={who}@fleetdash.invalid")])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} in {}: {}{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn git_is_installed() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The "N in assembly ·" figure of the Overview.
fn in_assembly(screen: &vt100::Screen) -> Option<u32> {
    let t = text(screen);
    let at = t.find(" in assembly ·")?;
    t[..at].split_whitespace().next_back()?.parse().ok()
}

/// The vehicle of the Roanne queue the plant hands on: its whole entry.
const LEAVES: &str = "  - serial: BE-GRF-0071
    variant: grf-tt
    stage: rework
    since: 2026-10-20
    due: 2026-12-18
    site: KNDS Roanne
    lot: L26A
    history: [{stage: hull, since: 2026-06-17}, {stage: kit, since: 2026-07-13}, {stage: comms, since: 2026-08-03}, {stage: rws, since: 2026-08-21}, {stage: paint, since: 2026-09-18}, {stage: tests, since: 2026-09-29}, {stage: acceptance, since: 2026-10-07}, {stage: rework, since: 2026-10-20}]
";

#[test]
fn a_plants_push_shows_on_the_offices_dashboard_after_a_pull() {
    if !git_is_installed() {
        eprintln!("skipped: the `git` command is not installed, and this test drives git");
        return;
    }
    let sample = Sample::new();
    let root = sample.root().to_path_buf();
    let status = sample.status_dir();

    // The shared repository, seeded with the sample's status files.
    git(
        &root,
        "office",
        &["init", "--bare", "--quiet", "shared.git"],
    );
    git(&root, "office", &["clone", "--quiet", "shared.git", "seed"]);
    let seed = root.join("seed");
    for entry in std::fs::read_dir(&status).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, seed.join(path.file_name().unwrap())).unwrap();
    }
    git(&seed, "office", &["add", "."]);
    git(
        &seed,
        "office",
        &["commit", "--quiet", "-m", "the status set"],
    );
    git(&seed, "office", &["push", "--quiet", "origin", "main"]);

    // The office's clone is the dashboard's status folder; the plant has its own.
    std::fs::remove_dir_all(&status).unwrap();
    git(
        &root,
        "office",
        &["clone", "--quiet", "shared.git", "config/status"],
    );
    git(&root, "plant", &["clone", "--quiet", "shared.git", "plant"]);
    let plant = root.join("plant");

    let dash = Dash::launch(sample, Launch::default());
    dash.wait_for("40 vehicles in assembly", |s| in_assembly(s) == Some(40));

    // The plant hands a vehicle on: its queue file loses it, committed and pushed.
    let queue = plant.join("queue-roanne.yaml");
    let text_before = std::fs::read_to_string(&queue).unwrap();
    assert!(
        text_before.contains(LEAVES),
        "the sample's Roanne queue changed"
    );
    std::fs::write(&queue, text_before.replacen(LEAVES, "", 1)).unwrap();
    git(
        &plant,
        "plant",
        &["commit", "--quiet", "-am", "Roanne: 0071 leaves rework"],
    );
    git(&plant, "plant", &["push", "--quiet", "origin", "main"]);

    // Nothing changes at the office until it pulls.
    let office = dash.sample.status_dir();
    assert!(
        std::fs::read_to_string(office.join("queue-roanne.yaml"))
            .unwrap()
            .contains(LEAVES)
    );
    git(&office, "office", &["pull", "--quiet", "--ff-only"]);
    dash.wait_for("39 vehicles in assembly after the pull", |s| {
        in_assembly(s) == Some(39)
    });
}
