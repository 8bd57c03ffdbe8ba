//! Treatment categories: what a disputed item requests, decided by the first row that
//! matches the item text. Order matters: "spine surgery consultation" is a consultation,
//! "urine drug screen" is lab work, "post-op cold therapy unit" is equipment.

use super::PatternTable;
use serde::Serialize;
use std::sync::LazyLock;

/// A canonical treatment category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Drugs, compounded creams, patches.
    Medication,
    /// Epidural, facet, trigger point, joint and nerve-block injections.
    Injection,
    /// Physical, aquatic and occupational therapy.
    PhysicalTherapy,
    /// Chiropractic care.
    Chiropractic,
    /// Acupuncture.
    Acupuncture,
    /// MRI, CT, X-ray, bone scan.
    Imaging,
    /// EMG/NCV.
    Electrodiagnostic,
    /// Surgical procedures.
    Surgery,
    /// Durable medical equipment.
    Dme,
    /// Home health care.
    HomeHealth,
    /// Psychotherapy, CBT, psychological evaluation.
    Psychological,
    /// Urine drug screens, blood tests.
    Lab,
    /// Referrals and specialist visits.
    Consultation,
    /// Functional restoration, work hardening, weight loss programs.
    Program,
    /// Anything else.
    Other,
}

use Category::*;

const CATEGORY_WORDINGS: &[(&str, Category)] = &[
    (
        r"surgical assist\w*|assistant surgeon|co-surgeon|functional capacity|fce",
        Other,
    ),
    (
        r"urine|drug screens?|drug tests?|uds|labs?|laboratory|blood tests?|blood work|cbc|toxicology",
        Lab,
    ),
    (
        r"functional restoration|work hardening|work conditioning|weight loss|frp|detox\w*",
        Program,
    ),
    (
        r"psych\w*|cbt|cognitive behaviou?ral|biofeedback",
        Psychological,
    ),
    (
        r"emg|ncv|ncs|nerve conduction|electromyogra\w*|electrodiagnostic",
        Electrodiagnostic,
    ),
    (
        r"mri|mra|ct|ct scan|x-?rays?|radiographs?|bone scan|ultrasound|imaging|arthrogram|myelogram",
        Imaging,
    ),
    (
        r"inject\w*|epidural|esi|facet|trigger points?|nerve blocks?|blocks?|synvisc|orthovisc|euflexxa|supartz|hyalgan|viscosupplement\w*|prp|platelet[- ]rich|radiofrequency|rhizotomy|rfa|cortisone",
        Injection,
    ),
    (r"chiropract\w*|manipulation", Chiropractic),
    (r"acupunct\w*", Acupuncture),
    (
        r"physical therap\w*|pt|aquatic|pool therapy|occupational therap\w*|physiotherap\w*|therapeutic exercises?|massage",
        PhysicalTherapy,
    ),
    (
        r"home health|home care|nursing|home assistance|caregiver|attendant care",
        HomeHealth,
    ),
    (
        r"consult\w*|referrals?|refer|follow[- ]up|office visits?|second opinion|specialist|evaluation and treatment",
        Consultation,
    ),
    (
        r"tens|h-?wave|interferential|braces?|bracing|cold therapy|cryotherapy|hot/cold|traction|canes?|walkers?|wheelchairs?|scooter|orthotics?|dme|units?|cushions?|mattress|pillows?|splints?|supports?|collar|shower chair|commode|cpm|continuous passive motion|equipment|vasopneumatic",
        Dme,
    ),
    (
        r"surg\w*|arthroscop\w*|fusion|discectomy|laminectomy|laminotomy|foraminotomy|decompression|repair|release|replacement|reconstruction|debridement|orif|\w+ectomy|\w+plasty|\w+otomy",
        Surgery,
    ),
    (
        r"\d+(?:\.\d+)?\s*(?:mg|mcg|ml)|mg|mcg|creams?|gels?|patch(?:es)?|ointments?|tablets?|capsules?|tabs?|caps|medications?|compound\w*|topicals?|lotion",
        Medication,
    ),
    (
        r"norco|hydrocodone|vicodin|tramadol|ultram|ultracet|oxycodone|oxycontin|percocet|morphine|ms contin|fentanyl|duragesic|methadone|tapentadol|nucynta|codeine|butrans|buprenorphine|suboxone|opioids?|opiates?",
        Medication,
    ),
    (
        r"gabapentin|neurontin|lyrica|pregabalin|topamax|topiramate|cyclobenzaprine|flexeril|fexmid|soma|carisoprodol|tizanidine|zanaflex|baclofen|methocarbamol|robaxin|metaxalone|skelaxin|orphenadrine|norflex",
        Medication,
    ),
    (
        r"naproxen|anaprox|naprosyn|ibuprofen|motrin|meloxicam|mobic|celebrex|celecoxib|diclofenac|voltaren|etodolac|nabumetone|relafen|ketoprofen|flurbiprofen|ketorolac|toradol|nsaids?|lidocaine|lidoderm|terocin|flector|capsaicin|menthoderm|medrox",
        Medication,
    ),
    (
        r"omeprazole|prilosec|pantoprazole|protonix|ranitidine|ondansetron|zofran|senna|colace|docusate|trazodone|ambien|zolpidem|lunesta|amitriptyline|nortriptyline|cymbalta|duloxetine|effexor|venlafaxine|prozac|fluoxetine|sertraline|zoloft|citalopram|escitalopram|lexapro|wellbutrin|bupropion|xanax|alprazolam|valium|diazepam|klonopin|clonazepam|ativan|lorazepam|fioricet|imitrex|sumatriptan|medrol|prednisone|theramine|sentra|medical foods?",
        Medication,
    ),
];

static TABLE: LazyLock<PatternTable<Category>> =
    LazyLock::new(|| PatternTable::new(CATEGORY_WORDINGS));

/// The category of a disputed item, `Other` when no row matches.
pub fn category_of(item: &str) -> Category {
    TABLE.first_match(item).unwrap_or(Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categorises_items() {
        let rows = [
            (
                "CERVICAL EPIDURAL STEROID INJECTIN AT LEVEL C6-C7",
                Injection,
            ),
            ("Norco 10/325mg #120", Medication),
            ("Tramadol ER 150mg #30", Medication),
            (
                "Compound: Flurbiprofen 20%/Tramadol 20% cream (DOS: 05/12/2014)",
                Medication,
            ),
            ("Lidoderm 5% patch #30", Medication),
            ("Gabapentin", Medication),
            ("Physical therapy 2x6 for the lumbar spine", PhysicalTherapy),
            ("PT 2x6", PhysicalTherapy),
            ("Aquatic therapy 12 sessions", PhysicalTherapy),
            ("Chiropractic manipulation 2x4", Chiropractic),
            ("Acupuncture x 6 sessions", Acupuncture),
            ("MRI of the cervical spine", Imaging),
            ("X-rays of the right knee", Imaging),
            (
                "EMG/NCV of the bilateral upper extremities",
                Electrodiagnostic,
            ),
            ("Right knee arthroscopy with partial meniscectomy", Surgery),
            ("Left carpal tunnel release", Surgery),
            ("L4-5 posterior lumbar fusion", Surgery),
            ("Post-operative cold therapy unit rental for 7 days", Dme),
            ("TENS unit", Dme),
            ("Cervical traction unit", Dme),
            ("Single point cane", Dme),
            ("Home health care 4 hours a day", HomeHealth),
            ("Cognitive behavioral therapy 6 sessions", Psychological),
            ("Psych evaluation", Psychological),
            ("Urine drug screen", Lab),
            ("Orthopedic spine surgery consultation", Consultation),
            ("Referral to pain management", Consultation),
            ("Functional restoration program 160 hours", Program),
            ("Weight loss program", Program),
            ("Functional capacity evaluation", Other),
            ("Surgical assistant", Other),
            ("Right knee Synvisc injection", Injection),
            ("Platelet-rich plasma injection", Injection),
            ("Occipital nerve block", Injection),
            ("Spinal cord stimulator trial", Other),
        ];
        for (item, expected) in rows {
            assert_eq!(category_of(item), expected, "{item}");
        }
    }
}
