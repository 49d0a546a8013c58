//! The dashboard's state and how actions change it. No drawing here: the views in `ui/`
//! read this state and draw it.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use crate::domain::forecast::{self, Forecast};
use crate::domain::{Date, Figures, Programme};
use crate::status::Snapshot;
use crate::ui::{Theme, deliveries, overview, problems, queue, variants};

/// The views, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Overview,
    Variants,
    Queue,
    Deliveries,
    Problems,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Overview,
        View::Variants,
        View::Queue,
        View::Deliveries,
        View::Problems,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Overview => "Overview",
            View::Variants => "Variants",
            View::Queue => "Assembly queue",
            View::Deliveries => "Deliveries",
            View::Problems => "Problems",
        }
    }

    /// A shorter title for narrow terminals.
    pub fn short_title(self) -> &'static str {
        match self {
            View::Queue => "Queue",
            View::Deliveries => "Deliveries",
            View::Variants => "Variants",
            View::Overview => "Overview",
            View::Problems => "Problems",
        }
    }

    pub fn index(self) -> usize {
        View::ALL.iter().position(|&v| v == self).unwrap_or(0)
    }

    pub fn next(self) -> View {
        View::ALL[(self.index() + 1) % View::ALL.len()]
    }

    pub fn previous(self) -> View {
        View::ALL[(self.index() + View::ALL.len() - 1) % View::ALL.len()]
    }
}

impl From<crate::cli::ViewName> for View {
    fn from(v: crate::cli::ViewName) -> View {
        use crate::cli::ViewName;
        match v {
            ViewName::Overview => View::Overview,
            ViewName::Variants => View::Variants,
            ViewName::Queue => View::Queue,
            ViewName::Deliveries => View::Deliveries,
            ViewName::Problems => View::Problems,
        }
    }
}

/// What a key or a click asks for. Keys map to actions in [`crate::keymap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave the app.
    Quit,
    /// Go to the next or the previous tab.
    NextView,
    PreviousView,
    /// Go to a view (digits and clicks on tabs).
    Show(View),
    /// Move the selection or scroll.
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Start typing a filter (`/`).
    StartFilter,
    /// A character typed into the filter.
    FilterChar(char),
    FilterBackspace,
    /// Keep the typed filter and go back to moving (Enter while typing).
    AcceptFilter,
    /// Cycle the sort column, or reverse the order.
    SortNext,
    SortReverse,
    /// Open the selected row's detail.
    Open,
    /// Close the detail, the help or the filter, in that order.
    Close,
    /// Read every status file again now.
    Reload,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Clear and repaint the whole screen (Ctrl-L).
    Repaint,
    /// Scroll by mouse wheel, in rows (negative: up).
    Scroll(i8),
}

/// What the loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    Redraw,
    Reload,
    Repaint,
    Quit,
}

/// The loaded data every view reads: the last snapshot, its figures and its forecast,
/// computed once per load so that drawing stays cheap.
#[derive(Debug, Clone)]
pub struct Data {
    pub snapshot: Snapshot,
    pub figures: Figures,
    pub forecast: Forecast,
    /// When the snapshot was loaded, for the status line.
    pub loaded_at: SystemTime,
}

impl Data {
    /// The data of `snapshot` as of `today`, forecast over the default window.
    pub fn new(snapshot: Snapshot, today: Date) -> Self {
        Data::with_window(snapshot, today, forecast::DEFAULT_WINDOW_MONTHS)
    }

    /// The data of `snapshot` as of `today`, forecast from the deliveries of the last
    /// `window_months` months (the config's `forecast.window_months`).
    pub fn with_window(snapshot: Snapshot, today: Date, window_months: u32) -> Self {
        let figures = Figures::compute(&snapshot.programme, today);
        let forecast = Forecast::compute(&snapshot.programme, today, window_months);
        Data {
            snapshot,
            figures,
            forecast,
            loaded_at: SystemTime::now(),
        }
    }

    pub fn programme(&self) -> &Arc<Programme> {
        &self.snapshot.programme
    }

    pub fn today(&self) -> Date {
        self.figures.today
    }
}

/// A short note on the status line that goes away by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    pub until: Instant,
}

/// How long a flash stays on the status line.
pub const FLASH_FOR: Duration = Duration::from_secs(5);

/// The whole state of the dashboard.
#[derive(Debug)]
pub struct App {
    pub data: Data,
    pub view: View,
    pub show_help: bool,
    pub theme: Theme,
    pub mouse: bool,
    /// True in the live dashboard, false for one-shot renders (`print`, tests), whose
    /// output must not depend on the clock.
    pub live: bool,
    pub flash: Option<Flash>,
    /// Lasting notes for the status line, kept until their cause is gone: changes that
    /// are polled for instead of watched, a config change that could not be applied.
    pub alerts: Vec<String>,
    pub overview: overview::State,
    pub variants: variants::State,
    pub queue: queue::State,
    pub deliveries: deliveries::State,
    pub problems: problems::State,
}

impl App {
    pub fn new(data: Data, theme: Theme) -> Self {
        let mut app = App {
            data,
            view: View::Overview,
            show_help: false,
            theme,
            mouse: true,
            live: false,
            flash: None,
            alerts: Vec::new(),
            overview: overview::State::default(),
            variants: variants::State::default(),
            queue: queue::State::default(),
            deliveries: deliveries::State::default(),
            problems: problems::State::default(),
        };
        app.refresh_views();
        app
    }

    /// True while the current view is taking typed text (a filter).
    pub fn is_typing(&self) -> bool {
        !self.show_help && self.view == View::Queue && self.queue.is_typing()
    }

    /// Replaces the data after a reload or a change of day.
    pub fn set_data(&mut self, data: Data) {
        self.data = data;
        self.refresh_views();
    }

    /// Shows `text` on the status line for a few seconds.
    pub fn flash(&mut self, text: impl Into<String>, now: Instant) {
        self.flash = Some(Flash {
            text: text.into(),
            until: now + FLASH_FOR,
        });
    }

    /// Drops an expired flash; true when something changed on screen.
    pub fn expire_flash(&mut self, now: Instant) -> bool {
        if self.flash.as_ref().is_some_and(|f| f.until <= now) {
            self.flash = None;
            return true;
        }
        false
    }

    fn refresh_views(&mut self) {
        self.overview.refresh(&self.data);
        self.variants.refresh(&self.data);
        self.queue.refresh(&self.data);
        self.deliveries.refresh(&self.data);
        self.problems.refresh(&self.data);
    }

    pub fn update(&mut self, action: Action) -> Effect {
        if self.show_help {
            return match action {
                Action::Quit => Effect::Quit,
                Action::ToggleHelp | Action::Close => {
                    self.show_help = false;
                    Effect::Redraw
                }
                Action::Repaint => Effect::Repaint,
                _ => Effect::None,
            };
        }
        match action {
            Action::Quit => return Effect::Quit,
            Action::ToggleHelp => self.show_help = true,
            Action::Reload => return Effect::Reload,
            Action::Repaint => return Effect::Repaint,
            Action::NextView => self.view = self.view.next(),
            Action::PreviousView => self.view = self.view.previous(),
            Action::Show(view) => self.view = view,
            other => {
                let data = &self.data;
                let handled = match self.view {
                    View::Overview => self.overview.handle(other, data),
                    View::Variants => self.variants.handle(other, data),
                    View::Queue => self.queue.handle(other, data),
                    View::Deliveries => self.deliveries.handle(other, data),
                    View::Problems => self.problems.handle(other, data),
                };
                if !handled {
                    return Effect::None;
                }
            }
        }
        Effect::Redraw
    }
}
