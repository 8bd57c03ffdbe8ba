//! The content of one letter, chosen value first: the worker, the dates, the injured parts,
//! the disputed items with their decisions and citations, and the sentences that state them.
//! Every truth field is known here, before any layout or artefact touches the text.

mod decisions;
mod summary;

use crate::date::{Date, DateStyle};
use crate::model::{BodyPart, Category, Family, Layout, Priority, Sex, Verdict};
use crate::pick::{self, fill, CorpusRng};
use crate::plan::FilePlan;
use crate::truth::{collapse, DecisionTruth, LetterTruth};
use crate::vocab::boilerplate::{L3_DOCUMENTS_LIST, L3_UR_DOCUMENT};
use crate::vocab::specialties::{self as sp, Specialty};
use crate::vocab::summary::{self as sm, SexMode};
use decisions::{draw_citation, draw_items, draw_l3_claims, draw_rationale, Role};
use rand::seq::SliceRandom;
use rand::Rng;
use summary::{compose_summary, draw_diagnoses, draw_parts, SummaryInputs, Worker};

/// How much text to write: raised or lowered when a first attempt misses the 2-8 KB range.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Extra sentences for the summary and rationales.
    pub extra_sentences: usize,
    /// The most disputed items.
    pub max_items: usize,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            extra_sentences: 0,
            max_items: 6,
        }
    }
}

/// The dates of a case.
#[derive(Clone, Copy, Debug)]
pub struct Timeline {
    /// Date of injury.
    pub injury: Date,
    /// The utilization review's denial.
    pub ur_denial: Date,
    /// The IMR application.
    pub application_received: Date,
    /// Assignment to a reviewer.
    pub assigned: Date,
    /// The determination.
    pub decision: Date,
}

/// A citation of a guideline, with its family.
#[derive(Clone, Debug)]
pub struct Citation {
    /// The family the normalisation rules assign.
    pub family: Family,
    /// The MTUS ACOEM chapter, when the family is MTUS_ACOEM.
    pub chapter: Option<u8>,
    /// The text after the label, as the layout writes it.
    pub text: String,
}

/// One disputed item and its decision.
#[derive(Clone, Debug)]
pub struct Decision {
    /// The item as written.
    pub item: String,
    /// Its category.
    pub category: Category,
    /// Upheld or overturned.
    pub verdict: Verdict,
    /// The claims administrator's citation (L3: from the summary's UR sentence, if any).
    pub claims: Option<Citation>,
    /// The reviewer's citation.
    pub reviewer: Citation,
    /// The rationale.
    pub rationale: String,
}

/// The reviewer's board certification, and a subspecialty.
#[derive(Clone, Debug)]
pub struct Reviewer {
    /// (canonical, written) of the board.
    pub board: (&'static str, &'static str),
    /// (canonical, written) of the subspecialty.
    pub subspecialty: Option<(&'static str, &'static str)>,
    /// A noun for a board-certified reviewer of the board ("Anesthesiologist"), if it has one.
    pub specialist: Option<&'static str>,
}

/// Everything one letter states.
#[derive(Clone, Debug)]
pub struct Case {
    /// The layout.
    pub layout: Layout,
    /// Whether an L1 letter has its header block (L2 always has one, L3 never).
    pub has_header: bool,
    /// Whether an L2 letter is in the early 2013 form (decisions first, header dates in a
    /// procedural paragraph, no priority).
    pub early_form: bool,
    /// CMyy-0nnnnnn.
    pub case_number: String,
    /// The dates.
    pub dates: Timeline,
    /// The review priority.
    pub priority: Priority,
    /// The worker's age, if the summary states it.
    pub age: Option<u32>,
    /// The worker's sex, if the summary states it.
    pub sex: Option<Sex>,
    /// The reviewer.
    pub reviewer: Reviewer,
    /// Injured parts, in order of mention.
    pub body_parts: Vec<BodyPart>,
    /// Diagnoses as written.
    pub diagnoses: Vec<String>,
    /// The summary's sentences (an opening may hold two).
    pub summary: Vec<String>,
    /// How many leading summary sentences state age, sex, injury and diagnoses.
    pub summary_protected: usize,
    /// The disputed items (L3: they share one verdict, citation and rationale).
    pub decisions: Vec<Decision>,
    /// L3: its documents-reviewed entries.
    pub documents: Vec<String>,
    /// Whether an L1 letter numbers its items ("1. ").
    pub numbered_items: bool,
}

impl Case {
    /// Draws the content of the letter planned by `plan`.
    pub fn draw(
        plan: &FilePlan,
        layout: Layout,
        needs_non_ascii: bool,
        budget: Budget,
        rng: &mut CorpusRng,
    ) -> Case {
        let has_header = match layout {
            Layout::L1 => pick::chance(rng, 0.75),
            Layout::L2 => true,
            Layout::L3 => false,
        };
        // The early form of the first notices: summer and autumn 2013.
        let early_form = layout == Layout::L2 && plan.month <= 11 && pick::chance(rng, 0.15);
        let dates = draw_timeline(plan, rng);
        let priority = if pick::chance(rng, 0.07) {
            Priority::Expedited
        } else {
            Priority::Standard
        };
        let age_known = pick::chance(rng, 0.95);
        let years_since_injury =
            u32::try_from(dates.decision.year() - dates.injury.year()).unwrap_or(2);
        let age = rng.random_range((22 + years_since_injury).min(66)..=70);
        let sex = match rng.random_range(0..100) {
            0..=4 => None,
            5..=52 => Some(Sex::Female),
            _ => Some(Sex::Male),
        };
        let sex_mode = match sex {
            None => SexMode::Unstated,
            Some(_) if pick::chance(rng, 0.15) => SexMode::Pronoun,
            Some(_) => SexMode::Word,
        };
        let worker = Worker {
            age: age_known.then_some(age),
            sex,
            sex_mode,
        };
        let parts = draw_parts(rng);
        let diagnoses = draw_diagnoses(&parts.parts, rng);
        let items = draw_items(layout, &parts.parts, &dates, budget, rng);
        let verdict_of_l3 = draw_verdict(rng);
        let mut decisions = Vec::with_capacity(items.len());
        for (index, (text, row)) in items.iter().enumerate() {
            let region = row.region.or_else(|| parts.parts.first().copied());
            let verdict = if layout == Layout::L3 {
                verdict_of_l3
            } else {
                draw_verdict(rng)
            };
            let (claims, reviewer, rationale) = if layout == Layout::L3 && index > 0 {
                let first: &Decision = &decisions[0];
                (
                    first.claims.clone(),
                    first.reviewer.clone(),
                    first.rationale.clone(),
                )
            } else {
                let claims = match layout {
                    Layout::L3 => pick::chance(rng, 0.70)
                        .then(|| draw_l3_claims(row.topic, region, &dates, rng)),
                    _ => Some(draw_citation(layout, Role::Claims, row.topic, region, rng)),
                };
                let reviewer = draw_citation(layout, Role::Reviewer, row.topic, region, rng);
                let mut rationale =
                    draw_rationale(row.topic.rationale, verdict, budget.extra_sentences, rng);
                if layout == Layout::L3 && items.len() > 1 {
                    rationale
                        .push_str(" The same considerations apply to each of the requested items.");
                }
                (claims, reviewer, rationale)
            };
            decisions.push(Decision {
                item: text.clone(),
                category: row.topic.category,
                verdict,
                claims,
                reviewer,
                rationale,
            });
        }
        let ur_sentence = match (layout, decisions.first().and_then(|d| d.claims.as_ref())) {
            (Layout::L3, Some(claims)) => Some(claims.text.clone()),
            (Layout::L3, None) => None,
            _ => pick::chance(rng, 0.15).then(|| {
                fill(
                    pick::one(rng, sm::UR_MENTIONS),
                    &[("ur", &ur_date(&dates, rng))],
                )
            }),
        };
        let inputs = SummaryInputs {
            layout,
            worker: &worker,
            parts: &parts,
            diagnoses: &diagnoses,
            dates: &dates,
            ur_sentence,
            needs_non_ascii,
            budget,
        };
        let (summary, summary_protected) = compose_summary(&inputs, rng);
        let has_ur = decisions.first().is_some_and(|d| d.claims.is_some());
        let documents = if layout == Layout::L3 {
            l3_documents(&dates, has_ur, rng)
        } else {
            Vec::new()
        };
        Case {
            layout,
            has_header,
            early_form,
            case_number: plan.case_number.clone().unwrap_or_default(),
            dates,
            priority,
            age: worker.age,
            sex,
            reviewer: draw_reviewer(&decisions, &parts.parts, rng),
            body_parts: parts.parts,
            diagnoses,
            summary,
            summary_protected,
            decisions,
            documents,
            numbered_items: pick::chance(rng, 0.2),
        }
    }

    /// The summary as one paragraph.
    pub fn summary_text(&self) -> String {
        self.summary.join(" ")
    }

    /// The truth this letter states (untruncated).
    pub fn truth(&self, path: &str) -> LetterTruth {
        let header = match self.layout {
            Layout::L1 => self.has_header,
            Layout::L2 => true,
            Layout::L3 => false,
        };
        let header_date = |date: Date| header.then_some(date);
        LetterTruth {
            path: path.to_string(),
            kind: "letter",
            reason: None,
            layout: self.layout.name(),
            case_number: (header || self.layout == Layout::L3).then(|| self.case_number.clone()),
            // The early L2 form states it in its procedural paragraph.
            date_assigned: (self.layout == Layout::L1 || self.early_form)
                .then_some(self.dates.assigned)
                .and_then(header_date),
            decision_date: header_date(self.dates.decision),
            date_of_injury: Some(self.dates.injury),
            ur_denial_date: header_date(self.dates.ur_denial),
            application_received: header_date(self.dates.application_received),
            priority: (header && !self.early_form).then(|| self.priority.name()),
            age: self.age,
            sex: self.sex.map(Sex::name),
            reviewer_specialties: std::iter::once(self.reviewer.board.0)
                .chain(self.reviewer.subspecialty.map(|(canonical, _)| canonical))
                .collect(),
            body_parts: self.body_parts.iter().map(|part| part.name()).collect(),
            diagnoses: self.diagnoses.clone(),
            summary: collapse(&self.summary_text()),
            truncated: false,
            decisions: self
                .decisions
                .iter()
                .map(|decision| DecisionTruth {
                    item: collapse(&decision.item),
                    category: decision.category.name(),
                    decision: decision.verdict.name(),
                    claims_guideline: decision.claims.as_ref().map(|claims| claims.family.name()),
                    reviewer_guideline: Some(decision.reviewer.family.name()),
                    reviewer_guideline_chapter: decision.reviewer.chapter,
                    rationale: Some(collapse(&decision.rationale)),
                })
                .collect(),
        }
    }
}

/// The case's dates: the decision in the planned month, the application and the denial
/// before it, and an injury from 1995 to two years before the letter.
fn draw_timeline(plan: &FilePlan, rng: &mut CorpusRng) -> Timeline {
    let decision = Date::new(plan.year, plan.month, rng.random_range(1..=28));
    let assigned = decision.plus_days(-rng.random_range(14..=45));
    let application_received = assigned.plus_days(-rng.random_range(3..=14));
    let ur_denial = application_received.plus_days(-rng.random_range(5..=25));
    // Injuries from 1995 to two years before the letter, most of them recent.
    let latest_year = plan.year - 2;
    let span = f64::from(latest_year - 1995 + 1);
    let skew: f64 = rng.random::<f64>();
    let years_back = (skew * skew * span) as i32;
    let injury = Date::new(
        latest_year - years_back,
        rng.random_range(1..=12),
        rng.random_range(1..=31),
    );
    Timeline {
        injury,
        ur_denial,
        application_received,
        assigned,
        decision,
    }
}

/// Most denials are upheld.
fn draw_verdict(rng: &mut CorpusRng) -> Verdict {
    if pick::chance(rng, 0.72) {
        Verdict::Upheld
    } else {
        Verdict::Overturned
    }
}

/// A date between the injury and the utilization review, as a summary writes it.
pub(super) fn note_date(dates: &Timeline, rng: &mut CorpusRng) -> String {
    let span = dates.ur_denial.days_after(dates.injury).max(90);
    let date = dates.injury.plus_days(rng.random_range(60..span - 7));
    let style = pick::weighted(
        rng,
        &[
            (DateStyle::SlashShortYear, 6),
            (DateStyle::SlashPadded, 3),
            (DateStyle::Long, 1),
        ],
    );
    date.write(style)
}

/// The utilization review's date as a summary writes it.
pub(super) fn ur_date(dates: &Timeline, rng: &mut CorpusRng) -> String {
    let style = pick::weighted(
        rng,
        &[(DateStyle::SlashShortYear, 3), (DateStyle::SlashPadded, 1)],
    );
    dates.ur_denial.write(style)
}

/// The reviewer, mostly of a specialty that fits the first item.
fn draw_reviewer(decisions: &[Decision], parts: &[BodyPart], rng: &mut CorpusRng) -> Reviewer {
    let first = decisions.first().map(|d| d.category);
    let pool: &'static [(&'static Specialty, u32)] = match first {
        Some(Category::Surgery) if pick::chance(rng, 0.7) => sp::SURGICAL_REVIEWERS,
        Some(Category::Psychological) => sp::PSYCH_REVIEWERS,
        Some(Category::Chiropractic) if pick::chance(rng, 0.7) => sp::CHIROPRACTIC_REVIEWERS,
        Some(Category::Acupuncture) if pick::chance(rng, 0.7) => sp::ACUPUNCTURE_REVIEWERS,
        _ if parts.contains(&BodyPart::AnkleFoot) && pick::chance(rng, 0.3) => sp::FOOT_REVIEWERS,
        _ => sp::GENERAL_REVIEWERS,
    };
    // The canonical spelling mostly; other spellings and abbreviations now and then.
    let written = |specialty: &'static Specialty, rng: &mut CorpusRng| {
        let spelling = match specialty.written {
            [canonical, others @ ..] if others.is_empty() || !pick::chance(rng, 0.35) => *canonical,
            [_, others @ ..] => *pick::one(rng, others),
            [] => specialty.canonical,
        };
        (specialty.canonical, spelling)
    };
    let (board_specialty, board, subspecialty) = if pick::chance(rng, 0.12) {
        let (board, sub) = *pick::one(rng, sp::SUBSPECIALTY_PAIRS);
        (board, written(board, rng), Some(written(sub, rng)))
    } else {
        let options: Vec<(usize, u32)> =
            pool.iter().enumerate().map(|(i, (_, w))| (i, *w)).collect();
        let board = pool[pick::weighted(rng, &options)].0;
        (board, written(board, rng), None)
    };
    let specialist = (!board_specialty.specialist.is_empty())
        .then(|| *pick::one(rng, board_specialty.specialist));
    Reviewer {
        board,
        subspecialty,
        specialist,
    }
}

/// The documents an L3 report lists; the UR determination only when its summary names it.
fn l3_documents(dates: &Timeline, has_ur: bool, rng: &mut CorpusRng) -> Vec<String> {
    let from = dates
        .injury
        .plus_days(rng.random_range(30..=200))
        .month_year();
    let to = dates
        .ur_denial
        .plus_days(-rng.random_range(10..=40))
        .month_year();
    let mut documents = Vec::new();
    if has_ur {
        documents.push(fill(
            L3_UR_DOCUMENT,
            &[("ur", &dates.ur_denial.write(DateStyle::SlashShortYear))],
        ));
    }
    let mut others: Vec<&str> = L3_DOCUMENTS_LIST.to_vec();
    others.shuffle(rng);
    let count = rng.random_range(4..=7);
    for template in others.into_iter().take(count) {
        let date = note_date(dates, rng);
        documents.push(fill(
            template,
            &[("from", &from), ("to", &to), ("date", &date)],
        ));
    }
    documents
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{file_rng, FileKind};

    /// The ordered family rules of letter-formats.md, applied to a citation.
    fn family_by_the_rules(citation: &str) -> (Family, Option<u8>) {
        let text = citation.to_lowercase();
        let words: Vec<&str> = text.split(|c: char| !c.is_ascii_alphanumeric()).collect();
        if text.contains("did not cite any")
            || text.contains("no evidence-based criteria were cited")
        {
            return (Family::None, None);
        }
        if text.contains("non-mtus citation") {
            return (Family::Other, None);
        }
        let chapter = words
            .windows(2)
            .find(|pair| pair[0] == "chapter")
            .and_then(|pair| pair[1].parse::<u8>().ok())
            .filter(|n| (8..=15).contains(n));
        if words.contains(&"mtus") && words.contains(&"acoem") && chapter.is_some() {
            return (Family::MtusAcoem, chapter);
        }
        if text.contains("chronic pain") {
            return (Family::MtusChronicPain, None);
        }
        if text.contains("postsurgical") || text.contains("post-surgical") {
            return (Family::MtusPostsurgical, None);
        }
        if words.contains(&"odg") || text.contains("official disability guidelines") {
            return (Family::Odg, None);
        }
        if words.contains(&"acoem") {
            return (Family::AcoemOther, None);
        }
        (Family::Other, None)
    }

    fn cases(layout: Layout, count: u64) -> Vec<Case> {
        (0..count)
            .map(|index| {
                let mut rng = file_rng(77, index);
                let mut plan = FilePlan::draw(77, index, 0.0, &mut rng);
                plan.kind = FileKind::Letter(layout);
                plan.year = if layout == Layout::L2 { 2013 } else { 2015 };
                Case::draw(&plan, layout, false, Budget::default(), &mut rng)
            })
            .collect()
    }

    #[test]
    fn every_citation_falls_in_its_family_under_the_ordered_rules() {
        let mut seen = std::collections::BTreeSet::new();
        for layout in Layout::ALL {
            for case in cases(layout, 1500) {
                for decision in &case.decisions {
                    let reviewer = &decision.reviewer;
                    let expected = (reviewer.family, reviewer.chapter);
                    assert_eq!(
                        family_by_the_rules(&reviewer.text),
                        expected,
                        "{:?}: {}",
                        layout,
                        reviewer.text
                    );
                    seen.insert(reviewer.family);
                    if let Some(claims) = &decision.claims {
                        assert_eq!(
                            family_by_the_rules(&claims.text).0,
                            claims.family,
                            "{:?}: {}",
                            layout,
                            claims.text
                        );
                        seen.insert(claims.family);
                    }
                }
            }
        }
        assert_eq!(seen.len(), 7, "every family occurs: {seen:?}");
    }

    #[test]
    fn l3_claims_come_from_a_summary_sentence_about_the_utilization_review() {
        for case in cases(Layout::L3, 800) {
            let ur_sentences: Vec<&String> = case
                .summary
                .iter()
                .filter(|s| s.to_lowercase().contains("utilization review") || s.contains("UR "))
                .collect();
            match &case.decisions[0].claims {
                Some(claims) => assert_eq!(ur_sentences, [&claims.text]),
                None => assert!(ur_sentences.is_empty(), "{ur_sentences:?}"),
            }
        }
    }

    /// Canonical parts named in a text, in order of first mention (a reading of the rules).
    fn parts_named(text: &str) -> Vec<BodyPart> {
        const WORDS: &[(&str, BodyPart)] = &[
            ("neck and back", BodyPart::LumbarSpine),
            ("neck", BodyPart::CervicalSpine),
            ("cervical", BodyPart::CervicalSpine),
            ("upper back", BodyPart::ThoracicSpine),
            ("mid back", BodyPart::ThoracicSpine),
            ("thoracic", BodyPart::ThoracicSpine),
            ("low back", BodyPart::LumbarSpine),
            ("lower back", BodyPart::LumbarSpine),
            ("lumbar", BodyPart::LumbarSpine),
            ("lumbosacral", BodyPart::LumbarSpine),
            ("shoulder", BodyPart::Shoulder),
            ("elbow", BodyPart::Elbow),
            ("wrist", BodyPart::WristHand),
            ("hand", BodyPart::WristHand),
            ("finger", BodyPart::WristHand),
            ("forearm", BodyPart::WristHand),
            ("hip", BodyPart::Hip),
            ("knee", BodyPart::Knee),
            ("patella", BodyPart::Knee),
            ("ankle", BodyPart::AnkleFoot),
            ("foot", BodyPart::AnkleFoot),
            ("feet", BodyPart::AnkleFoot),
            ("head", BodyPart::Head),
            ("face", BodyPart::Head),
            ("jaw", BodyPart::Head),
            ("psyche", BodyPart::Psyche),
            ("psychiatric", BodyPart::Psyche),
            ("stress", BodyPart::Psyche),
            ("depress", BodyPart::Psyche),
        ];
        let lower = text.to_lowercase();
        let mut found: Vec<(usize, BodyPart)> = Vec::new();
        for &(word, part) in WORDS {
            let mut from = 0;
            while let Some(at) = lower[from..].find(word) {
                let start = from + at;
                let boundary = start == 0 || !lower.as_bytes()[start - 1].is_ascii_alphabetic();
                if boundary {
                    found.push((start, part));
                    if word == "neck and back" {
                        found.push((start, BodyPart::CervicalSpine));
                    }
                }
                from = start + word.len();
            }
        }
        found.sort_by_key(|&(at, part)| (at, part != BodyPart::CervicalSpine));
        let mut parts = Vec::new();
        for (_, part) in found {
            if !parts.contains(&part) {
                parts.push(part);
            }
        }
        parts
    }

    #[test]
    fn the_injury_statement_names_exactly_the_body_parts_of_the_truth() {
        for layout in Layout::ALL {
            for case in cases(layout, 800) {
                let opening = &case.summary[0];
                assert_eq!(parts_named(opening), case.body_parts, "{opening}");
                // The sentence after the opening names no other part.
                let next = parts_named(&case.summary[1]);
                assert!(
                    next.iter().all(|p| case.body_parts.contains(p)),
                    "{}",
                    case.summary[1]
                );
            }
        }
    }
}
