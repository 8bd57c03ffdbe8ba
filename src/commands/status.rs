//! `imr status`: the index location, schema version, letters and decisions held, size on
//! disk, and when the last run finished and how it ended; as text or one JSON object.

use crate::cli::{StatusArgs, SummaryFormat};
use crate::config::Config;
use crate::exit::ExitCode;
use crate::index::LetterIndex;
use crate::last_run::LastRun;
use serde_json::json;
use std::io::Write;

/// Runs `imr status`.
pub fn run(args: &StatusArgs, config: &Config) -> anyhow::Result<ExitCode> {
    let index = LetterIndex::open(&config.index_path)?;
    let totals = index.totals()?;
    let size_in_bytes = directory_size(index.path());
    let last_run = LastRun::load(index.path());
    let mut out = std::io::stdout().lock();
    match args.format {
        SummaryFormat::Json => {
            let status = json!({
                "index": index.path(),
                "schema_version": index.schema().version(),
                "letters": totals.letters,
                "decisions": totals.decisions,
                "size_in_bytes": size_in_bytes,
                "last_run": last_run.as_ref().map(|run| json!({
                    "finished_at": run.finished_at,
                    "outcome": run.outcome,
                    "error": run.error,
                    "counts": run.report.as_ref().map(|report| report["counts"].clone()),
                })),
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&status)?)?;
        }
        SummaryFormat::Table => {
            writeln!(out, "index           {}", index.path().display())?;
            writeln!(out, "schema version  {}", index.schema().version())?;
            writeln!(out, "letters         {}", totals.letters)?;
            writeln!(out, "decisions       {}", totals.decisions)?;
            writeln!(
                out,
                "size on disk    {:.1} MiB",
                size_in_bytes as f64 / (1024.0 * 1024.0)
            )?;
            match &last_run {
                Some(run) => {
                    let detail = run
                        .error
                        .as_deref()
                        .map(|e| format!(": {e}"))
                        .unwrap_or_default();
                    writeln!(
                        out,
                        "last run        {} ({}{detail})",
                        run.finished_at, run.outcome
                    )?;
                }
                None => writeln!(out, "last run        none recorded")?,
            }
        }
    }
    Ok(ExitCode::Success)
}

fn directory_size(path: &std::path::Path) -> u64 {
    walkdir::WalkDir::new(path)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|entry| entry.metadata().ok())
        .filter(|metadata| metadata.is_file())
        .map(|metadata| metadata.len())
        .sum()
}
