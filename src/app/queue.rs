//! The Assembly queue's state: the filter, the sort, the rows they leave, the selection
//! and the detail.
//!
//! A queue may hold a million vehicles, so the work is split: a load builds an index of
//! the queue ([`index`]) and the display order for the sort ([`sort`]); a change of the
//! filter runs a pass over the index ([`search`]) that tests only the rows of an earlier
//! result when the new filter implies it; drawing only builds the rows on screen.
//!
//! A pass over more rows than the background limit ([`State::set_background`], set by the
//! live dashboard) is not run here: the state keeps the typed text and the rows it shows,
//! says it is updating, and leaves a [`Job`] for the runtime's filtering thread
//! ([`State::take_job`]), whose [`Outcome`] it takes back only if no newer change came
//! meanwhile ([`State::filtered`]). Without a limit (tests, `print`) every pass runs here.

pub mod filter;
pub mod index;
mod matcher;
mod parts;
mod rows;
pub mod search;
mod sort;

use std::sync::Arc;

pub use filter::{FIELDS, Field, Term, parse as parse_filter};
pub use index::{Counts, Index, Previous};
pub use parts::SortKey;
pub(crate) use parts::{Bottleneck, Widths};
pub use search::{Found, Job, Outcome};

use super::{Action, Data, QueueBasis, list};
use crate::domain::{Programme, Vehicle};

/// The longest filter kept, in characters.
const MAX_FILTER: usize = 200;

/// The queue view's state: what a load gives (the rows, their counts and widths) and what
/// the user chose (filter, sort, selection, detail). Cloning it is cheap: the index, the
/// order and the rows are shared.
#[derive(Debug, Default, Clone)]
pub struct State {
    /// What the rows were built from: a reload that leaves it as it was keeps them.
    basis: Option<Arc<QueueBasis>>,
    /// The load's index, shared with the filtering thread.
    index: Arc<Index>,
    /// Every vehicle in the order of the sort.
    order: Arc<Vec<u32>>,
    /// The counts of the whole queue.
    all: Counts,
    /// Vehicles in the queue, before the filter.
    pub(crate) total: usize,
    /// Indices into [`Programme::queue`] of the rows shown, filtered and sorted.
    pub(crate) rows: Arc<Vec<u32>>,
    /// The terms `rows` were filtered by (not the typed ones while updating).
    shown: Vec<Term>,
    /// Earlier results in the current order, oldest first, to narrow or to take again.
    found: Vec<Found>,
    /// Counts every change of the filter, the sort or the data: a pass's outcome is
    /// shown only if nothing changed since it was asked for.
    generation: u64,
    /// A pass left for the filtering thread.
    pending: Option<Job>,
    /// Passes over more rows than this are left for the filtering thread; `None`: none.
    background: Option<usize>,
    /// Per stage, the vehicles among the rows shown (indexed like the stages).
    pub(crate) per_stage: Vec<u32>,
    pub(crate) overdue: usize,
    pub(crate) held: usize,
    pub(crate) widths: Widths,
    pub(crate) filter: String,
    pub(crate) typing: bool,
    pub(crate) sort: SortKey,
    pub(crate) descending: bool,
    /// Index into `rows`.
    pub(crate) selected: Option<usize>,
    /// The serial of the selected vehicle, to find it again after a reload.
    selected_serial: Option<crate::domain::Serial>,
    /// The selected vehicle's index in the queue, to find it again when the rows change.
    selected_id: Option<u32>,
    /// The first row on screen.
    pub(crate) offset: usize,
    /// Rows on screen at the last render, for PgUp/PgDn.
    page: usize,
    pub(crate) detail: bool,
    /// The bottleneck, for the hint on the bottom line (set by [`super::App`] after the
    /// flow figures: [`Bottleneck::choose`]).
    pub(crate) bottleneck: Option<Bottleneck>,
}

/// Where the selection goes when its vehicle is no longer among the rows.
#[derive(Clone, Copy)]
enum Lost {
    /// The first row (the filter changed).
    First,
    /// The row at the same place (a reload took the vehicle away).
    SamePlace,
}

impl State {
    /// Rebuilds the rows for new data, keeping the filter, the sort and the selected
    /// vehicle when it is still queued.
    pub fn refresh(&mut self, data: &Data) {
        if self.basis.as_ref().is_some_and(|b| b.matches(data)) {
            return;
        }
        self.basis = Some(Arc::new(QueueBasis::of(data)));
        let p = data.programme();
        // Built on the loader's thread with the data, when it was.
        (self.index, self.widths) = match &data.queue_index {
            Some((index, widths)) => (Arc::clone(index), *widths),
            None => {
                let index = Index::new(p, data.today());
                let widths = Widths::of(p, &index);
                (Arc::new(index), widths)
            }
        };
        self.total = p.queue.len();
        self.all = Counts::all(&self.index);
        self.order = Arc::new(sort::order(&self.index, p, self.sort, self.descending));
        self.found.clear();
        self.selected_id = self.selected_serial.as_deref().and_then(|serial| {
            let i = p.queue.iter().position(|v| *v.serial == *serial)?;
            u32::try_from(i).ok()
        });
        // The rows shown are of the old queue: the new ones cannot wait for the thread.
        self.refilter(p, Lost::SamePlace, true);
    }

    /// The index the rows are filtered and sorted through (built with the data on the
    /// loader's thread, or by [`State::refresh`]).
    #[cfg(test)]
    pub(crate) fn index(&self) -> &Arc<Index> {
        &self.index
    }

    /// Every vehicle in the order of the sort (built by [`State::refresh`] or a sort).
    #[cfg(test)]
    pub(crate) fn order(&self) -> &Arc<Vec<u32>> {
        &self.order
    }

    /// Changes the state for `action` (typing, sorting, opening, moving); returns true when
    /// the screen changes, false when the action means nothing here (so `Esc` with nothing
    /// to close falls through).
    pub fn handle(&mut self, action: Action, data: &Data) -> bool {
        match action {
            Action::StartFilter => {
                self.typing = true;
                true
            }
            Action::FilterChar(c) if self.typing => {
                if !c.is_control() && self.filter.chars().count() < MAX_FILTER {
                    self.filter.push(c);
                    self.refilter(data.programme(), Lost::First, false);
                }
                true
            }
            Action::FilterBackspace if self.typing => {
                if self.filter.pop().is_some() {
                    self.refilter(data.programme(), Lost::First, false);
                }
                true
            }
            Action::AcceptFilter if self.typing => {
                self.typing = false;
                if self.filter.trim().is_empty() {
                    self.filter.clear();
                }
                true
            }
            Action::Close => {
                if self.typing {
                    self.typing = false;
                    self.clear_filter(data);
                } else if self.detail {
                    self.detail = false;
                } else if !self.filter.is_empty() {
                    self.clear_filter(data);
                } else {
                    return false;
                }
                true
            }
            Action::SortNext => {
                self.sort = self.sort.next();
                self.descending = self.sort.starts_descending();
                self.resort(data);
                true
            }
            Action::SortReverse => {
                self.descending = !self.descending;
                self.resort(data);
                true
            }
            Action::Open => {
                if self.selected.is_none() {
                    return false;
                }
                self.detail = true;
                true
            }
            Action::Scroll(n) => self.scroll(n, data),
            movement => {
                let moved =
                    list::move_selection(&mut self.selected, self.rows.len(), movement, self.page);
                if moved {
                    self.remember_selection(data.programme());
                }
                moved
            }
        }
    }

    /// True while the user types a filter.
    pub fn is_typing(&self) -> bool {
        self.typing
    }

    /// The words of the filter that look like a field prefix (`due:`, `fmaily:x`) but name
    /// no field: they are read as text, which the feedback says when nothing matches.
    pub fn unknown_fields(&self) -> Vec<String> {
        self.filter
            .split_whitespace()
            .filter(|word| {
                word.split_once(':').is_some_and(|(prefix, _)| {
                    !prefix.is_empty()
                        && prefix.chars().all(char::is_alphabetic)
                        && matches!(
                            filter::parse(&format!("{prefix}:")).first(),
                            Some(Term::Text(_))
                        )
                })
            })
            .map(str::to_owned)
            .collect()
    }

    /// The filter typed or kept, as typed.
    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// The sort column, and true when descending.
    pub fn sort(&self) -> (SortKey, bool) {
        (self.sort, self.descending)
    }

    /// True while the selected vehicle's detail is open.
    pub fn detail_open(&self) -> bool {
        self.detail
    }

    /// The number of rows shown (after the filter).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when no vehicle is shown.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The vehicles shown, in order.
    pub fn vehicles<'a>(&'a self, data: &'a Data) -> impl Iterator<Item = &'a Vehicle> + 'a {
        let queue = &data.programme().queue;
        self.rows.iter().filter_map(|&i| queue.get(i as usize))
    }

    /// The selected vehicle.
    pub fn selected<'a>(&self, data: &'a Data) -> Option<&'a Vehicle> {
        let i = *self.rows.get(self.selected?)?;
        data.programme().queue.get(i as usize)
    }

    /// The index of the selected row among the rows shown.
    pub fn selected_row(&self) -> Option<usize> {
        self.selected
    }

    /// The first row on screen.
    pub fn offset(&self) -> usize {
        self.offset
    }

    fn clear_filter(&mut self, data: &Data) {
        if !self.filter.is_empty() {
            self.filter.clear();
            self.refilter(data.programme(), Lost::First, false);
        }
    }

    /// Selects the remembered vehicle again after the rows changed.
    fn restore_selection(&mut self, p: &Programme, lost: Lost) {
        let len = self.rows.len();
        if len == 0 {
            self.selected = None;
            self.offset = 0;
            return;
        }
        let found = self
            .selected_id
            .and_then(|id| self.rows.iter().position(|&i| i == id));
        self.offset = self.offset.min(len - 1);
        match (found, lost) {
            (Some(i), _) => self.selected = Some(i),
            // The vehicle stays remembered, so that it is selected again when the filter
            // lets it back in (a word typed, then erased).
            (None, Lost::First) => self.selected = Some(0),
            (None, Lost::SamePlace) => {
                self.selected = Some(self.selected.unwrap_or(0).min(len - 1));
                self.remember_selection(p);
            }
        }
    }

    fn remember_selection(&mut self, p: &Programme) {
        self.selected_id = self.selected.and_then(|s| self.rows.get(s)).copied();
        self.selected_serial = self
            .selected_id
            .and_then(|i| p.queue.get(i as usize))
            .map(|v| v.serial.clone());
    }

    /// The mouse wheel: the list and the selection move together, so the selected row
    /// stays where it is on screen until the list reaches an end.
    fn scroll(&mut self, n: i8, data: &Data) -> bool {
        let len = self.rows.len();
        if len == 0 {
            return false;
        }
        let shift = |x: usize, max: usize| (x as i64 + i64::from(n)).clamp(0, max as i64) as usize;
        let max_offset = len.saturating_sub(self.page.max(1));
        self.offset = shift(self.offset, max_offset);
        self.selected = Some(shift(self.selected.unwrap_or(0), len - 1));
        self.remember_selection(data.programme());
        true
    }

    /// Takes what the last drawing of the table learned: the rows on screen and the first
    /// of them.
    pub fn seen(&mut self, seen: Seen) {
        self.page = seen.page;
        self.offset = seen.offset;
    }

    /// The first row on screen when the table shows `page` rows: the remembered one, moved
    /// as little as keeps the selection in view.
    pub fn offset_for(&self, page: usize) -> usize {
        let selected = self
            .selected
            .unwrap_or(0)
            .min(self.rows.len().saturating_sub(1));
        list::keep_in_view(selected, self.offset, page, self.rows.len())
    }
}

/// What drawing the queue's table learned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    /// Rows on screen, for PgUp/PgDn.
    pub page: usize,
    /// The first row on screen.
    pub offset: usize,
}
