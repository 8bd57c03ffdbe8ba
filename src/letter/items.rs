//! The text that follows a disputed item, gathered label by label (the claims
//! administrator's guideline, the reviewer's guideline, the rationale), and turned into a
//! [`Decision`] with its normalised values. L1 and L2 label these differently; both feed
//! their lines through an [`ItemBlock`].

use super::normalize::categories::category_of;
use super::normalize::guidelines::{classify, GuidelineFamily};
use super::text::collapse_whitespace;
use super::{Decision, Verdict};
use regex::Regex;
use std::sync::LazyLock;

/// What a label introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// The guideline the claims administrator cited.
    ClaimsGuideline,
    /// The guideline the reviewer relied on.
    ReviewerGuideline,
    /// The reviewer's rationale.
    Rationale,
}

/// A compiled table of label patterns that start a line.
pub struct Labels {
    lines: Vec<(Regex, Label)>,
}

impl Labels {
    /// Compiles `(pattern, label)` rows; each pattern is followed by a colon in the text.
    pub fn new(rows: &[(&str, Label)]) -> Labels {
        let lines = rows
            .iter()
            .map(|&(pattern, label)| {
                let regex = Regex::new(&format!(r"(?i)^\s*(?:{pattern})\s*:\s*"))
                    .unwrap_or_else(|error| panic!("label pattern {pattern:?}: {error}"));
                (regex, label)
            })
            .collect();
        Labels { lines }
    }

    /// The label a line starts with, and the rest of the line.
    pub fn find<'a>(&self, line: &'a str) -> Option<(Label, &'a str)> {
        if !line.contains(':') {
            return None;
        }
        self.lines
            .iter()
            .find_map(|(regex, label)| regex.find(line).map(|found| (*label, &line[found.end()..])))
    }
}

static LIST_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\d{1,2}\s*[.)]\s+").expect("list number regex is valid"));

/// An item as written: whitespace collapsed, without its list number.
pub fn item_text(written: &str) -> String {
    collapse_whitespace(&LIST_NUMBER.replace(written, ""))
}

/// A decision and whether its rationale was found.
pub struct ParsedDecision {
    /// The decision.
    pub decision: Decision,
    /// The rationale label was there (a letter cut before it is truncated).
    pub has_rationale: bool,
}

/// The text gathered after one item, label by label.
pub struct ItemBlock {
    item: String,
    verdict: Verdict,
    claims_guideline: Option<String>,
    reviewer_guideline: Option<String>,
    rationale: Option<String>,
    /// The label whose text is being gathered; it is complete once something follows it.
    open: Option<Label>,
}

impl ItemBlock {
    /// A block for an item and its decision.
    pub fn new(item: String, verdict: Verdict) -> ItemBlock {
        ItemBlock {
            item,
            verdict,
            claims_guideline: None,
            reviewer_guideline: None,
            rationale: None,
            open: None,
        }
    }

    /// Starts gathering the text of `label`, beginning with `rest` of its line.
    pub fn start(&mut self, label: Label, rest: &str) {
        self.open = Some(label);
        *self.text_of(label) = Some(rest.to_string());
    }

    /// Adds a line to the text of the open label (lines before any label are dropped).
    pub fn append(&mut self, line: &str) {
        if let Some(label) = self.open {
            let text = self.text_of(label).get_or_insert_with(String::new);
            text.push('\n');
            text.push_str(line);
        }
    }

    fn text_of(&mut self, label: Label) -> &mut Option<String> {
        match label {
            Label::ClaimsGuideline => &mut self.claims_guideline,
            Label::ReviewerGuideline => &mut self.reviewer_guideline,
            Label::Rationale => &mut self.rationale,
        }
    }

    /// Finishes the block. `cut_off` says the text ended inside the open label, so a
    /// guideline being gathered there is incomplete and left out.
    pub fn finish(mut self, cut_off: bool) -> ParsedDecision {
        if cut_off {
            match self.open {
                Some(Label::ClaimsGuideline) => self.claims_guideline = None,
                Some(Label::ReviewerGuideline) => self.reviewer_guideline = None,
                _ => {}
            }
        }
        ParsedDecision {
            has_rationale: self.rationale.is_some(),
            decision: decision(
                &self.item,
                self.verdict,
                self.claims_guideline.as_deref(),
                self.reviewer_guideline.as_deref(),
                self.rationale.as_deref(),
            ),
        }
    }
}

/// An item found at the start of some lines: its text, its verdict, and how many lines it
/// took.
pub type ItemStart = (String, Verdict, usize);

/// Reads a section of items: `item_at` recognises an item starting at a line; each label
/// line after it starts that label's text, and other lines continue the open label.
pub fn gather_decisions(
    section: &str,
    labels: &Labels,
    item_at: impl Fn(&[&str]) -> Option<ItemStart>,
) -> Vec<ParsedDecision> {
    let lines: Vec<&str> = section.lines().collect();
    let mut decisions = Vec::new();
    let mut block: Option<ItemBlock> = None;
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        let mut used = 1;
        if let Some((label, rest)) = labels.find(line) {
            if let Some(block) = block.as_mut() {
                block.start(label, rest);
            }
        } else if let Some((item, verdict, item_lines)) = item_at(&lines[index..]) {
            decisions.extend(block.take().map(|done| done.finish(false)));
            block = Some(ItemBlock::new(item, verdict));
            used = item_lines;
        } else if let Some(block) = block.as_mut() {
            block.append(line);
        }
        index += used;
    }
    decisions.extend(block.map(|last| last.finish(true)));
    decisions
}

/// A decision from its raw parts: the guideline citations are classified, texts collapsed.
pub fn decision(
    item: &str,
    verdict: Verdict,
    claims_citation: Option<&str>,
    reviewer_citation: Option<&str>,
    rationale: Option<&str>,
) -> Decision {
    let classify_text = |text: &str| classify(&collapse_whitespace(text));
    let reviewer = reviewer_citation.and_then(classify_text);
    Decision {
        item: item.to_string(),
        category: category_of(item),
        decision: verdict,
        claims_guideline: claims_citation
            .and_then(classify_text)
            .map(|guideline| guideline.family),
        reviewer_guideline: reviewer.map(|guideline| guideline.family),
        reviewer_guideline_chapter: reviewer
            .filter(|guideline| guideline.family == GuidelineFamily::MtusAcoem)
            .and_then(|guideline| guideline.chapter),
        rationale: rationale
            .map(collapse_whitespace)
            .filter(|text| !text.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_lose_their_list_number_only() {
        let rows = [
            ("1. Norco 10/325mg #120", "Norco 10/325mg #120"),
            ("  2)  MRI of the  knee", "MRI of the knee"),
            (
                "12 sessions of physical therapy",
                "12 sessions of physical therapy",
            ),
            ("3.5 mg patch", "3.5 mg patch"),
        ];
        for (written, expected) in rows {
            assert_eq!(item_text(written), expected, "{written}");
        }
    }

    #[test]
    fn a_guideline_cut_off_is_left_out() {
        let mut block = ItemBlock::new("MRI of the knee".to_string(), Verdict::Upheld);
        block.start(Label::ClaimsGuideline, "Decision based on ODG Knee chapter");
        block.start(
            Label::ReviewerGuideline,
            "Decision based on MTUS ACOEM Chap",
        );
        let parsed = block.finish(true);
        assert_eq!(parsed.decision.claims_guideline, Some(GuidelineFamily::Odg));
        assert_eq!(parsed.decision.reviewer_guideline, None);
        assert!(!parsed.has_rationale);
    }
}
