//! `imr status`: the index location, schema version, letters and decisions held, size on
//! disk, and when the last run finished and how it ended; as text or one JSON object.

use crate::cli::{StatusArgs, SummaryFormat};
use crate::config::Config;
use crate::exit::ExitCode;
use crate::index::LetterIndex;
use crate::last_run::LastRun;
use serde_json::json;

/// Runs `imr status`.
pub fn run(args: &StatusArgs, config: &Config) -> anyhow::Result<ExitCode> {
    let index = LetterIndex::open(&config.index_path)?;
    let totals = index.totals()?;
    let size_in_bytes = directory_size(index.path());
    let last_run = LastRun::load(index.path());
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
            println!("{}", serde_json::to_string_pretty(&status)?);
        }
        SummaryFormat::Table => {
            println!("index           {}", index.path().display());
            println!("schema version  {}", index.schema().version());
            println!("letters         {}", totals.letters);
            println!("decisions       {}", totals.decisions);
            println!(
                "size on disk    {:.1} MiB",
                size_in_bytes as f64 / (1024.0 * 1024.0)
            );
            match &last_run {
                Some(run) => {
                    let detail = run
                        .error
                        .as_deref()
                        .map(|e| format!(": {e}"))
                        .unwrap_or_default();
                    println!(
                        "last run        {} ({}{detail})",
                        run.finished_at, run.outcome
                    );
                }
                None => println!("last run        none recorded"),
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
