//! Reviewer specialties: the canonical names, how letters write them, and the pairs that
//! appear as "X, has a subspecialty in Y".

/// A specialty: its canonical name and the ways letters write it.
pub struct Specialty {
    /// The canonical name the truth carries.
    pub canonical: &'static str,
    /// How letters write it (the first is the canonical spelling; the others, spellings and
    /// abbreviations of the same specialty, are drawn less often).
    pub written: &'static [&'static str],
    /// What a board-certified reviewer of it is called ("Orthopedic Surgeon"), for the
    /// "is a board-certified {specialist}" frames; empty when no noun names only it.
    pub specialist: &'static [&'static str],
}

/// Family Practice.
pub const FAMILY_PRACTICE: Specialty = Specialty {
    canonical: "Family Practice",
    written: &["Family Practice"],
    specialist: &["Family Practice physician"],
};
/// Orthopedic Surgery (also written "Orthopaedic Surgery").
pub const ORTHOPEDIC_SURGERY: Specialty = Specialty {
    canonical: "Orthopedic Surgery",
    written: &["Orthopedic Surgery", "Orthopaedic Surgery"],
    specialist: &["Orthopedic Surgeon", "orthopaedic surgeon"],
};
/// Physical Medicine & Rehabilitation (also written with "and", shortened to "Rehab", and
/// "PM&R").
pub const PHYSICAL_MEDICINE: Specialty = Specialty {
    canonical: "Physical Medicine & Rehabilitation",
    written: &[
        "Physical Medicine & Rehabilitation",
        "Physical Medicine and Rehabilitation",
        "Physical Medicine & Rehab",
        "PM&R",
    ],
    specialist: &["Physical Medicine and Rehabilitation physician"],
};
/// Pain Medicine.
pub const PAIN_MEDICINE: Specialty = Specialty {
    canonical: "Pain Medicine",
    written: &["Pain Medicine"],
    specialist: &["Pain Medicine specialist"],
};
/// Internal Medicine.
pub const INTERNAL_MEDICINE: Specialty = Specialty {
    canonical: "Internal Medicine",
    written: &["Internal Medicine"],
    specialist: &["Internal Medicine physician"],
};
/// Anesthesiology.
pub const ANESTHESIOLOGY: Specialty = Specialty {
    canonical: "Anesthesiology",
    written: &["Anesthesiology"],
    specialist: &["Anesthesiologist"],
};
/// Neurology.
pub const NEUROLOGY: Specialty = Specialty {
    canonical: "Neurology",
    written: &["Neurology"],
    specialist: &["Neurologist"],
};
/// Psychiatry.
pub const PSYCHIATRY: Specialty = Specialty {
    canonical: "Psychiatry",
    written: &["Psychiatry"],
    specialist: &["Psychiatrist"],
};
/// Psychology.
pub const PSYCHOLOGY: Specialty = Specialty {
    canonical: "Psychology",
    written: &["Psychology"],
    specialist: &[],
};
/// Occupational Medicine.
pub const OCCUPATIONAL_MEDICINE: Specialty = Specialty {
    canonical: "Occupational Medicine",
    written: &["Occupational Medicine"],
    specialist: &["Occupational Medicine physician"],
};
/// Chiropractic.
pub const CHIROPRACTIC: Specialty = Specialty {
    canonical: "Chiropractic",
    written: &["Chiropractic"],
    specialist: &[],
};
/// Acupuncture.
pub const ACUPUNCTURE: Specialty = Specialty {
    canonical: "Acupuncture",
    written: &["Acupuncture"],
    specialist: &[],
};
/// Neurological Surgery (also written "Neurosurgery"; its specialist a "Neurological
/// Surgeon" or a "neurosurgeon").
pub const NEUROLOGICAL_SURGERY: Specialty = Specialty {
    canonical: "Neurological Surgery",
    written: &["Neurological Surgery", "Neurosurgery"],
    specialist: &["Neurological Surgeon", "neurosurgeon"],
};
/// Podiatry.
pub const PODIATRY: Specialty = Specialty {
    canonical: "Podiatry",
    written: &["Podiatry"],
    specialist: &[],
};

/// Reviewers of general requests (relative weights).
pub const GENERAL_REVIEWERS: &[(&Specialty, u32)] = &[
    (&FAMILY_PRACTICE, 14),
    (&PHYSICAL_MEDICINE, 12),
    (&ORTHOPEDIC_SURGERY, 10),
    (&INTERNAL_MEDICINE, 8),
    (&ANESTHESIOLOGY, 7),
    (&OCCUPATIONAL_MEDICINE, 6),
    (&PAIN_MEDICINE, 5),
    (&NEUROLOGY, 4),
];

/// Reviewers of surgery.
pub const SURGICAL_REVIEWERS: &[(&Specialty, u32)] =
    &[(&ORTHOPEDIC_SURGERY, 6), (&NEUROLOGICAL_SURGERY, 2)];
/// Reviewers of psychological requests.
pub const PSYCH_REVIEWERS: &[(&Specialty, u32)] = &[(&PSYCHIATRY, 3), (&PSYCHOLOGY, 2)];
/// Reviewers of chiropractic care.
pub const CHIROPRACTIC_REVIEWERS: &[(&Specialty, u32)] =
    &[(&CHIROPRACTIC, 3), (&FAMILY_PRACTICE, 1)];
/// Reviewers of acupuncture.
pub const ACUPUNCTURE_REVIEWERS: &[(&Specialty, u32)] =
    &[(&ACUPUNCTURE, 3), (&PHYSICAL_MEDICINE, 1)];
/// Reviewers of foot and ankle requests.
pub const FOOT_REVIEWERS: &[(&Specialty, u32)] = &[(&PODIATRY, 2), (&ORTHOPEDIC_SURGERY, 1)];

/// Board certification with a subspecialty: (board, subspecialty).
pub const SUBSPECIALTY_PAIRS: &[(&Specialty, &Specialty)] = &[
    (&ANESTHESIOLOGY, &PAIN_MEDICINE),
    (&PHYSICAL_MEDICINE, &PAIN_MEDICINE),
    (&NEUROLOGY, &PAIN_MEDICINE),
    (&INTERNAL_MEDICINE, &OCCUPATIONAL_MEDICINE),
    (&FAMILY_PRACTICE, &OCCUPATIONAL_MEDICINE),
];

/// The two-specialty forms of L1 and L2 (`{x}` the board, `{y}` the subspecialty), with
/// relative weights.
pub const TWO_SPECIALTIES: &[(&str, u32)] = &[
    ("{x}, has a subspecialty in {y}", 10),
    ("{x} with subspecialty in {y}", 10),
    ("{x} with a subspecialty in {y}", 3),
    ("{x}, {y}", 3),
    ("{x}; {y}", 2),
    ("{x} and {y}", 2),
];
/// The two-specialty forms of L3's `Certification(s)/Specialty:` line.
pub const L3_TWO_SPECIALTIES: &[(&str, u32)] = &[
    ("{x}; {y}", 10),
    ("{x}, {y}", 10),
    ("{x} with subspecialty in {y}", 2),
];
/// The subspecialty after a specialist noun ("a board-certified Anesthesiologist with a
/// subspecialty in Pain Medicine"): `{y}` the subspecialty.
pub const SPECIALIST_SUBSPECIALTY: &[&str] = &[
    " with a subspecialty in {y}",
    ", with a subspecialty in {y},",
    " with subspecialty in {y}",
];
