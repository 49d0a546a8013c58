//! The Assembly queue's state: the filter, the sort, the rows they leave, the selection
//! and the detail.
//!
//! A generated programme may queue 100 000 vehicles, so the work is split: filtering and
//! sorting happen in [`State::refresh`] and when the user changes the filter or the sort,
//! and leave a list of row indices; drawing only builds the rows on screen.

pub mod filter;
mod parts;

use std::cmp::Ordering;

pub use filter::{FIELDS, Field, Term, parse as parse_filter};
pub use parts::SortKey;
pub(crate) use parts::{Bottleneck, Widths};

use super::{Action, Data, QueueBasis, list};
use crate::domain::{Date, Programme, Vehicle};

/// The longest filter kept, in characters.
const MAX_FILTER: usize = 200;

/// The queue view's state: what a load gives (the rows, their counts and widths) and what
/// the user chose (filter, sort, selection, detail).
#[derive(Debug, Default)]
pub struct State {
    /// What the rows were built from: a reload that leaves it as it was keeps them.
    basis: Option<QueueBasis>,
    /// Lower-cased text of the load, for the filter.
    index: filter::Index,
    /// Vehicles in the queue, before the filter.
    pub(crate) total: usize,
    /// Indices into [`Programme::queue`] of the rows shown, filtered and sorted.
    pub(crate) rows: Vec<u32>,
    /// Per stage, the vehicles among the rows shown (indexed like the stages).
    pub(crate) per_stage: Vec<u32>,
    pub(crate) overdue: usize,
    pub(crate) held: usize,
    /// Sort rank of each stage: flow order, rework stages after the main line.
    stage_rank: Vec<u32>,
    /// Sort rank of each site: by name.
    site_rank: Vec<u32>,
    pub(crate) widths: Widths,
    pub(crate) filter: String,
    pub(crate) typing: bool,
    pub(crate) sort: SortKey,
    pub(crate) descending: bool,
    /// Index into `rows`.
    pub(crate) selected: Option<usize>,
    /// The serial of the selected vehicle, to find it again when the rows change.
    selected_serial: Option<crate::domain::Serial>,
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
        self.basis = Some(QueueBasis::of(data));
        let p = data.programme();
        self.index = filter::Index::new(p);
        self.widths = Widths::measure(p);
        let n = p.stages.len() as u32;
        self.stage_rank = p
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| i as u32 + if s.rework { n } else { 0 })
            .collect();
        let mut sites: Vec<usize> = (0..p.sites.len()).collect();
        sites.sort_by_cached_key(|&i| p.sites[i].to_lowercase());
        self.site_rank = vec![0; sites.len()];
        for (rank, &i) in sites.iter().enumerate() {
            self.site_rank[i] = rank as u32;
        }
        self.total = p.queue.len();
        self.rebuild(data, Lost::SamePlace);
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
                    self.rebuild(data, Lost::First);
                }
                true
            }
            Action::FilterBackspace if self.typing => {
                if self.filter.pop().is_some() {
                    self.rebuild(data, Lost::First);
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
            self.rebuild(data, Lost::First);
        }
    }

    /// Filters and sorts the rows again.
    fn rebuild(&mut self, data: &Data, lost: Lost) {
        let p = data.programme();
        let today = data.today();
        let matcher = filter::Matcher::new(&filter::parse(&self.filter), &self.index, today);
        self.rows = if matcher.is_empty() {
            (0..p.queue.len() as u32).collect()
        } else {
            p.queue
                .iter()
                .enumerate()
                .filter(|(_, v)| matcher.matches(v))
                .map(|(i, _)| i as u32)
                .collect()
        };
        self.per_stage = vec![0; p.stages.len()];
        (self.overdue, self.held) = (0, 0);
        for &i in &self.rows {
            let v = &p.queue[i as usize];
            if let Some(n) = self.per_stage.get_mut(v.stage.0 as usize) {
                *n += 1;
            }
            self.overdue += usize::from(v.is_overdue(today));
            self.held += usize::from(v.is_on_hold());
        }
        self.sort_rows(p, today);
        self.restore_selection(p, lost);
    }

    /// Sorts the rows again (the filter did not change).
    fn resort(&mut self, data: &Data) {
        self.sort_rows(data.programme(), data.today());
        self.restore_selection(data.programme(), Lost::First);
    }

    fn sort_rows(&mut self, p: &Programme, today: Date) {
        let (key, descending) = (self.sort, self.descending);
        let (stage_rank, site_rank) = (&self.stage_rank, &self.site_rank);
        let rank = |ranks: &[u32], i: u32| ranks.get(i as usize).copied().unwrap_or(u32::MAX);
        self.rows.sort_unstable_by(|&a, &b| {
            let (va, vb) = (&p.queue[a as usize], &p.queue[b as usize]);
            let primary = match key {
                SortKey::Serial => Ordering::Equal,
                SortKey::Variant => va.variant.cmp(&vb.variant),
                SortKey::Stage => rank(stage_rank, va.stage.0).cmp(&rank(stage_rank, vb.stage.0)),
                SortKey::Site => rank(site_rank, va.site.0).cmp(&rank(site_rank, vb.site.0)),
                SortKey::DaysInStage => va.days_in_stage(today).cmp(&vb.days_in_stage(today)),
                // Vehicles without a due date go after the dated ones.
                SortKey::Due => match (va.due, vb.due) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                },
            };
            let by_serial = va.serial.cmp(&vb.serial).then(a.cmp(&b));
            match (key, descending) {
                (SortKey::Serial, true) => by_serial.reverse(),
                (_, true) => primary.reverse().then(by_serial),
                (_, false) => primary.then(by_serial),
            }
        });
    }

    /// Selects the remembered vehicle again after the rows changed.
    fn restore_selection(&mut self, p: &Programme, lost: Lost) {
        let len = self.rows.len();
        if len == 0 {
            self.selected = None;
            self.offset = 0;
            return;
        }
        let found = self.selected_serial.as_deref().and_then(|serial| {
            self.rows.iter().position(|&i| {
                p.queue
                    .get(i as usize)
                    .is_some_and(|v| *v.serial == *serial)
            })
        });
        self.offset = self.offset.min(len - 1);
        match (found, lost) {
            (Some(i), _) => self.selected = Some(i),
            // The serial stays remembered, so that the vehicle is selected again when the
            // filter lets it back in (a word typed, then erased).
            (None, Lost::First) => self.selected = Some(0),
            (None, Lost::SamePlace) => {
                self.selected = Some(self.selected.unwrap_or(0).min(len - 1));
                self.remember_selection(p);
            }
        }
    }

    fn remember_selection(&mut self, p: &Programme) {
        self.selected_serial = self
            .selected
            .and_then(|s| self.rows.get(s))
            .and_then(|&i| p.queue.get(i as usize))
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
