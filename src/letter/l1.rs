//! Layout L1 (2014 on): an optional header block of labelled fields, then the sections
//! HOW THE IMR FINAL DETERMINATION WAS MADE, CLINICAL CASE SUMMARY and IMR ISSUES,
//! DECISIONS AND RATIONALES, where each disputed item is a line `<ITEM>:  Upheld` followed
//! by its guideline and rationale labels.

use super::dates::{parse_date, DATE_PATTERN};
use super::normalize::categories::category_of;
use super::normalize::guidelines::{classify, GuidelineFamily};
use super::normalize::specialties::canonical_specialty;
use super::text::{collapse_whitespace, drop_repeated_case_numbers};
use super::{ends_mid_sentence, letter_year, summary, Decision, Layout, Letter, Priority, Verdict};
use regex::Regex;
use std::sync::LazyLock;

/// The sections of an L1 letter, each found by its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Heading {
    HowMade,
    CaseSummary,
    Issues,
}

const HEADINGS: &[(&str, Heading)] = &[
    (
        r"HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE",
        Heading::HowMade,
    ),
    (r"CLINICAL\s+CASE\s+SUMMARY", Heading::CaseSummary),
    (
        r"IMR\s+ISSUES\s*,?\s*DECISIONS\s*,?\s*AND\s+RATIONALES?",
        Heading::Issues,
    ),
];

static HEADING_LINES: LazyLock<Vec<(Regex, Heading)>> = LazyLock::new(|| {
    HEADINGS
        .iter()
        .map(|&(pattern, heading)| {
            let regex = Regex::new(&format!(r"(?im)^[ \t]*{pattern}[ \t]*:?[ \t]*$"))
                .expect("L1 heading regexes are valid");
            (regex, heading)
        })
        .collect()
});

/// Header labels and the regex of the value each takes.
static HEADER_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(Case\s+Number|Date\s+Assigned|Date\s+of\s+Injury|Decision\s+Date|UR\s+Denial\s+Date|Application\s+Received|Priority)\s*:\s*(CM\d{{2}}-\d{{4,8}}|{DATE_PATTERN}|Standard|Expedited)"
    ))
    .expect("header field regex is valid")
});

static SUMMARY_BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^The expert reviewer developed the following clinical case summary based on a review of the case file,? including all medical records\s*:?\s*")
        .expect("summary boilerplate regex is valid")
});

static SPECIALTY_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)Board\s+Certified\s+in\s+(.+?)(?:\s+and\s+is\s+(?:currently\s+)?licensed|\s+and\s+licensed|\.\s|\.$)")
        .expect("specialty sentence regex is valid")
});

static SPECIALTY_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i),?\s*(?:and\s+)?(?:has\s+a\s+|with\s+(?:a\s+)?)sub-?specialty\s+in\s+|\s*[;,]\s*",
    )
    .expect("specialty separator regex is valid")
});

static DECISION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(.+):\s*(upheld|overturned)[\s.]*$").expect("decision line regex is valid")
});

/// The labels that follow an item line, in the order they appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    ClaimsGuideline,
    ReviewerGuideline,
    Rationale,
}

static LABEL_LINE: LazyLock<Vec<(Regex, Label)>> = LazyLock::new(|| {
    [
        (
            r"Claims\s+Administrator\s+guidelines?",
            Label::ClaimsGuideline,
        ),
        (r"MAXIMUS\s+guidelines?", Label::ReviewerGuideline),
        (r"Decision\s+rationale", Label::Rationale),
    ]
    .into_iter()
    .map(|(pattern, label)| {
        let regex =
            Regex::new(&format!(r"(?i)^\s*{pattern}\s*:\s*")).expect("L1 label regexes are valid");
        (regex, label)
    })
    .collect()
});

/// Parses a normalised L1 letter.
pub fn parse(text: &str, current_year: i32) -> Letter {
    let sections = Sections::find(text);
    let header = Header::parse(sections.header, current_year);
    let summary_text = sections
        .case_summary
        .map(summary_text)
        .filter(|s| !s.is_empty());
    let pivot_year = letter_year(
        &[
            header.decision_date,
            header.date_assigned,
            header.application_received,
            header.ur_denial_date,
        ],
        header.case_number.as_deref(),
        current_year,
    );
    let summary_str = summary_text.as_deref().unwrap_or_default();
    let decisions = sections.issues.map(parse_decisions).unwrap_or_default();
    let truncated = sections.issues.is_none()
        || decisions.is_empty()
        || decisions.iter().any(|parsed| !parsed.has_rationale)
        || ends_mid_sentence(text);
    Letter {
        layout: Layout::L1,
        date_of_injury: header
            .date_of_injury
            .or_else(|| summary::date_of_injury(summary_str, pivot_year)),
        case_number: header.case_number,
        date_assigned: header.date_assigned,
        decision_date: header.decision_date,
        ur_denial_date: header.ur_denial_date,
        application_received: header.application_received,
        priority: header.priority,
        age: summary::age(summary_str),
        sex: summary::sex(summary_str),
        reviewer_specialties: sections.how_made.map(specialties).unwrap_or_default(),
        body_parts: summary::body_parts(summary_str),
        diagnoses: summary::diagnoses(summary_str),
        summary: summary_text,
        truncated,
        decisions: decisions
            .into_iter()
            .map(|parsed| parsed.decision)
            .collect(),
    }
}

/// The text before the first heading and the body of each section.
#[derive(Debug, Default)]
struct Sections<'a> {
    header: &'a str,
    how_made: Option<&'a str>,
    case_summary: Option<&'a str>,
    issues: Option<&'a str>,
}

impl<'a> Sections<'a> {
    fn find(text: &'a str) -> Sections<'a> {
        let mut found: Vec<(usize, usize, Heading)> = HEADING_LINES
            .iter()
            .filter_map(|(regex, heading)| {
                regex
                    .find(text)
                    .map(|line| (line.start(), line.end(), *heading))
            })
            .collect();
        found.sort_by_key(|&(start, _, _)| start);
        let mut sections = Sections {
            header: &text[..found.first().map_or(text.len(), |&(start, _, _)| start)],
            ..Sections::default()
        };
        for (index, &(_, body_start, heading)) in found.iter().enumerate() {
            let body_end = found
                .get(index + 1)
                .map_or(text.len(), |&(start, _, _)| start);
            let body = &text[body_start..body_end];
            match heading {
                Heading::HowMade => sections.how_made = Some(body),
                Heading::CaseSummary => sections.case_summary = Some(body),
                Heading::Issues => sections.issues = Some(body),
            }
        }
        sections
    }
}

/// The labelled fields of the header block.
#[derive(Debug, Default)]
struct Header {
    case_number: Option<String>,
    date_assigned: Option<chrono::NaiveDate>,
    date_of_injury: Option<chrono::NaiveDate>,
    decision_date: Option<chrono::NaiveDate>,
    ur_denial_date: Option<chrono::NaiveDate>,
    application_received: Option<chrono::NaiveDate>,
    priority: Option<Priority>,
}

impl Header {
    fn parse(header: &str, current_year: i32) -> Header {
        let mut fields = Header::default();
        for caps in HEADER_FIELD.captures_iter(header) {
            let label = collapse_whitespace(&caps[1]).to_ascii_lowercase();
            let value = &caps[2];
            let date = || parse_date(value, current_year);
            match label.as_str() {
                "case number" => fields.case_number = Some(value.to_ascii_uppercase()),
                "date assigned" => fields.date_assigned = date(),
                "date of injury" => fields.date_of_injury = date(),
                "decision date" => fields.decision_date = date(),
                "ur denial date" => fields.ur_denial_date = date(),
                "application received" => fields.application_received = date(),
                _ => {
                    fields.priority = match value.to_ascii_lowercase().as_str() {
                        "standard" => Some(Priority::Standard),
                        "expedited" => Some(Priority::Expedited),
                        _ => None,
                    }
                }
            }
        }
        fields
    }
}

fn summary_text(section: &str) -> String {
    let collapsed = collapse_whitespace(&drop_repeated_case_numbers(section));
    SUMMARY_BOILERPLATE.replace(&collapsed, "").into_owned()
}

fn specialties(how_made: &str) -> Vec<String> {
    let collapsed = collapse_whitespace(how_made);
    let Some(caps) = SPECIALTY_SENTENCE.captures(&collapsed) else {
        return Vec::new();
    };
    let mut specialties: Vec<String> = Vec::new();
    for written in SPECIALTY_SEPARATOR.split(&caps[1]) {
        let written = written.trim();
        if written.is_empty() {
            continue;
        }
        let canonical = canonical_specialty(written);
        if !specialties.contains(&canonical) {
            specialties.push(canonical);
        }
    }
    specialties
}

/// A decision and whether its rationale label was found.
struct ParsedDecision {
    decision: Decision,
    has_rationale: bool,
}

/// Text gathered after one item line, label by label.
struct ItemBlock {
    item: String,
    verdict: Verdict,
    claims_guideline: Option<String>,
    reviewer_guideline: Option<String>,
    rationale: Option<String>,
    /// The label whose text is being gathered; its text is complete once another label or
    /// item line follows it.
    open: Option<Label>,
}

impl ItemBlock {
    fn text_of(&mut self, label: Label) -> &mut Option<String> {
        match label {
            Label::ClaimsGuideline => &mut self.claims_guideline,
            Label::ReviewerGuideline => &mut self.reviewer_guideline,
            Label::Rationale => &mut self.rationale,
        }
    }

    fn append(&mut self, line: &str) {
        if let Some(label) = self.open {
            let text = self.text_of(label).get_or_insert_with(String::new);
            text.push('\n');
            text.push_str(line);
        }
    }

    /// Finishes the block. `cut_off` says the text ended inside the open label, so a
    /// guideline being gathered there is incomplete.
    fn finish(mut self, cut_off: bool) -> ParsedDecision {
        if cut_off {
            match self.open {
                Some(Label::ClaimsGuideline) => self.claims_guideline = None,
                Some(Label::ReviewerGuideline) => self.reviewer_guideline = None,
                _ => {}
            }
        }
        let claims = self.claims_guideline.as_deref().map(collapse_whitespace);
        let reviewer = self
            .reviewer_guideline
            .as_deref()
            .map(collapse_whitespace)
            .and_then(|citation| classify(&citation));
        let rationale = self
            .rationale
            .as_deref()
            .map(collapse_whitespace)
            .filter(|text| !text.is_empty());
        ParsedDecision {
            has_rationale: self.rationale.is_some(),
            decision: Decision {
                category: category_of(&self.item),
                item: self.item,
                decision: self.verdict,
                claims_guideline: claims
                    .and_then(|citation| classify(&citation))
                    .map(|guideline| guideline.family),
                reviewer_guideline: reviewer.map(|guideline| guideline.family),
                reviewer_guideline_chapter: reviewer
                    .filter(|guideline| guideline.family == GuidelineFamily::MtusAcoem)
                    .and_then(|guideline| guideline.chapter),
                rationale,
            },
        }
    }
}

fn parse_decisions(issues: &str) -> Vec<ParsedDecision> {
    let issues = drop_repeated_case_numbers(issues);
    let mut decisions = Vec::new();
    let mut block: Option<ItemBlock> = None;
    for line in issues.lines() {
        if let Some((label, rest)) = label_line(line) {
            if let Some(block) = block.as_mut() {
                block.open = Some(label);
                *block.text_of(label) = Some(rest.to_string());
            }
        } else if let Some(caps) = DECISION_LINE.captures(line) {
            if let Some(done) = block.take() {
                decisions.push(done.finish(false));
            }
            let verdict = if caps[2].eq_ignore_ascii_case("upheld") {
                Verdict::Upheld
            } else {
                Verdict::Overturned
            };
            block = Some(ItemBlock {
                item: collapse_whitespace(&caps[1]),
                verdict,
                claims_guideline: None,
                reviewer_guideline: None,
                rationale: None,
                open: None,
            });
        } else if let Some(block) = block.as_mut() {
            block.append(line);
        }
    }
    if let Some(done) = block {
        decisions.push(done.finish(true));
    }
    decisions
}

fn label_line(line: &str) -> Option<(Label, &str)> {
    LABEL_LINE
        .iter()
        .find_map(|(regex, label)| regex.find(line).map(|found| (*label, &line[found.end()..])))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::normalize::categories::Category;
    use crate::letter::text::normalize;
    use chrono::NaiveDate;

    const SEED: &str = include_str!("../../sample-data/l1-cervical-esi.txt");

    #[test]
    fn parses_the_seed_letter() {
        let letter = parse(&normalize(SEED), 2026);
        assert_eq!(letter.age, Some(48));
        assert_eq!(letter.sex, Some(super::super::Sex::Female));
        assert_eq!(letter.date_of_injury, NaiveDate::from_ymd_opt(2013, 10, 2));
        assert_eq!(letter.reviewer_specialties, vec!["Family Practice"]);
        assert_eq!(letter.case_number, None);
        assert!(!letter.truncated);
        assert_eq!(letter.decisions.len(), 1);
        let decision = &letter.decisions[0];
        assert_eq!(
            decision.item,
            "CERVICAL EPIDURAL STEROID INJECTIN AT LEVEL C6-C7"
        );
        assert_eq!(decision.category, Category::Injection);
        assert_eq!(decision.decision, Verdict::Upheld);
        assert_eq!(decision.claims_guideline, Some(GuidelineFamily::Other));
        assert_eq!(
            decision.reviewer_guideline,
            Some(GuidelineFamily::MtusAcoem)
        );
        assert_eq!(decision.reviewer_guideline_chapter, Some(8));
    }

    #[test]
    fn reads_a_two_column_header() {
        let header = "Case Number:  CM14-0104321    Date Assigned:  07/30/2014\n\
                      Date of Injury:  03/11/2012    Decision Date:  September 4, 2014\n\
                      UR Denial Date: 07/15/2014     Priority:  Expedited\n\
                      Application Received:  07/21/2014\n";
        let fields = Header::parse(header, 2026);
        assert_eq!(fields.case_number.as_deref(), Some("CM14-0104321"));
        assert_eq!(fields.date_assigned, NaiveDate::from_ymd_opt(2014, 7, 30));
        assert_eq!(fields.date_of_injury, NaiveDate::from_ymd_opt(2012, 3, 11));
        assert_eq!(fields.decision_date, NaiveDate::from_ymd_opt(2014, 9, 4));
        assert_eq!(fields.ur_denial_date, NaiveDate::from_ymd_opt(2014, 7, 15));
        assert_eq!(
            fields.application_received,
            NaiveDate::from_ymd_opt(2014, 7, 21)
        );
        assert_eq!(fields.priority, Some(Priority::Expedited));
    }

    #[test]
    fn reads_specialty_sentences() {
        let rows: &[(&str, &[&str])] = &[
            ("The expert reviewer is Board Certified in Family Practice and is licensed to practice in California.", &["Family Practice"]),
            ("The expert reviewer is Board Certified in Anesthesiology, has a subspecialty in Pain Medicine and is licensed to practice in California.", &["Anesthesiology", "Pain Medicine"]),
            ("The expert reviewer is Board Certified in Physical Medicine and Rehabilitation with subspecialty in Pain Management and is licensed", &["Physical Medicine & Rehabilitation", "Pain Medicine"]),
            ("The expert reviewer is Board Certified in Orthopaedic Surgery; Sports Medicine and is licensed", &["Orthopedic Surgery", "Sports Medicine"]),
            ("No specialty is named here.", &[]),
        ];
        for (text, expected) in rows {
            assert_eq!(specialties(text), *expected, "{text}");
        }
    }

    #[test]
    fn the_decision_is_the_word_after_the_last_colon() {
        let issues = "Compound: Flurbiprofen 20% cream (DOS: 05/12/2014):  Overturned\n\
                      Decision rationale: Topical NSAIDs are recommended.\n";
        let decisions = parse_decisions(issues);
        assert_eq!(decisions.len(), 1);
        assert_eq!(
            decisions[0].decision.item,
            "Compound: Flurbiprofen 20% cream (DOS: 05/12/2014)"
        );
        assert_eq!(decisions[0].decision.decision, Verdict::Overturned);
    }

    #[test]
    fn a_guideline_cut_off_by_truncation_is_null() {
        let issues = "MRI of the knee:  Upheld\n\
                      Claims Administrator guideline: Decision based on ODG Knee chapter\n\
                      MAXIMUS guideline: Decision based on MTUS ACOEM Chap";
        let decisions = parse_decisions(issues);
        assert_eq!(
            decisions[0].decision.claims_guideline,
            Some(GuidelineFamily::Odg)
        );
        assert_eq!(decisions[0].decision.reviewer_guideline, None);
        assert!(!decisions[0].has_rationale);
    }

    #[test]
    fn a_letter_cut_mid_sentence_is_truncated() {
        let text = normalize(
            "CLINICAL CASE SUMMARY\nThis 40 year old male was injured.\n\
             IMR ISSUES, DECISIONS AND RATIONALES\nPT 2x6:  Upheld\n\
             Decision rationale: The guidelines recommend",
        );
        let letter = parse(&text, 2026);
        assert!(letter.truncated);
        assert_eq!(letter.decisions.len(), 1);
        assert_eq!(
            letter.decisions[0].rationale.as_deref(),
            Some("The guidelines recommend")
        );
    }
}
