//! `fleetdash report`: the figures behind every view, as Markdown, CSV, JSON or HTML.
//!
//! A [`Report`] is built once from a loaded status set and the day of the figures; the
//! three formats are three renderings of it. JSON is its serde form, stable and documented
//! in `docs/REPORT.md`: its structs are the report's own, not the domain's, so that the
//! domain can change without changing the JSON. Markdown and CSV render the same figures as
//! tables ([`Section`]); a CSV file holds one table, so that it opens in a spreadsheet as
//! is. HTML is a briefing pack: one self-contained page with the same tables and charts.

mod balance;
mod build;
mod cell;
mod changes;
mod completeness;
mod csv;
mod flow;
mod html;
mod json;
mod json_section;
mod markdown;
mod tables;
mod trend;

pub use balance::{BalancePoint, BalanceReport, BalanceScope, ObjectiveMonth};
pub use build::build;
pub use changes::{ChangeRow, ChangesDocument, ChangesReport, DEFAULT_DAYS, default_since};
pub use completeness::completeness_of;
pub use flow::{
    FlowBottleneck, FlowReport, FlowRework, FlowSpread, FlowStage, FlowThroughput, FlowWeek,
};
pub use json::{
    AttributeReport, CompletenessReport, CountsFields, FamilyCounts, FinishReport, ForecastReport,
    HoldReport, OutlookReport, OutlookYear, ProblemRow, ProgrammeInfo, Queue, QueueStage,
    RateWindow, Report, ScheduleFigures, StageCount, StageInfo, VariantCounts, YearRow,
};
pub use json_section::SectionDocument;
pub use trend::{TrendReport, TrendRow, TrendScope};

/// The `format` field of the JSON, naming the document.
pub const FORMAT_NAME: &str = "fleetdash-report";

/// The `version` field of the JSON: raised when a field changes meaning or goes away
/// (new fields may be added within a version).
pub const FORMAT_VERSION: u32 = 2;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables and a summary in Markdown, for briefings.
    Markdown,
    /// One table (`--section`) as CSV, for spreadsheets.
    Csv,
    /// Every section, or one (`--section`), as one JSON document (docs/REPORT.md).
    Json,
    /// One self-contained page with charts, for briefing and printing.
    Html,
}

/// The tables of a report, in the order Markdown writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Section {
    /// Counts per variant: contracted, delivered, per stage, not started.
    Variants,
    /// Each variant's free attributes, exactly as written.
    Attributes,
    /// The same counts per family, and the programme's total.
    Families,
    /// The assembly queue per stage: vehicles, holds, waits.
    Queue,
    /// The vehicles on hold, grouped by reason, with how long they have waited.
    Holds,
    /// Plan against actual per delivery year, and cumulative.
    Years,
    /// The rate and projected finish per family and for the programme.
    Forecast,
    /// Each remaining year's plan against the projection, per family.
    Outlook,
    /// The forecast as it stood at each month-end: finish, slip, rate needed.
    Trend,
    /// The Line of Balance: each control point's progress against the plan's needs.
    Balance,
    /// How vehicles move: days in stage, leaving a week, lead time, rework, bottleneck.
    Flow,
    /// Every problem found while loading.
    Problems,
    /// Whether the figures rest on the whole status set, and what is missing.
    Completeness,
    /// What the files show changed since a day (`--since`): stages entered, hand-overs.
    Changes,
}

impl Section {
    /// Every section, in the order Markdown writes them.
    pub const ALL: [Section; 14] = [
        Section::Completeness,
        Section::Variants,
        Section::Attributes,
        Section::Families,
        Section::Queue,
        Section::Holds,
        Section::Years,
        Section::Forecast,
        Section::Outlook,
        Section::Trend,
        Section::Balance,
        Section::Flow,
        Section::Problems,
        Section::Changes,
    ];

    /// The section's name, as `--section` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Section::Variants => "variants",
            Section::Attributes => "attributes",
            Section::Families => "families",
            Section::Queue => "queue",
            Section::Holds => "holds",
            Section::Years => "years",
            Section::Forecast => "forecast",
            Section::Outlook => "outlook",
            Section::Trend => "trend",
            Section::Balance => "balance",
            Section::Flow => "flow",
            Section::Problems => "problems",
            Section::Completeness => "completeness",
            Section::Changes => "changes",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Section::Variants => "Variants",
            Section::Attributes => "Variant attributes",
            Section::Families => "Families",
            Section::Queue => "Assembly queue",
            Section::Holds => "Holds by reason",
            Section::Years => "Deliveries per year",
            Section::Forecast => "Forecast",
            Section::Outlook => "Outlook per year",
            Section::Trend => "Forecast trend",
            Section::Balance => "Line of Balance",
            Section::Flow => "Flow",
            Section::Problems => "Problems",
            Section::Completeness => "Completeness",
            Section::Changes => "Changes",
        }
    }
}

/// A report that cannot be written as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// CSV was asked for without `--section`.
    #[error(
        "a CSV file holds one table: choose it with --section ({})",
        section_names()
    )]
    CsvNeedsSection,
    /// `--since` is after the report's day.
    #[error(
        "--since {since} is after today ({today}): the changes since a day end today; give a \
         day on or before {today}"
    )]
    SinceAfterToday {
        /// The day asked for.
        since: crate::domain::Date,
        /// The report's day.
        today: crate::domain::Date,
    },
}

/// Makes the report's `changes` section start on `since` instead of
/// [`DEFAULT_DAYS`] before its day; refused when `since` is after the report's day.
pub fn with_since(
    report: &mut Report,
    snapshot: &crate::status::Snapshot,
    since: crate::domain::Date,
    today: crate::domain::Date,
) -> Result<(), ReportError> {
    if since > today {
        return Err(ReportError::SinceAfterToday { since, today });
    }
    report.changes = changes::build(&snapshot.programme, since, today);
    Ok(())
}

fn section_names() -> String {
    Section::ALL.map(Section::name).join(", ")
}

/// Writes the report in `format`: every section, or only `section` (in JSON: what every
/// JSON report carries, then that section's keys, [`SectionDocument`]).
pub fn render(
    report: &Report,
    format: Format,
    section: Option<Section>,
) -> Result<String, ReportError> {
    match (format, section) {
        (Format::Json, Some(s)) => Ok(json_text(&SectionDocument::of(report, s))),
        (Format::Json, None) => Ok(json_text(report)),
        (Format::Csv, None) => Err(ReportError::CsvNeedsSection),
        (Format::Csv, Some(s)) => Ok(csv::write(&tables::table(report, s))),
        (Format::Markdown, only) => Ok(markdown::write(report, only)),
        (Format::Html, only) => Ok(html::write(report, only)),
    }
}

/// `value` as pretty JSON with a final newline.
fn json_text(value: &impl serde::Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| unreachable!("the report's types always serialize: {e}"));
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_refuse_what_they_cannot_hold() {
        let r = build(
            &crate::status::Loader::new(Vec::new(), crate::status::Limits::default())
                .load(crate::domain::Date::from_ymd_opt(2026, 1, 1).unwrap()),
            crate::domain::Date::from_ymd_opt(2026, 1, 1).unwrap(),
            6,
        );
        assert_eq!(
            render(&r, Format::Csv, None),
            Err(ReportError::CsvNeedsSection)
        );
        for format in [Format::Json, Format::Markdown, Format::Html] {
            assert!(render(&r, format, Some(Section::Years)).is_ok());
        }
        assert!(ReportError::CsvNeedsSection.to_string().contains(
            "completeness, variants, attributes, families, queue, holds, years, forecast, outlook, \
                     trend, balance, flow, problems, changes"
        ));
    }
}
