//! Reads the clinical case summary: the worker's age and sex, the date of injury, the
//! injury statement's body parts and the diagnoses. Every layout's summary reads the same
//! way, so every layout uses this module. Input is whitespace-collapsed summary text.

use super::dates::{first_date, DATE_PATTERN};
use super::literal::{contains_ignoring_ascii_case, may_contain, may_contain_any};
use super::normalize::body_parts::BodyPart;
use super::text::collapse_whitespace;
use super::vocabulary::Vocabulary;
use super::Sex;
use chrono::NaiveDate;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// The forms an age takes: "48 year old", "45-year-old", "57 years of age", "39 y/o",
/// "age 52", "aged 38", "age: 44", and a number beside the person ("a female, 45,",
/// "a male (44)").
static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,3})\s*-?\s*(?:years?|yrs?)\s*-?\s*(?:old|of\s+age)\b|\b(\d{1,3})\s*-?\s*(?:y/o|y\.o\.?|yo)(?:\b|\s)|\bage[ds]?\s*(?:of\s+)?:?\s*(\d{1,3})\b|\b(?:female|male|woman|man|gentleman|lady|claimant|patient|worker|employee|applicant)\s*[,(]\s*(\d{2})\s*[,)]",
    )
    .expect("age regex is valid")
});

static SEX_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(female|woman|lady|male|man|gentleman|mrs|ms|mr)\b\.?|\d\s*(?:y/?o|year[- ]old)\s+(F|M)\b")
        .expect("sex word regex is valid")
});

/// The reviewer's "he/she" says nothing about the worker; these are removed first.
static NEUTRAL_PRONOUNS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:he/she|she/he|his/her|her/his|him/her|her/him|s/he|himself/herself|herself/himself|he or she|she or he|his or her|her or his|him or her)\b|\(s\)he\b")
        .expect("neutral pronoun regex is valid")
});

static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(she|her|hers|herself|he|him|his|himself)\b")
        .expect("pronoun regex is valid")
});

/// A word every match of [`INJURY_DATE`] holds.
const INJURY_DATE_WORDS: &[&str] = &["injury", "doi"];

static INJURY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:date of injury|DOI)\b\W{{0,12}}(?:(?:of|is|was|on)\s+)?({DATE_PATTERN})"
    ))
    .expect("injury date regex is valid")
});

/// A word every match of [`DIAGNOSIS_TRIGGER`] holds.
const DIAGNOSIS_WORD: &str = "diagno";

static DIAGNOSIS_TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:diagnosed with|diagnoses (?:include|included|are|were)|diagnoses:|diagnosis:)\s*")
        .expect("diagnosis trigger regex is valid")
});

static LIST_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*[;,]\s*(?:as well as\s+)?|\s+as well as\s+").expect("separator regex is valid")
});

static SUMMARY_BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^The expert reviewer developed the following clinical case summary based on a review of the case file,? including all medical records\s*:?\s*")
        .expect("summary boilerplate regex is valid")
});

/// The summary of a case summary section: whitespace collapsed, without the sentence
/// that introduces every L1 summary; `None` when nothing is left.
pub fn summary_text(section: &str) -> Option<String> {
    let collapsed = collapse_whitespace(section);
    let summary = SUMMARY_BOILERPLATE.replace(&collapsed, "");
    (!summary.is_empty()).then(|| summary.into_owned())
}

/// The worker's age: the first of the common forms that gives a working age.
pub fn age(summary: &str) -> Option<u32> {
    AGE.captures_iter(summary).find_map(|caps| {
        let digits = caps.iter().skip(1).flatten().next()?;
        digits
            .as_str()
            .parse()
            .ok()
            .filter(|age| (14..=110).contains(age))
    })
}

/// The worker's sex: a word such as "female" or "man", else the first pronoun.
pub fn sex(summary: &str) -> Option<Sex> {
    if let Some(caps) = SEX_WORD.captures(summary) {
        let word = caps.get(1).or_else(|| caps.get(2))?;
        return Some(match word.as_str().to_ascii_lowercase().as_str() {
            "female" | "woman" | "lady" | "mrs" | "ms" | "f" => Sex::Female,
            _ => Sex::Male,
        });
    }
    let without_neutral = NEUTRAL_PRONOUNS.replace_all(summary, " ");
    let pronoun = PRONOUN.find(&without_neutral)?;
    Some(match pronoun.as_str().to_ascii_lowercase().as_str() {
        "she" | "her" | "hers" | "herself" => Sex::Female,
        _ => Sex::Male,
    })
}

/// A word every match of [`HANDEDNESS`] holds.
const HANDEDNESS_WORD: &str = "hand";

/// Handedness ("right-hand-dominant", "left-handed") names no injured part.
static HANDEDNESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:right|left)[\s-]*hand(?:ed)?[\s-]+dominant\b|\b(?:right|left)[\s-]handed\b|\bhandedness\b")
        .expect("handedness regex is valid")
});

/// Words one of which every match of [`LENGTH`] holds.
const LENGTH_WORDS: &[&str] = &["feet", "foot"];

/// A length ("eight feet", "a six-foot ladder", "10 ft") names no injured part.
static LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:\d+(?:\.\d+)?|a\s+few|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)[\s-]+(?:feet|foot)\b")
        .expect("length regex is valid")
});

/// The summary sentences that may state the injury: the first sentence or two.
const INJURY_STATEMENT_SENTENCES: usize = 2;

/// Whether a sentence speaks of the injury ("injury", "injured", "injuries").
fn speaks_of_injury(sentence: &str) -> bool {
    contains_ignoring_ascii_case(sentence.as_bytes(), b"injur")
}

/// The date of injury: the date after "date of injury" in the summary, else the first date
/// of the first of its `sentences` that speaks of the injury.
pub fn date_of_injury(summary: &str, sentences: &[&str], pivot_year: i32) -> Option<NaiveDate> {
    let may_state_it = may_contain_any(summary, INJURY_DATE_WORDS);
    if let Some(date) = may_state_it
        .then(|| {
            INJURY_DATE
                .captures_iter(summary)
                .find_map(|caps| first_date(&caps[1], pivot_year))
        })
        .flatten()
    {
        return Some(date);
    }
    let injury_statement = sentences.iter().find(|s| speaks_of_injury(s))?;
    first_date(injury_statement, pivot_year)
}

/// The body parts the injury statement names: the first of the summary's first two
/// sentences that speaks of the injury and names a part ("... with a date of injury of
/// 01/15/2011. She injured her right knee ..." states them in its second sentence).
pub fn body_parts(vocabulary: &Vocabulary, sentences: &[&str]) -> Vec<BodyPart> {
    sentences
        .iter()
        .take(INJURY_STATEMENT_SENTENCES)
        .filter(|sentence| speaks_of_injury(sentence))
        .map(|sentence| {
            let without_handedness = if may_contain(sentence, HANDEDNESS_WORD) {
                HANDEDNESS.replace_all(sentence, "")
            } else {
                Cow::Borrowed(*sentence)
            };
            let without_lengths = if may_contain_any(&without_handedness, LENGTH_WORDS) {
                LENGTH.replace_all(&without_handedness, "")
            } else {
                Cow::Borrowed(&*without_handedness)
            };
            vocabulary.body_parts_in(&without_lengths)
        })
        .find(|parts| !parts.is_empty())
        .unwrap_or_default()
}

/// The diagnoses, as written: each list after "diagnosed with" (and similar) up to the end
/// of its sentence, split on commas, semicolons and "as well as"; in a list with commas,
/// the last "and" also separates.
pub fn diagnoses(sentences: &[&str]) -> Vec<String> {
    let mut diagnoses: Vec<String> = Vec::new();
    for sentence in sentences.iter().filter(|s| may_contain(s, DIAGNOSIS_WORD)) {
        for trigger in DIAGNOSIS_TRIGGER.find_iter(sentence) {
            let list = sentence[trigger.end()..].trim_end_matches(['.', ' ']);
            for diagnosis in split_list(list) {
                if !diagnoses
                    .iter()
                    .any(|known| known.eq_ignore_ascii_case(&diagnosis))
                {
                    diagnoses.push(diagnosis);
                }
            }
        }
    }
    diagnoses
}

fn split_list(list: &str) -> Vec<String> {
    let has_commas = list.contains([',', ';']);
    let mut pieces: Vec<&str> = LIST_SEPARATOR.split(list).collect();
    if has_commas {
        if let Some(last) = pieces.pop() {
            let last = last.strip_prefix("and ").unwrap_or(last);
            pieces.extend(last.splitn(2, " and "));
        }
    }
    pieces
        .into_iter()
        .map(|piece| piece.trim().trim_end_matches('.').trim())
        .map(|piece| piece.strip_prefix("and ").unwrap_or(piece))
        .filter(|piece| !piece.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::normalize::body_parts::BodyPart::*;
    use crate::letter::text::sentences;

    const SEED: &str = "This 48 year old female claimant sustained a work injury on 10/2/13 \
        involving the neck and back. She was diagnosed with cervical radiculopathy of C6-C7 via \
        EMG/NCV and MRI as well as lumbar strain. A progress note on 7/23/14 indicated the \
        claimant had headaches with tingling in the left arm.";

    #[test]
    fn reads_the_seed_summary() {
        assert_eq!(age(SEED), Some(48));
        assert_eq!(sex(SEED), Some(Sex::Female));
        assert_eq!(
            date_of_injury(SEED, &sentences(SEED), 2026),
            NaiveDate::from_ymd_opt(2013, 10, 2)
        );
        assert_eq!(
            body_parts(Vocabulary::built_in(), &sentences(SEED)),
            vec![CervicalSpine, LumbarSpine]
        );
        assert_eq!(
            diagnoses(&sentences(SEED)),
            vec![
                "cervical radiculopathy of C6-C7 via EMG/NCV and MRI",
                "lumbar strain"
            ]
        );
    }

    #[test]
    fn reads_age_wordings() {
        let rows = [
            ("This 48 year old female", Some(48)),
            ("a 55-year-old male", Some(55)),
            ("a 39 y/o woman", Some(39)),
            ("a 61 yo man", Some(61)),
            ("a 3 year old injury", None),
            ("The patient is a female, age 52, who", Some(52)),
            ("The injured worker, aged 38, is a male", Some(38)),
            ("The applicant is 57 years of age", Some(57)),
            ("a male (age 44) who", Some(44)),
            ("a female, 45, who fell", Some(45)),
            ("a male (61) who fell", Some(61)),
            ("Age: 33. Sex: male.", Some(33)),
            ("the MTUS page 46 and stage 3", None),
            ("no age here", None),
        ];
        for (text, expected) in rows {
            assert_eq!(age(text), expected, "{text}");
        }
    }

    #[test]
    fn reads_sex_wordings() {
        let rows = [
            ("a 55-year-old male who", Some(Sex::Male)),
            ("a 39 y/o woman with", Some(Sex::Female)),
            ("The claimant hurt his back.", Some(Sex::Male)),
            ("He/she reviewed the file. She was seen.", Some(Sex::Female)),
            ("He/she reviewed his/her file.", None),
            ("The claimant is 40.", None),
            ("a 45-year-old gentleman", Some(Sex::Male)),
            ("Mrs. Doe is a clerk", Some(Sex::Female)),
            ("a 52 y/o F with neck pain", Some(Sex::Female)),
            ("He or she reviewed it. His knee hurt.", Some(Sex::Male)),
            ("The foreman saw her fall.", Some(Sex::Female)),
        ];
        for (text, expected) in rows {
            assert_eq!(sex(text), expected, "{text}");
        }
    }

    #[test]
    fn reads_body_parts_from_the_injury_statement() {
        let rows: &[(&str, &[BodyPart])] = &[
            (SEED, &[CervicalSpine, LumbarSpine]),
            (
                "The patient is a 39 y/o woman with a date of injury of 01/15/2011. She injured \
                 her right knee when she slipped. She has headaches.",
                &[Knee],
            ),
            (
                "This 46 year old female claimant sustained a work injury on Mar. 24, 2010 \
                 involving the bilateral shoulders.",
                &[Shoulder],
            ),
            (
                "The patient is a 50 year old man with a date of injury of 2/2/10. He is a \
                 cook. A prior injury to his left knee was noted in 2005.",
                &[],
            ),
            (
                "He injured his low back. Pain radiates to the left leg and foot.",
                &[LumbarSpine],
            ),
            (
                "The patient is a right-hand-dominant male who injured his right shoulder.",
                &[Shoulder],
            ),
            (
                "A left-handed cook injured her dominant right hand.",
                &[WristHand],
            ),
            (
                "He was injured in a fall of about eight feet from a ladder, landing on his back.",
                &[LumbarSpine],
            ),
            (
                "She injured her right foot when a 10-foot pipe fell on it.",
                &[AnkleFoot],
            ),
            // The words that let a sentence skip a regex, in odd case.
            ("A RIGHT-HANDED cook injured her LEFT HAND.", &[WristHand]),
            (
                "He was injured in a fall of SIX FEET onto his KNEE.",
                &[Knee],
            ),
        ];
        for (summary, expected) in rows {
            assert_eq!(
                body_parts(Vocabulary::built_in(), &sentences(summary)),
                *expected,
                "{summary}"
            );
        }
    }

    #[test]
    fn reads_injury_dates() {
        let rows = [
            ("The injured worker is a 55-year-old male who reported an industrial injury on March 3, 2012 to his low back.", NaiveDate::from_ymd_opt(2012, 3, 3)),
            ("She is a 39 y/o woman with a date of injury of 01/15/2011. She fell.", NaiveDate::from_ymd_opt(2011, 1, 15)),
            ("He was injured at work on 4/5/98 when he fell.", NaiveDate::from_ymd_opt(1998, 4, 5)),
            ("She injured her mid back on Oct. 30, 2001 while moving furniture.", NaiveDate::from_ymd_opt(2001, 10, 30)),
            ("No injury date is stated.", None),
            ("DATE OF INJURY: 9/8/2010. She fell.", NaiveDate::from_ymd_opt(2010, 9, 8)),
            ("The doi is 9/8/2010.", NaiveDate::from_ymd_opt(2010, 9, 8)),
        ];
        for (text, expected) in rows {
            assert_eq!(
                date_of_injury(text, &sentences(text), 2014),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn splits_diagnosis_lists() {
        let rows: &[(&str, &[&str])] = &[
            (
                "Diagnoses include lumbar disc disease, sciatica and depression.",
                &["lumbar disc disease", "sciatica", "depression"],
            ),
            (
                "He was diagnosed with knee sprain and strain.",
                &["knee sprain and strain"],
            ),
            (
                "Diagnoses: cervical strain; shoulder impingement.",
                &["cervical strain", "shoulder impingement"],
            ),
            ("She has pain.", &[]),
            ("DIAGNOSED WITH gout.", &["gout"]),
            (
                "He was diagnosed with radiculitis, as well as impingement.",
                &["radiculitis", "impingement"],
            ),
        ];
        for (text, expected) in rows {
            assert_eq!(diagnoses(&sentences(text)), *expected, "{text}");
        }
    }
}
