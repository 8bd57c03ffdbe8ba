//! Pure parsing of IMR determination letters: text in, [`Letter`] out. No I/O, no
//! printing, no tantivy. `parse` recognises the layout and hands the text to that
//! layout's parser; the normalisation tables decide every canonical value.

pub mod dates;
pub mod header;
pub mod items;
pub mod layout;
mod literal;
pub mod normalize;
pub mod reviewer;
pub mod sections;
pub mod summary;
pub mod text;

pub mod vocabulary;

mod l1;
mod l2;
mod l2_early;
mod l3;

pub use layout::Layout;
pub use normalize::body_parts::BodyPart;
pub use normalize::categories::Category;
pub use normalize::guidelines::GuidelineFamily;
pub use vocabulary::Vocabulary;

use chrono::NaiveDate;
use serde::Serialize;

/// The worker's sex as the case summary states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    /// Female.
    Female,
    /// Male.
    Male,
}

/// Standard or expedited review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// Standard review.
    Standard,
    /// Expedited review.
    Expedited,
}

/// The outcome of one disputed item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The denial stands.
    Upheld,
    /// The denial is reversed: the treatment is to be provided.
    Overturned,
}

/// One parsed letter. Field names are the index's and the JSON output's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Letter {
    /// The layout it was parsed as.
    pub layout: Layout,
    /// The IMR case number (CM13-0012345).
    pub case_number: Option<String>,
    /// Header: date the case was assigned to the reviewer.
    pub date_assigned: Option<NaiveDate>,
    /// Header: date of the final determination.
    pub decision_date: Option<NaiveDate>,
    /// Date of the work injury.
    pub date_of_injury: Option<NaiveDate>,
    /// Header: date of the utilization review denial.
    pub ur_denial_date: Option<NaiveDate>,
    /// Header: date the IMR application was received.
    pub application_received: Option<NaiveDate>,
    /// Header: standard or expedited.
    pub priority: Option<Priority>,
    /// The worker's age.
    pub age: Option<u32>,
    /// The worker's sex.
    pub sex: Option<Sex>,
    /// The reviewer's specialties, canonical names.
    pub reviewer_specialties: Vec<String>,
    /// Body parts of the injury statement.
    pub body_parts: Vec<BodyPart>,
    /// Diagnoses as written.
    pub diagnoses: Vec<String>,
    /// The clinical case summary.
    pub summary: Option<String>,
    /// The letter was cut off; what survived is kept.
    pub truncated: bool,
    /// One entry per disputed item.
    pub decisions: Vec<Decision>,
    /// What the parser saw but could not read; empty for most letters.
    #[serde(skip_serializing_if = "Unread::is_empty")]
    pub unread: Unread,
}

/// How much of a text the parser could not place is kept for the report.
pub const UNREAD_TEXT_CHARS: usize = 300;

/// Text a letter states that the parser could not place, so it can be reported.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Unread {
    /// The reviewer's qualification sentence, when it names no known specialty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualification: Option<String>,
    /// A line that reads like a decision, when no decision was parsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_line: Option<String>,
    /// Items no cue placed in a category: `other` by default, not by a rule.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
}

impl Unread {
    /// Whether nothing was left unread.
    pub fn is_empty(&self) -> bool {
        self.qualification.is_none() && self.decision_line.is_none() && self.items.is_empty()
    }
}

/// One disputed item and its decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    /// The item as written.
    pub item: String,
    /// What kind of treatment it is.
    pub category: Category,
    /// Upheld or overturned.
    pub decision: Verdict,
    /// The family of guideline the claims administrator cited.
    pub claims_guideline: Option<GuidelineFamily>,
    /// The family of guideline the reviewer relied on.
    pub reviewer_guideline: Option<GuidelineFamily>,
    /// The ACOEM chapter, when the reviewer relied on MTUS ACOEM.
    pub reviewer_guideline_chapter: Option<u8>,
    /// The reviewer's rationale.
    pub rationale: Option<String>,
}

/// What a text turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    /// A letter, with its fields.
    Letter(Box<Letter>),
    /// Not an IMR letter, with the reason.
    NotALetter(String),
}

/// The reason given for a file that is no letter but reads like one.
pub const UNKNOWN_LAYOUT: &str =
    "reads like an IMR letter but matches no known layout (no layout's headings found)";

/// Parses a decoded letter with a vocabulary. `current_year` resolves two-digit years in
/// letters that state no year of their own.
pub fn parse(raw: &str, vocabulary: &Vocabulary, current_year: i32) -> Parsed {
    if raw.trim().is_empty() {
        return Parsed::NotALetter("empty file".to_string());
    }
    let text = text::normalize(raw);
    let mut parts = match layout::recognise(&text) {
        Some(Layout::L1) => l1::parse(&text, vocabulary, current_year),
        Some(Layout::L2) => l2::parse(&text, vocabulary, current_year),
        Some(Layout::L3) => l3::parse(&text, vocabulary, current_year),
        None if layout::reads_like_a_letter(&text) => {
            return Parsed::NotALetter(UNKNOWN_LAYOUT.to_string())
        }
        None => return Parsed::NotALetter("no IMR letter headings found".to_string()),
    };
    // The page furniture the normaliser dropped may be the only place it is stated.
    if parts.header.case_number.is_none() {
        parts.header.case_number = text::first_case_number(raw);
    }
    // A letter cut off before its decisions lost them; a whole one should have them.
    let decision_line = (parts.decisions.is_empty() && parts.ends_complete)
        .then(|| items::decision_like_line(&text))
        .flatten();
    let mut letter = parts.into_letter(vocabulary, current_year);
    letter.unread.decision_line = decision_line;
    Parsed::Letter(Box::new(letter))
}

/// What a layout's parser reads; the fields every layout derives the same way (from the
/// summary, the header) are filled in by [`LetterParts::into_letter`].
pub struct LetterParts {
    /// The layout.
    pub layout: Layout,
    /// Header fields (L3 states only the case number).
    pub header: header::HeaderFields,
    /// The reviewer's specialties, and qualification text naming none.
    pub qualifications: reviewer::Qualifications,
    /// The clinical case summary, whitespace collapsed.
    pub summary: Option<String>,
    /// The section holding the decisions was there.
    pub decisions_section_found: bool,
    /// The decisions found.
    pub decisions: Vec<items::ParsedDecision>,
    /// The text ends the way a whole letter of its layout ends.
    pub ends_complete: bool,
}

/// The last character of a complete L1 or L2 letter is one of these.
const SENTENCE_END: &[char] = &['.', '!', '?', ')', '"', ']'];

/// Whether the text stops at the end of a sentence, as L1 and L2 letters do.
fn ends_with_sentence(text: &str) -> bool {
    text.trim_end().ends_with(SENTENCE_END)
}

impl LetterParts {
    fn into_letter(self, vocabulary: &Vocabulary, current_year: i32) -> Letter {
        let summary = self.summary.as_deref().unwrap_or_default();
        // Split once: the injury date, the body parts and the diagnoses all read sentences.
        let summary_sentences = text::sentences(summary);
        let pivot_year = self.header.letter_year(current_year);
        let truncated = !self.decisions_section_found
            || self.decisions.is_empty()
            || self.decisions.iter().any(|parsed| !parsed.has_rationale)
            || !self.ends_complete;
        let header = self.header;
        let decisions: Vec<Decision> = self
            .decisions
            .into_iter()
            .map(|parsed| parsed.decision)
            .collect();
        let unread_items = decisions
            .iter()
            .filter(|decision| {
                decision.category == Category::Other
                    && vocabulary.category_by_words(&decision.item) != Some(Category::Other)
            })
            .map(|decision| decision.item.clone())
            .collect();
        Letter {
            layout: self.layout,
            date_of_injury: header
                .date_of_injury
                .or_else(|| summary::date_of_injury(summary, &summary_sentences, pivot_year)),
            case_number: header.case_number,
            date_assigned: header.date_assigned,
            decision_date: header.decision_date,
            ur_denial_date: header.ur_denial_date,
            application_received: header.application_received,
            priority: header.priority,
            age: summary::age(summary),
            sex: summary::sex(summary),
            reviewer_specialties: self.qualifications.specialties,
            body_parts: summary::body_parts(vocabulary, &summary_sentences),
            diagnoses: summary::diagnoses(&summary_sentences),
            truncated,
            decisions,
            summary: self.summary,
            unread: Unread {
                qualification: self.qualifications.unknown,
                decision_line: None,
                items: unread_items,
            },
        }
    }
}
