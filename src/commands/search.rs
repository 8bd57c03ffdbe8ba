//! `imr search [QUERY]`: runs one search and writes it in the chosen format; exit status 0
//! when something matched, 1 when nothing did (like grep).

use crate::cli::SearchArgs;
use crate::config::Config;
use crate::exit::ExitCode;
use crate::index::LetterIndex;
use crate::output::write_results;
use crate::search::{search, SearchRequest};
use std::io::Write;

/// Runs `imr search`.
pub fn run(args: &SearchArgs, config: &Config) -> anyhow::Result<ExitCode> {
    let index = LetterIndex::open(&config.index_path)?;
    let request = SearchRequest {
        query: args.query.clone(),
        filters: args.filters.clone(),
        facets: args.facets.clone(),
        limit: args.limit,
        offset: args.offset,
        scope: args.scope.into(),
        count: args.count.into(),
        sort: args.sort.clone(),
    };
    let results = search(&index, &request)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_results(&mut out, &results, args.offset, args.format, config.colour)?;
    out.flush()?;
    Ok(if results.total_hits > 0 {
        ExitCode::Success
    } else {
        ExitCode::NoHits
    })
}
