//! The report of an index run: when it ran, over which paths, what it did to how many
//! files, the index's totals afterwards, and every file that was not indexed, with the
//! reason. Workers build partial tallies that merge, so no shared state is locked.

use crate::manifest::SetAside;
use crate::unknowns::{Unknowns, UnknownsReport};
use serde::Serialize;
use std::path::PathBuf;

/// What happened to the files of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Files the walk found (including ones that could not be walked).
    pub files_seen: u64,
    /// Letters indexed for the first time.
    pub added: u64,
    /// Letters whose file changed and that were indexed again.
    pub updated: u64,
    /// Letters whose file disappeared, and were removed from the index.
    pub removed: u64,
    /// Files unchanged since the last run (not read again).
    pub unchanged: u64,
    /// Letters with the same content as an indexed one (not indexed twice).
    pub duplicates: u64,
    /// Files that are not letters.
    pub not_letters: u64,
    /// PDF files without a text layer (scans), not read: they need OCR.
    pub needs_ocr: u64,
    /// PDF files locked with a password, not read.
    pub encrypted: u64,
    /// Files not read by policy: symbolic links not followed, named pipes, devices.
    pub skipped: u64,
    /// Files that could not be read.
    pub failed: u64,
    /// Files left for the next run because the run was interrupted.
    pub pending: u64,
    /// Letters in the index after the run.
    pub letters_total: u64,
    /// Decisions in the index after the run.
    pub decisions_total: u64,
}

/// Why a file is listed in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    /// Could not be read: the run is partial.
    Failed,
    /// Not an IMR letter (empty, binary, a fax cover ...).
    NotALetter,
    /// The same content as another letter, which is indexed.
    Duplicate,
    /// Not read by policy (a link not followed, a named pipe, a device): not a failure.
    Skipped,
    /// A PDF without a text layer (a scan): read it with `--ocr`. Not a failure.
    NeedsOcr,
    /// A PDF locked with a password. Not a failure.
    Encrypted,
}

/// A file that was not indexed.
#[derive(Debug, Clone, Serialize)]
pub struct ListedFile {
    /// The file.
    pub path: PathBuf,
    /// Why it is listed.
    pub status: FileStatus,
    /// What exactly.
    pub reason: String,
}

/// Letters in the index that share a case number (all are kept).
#[derive(Debug, Clone, Serialize)]
pub struct SharedCaseNumber {
    /// The case number.
    pub case_number: String,
    /// The files that state it.
    pub paths: Vec<String>,
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RunOutcome {
    /// Every file was indexed, unchanged, or recognised as not a letter or a duplicate.
    Completed,
    /// Some files failed; the rest is indexed and committed.
    Partial,
    /// Stopped by a signal; what was done is committed, the rest is pending.
    Interrupted,
}

/// The whole report of a run.
#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    /// When the run started (RFC 3339).
    pub started_at: String,
    /// When it finished (RFC 3339).
    pub finished_at: String,
    /// The index.
    pub index: PathBuf,
    /// The paths given.
    pub paths: Vec<PathBuf>,
    /// A full rebuild was asked for.
    pub full: bool,
    /// The vocabulary differed from the one the index was built with, so every letter
    /// was read again.
    pub vocabulary_changed: bool,
    /// The manifest could not be opened, was moved aside and rebuilt from the index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifest_set_aside: Option<SetAside>,
    /// How it ended.
    pub outcome: RunOutcome,
    /// What happened to how many files.
    pub counts: Counts,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Files that failed, were not letters, duplicates, scans or encrypted.
    pub files: Vec<ListedFile>,
    /// Case numbers stated by more than one indexed letter.
    pub shared_case_numbers: Vec<SharedCaseNumber>,
    /// What the parser could not place in the files this run read.
    pub unknowns: UnknownsReport,
}

/// What the workers found, merged as they finish.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// The counts so far (totals are filled in at the end).
    pub counts: Counts,
    /// Files to list in the report.
    pub files: Vec<ListedFile>,
    /// Case numbers of letters indexed by this run.
    pub case_numbers: CaseNumbers,
    /// What the parser could not place in the files read by this run.
    pub unknowns: Unknowns,
}

/// Case numbers, one per line of one string: a million take their 13 MB, where a `String`
/// each took 40.
#[derive(Debug, Clone, Default)]
pub struct CaseNumbers(String);

impl CaseNumbers {
    /// Adds a case number (a line break in it would make it two).
    pub fn push(&mut self, case_number: &str) {
        self.0.push_str(case_number);
        self.0.push('\n');
    }

    /// Adds every case number of `other`, after these.
    pub fn append(&mut self, other: &CaseNumbers) {
        self.0.push_str(&other.0);
    }

    /// The case numbers, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.lines()
    }
}

impl Tally {
    /// Adds another tally to this one.
    pub fn merge(mut self, other: Tally) -> Tally {
        let (a, b) = (&mut self.counts, other.counts);
        a.files_seen += b.files_seen;
        a.added += b.added;
        a.updated += b.updated;
        a.removed += b.removed;
        a.unchanged += b.unchanged;
        a.duplicates += b.duplicates;
        a.not_letters += b.not_letters;
        a.needs_ocr += b.needs_ocr;
        a.encrypted += b.encrypted;
        a.skipped += b.skipped;
        a.failed += b.failed;
        a.pending += b.pending;
        self.files.extend(other.files);
        self.case_numbers.append(&other.case_numbers);
        self.unknowns.merge(other.unknowns);
        self
    }

    /// Counts a file under its status and lists it in the report.
    pub fn count_and_list(&mut self, path: PathBuf, status: FileStatus, reason: String) {
        let count = match status {
            FileStatus::Failed => &mut self.counts.failed,
            FileStatus::NotALetter => &mut self.counts.not_letters,
            FileStatus::Duplicate => &mut self.counts.duplicates,
            FileStatus::Skipped => &mut self.counts.skipped,
            FileStatus::NeedsOcr => &mut self.counts.needs_ocr,
            FileStatus::Encrypted => &mut self.counts.encrypted,
        };
        *count += 1;
        self.list(path, status, reason);
    }

    /// Lists a file in the report.
    pub fn list(&mut self, path: PathBuf, status: FileStatus, reason: String) {
        self.files.push(ListedFile {
            path,
            status,
            reason,
        });
    }
}
