//! Sentences of a reviewer's rationale, by kind of request: what the guideline says, facts
//! that fail or meet it, and the closing sentence. Every sentence is gender neutral, has no
//! abbreviation with a period and does not end in a bare number, so a cut rationale can be
//! recognised and no wrapped line starts like a list item.

/// The sentences a rationale for one kind of request is built from.
pub struct RationaleText {
    /// What the cited guideline recommends.
    pub guideline: &'static [&'static str],
    /// Case facts that fail the criteria (the denial is upheld).
    pub unmet: &'static [&'static str],
    /// Case facts that meet the criteria (the denial is overturned).
    pub met: &'static [&'static str],
}

/// Drugs, creams and patches.
pub const MEDICATION: RationaleText = RationaleText {
    guideline: &[
        "The guidelines recommend continuing a medication only when there is documented pain relief and functional improvement.",
        "Ongoing use of this medication requires periodic review of its efficacy, side effects and the claimant's adherence to the treatment plan.",
        "Long-term use is not recommended without objective evidence of benefit and monitoring for adverse effects.",
    ],
    unmet: &[
        "The records do not document measurable pain relief or improved function with this medication.",
        "No urine drug screen or pain agreement is on file.",
        "There is no documentation that first-line agents were tried and failed.",
        "The claimant has used the medication for many months without objective improvement.",
        "The request doesn't specify how the medication would change the treatment plan.",
    ],
    met: &[
        "The records document a reduction in pain with an improved ability to perform daily activities.",
        "The provider documents improved function and no aberrant behavior with this medication.",
        "First-line agents were tried and were not tolerated.",
        "A recent urine drug screen was consistent and a pain agreement is on file.",
    ],
};

/// Compounded creams, gels and patches.
pub const TOPICAL_MEDICATION: RationaleText = RationaleText {
    guideline: &[
        "Topical analgesics are largely experimental and are used primarily for neuropathic pain when trials of antidepressants and anticonvulsants have failed.",
        "Any compounded product that contains at least one drug that is not recommended is not recommended.",
        "The guidelines do not support topical muscle relaxants or topical gabapentin.",
    ],
    unmet: &[
        "The product contains at least one ingredient that is not recommended.",
        "There is no documentation that first-line oral agents were tried and failed.",
        "The records do not document a neuropathic component to the pain.",
    ],
    met: &[
        "Oral agents were not tolerated and the pain has a localized neuropathic component.",
        "The product contains only recommended ingredients and the records document benefit.",
    ],
};

/// Epidural, facet, trigger point, joint and nerve-block injections.
pub const INJECTION: RationaleText = RationaleText {
    guideline: &[
        "Injections are recommended only when there are objective findings that correspond to the level or joint to be treated and conservative care has failed.",
        "Repeat injections require documentation of at least 50% pain relief with reduced medication use for six to eight weeks after the prior injection.",
        "The guidelines consider this injection an option for carefully selected patients and do not support it as an isolated treatment.",
        "Injections of this kind are of uncertain benefit and should be reserved for patients who would otherwise undergo an open surgical procedure.",
    ],
    unmet: &[
        "The examination does not document findings that correspond to the requested level.",
        "There is no documentation of the response to the prior injection.",
        "The claimant had already received an injection without lasting benefit.",
        "There is no plan for an active rehabilitation program to accompany the injection.",
    ],
    met: &[
        "The examination and imaging findings correspond to the requested level and conservative care has failed.",
        "The prior injection gave more than 50% relief for two months with reduced medication use.",
        "The findings are consistent with the criteria and an active exercise program is planned.",
    ],
};

/// Physical and aquatic therapy.
pub const PHYSICAL_THERAPY: RationaleText = RationaleText {
    guideline: &[
        "The guidelines allow 9 to 10 visits over 8 weeks for myalgia and radiculitis, with a fading of treatment frequency and a transition to home exercise.",
        "Physical medicine is recommended when it is directed at specific functional goals.",
        "After surgery the guidelines allow an initial course of half the general course of therapy, with further visits based on documented functional improvement.",
        "Aquatic therapy is recommended as an optional form of exercise therapy where reduced weight bearing is desirable.",
    ],
    unmet: &[
        "The claimant has already completed more visits than the guidelines allow.",
        "There is no documentation of functional improvement from prior therapy.",
        "The records do not explain why a home exercise program would not suffice.",
    ],
    met: &[
        "The records document a new flare with objective deficits after a period of independent exercise.",
        "The requested visits fall within the number the guidelines allow.",
        "Prior therapy produced measurable gains in strength and range of motion.",
    ],
};

/// Chiropractic care.
pub const CHIROPRACTIC: RationaleText = RationaleText {
    guideline: &[
        "Manual therapy and manipulation are recommended for pain caused by musculoskeletal conditions, with a trial of 6 visits over 2 weeks.",
        "For flare-ups further care requires evidence of functional improvement and a return to work.",
        "Elective or maintenance care is not medically necessary.",
    ],
    unmet: &[
        "Neither functional improvement nor a return to work is documented after prior chiropractic care.",
        "The number of visits requested exceeds the guideline trial.",
        "The request appears to be for maintenance care.",
    ],
    met: &[
        "Prior chiropractic care produced documented functional improvement and a return to work.",
        "The request falls within the trial the guidelines allow.",
    ],
};

/// Acupuncture.
pub const ACUPUNCTURE: RationaleText = RationaleText {
    guideline: &[
        "The acupuncture guidelines allow an initial trial of 3 to 6 treatments, with further treatment only when functional improvement is documented.",
        "Acupuncture is used as an option when pain medication is reduced or not tolerated.",
        "Acupuncture may be used as an adjunct to physical rehabilitation to hasten functional recovery.",
    ],
    unmet: &[
        "No functional improvement is documented after the prior sessions.",
        "The number of sessions requested exceeds the initial trial.",
        "There is no documentation that medication was reduced or not tolerated.",
    ],
    met: &[
        "The claimant has not had acupuncture before and the request is within the initial trial.",
        "Prior sessions produced documented functional improvement and reduced medication use.",
    ],
};

/// MRI, CT, X-rays and bone scans.
pub const IMAGING: RationaleText = RationaleText {
    guideline: &[
        "Imaging is indicated when there are unequivocal objective findings of specific nerve compromise and surgery is being considered.",
        "Imaging is recommended for red flags, physiologic evidence of neurologic dysfunction or before an invasive procedure.",
        "Repeat imaging is not routinely recommended and should be reserved for a significant change in symptoms or findings.",
    ],
    unmet: &[
        "None of these indications are documented.",
        "A prior study showed no significant pathology and there has been no change in the examination.",
        "There is no plan for surgery or an invasive procedure.",
    ],
    met: &[
        "The examination documents a progressive neurologic deficit.",
        "The claimant has failed conservative care and surgery is being considered.",
        "Red flags are documented in the most recent examination.",
    ],
};

/// EMG and nerve conduction studies.
pub const ELECTRODIAGNOSTIC: RationaleText = RationaleText {
    guideline: &[
        "Electromyography and nerve conduction studies may help identify subtle focal neurologic dysfunction in patients with symptoms lasting more than three or four weeks.",
        "Electrodiagnostic testing is not recommended when radiculopathy is already clinically obvious.",
        "Nerve conduction studies are recommended when a peripheral nerve entrapment is suspected.",
    ],
    unmet: &[
        "The radiculopathy is already clinically obvious and documented by imaging.",
        "The examination does not document any neurologic deficit.",
        "Prior studies were normal and there has been no change in the findings.",
    ],
    met: &[
        "The claimant has persistent numbness with equivocal examination findings.",
        "The studies would help separate a radicular from a peripheral cause.",
    ],
};

/// Operations.
pub const SURGERY: RationaleText = RationaleText {
    guideline: &[
        "Surgical referral is indicated for clear clinical and imaging evidence of a lesion that has been shown to benefit from surgical repair, after failure of conservative care.",
        "The guidelines recommend surgery when activity limitation persists for more than three months despite an exercise program.",
        "Surgery is considered only after the diagnosis is confirmed and the claimant has failed a reasonable course of conservative treatment.",
    ],
    unmet: &[
        "The imaging findings are degenerative and do not correlate with the examination.",
        "There is no documentation of a recent course of conservative care.",
        "The records do not show instability or a progressive neurologic deficit.",
    ],
    met: &[
        "The imaging findings correlate with the examination and conservative care has failed.",
        "The claimant has had months of therapy and injections without lasting benefit.",
        "The diagnosis is confirmed and the activity limitation has persisted for more than three months.",
    ],
};

/// Equipment.
pub const DME: RationaleText = RationaleText {
    guideline: &[
        "Durable medical equipment is recommended when it serves a medical purpose and is appropriate for use in the home.",
        "The guidelines support this equipment only as an adjunct to an active program of functional restoration.",
        "Continued use of the equipment requires documentation of how often it was used and of its outcomes.",
    ],
    unmet: &[
        "The records do not describe a functional restoration program that the equipment would support.",
        "There is no documentation of the outcomes of a prior trial.",
        "The medical need for the equipment isn't explained in the records.",
    ],
    met: &[
        "The records document reduced medication use and improved function with the equipment.",
        "The equipment is needed for safe mobility in the home.",
        "The request falls within the period the guidelines recommend after surgery.",
    ],
};

/// Home health care.
pub const HOME_HEALTH: RationaleText = RationaleText {
    guideline: &[
        "Home health services are recommended only for medical treatment of patients who are homebound, on a part-time or intermittent basis, generally up to no more than 35 hours per week.",
        "Medical treatment does not include homemaker services such as shopping, cleaning and laundry.",
    ],
    unmet: &[
        "The claimant is not homebound.",
        "The services requested are homemaker services rather than medical treatment.",
        "The number of hours requested exceeds the guideline limit.",
    ],
    met: &[
        "The claimant is homebound after surgery and needs skilled wound care.",
        "The services requested are medical and fall within the guideline limit.",
    ],
};

/// Psychotherapy, CBT, psychological evaluations.
pub const PSYCHOLOGICAL: RationaleText = RationaleText {
    guideline: &[
        "The guidelines allow an initial trial of 3 to 4 psychotherapy visits over 2 weeks, and up to 6 to 10 visits with evidence of objective functional improvement.",
        "Psychological evaluations are recommended for patients who show psychological symptoms that affect their recovery.",
        "Cognitive behavioral therapy is recommended for depression and anxiety when progress is documented.",
    ],
    unmet: &[
        "The sessions already completed exceed the initial trial without documented functional improvement.",
        "No psychological symptoms that affect recovery are documented.",
        "Objective improvement in mood scores is not recorded.",
    ],
    met: &[
        "Objective improvement in mood scores is recorded after the initial sessions.",
        "The claimant has psychological symptoms that are delaying recovery.",
    ],
};

/// Urine drug screens and blood tests.
pub const LAB: RationaleText = RationaleText {
    guideline: &[
        "Urine drug testing is recommended as an option to assess for the use or presence of illegal drugs, with a frequency based on the risk of misuse.",
        "Laboratory monitoring is recommended for patients taking medications that can affect liver and kidney function.",
        "Routine testing without a clinical indication is not recommended.",
    ],
    unmet: &[
        "The claimant is at low risk of misuse and a test was done recently.",
        "No medication that requires laboratory monitoring is documented.",
        "The records do not state what clinical question the tests would answer.",
    ],
    met: &[
        "The claimant takes opioids and no test has been done in over a year.",
        "The claimant has taken anti-inflammatory medication for years and no laboratory monitoring is documented.",
    ],
};

/// Referrals and specialist visits.
pub const CONSULTATION: RationaleText = RationaleText {
    guideline: &[
        "A consultation is indicated when the diagnosis is uncertain or extremely complex, or when the course of care may benefit from additional expertise.",
        "Office visits with a specialist are determined by the claimant's concerns, signs and symptoms and clinical stability.",
    ],
    unmet: &[
        "The diagnosis is established and no change in the plan of care is anticipated.",
        "The records do not explain what question the specialist would answer.",
    ],
    met: &[
        "The claimant has failed conservative care and the diagnosis remains uncertain.",
        "Surgery is being considered and a specialist opinion would guide the plan.",
    ],
};

/// Functional restoration, work hardening and weight loss programs.
pub const PROGRAM: RationaleText = RationaleText {
    guideline: &[
        "The guidelines support such a program when previous methods of treating pain have failed and the patient has lost the ability to function independently.",
        "Treatment is not suggested for longer than 2 weeks without evidence of efficacy by subjective and objective gains.",
        "A supervised program requires a thorough evaluation, including baseline functional testing, before it starts.",
    ],
    unmet: &[
        "An adequate and thorough evaluation has not been completed.",
        "The claimant has not shown motivation to change and is not a candidate for a program.",
        "The records do not document prior attempts with a home program.",
    ],
    met: &[
        "All criteria are documented in the multidisciplinary evaluation.",
        "Previous methods have failed and the claimant is motivated to return to work.",
    ],
};

/// Surgical assistants.
pub const SURGICAL_ASSISTANT: RationaleText = RationaleText {
    guideline: &[
        "An assistant is almost never needed for a short procedure under local anesthesia.",
        "An assistant surgeon is reasonable for complex procedures in which a second surgeon improves safety.",
    ],
    unmet: &[
        "The procedure is short and routine.",
        "The primary procedure has not been approved.",
    ],
    met: &[
        "The procedure is complex and the primary procedure has been approved.",
        "A second surgeon is customary for this operation.",
    ],
};

/// Functional capacity evaluations.
pub const FUNCTIONAL_CAPACITY: RationaleText = RationaleText {
    guideline: &[
        "A functional capacity evaluation is recommended when case management is hampered by complex issues such as prior unsuccessful return to work attempts.",
        "The evaluation is not recommended when the sole purpose is to determine a worker's effort or compliance.",
    ],
    unmet: &[
        "The claimant is not near a return to work.",
        "No failed return to work attempts are documented.",
    ],
    met: &[
        "The claimant is close to maximum medical improvement and a return to work is planned.",
        "Prior return to work attempts failed.",
    ],
};

/// Spinal cord stimulator trials.
pub const STIMULATOR_TRIAL: RationaleText = RationaleText {
    guideline: &[
        "A spinal cord stimulator trial is recommended only for selected patients when less invasive procedures have failed.",
        "A psychological evaluation is required before a stimulator trial.",
    ],
    unmet: &[
        "No psychological evaluation has been done.",
        "Less invasive treatment has not been exhausted.",
    ],
    met: &[
        "A psychological evaluation cleared the claimant for the trial.",
        "The claimant has failed back surgery syndrome and less invasive treatment has failed.",
    ],
};

/// Transportation to appointments.
pub const TRANSPORTATION: RationaleText = RationaleText {
    guideline: &[
        "Transportation is recommended for medically necessary appointments in the same community for patients with disabilities that prevent them from self-transport.",
    ],
    unmet: &[
        "The claimant drives and has no condition that prevents self-transport.",
    ],
    met: &[
        "The claimant cannot drive after the procedure and has no other means of transport.",
    ],
};

/// Sentences for any request whose criteria are not met.
pub const GENERAL_UNMET: &[&str] = &[
    "The submitted records do not establish that the criteria are met.",
    "No exceptional circumstances are documented that would justify deviating from the guidelines.",
    "The documentation does not describe specific functional goals for the requested treatment.",
    "In this case the medical necessity has not been established.",
];

/// Sentences for any request whose criteria are met.
pub const GENERAL_MET: &[&str] = &[
    "The submitted records establish that the guideline criteria are met.",
    "The request is consistent with the guideline recommendations.",
    "The treating physician's documentation supports the request.",
];

/// The last sentence of a rationale whose denial is upheld.
pub const CONCLUSION_UPHELD: &[&str] = &[
    "The request is not medically necessary.",
    "Therefore, the request is not medically necessary.",
    "As such, the requested treatment is not medically necessary.",
    "The request is therefore not medically necessary.",
];

/// The last sentence of a rationale whose denial is overturned.
pub const CONCLUSION_OVERTURNED: &[&str] = &[
    "The request is medically necessary.",
    "Therefore, the request is medically necessary.",
    "As such, the requested treatment is medically necessary.",
    "The request is therefore medically necessary.",
];
