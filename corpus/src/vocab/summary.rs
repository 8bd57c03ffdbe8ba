//! Sentences of a clinical case summary: openings that state age, sex, date of injury and
//! the injured parts; diagnosis sentences; and the sentences that follow. Placeholders:
//! `{age}`, `{sexw}` ("female"/"male"), `{person}` ("woman"/"man"...), `{title}` ("Ms."/"Mr."),
//! `{sexl}` ("F"/"M"), `{job}`, `{doi}`,
//! `{parts}`, `{cause}`, the worker's pronouns `{He}` `{he}` `{His}` `{his}`, and in later
//! sentences `{date}`, `{n}`, `{part}` and `{ur}`.

/// How an opening states the worker's sex.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SexMode {
    /// A word: "female", "male", "woman", "man", "gentleman".
    Word,
    /// Only a pronoun of the worker: "injured his left shoulder".
    Pronoun,
    /// Not at all: no sex word and no pronoun for the worker anywhere in the summary.
    Unstated,
}

/// An opening of a clinical summary.
pub struct Opening {
    /// The sentence(s).
    pub template: &'static str,
    /// Whether it states the age.
    pub age: bool,
    /// How it states the sex.
    pub sex: SexMode,
    /// Whether the parts are in a second sentence (the date of injury is in the first).
    pub split: bool,
    /// How often it is chosen among the openings that fit, relative to the others.
    pub weight: u32,
}

const fn opening(template: &'static str, age: bool, sex: SexMode, split: bool) -> Opening {
    Opening {
        template,
        age,
        sex,
        split,
        weight: 10,
    }
}

/// An opening in a less common form ("aged 38", "(age 44)", "Mr.", "52 y/o F"), chosen a
/// tenth as often as a usual one.
const fn rare(template: &'static str, age: bool, sex: SexMode, split: bool) -> Opening {
    Opening {
        template,
        age,
        sex,
        split,
        weight: 1,
    }
}

/// All openings; the generator picks one whose `age` and `sex` match the worker.
pub const OPENINGS: &[Opening] = &[
    opening("This {age} year old {sexw} claimant sustained a work injury on {doi} involving the {parts}{cause}.", true, SexMode::Word, false),
    opening("The injured worker is a {age}-year-old {sexw} who reported an industrial injury on {doi} to {his} {parts}{cause}.", true, SexMode::Word, false),
    opening("This {age} year old {person} sustained a work injury on {doi} involving the {parts}{cause}.", true, SexMode::Word, false),
    opening("The applicant is a {age} year old {sexw} {job} who sustained an industrial injury on {doi} to the {parts}{cause}.", true, SexMode::Word, false),
    opening("This is a {age}-year-old {sexw} with a date of injury of {doi} who sustained injuries to the {parts}{cause}.", true, SexMode::Word, false),
    opening("The patient is a {age} y/o {person} with a date of injury of {doi}. {He} injured {his} {parts}{cause}.", true, SexMode::Word, true),
    opening("This {age} year old {sexw} {job} has a date of injury of {doi}. {He} reported injuries to the {parts}{cause}.", true, SexMode::Word, true),
    opening("The claimant is a {age}-year-old {job} who injured {his} {parts} on {doi}{cause}.", true, SexMode::Pronoun, false),
    opening("The injured worker is a {age} year old {job} with a date of injury of {doi}. {He} injured {his} {parts}{cause}.", true, SexMode::Pronoun, true),
    opening("This {age} year old claimant sustained a work injury on {doi} involving the {parts}{cause}.", true, SexMode::Unstated, false),
    opening("The injured worker is a {age}-year-old {job} who reported an industrial injury on {doi} to the {parts}{cause}.", true, SexMode::Unstated, false),
    opening("The patient is a {age} y/o {job} with a date of injury of {doi}. The patient injured the {parts}{cause}.", true, SexMode::Unstated, true),
    opening("This {sexw} claimant sustained a work injury on {doi} involving the {parts}{cause}.", false, SexMode::Word, false),
    opening("The injured worker is a {sexw} {job} who reported an industrial injury on {doi} to {his} {parts}{cause}.", false, SexMode::Word, false),
    opening("The patient is a {person} with a date of injury of {doi}. {He} injured {his} {parts}{cause}.", false, SexMode::Word, true),
    opening("The claimant is a {job} who injured {his} {parts} on {doi}{cause}.", false, SexMode::Pronoun, false),
    opening("This claimant sustained a work injury on {doi} involving the {parts}{cause}.", false, SexMode::Unstated, false),
    opening("The injured worker reported an industrial injury on {doi} to the {parts}{cause}.", false, SexMode::Unstated, false),
    rare("The patient is a {sexw}, age {age}, who sustained a work injury on {doi} involving the {parts}{cause}.", true, SexMode::Word, false),
    rare("This {sexw} claimant, aged {age}, sustained a work injury on {doi} involving the {parts}{cause}.", true, SexMode::Word, false),
    rare("The injured worker is a {sexw} {job}, {age} years of age, who reported an industrial injury on {doi} to {his} {parts}{cause}.", true, SexMode::Word, false),
    rare("The applicant, {age}, is a {sexw} {job} who sustained an industrial injury on {doi} to the {parts}{cause}.", true, SexMode::Word, false),
    rare("The injured worker (age {age}) is a {sexw} {job} who reported an industrial injury on {doi} to {his} {parts}{cause}.", true, SexMode::Word, false),
    rare("The claimant is a {sexw} {job}, {age} years old, who sustained a work injury on {doi} involving the {parts}{cause}.", true, SexMode::Word, false),
    rare("The patient is a {person}, age {age}, with a date of injury of {doi}. {He} injured {his} {parts}{cause}.", true, SexMode::Word, true),
    rare("This {age}-year-old {person} reported an industrial injury on {doi} to {his} {parts}{cause}.", true, SexMode::Word, false),
    rare("{title} [redacted] is a {age}-year-old {job} who sustained an industrial injury on {doi} to {his} {parts}{cause}.", true, SexMode::Word, false),
    rare("{title} [redacted], a {age}-year-old {job}, sustained a work injury on {doi} involving the {parts}{cause}.", true, SexMode::Word, false),
    rare("Patient is a {age} y/o {sexl} who sustained a work injury on {doi} involving the {parts}{cause}.", true, SexMode::Word, false),
    rare("{title} [redacted] is a {job} who reported an industrial injury on {doi} to {his} {parts}{cause}.", false, SexMode::Word, false),
    rare("The patient is a {person} who sustained a work injury on {doi} involving the {parts}{cause}.", false, SexMode::Word, false),
    rare("The claimant, age {age}, is a {job} who injured {his} {parts} on {doi}{cause}.", true, SexMode::Pronoun, false),
    rare("The injured worker, age {age}, sustained a work injury on {doi} involving the {parts}{cause}.", true, SexMode::Unstated, false),
    rare("The claimant is a {job}, {age} years of age, who reported an industrial injury on {doi} to the {parts}{cause}.", true, SexMode::Unstated, false),
    rare("The applicant (age {age}) sustained an industrial injury on {doi} to the {parts}{cause}.", true, SexMode::Unstated, false),
    rare("The {job}, aged {age}, reported an industrial injury on {doi} to the {parts}{cause}.", true, SexMode::Unstated, false),
    rare("The claimant, {age}, sustained a work injury on {doi} involving the {parts}{cause}.", true, SexMode::Unstated, false),
];

/// Openings for a purely psychiatric injury (the part is psyche; no `{parts}`).
pub const PSYCHE_OPENINGS: &[&str] = &[
    "This {age} year old {sexw} claimant sustained a psychiatric injury on {doi} from stress at work.",
    "The injured worker is a {age}-year-old {sexw} who reported stress and depression from an industrial injury on {doi}.",
];

/// How a summary names a worker's sex.
pub struct SexWords {
    /// `{sexw}`: "female".
    pub word: &'static str,
    /// `{person}` choices: "woman".
    pub persons: &'static [&'static str],
    /// `{title}` choices: "Ms.".
    pub titles: &'static [&'static str],
    /// `{sexl}`: "F".
    pub letter: &'static str,
}

/// Sex words for women.
pub const FEMALE_WORDS: SexWords = SexWords {
    word: "female",
    persons: &["woman"],
    titles: &["Ms.", "Ms.", "Mrs."],
    letter: "F",
};
/// Sex words for men.
pub const MALE_WORDS: SexWords = SexWords {
    word: "male",
    persons: &["man", "gentleman"],
    titles: &["Mr."],
    letter: "M",
};

/// A diagnosis sentence for one diagnosis (`{list}`).
pub const DIAGNOSIS_ONE: &[&str] = &[
    "{He} was diagnosed with {list}.",
    "Diagnoses include {list}.",
    "Diagnoses: {list}.",
];

/// A diagnosis sentence for two diagnoses (`{a}`, `{b}`); never a bare "A and B".
pub const DIAGNOSIS_TWO: &[&str] = &[
    "{He} was diagnosed with {a} as well as {b}.",
    "{He} was diagnosed with {a}, as well as {b}.",
    "Diagnoses: {a}; {b}.",
    "{He} was diagnosed with {a}; {b}.",
];

/// How three or more diagnoses are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListStyle {
    /// "A, B and C"
    And,
    /// "A, B, and C"
    Oxford,
    /// "A; B; C"
    Semicolon,
}

/// A diagnosis sentence for three or more diagnoses (`{list}`).
pub const DIAGNOSIS_MANY: &[(&str, ListStyle)] = &[
    ("{He} was diagnosed with {list}.", ListStyle::And),
    ("{He} was diagnosed with {list}.", ListStyle::Oxford),
    ("Diagnoses include {list}.", ListStyle::And),
    ("Diagnoses include {list}.", ListStyle::Oxford),
    ("Diagnoses: {list}.", ListStyle::Semicolon),
    ("{He} was diagnosed with {list}.", ListStyle::Semicolon),
];

/// Sentences that name no body part and no symptom: safe right after the opening.
pub const NEUTRAL_SENTENCES: &[&str] = &[
    "{He} has had physical therapy, chiropractic care and acupuncture with temporary relief.",
    "Treatment to date has included medications, activity modification and a home exercise program.",
    "{He} has completed 12 sessions of physical therapy with limited benefit.",
    "Prior treatment included an epidural steroid injection, analgesics and a TENS unit.",
    "{He} remains off work.",
    "{He} has returned to modified duty with restrictions.",
    "{He} has been treated conservatively with medications and therapy.",
    "{His} current medications include ibuprofen and omeprazole.",
    "{He} reports that oral anti-inflammatories upset {his} stomach.",
    "There is no documentation of objective functional improvement with the current regimen.",
    "A urine drug screen on {date} was consistent with prescribed medication.",
    "{He} takes tramadol and uses a TENS unit at home.",
    "The claimant's pain scores have been stable over the last three visits.",
    "{He} doesn't tolerate prolonged sitting or standing.",
    "{He} describes the pain as \"constant and aching\" and rates it {n}/10.",
    "The treating physician's report of {date} requested further treatment.",
    "An MRI on {date} showed mild degenerative changes.",
    "Electrodiagnostic studies on {date} were reported as normal.",
    "A qualified medical evaluation on {date} found the claimant not yet at maximum medical improvement.",
    "{He} was prescribed a course of anti-inflammatory medication.",
    "Work restrictions included no lifting over 20 pounds.",
    "{He} reports difficulty sleeping because of pain.",
    "The treating physician notes that the claimant is motivated to return to work.",
    "{His} pain is worse with activity and improves with rest.",
    "{He} has continued a home exercise program with fair compliance.",
    "The most recent progress report is dated {date}.",
    "Vital signs were within normal limits at the last visit.",
];

/// Sentences that may name an injured part (`{part}`) or symptoms elsewhere; never in the
/// first two sentences.
pub const LATER_SENTENCES: &[&str] = &[
    "Examination on {date} showed tenderness of the {part} with reduced range of motion.",
    "A progress note of {date} documented pain of {n}/10 in the {part} with reduced motion.",
    "{He} reports pain radiating to the left leg.",
    "A progress note on {date} indicated the claimant had headaches with tingling in the left arm.",
    "{He} reports numbness of the fourth and fifth fingers of the left hand.",
    "{He} also complains of intermittent headaches.",
    "Exam findings were notable for paraspinal tenderness and reduced grip strength.",
    "The physician recommended further treatment of the {part} on {date}.",
];

/// Sentences with a non-ASCII name (for letters written in Windows-1252).
pub const NON_ASCII_SENTENCES: &[&str] = &[
    "{He} was seen at Clinica San José on {date} for a second opinion.",
    "Records from the Peña Family Medical Group dated {date} were reviewed.",
    "An evaluation at Centro Médico del Valle on {date} was also reviewed.",
];

/// L1/L2 sentences about the utilization review that cite no guideline.
pub const UR_MENTIONS: &[&str] = &[
    "The request was non-certified at utilization review on {ur}.",
    "A utilization review dated {ur} denied the request.",
];
