//! An index run: walk the paths, drop the documents of files that disappeared, then read,
//! parse and index new and changed files in parallel, committing every so many letters and
//! seconds. Each letter goes in as one writer batch (delete its file's old documents, add
//! the new ones), so any commit holds all of a letter or none of it; the manifest is
//! written right after each commit, so a killed run leaves a consistent index and the next
//! run picks up where it stopped.

use super::document::{letter_documents, DECISION_INDEX_FIELD, PATH_FIELD};
use super::read::{read_regular_file, ReadProblem};
use super::report::{Counts, FileStatus, RunOutcome, RunReport, SharedCaseNumber, Tally};
use super::walk::{file_key, files_under, not_regular_reason, Walked};
use super::{outcome_of, parse_bytes, FileOutcome, Ocr};
use crate::error::IndexError;
use crate::index::LetterIndex;
use crate::letter::Vocabulary;
use crate::manifest::{Change, FileKind, FileRecord, Manifest};
use rayon::iter::{IntoParallelRefIterator, ParallelIterator};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};
use tantivy::collector::TopDocs;
use tantivy::indexer::UserOperation;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{IndexWriter, TantivyDocument, Term};

/// Settings of one index run.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Files and folders to index.
    pub roots: Vec<PathBuf>,
    /// Follow symbolic links while walking.
    pub follow_links: bool,
    /// The memory the tantivy writer may use, split across its threads.
    pub memory_budget_in_bytes: usize,
    /// The year two-digit years pivot on when a letter states none.
    pub current_year: i32,
    /// The vocabulary letters are read with; its fingerprint is recorded in every commit.
    pub vocabulary: Arc<Vocabulary>,
    /// Rebuild from scratch instead of updating.
    pub full: bool,
    /// Commit after this many letters...
    pub commit_every_letters: u64,
    /// ... or this much time, whichever comes first.
    pub commit_interval: Duration,
    /// Whether scanned PDFs are read with OCR.
    pub ocr: Ocr,
}

/// What the pipeline tells its caller as it goes, for a progress display.
pub trait Progress: Sync {
    /// The walk found this many files.
    fn walked(&self, files: u64);
    /// One file is done.
    fn file_done(&self, letters: u64, decisions: u64);
    /// Every file is done; the run now commits and brings its manifest up to date.
    fn files_done(&self) {}
}

/// Runs an index run over `options.roots`. Stops taking new files once `stop` is set, and
/// commits what it has. Only a failure of the index or manifest ends it with an error;
/// files that fail are listed in the report.
pub fn index_paths(
    index: &LetterIndex,
    options: &IngestOptions,
    progress: &dyn Progress,
    stop: &AtomicBool,
) -> Result<RunReport, IndexError> {
    let started_at = chrono::Utc::now();
    let started = Instant::now();
    let writer = index.writer(options.memory_budget_in_bytes)?;
    let (manifest, manifest_set_aside) = Manifest::open_or_set_aside(index.path())?;
    let run = Run {
        index,
        options,
        progress,
        stop,
        writer: RwLock::new(writer),
        operations: Mutex::new(()),
        manifest,
        pending_changes: Mutex::new(Vec::new()),
        clock: Mutex::new(CommitClock::new()),
        generation: Mutex::new(index.generation()?),
        letters_by_hash: Mutex::new(HashMap::new()),
        changed_since_commit: AtomicBool::new(false),
        committed: AtomicBool::new(false),
    };
    // Counts never mix two vocabularies: after a change every letter is read again.
    let vocabulary_changed = !options.full
        && index.generation()? > 0
        && index.vocabulary()?.as_deref() != Some(options.vocabulary.fingerprint());
    if options.full || vocabulary_changed {
        run.with_writer(|writer| writer.delete_all_documents())
            .map_err(|source| run.tantivy(source))?;
        run.manifest.clear()?;
    } else {
        run.repair_manifest()?;
    }

    let walked: Vec<WalkedFile> = files_under(&options.roots, options.follow_links)
        .map(|entry| match entry {
            Walked::File(path) => WalkedFile::File {
                key: file_key(&path),
                path,
            },
            Walked::Skipped(path, reason) => WalkedFile::Skipped(path, reason),
            Walked::Failed(path, reason) => WalkedFile::Unwalkable(path, reason),
        })
        .collect();
    progress.walked(walked.len() as u64);
    let on_disk: HashSet<&str> = walked.iter().filter_map(WalkedFile::key).collect();

    let mut tally = run.remove_vanished(&on_disk)?;
    run.commit()?;
    tally = walked
        .par_iter()
        .map(|file| run.process(file, &on_disk))
        .try_reduce(Tally::default, |a, b| Ok(a.merge(b)))?
        .merge(tally);
    progress.files_done();
    run.commit()?;

    let Run {
        writer,
        mut manifest,
        committed,
        ..
    } = run;
    if committed.into_inner() {
        manifest.compact()?;
    }
    let writer = writer
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    writer
        .wait_merging_threads()
        .map_err(|source| IndexError::Tantivy {
            path: index.path().to_path_buf(),
            cause: source,
        })?;
    let totals = index.totals()?;
    let shared_case_numbers = shared_case_numbers(index, &tally.case_numbers)?;
    tally.files.sort_by(|a, b| a.path.cmp(&b.path));
    let counts = Counts {
        letters_total: totals.letters,
        decisions_total: totals.decisions,
        ..tally.counts
    };
    let outcome = if stop.load(Ordering::SeqCst) {
        RunOutcome::Interrupted
    } else if counts.failed > 0 {
        RunOutcome::Partial
    } else {
        RunOutcome::Completed
    };
    Ok(RunReport {
        started_at: started_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        finished_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        index: index.path().to_path_buf(),
        paths: options.roots.clone(),
        full: options.full,
        vocabulary_changed,
        manifest_set_aside,
        outcome,
        counts,
        seconds: started.elapsed().as_secs_f64(),
        files: tally.files,
        unknowns: tally.unknowns.report(),
        shared_case_numbers,
    })
}

/// A file the walk found, by its key (absolute path) and the path to read it by; a path
/// skipped by policy; or a path it could not walk.
enum WalkedFile {
    File { key: String, path: PathBuf },
    Skipped(PathBuf, String),
    Unwalkable(PathBuf, String),
}

impl WalkedFile {
    fn key(&self) -> Option<&str> {
        match self {
            WalkedFile::File { key, .. } => Some(key),
            WalkedFile::Skipped(..) | WalkedFile::Unwalkable(..) => None,
        }
    }
}

/// When the next periodic commit is due.
struct CommitClock {
    letters_since_commit: u64,
    last_commit: Instant,
}

impl CommitClock {
    fn new() -> CommitClock {
        CommitClock {
            letters_since_commit: 0,
            last_commit: Instant::now(),
        }
    }
}

/// The shared state of a run.
struct Run<'a> {
    index: &'a LetterIndex,
    options: &'a IngestOptions,
    progress: &'a dyn Progress,
    stop: &'a AtomicBool,
    /// Workers add under the read lock; a commit takes the write lock, so it falls between
    /// two letters, never inside one.
    writer: RwLock<IndexWriter>,
    /// Held while operations are given to the writer, so they are queued in order.
    operations: Mutex<()>,
    manifest: Manifest,
    /// Manifest changes of the work done since the last commit.
    pending_changes: Mutex<Vec<Change>>,
    clock: Mutex<CommitClock>,
    generation: Mutex<u64>,
    /// Content hashes of the letters indexed by this run, to spot duplicates between them.
    letters_by_hash: Mutex<HashMap<u128, String>>,
    /// The writer or the manifest has work that the next commit would make permanent.
    changed_since_commit: AtomicBool,
    /// This run has committed something.
    committed: AtomicBool,
}

impl Run<'_> {
    /// Gives `write` the writer to add or delete with. tantivy numbers operations
    /// (opstamps) and then queues deletes in two steps; two threads interleaving them would
    /// queue deletes out of order, and a delete applied out of order can remove another
    /// letter's documents. So operations go in one at a time; parsing stays parallel.
    fn with_writer<T>(&self, write: impl FnOnce(&IndexWriter) -> T) -> T {
        let writer = self
            .writer
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let _in_order = self
            .operations
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        self.changed_since_commit.store(true, Ordering::SeqCst);
        write(&writer)
    }

    fn tantivy(&self, source: tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            path: self.index.path().to_path_buf(),
            cause: source,
        }
    }

    /// Commits the index, then writes the manifest changes that the commit made true. With
    /// nothing to commit (a run over unchanged files) it does nothing.
    fn commit(&self) -> Result<(), IndexError> {
        let mut writer = self
            .writer
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // Changes are made under the writer's read lock, so none can come in between.
        if !self.changed_since_commit.swap(false, Ordering::SeqCst) {
            return Ok(());
        }
        self.committed.store(true, Ordering::SeqCst);
        let mut generation = self
            .generation
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *generation += 1;
        self.index.commit(
            &mut writer,
            *generation,
            self.options.vocabulary.fingerprint(),
        )?;
        let changes = std::mem::take(
            &mut *self
                .pending_changes
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        );
        self.manifest.apply(&changes, *generation)?;
        Ok(())
    }

    fn commit_if_due(&self, letters: u64) -> Result<(), IndexError> {
        let due = {
            let mut clock = self
                .clock
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            clock.letters_since_commit += letters;
            let due = clock.letters_since_commit >= self.options.commit_every_letters
                || clock.last_commit.elapsed() >= self.options.commit_interval;
            if due {
                *clock = CommitClock::new();
            }
            due
        };
        if due {
            self.commit()?;
        }
        Ok(())
    }

    fn record_change(&self, change: Change) {
        self.changed_since_commit.store(true, Ordering::SeqCst);
        self.pending_changes
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(change);
    }

    /// A manifest that lags the index (the run before was killed between its commit and
    /// the manifest write, or the manifest was deleted) learns every indexed file it does
    /// not know, as `Unknown`, so the walk reads it again and a vanished one is removed.
    fn repair_manifest(&self) -> Result<(), IndexError> {
        let index_generation = self.index.generation()?;
        if self.manifest.generation()? == index_generation {
            return Ok(());
        }
        let path_field = self.index.schema().required_field(PATH_FIELD)?;
        let searcher = self
            .index
            .searcher()
            .map_err(|source| self.tantivy(source))?;
        let mut changes = Vec::new();
        for segment in searcher.segment_readers() {
            let terms = segment
                .inverted_index(path_field)
                .map_err(|source| self.tantivy(source))?;
            let mut stream = terms
                .terms()
                .stream()
                .map_err(|source| self.tantivy(source.into()))?;
            while stream.advance() {
                let Ok(path) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                let live = searcher
                    .doc_freq(&Term::from_field_text(path_field, path))
                    .map_err(|source| self.tantivy(source))?
                    > 0;
                if live && self.manifest.get(path)?.is_none() {
                    changes.push(Change::Put(path.to_string(), unknown_record()));
                }
            }
        }
        self.manifest.apply(&changes, index_generation)?;
        Ok(())
    }

    /// Removes the documents of recorded files under the roots that the walk no longer
    /// finds, and forgets them.
    fn remove_vanished(&self, on_disk: &HashSet<&str>) -> Result<Tally, IndexError> {
        let roots: Vec<String> = self
            .options
            .roots
            .iter()
            .map(|root| file_key(root))
            .collect();
        let vanished = self.manifest.paths_where(|path| {
            !on_disk.contains(path) && roots.iter().any(|root| is_under(path, root))
        })?;
        let path_field = self.index.schema().required_field(PATH_FIELD)?;
        let mut tally = Tally::default();
        for path in vanished {
            if let Some(record) = self.manifest.get(&path)? {
                if matches!(record.kind, FileKind::Letter | FileKind::Unknown) {
                    self.with_writer(|writer| {
                        writer.delete_term(Term::from_field_text(path_field, &path))
                    });
                    tally.counts.removed += 1;
                }
            }
            self.record_change(Change::Remove(path));
        }
        Ok(tally)
    }

    /// Brings one walked file up to date in the index.
    fn process(&self, file: &WalkedFile, on_disk: &HashSet<&str>) -> Result<Tally, IndexError> {
        let mut tally = Tally::default();
        tally.counts.files_seen = 1;
        let (key, path) = match file {
            WalkedFile::File { key, path } => (key.as_str(), path.as_path()),
            WalkedFile::Skipped(path, reason) => {
                tally.counts.skipped = 1;
                tally.list(path.clone(), FileStatus::Skipped, reason.clone());
                return Ok(tally);
            }
            WalkedFile::Unwalkable(path, reason) => {
                tally.counts.failed = 1;
                tally.list(path.clone(), FileStatus::Failed, reason.clone());
                return Ok(tally);
            }
        };
        if self.stop.load(Ordering::SeqCst) {
            tally.counts.pending = 1;
            return Ok(tally);
        }
        let (letters, decisions) = self.update(key, path, on_disk, &mut tally)?;
        self.progress.file_done(letters, decisions);
        self.commit_if_due(letters)?;
        Ok(tally)
    }

    /// Returns the letters and decisions indexed.
    fn update(
        &self,
        key: &str,
        path: &Path,
        on_disk: &HashSet<&str>,
        tally: &mut Tally,
    ) -> Result<(u64, u64), IndexError> {
        let failed = |tally: &mut Tally, reason: String| {
            tally.counts.failed = 1;
            tally.list(path.to_path_buf(), FileStatus::Failed, reason);
            Ok((0, 0))
        };
        let skipped = |tally: &mut Tally, reason: String| {
            tally.counts.skipped = 1;
            tally.list(path.to_path_buf(), FileStatus::Skipped, reason);
            Ok((0, 0))
        };
        let (size, modified_ns) = match std::fs::metadata(path) {
            Ok(metadata) if !metadata.is_file() => {
                return skipped(tally, not_regular_reason(metadata.file_type()))
            }
            Ok(metadata) => (metadata.len(), modified_ns(&metadata)),
            Err(error) => return failed(tally, format!("cannot read: {error}")),
        };
        let previous = self.manifest.get(key)?;
        if let Some(previous) = &previous {
            let same_stat = previous.size == size && previous.modified_ns == modified_ns;
            if same_stat && self.still_valid(key, previous, on_disk)? {
                tally.counts.unchanged = 1;
                return Ok((0, 0));
            }
        }
        let bytes = match read_regular_file(path) {
            Ok(bytes) => bytes,
            Err(problem @ ReadProblem::TooLarge(_)) => {
                let reason = problem.reason();
                return self.not_a_letter(
                    key,
                    previous.as_ref(),
                    size,
                    modified_ns,
                    0,
                    reason,
                    tally,
                );
            }
            Err(problem) => match outcome_of(&problem) {
                FileOutcome::Skipped(reason) => return skipped(tally, reason),
                _ => return failed(tally, problem.reason()),
            },
        };
        let content_hash = xxhash_rust::xxh3::xxh3_128(&bytes);
        let record = |kind, duplicate_of| FileRecord {
            size,
            modified_ns,
            hash: content_hash,
            kind,
            duplicate_of,
        };
        if let Some(previous) = &previous {
            let same_content = previous.hash == content_hash
                && matches!(previous.kind, FileKind::Letter | FileKind::NotALetter);
            if same_content {
                tally.counts.unchanged = 1;
                self.with_writer(|_| {
                    self.record_change(Change::Put(key.to_string(), record(previous.kind, None)))
                });
                return Ok((0, 0));
            }
        }
        let parsed = parse_bytes(
            &bytes,
            &self.options.vocabulary,
            self.options.current_year,
            self.options.ocr,
        );
        let letter = match parsed {
            FileOutcome::Letter(letter) => letter,
            FileOutcome::NotALetter(reason) => {
                tally.unknowns.add_not_a_letter(key, &reason);
                return self.not_a_letter(
                    key,
                    previous.as_ref(),
                    size,
                    modified_ns,
                    content_hash,
                    reason,
                    tally,
                );
            }
            FileOutcome::NeedsOcr(reason) => {
                tally.counts.needs_ocr = 1;
                tally.list(path.to_path_buf(), FileStatus::NeedsOcr, reason);
                return Ok((0, 0));
            }
            FileOutcome::Encrypted(reason) => {
                tally.counts.encrypted = 1;
                tally.list(path.to_path_buf(), FileStatus::Encrypted, reason);
                return Ok((0, 0));
            }
            FileOutcome::Skipped(reason) => return skipped(tally, reason),
            FileOutcome::Failed(reason) => return failed(tally, reason),
        };
        let path_term = Term::from_field_text(self.index.schema().required_field(PATH_FIELD)?, key);
        if let Some(original) = self.claim_content(key, content_hash, on_disk)? {
            let had_documents = previous
                .as_ref()
                .is_some_and(|p| p.kind != FileKind::NotALetter);
            self.with_writer(|writer| {
                if had_documents {
                    writer.delete_term(path_term);
                }
                self.record_change(Change::Put(
                    key.to_string(),
                    record(FileKind::Duplicate, Some(original.clone())),
                ));
            });
            tally.counts.duplicates = 1;
            tally.list(
                path.to_path_buf(),
                FileStatus::Duplicate,
                format!("same content as {original}"),
            );
            return Ok((0, 0));
        }
        let documents = letter_documents(self.index.schema(), key, &letter).map_err(|source| {
            IndexError::Document {
                path: path.to_path_buf(),
                cause: source,
            }
        })?;
        let operations: Vec<UserOperation> = std::iter::once(UserOperation::Delete(path_term))
            .chain(documents.into_iter().map(UserOperation::Add))
            .collect();
        self.with_writer(|writer| {
            writer.run(operations)?;
            self.record_change(Change::Put(key.to_string(), record(FileKind::Letter, None)));
            Ok(())
        })
        .map_err(|source| self.tantivy(source))?;
        if previous.is_some() {
            tally.counts.updated = 1;
        } else {
            tally.counts.added = 1;
        }
        if let Some(case_number) = &letter.case_number {
            tally.case_numbers.push(case_number.clone());
        }
        tally.unknowns.add_letter(key, &letter);
        Ok((1, letter.decisions.len() as u64))
    }

    /// Whether an unchanged file's record still holds: a duplicate only while the letter
    /// it duplicates is still indexed and on disk; an `Unknown` record never.
    fn still_valid(
        &self,
        key: &str,
        record: &FileRecord,
        on_disk: &HashSet<&str>,
    ) -> Result<bool, IndexError> {
        Ok(match record.kind {
            FileKind::Letter | FileKind::NotALetter => true,
            FileKind::Unknown => false,
            FileKind::Duplicate => {
                let original = self.manifest.letter_with_hash(record.hash)?;
                original
                    .is_some_and(|original| original != key && on_disk.contains(original.as_str()))
            }
        })
    }

    /// The letter already holding this content, or `None` after claiming it for `key`.
    fn claim_content(
        &self,
        key: &str,
        content_hash: u128,
        on_disk: &HashSet<&str>,
    ) -> Result<Option<String>, IndexError> {
        let mut claimed = self
            .letters_by_hash
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(original) = claimed.get(&content_hash) {
            return Ok((original != key).then(|| original.clone()));
        }
        let indexed = self
            .manifest
            .letter_with_hash(content_hash)?
            .filter(|original| original != key && on_disk.contains(original.as_str()));
        if indexed.is_none() {
            claimed.insert(content_hash, key.to_string());
        }
        Ok(indexed)
    }

    #[allow(clippy::too_many_arguments)]
    fn not_a_letter(
        &self,
        key: &str,
        previous: Option<&FileRecord>,
        size: u64,
        modified_ns: i128,
        hash: u128,
        reason: String,
        tally: &mut Tally,
    ) -> Result<(u64, u64), IndexError> {
        let path_term = Term::from_field_text(self.index.schema().required_field(PATH_FIELD)?, key);
        let had_documents =
            previous.is_some_and(|p| matches!(p.kind, FileKind::Letter | FileKind::Unknown));
        let record = FileRecord {
            size,
            modified_ns,
            hash,
            kind: FileKind::NotALetter,
            duplicate_of: None,
        };
        self.with_writer(|writer| {
            if had_documents {
                writer.delete_term(path_term);
            }
            self.record_change(Change::Put(key.to_string(), record));
        });
        tally.counts.not_letters = 1;
        tally.list(PathBuf::from(key), FileStatus::NotALetter, reason);
        Ok((0, 0))
    }
}

fn unknown_record() -> FileRecord {
    FileRecord {
        size: 0,
        modified_ns: 0,
        hash: 0,
        kind: FileKind::Unknown,
        duplicate_of: None,
    }
}

fn modified_ns(metadata: &std::fs::Metadata) -> i128 {
    metadata
        .modified()
        .ok()
        .and_then(|time| time.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or(0, |since| since.as_nanos() as i128)
}

/// Whether `path` is `root` or inside it.
fn is_under(path: &str, root: &str) -> bool {
    path.strip_prefix(root).is_some_and(|rest| {
        rest.is_empty()
            || rest.starts_with(std::path::MAIN_SEPARATOR)
            || root.ends_with(std::path::MAIN_SEPARATOR)
    })
}

/// For each case number of a letter indexed by this run, the other indexed letters that
/// state it too.
fn shared_case_numbers(
    index: &LetterIndex,
    indexed: &[String],
) -> Result<Vec<SharedCaseNumber>, IndexError> {
    let schema = index.schema();
    let (Some(case_field), Some(path_field)) =
        (schema.field("case_number"), schema.field(PATH_FIELD))
    else {
        return Ok(Vec::new());
    };
    let position_field = schema.required_field(DECISION_INDEX_FIELD)?;
    let tantivy_error = |source| IndexError::Tantivy {
        path: index.path().to_path_buf(),
        cause: source,
    };
    let searcher = index.searcher().map_err(tantivy_error)?;
    let mut shared: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for case_number in indexed {
        if shared.contains_key(case_number) {
            continue;
        }
        let query = BooleanQuery::new(vec![
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
            .search(&query, &TopDocs::with_limit(100).order_by_score())
            .map_err(tantivy_error)?;
        if hits.len() < 2 {
            continue;
        }
        let mut paths = Vec::new();
        for (_, address) in hits {
            let document: TantivyDocument = searcher.doc(address).map_err(tantivy_error)?;
            if let Some(path) = document
                .get_first(path_field.field)
                .and_then(|value| value.as_str())
            {
                paths.push(path.to_string());
            }
        }
        paths.sort();
        shared.insert(case_number.clone(), paths);
    }
    Ok(shared
        .into_iter()
        .map(|(case_number, paths)| SharedCaseNumber { case_number, paths })
        .collect())
}

fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::Basic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_under_a_root() {
        assert!(is_under("/a/b/c.txt", "/a/b"));
        assert!(is_under("/a/b/c.txt", "/a/b/"));
        assert!(is_under("/a/b", "/a/b"));
        assert!(!is_under("/a/bc/d.txt", "/a/b"));
        assert!(!is_under("/x/a/b", "/a/b"));
    }
}
