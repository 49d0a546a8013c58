//! Building a [`Report`] from a loaded status set: the domain's figures and forecast for one
//! day, rounded as the tables show them.

use chrono::Datelike;

use super::completeness_of;
use super::{
    AttributeReport, CompletenessReport, CountsFields, FORMAT_NAME, FORMAT_VERSION, FamilyCounts,
    FinishReport, ForecastReport, HoldReport, OutlookReport, OutlookYear, ProblemRow,
    ProgrammeInfo, Queue, QueueStage, RateWindow, Report, ScheduleFigures, StageCount, StageInfo,
    VariantCounts, YearRow,
};
use crate::domain::flow::Flow;
use crate::domain::forecast::{Finish, Forecast, Outlook, Trend, YearOutlook};
use crate::domain::holds::hold_groups;
use crate::domain::{Counts, Date, Figures, Programme, Schedule};
use crate::status::Snapshot;

/// Builds the report of a loaded set for `today`, with the forecast's rate over
/// `window_months`.
pub fn build(snapshot: &Snapshot, today: Date, window_months: u32) -> Report {
    let p: &Programme = &snapshot.programme;
    let figures = Figures::compute(p, today);
    let forecast = Forecast::compute(p, today, window_months);
    let flow = Flow::compute(p, today);
    let stage_ids: Vec<&str> = p.stages.iter().map(|s| s.id.as_str()).collect();
    let completeness = completeness_of(snapshot);
    // Without a plan there is nothing to compare with: the against-plan figures are null.
    let plan = !completeness.lacks_plan();
    let counts = |c: &Counts, s: &Schedule| counts_fields(c, s, &stage_ids, plan);

    Report {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        today: today.to_string(),
        completeness: CompletenessReport {
            state: completeness.state().as_str(),
            complete: completeness.is_complete(),
            missing: completeness.missing(),
        },
        files: snapshot.files.iter().map(|f| f.name.clone()).collect(),
        programme: p.info.as_ref().map(|i| ProgrammeInfo {
            name: i.name.clone(),
            customer: i.customer.clone(),
            prime: i.prime.clone(),
            final_assembler: i.final_assembler.clone(),
            first_year: i.first_year,
            last_year: i.last_year,
        }),
        stages: p
            .stages
            .iter()
            .map(|s| StageInfo {
                id: s.id.clone(),
                name: s.name.clone(),
                families: s
                    .families
                    .iter()
                    .map(|&f| p.family(f).name.clone())
                    .collect(),
                rework: s.rework,
            })
            .collect(),
        variants: p
            .variants
            .iter()
            .zip(figures.variants.iter().zip(&figures.variant_schedules))
            .map(|(v, (c, s))| VariantCounts {
                id: v.id.clone(),
                family: p.family(v.family).name.clone(),
                name: v.name.clone(),
                attributes: v
                    .attributes
                    .iter()
                    .map(|(name, value)| AttributeReport {
                        name: name.clone(),
                        value: value.clone(),
                    })
                    .collect(),
                counts: counts(c, s),
            })
            .collect(),
        families: p
            .families
            .iter()
            .zip(figures.families.iter().zip(&figures.family_schedules))
            .map(|(f, (c, s))| FamilyCounts {
                family: f.name.clone(),
                counts: counts(c, s),
            })
            .collect(),
        total: counts(&figures.total, &figures.schedule),
        schedule: ScheduleFigures {
            planned_to_date: plan.then(|| whole(figures.schedule.planned_to_date)),
            delivered_to_date: figures.schedule.delivered_to_date,
            lead: plan.then(|| figures.schedule.lead()),
            verdict: completeness.verdict(figures.schedule.lead()),
        },
        years: figures
            .years
            .iter()
            .map(|y| YearRow {
                year: y.year,
                planned: y.planned,
                delivered: y.delivered,
                cum_planned: y.cum_planned,
                cum_delivered: y.cum_delivered,
                planned_to_date: y.planned_to_date.map(whole),
            })
            .collect(),
        queue: Queue {
            stages: forecast
                .stages
                .iter()
                .map(|w| {
                    let stage = p.stage(w.stage);
                    QueueStage {
                        stage: stage.id.clone(),
                        name: stage.name.clone(),
                        rework: w.rework,
                        vehicles: w.vehicles,
                        on_hold: w.on_hold,
                        overdue: w.overdue,
                        median_days: w.median_days.map(|m| round(m, 1)),
                        longest_days: w.longest_days,
                    }
                })
                .collect(),
            // Little's law when the histories name one, else the longest median wait.
            bottleneck: flow
                .bottleneck
                .map(|b| b.stage())
                .or(forecast.bottleneck().map(|w| w.stage))
                .map(|s| p.stage(s).id.clone()),
            holds: hold_groups(p, today)
                .into_iter()
                .map(|g| HoldReport {
                    stages: g.stages.iter().map(|&s| p.stage(s).id.clone()).collect(),
                    reason: g.reason,
                    vehicles: g.vehicles,
                    longest_days: g.longest_days,
                    median_days: round(g.median_days, 1),
                })
                .collect(),
        },
        forecast: ForecastReport {
            window_months: forecast.window_months,
            verdict: completeness.qualify(&forecast.verdict()),
            pace: completeness.qualify(&forecast.pace()),
            families: forecast
                .families
                .iter()
                .map(|o| outlook_report(o, today))
                .collect(),
            programme: outlook_report(&forecast.programme, today),
        },
        trend: super::trend::build(&Trend::compute(p, today, window_months), &completeness),
        balance: super::balance::build(p, today, &flow.measured, &completeness),
        flow: super::flow::build(p, &flow, &completeness),
        changes: super::changes::build(p, super::default_since(today), today),
        problems: snapshot
            .problems
            .iter()
            .map(|pr| ProblemRow {
                severity: pr.severity.as_str(),
                file: pr.file.clone(),
                line: (pr.loc.line > 0).then_some(pr.loc.line),
                column: (pr.loc.line > 0 && pr.loc.column > 0).then_some(pr.loc.column),
                message: pr.message.clone(),
            })
            .collect(),
    }
}

/// `plan`: false when the set has no plan, which leaves the against-plan figures null.
fn counts_fields(c: &Counts, s: &Schedule, stage_ids: &[&str], plan: bool) -> CountsFields {
    CountsFields {
        contracted: c.contracted,
        delivered: c.delivered,
        in_assembly: c.in_assembly(),
        not_started: c.not_started(),
        on_hold: c.on_hold,
        overdue: c.overdue,
        percent_delivered: round(c.percent_delivered(), 1),
        planned_to_date: plan.then(|| whole(s.planned_to_date)),
        lead: plan.then(|| s.lead()),
        per_stage: stage_ids
            .iter()
            .zip(&c.per_stage)
            .map(|(id, &n)| StageCount {
                stage: (*id).to_owned(),
                vehicles: n,
            })
            .collect(),
    }
}

fn outlook_report(o: &Outlook, today: Date) -> OutlookReport {
    let (status, date) = match o.finish {
        Finish::Delivered(day) => ("delivered", day),
        Finish::Projected(day) => ("projected", Some(day)),
        Finish::NotStarted => ("not_started", None),
        Finish::Stalled(_) => ("stalled", None),
        Finish::Blocked => ("blocked", None),
    };
    OutlookReport {
        name: o.name.clone(),
        contracted: o.contracted,
        delivered: o.delivered,
        remaining: o.remaining(),
        window: RateWindow {
            first_day: o.rate.first_day.to_string(),
            last_day: today.to_string(),
            days: o.rate.days,
            delivered: o.rate.delivered,
            counted: round(o.rate.counted(), 2),
            clipped: o.rate.clipped,
            hand_overs: o.rate.hand_overs,
        },
        rate_per_month: round(o.rate.per_month(), 2),
        low_confidence: match o.finish {
            Finish::Projected(_) => o.finish_rate.confidence_note(),
            _ => None,
        },
        last_delivery: o.last_delivery.map(|d| d.to_string()),
        finish: FinishReport {
            status,
            date: date.map(|d| d.to_string()),
            year: date.map(|d| d.year()),
        },
        finish_rate_per_month: round(o.finish_rate.per_month(), 2),
        finish_rests_on: o.finish_rests_on.clone(),
        planned_finish_year: o.planned_finish,
        slip_months: o.slip_months(),
        years_late: o.years_late(),
        needed_per_month: o.needed.per_month().map(|x| round(x, 2)),
        pace: o.pace_words(),
        years: o.years.iter().map(outlook_year).collect(),
    }
}

fn outlook_year(y: &YearOutlook) -> OutlookYear {
    OutlookYear {
        year: y.year,
        planned: y.planned,
        delivered: y.delivered,
        projected: y.projected,
        difference: y.difference(),
        cum_planned: y.cum_planned,
        cum_projected: y.cum_projected,
        position: y.position(),
    }
}

/// A plan to date, a whole number held in an `f64`, as a count.
fn whole(x: f64) -> u32 {
    // The domain sums whole vehicles, so the rounding only undoes a float's notation.
    x.round().clamp(0.0, f64::from(u32::MAX)) as u32
}

/// `x` rounded to `decimals` places, so that the JSON shows what the tables show.
fn round(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (x * scale).round() / scale
}
