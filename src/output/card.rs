//! One letter as `imr show` prints it: a card of its fields, then every decision with its
//! guidelines and rationale (for people), or one JSON object per letter with its
//! decisions as a list (for scripts).

use super::table::wrap;
use crate::search::Hit;
use serde_json::{Map, Value};
use std::io::{self, Write};

const WIDTH: usize = 80;
const INDENT: &str = "    ";

/// The fields of a decision document that belong to the decision, not its letter.
const DECISION_FIELDS: [&str; 7] = [
    "item",
    "category",
    "decision",
    "claims_guideline",
    "reviewer_guideline",
    "reviewer_guideline_chapter",
    "rationale",
];

/// Fields of a hit that describe the search, not the letter.
const NOT_LETTER_FIELDS: [&str; 2] = ["decision_index", "snippet"];

/// The hits of one letter, in decision order.
pub struct LetterCard<'a> {
    /// The letter file.
    pub path: &'a str,
    /// Its decision documents, first decision first.
    pub decisions: Vec<&'a Hit>,
}

/// Writes each letter as a card.
pub fn write_cards(out: &mut dyn Write, letters: &[LetterCard<'_>]) -> io::Result<()> {
    for (position, letter) in letters.iter().enumerate() {
        if position > 0 {
            writeln!(out)?;
        }
        write_card(out, letter)?;
    }
    Ok(())
}

fn write_card(out: &mut dyn Write, letter: &LetterCard<'_>) -> io::Result<()> {
    let Some(first) = letter.decisions.first() else {
        return Ok(());
    };
    let title = [first.text("case_number"), first.text("layout")]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("  ");
    writeln!(out, "{title}")?;
    writeln!(out, "{INDENT}{}", letter.path)?;
    let labelled = [
        ("decision date", "decision_date"),
        ("assigned", "date_assigned"),
        ("application", "application_received"),
        ("UR denial", "ur_denial_date"),
        ("injured", "date_of_injury"),
        ("priority", "priority"),
        ("age", "age"),
        ("sex", "sex"),
        ("reviewer", "reviewer_specialties"),
        ("body parts", "body_parts"),
        ("diagnoses", "diagnoses"),
    ];
    for (label, name) in labelled {
        let value = first.text(name);
        if !value.is_empty() {
            write_wrapped(out, &format!("{label}: {value}"))?;
        }
    }
    if first.text("truncated") == "true" {
        write_wrapped(out, "truncated: the file stops before the letter ends")?;
    }
    let summary = first.text("summary");
    if !summary.is_empty() {
        writeln!(out)?;
        write_wrapped(out, &format!("summary: {summary}"))?;
    }
    if letter.decisions.iter().all(|hit| !has_decision(hit)) {
        writeln!(out)?;
        write_wrapped(out, "no decisions were read from this letter")?;
    }
    for (number, decision) in letter
        .decisions
        .iter()
        .filter(|hit| has_decision(hit))
        .enumerate()
    {
        writeln!(out)?;
        let verdict = [decision.text("decision"), decision.text("category")]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        writeln!(
            out,
            "{:>3}. {} ({verdict})",
            number + 1,
            decision.text("item")
        )?;
        let chapter = decision.text("reviewer_guideline_chapter");
        let reviewer = match chapter.is_empty() {
            true => decision.text("reviewer_guideline"),
            false => format!("{} chapter {chapter}", decision.text("reviewer_guideline")),
        };
        write_wrapped(
            out,
            &format!(
                "guidelines: claims administrator {}, reviewer {reviewer}",
                or_none(decision.text("claims_guideline"))
            ),
        )?;
        let rationale = decision.text("rationale");
        if !rationale.is_empty() {
            write_wrapped(out, &format!("rationale: {rationale}"))?;
        }
    }
    Ok(())
}

/// Whether a document holds a decision: a letter whose items were all lost keeps one
/// document without item fields, so that its letter is still found.
fn has_decision(hit: &Hit) -> bool {
    !hit.text("item").is_empty() || !hit.text("decision").is_empty()
}

fn or_none(text: String) -> String {
    if text.is_empty() {
        "none".to_string()
    } else {
        text
    }
}

fn write_wrapped(out: &mut dyn Write, text: &str) -> io::Result<()> {
    for line in wrap(text, WIDTH - INDENT.len()) {
        writeln!(out, "{INDENT}{line}")?;
    }
    Ok(())
}

/// The letters as one JSON array: each letter's fields, and `decisions` in order.
pub fn write_json(out: &mut dyn Write, letters: &[LetterCard<'_>]) -> io::Result<()> {
    let letters: Vec<Value> = letters.iter().map(letter_json).collect();
    serde_json::to_writer_pretty(&mut *out, &letters)?;
    writeln!(out)
}

fn letter_json(letter: &LetterCard<'_>) -> Value {
    let mut fields = Map::new();
    if let Some(first) = letter.decisions.first() {
        for (name, value) in &first.fields {
            let letter_field = !DECISION_FIELDS.contains(&name.as_str())
                && !NOT_LETTER_FIELDS.contains(&name.as_str());
            if letter_field {
                fields.insert(name.clone(), value.clone());
            }
        }
    }
    let decisions = letter
        .decisions
        .iter()
        .filter(|hit| has_decision(hit))
        .map(|hit| {
            let decision: Map<String, Value> = DECISION_FIELDS
                .iter()
                .map(|&name| {
                    let value = hit.fields.get(name).cloned().unwrap_or(Value::Null);
                    (name.to_string(), value)
                })
                .collect();
            Value::Object(decision)
        })
        .collect();
    fields.insert("decisions".to_string(), Value::Array(decisions));
    Value::Object(fields)
}
