//! What a worker does with one walked file: stat it and decide with the manifest whether
//! it must be read; read it, hash it and parse it; build its documents; and hand the result
//! to the writer thread, in batches through an [`Outbox`]. Workers run in parallel and share
//! nothing mutable: each returns its file's tally, and every change to the index or
//! manifest goes through the writer.

use super::document::letter_documents;
use super::policy::{decide, has_documents, same_content, Action, Stat};
use super::report::{FileStatus, Tally};
use super::walk::{file_key, not_regular_reason, OnDisk, Walked};
use super::writer::{ParsedLetter, Work};
use super::{parse_bytes, read_file, FileOutcome, IngestOptions, Progress};
use crate::error::IndexError;
use crate::manifest::{FileKind, FileRecord, Manifest};
use crate::schema::IndexSchema;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::SyncSender;
use std::time::SystemTime;

/// What every worker shares: read-only state and the writer's channel.
pub struct Worker<'a> {
    /// The records of the last run (read only; the writer updates them).
    pub manifest: &'a Manifest,
    /// The files the walk found.
    pub on_disk: &'a OnDisk,
    /// The index schema documents are built for.
    pub schema: &'a IndexSchema,
    /// The run's settings.
    pub options: &'a IngestOptions,
    /// Set when the run should stop taking files.
    pub stop: &'a AtomicBool,
    /// Told about every file done.
    pub progress: &'a dyn Progress,
    /// Where results go, a batch at a time.
    pub work: SyncSender<Vec<Work>>,
}

/// Work items sent to the writer together: a worker hands over a batch where it handed over
/// every letter, so the writer wakes once for many (each wake-up was a futex call and a
/// context switch, 3% of a run's time). What is left is sent when the outbox is dropped.
pub struct Outbox<'a> {
    sender: &'a SyncSender<Vec<Work>>,
    batch: Vec<Work>,
}

/// Work items in one batch.
pub const BATCH_ITEMS: usize = 16;

impl<'a> Outbox<'a> {
    /// An empty outbox sending through `sender`.
    pub fn new(sender: &'a SyncSender<Vec<Work>>) -> Outbox<'a> {
        Outbox {
            sender,
            batch: Vec::with_capacity(BATCH_ITEMS),
        }
    }

    /// Adds `work`, sending the batch once full; `false` when the writer has stopped (its
    /// error ends the run).
    pub fn send(&mut self, work: Work) -> bool {
        self.batch.push(work);
        self.batch.len() < BATCH_ITEMS || self.flush()
    }

    /// Sends what the outbox holds; `false` when the writer has stopped.
    pub fn flush(&mut self) -> bool {
        if self.batch.is_empty() {
            return true;
        }
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH_ITEMS));
        self.sender.send(batch).is_ok()
    }
}

impl Drop for Outbox<'_> {
    fn drop(&mut self) {
        // A writer that stopped has its own error to report.
        let _ = self.flush();
    }
}

/// A file that was read, before what it is is known.
struct ReadFile<'p> {
    key: String,
    path: &'p Path,
    stat: Stat,
    hash: u128,
    record: Option<FileRecord>,
}

impl Worker<'_> {
    /// Brings one walked file up to date, returning what happened to it.
    pub fn process(&self, file: &Walked, outbox: &mut Outbox<'_>) -> Result<Tally, IndexError> {
        let mut tally = Tally::default();
        tally.counts.files_seen = 1;
        let path = match file {
            Walked::File(path) => path,
            Walked::Skipped(path, reason) => {
                tally.count_and_list(path.clone(), FileStatus::Skipped, reason.clone());
                return Ok(tally);
            }
            Walked::Failed(path, reason) => {
                tally.count_and_list(path.clone(), FileStatus::Failed, reason.clone());
                return Ok(tally);
            }
        };
        if self.stop.load(Ordering::SeqCst) {
            tally.counts.pending = 1;
            return Ok(tally);
        }
        let (letters, decisions) = self.update(path, &mut tally, outbox)?;
        self.progress.file_done(letters, decisions);
        Ok(tally)
    }

    /// Returns the letters and decisions handed to the writer.
    fn update(
        &self,
        path: &Path,
        tally: &mut Tally,
        outbox: &mut Outbox<'_>,
    ) -> Result<(u64, u64), IndexError> {
        let stat = match std::fs::metadata(path) {
            Ok(metadata) if !metadata.is_file() => {
                let reason = not_regular_reason(metadata.file_type());
                tally.count_and_list(path.to_path_buf(), FileStatus::Skipped, reason);
                return Ok((0, 0));
            }
            Ok(metadata) => Stat {
                size: metadata.len(),
                modified_ns: modified_ns(&metadata),
            },
            Err(error) => {
                let reason = format!("cannot read: {error}");
                tally.count_and_list(path.to_path_buf(), FileStatus::Failed, reason);
                return Ok((0, 0));
            }
        };
        let key = file_key(path);
        let record = self.manifest.get(&key)?;
        let original_live = match &record {
            Some(record) if record.kind == FileKind::Duplicate => self
                .manifest
                .letter_with_hash(record.hash)?
                .is_some_and(|original| original != key && self.on_disk.contains(&original)),
            _ => false,
        };
        if decide(Some(stat), record.as_ref(), original_live) == Action::Keep {
            tally.counts.unchanged = 1;
            return Ok((0, 0));
        }
        let mut file = ReadFile {
            key,
            path,
            stat,
            hash: 0,
            record,
        };
        let outcome = match read_file(path) {
            Err(outcome) => outcome,
            Ok(bytes) => {
                file.hash = xxhash_rust::xxh3::xxh3_128(&bytes);
                if let Some(kind) = same_content(file.hash, file.record.as_ref()) {
                    tally.counts.unchanged = 1;
                    let record = file.new_record(kind);
                    outbox.send(Work::Record {
                        key: file.key,
                        record,
                    });
                    return Ok((0, 0));
                }
                parse_bytes(
                    &bytes,
                    &self.options.vocabulary,
                    self.options.current_year,
                    self.options.ocr,
                )
            }
        };
        self.settle(outcome, file, tally, outbox)
    }

    /// Hands what a read file turned out to be to the writer and tallies it. Scans,
    /// encrypted PDFs, skipped and failed files are not recorded, so the next run looks at
    /// them again.
    fn settle(
        &self,
        outcome: FileOutcome,
        file: ReadFile<'_>,
        tally: &mut Tally,
        outbox: &mut Outbox<'_>,
    ) -> Result<(u64, u64), IndexError> {
        let had_documents = file
            .record
            .as_ref()
            .is_some_and(|record| has_documents(record.kind));
        let path = file.path.to_path_buf();
        let (status, reason) = match outcome {
            FileOutcome::Letter(letter) => {
                let documents =
                    letter_documents(self.schema, &file.key, &letter).map_err(|cause| {
                        IndexError::Document {
                            path: path.clone(),
                            cause,
                        }
                    })?;
                let decisions = letter.decisions.len() as u64;
                let parsed = ParsedLetter {
                    record: file.new_record(FileKind::Letter),
                    previously_recorded: file.record.is_some(),
                    had_documents,
                    key: file.key,
                    path,
                    letter,
                    documents,
                };
                if !outbox.send(Work::Letter(parsed)) {
                    tally.counts.pending = 1;
                    return Ok((0, 0));
                }
                return Ok((1, decisions));
            }
            FileOutcome::NotALetter(reason) => {
                tally.unknowns.add_not_a_letter(&file.key, &reason);
                let record = file.new_record(FileKind::NotALetter);
                outbox.send(Work::NotALetter {
                    key: file.key,
                    record,
                    had_documents,
                });
                (FileStatus::NotALetter, reason)
            }
            FileOutcome::NeedsOcr(reason) => (FileStatus::NeedsOcr, reason),
            FileOutcome::Encrypted(reason) => (FileStatus::Encrypted, reason),
            FileOutcome::Skipped(reason) => (FileStatus::Skipped, reason),
            FileOutcome::Failed(reason) => (FileStatus::Failed, reason),
        };
        tally.count_and_list(path, status, reason);
        Ok((0, 0))
    }

    /// An outbox to the writer.
    pub fn outbox(&self) -> Outbox<'_> {
        Outbox::new(&self.work)
    }
}

impl ReadFile<'_> {
    fn new_record(&self, kind: FileKind) -> FileRecord {
        FileRecord {
            size: self.stat.size,
            modified_ns: self.stat.modified_ns,
            hash: self.hash,
            kind,
            duplicate_of: None,
        }
    }
}

fn modified_ns(metadata: &std::fs::Metadata) -> i128 {
    metadata
        .modified()
        .ok()
        .and_then(|time| time.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or(0, |since| since.as_nanos() as i128)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::Vocabulary;
    use crate::manifest::Change;
    use std::sync::mpsc::{sync_channel, Receiver};
    use std::sync::Arc;
    use std::time::Duration;

    struct Silent;
    impl Progress for Silent {
        fn walked(&self, _: u64) {}
        fn file_done(&self, _: u64, _: u64) {}
    }

    fn options() -> IngestOptions {
        IngestOptions {
            roots: Vec::new(),
            follow_links: false,
            memory_budget_in_bytes: 50_000_000,
            current_year: 2026,
            vocabulary: Arc::new(Vocabulary::with_additions(&[]).expect("the built-in vocabulary")),
            full: false,
            commit_every_letters: 1_000,
            commit_interval: Duration::from_secs(60),
            ocr: super::super::Ocr::Off,
        }
    }

    /// Runs one worker over `path` and returns its tally and what it sent the writer.
    fn process(manifest: &Manifest, path: &Path) -> (Tally, Vec<Work>) {
        let schema = IndexSchema::embedded().expect("schema");
        let options = options();
        let mut on_disk = OnDisk::default();
        on_disk.insert(&file_key(path));
        let (sender, receiver): (_, Receiver<Vec<Work>>) = sync_channel(8);
        let worker = Worker {
            manifest,
            on_disk: &on_disk,
            schema: &schema,
            options: &options,
            stop: &AtomicBool::new(false),
            progress: &Silent,
            work: sender,
        };
        let tally = worker
            .process(&Walked::File(path.to_path_buf()), &mut worker.outbox())
            .expect("processed");
        drop(worker);
        (tally, receiver.into_iter().flatten().collect())
    }

    fn forget(n: usize) -> Work {
        Work::Forget {
            key: format!("/l/{n}.txt"),
            had_documents: false,
        }
    }

    #[test]
    fn an_outbox_sends_full_batches_then_the_rest_when_dropped() {
        let (sender, receiver) = sync_channel(8);
        let mut outbox = Outbox::new(&sender);
        for n in 0..BATCH_ITEMS + 3 {
            assert!(outbox.send(forget(n)));
        }
        let first = receiver.try_recv().expect("a full batch is sent at once");
        assert_eq!(first.len(), BATCH_ITEMS);
        assert!(receiver.try_recv().is_err(), "the rest waits");
        drop(outbox);
        assert_eq!(receiver.try_recv().expect("sent when dropped").len(), 3);
        drop(sender);
        assert!(
            receiver.try_recv().is_err(),
            "nothing more, not even an empty batch"
        );
    }

    #[test]
    fn an_outbox_says_when_the_writer_has_stopped() {
        let (sender, receiver) = sync_channel(8);
        drop(receiver);
        let mut outbox = Outbox::new(&sender);
        let accepted = (0..BATCH_ITEMS)
            .map(|n| outbox.send(forget(n)))
            .collect::<Vec<_>>();
        assert_eq!(
            accepted.iter().filter(|ok| !**ok).count(),
            1,
            "{accepted:?}"
        );
        assert!(!accepted[BATCH_ITEMS - 1], "the full batch found no writer");
    }

    #[test]
    fn reads_new_files_keeps_unchanged_ones_and_rerecords_touched_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        let manifest = Manifest::open(dir.path()).expect("manifest");
        let letter = dir.path().join("letter.txt");
        std::fs::write(
            &letter,
            include_str!("../../sample-data/l1-cervical-esi.txt"),
        )
        .expect("write");

        let (tally, sent) = process(&manifest, &letter);
        assert_eq!(tally.counts.files_seen, 1);
        let [Work::Letter(parsed)] = &sent[..] else {
            panic!("a new letter is parsed and sent")
        };
        assert!(!parsed.previously_recorded);
        assert!(!parsed.documents.is_empty());
        let record = parsed.record.clone();
        manifest
            .apply(&[Change::Put(parsed.key.clone(), record.clone())], 1)
            .expect("apply");

        let (tally, sent) = process(&manifest, &letter);
        assert_eq!(tally.counts.unchanged, 1);
        assert!(sent.is_empty(), "an unchanged file sends nothing");

        let touched = FileRecord {
            modified_ns: record.modified_ns - 1,
            ..record
        };
        manifest
            .apply(&[Change::Put(file_key(&letter), touched)], 2)
            .expect("apply");
        let (tally, sent) = process(&manifest, &letter);
        assert_eq!(tally.counts.unchanged, 1);
        assert!(matches!(&sent[..], [Work::Record { .. }]));
    }

    #[test]
    fn files_that_are_not_letters_are_recorded_and_listed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let manifest = Manifest::open(dir.path()).expect("manifest");
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "").expect("write");
        let (tally, sent) = process(&manifest, &empty);
        assert_eq!(tally.counts.not_letters, 1);
        assert_eq!(tally.files[0].status, FileStatus::NotALetter);
        assert!(matches!(
            &sent[..],
            [Work::NotALetter {
                had_documents: false,
                ..
            }]
        ));

        let (tally, sent) = process(&manifest, &dir.path().join("gone.txt"));
        assert_eq!(tally.counts.failed, 1);
        assert!(
            sent.is_empty(),
            "a file that cannot be read is not recorded"
        );
    }
}
