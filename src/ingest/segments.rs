//! How an index run keeps the index's segments few and bounded. Merging reads each segment
//! it merges through memory maps, and the pages it touches count in the process's memory:
//! tantivy's default policy merged ever larger segments, 430 MB of them at once at a million
//! letters. Here only small segments are merged, so no merge reads more than a few tens of
//! MB; and a run ends by merging what small segments are left, so a search opens few.

use crate::error::IndexError;
use crate::index::LetterIndex;
use tantivy::index::SegmentId;
use tantivy::indexer::{LogMergePolicy, MergePolicy};

/// Segments holding more documents than this are merged no further. Commits of 10,000
/// letters make segments of about 11,000 documents per indexing thread; eight of them make
/// one of about 90,000 (some 75 MB), which stays as it is.
pub const MERGED_SEGMENT_DOCS: u32 = 50_000;

/// What the writer of the final merge may use; it adds no documents.
const MERGE_WRITER_BUDGET: usize = 32 * 1024 * 1024;

/// tantivy's log merge policy, kept to segments of at most [`MERGED_SEGMENT_DOCS`].
pub fn merge_policy() -> Box<dyn MergePolicy> {
    let mut policy = LogMergePolicy::default();
    policy.set_max_docs_before_merge(MERGED_SEGMENT_DOCS as usize);
    Box::new(policy)
}

/// Merges every segment of the last commit holding at most `max_docs` documents into one,
/// which also drops their deleted documents (a lone small segment with deletes is merged
/// by itself). Returns how many segments were merged (0 when there was nothing to gain).
/// No other writer may be open.
pub fn merge_small_segments(index: &LetterIndex, max_docs: u32) -> Result<usize, IndexError> {
    let tantivy = |cause| IndexError::Tantivy {
        path: index.path().to_path_buf(),
        cause,
    };
    // Only the ids are kept: tantivy keeps the files of every segment whose metadata is
    // still held, and the merged ones' files are to go.
    let small: Vec<SegmentId> = {
        let small: Vec<_> = index
            .tantivy()
            .searchable_segment_metas()
            .map_err(tantivy)?
            .into_iter()
            .filter(|segment| segment.num_docs() <= max_docs)
            .collect();
        if small.len() < 2 && !small.iter().any(|segment| segment.has_deletes()) {
            return Ok(0);
        }
        small.iter().map(|segment| segment.id()).collect()
    };
    let mut writer = index.writer(MERGE_WRITER_BUDGET)?;
    writer.set_merge_policy(merge_policy());
    writer.merge(&small).wait().map_err(tantivy)?;
    // The merged segments' files are no longer used; without this they stay on disk until
    // the next commit.
    writer.garbage_collect_files().wait().map_err(tantivy)?;
    writer.wait_merging_threads().map_err(tantivy)?;
    Ok(small.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::document::letter_documents;
    use crate::ingest::sample_letter;
    use tantivy::indexer::NoMergePolicy;

    /// An index with one segment of `letters` letters for each number given.
    fn index_with_segments(letters_per_segment: &[usize]) -> (tempfile::TempDir, LetterIndex) {
        let dir = tempfile::tempdir().expect("temp dir");
        let index = LetterIndex::open_or_create(dir.path(), false).expect("index");
        let letter = sample_letter();
        let mut writer = index
            .tantivy()
            .writer_with_num_threads(1, 50_000_000)
            .expect("writer");
        writer.set_merge_policy(Box::new(NoMergePolicy));
        let mut file = 0;
        for (generation, &letters) in (1..).zip(letters_per_segment) {
            for _ in 0..letters {
                file += 1;
                let key = format!("/l/{file}.txt");
                for document in letter_documents(index.schema(), &key, &letter).expect("docs") {
                    writer.add_document(document).expect("add");
                }
            }
            index
                .commit(&mut writer, generation, "fingerprint")
                .expect("commit");
        }
        writer.wait_merging_threads().expect("merges");
        (dir, index)
    }

    fn segment_sizes(index: &LetterIndex) -> Vec<u32> {
        let mut sizes: Vec<u32> = index
            .tantivy()
            .searchable_segment_metas()
            .expect("metas")
            .iter()
            .map(|segment| segment.num_docs())
            .collect();
        sizes.sort_unstable();
        sizes
    }

    #[test]
    fn small_segments_become_one_and_larger_ones_stay() {
        let (dir, index) = index_with_segments(&[1, 2, 1, 5]);
        let before = segment_sizes(&index);
        let largest = *before.last().expect("segments");
        assert_eq!(before.len(), 4);
        let totals = index.totals().expect("totals");

        assert_eq!(merge_small_segments(&index, largest - 1).expect("merge"), 3);

        let index = LetterIndex::open(dir.path()).expect("reopen");
        let after = segment_sizes(&index);
        assert_eq!(after.len(), 2, "{before:?} -> {after:?}");
        let store_files = std::fs::read_dir(dir.path())
            .expect("index folder")
            .filter(|entry| {
                entry
                    .as_ref()
                    .is_ok_and(|entry| entry.path().extension().is_some_and(|ext| ext == "store"))
            })
            .count();
        assert_eq!(store_files, 2, "the merged segments' files are gone");
        assert!(after.contains(&largest));
        assert_eq!(index.totals().expect("totals"), totals, "nothing lost");
        assert_eq!(
            index.generation().expect("generation"),
            4,
            "the commit is kept"
        );
    }

    #[test]
    fn a_lone_small_segment_loses_its_deleted_documents() {
        let (dir, index) = index_with_segments(&[3]);
        let mut writer = index.writer(50_000_000).expect("writer");
        let path = index.schema().required_field("path").expect("path field");
        writer.delete_term(tantivy::Term::from_field_text(path, "/l/1.txt"));
        index.commit(&mut writer, 2, "fingerprint").expect("commit");
        writer.wait_merging_threads().expect("merges");
        let has_deletes = |index: &LetterIndex| {
            index
                .tantivy()
                .searchable_segment_metas()
                .expect("metas")
                .iter()
                .any(|segment| segment.has_deletes())
        };
        assert!(has_deletes(&index));

        assert_eq!(merge_small_segments(&index, u32::MAX).expect("merge"), 1);

        let index = LetterIndex::open(dir.path()).expect("reopen");
        assert!(!has_deletes(&index));
        assert_eq!(index.totals().expect("totals").letters, 2);
    }

    #[test]
    fn nothing_to_merge_without_two_small_segments() {
        let (_dir, index) = index_with_segments(&[1, 5]);
        let sizes = segment_sizes(&index);
        assert_eq!(merge_small_segments(&index, sizes[0]).expect("merge"), 0);
        assert_eq!(segment_sizes(&index), sizes);
    }
}
