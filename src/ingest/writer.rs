//! The run's one writer: a thread that owns the tantivy `IndexWriter`, takes the workers'
//! results from a bounded channel in the order they come, places each letter (indexed, or
//! a duplicate of one already indexed), commits every so many letters and seconds, and
//! after each commit writes the manifest changes that commit made true. Being the only
//! thread that touches the writer, it needs no lock, and each letter's delete-then-add goes
//! in as one batch, so any commit holds all of a letter or none of it.

use super::document::{number_letter, LETTER_FIELD, PATH_FIELD};
use super::policy::{place, Placement};
use super::report::{FileStatus, Tally};
use super::walk::OnDisk;
use crate::error::IndexError;
use crate::index::LetterIndex;
use crate::letter::Letter;
use crate::manifest::{Change, FileKind, FileRecord, Manifest};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};
use tantivy::indexer::UserOperation;
use tantivy::schema::Field;
use tantivy::{IndexWriter, TantivyDocument, Term};

/// One result of a worker, for the writer to apply.
pub enum Work {
    /// A parsed letter and its documents.
    Letter(ParsedLetter),
    /// A file that is not a letter: its documents, if it had any, go.
    NotALetter {
        /// The file's key.
        key: String,
        /// Its new record.
        record: FileRecord,
        /// The index holds documents of it.
        had_documents: bool,
    },
    /// Only the file's record changes (touched, same content).
    Record {
        /// The file's key.
        key: String,
        /// Its new record.
        record: FileRecord,
    },
    /// A file that vanished: its documents (if any) and record go.
    Forget {
        /// The file's key.
        key: String,
        /// The index holds documents of it.
        had_documents: bool,
    },
}

/// A letter ready to index.
pub struct ParsedLetter {
    /// The file's key.
    pub key: String,
    /// The path to list it under in the report.
    pub path: PathBuf,
    /// The letter.
    pub letter: Box<Letter>,
    /// Its documents.
    pub documents: Vec<TantivyDocument>,
    /// Its new record (kind `Letter`).
    pub record: FileRecord,
    /// The manifest had a record of the file.
    pub previously_recorded: bool,
    /// The index holds documents of it.
    pub had_documents: bool,
}

/// When the writer commits.
#[derive(Debug, Clone, Copy)]
pub struct CommitSchedule {
    /// After this many letters ...
    pub every_letters: u64,
    /// ... or this much time, whichever comes first.
    pub interval: Duration,
}

/// What the writer did.
pub struct Written {
    /// Letters added, updated, removed, duplicates (with their listing), case numbers and
    /// what the parser could not place in the letters indexed.
    pub tally: Tally,
    /// The run committed at least once.
    pub committed: bool,
}

/// The writer's state.
pub struct Writer<'a> {
    index: &'a LetterIndex,
    manifest: &'a Manifest,
    on_disk: &'a OnDisk,
    writer: IndexWriter,
    path_field: Field,
    letter_field: Field,
    /// The number the next letter indexed gets.
    next_letter: u64,
    vocabulary_fingerprint: &'a str,
    schedule: CommitSchedule,
    generation: u64,
    /// Deletes and adds not yet handed to tantivy, in order: handed over once a batch of
    /// work is applied (and before a commit), so tantivy's indexing threads wake once a
    /// batch rather than once a letter. Each letter's delete and adds stay together.
    operations: Vec<UserOperation>,
    /// Manifest changes of the work done since the last commit.
    pending: Vec<Change>,
    /// Content hash -> key of the letters indexed since the last commit (earlier ones the
    /// manifest knows).
    claimed: HashMap<u128, String>,
    /// Work the next commit would make permanent.
    dirty: bool,
    letters_since_commit: u64,
    last_commit: Instant,
    tally: Tally,
    committed: bool,
}

impl<'a> Writer<'a> {
    /// A writer over `writer` that commits on `schedule`. `dirty` says the writer already
    /// holds work to commit (a full rebuild's delete of everything).
    pub fn new(
        index: &'a LetterIndex,
        manifest: &'a Manifest,
        on_disk: &'a OnDisk,
        writer: IndexWriter,
        vocabulary_fingerprint: &'a str,
        schedule: CommitSchedule,
        dirty: bool,
    ) -> Result<Writer<'a>, IndexError> {
        Ok(Writer {
            index,
            manifest,
            on_disk,
            writer,
            path_field: index.schema().required_field(PATH_FIELD)?,
            letter_field: index.schema().required_field(LETTER_FIELD)?,
            next_letter: largest_letter_number(index)? + 1,
            vocabulary_fingerprint,
            schedule,
            generation: index.generation()?,
            operations: Vec::new(),
            pending: Vec::new(),
            claimed: HashMap::new(),
            dirty,
            letters_since_commit: 0,
            last_commit: Instant::now(),
            tally: Tally::default(),
            committed: false,
        })
    }

    /// Applies work until every sender is gone, then commits and waits for merges.
    pub fn run(mut self, work: Receiver<Vec<Work>>) -> Result<Written, IndexError> {
        loop {
            let wait = self
                .schedule
                .interval
                .saturating_sub(self.last_commit.elapsed());
            match work.recv_timeout(wait) {
                Ok(batch) => {
                    for item in batch {
                        self.apply(item)?;
                        self.commit_when_due()?;
                    }
                    self.hand_over_operations()?;
                }
                Err(RecvTimeoutError::Timeout) => self.commit_when_due()?,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        self.commit()?;
        let path = self.index.path().to_path_buf();
        self.writer
            .wait_merging_threads()
            .map_err(|cause| IndexError::Tantivy { path, cause })?;
        Ok(Written {
            tally: self.tally,
            committed: self.committed,
        })
    }

    fn apply(&mut self, work: Work) -> Result<(), IndexError> {
        self.dirty = true;
        match work {
            Work::Letter(letter) => self.index_letter(letter)?,
            Work::NotALetter {
                key,
                record,
                had_documents,
            } => {
                if had_documents {
                    self.delete(&key);
                }
                self.pending.push(Change::Put(key, record));
            }
            Work::Record { key, record } => self.pending.push(Change::Put(key, record)),
            Work::Forget { key, had_documents } => {
                if had_documents {
                    self.delete(&key);
                    self.tally.counts.removed += 1;
                }
                self.pending.push(Change::Remove(key));
            }
        }
        Ok(())
    }

    fn index_letter(&mut self, parsed: ParsedLetter) -> Result<(), IndexError> {
        let ParsedLetter {
            key,
            path,
            letter,
            documents,
            record,
            previously_recorded,
            had_documents,
        } = parsed;
        let holder = self.holder(&key, record.hash)?;
        if let Placement::DuplicateOf(original) = place(&key, holder.as_deref()) {
            if had_documents {
                self.delete(&key);
            }
            self.tally.count_and_list(
                path,
                FileStatus::Duplicate,
                format!("same content as {original}"),
            );
            let record = FileRecord {
                kind: FileKind::Duplicate,
                duplicate_of: Some(original),
                ..record
            };
            self.pending.push(Change::Put(key, record));
            return Ok(());
        }
        self.claimed.insert(record.hash, key.clone());
        let mut documents = documents;
        number_letter(&mut documents, self.letter_field, self.next_letter);
        self.next_letter += 1;
        self.delete(&key);
        self.operations
            .extend(documents.into_iter().map(UserOperation::Add));
        if previously_recorded {
            self.tally.counts.updated += 1;
        } else {
            self.tally.counts.added += 1;
        }
        if let Some(case_number) = &letter.case_number {
            self.tally.case_numbers.push(case_number);
        }
        self.tally.unknowns.add_letter(&key, &letter);
        self.pending.push(Change::Put(key, record));
        self.letters_since_commit += 1;
        Ok(())
    }

    /// The indexed file (still on disk) that holds this content, if any.
    fn holder(&self, key: &str, hash: u128) -> Result<Option<String>, IndexError> {
        if let Some(holder) = self.claimed.get(&hash) {
            return Ok(Some(holder.clone()));
        }
        Ok(self
            .manifest
            .letter_with_hash(hash)?
            .filter(|holder| holder != key && self.on_disk.contains(holder)))
    }

    fn delete(&mut self, key: &str) {
        self.operations
            .push(UserOperation::Delete(Term::from_field_text(
                self.path_field,
                key,
            )));
    }

    /// Hands the operations gathered so far to tantivy, as one batch.
    fn hand_over_operations(&mut self) -> Result<(), IndexError> {
        if self.operations.is_empty() {
            return Ok(());
        }
        let operations = std::mem::take(&mut self.operations);
        self.writer
            .run(operations)
            .map_err(|cause| self.tantivy(cause))?;
        Ok(())
    }

    /// Commits when the schedule says so: after so many letters, or so much time.
    fn commit_when_due(&mut self) -> Result<(), IndexError> {
        if self.letters_since_commit >= self.schedule.every_letters
            || self.last_commit.elapsed() >= self.schedule.interval
        {
            self.commit()?;
        }
        Ok(())
    }

    /// Commits the index, then writes the manifest changes that the commit made true.
    /// With nothing to commit (a run over unchanged files) it does nothing.
    fn commit(&mut self) -> Result<(), IndexError> {
        self.letters_since_commit = 0;
        self.last_commit = Instant::now();
        if !std::mem::take(&mut self.dirty) {
            return Ok(());
        }
        self.hand_over_operations()?;
        self.generation += 1;
        self.index.commit(
            &mut self.writer,
            self.generation,
            self.vocabulary_fingerprint,
        )?;
        self.manifest.apply(&self.pending, self.generation)?;
        self.pending.clear();
        // The manifest now knows these letters' hashes.
        self.claimed.clear();
        self.committed = true;
        Ok(())
    }

    fn tantivy(&self, cause: tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            path: self.index.path().to_path_buf(),
            cause,
        }
    }
}

/// The largest letter number in the index (0 for none): numbers are never given twice,
/// so a letter's number ties only its own documents together.
fn largest_letter_number(index: &LetterIndex) -> Result<u64, IndexError> {
    let tantivy = |cause| IndexError::Tantivy {
        path: index.path().to_path_buf(),
        cause,
    };
    let searcher = index.searcher().map_err(tantivy)?;
    let mut largest = 0;
    for segment in searcher.segment_readers() {
        let column = segment.fast_fields().u64(LETTER_FIELD).map_err(tantivy)?;
        largest = largest.max(column.max_value());
    }
    Ok(largest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::document::letter_documents;
    use crate::ingest::sample_letter;
    use std::sync::mpsc::sync_channel;

    fn parsed(index: &LetterIndex, key: &str, hash: u128) -> Work {
        let letter = sample_letter();
        let documents = letter_documents(index.schema(), key, &letter).expect("documents");
        Work::Letter(ParsedLetter {
            key: key.to_string(),
            path: PathBuf::from(key),
            letter,
            documents,
            record: FileRecord {
                size: 1,
                modified_ns: 1,
                hash,
                kind: FileKind::Letter,
                duplicate_of: None,
            },
            previously_recorded: false,
            had_documents: false,
        })
    }

    /// An empty index and manifest in a new folder, and a walk that found `keys`.
    fn fresh(keys: &[&str]) -> (tempfile::TempDir, LetterIndex, Manifest, OnDisk) {
        let dir = tempfile::tempdir().expect("temp dir");
        let index = LetterIndex::open_or_create(dir.path(), false).expect("index");
        let manifest = Manifest::open(dir.path()).expect("manifest");
        let mut on_disk = OnDisk::default();
        for key in keys {
            on_disk.insert(key);
        }
        (dir, index, manifest, on_disk)
    }

    fn writer_committing_every<'a>(
        index: &'a LetterIndex,
        manifest: &'a Manifest,
        on_disk: &'a OnDisk,
        every_letters: u64,
    ) -> Writer<'a> {
        Writer::new(
            index,
            manifest,
            on_disk,
            index.writer(50_000_000).expect("writer"),
            "fingerprint",
            CommitSchedule {
                every_letters,
                interval: Duration::from_secs(3600),
            },
            false,
        )
        .expect("writer")
    }

    #[test]
    fn indexes_places_duplicates_forgets_and_commits_on_schedule() {
        let (_dir, index, manifest, on_disk) =
            fresh(&["/l/a.txt", "/l/b.txt", "/l/c.txt", "/l/d.txt"]);
        let writer = writer_committing_every(&index, &manifest, &on_disk, 1);
        let (sender, receiver) = sync_channel(8);
        // b duplicates a after a's commit, so the manifest knows a; the schedule holds
        // within a batch.
        sender
            .send(vec![
                parsed(&index, "/l/a.txt", 1),
                parsed(&index, "/l/b.txt", 1),
                parsed(&index, "/l/c.txt", 2),
            ])
            .expect("send");
        sender
            .send(vec![Work::Forget {
                key: "/l/gone.txt".to_string(),
                had_documents: true,
            }])
            .expect("send");
        drop(sender);
        let written = writer.run(receiver).expect("run");

        let counts = written.tally.counts;
        assert_eq!((counts.added, counts.duplicates, counts.removed), (2, 1, 1));
        assert_eq!(written.tally.files[0].reason, "same content as /l/a.txt");
        assert_eq!(index.totals().expect("totals").letters, 2);
        // One commit per letter; the duplicate and the removal ride with the later ones.
        assert_eq!(index.generation().expect("generation"), 3);
        assert_eq!(manifest.generation().expect("generation"), 3);
        let duplicate = manifest.get("/l/b.txt").expect("get").expect("recorded");
        assert_eq!(duplicate.kind, FileKind::Duplicate);
        assert_eq!(duplicate.duplicate_of.as_deref(), Some("/l/a.txt"));
    }

    #[test]
    fn a_duplicate_within_one_commit_is_found_by_the_writers_claim() {
        let (_dir, index, manifest, on_disk) = fresh(&["/l/c.txt", "/l/d.txt"]);
        let writer = writer_committing_every(&index, &manifest, &on_disk, 1_000);
        let (sender, receiver) = sync_channel(8);
        sender
            .send(vec![parsed(&index, "/l/c.txt", 2)])
            .expect("send");
        sender
            .send(vec![parsed(&index, "/l/d.txt", 2)])
            .expect("send");
        drop(sender);
        let written = writer.run(receiver).expect("run");
        assert_eq!(written.tally.counts.duplicates, 1);
        assert_eq!(index.generation().expect("generation"), 1);
        assert_eq!(index.totals().expect("totals").letters, 1);
    }
}
