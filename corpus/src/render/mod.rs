//! Writes a [`Case`] as the blocks of its layout, with the variation real letters show within
//! a layout (heading case and spacing, one- or two-column headers, decision word case, item
//! numbering). One module per layout; the helpers they share live here.

mod l1;
mod l2;
mod l2_early;
mod l3;

use crate::case::{Case, Reviewer};
use crate::doc::{BlockKind, Doc, Mark};
use crate::model::Layout;
use crate::pick::{self, fill, CorpusRng};
use crate::vocab::boilerplate::Heading;
use crate::vocab::specialties::{SPECIALIST_SUBSPECIALTY, TWO_SPECIALTIES};
use rand::Rng;

/// The blocks of `case` in its layout.
pub fn render(case: &Case, rng: &mut CorpusRng) -> Doc {
    match case.layout {
        Layout::L1 => l1::render(case, rng),
        Layout::L2 if case.early_form => l2_early::render(case, rng),
        Layout::L2 => l2::render(case, rng),
        Layout::L3 => l3::render(case, rng),
    }
}

/// How one letter writes its headings.
struct HeadingStyle {
    title_case: bool,
    doubled_space: bool,
    colon: bool,
    padded: bool,
}

impl HeadingStyle {
    fn draw(rng: &mut CorpusRng) -> HeadingStyle {
        HeadingStyle {
            title_case: pick::chance(rng, 0.08),
            doubled_space: pick::chance(rng, 0.05),
            colon: pick::chance(rng, 0.05),
            padded: pick::chance(rng, 0.1),
        }
    }

    fn write(&self, heading: Heading) -> String {
        let mut text = if self.title_case {
            heading.1
        } else {
            heading.0
        }
        .to_string();
        if self.doubled_space {
            text = text.replacen(' ', "  ", 1);
        }
        if self.colon {
            text.push(':');
        }
        if self.padded {
            text = format!(" {text} ");
        }
        text
    }
}

/// The reviewer's specialties in a certification sentence: "X" or a two-specialty form.
fn specialty_phrase(reviewer: &Reviewer, forms: &[(&str, u32)], rng: &mut CorpusRng) -> String {
    match reviewer.subspecialty {
        None => reviewer.board.1.to_string(),
        Some((_, sub)) => fill(
            pick::weighted(rng, forms),
            &[("x", reviewer.board.1), ("y", sub)],
        ),
    }
}

/// The frames a layout writes its certification sentence in.
struct CertificationFrames {
    /// Frames with `{specialties}`, weighted.
    by_specialty: &'static [(&'static str, u32)],
    /// Frames with `{specialist}` and `{sub}`.
    by_specialist: &'static [&'static str],
}

/// The reviewer's certification sentence: mostly a frame naming the specialties, sometimes
/// one naming the reviewer by a specialist noun ("a board-certified Neurologist").
fn certification(reviewer: &Reviewer, frames: &CertificationFrames, rng: &mut CorpusRng) -> String {
    match reviewer.specialist {
        Some(specialist) if pick::chance(rng, 0.08) => {
            let sub = match reviewer.subspecialty {
                None => String::new(),
                Some((_, sub)) => fill(pick::one(rng, SPECIALIST_SUBSPECIALTY), &[("y", sub)]),
            };
            fill(
                pick::one(rng, frames.by_specialist),
                &[("specialist", specialist), ("sub", &sub)],
            )
        }
        _ => {
            let specialties = specialty_phrase(reviewer, TWO_SPECIALTIES, rng);
            fill(
                pick::weighted(rng, frames.by_specialty),
                &[("specialties", &specialties)],
            )
        }
    }
}

/// Adds the clinical summary as one paragraph, or two split at a sentence after the part a
/// mid-summary cut must keep.
fn push_summary(doc: &mut Doc, case: &Case, rng: &mut CorpusRng) {
    push_summary_within(doc, case, "", rng);
}

/// Adds the clinical summary, with `quote` before its first and after its last sentence.
fn push_summary_within(doc: &mut Doc, case: &Case, quote: &str, rng: &mut CorpusRng) {
    let protected = quote.len() + case.summary[..case.summary_protected].join(" ").len();
    let sentences = case.summary.len();
    let split = (sentences > case.summary_protected + 2 && pick::chance(rng, 0.2))
        .then(|| rng.random_range(case.summary_protected + 1..sentences));
    match split {
        None => doc.push(
            BlockKind::Prose,
            format!("{quote}{}{quote}", case.summary_text()),
            Mark::Summary { protected },
        ),
        Some(at) => {
            doc.push(
                BlockKind::Prose,
                format!("{quote}{}", case.summary[..at].join(" ")),
                Mark::Summary { protected },
            );
            doc.gap();
            doc.push(
                BlockKind::Prose,
                format!("{}{quote}", case.summary[at..].join(" ")),
                Mark::Summary { protected: 0 },
            );
        }
    }
}

/// A header field pair laid out in two columns, as PDF extraction leaves them.
fn two_columns(
    left: (&str, &str),
    right: Option<(&str, &str)>,
    widths: (usize, usize, usize),
) -> String {
    let (label_width, value_width, right_label_width) = widths;
    match right {
        Some((label, value)) => format!(
            "{:<label_width$}{:<value_width$}{:<right_label_width$}{}",
            left.0, left.1, label, value
        ),
        None => format!("{:<label_width$}{}", left.0, left.1),
    }
}
