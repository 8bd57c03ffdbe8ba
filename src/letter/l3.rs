//! Layout L3, the reviewer's report: MEDICAL PROFESSIONAL REVIEW with the sections ISSUE AT
//! DISPUTE, CASE SUMMARY, DOCUMENTS REVIEWED FOR DETERMINATION, the guidelines relied upon,
//! RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS (NOT) MEDICALLY NECESSARY, and
//! MEDICAL REVIEWER QUALIFICATIONS. The rationale heading carries the decision.

use super::header::{case_number_field, HeaderFields};
use super::items::{decision, item_text, ParsedDecision};
use super::reviewer::qualifications_in_list;
use super::sections::{LetterForm, Section};
use super::summary::summary_text;
use super::text::{collapse_whitespace, sentences};
use super::vocabulary::Vocabulary;
use super::{Layout, LetterParts, Verdict};
use regex::Regex;
use std::sync::LazyLock;

/// A numbered list inside ISSUE AT DISPUTE: more than one item shares the decision.
static NUMBERED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*\d{1,2}\s*[.)]\s+").expect("numbered line regex is valid")
});

/// The last line of a whole report.
static LICENSURE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^\s*States?(?:\(s\))?\s+of\s+Licensure\s*:\s*\S")
        .expect("licensure line regex is valid")
});

/// A summary sentence about the utilization review that names what it relied on.
static UTILIZATION_REVIEW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:utilization review|UR)\b").expect("utilization review regex is valid")
});
static CITATION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:cit\w*|based|guidelines?|criteria|MTUS|ODG|ACOEM)\b")
        .expect("citation words regex is valid")
});

/// Reads a normalised L3 report. A report states no header date, so no year is needed.
pub fn parse(text: &str, vocabulary: &Vocabulary, _current_year: i32) -> LetterParts {
    let sections = vocabulary.headings(LetterForm::L3).split(text);
    let summary = sections.body(Section::CaseSummary).and_then(summary_text);
    let claims_citation = summary.as_deref().and_then(utilization_review_sentence);
    let rationale = [
        (Section::RationaleNotNecessary, Verdict::Upheld),
        (Section::RationaleNecessary, Verdict::Overturned),
    ]
    .into_iter()
    .find_map(|(section, verdict)| sections.body(section).map(|body| (body, verdict)));
    let guideline = sections
        .body(Section::Guidelines)
        .filter(|_| sections.is_followed(Section::Guidelines));
    let decisions = match (sections.body(Section::Issue), rationale) {
        (Some(issue), Some((rationale, verdict))) => items(issue)
            .iter()
            .map(|item| ParsedDecision {
                decision: decision(
                    vocabulary,
                    item,
                    verdict,
                    claims_citation,
                    guideline,
                    Some(rationale),
                ),
                has_rationale: true,
            })
            .collect(),
        _ => Vec::new(),
    };
    LetterParts {
        layout: Layout::L3,
        header: HeaderFields {
            case_number: case_number_field(text),
            ..HeaderFields::default()
        },
        qualifications: sections
            .body(Section::Qualifications)
            .map(|section| qualifications_in_list(vocabulary, section))
            .unwrap_or_default(),
        summary,
        decisions_section_found: rationale.is_some(),
        decisions,
        ends_complete: sections
            .body(Section::Qualifications)
            .is_some_and(|qualifications| LICENSURE_LINE.is_match(qualifications)),
    }
}

/// The disputed items: one, or one per line of a numbered list.
fn items(issue: &str) -> Vec<String> {
    let issue = issue.trim();
    if NUMBERED_LINE.find_iter(issue).count() < 2 {
        let item = item_text(issue);
        return if item.is_empty() {
            Vec::new()
        } else {
            vec![item]
        };
    }
    NUMBERED_LINE
        .split(issue)
        .map(collapse_whitespace)
        .filter(|item| !item.is_empty())
        .collect()
}

/// The summary sentence that says what the utilization review relied on.
fn utilization_review_sentence(summary: &str) -> Option<&str> {
    sentences(summary)
        .into_iter()
        .find(|sentence| UTILIZATION_REVIEW.is_match(sentence) && CITATION_WORDS.is_match(sentence))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::normalize::guidelines::GuidelineFamily;
    use crate::letter::text::normalize;

    const REPORT: &str = "MEDICAL PROFESSIONAL REVIEW\n\nIMR Case Number: CM13-0001234\n\
        ISSUE AT DISPUTE:\nRight knee MRI\n\nCASE SUMMARY:\nThe patient is a 52 year old male who \
        injured his right knee at work on 2/3/12. A utilization review dated 5/1/13 denied the \
        request, citing the ODG.\n\nDOCUMENTS REVIEWED FOR DETERMINATION:\n- UR letter\n\n\
        MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:\n\
        MTUS ACOEM Chapter 13, Knee Complaints, which is part of the MTUS.\n\n\
        RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:\n\
        There are no red flags.\n\nMEDICAL REVIEWER QUALIFICATIONS:\n\
        Certification(s)/Specialty: Orthopedic Surgery\nState(s) of Licensure: California\n";

    #[test]
    fn reads_a_report() {
        let parts = parse(&normalize(REPORT), Vocabulary::built_in(), 2026);
        assert_eq!(parts.header.case_number.as_deref(), Some("CM13-0001234"));
        assert_eq!(parts.qualifications.specialties, ["Orthopedic Surgery"]);
        assert_eq!(parts.decisions.len(), 1);
        let decision = &parts.decisions[0].decision;
        assert_eq!(decision.item, "Right knee MRI");
        assert_eq!(decision.decision, Verdict::Upheld);
        assert_eq!(decision.claims_guideline, Some(GuidelineFamily::Odg));
        assert_eq!(
            decision.reviewer_guideline,
            Some(GuidelineFamily::MtusAcoem)
        );
        assert_eq!(decision.reviewer_guideline_chapter, Some(13));
        assert_eq!(
            decision.rationale.as_deref(),
            Some("There are no red flags.")
        );
    }

    #[test]
    fn the_rationale_heading_carries_the_decision() {
        let overturned = REPORT.replace("IS/WAS NOT MEDICALLY", "IS/WAS MEDICALLY");
        let parts = parse(&normalize(&overturned), Vocabulary::built_in(), 2026);
        assert_eq!(parts.decisions[0].decision.decision, Verdict::Overturned);
    }

    #[test]
    fn a_report_cut_before_the_rationale_has_no_decision() {
        let cut = &REPORT[..REPORT.find("RATIONALE FOR WHY").expect("heading")];
        let parts = parse(&normalize(cut), Vocabulary::built_in(), 2026);
        assert!(parts.decisions.is_empty());
        assert!(!parts.decisions_section_found);
    }

    #[test]
    fn a_numbered_issue_lists_several_items() {
        assert_eq!(
            items("1. Norco 10/325mg #60\n2. Soma 350mg #30\n"),
            ["Norco 10/325mg #60", "Soma 350mg #30"]
        );
        assert_eq!(items("\nLumbar MRI\n"), ["Lumbar MRI"]);
    }
}
