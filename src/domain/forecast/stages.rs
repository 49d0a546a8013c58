//! The assembly queue stage by stage: how many vehicles wait in each stage and for how
//! long, and the main line's bottleneck.

use super::super::{Date, Programme, StageId};
use super::Forecast;

/// Vehicles waiting in one stage of final assembly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageWait {
    /// The stage.
    pub stage: StageId,
    /// The stage is off the main line (rework after a defect).
    pub rework: bool,
    /// Vehicles in the stage now.
    pub vehicles: u32,
    /// Of which on hold.
    pub on_hold: u32,
    /// Of which past their due date.
    pub overdue: u32,
    /// The median of the vehicles' days in the stage; `None` when the stage is empty.
    pub median_days: Option<f64>,
    /// The longest of the vehicles' days in the stage; `None` when the stage is empty.
    pub longest_days: Option<i64>,
}

impl Forecast {
    /// The stage of the main line where vehicles have waited longest (by median days in
    /// the stage); ties go to the stage holding more vehicles, then to the earlier stage.
    /// Rework stages are left out: vehicles wait there for a fix, not for capacity, so they
    /// would hide the line's real bottleneck. `None` when no main-line stage holds a
    /// vehicle.
    pub fn bottleneck(&self) -> Option<&StageWait> {
        self.stages
            .iter()
            .filter(|s| !s.rework)
            .filter_map(|s| s.median_days.map(|m| (m, s)))
            .max_by(|(ma, a), (mb, b)| {
                ma.total_cmp(mb)
                    .then(a.vehicles.cmp(&b.vehicles))
                    .then(b.stage.cmp(&a.stage))
            })
            .map(|(_, s)| s)
    }
}

/// Every stage with the vehicles in it and how long they have waited, as of `today`.
pub fn stage_waits(programme: &Programme, today: Date) -> Vec<StageWait> {
    programme
        .stage_ids()
        .map(|stage| {
            let vehicles: Vec<_> = programme
                .queue
                .iter()
                .filter(|v| v.stage == stage)
                .collect();
            let mut days: Vec<i64> = vehicles.iter().map(|v| v.days_in_stage(today)).collect();
            days.sort_unstable();
            StageWait {
                stage,
                rework: programme.stage(stage).rework,
                vehicles: vehicles.len() as u32,
                on_hold: vehicles.iter().filter(|v| v.is_on_hold()).count() as u32,
                overdue: vehicles.iter().filter(|v| v.is_overdue(today)).count() as u32,
                median_days: median(&days),
                longest_days: days.last().copied(),
            }
        })
        .collect()
}

/// The median of sorted values: the middle one, or the mean of the two middle ones.
fn median(sorted: &[i64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2] as f64),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
    }
}
