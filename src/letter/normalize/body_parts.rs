//! Body parts: the canonical parts an injury statement may name. Their wordings are data
//! (`index-schema/vocab/body_parts.toml`).

use serde::{Deserialize, Serialize};

/// A canonical body part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

#[cfg(test)]
mod tests {
    use super::BodyPart::*;
    use super::*;
    use crate::letter::vocabulary::Vocabulary;

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
            assert_eq!(
                Vocabulary::built_in().body_parts_in(statement),
                *expected,
                "{statement}"
            );
        }
    }
}
