//! Layout L2 (2013): a MAXIMUS letterhead and labelled header (`Dated:`, `IMR Case
//! Number:` ...), then HOW THE IMR FINAL DETERMINATION WAS MADE, CLINICAL CASE SUMMARY and
//! IMR DECISION(S) AND RATIONALE(S), where each item is a numbered sentence: "1. <item> is
//! not medically necessary and appropriate." (upheld) or "... is medically necessary and
//! appropriate." (overturned), possibly wrapped over lines.

use super::header::header_fields;
use super::items::{
    gather_decisions, item_text, ItemStart, Labels, ParsedDecision, NECESSITY_PHRASE,
    NECESSITY_PHRASE_ENDINGS,
};
use super::l2_early;
use super::literal::may_end_with_any;
use super::reviewer::qualifications_in_prose;
use super::sections::{LetterForm, Section};
use super::summary::summary_text;
use super::text::collapse_whitespace;
use super::vocabulary::Vocabulary;
use super::{ends_with_sentence, Layout, LetterParts, Verdict};
use regex::Regex;
use std::sync::LazyLock;

static ITEM_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\d{1,2}\s*[.)]\s+\S").expect("item start regex is valid"));

/// The end of an item sentence; "not" means the denial is upheld.
static ITEM_VERDICT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^(.+?)\s*{NECESSITY_PHRASE}\s*\.?\s*$"))
        .expect("item verdict regex is valid")
});

/// Lines an item sentence may wrap over.
const MAX_ITEM_LINES: usize = 4;

/// Reads a normalised L2 letter, of the usual form or the early 2013 one.
pub fn parse(text: &str, vocabulary: &Vocabulary, current_year: i32) -> LetterParts {
    let sections = vocabulary.headings(LetterForm::L2).split(text);
    let Some(decisions_body) = sections.body(Section::Decisions) else {
        if l2_early::is_early_form(text) {
            return l2_early::parse(text, vocabulary, current_year);
        }
        return parts(text, &sections, vocabulary, current_year, None);
    };
    parts(
        text,
        &sections,
        vocabulary,
        current_year,
        Some(decisions_body),
    )
}

fn parts(
    text: &str,
    sections: &super::sections::Sections<'_>,
    vocabulary: &Vocabulary,
    current_year: i32,
    decisions_body: Option<&str>,
) -> LetterParts {
    LetterParts {
        layout: Layout::L2,
        header: header_fields(sections.preamble, current_year),
        qualifications: sections
            .body(Section::HowMade)
            .map(|section| qualifications_in_prose(vocabulary, section))
            .unwrap_or_default(),
        summary: sections.body(Section::CaseSummary).and_then(summary_text),
        decisions_section_found: decisions_body.is_some(),
        decisions: decisions_body
            .map(|body| decisions(vocabulary, body))
            .unwrap_or_default(),
        ends_complete: ends_with_sentence(text),
    }
}

fn decisions(vocabulary: &Vocabulary, section: &str) -> Vec<ParsedDecision> {
    let labels = vocabulary.labels(LetterForm::L2);
    gather_decisions(vocabulary, section, labels, |lines| {
        item_sentence(labels, lines)
    })
}

/// A numbered item sentence starting at `lines[0]`: the item, its verdict, and how many
/// lines the sentence took.
fn item_sentence(labels: &Labels, lines: &[&str]) -> Option<ItemStart> {
    if !ITEM_START.is_match(lines.first()?) {
        return None;
    }
    let mut sentence = String::new();
    // Blank lines (a page break inside the sentence) do not count as wrapped lines.
    let mut text_lines = 0;
    for (used, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if text_lines == MAX_ITEM_LINES
            || (text_lines > 0 && (labels.find(line).is_some() || ITEM_START.is_match(line)))
        {
            return None;
        }
        text_lines += 1;
        sentence.push(' ');
        sentence.push_str(line);
        // Collapsing whitespace keeps how the sentence ends, so the cheap test may look
        // at it before collapsing; most lines of a wrapped sentence end elsewhere.
        if !may_end_with_any(&sentence, NECESSITY_PHRASE_ENDINGS) {
            continue;
        }
        if let Some(caps) = ITEM_VERDICT.captures(&collapse_whitespace(&sentence)) {
            let verdict = if caps.name("not").is_some() {
                Verdict::Upheld
            } else {
                Verdict::Overturned
            };
            return Some((item_text(&caps[1]), verdict, used + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::normalize::guidelines::GuidelineFamily;

    fn decisions(section: &str) -> Vec<ParsedDecision> {
        super::decisions(Vocabulary::built_in(), section)
    }

    #[test]
    fn an_item_sentence_may_wrap_across_a_page_break() {
        let lines = [
            "3. Home health aide assistance 8 hours a day as requested by the primary treating",
            "",
            "",
            "physician is not medically necessary and appropriate.",
            "Rationale for the Decision: Not homebound.",
        ];
        let (item, verdict, used) =
            item_sentence(Vocabulary::built_in().labels(LetterForm::L2), &lines)
                .expect("an item sentence");
        assert_eq!(
            item,
            "Home health aide assistance 8 hours a day as requested by the primary treating physician"
        );
        assert_eq!(verdict, Verdict::Upheld);
        assert_eq!(used, 4);
    }

    #[test]
    fn reads_necessity_phrases_in_odd_case_and_spacing() {
        let rows = [
            (
                "1. Lumbar MRI is NOT Medically NECESSARY .",
                Some(("Lumbar MRI", Verdict::Upheld)),
            ),
            (
                "2) TENS unit is medically necessary and APPROPRIATE. ",
                Some(("TENS unit", Verdict::Overturned)),
            ),
            (
                "3. Cane is medically necessary\u{a0}",
                Some(("Cane", Verdict::Overturned)),
            ),
            ("4. Cane is medically necessary for walking.", None),
        ];
        for (line, expected) in rows {
            let found = item_sentence(Vocabulary::built_in().labels(LetterForm::L2), &[line]);
            let found = found
                .as_ref()
                .map(|(item, verdict, _)| (item.as_str(), *verdict));
            assert_eq!(found, expected, "{line}");
        }
    }

    #[test]
    fn reads_run_together_necessity_phrases() {
        let lines = ["1. Lumbar MRI is notmedically necessary and appropriate."];
        let (item, verdict, _) =
            item_sentence(Vocabulary::built_in().labels(LetterForm::L2), &lines)
                .expect("an item sentence");
        assert_eq!((item.as_str(), verdict), ("Lumbar MRI", Verdict::Upheld));
    }

    #[test]
    fn reads_numbered_item_sentences() {
        let section = "\n1. Cervical epidural steroid injection at C5-C6 is not medically necessary and appropriate.\n\
            Guidelines Relied on by Claims Administrator/UR: MTUS Chronic Pain Medical Treatment Guidelines\n\
            Guidelines Relied on by IMR Reviewer: MTUS ACOEM Chapter 8, Neck and Upper Back Complaints\n\
            Rationale for the Decision: Not indicated without radiculopathy.\n\
            2. Physical therapy 2 times a week for 6 weeks for the lumbar\n\
            spine is medically necessary and appropriate.\n\
            Guidelines Relied on by Claims Administrator/UR: Official Disability Guidelines\n\
            Guidelines Relied on by IMR Reviewer: MTUS Chronic Pain Medical Treatment Guidelines\n\
            Rationale for the Decision: 1. Therapy is recommended. 2. Gains are documented.\n";
        let decisions = decisions(section);
        assert_eq!(decisions.len(), 2);
        let first = &decisions[0].decision;
        assert_eq!(first.item, "Cervical epidural steroid injection at C5-C6");
        assert_eq!(first.decision, Verdict::Upheld);
        assert_eq!(first.reviewer_guideline, Some(GuidelineFamily::MtusAcoem));
        assert_eq!(first.reviewer_guideline_chapter, Some(8));
        let second = &decisions[1].decision;
        assert_eq!(
            second.item,
            "Physical therapy 2 times a week for 6 weeks for the lumbar spine"
        );
        assert_eq!(second.decision, Verdict::Overturned);
        assert_eq!(second.claims_guideline, Some(GuidelineFamily::Odg));
        assert_eq!(
            second.rationale.as_deref(),
            Some("1. Therapy is recommended. 2. Gains are documented.")
        );
    }
}
