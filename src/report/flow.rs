//! The `flow` section of the report: how vehicles move through the stages (the Flow view's
//! figures), its JSON form and its table. Every figure the histories do not give is null,
//! never 0, and `missing` says why.

use serde::Serialize;

use super::cell::{Cell, Table, col};
use crate::domain::completeness::{Completeness, UNSURE};
use crate::domain::flow::{Flow, Spread, Throughput, Trend, WINDOW_WEEKS};
use crate::domain::{Programme, StageId};

/// The definitions behind the figures, in words the report shows beside them.
pub const RULE: &str = "A stay in a stage ends the day the next begins, or at hand-over. Days in \
     stage are those of completed stays (median; 85th percentile by nearest rank). Leaving a \
     week is the stays that ended in the last 13 complete weeks, divided by 13; the trend \
     compares the last 4 complete weeks (3 months) with the 4 (3) before: rising above 110 %, \
     falling under 90 %. Work in progress is counted at each week's end. Lead time runs from \
     the first stay to hand-over. Acceptance is the last main-line stage of a family; rework \
     rate = visits to rework stages per delivered vehicle whose history passed it. Little's \
     law: WIP ≈ leaving a week × mean days in stage ÷ 7; the bottleneck is the main-line \
     stage whose WIP takes longest to clear at its rate.";

/// The flow figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowReport {
    /// [`RULE`].
    pub rule: &'static str,
    /// Why the figures of the load are not complete (`figures incomplete: queue-seraing.yaml
    /// refused: its records are left out`, [`Completeness::why_not`]); null when they are.
    pub incomplete: Option<String>,
    /// What the histories cover, in words.
    pub coverage: String,
    /// Vehicles in assembly with a stage history.
    pub queue_with_history: u32,
    /// Vehicles in assembly without one.
    pub queue_without_history: u32,
    /// Delivered vehicles with a stage history.
    pub delivered_with_history: u32,
    /// Delivered vehicles without one.
    pub delivered_without_history: u32,
    /// What cannot be computed, in words.
    pub missing: Vec<String>,
    /// The bottleneck by Little's law; null without histories.
    pub bottleneck: Option<FlowBottleneck>,
    /// Lead time from the first stage to hand-over; null without delivered histories.
    pub lead_time: Option<FlowSpread>,
    /// The rework rate; null when no delivered history passed acceptance.
    pub rework: Option<FlowRework>,
    /// Per stage, in flow order.
    pub stages: Vec<FlowStage>,
    /// Hand-overs (from the deliveries, histories or not).
    pub handovers: FlowThroughput,
    /// Per week: the cumulative flow diagram's data (empty without histories).
    pub weeks: Vec<FlowWeek>,
}

/// Days spread over values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowSpread {
    /// Median days.
    pub median_days: f64,
    /// 85th percentile, whole days.
    pub p85_days: u32,
    /// Mean days.
    pub mean_days: f64,
    /// Values counted (stays, or delivered vehicles for the lead time).
    pub count: u64,
    /// Vehicles they come from.
    pub vehicles: u32,
}

/// Vehicles leaving a stage or handed over.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowThroughput {
    /// The mean a week over the last 13 complete weeks.
    pub per_week: f64,
    /// `rising`, `steady` or `falling`; null with too few complete weeks.
    pub weekly_trend: Option<&'static str>,
    /// The same over months.
    pub monthly_trend: Option<&'static str>,
    /// Per month (`YYYY-MM`), from the first with a stay or a hand-over.
    pub monthly: Vec<(String, u32)>,
}

/// One stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowStage {
    /// The stage's id.
    pub stage: String,
    /// Its name.
    pub name: String,
    /// Off the main line.
    pub rework: bool,
    /// Vehicles in it now.
    pub in_progress: u32,
    /// Days the oldest vehicle in it now has been there.
    pub oldest_days: Option<u32>,
    /// Days of completed stays; null without any.
    pub days_in_stage: Option<FlowSpread>,
    /// Vehicles leaving it; null without histories.
    pub leaving: Option<FlowThroughput>,
    /// Little's law: the WIP with a history now, and what the law expects.
    pub little_wip: Option<u32>,
    /// Leaving a week × mean days ÷ 7.
    pub little_expected_wip: Option<f64>,
    /// Days to clear the WIP at its rate (null: none left in the window).
    pub clear_days: Option<f64>,
}

/// The rework rate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowRework {
    /// Delivered vehicles whose history passed acceptance.
    pub passed_acceptance: u32,
    /// Their visits to rework stages.
    pub rework_visits: u32,
    /// Of them, those sent to rework at least once.
    pub reworked: u32,
    /// Visits per vehicle.
    pub rate: f64,
}

/// The bottleneck and its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowBottleneck {
    /// The stage's id.
    pub stage: String,
    /// Its name.
    pub name: String,
    /// The evidence in words.
    pub evidence: String,
    /// No vehicle left it in the window.
    pub stalled: bool,
}

/// One week of the cumulative flow diagram.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowWeek {
    /// Its Monday.
    pub week: String,
    /// Vehicles handed over by its end, cumulative.
    pub handed_over: u32,
    /// Vehicles with a history in each stage at its end, in flow order.
    pub in_stage: Vec<u32>,
}

fn round(x: f64, d: i32) -> f64 {
    let s = 10f64.powi(d);
    (x * s).round() / s
}

fn spread(s: &Spread) -> FlowSpread {
    FlowSpread {
        median_days: s.median,
        p85_days: s.p85,
        mean_days: round(s.mean, 1),
        count: s.count,
        vehicles: s.vehicles,
    }
}

fn throughput(t: &Throughput, flow: &Flow) -> FlowThroughput {
    let dir = |tr: Option<Trend>| tr.map(|t| t.direction.as_str());
    FlowThroughput {
        per_week: round(t.per_week, 2),
        weekly_trend: dir(t.weekly_trend),
        monthly_trend: dir(t.monthly_trend),
        monthly: flow
            .months
            .iter()
            .zip(&t.monthly)
            .map(|(m, &n)| (m.format("%Y-%m").to_string(), n))
            .collect(),
    }
}

/// The section's figures from `flow`, the figures of `p`; `completeness` (what is missing
/// from the load) gives `incomplete` and, when a gap may hide vehicles, marks the
/// bottleneck's evidence [`UNSURE`] (see [`Completeness::finding`]).
pub fn build(p: &Programme, flow: &Flow, completeness: &Completeness) -> FlowReport {
    let b = &flow.basis;
    let mut missing = Vec::new();
    if b.no_history() {
        missing.push(b.words());
    } else if b.untracked() > 0 {
        missing.push(format!(
            "{} vehicles without a history are left out of the flow figures",
            b.untracked()
        ));
    }
    if !b.no_history() && flow.lead.is_none() {
        missing.push("no delivered vehicle kept its history: no lead time".to_owned());
    }
    let name = |s: StageId| (p.stage(s).id.clone(), p.stage(s).name.clone());
    FlowReport {
        rule: RULE,
        incomplete: completeness.why_not(),
        coverage: b.words(),
        queue_with_history: b.queue_tracked,
        queue_without_history: b.queue_untracked,
        delivered_with_history: b.delivered_tracked,
        delivered_without_history: b.delivered_untracked,
        missing,
        bottleneck: flow.bottleneck.map(|bn| {
            let (stage, name) = name(bn.stage());
            FlowBottleneck {
                stage,
                name,
                evidence: if !completeness.hides_vehicles() {
                    bn.evidence()
                } else {
                    format!("{} ({UNSURE})", bn.evidence())
                },
                stalled: bn.stalled,
            }
        }),
        lead_time: flow.lead.as_ref().map(spread),
        rework: flow.rework.map(|r| FlowRework {
            passed_acceptance: r.passed,
            rework_visits: r.visits,
            reworked: r.reworked,
            rate: round(r.rate(), 2),
        }),
        stages: flow
            .stages
            .iter()
            .map(|s| {
                let (stage, name) = name(s.stage);
                let little = flow.little.iter().find(|r| r.stage == s.stage);
                FlowStage {
                    stage,
                    name,
                    rework: s.rework,
                    in_progress: s.now,
                    oldest_days: s.oldest_days,
                    days_in_stage: s.time.as_ref().map(spread),
                    leaving: s.throughput.as_ref().map(|t| throughput(t, flow)),
                    little_wip: little.map(|r| r.wip),
                    little_expected_wip: little.and_then(|r| r.expected_wip.map(|e| round(e, 2))),
                    clear_days: little.and_then(|r| r.clear_days.map(|d| round(d, 1))),
                }
            })
            .collect(),
        handovers: throughput(&flow.handovers, flow),
        weeks: if b.no_history() {
            Vec::new()
        } else {
            flow.weeks
                .iter()
                .enumerate()
                .map(|(i, w)| FlowWeek {
                    week: w.to_string(),
                    handed_over: flow.delivered_cumulative.get(i).copied().unwrap_or(0),
                    in_stage: flow
                        .stages
                        .iter()
                        .map(|s| s.wip.get(i).copied().unwrap_or(0))
                        .collect(),
                })
                .collect()
        },
    }
}

/// The section's sentence: the bottleneck, the lead time, the rework rate, what is
/// missing, and the rule.
pub(super) fn intro(r: &FlowReport) -> String {
    let mut out = Vec::new();
    if let Some(why) = &r.incomplete {
        out.push(format!("{}.", crate::domain::words::capitalize(why)));
    }
    match &r.bottleneck {
        Some(b) => out.push(format!(
            "Bottleneck by Little's law: {} ({}): {}.",
            b.name, b.stage, b.evidence
        )),
        None if r.queue_with_history + r.delivered_with_history > 0 => out.push(format!(
            "No bottleneck: no vehicle left a stage in the last {WINDOW_WEEKS} weeks."
        )),
        None => {}
    }
    if let Some(l) = &r.lead_time {
        out.push(format!(
            "Lead time to hand-over: median {} days, 85th percentile {} ({} vehicles).",
            l.median_days, l.p85_days, l.vehicles
        ));
    }
    if let Some(w) = &r.rework {
        out.push(format!(
            "Rework: {:.2} visits a vehicle ({} of {} that passed acceptance went back).",
            w.rate, w.reworked, w.passed_acceptance
        ));
    }
    out.push(format!("Coverage: {}.", r.coverage));
    out.push(RULE.to_owned());
    out.join(" ")
}

/// One row per stage, then the hand-over row (lead time and hand-overs a week).
pub(super) fn table(r: &FlowReport) -> Table {
    let num = |x: Option<f64>, d| x.map_or(Cell::Empty, |x| Cell::Num(x, d));
    let int = |n: Option<u64>| n.map_or(Cell::Empty, |n| Cell::Int(n as i64));
    let text = |t: Option<&str>| t.map_or(Cell::Empty, Cell::text);
    let bottleneck = r.bottleneck.as_ref().map(|b| b.stage.as_str());
    let mut rows: Vec<Vec<Cell>> = r
        .stages
        .iter()
        .map(|s| {
            let d = s.days_in_stage.as_ref();
            let l = s.leaving.as_ref();
            vec![
                Cell::text(&s.stage),
                Cell::text(&s.name),
                Cell::Bool(s.rework),
                Cell::Int(s.in_progress.into()),
                int(s.oldest_days.map(u64::from)),
                num(d.map(|d| d.median_days), 1),
                int(d.map(|d| u64::from(d.p85_days))),
                num(d.map(|d| d.mean_days), 1),
                int(d.map(|d| d.count)),
                int(d.map(|d| u64::from(d.vehicles))),
                num(l.map(|l| l.per_week), 2),
                text(l.and_then(|l| l.weekly_trend)),
                num(s.little_expected_wip, 2),
                num(s.clear_days, 1),
                Cell::Bool(bottleneck == Some(s.stage.as_str())),
            ]
        })
        .collect();
    let l = r.lead_time.as_ref();
    rows.push(vec![
        Cell::Empty,
        Cell::text("Hand-over (lead time)"),
        Cell::Bool(false),
        Cell::Empty,
        Cell::Empty,
        num(l.map(|l| l.median_days), 1),
        int(l.map(|l| u64::from(l.p85_days))),
        num(l.map(|l| l.mean_days), 1),
        int(l.map(|l| l.count)),
        int(l.map(|l| u64::from(l.vehicles))),
        Cell::Num(r.handovers.per_week, 2),
        text(r.handovers.weekly_trend),
        Cell::Empty,
        Cell::Empty,
        Cell::Bool(false),
    ]);
    Table {
        columns: vec![
            col("stage", "Stage", false),
            col("name", "Name", false),
            col("rework", "Rework", false),
            col("in_progress", "In progress", true),
            col("oldest_days", "Oldest (days)", true),
            col("median_days", "Median days", true),
            col("p85_days", "85th pct days", true),
            col("mean_days", "Mean days", true),
            col("stays", "Stays", true),
            col("vehicles", "Vehicles", true),
            col("per_week", "Leaving a week", true),
            col("weekly_trend", "Trend", false),
            col("little_expected_wip", "WIP by Little", true),
            col("clear_days", "Days to clear", true),
            col("bottleneck", "Bottleneck", false),
        ],
        rows,
        totals: Vec::new(),
    }
}
