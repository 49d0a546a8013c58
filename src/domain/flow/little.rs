//! Little's law as a cross-check: per main-line stage, the work in progress (vehicles with
//! a history in the stage now) against the throughput (stays that ended in the last
//! [`WINDOW_WEEKS`] complete weeks, a week) times the time in stage (the mean days of
//! those stays). Where the two agree, the stage is stable and its time in stage explains
//! its queue; where the WIP is far above, work is piling up.
//!
//! The **bottleneck** is the main-line stage whose WIP would take longest to clear at its
//! throughput (WIP ÷ throughput, in days); a stage holding vehicles that none left in the
//! window is stalled and comes first. Ties go to more WIP, then to the earlier stage. No
//! bottleneck is named when no stage had a stay end in the window (nothing to weigh).

use super::super::{Programme, StageId};
use super::{StageFlow, WINDOW_WEEKS};

/// The stays of one stage that ended in the window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Window {
    /// Stays that ended.
    pub exits: u64,
    /// Their days, summed.
    pub days: u64,
}

/// Little's law for one main-line stage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LittleRow {
    /// The stage.
    pub stage: StageId,
    /// Vehicles with a history in the stage now.
    pub wip: u32,
    /// Stays that ended in the window (what the throughput and the mean rest on).
    pub exits: u64,
    /// Vehicles leaving a week, over the window.
    pub per_week: f64,
    /// The mean days of the stays that ended in the window; `None` when none did.
    pub mean_days: Option<f64>,
    /// Throughput × time in stage: the WIP the law expects; `None` when no stay ended.
    pub expected_wip: Option<f64>,
    /// Days to clear the WIP at the throughput (WIP ÷ throughput); `None` when nothing
    /// left the stage in the window.
    pub clear_days: Option<f64>,
}

impl LittleRow {
    /// True when the WIP is more than half again what the law expects: work piling up.
    pub fn piling_up(&self) -> bool {
        self.expected_wip
            .is_none_or(|e| f64::from(self.wip) > e * 1.5 + 0.5)
            && self.wip > 0
    }
}

/// The bottleneck and its evidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bottleneck {
    /// The row of its stage.
    pub row: LittleRow,
    /// Nothing left it in the window while it holds vehicles.
    pub stalled: bool,
}

impl Bottleneck {
    /// The stage.
    pub fn stage(&self) -> StageId {
        self.row.stage
    }

    /// The evidence in words: `12 in progress, 1.5 leave a week (mean 30 days in stage):
    /// 56 days to clear`.
    pub fn evidence(&self) -> String {
        let r = &self.row;
        let mean = r
            .mean_days
            .map(|m| format!(" (mean {m:.0} days in stage)"))
            .unwrap_or_default();
        match r.clear_days {
            Some(days) => format!(
                "{} in progress, {:.1} leave a week{mean}: {days:.0} days to clear",
                r.wip, r.per_week
            ),
            None => format!(
                "{} in progress, none left in the last {WINDOW_WEEKS} weeks: stalled",
                r.wip
            ),
        }
    }
}

/// Little's law per main-line stage; empty when no stage has a throughput (no history).
pub fn rows(p: &Programme, stages: &[StageFlow], windows: &[Window]) -> Vec<LittleRow> {
    stages
        .iter()
        .zip(windows)
        .filter(|(s, _)| !s.rework && s.throughput.is_some())
        .filter(|(s, _)| p.stages.get(s.stage.0 as usize).is_some())
        .map(|(s, w)| {
            let per_week = w.exits as f64 / WINDOW_WEEKS as f64;
            let mean_days = (w.exits > 0).then(|| w.days as f64 / w.exits as f64);
            LittleRow {
                stage: s.stage,
                wip: s.now_tracked,
                exits: w.exits,
                per_week,
                mean_days,
                expected_wip: mean_days.map(|m| per_week * m / 7.0),
                clear_days: (w.exits > 0).then(|| f64::from(s.now_tracked) / per_week * 7.0),
            }
        })
        .collect()
}

/// The bottleneck of `rows` (see the module's rule).
pub fn bottleneck(rows: &[LittleRow]) -> Option<Bottleneck> {
    if rows.iter().all(|r| r.exits == 0) {
        return None;
    }
    let key = |r: &LittleRow| r.clear_days.unwrap_or(f64::INFINITY);
    rows.iter()
        .filter(|r| r.wip > 0)
        .max_by(|a, b| {
            key(a)
                .total_cmp(&key(b))
                .then(a.wip.cmp(&b.wip))
                .then(b.stage.cmp(&a.stage))
        })
        .map(|&row| Bottleneck {
            row,
            stalled: row.clear_days.is_none(),
        })
}
