//! L2's early 2013 form: letterhead, title and date (often run together on one line), a short
//! header, the decisions first as numbered "has determined the request for ... is (not)
//! medically necessary and appropriate" sentences, then INDEPENDENT MEDICAL REVIEW DECISION
//! AND RATIONALE with the procedural paragraph that states the application, denial and
//! assignment dates, the decisions again, the reviewer's qualifications, the case summary
//! (often in quotes after a disclaimer) and a block per item, sometimes with no heading of
//! its own and with its long guideline labels wrapped over two lines.

use super::{certification, push_summary_within, CertificationFrames, HeadingStyle};
use crate::case::Case;
use crate::date::DateStyle;
use crate::doc::{BlockKind, Doc, Mark};
use crate::model::Verdict;
use crate::pick::{self, fill, CorpusRng};
use crate::vocab::boilerplate as bp;
use rand::Rng;

pub(super) fn render(case: &Case, rng: &mut CorpusRng) -> Doc {
    let mut doc = Doc::new(Some(case.case_number.clone()));
    doc.decisions_first = true;
    let headings = HeadingStyle::draw(rng);
    let dates = &case.dates;
    let style = pick::weighted(
        rng,
        &[
            (DateStyle::Long, 4),
            (DateStyle::Slash, 3),
            (DateStyle::SlashPadded, 3),
        ],
    );
    let dated = dates.decision.write(style);
    if pick::chance(rng, 0.6) {
        doc.line(fill(bp::EARLY_RUN_TOGETHER, &[("dated", &dated)]));
    } else {
        for line in &bp::L2_LETTERHEAD[..4] {
            doc.line(*line);
        }
        doc.gap();
        doc.line(bp::L2_NOTICE);
        doc.gap();
        doc.line(format!("Dated: {dated}"));
    }
    doc.gap();
    let injury = dates.injury.write(DateStyle::SlashPadded);
    let fields = [
        ("Employee:", "[redacted]"),
        ("Claim Number:", "[redacted]"),
        ("Date of Injury:", injury.as_str()),
        ("IMR Case Number:", case.case_number.as_str()),
    ];
    let width = rng.random_range(18..=24);
    for (label, value) in fields {
        doc.line(format!("{label:<width$}{value}"));
    }
    doc.mark_header();
    doc.gap();

    doc.line(*pick::one(rng, bp::L2_GREETINGS));
    doc.gap();
    doc.push(BlockKind::Prose, bp::EARLY_INTRO, Mark::Plain);
    doc.gap();
    let sentences = decision_sentences(case, rng);
    for sentence in &sentences {
        doc.push(BlockKind::Wrapped, sentence.clone(), Mark::Plain);
        doc.gap();
    }
    for line in bp::EARLY_SIGNATURE {
        doc.line(*line);
    }
    doc.gap();

    doc.line(headings.write(bp::EARLY_DECISION_HEADING));
    doc.gap();
    let procedure = fill(
        bp::EARLY_PROCEDURE,
        &[
            ("app", &dates.application_received.write(style)),
            ("ur", &dates.ur_denial.write(style)),
            ("assigned", &dates.assigned.write(style)),
        ],
    );
    doc.push(BlockKind::Prose, procedure, Mark::Plain);
    doc.gap();
    for sentence in sentences {
        doc.push(BlockKind::Wrapped, sentence, Mark::Plain);
        doc.gap();
    }

    doc.line(bp::EARLY_QUALIFICATIONS);
    let certification = certification(
        &case.reviewer,
        &CertificationFrames {
            by_specialty: bp::EARLY_CERTIFICATIONS,
            by_specialist: bp::EARLY_SPECIALIST_CERTIFICATIONS,
        },
        rng,
    );
    doc.push(
        BlockKind::Prose,
        format!("{certification} {}", bp::EARLY_PRACTICE),
        Mark::Plain,
    );
    doc.gap();

    doc.line(bp::EARLY_SUMMARY_LABEL);
    // The summary may quote the worker itself ("constant and aching"), in quotes or not.
    if pick::chance(rng, 0.7) {
        let ur = dates.ur_denial.write(style);
        doc.push(
            BlockKind::Prose,
            fill(bp::EARLY_DISCLAIMER, &[("ur", &ur)]),
            Mark::Plain,
        );
        doc.summary_quoted = pick::chance(rng, 0.8);
    }
    let quote = if doc.summary_quoted { "\"" } else { "" };
    push_summary_within(&mut doc, case, quote, rng);
    doc.gap();

    // Some notices go from the summary straight to the first item's block.
    if pick::chance(rng, 0.75) {
        doc.line(bp::EARLY_ITEMS_HEADING);
        doc.gap();
    }
    let wrapped_labels = pick::chance(rng, 0.3);
    for (k, decision) in case.decisions.iter().enumerate() {
        let intro = fill(bp::EARLY_ITEM_INTRO, &[("item", &decision.item)]);
        doc.push(
            BlockKind::Wrapped,
            format!("{}) {intro}", k + 1),
            Mark::Plain,
        );
        doc.gap();
        let claims = decision
            .claims
            .as_ref()
            .expect("L2 decisions always have a claims citation");
        // The long labels stand on their own lines (or two), the citations below them.
        push_label(&mut doc, bp::EARLY_CLAIMS_LABEL, wrapped_labels);
        doc.push(BlockKind::Wrapped, claims.text.clone(), Mark::Plain);
        doc.gap();
        push_label(&mut doc, bp::EARLY_REVIEWER_LABEL, wrapped_labels);
        doc.push(
            BlockKind::Wrapped,
            decision.reviewer.text.clone(),
            Mark::Plain,
        );
        doc.gap();
        doc.labelled(
            BlockKind::Prose,
            bp::L2_RATIONALE_LABEL,
            &decision.rationale,
            Mark::Rationale(k),
        );
        doc.gap();
    }
    doc
}

/// A guideline label on its own line, or `wrapped` over two: "... Relied Upon by the Claims"
/// and "Administrator:".
///
/// Left out for now because `imr parse` misreads it: a page break between the two halves
/// (the parser then finds no label, and the guideline is null).
fn push_label(doc: &mut Doc, label: &str, wrapped: bool) {
    match label.rsplit_once(' ').filter(|_| wrapped) {
        Some((first, last)) => {
            doc.line_kept_with_next(first);
            doc.line(last);
        }
        None => doc.line(label),
    }
}

/// The numbered decision sentences, the same in both lists: "1)" or "1.", and "not
/// medically" sometimes run together.
fn decision_sentences(case: &Case, rng: &mut CorpusRng) -> Vec<String> {
    let paren = pick::chance(rng, 0.5);
    let not_necessary = if pick::chance(rng, 0.15) {
        bp::L2_NOT_NECESSARY_RUN_TOGETHER
    } else {
        bp::L2_NOT_NECESSARY
    };
    case.decisions
        .iter()
        .enumerate()
        .map(|(k, decision)| {
            let outcome = match decision.verdict {
                Verdict::Upheld => not_necessary,
                Verdict::Overturned => bp::L2_NECESSARY,
            };
            let number = if paren {
                format!("{})", k + 1)
            } else {
                format!("{}.", k + 1)
            };
            let sentence = fill(
                bp::EARLY_DECISION,
                &[("item", &decision.item), ("outcome", outcome)],
            );
            format!("{number} {sentence}")
        })
        .collect()
}
