//! Search latency for the benchmark: opens an index once, runs each query of a query file
//! repeatedly through the same library call `imr search` makes, and prints p50/p95 per
//! query in milliseconds as JSON lines.
//!
//! Usage: cargo run --release --example search-latency -- INDEX_DIR QUERIES.tsv [RUNS]
//! QUERIES.tsv: name <TAB> query <TAB> filters (comma-separated) <TAB> facets (comma-separated)

use imr_search::index::LetterIndex;
use imr_search::schema::TextScope;
use imr_search::search::{search, SearchRequest};
use std::path::Path;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(index_dir), Some(queries)) = (args.next(), args.next()) else {
        return Err("usage: search-latency INDEX_DIR QUERIES.tsv [RUNS]".into());
    };
    let runs: usize = args.next().map_or(Ok(50), |runs| runs.parse())?;
    let index = LetterIndex::open(Path::new(&index_dir))?;
    for line in std::fs::read_to_string(&queries)?.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let list = |column: usize| -> Vec<String> {
            columns
                .get(column)
                .map(|text| {
                    text.split(',')
                        .filter(|item| !item.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default()
        };
        let request = SearchRequest {
            query: columns
                .get(1)
                .filter(|q| !q.is_empty())
                .map(|q| q.to_string()),
            filters: list(2),
            facets: list(3),
            limit: 10,
            offset: 0,
            scope: TextScope::Decision,
            ..SearchRequest::default()
        };
        let mut milliseconds = Vec::with_capacity(runs);
        let mut total_hits = 0;
        for _ in 0..runs {
            let started = Instant::now();
            total_hits = search(&index, &request)?.total_hits;
            milliseconds.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        milliseconds.sort_by(f64::total_cmp);
        let percentile =
            |p: f64| milliseconds[((milliseconds.len() - 1) as f64 * p).round() as usize];
        println!(
            "{{\"name\": \"{}\", \"total_hits\": {total_hits}, \"p50_ms\": {:.3}, \"p95_ms\": {:.3}}}",
            columns[0],
            percentile(0.5),
            percentile(0.95)
        );
    }
    Ok(())
}
