//! The process exit codes, as one typed enum, so every command reports to shells, cron and
//! systemd the same way.

/// How a run ended, as the shell sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// The run did what was asked (a search found hits).
    Success = 0,
    /// A search found nothing (like grep).
    NoHits = 1,
    /// The run failed: bad arguments, a broken index, an unreadable query.
    Error = 2,
    /// An index run finished, but some files failed and are listed in its report.
    Partial = 3,
    /// The index is locked by another writer (EX_TEMPFAIL).
    Locked = 75,
    /// An index run was stopped by SIGINT or SIGTERM; what it did is committed.
    Interrupted = 130,
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> Self {
        std::process::ExitCode::from(code as u8)
    }
}
