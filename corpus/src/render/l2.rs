//! L2, the 2013 MAXIMUS notice: letterhead, `Dated:`, the header fields, the treatments in
//! dispute, a final determination, then HOW ..., DOCUMENTS REVIEWED, CLINICAL CASE SUMMARY
//! and IMR DECISION(S) AND RATIONALE(S) with numbered "is (not) medically necessary and
//! appropriate" sentences.

use super::{certification, push_summary, two_columns, CertificationFrames, HeadingStyle};
use crate::case::Case;
use crate::date::DateStyle;
use crate::doc::{BlockKind, Doc, Mark};
use crate::model::Verdict;
use crate::pick::{self, fill, CorpusRng};
use crate::vocab::boilerplate as bp;
use rand::seq::SliceRandom;
use rand::Rng;

pub(super) fn render(case: &Case, rng: &mut CorpusRng) -> Doc {
    let mut doc = Doc::new(Some(case.case_number.clone()));
    let headings = HeadingStyle::draw(rng);
    let dates = &case.dates;
    for line in bp::L2_LETTERHEAD {
        doc.line(*line);
    }
    doc.gap();
    doc.line(bp::L2_NOTICE);
    doc.gap();
    let dated_style = if pick::chance(rng, 0.7) {
        DateStyle::SlashPadded
    } else {
        DateStyle::Long
    };
    doc.line(format!("Dated: {}", dates.decision.write(dated_style)));
    doc.gap();
    let case_number = case.case_number.as_str();
    let injury = dates.injury.write(DateStyle::SlashPadded);
    let ur = dates.ur_denial.write(DateStyle::SlashPadded);
    let received = dates.application_received.write(DateStyle::SlashPadded);
    if pick::chance(rng, 0.6) {
        let widths = (24, 20, 22);
        doc.line(two_columns(
            ("IMR Case Number:", case_number),
            Some(("Date of Injury:", &injury)),
            widths,
        ));
        doc.line(two_columns(
            ("Claim Number:", "[redacted]"),
            Some(("UR Denial Date:", &ur)),
            widths,
        ));
        doc.line(two_columns(
            ("Priority:", case.priority.written()),
            Some(("Application Received:", &received)),
            widths,
        ));
        doc.line(two_columns(("Employee Name:", "[redacted]"), None, widths));
        doc.line(two_columns(("Provider Name:", "[redacted]"), None, widths));
    } else {
        doc.line(format!("IMR Case Number: {case_number}"));
        doc.line(format!("Date of Injury: {injury}"));
        doc.line("Claim Number: [redacted]");
        doc.line(format!("UR Denial Date: {ur}"));
        doc.line(format!("Priority: {}", case.priority.written()));
        doc.line(format!("Application Received: {received}"));
        doc.line("Employee Name: [redacted]");
    }
    doc.line("Treatment(s) in Dispute Listed on IMR Application:");
    let treatments: Vec<&str> = case.decisions.iter().map(|d| d.item.as_str()).collect();
    doc.push(BlockKind::Wrapped, treatments.join("; "), Mark::Plain);
    doc.mark_header();
    doc.gap();

    doc.line(*pick::one(rng, bp::L2_GREETINGS));
    doc.gap();
    doc.push(BlockKind::Prose, bp::L2_INTRO, Mark::Plain);
    doc.gap();
    let upheld = case
        .decisions
        .iter()
        .filter(|d| d.verdict == Verdict::Upheld)
        .count();
    let finals = match upheld {
        0 => bp::L2_FINAL_OVERTURN,
        n if n == case.decisions.len() => bp::L2_FINAL_UPHOLD,
        _ => bp::L2_FINAL_PARTIAL,
    };
    doc.push(BlockKind::Wrapped, *pick::one(rng, finals), Mark::Plain);
    doc.gap();

    doc.line(headings.write(bp::HOW_HEADING));
    doc.gap();
    let mut how = bp::HOW_OPENING.to_string();
    if pick::chance(rng, 0.3) {
        how = format!("{how} {}", bp::HOW_SELECTION);
    }
    doc.push(BlockKind::Prose, how, Mark::Plain);
    let certification = certification(
        &case.reviewer,
        &CertificationFrames {
            by_specialty: bp::L2_CERTIFICATIONS,
            by_specialist: bp::L2_SPECIALIST_CERTIFICATIONS,
        },
        rng,
    );
    doc.push(
        BlockKind::Prose,
        format!("{certification} {}", bp::L2_PRACTICE),
        Mark::Plain,
    );
    doc.gap();

    doc.line(headings.write(bp::L2_DOCUMENTS_HEADING));
    let from = dates
        .injury
        .plus_days(rng.random_range(30..=300))
        .month_year();
    let to = dates
        .ur_denial
        .plus_days(-rng.random_range(5..=30))
        .month_year();
    let mut documents: Vec<&str> = bp::L2_DOCUMENTS.to_vec();
    documents[3..].shuffle(rng);
    let count = rng.random_range(3..=documents.len());
    for template in &documents[..count] {
        let report = dates
            .ur_denial
            .plus_days(-rng.random_range(10..=90))
            .write(DateStyle::SlashPadded);
        doc.line(fill(
            template,
            &[
                ("app", &received),
                ("ur", &ur),
                ("from", &from),
                ("to", &to),
                ("date", &report),
            ],
        ));
    }
    doc.gap();

    doc.line(headings.write(bp::SUMMARY_HEADING));
    doc.push(BlockKind::Prose, bp::SUMMARY_BOILERPLATE, Mark::Plain);
    doc.gap();
    push_summary(&mut doc, case, rng);
    doc.gap();

    doc.line(headings.write(bp::L2_DECISIONS_HEADING));
    doc.gap();
    let not_necessary = if pick::chance(rng, 0.08) {
        bp::L2_NOT_NECESSARY_RUN_TOGETHER
    } else {
        bp::L2_NOT_NECESSARY
    };
    for (k, decision) in case.decisions.iter().enumerate() {
        let outcome = match decision.verdict {
            Verdict::Upheld => not_necessary,
            Verdict::Overturned => bp::L2_NECESSARY,
        };
        doc.push(
            BlockKind::Wrapped,
            format!("{}. {} {outcome}", k + 1, decision.item),
            Mark::DecisionLine(k),
        );
        let claims = decision
            .claims
            .as_ref()
            .expect("L2 decisions always have a claims citation");
        doc.labelled(
            BlockKind::Wrapped,
            bp::L2_CLAIMS_LABEL,
            &claims.text,
            Mark::Plain,
        );
        doc.labelled(
            BlockKind::Wrapped,
            bp::L2_REVIEWER_LABEL,
            &decision.reviewer.text,
            Mark::Plain,
        );
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
