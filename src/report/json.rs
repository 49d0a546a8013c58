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
    /// The day the figures are for, `YYYY-MM-DD`.
    pub today: String,
    /// Whether the figures rest on the whole status set.
    pub completeness: CompletenessReport,
    /// The status files the figures came from, as `check` names them, in merge order.
    pub files: Vec<String>,
    /// `None` when no file has a valid `programme` section.
    pub programme: Option<ProgrammeInfo>,
    /// The stages of final assembly, in flow order.
    pub stages: Vec<StageInfo>,
    /// Vehicle counts per variant, in the order of the status files.
    pub variants: Vec<VariantCounts>,
    /// Vehicle counts per family: the sums of their variants.
    pub families: Vec<FamilyCounts>,
    /// Vehicle counts of the whole programme: the sums of the families.
    pub total: CountsFields,
    /// Delivered against the plan up to `today`.
    pub schedule: ScheduleFigures,
    /// Plan against actual for every delivery year of the plan.
    pub years: Vec<YearRow>,
    /// The assembly queue per stage, with its holds.
    pub queue: Queue,
    /// The delivery rate, the projected finish and the rate needed, per family and for the programme.
    pub forecast: ForecastReport,
    /// The forecast as it stood at each month-end.
    pub trend: super::TrendReport,
    /// The Line of Balance.
    pub balance: super::BalanceReport,
    /// What the files show changed since a day.
    pub changes: super::ChangesReport,
    /// How vehicles move through the stages, from the stage histories.
    pub flow: super::FlowReport,
    /// Every problem found while loading, in the order `check` prints them.
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
    /// The programme's name.
    pub name: String,
    /// The buying customer, when written.
    pub customer: Option<String>,
    /// The prime contractor, when written.
    pub prime: Option<String>,
    /// The final assembler, when written.
    pub final_assembler: Option<String>,
    /// The first delivery year of the programme.
    pub first_year: i32,
    /// The last delivery year of the programme.
    pub last_year: i32,
}

/// A stage of final assembly.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageInfo {
    /// The stage's id, as written in the status files.
    pub id: String,
    /// The stage's name, as shown.
    pub name: String,
    /// The families the stage applies to; empty for every family.
    pub families: Vec<String>,
    /// True for a rework stage, off the main line.
    pub rework: bool,
}

/// The counts of one variant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VariantCounts {
    /// The variant's id.
    pub id: String,
    /// The family the variant belongs to.
    pub family: String,
    /// The variant's name, as shown.
    pub name: String,
    /// The variant's free attributes, in file order, each value exactly as written.
    pub attributes: Vec<AttributeReport>,
    /// The variant's counts, flattened into the object.
    #[serde(flatten)]
    pub counts: CountsFields,
}

/// One free attribute of a variant (`software: 2.10`), as written in the status files.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttributeReport {
    /// The attribute's name (`software`).
    pub name: String,
    /// Its value, exactly the characters written (`2.10`, not `2.1`); `""` when left
    /// empty (`spare:` or `spare: ~`).
    pub value: String,
}

/// The counts of one family.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilyCounts {
    /// The family's name.
    pub family: String,
    /// The family's counts, flattened into the object.
    #[serde(flatten)]
    pub counts: CountsFields,
}

/// Vehicle counts, as every variant, family and the total carry them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountsFields {
    /// Vehicles under contract.
    pub contracted: u32,
    /// Vehicles handed over.
    pub delivered: u32,
    /// Vehicles in a stage of final assembly now.
    pub in_assembly: u32,
    /// Contracted vehicles neither delivered nor in assembly.
    pub not_started: u32,
    /// Vehicles in assembly with a hold.
    pub on_hold: u32,
    /// Vehicles in assembly past their due date.
    pub overdue: u32,
    /// Delivered as a percentage of contracted, to one decimal.
    pub percent_delivered: f64,
    /// Vehicles the plan has due by `today` (whole vehicles; the total's is the sum of the
    /// families', a family's the sum of its variants'); null when there is no plan.
    pub planned_to_date: Option<u32>,
    /// Delivered minus planned to date (negative: behind); null when there is no plan.
    pub lead: Option<i64>,
    /// Vehicles in each stage, in stage order, every stage listed.
    pub per_stage: Vec<StageCount>,
}

/// Vehicles in one stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageCount {
    /// The stage's id.
    pub stage: String,
    /// Vehicles in the stage now.
    pub vehicles: u32,
}

/// Delivered against the plan up to the day of the figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleFigures {
    /// The cumulative plan to today in whole vehicles: past years whole, this year's
    /// vehicles due by today; null when there is no plan.
    pub planned_to_date: Option<u32>,
    /// Vehicles handed over up to `today`.
    pub delivered_to_date: u32,
    /// Delivered minus planned to date, in whole vehicles (negative: behind); null when
    /// there is no plan.
    pub lead: Option<i64>,
    /// The verdict in words, never given as complete when something is missing: `18 behind
    /// plan`, `18 behind plan on incomplete figures` or `no data`.
    pub verdict: String,
}

/// Plan against actual for one delivery year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRow {
    /// The delivery year.
    pub year: i32,
    /// The year's plan, in vehicles.
    pub planned: u32,
    /// Vehicles handed over in the year.
    pub delivered: u32,
    /// Planned up to the end of the year.
    pub cum_planned: u32,
    /// Delivered up to the end of the year (or `today`).
    pub cum_delivered: u32,
    /// This year only: the vehicles of the year's plan due by today.
    pub planned_to_date: Option<u32>,
}

/// The assembly queue per stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Queue {
    /// Every stage in flow order, with its vehicles and waits.
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
    /// The stage's id.
    pub stage: String,
    /// The stage's name, as shown.
    pub name: String,
    /// True for a rework stage.
    pub rework: bool,
    /// Vehicles in the stage now.
    pub vehicles: u32,
    /// Of them, the vehicles with a hold.
    pub on_hold: u32,
    /// Of them, the vehicles past their due date.
    pub overdue: u32,
    /// The median of the vehicles' days in the stage, one decimal; `None` when empty.
    pub median_days: Option<f64>,
    /// The longest days in the stage of its vehicles; `None` when empty.
    pub longest_days: Option<i64>,
}

/// The forecast: rates, projected finishes and the outlook per year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForecastReport {
    /// The months of hand-overs the rate is measured over (`forecast.window_months`).
    pub window_months: u32,
    /// The one-line verdict of the Overview.
    pub verdict: String,
    /// The rate needed to finish on plan against the actual rate, in one line.
    pub pace: String,
    /// The outlook of each family.
    pub families: Vec<OutlookReport>,
    /// The outlook of the whole programme.
    pub programme: OutlookReport,
}

/// The outlook of a family or of the programme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutlookReport {
    /// The family's name, or the programme's.
    pub name: String,
    /// Vehicles under contract.
    pub contracted: u32,
    /// Vehicles handed over so far.
    pub delivered: u32,
    /// Contracted minus delivered.
    pub remaining: u32,
    /// The days the rate is measured over.
    pub window: RateWindow,
    /// Vehicles per average month over the window, two decimals.
    pub rate_per_month: f64,
    /// Why the rate the finish rests on is of low confidence (`low confidence: 2
    /// hand-overs in 50 days`); `None` when it is not.
    pub low_confidence: Option<String>,
    /// The last hand-over so far.
    pub last_delivery: Option<String>,
    /// When the last vehicle arrives, delivered or projected.
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
    /// The remaining years of the plan: planned against projected.
    pub years: Vec<OutlookYear>,
}

/// The days a rate is measured over.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RateWindow {
    /// The first day of the window, `YYYY-MM-DD`.
    pub first_day: String,
    /// The last day of the window (`today`), `YYYY-MM-DD`.
    pub last_day: String,
    /// Days in the window.
    pub days: u32,
    /// Vehicles handed over in the window.
    pub delivered: u32,
    /// Vehicles the rate counts, two decimals: each hand-over spread over the days since
    /// the previous one, for the part of them in the window.
    pub counted: f64,
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
    /// The year of `date`.
    pub year: Option<i32>,
}

/// One remaining year of an outlook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutlookYear {
    /// The delivery year.
    pub year: i32,
    /// The year's plan, in vehicles.
    pub planned: u32,
    /// Vehicles already handed over in the year.
    pub delivered: u32,
    /// Vehicles the year gives at the current rate, delivered ones included.
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
    /// 1-based; `None` when unknown.
    pub column: Option<u32>,
    /// What is wrong and what to write instead.
    pub message: String,
}
