//! Files that are not letters, as they turn up in a folder of letters: empty and
//! whitespace-only files, fax cover sheets (as text and as PDF), binary blobs, and
//! claims notes. None uses a heading of the three layouts.

use crate::date::{Date, DateStyle};
use crate::pdf::{letter_pdf, PdfKind};
use crate::pick::{self, fill, CorpusRng};
use rand::{Rng, RngCore};

/// A kind of non-letter file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JunkKind {
    /// Zero bytes.
    Empty,
    /// Spaces, tabs and newlines only.
    Whitespace,
    /// A fax cover sheet.
    FaxCover,
    /// Random bytes with NULs.
    Binary,
    /// A PDF file that is not a letter: a fax cover sheet with a text layer.
    Pdf,
    /// A claims examiner's note.
    Memo,
}

impl JunkKind {
    /// Draws a kind.
    pub fn draw(rng: &mut CorpusRng) -> JunkKind {
        pick::weighted(
            rng,
            &[
                (JunkKind::Empty, 15),
                (JunkKind::Whitespace, 10),
                (JunkKind::FaxCover, 25),
                (JunkKind::Binary, 15),
                (JunkKind::Pdf, 20),
                (JunkKind::Memo, 15),
            ],
        )
    }

    /// The start of its file name.
    pub fn stem(self) -> &'static str {
        match self {
            JunkKind::Empty | JunkKind::Whitespace => "upload",
            JunkKind::FaxCover => "fax",
            JunkKind::Binary => "blob",
            JunkKind::Pdf => "scan",
            JunkKind::Memo => "note",
        }
    }

    /// Its file extension.
    pub fn extension(self) -> &'static str {
        match self {
            JunkKind::Binary => "bin",
            JunkKind::Pdf => "pdf",
            _ => "txt",
        }
    }

    /// Why it is not a letter (informative only; not compared).
    pub fn reason(self) -> &'static str {
        match self {
            JunkKind::Empty => "empty file",
            JunkKind::Whitespace => "whitespace only",
            JunkKind::FaxCover => "fax cover sheet, no IMR letter headings",
            JunkKind::Binary => "binary data",
            JunkKind::Pdf => "fax cover sheet as PDF, no IMR letter headings",
            JunkKind::Memo => "claims note, no IMR letter headings",
        }
    }
}

const FAX_TEMPLATE: &str = "FAX COVER SHEET

To:      {to}
From:    {from}
Fax:     ({area}) 555-{line}
Date:    {date}
Pages:   {pages} (including cover)
RE:      {re}

CONFIDENTIALITY NOTICE: This facsimile contains protected health information intended only
for the recipient named above. If you received it in error, please call the sender and
destroy all copies.
";

const FAX_RECIPIENTS: &[&str] = &[
    "Claims Department, Golden State Casualty",
    "Utilization Review Unit, Pacific Employers Insurance",
    "Workers' Comp Claims, Sierra Mutual",
    "Adjuster, Redwood Risk Services",
];

const FAX_SENDERS: &[&str] = &[
    "Valley Orthopedic Group",
    "Bay Area Pain Specialists",
    "Central Coast Chiropractic",
    "Inland Empire Spine Center",
];

const FAX_SUBJECTS: &[&str] = &[
    "Request for authorization, lumbar MRI",
    "Progress report and RFA",
    "Appeal of denial, physical therapy",
    "Medical records as requested",
];

const MEMO_TEMPLATE: &str = "MEMORANDUM

To: Claim file {claim}
From: {examiner}, Senior Claims Examiner
Date: {date}
Subject: {subject}

{body}

Diary set for 30 days to follow up.
";

const MEMO_SUBJECTS: &[&str] = &[
    "Status of treatment requests",
    "Attorney correspondence",
    "Reserve review",
];

const MEMO_BODIES: &[&str] = &[
    "Received a request for authorization from the treating physician for continued therapy. The request was sent to utilization review and a decision letter was mailed to all parties.",
    "Applicant attorney called about the pending application for review of the denied medication. Advised that we are waiting for the determination and will comply with it.",
    "Reviewed the file for reserves. Treatment continues with the primary treating physician and the worker remains on temporary disability.",
];

const EXAMINERS: &[&str] = &["J. Alvarez", "K. Nguyen", "R. Patel", "M. Okafor"];

/// The bytes of a junk file of `kind`.
pub fn bytes(kind: JunkKind, rng: &mut CorpusRng) -> Vec<u8> {
    let date = Date::new(
        rng.random_range(2013..=2019),
        rng.random_range(1..=12),
        rng.random_range(1..=28),
    )
    .write(DateStyle::SlashPadded);
    match kind {
        JunkKind::Empty => Vec::new(),
        JunkKind::Whitespace => {
            let count = rng.random_range(1..=200);
            (0..count).map(|_| *pick::one(rng, b" \n\t\r ")).collect()
        }
        JunkKind::FaxCover => fax_cover(&date, rng).into_bytes(),
        JunkKind::Binary => {
            let mut data = vec![0u8; rng.random_range(256..=4096)];
            rng.fill_bytes(&mut data);
            for byte in data.iter_mut().step_by(29) {
                *byte = 0;
            }
            data
        }
        // Writing a PDF to memory fails only for a filter lopdf lacks, and it has Flate.
        JunkKind::Pdf => {
            letter_pdf(&fax_cover(&date, rng), PdfKind::Text).expect("a PDF is written to memory")
        }
        JunkKind::Memo => {
            let claim = format!("{:07}", rng.random_range(0..10_000_000));
            fill(
                MEMO_TEMPLATE,
                &[
                    ("claim", &claim),
                    ("examiner", pick::text(rng, EXAMINERS)),
                    ("date", &date),
                    ("subject", pick::text(rng, MEMO_SUBJECTS)),
                    ("body", pick::text(rng, MEMO_BODIES)),
                ],
            )
            .into_bytes()
        }
    }
}

/// A fax cover sheet dated `date`.
fn fax_cover(date: &str, rng: &mut CorpusRng) -> String {
    let area = rng.random_range(209..=951).to_string();
    let line = format!("{:04}", rng.random_range(0..10_000));
    let pages = rng.random_range(2..=30).to_string();
    fill(
        FAX_TEMPLATE,
        &[
            ("to", pick::text(rng, FAX_RECIPIENTS)),
            ("from", pick::text(rng, FAX_SENDERS)),
            ("area", &area),
            ("line", &line),
            ("date", date),
            ("pages", &pages),
            ("re", pick::text(rng, FAX_SUBJECTS)),
        ],
    )
}
