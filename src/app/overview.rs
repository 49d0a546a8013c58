//! The Overview's state: what it derives from a load once (the plan to date per family,
//! the queue's held and overdue vehicles per stage, the vehicles that need attention), so
//! that drawing stays cheap on a queue of any length.

use std::cmp::Reverse;

use super::{Action, Data, QueueBasis};
use crate::domain::holds::{HoldGroup, hold_groups};

/// The most vehicles kept for the attention list.
const ATTENTION_MAX: usize = 100;

/// What the Overview derives from a load once, so that drawing stays cheap on a queue of
/// any length.
#[derive(Debug, Default, Clone)]
pub struct State {
    /// Per family, the deliveries the plan expects by today.
    pub(crate) family_plan_to_date: Vec<f64>,
    /// Per stage, the vehicles on hold and overdue.
    pub(crate) stage_held: Vec<u32>,
    pub(crate) stage_overdue: Vec<u32>,
    /// Indices into the queue of the overdue vehicles (most overdue first), then the held
    /// ones (longest in stage first).
    pub(crate) attention: Vec<u32>,
    /// All the overdue or held vehicles, of which `attention` keeps the first.
    pub(crate) attention_total: usize,
    /// The holds grouped by reason, in words (`waiting for FN deFNder weapon station: 2,
    /// the longest 7 days`), most vehicles first.
    pub(crate) holds: Vec<String>,
    /// What the queue figures above were built from: a reload that leaves it as it was
    /// keeps them.
    basis: Option<QueueBasis>,
}

impl State {
    /// Derives the figures of `data`, keeping the queue's when the queue is as it was.
    pub fn refresh(&mut self, data: &Data) {
        let p = data.programme();
        let f = &data.figures;
        let today = data.today();

        // The domain's plan to date per family: the same whole vehicles as the variants'
        // rows and the programme's, so that the gauges' ticks and the totals agree.
        self.family_plan_to_date = f
            .family_schedules
            .iter()
            .map(|s| s.planned_to_date)
            .collect();

        if self.basis.as_ref().is_some_and(|b| b.matches(data)) {
            return;
        }
        self.basis = Some(QueueBasis::of(data));
        self.holds = hold_groups(p, today).iter().map(HoldGroup::words).collect();
        self.stage_held = vec![0; p.stages.len()];
        self.stage_overdue = vec![0; p.stages.len()];
        let mut overdue = Vec::new();
        let mut held = Vec::new();
        for (i, v) in p.queue.iter().enumerate() {
            let s = v.stage.0 as usize;
            if let Some(days) = v.days_overdue(today) {
                overdue.push((Reverse(days), i as u32));
                if let Some(n) = self.stage_overdue.get_mut(s) {
                    *n += 1;
                }
            } else if v.is_on_hold() {
                held.push((Reverse(v.days_in_stage(today)), i as u32));
            }
            if v.is_on_hold()
                && let Some(n) = self.stage_held.get_mut(s)
            {
                *n += 1;
            }
        }
        self.attention_total = overdue.len() + held.len();
        // Only the first ATTENTION_MAX are kept: pick them, then sort those alone.
        let serial = |i: u32| &p.queue[i as usize].serial;
        let order = |a: &(Reverse<i64>, u32), b: &(Reverse<i64>, u32)| {
            a.0.cmp(&b.0).then_with(|| serial(a.1).cmp(serial(b.1)))
        };
        for list in [&mut overdue, &mut held] {
            if list.len() > ATTENTION_MAX {
                list.select_nth_unstable_by(ATTENTION_MAX, order);
                list.truncate(ATTENTION_MAX);
            }
            list.sort_unstable_by(order);
        }
        self.attention = overdue
            .into_iter()
            .chain(held)
            .map(|(_, i)| i)
            .take(ATTENTION_MAX)
            .collect();
    }

    /// The Overview has nothing to select or scroll: returns false, nothing changes.
    pub fn handle(&mut self, _action: Action, _data: &Data) -> bool {
        false
    }
}
