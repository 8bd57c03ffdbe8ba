//! Lays blocks out as lines: paragraphs wrapped at the letter's width (a lower-case word
//! sometimes hyphenated across the break, outside the header and the last paragraph),
//! spaces between prose words sometimes doubled or non-breaking, and paragraph gaps as empty
//! or space-only lines. A wrapped line never starts with a
//! list number ("46.") and never ends with a stray hyphen, so no line looks like structure
//! the letter does not have.

use super::{Gap, PhysLine, Style};
use crate::doc::{BlockKind, Doc, Mark};
use crate::pick::{self, CorpusRng};
use rand::Rng;
use std::borrow::Cow;

pub(super) fn lay_out(doc: &Doc, style: &Style, rng: &mut CorpusRng) -> Vec<PhysLine> {
    let mut lines: Vec<PhysLine> = Vec::with_capacity(doc.blocks.len() * 3);
    let mut hyphenations = style.hyphenations;
    let last_block = doc.blocks.len().saturating_sub(1);
    for (index, block) in doc.blocks.iter().enumerate() {
        let header = block.mark == Mark::Header;
        match block.kind {
            BlockKind::Gap => {
                if index == last_block {
                    continue;
                }
                for text in gap_lines(style, rng) {
                    lines.push(PhysLine {
                        text: text.to_string(),
                        header,
                        kept_with_next: false,
                    });
                }
            }
            BlockKind::Line | BlockKind::LineKeptWithNext => lines.push(PhysLine {
                text: format!("{}{}", style.indent, block.text),
                header,
                kept_with_next: block.kind == BlockKind::LineKeptWithNext,
            }),
            BlockKind::Prose | BlockKind::Wrapped => {
                let prose = block.kind == BlockKind::Prose;
                let label_words = block.text[..block.label_len].split_whitespace().count();
                let tokens: Vec<&str> = block.text.split(' ').filter(|t| !t.is_empty()).collect();
                let allow_hyphen = !header && index != last_block;
                let wrapped = match style.wrap_width {
                    Some(width) => wrap(
                        &tokens,
                        width - style.indent.len(),
                        allow_hyphen,
                        &mut hyphenations,
                        rng,
                    ),
                    None => vec![WrappedLine {
                        tokens: tokens.iter().map(|&t| Cow::Borrowed(t)).collect(),
                        hyphen_end: false,
                    }],
                };
                let mut position = 0;
                for line in wrapped {
                    let mut text =
                        String::with_capacity(style.indent.len() + block.text.len().min(128));
                    text.push_str(style.indent);
                    join(
                        &mut text,
                        &line.tokens,
                        position,
                        label_words,
                        prose,
                        style,
                        rng,
                    );
                    position += line.tokens.len();
                    lines.push(PhysLine {
                        text,
                        header,
                        kept_with_next: line.hyphen_end,
                    });
                }
            }
        }
    }
    lines
}

fn gap_lines(style: &Style, rng: &mut CorpusRng) -> Vec<&'static str> {
    if style.double_spaced {
        // Every line is followed by an empty line later; a gap shows as a space-only line.
        return vec![" "];
    }
    match style.gap {
        Gap::Blank => vec![""],
        Gap::SpaceLine => vec![" "],
        Gap::Run => {
            let count = rng.random_range(1..=4);
            (0..count)
                .map(|_| if pick::chance(rng, 0.5) { "" } else { " " })
                .collect()
        }
    }
}

struct WrappedLine<'a> {
    tokens: Vec<Cow<'a, str>>,
    hyphen_end: bool,
}

fn char_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// "46." or "2." : a token that would read as a list number at the start of a line.
fn looks_like_list_number(token: &str) -> bool {
    token.len() > 1
        && token.ends_with('.')
        && token[..token.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

fn hyphenable(token: &str) -> bool {
    token.len() >= 7 && token.bytes().all(|b| b.is_ascii_lowercase())
}

fn wrap<'a>(
    tokens: &[&'a str],
    width: usize,
    allow_hyphen: bool,
    budget: &mut u32,
    rng: &mut CorpusRng,
) -> Vec<WrappedLine<'a>> {
    let mut lines = Vec::new();
    let mut current: Vec<Cow<'a, str>> = Vec::new();
    let mut length = 0;
    for &token in tokens {
        let token_length = char_len(token);
        if current.is_empty() || length + 1 + token_length <= width {
            length += token_length + usize::from(!current.is_empty());
            current.push(Cow::Borrowed(token));
            continue;
        }
        let carry_previous = current.len() >= 2
            && (looks_like_list_number(token) || current.last().is_some_and(|t| t.ends_with('-')));
        if !carry_previous
            && allow_hyphen
            && *budget > 0
            && hyphenable(token)
            && pick::chance(rng, 0.5)
        {
            let room = width.saturating_sub(length + 2);
            let longest = room.min(token.len() - 3);
            if longest >= 3 {
                let split = rng.random_range(3..=longest);
                current.push(Cow::Owned(format!("{}-", &token[..split])));
                lines.push(WrappedLine {
                    tokens: std::mem::take(&mut current),
                    hyphen_end: true,
                });
                current.push(Cow::Borrowed(&token[split..]));
                length = token.len() - split;
                *budget -= 1;
                continue;
            }
        }
        let mut next: Vec<Cow<'a, str>> = Vec::new();
        if carry_previous {
            if let Some(previous) = current.pop() {
                next.push(previous);
            }
        }
        lines.push(WrappedLine {
            tokens: std::mem::take(&mut current),
            hyphen_end: false,
        });
        next.push(Cow::Borrowed(token));
        length = next.iter().map(|t| char_len(t)).sum::<usize>() + next.len() - 1;
        current = next;
    }
    if !current.is_empty() {
        lines.push(WrappedLine {
            tokens: current,
            hyphen_end: false,
        });
    }
    lines
}

/// Appends a line's tokens to `text`; `first` is the index of its first token in the
/// paragraph.
fn join(
    text: &mut String,
    tokens: &[Cow<'_, str>],
    first: usize,
    label_words: usize,
    prose: bool,
    style: &Style,
    rng: &mut CorpusRng,
) {
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            let previous = &tokens[i - 1];
            let in_label = first + i <= label_words;
            let sentence_end = previous.ends_with(['.', '?', '!']) || previous.ends_with(".\"");
            let separator = if in_label {
                " "
            } else if sentence_end && style.double_after_period {
                "  "
            } else if prose && style.nbsp && pick::chance(rng, 0.05) {
                "\u{a0}"
            } else if prose && style.doubled_spaces && pick::chance(rng, 0.02) {
                "  "
            } else {
                " "
            };
            text.push_str(separator);
        }
        text.push_str(token);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn wrapped_lines_never_start_with_a_list_number() {
        let mut rng = CorpusRng::seed_from_u64(1);
        let text = "aaaa bbbb cccc dddd on page 46. The request is not medically necessary.";
        let tokens: Vec<&str> = text.split(' ').collect();
        for width in 10..40 {
            let mut budget = 0;
            for line in wrap(&tokens, width, false, &mut budget, &mut rng) {
                assert!(
                    !looks_like_list_number(&line.tokens[0]),
                    "width {width}: {:?}",
                    line.tokens
                );
            }
        }
    }

    #[test]
    fn hyphenation_keeps_every_letter() {
        let mut rng = CorpusRng::seed_from_u64(2);
        let tokens = [
            "the",
            "epidural",
            "injection",
            "was",
            "performed",
            "uneventfully",
        ];
        for width in 8..30 {
            let mut budget = 3;
            let lines = wrap(&tokens, width, true, &mut budget, &mut rng);
            let mut joined = String::new();
            for line in &lines {
                let text = line.tokens.join(" ");
                if line.hyphen_end {
                    joined.push_str(text.trim_end_matches('-'));
                } else {
                    joined.push_str(&text);
                    joined.push(' ');
                }
            }
            assert_eq!(joined.trim_end(), tokens.join(" "));
        }
    }
}
