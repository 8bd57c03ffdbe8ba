//! The quality report of `imr parse --summary`: over a corpus, how many files were letters
//! of each layout, not letters or errors, and for each field the share of letters (or
//! decisions) in which the parser found it, with a few files where it did not. A new
//! letter layout shows up here as a drop in fill rates.

use crate::ingest::FileOutcome;
use crate::unknowns::{Unknowns, UnknownsReport};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// Files named per field as examples of where it was missing.
const MISSING_EXAMPLES: usize = 3;

/// Fields that are always present (or are not fields) and so say nothing about the
/// parser's reach; categories are counted by value instead.
const NOT_COUNTED: &[&str] = &[
    "layout",
    "truncated",
    "decisions",
    "decision",
    "category",
    "unread",
];

/// The report over a corpus.
#[derive(Debug, Clone, Default, Serialize)]
pub struct QualityReport {
    /// Files parsed.
    pub files: u64,
    /// Letters, by layout.
    pub letters_by_layout: BTreeMap<String, u64>,
    /// Files that were not letters.
    pub not_letters: u64,
    /// PDF files without a text layer (scans).
    pub needs_ocr: u64,
    /// PDF files locked with a password.
    pub encrypted: u64,
    /// Files not read by policy (links not followed, named pipes, devices).
    pub skipped: u64,
    /// Files that could not be read.
    pub errors: u64,
    /// Letters flagged as truncated.
    pub truncated: u64,
    /// Decisions found.
    pub decisions: u64,
    /// Letter-level fields: how often each was found.
    pub letter_fields: BTreeMap<String, FieldFill>,
    /// Decision-level fields: how often each was found.
    pub decision_fields: BTreeMap<String, FieldFill>,
    /// Decisions by category (`other` is what no cue placed).
    pub categories: BTreeMap<String, u64>,
    /// What the parser could not place; filled in by [`QualityReport::finish`].
    pub unknowns: UnknownsReport,
    #[serde(skip)]
    collecting: Unknowns,
}

/// How often one field was found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FieldFill {
    /// Letters (or decisions) where it was found.
    pub found: u64,
    /// Letters (or decisions) looked at.
    pub total: u64,
    /// A few files where it was missing.
    pub missing_in: Vec<String>,
}

impl FieldFill {
    /// The share found, from 0 to 1 (1 when there was nothing to look at).
    pub fn share(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.found as f64 / self.total as f64
        }
    }

    fn count(&mut self, found: bool, path: &str) {
        self.total += 1;
        if found {
            self.found += 1;
        } else if self.missing_in.len() < MISSING_EXAMPLES {
            self.missing_in.push(path.to_string());
        }
    }
}

impl QualityReport {
    /// Counts one file.
    pub fn add(&mut self, path: &str, outcome: &FileOutcome) {
        self.files += 1;
        let letter = match outcome {
            FileOutcome::Letter(letter) => letter,
            FileOutcome::NotALetter(reason) => {
                self.not_letters += 1;
                self.collecting.add_not_a_letter(path, reason);
                return;
            }
            FileOutcome::NeedsOcr(_) => {
                self.needs_ocr += 1;
                return;
            }
            FileOutcome::Encrypted(_) => {
                self.encrypted += 1;
                return;
            }
            FileOutcome::Skipped(_) => {
                self.skipped += 1;
                return;
            }
            FileOutcome::Failed(_) => {
                self.errors += 1;
                return;
            }
        };
        *self
            .letters_by_layout
            .entry(format!("{:?}", letter.layout))
            .or_default() += 1;
        self.truncated += u64::from(letter.truncated);
        self.decisions += letter.decisions.len() as u64;
        self.collecting.add_letter(path, letter);
        for decision in &letter.decisions {
            // The category's name as the index and JSON write it.
            if let Ok(Value::String(name)) = serde_json::to_value(decision.category) {
                *self.categories.entry(name).or_default() += 1;
            }
        }
        let Ok(Value::Object(mut fields)) = serde_json::to_value(letter) else {
            unreachable!("a Letter serialises to a JSON object");
        };
        let decisions = fields.remove("decisions");
        count_fields(&mut self.letter_fields, &fields, path);
        for decision in decisions.iter().flat_map(|d| d.as_array()).flatten() {
            if let Value::Object(fields) = decision {
                count_fields(&mut self.decision_fields, fields, path);
            }
        }
    }
}

impl QualityReport {
    /// Completes the report once every file was added.
    pub fn finish(&mut self) {
        self.unknowns = self.collecting.report();
    }
}

fn count_fields(
    fills: &mut BTreeMap<String, FieldFill>,
    fields: &serde_json::Map<String, Value>,
    path: &str,
) {
    for (name, value) in fields {
        if NOT_COUNTED.contains(&name.as_str()) {
            continue;
        }
        let found = match value {
            Value::Null => false,
            Value::Array(values) => !values.is_empty(),
            Value::String(text) => !text.is_empty(),
            _ => true,
        };
        fills.entry(name.clone()).or_default().count(found, path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{parse_bytes, Ocr};

    #[test]
    fn counts_kinds_and_fill_rates() {
        let seed = include_bytes!("../sample-data/l1-cervical-esi.txt");
        let mut report = QualityReport::default();
        report.add(
            "a.txt",
            &parse_bytes(seed, crate::letter::Vocabulary::built_in(), 2026, Ocr::Off),
        );
        report.add(
            "b.txt",
            &parse_bytes(b"", crate::letter::Vocabulary::built_in(), 2026, Ocr::Off),
        );
        assert_eq!(report.files, 2);
        assert_eq!(report.not_letters, 1);
        assert_eq!(report.letters_by_layout.get("L1"), Some(&1));
        let age = &report.letter_fields["age"];
        assert_eq!((age.found, age.total), (1, 1));
        let case_number = &report.letter_fields["case_number"];
        assert_eq!(case_number.found, 0);
        assert_eq!(case_number.missing_in, ["a.txt"]);
        assert_eq!(report.decision_fields["reviewer_guideline"].found, 1);
        assert!(!report.letter_fields.contains_key("layout"));
    }
}
