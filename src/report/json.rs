//! The report's own types: what `--format json` writes, field for field, and what the
//! Markdown and CSV tables are drawn from. They are not the domain's, so that the domain can
//! change without changing the JSON (docs/REPORT.md documents every field).

use serde::Serialize;

/// Everything the views show, for one day. Serialized as is for `--format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Always [`super::FORMAT_NAME`].
    pub format: &'static str,
    /// Always [`super::FORMAT_VERSION`].
    pub version: u32,
    pub today: String,
    /// Whether the figures rest on the whole status set.
    pub completeness: CompletenessReport,
    /// `None` when no file has a valid `programme` section.
    pub programme: Option<ProgrammeInfo>,
    pub stages: Vec<StageInfo>,
    pub variants: Vec<VariantCounts>,
    pub families: Vec<FamilyCounts>,
    pub total: CountsFields,
    pub schedule: ScheduleFigures,
    pub years: Vec<YearRow>,
    pub queue: Queue,
    pub forecast: ForecastReport,
    /// The Line of Balance.
    pub balance: super::BalanceReport,
    pub problems: Vec<ProblemRow>,
}

/// What is missing from the data behind the figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompletenessReport {
    /// `complete`, `incomplete` or `no_data`.
    pub state: &'static str,
    /// True only when nothing is missing.
    pub complete: bool,
    /// Each thing missing, in words; empty when complete.
    pub missing: Vec<String>,
}

/// The `programme` section, as written in the status files.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammeInfo {
    pub name: String,
    pub customer: Option<String>,
    pub prime: Option<String>,
    pub final_assembler: Option<String>,
    pub first_year: i32,
    pub last_year: i32,
}

/// A stage of final assembly.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageInfo {
    pub id: String,
    pub name: String,
    /// The families the stage applies to; empty for every family.
    pub families: Vec<String>,
    pub rework: bool,
}

/// The counts of one variant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VariantCounts {
    pub id: String,
    pub family: String,
    pub name: String,
    #[serde(flatten)]
    pub counts: CountsFields,
}

/// The counts of one family.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilyCounts {
    pub family: String,
    #[serde(flatten)]
    pub counts: CountsFields,
}

/// Vehicle counts, as every variant, family and the total carry them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountsFields {
    pub contracted: u32,
    pub delivered: u32,
    pub in_assembly: u32,
    pub not_started: u32,
    pub on_hold: u32,
    pub overdue: u32,
    /// Delivered as a percentage of contracted, to one decimal.
    pub percent_delivered: f64,
    /// Vehicles the plan has due by `today` (whole vehicles; the total's is the sum of the
    /// families', a family's the sum of its variants').
    pub planned_to_date: u32,
    /// Delivered minus planned to date (negative: behind).
    pub lead: i64,
    /// Vehicles in each stage, in stage order, every stage listed.
    pub per_stage: Vec<StageCount>,
}

/// Vehicles in one stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageCount {
    pub stage: String,
    pub vehicles: u32,
}

/// Delivered against the plan up to the day of the figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleFigures {
    /// The cumulative plan to today in whole vehicles: past years whole, this year's
    /// vehicles due by today.
    pub planned_to_date: u32,
    pub delivered_to_date: u32,
    /// Delivered minus planned to date, in whole vehicles (negative: behind).
    pub lead: i64,
    /// The verdict in words, never given as complete when something is missing: `18 behind
    /// plan`, `18 behind plan on incomplete figures` or `no data`.
    pub verdict: String,
}

/// Plan against actual for one delivery year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRow {
    pub year: i32,
    pub planned: u32,
    pub delivered: u32,
    pub cum_planned: u32,
    pub cum_delivered: u32,
    /// This year only: the vehicles of the year's plan due by today.
    pub planned_to_date: Option<u32>,
}

/// The assembly queue per stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Queue {
    pub stages: Vec<QueueStage>,
    /// The main-line stage with the longest median wait; `None` when it is empty.
    pub bottleneck: Option<String>,
    /// The vehicles on hold grouped by reason: most vehicles first, then the longest wait.
    pub holds: Vec<HoldReport>,
}

/// The vehicles held for one reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HoldReport {
    /// The reason, as first written in the queue.
    pub reason: String,
    /// Vehicles on hold for it.
    pub vehicles: u32,
    /// The ids of the stages they wait in, in flow order.
    pub stages: Vec<String>,
    /// The longest of their days in their current stage.
    pub longest_days: i64,
    /// The median of those days, one decimal.
    pub median_days: f64,
}

/// One stage of the queue: its vehicles and how long they have waited.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueStage {
    pub stage: String,
    pub name: String,
    pub rework: bool,
    pub vehicles: u32,
    pub on_hold: u32,
    pub overdue: u32,
    /// The median of the vehicles' days in the stage, one decimal; `None` when empty.
    pub median_days: Option<f64>,
    pub longest_days: Option<i64>,
}

/// The forecast: rates, projected finishes and the outlook per year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForecastReport {
    pub window_months: u32,
    /// The one-line verdict of the Overview.
    pub verdict: String,
    /// The rate needed to finish on plan against the actual rate, in one line.
    pub pace: String,
    pub families: Vec<OutlookReport>,
    pub programme: OutlookReport,
}

/// The outlook of a family or of the programme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutlookReport {
    /// The family's name, or the programme's.
    pub name: String,
    pub contracted: u32,
    pub delivered: u32,
    pub remaining: u32,
    pub window: RateWindow,
    /// Vehicles per average month over the window, two decimals.
    pub rate_per_month: f64,
    /// Why the rate the finish rests on is of low confidence (`low confidence: 2
    /// hand-overs in 50 days`); `None` when it is not.
    pub low_confidence: Option<String>,
    /// The last hand-over so far.
    pub last_delivery: Option<String>,
    pub finish: FinishReport,
    /// The rate the finish date rests on, per month, two decimals: the family's own; for
    /// the programme, the rate of the family that finishes last.
    pub finish_rate_per_month: f64,
    /// For the programme: the family whose finish is the programme's.
    pub finish_rests_on: Option<String>,
    /// The last year the plan delivers anything in.
    pub planned_finish_year: Option<i32>,
    /// The projected finish against the end of the planned finish year, in months
    /// (negative: early); only when projected.
    pub slip_months: Option<i64>,
    /// The slip in whole years, from `slip_months`; only when projected.
    pub years_late: Option<i32>,
    /// Vehicles a month needed from today to finish by the end of the planned finish year,
    /// two decimals; `None` when nothing is left, there is no plan, or the plan has ended.
    pub needed_per_month: Option<f64>,
    /// The needed rate against the actual one, in words.
    pub pace: String,
    pub years: Vec<OutlookYear>,
}

/// The days a rate is measured over.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RateWindow {
    pub first_day: String,
    pub last_day: String,
    pub days: u32,
    pub delivered: u32,
    /// True when the window starts at the first hand-over instead of `window_months` back.
    pub clipped: bool,
    /// Days in the window with a hand-over.
    pub hand_overs: u32,
}

/// When the last vehicle arrives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FinishReport {
    /// `delivered`, `projected`, `not_started`, `stalled` or `blocked`.
    pub status: &'static str,
    /// The last hand-over (`delivered`) or the projected one (`projected`).
    pub date: Option<String>,
    pub year: Option<i32>,
}

/// One remaining year of an outlook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutlookYear {
    pub year: i32,
    pub planned: u32,
    pub delivered: u32,
    pub projected: u32,
    /// The year's own projected minus planned: more or fewer than that year's plan.
    pub difference: i64,
    /// Planned up to the end of the year.
    pub cum_planned: u32,
    /// Delivered and projected up to the end of the year.
    pub cum_projected: u32,
    /// Where the plan stands at the end of the year: cum_projected − cum_planned
    /// (negative: behind plan).
    pub position: i64,
}

/// A problem found while loading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProblemRow {
    /// `error` or `warning`.
    pub severity: &'static str,
    /// `None` for problems of the whole set.
    pub file: Option<String>,
    /// 1-based; `None` when unknown.
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
}
