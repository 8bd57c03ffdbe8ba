//! The `imr-corpus` binary: parses the command line, runs the subcommand, prints its
//! outcome, and turns it into the exit code (0 done, 1 the parse disagrees with the
//! truth, 2 error). Nothing else.

use anyhow::Context;
use clap::Parser;
use imr_corpus::agreement::{compare, write_table};
use imr_corpus::cli::{AgreeArgs, AgreeFormat, Cli, Command};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Generate(args) => imr_corpus::generate(&args.options()).map(|summary| {
            eprintln!("imr-corpus: {summary}");
            ExitCode::SUCCESS
        }),
        Command::Agree(args) => agree(&args),
    };
    outcome.unwrap_or_else(|error| {
        eprintln!("imr-corpus: error: {error:#}");
        ExitCode::from(2)
    })
}

fn agree(args: &AgreeArgs) -> anyhow::Result<ExitCode> {
    let truth = std::fs::File::open(&args.truth)
        .with_context(|| format!("cannot open the truth file {}", args.truth.display()))?;
    let parsed = std::io::stdin().lock();
    let agreement = compare(std::io::BufReader::new(truth), parsed)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        AgreeFormat::Table => write_table(&mut out, &agreement)?,
        AgreeFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &agreement)?;
            writeln!(out)?;
        }
    }
    Ok(if agreement.is_complete() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
