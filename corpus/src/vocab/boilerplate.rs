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
/// L1's certification sentence (`{specialties}`).
pub const L1_CERTIFICATION: &str =
    "The expert reviewer is Board Certified in {specialties} and is licensed to practice in California.";
/// L1's practice sentence.
pub const L1_PRACTICE: &str = "He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice.";
/// The selection sentences of the long HOW paragraph.
pub const HOW_SELECTION: &str = "The expert reviewer was selected based on his/her clinical experience, education, background, and expertise in the same or similar specialties that evaluate and/or treat the medical condition and disputed items/services. He/she is familiar with governing laws and regulations, including the strength of evidence hierarchy that applies to Independent Medical Review determinations.";
/// The opening sentence of every L1/L2 clinical summary (not part of the summary's truth).
pub const SUMMARY_BOILERPLATE: &str = "The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:";
/// L1's line before the disputed items.
pub const L1_ITEMS_INTRO: &str =
    "The Final Determination was based on decisions for the disputed items/services set forth below:";

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
/// L2's certification sentence (`{specialties}`).
pub const L2_CERTIFICATION: &str = "Expert Reviewer Information: The physician who reviewed the case is board certified in {specialties} and is licensed to practice in California.";
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
