//! Live reload, end to end: the real binary in a pseudo-terminal, on a copy of the sample,
//! with the files changed every way editors and tools change them. Each test waits for
//! the screen to show the change, with a deadline.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use support::{Dash, Launch, Sample, position, save_by_rename, status_line, text};

/// The count of vehicles in `stage` in the Overview's "Queue by stage" panel.
fn in_stage(screen: &vt100::Screen, stage: &str) -> Option<u32> {
    text(screen).lines().find_map(|line| {
        let rest = line.strip_prefix("│ ")?.strip_prefix(stage)?;
        let rest = rest.trim_start();
        if !rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        rest.split_whitespace().next()?.parse().ok()
    })
}

fn wait_for_stage(dash: &Dash, stage: &str, count: u32) -> Instant {
    dash.wait_for(&format!("{count} in {stage}"), |s| {
        in_stage(s, stage) == Some(count)
    })
}

/// The "N in assembly ·" figure of the Overview's final-assembly box.
fn in_assembly(screen: &vt100::Screen) -> Option<u32> {
    let t = text(screen);
    let at = t.find(" in assembly ·")?;
    t[..at].split_whitespace().next_back()?.parse().ok()
}

fn wait_for_in_assembly(dash: &Dash, count: u32) -> Instant {
    dash.wait_for(&format!("{count} vehicles in assembly"), |s| {
        in_assembly(s) == Some(count)
    })
}

/// A dashboard that logs its reloads to a trace file.
fn traced() -> (Dash, PathBuf) {
    let sample = Sample::new();
    let trace = sample.root().join("trace.log");
    let dash = Dash::launch(
        sample,
        Launch {
            env: vec![("FLEETDASH_TRACE".into(), trace.display().to_string())],
            ..Launch::default()
        },
    );
    (dash, trace)
}

/// The reloads that read or dropped files, as traced: the `reread=[…]` part of each.
fn reloads(trace: &Path) -> Vec<String> {
    std::fs::read_to_string(trace)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains(" reload ") && !l.ends_with(" unchanged"))
        .filter(|l| !l.contains("why=watch"))
        .map(|l| {
            let from = l.find("reread=").unwrap_or(0);
            let to = l.find(" took=").unwrap_or(l.len());
            l[from..to].to_owned()
        })
        .collect()
}

#[test]
fn an_in_place_write_shows_within_moments_and_rereads_only_that_file() {
    let (dash, trace) = traced();
    wait_for_stage(&dash, "Paint", 4);
    // The reload that follows setting the watches (it catches changes made between the
    // first load and the watches) must be done, or it would read the change itself.
    wait_for_trace(&trace, "watch");
    let file = dash.sample.status("queue-seraing.yaml");
    let text = dash
        .sample
        .edited(&file, "    stage: acceptance", "    stage: paint", 2);
    std::fs::write(&file, text).unwrap();
    let written = Instant::now();
    let shown = wait_for_stage(&dash, "Paint", 6);
    dash.wait_for_status("queue-seraing.yaml: 2 vehicles moved to Paint");
    eprintln!(
        "write to screen: {} ms",
        shown.saturating_duration_since(written).as_millis()
    );
    // A loaded machine may be slow; the loop itself waits 60 ms of quiet.
    assert!(shown.saturating_duration_since(written) < Duration::from_secs(3));
    let got = reloads(&trace);
    assert_eq!(
        got,
        ["reread=[config/status/queue-seraing.yaml] removed=[]"],
        "only the changed file is read again; trace:\n{}",
        std::fs::read_to_string(&trace).unwrap_or_default()
    );
    // The status line says when.
    assert!(status_line(&dash.screen()).starts_with(" loaded "));
}

#[test]
fn a_burst_of_writes_gives_one_reload() {
    let (dash, trace) = traced();
    // The burst comes after the first load and the reload that follows the watches.
    wait_for_stage(&dash, "Paint", 4);
    wait_for_trace(&trace, "watch");
    let file = dash.sample.status("queue-roanne.yaml");
    let original = dash.sample.read(&file);
    let moved = original.replacen("    stage: hull", "    stage: paint", 2);
    let started = Instant::now();
    for i in 0..20 {
        let text = if i == 19 {
            moved.clone()
        } else {
            format!("{original}# {i}\n")
        };
        std::fs::write(&file, text).unwrap();
    }
    let burst = started.elapsed();
    wait_for_stage(&dash, "Paint", 6);
    // A later change to another file, once shown, proves the burst's reloads are over.
    let plan = dash.sample.status("plan.yaml");
    let text = dash
        .sample
        .edited(&plan, "version: 1", "version: 1\n# later", 1);
    std::fs::write(&plan, text).unwrap();
    dash.wait_for_status("reloaded plan.yaml");
    let got = reloads(&trace);
    // A reload needs 60 ms of quiet, so a burst that spans S ms gives at most one reload
    // per 60 ms of it, plus one for its end and one for an event the system delivered
    // late. This holds at any speed; on a machine that writes the burst in under 60 ms it
    // says at most two reloads for twenty writes.
    let burst_reloads = got.len() - 1;
    let allowed = 2 + (burst.as_millis() / 60) as usize;
    assert!(
        (1..=allowed).contains(&burst_reloads),
        "{burst_reloads} reloads for a burst of 20 writes in {burst:?}: {got:#?}"
    );
    assert_eq!(
        got.last().unwrap(),
        "reread=[config/status/plan.yaml] removed=[]"
    );
}

#[test]
fn a_save_by_rename_is_seen_every_time() {
    let dash = Dash::start();
    let file = dash.sample.status("queue-seraing.yaml");
    // vim writes a backup, VS Code and many tools a temporary name: both are ignored,
    // and the rename over the original is seen.
    let text = dash
        .sample
        .edited(&file, "    stage: acceptance", "    stage: paint", 1);
    save_by_rename(&file, ".queue-seraing.yaml.swp", &text);
    wait_for_stage(&dash, "Paint", 5);
    dash.wait_for_status("queue-seraing.yaml: 1 vehicle moved to Paint");
    // The file is a new one now: a watch on the old one would have gone with it.
    let text = dash
        .sample
        .edited(&file, "    stage: acceptance", "    stage: paint", 1);
    save_by_rename(&file, "queue-seraing.yaml.tmp", &text);
    wait_for_stage(&dash, "Paint", 6);
    let text = dash
        .sample
        .edited(&file, "    stage: acceptance", "    stage: paint", 1);
    save_by_rename(&file, "queue-seraing.yaml~", &text);
    wait_for_stage(&dash, "Paint", 7);
}

#[test]
fn truncate_then_write_keeps_the_last_good_content_in_between() {
    let dash = Dash::start();
    let file = dash.sample.status("queue-seraing.yaml");
    let text = dash
        .sample
        .edited(&file, "    stage: acceptance", "    stage: paint", 2);
    std::fs::File::create(&file).unwrap();
    // Caught empty: the figures stay, the status line says so.
    dash.wait_for_status("⚠ queue-seraing.yaml since ");
    dash.wait_for_status("last good kept");
    assert_eq!(in_stage(&dash.screen(), "Paint"), Some(4));
    std::fs::write(&file, text).unwrap();
    wait_for_stage(&dash, "Paint", 6);
    dash.wait_for("the warning to go", |s| !status_line(s).contains('⚠'));
}

#[test]
fn a_sed_style_edit_is_seen() {
    let dash = Dash::start();
    let file = dash.sample.status("queue-seraing.yaml");
    let text = dash
        .sample
        .edited(&file, "    stage: acceptance", "    stage: paint", 2);
    // GNU sed -i writes `sedXXXXXX` in the same folder and renames it over the file.
    save_by_rename(&file, "sedK3x9Qa", &text);
    wait_for_stage(&dash, "Paint", 6);
    dash.wait_for_status("queue-seraing.yaml: 2 vehicles moved to Paint");
}

#[cfg(target_os = "linux")]
#[test]
fn sed_itself_is_seen() {
    let dash = Dash::start();
    let status = std::process::Command::new("sed")
        .args(["-i", "s/stage: acceptance/stage: paint/"])
        .arg(dash.sample.status("queue-seraing.yaml"))
        .status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("no GNU sed here: skipped");
        return;
    }
    wait_for_stage(&dash, "Paint", 8);
}

#[test]
fn a_deleted_file_drops_out_with_a_note_and_comes_back() {
    let mut dash = Dash::start();
    wait_for_in_assembly(&dash, 40);
    let file = dash.sample.status("queue-roanne.yaml");
    let saved = dash.sample.read(&file);
    std::fs::remove_file(&file).unwrap();
    wait_for_in_assembly(&dash, 34);
    dash.wait_for_status("queue-roanne.yaml removed: 6 vehicles left the queue");
    dash.send_keys("5");
    dash.wait_for_text("removed: config/status/queue-roanne.yaml");
    std::fs::write(&file, saved).unwrap();
    dash.wait_for_status("queue-roanne.yaml added: 6 vehicles entered the queue");
    dash.wait_for("the removal note to go", |s| !text(s).contains("removed:"));
    dash.send_keys("1");
    wait_for_in_assembly(&dash, 40);
}

#[test]
fn a_new_file_joins_the_set() {
    let dash = Dash::start();
    let file = dash.sample.status("queue-extra.yaml");
    std::fs::write(
        &file,
        "version: 1\nqueue:\n  - serial: BE-JAG-099\n    variant: jag\n    stage: hull\n    \
         since: 2026-11-20\n    site: KNDS Roanne\n",
    )
    .unwrap();
    wait_for_in_assembly(&dash, 41);
    dash.wait_for_status("queue-extra.yaml added: 1 vehicle entered the queue");
}

#[test]
fn a_bad_save_keeps_the_last_good_content_and_says_where() {
    let mut dash = Dash::start();
    let file = dash.sample.status("queue-seraing.yaml");
    let good = dash
        .sample
        .edited(&file, "    stage: acceptance", "    stage: paint", 2);
    let bad = dash
        .sample
        .edited(&file, "    variant: grf-tt\n", "    variant: [grf-tt\n", 1);
    std::fs::write(&file, bad).unwrap();
    dash.wait_for_status("⚠ queue-seraing.yaml:");
    // `⚠ queue-seraing.yaml:LINE:COLUMN since HH:MM:SS: last good kept`
    let line = status_line(&dash.screen());
    let prefix = "⚠ queue-seraing.yaml:";
    let after = &line[line.find(prefix).unwrap() + prefix.len()..];
    let (place, rest) = after.split_once(" since ").expect("since when");
    let numbers: Vec<&str> = place.split(':').collect();
    assert!(
        numbers.len() == 2 && numbers.iter().all(|n| n.parse::<u32>().is_ok()),
        "{line}"
    );
    assert!(
        rest.get(8..)
            .is_some_and(|r| r.starts_with(": last good kept")),
        "{line}"
    );
    assert_eq!(in_assembly(&dash.screen()), Some(40));
    dash.send_keys("5");
    dash.wait_for_text("failing: config/status/queue-seraing.yaml since ");
    dash.wait_for("the problem with its place", |s| {
        text(s)
            .lines()
            .any(|l| l.starts_with("error") && l.contains("config/status/queue-seraing.yaml:"))
    });
    std::fs::write(&file, good).unwrap();
    dash.wait_for_text("No problems");
    dash.wait_for("the warning to go", |s| !status_line(s).contains('⚠'));
    dash.send_keys("1");
    wait_for_stage(&dash, "Paint", 6);
}

#[test]
fn a_status_folder_deleted_and_recreated_is_watched_again() {
    let dash = Dash::start();
    let folder = dash.sample.status_dir();
    let away = dash.sample.root().join("away");
    std::fs::rename(&folder, &away).unwrap();
    dash.wait_for_status("5 files removed");
    std::fs::create_dir(&folder).unwrap();
    for entry in std::fs::read_dir(&away).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), folder.join(entry.file_name())).unwrap();
    }
    wait_for_in_assembly(&dash, 40);
    // The new folder is watched: a change in it shows.
    let file = dash.sample.status("queue-seraing.yaml");
    let text = dash
        .sample
        .edited(&file, "    stage: acceptance", "    stage: paint", 2);
    std::fs::write(&file, text).unwrap();
    wait_for_stage(&dash, "Paint", 6);
}

#[test]
fn a_theme_change_applies_live() {
    let dash = Dash::start();
    let config = dash.sample.config_file();
    let text = dash
        .sample
        .edited(&config, "accent: cyan", "accent: magenta", 1);
    save_by_rename(&config, ".fleetdash.yaml.swp", &text);
    dash.wait_for_status("config/fleetdash.yaml applied");
    let screen = dash.screen();
    let (row, col) = position(&screen, "config/fleetdash.yaml applied").unwrap();
    let cell = screen.cell(row, col).unwrap();
    // The flash is drawn in the accent colour: magenta now.
    assert_eq!(cell.fgcolor(), vt100::Color::Idx(5));
}

#[test]
fn a_change_of_status_folders_applies_live_and_a_bad_config_is_said() {
    let dash = Dash::start();
    let extra = dash.sample.root().join("config/extra");
    std::fs::create_dir(&extra).unwrap();
    std::fs::write(
        extra.join("more.yaml"),
        "version: 1\nqueue:\n  - serial: BE-JAG-098\n    variant: jag\n    stage: hull\n    \
         since: 2026-11-20\n    site: KNDS Roanne\n",
    )
    .unwrap();
    let config = dash.sample.config_file();
    let good = dash
        .sample
        .edited(&config, "  - status\n", "  - status\n  - extra\n", 1);
    let bad = dash
        .sample
        .edited(&config, "mouse: true", "mouse: maybe", 1);
    std::fs::write(&config, bad).unwrap();
    dash.wait_for_status("config not applied, last good kept: config/fleetdash.yaml:");
    std::fs::write(&config, good).unwrap();
    wait_for_in_assembly(&dash, 41);
    dash.wait_for_status("status from config/status, config/extra");
    dash.wait_for("the config problem to go", |s| {
        !status_line(s).contains("not applied")
    });
    // The new folder is watched too.
    std::fs::remove_file(extra.join("more.yaml")).unwrap();
    wait_for_in_assembly(&dash, 40);
}

/// Nothing wakes an idle dashboard: no tick, no debouncer thread, no poll.
#[cfg(target_os = "linux")]
#[test]
fn an_idle_dashboard_does_not_wake_up() {
    let dash = Dash::start();
    let task = format!("/proc/{}/task", dash.pid());
    // Every context switch of every thread: a thread that wakes up counts one.
    let switches = || -> u64 {
        let mut total = 0;
        for t in std::fs::read_dir(&task).unwrap() {
            let status = std::fs::read_to_string(t.unwrap().path().join("status")).unwrap();
            total += status
                .lines()
                .filter(|l| l.contains("ctxt_switches:"))
                .filter_map(|l| l.split_whitespace().last()?.parse::<u64>().ok())
                .sum::<u64>();
        }
        total
    };
    // Let the start-up settle, then watch for a while: measuring idleness takes time.
    std::thread::sleep(Duration::from_millis(500));
    let before = switches();
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(switches(), before, "the dashboard woke up while idle");
}

/// Turns the sample's status folder into a Kubernetes ConfigMap volume: the files live in
/// `status/..2026_11_26_10_00_00.000000001/`, `status/..data` links to that folder, and
/// each `status/NAME.yaml` links to `..data/NAME.yaml`.
#[cfg(unix)]
fn as_config_map(sample: &Sample) {
    let status = sample.status_dir();
    let first = status.join("..2026_11_26_10_00_00.000000001");
    std::fs::create_dir(&first).unwrap();
    for entry in std::fs::read_dir(&status).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            let name = entry.file_name();
            std::fs::rename(entry.path(), first.join(&name)).unwrap();
            std::os::unix::fs::symlink(Path::new("..data").join(&name), status.join(&name))
                .unwrap();
        }
    }
    std::os::unix::fs::symlink(first.file_name().unwrap(), status.join("..data")).unwrap();
}

/// An update as the kubelet writes it: a new timestamped folder with every file, a new
/// `..data` link renamed over the old one, the old folder deleted. Every event names a
/// dot entry.
#[cfg(unix)]
fn update_config_map(sample: &Sample, stamp: &str, change: impl Fn(&str, String) -> String) {
    let status = sample.status_dir();
    let old = std::fs::read_link(status.join("..data")).unwrap();
    let new = status.join(format!("..{stamp}"));
    std::fs::create_dir(&new).unwrap();
    for entry in std::fs::read_dir(status.join(&old)).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(entry.path()).unwrap();
        std::fs::write(new.join(&name), change(&name, text)).unwrap();
    }
    std::os::unix::fs::symlink(new.file_name().unwrap(), status.join("..data_tmp")).unwrap();
    std::fs::rename(status.join("..data_tmp"), status.join("..data")).unwrap();
    std::fs::remove_dir_all(status.join(old)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_config_map_update_is_followed() {
    let sample = Sample::new();
    as_config_map(&sample);
    let dash = Dash::launch(sample, Launch::default());
    wait_for_stage(&dash, "Paint", 4);
    let to_paint = |n: usize| {
        move |name: &str, text: String| {
            if name == "queue-seraing.yaml" {
                text.replacen("    stage: acceptance", "    stage: paint", n)
            } else {
                text
            }
        }
    };
    update_config_map(&dash.sample, "2026_11_26_11_00_00.000000002", to_paint(2));
    wait_for_stage(&dash, "Paint", 6);
    // The new folder is followed in turn.
    update_config_map(&dash.sample, "2026_11_26_12_00_00.000000003", to_paint(1));
    wait_for_stage(&dash, "Paint", 7);
}

/// `status/queue-seraing.yaml` is a link to `../plant/queue-seraing.yaml`, in the status
/// folder or named on the command line: appends to the target and `sed -i`-style saves of
/// it are seen.
#[cfg(unix)]
fn a_link_to_a_file_elsewhere_is_followed(named_on_the_command_line: bool) {
    let sample = Sample::new();
    let plant = sample.root().join("plant");
    std::fs::create_dir(&plant).unwrap();
    let target = plant.join("queue-seraing.yaml");
    std::fs::rename(sample.status("queue-seraing.yaml"), &target).unwrap();
    std::os::unix::fs::symlink(
        "../../plant/queue-seraing.yaml",
        sample.status("queue-seraing.yaml"),
    )
    .unwrap();
    let mut launch = Launch::default();
    if named_on_the_command_line {
        for name in [
            "programme.yaml",
            "plan.yaml",
            "deliveries.yaml",
            "queue-roanne.yaml",
            "queue-seraing.yaml",
        ] {
            launch.args.push(format!("config/status/{name}"));
        }
    }
    let dash = Dash::launch(sample, launch);
    wait_for_in_assembly(&dash, 40);
    // An append to the target: one more vehicle.
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&target)
        .unwrap();
    std::io::Write::write_all(
        &mut file,
        b"  - serial: BE-GRF-0990\n    variant: grf-tt\n    stage: hull\n    \
          since: 2026-11-20\n    site: CMI Defence, Seraing\n",
    )
    .unwrap();
    drop(file);
    wait_for_in_assembly(&dash, 41);
    // A save by rename next to the target, as `sed -i` does it.
    let text = dash
        .sample
        .edited(&target, "    stage: acceptance", "    stage: paint", 2);
    save_by_rename(&target, "sedQ8zT1b", &text);
    wait_for_stage(&dash, "Paint", 6);
}

#[cfg(unix)]
#[test]
fn a_link_in_the_status_folder_to_a_file_elsewhere_is_followed() {
    a_link_to_a_file_elsewhere_is_followed(false);
}

#[cfg(unix)]
#[test]
fn a_link_named_on_the_command_line_to_a_file_elsewhere_is_followed() {
    a_link_to_a_file_elsewhere_is_followed(true);
}

/// Waits until the trace has a reload line for `why`, and returns how many it has.
fn wait_for_trace(trace: &Path, why: &str) -> usize {
    let deadline = Instant::now() + support::DEADLINE;
    loop {
        let text = std::fs::read_to_string(trace).unwrap_or_default();
        let n = text
            .lines()
            .filter(|l| l.contains(&format!(" reload why={why} ")))
            .count();
        if n > 0 {
            return n;
        }
        assert!(Instant::now() < deadline, "no reload for {why}:\n{text}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Lets the held load go: the loader reads the gate (a FIFO) to its end.
#[cfg(all(unix, debug_assertions))]
fn open_gate(gate: &Path) {
    drop(std::fs::OpenOptions::new().write(true).open(gate).unwrap());
}

/// Keys are answered while a load runs: the loader thread is held before its load (a
/// debug build reads a FIFO first), and the dashboard still changes view at once.
#[cfg(all(unix, debug_assertions))]
#[test]
fn keys_are_answered_while_a_load_runs() {
    let sample = Sample::new();
    let gate = sample.root().join("gate");
    let trace = sample.root().join("trace.log");
    let made = std::process::Command::new("mkfifo").arg(&gate).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let mut dash = Dash::spawn(
        sample,
        Launch {
            env: vec![
                (
                    "FLEETDASH_TEST_LOAD_GATE".into(),
                    gate.display().to_string(),
                ),
                ("FLEETDASH_TRACE".into(), trace.display().to_string()),
            ],
            ..Launch::default()
        },
    );
    // The first load, made once the watches are set.
    open_gate(&gate);
    wait_for_trace(&trace, "watch");
    dash.wait_for_data();
    // `r`: the load is held at the gate. A key pressed meanwhile is answered.
    dash.send_keys("r");
    dash.send_keys("5");
    dash.wait_for_text("No problems");
    let text = std::fs::read_to_string(&trace).unwrap();
    assert!(!text.contains("why=key"), "the load was not held:\n{text}");
    open_gate(&gate);
    assert_eq!(wait_for_trace(&trace, "key"), 1);
    dash.wait_for_status("reloaded 5 files");
}
