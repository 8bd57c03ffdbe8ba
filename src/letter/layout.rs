//! Recognises a letter's layout from its content (never its file name): the headings each
//! layout uses are its anchors.

use super::literal::LoweredText;
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

/// A word every L3 marker holds: most letters lack it and skip the marker's regex.
const L3_MARKER_WORD: &str = "profe";

/// The markers of L2, any one of which makes a letter L2, each with a word every match of
/// it holds (lower case): a letter without the word skips that marker's regex.
const L2_MARKERS: &[(&str, &str)] = &[
    (
        r"Notice\s+of\s+Independent\s+Medical\s+Review\s+Determination",
        "notice",
    ),
    (r"IMR\s+DECISION\(S\)\s+AND\s+RATIONALE\(S\)", "rationale("),
    (r"has\s+determined\s+the\s+request\s+for", "determined"),
    (
        r"INDEPENDENT\s+MEDICAL\s+REVIEW\s+DECISION\s+AND\s+RATIONALE",
        "independent",
    ),
];

static L2_MARKER: LazyLock<Vec<(Regex, &str)>> = LazyLock::new(|| {
    L2_MARKERS
        .iter()
        .map(|&(pattern, word)| {
            let regex = Regex::new(&format!("(?i){pattern}")).expect("L2 marker regex is valid");
            (regex, word)
        })
        .collect()
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
    let lowered = LoweredText::new(text);
    if lowered.may_contain(L3_MARKER_WORD) && L3_MARKER.is_match(text) {
        Some(Layout::L3)
    } else if L2_MARKER
        .iter()
        .any(|(marker, word)| lowered.may_contain(word) && marker.is_match(text))
    {
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
            // The words that let a letter skip a marker's regex, in odd case and spacing.
            ("  medical   ProFessional\n review \n", Some(Layout::L3)),
            ("notice OF independent\nmedical REVIEW determination\n", Some(Layout::L2)),
            ("Imr Decision(s) and\nRationale(S)\n", Some(Layout::L2)),
            ("MAXIMUS has DETERMINED the\nrequest for an MRI\n", Some(Layout::L2)),
            ("Independent Medical Review Decision\nand Rationale\n", Some(Layout::L2)),
            ("Independent Medical Review\nCLINICAL CASE SUMMARY\n", Some(Layout::L1)),
            ("FAX COVER SHEET\nTo: claims\n", None),
            ("the clinical case summary is mentioned in passing\n", None),
        ];
        for (text, expected) in rows {
            assert_eq!(recognise(text), expected, "{text:?}");
        }
    }
}
