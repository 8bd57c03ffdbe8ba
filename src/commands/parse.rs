//! `imr parse PATH...`: runs the parser only and prints one JSON object per file (NDJSON):
//! `path`, `kind` (letter, not_a_letter, error), `reason`, and the letter's fields.

use crate::cli::ParseArgs;
use crate::config::Config;
use crate::exit::ExitCode;
use crate::ingest::walk::files_under;
use crate::ingest::{parse_file, FileOutcome};
use crate::letter::Letter;
use rayon::iter::{IntoParallelRefIterator, ParallelIterator};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// Files parsed in parallel before their lines are printed in walk order.
const BATCH_SIZE: usize = 1024;

/// One output line.
#[derive(Serialize)]
struct ParseRecord {
    path: String,
    kind: &'static str,
    reason: Option<String>,
    #[serde(flatten)]
    letter: Option<Box<Letter>>,
}

/// Runs `imr parse`.
pub fn run(args: &ParseArgs, config: &Config) -> anyhow::Result<ExitCode> {
    for path in &args.paths {
        if !path.exists() {
            anyhow::bail!("{}: no such file or folder", path.display());
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut any_failed = false;
    let mut entries = files_under(&args.paths, false).peekable();
    while entries.peek().is_some() {
        let batch: Vec<_> = entries.by_ref().take(BATCH_SIZE).collect();
        let records: Vec<ParseRecord> = batch
            .par_iter()
            .map(|entry| match entry {
                Ok(path) => record(path.clone(), parse_file(path, config.current_year).0),
                Err((path, reason)) => record(path.clone(), FileOutcome::Failed(reason.clone())),
            })
            .collect();
        for record in records {
            any_failed |= record.kind == "error";
            serde_json::to_writer(&mut out, &record)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(if any_failed {
        ExitCode::Partial
    } else {
        ExitCode::Success
    })
}

fn record(path: PathBuf, outcome: FileOutcome) -> ParseRecord {
    let path = path.display().to_string();
    match outcome {
        FileOutcome::Letter(letter) => ParseRecord {
            path,
            kind: "letter",
            reason: None,
            letter: Some(letter),
        },
        FileOutcome::NotALetter(reason) => ParseRecord {
            path,
            kind: "not_a_letter",
            reason: Some(reason),
            letter: None,
        },
        FileOutcome::Failed(reason) => ParseRecord {
            path,
            kind: "error",
            reason: Some(reason),
            letter: None,
        },
    }
}
