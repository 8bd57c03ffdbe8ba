//! Disputed items: for each category of letter-formats.md, the wordings a request is written
//! in, each tied to a topic that says which guidelines can cite it and which rationale fits.
//! Every wording has exactly one category under the rules (a "spine surgery consultation" is
//! a consultation, a surgical assistant is other, any equipment is dme ...). Some wordings
//! carry the typos real letters have ("INJECTIN"); another word keeps their category clear.

use super::rationales::{self, RationaleText};
use crate::model::{BodyPart, Category};

/// What kind of request an item is: its category and where guidelines discuss it.
pub struct Topic {
    /// The normalised category.
    pub category: Category,
    /// The MTUS Chronic Pain Medical Treatment Guidelines section and pages, if it has one.
    pub chronic_pain: Option<(&'static str, &'static str)>,
    /// The ODG chapter (None: the chapter of the body part treated) and topic.
    pub odg: (Option<&'static str>, &'static str),
    /// Whether the MTUS Postsurgical Treatment Guidelines apply.
    pub postsurgical: bool,
    /// Whether ACOEM (2nd edition) Chapter 7, on examinations and consultations, applies.
    pub acoem_chapter_7: bool,
    /// A non-MTUS reference a reviewer might cite (None: a general one).
    pub reference: Option<&'static str>,
    /// The sentences its rationale is built from.
    pub rationale: &'static RationaleText,
}

/// One wording of a disputed item.
pub struct ItemRow {
    /// The item as written; `{dos}` is a date of service.
    pub text: &'static str,
    /// The body part it treats, if it names or implies one.
    pub region: Option<BodyPart>,
    /// What it is.
    pub topic: &'static Topic,
    /// How often it is chosen among the wordings of its category, relative to the others.
    pub weight: u32,
}

const fn topic(
    category: Category,
    chronic_pain: Option<(&'static str, &'static str)>,
    odg: (Option<&'static str>, &'static str),
    rationale: &'static RationaleText,
) -> Topic {
    Topic {
        category,
        chronic_pain,
        odg,
        postsurgical: false,
        acoem_chapter_7: false,
        reference: None,
        rationale,
    }
}

const fn with_reference(mut topic: Topic, reference: &'static str) -> Topic {
    topic.reference = Some(reference);
    topic
}

const fn postsurgical(mut topic: Topic) -> Topic {
    topic.postsurgical = true;
    topic
}

const fn chapter_7(mut topic: Topic) -> Topic {
    topic.acoem_chapter_7 = true;
    topic
}

use Category::*;

const OPIOIDS: Topic = with_reference(
    topic(
        Medication,
        Some(("Opioids, criteria for use", "76-80")),
        (Some("Pain"), "Opioids"),
        &rationales::MEDICATION,
    ),
    "Food and Drug Administration, Medication Guide for extended-release opioid analgesics",
);
const NSAIDS: Topic = topic(
    Medication,
    Some(("NSAIDs (non-steroidal anti-inflammatory drugs)", "67-73")),
    (
        Some("Pain"),
        "NSAIDs (non-steroidal anti-inflammatory drugs)",
    ),
    &rationales::MEDICATION,
);
const MUSCLE_RELAXANTS: Topic = topic(
    Medication,
    Some(("Muscle relaxants (for pain)", "63-66")),
    (Some("Pain"), "Muscle relaxants (for pain)"),
    &rationales::MEDICATION,
);
const TOPICAL: Topic = topic(
    Medication,
    Some(("Topical Analgesics", "111-113")),
    (Some("Pain"), "Compound drugs"),
    &rationales::TOPICAL_MEDICATION,
);
const LIDODERM: Topic = topic(
    Medication,
    Some(("Lidoderm (lidocaine patch)", "56-57")),
    (Some("Pain"), "Lidoderm (lidocaine patch)"),
    &rationales::TOPICAL_MEDICATION,
);
const ANTIEPILEPTIC: Topic = topic(
    Medication,
    Some(("Anti-epilepsy drugs (AEDs)", "16-22")),
    (Some("Pain"), "Anti-epilepsy drugs (AEDs)"),
    &rationales::MEDICATION,
);
const PROTON_PUMP: Topic = topic(
    Medication,
    Some(("NSAIDs, GI symptoms & cardiovascular risk", "68-69")),
    (Some("Pain"), "Proton pump inhibitors (PPIs)"),
    &rationales::MEDICATION,
);
const HYPNOTIC: Topic = with_reference(
    topic(
        Medication,
        None,
        (Some("Pain"), "Insomnia treatment"),
        &rationales::MEDICATION,
    ),
    "FDA prescribing information for zolpidem tartrate (Ambien)",
);
const EPIDURAL: Topic = topic(
    Injection,
    Some(("Epidural steroid injections (ESIs)", "46")),
    (None, "Epidural steroid injections (ESIs)"),
    &rationales::INJECTION,
);
const FACET: Topic = topic(
    Injection,
    None,
    (None, "Facet joint diagnostic blocks"),
    &rationales::INJECTION,
);
const TRIGGER_POINT: Topic = topic(
    Injection,
    Some(("Trigger point injections", "122")),
    (Some("Pain"), "Trigger point injections"),
    &rationales::INJECTION,
);
const VISCOSUPPLEMENT: Topic = with_reference(
    topic(Injection, None, (Some("Knee & Leg"), "Hyaluronic acid injections"), &rationales::INJECTION),
    "Bellamy N, et al. Viscosupplementation for the treatment of osteoarthritis of the knee. Cochrane Database Syst Rev 2006",
);
const PLATELET_RICH_PLASMA: Topic = topic(
    Injection,
    None,
    (None, "Platelet-rich plasma (PRP)"),
    &rationales::INJECTION,
);
const NERVE_BLOCK: Topic = topic(
    Injection,
    Some(("Regional sympathetic blocks", "103-104")),
    (None, "Nerve blocks"),
    &rationales::INJECTION,
);
const JOINT_INJECTION: Topic = topic(
    Injection,
    None,
    (None, "Steroid injections"),
    &rationales::INJECTION,
);
const PHYSICAL_MEDICINE: Topic = topic(
    PhysicalTherapy,
    Some(("Physical Medicine", "98-99")),
    (None, "Physical therapy"),
    &rationales::PHYSICAL_THERAPY,
);
const POSTOPERATIVE_THERAPY: Topic = postsurgical(topic(
    PhysicalTherapy,
    Some(("Physical Medicine", "98-99")),
    (None, "Physical therapy"),
    &rationales::PHYSICAL_THERAPY,
));
const AQUATIC: Topic = topic(
    PhysicalTherapy,
    Some(("Aquatic therapy", "22")),
    (Some("Low Back"), "Aquatic therapy"),
    &rationales::PHYSICAL_THERAPY,
);
const MANIPULATION: Topic = topic(
    Chiropractic,
    Some(("Manual therapy & manipulation", "58-60")),
    (Some("Low Back"), "Manipulation"),
    &rationales::CHIROPRACTIC,
);
const ACUPUNCTURE_TOPIC: Topic = topic(
    Acupuncture,
    None,
    (None, "Acupuncture"),
    &rationales::ACUPUNCTURE,
);
const MRI: Topic = topic(
    Imaging,
    None,
    (None, "MRIs (magnetic resonance imaging)"),
    &rationales::IMAGING,
);
const CT: Topic = topic(
    Imaging,
    None,
    (None, "CT (computed tomography)"),
    &rationales::IMAGING,
);
const RADIOGRAPHY: Topic = topic(Imaging, None, (None, "Radiography"), &rationales::IMAGING);
const BONE_SCAN: Topic = topic(Imaging, None, (None, "Bone scan"), &rationales::IMAGING);
const EMG: Topic = topic(
    Electrodiagnostic,
    None,
    (None, "EMGs (electromyography)"),
    &rationales::ELECTRODIAGNOSTIC,
);
const NERVE_CONDUCTION: Topic = topic(
    Electrodiagnostic,
    None,
    (None, "Nerve conduction studies (NCS)"),
    &rationales::ELECTRODIAGNOSTIC,
);
const OPERATION: Topic = with_reference(
    postsurgical(topic(Surgery, None, (None, "Indications for surgery"), &rationales::SURGERY)),
    "Deyo RA, Mirza SK. Trends and variations in the use of spine surgery. Clin Orthop Relat Res 2006",
);
const TENS: Topic = topic(
    Dme,
    Some(("Transcutaneous electrotherapy", "114-116")),
    (
        Some("Pain"),
        "TENS (transcutaneous electrical nerve stimulation)",
    ),
    &rationales::DME,
);
const H_WAVE: Topic = topic(
    Dme,
    Some(("H-wave stimulation (HWT)", "117-118")),
    (Some("Pain"), "H-wave stimulation (HWT)"),
    &rationales::DME,
);
const INTERFERENTIAL: Topic = topic(
    Dme,
    Some(("Interferential Current Stimulation (ICS)", "118-120")),
    (Some("Pain"), "Interferential current stimulation (ICS)"),
    &rationales::DME,
);
const BRACE: Topic = topic(Dme, None, (None, "Braces"), &rationales::DME);
const CRYOTHERAPY: Topic = topic(
    Dme,
    None,
    (None, "Continuous-flow cryotherapy"),
    &rationales::DME,
);
const TRACTION: Topic = topic(
    Dme,
    None,
    (Some("Neck and Upper Back"), "Traction"),
    &rationales::DME,
);
const WALKING_AID: Topic = topic(
    Dme,
    None,
    (Some("Knee & Leg"), "Walking aids"),
    &rationales::DME,
);
const EQUIPMENT: Topic = topic(
    Dme,
    None,
    (Some("Knee & Leg"), "Durable medical equipment (DME)"),
    &rationales::DME,
);
const HOME_HEALTH_TOPIC: Topic = topic(
    HomeHealth,
    Some(("Home health services", "51")),
    (Some("Low Back"), "Home health services"),
    &rationales::HOME_HEALTH,
);
const PSYCHOTHERAPY: Topic = topic(
    Psychological,
    Some(("Behavioral interventions", "23")),
    (
        Some("Mental Illness & Stress"),
        "Cognitive therapy for depression",
    ),
    &rationales::PSYCHOLOGICAL,
);
const PSYCH_EVALUATION: Topic = topic(
    Psychological,
    Some(("Psychological evaluations", "100-101")),
    (Some("Mental Illness & Stress"), "Psychological evaluations"),
    &rationales::PSYCHOLOGICAL,
);
const DRUG_TESTING: Topic = with_reference(
    topic(
        Lab,
        Some(("Drug testing", "43")),
        (Some("Pain"), "Urine drug testing (UDT)"),
        &rationales::LAB,
    ),
    "American Society of Addiction Medicine, Drug Testing: A White Paper, 2013",
);
const BLOOD_TESTS: Topic = topic(
    Lab,
    Some(("NSAIDs, specific drug list & adverse effects", "70")),
    (Some("Pain"), "Lab testing"),
    &rationales::LAB,
);
const CONSULT: Topic = chapter_7(topic(
    Consultation,
    None,
    (Some("Pain"), "Office visits"),
    &rationales::CONSULTATION,
));
const FUNCTIONAL_RESTORATION: Topic = topic(
    Program,
    Some(("Functional restoration programs (FRPs)", "49")),
    (Some("Pain"), "Functional restoration programs (FRPs)"),
    &rationales::PROGRAM,
);
const WORK_HARDENING: Topic = topic(
    Program,
    Some(("Work conditioning, work hardening", "125")),
    (Some("Low Back"), "Work conditioning (WC)"),
    &rationales::PROGRAM,
);
const WEIGHT_LOSS: Topic = with_reference(
    topic(
        Program,
        None,
        (Some("Knee & Leg"), "Weight loss"),
        &rationales::PROGRAM,
    ),
    "National Guideline Clearinghouse, Obesity in adults: assessment and management",
);
const SURGICAL_ASSISTANT: Topic = with_reference(
    topic(
        Other,
        None,
        (Some("Low Back"), "Surgical assistant"),
        &rationales::SURGICAL_ASSISTANT,
    ),
    "American College of Surgeons, Physicians as Assistants at Surgery, 2013",
);
const FUNCTIONAL_CAPACITY: Topic = chapter_7(topic(
    Other,
    None,
    (
        Some("Fitness for Duty"),
        "Functional capacity evaluation (FCE)",
    ),
    &rationales::FUNCTIONAL_CAPACITY,
));
const STIMULATOR_TRIAL: Topic = topic(
    Other,
    Some(("Spinal cord stimulators (SCS)", "105-107")),
    (Some("Pain"), "Spinal cord stimulators (SCS)"),
    &rationales::STIMULATOR_TRIAL,
);
const TRANSPORT: Topic = topic(
    Other,
    None,
    (
        Some("Knee & Leg"),
        "Transportation (to & from appointments)",
    ),
    &rationales::TRANSPORTATION,
);

const ANTIDEPRESSANT: Topic = topic(
    Medication,
    Some(("Antidepressants for chronic pain", "13-16")),
    (Some("Pain"), "Antidepressants"),
    &rationales::MEDICATION,
);
const BENZODIAZEPINE: Topic = topic(
    Medication,
    Some(("Benzodiazepines", "24")),
    (Some("Pain"), "Benzodiazepines"),
    &rationales::MEDICATION,
);
const ANTIEMETIC: Topic = topic(
    Medication,
    None,
    (Some("Pain"), "Antiemetics (for opioid nausea)"),
    &rationales::MEDICATION,
);
const LAXATIVE: Topic = topic(
    Medication,
    Some(("Opioids, initiating therapy", "77")),
    (Some("Pain"), "Opioid-induced constipation treatment"),
    &rationales::MEDICATION,
);
const TRIPTAN: Topic = topic(
    Medication,
    None,
    (Some("Head"), "Triptans"),
    &rationales::MEDICATION,
);
const ULTRASOUND: Topic = topic(
    Imaging,
    None,
    (None, "Ultrasound, diagnostic"),
    &rationales::IMAGING,
);
const BONE_STIMULATOR: Topic = topic(
    Dme,
    None,
    (Some("Low Back"), "Bone growth stimulators (BGS)"),
    &rationales::DME,
);
const ORTHOTICS: Topic = topic(
    Dme,
    None,
    (Some("Ankle & Foot"), "Orthotic devices"),
    &rationales::DME,
);

const fn row(text: &'static str, region: Option<BodyPart>, topic: &'static Topic) -> ItemRow {
    ItemRow {
        text,
        region,
        topic,
        weight: 4,
    }
}

/// A wording chosen a quarter as often as a [`row`]: the wider variety of brands, doses,
/// procedures, tests, devices, programs and visits.
const fn more(text: &'static str, region: Option<BodyPart>, topic: &'static Topic) -> ItemRow {
    ItemRow {
        text,
        region,
        topic,
        weight: 1,
    }
}

use BodyPart::*;

/// Every item wording, grouped by category (see [`rows_for`]).
pub const ITEMS: &[ItemRow] = &[
    // medication
    row("Norco 10/325mg #120", None, &OPIOIDS),
    row("Tramadol ER 150mg #60", None, &OPIOIDS),
    row("Oxycodone 10mg #90", None, &OPIOIDS),
    row("Hydrocodone/APAP 10/325mg #60", None, &OPIOIDS),
    row("Nucynta ER 100mg #60", None, &OPIOIDS),
    row("Butrans patch 10mcg/hr #4", None, &OPIOIDS),
    row("Naproxen sodium 550mg #100", None, &NSAIDS),
    row("Voltaren 1% gel 100g", None, &NSAIDS),
    row("Cyclobenzaprine 7.5mg #90", None, &MUSCLE_RELAXANTS),
    row("Cyclobenzeprine 7.5mg #60", None, &MUSCLE_RELAXANTS),
    row(
        "Retrospective request for Flexeril 10mg #60 (DOS: {dos})",
        None,
        &MUSCLE_RELAXANTS,
    ),
    row(
        "Compound: Flurbiprofen 20%/Lidocaine 5% cream (DOS: {dos})",
        None,
        &TOPICAL,
    ),
    row(
        "Topical compound: Gabapentin 10%/Ketoprofen 10% in Lipoderm base 240gm",
        None,
        &TOPICAL,
    ),
    row("Terocin patches #30", None, &TOPICAL),
    row("Menthoderm gel 120ml", None, &TOPICAL),
    row("Lidoderm 5% patch #30", None, &LIDODERM),
    row("Gabapentin 600mg #90", None, &ANTIEPILEPTIC),
    row("Omeprazole 20mg #60", None, &PROTON_PUMP),
    row("Prilosec 20mg #30", None, &PROTON_PUMP),
    row("Ambien 10mg #30", None, &HYPNOTIC),
    more("Percocet 10/325mg #90", None, &OPIOIDS),
    more("OxyContin 20mg #60", None, &OPIOIDS),
    more("Oxycodone/acetaminophen 5/325mg #120", None, &OPIOIDS),
    more("Methadone 10mg #90", None, &OPIOIDS),
    more("Fentanyl patch 25mcg/hr #10", None, &OPIOIDS),
    more("Ultram 50mg #120", None, &OPIOIDS),
    more("Tylenol with Codeine No. 3 #60", None, &OPIOIDS),
    more("Morphine sulfate ER 30mg #60", None, &OPIOIDS),
    more("Hydromorphone 2mg #60", None, &OPIOIDS),
    more("Celebrex 200mg #30", None, &NSAIDS),
    more("Meloxicam 15mg #30", None, &NSAIDS),
    more("Mobic 7.5mg #60", None, &NSAIDS),
    more("Ibuprofen 800mg #90", None, &NSAIDS),
    more("Diclofenac sodium ER 100mg #60", None, &NSAIDS),
    more("Nabumetone 750mg #60", None, &NSAIDS),
    more("Anaprox DS 550mg #60", None, &NSAIDS),
    more("Naproxen 550mg 1 tablet twice a day #60", None, &NSAIDS),
    more("Flector 1.3% patch #60", None, &NSAIDS),
    more("Soma 350mg #60", None, &MUSCLE_RELAXANTS),
    more("Carisoprodol 350mg #90", None, &MUSCLE_RELAXANTS),
    more("Tizanidine 4mg #60", None, &MUSCLE_RELAXANTS),
    more("Zanaflex 4mg #90", None, &MUSCLE_RELAXANTS),
    more("Baclofen 10mg #90", None, &MUSCLE_RELAXANTS),
    more("Methocarbamol 750mg #60", None, &MUSCLE_RELAXANTS),
    more("Orphenadrine ER 100mg #60", None, &MUSCLE_RELAXANTS),
    more("Capsaicin 0.075% cream 60gm", None, &TOPICAL),
    more("Ketoprofen 20% cream 120gm", None, &TOPICAL),
    more("LidoPro ointment 121gm", None, &TOPICAL),
    more("Medrox patches #30", None, &TOPICAL),
    more(
        "Compound: Cyclobenzaprine 2%/Flurbiprofen 25% cream 180gm",
        None,
        &TOPICAL,
    ),
    more("Lidocaine 5% patches #60", None, &LIDODERM),
    more("Lyrica 75mg #60", None, &ANTIEPILEPTIC),
    more("Pregabalin 50mg #90", None, &ANTIEPILEPTIC),
    more("Neurontin 300mg #90", None, &ANTIEPILEPTIC),
    more("Topiramate 25mg #60", None, &ANTIEPILEPTIC),
    more(
        "Gabapentin 300mg, 1 capsule three times a day, #90",
        None,
        &ANTIEPILEPTIC,
    ),
    more("Pantoprazole 20mg #60", None, &PROTON_PUMP),
    more("Protonix 40mg #30", None, &PROTON_PUMP),
    more("Nexium 40mg #30", None, &PROTON_PUMP),
    more("Ranitidine 150mg #60", None, &PROTON_PUMP),
    more("Zolpidem 10mg #30", None, &HYPNOTIC),
    more("Lunesta 3mg #30", None, &HYPNOTIC),
    more("Cymbalta 60mg #30", None, &ANTIDEPRESSANT),
    more("Duloxetine 30mg #60", None, &ANTIDEPRESSANT),
    more("Amitriptyline 25mg #30", None, &ANTIDEPRESSANT),
    more("Nortriptyline 25mg #30", None, &ANTIDEPRESSANT),
    more("Trazodone 50mg #60", None, &ANTIDEPRESSANT),
    more("Xanax 0.5mg #60", None, &BENZODIAZEPINE),
    more("Diazepam 10mg #30", None, &BENZODIAZEPINE),
    more("Klonopin 1mg #60", None, &BENZODIAZEPINE),
    more("Restoril 15mg #30", None, &BENZODIAZEPINE),
    more("Ondansetron 8mg ODT #30", None, &ANTIEMETIC),
    more("Zofran 4mg #20", None, &ANTIEMETIC),
    more("Docusate sodium 100mg #60", None, &LAXATIVE),
    more("Colace 100mg #60", None, &LAXATIVE),
    more("Senokot-S #60", None, &LAXATIVE),
    more("Sumatriptan 50mg #9", Some(Head), &TRIPTAN),
    more("Imitrex 100mg #9", Some(Head), &TRIPTAN),
    // injection
    row(
        "Cervical epidural steroid injection at C6-C7",
        Some(CervicalSpine),
        &EPIDURAL,
    ),
    row(
        "CERVICAL EPIDURAL STEROID INJECTIN AT LEVEL C6-C7",
        Some(CervicalSpine),
        &EPIDURAL,
    ),
    row(
        "Lumbar epidural steroid injection L4-L5",
        Some(LumbarSpine),
        &EPIDURAL,
    ),
    row(
        "Transforaminal epidural steroid injection at L5-S1",
        Some(LumbarSpine),
        &EPIDURAL,
    ),
    row(
        "Thoracic epidural steroid injection T7-T8",
        Some(ThoracicSpine),
        &EPIDURAL,
    ),
    row(
        "Bilateral L4-L5 facet joint injections",
        Some(LumbarSpine),
        &FACET,
    ),
    row(
        "Cervical facet injections C4-C6",
        Some(CervicalSpine),
        &FACET,
    ),
    row(
        "Lumbar medial branch block L3-L5",
        Some(LumbarSpine),
        &FACET,
    ),
    row("Trigger point injections x 4", None, &TRIGGER_POINT),
    row(
        "Right knee Synvisc injection x 3",
        Some(Knee),
        &VISCOSUPPLEMENT,
    ),
    row(
        "Synvisc-One injection to the left knee",
        Some(Knee),
        &VISCOSUPPLEMENT,
    ),
    row("Synvisc injectoin right knee", Some(Knee), &VISCOSUPPLEMENT),
    row(
        "Platelet rich plasma (PRP) injection to the right elbow",
        Some(Elbow),
        &PLATELET_RICH_PLASMA,
    ),
    row(
        "Left greater occipital nerve block",
        Some(Head),
        &NERVE_BLOCK,
    ),
    row("Stellate ganglion block", None, &NERVE_BLOCK),
    row(
        "Right shoulder subacromial corticosteroid injection",
        Some(Shoulder),
        &JOINT_INJECTION,
    ),
    row(
        "Right sacroiliac joint injection",
        Some(LumbarSpine),
        &JOINT_INJECTION,
    ),
    row(
        "Left hip intra-articular injection",
        Some(Hip),
        &JOINT_INJECTION,
    ),
    row(
        "Cortisone injection to the right wrist",
        Some(WristHand),
        &JOINT_INJECTION,
    ),
    more(
        "Caudal epidural steroid injection",
        Some(LumbarSpine),
        &EPIDURAL,
    ),
    more(
        "Lumbar ESI at L4-L5 and L5-S1",
        Some(LumbarSpine),
        &EPIDURAL,
    ),
    more(
        "Interlaminar epidural steroid injection at C7-T1",
        Some(CervicalSpine),
        &EPIDURAL,
    ),
    more(
        "Bilateral L5-S1 transforaminal ESI",
        Some(LumbarSpine),
        &EPIDURAL,
    ),
    more(
        "Bilateral C5-C6 medial branch blocks",
        Some(CervicalSpine),
        &FACET,
    ),
    more(
        "Orthovisc injections x 3 to the right knee",
        Some(Knee),
        &VISCOSUPPLEMENT,
    ),
    more(
        "Euflexxa injection series for the left knee",
        Some(Knee),
        &VISCOSUPPLEMENT,
    ),
    more(
        "Supartz injections x 5 left knee",
        Some(Knee),
        &VISCOSUPPLEMENT,
    ),
    more("PRP injection left knee", Some(Knee), &PLATELET_RICH_PLASMA),
    more(
        "Right knee intra-articular corticosteroid injection",
        Some(Knee),
        &JOINT_INJECTION,
    ),
    more(
        "Left shoulder glenohumeral joint injection",
        Some(Shoulder),
        &JOINT_INJECTION,
    ),
    more(
        "Right carpal tunnel steroid injection",
        Some(WristHand),
        &JOINT_INJECTION,
    ),
    more(
        "Plantar fascia steroid injection right foot",
        Some(AnkleFoot),
        &JOINT_INJECTION,
    ),
    more("Lumbar sympathetic block", None, &NERVE_BLOCK),
    more(
        "Suprascapular nerve block right shoulder",
        Some(Shoulder),
        &NERVE_BLOCK,
    ),
    // physical therapy
    row(
        "Physical therapy 2x6 for the lumbar spine",
        Some(LumbarSpine),
        &PHYSICAL_MEDICINE,
    ),
    row("PT 2x6", None, &PHYSICAL_MEDICINE),
    row(
        "Physical therapy 3 times a week for 4 weeks for the right shoulder",
        Some(Shoulder),
        &PHYSICAL_MEDICINE,
    ),
    row(
        "Additional physical therapy x 8 visits",
        None,
        &PHYSICAL_MEDICINE,
    ),
    row(
        "Physical therapy twelve (12) sessions",
        None,
        &PHYSICAL_MEDICINE,
    ),
    row(
        "Physical therapy 2 times a week for 6 weeks for the cervical spine",
        Some(CervicalSpine),
        &PHYSICAL_MEDICINE,
    ),
    row(
        "Physical therapy 1x6 for the left wrist",
        Some(WristHand),
        &PHYSICAL_MEDICINE,
    ),
    row(
        "PHYSICAL THERAPY 2X4 LEFT ANKLE",
        Some(AnkleFoot),
        &PHYSICAL_MEDICINE,
    ),
    row(
        "Physiotherapy 2x4 for the cervical spine",
        Some(CervicalSpine),
        &PHYSICAL_MEDICINE,
    ),
    row(
        "Post-operative physical therapy 12 sessions for the right knee",
        Some(Knee),
        &POSTOPERATIVE_THERAPY,
    ),
    row(
        "Post-op physical therapy x 12 for the right shoulder",
        Some(Shoulder),
        &POSTOPERATIVE_THERAPY,
    ),
    row("Aquatic therapy 12 sessions", None, &AQUATIC),
    row(
        "Aquatic therapy 2x4 for the lumbar spine",
        Some(LumbarSpine),
        &AQUATIC,
    ),
    more(
        "Outpatient physical therapy 2x3 for the left knee",
        Some(Knee),
        &PHYSICAL_MEDICINE,
    ),
    more(
        "Additional PT x 6 visits for the low back",
        Some(LumbarSpine),
        &PHYSICAL_MEDICINE,
    ),
    more(
        "Physical therapy evaluation and treatment x 6",
        None,
        &PHYSICAL_MEDICINE,
    ),
    more(
        "Physical therapy 12 visits for the right elbow",
        Some(Elbow),
        &PHYSICAL_MEDICINE,
    ),
    more(
        "Post-operative PT 3x4 for the left wrist",
        Some(WristHand),
        &POSTOPERATIVE_THERAPY,
    ),
    more("Pool therapy 2x6", None, &AQUATIC),
    more("Aqua therapy x 8 sessions", None, &AQUATIC),
    row(
        "P.T. 2x4 for the neck",
        Some(CervicalSpine),
        &PHYSICAL_MEDICINE,
    ),
    // chiropractic
    row(
        "Chiropractic manipulation 2x4 for the lumbar spine",
        Some(LumbarSpine),
        &MANIPULATION,
    ),
    row("Chiropractic treatment 6 visits", None, &MANIPULATION),
    row(
        "Chiropractic care 2 times a week for 3 weeks",
        None,
        &MANIPULATION,
    ),
    row("Chiropractic therapy x 8 sessions", None, &MANIPULATION),
    row("Additional chiropractic sessions x 6", None, &MANIPULATION),
    row("Chiropractic adjustments 12 visits", None, &MANIPULATION),
    row(
        "Chiropractic manipulative treatment for the cervical spine x 6",
        Some(CervicalSpine),
        &MANIPULATION,
    ),
    row(
        "CHIROPRACTIC CARE 1X6 LOW BACK",
        Some(LumbarSpine),
        &MANIPULATION,
    ),
    row(
        "Chiropractic treatment for the thoracic spine 2x3",
        Some(ThoracicSpine),
        &MANIPULATION,
    ),
    more(
        "Chiropractic treatment with myofascial release x 6",
        None,
        &MANIPULATION,
    ),
    more(
        "Chiropractic sessions 2x6 for the cervical spine",
        Some(CervicalSpine),
        &MANIPULATION,
    ),
    more(
        "Chiropractic care with modalities 8 visits",
        None,
        &MANIPULATION,
    ),
    more("Spinal manipulation 6 sessions", None, &MANIPULATION),
    // acupuncture
    row("Acupuncture 2x4", None, &ACUPUNCTURE_TOPIC),
    row("Acupuncture 6 sessions", None, &ACUPUNCTURE_TOPIC),
    row(
        "Additional acupuncture x 8 for the neck",
        Some(CervicalSpine),
        &ACUPUNCTURE_TOPIC,
    ),
    row(
        "Acupuncture twice weekly for 3 weeks",
        None,
        &ACUPUNCTURE_TOPIC,
    ),
    row(
        "Acupuncture treatment for the lumbar spine x 12",
        Some(LumbarSpine),
        &ACUPUNCTURE_TOPIC,
    ),
    row("Acupuncture 1x6", None, &ACUPUNCTURE_TOPIC),
    row("Continued acupuncture 8 visits", None, &ACUPUNCTURE_TOPIC),
    row("Initial trial of acupuncture x 6", None, &ACUPUNCTURE_TOPIC),
    row(
        "ACUPUNCTURE 2X3 RIGHT SHOULDER",
        Some(Shoulder),
        &ACUPUNCTURE_TOPIC,
    ),
    more(
        "Acupuncture with electrical stimulation 2x3",
        None,
        &ACUPUNCTURE_TOPIC,
    ),
    more("Electroacupuncture 6 sessions", None, &ACUPUNCTURE_TOPIC),
    more(
        "Acupuncture 8 visits for the low back",
        Some(LumbarSpine),
        &ACUPUNCTURE_TOPIC,
    ),
    more(
        "Additional acupuncture sessions x 6",
        None,
        &ACUPUNCTURE_TOPIC,
    ),
    more(
        "Acupuncture therapy 1-2 times per week for 6 weeks",
        None,
        &ACUPUNCTURE_TOPIC,
    ),
    // imaging
    row("MRI of the lumbar spine", Some(LumbarSpine), &MRI),
    row("Cervical MRI", Some(CervicalSpine), &MRI),
    row(
        "MRI of the right shoulder without contrast",
        Some(Shoulder),
        &MRI,
    ),
    row("Repeat MRI of the right knee", Some(Knee), &MRI),
    row("MRI of the left wrist", Some(WristHand), &MRI),
    row("MRI of the right ankle", Some(AnkleFoot), &MRI),
    row("MRI of the thoracic spine", Some(ThoracicSpine), &MRI),
    row("MRI of the brain", Some(Head), &MRI),
    row("Right hip MRI", Some(Hip), &MRI),
    row("MRI of the lumbar spien", Some(LumbarSpine), &MRI),
    row("CT scan of the lumbar spine", Some(LumbarSpine), &CT),
    row(
        "CT of the cervical spine without contrast",
        Some(CervicalSpine),
        &CT,
    ),
    row("X-ray of the left knee 3 views", Some(Knee), &RADIOGRAPHY),
    row(
        "X-rays of the cervical spine",
        Some(CervicalSpine),
        &RADIOGRAPHY,
    ),
    row(
        "Lumbar spine x-rays with flexion and extension views",
        Some(LumbarSpine),
        &RADIOGRAPHY,
    ),
    row("Bone scan", None, &BONE_SCAN),
    row("Triple phase bone scan", None, &BONE_SCAN),
    more(
        "MRI of the cervical spine with and without contrast",
        Some(CervicalSpine),
        &MRI,
    ),
    more("MR arthrogram of the right shoulder", Some(Shoulder), &MRI),
    more("Open MRI of the lumbar spine", Some(LumbarSpine), &MRI),
    more(
        "Upright MRI of the cervical spine",
        Some(CervicalSpine),
        &MRI,
    ),
    more("CT scan of the head without contrast", Some(Head), &CT),
    more("CT myelogram of the lumbar spine", Some(LumbarSpine), &CT),
    more(
        "X-rays of the right shoulder 2 views",
        Some(Shoulder),
        &RADIOGRAPHY,
    ),
    more("Bilateral hand x-rays", Some(WristHand), &RADIOGRAPHY),
    more(
        "Radiographs of the left ankle",
        Some(AnkleFoot),
        &RADIOGRAPHY,
    ),
    more(
        "Ultrasound of the right shoulder",
        Some(Shoulder),
        &ULTRASOUND,
    ),
    more(
        "Diagnostic ultrasound of the left knee",
        Some(Knee),
        &ULTRASOUND,
    ),
    more(
        "3-phase bone scan of the right wrist",
        Some(WristHand),
        &BONE_SCAN,
    ),
    // electrodiagnostic
    row(
        "EMG/NCV of the bilateral upper extremities",
        Some(CervicalSpine),
        &EMG,
    ),
    row(
        "EMG of the bilateral lower extremities",
        Some(LumbarSpine),
        &EMG,
    ),
    row(
        "Electromyography (EMG) of the lower extremities",
        Some(LumbarSpine),
        &EMG,
    ),
    row(
        "EMG/NCS bilateral lower extremities",
        Some(LumbarSpine),
        &EMG,
    ),
    row(
        "Repeat EMG/NCV of the upper extremities",
        Some(CervicalSpine),
        &EMG,
    ),
    row(
        "NCV of the right upper extremity",
        Some(WristHand),
        &NERVE_CONDUCTION,
    ),
    row(
        "Nerve conduction velocity (NCV) study of the bilateral upper extremities",
        Some(WristHand),
        &NERVE_CONDUCTION,
    ),
    row(
        "NCS of the left upper extremity",
        Some(Elbow),
        &NERVE_CONDUCTION,
    ),
    more(
        "Electrodiagnostic studies of the bilateral lower extremities",
        Some(LumbarSpine),
        &EMG,
    ),
    more(
        "NCV/EMG of the left lower extremity",
        Some(LumbarSpine),
        &EMG,
    ),
    more(
        "EMG of the right upper extremity",
        Some(CervicalSpine),
        &EMG,
    ),
    more(
        "Electrodiagnostic testing (EMG/NCS) of the upper extremities",
        Some(CervicalSpine),
        &EMG,
    ),
    more(
        "Nerve conduction studies of the bilateral lower extremities",
        Some(LumbarSpine),
        &NERVE_CONDUCTION,
    ),
    // surgery
    row(
        "Right shoulder arthroscopy with subacromial decompression",
        Some(Shoulder),
        &OPERATION,
    ),
    row(
        "Right shoulder rotator cuff repair",
        Some(Shoulder),
        &OPERATION,
    ),
    row(
        "L4-L5 posterior lumbar fusion",
        Some(LumbarSpine),
        &OPERATION,
    ),
    row(
        "Lumbar laminectomy and discectomy at L5-S1",
        Some(LumbarSpine),
        &OPERATION,
    ),
    row(
        "Anterior cervical discectomy and fusion at C5-C6",
        Some(CervicalSpine),
        &OPERATION,
    ),
    row("Left carpal tunnel release", Some(WristHand), &OPERATION),
    row("Right trigger finger release", Some(WristHand), &OPERATION),
    row(
        "Right knee arthroscopy with partial medial meniscectomy",
        Some(Knee),
        &OPERATION,
    ),
    row("Left total knee arthroplasty", Some(Knee), &OPERATION),
    row("RIGHT KNEE ARTHROSCOPY", Some(Knee), &OPERATION),
    row("Right cubital tunnel release", Some(Elbow), &OPERATION),
    row("Left lateral epicondyle release", Some(Elbow), &OPERATION),
    row("Right total hip arthroplasty", Some(Hip), &OPERATION),
    row(
        "Left ankle arthroscopy with debridement",
        Some(AnkleFoot),
        &OPERATION,
    ),
    more(
        "L5-S1 anterior lumbar interbody arthrodesis",
        Some(LumbarSpine),
        &OPERATION,
    ),
    more("Right knee partial meniscectomy", Some(Knee), &OPERATION),
    more("Right shoulder arthroplasty", Some(Shoulder), &OPERATION),
    more(
        "Cervical foraminotomy at C5-C6",
        Some(CervicalSpine),
        &OPERATION,
    ),
    more(
        "Lumbar microdiscectomy at L4-L5",
        Some(LumbarSpine),
        &OPERATION,
    ),
    more("Left thumb CMC arthroplasty", Some(WristHand), &OPERATION),
    more("Left ankle arthrodesis", Some(AnkleFoot), &OPERATION),
    more("Right shoulder labral repair", Some(Shoulder), &OPERATION),
    more("Left de Quervain release", Some(WristHand), &OPERATION),
    more("Right ulnar nerve transposition", Some(Elbow), &OPERATION),
    more("Right knee ACL reconstruction", Some(Knee), &OPERATION),
    more(
        "Lumbar hemilaminectomy L4-L5",
        Some(LumbarSpine),
        &OPERATION,
    ),
    more(
        "Bilateral carpal tunnel releases",
        Some(WristHand),
        &OPERATION,
    ),
    more("Right inguinal hernia repair", None, &OPERATION),
    more(
        "Cervical disc arthroplasty C5-C6",
        Some(CervicalSpine),
        &OPERATION,
    ),
    more(
        "Subtalar arthrodesis, left foot",
        Some(AnkleFoot),
        &OPERATION,
    ),
    more(
        "Right hip arthroscopy with labral repair",
        Some(Hip),
        &OPERATION,
    ),
    more(
        "Left shoulder rotator cuff repair with acromioplasty",
        Some(Shoulder),
        &OPERATION,
    ),
    row(
        "Right shoulder distal clavicle excision",
        Some(Shoulder),
        &OPERATION,
    ),
    row(
        "Right wrist ganglion cyst excision",
        Some(WristHand),
        &OPERATION,
    ),
    // dme
    row("TENS unit", None, &TENS),
    row("TENS unit 30-day trial", None, &TENS),
    row("TENS unit supplies for 3 months", None, &TENS),
    row("H-wave unit for home use", None, &H_WAVE),
    row("Interferential unit", None, &INTERFERENTIAL),
    row("Lumbar support brace", Some(LumbarSpine), &BRACE),
    row("Hinged knee brace", Some(Knee), &BRACE),
    row("Right wrist splint", Some(WristHand), &BRACE),
    row("Cold therapy unit", None, &CRYOTHERAPY),
    row(
        "Post-operative cold therapy unit rental for 7 days",
        Some(Shoulder),
        &CRYOTHERAPY,
    ),
    row("Hot/cold therapy unit", None, &CRYOTHERAPY),
    row("Cervical traction unit", Some(CervicalSpine), &TRACTION),
    row("Single point cane", Some(Knee), &WALKING_AID),
    row("Front-wheeled walker", Some(Knee), &WALKING_AID),
    row("Motorized scooter", None, &EQUIPMENT),
    row(
        "Continuous passive motion machine 21 day rental",
        Some(Knee),
        &EQUIPMENT,
    ),
    more("Soft cervical collar", Some(CervicalSpine), &BRACE),
    more("Wheelchair", None, &EQUIPMENT),
    more("Shower chair", None, &EQUIPMENT),
    more("Orthopedic mattress", None, &EQUIPMENT),
    more("Electric heating pad", None, &EQUIPMENT),
    more("Custom orthotics", Some(AnkleFoot), &ORTHOTICS),
    more("Game Ready cold compression unit", None, &CRYOTHERAPY),
    more("Rolling walker", Some(Knee), &WALKING_AID),
    more("Four-wheeled walker with seat", Some(Knee), &WALKING_AID),
    more("TENS/EMS unit", None, &TENS),
    more(
        "Home cervical traction device",
        Some(CervicalSpine),
        &TRACTION,
    ),
    more(
        "Interferential stimulator rental x 2 months",
        None,
        &INTERFERENTIAL,
    ),
    row("Bone growth stimulator", None, &BONE_STIMULATOR),
    row("Knee immobilizer", Some(Knee), &BRACE),
    row("Lumbosacral orthosis (LSO)", Some(LumbarSpine), &BRACE),
    row("Raised toilet seat", None, &EQUIPMENT),
    // home health
    row(
        "Home health care 4 hours a day, 5 days a week",
        None,
        &HOME_HEALTH_TOPIC,
    ),
    row(
        "Home health aide 4 hours per day for 6 weeks",
        None,
        &HOME_HEALTH_TOPIC,
    ),
    row(
        "Home health services 3 times per week",
        None,
        &HOME_HEALTH_TOPIC,
    ),
    row(
        "Home health care 20 hours per week",
        None,
        &HOME_HEALTH_TOPIC,
    ),
    row("Home health nursing visits x 6", None, &HOME_HEALTH_TOPIC),
    row(
        "Home health aide assistance 8 hours a day",
        None,
        &HOME_HEALTH_TOPIC,
    ),
    row("Home health care for 12 weeks", None, &HOME_HEALTH_TOPIC),
    row(
        "HOME HEALTH CARE 24 HOURS PER DAY",
        None,
        &HOME_HEALTH_TOPIC,
    ),
    more(
        "Home health nurse visits 2 times a week",
        None,
        &HOME_HEALTH_TOPIC,
    ),
    more("In-home care 6 hours per day", None, &HOME_HEALTH_TOPIC),
    more(
        "Home care assistance 4 hours a day, 3 days a week",
        None,
        &HOME_HEALTH_TOPIC,
    ),
    more(
        "Home health aide 3 days per week for 4 weeks",
        None,
        &HOME_HEALTH_TOPIC,
    ),
    // psychological
    row(
        "Cognitive behavioral therapy 6 sessions",
        Some(Psyche),
        &PSYCHOTHERAPY,
    ),
    row("Psychotherapy 12 sessions", Some(Psyche), &PSYCHOTHERAPY),
    row("Individual psychotherapy 1x6", Some(Psyche), &PSYCHOTHERAPY),
    row("CBT 6 visits", Some(Psyche), &PSYCHOTHERAPY),
    row(
        "Group psychotherapy 8 sessions",
        Some(Psyche),
        &PSYCHOTHERAPY,
    ),
    row(
        "Cognitive behavioural therapy x 10",
        Some(Psyche),
        &PSYCHOTHERAPY,
    ),
    row(
        "Psychotherapy once weekly for 8 weeks",
        Some(Psyche),
        &PSYCHOTHERAPY,
    ),
    row("Psychological evaluation", Some(Psyche), &PSYCH_EVALUATION),
    row("Psych evaluation", Some(Psyche), &PSYCH_EVALUATION),
    row(
        "Psychological treatment 6 sessions",
        Some(Psyche),
        &PSYCHOTHERAPY,
    ),
    more(
        "Cognitive behavioral therapy (CBT) 6 sessions",
        Some(Psyche),
        &PSYCHOTHERAPY,
    ),
    more("Psychotherapy sessions x 6", Some(Psyche), &PSYCHOTHERAPY),
    more("Pain psychology 6 sessions", Some(Psyche), &PSYCHOTHERAPY),
    more(
        "Individual cognitive behavioral psychotherapy 8 visits",
        Some(Psyche),
        &PSYCHOTHERAPY,
    ),
    more("Psychological testing", Some(Psyche), &PSYCH_EVALUATION),
    // lab
    row("Urine drug screen", None, &DRUG_TESTING),
    row("Urine drug testing", None, &DRUG_TESTING),
    row("Urine toxicology screen", None, &DRUG_TESTING),
    row("Random urine drug screen x 4 per year", None, &DRUG_TESTING),
    row("Quantitative urine drug test", None, &DRUG_TESTING),
    row("Labs: CBC, CMP and hepatic panel", None, &BLOOD_TESTS),
    row(
        "Comprehensive metabolic panel (blood test)",
        None,
        &BLOOD_TESTS,
    ),
    row("Liver function blood tests", None, &BLOOD_TESTS),
    row("Hemoglobin A1c blood test", None, &BLOOD_TESTS),
    more("Complete blood count (CBC)", None, &BLOOD_TESTS),
    more("CBC with differential", None, &BLOOD_TESTS),
    more("Basic metabolic panel", None, &BLOOD_TESTS),
    more("Renal function panel", None, &BLOOD_TESTS),
    more("Hepatic function panel", None, &BLOOD_TESTS),
    more("Thyroid panel (TSH)", None, &BLOOD_TESTS),
    more("Rheumatoid factor and ANA blood tests", None, &BLOOD_TESTS),
    more("Arthritis panel", None, &BLOOD_TESTS),
    more("Urine drug screen (UDS)", None, &DRUG_TESTING),
    more("Comprehensive drug screen", None, &DRUG_TESTING),
    row("Urinalysis", None, &DRUG_TESTING),
    // consultation
    row("Spine surgery consultation", Some(LumbarSpine), &CONSULT),
    row("Referral to pain management", None, &CONSULT),
    row("Pain management consultation", None, &CONSULT),
    row(
        "Orthopedic surgeon consultation for the right knee",
        Some(Knee),
        &CONSULT,
    ),
    row("Neurology consultation", Some(Head), &CONSULT),
    row("Podiatry consultation", Some(AnkleFoot), &CONSULT),
    row(
        "Follow-up visit with the orthopedic surgeon",
        None,
        &CONSULT,
    ),
    row("Internal medicine consultation", None, &CONSULT),
    row("Referral to a hand surgeon", Some(WristHand), &CONSULT),
    row("Neurosurgical consultation", Some(CervicalSpine), &CONSULT),
    more("Orthopedic consultation", None, &CONSULT),
    more(
        "Consultation with a spine surgeon",
        Some(LumbarSpine),
        &CONSULT,
    ),
    more("Follow-up office visit", None, &CONSULT),
    more(
        "Office visits with the treating physician x 6",
        None,
        &CONSULT,
    ),
    more("Return visit with pain management", None, &CONSULT),
    more(
        "Second opinion spine surgery consultation",
        Some(LumbarSpine),
        &CONSULT,
    ),
    more("Rheumatology consultation", None, &CONSULT),
    more("Sleep medicine consultation", None, &CONSULT),
    more("Physiatry consultation", None, &CONSULT),
    more(
        "Evaluation with a hand specialist",
        Some(WristHand),
        &CONSULT,
    ),
    more("Follow-up visits x 6", None, &CONSULT),
    more("Referral to a psychiatrist", None, &CONSULT),
    // program
    row(
        "Functional restoration program 80 hours",
        None,
        &FUNCTIONAL_RESTORATION,
    ),
    row(
        "Functional restoration program x 160 hours",
        None,
        &FUNCTIONAL_RESTORATION,
    ),
    row(
        "Interdisciplinary functional restoration program",
        None,
        &FUNCTIONAL_RESTORATION,
    ),
    row(
        "HELP functional restoration program 6 weeks",
        None,
        &FUNCTIONAL_RESTORATION,
    ),
    row("Work hardening program 10 sessions", None, &WORK_HARDENING),
    row("Work hardening program 2x4 weeks", None, &WORK_HARDENING),
    row("Weight loss program", None, &WEIGHT_LOSS),
    row(
        "Medically supervised weight loss program 12 weeks",
        None,
        &WEIGHT_LOSS,
    ),
    row("Lindora weight loss program", None, &WEIGHT_LOSS),
    more(
        "Multidisciplinary pain program 4 weeks",
        None,
        &FUNCTIONAL_RESTORATION,
    ),
    more(
        "Interdisciplinary pain rehabilitation program 20 days",
        None,
        &FUNCTIONAL_RESTORATION,
    ),
    more("Work conditioning 12 sessions", None, &WORK_HARDENING),
    more(
        "Work hardening/conditioning program x 10 visits",
        None,
        &WORK_HARDENING,
    ),
    row(
        "Chronic pain management program",
        None,
        &FUNCTIONAL_RESTORATION,
    ),
    row("Weight Watchers program 12 weeks", None, &WEIGHT_LOSS),
    // other
    row("Surgical assistant", None, &SURGICAL_ASSISTANT),
    row("Assistant surgeon", None, &SURGICAL_ASSISTANT),
    row(
        "Surgical assistant for the procedure",
        None,
        &SURGICAL_ASSISTANT,
    ),
    row("Functional capacity evaluation", None, &FUNCTIONAL_CAPACITY),
    row(
        "Functional capacity evaluation (FCE)",
        None,
        &FUNCTIONAL_CAPACITY,
    ),
    row("Spinal cord stimulator trial", None, &STIMULATOR_TRIAL),
    row(
        "Percutaneous spinal cord stimulator trial",
        None,
        &STIMULATOR_TRIAL,
    ),
    row(
        "Transportation to and from medical appointments",
        None,
        &TRANSPORT,
    ),
];

/// How often each category is disputed (relative weights).
pub const CATEGORY_WEIGHTS: &[(Category, u32)] = &[
    (Medication, 28),
    (Injection, 9),
    (PhysicalTherapy, 10),
    (Chiropractic, 4),
    (Acupuncture, 4),
    (Imaging, 9),
    (Electrodiagnostic, 4),
    (Surgery, 6),
    (Dme, 7),
    (HomeHealth, 2),
    (Psychological, 3),
    (Lab, 4),
    (Consultation, 6),
    (Program, 3),
    (Other, 3),
];

/// The wordings of one category.
pub fn rows_for(category: Category) -> impl Iterator<Item = &'static ItemRow> {
    ITEMS
        .iter()
        .filter(move |row| row.topic.category == category)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_has_at_least_eight_wordings() {
        for &(category, _) in CATEGORY_WEIGHTS {
            let count = rows_for(category).count();
            assert!(count >= 8, "{} has only {count} wordings", category.name());
        }
    }

    #[test]
    fn item_wordings_never_look_like_l2_decisions_or_list_numbers() {
        for row in ITEMS {
            assert!(!row.text.contains(" is "), "{}", row.text);
            assert!(
                !row.text.to_lowercase().contains("medically necessary"),
                "{}",
                row.text
            );
            let first = row.text.split(' ').next().unwrap_or_default();
            assert!(
                !(first.ends_with('.')
                    && first[..first.len() - 1].bytes().all(|b| b.is_ascii_digit()))
            );
        }
    }
}
