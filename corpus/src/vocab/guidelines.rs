//! Guideline citations, as templates per family. Each template was checked against the
//! ordered normalisation rules of letter-formats.md so that it falls in its family and no
//! other: only MTUS_ACOEM wordings name both the MTUS and an ACOEM chapter 8-15; only
//! MTUS_CHRONIC_PAIN wordings say "Chronic Pain"; only MTUS_POSTSURGICAL wordings say
//! "Postsurgical"; ODG, ACOEM_OTHER and OTHER wordings say none of those (OTHER ones may say
//! "Non-MTUS Citation", which wins over everything but NONE).

use crate::model::BodyPart;

/// One MTUS ACOEM chapter.
pub struct AcoemChapter {
    /// 8-15.
    pub number: u8,
    /// The chapter title as cited.
    pub title: &'static str,
    /// Page ranges a citation may give.
    pub pages: &'static [&'static str],
}

/// The MTUS ACOEM chapters 8-15.
pub const ACOEM_CHAPTERS: &[AcoemChapter] = &[
    AcoemChapter {
        number: 8,
        title: "Neck and Upper Back Complaints",
        pages: &["177-179", "181-183", "174-175"],
    },
    AcoemChapter {
        number: 9,
        title: "Shoulder Complaints",
        pages: &["209-211", "212-214", "207-208"],
    },
    AcoemChapter {
        number: 10,
        title: "Elbow Disorders",
        pages: &["33-36", "41-42", "28-29"],
    },
    AcoemChapter {
        number: 11,
        title: "Forearm, Wrist, and Hand Complaints",
        pages: &["270-271", "265-266", "268-269"],
    },
    AcoemChapter {
        number: 12,
        title: "Low Back Complaints",
        pages: &["303-305", "308-310", "298-300"],
    },
    AcoemChapter {
        number: 13,
        title: "Knee Complaints",
        pages: &["343-345", "346-347", "339-340"],
    },
    AcoemChapter {
        number: 14,
        title: "Ankle and Foot Complaints",
        pages: &["372-374", "376-377", "369-370"],
    },
    AcoemChapter {
        number: 15,
        title: "Stress Related Conditions",
        pages: &["398-402", "405-406", "390-391"],
    },
];

/// MTUS_ACOEM citations: `{ch}` chapter number, `{title}`, `{pages}` a range, `{page}` one page.
pub const MTUS_ACOEM: &[&str] = &[
    "MTUS ACOEM Chapter {ch} {title}, pages {pages}",
    "MTUS ACOEM Chapter {ch} {title}",
    "ACOEM Practice Guidelines, 2nd Edition (2004), Chapter {ch}, {title}, which is part of the MTUS",
    "MTUS/ACOEM Practice Guidelines, Chapter {ch}, {title}, pages {pages}",
    "ACOEM Chapter {ch} {title}, page {page}, which is part of the MTUS",
    "California MTUS, ACOEM Practice Guidelines, Chapter {ch}, {title}, pages {pages}",
];

/// MTUS_CHRONIC_PAIN citations: `{topic}` a section, `{pp}` "page 46" or "pages 74-96".
pub const CHRONIC_PAIN: &[&str] = &[
    "MTUS Chronic Pain Medical Treatment Guidelines, {topic}, {pp}",
    "Chronic Pain Medical Treatment Guidelines, {topic}, {pp}, which is part of the MTUS",
    "CA MTUS Chronic Pain Medical Treatment Guidelines (2009), {topic}",
    "MTUS (2010 Revision, Web Edition), Chronic Pain Medical Treatment Guidelines, {topic}, {pp}",
    "California MTUS Chronic Pain Medical Treatment Guidelines, {topic}, {pp}",
];

/// MTUS_POSTSURGICAL citations: `{section}`, `{pp}`.
pub const POSTSURGICAL: &[&str] = &[
    "MTUS Postsurgical Treatment Guidelines, {section}, {pp}",
    "Postsurgical Treatment Guidelines (MTUS), {section}",
    "California MTUS Post-Surgical Treatment Guidelines, {section}, {pp}",
    "MTUS Post-Surgical Treatment Guidelines (2009), {section}",
];

/// The Postsurgical Treatment Guidelines section on a body part.
pub const POSTSURGICAL_SECTIONS: &[(BodyPart, &str)] = &[
    (BodyPart::CervicalSpine, "Neck & Upper Back"),
    (BodyPart::ThoracicSpine, "Neck & Upper Back"),
    (BodyPart::LumbarSpine, "Low Back"),
    (BodyPart::Shoulder, "Shoulder"),
    (BodyPart::Elbow, "Elbow & Upper Arm"),
    (BodyPart::WristHand, "Carpal Tunnel Syndrome"),
    (BodyPart::Hip, "Hip, Pelvis and Thigh"),
    (BodyPart::Knee, "Knee"),
    (BodyPart::AnkleFoot, "Ankle & Foot"),
    (BodyPart::Head, "Neck & Upper Back"),
    (BodyPart::Psyche, "Low Back"),
];

/// ODG citations: `{chapter}`, `{topic}`.
pub const ODG: &[&str] = &[
    "Official Disability Guidelines (ODG), {chapter} chapter, {topic}",
    "ODG, {chapter} chapter, {topic}",
    "Official Disability Guidelines, {chapter} chapter",
    "ODG Treatment in Workers' Comp, {chapter} chapter, {topic}",
    "Official Disability Guidelines (ODG), {topic}",
];

/// The ODG chapter on a body part.
pub const ODG_CHAPTERS: &[(BodyPart, &str)] = &[
    (BodyPart::CervicalSpine, "Neck and Upper Back"),
    (BodyPart::ThoracicSpine, "Low Back"),
    (BodyPart::LumbarSpine, "Low Back"),
    (BodyPart::Shoulder, "Shoulder"),
    (BodyPart::Elbow, "Elbow"),
    (BodyPart::WristHand, "Forearm, Wrist & Hand"),
    (BodyPart::Hip, "Hip & Pelvis"),
    (BodyPart::Knee, "Knee & Leg"),
    (BodyPart::AnkleFoot, "Ankle & Foot"),
    (BodyPart::Head, "Head"),
    (BodyPart::Psyche, "Mental Illness & Stress"),
];

/// ACOEM_OTHER citations for examinations and consultations (2nd edition Chapter 7).
pub const ACOEM_CHAPTER_7: &[&str] = &[
    "ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 7, Independent Medical Examinations and Consultations, page 127",
    "ACOEM Practice Guidelines, 2nd Edition, Chapter 7, Independent Medical Examinations and Consultations, pages 137-138",
    "ACOEM 3rd Edition, Chapter 7",
];

/// ACOEM_OTHER citations for anything (2nd edition Chapter 6).
pub const ACOEM_CHAPTER_6: &[&str] = &[
    "ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 6, Pain, Suffering, and the Restoration of Function, page 115",
    "ACOEM Practice Guidelines, 2nd Edition, Chapter 6, page 114",
];

/// ACOEM_OTHER citations of the 3rd edition: `{disorders}` a chapter title.
pub const ACOEM_THIRD_EDITION: &[&str] = &[
    "ACOEM Practice Guidelines, 3rd Edition (2011), {disorders}",
    "American College of Occupational and Environmental Medicine (ACOEM), 3rd Edition, {disorders}",
    "ACOEM Occupational Medicine Practice Guidelines, 3rd Edition, {disorders}",
];

/// The ACOEM 3rd edition chapter on a body part, where there is one.
pub const ACOEM_DISORDERS: &[(BodyPart, &str)] = &[
    (
        BodyPart::CervicalSpine,
        "Cervical and Thoracic Spine Disorders",
    ),
    (
        BodyPart::ThoracicSpine,
        "Cervical and Thoracic Spine Disorders",
    ),
    (BodyPart::LumbarSpine, "Low Back Disorders"),
    (BodyPart::Shoulder, "Shoulder Disorders"),
    (BodyPart::Elbow, "Elbow Disorders"),
    (BodyPart::WristHand, "Hand, Wrist, and Forearm Disorders"),
    (BodyPart::Hip, "Hip and Groin Disorders"),
    (BodyPart::Knee, "Knee Disorders"),
    (BodyPart::AnkleFoot, "Ankle and Foot Disorders"),
];

/// OTHER citations of a reference (`{reference}`).
pub const OTHER_REFERENCE: &[&str] = &[
    "Non-MTUS Citation: {reference}",
    "Non-MTUS Citation {reference}",
    "{reference}",
];

/// OTHER citations that need no reference: `{page}`, `{chapter}`, `{topic}`.
pub const OTHER_GENERAL: &[&str] = &[
    "MTUS (2010 Revision, Web Edition), page {page}",
    "Non-MTUS Citation: Official Disability Guidelines (ODG), {chapter} chapter, {topic}",
    "Non-MTUS Citation MTUS (2010 Revision, Web Edition), page {page}",
];

/// OTHER citations for acupuncture.
pub const OTHER_ACUPUNCTURE: &[&str] = &[
    "Acupuncture Medical Treatment Guidelines (MTUS)",
    "Acupuncture Medical Treatment Guidelines (MTUS), section 9792.24.1",
];

/// The seed letter's OTHER claims citation, a whole sentence pair (`{page}`).
pub const OTHER_CLAIMS_SENTENCE: &str = "The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS Citation MTUS (2010 Revision, Web Edition), page {page}";

/// References a reviewer may cite for any request; none names a rule's keyword.
pub const GENERAL_REFERENCES: &[&str] = &[
    "Chou R, et al. Interventional therapies, surgery, and interdisciplinary rehabilitation for low back pain. Spine 2009",
    "Harrison's Principles of Internal Medicine, 18th Edition",
    "van Tulder MW, et al. Behavioural treatment for low back pain. Cochrane Database Syst Rev 2000",
    "Food and Drug Administration, Medication Guide, 2012",
    "UpToDate, Evaluation of the adult with low back pain",
];

/// NONE citations (claims administrator only).
pub const NONE_CLAIMS: &[&str] = &[
    "The Claims Administrator did not cite any medical evidence for its decision.",
    "The Claims Administrator did not cite any evidence-based criteria for its decision.",
    "No evidence-based criteria were cited.",
];

/// How an L1 `Claims Administrator guideline:` line frames a citation (`{citation}`).
pub const L1_CLAIMS_FRAMES: &[&str] = &[
    "{citation}",
    "{citation}",
    "{citation}.",
    "The Claims Administrator based its decision on the {citation}.",
];

/// How an L1 `MAXIMUS guideline:` line frames a citation.
pub const L1_REVIEWER_FRAME: &str = "Decision based on {citation}.";

/// An L3 summary sentence about the utilization review: `{ur}` its date, `{citing}`.
pub const UR_FRAMES: &[&str] = &[
    "A utilization review dated {ur} denied the request, citing {citing}.",
    "The request was non-certified at utilization review on {ur}, citing {citing}.",
    "Utilization review on {ur} denied the request based on {citing}.",
    "A UR determination dated {ur} non-certified the request, citing {citing}.",
];

/// An L3 summary sentence about a utilization review that cited nothing (NONE).
pub const UR_NONE: &[&str] = &[
    "A utilization review dated {ur} denied the request but did not cite any evidence-based criteria.",
    "The utilization review of {ur} did not cite any guidelines for its denial.",
];

/// What a UR sentence cites, MTUS_ACOEM (`{ch}`, `{title}`).
pub const UR_CITING_MTUS_ACOEM: &[&str] = &[
    "the MTUS ACOEM Chapter {ch} {title}",
    "MTUS ACOEM Chapter {ch}",
];
/// What a UR sentence cites, MTUS_CHRONIC_PAIN.
pub const UR_CITING_CHRONIC_PAIN: &[&str] = &[
    "the MTUS Chronic Pain Medical Treatment Guidelines",
    "the Chronic Pain Medical Treatment Guidelines of the MTUS",
];
/// What a UR sentence cites, MTUS_POSTSURGICAL.
pub const UR_CITING_POSTSURGICAL: &[&str] = &["the MTUS Postsurgical Treatment Guidelines"];
/// What a UR sentence cites, ODG (`{chapter}`).
pub const UR_CITING_ODG: &[&str] = &[
    "the Official Disability Guidelines",
    "the ODG {chapter} chapter",
    "ODG",
];
/// What a UR sentence cites, ACOEM_OTHER.
pub const UR_CITING_ACOEM_OTHER: &[&str] = &[
    "the ACOEM Practice Guidelines, 3rd Edition",
    "ACOEM 3rd Edition guidelines",
];
/// What a UR sentence cites, OTHER.
pub const UR_CITING_OTHER: &[&str] = &[
    "a Non-MTUS Citation from the medical literature",
    "FDA prescribing information",
    "the Acupuncture Medical Treatment Guidelines (MTUS)",
];

/// The L3 "and why" sentence after an MTUS citation.
pub const WHY_MTUS: &[&str] = &[
    "This section of the MTUS addresses the requested treatment.",
    "The MTUS is the primary standard for this condition and addresses the request.",
];
/// The L3 "and why" sentence after an ODG citation.
pub const WHY_ODG: &[&str] = &[
    "The MTUS does not address this request, so the Official Disability Guidelines were used.",
    "These guidelines address the requested treatment.",
];
/// The L3 "and why" sentence after any other citation.
pub const WHY_OTHER: &[&str] = &[
    "This reference addresses the requested treatment.",
    "These guidelines address the requested treatment.",
];
