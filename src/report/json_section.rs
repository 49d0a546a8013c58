//! `--format json --section S`: what every JSON report carries, then only the keys of one
//! section, shaped as in the whole report so that a reader of one reads the other.
//!
//! Most sections are one top-level key of the [`Report`]. Where two sections share a key,
//! each writes only its own fields of it: `variants` the counts and `attributes` the
//! attributes of `variants[]`; `queue` the stages and bottleneck and `holds` the holds of
//! `queue`; `forecast` the outlooks without their years and `outlook` only their years.

use serde::Serialize;

use super::{
    AttributeReport, BalanceReport, ChangesReport, CompletenessReport, CountsFields, FamilyCounts,
    FinishReport, FlowReport, HoldReport, OutlookReport, OutlookYear, ProblemRow, ProgrammeInfo,
    QueueStage, RateWindow, Report, ScheduleFigures, Section, StageInfo, TrendReport, YearRow,
};

/// The JSON of one section: `format`, `version`, `today`, `completeness`, `files` and
/// `programme` always (the day, whether the figures are whole, where they come from),
/// then the section's keys; the other keys are left out, not `null`.
#[derive(Debug, Serialize)]
pub struct SectionDocument<'a> {
    /// Always [`super::FORMAT_NAME`].
    pub format: &'static str,
    /// Always [`super::FORMAT_VERSION`].
    pub version: u32,
    /// The day the figures are for, `YYYY-MM-DD`.
    pub today: &'a str,
    /// Whether the figures rest on the whole status set.
    pub completeness: &'a CompletenessReport,
    /// The status files the figures came from.
    pub files: &'a [String],
    /// The `programme` section; `None` (`null`) when no file has a valid one.
    pub programme: Option<&'a ProgrammeInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stages: Option<&'a [StageInfo]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    variants: Option<Variants<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    families: Option<&'a [FamilyCounts]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    total: Option<&'a CountsFields>,
    #[serde(skip_serializing_if = "Option::is_none")]
    schedule: Option<&'a ScheduleFigures>,
    #[serde(skip_serializing_if = "Option::is_none")]
    years: Option<&'a [YearRow]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    queue: Option<QueuePart<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    forecast: Option<ForecastPart<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trend: Option<&'a TrendReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    balance: Option<&'a BalanceReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    changes: Option<&'a ChangesReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    flow: Option<&'a FlowReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    problems: Option<&'a [ProblemRow]>,
}

impl<'a> SectionDocument<'a> {
    /// The document of `section`, borrowed from `r`.
    pub fn of(r: &'a Report, section: Section) -> Self {
        let mut d = SectionDocument {
            format: r.format,
            version: r.version,
            today: &r.today,
            completeness: &r.completeness,
            files: &r.files,
            programme: r.programme.as_ref(),
            stages: None,
            variants: None,
            families: None,
            total: None,
            schedule: None,
            years: None,
            queue: None,
            forecast: None,
            trend: None,
            balance: None,
            changes: None,
            flow: None,
            problems: None,
        };
        match section {
            // Always carried.
            Section::Completeness => {}
            Section::Variants => {
                d.stages = Some(&r.stages);
                d.variants = Some(Variants::Counts(
                    r.variants
                        .iter()
                        .map(|v| VariantCountsPart {
                            id: &v.id,
                            family: &v.family,
                            name: &v.name,
                            counts: &v.counts,
                        })
                        .collect(),
                ));
            }
            Section::Attributes => {
                d.variants = Some(Variants::Attributes(
                    r.variants
                        .iter()
                        .map(|v| VariantAttributesPart {
                            id: &v.id,
                            family: &v.family,
                            name: &v.name,
                            attributes: &v.attributes,
                        })
                        .collect(),
                ));
            }
            Section::Families => {
                d.stages = Some(&r.stages);
                d.families = Some(&r.families);
                d.total = Some(&r.total);
            }
            Section::Queue => {
                d.queue = Some(QueuePart::Stages {
                    stages: &r.queue.stages,
                    bottleneck: r.queue.bottleneck.as_deref(),
                });
            }
            Section::Holds => {
                d.queue = Some(QueuePart::Holds {
                    holds: &r.queue.holds,
                })
            }
            Section::Years => {
                d.schedule = Some(&r.schedule);
                d.years = Some(&r.years);
            }
            Section::Forecast => {
                let f = &r.forecast;
                d.forecast = Some(ForecastPart::Rates {
                    window_months: f.window_months,
                    verdict: &f.verdict,
                    pace: &f.pace,
                    families: f.families.iter().map(OutlookRates::of).collect(),
                    programme: OutlookRates::of(&f.programme),
                });
            }
            Section::Outlook => {
                let f = &r.forecast;
                d.forecast = Some(ForecastPart::Years {
                    families: f.families.iter().map(OutlookYears::of).collect(),
                    programme: OutlookYears::of(&f.programme),
                });
            }
            Section::Trend => d.trend = Some(&r.trend),
            Section::Balance => d.balance = Some(&r.balance),
            Section::Flow => d.flow = Some(&r.flow),
            Section::Problems => d.problems = Some(&r.problems),
            Section::Changes => d.changes = Some(&r.changes),
        }
        d
    }
}

/// `variants[]`: their counts (`variants`) or their attributes (`attributes`).
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Variants<'a> {
    Counts(Vec<VariantCountsPart<'a>>),
    Attributes(Vec<VariantAttributesPart<'a>>),
}

#[derive(Debug, Serialize)]
struct VariantCountsPart<'a> {
    id: &'a str,
    family: &'a str,
    name: &'a str,
    #[serde(flatten)]
    counts: &'a CountsFields,
}

#[derive(Debug, Serialize)]
struct VariantAttributesPart<'a> {
    id: &'a str,
    family: &'a str,
    name: &'a str,
    attributes: &'a [AttributeReport],
}

/// `queue`: its stages and bottleneck (`queue`) or its holds (`holds`).
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum QueuePart<'a> {
    Stages {
        stages: &'a [QueueStage],
        bottleneck: Option<&'a str>,
    },
    Holds {
        holds: &'a [HoldReport],
    },
}

/// `forecast`: the rates and finishes (`forecast`) or each outlook's years (`outlook`).
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum ForecastPart<'a> {
    Rates {
        window_months: u32,
        verdict: &'a str,
        pace: &'a str,
        families: Vec<OutlookRates<'a>>,
        programme: OutlookRates<'a>,
    },
    Years {
        families: Vec<OutlookYears<'a>>,
        programme: OutlookYears<'a>,
    },
}

/// An [`OutlookReport`] without its `years`, field for field in its order.
#[derive(Debug, Serialize)]
struct OutlookRates<'a> {
    name: &'a str,
    contracted: u32,
    delivered: u32,
    remaining: u32,
    window: &'a RateWindow,
    rate_per_month: f64,
    low_confidence: Option<&'a str>,
    last_delivery: Option<&'a str>,
    finish: &'a FinishReport,
    finish_rate_per_month: f64,
    finish_rests_on: Option<&'a str>,
    planned_finish_year: Option<i32>,
    slip_months: Option<i64>,
    years_late: Option<i32>,
    needed_per_month: Option<f64>,
    pace: &'a str,
}

impl<'a> OutlookRates<'a> {
    fn of(o: &'a OutlookReport) -> Self {
        OutlookRates {
            name: &o.name,
            contracted: o.contracted,
            delivered: o.delivered,
            remaining: o.remaining,
            window: &o.window,
            rate_per_month: o.rate_per_month,
            low_confidence: o.low_confidence.as_deref(),
            last_delivery: o.last_delivery.as_deref(),
            finish: &o.finish,
            finish_rate_per_month: o.finish_rate_per_month,
            finish_rests_on: o.finish_rests_on.as_deref(),
            planned_finish_year: o.planned_finish_year,
            slip_months: o.slip_months,
            years_late: o.years_late,
            needed_per_month: o.needed_per_month,
            pace: &o.pace,
        }
    }
}

/// An [`OutlookReport`]'s name and years.
#[derive(Debug, Serialize)]
struct OutlookYears<'a> {
    name: &'a str,
    years: &'a [OutlookYear],
}

impl<'a> OutlookYears<'a> {
    fn of(o: &'a OutlookReport) -> Self {
        OutlookYears {
            name: &o.name,
            years: &o.years,
        }
    }
}
