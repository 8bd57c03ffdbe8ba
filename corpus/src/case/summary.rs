//! The clinical summary of a case: the injured parts and how the injury statement names
//! them, the diagnoses, and the sentences of the summary in order (opening, diagnoses,
//! then sentences that never put a body part or symptom among the first two sentences).

use super::{note_date, Budget, Timeline};
use crate::date::DateStyle;
use crate::model::{BodyPart, Layout, Sex};
use crate::pick::{self, fill, CorpusRng};
use crate::vocab::anatomy::{self, CAUSES, DIAGNOSES, NECK_AND_BACK, OCCUPATIONS, PART_WEIGHTS};
use crate::vocab::summary::{self as sm, ListStyle, SexMode};
use rand::seq::SliceRandom;
use rand::Rng;

/// The pronouns of the worker: He, he, His, his (or "the claimant" when unstated).
fn pronouns(sex: Option<Sex>) -> [(&'static str, &'static str); 4] {
    match sex {
        Some(Sex::Female) => [("He", "She"), ("he", "she"), ("His", "Her"), ("his", "her")],
        Some(Sex::Male) => [("He", "He"), ("he", "he"), ("His", "His"), ("his", "his")],
        None => [
            ("He", "The claimant"),
            ("he", "the claimant"),
            ("His", "The claimant's"),
            ("his", "the claimant's"),
        ],
    }
}

/// The injured worker as the summary states them.
pub(super) struct Worker {
    pub(super) age: Option<u32>,
    pub(super) sex: Option<Sex>,
    pub(super) sex_mode: SexMode,
}

/// The injured parts and their wordings.
pub(super) struct Parts {
    pub(super) parts: Vec<BodyPart>,
    /// The injury statement's phrase: "low back and right knee".
    pub(super) phrase: String,
    /// A phrase for one injured part (not the psyche) for later sentences: "right knee".
    pub(super) reference: Option<String>,
}

/// What a summary is composed from.
pub(super) struct SummaryInputs<'a> {
    pub(super) layout: Layout,
    pub(super) worker: &'a Worker,
    pub(super) parts: &'a Parts,
    pub(super) diagnoses: &'a [String],
    pub(super) dates: &'a Timeline,
    /// A sentence about the utilization review, placed after the protected sentences.
    pub(super) ur_sentence: Option<String>,
    pub(super) needs_non_ascii: bool,
    pub(super) budget: Budget,
}

/// One to three injured parts (sometimes "neck and back") and the phrase that names them.
pub(super) fn draw_parts(rng: &mut CorpusRng) -> Parts {
    if pick::chance(rng, 0.05) {
        return Parts {
            parts: vec![BodyPart::CervicalSpine, BodyPart::LumbarSpine],
            phrase: NECK_AND_BACK.to_string(),
            reference: Some("neck".to_string()),
        };
    }
    let count = pick::weighted(rng, &[(1usize, 55), (2, 33), (3, 12)]);
    let mut parts: Vec<BodyPart> = Vec::with_capacity(count);
    while parts.len() < count {
        let part = pick::weighted(rng, PART_WEIGHTS);
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    let mut wordings = Vec::with_capacity(count);
    let mut reference = None;
    for &part in &parts {
        let table = anatomy::wordings(part);
        let both = !table.both.is_empty() && pick::chance(rng, 0.15);
        let pool = if both { table.both } else { table.single };
        let candidates: Vec<&str> = pool
            .iter()
            .copied()
            .filter(|w| count == 1 || !w.contains(" and "))
            .collect();
        let side = if pick::chance(rng, 0.5) {
            "right"
        } else {
            "left"
        };
        let template = if candidates.is_empty() {
            pool[0]
        } else {
            *pick::one(rng, &candidates)
        };
        let wording = fill(template, &[("side", side)]);
        if reference.is_none() && part != BodyPart::Psyche {
            reference = Some(if both {
                fill(table.single[0], &[("side", "right")])
            } else {
                wording.clone()
            });
        }
        wordings.push(wording);
    }
    let phrase = join_list(
        &wordings,
        if pick::chance(rng, 0.3) {
            ListStyle::Oxford
        } else {
            ListStyle::And
        },
    );
    Parts {
        parts,
        phrase,
        reference,
    }
}

/// "A, B and C", "A, B, and C" or "A; B; C".
fn join_list(words: &[String], style: ListStyle) -> String {
    match (words.len(), style) {
        (0, _) => String::new(),
        (1, _) => words[0].clone(),
        (_, ListStyle::Semicolon) => words.join("; "),
        (2, _) => format!("{} and {}", words[0], words[1]),
        (n, ListStyle::And) => format!("{} and {}", words[..n - 1].join(", "), words[n - 1]),
        (n, ListStyle::Oxford) => format!("{}, and {}", words[..n - 1].join(", "), words[n - 1]),
    }
}

/// Diagnoses of the injured parts and general ones (one summary in twenty has none).
pub(super) fn draw_diagnoses(parts: &[BodyPart], rng: &mut CorpusRng) -> Vec<String> {
    if pick::chance(rng, 0.05) {
        return Vec::new();
    }
    let count = pick::weighted(rng, &[(1usize, 30), (2, 35), (3, 25), (4, 10)]);
    let mut specific: Vec<&str> = DIAGNOSES
        .iter()
        .filter(|(part, _)| part.is_some_and(|p| parts.contains(&p)))
        .map(|(_, name)| *name)
        .collect();
    let mut general: Vec<&str> = DIAGNOSES
        .iter()
        .filter(|(part, _)| part.is_none())
        .map(|(_, name)| *name)
        .collect();
    specific.shuffle(rng);
    general.shuffle(rng);
    let from_general = if count >= 2 {
        rng.random_range(0..=1)
    } else {
        0
    };
    let from_specific = (count - from_general).min(specific.len());
    let mut chosen: Vec<String> = specific[..from_specific]
        .iter()
        .map(|s| s.to_string())
        .collect();
    chosen.extend(
        general[..count - from_specific]
            .iter()
            .map(|s| s.to_string()),
    );
    chosen
}

/// The sentence stating the diagnoses, never as a bare "A and B".
fn diagnosis_sentence(
    diagnoses: &[String],
    pronoun_vars: &[(&str, &str)],
    rng: &mut CorpusRng,
) -> Option<String> {
    let mut vars: Vec<(&str, &str)> = pronoun_vars.to_vec();
    let (template, list);
    match diagnoses {
        [] => return None,
        [one] => {
            template = *pick::one(rng, sm::DIAGNOSIS_ONE);
            vars.push(("list", one));
        }
        [a, b] => {
            template = *pick::one(rng, sm::DIAGNOSIS_TWO);
            vars.extend_from_slice(&[("a", a), ("b", b)]);
        }
        many => {
            let (many_template, style) = *pick::one(rng, sm::DIAGNOSIS_MANY);
            template = many_template;
            list = join_list(many, style);
            vars.push(("list", &list));
        }
    }
    Some(fill(template, &vars))
}

/// The summary's sentences, and how many leading ones a mid-summary cut must keep.
pub(super) fn compose_summary(
    inputs: &SummaryInputs<'_>,
    rng: &mut CorpusRng,
) -> (Vec<String>, usize) {
    let SummaryInputs {
        layout,
        worker,
        parts,
        diagnoses,
        dates,
        needs_non_ascii,
        budget,
        ..
    } = *inputs;
    let pronoun_vars = pronouns(worker.sex);
    let with_pronouns = |template: &str, extra: &[(&str, &str)]| {
        let mut vars: Vec<(&str, &str)> = pronoun_vars.to_vec();
        vars.extend_from_slice(extra);
        fill(template, &vars)
    };
    let mut sentences = vec![opening(worker, parts, dates, rng)];
    if let Some(sentence) = diagnosis_sentence(diagnoses, &pronoun_vars, rng) {
        sentences.push(sentence);
    }
    let non_ascii = needs_non_ascii || pick::chance(rng, 0.03);
    if non_ascii {
        let date = note_date(dates, rng);
        sentences.push(with_pronouns(
            pick::text(rng, sm::NON_ASCII_SENTENCES),
            &[("date", &date)],
        ));
    }
    let protected = sentences.len();

    let base = match layout {
        Layout::L3 => rng.random_range(6..=9),
        _ => rng.random_range(5..=8),
    };
    let wanted = base + budget.extra_sentences;
    let mut neutral: Vec<&str> = sm::NEUTRAL_SENTENCES.to_vec();
    let mut later: Vec<&str> = sm::LATER_SENTENCES
        .iter()
        .copied()
        .filter(|s| parts.reference.is_some() || !s.contains("{part}"))
        .collect();
    neutral.shuffle(rng);
    later.shuffle(rng);
    // The first sentence after the opening and diagnoses never names a body part or symptom.
    let mut fillers: Vec<&str> = vec![neutral.remove(0)];
    let mut pool: Vec<&str> = neutral.into_iter().chain(later).collect();
    pool.shuffle(rng);
    fillers.extend(pool.into_iter().take(wanted.saturating_sub(1)));
    let part = parts.reference.clone().unwrap_or_default();
    for template in fillers {
        let date = note_date(dates, rng);
        let n = rng.random_range(3..=9).to_string();
        sentences.push(with_pronouns(
            template,
            &[("date", &date), ("n", &n), ("part", &part)],
        ));
    }
    if let Some(ur) = inputs.ur_sentence.clone() {
        let at = rng.random_range(protected + 1..=sentences.len());
        sentences.insert(at, ur);
    }
    (sentences, protected)
}

/// The opening sentence (or two) that states age, sex, date of injury and the injured parts.
fn opening(worker: &Worker, parts: &Parts, dates: &Timeline, rng: &mut CorpusRng) -> String {
    let pronoun_vars = pronouns(worker.sex);
    let (sexw, person, title, sexl) = match worker.sex {
        Some(sex) => {
            let words = match sex {
                Sex::Female => &sm::FEMALE_WORDS,
                Sex::Male => &sm::MALE_WORDS,
            };
            (
                words.word,
                *pick::one(rng, words.persons),
                *pick::one(rng, words.titles),
                words.letter,
            )
        }
        None => ("", "", "", ""),
    };
    let psyche_only = parts.parts == [BodyPart::Psyche];
    let (template, split) = if psyche_only
        && worker.age.is_some()
        && worker.sex_mode == SexMode::Word
        && pick::chance(rng, 0.5)
    {
        (pick::text(rng, sm::PSYCHE_OPENINGS), false)
    } else {
        let candidates: Vec<(&sm::Opening, u32)> = sm::OPENINGS
            .iter()
            .filter(|o| o.age == worker.age.is_some() && o.sex == worker.sex_mode)
            .map(|o| (o, o.weight))
            .collect();
        let chosen = pick::weighted(rng, &candidates);
        (chosen.template, chosen.split)
    };
    let mut styles: Vec<(DateStyle, u32)> = vec![
        (DateStyle::SlashShortYear, 35),
        (DateStyle::SlashPadded, 20),
        (DateStyle::Slash, 10),
        (DateStyle::SlashPaddedShortYear, 10),
        (DateStyle::Long, 15),
    ];
    // An abbreviated month ("Oct.") only where the date and the parts share a sentence.
    if !split {
        styles.push((DateStyle::Abbreviated, 10));
    }
    let doi = dates.injury.write(pick::weighted(rng, &styles));
    let cause = fill(pick::one(rng, CAUSES), &pronoun_vars);
    let age = worker.age.map(|a| a.to_string()).unwrap_or_default();
    let job = *pick::one(rng, OCCUPATIONS);
    let mut vars: Vec<(&str, &str)> = pronoun_vars.to_vec();
    vars.extend_from_slice(&[
        ("age", &age),
        ("sexw", sexw),
        ("person", person),
        ("title", title),
        ("sexl", sexl),
        ("job", job),
        ("doi", &doi),
        ("parts", &parts.phrase),
        ("cause", &cause),
    ]);
    fill(template, &vars)
}
