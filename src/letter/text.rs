//! Undoes the artefacts of PDF text extraction before any field is read: line endings,
//! form feeds, non-breaking spaces, page footers; and the small text helpers every layout
//! uses (whitespace collapsing, sentence splitting).

use regex::Regex;
use std::sync::LazyLock;

static PAGE_FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*page\s+\d+\s+of\s+\d+\s*$").expect("page footer regex is valid")
});

static LONE_CASE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:IMR\s+)?case\s+(?:number|no\.?)\s*:?\s*)?CM\d{2}-\d{4,8}\s*$")
        .expect("lone case number regex is valid")
});

/// Turns extracted text into plain lines: LF line endings, form feeds and non-breaking
/// spaces as ordinary whitespace, curly quotes as straight ones, trailing spaces and
/// `Page N of M` footer lines removed.
pub fn normalize(raw: &str) -> String {
    let mut text = String::with_capacity(raw.len());
    for line in raw.lines().flat_map(|line| line.split(['\r', '\u{c}'])) {
        if PAGE_FOOTER.is_match(line) {
            continue;
        }
        for c in line.trim_end().chars() {
            text.push(match c {
                '\u{a0}' | '\t' | '\u{2007}' | '\u{202f}' => ' ',
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201c}' | '\u{201d}' => '"',
                other => other,
            });
        }
        text.push('\n');
    }
    text
}

/// Removes lines that hold only a case number: page headers repeated inside a section.
pub fn drop_repeated_case_numbers(section: &str) -> String {
    section
        .lines()
        .filter(|line| !LONE_CASE_NUMBER.is_match(line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Any run of whitespace becomes one space; the result is trimmed.
pub fn collapse_whitespace(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    collapsed
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "st", "vs", "no", "approx", "e.g", "i.e", "etc", "jr", "sr",
];

/// Splits whitespace-collapsed text into sentences: a sentence ends at `.`, `!` or `?`
/// followed by a space and an upper-case letter or digit, unless the period closes a
/// known abbreviation.
pub fn sentences(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut sentences = Vec::new();
    let mut start = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        let ends_sentence = matches!(byte, b'.' | b'!' | b'?')
            && bytes.get(index + 1) == Some(&b' ')
            && bytes
                .get(index + 2)
                .is_some_and(|next| next.is_ascii_uppercase() || next.is_ascii_digit())
            && !(byte == b'.' && ends_with_abbreviation(&text[start..index]));
        if ends_sentence {
            sentences.push(text[start..=index].trim());
            start = index + 1;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        sentences.push(rest);
    }
    sentences
}

fn ends_with_abbreviation(text: &str) -> bool {
    let last_word = text.rsplit(' ').next().unwrap_or_default();
    ABBREVIATIONS
        .iter()
        .any(|abbreviation| last_word.eq_ignore_ascii_case(abbreviation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_undoes_extraction_artefacts() {
        let rows = [
            ("a\r\nb\r\n", "a\nb\n"),
            ("a\u{c}b", "a\nb\n"),
            ("a\u{a0}b  \n", "a b\n"),
            ("one\n  Page 2 of 4  \ntwo", "one\ntwo\n"),
            ("\u{201c}quoted\u{201d} it\u{2019}s", "\"quoted\" it's\n"),
        ];
        for (raw, expected) in rows {
            assert_eq!(normalize(raw), expected, "{raw:?}");
        }
    }

    #[test]
    fn drops_lone_case_numbers_only() {
        let section = "rationale starts\nCM14-0104321\nand goes on about CM14-0104321\n";
        assert_eq!(
            drop_repeated_case_numbers(section),
            "rationale starts\nand goes on about CM14-0104321"
        );
    }

    #[test]
    fn collapses_whitespace() {
        assert_eq!(collapse_whitespace("  a \n\n b\t c  "), "a b c");
    }

    #[test]
    fn splits_sentences() {
        let rows: [(&str, &[&str]); 4] = [
            ("One. Two.", &["One.", "Two."]),
            (
                "Seen by Dr. Smith. Then PT.",
                &["Seen by Dr. Smith.", "Then PT."],
            ),
            ("Level C6-C7. 2 sessions.", &["Level C6-C7.", "2 sessions."]),
            ("dose 2.5 mg. done", &["dose 2.5 mg. done"]),
        ];
        for (text, expected) in rows {
            assert_eq!(sentences(text), expected, "{text}");
        }
    }
}
