//! The `fleetdash` binary: parse the command line and run the command.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use fleetdash::check;
use fleetdash::cli::{Cli, Command};
use fleetdash::config;
use fleetdash::status::Loader;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let today = cli.today.unwrap_or_else(check::clock_today);
    match cli.command {
        Some(Command::Check { paths }) => {
            let config = match config::resolve(cli.config.as_deref(), &paths) {
                Ok(c) => c,
                Err(e) => return fail(&e),
            };
            let mut loader = Loader::new(config.status.clone(), config.limits);
            let snapshot = loader.load(today);
            let mut out = std::io::stdout().lock();
            let _ = check::report(&snapshot, &mut out);
            let _ = out.flush();
            ExitCode::from(check::exit_code(&snapshot) as u8)
        }
        Some(Command::Print { .. }) | None => {
            eprintln!("fleetdash: the dashboard is not built yet");
            ExitCode::from(2)
        }
    }
}

/// Prints an error that keeps a command from running and returns exit code 2.
fn fail(e: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("fleetdash: {e}");
    ExitCode::from(2)
}
