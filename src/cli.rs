//! The command line: commands, flags and their help.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::app::View;
use crate::domain::Date;
use crate::report;

/// A live terminal dashboard for a fleet acquisition programme, fed by YAML status files.
///
/// With no command, opens the dashboard on the status folders of the config (or the PATHS
/// given) and follows every change to the files.
#[derive(Debug, Parser)]
#[command(
    name = "fleetdash",
    version,
    propagate_version = true,
    subcommand_precedence_over_arg = true
)]
pub struct Cli {
    /// The dashboard config [default: ./config/fleetdash.yaml, then the user's config folder]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The day the figures are computed for, instead of the clock's
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub today: Option<Date>,

    /// The command; none runs the live dashboard.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Status folders or files to show instead of the config's
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
}

/// The commands besides the dashboard itself.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load the status set, print every problem and a summary; exit 1 on errors
    Check {
        /// Status folders or files [default: the config's]
        #[arg(value_name = "PATHS")]
        paths: Vec<PathBuf>,
    },
    /// Render one view as plain text and exit, for reports and scripts
    Print {
        /// The view to print
        #[arg(long, value_enum, default_value_t = ViewName::Overview)]
        view: ViewName,
        /// Width in columns
        #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u16).range(1..=1000))]
        width: u16,
        /// Height in rows
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u16).range(1..=1000))]
        height: u16,
        /// Status folders or files [default: the config's]
        #[arg(value_name = "PATHS")]
        paths: Vec<PathBuf>,
    },
    /// Write a valid synthetic status set of any size (and a config), for trials and benches
    Generate {
        /// The folder to write (created if missing; refused if not empty, unless --force):
        /// a config and a `status/` folder
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Number of variants
        #[arg(long, default_value_t = 20)]
        variants: usize,
        /// Number of vehicles in final assembly
        #[arg(long, default_value_t = 1000)]
        queue: usize,
        /// Number of delivery records
        #[arg(long, default_value_t = 500)]
        deliveries: usize,
        /// Seed: the same seed writes the same set
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Write no stage histories (the same set otherwise), to compare loads with and
        /// without them
        #[arg(long)]
        no_history: bool,
        /// Write into a folder that is not empty: overwrite its config and status files,
        /// and remove the other status files of its `status/` (they would merge)
        #[arg(long)]
        force: bool,
    },
    /// Write the figures behind every view as Markdown, CSV, JSON or an HTML page with
    /// charts, for briefings and spreadsheets
    Report {
        /// The output format
        #[arg(long, value_enum, default_value_t = report::Format::Markdown)]
        format: report::Format,
        /// The one section to write: required for CSV (a CSV file holds one table),
        /// optional for Markdown, JSON and HTML (every section without it)
        #[arg(long, value_enum)]
        section: Option<report::Section>,
        /// The first day of the `changes` section [default: 7 days before today]; not
        /// after today
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        since: Option<Date>,
        /// Status folders or files [default: the config's]
        #[arg(value_name = "PATHS")]
        paths: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the status-file format, for editors' YAML support
    Schema,
}

/// The views, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViewName {
    /// The headline, the plan and final assembly.
    Overview,
    /// Counts per variant and stage.
    Variants,
    /// Every vehicle in final assembly.
    Queue,
    /// Plan against actual, per year.
    Deliveries,
    /// Every problem of the set.
    Problems,
    /// The Line of Balance: each control point against the plan's needs.
    Balance,
    /// How vehicles move: time in stage, throughput, work in progress.
    Flow,
    /// What changed: each reload's changes (none in a one-shot print) and the files' last
    /// week.
    Changes,
}

impl ViewName {
    /// The app's view of this name (the app knows nothing of the command line).
    pub fn view(self) -> View {
        match self {
            ViewName::Overview => View::Overview,
            ViewName::Variants => View::Variants,
            ViewName::Queue => View::Queue,
            ViewName::Deliveries => View::Deliveries,
            ViewName::Problems => View::Problems,
            ViewName::Balance => View::Balance,
            ViewName::Flow => View::Flow,
            ViewName::Changes => View::Changes,
        }
    }
}

fn parse_day(s: &str) -> Result<Date, String> {
    crate::status::raw::parse_date(s)
}
