//! Undoes the artefacts of PDF text extraction before any field is read: line endings,
//! form feeds, non-breaking spaces, page footers; and the small text helpers every layout
//! uses (whitespace collapsing, sentence splitting).

use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// `Page 2 of 4`, alone or beside a case number (`CM13-0045679      Page 1 of 2`).
static PAGE_FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:IMR\s+)?case\s+(?:number|no\.?)\s*:?\s*)?(?:CM\d{2}-\d{4,8}\s+)?page\s+\d+\s+of\s+\d+(?:\s+CM\d{2}-\d{4,8})?\s*$")
        .expect("page footer regex is valid")
});

static CASE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bCM\d{2}-\d{4,8}\b").expect("case number regex is valid"));

static CASE_NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:((?:IMR\s+)?case\s+(?:number|no\.?)\s*:?)\s*)?(CM\d{2}-\d{4,8})\s*$")
        .expect("case number line regex is valid")
});

/// A line ending with a case number's label and no value: the value is on the next line.
static CASE_NUMBER_LABEL_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcase\s+(?:number|no\.?)\s*:\s*$").expect("case label regex is valid")
});

/// Turns extracted text into plain lines: LF line endings, form feeds and non-breaking
/// spaces as ordinary whitespace, curly quotes as straight ones, trailing spaces removed.
/// Page furniture goes: `Page N of M` lines, lines holding only a case number, and a
/// labelled case number line that repeats one seen before. A word hyphenated across a
/// line break is joined.
pub fn normalize(raw: &str) -> String {
    // Lines borrow from `raw` unless a character had to change: most lines are plain
    // ASCII, and copying each into its own String was a large share of parsing.
    let mut lines: Vec<Cow<'_, str>> = Vec::with_capacity(raw.len() / 32);
    let mut seen_case_numbers: Vec<String> = Vec::new();
    // Whole-text tests spare each line the same tests: most texts have neither carriage
    // returns nor form feeds, and are plain ASCII without tabs.
    let pieces: Box<dyn Iterator<Item = &str>> =
        if memchr::memchr2(b'\r', b'\x0c', raw.as_bytes()).is_some() {
            Box::new(raw.lines().flat_map(split_at_breaks))
        } else {
            Box::new(raw.lines())
        };
    let all_plain = is_plain(raw);
    for line in pieces {
        let line = line.trim_end();
        if may_be_furniture(line) {
            if PAGE_FOOTER.is_match(line) {
                seen_case_numbers.extend(
                    CASE_NUMBER
                        .find_iter(line)
                        .map(|found| found.as_str().to_ascii_uppercase()),
                );
                continue;
            }
            if let Some(caps) = CASE_NUMBER_LINE.captures(line) {
                let number = caps[2].to_ascii_uppercase();
                // A bare number under a "Case Number:" label is that label's value.
                let labelled = caps.get(1).is_some()
                    || lines
                        .last()
                        .is_some_and(|last| CASE_NUMBER_LABEL_AT_END.is_match(last));
                let labelled_first = labelled && !seen_case_numbers.contains(&number);
                if !labelled_first {
                    seen_case_numbers.push(number);
                    continue;
                }
            }
            // A header may state the case number beside other fields; a labelled line
            // repeating it later is page furniture all the same.
            seen_case_numbers.extend(
                CASE_NUMBER
                    .find_iter(line)
                    .map(|found| found.as_str().to_ascii_uppercase()),
            );
        }
        lines.push(if all_plain {
            Cow::Borrowed(line)
        } else {
            plain_characters(line)
        });
    }
    join_hyphenated_words(&mut lines);
    let mut text = String::with_capacity(raw.len() + 1);
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            text.push('\n');
        }
        text.push_str(line);
    }
    text.push('\n');
    text
}

/// `line` split at carriage returns and form feeds, as `line.split(['\r', '\u{c}'])`
/// splits it (empty pieces included), but searching bytes with memchr rather than
/// decoding every character: both are ASCII, so a byte match is a character match.
fn split_at_breaks(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(line);
    std::iter::from_fn(move || {
        let text = rest?;
        match memchr::memchr2(b'\r', b'\x0c', text.as_bytes()) {
            Some(at) => {
                rest = Some(&text[at + 1..]);
                Some(&text[..at])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// The first case number the text states anywhere (a header, a page header line).
pub fn first_case_number(text: &str) -> Option<String> {
    CASE_NUMBER
        .find(text)
        .map(|found| found.as_str().to_ascii_uppercase())
}

/// Whether a line could be page furniture: a footer starts with "page", a case number line
/// holds "CM". Most lines are neither, and skip the regexes.
fn may_be_furniture(line: &str) -> bool {
    let trimmed = line.trim_start().as_bytes();
    trimmed
        .get(..4)
        .is_some_and(|start| start.eq_ignore_ascii_case(b"page"))
        || memchr::memchr2_iter(b'c', b'C', trimmed)
            .any(|at| trimmed.get(at + 1).is_some_and(|&next| next | 0x20 == b'm'))
}

/// The line with non-breaking spaces and tabs as spaces, curly quotes as straight ones,
/// typographic ligatures (which PDF text layers often hold) as their letters, and a soft
/// hyphen dropped, or at the end of the line made a hyphen, so the word it breaks across
/// lines is joined.
fn plain_characters(line: &str) -> Cow<'_, str> {
    if is_plain(line) {
        return Cow::Borrowed(line);
    }
    let mut plain = String::with_capacity(line.len());
    for (at, c) in line.char_indices() {
        match c {
            '\u{a0}' | '\t' | '\u{2007}' | '\u{202f}' => plain.push(' '),
            '\u{2018}' | '\u{2019}' => plain.push('\''),
            '\u{201c}' | '\u{201d}' => plain.push('"'),
            '\u{ad}' if line[at + c.len_utf8()..].trim().is_empty() => plain.push('-'),
            '\u{ad}' => {}
            '\u{fb00}' => plain.push_str("ff"),
            '\u{fb01}' => plain.push_str("fi"),
            '\u{fb02}' => plain.push_str("fl"),
            '\u{fb03}' => plain.push_str("ffi"),
            '\u{fb04}' => plain.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => plain.push_str("st"),
            other => plain.push(other),
        }
    }
    Cow::Owned(plain)
}

/// Whether [`plain_characters`] leaves `text` as it is: ASCII without tabs.
fn is_plain(text: &str) -> bool {
    text.is_ascii() && memchr::memchr(b'\t', text.as_bytes()).is_none()
}

/// "epi-" at the end of a line and "dural" at the start of the next non-blank one become
/// "epidural" on the first line.
fn join_hyphenated_words(lines: &mut [Cow<'_, str>]) {
    for index in 0..lines.len() {
        if !ends_with_word_hyphen(&lines[index]) {
            continue;
        }
        let Some(next) = (index + 1..lines.len()).find(|&next| !lines[next].trim().is_empty())
        else {
            continue;
        };
        let continuation = lines[next].trim_start();
        if !continuation.starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        let word_end = continuation
            .find(char::is_whitespace)
            .unwrap_or(continuation.len());
        let (fragment, rest) = continuation.split_at(word_end);
        let (fragment, rest) = (fragment.to_string(), rest.trim_start().to_string());
        let joined = lines[index].to_mut();
        joined.pop();
        joined.push_str(&fragment);
        lines[next] = Cow::Owned(rest);
    }
}

fn ends_with_word_hyphen(line: &str) -> bool {
    let mut chars = line.chars().rev();
    chars.next() == Some('-') && chars.next().is_some_and(char::is_alphabetic)
}

/// Any run of whitespace becomes one space; the result is trimmed.
pub fn collapse_whitespace(text: &str) -> String {
    if text.is_ascii() {
        return collapse_ascii_whitespace(text);
    }
    let mut collapsed = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    collapsed
}

/// [`collapse_whitespace`] for ASCII text: `split_whitespace` decodes every character to
/// test it against Unicode's whitespace, and the letters' texts are nearly all ASCII. The
/// whitespace set is the ASCII part of `char::is_whitespace` (which, unlike
/// `u8::is_ascii_whitespace`, includes the vertical tab). Most of a text's whitespace is
/// already one space between words, so the text is copied in runs that need no change
/// (words and single spaces), one copy per run rather than per byte or per word.
fn collapse_ascii_whitespace(text: &str) -> String {
    let is_space = |byte: u8| matches!(byte, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    let bytes = text.as_bytes();
    let mut collapsed: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut at = bytes
        .iter()
        .position(|&byte| !is_space(byte))
        .unwrap_or(bytes.len());
    while at < bytes.len() {
        let run_start = at;
        loop {
            at += bytes[at..]
                .iter()
                .position(|&byte| is_space(byte))
                .unwrap_or(bytes.len() - at);
            let single_space = bytes[at..].starts_with(b" ")
                && bytes.get(at + 1).is_some_and(|&next| !is_space(next));
            if !single_space {
                break;
            }
            at += 1;
        }
        collapsed.extend_from_slice(&bytes[run_start..at]);
        at += bytes[at..]
            .iter()
            .position(|&byte| !is_space(byte))
            .unwrap_or(bytes.len() - at);
        if at < bytes.len() {
            collapsed.push(b' ');
        }
    }
    String::from_utf8(collapsed).expect("ASCII in, ASCII out")
}

/// Words after which a period does not end a sentence: titles, "e.g." and the like, and
/// the months of dates such as "Mar. 24, 2010".
const ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "st", "vs", "no", "approx", "e.g", "i.e", "etc", "jr", "sr", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
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
            ("a\rb", "a\nb\n"),
            ("a\u{c}b", "a\nb\n"),
            ("a\u{a0}b  \n", "a b\n"),
            ("one\n  Page 2 of 4  \ntwo", "one\ntwo\n"),
            ("one\nCM13-0045679      Page 1 of 2\ntwo", "one\ntwo\n"),
            ("one\nPage 2 of 2   CM13-0045679\ntwo", "one\ntwo\n"),
            ("\u{201c}quoted\u{201d} it\u{2019}s", "\"quoted\" it's\n"),
            ("\u{fb01}brosis, a\u{fb04}iction", "fibrosis, affliction\n"),
            ("epi\u{ad}dural", "epidural\n"),
            ("an epi\u{ad}\ndural injection", "an epidural\ninjection\n"),
        ];
        for (raw, expected) in rows {
            assert_eq!(normalize(raw), expected, "{raw:?}");
        }
    }

    #[test]
    fn drops_page_furniture_but_keeps_the_first_labelled_case_number() {
        let rows = [
            (
                "Case Number: CM14-0104321\nrationale\nCM14-0104321\nmore about CM14-0104321",
                "Case Number: CM14-0104321\nrationale\nmore about CM14-0104321\n",
            ),
            (
                "Case Number: CM14-0104321\nx\nCase Number: CM14-0104321\ny",
                "Case Number: CM14-0104321\nx\ny\n",
            ),
            ("text\nCM14-0104321\ntext", "text\ntext\n"),
            (
                "IMR Case Number:  CM13-0034127   Date of Injury: 06/14/2011\nx\nCase Number: CM13-0034127\ny",
                "IMR Case Number:  CM13-0034127   Date of Injury: 06/14/2011\nx\ny\n",
            ),
            (
                "Case Number:\nCM15-0481672\nsummary\nCase Number: CM15-0481672\nmore",
                "Case Number:\nCM15-0481672\nsummary\nmore\n",
            ),
            (
                "CM15-0481672   Page 1 of 2\ntext\nCase Number: CM15-0481672\nmore",
                "text\nmore\n",
            ),
        ];
        for (raw, expected) in rows {
            assert_eq!(normalize(raw), expected, "{raw:?}");
        }
    }

    #[test]
    fn joins_words_hyphenated_across_lines() {
        let rows = [
            ("an epi-\ndural injection", "an epidural\ninjection\n"),
            ("an epi-\n\ndural injection", "an epidural\n\ninjection\n"),
            ("follow-\nup", "followup\n\n"),
            ("C6-\nC7 level", "C6-\nC7 level\n"),
            ("non-\nMTUS", "non-\nMTUS\n"),
            ("ends with -\nnext", "ends with -\nnext\n"),
        ];
        for (raw, expected) in rows {
            assert_eq!(normalize(raw), expected, "{raw:?}");
        }
    }

    #[test]
    fn splits_at_breaks_as_str_split_does() {
        for line in [
            "",
            "a",
            "a\rb",
            "\r",
            "a\u{c}\u{c}b\r",
            "\u{e9}\r\u{c}x",
            "no break",
        ] {
            let expected: Vec<&str> = line.split(['\r', '\u{c}']).collect();
            assert_eq!(
                split_at_breaks(line).collect::<Vec<_>>(),
                expected,
                "{line:?}"
            );
        }
    }

    /// Random texts of words and every kind of ASCII whitespace, against the obvious
    /// reading (a fixed seed, so a failure repeats).
    #[test]
    fn collapsing_ascii_whitespace_matches_splitting_and_joining() {
        const PIECES: [&str; 9] = [" ", "  ", "\t", "\n", "\r\n", "\x0b", "\x0c", "a", "bc"];
        let mut seed: u64 = 0x1234_5678;
        for _ in 0..2_000 {
            let mut text = String::new();
            for _ in 0..(seed % 12) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let words: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(
                collapse_ascii_whitespace(&text),
                words.join(" "),
                "{text:?}"
            );
        }
    }

    #[test]
    fn collapses_whitespace() {
        let rows = [
            ("  a \n\n b\t c  ", "a b c"),
            ("", ""),
            (" \r\n ", ""),
            ("one", "one"),
            ("a\x0bb\x0cc\rd", "a b c d"),
            ("one two  three\nfour ", "one two three four"),
            ("a b", "a b"),
            (" a", "a"),
            // Not ASCII: the Unicode path, where a non-breaking space is whitespace too.
            ("caf\u{e9}\u{a0} au\u{2003}lait ", "caf\u{e9} au lait"),
        ];
        for (text, expected) in rows {
            assert_eq!(collapse_whitespace(text), expected, "{text:?}");
            if text.is_ascii() {
                let words: Vec<&str> = text.split_whitespace().collect();
                assert_eq!(collapse_ascii_whitespace(text), words.join(" "), "{text:?}");
            }
        }
    }

    #[test]
    fn splits_sentences() {
        let rows: [(&str, &[&str]); 5] = [
            ("One. Two.", &["One.", "Two."]),
            (
                "Seen by Dr. Smith. Then PT.",
                &["Seen by Dr. Smith.", "Then PT."],
            ),
            ("Level C6-C7. 2 sessions.", &["Level C6-C7.", "2 sessions."]),
            ("dose 2.5 mg. done", &["dose 2.5 mg. done"]),
            (
                "Injured on Mar. 24, 2010 at work. Seen Sept. 3.",
                &["Injured on Mar. 24, 2010 at work.", "Seen Sept. 3."],
            ),
        ];
        for (text, expected) in rows {
            assert_eq!(sentences(text), expected, "{text}");
        }
    }
}
