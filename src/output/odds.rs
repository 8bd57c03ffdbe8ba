//! Writers for `imr odds`: a short report for a terminal (the rate, the guidelines on each
//! side, the closest cases with their reviewers' words), or one JSON object.

use crate::stats::odds::Odds;
use std::io::{self, Write};

/// Guidelines listed per side in the report.
const GUIDELINES_SHOWN: usize = 5;

/// Writes the answer as one JSON object.
pub fn write_json(out: &mut dyn Write, odds: &Odds) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, odds)?;
    writeln!(out)
}

/// Writes the answer as a report.
pub fn write_report(out: &mut dyn Write, odds: &Odds) -> io::Result<()> {
    let outcome = &odds.outcome;
    writeln!(out, "Request:  {}", odds.query)?;
    writeln!(
        out,
        "Similar:  {} {} of category {} whose item holds {} of the {} words ({})",
        outcome.matched,
        if outcome.matched == 1 {
            "decision"
        } else {
            "decisions"
        },
        odds.category,
        odds.words_required,
        odds.words.len(),
        odds.words.join(" ")
    )?;
    match (outcome.overturn_rate, outcome.ci_low, outcome.ci_high) {
        (Some(rate), Some(low), Some(high)) => writeln!(
            out,
            "Outcome:  {} upheld, {} overturned: {:.1}% overturned (95% CI {:.1}-{:.1}%)",
            outcome.upheld,
            outcome.overturned,
            rate * 100.0,
            low * 100.0,
            high * 100.0
        )?,
        _ => writeln!(out, "Outcome:  no similar decision in the index")?,
    }
    for (side, guidelines) in [
        ("upheld", &odds.guidelines.upheld),
        ("overturned", &odds.guidelines.overturned),
    ] {
        if guidelines.is_empty() {
            continue;
        }
        let listed: Vec<String> = guidelines
            .iter()
            .take(GUIDELINES_SHOWN)
            .map(|(name, count)| format!("{name} {count}"))
            .collect();
        writeln!(out, "Guidelines when {side}: {}", listed.join(", "))?;
    }
    for (number, case) in odds.cases.iter().enumerate() {
        writeln!(out)?;
        let heading = [
            case.decision.as_str(),
            case.case_number.as_deref().unwrap_or(""),
            case.decision_date.as_deref().unwrap_or(""),
        ]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" | ");
        writeln!(out, "{:>3}. {heading}", number + 1)?;
        writeln!(out, "     {}", case.item)?;
        if !case.snippet.is_empty() {
            writeln!(out, "     \"{}\"", case.snippet)?;
        }
        writeln!(out, "     {}", case.path)?;
    }
    Ok(())
}
