//! The term syntax of the vocabulary files, and tables of terms compiled for matching.
//! A term is words matched case-insensitively on word boundaries; a space matches any run
//! of whitespace or hyphens, a hyphen matches a hyphen, a space or nothing, `*` at a word's
//! start or end stands for any letters or digits, and the last word also matches with
//! "s" or "es" appended.

use regex::{Regex, RegexSet};

/// A term that cannot be compiled (a `*` inside a word, an empty term).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("term {term:?}: {problem}")]
pub struct TermError {
    /// The term as written.
    pub term: String,
    /// What is wrong with it.
    pub problem: &'static str,
}

/// The regex that matches a term, without flags.
pub fn term_regex(term: &str) -> Result<String, TermError> {
    let error = |problem| TermError {
        term: term.to_string(),
        problem,
    };
    let words: Vec<&str> = term.split_whitespace().collect();
    if words.is_empty() {
        return Err(error("the term is empty"));
    }
    let mut pieces = Vec::with_capacity(words.len());
    for (position, word) in words.iter().enumerate() {
        let leading = word.starts_with('*');
        let trailing = word.len() > 1 && word.ends_with('*');
        let core = word.trim_matches('*');
        if core.is_empty() {
            return Err(error("a word is only '*'"));
        }
        if core.contains('*') {
            return Err(error("'*' may only start or end a word"));
        }
        let mut piece = String::new();
        if leading {
            piece.push_str(r"\w*");
        }
        for c in core.chars() {
            if c == '-' {
                piece.push_str(r"[\s-]?");
            } else {
                piece.push_str(&regex::escape(&c.to_string()));
            }
        }
        if trailing {
            piece.push_str(r"\w*");
        } else if position + 1 == words.len() && core.ends_with(char::is_alphabetic) {
            piece.push_str("(?:e?s)?");
        }
        pieces.push(piece);
    }
    let body = pieces.join(r"[\s-]+");
    let first_is_word = words[0].starts_with(|c: char| c.is_alphanumeric() || c == '*');
    let last_is_word = words[words.len() - 1].ends_with(|c: char| c.is_alphanumeric() || c == '*');
    Ok(format!(
        "{}{body}{}",
        if first_is_word { r"\b" } else { "" },
        if last_is_word { r"\b" } else { "" }
    ))
}

/// The case-insensitive regex for any one of `terms`, longest first; `None` for no terms.
fn alternation(terms: &[String]) -> Result<Option<String>, TermError> {
    let mut terms: Vec<&String> = terms.iter().collect();
    terms.sort_by_key(|term| std::cmp::Reverse(term.len()));
    let alternatives = terms
        .iter()
        .map(|term| term_regex(term))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((!alternatives.is_empty()).then(|| format!("(?i)(?:{})", alternatives.join("|"))))
}

/// Terms that must all occur, each group by any one of its terms.
#[derive(Debug)]
pub struct TermGroups {
    groups: Vec<Regex>,
}

impl TermGroups {
    /// Compiles the groups; an empty group is refused, since it could never occur.
    pub fn new(groups: &[Vec<String>]) -> Result<TermGroups, TermError> {
        let groups = groups
            .iter()
            .map(|terms| {
                let pattern = alternation(terms)?.ok_or(TermError {
                    term: String::new(),
                    problem: "a group has no terms",
                })?;
                Regex::new(&pattern).map_err(|_| TermError {
                    term: terms.join(", "),
                    problem: "the group does not compile",
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(TermGroups { groups })
    }

    /// Whether every group has a term in `text`.
    pub fn all_occur(&self, text: &str) -> bool {
        self.groups.iter().all(|group| group.is_match(text))
    }
}

/// Rows of `(value, terms)` compiled for matching.
#[derive(Debug)]
pub struct TermTable<T> {
    /// One pattern per row, so one pass over a text tells which rows occur.
    set: RegexSet,
    rows: Vec<(Regex, T)>,
}

impl<T: Clone + PartialEq> TermTable<T> {
    /// Compiles the rows; a row's terms become one alternation, longest first.
    pub fn new(rows: Vec<(T, Vec<String>)>) -> Result<TermTable<T>, TermError> {
        let mut patterns = Vec::with_capacity(rows.len());
        let mut values = Vec::with_capacity(rows.len());
        for (value, terms) in rows {
            if let Some(pattern) = alternation(&terms)? {
                patterns.push(pattern);
                values.push(value);
            }
        }
        let compile_error = |_| TermError {
            term: String::new(),
            problem: "the table does not compile",
        };
        let set = RegexSet::new(&patterns).map_err(compile_error)?;
        let rows = patterns
            .iter()
            .zip(values)
            .map(|(pattern, value)| Ok((Regex::new(pattern).map_err(compile_error)?, value)))
            .collect::<Result<Vec<_>, TermError>>()?;
        Ok(TermTable { set, rows })
    }

    /// The value of the first row with a term in `text`.
    pub fn first_match(&self, text: &str) -> Option<&T> {
        let row = self.set.matches(text).into_iter().next()?;
        Some(&self.rows[row].1)
    }

    /// Every value whose terms occur in `text`, in order of first mention. Where matches
    /// overlap the longest wins, so "upper back" beats "back" whatever the rows' order.
    pub fn mentions(&self, text: &str) -> Vec<T> {
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for row in self.set.matches(text).iter() {
            let regex = &self.rows[row].0;
            found.extend(
                regex
                    .find_iter(text)
                    .map(|found| (found.start(), found.end(), row)),
            );
        }
        found.sort_by_key(|&(start, end, row)| (std::cmp::Reverse(end - start), start, row));
        let mut claimed: Vec<(usize, usize, usize)> = Vec::new();
        for span in found {
            if !claimed.iter().any(|&(s, e, _)| span.0 < e && s < span.1) {
                claimed.push(span);
            }
        }
        claimed.sort_by_key(|&(start, _, _)| start);
        let mut values: Vec<T> = Vec::new();
        for (_, _, row) in claimed {
            let value = &self.rows[row].1;
            if !values.contains(value) {
                values.push(value.clone());
            }
        }
        values
    }

    /// Whether any row's term occurs in `text`.
    pub fn any_match(&self, text: &str) -> bool {
        self.set.is_match(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(term: &str, text: &str) -> bool {
        let pattern = term_regex(term).expect("a valid term");
        Regex::new(&format!("(?i){pattern}"))
            .expect("a valid regex")
            .is_match(text)
    }

    #[test]
    fn the_term_syntax_reads_as_documented() {
        let rows = [
            ("low back", "injured his LOW  BACK", true),
            ("low back", "low-back pain", true),
            ("follow-up", "a follow up visit", true),
            ("follow-up", "followup", true),
            ("x-ray", "xrays of the knee", true),
            ("inject*", "epidural INJECTIN", true),
            ("*ectomy", "partial meniscectomy", true),
            ("*acupunct*", "electroacupuncture x6", true),
            ("brace", "lumbar braces", true),
            ("patch", "Lidoderm patches", true),
            ("pt", "PT 2x6", true),
            ("pt", "apt", false),
            ("back", "backpack", false),
            ("pm&r", "certified in PM&R.", true),
            ("ct", "c t", false),
        ];
        for (term, text, expected) in rows {
            assert_eq!(matches(term, text), expected, "{term} in {text}");
        }
    }

    #[test]
    fn bad_terms_are_refused() {
        assert!(term_regex("  ").is_err());
        assert!(term_regex("orth*pedic").is_err());
        assert!(term_regex("*").is_err());
    }

    #[test]
    fn the_longest_overlapping_term_wins() {
        let table = TermTable::new(vec![
            ("lumbar", vec!["back".to_string()]),
            ("thoracic", vec!["upper back".to_string()]),
            ("knee", vec!["knee".to_string()]),
        ])
        .expect("a valid table");
        assert_eq!(
            table.mentions("his knee and upper back, and back"),
            ["knee", "thoracic", "lumbar"]
        );
        assert_eq!(table.first_match("the knee, the back"), Some(&"lumbar"));
    }
}
