//! L1, the 2014-on determination letter: an optional header block, then HOW THE IMR FINAL
//! DETERMINATION WAS MADE, CLINICAL CASE SUMMARY and IMR ISSUES, DECISIONS AND RATIONALES
//! with one `<item>:  Upheld` line and three labelled paragraphs per item.

use super::{push_summary, specialty_phrase, two_columns, HeadingStyle};
use crate::case::Case;
use crate::date::DateStyle;
use crate::doc::{BlockKind, Doc, Mark};
use crate::model::Verdict;
use crate::pick::{self, fill, CorpusRng};
use crate::vocab::boilerplate as bp;
use crate::vocab::specialties::TWO_SPECIALTIES;

pub(super) fn render(case: &Case, rng: &mut CorpusRng) -> Doc {
    let mut doc = Doc::new(case.has_header.then(|| case.case_number.clone()));
    let headings = HeadingStyle::draw(rng);
    if case.has_header {
        header(&mut doc, case, rng);
        doc.mark_header();
        doc.gap();
    }

    doc.line(headings.write(bp::HOW_HEADING));
    doc.gap();
    let certification = fill(
        bp::L1_CERTIFICATION,
        &[(
            "specialties",
            &specialty_phrase(&case.reviewer, TWO_SPECIALTIES),
        )],
    );
    let mut how = format!("{} {certification} {}", bp::HOW_OPENING, bp::L1_PRACTICE);
    if pick::chance(rng, 0.6) {
        how = format!("{how} {}", bp::HOW_SELECTION);
    }
    doc.push(BlockKind::Prose, how, Mark::Plain);
    doc.gap();

    doc.line(headings.write(bp::SUMMARY_HEADING));
    doc.gap();
    if pick::chance(rng, 0.9) {
        doc.push(BlockKind::Prose, bp::SUMMARY_BOILERPLATE, Mark::Plain);
        doc.gap();
    }
    push_summary(&mut doc, case, rng);
    doc.gap();

    doc.line(headings.write(bp::L1_ISSUES_HEADING));
    doc.gap();
    if pick::chance(rng, 0.95) {
        doc.line(bp::L1_ITEMS_INTRO);
        doc.gap();
    }
    let word_case = pick::weighted(rng, &[(0u8, 75), (1, 20), (2, 5)]);
    let separator = *pick::one(rng, &[":  ", ":  ", ":  ", ": ", ":   "]);
    for (k, decision) in case.decisions.iter().enumerate() {
        let word = match decision.verdict {
            Verdict::Upheld => "Upheld",
            Verdict::Overturned => "Overturned",
        };
        let word = match word_case {
            0 => word.to_string(),
            1 => word.to_uppercase(),
            _ => word.to_lowercase(),
        };
        let number = if case.numbered_items {
            format!("{}. ", k + 1)
        } else {
            String::new()
        };
        doc.push(
            BlockKind::Line,
            format!("{number}{}{separator}{word}", decision.item),
            Mark::DecisionLine(k),
        );
        doc.gap();
        let claims = decision
            .claims
            .as_ref()
            .expect("L1 decisions always have a claims citation");
        doc.labelled(
            BlockKind::Wrapped,
            bp::L1_CLAIMS_LABEL,
            &claims.text,
            Mark::Plain,
        );
        doc.gap();
        doc.labelled(
            BlockKind::Wrapped,
            bp::L1_REVIEWER_LABEL,
            &decision.reviewer.text,
            Mark::ReviewerCitation(k),
        );
        doc.gap();
        doc.labelled(
            BlockKind::Prose,
            bp::L1_RATIONALE_LABEL,
            &decision.rationale,
            Mark::Rationale(k),
        );
        doc.gap();
    }
    doc
}

fn header(doc: &mut Doc, case: &Case, rng: &mut CorpusRng) {
    let dates = &case.dates;
    let fields = [
        ("Case Number:", case.case_number.clone()),
        (
            "Date Assigned:",
            dates.assigned.write(DateStyle::SlashPadded),
        ),
        (
            "Date of Injury:",
            dates.injury.write(DateStyle::SlashPadded),
        ),
        (
            "Decision Date:",
            dates.decision.write(DateStyle::SlashPadded),
        ),
        (
            "UR Denial Date:",
            dates.ur_denial.write(DateStyle::SlashPadded),
        ),
        ("Priority:", case.priority.written().to_string()),
        (
            "Application Received:",
            dates.application_received.write(DateStyle::SlashPadded),
        ),
    ];
    match rng.random_range(0..3) {
        0 => {
            // Two columns, as the PDF's table comes out of pdftotext -layout.
            let widths = (22, 19, 22);
            for pair in fields.chunks(2) {
                let right = pair.get(1).map(|(label, value)| (*label, value.as_str()));
                doc.line(two_columns((pair[0].0, &pair[0].1), right, widths));
            }
        }
        1 => {
            for (label, value) in &fields {
                doc.line(format!("{label} {value}"));
            }
        }
        _ => {
            for (label, value) in &fields {
                doc.line(format!("{label:<22}{value}"));
            }
        }
    }
}

use rand::Rng;
