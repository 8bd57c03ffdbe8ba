//! Normalisation tables: the letters' wordings on the left, the canonical vocabulary of the
//! index on the right. Each vocabulary lives in its own module as a `const` table; this
//! module holds the small matcher they share.

pub mod body_parts;
pub mod categories;
pub mod guidelines;
pub mod specialties;

use regex::{Regex, RegexSet};

/// A compiled table of `(pattern, value)` rows, tried in order. Patterns are
/// case-insensitive regexes matched on word boundaries.
pub struct PatternTable<T: 'static> {
    /// Every row's pattern, so one pass over a text tells which rows match.
    set: RegexSet,
    rows: Vec<(Regex, T)>,
}

impl<T: Copy> PatternTable<T> {
    /// Compiles the rows; a bad pattern is a bug in the table, caught by its unit tests.
    pub fn new(rows: &[(&str, T)]) -> PatternTable<T> {
        let patterns: Vec<String> = rows
            .iter()
            .map(|(pattern, _)| format!(r"(?i)\b(?:{pattern})\b"))
            .collect();
        let set =
            RegexSet::new(&patterns).unwrap_or_else(|error| panic!("table patterns: {error}"));
        let rows = patterns
            .iter()
            .zip(rows)
            .map(|(pattern, &(_, value))| {
                let regex = Regex::new(pattern)
                    .unwrap_or_else(|error| panic!("table pattern {pattern:?}: {error}"));
                (regex, value)
            })
            .collect();
        PatternTable { set, rows }
    }

    /// The value of the first row whose pattern occurs in `text`.
    pub fn first_match(&self, text: &str) -> Option<T> {
        let row = self.set.matches(text).into_iter().next()?;
        Some(self.rows[row].1)
    }

    /// Whether every row's pattern occurs in `text`.
    pub fn all_match(&self, text: &str) -> bool {
        self.set.matches(text).matched_all()
    }

    /// The value of the first row whose pattern matches the whole of `text`.
    pub fn whole_match(&self, text: &str) -> Option<T> {
        self.rows
            .iter()
            .find(|(regex, _)| {
                regex
                    .find(text)
                    .is_some_and(|found| found.start() == 0 && found.end() == text.len())
            })
            .map(|&(_, value)| value)
    }

    /// Every value mentioned in `text`, in order of first mention. A stretch of text
    /// claimed by an earlier row is not matched again by a later one, so a table can list
    /// "upper back" before "back".
    pub fn mentions(&self, text: &str) -> Vec<T>
    where
        T: PartialEq,
    {
        let mut claimed: Vec<(usize, usize, T)> = Vec::new();
        for (regex, value) in &self.rows {
            for found in regex.find_iter(text) {
                let overlaps = claimed
                    .iter()
                    .any(|&(start, end, _)| found.start() < end && start < found.end());
                if !overlaps {
                    claimed.push((found.start(), found.end(), *value));
                }
            }
        }
        claimed.sort_by_key(|&(start, _, _)| start);
        let mut values = Vec::new();
        for (_, _, value) in claimed {
            if !values.contains(&value) {
                values.push(value);
            }
        }
        values
    }
}
