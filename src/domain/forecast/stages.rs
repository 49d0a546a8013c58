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
///
/// One pass over the queue puts each vehicle's days in stage in its stage's list; the
/// median and the longest are then picked from each list (`select_nth_unstable`, linear)
/// instead of sorting it. At a million vehicles a pass per stage cost some 0.3 s.
pub fn stage_waits(programme: &Programme, today: Date) -> Vec<StageWait> {
    let n = programme.stages.len();
    let mut days: Vec<Vec<i64>> = vec![Vec::new(); n];
    let mut on_hold = vec![0u32; n];
    let mut overdue = vec![0u32; n];
    for v in programme.queue.iter() {
        let s = v.stage.0 as usize;
        let Some(list) = days.get_mut(s) else {
            continue;
        };
        list.push(v.days_in_stage(today));
        on_hold[s] += u32::from(v.is_on_hold());
        overdue[s] += u32::from(v.is_overdue(today));
    }
    programme
        .stage_ids()
        .zip(days)
        .map(|(stage, mut days)| {
            let i = stage.0 as usize;
            StageWait {
                stage,
                rework: programme.stage(stage).rework,
                vehicles: days.len() as u32,
                on_hold: on_hold[i],
                overdue: overdue[i],
                longest_days: days.iter().copied().max(),
                median_days: median(&mut days),
            }
        })
        .collect()
}

/// The median of `values` (reordered): the middle one, or the mean of the two middle
/// ones, as of the values sorted.
fn median(values: &mut [i64]) -> Option<f64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let (below, &mut mid, _) = values.select_nth_unstable(n / 2);
    if n % 2 == 1 {
        return Some(mid as f64);
    }
    let before = below.iter().copied().max().unwrap_or(mid);
    Some((before + mid) as f64 / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_unsorted_days_is_the_middle_one_or_the_mean_of_the_two() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [7]), Some(7.0));
        // Sorted: 1 2 9 40 -> (2 + 9) / 2.
        assert_eq!(median(&mut [40, 2, 9, 1]), Some(5.5));
        // Sorted: 0 3 3 5 8 -> 3.
        assert_eq!(median(&mut [8, 3, 0, 5, 3]), Some(3.0));
        // Sorted: 4 4 4 10 -> 4.
        assert_eq!(median(&mut [4, 10, 4, 4]), Some(4.0));
    }
}
