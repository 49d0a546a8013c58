//! How the rows shown are made: a filter pass here or left for the filtering thread, its
//! outcome taken back, the earlier results kept for narrowing, the sort applied to the
//! rows shown.

use std::sync::Arc;

use super::search::{self, Found, Job, Outcome};
use super::{Counts, Lost, State, filter, sort};
use crate::app::Data;
use crate::domain::Programme;

impl State {
    /// Filters the rows again for the typed filter: at once from an earlier result with
    /// the same terms, here when the pass is small (or `now`), else left for the thread.
    pub(super) fn refilter(&mut self, p: &Programme, lost: Lost, now: bool) {
        self.generation += 1;
        self.pending = None;
        let terms = filter::parse(&self.filter);
        let ready = if terms.is_empty() {
            Some(Found {
                terms,
                rows: Arc::clone(&self.order),
                counts: self.all.clone(),
            })
        } else if let Some(f) = self.found.iter().rev().find(|f| f.terms == terms) {
            Some(f.clone())
        } else {
            let base = self
                .found
                .iter()
                .filter(|f| filter::implies(&terms, &f.terms))
                .min_by_key(|f| f.rows.len())
                .map(|f| Arc::clone(&f.rows));
            let job = Job {
                generation: self.generation,
                index: Arc::clone(&self.index),
                order: Arc::clone(&self.order),
                terms,
                base,
            };
            match self.background {
                Some(limit) if !now && job.size() > limit => {
                    self.pending = Some(job);
                    None
                }
                _ => job.run(&|| false).map(|o| o.found),
            }
        };
        if let Some(found) = ready {
            self.show(found, p, lost);
        }
    }

    /// Shows the rows of `found` and keeps them for later filters.
    fn show(&mut self, found: Found, p: &Programme, lost: Lost) {
        self.rows = Arc::clone(&found.rows);
        self.per_stage.clone_from(&found.counts.per_stage);
        (self.overdue, self.held) = (found.counts.overdue, found.counts.held);
        self.shown.clone_from(&found.terms);
        if !found.terms.is_empty() && !self.found.iter().any(|f| f.terms == found.terms) {
            self.found.push(found);
            // A few earlier results, at most about three queues' worth of rows.
            let budget = self.total.saturating_mul(3).max(1 << 16);
            while self.found.len() > 1
                && (self.found.len() > 16
                    || self.found.iter().map(|f| f.rows.len()).sum::<usize>() > budget)
            {
                self.found.remove(0);
            }
        }
        self.restore_selection(p, lost);
    }

    /// Sorts the rows again (the filter did not change); a pass under way starts again
    /// in the new order.
    pub(super) fn resort(&mut self, data: &Data) {
        self.order = Arc::new(sort::order(
            &self.index,
            data.programme(),
            self.sort,
            self.descending,
        ));
        let rows = if self.shown.is_empty() {
            Arc::clone(&self.order)
        } else {
            let bits = search::bitmap(&self.rows, self.total);
            let rows = self
                .order
                .iter()
                .copied()
                .filter(|&i| search::is_set(&bits, i));
            Arc::new(rows.collect())
        };
        let counts = Counts {
            per_stage: std::mem::take(&mut self.per_stage),
            overdue: self.overdue,
            held: self.held,
        };
        let shown = std::mem::take(&mut self.shown);
        self.found.clear();
        self.show(
            Found {
                terms: shown,
                rows,
                counts,
            },
            data.programme(),
            Lost::First,
        );
        self.generation += 1;
        if self.pending.is_some() || self.is_updating() {
            self.refilter(data.programme(), Lost::First, false);
        }
    }

    /// True while the rows shown are not yet those of the typed filter: a pass is under
    /// way on the filtering thread.
    pub fn is_updating(&self) -> bool {
        self.shown != filter::parse(&self.filter)
    }

    /// Passes over more than `limit` rows are left for a filtering thread
    /// ([`State::take_job`]); `None` (the default) runs every pass at once.
    pub fn set_background(&mut self, limit: Option<usize>) {
        self.background = limit;
    }

    /// The pass left for the filtering thread, if any; the thread hands its outcome
    /// to [`State::filtered`].
    pub fn take_job(&mut self) -> Option<Job> {
        self.pending.take()
    }

    /// The latest change of the filter, the sort or the data: a pass for an older one is
    /// not wanted any more.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Shows the rows of a finished pass, unless the filter, the sort or the data changed
    /// since it was asked for; true when the screen changes.
    pub fn filtered(&mut self, outcome: Outcome, data: &Data) -> bool {
        if outcome.generation != self.generation || !Arc::ptr_eq(&outcome.index, &self.index) {
            return false;
        }
        self.show(outcome.found, data.programme(), Lost::First);
        true
    }
}
