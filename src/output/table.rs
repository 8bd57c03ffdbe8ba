//! The default output: each hit as a short block that fits an 80-column terminal, then
//! the facet counts as small two-column tables.

use crate::search::{CountMode, Hit, SearchResults, Snippet};
use std::io::{self, Write};

const WIDTH: usize = 80;
const INDENT: &str = "    ";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

pub fn write(
    out: &mut dyn Write,
    results: &SearchResults,
    offset: usize,
    colour: bool,
) -> io::Result<()> {
    let shown = results.hits.len();
    let noun = |count: u64, one: &'static str, many: &'static str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    let decisions = noun(results.total_hits as u64, "decision", "decisions");
    let matched = match results.total_letters {
        Some(letters) => format!("{} match ({decisions})", noun(letters, "letter", "letters")),
        None => format!("{decisions} match"),
    };
    if shown == 0 {
        writeln!(out, "{matched}")?;
    } else {
        writeln!(
            out,
            "{matched} (showing decisions {}-{})",
            offset + 1,
            offset + shown
        )?;
    }
    for (position, hit) in results.hits.iter().enumerate() {
        writeln!(out)?;
        write_hit(out, offset + position + 1, hit, colour)?;
    }
    for facet in &results.facets {
        writeln!(out)?;
        let value_width = facet
            .counts
            .iter()
            .map(|(value, _)| value.chars().count())
            .chain(std::iter::once(facet.field.len()))
            .max()
            .unwrap_or(0)
            .min(WIDTH - 12);
        let counted = match results.count {
            CountMode::Decisions => "decisions",
            CountMode::Letters => "letters",
        };
        writeln!(out, "{:<value_width$}  {counted:>8}", facet.field)?;
        if facet.counts.is_empty() {
            writeln!(out, "  (no values)")?;
        }
        for (value, count) in &facet.counts {
            writeln!(out, "  {:<width$}{count:>8}", value, width = value_width)?;
        }
    }
    Ok(())
}

fn write_hit(out: &mut dyn Write, number: usize, hit: &Hit, colour: bool) -> io::Result<()> {
    let heading = [
        hit.text("decision"),
        hit.text("category"),
        hit.text("case_number"),
        hit.text("decision_date"),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" | ");
    writeln!(out, "{number:>3}. {heading}")?;
    for line in wrap(&hit.text("item"), WIDTH - INDENT.len()).iter().take(2) {
        writeln!(out, "{INDENT}{line}")?;
    }
    let mut facts = Vec::new();
    let body_parts = hit.text("body_parts");
    if !body_parts.is_empty() {
        facts.push(format!("body: {body_parts}"));
    }
    let guideline = hit.text("reviewer_guideline");
    if !guideline.is_empty() {
        let chapter = hit.text("reviewer_guideline_chapter");
        facts.push(if chapter.is_empty() {
            format!("guideline: {guideline}")
        } else {
            format!("guideline: {guideline} ch. {chapter}")
        });
    }
    if !facts.is_empty() {
        for line in wrap(&facts.join(" | "), WIDTH - INDENT.len()) {
            writeln!(out, "{INDENT}{line}")?;
        }
    }
    if let Some(snippet) = &hit.snippet {
        for line in wrap(&marked(snippet, colour), WIDTH - INDENT.len()) {
            writeln!(out, "{INDENT}{line}")?;
        }
    }
    writeln!(out, "{INDENT}{}", hit.text("path"))
}

/// The snippet's text with its matches in bold on a terminal, between asterisks elsewhere.
fn marked(snippet: &Snippet, colour: bool) -> String {
    let (open, close) = if colour { (BOLD, RESET) } else { ("*", "*") };
    let mut text = String::with_capacity(snippet.text.len() + 16);
    let mut copied_up_to = 0;
    for &(start, end) in &snippet.highlights {
        if start < copied_up_to || end > snippet.text.len() {
            continue;
        }
        text.push_str(&snippet.text[copied_up_to..start]);
        text.push_str(open);
        text.push_str(&snippet.text[start..end]);
        text.push_str(close);
        copied_up_to = end;
    }
    text.push_str(&snippet.text[copied_up_to..]);
    format!("...{}...", text.trim())
}

/// Word-wraps `text` to lines of at most `width` visible characters.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for word in text.split_whitespace() {
        let word_width = visible_width(word);
        if line_width > 0 && line_width + 1 + word_width > width {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        if line_width > 0 {
            line.push(' ');
            line_width += 1;
        }
        line.push_str(word);
        line_width += word_width;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn visible_width(word: &str) -> usize {
    word.replace(BOLD, "").replace(RESET, "").chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_to_the_width() {
        let lines = wrap("one two three four five six", 9);
        assert_eq!(lines, ["one two", "three", "four five", "six"]);
    }

    #[test]
    fn marks_highlights() {
        let snippet = Snippet {
            field: "rationale".to_string(),
            text: "an epidural injection".to_string(),
            highlights: vec![(3, 11)],
        };
        assert_eq!(marked(&snippet, false), "...an *epidural* injection...");
    }
}
