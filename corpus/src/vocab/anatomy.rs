//! Body parts as an injury statement names them, the diagnoses that go with each part, and
//! the causes and occupations that fill an injury statement. No wording names a second
//! canonical part, and no diagnosis contains a comma, a semicolon or " and ", so a list of
//! them is unambiguous.

use crate::model::BodyPart;

/// How an injury statement names a part: `{side}` is right or left; the `both` wordings
/// ("bilateral knees") name both sides.
pub struct PartWordings {
    /// The canonical part.
    pub part: BodyPart,
    /// Wordings for one side (or no side).
    pub single: &'static [&'static str],
    /// Wordings for both sides (empty: the part has no sides).
    pub both: &'static [&'static str],
}

/// Wordings per part.
pub const PART_WORDINGS: &[PartWordings] = &[
    PartWordings {
        part: BodyPart::CervicalSpine,
        single: &["neck", "cervical spine"],
        both: &[],
    },
    PartWordings {
        part: BodyPart::ThoracicSpine,
        single: &["upper back", "mid back", "thoracic spine"],
        both: &[],
    },
    PartWordings {
        part: BodyPart::LumbarSpine,
        single: &[
            "low back",
            "lower back",
            "lumbar spine",
            "lumbosacral spine",
        ],
        both: &[],
    },
    PartWordings {
        part: BodyPart::Shoulder,
        single: &["{side} shoulder"],
        both: &["bilateral shoulders"],
    },
    PartWordings {
        part: BodyPart::Elbow,
        single: &["{side} elbow"],
        both: &["bilateral elbows"],
    },
    PartWordings {
        part: BodyPart::WristHand,
        single: &[
            "{side} wrist",
            "{side} hand",
            "{side} hand and wrist",
            "{side} forearm",
            "{side} hand and fingers",
        ],
        both: &[
            "bilateral wrists",
            "bilateral wrists and hands",
            "bilateral hands",
        ],
    },
    PartWordings {
        part: BodyPart::Hip,
        single: &["{side} hip"],
        both: &["bilateral hips"],
    },
    PartWordings {
        part: BodyPart::Knee,
        single: &["{side} knee"],
        both: &["bilateral knees"],
    },
    PartWordings {
        part: BodyPart::AnkleFoot,
        single: &["{side} ankle", "{side} foot", "{side} ankle and foot"],
        both: &["bilateral feet", "bilateral ankles"],
    },
    PartWordings {
        part: BodyPart::Head,
        single: &["head", "face", "jaw", "head and face"],
        both: &[],
    },
    PartWordings {
        part: BodyPart::Psyche,
        single: &["psyche"],
        both: &[],
    },
];

/// The phrase for the cervical and lumbar spine together.
pub const NECK_AND_BACK: &str = "neck and back";

/// How often each part is injured (relative weights).
pub const PART_WEIGHTS: &[(BodyPart, u32)] = &[
    (BodyPart::LumbarSpine, 25),
    (BodyPart::CervicalSpine, 15),
    (BodyPart::Shoulder, 12),
    (BodyPart::Knee, 12),
    (BodyPart::WristHand, 8),
    (BodyPart::AnkleFoot, 6),
    (BodyPart::Elbow, 5),
    (BodyPart::ThoracicSpine, 4),
    (BodyPart::Hip, 4),
    (BodyPart::Head, 3),
    (BodyPart::Psyche, 6),
];

/// Diagnoses by the part they name (None: no part).
pub const DIAGNOSES: &[(Option<BodyPart>, &str)] = &[
    (Some(BodyPart::CervicalSpine), "cervical strain"),
    (Some(BodyPart::CervicalSpine), "cervical radiculopathy"),
    (
        Some(BodyPart::CervicalSpine),
        "cervical disc herniation at C5-C6",
    ),
    (Some(BodyPart::CervicalSpine), "cervical spondylosis"),
    (
        Some(BodyPart::CervicalSpine),
        "cervical radiculopathy of C6-C7 via EMG/NCV",
    ),
    (Some(BodyPart::ThoracicSpine), "thoracic sprain"),
    (Some(BodyPart::ThoracicSpine), "thoracic spine strain"),
    (Some(BodyPart::ThoracicSpine), "thoracic myofascial strain"),
    (Some(BodyPart::LumbarSpine), "lumbar strain"),
    (Some(BodyPart::LumbarSpine), "lumbar radiculopathy"),
    (
        Some(BodyPart::LumbarSpine),
        "lumbar disc protrusion at L4-L5",
    ),
    (Some(BodyPart::LumbarSpine), "lumbar spondylosis"),
    (
        Some(BodyPart::LumbarSpine),
        "lumbar degenerative disc disease",
    ),
    (Some(BodyPart::LumbarSpine), "lumbosacral sprain"),
    (Some(BodyPart::Shoulder), "shoulder impingement syndrome"),
    (Some(BodyPart::Shoulder), "rotator cuff tendinitis"),
    (
        Some(BodyPart::Shoulder),
        "a partial thickness rotator cuff tear",
    ),
    (
        Some(BodyPart::Shoulder),
        "adhesive capsulitis of the shoulder",
    ),
    (Some(BodyPart::Elbow), "lateral epicondylitis"),
    (Some(BodyPart::Elbow), "medial epicondylitis"),
    (Some(BodyPart::Elbow), "cubital tunnel syndrome"),
    (Some(BodyPart::WristHand), "carpal tunnel syndrome"),
    (Some(BodyPart::WristHand), "de Quervain tenosynovitis"),
    (Some(BodyPart::WristHand), "wrist sprain"),
    (Some(BodyPart::WristHand), "trigger finger"),
    (Some(BodyPart::Hip), "trochanteric bursitis"),
    (Some(BodyPart::Hip), "hip osteoarthritis"),
    (Some(BodyPart::Hip), "a hip labral tear"),
    (Some(BodyPart::Knee), "a medial meniscus tear"),
    (Some(BodyPart::Knee), "knee osteoarthritis"),
    (Some(BodyPart::Knee), "chondromalacia of the patella"),
    (Some(BodyPart::Knee), "patellofemoral pain syndrome"),
    (Some(BodyPart::AnkleFoot), "plantar fasciitis"),
    (Some(BodyPart::AnkleFoot), "ankle sprain"),
    (Some(BodyPart::AnkleFoot), "Achilles tendinitis"),
    (Some(BodyPart::AnkleFoot), "chronic ankle instability"),
    (Some(BodyPart::Head), "post-concussion syndrome"),
    (Some(BodyPart::Head), "closed head injury"),
    (Some(BodyPart::Head), "temporomandibular joint disorder"),
    (Some(BodyPart::Psyche), "major depressive disorder"),
    (Some(BodyPart::Psyche), "generalized anxiety disorder"),
    (Some(BodyPart::Psyche), "post-traumatic stress disorder"),
    (Some(BodyPart::Psyche), "adjustment disorder"),
    (None, "chronic pain syndrome"),
    (None, "myofascial pain syndrome"),
    (None, "hypertension"),
    (None, "obesity"),
    (None, "medication-induced gastritis"),
    (None, "complex regional pain syndrome"),
];

/// How an injury happened, after the injury statement's parts; `{he}` is the worker.
pub const CAUSES: &[&str] = &[
    " while lifting boxes",
    " while lifting a patient",
    " in a fall from a ladder",
    " when {he} slipped on a wet floor",
    " in a motor vehicle accident",
    " while unloading a truck",
    " from repetitive work",
    " while pushing a heavy cart",
    " when {he} tripped over a pallet",
    " from cumulative trauma",
    " while moving furniture",
    "",
    "",
    "",
];

/// Occupations, none of which says the worker's sex.
pub const OCCUPATIONS: &[&str] = &[
    "warehouse worker",
    "bus driver",
    "office assistant",
    "truck driver",
    "nurse",
    "cook",
    "custodian",
    "machine operator",
    "correctional officer",
    "cashier",
    "carpenter",
    "caregiver",
    "electrician",
    "school teacher",
    "grocery clerk",
];

/// The wordings of a part.
pub fn wordings(part: BodyPart) -> &'static PartWordings {
    PART_WORDINGS
        .iter()
        .find(|row| row.part == part)
        .expect("every body part has wordings")
}
