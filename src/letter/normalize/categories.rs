//! Treatment categories: what a disputed item requests, decided by several cues in turn,
//! strongest first. The words are data (`index-schema/vocab/categories.toml`,
//! `drugs.txt`); this module holds the order of the cues.

use crate::letter::text::sentences;
use crate::letter::vocabulary::Vocabulary;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// A canonical treatment category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Drugs, compounded creams, patches.
    Medication,
    /// Epidural, facet, trigger point, joint and nerve-block injections.
    Injection,
    /// Physical, aquatic and occupational therapy.
    PhysicalTherapy,
    /// Chiropractic care.
    Chiropractic,
    /// Acupuncture.
    Acupuncture,
    /// MRI, CT, X-ray, bone scan.
    Imaging,
    /// EMG/NCV.
    Electrodiagnostic,
    /// Surgical procedures.
    Surgery,
    /// Durable medical equipment.
    Dme,
    /// Home health care.
    HomeHealth,
    /// Psychotherapy, CBT, psychological evaluation.
    Psychological,
    /// Urine drug screens, blood tests.
    Lab,
    /// Referrals and specialist visits.
    Consultation,
    /// Functional restoration, work hardening, weight loss programs.
    Program,
    /// Anything else.
    Other,
}

use Category::*;

/// The form of a drug order: a dose ("10/325mg", "5%", "0.1 ml") or a pill count ("#60").
static DOSE_OR_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\d\s*(?:mg|mcg|ml|gm?|%)\b|#\s*\d|\b\d+\s*(?:tabs?|caps?|tablets?|capsules?)\b",
    )
    .expect("dose regex is valid")
});

/// The rationale sentences that name its subject.
const RATIONALE_OPENING_SENTENCES: usize = 2;

/// The category of a disputed item from its cues, strongest first: the item's words
/// against the item rules; a drug name or a dose form in it; the guideline topic the
/// reviewer cited; the topic of the rationale's opening. `Other` when nothing points
/// elsewhere.
pub fn category_of(
    vocabulary: &Vocabulary,
    item: &str,
    reviewer_citation: Option<&str>,
    rationale: Option<&str>,
) -> Category {
    if let Some(category) = vocabulary.category_by_words(item) {
        return category;
    }
    if vocabulary.names_a_drug(item) || DOSE_OR_COUNT.is_match(item) {
        return Medication;
    }
    let opening = rationale.map(|rationale| {
        let sentences = sentences(rationale);
        sentences[..sentences.len().min(RATIONALE_OPENING_SENTENCES)].join(" ")
    });
    let by_topic = [reviewer_citation, opening.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|text| vocabulary.category_by_topic(text));
    by_topic.unwrap_or(Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categorises_items() {
        let rows = [
            (
                "CERVICAL EPIDURAL STEROID INJECTIN AT LEVEL C6-C7",
                Injection,
            ),
            ("Norco 10/325mg #120", Medication),
            ("Tramadol ER 150mg #30", Medication),
            (
                "Compound: Flurbiprofen 20%/Tramadol 20% cream (DOS: 05/12/2014)",
                Medication,
            ),
            ("Lidoderm 5% patch #30", Medication),
            ("Gabapentin", Medication),
            ("Physical therapy 2x6 for the lumbar spine", PhysicalTherapy),
            ("PT 2x6", PhysicalTherapy),
            ("Aquatic therapy 12 sessions", PhysicalTherapy),
            ("Chiropractic manipulation 2x4", Chiropractic),
            ("Acupuncture x 6 sessions", Acupuncture),
            ("MRI of the cervical spine", Imaging),
            ("X-rays of the right knee", Imaging),
            (
                "EMG/NCV of the bilateral upper extremities",
                Electrodiagnostic,
            ),
            ("Right knee arthroscopy with partial meniscectomy", Surgery),
            ("Left carpal tunnel release", Surgery),
            ("L4-5 posterior lumbar fusion", Surgery),
            ("Post-operative cold therapy unit rental for 7 days", Dme),
            ("TENS unit", Dme),
            ("Cervical traction unit", Dme),
            ("Single point cane", Dme),
            ("Home health care 4 hours a day", HomeHealth),
            ("Cognitive behavioral therapy 6 sessions", Psychological),
            ("Psych evaluation", Psychological),
            ("Urine drug screen", Lab),
            ("Orthopedic spine surgery consultation", Consultation),
            ("Referral to pain management", Consultation),
            ("Functional restoration program 160 hours", Program),
            ("Weight loss program", Program),
            ("Functional capacity evaluation", Other),
            ("Surgical assistant", Other),
            ("Right knee Synvisc injection", Injection),
            ("Platelet-rich plasma injection", Injection),
            ("Occipital nerve block", Injection),
            ("Spinal cord stimulator trial", Other),
        ];
        for (item, expected) in rows {
            assert_eq!(
                category_of(Vocabulary::built_in(), item, None, None),
                expected,
                "{item}"
            );
        }
    }
}
