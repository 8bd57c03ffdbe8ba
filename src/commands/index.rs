//! `imr index PATH...`: parses every file under the paths into the index, shows progress
//! on a terminal, warns about each file it skipped, and ends with a one-line summary.

use crate::cli::IndexArgs;
use crate::config::Config;
use crate::exit::ExitCode;
use crate::index::LetterIndex;
use crate::ingest::report::{Report, SkipKind};
use crate::ingest::{index_paths, IngestOptions, Progress};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Runs `imr index`.
pub fn run(args: &IndexArgs, config: &Config) -> anyhow::Result<ExitCode> {
    for path in &args.paths {
        if !path.exists() {
            anyhow::bail!("{}: no such file or folder", path.display());
        }
    }
    if let Some(threads) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads as usize)
            .build_global()
            .context("cannot start the worker threads")?;
    }
    let index = LetterIndex::open_or_create(&config.index_path)?;
    let options = IngestOptions {
        roots: args.paths.clone(),
        follow_links: args.follow_links,
        memory_budget_in_bytes: usize::try_from(args.memory_budget_mb * 1024 * 1024)
            .context("--memory-budget-mb is too large for this machine")?,
        current_year: config.current_year,
    };
    let started = Instant::now();
    let display = ProgressDisplay::new(config.progress_bar);
    let report = index_paths(&index, &options, &display)?;
    display.finish();
    let elapsed = started.elapsed();
    for file in &report.skipped {
        let kind = match file.kind {
            SkipKind::NotALetter => "not a letter",
            SkipKind::Failed => "failed",
        };
        eprintln!(
            "imr: skipped {} ({kind}): {}",
            file.path.display(),
            file.reason
        );
    }
    eprintln!("{}", summary_line(&report, elapsed, &index));
    Ok(if report.skipped_count(SkipKind::Failed) > 0 {
        ExitCode::Partial
    } else {
        ExitCode::Success
    })
}

fn summary_line(report: &Report, elapsed: Duration, index: &LetterIndex) -> String {
    let seconds = elapsed.as_secs_f64();
    let letters_per_second = if seconds > 0.0 {
        report.letters as f64 / seconds
    } else {
        0.0
    };
    let not_letters = report.skipped_count(SkipKind::NotALetter);
    let failed = report.skipped_count(SkipKind::Failed);
    let truncated = if report.truncated_letters > 0 {
        format!(" ({} truncated)", report.truncated_letters)
    } else {
        String::new()
    };
    format!(
        "indexed {} files in {seconds:.2} s: {} letters{truncated}, {} decisions, \
         skipped {} ({not_letters} not letters, {failed} failed); {letters_per_second:.0} letters/s; \
         index: {}",
        report.files_seen,
        report.letters,
        report.decisions,
        not_letters + failed,
        index.path().display()
    )
}

/// A progress bar on standard error, drawn only when it is a terminal.
struct ProgressDisplay {
    bar: Option<ProgressBar>,
    letters: AtomicU64,
    decisions: AtomicU64,
}

impl ProgressDisplay {
    fn new(on_terminal: bool) -> ProgressDisplay {
        let bar = on_terminal.then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {pos} files ({per_sec}), {msg} [{elapsed_precise}]",
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
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for ProgressDisplay {
    fn file_done(&self, letters: u64, decisions: u64) {
        let Some(bar) = &self.bar else {
            return;
        };
        let letters = self.letters.fetch_add(letters, Ordering::Relaxed) + letters;
        let decisions = self.decisions.fetch_add(decisions, Ordering::Relaxed) + decisions;
        bar.inc(1);
        bar.set_message(format!("{letters} letters, {decisions} decisions"));
    }
}
