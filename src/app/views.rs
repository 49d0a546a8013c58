//! The views' states as one value ([`Views`]), so that the state of every view for new
//! data can be built away from the dashboard's thread, and the record of what the user did
//! meanwhile ([`Step`]), played again on the new states when they are put in place.
//!
//! At a million vehicles the views' refresh after a reload takes most of a second (the
//! queue's order for its sort and its filter pass, the Overview's pass over the queue, the
//! flow, the changes since the window's first day). The live dashboard copies the views'
//! states ([`super::App::views`]: the user's settings and selections as they are now, and
//! the shared rows, cheap to copy), has the copy refreshed on another thread, and keeps
//! answering keys on the old data meanwhile, noting each step that changes a view's state.
//! When the refreshed copy comes back, [`super::App::install`] puts it in place and plays
//! the noted steps on it: the state is what it would have been had the new data landed at
//! once and the same keys been pressed after it.

use std::time::{Duration, Instant};

use super::{Action, App, Data, Seen, View};
use super::{balance, changes, deliveries, flow, overview, problems, queue, variants};
use crate::domain::changes::Change;

/// Every view's state, apart from the app's own (the view on screen, the help, the flash,
/// the loading state).
#[derive(Debug, Default, Clone)]
pub struct Views {
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
    /// The Changes view's state.
    pub changes: changes::State,
}

/// How long each view's refresh took (wall time on the thread that ran it), in the order
/// they ran; for `load_probe` and the trace.
pub type Timing = Vec<(&'static str, Duration)>;

impl Views {
    /// Derives every view's state from `data`, keeping what the user chose (sort, filter,
    /// selection) where it still applies; returns the time each view took.
    pub fn refresh(&mut self, data: &Data) -> Timing {
        self.refresh_and_log(data, Vec::new())
    }

    /// [`Views::refresh`], and the Changes view logs what the reloads of the data changed,
    /// each with the local time it landed, oldest first (as [`App::log_changes`] after a
    /// refresh, the view's rows built once: see [`changes::State::refresh_and_log`]).
    pub fn refresh_and_log(
        &mut self,
        data: &Data,
        reloads: Vec<(chrono::NaiveDateTime, Vec<Change>)>,
    ) -> Timing {
        let mut timing = Vec::with_capacity(9);
        let mut at = Instant::now();
        let mut lap = |name: &'static str| {
            let now = Instant::now();
            timing.push((name, now - at));
            at = now;
        };
        self.overview.refresh(data);
        lap("overview");
        self.variants.refresh(data);
        lap("variants");
        self.queue.refresh(data);
        lap("queue");
        self.deliveries.refresh(data);
        lap("deliveries");
        self.problems.refresh(data);
        lap("problems");
        // The flow first: it measures the lead times the Line of Balance uses, and names
        // the queue's bottleneck when the files give stage histories.
        self.flow.refresh(data);
        lap("flow");
        self.balance.refresh(data, &self.flow.measured());
        lap("balance");
        self.queue.bottleneck = queue::Bottleneck::choose(data, self.flow.flow.as_ref());
        lap("bottleneck");
        self.changes.refresh_and_log(data, reloads);
        lap("changes");
        timing
    }
}

/// A step that changed a view's state while a refresh ran elsewhere, to be played again
/// on the refreshed states.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// `action` handed to the state of `view`.
    Handle(View, Action),
    /// What a drawing learned.
    Seen(Seen),
    /// The Changes view was on screen: its log's changes count as seen.
    Look,
}

/// A refresh under way: the steps noted since the states were copied.
#[derive(Debug, Default)]
pub(super) struct Journal {
    pub(super) steps: Vec<Step>,
}

impl App {
    /// A copy of the views' states as they are now, to be refreshed for new data on
    /// another thread ([`Views::refresh`]) and put in place with [`App::install`]; from
    /// now on, the steps that change the states on screen are noted, to be played again
    /// on the copy. A copy is cheap (µs at a million vehicles): the queue's rows and
    /// order are shared, the other views hold a screenful or a table per stage or year,
    /// the Changes view's rows are not copied (the refresh builds them again); the flow's
    /// cache moves to the copy.
    /// Asking again starts the record again (the copy asked for before is not wanted).
    pub fn views(&mut self) -> Views {
        let mut copy = Views {
            overview: self.overview.clone(),
            variants: self.variants.clone(),
            queue: self.queue.clone(),
            deliveries: self.deliveries.clone(),
            problems: self.problems.clone(),
            balance: self.balance.clone(),
            flow: self.flow.clone(),
            changes: self.changes.copy_for_refresh(),
        };
        self.flow.lend_cache(&mut copy.flow);
        self.journal = Some(Journal::default());
        copy
    }

    /// True between [`App::views`] and [`App::install`].
    pub fn is_refreshing(&self) -> bool {
        self.journal.is_some()
    }

    /// Puts `data` and `views` (the copy of [`App::views`], refreshed for `data`) in
    /// place, plays on them the steps noted since the copy (keys, what drawings learned),
    /// and hands back the data and the states replaced, to be dropped off the dashboard's
    /// thread. Costs what the noted steps cost (usually nothing: moving a selection; a
    /// sort, about 50 ms at a million vehicles), never a pass over the queue of its own.
    pub fn install(&mut self, data: Data, views: Views) -> (Data, Views) {
        let old_data = std::mem::replace(&mut self.data, data);
        let old_views = self.put_views(views);
        let steps = self.journal.take().map(|j| j.steps).unwrap_or_default();
        for step in steps {
            match step {
                Step::Handle(view, action) => {
                    self.dispatch(view, action);
                }
                Step::Seen(seen) => self.seen(seen),
                Step::Look => self.changes.log.seen(),
            }
        }
        // The changes logged with the refresh count as seen when the Changes view is on
        // screen, as [`App::log_changes`] has them.
        self.look();
        (old_data, old_views)
    }

    /// Puts `views` in place, returning the states replaced.
    pub(super) fn put_views(&mut self, views: Views) -> Views {
        Views {
            overview: std::mem::replace(&mut self.overview, views.overview),
            variants: std::mem::replace(&mut self.variants, views.variants),
            queue: std::mem::replace(&mut self.queue, views.queue),
            deliveries: std::mem::replace(&mut self.deliveries, views.deliveries),
            problems: std::mem::replace(&mut self.problems, views.problems),
            balance: std::mem::replace(&mut self.balance, views.balance),
            flow: std::mem::replace(&mut self.flow, views.flow),
            changes: std::mem::replace(&mut self.changes, views.changes),
        }
    }

    pub(super) fn note(&mut self, step: Step) {
        if let Some(journal) = &mut self.journal {
            journal.steps.push(step);
        }
    }
}
