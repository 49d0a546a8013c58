//! The dashboard's event loop: one channel, one thread per source, a redraw only after
//! something changed. Idle, the loop sleeps in `recv` until a key, a file change or the
//! next timer it set itself (a debounce deadline, the end of a flash, a poll, midnight).
//!
//! File events are debounced here rather than in a debouncer thread, whose tick would
//! wake the process several times a second while nothing changes. How reload works and
//! what it survives is told in `docs/RELOAD.md`.

use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::io::{self, Write as _};
use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, Instant, SystemTime};

use crossterm::event::{self as ct, MouseButton, MouseEventKind};

use crate::app::{Action, App, Data, Effect};
use crate::config::Config;
use crate::domain::{Date, changes};
use crate::event::Event;
use crate::keymap;
use crate::status::{FileHealth, Loader, Snapshot};
use crate::tui::Tui;
use crate::ui::{Theme, tabs};
use crate::watch::{self, Targets, Watcher, same_file};

/// Quiet time after the last file event before reloading: editors write in bursts.
pub const DEBOUNCE: Duration = Duration::from_millis(60);
/// The longest a reload waits while events keep coming.
pub const MAX_DELAY: Duration = Duration::from_millis(200);
/// How often the set is checked when some change may go unreported.
pub const POLL_EVERY: Duration = Duration::from_secs(2);

/// Names a file to which every reload is logged, one line each (see `docs/RELOAD.md`).
pub const TRACE_VAR: &str = "FLEETDASH_TRACE";
/// In debug builds only, makes the loop panic after its first frame, so that tests can
/// check the terminal is restored after a panic.
pub const TEST_PANIC_VAR: &str = "FLEETDASH_TEST_PANIC";

/// What the dashboard runs on.
#[derive(Debug, Clone)]
pub struct Options {
    pub config: Config,
    /// `--today`: a fixed day instead of the clock's.
    pub today: Option<Date>,
    /// The status folders came from the command line: a config change keeps them.
    pub status_from_cli: bool,
}

/// Runs the dashboard until the user quits or a signal ends it.
pub fn run(options: Options) -> io::Result<()> {
    let (tx, rx) = mpsc::channel();
    spawn_input(tx.clone());
    spawn_signals(tx.clone());
    let mut state = Runtime::new(options);
    if let Some(path) = std::env::var_os(TRACE_VAR) {
        state.trace = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .ok();
    }
    state.start_watching(tx, Instant::now());
    let panic_on_purpose = cfg!(debug_assertions) && std::env::var_os(TEST_PANIC_VAR).is_some();

    crate::tui::install_panic_hook();
    let mut tui = Tui::enter(state.app.mouse)?;
    let mut todo = Todo::redraw();
    loop {
        if todo.repaint {
            tui.clear()?;
        }
        if todo.resize {
            tui.autoresize()?;
        }
        tui.set_mouse(state.app.mouse)?;
        if todo.redraw || todo.repaint || todo.resize {
            tui.draw(&mut state.app, &state.theme)?;
        }
        if panic_on_purpose {
            panic!("{TEST_PANIC_VAR} is set: panicking on purpose after the first frame");
        }
        let event = match state.next_wake() {
            Some(at) => rx.recv_timeout(at.saturating_duration_since(Instant::now())),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        let now = Instant::now();
        todo = match event {
            Ok(event) => state.handle(event, now),
            Err(RecvTimeoutError::Timeout) => state.on_timers(now),
            Err(RecvTimeoutError::Disconnected) => break,
        };
        if todo.quit {
            break;
        }
    }
    drop(tui);
    Ok(())
}

/// What the loop must do to the terminal after an event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Todo {
    redraw: bool,
    /// Forget what is on screen and draw every cell (Ctrl-L).
    repaint: bool,
    /// The terminal changed size.
    resize: bool,
    quit: bool,
}

impl Todo {
    fn redraw() -> Todo {
        Todo {
            redraw: true,
            ..Todo::default()
        }
    }

    fn redraw_if(changed: bool) -> Todo {
        Todo {
            redraw: changed,
            ..Todo::default()
        }
    }
}

/// Changes seen by the watcher and not yet reloaded, with the debounce deadline.
#[derive(Debug, Default)]
struct Pending {
    files: HashSet<PathBuf>,
    /// A folder came or went: set the watches again before reloading.
    folders: bool,
    first: Option<Instant>,
    deadline: Option<Instant>,
}

impl Pending {
    /// Notes a change at `now`: the reload waits for [`DEBOUNCE`] of quiet, but never
    /// more than [`MAX_DELAY`] after the first change of a burst.
    fn touch(&mut self, now: Instant) {
        let first = *self.first.get_or_insert(now);
        self.deadline = Some((now + DEBOUNCE).min(first + MAX_DELAY));
    }

    fn is_due(&self, now: Instant) -> bool {
        self.deadline.is_some_and(|d| d <= now)
    }
}

/// What a reload reads again besides the files whose size or time changed.
enum Force {
    /// Nothing more: a poll, a new day, a check after the watches were set.
    Stamps,
    /// The files the watcher saw change, however it spelled their paths.
    Files(HashSet<PathBuf>),
    /// Every file: lost events, a key press, new limits.
    All,
}

/// Everything the loop keeps between events.
pub struct Runtime {
    pub app: App,
    /// The colours the screen is drawn in, from the config.
    pub theme: Theme,
    loader: Loader,
    config: Config,
    status_from_cli: bool,
    fixed_today: Option<Date>,
    today: Date,
    pending: Pending,
    /// Where watcher events go; `None` until watching starts.
    watch_tx: Option<Sender<Event>>,
    watcher: Option<Watcher>,
    /// Why the set is also checked every [`POLL_EVERY`]; empty while the watches cover it.
    poll_reasons: Vec<String>,
    next_poll: Option<Instant>,
    /// The config's size and time when last read, to see it change while polling.
    config_stamp: Option<(u64, Option<SystemTime>)>,
    /// Why the latest config change was not applied, until a good one is.
    config_problem: Option<String>,
    /// Says that the config was applied, for the flash of the reload that follows.
    config_note: Option<String>,
    /// Files gone since they were last seen, until they come back.
    removed: BTreeSet<String>,
    reloads: u64,
    started: Instant,
    trace: Option<std::fs::File>,
}

impl Runtime {
    /// Loads the set; nothing is watched until [`Runtime::start_watching`].
    pub fn new(options: Options) -> Self {
        let today = options.today.unwrap_or_else(crate::check::clock_today);
        let mut loader = Loader::new(options.config.status.clone(), options.config.limits);
        let data = Data::with_window(
            loader.load(today),
            today,
            options.config.forecast_window_months,
        );
        let (theme, bad) = Theme::from_config(&options.config.theme, Theme::no_color_requested());
        let mut app = App::new(data);
        // The views' first build freed its scratch memory after the loader gave the
        // parser's back: give that back too before the dashboard settles.
        crate::mem::release_free_memory();
        app.mouse = options.config.mouse;
        app.live = true;
        if let Some(first) = bad.first() {
            app.flash(first.clone(), Instant::now());
        }
        let config_stamp = options.config.path.as_deref().and_then(file_stamp);
        Runtime {
            app,
            theme,
            loader,
            config: options.config,
            status_from_cli: options.status_from_cli,
            fixed_today: options.today,
            today,
            pending: Pending::default(),
            watch_tx: None,
            watcher: None,
            poll_reasons: Vec::new(),
            next_poll: None,
            config_stamp,
            config_problem: None,
            config_note: None,
            removed: BTreeSet::new(),
            reloads: 0,
            started: Instant::now(),
            trace: None,
        }
    }

    /// How many reloads read the files since the start.
    pub fn reloads(&self) -> u64 {
        self.reloads
    }

    fn targets(&self) -> Targets {
        Targets {
            sources: self.config.status.clone(),
            config: self.config.path.clone(),
        }
    }

    /// Starts watching the set; changes arrive on `tx`.
    pub fn start_watching(&mut self, tx: Sender<Event>, now: Instant) {
        self.watch_tx = Some(tx);
        self.rewatch(now);
        // A change between the first load and the watches being set was seen by nobody.
        self.reload(Force::Stamps, "watch", now);
    }

    /// Sets every watch again (a folder came or went, the config named other folders).
    fn rewatch(&mut self, now: Instant) {
        let Some(tx) = self.watch_tx.clone() else {
            return;
        };
        let result = watch::start(&self.targets(), tx);
        // The old watches go only once the new ones are set, so no change falls between.
        self.watcher = None;
        self.poll_reasons.clear();
        match result {
            Ok(w) => {
                self.poll_reasons.clone_from(&w.poll_reasons);
                let folders: Vec<String> =
                    w.folders.iter().map(|f| f.display().to_string()).collect();
                self.trace(format_args!(
                    "watch folders=[{}] poll=[{}]",
                    folders.join(", "),
                    w.poll_reasons.join("; ")
                ));
                self.watcher = Some(w);
            }
            Err(why) => {
                self.trace(format_args!("watch failed: {why}"));
                self.poll_reasons
                    .push(format!("cannot watch the files ({why})"));
            }
        }
        self.refresh_alerts(now);
    }

    /// The lasting notes of the status line, from what the runtime knows now.
    fn refresh_alerts(&mut self, now: Instant) {
        let mut alerts = Vec::new();
        if let Some(first) = self.poll_reasons.first() {
            let more = match self.poll_reasons.len() {
                1 => String::new(),
                n => format!(" (+{} more)", n - 1),
            };
            alerts.push(format!(
                "checking every {}s: {first}{more}",
                POLL_EVERY.as_secs()
            ));
            self.next_poll.get_or_insert(now + POLL_EVERY);
        } else {
            self.next_poll = None;
        }
        alerts.extend(self.config_problem.clone());
        self.app.alerts = alerts;
    }

    fn clock_today(&self) -> Date {
        self.fixed_today.unwrap_or_else(crate::check::clock_today)
    }

    /// The earliest timer: a reload deadline, the end of a flash, a poll, midnight.
    fn next_wake(&self) -> Option<Instant> {
        let midnight = self.fixed_today.is_none().then(next_midnight);
        [
            self.pending.deadline,
            self.app.flash.as_ref().map(|f| f.until),
            self.next_poll,
            midnight,
        ]
        .into_iter()
        .flatten()
        .min()
    }

    /// Handles one event from the channel.
    fn handle(&mut self, event: Event, now: Instant) -> Todo {
        match event {
            Event::Key(key) => {
                let Some(action) = keymap::action(key, self.app.view, self.app.is_typing()) else {
                    return Todo::default();
                };
                match self.app.update(action) {
                    Effect::Quit => Todo {
                        quit: true,
                        ..Todo::default()
                    },
                    Effect::None => Todo::default(),
                    Effect::Redraw => Todo::redraw(),
                    Effect::Reload => {
                        // Also the moment to try watching again what could not be.
                        self.rewatch(now);
                        self.reload(Force::All, "key", now);
                        Todo::redraw()
                    }
                    Effect::Repaint => Todo {
                        repaint: true,
                        ..Todo::default()
                    },
                }
            }
            Event::Mouse(m) if self.app.mouse => Todo::redraw_if(self.mouse(m)),
            Event::Mouse(_) => Todo::default(),
            Event::Resize => Todo {
                resize: true,
                ..Todo::default()
            },
            Event::Files(paths) => {
                self.pending.files.extend(paths);
                self.pending.touch(now);
                Todo::default()
            }
            Event::Folders => {
                self.pending.folders = true;
                self.pending.touch(now);
                Todo::default()
            }
            Event::Rescan(why) => {
                self.trace(format_args!("rescan: {why}"));
                self.pending = Pending::default();
                self.rewatch(now);
                self.apply_config_if_changed(now);
                self.reload(Force::All, "rescan", now);
                self.app.flash(format!("{why}: read every file again"), now);
                Todo::redraw()
            }
            Event::WatchFailed(why) => {
                self.trace(format_args!("watcher failed: {why}"));
                let reason = format!("the watcher failed ({why})");
                if !self.poll_reasons.contains(&reason) {
                    self.poll_reasons.push(reason);
                }
                self.refresh_alerts(now);
                self.apply_config_if_changed(now);
                self.reload(Force::All, "rescan", now);
                Todo::redraw()
            }
            Event::Terminate => Todo {
                quit: true,
                ..Todo::default()
            },
        }
    }

    /// Handles every timer that is due.
    fn on_timers(&mut self, now: Instant) -> Todo {
        let mut changed = false;
        if self.pending.is_due(now) {
            self.apply_pending(now);
            changed = true;
        }
        if self.next_poll.is_some_and(|p| p <= now) {
            self.next_poll = Some(now + POLL_EVERY);
            changed |= self.apply_config_if_changed(now);
            changed |= self.reload(Force::Stamps, "poll", now);
        }
        changed |= self.app.expire_flash(now);
        let today = self.clock_today();
        if today != self.today {
            self.today = today;
            self.reload(Force::Stamps, "day", now);
            self.refresh_data();
            changed = true;
        }
        Todo::redraw_if(changed)
    }

    /// Reloads what the watcher saw change; reads the config again when it changed.
    fn apply_pending(&mut self, now: Instant) {
        let pending = std::mem::take(&mut self.pending);
        let config_changed = self
            .config
            .path
            .as_deref()
            .is_some_and(|c| pending.files.iter().any(|p| same_file(c, p)));
        let mut force = Force::Files(pending.files);
        if config_changed {
            self.config_stamp = self.config.path.as_deref().and_then(file_stamp);
            if self.apply_config(now) {
                force = Force::All;
            }
        }
        if pending.folders {
            self.rewatch(now);
        }
        self.reload(
            force,
            if pending.folders { "folders" } else { "files" },
            now,
        );
    }

    /// Reads the config again if its size or time changed (while polling).
    fn apply_config_if_changed(&mut self, now: Instant) -> bool {
        let stamp = self.config.path.as_deref().and_then(file_stamp);
        if stamp == self.config_stamp {
            return false;
        }
        self.config_stamp = stamp;
        let force = if self.apply_config(now) {
            Force::All
        } else {
            Force::Stamps
        };
        self.reload(force, "config", now);
        true
    }

    /// Reads the config and applies what it says; a config that does not load leaves the
    /// last good one in force and says why. True when every file must be read again.
    fn apply_config(&mut self, now: Instant) -> bool {
        let Some(path) = self.config.path.clone() else {
            return false;
        };
        let shown = crate::status::display_name(&path);
        // Empty, a config means the defaults; emptied while the dashboard runs, it is much
        // more likely a save caught half-way, and its defaults could name other folders.
        let emptied = std::fs::read_to_string(&path)
            .is_ok_and(|text| crate::status::yaml::is_blank(&text))
            .then(|| format!("{shown}: the file is empty"));
        let loaded = match emptied {
            Some(why) => Err(why),
            None => crate::config::load(&path).map_err(|e| e.to_string()),
        };
        let mut new = match loaded {
            Ok(new) => new,
            Err(e) => {
                self.trace(format_args!("config not applied: {e}"));
                self.config_problem = Some(format!("config not applied, last good kept: {e}"));
                self.refresh_alerts(now);
                return false;
            }
        };
        if self.status_from_cli {
            new.status.clone_from(&self.config.status);
        }
        self.config_problem = None;
        let (theme, bad) = Theme::from_config(&new.theme, Theme::no_color_requested());
        self.theme = theme;
        self.app.mouse = new.mouse;
        let sources_changed = new.status != self.config.status;
        let limits_changed = new.limits != self.config.limits;
        let window_changed = new.forecast_window_months != self.config.forecast_window_months;
        self.loader.set_sources(new.status.clone(), new.limits);
        self.config = new;
        if window_changed {
            // The files need not be read again for a new window, but the forecast does.
            self.refresh_data();
        }
        if sources_changed {
            // Files of the folders left behind are not "removed": they are not wanted.
            self.removed.clear();
            self.rewatch(now);
        }
        self.refresh_alerts(now);
        let mut note = format!("{shown} applied");
        if sources_changed {
            note.push_str(", status from ");
            let folders: Vec<String> = self
                .config
                .status
                .iter()
                .map(|s| crate::status::display_name(s))
                .collect();
            note.push_str(&folders.join(", "));
        }
        if let Some(b) = bad.first() {
            note.push_str(&format!("; {b}"));
        }
        // Shown by the reload that follows, with what changed in the set.
        self.config_note = Some(note);
        self.trace(format_args!(
            "config applied sources_changed={sources_changed}"
        ));
        sources_changed || limits_changed
    }

    /// Works the figures and the forecast out again on the loaded set, for a new day or
    /// a new forecast window.
    fn refresh_data(&mut self) {
        let data = Data::with_window(
            self.app.data.snapshot.clone(),
            self.today,
            self.config.forecast_window_months,
        );
        self.app.set_data(data);
        crate::mem::release_free_memory();
    }

    /// Loads the set again and shows what changed. True when the screen changed.
    fn reload(&mut self, force: Force, why: &str, now: Instant) -> bool {
        let started = Instant::now();
        let old = &self.app.data.snapshot;
        let force: HashSet<PathBuf> = match force {
            Force::Stamps => HashSet::new(),
            Force::All => old.files.iter().map(|f| f.path.clone()).collect(),
            // The loader knows files by the path it listed them under, the watcher by
            // an absolute one: match whatever the spelling.
            Force::Files(changed) => old
                .files
                .iter()
                .filter(|f| changed.iter().any(|c| same_file(&f.path, c)))
                .map(|f| f.path.clone())
                .collect(),
        };
        let mut snapshot = self.loader.load_forcing(self.today, &force);
        let unchanged = snapshot.reread.is_empty()
            && snapshot.removed.is_empty()
            && snapshot.problems == old.problems;
        let mut flash = (!unchanged).then(|| flash_text(old, &snapshot)).flatten();
        if let Some(note) = self.config_note.take() {
            // After a config change, the files read are no news; what changed in them is.
            let words = changes::describe(&old.programme, &snapshot.programme);
            flash = Some(if words.is_empty() {
                note
            } else {
                format!("{note}: {}", words.join(", "))
            });
        }
        self.trace(format_args!(
            "reload why={why} reread=[{}] removed=[{}] took={}us{}",
            snapshot.reread.join(", "),
            snapshot.removed.join(", "),
            started.elapsed().as_micros(),
            if unchanged { " unchanged" } else { "" }
        ));
        if unchanged {
            if let Some(text) = flash {
                self.app.flash(text, now);
                return true;
            }
            return false;
        }
        self.reloads += 1;
        // A removed file stays noted (in the Problems view) until it comes back.
        self.removed.extend(snapshot.removed.iter().cloned());
        for f in &snapshot.files {
            self.removed.remove(&f.name);
        }
        snapshot.removed = self.removed.iter().cloned().collect();
        self.app.set_data(Data::with_window(
            snapshot,
            self.today,
            self.config.forecast_window_months,
        ));
        // The old data and the scratch memory of the new are freed: give it back, so that
        // the dashboard stays at its size over days of reloads (0.2-0.3 ms).
        crate::mem::release_free_memory();
        if let Some(text) = flash {
            self.app.flash(text, now);
        }
        true
    }

    fn trace(&mut self, what: fmt::Arguments) {
        if let Some(file) = &mut self.trace {
            let ms = self.started.elapsed().as_millis();
            // A trace that cannot be written is not worth stopping the dashboard for.
            let _ = writeln!(file, "{ms:>8} ms {what}");
        }
    }

    /// Handles a mouse event; true when the screen must be redrawn.
    fn mouse(&mut self, m: ct::MouseEvent) -> bool {
        let action = match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
            MouseEventKind::Down(MouseButton::Left) if m.row == 0 => {
                let (w, h) = crossterm::terminal::size().unwrap_or((80, 24));
                tabs::hit(&self.app, ratatui::layout::Rect::new(0, 0, w, h), m.column)
                    .map(Action::Show)
            }
            _ => None,
        };
        action.is_some_and(|a| self.app.update(a) != Effect::None)
    }
}

/// The flash after a reload: which files, and what changed in the programme's words,
/// e.g. `queue-seraing.yaml: 2 vehicles moved to Paint`.
fn flash_text(old: &Snapshot, new: &Snapshot) -> Option<String> {
    let short = |n: &String| n.rsplit('/').next().unwrap_or(n).to_owned();
    let (mut read, mut added, mut failing) = (Vec::new(), Vec::new(), Vec::new());
    for name in &new.reread {
        let was_there = old.files.iter().any(|f| &f.name == name);
        let fails = new
            .files
            .iter()
            .any(|f| &f.name == name && matches!(f.health, FileHealth::Stale { .. }));
        match (was_there, fails) {
            (_, true) => failing.push(short(name)),
            (false, false) => added.push(short(name)),
            (true, false) => read.push(short(name)),
        }
    }
    let removed: Vec<String> = new.removed.iter().map(short).collect();
    // Two names say more than a count; a whole folder is a count.
    let list = |names: &[String], what: &str| match names.len() {
        0 => None,
        1 | 2 => Some(format!("{}{what}", names.join(", "))),
        n => Some(format!("{n} files{what}")),
    };
    let only_read = added.is_empty() && failing.is_empty() && removed.is_empty();
    let files: Vec<String> = [
        list(&read, ""),
        list(&added, " added"),
        list(&failing, " not applied"),
        list(&removed, " removed"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let words = changes::describe(&old.programme, &new.programme);
    match (files.is_empty(), words.is_empty()) {
        (true, true) => None,
        (true, false) => Some(words.join(", ")),
        (false, true) if only_read => Some(format!("reloaded {}", files.join(", "))),
        (false, true) => Some(files.join(", ")),
        (false, false) => Some(format!("{}: {}", files.join(", "), words.join(", "))),
    }
}

fn file_stamp(path: &std::path::Path) -> Option<(u64, Option<SystemTime>)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

/// The next local midnight, when the figures' day changes.
fn next_midnight() -> Instant {
    let now = chrono::Local::now();
    let tomorrow = now
        .date_naive()
        .succ_opt()
        .and_then(|d| d.and_hms_opt(0, 0, 1));
    let wait = tomorrow
        .map(|t| {
            (t - now.naive_local())
                .to_std()
                .unwrap_or(Duration::from_secs(60))
        })
        .unwrap_or(Duration::from_secs(3600));
    Instant::now() + wait
}

/// Reads the terminal's input on its own thread; stops when the loop has gone.
fn spawn_input(tx: Sender<Event>) {
    std::thread::spawn(move || {
        loop {
            let event = match ct::read() {
                Ok(ct::Event::Key(k)) => Event::Key(k),
                Ok(ct::Event::Mouse(m)) => Event::Mouse(m),
                Ok(ct::Event::Resize(..)) => Event::Resize,
                Ok(_) => continue,
                Err(_) => {
                    // The terminal is gone: nothing more will be read from it.
                    let _ = tx.send(Event::Terminate);
                    break;
                }
            };
            if tx.send(event).is_err() {
                break;
            }
        }
    });
}

/// Turns SIGTERM, SIGHUP and SIGINT into a clean end of the loop.
fn spawn_signals(tx: Sender<Event>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        return;
    };
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Event::Terminate);
        }
    });
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;

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

    fn runtime(config: Config) -> Runtime {
        Runtime::new(Options {
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

    /// Runs the timers once the debounce is over.
    fn settle(rt: &mut Runtime, now: Instant) -> Instant {
        let due = rt.pending.deadline.expect("a reload is pending");
        assert!(!rt.pending.is_due(due - Duration::from_millis(1)));
        rt.on_timers(due.max(now));
        due
    }

    fn flash(rt: &Runtime) -> &str {
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
        edit(&file, "stage: acceptance", "stage: paint", 2);
        let now = Instant::now();
        rt.handle(Event::Files(vec![file.clone()]), now);
        settle(&mut rt, now);
        let names = &rt.app.data.snapshot.reread;
        assert_eq!(names.len(), 1, "{names:?}");
        assert!(names[0].ends_with("queue-seraing.yaml"), "{names:?}");
        assert_eq!(flash(&rt), "queue-seraing.yaml: 2 vehicles moved to Paint");
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
        assert!(
            rt.app.alerts[0].contains("checking every 2s: the watcher failed (inotify is broken)"),
            "{:?}",
            rt.app.alerts
        );
        assert_eq!(rt.next_wake(), Some(start + POLL_EVERY));
        // A poll with nothing changed reads nothing.
        assert!(!rt.on_timers(start + POLL_EVERY).redraw);
        edit(
            &root.join("status/queue-roanne.yaml"),
            "version: 1",
            "version: 1\n# longer now",
            1,
        );
        let later = start + POLL_EVERY * 2;
        assert!(rt.on_timers(later).redraw);
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
        let mut rt = Runtime::new(Options {
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
}
