//! The loop's handling of events without a terminal: file events, config changes and
//! timers, with the loader thread answering on the channel as in the dashboard.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use super::*;
use crate::event::Event;

mod loader;
mod refresh;

/// The longest a test waits for the loader thread.
const DEADLINE: Duration = Duration::from_secs(20);

/// A copy of the sample config and status set in a temporary folder.
fn sample() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("config");
    std::fs::create_dir_all(root.join("status")).unwrap();
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("config");
    std::fs::copy(here.join("fleetdash.yaml"), root.join("fleetdash.yaml")).unwrap();
    for entry in std::fs::read_dir(here.join("status")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), root.join("status").join(entry.file_name())).unwrap();
    }
    (dir, root)
}

/// A runtime and the channel its loader thread answers on.
struct Rig {
    rt: Runtime,
    rx: Receiver<Event>,
}

impl Deref for Rig {
    type Target = Runtime;
    fn deref(&self) -> &Runtime {
        &self.rt
    }
}

impl DerefMut for Rig {
    fn deref_mut(&mut self) -> &mut Runtime {
        &mut self.rt
    }
}

impl Rig {
    /// Handles the events on the channel up to the next finished load, and, when it
    /// brought data, up to the landing of its views' states; returns what the last of
    /// them asks of the terminal.
    fn pump(&mut self) -> state::Todo {
        loop {
            let event = self
                .rx
                .recv_timeout(DEADLINE)
                .expect("a load within the deadline");
            let done = matches!(event, Event::Loaded(_) | Event::Refreshed(_));
            let todo = self.rt.handle(event, Instant::now());
            if done && self.rt.landing.is_none() {
                return todo;
            }
        }
    }
}

/// A runtime whose first load has landed.
fn rig(options: Options) -> Rig {
    let (tx, rx) = mpsc::channel();
    let mut rig = Rig {
        rt: Runtime::new(options, tx),
        rx,
    };
    assert!(rig.app.first_loading());
    assert!(rig.pump().redraw);
    assert!(rig.app.loading.is_none());
    rig
}

fn runtime(config: Config) -> Rig {
    rig(Options {
        config,
        today: Date::from_ymd_opt(2026, 11, 26),
        status_from_cli: false,
    })
}

fn edit(path: &Path, from: &str, to: &str, times: usize) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, times)).unwrap();
}

/// Runs the timers once the debounce is over, and waits for the load they ask for.
fn settle(rt: &mut Rig, now: Instant) -> Instant {
    let due = rt.pending.deadline.expect("a reload is pending");
    assert!(!rt.pending.is_due(due - Duration::from_millis(1)));
    rt.on_timers(due.max(now));
    rt.pump();
    due
}

fn flash(rt: &Rig) -> &str {
    rt.app.flash.as_ref().map_or("", |f| f.text.as_str())
}

#[test]
fn only_the_changed_file_is_read_again_however_its_path_is_spelled() {
    let (_dir, root) = sample();
    // The loader lists `…/config/./status/x.yaml`; the watcher reports absolute paths.
    let mut config = crate::config::load(&root.join("fleetdash.yaml")).unwrap();
    config.status = vec![root.join(".").join("status")];
    let mut rt = runtime(config);
    let file = root.join("status/queue-seraing.yaml");
    edit(&file, "    stage: acceptance", "    stage: paint", 2);
    let now = Instant::now();
    rt.handle(Event::Files(vec![file.clone()]), now);
    settle(&mut rt, now);
    let names = &rt.app.data.snapshot.reread;
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with("queue-seraing.yaml"), "{names:?}");
    assert_eq!(flash(&rt), "queue-seraing.yaml: 2 vehicles moved to Paint");
}

#[test]
fn a_load_that_lands_logs_its_changes_for_the_changes_view() {
    use crate::domain::changes::Change;
    let (_dir, root) = sample();
    let mut rt = runtime(crate::config::load(&root.join("fleetdash.yaml")).unwrap());
    assert_eq!(rt.app.changes.log.entries().count(), 0);
    let file = root.join("status/queue-seraing.yaml");
    // The first two vehicles in acceptance: BE-GRF-0072 and BE-GRF-0074.
    edit(&file, "    stage: acceptance", "    stage: paint", 2);
    let now = Instant::now();
    rt.handle(Event::Files(vec![file]), now);
    settle(&mut rt, now);
    let entries: Vec<_> = rt.app.changes.log.entries().collect();
    assert_eq!(entries.len(), 1);
    let moves: Vec<(&str, &str, &str)> = entries[0]
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::Moved {
                serial,
                from: Some(from),
                to,
                ..
            } => Some((serial.as_str(), from.id.as_str(), to.id.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        moves,
        [
            ("BE-GRF-0072", "acceptance", "paint"),
            ("BE-GRF-0074", "acceptance", "paint")
        ]
    );
    assert_eq!(entries[0].changes.len(), 2);
    assert_eq!(rt.app.changes.log.unseen(), 2);
}

#[test]
fn a_link_to_the_folder_matches_the_real_path() {
    let (dir, root) = sample();
    let link = dir.path().join("link");
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("status"), &link).unwrap();
    #[cfg(not(unix))]
    return;
    let mut config = crate::config::load(&root.join("fleetdash.yaml")).unwrap();
    config.status = vec![link];
    let mut rt = runtime(config);
    let file = root.join("status/plan.yaml");
    // Same size, same second: only the watcher's word says it changed.
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text).unwrap();
    let now = Instant::now();
    rt.handle(Event::Files(vec![file]), now);
    settle(&mut rt, now);
    assert_eq!(rt.app.data.snapshot.reread.len(), 1);
    assert!(rt.app.data.snapshot.reread[0].ends_with("link/plan.yaml"));
}

#[test]
fn a_burst_of_events_gives_one_reload() {
    let (_dir, root) = sample();
    let mut rt = runtime(crate::config::load(&root.join("fleetdash.yaml")).unwrap());
    let file = root.join("status/queue-roanne.yaml");
    let start = Instant::now();
    let mut now = start;
    for i in 0..20 {
        std::fs::write(&file, format!("version: 1\n# {i}\n")).unwrap();
        rt.handle(Event::Files(vec![file.clone()]), now);
        assert!(!rt.pending.is_due(now));
        now += Duration::from_millis(5);
    }
    let before = rt.reloads();
    let due = settle(&mut rt, now);
    assert_eq!(rt.reloads(), before + 1);
    assert!(due <= now + DEBOUNCE);
    assert!(rt.pending.deadline.is_none());
    // Events that never stop still give a reload every MAX_DELAY.
    let mut now = due;
    let first = now;
    while !rt.pending.is_due(now) {
        rt.handle(Event::Files(vec![file.clone()]), now);
        now += Duration::from_millis(20);
    }
    assert!(now - first <= MAX_DELAY + Duration::from_millis(20));
}

#[test]
fn lost_events_read_every_file_again() {
    let (_dir, root) = sample();
    let mut rt = runtime(crate::config::load(&root.join("fleetdash.yaml")).unwrap());
    let todo = rt.handle(Event::Rescan("the queue overflowed".into()), Instant::now());
    assert!(todo.redraw);
    rt.pump();
    assert_eq!(rt.app.data.snapshot.reread.len(), 5);
    assert!(
        flash(&rt).starts_with("the queue overflowed"),
        "{}",
        flash(&rt)
    );
}

#[test]
fn a_failed_watcher_is_said_and_the_set_is_polled() {
    let (_dir, root) = sample();
    let mut rt = runtime(crate::config::load(&root.join("fleetdash.yaml")).unwrap());
    let start = Instant::now();
    assert_eq!(rt.next_wake(), None, "idle must set no timer");
    rt.handle(Event::WatchFailed("inotify is broken".into()), start);
    rt.pump();
    assert!(
        rt.app.alerts[0].contains("checking every 2s: the watcher failed (inotify is broken)"),
        "{:?}",
        rt.app.alerts
    );
    assert_eq!(rt.next_wake(), Some(start + POLL_EVERY));
    // A poll with nothing changed reads nothing.
    assert!(!rt.on_timers(start + POLL_EVERY).redraw);
    assert!(!rt.pump().redraw);
    edit(
        &root.join("status/queue-roanne.yaml"),
        "version: 1",
        "version: 1\n# longer now",
        1,
    );
    let later = start + POLL_EVERY * 2;
    rt.on_timers(later);
    assert!(rt.pump().redraw);
    assert_eq!(rt.app.data.snapshot.reread.len(), 1);
}

#[test]
fn a_deleted_file_is_noted_until_it_comes_back() {
    let (_dir, root) = sample();
    let mut rt = runtime(crate::config::load(&root.join("fleetdash.yaml")).unwrap());
    let file = root.join("status/queue-roanne.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::remove_file(&file).unwrap();
    let now = Instant::now();
    rt.handle(Event::Files(vec![file.clone()]), now);
    let now = settle(&mut rt, now);
    assert!(
        flash(&rt).starts_with("queue-roanne.yaml removed: "),
        "{}",
        flash(&rt)
    );
    // Another change elsewhere keeps the note.
    let plan = root.join("status/plan.yaml");
    edit(&plan, "version: 1", "version: 1\n# touched", 1);
    rt.handle(Event::Files(vec![plan]), now);
    let now = settle(&mut rt, now);
    assert_eq!(rt.app.data.snapshot.removed.len(), 1);
    std::fs::write(&file, text).unwrap();
    rt.handle(Event::Files(vec![file]), now);
    settle(&mut rt, now);
    assert!(rt.app.data.snapshot.removed.is_empty());
    assert!(
        flash(&rt).starts_with("queue-roanne.yaml added: "),
        "{}",
        flash(&rt)
    );
}

#[test]
fn a_config_change_applies_and_a_bad_one_is_said() {
    let (_dir, root) = sample();
    let config_path = root.join("fleetdash.yaml");
    let mut rt = runtime(crate::config::load(&config_path).unwrap());
    let accent = rt.theme.accent;
    edit(&config_path, "accent: cyan", "accent: magenta", 1);
    let text = std::fs::read_to_string(&config_path).unwrap();
    let now = Instant::now();
    rt.handle(Event::Files(vec![config_path.clone()]), now);
    let now = settle(&mut rt, now);
    assert_ne!(rt.theme.accent, accent);
    assert!(rt.app.alerts.is_empty());

    // Caught empty half-way through a save: not applied either.
    std::fs::write(&config_path, "").unwrap();
    rt.handle(Event::Files(vec![config_path.clone()]), now);
    let now = settle(&mut rt, now);
    assert!(
        rt.app.alerts[0].ends_with("fleetdash.yaml: the file is empty"),
        "{:?}",
        rt.app.alerts
    );
    std::fs::write(&config_path, &text).unwrap();
    edit(&config_path, "mouse: true", "mouse: [", 1);
    rt.handle(Event::Files(vec![config_path.clone()]), now);
    let now = settle(&mut rt, now);
    assert!(
        rt.app.alerts[0].starts_with("config not applied, last good kept: "),
        "{:?}",
        rt.app.alerts
    );

    // Another status folder: the set is read from it.
    let other = root.join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::rename(
        root.join("status/queue-roanne.yaml"),
        other.join("queue-roanne.yaml"),
    )
    .unwrap();
    edit(&config_path, "mouse: [", "mouse: true", 1);
    edit(&config_path, "  - status\n", "  - status\n  - other\n", 1);
    rt.handle(Event::Files(vec![config_path.clone()]), now);
    settle(&mut rt, now);
    assert!(rt.app.alerts.is_empty(), "{:?}", rt.app.alerts);
    assert_eq!(rt.app.data.snapshot.files.len(), 5);
    assert!(flash(&rt).contains("status from"), "{}", flash(&rt));
}

#[test]
fn the_forecast_uses_the_configs_window_and_follows_its_change() {
    let (_dir, root) = sample();
    let config_path = root.join("fleetdash.yaml");
    edit(&config_path, "window_months: 6", "window_months: 9", 1);
    let mut rt = runtime(crate::config::load(&config_path).unwrap());
    assert_eq!(rt.app.data.forecast.window_months, 9);
    // Only the window changes: no status file is read again, the forecast still is.
    edit(&config_path, "window_months: 9", "window_months: 3", 1);
    let now = Instant::now();
    rt.handle(Event::Files(vec![config_path.clone()]), now);
    settle(&mut rt, now);
    assert_eq!(rt.app.data.forecast.window_months, 3);
    assert!(rt.app.alerts.is_empty(), "{:?}", rt.app.alerts);
}

#[test]
fn status_folders_from_the_command_line_outlive_a_config_change() {
    let (_dir, root) = sample();
    let config_path = root.join("fleetdash.yaml");
    let mut config = crate::config::load(&config_path).unwrap();
    config.status = vec![root.join("status/plan.yaml")];
    let mut rt = rig(Options {
        config,
        today: Date::from_ymd_opt(2026, 11, 26),
        status_from_cli: true,
    });
    edit(&config_path, "accent: cyan", "accent: magenta", 1);
    let now = Instant::now();
    rt.handle(Event::Files(vec![config_path]), now);
    settle(&mut rt, now);
    assert_eq!(rt.app.data.snapshot.files.len(), 1);
}
