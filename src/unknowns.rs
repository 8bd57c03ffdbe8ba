//! What the parser could not place, counted over a run so a wording the parser does not
//! know shows up as a number to act on: items no cue placed in a category (the most
//! frequent first; items a rule puts in `other` are counted, not listed),
//! reviewer qualifications naming no known specialty, letters with a decision-like line
//! but no parsed decision, and files that read like IMR letters but match no layout.

use crate::letter::{Category, Letter, UNKNOWN_LAYOUT};
use serde::Serialize;
use std::collections::HashMap;

/// Distinct `other` items listed in a report.
const TOP_OTHER_ITEMS: usize = 20;

/// Example files kept per kind of unknown.
const EXAMPLES: usize = 5;

/// The accumulator: feed it every file of a run, merge the workers' ones, then report.
#[derive(Debug, Clone, Default)]
pub struct Unknowns {
    /// Decisions whose category is `other`, by a rule or by default.
    other_decisions: u64,
    /// Items no cue placed, by their lower-cased text: count, the text as first written, a file.
    other_items: HashMap<String, (u64, String, String)>,
    qualifications: Examples,
    decision_lines: Examples,
    unknown_layouts: Examples,
}

/// A count and a few examples.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Examples {
    /// How many.
    pub count: u64,
    /// The first few: the file and the text that was not read.
    pub examples: Vec<Example>,
}

/// One example of an unknown.
#[derive(Debug, Clone, Serialize)]
pub struct Example {
    /// The file.
    pub path: String,
    /// The text (absent for files).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// An item left as `other`, with how often it was.
#[derive(Debug, Clone, Serialize)]
pub struct OtherItem {
    /// The item as first written.
    pub item: String,
    /// Decisions with this item (compared without case).
    pub count: u64,
    /// A file that has it.
    pub example: String,
}

/// The report form.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UnknownsReport {
    /// Decisions whose category is `other`, by a rule or by default.
    pub other_decisions: u64,
    /// Of those, the decisions no cue placed in any category.
    pub other_by_default: u64,
    /// The most frequent items no cue placed.
    pub other_items: Vec<OtherItem>,
    /// Letters whose reviewer qualification names no known specialty.
    pub qualifications_without_known_specialty: Examples,
    /// Letters with a decision-like line but no parsed decision.
    pub decision_lines_without_decision: Examples,
    /// Files that read like IMR letters but match no layout.
    pub unknown_layouts: Examples,
}

impl Examples {
    fn add(&mut self, path: &str, text: Option<&str>) {
        self.count += 1;
        if self.examples.len() < EXAMPLES {
            self.examples.push(Example {
                path: path.to_string(),
                text: text.map(str::to_string),
            });
        }
    }

    fn merge(&mut self, other: Examples) {
        self.count += other.count;
        let room = EXAMPLES.saturating_sub(self.examples.len());
        self.examples.extend(other.examples.into_iter().take(room));
    }
}

impl Unknowns {
    /// Counts what a letter left unread.
    pub fn add_letter(&mut self, path: &str, letter: &Letter) {
        self.other_decisions += letter
            .decisions
            .iter()
            .filter(|decision| decision.category == Category::Other)
            .count() as u64;
        for item in &letter.unread.items {
            let entry = self
                .other_items
                .entry(item.to_lowercase())
                .or_insert_with(|| (0, item.clone(), path.to_string()));
            entry.0 += 1;
        }
        if let Some(text) = &letter.unread.qualification {
            self.qualifications.add(path, Some(text));
        }
        if let Some(text) = &letter.unread.decision_line {
            self.decision_lines.add(path, Some(text));
        }
    }

    /// Counts a file that was not a letter, if it read like one.
    pub fn add_not_a_letter(&mut self, path: &str, reason: &str) {
        if reason == UNKNOWN_LAYOUT {
            self.unknown_layouts.add(path, None);
        }
    }

    /// Adds another accumulator's counts.
    pub fn merge(&mut self, other: Unknowns) {
        self.other_decisions += other.other_decisions;
        for (key, (count, item, path)) in other.other_items {
            let entry = self.other_items.entry(key).or_insert((0, item, path));
            entry.0 += count;
        }
        self.qualifications.merge(other.qualifications);
        self.decision_lines.merge(other.decision_lines);
        self.unknown_layouts.merge(other.unknown_layouts);
    }

    /// The report: counts, the most frequent `other` items, examples.
    pub fn report(&self) -> UnknownsReport {
        let mut other_items: Vec<OtherItem> = self
            .other_items
            .values()
            .map(|(count, item, path)| OtherItem {
                item: item.clone(),
                count: *count,
                example: path.clone(),
            })
            .collect();
        other_items.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.item.cmp(&b.item)));
        let other_by_default = other_items.iter().map(|item| item.count).sum();
        other_items.truncate(TOP_OTHER_ITEMS);
        UnknownsReport {
            other_decisions: self.other_decisions,
            other_by_default,
            other_items,
            qualifications_without_known_specialty: self.qualifications.clone(),
            decision_lines_without_decision: self.decision_lines.clone(),
            unknown_layouts: self.unknown_layouts.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::{parse, Parsed, Vocabulary};

    fn letter(text: &str) -> Box<Letter> {
        match parse(text, Vocabulary::built_in(), 2026) {
            Parsed::Letter(letter) => letter,
            Parsed::NotALetter(reason) => panic!("not a letter: {reason}"),
        }
    }

    #[test]
    fn counts_other_items_qualifications_and_lost_decisions() {
        let with_other = letter(
            "HOW THE IMR FINAL DETERMINATION WAS MADE\nThe expert reviewer is Board Certified in \
             Underwater Basket Weaving and is licensed to practice in California.\n\
             IMR ISSUES, DECISIONS AND RATIONALES\nZyxwv gizmo:  Upheld\n\
             Decision rationale: Not needed.\n\
             Functional capacity evaluation:  Upheld\n\
             Decision rationale: Not needed either.\n",
        );
        let without_decision = letter(
            "CLINICAL CASE SUMMARY\nShe fell.\nIMR ISSUES, DECISIONS AND RATIONALES\n\
             The gizmo is not medically necessary.\n",
        );
        let mut first = Unknowns::default();
        first.add_letter("a.txt", &with_other);
        let mut second = Unknowns::default();
        second.add_letter("b.txt", &with_other);
        second.add_letter("c.txt", &without_decision);
        second.add_not_a_letter("d.txt", UNKNOWN_LAYOUT);
        second.add_not_a_letter("e.txt", "empty file");
        first.merge(second);
        let report = first.report();
        assert_eq!(report.other_decisions, 4, "by a rule or by default");
        assert_eq!(report.other_by_default, 2);
        assert_eq!(
            report.other_items.len(),
            1,
            "an item a rule puts in other is no unknown"
        );
        assert_eq!(report.other_items[0].item, "Zyxwv gizmo");
        assert_eq!(report.other_items[0].count, 2);
        assert_eq!(report.qualifications_without_known_specialty.count, 2);
        assert_eq!(report.decision_lines_without_decision.count, 1);
        assert_eq!(
            report.decision_lines_without_decision.examples[0].path,
            "c.txt"
        );
        assert_eq!(report.unknown_layouts.count, 1);
    }
}
