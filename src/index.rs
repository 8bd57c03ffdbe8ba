//! The on-disk index: where it lives, creating and opening it, and the schema version
//! recorded in every commit so an index built by another imr is refused with a clear
//! message instead of misread.

use crate::error::IndexError;
use crate::index_directory::IndexDirectory;
use crate::ingest::document::{DECISION_FIELD, DECISION_INDEX_FIELD, PATH_FIELD};
use crate::ingest::report::SharedCaseNumber;
use crate::schema::IndexSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tantivy::collector::{Count, TopDocs};
use tantivy::directory::error::LockError;
use tantivy::query::{BooleanQuery, ExistsQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{
    Index, IndexSettings, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, TantivyError, Term,
};

/// The commit payload: what an index says about itself.
#[derive(Debug, Serialize, Deserialize)]
struct CommitPayload {
    schema_version: u32,
    /// Counts the commits of imr runs; the manifest records the one it was written for.
    #[serde(default)]
    generation: u64,
    /// The fingerprint of the vocabulary the letters were parsed with.
    #[serde(default)]
    vocabulary: Option<String>,
}

/// Letters and decisions held by an index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct IndexTotals {
    /// Letters (each has one document with decision_index 0).
    pub letters: u64,
    /// Decisions (documents with a decision).
    pub decisions: u64,
}

/// An opened letter index.
pub struct LetterIndex {
    path: PathBuf,
    index: Index,
    schema: IndexSchema,
}

impl LetterIndex {
    /// Opens the index at `path`; it must exist and match this binary's schema version.
    pub fn open(path: &Path) -> Result<LetterIndex, IndexError> {
        let schema = IndexSchema::embedded()?;
        let missing = || IndexError::Missing {
            path: path.to_path_buf(),
        };
        if !path.is_dir() {
            return Err(missing());
        }
        let directory = open_directory(path)?;
        let exists = Index::exists(&directory)
            .map_err(|source| tantivy_error(path, TantivyError::from(source)))?;
        if !exists {
            return Err(missing());
        }
        let index = Index::open(directory).map_err(|source| tantivy_error(path, source))?;
        LetterIndex::opened(path, index, schema)
    }

    /// Opens the index at `path`, creating it (and its folder) when there is none. A folder
    /// holding files that are not the index's is refused. With `rebuild`, an index of
    /// another schema version, or a damaged one, is removed first, so it can be built again.
    pub fn open_or_create(path: &Path, rebuild: bool) -> Result<LetterIndex, IndexError> {
        std::fs::create_dir_all(path).map_err(|source| IndexError::CreateDirectory {
            path: path.to_path_buf(),
            cause: source,
        })?;
        let files = index_files_in(path)?;
        if rebuild && files.iter().any(|name| name == "meta.json") {
            match LetterIndex::open(path) {
                Err(IndexError::SchemaVersion { .. } | IndexError::Damaged { .. }) => {
                    remove_files(path, &files)?
                }
                Err(other) => return Err(other),
                Ok(_) => {}
            }
        }
        let schema = IndexSchema::embedded()?;
        let directory = open_directory(path)?;
        let index = Index::builder()
            .schema(schema.tantivy_schema().clone())
            .settings(index_settings())
            .open_or_create(directory)
            .map_err(|source| match source {
                TantivyError::SchemaError(_) => IndexError::SchemaVersion {
                    path: path.to_path_buf(),
                    found: "another".to_string(),
                    expected: schema.version(),
                },
                other => tantivy_error(path, other),
            })?;
        LetterIndex::opened(path, index, schema)
    }

    /// An opened tantivy index as a letter index: its analyzers registered, its schema
    /// version checked.
    fn opened(path: &Path, index: Index, schema: IndexSchema) -> Result<LetterIndex, IndexError> {
        crate::schema::register_analyzers(&index);
        let opened = LetterIndex {
            path: path.to_path_buf(),
            index,
            schema,
        };
        opened.check_schema_version()?;
        Ok(opened)
    }

    /// The index's location.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The tantivy index.
    pub fn tantivy(&self) -> &Index {
        &self.index
    }

    /// The schema the index was built with.
    pub fn schema(&self) -> &IndexSchema {
        &self.schema
    }

    /// A searcher over the last commit. Each command searches one commit and exits, so the
    /// reader is not kept up to date (no thread watching for new commits).
    pub fn searcher(&self) -> tantivy::Result<Searcher> {
        let reader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(reader.searcher())
    }

    /// The index's one writer. Fails with [`IndexError::Locked`] while another process
    /// holds it.
    pub fn writer(&self, memory_budget_in_bytes: usize) -> Result<IndexWriter, IndexError> {
        self.index
            .writer(memory_budget_in_bytes)
            .map_err(|source| match source {
                TantivyError::LockFailure(LockError::IoError(error), _) => IndexError::Unwritable {
                    path: self.path.clone(),
                    cause: error.to_string(),
                },
                TantivyError::LockFailure(..) => IndexError::Locked {
                    path: self.path.clone(),
                },
                other => tantivy_error(&self.path, other),
            })
    }

    /// Commits what the writer holds, recording the schema version, `generation` and the
    /// fingerprint of the vocabulary its letters were parsed with.
    pub fn commit(
        &self,
        writer: &mut IndexWriter,
        generation: u64,
        vocabulary_fingerprint: &str,
    ) -> Result<(), IndexError> {
        let payload = serde_json::to_string(&CommitPayload {
            schema_version: self.schema.version(),
            generation,
            vocabulary: Some(vocabulary_fingerprint.to_string()),
        })
        .expect("the commit payload serialises");
        let mut prepared = writer
            .prepare_commit()
            .map_err(|source| tantivy_error(&self.path, source))?;
        prepared.set_payload(&payload);
        prepared
            .commit()
            .map_err(|source| tantivy_error(&self.path, source))?;
        Ok(())
    }

    /// The generation of the last commit (0 for a new index).
    pub fn generation(&self) -> Result<u64, IndexError> {
        Ok(self.payload()?.map_or(0, |payload| payload.generation))
    }

    /// The vocabulary fingerprint of the last commit (`None` before vocabularies were
    /// recorded).
    pub fn vocabulary(&self) -> Result<Option<String>, IndexError> {
        Ok(self.payload()?.and_then(|payload| payload.vocabulary))
    }

    fn payload(&self) -> Result<Option<CommitPayload>, IndexError> {
        let metas = self
            .index
            .load_metas()
            .map_err(|source| tantivy_error(&self.path, source))?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(|payload| serde_json::from_str::<CommitPayload>(payload).ok()))
    }

    /// How many letters and decisions the last commit holds.
    pub fn totals(&self) -> Result<IndexTotals, IndexError> {
        let count = || -> tantivy::Result<IndexTotals> {
            let searcher = self.searcher()?;
            let first_decisions = TermQuery::new(
                Term::from_field_u64(
                    self.schema
                        .required_field(DECISION_INDEX_FIELD)
                        .map_err(schema_bug)?,
                    0,
                ),
                IndexRecordOption::Basic,
            );
            let with_decision = ExistsQuery::new(DECISION_FIELD.to_string(), false);
            Ok(IndexTotals {
                letters: searcher.search(&first_decisions, &Count)? as u64,
                decisions: searcher.search(&with_decision, &Count)? as u64,
            })
        };
        count().map_err(|source| tantivy_error(&self.path, source))
    }

    /// For each of `case_numbers` stated by more than one letter in the index, the files
    /// that state it (sorted).
    pub fn shared_case_numbers<'a>(
        &self,
        case_numbers: impl Iterator<Item = &'a str>,
    ) -> Result<Vec<SharedCaseNumber>, IndexError> {
        let (Some(case_field), Some(path_field)) = (
            self.schema.field("case_number"),
            self.schema.field(PATH_FIELD),
        ) else {
            return Ok(Vec::new());
        };
        let position_field = self.schema.required_field(DECISION_INDEX_FIELD)?;
        let error = |source| tantivy_error(&self.path, source);
        let searcher = self.searcher().map_err(error)?;
        let mut shared: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for case_number in case_numbers {
            if shared.contains_key(case_number) {
                continue;
            }
            let first_decisions_stating_it = BooleanQuery::new(vec![
                (
                    Occur::Must,
                    term_query(Term::from_field_text(case_field.field, case_number)),
                ),
                (
                    Occur::Must,
                    term_query(Term::from_field_u64(position_field, 0)),
                ),
            ]);
            let hits = searcher
                .search(
                    &first_decisions_stating_it,
                    &TopDocs::with_limit(100).order_by_score(),
                )
                .map_err(error)?;
            if hits.len() < 2 {
                continue;
            }
            let mut paths = Vec::new();
            for (_, address) in hits {
                let document: TantivyDocument = searcher.doc(address).map_err(error)?;
                if let Some(path) = document
                    .get_first(path_field.field)
                    .and_then(|value| value.as_str())
                {
                    paths.push(path.to_string());
                }
            }
            paths.sort();
            shared.insert(case_number, paths);
        }
        Ok(shared
            .into_iter()
            .map(|(case_number, paths)| SharedCaseNumber {
                case_number: case_number.to_string(),
                paths,
            })
            .collect())
    }

    fn check_schema_version(&self) -> Result<(), IndexError> {
        let metas = self
            .index
            .load_metas()
            .map_err(|source| tantivy_error(&self.path, source))?;
        let recorded = metas
            .payload
            .as_deref()
            .and_then(|payload| serde_json::from_str::<CommitPayload>(payload).ok())
            .map(|payload| payload.schema_version);
        let never_committed = metas.payload.is_none() && metas.segments.is_empty();
        match recorded {
            Some(version) if version == self.schema.version() => Ok(()),
            None if never_committed => Ok(()),
            found => Err(IndexError::SchemaVersion {
                path: self.path.clone(),
                found: found.map_or_else(|| "unknown".to_string(), |v| v.to_string()),
                expected: self.schema.version(),
            }),
        }
    }
}

/// Whether a file name is one the index writes: tantivy's metadata, locks, segment files
/// and the temporary files of its atomic writes (left behind by a killed run), and imr's
/// own files beside them.
fn is_index_file(name: &str) -> bool {
    let segment_file = name.split_once('.').is_some_and(|(stem, _)| {
        stem.len() == 32 && stem.bytes().all(|byte| byte.is_ascii_hexdigit())
    });
    segment_file
        || name == "meta.json"
        || name == ".managed.json"
        || name.starts_with(".tantivy-")
        || name.starts_with(".tmp")
        || name.starts_with("imr-")
}

/// The index's own files in its folder. A folder without an index (no `meta.json`) that
/// holds anything else is refused, so no index is written among a user's files; beside an
/// index, other files (a `.DS_Store`, a note) are left alone.
fn index_files_in(path: &Path) -> Result<Vec<String>, IndexError> {
    let listing_failed = |source| IndexError::IndexFolder {
        doing: "list",
        path: path.to_path_buf(),
        cause: source,
    };
    let mut index_files = Vec::new();
    let mut other = None;
    for entry in std::fs::read_dir(path).map_err(listing_failed)? {
        let name = entry
            .map_err(listing_failed)?
            .file_name()
            .to_string_lossy()
            .into_owned();
        if is_index_file(&name) {
            index_files.push(name);
        } else {
            other.get_or_insert(name);
        }
    }
    let has_index = index_files.iter().any(|name| name == "meta.json");
    match other {
        Some(example) if !has_index => Err(IndexError::NotAnIndexFolder {
            path: path.to_path_buf(),
            example,
        }),
        _ => Ok(index_files),
    }
}

/// Removes an index's own files (as [`index_files_in`] found them), `meta.json` last, so
/// that a removal that fails part-way still leaves a folder that reads as an index.
fn remove_files(path: &Path, names: &[String]) -> Result<(), IndexError> {
    let mut names: Vec<&String> = names.iter().collect();
    names.sort_by_key(|name| *name == "meta.json");
    for name in names {
        std::fs::remove_file(path.join(name)).map_err(|source| IndexError::IndexFolder {
            doing: "remove",
            path: path.join(name),
            cause: source,
        })?;
    }
    Ok(())
}

fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::Basic))
}

fn schema_bug(error: crate::error::SchemaError) -> TantivyError {
    TantivyError::SchemaError(error.to_string())
}

/// The settings of a new index. Stored fields (rationales, summaries) are most of an
/// index; zstd keeps them in about two thirds of the space lz4 takes, and a search
/// decompresses only the blocks of the hits it shows. Level 1 rather than zstd's default 3:
/// on 3,000 letters it cut the indexing run's instructions by 4% for 1.4% more index.
fn index_settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(1),
        }),
        ..IndexSettings::default()
    }
}

fn open_directory(path: &Path) -> Result<IndexDirectory, IndexError> {
    IndexDirectory::open(path).map_err(|source| tantivy_error(path, source))
}

/// tantivy's account of a damaged file, without the file's content it quotes.
fn corruption_detail(debug: &str) -> String {
    const MAX_DETAIL_CHARS: usize = 200;
    let detail = debug.split(" Content:").next().unwrap_or(debug);
    detail.chars().take(MAX_DETAIL_CHARS).collect()
}

fn tantivy_error(path: &Path, source: TantivyError) -> IndexError {
    if let TantivyError::DataCorruption(corruption) = &source {
        return IndexError::Damaged {
            path: path.to_path_buf(),
            detail: corruption_detail(&format!("{corruption:?}")),
        };
    }
    IndexError::Tantivy {
        path: path.to_path_buf(),
        cause: source,
    }
}
