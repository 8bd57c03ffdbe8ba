//! The command line, as clap derive definitions.

use crate::generate::{GenerateOptions, DEFAULT_JUNK_PERCENT};
use crate::pdf::PdfKind;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Deterministic synthetic IMR determination letters with their ground truth.
#[derive(Debug, Parser)]
#[command(name = "imr-corpus", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write N files (letters and junk) under DIR/letters and their truth to DIR/truth.ndjson.
    Generate(GenerateArgs),
    /// Compare `imr parse` output (NDJSON on standard input) with a corpus's truth, field by
    /// field; exit 1 when any value differs.
    #[command(
        after_help = "Example:\n  imr parse DIR/letters | imr-corpus agree --truth DIR/truth.ndjson"
    )]
    Agree(AgreeArgs),
    /// Write each text FILE as OUT/<name>.pdf: with a text layer, as a scan, encrypted or
    /// cut short (the PDF fixtures are made this way).
    #[command(
        after_help = "Example:\n  imr-corpus pdf --kind scan --out tests/fixtures/pdf letters/a.txt"
    )]
    Pdf(PdfArgs),
}

/// `imr-corpus pdf`.
#[derive(Debug, Args)]
pub struct PdfArgs {
    /// Text letters to write as PDF.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Output folder (created if absent).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// What kind of PDF to write.
    #[arg(long, value_enum, default_value_t = PdfKindArg::Text)]
    pub kind: PdfKindArg,

    /// Added to each file's name before ".pdf" (e.g. "-scan").
    #[arg(
        long,
        value_name = "TEXT",
        default_value = "",
        allow_hyphen_values = true
    )]
    pub suffix: String,
}

/// `--kind` of `imr-corpus pdf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PdfKindArg {
    /// Pages with a text layer.
    Text,
    /// One image per page and no text layer.
    Scan,
    /// A text layer encrypted with a user password.
    Encrypted,
    /// A text-layer file cut at half its length.
    Truncated,
}

impl PdfKindArg {
    /// The library's kind.
    pub fn kind(self) -> PdfKind {
        match self {
            PdfKindArg::Text => PdfKind::Text,
            PdfKindArg::Scan => PdfKind::Scan,
            PdfKindArg::Encrypted => PdfKind::Encrypted,
            PdfKindArg::Truncated => PdfKind::Truncated,
        }
    }
}

/// `imr-corpus agree`.
#[derive(Debug, Args)]
pub struct AgreeArgs {
    /// The corpus's truth file (DIR/truth.ndjson).
    #[arg(long, value_name = "FILE")]
    pub truth: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = AgreeFormat::Table)]
    pub format: AgreeFormat,
}

/// How `agree` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgreeFormat {
    /// One row per field, worst first, then examples of disagreements.
    Table,
    /// The whole report as one JSON object.
    Json,
}

/// `imr-corpus generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Files to write, letters and junk together.
    #[arg(long, value_name = "N")]
    pub count: u64,

    /// Seed: the same count and seed give byte-identical output on any machine.
    #[arg(long, value_name = "S")]
    pub seed: u64,

    /// Output folder (its letters/ subfolder must be empty or absent).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// Share of files that are not letters, in percent.
    #[arg(long, value_name = "P", default_value_t = DEFAULT_JUNK_PERCENT)]
    pub junk_percent: f64,

    /// Share of letters written as PDF files (with a text layer), in percent. The same
    /// seed gives the same letters whatever the share.
    #[arg(long, value_name = "P", default_value_t = 0.0)]
    pub pdf_percent: f64,
}

impl GenerateArgs {
    /// The library options these arguments ask for.
    pub fn options(&self) -> GenerateOptions {
        GenerateOptions {
            count: self.count,
            seed: self.seed,
            out: self.out.clone(),
            junk_percent: self.junk_percent,
            pdf_percent: self.pdf_percent,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn junk_percent_defaults_to_one_and_a_half() {
        let cli = Cli::parse_from([
            "imr-corpus",
            "generate",
            "--count",
            "5",
            "--seed",
            "1",
            "--out",
            "/tmp/x",
        ]);
        let Command::Generate(args) = cli.command else {
            panic!("a generate command");
        };
        assert_eq!(args.options().junk_percent, 1.5);
    }
}
