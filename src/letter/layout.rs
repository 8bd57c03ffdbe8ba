//! Recognises a letter's layout from its content (never its file name): the headings each
//! layout uses are its anchors.

use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// The three letter layouts of `letter-formats.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Layout {
    /// 2014 on: header block, "IMR ISSUES, DECISIONS AND RATIONALES".
    L1,
    /// 2013: "Notice of Independent Medical Review Determination".
    L2,
    /// The reviewer's report: "MEDICAL PROFESSIONAL REVIEW".
    L3,
}

static L3_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^\s*MEDICAL\s+PROFESSIONAL\s+REVIEW\s*$").expect("L3 marker regex is valid")
});

static L2_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)Notice\s+of\s+Independent\s+Medical\s+Review\s+Determination|IMR\s+DECISION\(S\)\s+AND\s+RATIONALE\(S\)|has\s+determined\s+the\s+request\s+for|INDEPENDENT\s+MEDICAL\s+REVIEW\s+DECISION\s+AND\s+RATIONALE")
        .expect("L2 marker regex is valid")
});

static L1_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^\s*(?:HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE|CLINICAL\s+CASE\s+SUMMARY|IMR\s+ISSUES\s*,?\s*DECISIONS\s*,?\s*AND\s+RATIONALES?)\s*:?\s*$")
        .expect("L1 marker regex is valid")
});

/// What an IMR letter mentions, whatever its layout: a case number, the reviewing
/// organisation, the review itself, a necessity finding.
static IMR_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bCM\d{2}-\d{4,8}\b|Independent\s+Medical\s+Review|\bMAXIMUS\b|medically\s*necessary",
    )
    .expect("IMR words regex is valid")
});

/// Whether a text with no layout's headings still reads like an IMR letter: it names two
/// of the things every letter names.
pub fn reads_like_a_letter(text: &str) -> bool {
    IMR_WORDS.find_iter(text).take(2).count() == 2
}

/// The layout of a normalised letter text, or `None` when it has no layout's headings.
pub fn recognise(text: &str) -> Option<Layout> {
    if L3_MARKER.is_match(text) {
        Some(Layout::L3)
    } else if L2_MARKER.is_match(text) {
        Some(Layout::L2)
    } else if L1_MARKER.is_match(text) {
        Some(Layout::L1)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_layouts_by_their_headings() {
        let rows = [
            ("Case Number: CM14-1\nHOW THE IMR FINAL DETERMINATION WAS MADE\n", Some(Layout::L1)),
            ("\n  Clinical Case Summary \nThis 40 year old\n", Some(Layout::L1)),
            ("Imr Issues, Decisions and Rationales\n", Some(Layout::L1)),
            ("MAXIMUS FEDERAL SERVICES, INC.\nNotice of Independent Medical Review Determination\nCLINICAL CASE SUMMARY\n", Some(Layout::L2)),
            ("MEDICAL PROFESSIONAL REVIEW\nISSUE AT DISPUTE:\n", Some(Layout::L3)),
            ("FAX COVER SHEET\nTo: claims\n", None),
            ("the clinical case summary is mentioned in passing\n", None),
        ];
        for (text, expected) in rows {
            assert_eq!(recognise(text), expected, "{text:?}");
        }
    }
}
