//! Builds a corpus: plans every file, sorts the plans by path, then builds and writes the
//! files chunk by chunk in parallel, appending each chunk's truth lines in path order. Memory
//! stays at one plan per file plus one chunk of truth lines, whatever the corpus size.

use crate::artefacts::{self, Style};
use crate::case::{Budget, Case};
use crate::junk;
use crate::model::Layout;
use crate::pdf::{letter_pdf, PdfKind};
use crate::pick;
use crate::plan::{file_rng, splitmix64, FileKind, FilePlan};
use crate::render;
use crate::truncate;
use crate::truth::{json_line, JunkTruth, LetterTruth};
use anyhow::{bail, Context};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The share of junk files when none is given, in percent.
pub const DEFAULT_JUNK_PERCENT: f64 = 1.5;

/// The share of letters that are cut short.
const TRUNCATED_FRACTION: f64 = 0.03;

/// Letters are this long, in bytes (truncated ones may be shorter).
const LETTER_BYTES: std::ops::RangeInclusive<usize> = 2048..=8192;

/// Files built and written in parallel before their truth lines are appended.
const CHUNK_FILES: usize = 10_000;

/// What to generate.
#[derive(Clone, Debug)]
pub struct GenerateOptions {
    /// Files to write (letters and junk).
    pub count: u64,
    /// The seed: the same count and seed give byte-identical output.
    pub seed: u64,
    /// The output folder; files go to `out/letters/`, the truth to `out/truth.ndjson`.
    pub out: PathBuf,
    /// The share of junk files, in percent (default 1.5).
    pub junk_percent: f64,
    /// The share of letters written as PDF files (with a text layer), in percent
    /// (default 0). Which letters they are depends only on the seed and the file's number,
    /// so corpora that differ only in this share hold the same letters.
    pub pdf_percent: f64,
}

impl GenerateOptions {
    /// Options with the default junk share.
    pub fn new(count: u64, seed: u64, out: impl Into<PathBuf>) -> GenerateOptions {
        GenerateOptions {
            count,
            seed,
            out: out.into(),
            junk_percent: DEFAULT_JUNK_PERCENT,
            pdf_percent: 0.0,
        }
    }
}

/// What was generated.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GenerateSummary {
    /// Files written.
    pub files: u64,
    /// Of which letters.
    pub letters: u64,
    /// Of which junk.
    pub junk: u64,
    /// Letters per layout ("L1", "L2", "L3").
    pub by_layout: BTreeMap<String, u64>,
    /// Bytes written to `letters/`.
    pub bytes: u64,
    /// Wall-clock time.
    pub seconds: f64,
}

impl fmt::Display for GenerateSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let layouts: Vec<String> = self
            .by_layout
            .iter()
            .map(|(layout, n)| format!("{layout} {n}"))
            .collect();
        let files_per_second = if self.seconds > 0.0 {
            self.files as f64 / self.seconds
        } else {
            0.0
        };
        write!(
            f,
            "{} files: {} letters ({}), {} junk; {:.1} MB in {:.2} s ({:.0} files/s)",
            self.files,
            self.letters,
            layouts.join(", "),
            self.junk,
            self.bytes as f64 / 1e6,
            self.seconds,
            files_per_second
        )
    }
}

/// One file, built.
pub(crate) struct Built {
    /// Path relative to `letters/`.
    pub(crate) relative_path: String,
    /// Its bytes.
    pub(crate) bytes: Vec<u8>,
    /// Its truth record as one NDJSON line.
    pub(crate) truth_line: Vec<u8>,
    /// What it is.
    pub(crate) kind: FileKind,
    /// Written in Windows-1252 (letters only).
    #[cfg_attr(not(test), expect(dead_code, reason = "read by the corpus tests"))]
    pub(crate) windows_1252: bool,
    /// Cut short (letters only).
    #[cfg_attr(not(test), expect(dead_code, reason = "read by the corpus tests"))]
    pub(crate) truncated: bool,
}

/// Writes a corpus as `options` say.
pub fn generate(options: &GenerateOptions) -> anyhow::Result<GenerateSummary> {
    let started = Instant::now();
    for (flag, percent) in [
        ("--junk-percent", options.junk_percent),
        ("--pdf-percent", options.pdf_percent),
    ] {
        if !(0.0..=100.0).contains(&percent) {
            bail!("{flag} must be between 0 and 100, not {percent}");
        }
    }
    let letters_dir = options.out.join("letters");
    let occupied = fs::read_dir(&letters_dir)
        .map(|mut entries| entries.next().is_some())
        .unwrap_or(false);
    if occupied {
        bail!(
            "{} already holds files; remove it or choose another --out, so the corpus and its truth match",
            letters_dir.display()
        );
    }
    fs::create_dir_all(&letters_dir)
        .with_context(|| format!("cannot create {}", letters_dir.display()))?;
    let junk_fraction = options.junk_percent / 100.0;
    let pdf_fraction = options.pdf_percent / 100.0;
    let seed = options.seed;

    let mut order: Vec<(String, u64)> = (0..options.count)
        .into_par_iter()
        .map(|index| {
            let mut rng = file_rng(seed, index);
            (
                FilePlan::draw(seed, index, junk_fraction, &mut rng).relative_path,
                index,
            )
        })
        .collect();
    order.par_sort_unstable();

    let truth_path = options.out.join("truth.ndjson");
    let truth_file = File::create(&truth_path)
        .with_context(|| format!("cannot create {}", truth_path.display()))?;
    let mut truth = BufWriter::with_capacity(1 << 20, truth_file);
    let mut summary = GenerateSummary::default();
    for layout in Layout::ALL {
        summary.by_layout.insert(layout.name().to_string(), 0);
    }
    for chunk in order.chunks(CHUNK_FILES) {
        let written: Vec<anyhow::Result<(Vec<u8>, FileKind, usize)>> = chunk
            .par_iter()
            .map(|&(_, index)| {
                let built = build(seed, index, junk_fraction, pdf_fraction)?;
                let path = letters_dir.join(&built.relative_path);
                write_file(&path, &built.bytes)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                Ok((built.truth_line, built.kind, built.bytes.len()))
            })
            .collect();
        for result in written {
            let (line, kind, bytes) = result?;
            truth
                .write_all(&line)
                .with_context(|| format!("cannot write {}", truth_path.display()))?;
            summary.files += 1;
            summary.bytes += bytes as u64;
            match kind {
                FileKind::Letter(layout) => {
                    summary.letters += 1;
                    *summary
                        .by_layout
                        .entry(layout.name().to_string())
                        .or_insert(0) += 1;
                }
                FileKind::Junk(_) => summary.junk += 1,
            }
        }
    }
    truth
        .flush()
        .with_context(|| format!("cannot write {}", truth_path.display()))?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Writes a file, creating its folder the first time one is missing.
fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match fs::write(path, bytes) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(path, bytes)
        }
        other => other,
    }
}

/// Builds file `index` of the corpus of `seed`: its path, bytes and truth. A letter is
/// written as PDF with the chance `pdf_fraction`.
pub(crate) fn build(
    seed: u64,
    index: u64,
    junk_fraction: f64,
    pdf_fraction: f64,
) -> anyhow::Result<Built> {
    let mut rng = file_rng(seed, index);
    let mut plan = FilePlan::draw(seed, index, junk_fraction, &mut rng);
    Ok(match plan.kind {
        FileKind::Letter(layout) => {
            let as_pdf = is_pdf_letter(seed, index, pdf_fraction);
            if as_pdf {
                plan.relative_path = plan.relative_path.replace(".txt", ".pdf");
            }
            let (mut bytes, truth, style) = build_letter(&plan, layout, &mut rng);
            if as_pdf {
                let text = if style.windows_1252 {
                    encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned()
                } else {
                    String::from_utf8_lossy(&bytes).into_owned()
                };
                bytes = letter_pdf(&text, PdfKind::Text)
                    .with_context(|| format!("cannot write {} as PDF", plan.relative_path))?;
            }
            Built {
                truth_line: json_line(&truth),
                relative_path: plan.relative_path,
                bytes,
                kind: plan.kind,
                windows_1252: style.windows_1252,
                truncated: truth.truncated,
            }
        }
        FileKind::Junk(kind) => {
            let truth = JunkTruth {
                path: plan.relative_path.clone(),
                kind: "not_a_letter",
                reason: kind.reason(),
            };
            Built {
                truth_line: json_line(&truth),
                relative_path: plan.relative_path,
                bytes: junk::bytes(kind, &mut rng),
                kind: plan.kind,
                windows_1252: false,
                truncated: false,
            }
        }
    })
}

/// Whether letter `index` is written as PDF: a draw of its own, apart from the file's
/// random stream, so the share changes no other choice.
fn is_pdf_letter(seed: u64, index: u64, pdf_fraction: f64) -> bool {
    let draw = splitmix64(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    // The top 53 bits as a number in [0, 1): 0% never, 100% always.
    ((draw >> 11) as f64 / (1u64 << 53) as f64) < pdf_fraction
}

/// A letter's bytes, truth and artefacts, redrawn with more or less text until it is 2-8 KB.
fn build_letter(
    plan: &FilePlan,
    layout: Layout,
    rng: &mut crate::pick::CorpusRng,
) -> (Vec<u8>, LetterTruth, Style) {
    let style = Style::draw(layout, rng);
    let truncated = pick::chance(rng, TRUNCATED_FRACTION);
    let mut budget = Budget::default();
    let mut attempt = 0;
    loop {
        let case = Case::draw(plan, layout, style.windows_1252, budget, rng);
        let mut doc = render::render(&case, rng);
        let mut truth = case.truth(&plan.relative_path);
        if truncated {
            truncate::apply(&mut doc, &mut truth, layout, rng);
        }
        let bytes = artefacts::finish(&doc, &style, rng);
        attempt += 1;
        let fits = if truncated {
            bytes.len() <= *LETTER_BYTES.end()
        } else {
            LETTER_BYTES.contains(&bytes.len())
        };
        if fits || attempt >= 12 {
            return (bytes, truth, style);
        }
        if bytes.len() < *LETTER_BYTES.start() {
            budget.extra_sentences += 2;
        } else {
            budget.max_items = case.decisions.len().saturating_sub(1).max(1);
            budget.extra_sentences = budget.extra_sentences.saturating_sub(1);
        }
    }
}

#[cfg(test)]
mod tests;
