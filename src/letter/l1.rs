//! Layout L1 (2014 on): an optional header block of labelled fields, then the sections
//! HOW THE IMR FINAL DETERMINATION WAS MADE, CLINICAL CASE SUMMARY and IMR ISSUES,
//! DECISIONS AND RATIONALES, where each disputed item is a line `<ITEM>:  Upheld` followed
//! by its guideline and rationale labels.

use super::header::header_fields;
use super::items::{
    gather_decisions, item_text, verdict_of_word, ItemStart, Labels, ParsedDecision, VERDICT_WORD,
    VERDICT_WORD_ENDINGS,
};
use super::literal::may_end_with_any;
use super::reviewer::qualifications_in_prose;
use super::sections::{LetterForm, Section};
use super::summary::summary_text;
use super::vocabulary::Vocabulary;
use super::{ends_with_sentence, Layout, LetterParts};
use regex::Regex;
use std::sync::LazyLock;

/// `<ITEM>: Upheld`; the greedy item makes the decision the word after the last colon.
static DECISION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\s*(.+?\S)\s*:\s*({VERDICT_WORD})[\s.]*$"))
        .expect("decision line regex is valid")
});

/// Reads a normalised L1 letter.
pub fn parse(text: &str, vocabulary: &Vocabulary, current_year: i32) -> LetterParts {
    let sections = vocabulary.headings(LetterForm::L1).split(text);
    let issues = sections.body(Section::Decisions);
    LetterParts {
        layout: Layout::L1,
        header: header_fields(sections.preamble, current_year),
        qualifications: sections
            .body(Section::HowMade)
            .map(|section| qualifications_in_prose(vocabulary, section))
            .unwrap_or_default(),
        summary: sections.body(Section::CaseSummary).and_then(summary_text),
        decisions_section_found: issues.is_some(),
        decisions: issues
            .map(|issues| decisions(vocabulary, issues))
            .unwrap_or_default(),
        ends_complete: ends_with_sentence(text),
    }
}

fn decisions(vocabulary: &Vocabulary, issues: &str) -> Vec<ParsedDecision> {
    let labels = vocabulary.labels(LetterForm::L1);
    gather_decisions(vocabulary, issues, labels, |lines| {
        decision_line(labels, lines)
    })
}

/// Lines a decision line may wrap over ("<ITEM TEXT\nMORE ITEM TEXT>:  Upheld").
const MAX_DECISION_LINES: usize = 3;

/// A decision line starting at `lines[0]`, possibly wrapped: the item, its verdict and the
/// lines it took. A first line that ends a sentence or a clause is not an item's start.
fn decision_line(labels: &Labels, lines: &[&str]) -> Option<ItemStart> {
    let first = lines.first()?.trim_end();
    if first.is_empty() {
        return None;
    }
    let mut joined = String::new();
    for (used, line) in lines.iter().take(MAX_DECISION_LINES).enumerate() {
        if line.trim().is_empty() || (used > 0 && labels.find(line).is_some()) {
            return None;
        }
        if used > 0 && first.ends_with(['.', ':']) {
            return None;
        }
        joined.push(' ');
        joined.push_str(line);
        // Most lines end with no verdict word; only those that do need the regex.
        if line.contains(':') && may_end_with_any(&joined, VERDICT_WORD_ENDINGS) {
            if let Some(caps) = DECISION_LINE.captures(&joined) {
                return Some((item_text(&caps[1]), verdict_of_word(&caps[2]), used + 1));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::normalize::guidelines::GuidelineFamily;
    use crate::letter::text::normalize;
    use crate::letter::Verdict;

    fn decisions(issues: &str) -> Vec<ParsedDecision> {
        super::decisions(Vocabulary::built_in(), issues)
    }

    #[test]
    fn the_decision_is_the_word_after_the_last_colon() {
        let issues = "Compound: Flurbiprofen 20% cream (DOS: 05/12/2014):  Overturned\n\
                      Decision rationale: Topical NSAIDs are recommended.\n";
        let decisions = decisions(issues);
        assert_eq!(decisions.len(), 1);
        assert_eq!(
            decisions[0].decision.item,
            "Compound: Flurbiprofen 20% cream (DOS: 05/12/2014)"
        );
        assert_eq!(decisions[0].decision.decision, Verdict::Overturned);
    }

    #[test]
    fn reads_decision_line_variants() {
        let rows = [
            (
                "CERVICAL EPIDURAL STEROID INJECTIN AT LEVEL C6-C7:  Upheld",
                Some((
                    "CERVICAL EPIDURAL STEROID INJECTIN AT LEVEL C6-C7",
                    Verdict::Upheld,
                )),
            ),
            (
                "1. Norco 10/325mg #120: OVERTURNED",
                Some(("Norco 10/325mg #120", Verdict::Overturned)),
            ),
            (
                "physical therapy 2x6 :upheld.",
                Some(("physical therapy 2x6", Verdict::Upheld)),
            ),
            ("The denial is upheld.", None),
            (
                "Lumbar brace:  UPHOLD",
                Some(("Lumbar brace", Verdict::Upheld)),
            ),
            (
                "RIGHT SHOULDER ARTHROSCOPY WITH SUBACROMIAL DECOMPRESSION AND\nROTATOR CUFF REPAIR:  OVERTURNED",
                Some((
                    "RIGHT SHOULDER ARTHROSCOPY WITH SUBACROMIAL DECOMPRESSION AND ROTATOR CUFF REPAIR",
                    Verdict::Overturned,
                )),
            ),
            (
                "set forth below:\nMRI of the knee:  Upheld",
                Some(("MRI of the knee", Verdict::Upheld)),
            ),
            (
                "Celebrex 200mg #60: Over turned",
                Some(("Celebrex 200mg #60", Verdict::Overturned)),
            ),
            // Each verdict word's ending, in odd case, before trailing spaces and periods.
            (
                "TENS unit:  upHELD . . ",
                Some(("TENS unit", Verdict::Upheld)),
            ),
            ("Cane: UpHold.", Some(("Cane", Verdict::Upheld))),
            ("Cane:overTURNED", Some(("Cane", Verdict::Overturned))),
            ("Cane: Overturn \u{a0}", Some(("Cane", Verdict::Overturned))),
            ("Cane: Upheld in part", None),
        ];
        for (line, expected) in rows {
            let decisions = decisions(line);
            let actual = decisions
                .first()
                .map(|parsed| (parsed.decision.item.as_str(), parsed.decision.decision));
            assert_eq!(actual, expected, "{line}");
        }
    }

    #[test]
    fn guidelines_and_rationale_may_wrap() {
        let issues = normalize(
            "MRI of the knee:  Upheld\n\
             Claims Administrator guideline: Decision based on MTUS ACOEM\n\
             Chapter 13 Knee Complaints\n\
             MAXIMUS guideline: Decision based on Official Disability\n\
             Guidelines, Knee chapter\n\
             Decision rationale: An MRI is not\n\
             indicated.\n",
        );
        let decisions = decisions(&issues);
        let decision = &decisions[0].decision;
        assert_eq!(decision.claims_guideline, Some(GuidelineFamily::MtusAcoem));
        assert_eq!(decision.reviewer_guideline, Some(GuidelineFamily::Odg));
        assert_eq!(decision.reviewer_guideline_chapter, None);
        assert_eq!(
            decision.rationale.as_deref(),
            Some("An MRI is not indicated.")
        );
    }
}
