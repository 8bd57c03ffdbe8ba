//! The engine's floor for the benchmark: bare tantivy indexing each file as one plain text
//! document (one TEXT field, no parsing), with the same walk, threads and writer budget as
//! `imr index`. Whatever imr costs beyond this is parsing and its richer schema.
//!
//! Usage: cargo run --release --example bare-tantivy -- CORPUS_DIR INDEX_DIR [MEMORY_MB]

use rayon::iter::{ParallelBridge, ParallelIterator};
use std::time::Instant;
use tantivy::schema::{Schema, STORED, STRING, TEXT};
use tantivy::{doc, Index};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(corpus), Some(index_dir)) = (args.next(), args.next()) else {
        return Err("usage: bare-tantivy CORPUS_DIR INDEX_DIR [MEMORY_MB]".into());
    };
    let memory_mb: usize = args.next().map_or(Ok(256), |mb| mb.parse())?;
    let mut builder = Schema::builder();
    let path_field = builder.add_text_field("path", STRING | STORED);
    let body_field = builder.add_text_field("body", TEXT);
    let schema = builder.build();
    std::fs::create_dir_all(&index_dir)?;
    let index = Index::create_in_dir(&index_dir, schema)?;
    let mut writer = index.writer(memory_mb * 1024 * 1024)?;
    let started = Instant::now();
    let files = walkdir::WalkDir::new(&corpus)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .par_bridge()
        .map(|entry| -> Result<u64, tantivy::TantivyError> {
            let bytes = std::fs::read(entry.path())?;
            let body = String::from_utf8_lossy(&bytes);
            writer.add_document(doc!(
                path_field => entry.path().display().to_string(),
                body_field => body.as_ref(),
            ))?;
            Ok(bytes.len() as u64)
        })
        .collect::<Result<Vec<u64>, _>>()?;
    writer.commit()?;
    writer.wait_merging_threads()?;
    let seconds = started.elapsed().as_secs_f64();
    let bytes: u64 = files.iter().sum();
    println!(
        "{{\"files\": {}, \"bytes\": {bytes}, \"seconds\": {seconds:.3}, \"files_per_second\": {:.1}}}",
        files.len(),
        files.len() as f64 / seconds
    );
    Ok(())
}
