//! Any text as a search: its first line the query, its other lines `--filter` arguments,
//! over a real index of the bundled sample letters, with facets. It must answer or give
//! an error, never panic.
#![no_main]

use imr_search::index::LetterIndex;
use imr_search::ingest::{index_paths, IngestOptions, Progress};
use imr_search::letter::Vocabulary;
use imr_search::schema::TextScope;
use imr_search::search::{search, SearchRequest};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

struct Quiet;

impl Progress for Quiet {
    fn walked(&self, _files: u64) {}
    fn file_done(&self, _letters: u64, _decisions: u64) {}
}

/// The sample letters, indexed once per fuzzing process.
static INDEX: LazyLock<(tempfile::TempDir, LetterIndex)> = LazyLock::new(|| {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let index = LetterIndex::open_or_create(folder.path(), false).expect("an index");
    let options = IngestOptions {
        roots: vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../sample-data")],
        follow_links: false,
        memory_budget_in_bytes: 50_000_000,
        current_year: 2026,
        vocabulary: Arc::new(Vocabulary::with_additions(&[]).expect("the vocabulary")),
        full: false,
        commit_every_letters: 1000,
        commit_interval: Duration::from_secs(60),
    };
    index_paths(&index, &options, &Quiet, &AtomicBool::new(false)).expect("indexed");
    (folder, index)
});

const FACETS: [&str; 4] = ["decision", "category", "body_parts", "reviewer_guideline"];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines = text.lines();
    let query = lines.next().filter(|query| !query.is_empty()).map(str::to_string);
    let filters: Vec<String> = lines.map(str::to_string).collect();
    let facets = FACETS
        .iter()
        .take(data.len() % (FACETS.len() + 1))
        .map(|facet| facet.to_string())
        .collect();
    let request = SearchRequest {
        query,
        filters,
        facets,
        limit: 10,
        offset: 0,
        scope: if data.len() % 2 == 0 {
            TextScope::Decision
        } else {
            TextScope::Letter
        },
    };
    let _ = search(&INDEX.1, &request);
});
