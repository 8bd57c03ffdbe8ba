//! L3, the reviewer's report: MEDICAL PROFESSIONAL REVIEW with ISSUE AT DISPUTE, CASE
//! SUMMARY, DOCUMENTS REVIEWED FOR DETERMINATION, the guideline relied upon and why, the
//! rationale heading that carries the decision, and the reviewer's qualifications.

use super::{push_summary, specialty_phrase};
use crate::case::Case;
use crate::doc::{BlockKind, Doc, Mark, RunningForm, RunningHeader};
use crate::model::Verdict;
use crate::pick::{self, CorpusRng};
use crate::vocab::boilerplate as bp;
use crate::vocab::specialties::L3_TWO_SPECIALTIES;

pub(super) fn render(case: &Case, rng: &mut CorpusRng) -> Doc {
    let mut doc = Doc::new(Some(case.case_number.clone()));
    doc.line(bp::L3_TITLE);
    doc.gap();
    if pick::chance(rng, 0.2) {
        // The case number only in the page header line, without a label.
        let form = pick::weighted(
            rng,
            &[
                (RunningForm::CaseAlone, 2),
                (RunningForm::CaseThenPage, 2),
                (RunningForm::PageThenCase, 1),
            ],
        );
        doc.running_header = Some(RunningHeader {
            case_number: case.case_number.clone(),
            form,
        });
    } else {
        doc.line(format!("IMR Case Number: {}", case.case_number));
    }
    doc.mark_header();
    doc.gap();

    doc.line(bp::L3_ISSUE);
    let numbered = case.decisions.len() > 1;
    for (k, decision) in case.decisions.iter().enumerate() {
        if numbered {
            doc.line(format!("{}. {}", k + 1, decision.item));
        } else {
            doc.line(decision.item.clone());
        }
    }
    doc.gap();

    doc.line(bp::L3_SUMMARY);
    push_summary(&mut doc, case, rng);
    doc.gap();

    let first = &case.decisions[0];
    doc.push(BlockKind::Line, bp::L3_DOCUMENTS, Mark::BeforeRationale);
    for document in &case.documents {
        doc.push(BlockKind::Line, document.clone(), Mark::BeforeRationale);
    }
    doc.gap();
    doc.push(BlockKind::Line, bp::L3_GUIDELINES, Mark::BeforeRationale);
    doc.push(
        BlockKind::Wrapped,
        first.reviewer.text.clone(),
        Mark::BeforeRationale,
    );
    doc.gap();

    let heading = match first.verdict {
        Verdict::Upheld => bp::L3_RATIONALE_UPHELD,
        Verdict::Overturned => bp::L3_RATIONALE_OVERTURNED,
    };
    doc.line(heading);
    doc.push(
        BlockKind::Prose,
        first.rationale.clone(),
        Mark::Rationale(0),
    );
    doc.gap();

    doc.line(bp::L3_QUALIFICATIONS);
    let specialties = specialty_phrase(&case.reviewer, L3_TWO_SPECIALTIES, rng);
    let separator = *pick::one(rng, &[" ", " ", "  "]);
    doc.line(format!(
        "{}{separator}{specialties}",
        bp::L3_SPECIALTY_LABEL
    ));
    doc.line(bp::L3_LICENSURE);
    doc
}
