//! The outcome of an index run: counts, and every file that was not indexed with the
//! reason. Workers build partial reports that merge, so no shared state is locked.

use serde::Serialize;
use std::path::PathBuf;

/// Why a file was not indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipKind {
    /// Not an IMR letter (empty, binary, a fax cover...): expected in real folders.
    NotALetter,
    /// The file could not be read or parsed: the run is partial.
    Failed,
}

/// A file that was not indexed.
#[derive(Debug, Clone, Serialize)]
pub struct SkippedFile {
    /// The file.
    pub path: PathBuf,
    /// Not a letter, or failed.
    pub kind: SkipKind,
    /// Why.
    pub reason: String,
}

/// Counts and skipped files of an index run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Files the walk found.
    pub files_seen: u64,
    /// Letters indexed.
    pub letters: u64,
    /// Decisions (documents) indexed.
    pub decisions: u64,
    /// Bytes read from letter files.
    pub bytes_read: u64,
    /// Letters indexed that were cut off.
    pub truncated_letters: u64,
    /// Files not indexed, with the reason, in walk order.
    pub skipped: Vec<SkippedFile>,
}

impl Report {
    /// Adds another partial report to this one.
    pub fn merge(mut self, other: Report) -> Report {
        self.files_seen += other.files_seen;
        self.letters += other.letters;
        self.decisions += other.decisions;
        self.bytes_read += other.bytes_read;
        self.truncated_letters += other.truncated_letters;
        self.skipped.extend(other.skipped);
        self
    }

    /// Files of one kind that were not indexed.
    pub fn skipped_count(&self, kind: SkipKind) -> usize {
        self.skipped.iter().filter(|file| file.kind == kind).count()
    }
}
