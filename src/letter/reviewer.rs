//! The expert reviewer's specialties, as L1 and L2 state them in a sentence ("is Board
//! Certified in X, has a subspecialty in Y and is licensed ...") and as L3 lists them
//! (`Certification(s)/Specialty: X; Y`).

use super::normalize::specialties::canonical_specialty;
use super::text::collapse_whitespace;
use regex::Regex;
use std::sync::LazyLock;

static SPECIALTY_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)Board[\s-]+Certified\s+in\s+(.+?)(?:\s+and\s+(?:is\s+)?(?:currently\s+)?licensed|\s+and\s+(?:is|has)\s|\.\s|\.$)")
        .expect("specialty sentence regex is valid")
});

static SPECIALTY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?im)^\s*Certifications?(?:\(s\))?\s*/\s*Specialt(?:y|ies)(?:\(ies\))?\s*:\s*(.+)$",
    )
    .expect("specialty line regex is valid")
});

static SPECIALTY_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i),?\s*(?:and\s+)?(?:has\s+a\s+|with\s+(?:a\s+)?)sub-?specialty\s+in\s+|\s*[;,]\s*",
    )
    .expect("specialty separator regex is valid")
});

/// The specialties of the "Board Certified in ..." sentence of a section.
pub fn specialties_in_sentence(section: &str) -> Vec<String> {
    let collapsed = collapse_whitespace(section);
    SPECIALTY_SENTENCE
        .captures(&collapsed)
        .map_or_else(Vec::new, |caps| canonical_list(&caps[1]))
}

/// The specialties of a `Certification(s)/Specialty:` line.
pub fn specialties_in_list(section: &str) -> Vec<String> {
    SPECIALTY_LINE
        .captures(section)
        .map_or_else(Vec::new, |caps| {
            canonical_list(caps[1].trim_end_matches('.'))
        })
}

fn canonical_list(written: &str) -> Vec<String> {
    let mut specialties: Vec<String> = Vec::new();
    for name in SPECIALTY_SEPARATOR.split(written) {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        let canonical = canonical_specialty(name);
        if !specialties.contains(&canonical) {
            specialties.push(canonical);
        }
    }
    specialties
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_specialty_sentences() {
        let rows: &[(&str, &[&str])] = &[
            ("The expert reviewer is Board Certified in Family Practice and is licensed to practice in California.", &["Family Practice"]),
            ("The expert reviewer is Board Certified in Anesthesiology, has a subspecialty in Pain Medicine and is licensed to practice in California.", &["Anesthesiology", "Pain Medicine"]),
            ("The expert reviewer is Board Certified in Physical Medicine and Rehabilitation with subspecialty in Pain Management and is licensed", &["Physical Medicine & Rehabilitation", "Pain Medicine"]),
            ("The expert reviewer is Board Certified in Orthopaedic Surgery; Sports Medicine and is licensed", &["Orthopedic Surgery", "Sports Medicine"]),
            ("The physician who reviewed the case is board certified in Internal Medicine and is licensed to practice in California.", &["Internal Medicine"]),
            ("The reviewer is board-certified in Psychiatry. He/she has been in practice", &["Psychiatry"]),
            ("No specialty is named here.", &[]),
        ];
        for (text, expected) in rows {
            assert_eq!(specialties_in_sentence(text), *expected, "{text}");
        }
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
        ];
        for (text, expected) in rows {
            assert_eq!(specialties_in_list(text), *expected, "{text}");
        }
    }
}
