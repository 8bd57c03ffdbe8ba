//! Repairs a manifest that lags its index: the run before was killed between an index
//! commit and the manifest write, or the manifest was deleted or set aside. Every file the
//! index holds documents of and the manifest does not know is recorded as `Unknown`, so
//! the walk reads it again and a vanished one is removed. The index is the truth.

use crate::error::IndexError;
use crate::index::LetterIndex;
use crate::ingest::document::PATH_FIELD;
use crate::manifest::{Change, FileKind, FileRecord, Manifest};
use tantivy::Term;

/// Brings `manifest` up to the index's generation. Does nothing when they agree.
pub fn repair_manifest(index: &LetterIndex, manifest: &Manifest) -> Result<(), IndexError> {
    let index_generation = index.generation()?;
    if manifest.generation()? == index_generation {
        return Ok(());
    }
    let tantivy = |cause| IndexError::Tantivy {
        path: index.path().to_path_buf(),
        cause,
    };
    let path_field = index.schema().required_field(PATH_FIELD)?;
    let searcher = index.searcher().map_err(tantivy)?;
    let mut changes = Vec::new();
    for segment in searcher.segment_readers() {
        let terms = segment.inverted_index(path_field).map_err(tantivy)?;
        let mut stream = terms
            .terms()
            .stream()
            .map_err(|source| tantivy(source.into()))?;
        while stream.advance() {
            let Ok(path) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            let live = searcher
                .doc_freq(&Term::from_field_text(path_field, path))
                .map_err(tantivy)?
                > 0;
            if live && manifest.get(path)?.is_none() {
                changes.push(Change::Put(path.to_string(), unknown_record()));
            }
        }
    }
    manifest.apply(&changes, index_generation)?;
    Ok(())
}

/// The record of a file the index holds but the manifest did not describe.
fn unknown_record() -> FileRecord {
    FileRecord {
        size: 0,
        modified_ns: 0,
        hash: 0,
        kind: FileKind::Unknown,
        duplicate_of: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::document::letter_documents;
    use crate::ingest::sample_letter;

    #[test]
    fn learns_the_indexed_files_a_lagging_manifest_does_not_know() {
        let dir = tempfile::tempdir().expect("temp dir");
        let index = LetterIndex::open_or_create(dir.path(), false).expect("index");
        let letter = sample_letter();
        let mut writer = index.writer(50_000_000).expect("writer");
        for key in ["/letters/a.txt", "/letters/b.txt"] {
            for document in letter_documents(index.schema(), key, &letter).expect("documents") {
                writer.add_document(document).expect("add");
            }
        }
        index.commit(&mut writer, 3, "fingerprint").expect("commit");
        let manifest = Manifest::open(dir.path()).expect("manifest");
        let known = FileRecord {
            kind: FileKind::Letter,
            ..unknown_record()
        };
        manifest
            .apply(&[Change::Put("/letters/a.txt".into(), known.clone())], 2)
            .expect("apply");

        repair_manifest(&index, &manifest).expect("repair");
        assert_eq!(manifest.generation().expect("generation"), 3);
        assert_eq!(manifest.get("/letters/a.txt").expect("get"), Some(known));
        assert_eq!(
            manifest.get("/letters/b.txt").expect("get"),
            Some(unknown_record())
        );
    }
}
