//! Normalisation: the canonical values of the index (categories, body parts, guideline
//! families) and how a letter's wording is matched to them. The words of most vocabularies
//! are data (`index-schema/vocab/`, compiled by `terms`); the guideline rules, which follow
//! the order of `letter-formats.md`, stay a `const` table here.

pub mod body_parts;
pub mod categories;
pub mod guidelines;
pub mod terms;

use regex::RegexSet;

/// Case-insensitive regexes matched on word boundaries, all tested in one pass.
pub struct PatternSet {
    set: RegexSet,
}

impl PatternSet {
    /// Compiles the patterns; a bad pattern is a bug in the table, caught by its unit tests.
    pub fn new(patterns: &[&str]) -> PatternSet {
        let patterns = patterns
            .iter()
            .map(|pattern| format!(r"(?i)\b(?:{pattern})\b"));
        let set = RegexSet::new(patterns).unwrap_or_else(|error| panic!("table patterns: {error}"));
        PatternSet { set }
    }

    /// Whether every pattern occurs in `text`.
    pub fn all_match(&self, text: &str) -> bool {
        self.set.matches(text).matched_all()
    }
}
