//! `imr odds "TEXT"`: how past requests like this one ended, as a short report or JSON;
//! exit status 0 when similar decisions were found, 1 when none were.

use crate::cli::{OddsArgs, StatsFormat};
use crate::config::Config;
use crate::exit::ExitCode;
use crate::index::LetterIndex;
use crate::ingest::vocab_dir::load_vocabulary;
use crate::output::odds as write;
use crate::stats::odds::{odds, OddsRequest};
use std::io::Write;

/// Runs `imr odds`.
pub fn run(args: &OddsArgs, config: &Config) -> anyhow::Result<ExitCode> {
    let index = LetterIndex::open(&config.index_path)?;
    let vocabulary = load_vocabulary(config.vocab_dir.as_deref())?;
    let request = OddsRequest {
        text: args.text.clone(),
        filters: args.filters.clone(),
        cases: args.cases,
    };
    let answer = odds(&index, &vocabulary, &request)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        StatsFormat::Json => write::write_json(&mut out, &answer)?,
        StatsFormat::Table => write::write_report(&mut out, &answer)?,
        StatsFormat::Csv => {
            anyhow::bail!("imr odds writes a table or JSON; use --format table or json")
        }
    }
    out.flush()?;
    Ok(if answer.outcome.matched > 0 {
        ExitCode::Success
    } else {
        ExitCode::NoHits
    })
}
