//! Ingestion: from files on disk to index documents. This module reads and parses one
//! file (a text file, or a PDF through [`crate::pdf`]), the one read step of `imr index`
//! and `imr parse`; `run` runs a whole index run over many.

pub mod document;
pub mod policy;
pub mod read;
mod repair;
pub mod report;
mod run;
mod segments;
pub mod vocab_dir;
pub mod walk;
mod worker;
mod writer;

use crate::letter::{self, Letter, Parsed, Vocabulary};
use crate::pdf::{self, PdfProblem};
use read::{decode, not_text_reason, read_regular_file, ReadProblem};
pub use run::{index_paths, IngestOptions, Progress};
use std::path::Path;

/// What one file turned out to be.
#[derive(Debug)]
pub enum FileOutcome {
    /// A letter, parsed.
    Letter(Box<Letter>),
    /// Not a letter, with the reason.
    NotALetter(String),
    /// A PDF without a text layer (a scan), with what it holds and what to do.
    NeedsOcr(String),
    /// A PDF locked with a password, with what to do.
    Encrypted(String),
    /// Not read by policy (a link not followed, a named pipe, a device), with the reason.
    Skipped(String),
    /// The file could not be read.
    Failed(String),
}

/// Whether PDF files without a text layer are read with OCR.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Ocr {
    /// They are listed as `needs_ocr`.
    #[default]
    Off,
    /// tesseract reads their page images.
    Tesseract,
}

/// Reads, decodes and parses one file with `vocabulary`. `current_year` resolves two-digit
/// years of letters that state no year of their own.
pub fn parse_file(
    path: &Path,
    vocabulary: &Vocabulary,
    current_year: i32,
    ocr: Ocr,
) -> FileOutcome {
    match read_file(path) {
        Ok(bytes) => parse_bytes(&bytes, vocabulary, current_year, ocr),
        Err(outcome) => outcome,
    }
}

/// The bytes of the file at `path` or, when they cannot be read, what the file is: one
/// read step for every command, so a file is reported the same way by each.
pub fn read_file(path: &Path) -> Result<Vec<u8>, FileOutcome> {
    read_regular_file(path).map_err(|problem| outcome_of(&problem))
}

/// What a file that could not be read is.
fn outcome_of(problem: &ReadProblem) -> FileOutcome {
    match problem {
        ReadProblem::NotRegular(reason) => FileOutcome::Skipped(reason.clone()),
        ReadProblem::TooLarge(_) => FileOutcome::NotALetter(problem.reason()),
        ReadProblem::Io(_) => FileOutcome::Failed(problem.reason()),
    }
}

/// What a file's contents are: not text, a PDF without text, not a letter, or a parsed
/// letter.
pub fn parse_bytes(
    bytes: &[u8],
    vocabulary: &Vocabulary,
    current_year: i32,
    ocr: Ocr,
) -> FileOutcome {
    let text = if pdf::is_pdf(bytes) {
        match pdf_letter_text(bytes, ocr) {
            Ok(text) => text,
            Err(problem) => return outcome_of_pdf(problem, ocr),
        }
    } else if let Some(reason) = not_text_reason(bytes) {
        return FileOutcome::NotALetter(reason.to_string());
    } else {
        decode(bytes)
    };
    match letter::parse(&text, vocabulary, current_year) {
        Parsed::Letter(letter) => FileOutcome::Letter(letter),
        Parsed::NotALetter(reason) => FileOutcome::NotALetter(reason),
    }
}

/// A PDF's text layer or, for a scan with `ocr` on, what OCR reads of its pages.
fn pdf_letter_text(bytes: &[u8], ocr: Ocr) -> Result<String, PdfProblem> {
    match (pdf::pdf_text(bytes), ocr) {
        (Err(PdfProblem::NeedsOcr(_)), Ocr::Tesseract) => pdf::ocr::ocr_text(bytes),
        (result, _) => result,
    }
}

/// What a PDF whose text could not be read is.
fn outcome_of_pdf(problem: PdfProblem, ocr: Ocr) -> FileOutcome {
    match problem {
        PdfProblem::NeedsOcr(detail) if ocr == Ocr::Off => FileOutcome::NeedsOcr(format!(
            "{detail}; run with --ocr to read it (needs tesseract)"
        )),
        PdfProblem::NeedsOcr(detail) => FileOutcome::NeedsOcr(detail),
        PdfProblem::Encrypted => FileOutcome::Encrypted(problem.to_string()),
        PdfProblem::TooManyPages(_) => FileOutcome::NotALetter(problem.to_string()),
        PdfProblem::Corrupt(_) | PdfProblem::TimedOut(_) => {
            FileOutcome::Failed(problem.to_string())
        }
    }
}

/// The bundled L1 sample letter, parsed: the letter ingest's unit tests index.
#[cfg(test)]
pub(crate) fn sample_letter() -> Box<Letter> {
    match crate::letter::parse(
        include_str!("../../sample-data/l1-cervical-esi.txt"),
        crate::letter::Vocabulary::built_in(),
        2026,
    ) {
        crate::letter::Parsed::Letter(letter) => letter,
        other => panic!("the sample letter parses: {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    const LETTERS: &[&str] = &[
        include_str!("../../sample-data/l1-cervical-esi.txt"),
        include_str!("../../sample-data/l2-2013-lumbar-therapy.txt"),
        include_str!("../../sample-data/l3-report-knee-arthroscopy.txt"),
    ];

    /// Fragments that steer the parser into its less travelled paths when spliced into text.
    const FRAGMENTS: &[&str] = &[
        "HOW THE IMR FINAL DETERMINATION WAS MADE\n",
        "CLINICAL CASE SUMMARY\n",
        "IMR ISSUES, DECISIONS AND RATIONALES\n",
        "IMR DECISION(S) AND RATIONALE(S)\n",
        "MEDICAL PROFESSIONAL REVIEW\n",
        "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:\n",
        "ISSUE AT DISPUTE:\n",
        "Notice of Independent Medical Review Determination\n",
        ":  Upheld\n",
        ":Overturned\n",
        "1. ",
        " is not medically necessary and appropriate.\n",
        "Claims Administrator guideline:",
        "MAXIMUS guideline:",
        "Decision rationale:",
        "Guidelines Relied on by IMR Reviewer:",
        "Case Number: CM14-0000001",
        "Date of Injury: 13/45/99",
        "Board Certified in ",
        "diagnosed with ,;, as well as and ",
        "999 year old ",
        "-\n",
        "\u{c}Page 2 of 3\n",
        "\r\n",
        "é\u{a0}\u{201c}",
        ". ",
        "\n\n",
    ];

    #[test]
    fn random_bytes_never_panic() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for _ in 0..2_000 {
            let length = rng.random_range(0..4_096);
            let bytes: Vec<u8> = (0..length).map(|_| rng.random()).collect();
            let _ = parse_bytes(&bytes, Vocabulary::built_in(), 2026, Ocr::Off);
            let text: Vec<u8> = bytes.iter().map(|b| b.max(&1)).copied().collect();
            let _ = parse_bytes(&text, Vocabulary::built_in(), 2026, Ocr::Off);
        }
    }

    #[test]
    fn truncated_letters_never_panic_and_are_flagged() {
        for letter in LETTERS {
            let last_line_start = letter.trim_end().rfind('\n').unwrap_or(0);
            for cut in (1..letter.len()).filter(|&cut| letter.is_char_boundary(cut)) {
                let outcome = parse_bytes(
                    &letter.as_bytes()[..cut],
                    Vocabulary::built_in(),
                    2026,
                    Ocr::Off,
                );
                let inside_a_word = letter.as_bytes()[cut - 1].is_ascii_alphanumeric()
                    && letter.as_bytes()[cut].is_ascii_alphanumeric();
                if cut < last_line_start && inside_a_word {
                    if let FileOutcome::Letter(parsed) = outcome {
                        assert!(
                            parsed.truncated,
                            "cut at {cut} of a {:?} letter",
                            parsed.layout
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn spliced_letters_never_panic() {
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        for _ in 0..3_000 {
            let mut text = LETTERS[rng.random_range(0..LETTERS.len())].to_string();
            for _ in 0..rng.random_range(1..12) {
                let mut at = rng.random_range(0..=text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.insert_str(at, FRAGMENTS[rng.random_range(0..FRAGMENTS.len())]);
            }
            let _ = parse_bytes(text.as_bytes(), Vocabulary::built_in(), 2026, Ocr::Off);
        }
    }
}
