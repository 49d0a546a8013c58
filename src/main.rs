//! The `fleetdash` binary: parse the command line and run the command.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use fleetdash::app::{App, Data};
use fleetdash::check;
use fleetdash::cli::{Cli, Command};
use fleetdash::config::{self, Config};
use fleetdash::domain::completeness::Completeness;
use fleetdash::report;
use fleetdash::runtime::{self, Options};
use fleetdash::status::Loader;
use fleetdash::ui::{self, Theme};

fn main() -> ExitCode {
    fleetdash::mem::tune_allocator();
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(e) => fail(&e),
    }
}

/// Runs the command; an error is one that keeps it from running (exit code 2).
fn run(cli: &Cli) -> Result<ExitCode, String> {
    let today = cli.today.unwrap_or_else(check::clock_today);
    // The one place a command's config is found: `--config`, the paths given, the defaults.
    let config = |paths: &[PathBuf]| {
        config::resolve(cli.config.as_deref(), paths).map_err(|e| e.to_string())
    };
    let Some(command) = &cli.command else {
        // A dumb terminal (an editor's shell buffer, some CI logs) cannot show a full screen:
        // its escapes would be written out as text.
        let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        if dumb || !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
            let which = if dumb {
                "a full-screen terminal (TERM is dumb)"
            } else {
                "a terminal"
            };
            return Err(format!(
                "the dashboard needs {which}; for a report use \
                 `fleetdash print --view overview`, for a pipeline `fleetdash check`"
            ));
        }
        runtime::run(Options {
            config: config(&cli.paths)?,
            today: cli.today,
            status_from_cli: !cli.paths.is_empty(),
        })
        .map_err(|e| e.to_string())?;
        return Ok(ExitCode::SUCCESS);
    };
    match command {
        Command::Check { paths } => {
            let config = config(paths)?;
            let snapshot = Loader::new(check::sources(&config.status), config.limits).load(today);
            let only = check::named_files(&snapshot, paths);
            let mut out = std::io::stdout().lock();
            let code = check::report_on(&snapshot, &only, &mut out).unwrap_or(2);
            let _ = out.flush();
            Ok(ExitCode::from(code as u8))
        }
        Command::Print {
            view,
            width,
            height,
            paths,
        } => {
            let (mut app, theme) = app_for(&config(paths)?, today);
            app.view = view.view();
            let written = write_out(&ui::render_text(&app, &theme, *width, *height))?;
            Ok(incomplete_or(&app.data.completeness, written))
        }
        Command::Report {
            format,
            section,
            since,
            paths,
        } => {
            let config = config(paths)?;
            let snapshot = Loader::new(config.status.clone(), config.limits).load(today);
            let mut report = report::build(&snapshot, today, config.forecast_window_months);
            if let Some(since) = *since {
                report::with_since(&mut report, &snapshot, since, today)
                    .map_err(|e| e.to_string())?;
            }
            let written =
                write_out(&report::render(&report, *format, *section).map_err(|e| e.to_string())?)?;
            Ok(incomplete_or(&snapshot.completeness(), written))
        }
        Command::Generate {
            out,
            variants,
            queue,
            deliveries,
            seed,
            no_history,
            force,
        } => {
            let spec = fleetdash::generate::Spec {
                variants: *variants,
                queue: *queue,
                deliveries: *deliveries,
                seed: *seed,
                today,
            };
            fleetdash::generate::prepare(&spec, out, *force)?;
            let histories = if *no_history {
                fleetdash::generate::Histories::LeftOut
            } else {
                fleetdash::generate::Histories::Written
            };
            fleetdash::generate::write_with(&spec, out, histories)
                .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            println!(
                "wrote {} variants, {queue} queued vehicles and {deliveries} delivery records to {}",
                variants.max(&1),
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => write_out(&fleetdash::schema::status_file_schema_text()),
    }
}

/// An app on a freshly loaded set, and the config's theme, for one-shot rendering.
fn app_for(config: &Config, today: fleetdash::domain::Date) -> (App, Theme) {
    let snapshot = Loader::new(config.status.clone(), config.limits).load(today);
    let (theme, _) = Theme::from_config(&config.theme, true);
    let data = Data::with_window(snapshot, today, config.forecast_window_months);
    (App::new(data), theme)
}

/// Writes a command's output to stdout.
fn write_out(text: &str) -> Result<ExitCode, String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.to_string()),
    }
}

/// The exit code of `print` and `report` once written: 1 when their figures are
/// incomplete or there is no data, else `written`'s.
fn incomplete_or(completeness: &Completeness, written: ExitCode) -> ExitCode {
    if completeness.is_complete() {
        written
    } else {
        ExitCode::from(1)
    }
}

/// Prints an error that keeps a command from running and returns exit code 2.
fn fail(e: &dyn std::fmt::Display) -> ExitCode {
    // Not `eprintln!`, which panics when stderr is a terminal that has gone away.
    let _ = writeln!(std::io::stderr(), "fleetdash: {e}");
    ExitCode::from(2)
}
