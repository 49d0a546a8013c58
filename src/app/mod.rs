//! The dashboard's state and how actions change it: the actions, the loaded data, one
//! state module per view, the list helper they share and the words views show. No drawing
//! and no colours here (no ratatui): the views in `ui/` read this state and draw it, and
//! hand back what drawing learned ([`Seen`]) for [`App::seen`].

pub mod balance;
pub mod changes;
pub mod data;
pub mod deliveries;
pub mod flow;
pub mod keymap;
pub mod list;
pub mod loading;
pub mod overview;
pub mod problems;
pub mod queue;
pub mod variants;
mod view;
pub mod views;
pub mod words;

use std::time::{Duration, Instant};

/// What views show of the files and problems of a load.
pub use crate::status::{FileHealth, FileState, Problem, Severity};
pub use data::{Data, LastIndex, QueueBasis};
pub use view::View;
pub use views::{Step, Timing, Views};

/// What a key or a click asks for. Keys map to actions in [`crate::app::keymap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave the app.
    Quit,
    /// Go to the next or the previous tab.
    NextView,
    /// Go to the previous tab.
    PreviousView,
    /// Go to a view (digits and clicks on tabs).
    Show(View),
    /// Move the selection or scroll.
    Up,
    /// Move the selection down a row.
    Down,
    /// Scroll the columns left (Variants), the previous year (Deliveries).
    Left,
    /// Scroll the columns right (Variants), the next year (Deliveries).
    Right,
    /// Move up a page.
    PageUp,
    /// Move down a page.
    PageDown,
    /// Go to the first row.
    Top,
    /// Go to the last row.
    Bottom,
    /// Start typing a filter (`/`).
    StartFilter,
    /// A character typed into the filter.
    FilterChar(char),
    /// Erase the last character of the filter.
    FilterBackspace,
    /// Keep the typed filter and go back to moving (Enter while typing).
    AcceptFilter,
    /// Cycle the sort column, or reverse the order.
    SortNext,
    /// Reverse the order of the sort.
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
    /// Switch the Deliveries charts between the yearly ones and the forecast's trend.
    SwitchChart,
}

/// What the loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nothing changed on screen.
    None,
    /// The state changed: draw again.
    Redraw,
    /// Read every status file again.
    Reload,
    /// Clear the terminal and draw every cell again.
    Repaint,
    /// Leave the dashboard.
    Quit,
}

/// What a drawing of the screen learned, per view drawn: handed back by the drawing to
/// [`App::seen`], never written into the state by the drawing itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Seen {
    /// The Variants view, when drawn.
    pub variants: Option<variants::Seen>,
    /// The Assembly queue, when its table was drawn.
    pub queue: Option<queue::Seen>,
    /// The Deliveries view, when its table was drawn.
    pub deliveries: Option<deliveries::Seen>,
    /// The Problems view, when its list was drawn.
    pub problems: Option<problems::Seen>,
    /// The Flow view, when its list of vehicles was drawn.
    pub flow: Option<flow::Seen>,
    /// The Changes view, when drawn.
    pub changes: Option<changes::Seen>,
}

/// A short note on the status line that goes away by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    /// The words shown.
    pub text: String,
    /// When they go away.
    pub until: Instant,
}

/// How long a flash stays on the status line.
pub const FLASH_FOR: Duration = Duration::from_secs(5);

/// The whole state of the dashboard.
#[derive(Debug)]
pub struct App {
    /// The last load and its figures.
    pub data: Data,
    /// The view on screen.
    pub view: View,
    /// True while the help overlay is open.
    pub show_help: bool,
    /// True when the mouse clicks tabs and scrolls lists.
    pub mouse: bool,
    /// True in the live dashboard, false for one-shot renders (`print`, tests), whose
    /// output must not depend on the clock.
    pub live: bool,
    /// A note on the status line that goes away by itself.
    pub flash: Option<Flash>,
    /// Lasting notes for the status line, kept until their cause is gone: changes that
    /// are polled for instead of watched, a config change that could not be applied.
    pub alerts: Vec<String>,
    /// The Overview's state.
    pub overview: overview::State,
    /// The Variants view's state.
    pub variants: variants::State,
    /// The Assembly queue's state.
    pub queue: queue::State,
    /// The Deliveries view's state.
    pub deliveries: deliveries::State,
    /// The Problems view's state.
    pub problems: problems::State,
    /// The Balance view's state.
    pub balance: balance::State,
    /// The Flow view's state.
    pub flow: flow::State,
    /// The Changes view's state, with the log of the reloads' changes.
    pub changes: changes::State,
    /// A load under way (the first one, or a reload), as the screen shows it; `None`
    /// when no load runs. Kept by the runtime (see [`loading`]).
    pub loading: Option<loading::Loading>,
    /// While the views' states for new data are built elsewhere ([`App::views`]), the
    /// steps that changed the states on screen, to play again on the new ones.
    journal: Option<views::Journal>,
}

impl App {
    /// The dashboard on `data`, at the Overview, every view refreshed.
    pub fn new(data: Data) -> Self {
        let mut app = App {
            data,
            view: View::Overview,
            show_help: false,
            mouse: true,
            live: false,
            flash: None,
            alerts: Vec::new(),
            overview: overview::State::default(),
            variants: variants::State::default(),
            queue: queue::State::default(),
            deliveries: deliveries::State::default(),
            problems: problems::State::default(),
            balance: balance::State::default(),
            flow: flow::State::default(),
            changes: changes::State::default(),
            loading: None,
            journal: None,
        };
        app.refresh_views();
        app
    }

    /// True while the current view is taking typed text (a filter).
    pub fn is_typing(&self) -> bool {
        !self.show_help && self.view == View::Queue && self.queue.is_typing()
    }

    /// Replaces the data after a reload or a change of day, every view refreshed here, on
    /// the caller's thread (tests, `print`); the live dashboard builds the views' states
    /// elsewhere instead ([`App::views`], [`App::install`]).
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

    /// Takes what the last drawing learned (rows on screen, first rows and columns shown),
    /// so that paging moves by what the screen shows and the selection stays in view.
    pub fn seen(&mut self, seen: Seen) {
        self.note(Step::Seen(seen));
        if let Some(s) = seen.variants {
            self.variants.seen(s);
        }
        if let Some(s) = seen.queue {
            self.queue.seen(s);
        }
        if let Some(s) = seen.deliveries {
            self.deliveries.seen(s);
        }
        if let Some(s) = seen.problems {
            self.problems.seen(s);
        }
        if let Some(s) = seen.flow {
            self.flow.seen(s);
        }
        if let Some(s) = seen.changes {
            self.changes.seen(s);
        }
    }

    fn refresh_views(&mut self) {
        let mut views = self.put_views(Views::default());
        views.refresh(&self.data);
        self.put_views(views);
    }

    /// Logs what a reload that landed `at` (local clock) changed; the changes count as
    /// seen when the Changes view is on screen.
    pub fn log_changes(
        &mut self,
        at: chrono::NaiveDateTime,
        found: Vec<crate::domain::changes::Change>,
    ) {
        self.changes.push(at, found);
        self.look();
    }

    /// The changes logged count as seen while the Changes view is on screen (not under
    /// the help).
    fn look(&mut self) {
        if self.view == View::Changes && !self.show_help {
            self.note(Step::Look);
            self.changes.log.seen();
        }
    }

    /// Applies `action` and says what the loop must do next: [`Effect::Quit`] to leave,
    /// [`Effect::Reload`] to read the files again, [`Effect::Repaint`] to clear and redraw
    /// the screen, [`Effect::Redraw`] when the state changed, [`Effect::None`] when the
    /// action meant nothing here (nothing to draw). While the help is open, quitting,
    /// closing the help, repainting, reloading and going to a view (which closes the help)
    /// do what they always do; the keys of the view under the help do nothing. While the
    /// first load runs, only the actions that need no data work (see
    /// [`loading::works_while_first_loading`]).
    pub fn update(&mut self, action: Action) -> Effect {
        let effect = self.apply(action);
        self.look();
        effect
    }

    fn apply(&mut self, action: Action) -> Effect {
        if self.first_loading()
            && let Some(effect) = self.update_first_loading(action)
        {
            return effect;
        }
        if self.show_help {
            return match action {
                Action::Quit => Effect::Quit,
                Action::ToggleHelp | Action::Close => {
                    self.show_help = false;
                    Effect::Redraw
                }
                Action::Repaint => Effect::Repaint,
                Action::Reload => Effect::Reload,
                // Going to a view closes the help on it: the keys that work everywhere
                // are not swallowed by the help that lists them.
                Action::NextView | Action::PreviousView | Action::Show(_) => {
                    self.show_help = false;
                    self.apply(action)
                }
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
                if !self.dispatch(self.view, other) {
                    return Effect::None;
                }
            }
        }
        Effect::Redraw
    }

    /// Hands `action` to the state of `view` (noted while a refresh runs elsewhere);
    /// true when it changed something.
    fn dispatch(&mut self, view: View, action: Action) -> bool {
        self.note(Step::Handle(view, action));
        let data = &self.data;
        match view {
            View::Overview => self.overview.handle(action, data),
            View::Variants => self.variants.handle(action, data),
            View::Queue => self.queue.handle(action, data),
            View::Deliveries => self.deliveries.handle(action, data),
            View::Problems => self.problems.handle(action, data),
            View::Balance => self.balance.handle(action, data),
            View::Flow => self.flow.handle(action, data),
            View::Changes => self.changes.handle(action, data),
        }
    }
}
