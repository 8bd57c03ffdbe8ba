//! The `imr-corpus` binary: parses the command line, runs the subcommand, prints its
//! outcome, and turns it into the exit code (0 done, 1 the parse disagrees with the
//! truth, 2 error). Nothing else.

use anyhow::Context;
use clap::Parser;
use imr_corpus::agreement::{compare, write_table};
use imr_corpus::cli::{AgreeArgs, AgreeFormat, Cli, Command, PdfArgs};
use imr_corpus::pdf::letter_pdf;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Generate(args) => imr_corpus::generate(&args.options()).map(|summary| {
            eprintln!("imr-corpus: {summary}");
            ExitCode::SUCCESS
        }),
        Command::Agree(args) => agree(&args),
        Command::Pdf(args) => pdf(&args),
    };
    outcome.unwrap_or_else(|error| {
        eprintln!("imr-corpus: error: {error:#}");
        ExitCode::from(2)
    })
}

fn agree(args: &AgreeArgs) -> anyhow::Result<ExitCode> {
    let truth = std::fs::File::open(&args.truth)
        .with_context(|| format!("cannot open the truth file {}", args.truth.display()))?;
    let parsed = std::io::stdin().lock();
    let agreement = compare(std::io::BufReader::new(truth), parsed)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        AgreeFormat::Table => write_table(&mut out, &agreement)?,
        AgreeFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &agreement)?;
            writeln!(out)?;
        }
    }
    Ok(if agreement.is_complete() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn pdf(args: &PdfArgs) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    for file in &args.files {
        let bytes =
            std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        // Letters are UTF-8 or, failing that, Windows-1252 (as imr reads them).
        let text = match std::str::from_utf8(&bytes) {
            Ok(text) => text.to_string(),
            Err(_) => encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned(),
        };
        let pdf = letter_pdf(&text, args.kind.kind())
            .with_context(|| format!("cannot write {} as PDF", file.display()))?;
        let stem = file
            .file_stem()
            .with_context(|| format!("{} has no file name", file.display()))?;
        let out = args
            .out
            .join(format!("{}{}.pdf", stem.to_string_lossy(), args.suffix));
        std::fs::write(&out, pdf).with_context(|| format!("cannot write {}", out.display()))?;
    }
    eprintln!(
        "imr-corpus: wrote {} PDF files to {}",
        args.files.len(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
