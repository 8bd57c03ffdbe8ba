//! One module per subcommand, each with a `run` that takes its arguments and the resolved
//! configuration and returns the exit code; this module only dispatches.

mod index;
mod manual;
mod odds;
mod parse;
mod search;
mod show;
mod stats;
mod status;

use crate::cli::{Cli, Command};
use crate::config::Config;
use crate::exit::ExitCode;
use crate::ingest::Ocr;
use crate::pdf::ocr::{tesseract_available, INSTALL_HINT};

/// Runs the command the user asked for.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // These describe imr itself and need no index or configuration.
    match &cli.command {
        Command::Completions(args) => return manual::completions(args.shell),
        Command::Man => return manual::man_page(),
        _ => {}
    }
    let config = Config::resolve(cli.index, cli.vocab)?;
    match cli.command {
        Command::Index(args) => index::run(&args, &config),
        Command::Search(args) => search::run(&args, &config),
        Command::Parse(args) => parse::run(&args, &config),
        Command::Stats(args) => stats::run(&args, &config),
        Command::Odds(args) => odds::run(&args, &config),
        Command::Status(args) => status::run(&args, &config),
        Command::Show(args) => show::run(&args, &config),
        Command::Completions(_) | Command::Man => Ok(ExitCode::Success),
    }
}

/// What `--ocr` can do here: read scans with tesseract, or (when it was not asked for, or
/// tesseract is not installed, which is said once) list them as needs_ocr.
fn ocr_choice(asked: bool) -> Ocr {
    if !asked {
        return Ocr::Off;
    }
    if tesseract_available() {
        return Ocr::Tesseract;
    }
    crate::note!(
        "imr: --ocr: tesseract is not on the PATH, so scanned PDFs are listed as needs_ocr; {INSTALL_HINT}"
    );
    Ocr::Off
}
