//! The progress of running loads on screen: from the first request of a run of loads to
//! the landing of the last one asked for, the loader's counters are copied into the app
//! state every [`PROGRESS_EVERY`]. No load running, no timer.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::PROGRESS_EVERY;
use crate::app::App;
use crate::app::loading::Loading;
use crate::status::Progress;

/// When the loads under way began and when their progress is next taken.
#[derive(Debug)]
pub(super) struct LoadClock {
    /// The loader's counters.
    progress: Arc<Progress>,
    /// When the loads under way were first asked for; `None` when none runs.
    started: Option<Instant>,
    /// The next copy of the progress to the screen; `None` when no load runs.
    pub(super) next: Option<Instant>,
}

impl LoadClock {
    /// The clock of a loader counting into `progress`; no load runs yet.
    pub(super) fn new(progress: Arc<Progress>) -> LoadClock {
        LoadClock {
            progress,
            started: None,
            next: None,
        }
    }

    /// A load was asked for at `now`: starts a run of loads, unless one is under way, and
    /// the loading state of `app` (a reload of `sources`) unless it has one.
    pub(super) fn asked(&mut self, app: &mut App, sources: &[PathBuf], now: Instant) {
        if self.started.is_none() {
            self.started = Some(now);
            self.next = Some(now + PROGRESS_EVERY);
        }
        if app.loading.is_none() {
            app.loading = Some(Loading::reload(names(sources)));
        }
    }

    /// Copies the progress into `app` when it is due at `now`; true when the screen
    /// shows it and must be drawn again.
    pub(super) fn tick(&mut self, app: &mut App, now: Instant) -> bool {
        if self.next.is_none_or(|t| t > now) {
            return false;
        }
        self.next = Some(now + PROGRESS_EVERY);
        let started = self.started.unwrap_or(now);
        app.load_progress(self.progress.now(), now.saturating_duration_since(started))
    }

    /// A load landed; `more` when another follows it. True when the screen showed the
    /// load's progress and must be drawn again.
    pub(super) fn landed(&mut self, app: &mut App, more: bool) -> bool {
        if !more {
            self.started = None;
            self.next = None;
        }
        app.load_done(more)
    }
}

/// The folders and files of the set as the loading screen names them.
pub(super) fn names(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| crate::status::display_name(p))
        .collect()
}
