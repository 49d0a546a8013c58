//! What the loop keeps between events ([`Runtime`]), and how each event and timer changes
//! it: keys become actions, file events wait out their debounce, finished loads replace
//! the data on screen, and while a load runs its progress is copied to the screen every
//! [`super::PROGRESS_EVERY`].

use std::ffi::OsStr;
use std::fmt;
use std::io::Write as _;
use std::path::Path;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant, SystemTime};

use super::filtering::{Filtering, SYNC_ROWS};
use super::progress::LoadClock;
use super::refreshing::Refreshing;
use super::reload::{Force, Gate, Reloader, Request, Sources};
use super::{Options, POLL_EVERY};
use crate::app::keymap;
use crate::app::loading::Loading;
use crate::app::{App, Data, Effect};
use crate::config::Config;
use crate::domain::Date;
use crate::event::Event;
use crate::status::Loader;
use crate::ui::Theme;
use crate::watch::Watcher;

mod landing;
mod pending;
pub(super) use landing::Landing;
pub(super) use pending::Pending;

/// What the loop must do to the terminal after an event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Todo {
    /// Draw a frame.
    pub redraw: bool,
    /// Forget what is on screen and draw every cell (Ctrl-L).
    pub repaint: bool,
    /// The terminal changed size.
    pub resize: bool,
    /// End the loop.
    pub quit: bool,
}

/// A file's size and modification time, to see it change while polling.
pub fn stamp(path: &Path) -> Option<(u64, Option<SystemTime>)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

impl Todo {
    /// Just a frame.
    pub fn redraw() -> Todo {
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

    fn quit() -> Todo {
        Todo {
            quit: true,
            ..Todo::default()
        }
    }
}

/// Everything the loop keeps between events.
pub struct Runtime {
    /// The state the views draw.
    pub app: App,
    /// The colours the screen is drawn in, from the config.
    pub theme: Theme,
    pub(super) reloader: Reloader,
    /// Runs the queue filter's large passes.
    pub(super) filtering: Filtering,
    /// Builds the views' states for new data, and drops the old.
    pub(super) refreshing: Refreshing,
    /// The loads whose data waits for its views' states: `None` when none waits.
    pub(super) landing: Option<Landing>,
    pub(super) config: Config,
    pub(super) status_from_cli: bool,
    fixed_today: Option<Date>,
    today: Date,
    pub(super) pending: Pending,
    /// Where watcher events go.
    pub(super) tx: Sender<Event>,
    /// Set by [`Runtime::start_watching`]; until then nothing is watched.
    pub(super) watching: bool,
    /// `None` until watching starts, or when no watch could be set.
    pub(super) watcher: Option<Watcher>,
    /// Why the set is also checked every [`POLL_EVERY`]; empty while the watches cover it.
    pub(super) poll_reasons: Vec<String>,
    pub(super) next_poll: Option<Instant>,
    /// The config's size and time when last read, to see it change while polling.
    pub(super) config_stamp: Option<(u64, Option<SystemTime>)>,
    /// Why the latest config change was not applied, until a good one is.
    pub(super) config_problem: Option<String>,
    /// Says what the reload that follows was for (a config applied, lost events), for its
    /// flash.
    pub(super) config_note: Option<String>,
    /// New sources for the loader, sent with the next request.
    pub(super) new_sources: Option<Sources>,
    /// The progress of the loads under way, taken while they run.
    pub(super) loads: LoadClock,
    pub(super) reloads: u64,
    started: Instant,
    trace: Option<std::fs::File>,
}

impl Runtime {
    /// [`Runtime::with_gate`] with no gate, and the first load asked for at once (for
    /// tests, which set no watches); it arrives on `tx` as [`Event::Loaded`].
    pub fn new(options: Options, tx: Sender<Event>) -> Self {
        let mut runtime = Runtime::with_gate(options, tx, None);
        runtime.reload(Force::Stamps, "start");
        runtime
    }

    /// Starts the loader thread, with `gate` run on it before each load, and the state of
    /// a dashboard that has loaded nothing yet: the loading screen. No file is read until
    /// the first request, which [`Runtime::start_watching`] posts once the watches are
    /// set; the first load then comes on `tx` as [`Event::Loaded`].
    pub fn with_gate(options: Options, tx: Sender<Event>, gate: Option<Gate>) -> Self {
        Runtime::with_gates(options, tx, gate, None)
    }

    /// [`Runtime::with_gate`], with `refresh_gate` run on the refreshing thread before it
    /// builds the views' states for a load's data (tests hold a refresh back with it).
    pub fn with_gates(
        options: Options,
        tx: Sender<Event>,
        gate: Option<Gate>,
        refresh_gate: Option<Gate>,
    ) -> Self {
        let today = options.today.unwrap_or_else(crate::check::clock_today);
        let window = options.config.forecast_window_months;
        let loader = Loader::new(options.config.status.clone(), options.config.limits);
        let loads = LoadClock::new(loader.progress());
        let reloader = Reloader::spawn(loader, tx.clone(), gate);
        let (theme, bad) = Theme::from_config(&options.config.theme, Theme::no_color_requested());
        let mut app = App::new(Data::with_window(super::reload::nothing(), today, window));
        app.loading = Some(Loading::first(super::progress::names(
            &options.config.status,
        )));
        app.queue.set_background(Some(SYNC_ROWS));
        app.mouse = options.config.mouse;
        app.live = true;
        if let Some(first) = bad.first() {
            app.flash(first.clone(), Instant::now());
        }
        let config_stamp = options.config.path.as_deref().and_then(stamp);
        Runtime {
            app,
            theme,
            reloader,
            filtering: Filtering::spawn(tx.clone()),
            refreshing: Refreshing::spawn(tx.clone(), refresh_gate),
            landing: None,
            config: options.config,
            status_from_cli: options.status_from_cli,
            fixed_today: options.today,
            today,
            pending: Pending::default(),
            tx,
            watching: false,
            watcher: None,
            poll_reasons: Vec::new(),
            next_poll: None,
            config_stamp,
            config_problem: None,
            config_note: None,
            new_sources: None,
            loads,
            reloads: 0,
            started: Instant::now(),
            trace: None,
        }
    }

    /// Logs every reload to the file at `path` (appended; see `docs/RELOAD.md`).
    pub fn open_trace(&mut self, path: &OsStr) {
        self.trace = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .ok();
    }

    /// How many loads changed the data since the start.
    pub fn reloads(&self) -> u64 {
        self.reloads
    }

    fn clock_today(&self) -> Date {
        self.fixed_today.unwrap_or_else(crate::check::clock_today)
    }

    /// The earliest timer: a reload deadline, the end of a flash, a poll, midnight, the
    /// next copy of a running load's progress.
    pub fn next_wake(&self) -> Option<Instant> {
        let midnight = self.fixed_today.is_none().then(next_midnight);
        [
            self.loads.next,
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
    pub fn handle(&mut self, event: Event, now: Instant) -> Todo {
        match event {
            Event::Key(key) => {
                let Some(action) = keymap::action(key, self.app.view, self.app.is_typing()) else {
                    return Todo::default();
                };
                let effect = self.app.update(action);
                self.filtering.hand_over(&mut self.app.queue);
                match effect {
                    Effect::Quit => Todo::quit(),
                    Effect::None => Todo::default(),
                    Effect::Redraw => Todo::redraw(),
                    Effect::Reload => {
                        // Also the moment to try watching again what could not be.
                        self.rewatch(now);
                        self.reload(Force::All, "key");
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
                // Said when the load is done, with what it found changed.
                self.config_note = Some(format!("{why}: read every file again"));
                self.reload(Force::All, "rescan");
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
                self.reload(Force::All, "rescan");
                Todo::redraw()
            }
            Event::Loaded(loaded) => self.apply_loaded(*loaded, now),
            Event::Refreshed(refreshed) => self.land(*refreshed, now),
            Event::Filtered(outcome) => {
                Todo::redraw_if(self.app.queue.filtered(*outcome, &self.app.data))
            }
            Event::Terminate => Todo::quit(),
        }
    }

    /// Handles every timer that is due.
    pub fn on_timers(&mut self, now: Instant) -> Todo {
        let mut changed = false;
        // First, so that a load asked for below is not counted before it began.
        changed |= self.loads.tick(&mut self.app, now);
        if self.pending.is_due(now) {
            // The config may have changed the alerts or the theme; the load comes later.
            self.apply_pending(now);
            changed = true;
        }
        if self.next_poll.is_some_and(|p| p <= now) {
            self.next_poll = Some(now + POLL_EVERY);
            changed |= self.apply_config_if_changed(now);
            self.reload(Force::Stamps, "poll");
        }
        changed |= self.app.expire_flash(now);
        let today = self.clock_today();
        if today != self.today {
            self.today = today;
            self.reload(Force::Stamps, "day");
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
            .is_some_and(|c| pending.files.iter().any(|p| crate::watch::same_file(c, p)));
        let mut force = Force::Files(pending.files);
        if config_changed {
            self.config_stamp = self.config.path.as_deref().and_then(stamp);
            if self.apply_config(now) {
                force = Force::All;
            }
        }
        if pending.folders {
            self.rewatch(now);
        }
        self.reload(force, if pending.folders { "folders" } else { "files" });
    }

    /// Asks the loader thread for a load; its result comes back as [`Event::Loaded`].
    /// Until the last load asked for has landed, the load's progress is copied to the
    /// screen every [`PROGRESS_EVERY`].
    pub(super) fn reload(&mut self, force: Force, why: &str) {
        self.loads
            .asked(&mut self.app, &self.config.status, Instant::now());
        self.reloader.post(Request {
            force,
            why: why.to_owned(),
            today: self.today,
            window_months: self.config.forecast_window_months,
            sources: self.new_sources.take(),
            note: self.config_note.take(),
        });
    }

    pub(super) fn trace(&mut self, what: fmt::Arguments) {
        if let Some(file) = &mut self.trace {
            let ms = self.started.elapsed().as_millis();
            // A trace that cannot be written is not worth stopping the dashboard for.
            let _ = writeln!(file, "{ms:>8} ms {what}");
        }
    }
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
