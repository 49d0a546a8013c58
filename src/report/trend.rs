//! The `trend` section of the report: the forecast's own trend, what the finish forecast
//! would have said at each month-end of the programme so far (the Deliveries view's trend
//! charts), its JSON form and its table (its charts are the HTML page's, `html/trend.rs`).

use serde::Serialize;

use super::cell::{Cell, Table, col};
use crate::domain::completeness::Completeness;
#[cfg(doc)]
use crate::domain::forecast::MOVEMENT_MONTHS;
use crate::domain::forecast::{Finish, Trend, TrendPoint, TrendSeries};

/// How each point is made, in words the report shows beside it.
pub const RULE: &str = "Each point is the forecast made again as of a month-end (and today), \
     from the deliveries dated on or before it, at the same rule and window as today's \
     forecast; the contract and the plan are the files' as they stand today (the files keep \
     no history of them). Slip: the finish against the end of the planned finish year, in \
     months. Needed: vehicles a month from that day to finish by the end of the planned \
     finish year; handed over: the vehicles handed over in that calendar month.";

/// The forecast's trend: the rule, how the finish moved lately, and the programme's and
/// each family's points.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendReport {
    /// [`RULE`].
    pub rule: &'static str,
    /// The window every point's rate is measured over, in months ending on its day.
    pub window_months: u32,
    /// How each family's finish moved over the last [`MOVEMENT_MONTHS`] month-ends, one
    /// sentence per family with vehicles on contract (through the completeness verdict).
    pub movement: Vec<String>,
    /// Month-ends of the programme's first years left out (at most ten years are kept).
    pub left_out: usize,
    /// The programme first (`family` null), then each family.
    pub scopes: Vec<TrendScope>,
}

/// The trend of the programme or of one family.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendScope {
    /// The family; `None` for the programme.
    pub family: Option<String>,
    /// The end of the planned finish year (today's plan); null without a plan.
    pub planned_end: Option<String>,
    /// One point per month-end, then today's, oldest first.
    pub points: Vec<TrendRow>,
}

/// The forecast as it stood on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendRow {
    /// The month-end (or today) the forecast is made on.
    pub day: String,
    /// False for today's point when today is not a month-end.
    pub month_end: bool,
    /// Vehicles handed over on or before the day.
    pub delivered: u32,
    /// Vehicles handed over in the day's calendar month, up to the day.
    pub in_month: u32,
    /// `delivered`, `projected`, `not_started`, `stalled` or `blocked`, as in `forecast`.
    pub finish: &'static str,
    /// The projected (or last) hand-over; null when there is none.
    pub finish_date: Option<String>,
    /// The finish against the planned end, in months (positive: late); null unless
    /// projected with a plan.
    pub slip_months: Option<i64>,
    /// The rate the finish rests on, in vehicles a month (for the programme, its last
    /// family's).
    pub rate_per_month: f64,
    /// Days with a hand-over in that rate's window.
    pub hand_overs: u32,
    /// Why the finish is of low confidence (`low confidence: 2 hand-overs in 50 days`);
    /// null when it is not, or when nothing is projected.
    pub low_confidence: Option<String>,
    /// Vehicles a month needed from the day to finish on plan; null when nothing is
    /// left, without a plan, or after the plan's end.
    pub needed_per_month: Option<f64>,
    /// For the programme: the family whose finish is the programme's.
    pub rests_on: Option<String>,
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn row(p: &TrendPoint) -> TrendRow {
    let o = &p.outlook;
    let (finish, date) = match o.finish {
        Finish::Delivered(d) => ("delivered", d),
        Finish::Projected(d) => ("projected", Some(d)),
        Finish::NotStarted => ("not_started", None),
        Finish::Stalled(_) => ("stalled", None),
        Finish::Blocked => ("blocked", None),
    };
    TrendRow {
        day: p.day.to_string(),
        month_end: p.month_end,
        delivered: o.delivered,
        in_month: p.in_month,
        finish,
        finish_date: date.map(|d| d.to_string()),
        slip_months: p.slip_months(),
        rate_per_month: round(o.finish_rate.per_month()),
        hand_overs: o.finish_rate.hand_overs,
        low_confidence: if p.is_low_confidence() {
            o.finish_rate.confidence_note()
        } else {
            None
        },
        needed_per_month: p.needed_per_month().map(round),
        rests_on: o.finish_rests_on.clone(),
    }
}

fn scope(s: &TrendSeries, family: bool) -> TrendScope {
    TrendScope {
        family: family.then(|| s.name.clone()),
        planned_end: s.planned_end().map(|d| d.to_string()),
        points: s.points.iter().map(row).collect(),
    }
}

/// The section's figures for the trend `t`; `completeness` qualifies its sentences.
pub fn build(t: &Trend, completeness: &Completeness) -> TrendReport {
    TrendReport {
        rule: RULE,
        window_months: t.window_months,
        movement: t
            .families
            .iter()
            .filter(|s| s.latest().is_some_and(|p| p.outlook.contracted > 0))
            .map(|s| completeness.qualify(&s.movement()))
            .collect(),
        left_out: t.left_out,
        scopes: std::iter::once(scope(&t.programme, false))
            .chain(t.families.iter().map(|s| scope(s, true)))
            .collect(),
    }
}

/// One row per point of each scope: the programme's first, then each family's.
pub(super) fn table(r: &TrendReport) -> Table {
    let num = |x: Option<f64>| x.map_or(Cell::Empty, |x| Cell::Num(x, 2));
    let text = |s: &Option<String>| s.clone().map_or(Cell::Empty, Cell::Text);
    Table {
        columns: vec![
            col("scope", "Scope", false),
            col("day", "Forecast made on", false),
            col("delivered", "Delivered", true),
            col("in_month", "In the month", true),
            col("finish", "Finish", false),
            col("finish_date", "Last vehicle", false),
            col("slip_months", "Slip (months)", true),
            col("rate_per_month", "Rate a month", true),
            col("needed_per_month", "Needed a month", true),
            col("low_confidence", "Confidence", false),
        ],
        rows: r
            .scopes
            .iter()
            .flat_map(|s| {
                let scope = s.family.clone().unwrap_or_else(|| "Programme".to_owned());
                s.points.iter().map(move |p| {
                    vec![
                        Cell::text(scope.clone()),
                        Cell::text(&p.day),
                        Cell::Int(p.delivered.into()),
                        Cell::Int(p.in_month.into()),
                        Cell::text(p.finish),
                        text(&p.finish_date),
                        p.slip_months.map_or(Cell::Empty, Cell::Signed),
                        Cell::Num(p.rate_per_month, 2),
                        num(p.needed_per_month),
                        text(&p.low_confidence),
                    ]
                })
            })
            .collect(),
        totals: Vec::new(),
    }
}

/// The sentence under the section's heading: how the finish moved, then the rule.
pub(super) fn intro(r: &TrendReport) -> String {
    let mut out = String::new();
    for m in &r.movement {
        out.push_str(m);
        out.push_str(". ");
    }
    out.push_str(RULE);
    if r.left_out > 0 {
        out.push_str(&format!(
            " The first {} month-ends are left out (ten years are kept).",
            r.left_out
        ));
    }
    out
}
