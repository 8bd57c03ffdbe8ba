//! An index run, stage by stage: walk the paths; forget the files that vanished; then
//! workers stat, decide, read, parse and build documents in parallel while one writer
//! thread, fed by a bounded channel, applies them, commits on schedule and writes the
//! manifest after each commit; last, the report. A killed run leaves the last commit and
//! its manifest, and the next run picks up where it stopped.

use super::report::{Counts, RunOutcome, RunReport, Tally};
use super::walk::{file_key, files_under, FileList, OnDisk, Walked};
use super::worker::{Worker, BATCH_ITEMS};
use super::writer::{CommitSchedule, Work, Writer};
use super::{policy, repair, segments, Ocr};
use crate::error::IndexError;
use crate::index::LetterIndex;
use crate::letter::Vocabulary;
use crate::manifest::Manifest;
use rayon::iter::{IntoParallelIterator, ParallelIterator};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Batches of work (each of up to [`BATCH_ITEMS`] letters with their documents) waiting
/// for the writer at most: enough to keep it busy while workers parse, few enough that
/// memory does not grow when it falls behind (256 letters, as when letters came one by one).
const WRITER_QUEUE_BATCHES: usize = 256 / BATCH_ITEMS;

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

/// What the run tells its caller as it goes, for a progress display.
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
    let tantivy_writer = index.writer(options.memory_budget_in_bytes)?;
    tantivy_writer.set_merge_policy(segments::merge_policy());
    let (mut manifest, manifest_set_aside) = Manifest::open_or_set_aside(index.path())?;
    // Counts never mix two vocabularies: after a change every letter is read again.
    let vocabulary_changed = !options.full
        && index.generation()? > 0
        && index.vocabulary()?.as_deref() != Some(options.vocabulary.fingerprint());
    let rebuild = options.full || vocabulary_changed;
    if rebuild {
        tantivy_writer
            .delete_all_documents()
            .map_err(|cause| IndexError::Tantivy {
                path: index.path().to_path_buf(),
                cause,
            })?;
        manifest.clear()?;
    } else {
        repair::repair_manifest(index, &manifest)?;
    }

    let walked = walk(&options.roots, options.follow_links);
    progress.walked(walked.len() as u64);

    let (sender, receiver) = sync_channel(WRITER_QUEUE_BATCHES);
    let writer = Writer::new(
        index,
        &manifest,
        &walked.on_disk,
        tantivy_writer,
        options.vocabulary.fingerprint(),
        CommitSchedule {
            every_letters: options.commit_every_letters,
            interval: options.commit_interval,
        },
        rebuild,
    )?;
    let (tally, written) = std::thread::scope(|scope| {
        let writing = scope.spawn(move || writer.run(receiver));
        let worker = Worker {
            manifest: &manifest,
            on_disk: &walked.on_disk,
            schema: index.schema(),
            options,
            stop,
            progress,
            work: sender,
        };
        let tally = forget_vanished(&worker, &options.roots).and_then(|()| {
            (0..walked.len())
                .into_par_iter()
                .filter_map(|index| walked.get(index))
                .map_init(
                    || worker.outbox(),
                    |outbox, file| worker.process(&file, outbox),
                )
                .try_reduce(Tally::default, |a, b| Ok(a.merge(b)))
        });
        // The writer finishes once the last sender is gone.
        drop(worker);
        progress.files_done();
        let written = writing
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (tally, written)
    });
    // The writer's own failure explains any a worker saw.
    let written = written?;
    let mut tally = tally?.merge(written.tally);
    if written.committed {
        segments::merge_small_segments(index, segments::MERGED_SEGMENT_DOCS)?;
        manifest.compact()?;
    }

    let totals = index.totals()?;
    let shared_case_numbers = index.shared_case_numbers(tally.case_numbers.iter())?;
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

/// What the walk found: the files, the paths skipped or failed, and the files by key.
struct WalkedPaths {
    files: FileList,
    others: Vec<Walked>,
    on_disk: OnDisk,
}

impl WalkedPaths {
    fn len(&self) -> usize {
        self.files.len() + self.others.len()
    }

    /// The `index`-th path: the files first, then the others.
    fn get(&self, index: usize) -> Option<Walked> {
        match index.checked_sub(self.files.len()) {
            None => self.files.get(index).map(Walked::File),
            Some(other) => self.others.get(other).cloned(),
        }
    }
}

/// Walks the roots, made absolute first so every path found is its own key.
fn walk(roots: &[PathBuf], follow_links: bool) -> WalkedPaths {
    let roots: Vec<PathBuf> = roots
        .iter()
        .map(|root| std::path::absolute(root).unwrap_or_else(|_| root.clone()))
        .collect();
    let mut walked = WalkedPaths {
        files: FileList::default(),
        others: Vec::new(),
        on_disk: OnDisk::default(),
    };
    for entry in files_under(&roots, follow_links) {
        match entry {
            Walked::File(path) => {
                walked.on_disk.insert(&file_key(&path));
                walked.files.push(&path);
            }
            other => walked.others.push(other),
        }
    }
    walked
}

/// Hands the writer every recorded file under the roots that the walk no longer finds.
fn forget_vanished(worker: &Worker<'_>, roots: &[PathBuf]) -> Result<(), IndexError> {
    let roots: Vec<String> = roots.iter().map(|root| file_key(root)).collect();
    let vanished = worker.manifest.paths_where(|path| {
        !worker.on_disk.contains(path) && roots.iter().any(|root| is_under(path, root))
    })?;
    let mut outbox = worker.outbox();
    for key in vanished {
        let record = worker.manifest.get(&key)?;
        if let policy::Action::Forget { had_documents } =
            policy::decide(None, record.as_ref(), false)
        {
            if !outbox.send(Work::Forget { key, had_documents }) {
                break;
            }
        }
    }
    Ok(())
}

/// Whether `path` is `root` or inside it.
fn is_under(path: &str, root: &str) -> bool {
    path.strip_prefix(root).is_some_and(|rest| {
        rest.is_empty()
            || rest.starts_with(std::path::MAIN_SEPARATOR)
            || root.ends_with(std::path::MAIN_SEPARATOR)
    })
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
