//! A finished load, put on screen in two steps: its data goes to the refreshing thread
//! with a copy of the views' states, while the old figures stay on screen and keys are
//! answered; when the states come back built, they are put in place at once
//! ([`crate::app::App::install`]) and the old ones dropped on that thread.

use std::time::Instant;

use super::{Runtime, Todo};
use crate::event::Loaded;
use crate::event::Refreshed;
use crate::runtime::refreshing::{Reloads, since_ms};

/// What the loads whose data waits for its views' states have to say when it lands.
#[derive(Debug, Default)]
pub(in crate::runtime) struct Landing {
    /// Each load's changes, with the local time it landed, oldest first: a load whose
    /// data was overtaken by a newer one still logs what it changed (each job posted
    /// takes them all).
    changes: Reloads,
    /// The newest flash of those loads.
    flash: Option<String>,
}

impl Runtime {
    /// Takes a finished load: its data (if any) goes to be refreshed; a load without data
    /// shows its flash at once.
    pub(in crate::runtime) fn apply_loaded(&mut self, loaded: Loaded, now: Instant) -> Todo {
        self.trace(format_args!("{}", loaded.trace));
        let first = self.app.first_loading();
        let Some(data) = loaded.data else {
            let mut changed = false;
            if self.landing.is_none() {
                // Another load follows when one was asked for meanwhile: its progress
                // goes on.
                let more = self.reloader.busy();
                changed |= self.loads.landed(&mut self.app, more);
            }
            if let Some(text) = loaded.flash {
                self.app.flash(text, now);
                changed = true;
            }
            return Todo::redraw_if(changed);
        };
        // The first load is no reload.
        self.reloads += u64::from(loaded.changed && !first);
        let landing = self.landing.get_or_insert_with(Landing::default);
        // Copied only when a job still holds them: a load landing during the refresh of
        // the one before.
        std::sync::Arc::make_mut(&mut landing.changes)
            .push((chrono::Local::now().naive_local(), loaded.changes));
        if loaded.flash.is_some() {
            landing.flash = loaded.flash;
        }
        // The states as they are now, the old data's; keys change the states on screen
        // meanwhile, and are played again on the copy when it lands.
        let views = self.app.views();
        self.refreshing
            .post(data, views, std::sync::Arc::clone(&landing.changes));
        Todo::default()
    }

    /// Puts the views' states built for a load's data in place, when they are of the
    /// latest job; an older job's go back to be dropped on the refreshing thread.
    pub(in crate::runtime) fn land(&mut self, refreshed: Refreshed, now: Instant) -> Todo {
        if !self.refreshing.is_latest(&refreshed) {
            self.refreshing.drop_there(Box::new(refreshed));
            return Todo::default();
        }
        let start = Instant::now();
        let Refreshed {
            data,
            views,
            timing,
            ..
        } = refreshed;
        let old = self.app.install(data, views);
        self.refreshing.drop_there(Box::new(old));
        // The reloads' changes were logged with the refresh.
        let landing = self.landing.take().unwrap_or_default();
        self.filtering.hand_over(&mut self.app.queue);
        let more = self.reloader.busy();
        self.loads.landed(&mut self.app, more);
        if let Some(text) = landing.flash {
            self.app.flash(text, now);
        }
        let took = since_ms(start);
        let views: Vec<String> = timing
            .iter()
            .map(|(name, d)| format!("{name}={:.1}", d.as_secs_f64() * 1000.0))
            .collect();
        self.trace(format_args!(
            "refreshed views {} put in place in {took:.2}ms",
            views.join(" ")
        ));
        Todo::redraw()
    }
}
