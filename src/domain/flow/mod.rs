//! How vehicles move through final assembly, from the stage histories: the time spent in
//! each stage, the throughput, the work in progress week by week (the cumulative flow
//! diagram), the lead time to hand-over, the rework rate, and Little's law as a
//! cross-check that names the bottleneck with its evidence.
//!
//! **Definitions.** A *stay* is one visit to a stage; it ends the day the next visit
//! begins, or at the hand-over for a delivered vehicle's last visit; a vehicle still in
//! assembly has its last stay open. *Time in stage* is the whole days of completed stays
//! (median, and the 85th percentile by nearest rank). *Throughput* counts stays that
//! ended (vehicles leaving the stage) per week (Monday to Sunday) and per calendar month;
//! hand-overs count delivered vehicles. The *trend* compares the mean of the last
//! [`TREND_WEEKS`] complete weeks (or [`TREND_MONTHS`] months) with the mean of as many
//! before them: *rising* above 110 %, *falling* under 90 %, *steady* between. *Work in
//! progress* of a week is the vehicles in the stage at the week's end (today for the
//! current week). *Lead time* runs from the first stay's start to hand-over. *Acceptance*
//! is the last main-line stage of a family's line (the one that sends vehicles to
//! rework); the *rework rate* is the visits to rework stages per delivered vehicle whose
//! history passed acceptance. *Little's law*: WIP ≈ throughput × time in stage, over the
//! last [`WINDOW_WEEKS`] complete weeks; the bottleneck is the main-line stage whose WIP
//! would take longest to clear at its throughput (see [`little`]).
//!
//! Every figure carries the vehicles or stays it rests on; a figure histories do not give
//! is `None`, never 0, and [`Basis`] says how many vehicles have none.
//!
//! The queue's and the deliveries' contributions are gathered apart ([`parts`]), so that a
//! reload that shares one of the lists keeps its part ([`Cache`]).

mod cache;
mod combine;
pub mod little;
pub mod parts;
pub mod stats;

pub use cache::Cache;
pub use little::{Bottleneck, LittleRow};
pub use stats::{Direction, Trend};

use super::balance::Measured;
use super::{Date, Programme, StageId};

/// The complete weeks Little's law and the throughput a week average over (a quarter).
pub const WINDOW_WEEKS: usize = 13;
/// The complete weeks in each half of a weekly trend.
pub const TREND_WEEKS: usize = 4;
/// The complete months in each half of a monthly trend.
pub const TREND_MONTHS: usize = 3;

/// How many vehicles have a stage history, and how many do not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Basis {
    /// Vehicles in assembly with a history.
    pub queue_tracked: u32,
    /// Vehicles in assembly without one.
    pub queue_untracked: u32,
    /// Delivered vehicles with a history.
    pub delivered_tracked: u32,
    /// Delivered vehicles without one (listed or only counted).
    pub delivered_untracked: u32,
}

impl Basis {
    /// Vehicles with a history.
    pub fn tracked(&self) -> u32 {
        self.queue_tracked.saturating_add(self.delivered_tracked)
    }

    /// Vehicles without one.
    pub fn untracked(&self) -> u32 {
        self.queue_untracked
            .saturating_add(self.delivered_untracked)
    }

    /// True when no vehicle has a history: only the figures of today's queue and the
    /// hand-overs can be given.
    pub fn no_history(&self) -> bool {
        self.tracked() == 0
    }

    /// What the histories cover, in words: `histories for 120 of 150 vehicles`,
    /// `no stage histories: ...`.
    pub fn words(&self) -> String {
        let all = self.tracked().saturating_add(self.untracked());
        if self.no_history() {
            "no stage histories in the status files: times in stage, throughput of stages, \
             work in progress over time, lead times and rework cannot be computed"
                .to_owned()
        } else if self.untracked() == 0 {
            format!("histories for all {all} vehicles")
        } else {
            format!(
                "histories for {} of {all} vehicles ({} without: left out of the flow figures)",
                self.tracked(),
                self.untracked()
            )
        }
    }
}

/// Days a figure spreads over, and what it rests on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    /// The median, in days.
    pub median: f64,
    /// The 85th percentile, in whole days.
    pub p85: u32,
    /// The mean, in days.
    pub mean: f64,
    /// Values counted (stays, or vehicles for lead times).
    pub count: u64,
    /// Vehicles they come from.
    pub vehicles: u32,
}

/// Vehicles leaving a stage, or handed over, per period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Throughput {
    /// Per week of [`Flow::weeks`].
    pub weekly: Vec<u32>,
    /// Per month of [`Flow::months`].
    pub monthly: Vec<u32>,
    /// The mean per week over the last [`WINDOW_WEEKS`] complete weeks.
    pub per_week: f64,
    /// The weekly trend; `None` with too few complete weeks.
    pub weekly_trend: Option<Trend>,
    /// The monthly trend; `None` with too few complete months.
    pub monthly_trend: Option<Trend>,
}

/// One stage's flow.
#[derive(Debug, Clone, PartialEq)]
pub struct StageFlow {
    /// The stage.
    pub stage: StageId,
    /// Off the main line.
    pub rework: bool,
    /// Vehicles in the stage now (all of them, history or not).
    pub now: u32,
    /// Of them, those with a history (what the work in progress series counts).
    pub now_tracked: u32,
    /// Days the oldest vehicle in the stage now has been there; `None` when it is empty.
    pub oldest_days: Option<u32>,
    /// Days of completed stays; `None` when no history gives one.
    pub time: Option<Spread>,
    /// Vehicles leaving the stage; `None` without any history.
    pub throughput: Option<Throughput>,
    /// Vehicles with a history in the stage at the end of each week of [`Flow::weeks`].
    pub wip: Vec<u32>,
}

/// The rework rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rework {
    /// Delivered vehicles whose history passed acceptance.
    pub passed: u32,
    /// Their visits to rework stages.
    pub visits: u32,
    /// Of them, those sent to rework at least once.
    pub reworked: u32,
}

impl Rework {
    /// Visits to rework per vehicle that passed acceptance.
    pub fn rate(&self) -> f64 {
        f64::from(self.visits) / f64::from(self.passed.max(1))
    }
}

/// The flow figures of a programme as of one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// The day.
    pub today: Date,
    /// What the histories cover.
    pub basis: Basis,
    /// The Monday of each week, from the first week with a stay or a hand-over to today's.
    pub weeks: Vec<Date>,
    /// The first day of each month, from the first with a stay or a hand-over to today's.
    pub months: Vec<Date>,
    /// Per stage, indexed like the programme's stages.
    pub stages: Vec<StageFlow>,
    /// Hand-overs (from the deliveries, histories or not).
    pub handovers: Throughput,
    /// Delivered vehicles handed over per week of [`Flow::weeks`], cumulative: the bottom
    /// band of the cumulative flow diagram.
    pub delivered_cumulative: Vec<u32>,
    /// Lead time from the first stage to hand-over; `None` without delivered histories.
    pub lead: Option<Spread>,
    /// The same per family (indexed like the programme's families).
    pub lead_families: Vec<Option<Spread>>,
    /// The rework rate; `None` when no delivered history passed acceptance.
    pub rework: Option<Rework>,
    /// Little's law per main-line stage; empty without histories.
    pub little: Vec<LittleRow>,
    /// The bottleneck by Little's law; `None` without histories or throughput.
    pub bottleneck: Option<Bottleneck>,
    /// Measured lead times to hand-over, for the Line of Balance.
    pub measured: Measured,
}

impl Flow {
    /// The flow figures of `p` as of `today` (no cache: [`Cache::flow`] keeps the parts).
    pub fn compute(p: &Programme, today: Date) -> Flow {
        let queue = parts::Part::of_queue(p, &p.queue);
        let deliveries = parts::Part::of_deliveries(p, &p.deliveries);
        combine::combine(p, today, &queue, &deliveries)
    }

    /// The stage's flow.
    pub fn stage(&self, s: StageId) -> Option<&StageFlow> {
        self.stages.get(s.0 as usize)
    }
}
