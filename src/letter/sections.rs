//! Finds a letter's sections by their heading lines. Headings are matched on a line of
//! their own, case-insensitively and with free spacing; a section runs to the next
//! heading. The headings of each letter form are rows of `headings.toml`, compiled by the
//! vocabulary; every layout asks it for its form's table and calls this.

use regex::Regex;
use serde::Deserialize;

/// A form of letter with its own headings: the three layouts, and L2's early 2013 form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum LetterForm {
    /// Layout L1.
    L1,
    /// Layout L2.
    L2,
    /// The early 2013 form of L2.
    #[serde(rename = "L2_early")]
    L2Early,
    /// Layout L3.
    L3,
}

impl LetterForm {
    /// Every form, in the order the vocabulary keeps their tables.
    pub const ALL: [LetterForm; 4] = [
        LetterForm::L1,
        LetterForm::L2,
        LetterForm::L2Early,
        LetterForm::L3,
    ];

    /// The sections a form's letters have.
    pub fn sections(self) -> &'static [Section] {
        use Section::*;
        match self {
            LetterForm::L1 => &[HowMade, CaseSummary, Decisions],
            LetterForm::L2 => &[HowMade, DocumentsReviewed, CaseSummary, Decisions],
            LetterForm::L2Early => &[Procedure, Qualifications, CaseSummary, Rationales],
            LetterForm::L3 => &[
                Issue,
                CaseSummary,
                DocumentsReviewed,
                Guidelines,
                RationaleNotNecessary,
                RationaleNecessary,
                Qualifications,
            ],
        }
    }

    /// Whether the form labels each item's guidelines and rationale (L3 has sections).
    pub fn has_labels(self) -> bool {
        self != LetterForm::L3
    }

    /// Whether a heading may have text after it on its own line (L3 writes so).
    fn text_may_follow(self) -> bool {
        self == LetterForm::L3
    }
}

/// A section of a letter, named by its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// "HOW THE IMR FINAL DETERMINATION WAS MADE": the reviewer's qualifications.
    HowMade,
    /// The list of documents the reviewer read.
    DocumentsReviewed,
    /// The clinical case summary.
    CaseSummary,
    /// The disputed items with their decisions and rationales (L1, L2).
    Decisions,
    /// The early form's procedural paragraph and numbered decisions.
    Procedure,
    /// The reviewer's qualifications under their own heading (L2 early, L3).
    Qualifications,
    /// The early form's per-item guidelines and rationales.
    Rationales,
    /// L3's "ISSUE AT DISPUTE": the items.
    Issue,
    /// L3's guidelines relied upon.
    Guidelines,
    /// L3's rationale when the treatment is not medically necessary (Upheld).
    RationaleNotNecessary,
    /// L3's rationale when the treatment is medically necessary (Overturned).
    RationaleNecessary,
}

/// A compiled table of heading lines.
#[derive(Debug)]
pub struct Headings {
    lines: Vec<(Regex, Section)>,
    /// One pass for all rows: see [`Headings::split`].
    lines_at_once: Option<AllHeadings>,
}

/// Every row's heading as one alternation, and each row, anchored at the start of the text
/// it is given. Each line where the alternation matches is a line where some heading
/// starts, and only there is each row tried: one pass over the text instead of one per row.
#[derive(Debug)]
struct AllHeadings {
    lines: HeadingLines,
    anchored: Vec<Regex>,
}

/// How the lines where some heading starts are found: where the rows tell their first
/// bytes, line by line, each line ruled out by its first byte or tested by the alternation
/// anchored at its start; otherwise by one search of the alternation over the text.
#[derive(Debug)]
enum HeadingLines {
    ByFirstBytes {
        first_bytes: FirstBytes,
        any_here: Regex,
    },
    BySearch {
        any_line: Regex,
    },
}

impl AllHeadings {
    /// The bytes a heading's first word may start with, when the rows tell them.
    #[cfg(test)]
    fn first_bytes(&self) -> Option<&FirstBytes> {
        match &self.lines {
            HeadingLines::ByFirstBytes { first_bytes, .. } => Some(first_bytes),
            HeadingLines::BySearch { .. } => None,
        }
    }

    /// The start of the first line at or after `from` (a line start) where some heading
    /// starts.
    fn next_heading_line(&self, text: &str, from: usize) -> Option<usize> {
        let (first_bytes, any_here) = match &self.lines {
            HeadingLines::ByFirstBytes {
                first_bytes,
                any_here,
            } => (first_bytes, any_here),
            HeadingLines::BySearch { any_line } => {
                return any_line.find_at(text, from).map(|line| line.start())
            }
        };
        let mut start = from;
        loop {
            let rest = &text[start..];
            if first_bytes.may_start(rest) && any_here.is_match(rest) {
                return Some(start);
            }
            start += memchr::memchr(b'\n', rest.as_bytes())? + 1;
        }
    }
}

/// The lower-case ASCII letters or other ASCII bytes that every match of a set of patterns
/// (read as the headings are, case-insensitively) starts with. A line whose first byte
/// after spaces and tabs is ASCII and none of these, lower-cased, holds no heading; a line
/// starting with a byte beyond ASCII may (case folding takes the Kelvin sign to `k`), so it
/// is always tried. No pattern may start with a space or a tab, since the lines' leading
/// spaces and tabs are skipped.
#[derive(Debug)]
struct FirstBytes([bool; 128]);

impl FirstBytes {
    /// The first bytes of `patterns`, or `None` when a pattern may match starting with
    /// anything, with nothing, or with a space or a tab.
    fn of(patterns: &[String]) -> Option<FirstBytes> {
        let mut first = [false; 128];
        for pattern in patterns {
            let hir = regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .multi_line(true)
                .build()
                .parse(pattern)
                .ok()?;
            // Only the first byte counts: longer prefixes multiply by case variants.
            let prefixes = regex_syntax::hir::literal::Extractor::new()
                .limit_literal_len(1)
                .extract(&hir);
            for literal in prefixes.literals()? {
                match *literal.as_bytes().first()? {
                    b' ' | b'\t' => return None,
                    // Lines starting beyond ASCII are always tried.
                    byte if !byte.is_ascii() => {}
                    byte => first[usize::from(byte.to_ascii_lowercase())] = true,
                }
            }
        }
        Some(FirstBytes(first))
    }

    /// Whether a heading may start at the start of `from_line_start`, the text from a
    /// line's start on (spaces and tabs skipped).
    fn may_start(&self, from_line_start: &str) -> bool {
        match from_line_start
            .bytes()
            .find(|&byte| byte != b' ' && byte != b'\t')
        {
            Some(byte) if byte.is_ascii() => self.0[usize::from(byte.to_ascii_lowercase())],
            Some(_) => true,
            None => false,
        }
    }
}

/// The sections found in a text.
pub struct Sections<'a> {
    /// The text before the first heading.
    pub preamble: &'a str,
    /// Each section found, with the text up to the next heading, in text order.
    pub bodies: Vec<(Section, &'a str)>,
}

impl Headings {
    /// Compiles `(pattern, section)` rows of a form; patterns are regexes for the heading's
    /// words. A heading may end with a colon, and may be followed by text on its own line
    /// when the form writes so or when its pattern ends with a colon (a label-like heading
    /// such as "Case Summary:").
    pub fn new(form: LetterForm, rows: &[(String, Section)]) -> Result<Headings, regex::Error> {
        let bodies: Vec<String> = rows
            .iter()
            .map(|(pattern, _)| {
                let tail = if pattern.ends_with(':') {
                    r"[ \t]*"
                } else if form.text_may_follow() {
                    r"[ \t]*:?"
                } else {
                    r"[ \t]*:?[ \t]*$"
                };
                format!("(?:{pattern}){tail}")
            })
            .collect();
        let lines = bodies
            .iter()
            .zip(rows)
            .map(|(body, (_, section))| {
                Ok((Regex::new(&format!(r"(?im)^[ \t]*{body}"))?, *section))
            })
            .collect::<Result<_, regex::Error>>()?;
        // A row anchored at a slice's start reads as it does at that line of the whole text,
        // unless its pattern says `\A` (the start of the whole text): then rows go one by one.
        let lines_at_once =
            if rows.is_empty() || rows.iter().any(|(pattern, _)| pattern.contains(r"\A")) {
                None
            } else {
                let alternation = bodies.join("|");
                let lines = match FirstBytes::of(&bodies) {
                    Some(first_bytes) => HeadingLines::ByFirstBytes {
                        first_bytes,
                        any_here: Regex::new(&format!(r"(?im)\A[ \t]*(?:{alternation})"))?,
                    },
                    None => HeadingLines::BySearch {
                        any_line: Regex::new(&format!(r"(?im)^[ \t]*(?:{alternation})"))?,
                    },
                };
                let anchored = bodies
                    .iter()
                    .map(|body| Regex::new(&format!(r"(?im)\A[ \t]*{body}")))
                    .collect::<Result<_, regex::Error>>()?;
                Some(AllHeadings { lines, anchored })
            };
        Ok(Headings {
            lines,
            lines_at_once,
        })
    }

    /// Where each row's heading first occurs in `text`, `(start, end, section)` in row
    /// order, one search per row.
    fn first_of_each_row_by_row(&self, text: &str) -> Vec<(usize, usize, Section)> {
        self.lines
            .iter()
            .filter_map(|(regex, section)| {
                regex
                    .find(text)
                    .map(|line| (line.start(), line.end(), *section))
            })
            .collect()
    }

    /// The same as [`Headings::first_of_each_row_by_row`], in one pass: each line where a
    /// row's heading starts is one where the alternation matches, so visiting those lines
    /// in order and trying each row not yet found there finds each row's first heading.
    fn first_of_each_row(&self, text: &str) -> Vec<(usize, usize, Section)> {
        let Some(all) = &self.lines_at_once else {
            return self.first_of_each_row_by_row(text);
        };
        let mut first: Vec<Option<(usize, usize)>> = vec![None; self.lines.len()];
        let mut unfound = first.len();
        let mut from = 0;
        while unfound > 0 {
            let Some(start) = all.next_heading_line(text, from) else {
                break;
            };
            let line = &text[start..];
            for (slot, anchored) in first.iter_mut().zip(&all.anchored) {
                if slot.is_none() {
                    if let Some(heading) = anchored.find(line) {
                        *slot = Some((start, start + heading.end()));
                        unfound -= 1;
                    }
                }
            }
            // The next heading starts on a later line.
            let Some(newline) = memchr::memchr(b'\n', line.as_bytes()) else {
                break;
            };
            from = start + newline + 1;
        }
        first
            .iter()
            .zip(&self.lines)
            .filter_map(|(slot, (_, section))| slot.map(|(start, end)| (start, end, *section)))
            .collect()
    }

    /// Splits `text` at the first occurrence of each heading.
    pub fn split<'a>(&self, text: &'a str) -> Sections<'a> {
        let mut found = self.first_of_each_row(text);
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

impl<'a> Sections<'a> {
    /// The body of a heading, if the text has it.
    pub fn body(&self, heading: Section) -> Option<&'a str> {
        self.bodies
            .iter()
            .find(|(found, _)| *found == heading)
            .map(|&(_, body)| body)
    }

    /// Whether `heading` is followed by another heading (its body is complete).
    pub fn is_followed(&self, heading: Section) -> bool {
        self.bodies
            .iter()
            .position(|(found, _)| *found == heading)
            .is_some_and(|index| index + 1 < self.bodies.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(form: LetterForm, rows: &[(&str, Section)]) -> Headings {
        let rows: Vec<(String, Section)> = rows
            .iter()
            .map(|&(pattern, section)| (pattern.to_string(), section))
            .collect();
        Headings::new(form, &rows).expect("valid patterns")
    }

    #[test]
    fn splits_at_headings_in_any_case() {
        let headings = headings(
            LetterForm::L1,
            &[
                ("ONE", Section::HowMade),
                ("TWO\\s+PARTS", Section::Decisions),
            ],
        );
        let sections = headings.split("pre\n one :\nbody one\ntwo   parts\nbody two\n");
        assert_eq!(sections.preamble, "pre\n");
        assert_eq!(sections.body(Section::HowMade), Some("\nbody one\n"));
        assert_eq!(sections.body(Section::Decisions), Some("\nbody two\n"));
        assert!(sections.is_followed(Section::HowMade));
        assert!(!sections.is_followed(Section::Decisions));
    }

    /// The one-pass search finds what a search per row finds, also where rows match the
    /// same line, a heading spans lines, repeats, or stands inside a sentence.
    #[test]
    fn one_pass_finds_each_rows_first_heading() {
        let rows: &[(&str, Section)] = &[
            ("IMR\\s+ISSUES?\\s*,?\\s*(?:DECISIONS?\\s*,?\\s*)?AND\\s+RATIONALES?", Section::Decisions),
            ("(?:IMR\\s+)?(?:DISPUTED\\s+ITEMS?|ISSUES?)\\s*,?\\s*DECISIONS?\\s*,?\\s*AND\\s+RATIONALES?", Section::Decisions),
            ("CLINICAL\\s+CASE\\s+SUMMARY", Section::CaseSummary),
            ("CASE\\s+SUMMARY:", Section::CaseSummary),
            ("HOW\\s+THE\\s+IMR\\s+FINAL\\s+DETERMINATION\\s+WAS\\s+MADE", Section::HowMade),
        ];
        let texts = [
            "pre\nHow the IMR final\n determination was made\nx\n  Clinical Case Summary :\nb\nIMR Issues, Decisions and Rationales\nc\n",
            "Issues, decisions and rationales\nIMR ISSUES AND RATIONALES\nCase Summary: text\nclinical case summary\n",
            "see the clinical case summary here\nCLINICAL CASE SUMMARY\nCLINICAL CASE SUMMARY\n",
            "Case summary:\nCLINICAL\nCASE\nSUMMARY\n\u{e9}t\u{e9}\n",
            "",
            "no headings at all",
            "CLINICAL CASE SUMMARY",
        ];
        for form in [LetterForm::L1, LetterForm::L3] {
            let headings = headings(form, rows);
            let all = headings.lines_at_once.as_ref().expect("one pass");
            assert!(
                all.first_bytes().is_some(),
                "{form:?}: the rows' first bytes"
            );
            for text in texts {
                assert_eq!(
                    headings.first_of_each_row(text),
                    headings.first_of_each_row_by_row(text),
                    "{form:?}: {text:?}"
                );
            }
        }
        // Rows whose first bytes cannot be told: one search of the text finds the lines.
        let untold = headings(
            LetterForm::L1,
            &[("\\w+\\s+CASE\\s+SUMMARY", Section::CaseSummary), rows[0]],
        );
        let all = untold.lines_at_once.as_ref().expect("one pass");
        assert!(all.first_bytes().is_none());
        for text in texts {
            assert_eq!(
                untold.first_of_each_row(text),
                untold.first_of_each_row_by_row(text),
                "untold: {text:?}"
            );
        }
        let by_start = headings(LetterForm::L1, &[("\\AONE", Section::HowMade)]);
        assert!(by_start.lines_at_once.is_none());
        assert!(by_start.split("x\nONE\n").bodies.is_empty());
    }

    #[test]
    fn a_line_is_passed_over_only_when_no_heading_can_start_it() {
        let patterns = |rows: &[&str]| rows.iter().map(|row| row.to_string()).collect::<Vec<_>>();
        let first_bytes = FirstBytes::of(&patterns(&["CLINICAL\\s+CASE", "(?:IMR\\s+)?ISSUES?"]))
            .expect("literal starts");
        for (line, may_start) in [
            ("Clinical case summary", true),
            (" \t clinical", true),
            ("imr issues", true),
            ("Issues", true),
            ("the clinical case", false),
            ("\nCLINICAL", false),
            ("", false),
            ("\u{212a}ase", true),
        ] {
            assert_eq!(first_bytes.may_start(line), may_start, "{line:?}");
        }
        // Patterns that may start with anything, with nothing, or with a blank.
        for untold in [
            r"\s*CASE",
            r"\w+ SUMMARY",
            "(?:CASE)?",
            r"[ \t]+CASE",
            " ISSUES",
        ] {
            assert!(FirstBytes::of(&patterns(&[untold])).is_none(), "{untold}");
        }
        // Read case-insensitively, as the headings are: the intersection holds `a`.
        let folded = FirstBytes::of(&patterns(&["[A&&a]ISSUE"])).expect("literal starts");
        assert!(folded.may_start("aISSUE"));
        // A pattern starting beyond ASCII leaves its lines to be tried.
        let accented = FirstBytes::of(&patterns(&["\u{e9}T\u{e9}"])).expect("literal starts");
        assert!(accented.may_start("\u{c9}T\u{c9}"));
        assert!(!accented.may_start("ETE"));
    }

    #[test]
    fn the_built_in_headings_tell_their_first_bytes() {
        let vocabulary = crate::letter::vocabulary::Vocabulary::built_in();
        for form in LetterForm::ALL {
            let all = vocabulary.headings(form).lines_at_once.as_ref();
            assert!(
                all.is_some_and(|all| all.first_bytes().is_some()),
                "{form:?}"
            );
        }
    }

    #[test]
    fn a_heading_inside_a_sentence_is_not_a_heading() {
        let headings = headings(LetterForm::L1, &[("ONE", Section::HowMade)]);
        assert!(headings.split("see section one here\n").bodies.is_empty());
    }

    #[test]
    fn l3_headings_may_have_text_after_them() {
        let headings = headings(LetterForm::L3, &[("CASE\\s+SUMMARY", Section::CaseSummary)]);
        let sections = headings.split("CASE SUMMARY: a 45 year old\n");
        assert_eq!(
            sections.body(Section::CaseSummary),
            Some(" a 45 year old\n")
        );
    }
}
