//! The ground truth records of `truth.ndjson`: the same fields, in the same order, as
//! `imr parse` prints, preceded by the file's path.

use crate::date::Date;
use serde::Serialize;

/// The truth about a letter.
#[derive(Clone, Debug, Serialize)]
pub struct LetterTruth {
    /// Path relative to `OUT/letters`, '/'-separated.
    pub path: String,
    /// Always "letter".
    pub kind: &'static str,
    /// Always null for letters.
    pub reason: Option<&'static str>,
    /// "L1", "L2" or "L3".
    pub layout: &'static str,
    /// CMyy-0nnnnnn, when the letter states it.
    pub case_number: Option<String>,
    /// From an L1 header.
    pub date_assigned: Option<Date>,
    /// From an L1 header or L2's `Dated:`.
    pub decision_date: Option<Date>,
    /// From the header or the summary.
    pub date_of_injury: Option<Date>,
    /// From an L1 or L2 header.
    pub ur_denial_date: Option<Date>,
    /// From an L1 or L2 header.
    pub application_received: Option<Date>,
    /// "standard" or "expedited", from an L1 or L2 header.
    pub priority: Option<&'static str>,
    /// From the summary.
    pub age: Option<u32>,
    /// "female" or "male", from the summary.
    pub sex: Option<&'static str>,
    /// Canonical specialty names.
    pub reviewer_specialties: Vec<&'static str>,
    /// Canonical body parts, in order of mention in the injury statement.
    pub body_parts: Vec<&'static str>,
    /// Diagnoses as written.
    pub diagnoses: Vec<String>,
    /// The clinical case summary, whitespace collapsed, without its boilerplate opening.
    pub summary: String,
    /// Whether the letter was cut short.
    pub truncated: bool,
    /// One entry per disputed item whose decision survives.
    pub decisions: Vec<DecisionTruth>,
}

/// The truth about one disputed item.
#[derive(Clone, Debug, Serialize)]
pub struct DecisionTruth {
    /// The item as written (case and typos kept, without a list number).
    pub item: String,
    /// The canonical category.
    pub category: &'static str,
    /// "upheld" or "overturned".
    pub decision: &'static str,
    /// The claims administrator's guideline family.
    pub claims_guideline: Option<&'static str>,
    /// The reviewer's guideline family.
    pub reviewer_guideline: Option<&'static str>,
    /// The MTUS ACOEM chapter of the reviewer's citation, when its family is MTUS_ACOEM.
    pub reviewer_guideline_chapter: Option<u8>,
    /// The rationale as written.
    pub rationale: Option<String>,
}

/// The truth about a file that is not a letter.
#[derive(Clone, Debug, Serialize)]
pub struct JunkTruth {
    /// Path relative to `OUT/letters`.
    pub path: String,
    /// Always "not_a_letter".
    pub kind: &'static str,
    /// Why it is not a letter (not compared).
    pub reason: &'static str,
}

/// Text with every run of whitespace made one space, trimmed.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// One NDJSON line (with its newline) for a record.
pub fn json_line<T: Serialize>(record: &T) -> Vec<u8> {
    let mut line = serde_json::to_vec(record).expect("truth records always serialise");
    line.push(b'\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_makes_single_spaces() {
        assert_eq!(collapse("  a \n\n b\u{a0}c\t d  "), "a b c d");
    }
}
