//! The readable form of the `imr parse --summary` quality report.

use crate::quality::{FieldFill, QualityReport};
use crate::unknowns::UnknownsReport;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Writes the report as text: the counts, then one line per field with its fill rate.
pub fn write(out: &mut dyn Write, report: &QualityReport) -> io::Result<()> {
    let letters: u64 = report.letters_by_layout.values().sum();
    let layouts = report
        .letters_by_layout
        .iter()
        .map(|(layout, count)| format!("{layout} {count}"))
        .collect::<Vec<_>>()
        .join(", ");
    writeln!(out, "files        {}", report.files)?;
    writeln!(out, "letters      {letters} ({layouts})")?;
    writeln!(out, "not letters  {}", report.not_letters)?;
    writeln!(out, "needs OCR    {}", report.needs_ocr)?;
    writeln!(out, "encrypted    {}", report.encrypted)?;
    writeln!(out, "skipped      {}", report.skipped)?;
    writeln!(out, "errors       {}", report.errors)?;
    writeln!(out, "truncated    {}", report.truncated)?;
    writeln!(out, "decisions    {}", report.decisions)?;
    write_fills(
        out,
        &format!("letter fields ({letters} letters)"),
        &report.letter_fields,
    )?;
    write_fills(
        out,
        &format!("decision fields ({} decisions)", report.decisions),
        &report.decision_fields,
    )?;
    write_categories(out, report)?;
    write_unknowns(out, &report.unknowns)
}

fn write_categories(out: &mut dyn Write, report: &QualityReport) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "categories")?;
    let mut categories: Vec<(&String, &u64)> = report.categories.iter().collect();
    categories.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    for (category, count) in categories {
        let share = *count as f64 * 100.0 / report.decisions.max(1) as f64;
        writeln!(out, "  {category:<28} {count:>15} {share:>6.1}%")?;
    }
    Ok(())
}

/// What the parser could not place: the numbers to act on, and where to look.
pub fn write_unknowns(out: &mut dyn Write, unknowns: &UnknownsReport) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "not read (add vocabulary rows, or report the wording)")?;
    writeln!(
        out,
        "  items no cue placed in a category         {:>7}  (of {} 'other'; the rest by a rule)",
        unknowns.other_by_default, unknowns.other_decisions
    )?;
    for item in &unknowns.other_items {
        writeln!(
            out,
            "    {:>6}  {}  ({})",
            item.count, item.item, item.example
        )?;
    }
    let kinds = [
        (
            "qualifications naming no known specialty",
            &unknowns.qualifications_without_known_specialty,
        ),
        (
            "decision-like lines but no decision",
            &unknowns.decision_lines_without_decision,
        ),
        (
            "read like IMR letters but match no layout",
            &unknowns.unknown_layouts,
        ),
    ];
    for (title, examples) in kinds {
        writeln!(out, "  {title:<42}{:>7}", examples.count)?;
        for example in &examples.examples {
            match &example.text {
                Some(text) => writeln!(out, "    {}: {text}", example.path)?,
                None => writeln!(out, "    {}", example.path)?,
            }
        }
    }
    Ok(())
}

fn write_fills(
    out: &mut dyn Write,
    title: &str,
    fills: &BTreeMap<String, FieldFill>,
) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{title}")?;
    writeln!(
        out,
        "  {:<28} {:>15} {:>7}  missing in",
        "field", "found", "share"
    )?;
    for (name, fill) in fills {
        let found = format!("{}/{}", fill.found, fill.total);
        let share = format!("{:.1}%", fill.share() * 100.0);
        writeln!(
            out,
            "  {name:<28} {found:>15} {share:>7}  {}",
            fill.missing_in.join(", ")
        )?;
    }
    Ok(())
}
