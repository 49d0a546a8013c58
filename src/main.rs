//! The `fleetdash` binary: parse the command line and run the command.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use fleetdash::app::{App, Data};
use fleetdash::check;
use fleetdash::cli::{Cli, Command};
use fleetdash::config::{self, Config};
use fleetdash::report;
use fleetdash::runtime::{self, Options};
use fleetdash::status::Loader;
use fleetdash::ui::{self, Theme};

fn main() -> ExitCode {
    fleetdash::mem::tune_allocator();
    let cli = Cli::parse();
    let today = cli.today.unwrap_or_else(check::clock_today);
    let resolve = |paths: &[std::path::PathBuf]| config::resolve(cli.config.as_deref(), paths);
    match cli.command {
        Some(Command::Check { ref paths }) => {
            let config = match resolve(paths) {
                Ok(c) => c,
                Err(e) => return fail(&e),
            };
            let snapshot = Loader::new(config.status.clone(), config.limits).load(today);
            let mut out = std::io::stdout().lock();
            let _ = check::report(&snapshot, &mut out);
            let _ = out.flush();
            ExitCode::from(check::exit_code(&snapshot) as u8)
        }
        Some(Command::Print {
            view,
            width,
            height,
            ref paths,
        }) => {
            let config = match resolve(paths) {
                Ok(c) => c,
                Err(e) => return fail(&e),
            };
            let (mut app, theme) = app_for(&config, today);
            app.view = view_of(view);
            write_out(&ui::render_text(&app, &theme, width, height))
        }
        Some(Command::Report {
            format,
            section,
            ref paths,
        }) => {
            let config = match resolve(paths) {
                Ok(c) => c,
                Err(e) => return fail(&e),
            };
            let snapshot = Loader::new(config.status.clone(), config.limits).load(today);
            let report = report::build(&snapshot, today, config.forecast_window_months);
            match report::render(&report, format, section) {
                Ok(text) => write_out(&text),
                Err(e) => fail(&e),
            }
        }
        Some(Command::Generate {
            ref out,
            variants,
            queue,
            deliveries,
            seed,
        }) => {
            let spec = fleetdash::generate::Spec {
                variants,
                queue,
                deliveries,
                seed,
                today,
            };
            match fleetdash::generate::write(&spec, out) {
                Ok(()) => {
                    println!(
                        "wrote {} variants, {queue} queued vehicles and {deliveries} delivery records to {}",
                        variants.max(1),
                        out.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&format!("cannot write {}: {e}", out.display())),
            }
        }
        Some(Command::Schema) => write_out(&fleetdash::schema::status_file_schema_text()),
        None => {
            if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
                eprintln!(
                    "fleetdash: the dashboard needs a terminal; for a report use \
                     `fleetdash print --view overview`, for a pipeline `fleetdash check`"
                );
                return ExitCode::from(2);
            }
            let config = match resolve(&cli.paths) {
                Ok(c) => c,
                Err(e) => return fail(&e),
            };
            match runtime::run(Options {
                config,
                today: cli.today,
                status_from_cli: !cli.paths.is_empty(),
            }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&e),
            }
        }
    }
}

/// An app on a freshly loaded set, and the config's theme, for one-shot rendering.
fn app_for(config: &Config, today: fleetdash::domain::Date) -> (App, Theme) {
    let snapshot = Loader::new(config.status.clone(), config.limits).load(today);
    let (theme, _) = Theme::from_config(&config.theme, true);
    let data = Data::with_window(snapshot, today, config.forecast_window_months);
    (App::new(data), theme)
}

/// The view a `--view` name stands for.
fn view_of(name: fleetdash::cli::ViewName) -> fleetdash::app::View {
    use fleetdash::app::View;
    use fleetdash::cli::ViewName;
    match name {
        ViewName::Overview => View::Overview,
        ViewName::Variants => View::Variants,
        ViewName::Queue => View::Queue,
        ViewName::Deliveries => View::Deliveries,
        ViewName::Problems => View::Problems,
    }
}

/// Writes a command's output to stdout.
fn write_out(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

/// Prints an error that keeps a command from running and returns exit code 2.
fn fail(e: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("fleetdash: {e}");
    ExitCode::from(2)
}
