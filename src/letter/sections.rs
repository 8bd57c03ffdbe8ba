//! Finds a letter's sections by their heading lines. Headings are matched on a line of
//! their own, case-insensitively and with free spacing; a section runs to the next
//! heading. Every layout describes its headings as a table and calls this.

use regex::Regex;

/// The heading over the reviewer's qualifications in L1 and L2.
pub const HOW_MADE_HEADING: &str = r"HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE";
/// The heading over the case summary in L1 and L2.
pub const CLINICAL_SUMMARY_HEADING: &str = r"CLINICAL\s+CASE\s+SUMMARY";

/// A compiled table of heading lines.
pub struct Headings<H: 'static> {
    lines: Vec<(Regex, H)>,
}

/// The sections found in a text.
pub struct Sections<'a, H> {
    /// The text before the first heading.
    pub preamble: &'a str,
    /// Each heading found, with the text up to the next heading, in text order.
    pub bodies: Vec<(H, &'a str)>,
}

impl<H: Copy + PartialEq> Headings<H> {
    /// Compiles `(pattern, heading)` rows; patterns are regexes for the heading's words.
    /// A heading may end with a colon and may be followed by text on its own line
    /// only when `text_may_follow` is set, or when its pattern ends with a colon (a
    /// label-like heading such as "Case Summary:").
    pub fn new(rows: &[(&str, H)], text_may_follow: bool) -> Headings<H> {
        let lines = rows
            .iter()
            .map(|&(pattern, heading)| {
                let tail = if pattern.ends_with(':') {
                    r"[ \t]*"
                } else if text_may_follow {
                    r"[ \t]*:?"
                } else {
                    r"[ \t]*:?[ \t]*$"
                };
                let regex = Regex::new(&format!(r"(?im)^[ \t]*(?:{pattern}){tail}"))
                    .unwrap_or_else(|error| panic!("heading pattern {pattern:?}: {error}"));
                (regex, heading)
            })
            .collect();
        Headings { lines }
    }

    /// Splits `text` at the first occurrence of each heading.
    pub fn split<'a>(&self, text: &'a str) -> Sections<'a, H> {
        let mut found: Vec<(usize, usize, H)> = self
            .lines
            .iter()
            .filter_map(|(regex, heading)| {
                regex
                    .find(text)
                    .map(|line| (line.start(), line.end(), *heading))
            })
            .collect();
        found.sort_by_key(|&(start, _, _)| start);
        // Two synonyms may match one heading line: the first row's reading stands.
        let mut previous_end = 0;
        found.retain(|&(start, end, _)| {
            let keep = start >= previous_end;
            if keep {
                previous_end = end;
            }
            keep
        });
        let preamble_end = found.first().map_or(text.len(), |&(start, _, _)| start);
        let bodies = found
            .iter()
            .enumerate()
            .map(|(index, &(_, body_start, heading))| {
                let body_end = found
                    .get(index + 1)
                    .map_or(text.len(), |&(start, _, _)| start);
                (heading, &text[body_start..body_end])
            })
            .collect();
        Sections {
            preamble: &text[..preamble_end],
            bodies,
        }
    }
}

impl<'a, H: Copy + PartialEq> Sections<'a, H> {
    /// The body of a heading, if the text has it.
    pub fn body(&self, heading: H) -> Option<&'a str> {
        self.bodies
            .iter()
            .find(|(found, _)| *found == heading)
            .map(|&(_, body)| body)
    }

    /// Whether `heading` is followed by another heading (its body is complete).
    pub fn is_followed(&self, heading: H) -> bool {
        self.bodies
            .iter()
            .position(|(found, _)| *found == heading)
            .is_some_and(|index| index + 1 < self.bodies.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_headings_in_any_case() {
        let headings = Headings::new(&[("ONE", 1), ("TWO\\s+PARTS", 2)], false);
        let sections = headings.split("pre\n one :\nbody one\ntwo   parts\nbody two\n");
        assert_eq!(sections.preamble, "pre\n");
        assert_eq!(sections.body(1), Some("\nbody one\n"));
        assert_eq!(sections.body(2), Some("\nbody two\n"));
        assert!(sections.is_followed(1));
        assert!(!sections.is_followed(2));
    }

    #[test]
    fn a_heading_inside_a_sentence_is_not_a_heading() {
        let headings = Headings::new(&[("ONE", 1)], false);
        assert!(headings.split("see section one here\n").bodies.is_empty());
    }
}
