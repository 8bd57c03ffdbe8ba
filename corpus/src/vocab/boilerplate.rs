//! The fixed text of each layout: headings (with their case variants), the MAXIMUS
//! paragraphs, labels, and document lists.

/// A heading: its usual upper-case form and a title-case variant.
pub type Heading = (&'static str, &'static str);

/// L1/L2 "HOW THE IMR FINAL DETERMINATION WAS MADE".
pub const HOW_HEADING: Heading = (
    "HOW THE IMR FINAL DETERMINATION WAS MADE",
    "How the IMR Final Determination Was Made",
);
/// L1/L2 "CLINICAL CASE SUMMARY".
pub const SUMMARY_HEADING: Heading = ("CLINICAL CASE SUMMARY", "Clinical Case Summary");
/// L1 "IMR ISSUES, DECISIONS AND RATIONALES".
pub const L1_ISSUES_HEADING: Heading = (
    "IMR ISSUES, DECISIONS AND RATIONALES",
    "IMR Issues, Decisions and Rationales",
);
/// L2 "DOCUMENTS REVIEWED".
pub const L2_DOCUMENTS_HEADING: Heading = ("DOCUMENTS REVIEWED", "Documents Reviewed");
/// L2 "IMR DECISION(S) AND RATIONALE(S)".
pub const L2_DECISIONS_HEADING: Heading = (
    "IMR DECISION(S) AND RATIONALE(S)",
    "IMR Decision(s) and Rationale(s)",
);

/// The first sentences of the HOW paragraph.
pub const HOW_OPENING: &str = "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator.";
/// L1's certification sentences naming the specialties (`{specialties}`), with relative
/// weights: the usual frame, then a clause after the specialty, "holds board certification".
pub const L1_CERTIFICATIONS: &[(&str, u32)] = &[
    ("The expert reviewer is Board Certified in {specialties} and is licensed to practice in California.", 80),
    ("The expert reviewer is Board Certified in {specialties}, and is licensed to practice in California.", 4),
    ("The expert reviewer is Board Certified in {specialties}, a specialty that evaluates and treats the condition in dispute, and is licensed to practice in California.", 4),
    ("The expert reviewer is Board Certified in {specialties}, is licensed to practice in California, and has no affiliation with the parties.", 3),
    ("The expert reviewer holds board certification in {specialties} and is licensed to practice in California.", 5),
];
/// L1's certification sentences naming the reviewer by a specialist noun (`{specialist}`,
/// `{sub}` an optional subspecialty phrase).
pub const L1_SPECIALIST_CERTIFICATIONS: &[&str] = &[
    "The expert reviewer is a board-certified {specialist}{sub} and is licensed to practice in California.",
    "The expert reviewer is a Board Certified {specialist}{sub} who is licensed to practice in California.",
];
/// L1's practice sentence.
pub const L1_PRACTICE: &str = "He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice.";
/// The selection sentences of the long HOW paragraph.
pub const HOW_SELECTION: &str = "The expert reviewer was selected based on his/her clinical experience, education, background, and expertise in the same or similar specialties that evaluate and/or treat the medical condition and disputed items/services. He/she is familiar with governing laws and regulations, including the strength of evidence hierarchy that applies to Independent Medical Review determinations.";
/// The opening sentence of every L1/L2 clinical summary (not part of the summary's truth).
pub const SUMMARY_BOILERPLATE: &str = "The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:";
/// L1's line before the disputed items.
pub const L1_ITEMS_INTRO: &str =
    "The Final Determination was based on decisions for the disputed items/services set forth below:";

/// A family of L1 decision words: the word after the item's last colon.
#[derive(Clone, Copy, Debug)]
pub struct DecisionWords {
    /// The denial stands.
    pub upheld: &'static str,
    /// The denial is reversed.
    pub overturned: &'static str,
    /// Whether a letter may write it in upper or lower case instead.
    pub cased: bool,
}

/// L1's decision word families, with relative weights: "Upheld", the imperative "UPHOLD"
/// (or "Uphold"), and the words split by extraction ("Up held", "Over turned").
pub const L1_DECISION_WORDS: &[(DecisionWords, u32)] = &[
    (
        DecisionWords {
            upheld: "Upheld",
            overturned: "Overturned",
            cased: true,
        },
        84,
    ),
    (
        DecisionWords {
            upheld: "UPHOLD",
            overturned: "OVERTURN",
            cased: false,
        },
        6,
    ),
    (
        DecisionWords {
            upheld: "Uphold",
            overturned: "Overturn",
            cased: false,
        },
        3,
    ),
    (
        DecisionWords {
            upheld: "Up held",
            overturned: "Over turned",
            cased: true,
        },
        7,
    ),
];

/// L1 labels.
pub const L1_CLAIMS_LABEL: &str = "Claims Administrator guideline:";
/// L1 labels.
pub const L1_REVIEWER_LABEL: &str = "MAXIMUS guideline:";
/// L1 labels.
pub const L1_RATIONALE_LABEL: &str = "Decision rationale:";

/// L2's letterhead.
pub const L2_LETTERHEAD: &[&str] = &[
    "MAXIMUS FEDERAL SERVICES, INC.",
    "Independent Medical Review",
    "P.O. Box 138009",
    "Sacramento, CA 95813-8009",
    "(855) 865-8873 Fax: (916) 605-4270",
];
/// L2's title.
pub const L2_NOTICE: &str = "Notice of Independent Medical Review Determination";
/// L2's greeting.
pub const L2_GREETINGS: &[&str] = &["DEAR [redacted],", "Dear [redacted]:"];
/// L2's first paragraph.
pub const L2_INTRO: &str = "MAXIMUS Federal Services has completed the Independent Medical Review (IMR) of the above workers' compensation case. This letter provides you with the IMR Final Determination and explains how the determination was made.";
/// L2's final determination when every denial stands.
pub const L2_FINAL_UPHOLD: &[&str] = &[
    "Final Determination: UPHOLD. This means the Claims Administrator's decision is upheld and the disputed treatment is not to be provided.",
    "Final Determination: UPHOLD. This means we decided that none of the disputed items/services are medically necessary and appropriate.",
];
/// L2's final determination when every denial is reversed.
pub const L2_FINAL_OVERTURN: &[&str] = &[
    "Final Determination: OVERTURN. This means the Claims Administrator's decision is reversed and the disputed treatment is to be provided.",
    "Final Determination: OVERTURN. This means we decided that all of the disputed items/services are medically necessary and appropriate.",
];
/// L2's final determination when some denials stand.
pub const L2_FINAL_PARTIAL: &[&str] = &[
    "Final Determination: UPHOLD in part / OVERTURN in part. This means the Claims Administrator's decision is partly reversed: the treatment found medically necessary below is to be provided.",
    "Final Determination: OVERTURN in part. This means we decided that some of the disputed items/services are medically necessary and appropriate.",
];
/// L2's certification sentences naming the specialties (`{specialties}`), with relative
/// weights.
pub const L2_CERTIFICATIONS: &[(&str, u32)] = &[
    ("Expert Reviewer Information: The physician who reviewed the case is board certified in {specialties} and is licensed to practice in California.", 85),
    ("Expert Reviewer Information: The physician who reviewed the case is board certified in {specialties}, which is relevant to the treatment in dispute, and is licensed to practice in California.", 5),
    ("Expert Reviewer Information: The physician reviewer holds board certification in {specialties} and is licensed to practice in California.", 5),
];
/// L2's certification sentences with a specialist noun (`{specialist}`, `{sub}`).
pub const L2_SPECIALIST_CERTIFICATIONS: &[&str] = &[
    "Expert Reviewer Information: The physician who reviewed the case is a board-certified {specialist}{sub} and is licensed to practice in California.",
];
/// L2's practice sentence.
pub const L2_PRACTICE: &str =
    "He/she has been in active clinical practice for more than five years.";
/// L2 labels.
pub const L2_CLAIMS_LABEL: &str = "Guidelines Relied on by Claims Administrator/UR:";
/// L2 labels.
pub const L2_REVIEWER_LABEL: &str = "Guidelines Relied on by IMR Reviewer:";
/// L2 labels.
pub const L2_RATIONALE_LABEL: &str = "Rationale for the Decision:";
/// L2's decision sentence for an upheld denial (after the item).
pub const L2_NOT_NECESSARY: &str = "is not medically necessary and appropriate.";
/// The same with "not medically" run together, as PDF extraction leaves some letters.
pub const L2_NOT_NECESSARY_RUN_TOGETHER: &str = "is notmedically necessary and appropriate.";
/// L2's decision sentence for an overturned denial.
pub const L2_NECESSARY: &str = "is medically necessary and appropriate.";
/// L2's list of documents (`{app}`, `{ur}`, `{from}`, `{to}`, `{date}`).
pub const L2_DOCUMENTS: &[&str] = &[
    "- Application of Independent Medical Review, {app}",
    "- Utilization Review Determination, {ur}",
    "- Medical records from the primary treating physician, {from} - {to}",
    "- Medical records from the claims administrator",
    "- Progress report of {date}",
    "- Qualified medical evaluation, {date}",
];

/// L3's headings.
pub const L3_TITLE: &str = "MEDICAL PROFESSIONAL REVIEW";
/// L3's headings.
pub const L3_ISSUE: &str = "ISSUE AT DISPUTE:";
/// L3's headings.
pub const L3_SUMMARY: &str = "CASE SUMMARY:";
/// L3's headings.
pub const L3_DOCUMENTS: &str = "DOCUMENTS REVIEWED FOR DETERMINATION:";
/// L3's headings.
pub const L3_GUIDELINES: &str =
    "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:";
/// L3's rationale heading when the denial stands.
pub const L3_RATIONALE_UPHELD: &str =
    "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:";
/// L3's rationale heading when the denial is reversed.
pub const L3_RATIONALE_OVERTURNED: &str =
    "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS MEDICALLY NECESSARY:";
/// L3's headings.
pub const L3_QUALIFICATIONS: &str = "MEDICAL REVIEWER QUALIFICATIONS:";
/// L3's qualification labels.
pub const L3_SPECIALTY_LABEL: &str = "Certification(s)/Specialty:";
/// L3's last line.
pub const L3_LICENSURE: &str = "State(s) of Licensure: California";
/// L3's documents; the first only when the summary mentions the utilization review.
pub const L3_UR_DOCUMENT: &str = "- Utilization review determination, {ur}";
/// L3's other documents (`{from}`, `{to}`, `{date}`).
pub const L3_DOCUMENTS_LIST: &[&str] = &[
    "- Application for Independent Medical Review",
    "- Progress notes from the treating physician, {from} - {to}",
    "- Orthopedic consultation and progress notes, {from} - {to}",
    "- Imaging report, {date}",
    "- Physical therapy notes, {from} - {to}",
    "- Pharmacy records",
    "- Request for authorization, {date}",
];

/// The early 2013 L2 form: letterhead, title and date run together on one line (`{dated}`).
pub const EARLY_RUN_TOGETHER: &str =
    "MAXIMUS FEDERAL SERVICES, INC. Notice of Independent Medical Review Determination Dated: {dated}";
/// The early form's opening paragraph, which ends by introducing the decisions.
pub const EARLY_INTRO: &str = "MAXIMUS Federal Services, Inc. has completed the Independent Medical Review (IMR) of the above workers' compensation case. This letter provides you with the IMR determination and explains how the determination was made. MAXIMUS Federal Services, Inc. has made the following determinations:";
/// An early-form decision sentence (`{item}`, `{outcome}`).
pub const EARLY_DECISION: &str =
    "MAXIMUS Federal Services, Inc. has determined the request for {item} {outcome}";
/// The early form's signature, after the first list of decisions.
pub const EARLY_SIGNATURE: &[&str] = &["Sincerely,", "[redacted]", "Medical Director"];
/// The early form's heading before its procedural paragraph.
pub const EARLY_DECISION_HEADING: Heading = (
    "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE",
    "Independent Medical Review Decision and Rationale",
);
/// The procedural paragraph (`{app}`, `{ur}`, `{assigned}`): the dates this form states.
pub const EARLY_PROCEDURE: &str = "An application for Independent Medical Review was filed on {app} disputing the Utilization Review Denial dated {ur}. A Notice of Assignment and Request for Information was provided to the above parties on {assigned}. The expert reviewer reviewed all submitted records and made the following determinations:";
/// The early form's qualifications label.
pub const EARLY_QUALIFICATIONS: &str = "Medical Qualifications of the Expert Reviewer:";
/// The early form's certification sentences (`{specialties}`), with relative weights.
pub const EARLY_CERTIFICATIONS: &[(&str, u32)] = &[
    ("The physician reviewer is Board Certified in {specialties} and is licensed to practice in California.", 6),
    ("The expert reviewer is a physician who is board certified in {specialties} and is licensed to practice in California.", 3),
    ("The physician reviewer holds board certification in {specialties} and is licensed to practice in California.", 1),
];
/// The early form's certification sentences with a specialist noun (`{specialist}`, `{sub}`).
pub const EARLY_SPECIALIST_CERTIFICATIONS: &[&str] = &[
    "The physician reviewer is a board-certified {specialist}{sub} who is licensed to practice in California.",
];
/// The early form's practice sentence.
pub const EARLY_PRACTICE: &str = "He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice. He/she has no affiliation with the employer, employee, providers or the claims administrator.";
/// The early form's summary label.
pub const EARLY_SUMMARY_LABEL: &str = "Case Summary:";
/// The disclaimer before a summary copied from the utilization review (`{ur}`).
pub const EARLY_DISCLAIMER: &str = "Disclaimer: The following case summary was taken directly from the utilization review denial dated {ur}.";
/// The heading before the per-item blocks.
pub const EARLY_ITEMS_HEADING: &str = "Expert Reviewer Medical Necessity Decision and Rationale:";
/// The line that opens an item's block (`{item}`).
pub const EARLY_ITEM_INTRO: &str = "Regarding the request for {item}:";
/// The early form's labels.
pub const EARLY_CLAIMS_LABEL: &str =
    "Medical Treatment Guideline(s) Relied Upon by the Claims Administrator:";
/// The early form's labels.
pub const EARLY_REVIEWER_LABEL: &str =
    "Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:";
