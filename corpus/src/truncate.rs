//! Cuts a letter short at a structural point and makes its truth say exactly what survives:
//! (a) mid-sentence in the last rationale, (b) right after an L1 decision line, (c) inside an
//! L1 `MAXIMUS guideline:` citation, (d) inside the clinical summary after the sentences that
//! state age, sex, injury and diagnoses, (e) in an L3 report before its rationale heading.
//! Cuts fall between words, and never right after a word that ends a sentence.

use crate::doc::{Block, BlockKind, Doc, Ending, Mark};
use crate::model::Layout;
use crate::pick::{self, CorpusRng};
use crate::truth::{collapse, LetterTruth};
use rand::Rng;

/// Where a letter is cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    /// (a) Mid-sentence in the last rationale.
    MidRationale,
    /// (b) Right after an L1 decision line.
    AfterDecisionLine,
    /// (c) Inside an L1 `MAXIMUS guideline:` citation.
    MidReviewerCitation,
    /// (d) Inside the clinical summary, after the protected sentences.
    MidSummary,
    /// (e) An L3 report before its rationale heading.
    BeforeRationaleHeading,
}

/// Cuts `doc` at a point drawn for its layout and updates `truth`; returns the cut made.
pub fn apply(doc: &mut Doc, truth: &mut LetterTruth, layout: Layout, rng: &mut CorpusRng) -> Cut {
    let weights: &[(Cut, u32)] = match layout {
        Layout::L1 => &[
            (Cut::MidRationale, 35),
            (Cut::AfterDecisionLine, 20),
            (Cut::MidReviewerCitation, 15),
            (Cut::MidSummary, 30),
        ],
        Layout::L2 => &[(Cut::MidRationale, 60), (Cut::MidSummary, 40)],
        Layout::L3 => &[
            (Cut::MidRationale, 40),
            (Cut::MidSummary, 30),
            (Cut::BeforeRationaleHeading, 30),
        ],
    };
    let cut = pick::weighted(rng, weights);
    let applied = match cut {
        Cut::MidRationale => mid_rationale(doc, truth, layout, rng),
        Cut::AfterDecisionLine => after_decision_line(doc, truth, rng),
        Cut::MidReviewerCitation => mid_reviewer_citation(doc, truth, rng),
        Cut::MidSummary => false,
        Cut::BeforeRationaleHeading => before_rationale_heading(doc, truth, rng),
    };
    let cut = if applied {
        cut
    } else {
        let done = mid_summary(doc, truth, layout, rng);
        assert!(done, "every summary has sentences after its protected part");
        Cut::MidSummary
    };
    truth.truncated = true;
    cut
}

/// Byte offsets at which `text` may be cut: word ends after `from`, with at least `kept`
/// words kept after `from` and `left` words dropped, never after a sentence's last word.
fn cut_points(text: &str, from: usize, kept: usize, left: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut offset = from;
    for word in text[from..].split(' ') {
        let start = offset;
        offset += word.len() + 1;
        if !word.is_empty() {
            ends.push((start, start + word.len()));
        }
    }
    let mut points = Vec::new();
    for (i, &(start, end)) in ends.iter().enumerate() {
        let kept_words = i + 1;
        let left_words = ends.len() - kept_words;
        let word = text[start..end].trim_end_matches(['"', '\'', ')']);
        let ends_sentence = word.ends_with(['.', '?', '!', ':', ';']);
        if kept_words >= kept && left_words >= left && !ends_sentence {
            points.push(end);
        }
    }
    points
}

fn last_block(doc: &Doc, wanted: impl Fn(Mark) -> bool) -> Option<usize> {
    doc.blocks.iter().rposition(|block| wanted(block.mark))
}

fn cut_block_at(doc: &mut Doc, index: usize, at: usize) {
    doc.blocks.truncate(index + 1);
    let block: &mut Block = &mut doc.blocks[index];
    block.text.truncate(at);
    doc.ending = Ending::MidLine;
}

fn mid_rationale(
    doc: &mut Doc,
    truth: &mut LetterTruth,
    layout: Layout,
    rng: &mut CorpusRng,
) -> bool {
    let Some(index) = last_block(doc, |mark| matches!(mark, Mark::Rationale(_))) else {
        return false;
    };
    let block = &doc.blocks[index];
    let points = cut_points(&block.text, block.label_len, 3, 2);
    let Some(&at) = points.get(rng.random_range(0..points.len().max(1))) else {
        return false;
    };
    let kept = collapse(&block.text[block.label_len..at]);
    cut_block_at(doc, index, at);
    match layout {
        Layout::L3 => {
            for decision in &mut truth.decisions {
                decision.rationale = Some(kept.clone());
            }
            // The qualifications come after the rationale.
            truth.reviewer_specialties.clear();
        }
        _ => {
            let last = truth
                .decisions
                .last_mut()
                .expect("a rationale belongs to a decision");
            last.rationale = Some(kept);
        }
    }
    true
}

fn after_decision_line(doc: &mut Doc, truth: &mut LetterTruth, rng: &mut CorpusRng) -> bool {
    let k = rng.random_range(0..truth.decisions.len());
    let Some(index) = doc
        .blocks
        .iter()
        .position(|b| b.mark == Mark::DecisionLine(k) && b.kind == BlockKind::Line)
    else {
        return false;
    };
    doc.blocks.truncate(index + 1);
    doc.ending = Ending::AfterLine;
    truth.decisions.truncate(k + 1);
    let decision = &mut truth.decisions[k];
    decision.claims_guideline = None;
    decision.reviewer_guideline = None;
    decision.reviewer_guideline_chapter = None;
    decision.rationale = None;
    true
}

fn mid_reviewer_citation(doc: &mut Doc, truth: &mut LetterTruth, rng: &mut CorpusRng) -> bool {
    let k = rng.random_range(0..truth.decisions.len());
    let Some(index) = doc
        .blocks
        .iter()
        .position(|b| b.mark == Mark::ReviewerCitation(k))
    else {
        return false;
    };
    let block = &doc.blocks[index];
    let points = cut_points(&block.text, block.label_len, 1, 1);
    let Some(&at) = points.get(rng.random_range(0..points.len().max(1))) else {
        return false;
    };
    cut_block_at(doc, index, at);
    truth.decisions.truncate(k + 1);
    let decision = &mut truth.decisions[k];
    decision.reviewer_guideline = None;
    decision.reviewer_guideline_chapter = None;
    decision.rationale = None;
    true
}

fn mid_summary(
    doc: &mut Doc,
    truth: &mut LetterTruth,
    layout: Layout,
    rng: &mut CorpusRng,
) -> bool {
    let Some(index) = last_block(doc, |mark| matches!(mark, Mark::Summary { .. })) else {
        return false;
    };
    let Mark::Summary { protected } = doc.blocks[index].mark else {
        return false;
    };
    let points = cut_points(&doc.blocks[index].text, protected, 2, 2);
    let Some(&at) = points.get(rng.random_range(0..points.len().max(1))) else {
        return false;
    };
    let mut summary: Vec<&str> = doc.blocks[..index]
        .iter()
        .filter(|b| matches!(b.mark, Mark::Summary { .. }))
        .map(|b| b.text.as_str())
        .collect();
    summary.push(&doc.blocks[index].text[..at]);
    let kept = collapse(&summary.join(" "));
    truth.summary = if doc.summary_quoted {
        kept.trim_start_matches('"').to_string()
    } else {
        kept
    };
    cut_block_at(doc, index, at);
    if doc.decisions_first {
        // The decision sentences survive; what follows the summary does not.
        for decision in &mut truth.decisions {
            decision.claims_guideline = None;
            decision.reviewer_guideline = None;
            decision.reviewer_guideline_chapter = None;
            decision.rationale = None;
        }
    } else {
        truth.decisions.clear();
    }
    if layout == Layout::L3 {
        truth.reviewer_specialties.clear();
    }
    true
}

fn before_rationale_heading(doc: &mut Doc, truth: &mut LetterTruth, rng: &mut CorpusRng) -> bool {
    let candidates: Vec<usize> = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.mark == Mark::BeforeRationale && b.kind != BlockKind::Gap)
        .map(|(i, _)| i)
        .collect();
    let Some(&index) = candidates.get(rng.random_range(0..candidates.len().max(1))) else {
        return false;
    };
    let points = cut_points(&doc.blocks[index].text, 0, 2, 1);
    match points.get(rng.random_range(0..points.len().max(1))) {
        Some(&at) if pick::chance(rng, 0.7) => cut_block_at(doc, index, at),
        _ => {
            doc.blocks.truncate(index + 1);
            doc.ending = Ending::AfterLine;
        }
    }
    truth.decisions.clear();
    truth.reviewer_specialties.clear();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_points_fall_between_words_and_never_after_a_sentence() {
        let text = "Decision rationale: One two three. Four five six seven.";
        let points = cut_points(text, "Decision rationale: ".len(), 3, 2);
        let kept: Vec<&str> = points.iter().map(|&p| &text[..p]).collect();
        assert!(kept.contains(&"Decision rationale: One two three. Four"));
        assert!(!kept.iter().any(|k| k.ends_with('.')));
        assert!(!kept.contains(&"Decision rationale: One two three. Four five six"));
    }
}
