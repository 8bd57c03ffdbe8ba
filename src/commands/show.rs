//! `imr show CASE_NUMBER|PATH`: one letter as a readable card (its fields, then every
//! decision with its guidelines and rationale), as JSON, or as the text that was indexed.
//! A case number stated by several letters shows them all.

use crate::cli::{ShowArgs, SummaryFormat};
use crate::config::Config;
use crate::exit::ExitCode;
use crate::index::LetterIndex;
use crate::ingest::read::{decode, read_regular_file};
use crate::ingest::walk::file_key;
use crate::output::{write_cards, write_cards_json, LetterCard};
use crate::search::{search, Hit, SearchRequest};
use regex::Regex;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::sync::LazyLock;

static CASE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*CM\d{2}-\d{4,8}\s*$").expect("case number regex is valid")
});

/// More decision documents than any case number's letters hold.
const MAX_DECISIONS: usize = 10_000;

/// Runs `imr show`.
pub fn run(args: &ShowArgs, config: &Config) -> anyhow::Result<ExitCode> {
    let index = LetterIndex::open(&config.index_path)?;
    let (filter, what) = if CASE_NUMBER.is_match(&args.letter) {
        let case_number = args.letter.trim().to_uppercase();
        (
            format!("case_number={case_number}"),
            format!("case number {case_number}"),
        )
    } else {
        let key = file_key(Path::new(&args.letter));
        (format!("path={key}"), key)
    };
    let request = SearchRequest {
        filters: vec![filter],
        limit: MAX_DECISIONS,
        ..SearchRequest::default()
    };
    let results = search(&index, &request)?;
    if results.hits.is_empty() {
        crate::note!("imr: no indexed letter for {what}");
        return Ok(ExitCode::NoHits);
    }
    let mut by_path: BTreeMap<String, Vec<&Hit>> = BTreeMap::new();
    for hit in &results.hits {
        by_path.entry(hit.text("path")).or_default().push(hit);
    }
    let letters: Vec<LetterCard<'_>> = by_path
        .iter()
        .map(|(path, hits)| {
            let mut decisions = hits.clone();
            decisions.sort_by_key(|hit| hit.fields.get("decision_index").and_then(|v| v.as_u64()));
            LetterCard { path, decisions }
        })
        .collect();
    let mut out = std::io::stdout().lock();
    if letters.len() > 1 {
        crate::note!("imr: {what} is stated by {} letters", letters.len());
    }
    if args.text {
        for letter in &letters {
            let text = read_regular_file(Path::new(letter.path))
                .map(|bytes| decode(&bytes))
                .map_err(|problem| anyhow::anyhow!("{}: {}", letter.path, problem.reason()))?;
            writeln!(out, "{text}")?;
        }
    } else {
        match args.format {
            SummaryFormat::Table => write_cards(&mut out, &letters)?,
            SummaryFormat::Json => write_cards_json(&mut out, &letters)?,
        }
    }
    out.flush()?;
    Ok(ExitCode::Success)
}
