//! The `balance` section of the report: the Line of Balance of the programme and of each
//! family (the Balance view's figures), its JSON form and its table.

use serde::Serialize;

use super::cell::{Cell, Table, col};
use crate::domain::balance::{self, Balance, Measured, MonthPoint, Study};
use crate::domain::completeness::{Completeness, NO_LINE, NONE_SHORT};
use crate::domain::words::capitalize;
use crate::domain::{Date, Programme};

/// How the line is drawn, in words the report shows beside it.
pub const RULE: &str = "A control point is passed when a vehicle enters its stage (delivered \
     vehicles have passed every point); a vehicle in rework has passed every point before the \
     last stage of its line, not that stage. The line of a point is the plan to date (whole \
     vehicles) at today plus the point's lead time to hand-over; gap = passed − line.";

/// The Line of Balance: the rule, the first point out of balance, what is missing, and the
/// programme's and each family's points and objective.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BalanceReport {
    /// [`RULE`].
    pub rule: &'static str,
    /// The first point out of balance in words; `None` when none is short and the figures
    /// are complete. Given through the completeness ([`Completeness::finding`]): on
    /// incomplete figures it starts `may be wrong on incomplete figures` (also when no
    /// point is short), without a plan it says there is no line to measure against, and
    /// without data it is `No data`.
    pub warning: Option<String>,
    /// What is missing from the figures ([`Completeness::missing`]), then what the study
    /// lacks, in words.
    pub missing: Vec<String>,
    /// The programme first (`family` null), then each family.
    pub scopes: Vec<BalanceScope>,
}

/// The Line of Balance of the programme or of one family.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BalanceScope {
    /// The family; `None` for the programme.
    pub family: Option<String>,
    /// The control points in flow order, hand-over last.
    pub points: Vec<BalancePoint>,
    /// Cumulative planned and delivered at the end of each month.
    pub objective: Vec<ObjectiveMonth>,
}

/// One control point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BalancePoint {
    /// The stage's id; `None` for hand-over.
    pub stage: Option<String>,
    /// The stage's name, or `Hand-over`.
    pub name: String,
    /// Planned days to hand-over (null when not written, or when the families of a
    /// programme row differ).
    pub planned_lead_days: Option<u32>,
    /// Measured days to hand-over (null: no stage histories).
    pub measured_lead_days: Option<u32>,
    /// The day whose planned deliveries the line stands for.
    pub due_by: Option<String>,
    /// Vehicles that have passed the point.
    pub passed: u32,
    /// Vehicles that must have passed it today; null without a lead time or without a plan.
    pub line: Option<u32>,
    /// `passed − line`: negative when short; null without a line.
    pub gap: Option<i64>,
}

/// One month of the objective.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectiveMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// Planned cumulative by the month's end.
    pub planned: u32,
    /// Delivered cumulative by the month's end (by today in the current month); null after.
    pub delivered: Option<u32>,
}

/// The section's figures for `p` as of `today`, with the lead times `measured` from the
/// stage histories; `completeness` (what is missing from the load) qualifies the warning.
pub fn build(
    p: &Programme,
    today: Date,
    measured: &Measured,
    completeness: &Completeness,
) -> BalanceReport {
    let study = balance::study(p, today, measured);
    let objectives = balance::objectives(p, today);
    let scopes = std::iter::once(&study.programme)
        .chain(&study.families)
        .enumerate()
        .map(|(i, b)| {
            scope(
                p,
                b,
                objectives.get(i).map_or(&[], Vec::as_slice),
                !completeness.lacks_plan(),
            )
        })
        .collect();
    let mut gaps = completeness.missing();
    gaps.extend(missing(p, &study));
    BalanceReport {
        rule: RULE,
        warning: warning(p, &study, completeness),
        missing: gaps,
        scopes,
    }
}

/// The first point out of balance, through `completeness`: as is on complete figures
/// (`None` when no point is short), qualified on incomplete ones, or what keeps the study
/// from saying anything (no plan, no data).
fn warning(p: &Programme, study: &Study, completeness: &Completeness) -> Option<String> {
    let found = study.warning(None).map(|w| w.sentence(p));
    if completeness.is_complete() {
        return found;
    }
    let sentence = found.unwrap_or_else(|| NONE_SHORT.to_owned());
    Some(capitalize(&match completeness.finding(&sentence, true) {
        Some(s) => s,
        None if completeness.lacks_plan() => NO_LINE.to_owned(),
        None => "no data".to_owned(),
    }))
}

/// `plan`: false when the set has no plan, which leaves every line and gap null (a line of
/// 0 would be a figure the files do not give).
fn scope(p: &Programme, b: &Balance, objective: &[MonthPoint], plan: bool) -> BalanceScope {
    BalanceScope {
        family: b.family.map(|f| p.family(f).name.clone()),
        points: b
            .points
            .iter()
            .map(|pt| BalancePoint {
                stage: pt.stage.map(|s| p.stage(s).id.clone()),
                name: pt
                    .stage
                    .map_or_else(|| "Hand-over".to_owned(), |s| p.stage(s).name.clone()),
                planned_lead_days: pt.planned_days,
                measured_lead_days: pt.measured_days,
                due_by: pt.due_by.map(|d| d.to_string()),
                passed: pt.progress,
                line: pt.line.filter(|_| plan),
                gap: pt.gap().filter(|_| plan),
            })
            .collect(),
        objective: objective
            .iter()
            .map(|m| ObjectiveMonth {
                month: m.end.format("%Y-%m").to_string(),
                planned: m.planned,
                delivered: m.delivered,
            })
            .collect(),
    }
}

fn missing(p: &Programme, study: &Study) -> Vec<String> {
    let mut out = Vec::new();
    // No plan is already in the completeness's words, and the warning says there is no line.
    for &(s, f) in &study.missing.lead_times {
        out.push(format!(
            "no planned lead time for {} ({}): no line there",
            p.stage(s).name,
            p.family(f).name
        ));
    }
    if study.missing.histories {
        out.push("no stage histories: no measured lead times".to_owned());
    }
    out
}

/// One row per control point of each scope: the programme's first, then each family's.
pub(super) fn table(r: &BalanceReport) -> Table {
    let opt = |n: Option<u32>| n.map_or(Cell::Empty, |n| Cell::Int(n.into()));
    Table {
        columns: vec![
            col("scope", "Scope", false),
            col("stage", "Stage", false),
            col("point", "Control point", false),
            col("planned_lead_days", "Planned lead (days)", true),
            col("measured_lead_days", "Measured lead (days)", true),
            col("due_by", "Line due by", false),
            col("passed", "Passed", true),
            col("line", "Line", true),
            col("gap", "Gap", true),
        ],
        rows: r
            .scopes
            .iter()
            .flat_map(|s| {
                let scope = s.family.clone().unwrap_or_else(|| "Programme".to_owned());
                s.points.iter().map(move |pt| {
                    vec![
                        Cell::text(scope.clone()),
                        pt.stage.clone().map_or(Cell::Empty, Cell::Text),
                        Cell::text(&pt.name),
                        opt(pt.planned_lead_days),
                        opt(pt.measured_lead_days),
                        pt.due_by.clone().map_or(Cell::Empty, Cell::Text),
                        Cell::Int(pt.passed.into()),
                        opt(pt.line),
                        pt.gap.map_or(Cell::Empty, Cell::Signed),
                    ]
                })
            })
            .collect(),
        totals: Vec::new(),
    }
}

/// The section's sentence in plain text: the first point out of balance (or that none is
/// below its line), [`RULE`], and what is missing. Markdown and HTML escape it their way.
pub fn summary(b: &BalanceReport) -> String {
    let warning = b.warning.as_deref().map_or_else(
        || "No control point with a line is below it.".to_owned(),
        |w| format!("{w}."),
    );
    let missing = if b.missing.is_empty() {
        String::new()
    } else {
        format!(" Missing: {}.", b.missing.join("; "))
    };
    format!("{warning} {RULE}{missing}")
}
