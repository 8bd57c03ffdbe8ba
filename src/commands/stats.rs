//! `imr stats [QUERY] --by FIELD...`: overturn rates by group with their confidence
//! intervals, as a table, JSON or CSV, and optionally an SVG chart; exit status 0 when
//! something was counted, 1 when nothing matched.

use crate::cli::{StatsArgs, StatsFormat};
use crate::config::Config;
use crate::exit::ExitCode;
use crate::index::LetterIndex;
use crate::output::chart::write_chart;
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
    if let Some(path) = &args.chart {
        write_chart(path, &table, &chart_title(args))?;
    }
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

/// The chart's title: what was asked, as the user wrote it (`"Norco" where
/// body_parts=lumbar`), or "All decisions" when no query or filter narrowed it.
fn chart_title(args: &StatsArgs) -> String {
    let asked = match &args.query {
        Some(query) => format!("\u{201c}{query}\u{201d}"),
        None if args.filters.is_empty() => return "All decisions".to_string(),
        None => "Decisions".to_string(),
    };
    if args.filters.is_empty() {
        asked
    } else {
        format!("{asked} where {}", args.filters.join(", "))
    }
}
