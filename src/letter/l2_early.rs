//! The early 2013 form of L2 (the first notices, summer and autumn 2013): the decisions
//! come first as sentences "MAXIMUS Federal Services, Inc. has determined the request for
//! <item> is (not) medically necessary and appropriate."; then INDEPENDENT MEDICAL REVIEW
//! DECISION AND RATIONALE with a procedural paragraph carrying the application, UR denial
//! and assignment dates, "Medical Qualifications of the Expert Reviewer:", "Case Summary:"
//! (often the UR's summary in quotes after a disclaimer), and per item its guideline
//! labels and rationale.

use super::dates::{parse_date, DATE_PATTERN};
use super::header::header_fields;
use super::items::{item_text, ItemBlock, Label, Labels, ParsedDecision, NECESSITY_PHRASE};
use super::reviewer::qualifications_in_prose;
use super::sections::{LetterForm, Section};
use super::summary::summary_text;
use super::text::collapse_whitespace;
use super::vocabulary::Vocabulary;
use super::{ends_with_sentence, Layout, LetterParts, Verdict};
use regex::Regex;
use std::sync::LazyLock;

/// The decision sentence of the early form.
static DETERMINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)has\s+determined\s+(?:that\s+)?the\s+(?:request\s+for|requested)\s+(?P<item>.+?)\s*{NECESSITY_PHRASE}"
    ))
    .expect("determined regex is valid")
});

/// "1) Regarding the request for <item>:", the line that opens an item's block.
static REGARDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:\d{1,2}\s*[.)]\s*)?Regarding\s+the\s+request\s+for\s+(.+?)\s*:?\s*$")
        .expect("regarding regex is valid")
});

static APPLICATION_FILED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)application\s+for\s+(?:an\s+)?Independent\s+Medical\s+Review\s+(?:\(IMR\)\s+)?was\s+(?:filed|received|submitted)\s+(?:on\s+)?({DATE_PATTERN})"
    ))
    .expect("application regex is valid")
});

static UR_DENIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)Utilization\s+Review\s+(?:\(UR\)\s+)?(?:Denial|decision)\s+(?:dated|of|on)\s+({DATE_PATTERN})"
    ))
    .expect("UR denial regex is valid")
});

static ASSIGNMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)Notice\s+of\s+Assignment\b[^.]{{0,120}}?\bon\s+({DATE_PATTERN})"
    ))
    .expect("assignment regex is valid")
});

static DISCLAIMER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^Disclaimer\s*:").expect("disclaimer regex is valid"));

/// Whether a letter of layout L2 is of the early form.
pub fn is_early_form(text: &str) -> bool {
    DETERMINED.is_match(&collapse_whitespace(text))
}

/// Reads a normalised letter of the early form.
pub fn parse(text: &str, vocabulary: &Vocabulary, current_year: i32) -> LetterParts {
    let sections = vocabulary.headings(LetterForm::L2Early).split(text);
    let mut header = header_fields(sections.preamble, current_year);
    if let Some(procedure) = sections.body(Section::Procedure) {
        let procedure = collapse_whitespace(procedure);
        let date = |regex: &Regex| {
            regex
                .captures(&procedure)
                .and_then(|caps| parse_date(&caps[1], current_year))
        };
        header.application_received = header.application_received.or(date(&APPLICATION_FILED));
        header.ur_denial_date = header.ur_denial_date.or(date(&UR_DENIAL));
        header.date_assigned = header.date_assigned.or(date(&ASSIGNMENT));
    }
    let labels = vocabulary.labels(LetterForm::L2Early);
    // Without a heading of their own, the item blocks follow the summary directly.
    let (summary, rationales) = match (
        sections.body(Section::CaseSummary),
        sections.body(Section::Rationales),
    ) {
        (Some(summary), None) => match first_block_line(labels, summary) {
            Some(start) => (Some(&summary[..start]), Some(&summary[start..])),
            None => (Some(summary), None),
        },
        (summary, rationales) => (summary, rationales),
    };
    let rationales_start = rationales.map_or(text.len(), |body| offset_in(text, body));
    let verdicts = determined_items(&text[..rationales_start]);
    let decisions = match rationales {
        Some(body) => item_blocks(vocabulary, &verdicts, body),
        None => verdicts
            .iter()
            .map(|(item, verdict)| ItemBlock::new(item.clone(), *verdict).finish(vocabulary, true))
            .collect(),
    };
    LetterParts {
        layout: Layout::L2,
        header,
        qualifications: sections
            .body(Section::Qualifications)
            .map(|section| qualifications_in_prose(vocabulary, section))
            .unwrap_or_default(),
        summary: summary
            .and_then(summary_text)
            .and_then(|summary| without_disclaimer(&summary)),
        decisions_section_found: !verdicts.is_empty(),
        decisions,
        ends_complete: ends_with_sentence(text),
    }
}

/// The items and verdicts of the decision sentences, each item once, in order.
fn determined_items(text: &str) -> Vec<(String, Verdict)> {
    let collapsed = collapse_whitespace(text);
    let mut items: Vec<(String, Verdict)> = Vec::new();
    for caps in DETERMINED.captures_iter(&collapsed) {
        let item = item_text(&caps["item"]);
        let verdict = if caps.name("not").is_some() {
            Verdict::Upheld
        } else {
            Verdict::Overturned
        };
        if !items
            .iter()
            .any(|(known, _)| known.eq_ignore_ascii_case(&item))
        {
            items.push((item, verdict));
        }
    }
    items
}

/// Pairs the per-item blocks of the rationale section with the decided items: a block
/// opens at "Regarding the request for <item>" (matched by name, else next in order) or
/// at a claims guideline label that follows a finished block.
fn item_blocks(
    vocabulary: &Vocabulary,
    verdicts: &[(String, Verdict)],
    body: &str,
) -> Vec<ParsedDecision> {
    let labels = vocabulary.labels(LetterForm::L2Early);
    let mut blocks: Vec<Option<ItemBlock>> = verdicts.iter().map(|_| None).collect();
    let mut current: Option<usize> = None;
    let mut next_in_order = 0;
    let mut open_next = |named: Option<&str>, blocks: &mut Vec<Option<ItemBlock>>| {
        let by_name = named.and_then(|name| {
            verdicts
                .iter()
                .position(|(item, _)| item.eq_ignore_ascii_case(name))
        });
        let index = by_name.unwrap_or(next_in_order);
        next_in_order = index + 1;
        let (item, verdict) = verdicts.get(index)?;
        blocks[index] = Some(ItemBlock::new(item.clone(), *verdict));
        Some(index)
    };
    let lines: Vec<&str> = body.lines().collect();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        let (found, used) = labels.find_at(&lines[index..]);
        index += used;
        if let Some((label, rest)) = found {
            let rest = rest.as_str();
            let block_is_done = current
                .and_then(|index| blocks[index].as_ref())
                .is_none_or(|block| block.has_labels());
            if label == Label::ClaimsGuideline && block_is_done {
                current = open_next(None, &mut blocks);
            }
            if let Some(block) = current.and_then(|index| blocks[index].as_mut()) {
                block.start(label, rest);
            }
        } else if let Some(caps) = REGARDING.captures(line) {
            current = open_next(Some(&item_text(&caps[1])), &mut blocks);
        } else if let Some(block) = current.and_then(|index| blocks[index].as_mut()) {
            block.append(line);
        }
    }
    let last = current;
    blocks
        .into_iter()
        .zip(verdicts)
        .enumerate()
        .map(|(index, (block, (item, verdict)))| {
            block
                .unwrap_or_else(|| ItemBlock::new(item.clone(), *verdict))
                .finish(vocabulary, Some(index) == last)
        })
        .collect()
}

/// Where the first item block of a summary section starts: a "Regarding the request
/// for" line or a guideline label.
fn first_block_line(labels: &Labels, section: &str) -> Option<usize> {
    let lines: Vec<&str> = section.split_inclusive('\n').collect();
    let mut start = 0;
    for (index, line) in lines.iter().enumerate() {
        let opens_block = REGARDING.is_match(line) || labels.find_at(&lines[index..]).0.is_some();
        if opens_block {
            return Some(start);
        }
        start += line.len();
    }
    None
}

/// The byte offset of `part`, a slice of `text`, in `text`; the end of `text` for any
/// other string, so slicing with it never panics.
fn offset_in(text: &str, part: &str) -> usize {
    let start = (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    if start <= text.len() && text.is_char_boundary(start) {
        start
    } else {
        text.len()
    }
}

/// The summary without the disclaimer that introduces a quoted UR summary, and without
/// the quotes around it; `None` when nothing is left. The quote that opens the summary is
/// one right after the disclaimer's sentence, not one inside the summary.
fn without_disclaimer(summary: &str) -> Option<String> {
    let text = match DISCLAIMER.find(summary) {
        None => summary,
        Some(disclaimer) => {
            let sentence_end = summary[disclaimer.end()..]
                .find(". ")
                .map_or(summary.len(), |end| disclaimer.end() + end + 1);
            match summary.find('"') {
                Some(quote) if quote <= sentence_end + 1 => &summary[quote..],
                _ => &summary[sentence_end..],
            }
        }
    };
    let text = text.trim();
    let text = match text.strip_prefix('"') {
        Some(inner) => inner.strip_suffix('"').unwrap_or(inner),
        None => text,
    };
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::normalize::guidelines::GuidelineFamily;
    use crate::letter::text::normalize;

    const NOTICE: &str = "MAXIMUS FEDERAL SERVICES, INC. Notice of Independent Medical Review Determination Dated: 9/26/2013\n\
        IMR Case Number: CM13-0001234\nDate of Injury: 3/4/2011\n\n\
        1) MAXIMUS Federal Services, Inc. has determined the request for physical therapy 2x4 for\n\
        the lumbar spine is not medically necessary and appropriate.\n\
        2) MAXIMUS Federal Services, Inc. has determined the request for Norco 10/325mg #60 is medically necessary and appropriate.\n\n\
        INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE\n\
        An application for Independent Medical Review was filed on 7/15/2013 disputing the Utilization Review Denial dated 7/2/2013. \
        A Notice of Assignment and Request for Information was provided to the above parties on 8/1/2013.\n\n\
        Medical Qualifications of the Expert Reviewer:\n\
        The expert reviewer is Board Certified in Physical Medicine and Rehabilitation and is licensed to practice in California.\n\n\
        Expert Reviewer Case Summary:\n\
        Disclaimer: The following case summary was taken directly from the utilization review denial dated 7/2/2013.\n\
        \"The patient is a 45 year old male who injured his low back on 3/4/2011.\"\n\n\
        Expert Reviewer Medical Necessity Decision and Rationale:\n\
        1) Regarding the request for physical therapy 2x4 for the lumbar spine:\n\
        Medical Treatment Guideline(s) Relied Upon by the Claims Administrator:\n\
        MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine.\n\
        Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:\n\
        MTUS ACOEM Chapter 12, Low Back Complaints.\n\
        Rationale for the Decision:\n\
        Prior therapy brought no gains.\n\
        2) Regarding the request for Norco 10/325mg #60:\n\
        Medical Treatment Guideline(s) Relied Upon by the Claims Administrator: ODG, Pain.\n\
        Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer: MTUS Chronic Pain, Opioids.\n\
        Rationale for the Decision: Function improved on the medication.\n";

    #[test]
    fn reads_the_early_form() {
        let text = normalize(NOTICE);
        assert!(is_early_form(&text));
        let parts = parse(&text, Vocabulary::built_in(), 2026);
        assert_eq!(parts.header.case_number.as_deref(), Some("CM13-0001234"));
        assert_eq!(parts.header.decision_date, parse_date("9/26/2013", 2026));
        assert_eq!(
            parts.header.application_received,
            parse_date("7/15/2013", 2026)
        );
        assert_eq!(parts.header.ur_denial_date, parse_date("7/2/2013", 2026));
        assert_eq!(parts.header.date_assigned, parse_date("8/1/2013", 2026));
        assert_eq!(
            parts.qualifications.specialties,
            ["Physical Medicine & Rehabilitation"]
        );
        assert_eq!(
            parts.summary.as_deref(),
            Some("The patient is a 45 year old male who injured his low back on 3/4/2011.")
        );
        let decisions: Vec<_> = parts
            .decisions
            .iter()
            .map(|parsed| &parsed.decision)
            .collect();
        assert_eq!(decisions.len(), 2);
        assert_eq!(
            decisions[0].item,
            "physical therapy 2x4 for the lumbar spine"
        );
        assert_eq!(decisions[0].decision, Verdict::Upheld);
        assert_eq!(
            decisions[0].claims_guideline,
            Some(GuidelineFamily::MtusChronicPain)
        );
        assert_eq!(decisions[0].reviewer_guideline_chapter, Some(12));
        assert_eq!(
            decisions[0].rationale.as_deref(),
            Some("Prior therapy brought no gains.")
        );
        assert_eq!(decisions[1].item, "Norco 10/325mg #60");
        assert_eq!(decisions[1].decision, Verdict::Overturned);
        assert_eq!(
            decisions[1].reviewer_guideline,
            Some(GuidelineFamily::MtusChronicPain)
        );
        assert!(parts.decisions.iter().all(|parsed| parsed.has_rationale));
        let second = &parts.decisions[1].decision;
        assert_eq!(
            second.claims_guideline,
            Some(GuidelineFamily::Odg),
            "across a page break"
        );
    }

    #[test]
    fn blocks_without_regarding_lines_pair_in_order() {
        let text = normalize(
            &NOTICE
                .replace(
                    "1) Regarding the request for physical therapy 2x4 for the lumbar spine:\n",
                    "",
                )
                .replace("2) Regarding the request for Norco 10/325mg #60:\n", ""),
        );
        let parts = parse(&text, Vocabulary::built_in(), 2026);
        assert_eq!(parts.decisions.len(), 2);
        assert_eq!(
            parts.decisions[1].decision.rationale.as_deref(),
            Some("Function improved on the medication.")
        );
    }

    #[test]
    fn blocks_right_after_the_summary_and_wrapped_labels_are_read() {
        let text = NOTICE
            .replace(
                "Expert Reviewer Medical Necessity Decision and Rationale:\n",
                "",
            )
            .replace(
                "Relied Upon by the Claims Administrator:\nMTUS Chronic",
                "Relied Upon by the Claims\nAdministrator:\nMTUS Chronic",
            )
            .replace(
                "Relied Upon by the Claims Administrator: ODG",
                "Relied Upon by the Claims\n\u{c}Page 2 of 3\n\nAdministrator: ODG",
            );
        let parts = parse(&normalize(&text), Vocabulary::built_in(), 2026);
        assert_eq!(
            parts.summary.as_deref(),
            Some("The patient is a 45 year old male who injured his low back on 3/4/2011.")
        );
        let first = &parts.decisions[0].decision;
        assert_eq!(
            first.claims_guideline,
            Some(GuidelineFamily::MtusChronicPain)
        );
        assert_eq!(first.reviewer_guideline, Some(GuidelineFamily::MtusAcoem));
        assert_eq!(
            first.rationale.as_deref(),
            Some("Prior therapy brought no gains.")
        );
        assert!(parts.decisions.iter().all(|parsed| parsed.has_rationale));
        let second = &parts.decisions[1].decision;
        assert_eq!(
            second.claims_guideline,
            Some(GuidelineFamily::Odg),
            "across a page break"
        );
    }

    #[test]
    fn the_disclaimer_goes_and_only_the_quotes_around_the_summary() {
        let disclaimer = "Disclaimer: The following case summary was taken directly from the \
                          utilization review denial dated 7/2/2013.";
        let rows = [
            (
                format!("{disclaimer} \"The patient is 45. He fell.\""),
                "The patient is 45. He fell.",
            ),
            (
                format!("{disclaimer} The pain is \"constant and aching\" at rest."),
                "The pain is \"constant and aching\" at rest.",
            ),
            (
                "Disclaimer: taken from the UR: \"The patient fell.\"".to_string(),
                "The patient fell.",
            ),
            (
                "The patient is a 45 year old male.".to_string(),
                "The patient is a 45 year old male.",
            ),
        ];
        for (summary, expected) in rows {
            assert_eq!(
                without_disclaimer(&summary).as_deref(),
                Some(expected),
                "{summary}"
            );
        }
    }
}
