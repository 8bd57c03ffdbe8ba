//! One module per subcommand, each with a `run` that takes its arguments and the resolved
//! configuration and returns the exit code; this module only dispatches.

mod index;
mod parse;
mod search;
mod status;

use crate::cli::{Cli, Command};
use crate::config::Config;
use crate::exit::ExitCode;

/// Runs the command the user asked for.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = Config::resolve(cli.index, cli.vocab)?;
    match cli.command {
        Command::Index(args) => index::run(&args, &config),
        Command::Search(args) => search::run(&args, &config),
        Command::Parse(args) => parse::run(&args, &config),
        Command::Status(args) => status::run(&args, &config),
    }
}
