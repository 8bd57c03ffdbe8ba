//! The readable form of the `imr parse --summary` quality report.

use crate::quality::{FieldFill, QualityReport};
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
    )
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
