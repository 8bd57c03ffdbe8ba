//! `imr index PATH...`: brings the index up to date with the files under the paths (or
//! rebuilds it with --full), shows progress on a terminal, stops cleanly on SIGINT/SIGTERM,
//! and reports: one summary line on standard error, the JSON report with --report or
//! --format json, and the last-run record `imr status` reads.

use crate::cli::{IndexArgs, ReportFormat};
use crate::commands::ocr_choice;
use crate::config::Config;
use crate::exit::ExitCode;
use crate::index::LetterIndex;
use crate::ingest::report::{FileStatus, RunOutcome, RunReport};
use crate::ingest::vocab_dir::load_vocabulary;
use crate::ingest::{index_paths, IngestOptions, Progress};
use crate::last_run::LastRun;
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Runs `imr index`.
pub fn run(args: &IndexArgs, config: &Config) -> anyhow::Result<ExitCode> {
    for path in &args.paths {
        if !path.exists() {
            anyhow::bail!("{}: no such file or folder", path.display());
        }
    }
    let index = LetterIndex::open_or_create(&config.index_path, args.full)?;
    let stop = Arc::new(AtomicBool::new(false));
    let committing = Arc::new(AtomicBool::new(false));
    let (handler_stop, handler_committing) = (Arc::clone(&stop), Arc::clone(&committing));
    ctrlc::set_handler(move || on_stop_request(&handler_stop, &handler_committing))
        .context("cannot install the SIGINT/SIGTERM handler")?;
    let options = IngestOptions {
        roots: args.paths.clone(),
        follow_links: args.follow_links,
        memory_budget_in_bytes: usize::try_from(args.memory_budget_mb * 1024 * 1024)
            .context("--memory-budget-mb is too large for this machine")?,
        current_year: config.current_year,
        vocabulary: Arc::new(load_vocabulary(config.vocab_dir.as_deref())?),
        full: args.full,
        commit_every_letters: args.commit_every,
        commit_interval: Duration::from_secs(args.commit_interval),
        ocr: ocr_choice(args.ocr),
    };
    let display = ProgressDisplay::new(config.progress_bar, committing);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.map_or(0, |threads| threads as usize))
        .build()
        .context("cannot start the worker threads")?;
    let result = pool.install(|| index_paths(&index, &options, &display, &stop));
    display.finish();
    let report = match result {
        Ok(report) => report,
        Err(error) => {
            if !matches!(error, crate::error::IndexError::Locked { .. }) {
                // The run's own failure is worth keeping for `imr status`; a lock refusal is not a run.
                let _ = LastRun::failed(error.to_string()).save(index.path());
            }
            return Err(error.into());
        }
    };
    LastRun::from_report(&report)
        .save(index.path())
        .with_context(|| format!("cannot save the run record in {}", index.path().display()))?;
    if let Some(path) = &args.report {
        std::fs::write(path, serde_json::to_vec_pretty(&report)?)
            .with_context(|| format!("cannot write the report to {}", path.display()))?;
    }
    for file in &report.files {
        let status = match file.status {
            FileStatus::Failed => "failed",
            FileStatus::NotALetter => "not a letter",
            FileStatus::Duplicate => "duplicate",
            FileStatus::Skipped => "skipped",
            FileStatus::NeedsOcr => "needs_ocr",
            FileStatus::Encrypted => "encrypted",
        };
        crate::note!("imr: {} ({status}): {}", file.path.display(), file.reason);
    }
    for shared in &report.shared_case_numbers {
        crate::note!(
            "imr: case number {} is stated by {} letters (all kept): {}",
            shared.case_number,
            shared.paths.len(),
            shared.paths.join(", ")
        );
    }
    if let Some(aside) = &report.manifest_set_aside {
        crate::note!(
            "imr: the manifest could not be read ({}); it was moved to {} and rebuilt from the index",
            aside.reason,
            aside.path.display()
        );
    }
    if report.vocabulary_changed {
        crate::note!(
            "imr: the vocabulary changed since the index was built: every letter was read again"
        );
    }
    if let Some(line) = unknowns_line(&report) {
        crate::note!("{line}");
    }
    crate::note!("{}", summary_line(&report));
    if args.format == ReportFormat::Json {
        writeln!(
            std::io::stdout().lock(),
            "{}",
            serde_json::to_string_pretty(&report)?
        )?;
    }
    Ok(match report.outcome {
        RunOutcome::Completed => ExitCode::Success,
        RunOutcome::Partial => ExitCode::Partial,
        RunOutcome::Interrupted => ExitCode::Interrupted,
    })
}

/// How long a stopping run may take to finish the letters in progress and commit them.
const STOP_GRACE: Duration = Duration::from_secs(10);

/// SIGINT/SIGTERM: the first asks the run to stop taking files and commit what it has;
/// a second, or a run still reading files [`STOP_GRACE`] later (a worker stuck in a read),
/// ends the process at once. That is as safe as SIGKILL: the index changes only at
/// commits, and the next run picks up what this one did not commit. A run that has moved
/// on to its final commit is left to finish it.
fn on_stop_request(stop: &AtomicBool, committing: &Arc<AtomicBool>) {
    let already_stopping = stop.swap(true, Ordering::SeqCst);
    if already_stopping {
        exit_now("a second stop request".to_string());
    }
    let committing = Arc::clone(committing);
    std::thread::spawn(move || {
        std::thread::sleep(STOP_GRACE);
        if !committing.load(Ordering::SeqCst) {
            exit_now(format!(
                "the run did not stop within {} s",
                STOP_GRACE.as_secs()
            ));
        }
    });
}

fn exit_now(why: String) -> ! {
    crate::note!(
        "imr: {why}: exiting at once; the index holds what was committed, the next run does the rest"
    );
    std::process::exit(ExitCode::Interrupted as i32)
}

fn summary_line(report: &RunReport) -> String {
    let c = &report.counts;
    let ending = match report.outcome {
        RunOutcome::Completed => "indexed",
        RunOutcome::Partial => "indexed with failures",
        RunOutcome::Interrupted => "interrupted, committed what was done",
    };
    let unread_pdfs = if c.needs_ocr + c.encrypted > 0 {
        format!(", {} need OCR, {} encrypted", c.needs_ocr, c.encrypted)
    } else {
        String::new()
    };
    let pending = if c.pending > 0 {
        format!(", {} pending for the next run", c.pending)
    } else {
        String::new()
    };
    format!(
        "{ending}: {} files in {:.2} s: {} added, {} updated, {} removed, {} unchanged, \
         {} duplicates, {} not letters{unread_pdfs}, {} skipped, {} failed{pending}; index holds {} letters, {} decisions: {}",
        c.files_seen,
        report.seconds,
        c.added,
        c.updated,
        c.removed,
        c.unchanged,
        c.duplicates,
        c.not_letters,
        c.skipped,
        c.failed,
        c.letters_total,
        c.decisions_total,
        report.index.display()
    )
}

/// One line on what the parser could not place, when there is anything; the report has
/// the items and files.
fn unknowns_line(report: &RunReport) -> Option<String> {
    let unknowns = &report.unknowns;
    let counts = [
        unknowns.other_by_default,
        unknowns.qualifications_without_known_specialty.count,
        unknowns.decision_lines_without_decision.count,
        unknowns.unknown_layouts.count,
    ];
    if counts.iter().all(|&count| count == 0) {
        return None;
    }
    Some(format!(
        "imr: not read: {} items no cue placed in a category, {} qualifications naming no known specialty, \
         {} letters with decision-like lines but no decision, {} files like letters in no known layout \
         (the items and files are in the --report; 'imr parse --summary PATH' lists them)",
        counts[0], counts[1], counts[2], counts[3]
    ))
}

/// A progress bar on standard error, drawn only when it is a terminal.
struct ProgressDisplay {
    bar: Option<ProgressBar>,
    letters: AtomicU64,
    decisions: AtomicU64,
    /// Set once every file is done and the run commits.
    committing: Arc<AtomicBool>,
}

impl ProgressDisplay {
    fn new(on_terminal: bool, committing: Arc<AtomicBool>) -> ProgressDisplay {
        let bar = on_terminal.then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {pos}/{len} files ({per_sec}), {msg} [{elapsed_precise}]",
                )
                .expect("the progress template is valid"),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        ProgressDisplay {
            bar,
            letters: AtomicU64::new(0),
            decisions: AtomicU64::new(0),
            committing,
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for ProgressDisplay {
    fn walked(&self, files: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(files);
        }
    }

    fn file_done(&self, letters: u64, decisions: u64) {
        let Some(bar) = &self.bar else {
            return;
        };
        let letters = self.letters.fetch_add(letters, Ordering::Relaxed) + letters;
        let decisions = self.decisions.fetch_add(decisions, Ordering::Relaxed) + decisions;
        bar.inc(1);
        bar.set_message(format!("{letters} letters, {decisions} decisions"));
    }

    fn files_done(&self) {
        self.committing.store(true, Ordering::SeqCst);
    }
}
