//! The text that follows a disputed item, gathered label by label (the claims
//! administrator's guideline, the reviewer's guideline, the rationale), and turned into a
//! [`Decision`] with its normalised values. L1 and L2 label these differently; both feed
//! their lines through an [`ItemBlock`].

use super::normalize::categories::category_of;
use super::normalize::guidelines::{classify, GuidelineFamily};
use super::text::collapse_whitespace;
use super::vocabulary::Vocabulary;
use super::{Decision, Verdict, UNREAD_TEXT_CHARS};
use regex::Regex;
use serde::Deserialize;
use std::sync::LazyLock;

/// What a label introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// The guideline the claims administrator cited.
    ClaimsGuideline,
    /// The guideline the reviewer relied on.
    ReviewerGuideline,
    /// The reviewer's rationale.
    Rationale,
}

/// Blank lines a page break may leave inside a wrapped label.
const MAX_BLANK_LINES_IN_A_LABEL: usize = 4;

/// A compiled table of label patterns that start a line.
#[derive(Debug)]
pub struct Labels {
    lines: Vec<(Regex, Label)>,
}

impl Labels {
    /// Compiles `(pattern, label)` rows; each pattern is followed by a colon in the text.
    pub fn new(rows: &[(String, Label)]) -> Result<Labels, regex::Error> {
        let lines = rows
            .iter()
            .map(|(pattern, label)| {
                Ok((
                    Regex::new(&format!(r"(?i)^\s*(?:{pattern})\s*:\s*"))?,
                    *label,
                ))
            })
            .collect::<Result<_, regex::Error>>()?;
        Ok(Labels { lines })
    }

    /// The label that starts `lines[0]`, also when its words wrap onto a following line
    /// ("...Relied Upon by the Claims" / "Administrator: ..."), across the blank lines a
    /// page break leaves: the label, the rest of its line, and the lines it took.
    pub fn find_at(&self, lines: &[&str]) -> (Option<(Label, String)>, usize) {
        let Some(&first) = lines.first() else {
            return (None, 1);
        };
        if let Some((label, rest)) = self.find(first) {
            return (Some((label, rest.to_string())), 1);
        }
        if first.contains(':') || first.trim().is_empty() {
            return (None, 1);
        }
        let next = lines
            .iter()
            .enumerate()
            .skip(1)
            .take(MAX_BLANK_LINES_IN_A_LABEL + 1)
            .find(|(_, line)| !line.trim().is_empty());
        if let Some((at, next)) = next {
            let joined = format!("{} {}", first.trim_end(), next.trim_start());
            if let Some((label, rest)) = self.find(&joined) {
                return (Some((label, rest.to_string())), at + 1);
            }
        }
        (None, 1)
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

/// A list number, and the early 2013 form's "MAXIMUS Federal Services, Inc. has
/// determined the request for" that stands before its items.
static ITEM_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:\d{1,2}\s*[.)]\s+)?(?:MAXIMUS\s+Federal\s+Services\s*,?\s*(?:Inc\.?)?\s*)?(?:has\s+determined\s+(?:that\s+)?the\s+(?:request\s+for|requested)\s+|regarding\s+the\s+request\s+for\s+)?")
        .expect("item prefix regex is valid")
});

/// The word families of a decision: "Upheld"/"Overturned" (also split or run together
/// by PDF extraction: "Up held"), "UPHOLD"/"OVERTURN", and "is (not) medically necessary".
pub const VERDICT_WORD: &str = r"up\s*held|uphold|over\s*turned|overturn";

/// How each word of [`VERDICT_WORD`] ends: a line that ends with none of these (before
/// trailing spaces and periods) holds no decision at its end, and skips the regex.
pub const VERDICT_WORD_ENDINGS: &[&str] = &["held", "uphold", "turned", "overturn"];

/// How [`NECESSITY_PHRASE`] ends, likewise.
pub const NECESSITY_PHRASE_ENDINGS: &[&str] = &["necessary", "appropriate"];

/// "is not medically necessary" (upheld) or "is medically necessary" (overturned), as a
/// regex fragment whose group `not` is set for upheld; "notmedically" counts.
pub const NECESSITY_PHRASE: &str =
    r"\b(?:is|are|was|were)\s*(?P<not>not\s*)?medically\s*necessary(?:\s*and\s*appropriate)?";

static DECISION_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:{VERDICT_WORD})\b|medically\s*necessary"
    ))
    .expect("decision-like regex is valid")
});

/// An item as written: whitespace collapsed, without its list number (or the early 2013
/// form's opening words).
pub fn item_text(written: &str) -> String {
    collapse_whitespace(&ITEM_PREFIX.replace(written, ""))
}

/// A line of `text` that reads like a decision, for letters in which none was parsed.
pub fn decision_like_line(text: &str) -> Option<String> {
    text.lines()
        .find(|line| DECISION_LIKE.is_match(line))
        .map(|line| {
            collapse_whitespace(line)
                .chars()
                .take(UNREAD_TEXT_CHARS)
                .collect()
        })
}

/// Whether `verdict_word` (a match of [`VERDICT_WORD`]) upholds the denial.
pub fn verdict_of_word(verdict_word: &str) -> Verdict {
    if verdict_word.to_ascii_lowercase().starts_with("up") {
        Verdict::Upheld
    } else {
        Verdict::Overturned
    }
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

    /// Whether any label has been started.
    pub fn has_labels(&self) -> bool {
        self.open.is_some()
    }

    /// Finishes the block. `cut_off` says the text ended inside the open label, so a
    /// guideline being gathered there is incomplete and left out.
    pub fn finish(mut self, vocabulary: &Vocabulary, cut_off: bool) -> ParsedDecision {
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
                vocabulary,
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
    vocabulary: &Vocabulary,
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
            decisions.extend(block.take().map(|done| done.finish(vocabulary, false)));
            block = Some(ItemBlock::new(item, verdict));
            used = item_lines;
        } else if let Some(block) = block.as_mut() {
            block.append(line);
        }
        index += used;
    }
    decisions.extend(block.map(|last| last.finish(vocabulary, true)));
    decisions
}

/// A decision from its raw parts: the guideline citations are classified, texts collapsed.
pub fn decision(
    vocabulary: &Vocabulary,
    item: &str,
    verdict: Verdict,
    claims_citation: Option<&str>,
    reviewer_citation: Option<&str>,
    rationale: Option<&str>,
) -> Decision {
    let classify_text = |text: &str| classify(vocabulary, &collapse_whitespace(text));
    let reviewer = reviewer_citation.and_then(classify_text);
    Decision {
        item: item.to_string(),
        category: category_of(vocabulary, item, reviewer_citation, rationale),
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
    fn the_cheap_tests_know_how_every_verdict_wording_ends() {
        for word in VERDICT_WORD.split('|') {
            let plain = word.replace(r"\s*", "");
            assert!(
                VERDICT_WORD_ENDINGS
                    .iter()
                    .any(|ending| plain.ends_with(ending)),
                "{word} ends with none of {VERDICT_WORD_ENDINGS:?}"
            );
        }
        assert!(
            NECESSITY_PHRASE.ends_with(r"necessary(?:\s*and\s*appropriate)?"),
            "NECESSITY_PHRASE_ENDINGS must list how {NECESSITY_PHRASE} ends"
        );
    }

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
            (
                "1) MAXIMUS Federal Services, Inc. has determined the request for MRI of the knee",
                "MRI of the knee",
            ),
            ("2. Regarding the request for Norco", "Norco"),
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
        let parsed = block.finish(Vocabulary::built_in(), true);
        assert_eq!(parsed.decision.claims_guideline, Some(GuidelineFamily::Odg));
        assert_eq!(parsed.decision.reviewer_guideline, None);
        assert!(!parsed.has_rationale);
    }
}
