//! The fuzz targets' checked-in inputs (`fuzz/seeds/`: the starting corpus and a sample of
//! what fuzzing found, and `fuzz/regressions/`: inputs that once crashed or were slow),
//! run in-process the way the targets run them, so CI repeats them without a fuzzer.

use imr_search::index::LetterIndex;
use imr_search::ingest::{index_paths, parse_bytes, FileOutcome, IngestOptions, Ocr, Progress};
use imr_search::letter::Vocabulary;
use imr_search::schema::TextScope;
use imr_search::search::{search, SearchRequest};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Far above what any input takes; an input slower than this is a regression to fix.
const SLOW_INPUT: Duration = Duration::from_secs(10);

fn inputs(target: &str) -> Vec<PathBuf> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files: Vec<PathBuf> = ["seeds", "regressions"]
        .iter()
        .filter_map(|kind| std::fs::read_dir(fuzz.join(kind).join(target)).ok())
        .flatten()
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    files.sort();
    files
}

#[test]
fn every_kept_letter_input_parses_without_a_panic_and_quickly() {
    let files = inputs("parse_letter");
    assert!(files.len() >= 30, "the seeds are missing: {}", files.len());
    for file in files {
        let bytes = std::fs::read(&file).expect("readable");
        let started = Instant::now();
        if let FileOutcome::Letter(letter) =
            parse_bytes(&bytes, Vocabulary::built_in(), 2026, Ocr::Off)
        {
            serde_json::to_string(&letter).expect("a parsed letter serialises");
        }
        assert!(started.elapsed() < SLOW_INPUT, "{} is slow", file.display());
    }
}

struct Quiet;

impl Progress for Quiet {
    fn walked(&self, _files: u64) {}
    fn file_done(&self, _letters: u64, _decisions: u64) {}
}

#[test]
fn every_kept_query_input_is_answered_or_refused() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let index = LetterIndex::open_or_create(folder.path(), false).expect("an index");
    let options = IngestOptions {
        roots: vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")],
        follow_links: false,
        memory_budget_in_bytes: 50_000_000,
        current_year: 2026,
        vocabulary: Arc::new(Vocabulary::with_additions(&[]).expect("the vocabulary")),
        full: false,
        commit_every_letters: 1000,
        commit_interval: Duration::from_secs(60),
        ocr: Ocr::Off,
    };
    index_paths(&index, &options, &Quiet, &AtomicBool::new(false)).expect("indexed");
    let files = inputs("search_query");
    assert!(files.len() >= 5, "the seeds are missing: {}", files.len());
    let mut answered = 0;
    for file in &files {
        let bytes = std::fs::read(file).expect("readable");
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let mut lines = text.lines();
        let request = SearchRequest {
            query: lines
                .next()
                .filter(|query| !query.is_empty())
                .map(str::to_string),
            filters: lines.map(str::to_string).collect(),
            facets: vec!["decision".to_string(), "category".to_string()],
            limit: 10,
            offset: 0,
            scope: TextScope::Letter,
            ..SearchRequest::default()
        };
        let started = Instant::now();
        if search(&index, &request).is_ok() {
            answered += 1;
        }
        assert!(started.elapsed() < SLOW_INPUT, "{} is slow", file.display());
    }
    assert!(answered > 0, "not one kept query was answered");
}
