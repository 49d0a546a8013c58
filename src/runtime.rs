//! The dashboard's event loop: one channel, one thread per source, a redraw only after
//! something changed. Idle, the loop sleeps in `recv` until a key, a file change or the
//! next timer it set itself (a debounce deadline, the end of a flash, midnight).

use std::collections::HashSet;
use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crossterm::event::{self as ct, MouseButton, MouseEventKind};

use crate::app::{Action, App, Data, Effect};
use crate::config::Config;
use crate::domain::{Date, changes};
use crate::event::Event;
use crate::keymap;
use crate::status::Loader;
use crate::tui::Tui;
use crate::ui::{Theme, tabs};
use crate::watch::{self, Targets};

/// Quiet time after the last file event before reloading: editors write in bursts.
pub const DEBOUNCE: Duration = Duration::from_millis(60);
/// The longest a reload waits while events keep coming.
pub const MAX_DELAY: Duration = Duration::from_millis(200);
/// How often the set is rescanned when no watch could be set.
pub const POLL_EVERY: Duration = Duration::from_secs(2);

/// What the dashboard runs on.
#[derive(Debug, Clone)]
pub struct Options {
    pub config: Config,
    /// `--today`: a fixed day instead of the clock's.
    pub today: Option<Date>,
}

/// Runs the dashboard until the user quits or a signal ends it.
pub fn run(options: Options) -> io::Result<()> {
    let mut state = Runtime::new(options);
    let (tx, rx) = mpsc::channel();
    spawn_input(tx.clone());
    spawn_signals(tx.clone());
    let watcher = watch::start(state.targets(), tx.clone());
    if let Err(e) = &watcher {
        state.polling = true;
        state.app.flash(
            format!(
                "cannot watch the files ({e}): rescanning every {}s",
                POLL_EVERY.as_secs()
            ),
            Instant::now(),
        );
    }
    let mut _watcher = watcher.ok();

    crate::tui::install_panic_hook();
    let mut tui = Tui::enter(state.app.mouse)?;
    let mut dirty = true;
    loop {
        if dirty {
            tui.draw(&mut state.app)?;
            dirty = false;
        }
        let event = match state.next_wake() {
            Some(at) => rx.recv_timeout(at.saturating_duration_since(Instant::now())),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        let now = Instant::now();
        match event {
            Ok(Event::Key(key)) => {
                let Some(action) = keymap::action(key, state.app.view, state.app.is_typing())
                else {
                    continue;
                };
                match state.app.update(action) {
                    Effect::Quit => break,
                    Effect::None => {}
                    Effect::Redraw => dirty = true,
                    Effect::Reload => {
                        state.reload(true, now);
                        dirty = true;
                    }
                    Effect::Repaint => {
                        tui.clear()?;
                        dirty = true;
                    }
                }
            }
            Ok(Event::Mouse(m)) if state.app.mouse => dirty |= state.mouse(m),
            Ok(Event::Mouse(_)) => {}
            Ok(Event::Resize) => {
                tui.autoresize()?;
                dirty = true;
            }
            Ok(Event::Files(paths)) => state.queue_files(paths, now),
            Ok(Event::Rescan(why)) => {
                state.reload(true, now);
                state
                    .app
                    .flash(format!("{why}: read every file again"), now);
                dirty = true;
            }
            Ok(Event::WatchFailed(why)) => {
                state.polling = true;
                state.app.flash(
                    format!("{why}: rescanning every {}s", POLL_EVERY.as_secs()),
                    now,
                );
                dirty = true;
            }
            Ok(Event::Terminate) => break,
            Err(RecvTimeoutError::Timeout) => {
                if state.on_timers(now, &mut tui)? {
                    _watcher = watch::start(state.targets(), tx.clone()).ok();
                }
                dirty = true;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    drop(tui);
    Ok(())
}

/// Everything the loop keeps between events.
struct Runtime {
    app: App,
    loader: Loader,
    config: Config,
    fixed_today: Option<Date>,
    today: Date,
    /// Files seen changing, not yet reloaded.
    pending: HashSet<PathBuf>,
    /// When the first pending change arrived, and when to reload.
    first_pending: Option<Instant>,
    deadline: Option<Instant>,
    polling: bool,
    next_poll: Option<Instant>,
}

impl Runtime {
    fn new(options: Options) -> Self {
        let today = options.today.unwrap_or_else(crate::check::clock_today);
        let mut loader = Loader::new(options.config.status.clone(), options.config.limits);
        let data = Data::new(loader.load(today), today);
        let (theme, bad) = Theme::from_config(&options.config.theme, Theme::no_color_requested());
        let mut app = App::new(data, theme);
        app.mouse = options.config.mouse;
        app.live = true;
        if let Some(first) = bad.first() {
            app.flash(first.clone(), Instant::now());
        }
        Runtime {
            app,
            loader,
            config: options.config,
            fixed_today: options.today,
            today,
            pending: HashSet::new(),
            first_pending: None,
            deadline: None,
            polling: false,
            next_poll: None,
        }
    }

    fn targets(&self) -> Targets {
        Targets {
            sources: self.config.status.clone(),
            config: self.config.path.clone(),
        }
    }

    fn clock_today(&self) -> Date {
        self.fixed_today.unwrap_or_else(crate::check::clock_today)
    }

    /// The earliest timer: a reload deadline, the end of a flash, a poll, midnight.
    fn next_wake(&mut self) -> Option<Instant> {
        if self.polling && self.next_poll.is_none() {
            self.next_poll = Some(Instant::now() + POLL_EVERY);
        }
        let midnight = self.fixed_today.is_none().then(next_midnight);
        [
            self.deadline,
            self.app.flash.as_ref().map(|f| f.until),
            self.next_poll,
            midnight,
        ]
        .into_iter()
        .flatten()
        .min()
    }

    fn queue_files(&mut self, paths: Vec<PathBuf>, now: Instant) {
        self.pending.extend(paths);
        let first = *self.first_pending.get_or_insert(now);
        self.deadline = Some((now + DEBOUNCE).min(first + MAX_DELAY));
    }

    /// Handles every timer that is due; true when the watcher must be set up again.
    fn on_timers(&mut self, now: Instant, tui: &mut Tui) -> io::Result<bool> {
        let mut rewatch = false;
        if self.deadline.is_some_and(|d| d <= now) {
            rewatch = self.apply_pending(now, tui)?;
        }
        if self.next_poll.is_some_and(|p| p <= now) {
            self.next_poll = None;
            self.reload(false, now);
        }
        self.app.expire_flash(now);
        let today = self.clock_today();
        if today != self.today {
            self.today = today;
            self.reload(false, now);
        }
        Ok(rewatch)
    }

    /// Reloads what changed; reads the config again when it is among the changes.
    fn apply_pending(&mut self, now: Instant, tui: &mut Tui) -> io::Result<bool> {
        self.deadline = None;
        self.first_pending = None;
        let changed: HashSet<PathBuf> = std::mem::take(&mut self.pending);
        let config_changed = self.config.path.as_ref().is_some_and(|c| {
            changed.iter().any(|p| {
                p.file_name() == c.file_name() && p.ends_with(c.file_name().unwrap_or_default())
            })
        });
        let mut rewatch = false;
        if config_changed && let Some(path) = self.config.path.clone() {
            match crate::config::load(&path) {
                Ok(new) => {
                    let (theme, _) = Theme::from_config(&new.theme, Theme::no_color_requested());
                    self.app.theme = theme;
                    self.app.mouse = new.mouse;
                    tui.set_mouse(new.mouse)?;
                    rewatch = new.status != self.config.status;
                    self.loader.set_sources(new.status.clone(), new.limits);
                    self.config = new;
                }
                Err(e) => {
                    self.app.flash(format!("config not applied: {e}"), now);
                    return Ok(false);
                }
            }
        }
        let forced: HashSet<PathBuf> = changed
            .into_iter()
            .filter_map(|p| std::fs::canonicalize(&p).ok().or(Some(p)))
            .collect();
        self.reload_forcing(&forced, now);
        Ok(rewatch)
    }

    fn reload(&mut self, force_all: bool, now: Instant) {
        let forced = if force_all {
            self.app
                .data
                .snapshot
                .files
                .iter()
                .map(|f| f.path.clone())
                .collect()
        } else {
            HashSet::new()
        };
        self.reload_forcing(&forced, now);
    }

    fn reload_forcing(&mut self, forced: &HashSet<PathBuf>, now: Instant) {
        // The loader knows files by the path it listed them under; match both spellings.
        let mut force = forced.clone();
        for f in &self.app.data.snapshot.files {
            if let Ok(canon) = std::fs::canonicalize(&f.path)
                && forced.contains(&canon)
            {
                force.insert(f.path.clone());
            }
        }
        let snapshot = self.loader.load_forcing(self.today, &force);
        let words = changes::describe(&self.app.data.snapshot.programme, &snapshot.programme);
        let mut note = Vec::new();
        if !snapshot.reread.is_empty() {
            let names: Vec<&str> = snapshot
                .reread
                .iter()
                .map(|n| n.rsplit('/').next().unwrap_or(n))
                .collect();
            note.push(names.join(", "));
        }
        for r in &snapshot.removed {
            note.push(format!("{} removed", r.rsplit('/').next().unwrap_or(r)));
        }
        let text = match (note.is_empty(), words.is_empty()) {
            (true, true) => None,
            (false, true) => Some(format!("reloaded {}", note.join(", "))),
            (_, false) => Some(format!("{}: {}", note.join(", "), words.join(", "))),
        };
        self.app.set_data(Data::new(snapshot, self.today));
        if let Some(text) = text {
            self.app.flash(text, now);
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
                Err(_) => Event::Terminate,
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
