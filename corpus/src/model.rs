//! The closed vocabularies of the ground truth (layouts, body parts, categories, guideline
//! families ...), each with the exact canonical name `imr parse` prints, so the truth is
//! written from values chosen before any wording.

/// The three letter layouts of letter-formats.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layout {
    /// The 2014-on determination letter with a header block (or without, like the seed letter).
    L1,
    /// The 2013 MAXIMUS notice with numbered "is (not) medically necessary" items.
    L2,
    /// The reviewer's report, "MEDICAL PROFESSIONAL REVIEW".
    L3,
}

impl Layout {
    /// All layouts, in name order.
    pub const ALL: [Layout; 3] = [Layout::L1, Layout::L2, Layout::L3];

    /// The canonical name: "L1", "L2" or "L3".
    pub fn name(self) -> &'static str {
        match self {
            Layout::L1 => "L1",
            Layout::L2 => "L2",
            Layout::L3 => "L3",
        }
    }
}

/// The injured worker's sex, as the summary states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    /// "female", "woman", "she" ...
    Female,
    /// "male", "man", "he" ...
    Male,
}

impl Sex {
    /// The canonical name.
    pub fn name(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
        }
    }
}

/// The review priority of an L1 or L2 header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Priority {
    /// "Standard".
    Standard,
    /// "Expedited".
    Expedited,
}

impl Priority {
    /// The canonical name.
    pub fn name(self) -> &'static str {
        match self {
            Priority::Standard => "standard",
            Priority::Expedited => "expedited",
        }
    }

    /// How a header writes it.
    pub fn written(self) -> &'static str {
        match self {
            Priority::Standard => "Standard",
            Priority::Expedited => "Expedited",
        }
    }
}

/// The outcome of one disputed item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The claims administrator's denial stands (not medically necessary).
    Upheld,
    /// The denial is reversed (medically necessary).
    Overturned,
}

impl Verdict {
    /// The canonical name.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Upheld => "upheld",
            Verdict::Overturned => "overturned",
        }
    }
}

/// A normalised body part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BodyPart {
    /// Neck.
    CervicalSpine,
    /// Mid and upper back.
    ThoracicSpine,
    /// Low back, lumbosacral spine.
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
    /// Ankle and foot.
    AnkleFoot,
    /// Head, face, jaw.
    Head,
    /// Psychiatric injury, stress, depression.
    Psyche,
}

impl BodyPart {
    /// The canonical name.
    pub fn name(self) -> &'static str {
        match self {
            BodyPart::CervicalSpine => "cervical_spine",
            BodyPart::ThoracicSpine => "thoracic_spine",
            BodyPart::LumbarSpine => "lumbar_spine",
            BodyPart::Shoulder => "shoulder",
            BodyPart::Elbow => "elbow",
            BodyPart::WristHand => "wrist_hand",
            BodyPart::Hip => "hip",
            BodyPart::Knee => "knee",
            BodyPart::AnkleFoot => "ankle_foot",
            BodyPart::Head => "head",
            BodyPart::Psyche => "psyche",
        }
    }

    /// The MTUS ACOEM chapter (8-15) on this part, if there is one.
    pub fn acoem_chapter(self) -> Option<u8> {
        match self {
            BodyPart::CervicalSpine | BodyPart::ThoracicSpine => Some(8),
            BodyPart::Shoulder => Some(9),
            BodyPart::Elbow => Some(10),
            BodyPart::WristHand => Some(11),
            BodyPart::LumbarSpine => Some(12),
            BodyPart::Knee => Some(13),
            BodyPart::AnkleFoot => Some(14),
            BodyPart::Psyche => Some(15),
            BodyPart::Hip | BodyPart::Head => None,
        }
    }
}

/// The normalised category of a disputed item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Every drug, compounded cream and patch.
    Medication,
    /// Epidural, facet, trigger point, joint, Synvisc, PRP and nerve-block injections.
    Injection,
    /// Physical therapy, aquatic therapy.
    PhysicalTherapy,
    /// Chiropractic care.
    Chiropractic,
    /// Acupuncture.
    Acupuncture,
    /// MRI, CT, X-ray, bone scan.
    Imaging,
    /// EMG/NCV.
    Electrodiagnostic,
    /// Operations.
    Surgery,
    /// Equipment: TENS, H-wave, braces, cold therapy units, traction units, canes.
    Dme,
    /// Home health care.
    HomeHealth,
    /// Psychotherapy, CBT, psych evaluation.
    Psychological,
    /// Urine drug screens, blood tests.
    Lab,
    /// Referrals, specialist visits.
    Consultation,
    /// Functional restoration, work hardening, weight loss programs.
    Program,
    /// Surgical assistants, functional capacity evaluations, stimulator trials, transport.
    Other,
}

impl Category {
    /// The canonical name.
    pub fn name(self) -> &'static str {
        match self {
            Category::Medication => "medication",
            Category::Injection => "injection",
            Category::PhysicalTherapy => "physical_therapy",
            Category::Chiropractic => "chiropractic",
            Category::Acupuncture => "acupuncture",
            Category::Imaging => "imaging",
            Category::Electrodiagnostic => "electrodiagnostic",
            Category::Surgery => "surgery",
            Category::Dme => "dme",
            Category::HomeHealth => "home_health",
            Category::Psychological => "psychological",
            Category::Lab => "lab",
            Category::Consultation => "consultation",
            Category::Program => "program",
            Category::Other => "other",
        }
    }
}

/// A guideline family, as the normalisation rules assign it from a citation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// MTUS ACOEM chapters 8-15.
    MtusAcoem,
    /// MTUS Chronic Pain Medical Treatment Guidelines.
    MtusChronicPain,
    /// MTUS Postsurgical Treatment Guidelines.
    MtusPostsurgical,
    /// Official Disability Guidelines.
    Odg,
    /// ACOEM outside the MTUS (2nd edition chapters 6 and 7, the 3rd edition).
    AcoemOther,
    /// Anything else, including any "Non-MTUS Citation".
    Other,
    /// No guideline cited.
    None,
}

impl Family {
    /// The canonical name.
    pub fn name(self) -> &'static str {
        match self {
            Family::MtusAcoem => "MTUS_ACOEM",
            Family::MtusChronicPain => "MTUS_CHRONIC_PAIN",
            Family::MtusPostsurgical => "MTUS_POSTSURGICAL",
            Family::Odg => "ODG",
            Family::AcoemOther => "ACOEM_OTHER",
            Family::Other => "OTHER",
            Family::None => "NONE",
        }
    }
}
