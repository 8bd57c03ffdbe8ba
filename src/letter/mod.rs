//! Pure parsing of IMR determination letters: text in, [`Letter`] out. No I/O, no
//! printing, no tantivy. `parse` recognises the layout and hands the text to that
//! layout's parser; the normalisation tables decide every canonical value.

pub mod dates;
pub mod layout;
pub mod normalize;
pub mod summary;
pub mod text;

mod l1;

pub use layout::Layout;
pub use normalize::body_parts::BodyPart;
pub use normalize::categories::Category;
pub use normalize::guidelines::GuidelineFamily;

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
    /// A letter of a layout this version cannot read yet.
    Unsupported(Layout),
}

/// Parses a decoded letter. `current_year` resolves two-digit years in letters that state
/// no year of their own.
pub fn parse(text: &str, current_year: i32) -> Parsed {
    if text.trim().is_empty() {
        return Parsed::NotALetter("empty file".to_string());
    }
    let text = text::normalize(text);
    match layout::recognise(&text) {
        Some(Layout::L1) => Parsed::Letter(Box::new(l1::parse(&text, current_year))),
        Some(other) => Parsed::Unsupported(other),
        None => Parsed::NotALetter("no IMR letter headings found".to_string()),
    }
}

/// The last character of a complete letter is one of these.
const SENTENCE_END: &[char] = &['.', '!', '?', ')', '"', ']'];

/// Whether the text stops mid-sentence, as a cut-off letter does.
fn ends_mid_sentence(text: &str) -> bool {
    !text.trim_end().ends_with(SENTENCE_END)
}

/// The year two-digit injury years pivot on: the letter's own year as its header dates or
/// case number state it, else the current year.
fn letter_year(
    header_dates: &[Option<NaiveDate>],
    case_number: Option<&str>,
    current_year: i32,
) -> i32 {
    use chrono::Datelike;
    header_dates
        .iter()
        .flatten()
        .map(|date| date.year())
        .next()
        .or_else(|| {
            let digits = case_number?.get(2..4)?;
            digits.parse::<i32>().ok().map(|year| 2000 + year)
        })
        .unwrap_or(current_year)
}
