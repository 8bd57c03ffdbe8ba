//! Reads the text layer of a PDF letter, with pdf-extract (on lopdf), inside limits: at
//! most [`MAX_PAGES`] pages and [`TIME_LIMIT`] of reading, on a thread of its own so that
//! a file that hangs the reader or panics inside it costs only that file. What comes out
//! is plain lines with a form feed between pages, the same kind of text as a file from
//! `pdftotext`, so the letter parser sees one kind of input.
//!
//! A PDF without text is reported as what it is: a scan (`needs_ocr`, which [`ocr`] can
//! read when tesseract is installed), encrypted with a password, or corrupt.

pub mod ocr;
mod text_output;

use lopdf::Document;
use std::panic::AssertUnwindSafe;
use std::sync::mpsc;
use std::time::Duration;
use text_output::LetterText;

/// Letters run to a few pages; a file with more than this is not read.
pub const MAX_PAGES: usize = 200;

/// How long one file's text may take to read ...
pub const TIME_LIMIT: Duration = Duration::from_secs(20);
/// ... and to read by OCR, page after page.
pub const OCR_TIME_LIMIT: Duration = Duration::from_secs(300);

/// The name of the threads that read PDFs: their panics are reported, not printed.
pub const READER_THREAD: &str = "imr-pdf-reader";

/// Whether bytes are a PDF file.
pub fn is_pdf(bytes: &[u8]) -> bool {
    // The header may follow a little junk (some producers write a BOM or a blank line).
    bytes
        .get(..1024.min(bytes.len()))
        .is_some_and(|start| start.windows(5).any(|window| window == b"%PDF-"))
}

/// Why a PDF's text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfProblem {
    /// No text layer: a scan, to be read by OCR.
    NeedsOcr(String),
    /// Encrypted with a password that is not empty.
    Encrypted,
    /// Broken, or the reader failed on it.
    Corrupt(String),
    /// More pages than a letter has.
    TooManyPages(usize),
    /// Reading took longer than its limit.
    TimedOut(Duration),
}

impl std::fmt::Display for PdfProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfProblem::NeedsOcr(detail) => write!(f, "{detail}"),
            PdfProblem::Encrypted => write!(
                f,
                "the PDF needs a password to open; save a copy without one to index it"
            ),
            PdfProblem::Corrupt(reason) => write!(f, "corrupt PDF: {reason}"),
            PdfProblem::TooManyPages(pages) => write!(
                f,
                "PDF of {pages} pages, over the {MAX_PAGES} a letter could have; not read"
            ),
            PdfProblem::TimedOut(limit) => write!(
                f,
                "corrupt PDF: reading it took over {} s; not read",
                limit.as_secs()
            ),
        }
    }
}

/// The text of a PDF letter, pages separated by form feeds.
pub fn pdf_text(bytes: &[u8]) -> Result<String, PdfProblem> {
    let bytes = bytes.to_vec();
    guarded(TIME_LIMIT, move || read_text(&bytes))
}

/// Runs `read` on a reader thread of its own and waits at most `limit` for it; a panic
/// inside is caught and becomes the file's reason. A reader that does not finish is left
/// to end on its own, and its file is reported.
fn guarded<F>(limit: Duration, read: F) -> Result<String, PdfProblem>
where
    F: FnOnce() -> Result<String, PdfProblem> + Send + 'static,
{
    let (sender, receiver) = mpsc::sync_channel(1);
    let spawned = std::thread::Builder::new()
        .name(READER_THREAD.to_string())
        .spawn(move || {
            let result = std::panic::catch_unwind(AssertUnwindSafe(read)).unwrap_or_else(|panic| {
                Err(PdfProblem::Corrupt(format!(
                    "the PDF reader failed on it ({})",
                    panic_message(panic.as_ref())
                )))
            });
            // The caller may have stopped waiting; then nobody needs the text.
            let _ = sender.send(result);
        });
    if let Err(error) = spawned {
        return Err(PdfProblem::Corrupt(format!(
            "cannot start a thread to read it: {error}"
        )));
    }
    receiver
        .recv_timeout(limit)
        .unwrap_or(Err(PdfProblem::TimedOut(limit)))
}

/// Loads the document, checks its limits and reads its text.
fn read_text(bytes: &[u8]) -> Result<String, PdfProblem> {
    let document = load(bytes)?;
    let pages = document.get_pages().len();
    if pages > MAX_PAGES {
        return Err(PdfProblem::TooManyPages(pages));
    }
    if pages == 0 {
        return Err(PdfProblem::Corrupt("no pages found".to_string()));
    }
    let mut text = LetterText::default();
    pdf_extract::output_doc(&document, &mut text)
        .map_err(|error| PdfProblem::Corrupt(error.to_string()))?;
    let text = text.into_text();
    let images = if text.trim().is_empty() {
        image_count(&document)
    } else {
        0
    };
    // Pages with neither text nor images are blank: the parser says what such a file is.
    if images > 0 {
        return Err(PdfProblem::NeedsOcr(format!(
            "no text layer ({pages} page{}, {images} image{}): a scan",
            plural(pages),
            plural(images)
        )));
    }
    Ok(text)
}

/// The document, decrypted when its password is empty (a file that only restricts
/// printing or copying opens without one).
pub fn load(bytes: &[u8]) -> Result<Document, PdfProblem> {
    let mut document =
        Document::load_mem(bytes).map_err(|error| PdfProblem::Corrupt(error.to_string()))?;
    if document.is_encrypted() && document.decrypt("").is_err() {
        return Err(PdfProblem::Encrypted);
    }
    Ok(document)
}

/// How many images the pages draw directly, whatever their encoding.
fn image_count(document: &Document) -> usize {
    document
        .get_pages()
        .values()
        .map(|&page| {
            document
                .get_page_images(page)
                .map_or(0, |images| images.len())
        })
        .sum()
}

fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

/// What a caught panic said.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|message| message.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}

/// Prints a panic unless it happened on a PDF reader thread, where [`pdf_text`] reports it
/// as the file's reason instead. Installed once by `main`.
pub fn quiet_reader_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() != Some(READER_THREAD) {
            default(info);
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    const LETTER: &[u8] = include_bytes!("../../tests/fixtures/pdf/l1-cervical-esi.pdf");
    const SCAN: &[u8] =
        include_bytes!("../../tests/fixtures/pdf/l3-report-knee-arthroscopy-scan.pdf");

    #[test]
    fn reads_a_text_layer_with_pages_and_columns() {
        let text = pdf_text(LETTER).expect("a text layer");
        assert!(
            text.contains("HOW THE IMR FINAL DETERMINATION WAS MADE\n"),
            "{text}"
        );
        assert!(text.contains("MAXIMUS Federal Services sent the complete case file"));
        assert!(
            !text.contains("Feder al"),
            "kerning inside a word is no space"
        );
        let scan = pdf_text(SCAN);
        assert!(
            matches!(scan, Err(PdfProblem::NeedsOcr(ref detail)) if detail.contains("1 image"))
        );
    }

    #[test]
    fn recognises_pdf_headers_after_a_little_junk() {
        assert!(is_pdf(b"%PDF-1.7\n"));
        assert!(is_pdf(b"\xEF\xBB\xBF\n%PDF-1.4"));
        assert!(!is_pdf(b"Case Number: CM14-0000001"));
    }

    #[test]
    fn a_reader_that_hangs_or_panics_costs_only_its_file() {
        let hangs = guarded(Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(2));
            Ok(String::new())
        });
        assert_eq!(hangs, Err(PdfProblem::TimedOut(Duration::from_millis(50))));
        let panics = guarded(TIME_LIMIT, || panic!("index out of bounds"));
        assert!(
            matches!(panics, Err(PdfProblem::Corrupt(ref reason)) if reason.contains("index out of bounds")),
            "{panics:?}"
        );
    }

    /// Damaged files (bytes flipped, cut, spliced) end as text or as a reason, never as a
    /// panic or a hang of the caller.
    #[test]
    fn damaged_pdfs_give_a_reason_not_a_panic() {
        let mut rng = ChaCha8Rng::seed_from_u64(12);
        for round in 0..300 {
            let mut bytes = LETTER.to_vec();
            match round % 3 {
                0 => {
                    for _ in 0..rng.random_range(1..20) {
                        let at = rng.random_range(0..bytes.len());
                        bytes[at] = rng.random();
                    }
                }
                1 => bytes.truncate(rng.random_range(0..bytes.len())),
                _ => {
                    let from = rng.random_range(0..bytes.len());
                    let to = rng.random_range(from..bytes.len());
                    let copied = bytes[from..to].to_vec();
                    let at = rng.random_range(0..bytes.len());
                    bytes.splice(at..at, copied);
                }
            }
            match pdf_text(&bytes) {
                Ok(_) | Err(PdfProblem::Corrupt(_) | PdfProblem::NeedsOcr(_)) => {}
                Err(other) => panic!("round {round}: {other}"),
            }
        }
    }
}
