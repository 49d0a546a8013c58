//! `fleetdash report`: the figures behind every view, as Markdown, CSV or JSON.
//!
//! A [`Report`] is built once from a loaded status set and the day of the figures; the
//! three formats are three renderings of it. JSON is its serde form, stable and documented
//! in `docs/REPORT.md`: its structs are the report's own, not the domain's, so that the
//! domain can change without changing the JSON. Markdown and CSV render the same figures as
//! tables ([`Section`]); a CSV file holds one table, so that it opens in a spreadsheet as
//! is.

mod csv;
mod markdown;
mod tables;

use chrono::Datelike;
use serde::Serialize;

use crate::domain::forecast::{Finish, Forecast, Outlook, YearOutlook};
use crate::domain::{Counts, Date, Figures, Programme};
use crate::status::Snapshot;

/// The `format` field of the JSON, naming the document.
pub const FORMAT_NAME: &str = "fleetdash-report";

/// The `version` field of the JSON: raised when a field changes meaning or goes away
/// (new fields may be added within a version).
pub const FORMAT_VERSION: u32 = 1;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Markdown,
    Csv,
    Json,
}

/// The tables of a report, in the order Markdown writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Section {
    /// Counts per variant: contracted, delivered, per stage, not started.
    Variants,
    /// The same counts per family, and the programme's total.
    Families,
    /// The assembly queue per stage: vehicles, holds, waits.
    Queue,
    /// Plan against actual per delivery year, and cumulative.
    Years,
    /// The rate and projected finish per family and for the programme.
    Forecast,
    /// Each remaining year's plan against the projection, per family.
    Outlook,
    /// Every problem found while loading.
    Problems,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Variants,
        Section::Families,
        Section::Queue,
        Section::Years,
        Section::Forecast,
        Section::Outlook,
        Section::Problems,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Section::Variants => "variants",
            Section::Families => "families",
            Section::Queue => "queue",
            Section::Years => "years",
            Section::Forecast => "forecast",
            Section::Outlook => "outlook",
            Section::Problems => "problems",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Section::Variants => "Variants",
            Section::Families => "Families",
            Section::Queue => "Assembly queue",
            Section::Years => "Deliveries per year",
            Section::Forecast => "Forecast",
            Section::Outlook => "Outlook per year",
            Section::Problems => "Problems",
        }
    }
}

/// A report that cannot be written as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error(
        "a CSV file holds one table: choose it with --section ({})",
        section_names()
    )]
    CsvNeedsSection,
    #[error(
        "a JSON report always holds every section: leave out --section, or use --format csv \
         or markdown for one table"
    )]
    JsonHasEverySection,
}

fn section_names() -> String {
    Section::ALL.map(Section::name).join(", ")
}

/// Everything the views show, for one day. Serialized as is for `--format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Always [`FORMAT_NAME`].
    pub format: &'static str,
    /// Always [`FORMAT_VERSION`].
    pub version: u32,
    pub today: String,
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
    pub problems: Vec<ProblemRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammeInfo {
    pub name: String,
    pub customer: Option<String>,
    pub prime: Option<String>,
    pub final_assembler: Option<String>,
    pub first_year: i32,
    pub last_year: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageInfo {
    pub id: String,
    pub name: String,
    /// The families the stage applies to; empty for every family.
    pub families: Vec<String>,
    pub rework: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VariantCounts {
    pub id: String,
    pub family: String,
    pub name: String,
    #[serde(flatten)]
    pub counts: CountsFields,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilyCounts {
    pub family: String,
    #[serde(flatten)]
    pub counts: CountsFields,
}

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
    /// Vehicles in each stage, in stage order, every stage listed.
    pub per_stage: Vec<StageCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageCount {
    pub stage: String,
    pub vehicles: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleFigures {
    /// The cumulative plan to today: past years whole, this year pro-rated, one decimal.
    pub planned_to_date: f64,
    pub delivered_to_date: u32,
    /// Delivered minus planned to date, in whole vehicles (negative: behind).
    pub lead: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRow {
    pub year: i32,
    pub planned: u32,
    pub delivered: u32,
    pub cum_planned: u32,
    pub cum_delivered: u32,
    /// This year only: the year's plan pro-rated to today, one decimal.
    pub planned_to_date: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Queue {
    pub stages: Vec<QueueStage>,
    /// The main-line stage with the longest median wait; `None` when it is empty.
    pub bottleneck: Option<String>,
}

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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForecastReport {
    pub window_months: u32,
    /// The one-line verdict of the Overview.
    pub verdict: String,
    pub families: Vec<OutlookReport>,
    pub programme: OutlookReport,
}

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
    /// The last hand-over so far.
    pub last_delivery: Option<String>,
    pub finish: FinishReport,
    pub planned_finish_year: Option<i32>,
    /// Projected finish year minus planned (negative: early); only when projected.
    pub years_late: Option<i32>,
    pub years: Vec<OutlookYear>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RateWindow {
    pub first_day: String,
    pub last_day: String,
    pub days: u32,
    pub delivered: u32,
    /// True when the window starts at the first hand-over instead of `window_months` back.
    pub clipped: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FinishReport {
    /// `delivered`, `projected`, `not_started`, `stalled` or `blocked`.
    pub status: &'static str,
    /// The last hand-over (`delivered`) or the projected one (`projected`).
    pub date: Option<String>,
    pub year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutlookYear {
    pub year: i32,
    pub planned: u32,
    pub delivered: u32,
    pub projected: u32,
    /// Projected minus planned: positive a surplus, negative a shortfall.
    pub difference: i64,
}

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

/// Builds the report of a loaded set for `today`, with the forecast's rate over
/// `window_months`.
pub fn build(snapshot: &Snapshot, today: Date, window_months: u32) -> Report {
    let p: &Programme = &snapshot.programme;
    let figures = Figures::compute(p, today);
    let forecast = Forecast::compute(p, today, window_months);
    let stage_ids: Vec<&str> = p.stages.iter().map(|s| s.id.as_str()).collect();
    let counts = |c: &Counts| counts_fields(c, &stage_ids);

    Report {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        today: today.to_string(),
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
            .zip(&figures.variants)
            .map(|(v, c)| VariantCounts {
                id: v.id.clone(),
                family: p.family(v.family).name.clone(),
                name: v.name.clone(),
                counts: counts(c),
            })
            .collect(),
        families: p
            .families
            .iter()
            .zip(&figures.families)
            .map(|(f, c)| FamilyCounts {
                family: f.name.clone(),
                counts: counts(c),
            })
            .collect(),
        total: counts(&figures.total),
        schedule: ScheduleFigures {
            planned_to_date: round(figures.schedule.planned_to_date, 1),
            delivered_to_date: figures.schedule.delivered_to_date,
            lead: figures.schedule.lead(),
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
                planned_to_date: y.planned_to_date.map(|x| round(x, 1)),
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
            bottleneck: forecast.bottleneck().map(|w| p.stage(w.stage).id.clone()),
        },
        forecast: ForecastReport {
            window_months: forecast.window_months,
            verdict: forecast.verdict(),
            families: forecast
                .families
                .iter()
                .map(|o| outlook_report(o, today))
                .collect(),
            programme: outlook_report(&forecast.programme, today),
        },
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

fn counts_fields(c: &Counts, stage_ids: &[&str]) -> CountsFields {
    CountsFields {
        contracted: c.contracted,
        delivered: c.delivered,
        in_assembly: c.in_assembly(),
        not_started: c.not_started(),
        on_hold: c.on_hold,
        overdue: c.overdue,
        percent_delivered: round(c.percent_delivered(), 1),
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
            clipped: o.rate.clipped,
        },
        rate_per_month: round(o.rate.per_month(), 2),
        last_delivery: o.last_delivery.map(|d| d.to_string()),
        finish: FinishReport {
            status,
            date: date.map(|d| d.to_string()),
            year: date.map(|d| d.year()),
        },
        planned_finish_year: o.planned_finish,
        years_late: o.years_late(),
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
    }
}

/// `x` rounded to `decimals` places, so that the JSON shows what the tables show.
fn round(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (x * scale).round() / scale
}

/// Writes the report in `format`: every section, or only `section`.
pub fn render(
    report: &Report,
    format: Format,
    section: Option<Section>,
) -> Result<String, ReportError> {
    match (format, section) {
        (Format::Json, Some(_)) => Err(ReportError::JsonHasEverySection),
        (Format::Json, None) => {
            let mut text = serde_json::to_string_pretty(report)
                .unwrap_or_else(|e| unreachable!("the report's types always serialize: {e}"));
            text.push('\n');
            Ok(text)
        }
        (Format::Csv, None) => Err(ReportError::CsvNeedsSection),
        (Format::Csv, Some(s)) => Ok(csv::write(&tables::table(report, s))),
        (Format::Markdown, only) => Ok(markdown::write(report, only)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_refuse_what_they_cannot_hold() {
        let r = build(
            &crate::status::Loader::new(Vec::new(), crate::status::Limits::default())
                .load(Date::from_ymd_opt(2026, 1, 1).unwrap()),
            Date::from_ymd_opt(2026, 1, 1).unwrap(),
            6,
        );
        assert_eq!(
            render(&r, Format::Csv, None),
            Err(ReportError::CsvNeedsSection)
        );
        assert_eq!(
            render(&r, Format::Json, Some(Section::Years)),
            Err(ReportError::JsonHasEverySection)
        );
        assert!(
            ReportError::CsvNeedsSection
                .to_string()
                .contains("variants, families, queue, years, forecast, outlook, problems")
        );
    }
}
