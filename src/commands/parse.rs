//! `imr parse PATH...`: runs the parser only and prints one JSON object per file (NDJSON):
//! `path`, `kind` (letter, not_a_letter, needs_ocr, encrypted, skipped, error), `reason`,
//! and the letter's fields; or, with `--summary`, the quality report over all the files.

use crate::cli::{ParseArgs, SummaryFormat};
use crate::commands::ocr_choice;
use crate::config::Config;
use crate::exit::ExitCode;
use crate::ingest::vocab_dir::load_vocabulary;
use crate::ingest::walk::{files_under, Walked};
use crate::ingest::{parse_file, FileOutcome};
use crate::letter::Letter;
use crate::output::write_quality_report;
use crate::quality::QualityReport;
use rayon::iter::{IntoParallelRefIterator, ParallelIterator};
use serde::Serialize;
use std::io::Write;

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
    let vocabulary = load_vocabulary(config.vocab_dir.as_deref())?;
    let ocr = ocr_choice(args.ocr);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut report = QualityReport::default();
    let mut entries = files_under(&args.paths, false).peekable();
    while entries.peek().is_some() {
        let batch: Vec<_> = entries.by_ref().take(BATCH_SIZE).collect();
        let outcomes: Vec<(String, FileOutcome)> = batch
            .par_iter()
            .map(|entry| match entry {
                Walked::File(path) => (
                    path.display().to_string(),
                    parse_file(path, &vocabulary, config.current_year, ocr),
                ),
                Walked::Skipped(path, reason) => (
                    path.display().to_string(),
                    FileOutcome::Skipped(reason.clone()),
                ),
                Walked::Failed(path, reason) => (
                    path.display().to_string(),
                    FileOutcome::Failed(reason.clone()),
                ),
            })
            .collect();
        for (path, outcome) in outcomes {
            report.add(&path, &outcome);
            if !args.summary {
                serde_json::to_writer(&mut out, &record(path, outcome))?;
                writeln!(out)?;
            }
        }
    }
    if args.summary {
        report.finish();
        match args.format {
            SummaryFormat::Table => write_quality_report(&mut out, &report)?,
            SummaryFormat::Json => {
                serde_json::to_writer_pretty(&mut out, &report)?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(if report.errors > 0 {
        ExitCode::Partial
    } else {
        ExitCode::Success
    })
}

fn record(path: String, outcome: FileOutcome) -> ParseRecord {
    let kind = match &outcome {
        FileOutcome::Letter(_) => "letter",
        FileOutcome::NotALetter(_) => "not_a_letter",
        FileOutcome::NeedsOcr(_) => "needs_ocr",
        FileOutcome::Encrypted(_) => "encrypted",
        FileOutcome::Skipped(_) => "skipped",
        FileOutcome::Failed(_) => "error",
    };
    let (reason, letter) = match outcome {
        FileOutcome::Letter(letter) => (None, Some(letter)),
        FileOutcome::NotALetter(reason)
        | FileOutcome::NeedsOcr(reason)
        | FileOutcome::Encrypted(reason)
        | FileOutcome::Skipped(reason)
        | FileOutcome::Failed(reason) => (Some(reason), None),
    };
    ParseRecord {
        path,
        kind,
        reason,
        letter,
    }
}
