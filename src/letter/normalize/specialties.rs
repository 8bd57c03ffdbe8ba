//! Reviewer specialties: the ways a board specialty is written and its canonical name.
//! A specialty not in the table is kept as written.

use super::PatternTable;
use std::sync::LazyLock;

const SPECIALTY_WORDINGS: &[(&str, &str)] = &[
    (
        r"physical medicine\s*(?:and|&)\s*rehab(?:ilitation)?|pm\s*&\s*r|physiatry",
        "Physical Medicine & Rehabilitation",
    ),
    (
        r"orthop(?:a)?edic(?:s| surgery| surgeon)?",
        "Orthopedic Surgery",
    ),
    (r"family (?:practice|medicine)", "Family Practice"),
    (r"pain (?:medicine|management)", "Pain Medicine"),
    (r"internal medicine", "Internal Medicine"),
    (r"anesthesiology|anesthesia", "Anesthesiology"),
    (r"neurological surgery|neurosurgery", "Neurological Surgery"),
    (r"neurology", "Neurology"),
    (r"psychiatry", "Psychiatry"),
    (r"psychology", "Psychology"),
    (r"occupational medicine", "Occupational Medicine"),
    (r"preventive medicine", "Preventive Medicine"),
    (r"emergency medicine", "Emergency Medicine"),
    (r"sports medicine", "Sports Medicine"),
    (r"chiropractic(?: medicine)?", "Chiropractic"),
    (r"acupuncture", "Acupuncture"),
    (
        r"podiatr(?:y|ic surgery)|foot and ankle surgery",
        "Podiatry",
    ),
    (r"hand surgery", "Hand Surgery"),
    (r"plastic surgery", "Plastic Surgery"),
    (r"general surgery", "General Surgery"),
    (r"rheumatology", "Rheumatology"),
];

static TABLE: LazyLock<PatternTable<&'static str>> =
    LazyLock::new(|| PatternTable::new(SPECIALTY_WORDINGS));

/// The canonical name of a specialty as written in a letter.
pub fn canonical_specialty(written: &str) -> String {
    let written = written.trim();
    TABLE
        .whole_match(written)
        .map_or_else(|| written.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonicalises_specialties() {
        let rows = [
            ("Family Practice", "Family Practice"),
            ("Family Medicine", "Family Practice"),
            (
                "Physical Medicine and Rehabilitation",
                "Physical Medicine & Rehabilitation",
            ),
            ("Orthopaedic Surgery", "Orthopedic Surgery"),
            ("pain management", "Pain Medicine"),
            ("Internal Medicine", "Internal Medicine"),
            ("Toxicology", "Toxicology"),
        ];
        for (written, expected) in rows {
            assert_eq!(canonical_specialty(written), expected, "{written}");
        }
    }
}
