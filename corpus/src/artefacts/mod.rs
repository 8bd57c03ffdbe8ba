//! Extraction artefacts: turns a letter's blocks into the bytes of a file as PDF text
//! extraction leaves them (wrapped lines, hyphenated words, doubled and trailing spaces,
//! blank and space-only lines, page breaks with page furniture, CRLF, curly quotes,
//! non-breaking spaces, Windows-1252). Each letter gets its own random subset, drawn as a
//! [`Style`]; none of it changes what the letter states.

mod pages;
mod wrap;

use crate::doc::{Doc, Ending};
use crate::model::Layout;
use crate::pick::{self, CorpusRng};
use rand::Rng;

/// How blank space between paragraphs comes out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// One empty line.
    Blank,
    /// One line holding a single space.
    SpaceLine,
    /// A run of empty and space-only lines.
    Run,
}

/// Trailing spaces at line ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trailing {
    /// None.
    None,
    /// One on every line (as in the seed letter).
    EveryLine,
    /// On some lines.
    Some,
}

/// The artefacts one letter gets.
#[derive(Clone, Debug)]
pub struct Style {
    /// Wrap paragraphs at this many columns (None: one line per paragraph).
    pub wrap_width: Option<usize>,
    /// Spaces before every line.
    pub indent: &'static str,
    /// Trailing spaces.
    pub trailing: Trailing,
    /// Two spaces after a sentence.
    pub double_after_period: bool,
    /// Occasional doubled spaces between words.
    pub doubled_spaces: bool,
    /// Paragraph gaps.
    pub gap: Gap,
    /// Every line followed by an empty line (as in the seed letter).
    pub double_spaced: bool,
    /// CRLF line endings.
    pub crlf: bool,
    /// Page breaks with page furniture.
    pub page_breaks: bool,
    /// Up to this many words hyphenated across line breaks.
    pub hyphenations: u32,
    /// Curly quotes and apostrophes.
    pub curly_quotes: bool,
    /// Some spaces in prose are non-breaking.
    pub nbsp: bool,
    /// Written in Windows-1252 instead of UTF-8.
    pub windows_1252: bool,
}

impl Style {
    /// Draws the artefacts of a letter of `layout`.
    pub fn draw(layout: Layout, rng: &mut CorpusRng) -> Style {
        let wrap_width = match layout {
            Layout::L2 => Some(rng.random_range(66..=90)),
            _ if pick::chance(rng, 0.85) => Some(rng.random_range(80..=100)),
            _ => None,
        };
        // Double spacing as in the seed letter; never in L2, whose decision sentences wrap.
        let double_spaced = layout != Layout::L2 && pick::chance(rng, 0.08);
        let hyphenate = wrap_width.is_some() && !double_spaced && pick::chance(rng, 0.13);
        Style {
            wrap_width,
            indent: if pick::chance(rng, 0.05) { "  " } else { "" },
            trailing: pick::weighted(
                rng,
                &[
                    (Trailing::None, 75),
                    (Trailing::EveryLine, 10),
                    (Trailing::Some, 15),
                ],
            ),
            double_after_period: pick::chance(rng, 0.15),
            doubled_spaces: pick::chance(rng, 0.2),
            gap: pick::weighted(
                rng,
                &[(Gap::Blank, 70), (Gap::SpaceLine, 15), (Gap::Run, 15)],
            ),
            double_spaced,
            crlf: pick::chance(rng, 0.10),
            page_breaks: pick::chance(rng, 0.30),
            hyphenations: if hyphenate {
                rng.random_range(1..=3)
            } else {
                0
            },
            curly_quotes: pick::chance(rng, 0.15),
            nbsp: pick::chance(rng, 0.05),
            windows_1252: pick::chance(rng, 0.05),
        }
    }
}

/// One physical line of the file being built.
#[derive(Clone, Debug)]
pub(crate) struct PhysLine {
    pub(crate) text: String,
    /// Part of the header block: no page break before it.
    pub(crate) header: bool,
    /// No page break after it: it ends with the first half of a hyphenated word, or is the
    /// first half of a label wrapped over two lines.
    pub(crate) kept_with_next: bool,
}

impl PhysLine {
    fn plain(text: impl Into<String>) -> PhysLine {
        PhysLine {
            text: text.into(),
            header: false,
            kept_with_next: false,
        }
    }

    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// The bytes of the file for `doc` with `style`'s artefacts.
pub fn finish(doc: &Doc, style: &Style, rng: &mut CorpusRng) -> Vec<u8> {
    let mut lines = wrap::lay_out(doc, style, rng);
    if let Some(header) = &doc.running_header {
        pages::insert_running_headers(&mut lines, header, rng);
    } else if style.page_breaks {
        pages::insert_page_breaks(&mut lines, doc.case_number.as_deref(), rng);
    }
    if style.double_spaced {
        lines = lines
            .into_iter()
            .flat_map(|line| [line, PhysLine::plain("")])
            .collect();
        if doc.ending != Ending::Complete {
            lines.pop();
        }
    }
    let last = lines.len().saturating_sub(1);
    for (index, line) in lines.iter_mut().enumerate() {
        if line.text.is_empty() || (index == last && doc.ending == Ending::MidLine) {
            continue;
        }
        match style.trailing {
            Trailing::None => {}
            Trailing::EveryLine => line.text.push(' '),
            Trailing::Some => {
                if pick::chance(rng, 0.2) {
                    line.text
                        .push_str(if pick::chance(rng, 0.5) { " " } else { "  " });
                }
            }
        }
    }
    let newline = if style.crlf { "\r\n" } else { "\n" };
    let mut text = String::with_capacity(lines.iter().map(|l| l.text.len() + 2).sum());
    for (index, line) in lines.iter().enumerate() {
        text.push_str(&line.text);
        if index < last || doc.ending != Ending::MidLine {
            text.push_str(newline);
        }
    }
    if doc.ending == Ending::Complete && pick::chance(rng, 0.2) {
        text.push_str(&format!(" {newline}{newline}"));
    }
    if style.curly_quotes {
        text = curl_quotes(&text);
    }
    encode(&text, style.windows_1252)
}

/// Straight quotes made typographic: apostrophes ’, double quotes alternately “ and ”.
fn curl_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut open = true;
    for c in text.chars() {
        match c {
            '\'' => out.push('\u{2019}'),
            '"' => {
                out.push(if open { '\u{201C}' } else { '\u{201D}' });
                open = !open;
            }
            _ => out.push(c),
        }
    }
    out
}

fn encode(text: &str, windows_1252: bool) -> Vec<u8> {
    if windows_1252 {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
        assert!(!unmappable, "letters only use characters Windows-1252 has");
        bytes.into_owned()
    } else {
        text.as_bytes().to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_quotes_alternate() {
        assert_eq!(
            curl_quotes("the claimant's \"pain\""),
            "the claimant\u{2019}s \u{201C}pain\u{201D}"
        );
    }

    #[test]
    fn windows_1252_text_with_an_accent_is_not_utf8() {
        let bytes = encode("Clinica San José", true);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(encode("San José", false), "San José".as_bytes());
    }
}
