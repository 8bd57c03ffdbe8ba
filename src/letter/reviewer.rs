//! The expert reviewer's specialties, read from the qualification text whatever frames it:
//! the sentences that speak of certification or specialty ("is Board Certified in X, has a
//! subspecialty in Y and is licensed ...", "holds board certification in PM&R", L3's
//! `Certification(s)/Specialty: X; Y`) are searched for the names of the specialty table.
//! Qualification text that names no known specialty is kept as written and reported.

use super::literal::may_contain;
use super::text::{collapse_whitespace, sentences};
use super::vocabulary::Vocabulary;
use super::UNREAD_TEXT_CHARS;
use regex::Regex;
use std::sync::LazyLock;

/// Words of a sentence that states a qualification.
static QUALIFICATION_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)certifi|specialt|speciali[sz]|diplomate|\bboard\b|fellowship|residency|\btrained\b|doctor\s+of|licensed\s+(?:acupuncturist|chiropractor|psychologist|clinical)|certification")
        .expect("qualification cue regex is valid")
});

/// What follows "certified in" when the table knows none of it: up to the next clause.
static CERTIFIED_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:certified|certification|specialty|specializ\w*|trained)\s+(?:in|of)\s+(?:the\s+field\s+of\s+)?([A-Z][\w&/' -]*?)(?:\s*[,;.(]|\s+(?:and|who|with|is|has|he|she|licensed)\b|$)")
        .expect("certified-in regex is valid")
});

static SPECIALTY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?im)^\s*(?:Board\s+)?Certifications?(?:\(s\))?\s*/\s*Specialt(?:y|ies)(?:\(ies\))?\s*:\s*(.+(?:\n[ \t]*[^\s:][^:\n]*)*)",
    )
    .expect("specialty line regex is valid")
});

/// A certifying board named after the specialty it certified ("certified in Psychiatry by
/// the American Board of Psychiatry and Neurology"): the board's name lists every
/// specialty it certifies, not the reviewer's. A board named alone ("certified by the
/// American Board of Anesthesiology") does state the specialty.
/// Words every match of [`BOARD_AFTER_SPECIALTY`] holds, all of them.
const BOARD_AFTER_SPECIALTY_WORDS: &[&str] = &["board", "by"];

static BOARD_AFTER_SPECIALTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:\bin\s+[^,;.]+?\s+by\s+(?:the\s+)?)((?i:american\s+)?(?i:board)\s+of\s+[A-Z][\w&]*(?:\s+(?:and|of|&)\s+[A-Z][\w&]*|\s+[A-Z][\w&]*)*)")
        .expect("board regex is valid")
});

/// The specialties a reviewer section states, and the qualification text read when it
/// names none the table knows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Qualifications {
    /// Canonical names (or, for a name the table lacks, the name as written).
    pub specialties: Vec<String>,
    /// The qualification sentence in which no known specialty was found.
    pub unknown: Option<String>,
}

/// The specialties of a reviewer section written as prose (L1, L2).
pub fn qualifications_in_prose(vocabulary: &Vocabulary, section: &str) -> Qualifications {
    let collapsed = collapse_whitespace(section);
    let cue_sentences: Vec<&str> = sentences(&collapsed)
        .into_iter()
        .filter(|sentence| QUALIFICATION_CUE.is_match(sentence))
        .collect();
    let as_written = || {
        cue_sentences
            .iter()
            .find_map(|sentence| CERTIFIED_IN.captures(sentence))
            .map(|caps| caps[1].trim().to_string())
    };
    read_qualifications(vocabulary, &cue_sentences, as_written)
}

/// The specialties of a `Certification(s)/Specialty:` line (L3), else of the section's
/// prose.
pub fn qualifications_in_list(vocabulary: &Vocabulary, section: &str) -> Qualifications {
    let Some(caps) = SPECIALTY_LINE.captures(section) else {
        return qualifications_in_prose(vocabulary, section);
    };
    let line = collapse_whitespace(&caps[1]);
    let line = line.trim_end_matches('.');
    read_qualifications(vocabulary, &[line], || Some(line.to_string()))
}

/// `text` without the names of boards that follow the specialty they certified.
fn without_redundant_boards(text: &str) -> String {
    let may_name_one = BOARD_AFTER_SPECIALTY_WORDS
        .iter()
        .all(|word| may_contain(text, word));
    if !may_name_one {
        return text.to_string();
    }
    let mut kept = String::with_capacity(text.len());
    let mut from = 0;
    for caps in BOARD_AFTER_SPECIALTY.captures_iter(text) {
        if let Some(board) = caps.get(1) {
            kept.push_str(&text[from..board.start()]);
            from = board.end();
        }
    }
    kept.push_str(&text[from..]);
    kept
}

/// The known specialties named in `texts`; when there are none, the name `as_written`
/// finds is kept and the first text is reported as unknown.
fn read_qualifications(
    vocabulary: &Vocabulary,
    texts: &[&str],
    as_written: impl FnOnce() -> Option<String>,
) -> Qualifications {
    let mut specialties: Vec<String> = Vec::new();
    for text in texts {
        for name in vocabulary.specialties_in(&without_redundant_boards(text)) {
            if !specialties.contains(&name) {
                specialties.push(name);
            }
        }
    }
    if !specialties.is_empty() {
        return Qualifications {
            specialties,
            unknown: None,
        };
    }
    let Some(first) = texts.first() else {
        return Qualifications::default();
    };
    Qualifications {
        specialties: as_written()
            .filter(|name| !name.is_empty())
            .into_iter()
            .collect(),
        unknown: Some(first.chars().take(UNREAD_TEXT_CHARS).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(text: &str) -> Vec<String> {
        qualifications_in_prose(Vocabulary::built_in(), text).specialties
    }

    #[test]
    fn reads_specialty_sentences_in_any_frame() {
        let rows: &[(&str, &[&str])] = &[
            ("The expert reviewer is Board Certified in Family Practice and is licensed to practice in California.", &["Family Practice"]),
            ("The expert reviewer is Board Certified in Anesthesiology, has a subspecialty in Pain Medicine and is licensed to practice in California.", &["Anesthesiology", "Pain Medicine"]),
            ("The expert reviewer is Board Certified in Physical Medicine and Rehabilitation with subspecialty in Pain Management and is licensed", &["Physical Medicine & Rehabilitation", "Pain Medicine"]),
            ("The expert reviewer is Board Certified in Orthopaedic Surgery; Sports Medicine and is licensed", &["Orthopedic Surgery", "Sports Medicine"]),
            ("The physician who reviewed the case is board certified in Internal Medicine and is licensed to practice in California.", &["Internal Medicine"]),
            ("The reviewer is board-certified in Psychiatry. He/she has been in practice", &["Psychiatry"]),
            ("The expert reviewer is Board Certified in Orthopedic Surgery, is licensed to practice in California, and has been in practice for over 10 years.", &["Orthopedic Surgery"]),
            ("The physician reviewer holds board certification in PM&R and is licensed in California.", &["Physical Medicine & Rehabilitation"]),
            ("The reviewer is board certified in Internal Medicine with a subspecialty in Rheumatology.", &["Internal Medicine", "Rheumatology"]),
            ("The expert reviewer, who is Board Certified in Neurological Surgery, is licensed to practice in California.", &["Neurological Surgery"]),
            ("MAXIMUS sent the file to a reviewer with expertise in the same or similar specialties. He/she is licensed to practice in California.", &[]),
            ("No specialty is named here.", &[]),
            ("The reviewer is certified in Psychiatry by the American Board of Psychiatry and Neurology.", &["Psychiatry"]),
            ("The reviewer is certified by the American Board of Anesthesiology.", &["Anesthesiology"]),
            ("The reviewer is certified in Psychiatry BY THE AMERICAN BOARD of Psychiatry and Neurology.", &["Psychiatry"]),
        ];
        for (text, expected) in rows {
            assert_eq!(prose(text), *expected, "{text}");
        }
    }

    #[test]
    fn a_specialty_the_table_lacks_is_kept_and_reported() {
        let read = qualifications_in_prose(
            Vocabulary::built_in(),
            "The expert reviewer is Board Certified in Hyperbaric Underwater Studies and is licensed to practice in California.",
        );
        assert_eq!(read.specialties, ["Hyperbaric Underwater Studies"]);
        assert!(read
            .unknown
            .is_some_and(|text| text.contains("Board Certified")));
    }

    #[test]
    fn reads_specialty_lists() {
        let rows: &[(&str, &[&str])] = &[
            (
                "Certification(s)/Specialty: Orthopedic Surgery\nState(s) of Licensure: California",
                &["Orthopedic Surgery"],
            ),
            (
                "Certification(s)/Specialty:  Anesthesiology; Pain Medicine\n",
                &["Anesthesiology", "Pain Medicine"],
            ),
            (
                "Certification(s)/Specialty: Physical Medicine and Rehabilitation, Pain Medicine",
                &["Physical Medicine & Rehabilitation", "Pain Medicine"],
            ),
            ("State(s) of Licensure: California", &[]),
            (
                "Certification(s)/Specialty: Certified by the American Board of Anesthesiology, with subspecialty\ncertification in Pain Medicine\nState(s) of Licensure: California",
                &["Anesthesiology", "Pain Medicine"],
            ),
        ];
        for (text, expected) in rows {
            assert_eq!(
                qualifications_in_list(Vocabulary::built_in(), text).specialties,
                *expected,
                "{text}"
            );
        }
    }
}
