//! The disputed items of a case and, for each, the decision, the citations of both sides
//! (framed as the layout writes them) and the reviewer's rationale.

use super::{ur_date, Budget, Citation, Timeline};
use crate::date::DateStyle;
use crate::model::{BodyPart, Category, Family, Layout, Verdict};
use crate::pick::{self, fill, CorpusRng};
use crate::vocab::guidelines as gl;
use crate::vocab::items::{self, ItemRow, Topic, CATEGORY_WEIGHTS};
use crate::vocab::rationales::{
    RationaleText, CONCLUSION_OVERTURNED, CONCLUSION_UPHELD, GENERAL_MET, GENERAL_UNMET,
};
use rand::seq::SliceRandom;
use rand::Rng;

/// The disputed items as written (case style, dates of service, L2 suffixes applied),
/// each with its table row; most fit the injured parts.
pub(super) fn draw_items(
    layout: Layout,
    parts: &[BodyPart],
    dates: &Timeline,
    budget: Budget,
    rng: &mut CorpusRng,
) -> Vec<(String, &'static ItemRow)> {
    let count = match layout {
        Layout::L3 => pick::weighted(rng, &[(1usize, 80), (2, 15), (3, 5)]),
        _ => pick::weighted(
            rng,
            &[(1usize, 35), (2, 30), (3, 17), (4, 9), (5, 5), (6, 4)],
        ),
    }
    .min(budget.max_items.max(1));
    let weights: Vec<(Category, u32)> = CATEGORY_WEIGHTS
        .iter()
        .map(|&(category, weight)| {
            let boosted = category == Category::Psychological && parts.contains(&BodyPart::Psyche);
            (category, if boosted { weight * 5 } else { weight })
        })
        .collect();
    let case_style = pick::weighted(
        rng,
        &[
            (ItemCase::AsWritten, 83),
            (ItemCase::Upper, 12),
            (ItemCase::Lower, 5),
        ],
    );
    let mut chosen: Vec<(String, &'static ItemRow)> = Vec::with_capacity(count);
    let mut attempts = 0;
    while chosen.len() < count && attempts < 60 {
        attempts += 1;
        let category = pick::weighted(rng, &weights);
        let fitting: Vec<&'static ItemRow> = items::rows_for(category)
            .filter(|row| row.region.is_none_or(|region| parts.contains(&region)))
            .collect();
        let pool: Vec<(&'static ItemRow, u32)> = if fitting.is_empty() || pick::chance(rng, 0.1) {
            items::rows_for(category)
                .map(|row| (row, row.weight))
                .collect()
        } else {
            fitting.iter().map(|&row| (row, row.weight)).collect()
        };
        let row = pick::weighted(rng, &pool);
        if chosen
            .iter()
            .any(|(_, existing)| std::ptr::eq(*existing, row))
        {
            continue;
        }
        chosen.push((row.text.to_string(), row));
    }
    for (text, _) in &mut chosen {
        // A date of service, or of the request, shortly before the utilization review.
        let service = dates.ur_denial.plus_days(-rng.random_range(7..=120));
        if text.contains("{dos}") {
            *text = fill(&*text, &[("dos", &service.write(DateStyle::SlashPadded))]);
        }
        if layout == Layout::L2 && pick::chance(rng, 0.5) {
            let suffix = match rng.random_range(0..4) {
                0 => " as an outpatient".to_string(),
                1 => format!(
                    " as requested on {}",
                    service.write(DateStyle::SlashShortYear)
                ),
                2 => " as prescribed by the treating physician".to_string(),
                _ => " as requested by the primary treating physician".to_string(),
            };
            text.push_str(&suffix);
        }
        *text = case_style.apply(text);
    }
    chosen
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ItemCase {
    AsWritten,
    Upper,
    Lower,
}

impl ItemCase {
    fn apply(self, text: &str) -> String {
        match self {
            ItemCase::AsWritten => text.to_string(),
            ItemCase::Upper => text.to_uppercase(),
            ItemCase::Lower => text.to_lowercase(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Claims,
    Reviewer,
}

/// A citation's family and its bare text (no label, no frame).
fn draw_core_citation(
    role: Role,
    topic: &Topic,
    region: Option<BodyPart>,
    rng: &mut CorpusRng,
) -> (Family, Option<u8>, String) {
    let chapter = region.and_then(BodyPart::acoem_chapter);
    let acupuncture = topic.category == Category::Acupuncture;
    let mut weights: Vec<(Family, u32)> = Vec::with_capacity(7);
    if chapter.is_some() {
        weights.push((
            Family::MtusAcoem,
            if role == Role::Claims { 18 } else { 22 },
        ));
    }
    if topic.chronic_pain.is_some() {
        weights.push((
            Family::MtusChronicPain,
            if role == Role::Claims { 28 } else { 34 },
        ));
    }
    if topic.postsurgical && region.is_some() {
        weights.push((Family::MtusPostsurgical, 14));
    }
    weights.push((Family::Odg, if role == Role::Claims { 28 } else { 22 }));
    weights.push((
        Family::AcoemOther,
        if topic.acoem_chapter_7 { 25 } else { 5 },
    ));
    weights.push((Family::Other, if acupuncture { 60 } else { 9 }));
    if role == Role::Claims {
        weights.push((Family::None, 6));
    }
    let family = pick::weighted(rng, &weights);
    let odg_chapter = topic
        .odg
        .0
        .unwrap_or_else(|| region_name(gl::ODG_CHAPTERS, region).unwrap_or("Pain"));
    let text = match family {
        Family::MtusAcoem => {
            let number = chapter.expect("MTUS_ACOEM is offered only with a chapter");
            let row = gl::ACOEM_CHAPTERS
                .iter()
                .find(|c| c.number == number)
                .expect("chapters 8-15 are tabled");
            let pages = *pick::one(rng, row.pages);
            let page = pages.split('-').next().unwrap_or(pages);
            let ch = number.to_string();
            fill(
                pick::one(rng, gl::MTUS_ACOEM),
                &[
                    ("ch", &ch),
                    ("title", row.title),
                    ("pages", pages),
                    ("page", page),
                ],
            )
        }
        Family::MtusChronicPain => {
            let (section, pages) = topic.chronic_pain.expect("offered only with a section");
            fill(
                pick::one(rng, gl::CHRONIC_PAIN),
                &[("topic", section), ("pp", &page_phrase(pages))],
            )
        }
        Family::MtusPostsurgical => {
            let section = region_name(gl::POSTSURGICAL_SECTIONS, region).unwrap_or("Low Back");
            let pages = rng.random_range(10..=27).to_string();
            fill(
                pick::one(rng, gl::POSTSURGICAL),
                &[("section", section), ("pp", &page_phrase(&pages))],
            )
        }
        Family::Odg => fill(
            pick::one(rng, gl::ODG),
            &[("chapter", odg_chapter), ("topic", topic.odg.1)],
        ),
        Family::AcoemOther => {
            let disorders = region_name(gl::ACOEM_DISORDERS, region);
            if topic.acoem_chapter_7 && pick::chance(rng, 0.8) {
                pick::one(rng, gl::ACOEM_CHAPTER_7).to_string()
            } else if let Some(disorders) = disorders.filter(|_| pick::chance(rng, 0.6)) {
                fill(
                    pick::one(rng, gl::ACOEM_THIRD_EDITION),
                    &[("disorders", disorders)],
                )
            } else {
                pick::one(rng, gl::ACOEM_CHAPTER_6).to_string()
            }
        }
        Family::Other => {
            let page = rng.random_range(9..=127).to_string();
            if acupuncture && pick::chance(rng, 0.8) {
                pick::one(rng, gl::OTHER_ACUPUNCTURE).to_string()
            } else if role == Role::Claims && pick::chance(rng, 0.3) {
                fill(gl::OTHER_CLAIMS_SENTENCE, &[("page", &page)])
            } else if pick::chance(rng, 0.6) {
                let reference = match topic.reference {
                    Some(reference) if pick::chance(rng, 0.6) => reference,
                    _ => pick::one(rng, gl::GENERAL_REFERENCES),
                };
                fill(
                    pick::one(rng, gl::OTHER_REFERENCE),
                    &[("reference", reference)],
                )
            } else {
                fill(
                    pick::one(rng, gl::OTHER_GENERAL),
                    &[
                        ("page", &page),
                        ("chapter", odg_chapter),
                        ("topic", topic.odg.1),
                    ],
                )
            }
        }
        Family::None => pick::one(rng, gl::NONE_CLAIMS).to_string(),
    };
    let chapter = (family == Family::MtusAcoem).then_some(chapter).flatten();
    (family, chapter, text)
}

/// A citation framed as the layout writes it after its label.
pub(super) fn draw_citation(
    layout: Layout,
    role: Role,
    topic: &Topic,
    region: Option<BodyPart>,
    rng: &mut CorpusRng,
) -> Citation {
    let (family, chapter, core) = draw_core_citation(role, topic, region, rng);
    let sentence_already =
        matches!(family, Family::None) || core.starts_with("The Claims Administrator");
    let text = match (layout, role) {
        (_, Role::Claims) if sentence_already => core,
        (Layout::L1, Role::Claims) => {
            let frames: &[&str] = if matches!(family, Family::Other) {
                &gl::L1_CLAIMS_FRAMES[..3]
            } else {
                gl::L1_CLAIMS_FRAMES
            };
            fill(pick::one(rng, frames), &[("citation", &core)])
        }
        (Layout::L1, Role::Reviewer) => fill(gl::L1_REVIEWER_FRAME, &[("citation", &core)]),
        (Layout::L3, Role::Reviewer) => {
            let why = match family {
                Family::MtusAcoem | Family::MtusChronicPain | Family::MtusPostsurgical => {
                    gl::WHY_MTUS
                }
                Family::Odg => gl::WHY_ODG,
                _ => gl::WHY_OTHER,
            };
            format!("{core}. {}", pick::one(rng, why))
        }
        _ => format!("{core}."),
    };
    Citation {
        family,
        chapter,
        text,
    }
}

/// L3's claims citation: a summary sentence about the utilization review.
pub(super) fn draw_l3_claims(
    topic: &Topic,
    region: Option<BodyPart>,
    dates: &Timeline,
    rng: &mut CorpusRng,
) -> Citation {
    let (family, _, _) = draw_core_citation(Role::Claims, topic, region, rng);
    let chapter = region.and_then(BodyPart::acoem_chapter).unwrap_or(12);
    let title = gl::ACOEM_CHAPTERS
        .iter()
        .find(|c| c.number == chapter)
        .map_or("", |c| c.title);
    let odg_chapter = topic
        .odg
        .0
        .unwrap_or_else(|| region_name(gl::ODG_CHAPTERS, region).unwrap_or("Pain"));
    let citing = match family {
        Family::MtusAcoem => fill(
            pick::one(rng, gl::UR_CITING_MTUS_ACOEM),
            &[("ch", &chapter.to_string()), ("title", title)],
        ),
        Family::MtusChronicPain => pick::one(rng, gl::UR_CITING_CHRONIC_PAIN).to_string(),
        Family::MtusPostsurgical => pick::one(rng, gl::UR_CITING_POSTSURGICAL).to_string(),
        Family::Odg => fill(
            pick::one(rng, gl::UR_CITING_ODG),
            &[("chapter", odg_chapter)],
        ),
        Family::AcoemOther => pick::one(rng, gl::UR_CITING_ACOEM_OTHER).to_string(),
        Family::Other => {
            let choices = if topic.category == Category::Acupuncture {
                gl::UR_CITING_OTHER
            } else {
                &gl::UR_CITING_OTHER[..2]
            };
            pick::one(rng, choices).to_string()
        }
        Family::None => String::new(),
    };
    let ur = ur_date(dates, rng);
    let text = if family == Family::None {
        fill(pick::one(rng, gl::UR_NONE), &[("ur", &ur)])
    } else {
        fill(
            pick::one(rng, gl::UR_FRAMES),
            &[("citing", &citing), ("ur", &ur)],
        )
    };
    Citation {
        family,
        chapter: None,
        text,
    }
}

/// The name a table gives the region, if it has one.
fn region_name(
    table: &[(BodyPart, &'static str)],
    region: Option<BodyPart>,
) -> Option<&'static str> {
    let region = region?;
    table
        .iter()
        .find(|(part, _)| *part == region)
        .map(|(_, name)| *name)
}

/// "page 46" or "pages 74-96".
fn page_phrase(pages: &str) -> String {
    if pages.contains('-') {
        format!("pages {pages}")
    } else {
        format!("page {pages}")
    }
}

/// A rationale: what the guideline says, facts that fail or meet it, a conclusion.
pub(super) fn draw_rationale(
    text: &RationaleText,
    verdict: Verdict,
    extra: usize,
    rng: &mut CorpusRng,
) -> String {
    let (facts, general, conclusions) = match verdict {
        Verdict::Upheld => (text.unmet, GENERAL_UNMET, CONCLUSION_UPHELD),
        Verdict::Overturned => (text.met, GENERAL_MET, CONCLUSION_OVERTURNED),
    };
    let mut guideline: Vec<&str> = text.guideline.to_vec();
    let mut facts: Vec<&str> = facts.to_vec();
    guideline.shuffle(rng);
    facts.shuffle(rng);
    let guideline_count = (rng.random_range(2..=3) + extra / 2).min(guideline.len());
    let fact_count = (rng.random_range(1..=3) + extra / 2).min(facts.len());
    let mut sentences: Vec<&str> = guideline[..guideline_count].to_vec();
    sentences.extend_from_slice(&facts[..fact_count]);
    if pick::chance(rng, 0.6) || extra > 0 {
        sentences.push(pick::text(rng, general));
    }
    sentences.push(pick::text(rng, conclusions));
    sentences.join(" ")
}
