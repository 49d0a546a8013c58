//! A load under way, as the screen shows it: the first load (nothing to show yet, so the
//! loading screen), or a reload (the previous figures stay, the status line tells how far
//! it has gone once it has taken [`SHOW_RELOAD_AFTER`]).
//!
//! The runtime keeps this state: it starts it when it asks for a load, copies the
//! loader's counters into it on a timer while the load runs, and ends it when the last
//! load asked for has landed. Idle, there is no loading state and no timer.

use std::time::Duration;

use super::words::thousands;
use super::{Action, App, Effect};
use crate::status::ProgressNow;

/// How long a reload runs before the status line shows its progress: quicker ones (most
/// of them, a file or two) would only flicker.
pub const SHOW_RELOAD_AFTER: Duration = Duration::from_millis(300);

/// A load under way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loading {
    /// True for the first load: nothing is loaded yet, the screen is the loading screen.
    pub first: bool,
    /// The status folders and files being read, as the config or the command line names
    /// them (`config/status`).
    pub sources: Vec<String>,
    /// The loader's counters at the last refresh (see [`crate::status::Progress`]);
    /// `None` until the runtime first refreshes them.
    pub progress: Option<ProgressNow>,
    /// Time since the load was asked for, at the last refresh.
    pub elapsed: Duration,
}

/// Where a load is, as the counters tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// No file counted yet: the folders are being listed (or the load waits its turn).
    Listing,
    /// Files are being read: `files_done` of `files_total`.
    Reading,
    /// Every file is read: the set is being merged and its figures worked out.
    Figuring,
}

impl Loading {
    /// The first load, of `sources`: nothing counted yet.
    pub fn first(sources: Vec<String>) -> Loading {
        Loading {
            first: true,
            sources,
            progress: None,
            elapsed: Duration::ZERO,
        }
    }

    /// A reload of `sources`, while the previous figures stay on screen.
    pub fn reload(sources: Vec<String>) -> Loading {
        Loading {
            first: false,
            ..Loading::first(sources)
        }
    }

    /// True when the screen says the load is running: the first load always, a reload
    /// once it has run for [`SHOW_RELOAD_AFTER`].
    pub fn shown(&self) -> bool {
        self.first || self.elapsed >= SHOW_RELOAD_AFTER
    }

    /// Where the load is, from the last counters.
    pub fn phase(&self) -> Phase {
        match self.progress {
            Some(p) if p.files_total > 0 && p.files_done >= p.files_total => Phase::Figuring,
            Some(p) if p.loading => Phase::Reading,
            _ => Phase::Listing,
        }
    }
}

/// The actions that work on the loading screen: quitting, the help, repainting and
/// moving between tabs (the view chosen shows once the data has come). The rest need
/// data; `r` would only read again what the first load is reading.
pub fn works_while_first_loading(action: Action) -> bool {
    matches!(
        action,
        Action::Quit
            | Action::ToggleHelp
            | Action::Close
            | Action::Repaint
            | Action::NextView
            | Action::PreviousView
            | Action::Show(_)
    )
}

impl App {
    /// True while the first load runs: nothing is loaded yet.
    pub fn first_loading(&self) -> bool {
        self.loading.as_ref().is_some_and(|l| l.first)
    }

    /// Takes the loader's counters `now` and the time since the load was asked for;
    /// true when the screen shows them (the first load, a reload past
    /// [`SHOW_RELOAD_AFTER`]) and must be drawn again.
    pub fn load_progress(&mut self, now: ProgressNow, elapsed: Duration) -> bool {
        let Some(loading) = &mut self.loading else {
            return false;
        };
        let was_shown = loading.shown();
        loading.progress = Some(now);
        loading.elapsed = elapsed;
        was_shown || loading.shown()
    }

    /// A load landed; `more` when another one follows it (asked for meanwhile). The
    /// loading state goes, or stays as a reload when more follows; true when the screen
    /// showed it and must be drawn again.
    pub fn load_done(&mut self, more: bool) -> bool {
        let shown = self.loading.as_ref().is_some_and(Loading::shown);
        if more {
            if let Some(loading) = &mut self.loading {
                loading.first = false;
            }
        } else {
            self.loading = None;
        }
        shown
    }

    /// [`App::update`] while the first load runs: the actions that need no data.
    pub(super) fn update_first_loading(&mut self, action: Action) -> Option<Effect> {
        (!works_while_first_loading(action)).then_some(Effect::None)
    }
}

/// What the status line says of a load: `loading: 3 of 11 files, 42%, 2.4 s`; `None`
/// while no load is shown (none runs, or a reload is still young) and during the first
/// load, whose screen says it all.
pub fn status_text(app: &App) -> Option<String> {
    let loading = app.loading.as_ref().filter(|l| l.shown() && !l.first)?;
    let what = match (loading.phase(), loading.progress) {
        (Phase::Reading, Some(p)) => format!(
            "{} of {} files, {}",
            thousands(p.files_done),
            thousands(p.files_total),
            percent(p.ratio())
        ),
        _ => phase_words(loading).to_owned(),
    };
    Some(format!("loading: {what}, {}", elapsed(loading.elapsed)))
}

/// Where the load is, in words: `reading the files`.
pub fn phase_words(loading: &Loading) -> &'static str {
    match loading.phase() {
        Phase::Listing => "listing the files",
        Phase::Reading => "reading the files",
        Phase::Figuring => "merging the files, working out the figures",
    }
}

/// A ratio in 0..=1 as `42%`, rounded down so that 100% means done.
pub fn percent(ratio: f64) -> String {
    format!("{}%", (ratio.clamp(0.0, 1.0) * 100.0).floor() as u32)
}

/// A time so far in words: `2.4 s`, `1 min 05 s`.
pub fn elapsed(d: Duration) -> String {
    let secs = d.as_secs();
    if secs < 60 {
        format!("{}.{} s", secs, d.subsec_millis() / 100)
    } else {
        format!("{} min {:02} s", secs / 60, secs % 60)
    }
}

/// Bytes done of a total, in the unit of the total: `63.2 of 151.0 MB`.
pub fn bytes_of(done: u64, total: u64) -> String {
    const KB: f64 = 1000.0;
    let (unit, div) = match total {
        t if t >= 1_000_000_000 => ("GB", KB * KB * KB),
        t if t >= 1_000_000 => ("MB", KB * KB),
        t if t >= 1_000 => ("kB", KB),
        _ => return format!("{done} of {total} bytes"),
    };
    format!(
        "{:.1} of {:.1} {unit}",
        done as f64 / div,
        total as f64 / div
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_times_in_words() {
        assert_eq!(bytes_of(63_200_000, 151_000_000), "63.2 of 151.0 MB");
        assert_eq!(bytes_of(500, 900), "500 of 900 bytes");
        assert_eq!(bytes_of(1_500, 2_000), "1.5 of 2.0 kB");
        assert_eq!(elapsed(Duration::from_millis(2_460)), "2.4 s");
        assert_eq!(elapsed(Duration::from_secs(65)), "1 min 05 s");
        assert_eq!(percent(0.999), "99%");
        assert_eq!(percent(1.0), "100%");
    }
}
