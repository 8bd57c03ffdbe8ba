//! The `imr` binary: parses the command line, runs the command, prints a failure as one
//! line, and turns the outcome into the exit code. Nothing else.

use clap::Parser;
use imr_search::cli::Cli;
use imr_search::error::IndexError;
use imr_search::exit::ExitCode;

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match imr_search::commands::run(cli) {
        Ok(code) => code.into(),
        Err(error) => {
            eprintln!("imr: error: {error:#}");
            let locked = matches!(error.downcast_ref(), Some(IndexError::Locked { .. }));
            if locked {
                ExitCode::Locked
            } else {
                ExitCode::Error
            }
            .into()
        }
    }
}
