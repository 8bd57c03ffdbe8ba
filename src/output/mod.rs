//! Writers for search results (a table for people, JSON, NDJSON and CSV for scripts), for
//! letter cards (`imr show`) and for the parse quality report.
//! Colour only where `colour` says so (a terminal, and never with NO_COLOR).

mod card;
pub mod chart;
mod csv;
mod json;
pub mod odds;
mod quality;
pub mod stats;
mod table;

use crate::cli::Format;
use crate::search::SearchResults;
use std::io::{self, Write};

/// Writes `results` in `format`.
pub fn write_results(
    out: &mut dyn Write,
    results: &SearchResults,
    request_offset: usize,
    format: Format,
    colour: bool,
) -> io::Result<()> {
    match format {
        Format::Table => table::write(out, results, request_offset, colour),
        Format::Json => json::write(out, results),
        Format::Ndjson => json::write_lines(out, results),
        Format::Csv => csv::write(out, results),
    }
}

pub use card::{write_cards, write_json as write_cards_json, LetterCard};
pub use quality::write as write_quality_report;

/// Writes a line to standard error, like `eprintln!`, but quietly gives up when standard
/// error is gone (`imr index DIR 2>&1 | head -1`) instead of panicking.
#[macro_export]
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
