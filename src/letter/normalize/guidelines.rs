//! Guideline families: a citation after a guideline label classified by the rows of
//! `guidelines.toml` (first row that holds wins), and the ACOEM chapter it names.

use crate::letter::vocabulary::Vocabulary;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// A canonical guideline family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[allow(clippy::upper_case_acronyms)]
pub enum GuidelineFamily {
    /// An MTUS ACOEM chapter (8-15).
    #[serde(rename = "MTUS_ACOEM")]
    MtusAcoem,
    /// The MTUS Chronic Pain Medical Treatment Guidelines.
    #[serde(rename = "MTUS_CHRONIC_PAIN")]
    MtusChronicPain,
    /// The MTUS Postsurgical Treatment Guidelines.
    #[serde(rename = "MTUS_POSTSURGICAL")]
    MtusPostsurgical,
    /// Official Disability Guidelines.
    #[serde(rename = "ODG")]
    Odg,
    /// ACOEM outside the MTUS.
    #[serde(rename = "ACOEM_OTHER")]
    AcoemOther,
    /// Any other citation.
    #[serde(rename = "OTHER")]
    Other,
    /// No guideline was cited.
    #[serde(rename = "NONE")]
    None,
}

static CHAPTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bchapters?\s*(8|9|1[0-5])\b").expect("chapter regex is valid")
});

/// A classified citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guideline {
    /// The family.
    pub family: GuidelineFamily,
    /// The ACOEM chapter, for `MTUS_ACOEM` only.
    pub chapter: Option<u8>,
}

/// Classifies the citation text after a guideline label; empty text is no citation.
pub fn classify(vocabulary: &Vocabulary, citation: &str) -> Option<Guideline> {
    if citation.trim().is_empty() {
        return None;
    }
    let family = vocabulary
        .guideline_family(citation)
        .unwrap_or(GuidelineFamily::Other);
    let chapter = match family {
        GuidelineFamily::MtusAcoem => CHAPTER
            .captures(citation)
            .and_then(|caps| caps[1].parse().ok()),
        _ => None,
    };
    Some(Guideline { family, chapter })
}

#[cfg(test)]
mod tests {
    use super::GuidelineFamily::*;
    use super::*;

    fn family(citation: &str) -> Option<(GuidelineFamily, Option<u8>)> {
        classify(Vocabulary::built_in(), citation)
            .map(|guideline| (guideline.family, guideline.chapter))
    }

    #[test]
    fn classifies_citations_in_rule_order() {
        let rows = [
            ("The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS Citation MTUS (2010 Revision, Web Edition), page 46", Some((Other, Option::None))),
            ("Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints.", Some((MtusAcoem, Some(8)))),
            ("ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, which is part of the MTUS", Some((MtusAcoem, Some(12)))),
            ("MTUS Chronic Pain Medical Treatment Guidelines, page 79", Some((MtusChronicPain, Option::None))),
            ("MTUS Postsurgical Treatment Guidelines, Knee", Some((MtusPostsurgical, Option::None))),
            ("Official Disability Guidelines (ODG), Knee chapter", Some((Odg, Option::None))),
            ("ACOEM Practice Guidelines, 2nd Edition, Chapter 7", Some((AcoemOther, Option::None))),
            ("ACOEM 3rd Edition, Chronic Pain chapter", Some((MtusChronicPain, Option::None))),
            ("The Claims Administrator did not cite any evidence-based criteria", Some((None, Option::None))),
            ("No evidence-based criteria were cited.", Some((None, Option::None))),
            ("MTUS (2010 Revision, Web Edition), page 46", Some((Other, Option::None))),
            ("Acupuncture Medical Treatment Guidelines (MTUS)", Some((Other, Option::None))),
            ("", Option::None),
        ];
        for (citation, expected) in rows {
            assert_eq!(family(citation), expected, "{citation}");
        }
    }
}
