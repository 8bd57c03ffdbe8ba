//! Cheap literal tests that tell a regex cannot match, so it need not run: a guarded regex
//! names a word every one of its matches holds, and a text without that word skips it.
//! Most regexes here run once per letter over text that mostly lacks what they look for.

/// Characters that Unicode case folding takes to an ASCII letter, so that a `(?i)` regex
/// matches them where its pattern writes the letter: the Kelvin sign for `k`, the long s
/// for `s`. A word holding those letters may occur spelled with them.
const FOLDS_TO_ASCII: [(char, u8); 2] = [('\u{212a}', b'k'), ('\u{17f}', b's')];

/// Whether `text` may hold `word` (written in lower-case ASCII) as a `(?i)` regex reads
/// it: `true` when it holds the word in any ASCII case, or holds a character that folds
/// to one of the word's letters. `false` means no case-insensitive match can hold it.
pub fn may_contain(text: &str, word: &str) -> bool {
    contains_ignoring_ascii_case(text.as_bytes(), word.as_bytes()) || may_fold_into(text, word)
}

/// Whether `text` may hold any of `words` (see [`may_contain`]).
pub fn may_contain_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|word| may_contain(text, word))
}

/// Whether `text`, without its trailing whitespace and periods, may end with one of
/// `words` (lower-case ASCII), ASCII case ignored; a character that folds to one of a
/// word's letters counts as a possible match, as in [`may_contain`].
pub fn may_end_with_any(text: &str, words: &[&str]) -> bool {
    let body = text
        .trim_end_matches(|c: char| c.is_whitespace() || c == '.')
        .as_bytes();
    words.iter().any(|word| {
        let word_bytes = word.as_bytes();
        body.len() >= word_bytes.len()
            && body[body.len() - word_bytes.len()..].eq_ignore_ascii_case(word_bytes)
            || may_fold_into(text, word)
    })
}

/// A text with a lower-cased copy, for several word tests over a long text: lowering it
/// once and searching with memchr's `memmem` beats a case-blind scan per word.
pub struct LoweredText<'a> {
    text: &'a str,
    lower: Vec<u8>,
}

impl<'a> LoweredText<'a> {
    /// Lowers `text` (ASCII letters only, so byte offsets stay).
    pub fn new(text: &'a str) -> LoweredText<'a> {
        LoweredText {
            text,
            lower: text.as_bytes().to_ascii_lowercase(),
        }
    }

    /// [`may_contain`] over the text.
    pub fn may_contain(&self, word: &str) -> bool {
        memchr::memmem::find(&self.lower, word.as_bytes()).is_some()
            || may_fold_into(self.text, word)
    }
}

fn may_fold_into(text: &str, word: &str) -> bool {
    FOLDS_TO_ASCII
        .iter()
        .any(|&(folding, letter)| word.as_bytes().contains(&letter) && text.contains(folding))
}

/// Whether `haystack` holds `needle`, ASCII case ignored: a search for its first byte in
/// both cases (memchr's vector search), then a comparison of the window there.
pub fn contains_ignoring_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    if haystack.len() < needle.len() {
        return false;
    }
    let last_start = haystack.len() - needle.len();
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        haystack,
    )
    .take_while(|&at| at <= last_start)
    .any(|at| haystack[at + 1..at + needle.len()].eq_ignore_ascii_case(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_found_in_any_case_and_folded_spellings_count() {
        let rows = [
            ("MEDICAL PROFESSIONAL REVIEW", "profe", true),
            ("medical pRoFeSsional", "profe", true),
            ("a professor", "profe", true),
            ("medical review", "profe", false),
            ("", "profe", false),
            ("pro", "profe", false),
            ("ends with PROF", "profe", false),
            // The Kelvin sign and the long s fold to k and s, as `(?i)` regexes read them.
            ("\u{212a}NEE", "knee", true),
            ("\u{212a}NEE", "nee", true),
            ("PROFE\u{17f}\u{17f}IONAL", "professional", true),
            ("\u{17f}", "profe", false),
        ];
        for (text, word, expected) in rows {
            assert_eq!(may_contain(text, word), expected, "{word} in {text:?}");
        }
        assert!(may_contain_any("Up held", &["nothing", "held"]));
        assert!(!may_contain_any("Up held", &["nothing", "else"]));
    }

    #[test]
    fn a_lowered_text_finds_what_may_contain_finds() {
        let texts = [
            "MEDICAL PROFESSIONAL REVIEW",
            "medical review",
            "\u{212a}NEE and \u{c9}LAN",
            "",
        ];
        for text in texts {
            let lowered = LoweredText::new(text);
            for word in ["profe", "review", "knee", "nee", "lan", "x"] {
                assert_eq!(
                    lowered.may_contain(word),
                    may_contain(text, word),
                    "{word} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn a_word_at_the_end_is_found_before_trailing_spaces_and_periods() {
        let rows = [
            ("MRI:  Upheld", "held", true),
            ("MRI: upHELD . \n", "held", true),
            ("MRI: Upheld\u{a0}", "held", true),
            ("MRI: Upheld by the reviewer", "held", false),
            ("eld", "held", false),
            ("is medically necessary.", "ary", true),
            ("is medically necessary and appropriate .", "ate", true),
            ("WOR\u{212a}", "work", true),
        ];
        for (text, word, expected) in rows {
            assert_eq!(
                may_end_with_any(text, &[word]),
                expected,
                "{word} at the end of {text:?}"
            );
        }
    }
}
