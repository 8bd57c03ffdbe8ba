//! `imr stats [QUERY] --by FIELD...`: overturn rates by group with their confidence
//! intervals, as a table, JSON or CSV, and optionally an SVG chart; exit status 0 when
//! something was counted, 1 when nothing matched.

use crate::cli::{StatsArgs, StatsFormat};
use crate::config::Config;
use crate::exit::ExitCode;
use crate::index::LetterIndex;
use crate::output::stats as write;
use crate::stats::{stats, StatsRequest};
use std::io::Write;

/// Runs `imr stats`.
pub fn run(args: &StatsArgs, config: &Config) -> anyhow::Result<ExitCode> {
    let index = LetterIndex::open(&config.index_path)?;
    let request = StatsRequest {
        query: args.query.clone(),
        filters: args.filters.clone(),
        scope: args.scope.into(),
        by: args.by.clone(),
        count: args.count.into(),
        min_count: args.min_count,
    };
    let table = stats(&index, &request)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        StatsFormat::Table => write::write_table(&mut out, &table)?,
        StatsFormat::Json => write::write_json(&mut out, &table)?,
        StatsFormat::Csv => write::write_csv(&mut out, &table)?,
    }
    out.flush()?;
    Ok(if table.total.count > 0 {
        ExitCode::Success
    } else {
        ExitCode::NoHits
    })
}
