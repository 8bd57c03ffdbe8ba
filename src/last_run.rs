//! The record of the last index run, kept beside the index so `imr status` (and monitoring
//! scripts) can tell when it finished and how it ended, even when it failed.

use crate::ingest::report::RunReport;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// File name of the record inside the index directory.
pub const LAST_RUN_FILE: &str = "imr-last-run.json";

/// How the last run ended.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LastRun {
    /// When it finished (RFC 3339).
    pub finished_at: String,
    /// `completed`, `partial`, `interrupted` or `failed`.
    pub outcome: String,
    /// The error that ended a failed run.
    pub error: Option<String>,
    /// The run's report, when it got as far as one.
    pub report: Option<serde_json::Value>,
}

impl LastRun {
    /// The record of a run that produced a report.
    pub fn from_report(report: &RunReport) -> LastRun {
        let report_json = serde_json::to_value(report).expect("a run report serialises");
        LastRun {
            finished_at: report.finished_at.clone(),
            outcome: report_json["outcome"]
                .as_str()
                .unwrap_or("completed")
                .to_string(),
            error: None,
            report: Some(report_json),
        }
    }

    /// The record of a run that failed.
    pub fn failed(error: String) -> LastRun {
        LastRun {
            finished_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            outcome: "failed".to_string(),
            error: Some(error),
            report: None,
        }
    }

    /// Saves the record in `index_dir`, replacing the previous one atomically.
    pub fn save(&self, index_dir: &Path) -> std::io::Result<()> {
        let path = index_dir.join(LAST_RUN_FILE);
        let temporary = index_dir.join(format!("{LAST_RUN_FILE}.tmp"));
        std::fs::write(&temporary, serde_json::to_vec_pretty(self)?)?;
        std::fs::rename(&temporary, &path)
    }

    /// The record in `index_dir`, if a run left one.
    pub fn load(index_dir: &Path) -> Option<LastRun> {
        let bytes = std::fs::read(index_dir.join(LAST_RUN_FILE)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}
