//! Body parts: the wordings of an injury statement and the canonical part each names.

use super::PatternTable;
use serde::Serialize;
use std::sync::LazyLock;

/// A canonical body part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyPart {
    /// Neck.
    CervicalSpine,
    /// Mid or upper back.
    ThoracicSpine,
    /// Low back, lumbosacral.
    LumbarSpine,
    /// Shoulder.
    Shoulder,
    /// Elbow.
    Elbow,
    /// Wrist, hand, fingers, forearm.
    WristHand,
    /// Hip.
    Hip,
    /// Knee.
    Knee,
    /// Ankle, foot, toes.
    AnkleFoot,
    /// Head, face, jaw.
    Head,
    /// Psychiatric injury: stress, depression, anxiety.
    Psyche,
}

use BodyPart::*;

/// Rows are tried in order; a phrase claimed by an earlier row ("upper back") is not
/// matched again by a later one ("back").
const BODY_PART_WORDINGS: &[(&str, BodyPart)] = &[
    (r"neck|cervical|c-spine", CervicalSpine),
    (
        r"(?:mid|middle|upper)[- ]?back|thoracic|t-spine",
        ThoracicSpine,
    ),
    (
        r"(?:low|lower)[- ]?back|lumbar|lumbosacral|l-spine",
        LumbarSpine,
    ),
    (r"back", LumbarSpine),
    (r"shoulders?", Shoulder),
    (r"elbows?", Elbow),
    (r"wrists?|hands?|fingers?|thumbs?|forearms?", WristHand),
    (r"hips?", Hip),
    (r"knees?", Knee),
    (r"ankles?|foot|feet|toes?|heels?", AnkleFoot),
    (r"head|face|facial|jaw|tmj|temporomandibular", Head),
    (
        r"psyche|psychiatric|psychological|stress|depression|anxiety|emotional",
        Psyche,
    ),
];

static TABLE: LazyLock<PatternTable<BodyPart>> =
    LazyLock::new(|| PatternTable::new(BODY_PART_WORDINGS));

/// The body parts an injury statement names, in order of first mention.
pub fn body_parts_in(injury_statement: &str) -> Vec<BodyPart> {
    TABLE.mentions(injury_statement)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_injury_statements() {
        let rows: &[(&str, &[BodyPart])] = &[
            (
                "sustained a work injury on 10/2/13 involving the neck and back",
                &[CervicalSpine, LumbarSpine],
            ),
            (
                "reported an industrial injury to his low back and right knee",
                &[LumbarSpine, Knee],
            ),
            (
                "injured her upper back and left shoulder",
                &[ThoracicSpine, Shoulder],
            ),
            ("injury to the lumbosacral spine", &[LumbarSpine]),
            ("injured both hands and wrists", &[WristHand]),
            ("an injury to the head and face with headaches", &[Head]),
            ("a psychiatric injury from stress at work", &[Psyche]),
            ("crush injury to the left foot and ankle", &[AnkleFoot]),
            ("fell on his right hip and elbow", &[Hip, Elbow]),
            ("cumulative trauma injury with no part named", &[]),
        ];
        for (statement, expected) in rows {
            assert_eq!(body_parts_in(statement), *expected, "{statement}");
        }
    }
}
