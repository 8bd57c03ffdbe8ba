//! The command line, as clap derive definitions: what each subcommand takes. Turning these
//! into settings happens once, in `config`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Index and search California workers' compensation IMR determination letters.
#[derive(Debug, Parser)]
#[command(name = "imr", version, about, max_term_width = 100)]
pub struct Cli {
    /// Index directory [default: $IMR_INDEX, else ~/.local/share/imr/index]
    #[arg(long, global = true, value_name = "DIR")]
    pub index: Option<PathBuf>,

    /// Folder of vocabulary files that add rows to the built-in ones [default: $IMR_VOCAB]
    #[arg(long, global = true, value_name = "DIR")]
    pub vocab: Option<PathBuf>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse letters under PATH... and add them to the index (a file again replaces its old entry).
    Index(IndexArgs),
    /// Search the index: full text, filters and facet counts.
    #[command(after_help = SEARCH_EXAMPLES)]
    Search(SearchArgs),
    /// Overturn rates by group, each with its 95% confidence interval.
    #[command(after_help = STATS_EXAMPLES)]
    Stats(StatsArgs),
    /// How requests like this one ended: similar past decisions, their overturn rate and
    /// the guidelines on each side.
    #[command(after_help = ODDS_EXAMPLES)]
    Odds(OddsArgs),
    /// Parse letters without indexing and print their fields as JSON, one line per file.
    Parse(ParseArgs),
    /// Show the index: location, schema version, letters and decisions, size, last run.
    Status(StatusArgs),
    /// Show one letter: its fields, then every decision with its guidelines and rationale.
    Show(ShowArgs),
    /// Print a completion script for a shell, e.g. `imr completions bash > ~/.local/share/bash-completion/completions/imr`.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `imr man > ~/.local/share/man/man1/imr.1`.
    Man,
}

/// `imr show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A case number (CM14-0123456: every indexed letter that states it) or a letter file.
    #[arg(value_name = "CASE_NUMBER|PATH")]
    pub letter: String,

    /// Print the text of the letter file (as it is on disk now) instead of its fields.
    #[arg(long)]
    pub text: bool,

    /// Output format of the fields.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Table, conflicts_with = "text")]
    pub format: SummaryFormat,
}

/// `imr completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

const SEARCH_EXAMPLES: &str = "\
Examples:
  imr search epidural --facet decision --facet body_parts
  imr search '\"epidural steroid\" AND NOT lumbar' --filter decision=overturned
  imr search 'age:[40 TO 50] AND date_of_injury:[2013-01-01 TO 2013-12-31]'
  imr search --filter category=medication --facet reviewer_guideline --format json
  imr search epidural --count letters --facet age:10 --facet decision_date:year
  imr search Norco --sort -decision_date

Exit status: 0 hits found, 1 no hits, 2 error.";

/// `imr index`.
#[derive(Debug, Args)]
#[command(after_help = INDEX_EXIT_CODES)]
pub struct IndexArgs {
    /// Letter files or folders (searched recursively).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Rebuild the index from scratch instead of updating it.
    #[arg(long)]
    pub full: bool,

    /// Write the run's JSON report to FILE.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Print the run's report as JSON on standard output.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,

    /// Commit after this many letters.
    #[arg(long, value_name = "N", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub commit_every: u64,

    /// Commit after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    pub commit_interval: u64,

    /// Memory the index writer may use, in MiB, shared by its threads.
    #[arg(long, value_name = "MIB", default_value_t = 256, value_parser = clap::value_parser!(u64).range(32..=16384))]
    pub memory_budget_mb: u64,

    /// Threads that read and parse letters [default: one per core].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=256))]
    pub threads: Option<u32>,

    /// Follow symbolic links while walking folders.
    #[arg(long)]
    pub follow_links: bool,

    /// Read scanned PDFs (no text layer) with tesseract, if it is installed; without it
    /// they are listed as needs_ocr.
    #[arg(long)]
    pub ocr: bool,
}

const INDEX_EXIT_CODES: &str = "\
Exit status: 0 every file indexed, unchanged, a duplicate, not a letter, a scan that needs OCR or
an encrypted PDF; 3 some files failed (a corrupt PDF among them)
(listed; the rest is committed); 2 fatal error; 75 the index is locked by another run;
130 interrupted (what was done is committed; the next run finishes the job).";

/// Formats of an index run's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A summary line on standard error.
    Text,
    /// The JSON report on standard output (the summary line still goes to standard error).
    Json,
}

/// `imr status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Table)]
    pub format: SummaryFormat,
}

/// `imr search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query in tantivy syntax: words, "phrases", field:value, AND/OR/NOT, ranges
    /// such as age:[40 TO 50]; all words must match. No query matches every decision.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,

    /// Keep only decisions where FIELD=VALUE (or FIELD=LOW..HIGH); repeatable, all must hold.
    #[arg(long = "filter", value_name = "FIELD=VALUE")]
    pub filters: Vec<String>,

    /// Count matching decisions by the values of FIELD, by band (age:10) or by period
    /// (decision_date:year|quarter|month); repeatable.
    #[arg(long = "facet", value_name = "FIELD[:BUCKET]")]
    pub facets: Vec<String>,

    /// Hits to show.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,

    /// Hits to skip before the first one shown.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,

    /// Where a word that names no field looks: the decision's own item and rationale
    /// (decision), or also its letter's summary and diagnoses (letter). Name a field to
    /// search it in any scope: summary:epidural.
    #[arg(long, value_enum, default_value_t = Scope::Decision)]
    pub scope: Scope,

    /// Count decisions, or letters (each letter once, whatever its number of matching items).
    #[arg(long, value_enum, default_value_t = CountArg::Decisions)]
    pub count: CountArg,

    /// Order hits by a date or integer field, lowest first; -FIELD for the highest first
    /// (decisions without a value come last).
    #[arg(long, value_name = "FIELD|-FIELD", allow_hyphen_values = true)]
    pub sort: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

const STATS_EXAMPLES: &str = "\
Examples:
  imr stats 'epidural' --by body_parts
  imr stats --filter category=injection --by reviewer_guideline --min-count 20
  imr stats --by category --by reviewer_guideline --format csv
  imr stats Norco --by decision_date:year --chart norco.svg
  imr stats --by age:10 --count letters

Each row: decisions, upheld, overturned, the overturn rate and its 95% Wilson interval.
A decision counts under each value of a multi-valued field (body_parts, reviewer_specialties).
Exit status: 0 something matched, 1 nothing did, 2 error.";

/// `imr stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Query in tantivy syntax, as for `imr search`; no query counts every decision.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,

    /// Keep only decisions where FIELD=VALUE (or FIELD=LOW..HIGH); repeatable.
    #[arg(long = "filter", value_name = "FIELD=VALUE")]
    pub filters: Vec<String>,

    /// Group by FIELD, FIELD:WIDTH for integer bands (age:10) or FIELD:year|quarter|month
    /// for dates; two or three make a cross table.
    #[arg(long = "by", value_name = "FIELD[:BUCKET]")]
    pub by: Vec<String>,

    /// Hide rows with fewer decisions (or letters) than this; the total still counts them.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_count: u64,

    /// Count decisions, or letters (a letter is overturned when any of its matching items was).
    #[arg(long, value_enum, default_value_t = CountArg::Decisions)]
    pub count: CountArg,

    /// Where a word that names no field looks, as for `imr search`.
    #[arg(long, value_enum, default_value_t = Scope::Decision)]
    pub scope: Scope,

    /// Also draw the rates with their intervals as an SVG chart in FILE (bars, or a line
    /// for a date grouping).
    #[arg(long, value_name = "FILE.svg")]
    pub chart: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
}

/// Output formats of `imr stats` and `imr odds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// Readable columns.
    Table,
    /// One JSON object.
    Json,
    /// Comma-separated values with a header row (`imr stats` only).
    Csv,
}

/// What counts count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CountArg {
    /// Each matching decision once.
    Decisions,
    /// Each letter with a matching decision once.
    Letters,
}

const ODDS_EXAMPLES: &str = "\
Examples:
  imr odds 'lumbar epidural steroid injection L4-5'
  imr odds 'Norco 10/325 #90' --filter age=40..60 --format json

Similar decisions: those of the category the parser gives the text whose item holds at
least two thirds of the text's words (after stemming), closest first.
Exit status: 0 similar decisions found, 1 none, 2 error.";

/// `imr odds`.
#[derive(Debug, Args)]
pub struct OddsArgs {
    /// The treatment about to be requested, as it would be written in a letter.
    #[arg(value_name = "TEXT")]
    pub text: String,

    /// Keep only decisions where FIELD=VALUE (or FIELD=LOW..HIGH); repeatable.
    #[arg(long = "filter", value_name = "FIELD=VALUE")]
    pub filters: Vec<String>,

    /// Closest cases to show.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub cases: usize,

    /// Output format (table or json).
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
}

/// Where a word of a query that names no field looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scope {
    /// The decision's own text: its item and rationale.
    Decision,
    /// Also the letter's text: its summary and diagnoses.
    Letter,
}

impl From<Scope> for crate::schema::TextScope {
    fn from(scope: Scope) -> Self {
        match scope {
            Scope::Decision => crate::schema::TextScope::Decision,
            Scope::Letter => crate::schema::TextScope::Letter,
        }
    }
}

impl From<CountArg> for crate::search::CountMode {
    fn from(count: CountArg) -> Self {
        match count {
            CountArg::Decisions => crate::search::CountMode::Decisions,
            CountArg::Letters => crate::search::CountMode::Letters,
        }
    }
}

/// `imr parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Letter files or folders (searched recursively).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Print a quality report over all the files instead of one line per file: letters
    /// per layout, not letters, errors, and how often each field was found.
    #[arg(long)]
    pub summary: bool,

    /// Format of the --summary report.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Table, requires = "summary")]
    pub format: SummaryFormat,

    /// Read scanned PDFs (no text layer) with tesseract, if it is installed.
    #[arg(long)]
    pub ocr: bool,
}

/// Formats of `imr parse --summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// Readable text.
    Table,
    /// One JSON object.
    Json,
}

/// Output formats of `imr search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable in an 80-column terminal.
    Table,
    /// One JSON object: total_hits, hits, facets.
    Json,
    /// One JSON object per hit, one per line.
    Ndjson,
    /// Comma-separated values, one row per hit, with a header row.
    Csv,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
