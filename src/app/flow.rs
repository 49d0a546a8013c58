//! The Flow view's state: the flow figures of the last load (derived once per load through
//! a [`Cache`] that keeps what an unchanged queue or deliveries gave), the stage selected
//! in the table, and the list of its vehicles by age that `Enter` opens and `Esc` closes.

use super::{Action, Data, list};
use crate::domain::StageId;
use crate::domain::balance::Measured;
use crate::domain::flow::{Cache, Flow};

/// What the Flow view derives from a load, and what the user chose.
#[derive(Debug, Default)]
pub struct State {
    cache: Cache,
    /// The figures of the last load; `None` before the first refresh.
    pub(crate) flow: Option<Flow>,
    /// The row selected in the stage table (a stage, in flow order).
    pub selected: usize,
    /// The selected stage's vehicles listed by age (`Enter`), as indices into the queue,
    /// oldest first; `None` when the list is closed.
    pub(crate) vehicles: Option<Vec<u32>>,
    /// The vehicle selected in the open list.
    pub vehicle: usize,
    /// The first vehicle on screen.
    pub(crate) offset: usize,
    /// Rows of the list on screen at the last drawing, for PgUp/PgDn.
    page: usize,
}

/// What drawing the vehicles' list learned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    /// Rows on screen.
    pub page: usize,
    /// The first row on screen.
    pub offset: usize,
}

/// A copy of the state without its cache (the domain's cache is not copied): the copy
/// gathers its first figures anew unless [`State::lend_cache`] gives it the original's.
impl Clone for State {
    fn clone(&self) -> Self {
        State {
            cache: Cache::default(),
            flow: self.flow.clone(),
            selected: self.selected,
            vehicles: self.vehicles.clone(),
            vehicle: self.vehicle,
            offset: self.offset,
            page: self.page,
        }
    }
}

impl State {
    /// Moves this state's cache into `other` (a copy that will be refreshed in its place,
    /// on another thread); this one keeps an empty cache, which only a refresh reads.
    pub(crate) fn lend_cache(&mut self, other: &mut State) {
        other.cache = std::mem::take(&mut self.cache);
    }

    /// Derives the figures of `data`; the selection stays when its stage still exists and
    /// an open list is rebuilt from the new queue.
    pub fn refresh(&mut self, data: &Data) {
        let p = data.programme();
        self.flow = Some(self.cache.flow(p, data.today()));
        self.selected = self.selected.min(p.stages.len().saturating_sub(1));
        if self.vehicles.is_some() {
            self.open(data);
        }
    }

    /// The measured lead times of the last load, for the Line of Balance.
    pub fn measured(&self) -> Measured {
        self.flow
            .as_ref()
            .map(|f| f.measured.clone())
            .unwrap_or_default()
    }

    /// The stage selected.
    pub fn stage(&self) -> StageId {
        StageId(self.selected as u32)
    }

    /// The open list: indices into the queue, oldest first.
    pub fn listed(&self) -> Option<&[u32]> {
        self.vehicles.as_deref()
    }

    /// True while the list of a stage's vehicles is open.
    pub fn is_open(&self) -> bool {
        self.vehicles.is_some()
    }

    fn open(&mut self, data: &Data) {
        let p = data.programme();
        let stage = self.stage();
        let mut rows: Vec<u32> = p
            .queue
            .iter()
            .enumerate()
            .filter(|(_, v)| v.stage == stage)
            .map(|(i, _)| i as u32)
            .collect();
        rows.sort_by(|&a, &b| {
            let (a, b) = (&p.queue[a as usize], &p.queue[b as usize]);
            a.since.cmp(&b.since).then_with(|| a.serial.cmp(&b.serial))
        });
        self.vehicle = self.vehicle.min(rows.len().saturating_sub(1));
        self.offset = self.offset.min(self.vehicle);
        self.vehicles = Some(rows);
    }

    /// `↑` `↓` and paging move the stage selected, or the vehicle in an open list; `Enter`
    /// opens the list of the stage's vehicles, `Esc` closes it. True when the screen
    /// changes.
    pub fn handle(&mut self, action: Action, data: &Data) -> bool {
        match (action, &self.vehicles) {
            (Action::Open, None) => {
                self.vehicle = 0;
                self.offset = 0;
                self.open(data);
                true
            }
            (Action::Close, Some(_)) => {
                self.vehicles = None;
                true
            }
            (_, Some(rows)) => {
                let mut at = Some(self.vehicle);
                let moved = list::move_selection(&mut at, rows.len(), action, self.page);
                self.vehicle = at.unwrap_or(0);
                self.offset = list::keep_in_view(self.vehicle, self.offset, self.page, rows.len());
                moved
            }
            (_, None) => {
                let stages = data.programme().stages.len();
                let mut at = Some(self.selected);
                let moved = list::move_selection(&mut at, stages, action, stages);
                self.selected = at.unwrap_or(0);
                moved
            }
        }
    }

    /// Takes what the last drawing of the list learned.
    pub fn seen(&mut self, seen: Seen) {
        self.page = seen.page;
        self.offset = seen.offset;
    }
}
