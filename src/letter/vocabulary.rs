//! The vocabularies the parser reads letters with: treatment categories, drug names,
//! reviewer specialties, body parts, guideline families, and each letter form's headings
//! and labels. They are data files under `index-schema/vocab/`,
//! embedded at build time; a user's files of the same names add rows to them (tried
//! first). Pure: the caller reads the user's files, this module compiles the text.

use super::items::{Label, Labels};
use super::normalize::body_parts::BodyPart;
use super::normalize::categories::Category;
use super::normalize::guidelines::GuidelineFamily;
use super::normalize::terms::{TermError, TermGroups, TermTable};
use super::sections::{Headings, LetterForm, Section};
use rustc_hash::FxHashSet;
use serde::Deserialize;
use std::sync::LazyLock;
use xxhash_rust::xxh3::Xxh3;

/// The vocabulary files: name and built-in text.
pub const FILES: &[(&str, &str)] = &[
    (
        "categories.toml",
        include_str!("../../index-schema/vocab/categories.toml"),
    ),
    (
        "drugs.txt",
        include_str!("../../index-schema/vocab/drugs.txt"),
    ),
    (
        "specialties.toml",
        include_str!("../../index-schema/vocab/specialties.toml"),
    ),
    (
        "body_parts.toml",
        include_str!("../../index-schema/vocab/body_parts.toml"),
    ),
    (
        "guidelines.toml",
        include_str!("../../index-schema/vocab/guidelines.toml"),
    ),
    (
        "headings.toml",
        include_str!("../../index-schema/vocab/headings.toml"),
    ),
];

/// A vocabulary file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("vocabulary {source_name}: {problem}")]
pub struct VocabularyError {
    /// Which file: `built-in categories.toml` or the user's path.
    pub source_name: String,
    /// What is wrong, and where.
    pub problem: String,
}

/// One file a user adds rows from.
#[derive(Debug, Clone)]
pub struct Addition {
    /// The vocabulary file it extends (one of [`FILES`]).
    pub file_name: String,
    /// Where it was read from, for messages.
    pub source_name: String,
    /// Its text.
    pub text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryFile {
    #[serde(default)]
    rule: Vec<CategoryRow>,
    #[serde(default)]
    guideline_topic: Vec<CategoryRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryRow {
    category: Category,
    terms: Vec<String>,
    #[serde(default)]
    examples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpecialtyFile {
    #[serde(default)]
    specialty: Vec<NamedRow<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BodyPartFile {
    #[serde(default)]
    part: Vec<NamedRow<BodyPart>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuidelineFile {
    #[serde(default)]
    family: Vec<GuidelineRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuidelineRow {
    family: GuidelineFamily,
    all: Vec<Vec<String>>,
    #[serde(default)]
    examples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeadingFile {
    #[serde(default)]
    heading: Vec<HeadingRow>,
    #[serde(default)]
    label: Vec<LabelRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeadingRow {
    form: LetterForm,
    section: Section,
    pattern: String,
    #[serde(default)]
    examples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelRow {
    form: LetterForm,
    label: Label,
    pattern: String,
    #[serde(default)]
    examples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamedRow<T> {
    name: T,
    terms: Vec<String>,
    #[serde(default)]
    examples: Vec<String>,
}

/// The compiled vocabularies.
#[derive(Debug)]
pub struct Vocabulary {
    category_rules: TermTable<Category>,
    guideline_topics: TermTable<Category>,
    drugs: FxHashSet<String>,
    specialties: TermTable<String>,
    body_parts: TermTable<BodyPart>,
    guideline_families: Vec<(TermGroups, GuidelineFamily)>,
    /// Per form, in [`LetterForm::ALL`] order.
    headings: Vec<Headings>,
    /// Per form, in [`LetterForm::ALL`] order (empty for a form without labels).
    labels: Vec<Labels>,
    fingerprint: String,
    examples: Examples,
}

/// Each row's examples, kept so tests can check every row decides its own.
#[derive(Debug, Default)]
pub struct Examples {
    /// `(item, category)` of the item rules.
    pub categories: Vec<(String, Category)>,
    /// `(citation, category)` of the guideline topics.
    pub guideline_topics: Vec<(String, Category)>,
    /// `(text, specialty)`.
    pub specialties: Vec<(String, String)>,
    /// `(text, part)`.
    pub body_parts: Vec<(String, BodyPart)>,
    /// `(citation, family)`.
    pub guideline_families: Vec<(String, GuidelineFamily)>,
    /// `(form, heading line, section)`.
    pub headings: Vec<(LetterForm, String, Section)>,
    /// `(form, labelled line, label)`.
    pub labels: Vec<(LetterForm, String, Label)>,
}

static BUILT_IN: LazyLock<Vocabulary> = LazyLock::new(|| {
    Vocabulary::with_additions(&[]).expect("the built-in vocabulary compiles (its tests say so)")
});

impl Vocabulary {
    /// The built-in vocabulary, compiled once.
    pub fn built_in() -> &'static Vocabulary {
        &BUILT_IN
    }

    /// The built-in vocabulary with a user's rows added before its own.
    pub fn with_additions(additions: &[Addition]) -> Result<Vocabulary, VocabularyError> {
        let mut hasher = Xxh3::new();
        let mut category_rules = Vec::new();
        let mut guideline_topics = Vec::new();
        let mut drugs = FxHashSet::default();
        let mut specialties = Vec::new();
        let mut body_parts = Vec::new();
        let mut guideline_families = Vec::new();
        let mut heading_rows: Vec<(LetterForm, String, Section)> = Vec::new();
        let mut label_rows: Vec<(LetterForm, String, Label)> = Vec::new();
        let mut examples = Examples::default();
        for &(file_name, built_in) in FILES {
            let built_in_name = format!("built-in {file_name}");
            let sources = additions
                .iter()
                .filter(|addition| addition.file_name == file_name)
                .map(|addition| (addition.source_name.as_str(), addition.text.as_str()))
                .chain([(built_in_name.as_str(), built_in)]);
            for (source_name, text) in sources {
                hasher.update(file_name.as_bytes());
                hasher.update(&[0]);
                hasher.update(text.as_bytes());
                hasher.update(&[0]);
                let problem = |problem: String| VocabularyError {
                    source_name: source_name.to_string(),
                    problem,
                };
                match file_name {
                    "categories.toml" => {
                        let file: CategoryFile = parse_toml(text).map_err(problem)?;
                        for row in file.rule {
                            examples
                                .categories
                                .extend(row.examples.into_iter().map(|e| (e, row.category)));
                            category_rules.push((row.category, row.terms));
                        }
                        for row in file.guideline_topic {
                            examples
                                .guideline_topics
                                .extend(row.examples.into_iter().map(|e| (e, row.category)));
                            guideline_topics.push((row.category, row.terms));
                        }
                    }
                    "drugs.txt" => drugs.extend(drug_names(text)),
                    "specialties.toml" => {
                        let file: SpecialtyFile = parse_toml(text).map_err(problem)?;
                        for row in file.specialty {
                            examples
                                .specialties
                                .extend(row.examples.into_iter().map(|e| (e, row.name.clone())));
                            specialties.push((row.name, row.terms));
                        }
                    }
                    "body_parts.toml" => {
                        let file: BodyPartFile = parse_toml(text).map_err(problem)?;
                        for row in file.part {
                            examples
                                .body_parts
                                .extend(row.examples.into_iter().map(|e| (e, row.name)));
                            body_parts.push((row.name, row.terms));
                        }
                    }
                    "headings.toml" => {
                        let file: HeadingFile = parse_toml(text).map_err(problem)?;
                        let check = |pattern: &str| {
                            regex::Regex::new(&format!("(?:{pattern})"))
                                .map(drop)
                                .map_err(|error| {
                                    problem(format!(
                                        "pattern {pattern:?}: {}",
                                        error.to_string().replace('\n', " ")
                                    ))
                                })
                        };
                        for row in file.heading {
                            check(&row.pattern)?;
                            if !row.form.sections().contains(&row.section) {
                                return Err(problem(format!(
                                    "heading {:?}: {:?} letters have no section {:?}",
                                    row.pattern, row.form, row.section
                                )));
                            }
                            examples.headings.extend(
                                row.examples.into_iter().map(|e| (row.form, e, row.section)),
                            );
                            heading_rows.push((row.form, row.pattern, row.section));
                        }
                        for row in file.label {
                            check(&row.pattern)?;
                            if !row.form.has_labels() {
                                return Err(problem(format!(
                                    "label {:?}: {:?} letters have no labels",
                                    row.pattern, row.form
                                )));
                            }
                            examples
                                .labels
                                .extend(row.examples.into_iter().map(|e| (row.form, e, row.label)));
                            label_rows.push((row.form, row.pattern, row.label));
                        }
                    }
                    "guidelines.toml" => {
                        let file: GuidelineFile = parse_toml(text).map_err(problem)?;
                        for row in file.family {
                            let groups = TermGroups::new(&row.all)
                                .map_err(|error| problem(error.to_string()))?;
                            examples
                                .guideline_families
                                .extend(row.examples.into_iter().map(|e| (e, row.family)));
                            guideline_families.push((groups, row.family));
                        }
                    }
                    other => {
                        return Err(problem(format!("no reader for a vocabulary file {other}")))
                    }
                }
            }
        }
        let table_error = |file_name: &str| {
            let file_name = file_name.to_string();
            move |error: TermError| VocabularyError {
                source_name: file_name,
                problem: error.to_string(),
            }
        };
        let headings = LetterForm::ALL
            .iter()
            .map(|&form| Headings::new(form, &rows_of(&heading_rows, form)))
            .collect::<Result<_, _>>()
            .map_err(pattern_error)?;
        let labels = LetterForm::ALL
            .iter()
            .map(|&form| Labels::new(&rows_of(&label_rows, form)))
            .collect::<Result<_, _>>()
            .map_err(pattern_error)?;
        Ok(Vocabulary {
            category_rules: TermTable::new(category_rules)
                .map_err(table_error("categories.toml"))?,
            guideline_topics: TermTable::new(guideline_topics)
                .map_err(table_error("categories.toml"))?,
            drugs,
            specialties: TermTable::new(specialties).map_err(table_error("specialties.toml"))?,
            body_parts: TermTable::new(body_parts).map_err(table_error("body_parts.toml"))?,
            guideline_families,
            headings,
            labels,
            fingerprint: format!("{:016x}", hasher.digest()),
            examples,
        })
    }

    /// A hash of every vocabulary text in use: an index records it, and a change of
    /// vocabulary re-parses every letter.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The first item rule with a term in `item`.
    pub fn category_by_words(&self, item: &str) -> Option<Category> {
        self.category_rules.first_match(item).copied()
    }

    /// The first guideline topic named in `text` (a citation, a rationale's opening).
    pub fn category_by_topic(&self, text: &str) -> Option<Category> {
        self.guideline_topics.first_match(text).copied()
    }

    /// Whether `text` names a drug of the drug list: any run of one to four of its words.
    pub fn names_a_drug(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        let coarse: Vec<&str> = lower
            .split(|c: char| c.is_whitespace() || ",;:()[]{}#+*\"".contains(c))
            .map(|word| word.trim_matches(|c: char| c == '.' || c == '\''))
            .filter(|word| !word.is_empty())
            .collect();
        let fine: Vec<&str> = coarse
            .iter()
            .flat_map(|word| word.split(['/', '-']))
            .filter(|word| !word.is_empty())
            .collect();
        // One buffer for every run of words: joining each window anew allocated per run.
        let mut run = String::new();
        [coarse, fine].iter().any(|words| {
            (1..=4).any(|length| {
                words.windows(length).any(|window| {
                    run.clear();
                    for (position, word) in window.iter().enumerate() {
                        if position > 0 {
                            run.push(' ');
                        }
                        run.push_str(word);
                    }
                    self.drugs.contains(&run)
                })
            })
        })
    }

    /// The canonical specialties named in `text`, in order of mention.
    pub fn specialties_in(&self, text: &str) -> Vec<String> {
        self.specialties.mentions(text)
    }

    /// The canonical body parts named in `text`, in order of mention.
    pub fn body_parts_in(&self, text: &str) -> Vec<BodyPart> {
        self.body_parts.mentions(text)
    }

    /// The family of the first guideline row whose groups all occur in `citation`.
    pub fn guideline_family(&self, citation: &str) -> Option<GuidelineFamily> {
        self.guideline_families
            .iter()
            .find(|(groups, _)| groups.all_occur(citation))
            .map(|&(_, family)| family)
    }

    /// The section headings of a letter form.
    pub fn headings(&self, form: LetterForm) -> &Headings {
        &self.headings[form_index(form)]
    }

    /// The item labels of a letter form.
    pub fn labels(&self, form: LetterForm) -> &Labels {
        &self.labels[form_index(form)]
    }

    /// Each row's examples.
    pub fn examples(&self) -> &Examples {
        &self.examples
    }
}

/// Where a form's tables are kept: its place in [`LetterForm::ALL`].
fn form_index(form: LetterForm) -> usize {
    match form {
        LetterForm::L1 => 0,
        LetterForm::L2 => 1,
        LetterForm::L2Early => 2,
        LetterForm::L3 => 3,
    }
}

/// The `(pattern, value)` rows of one form, in file order.
fn rows_of<T: Copy>(rows: &[(LetterForm, String, T)], form: LetterForm) -> Vec<(String, T)> {
    rows.iter()
        .filter(|(row_form, _, _)| *row_form == form)
        .map(|(_, pattern, value)| (pattern.clone(), *value))
        .collect()
}

/// A heading or label pattern that is not a valid regex.
fn pattern_error(error: regex::Error) -> VocabularyError {
    VocabularyError {
        source_name: "headings.toml".to_string(),
        problem: error.to_string().replace('\n', " "),
    }
}

fn parse_toml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|error| error.to_string().trim_end().replace('\n', " "))
}

/// The names of a drug list: one per line, `#` starts a comment; lower-cased, spaces
/// collapsed, so lookups can compare words.
fn drug_names(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or_default().trim())
        .filter(|line| !line.is_empty())
        .map(|line| {
            // Nearly every line of the list is written so already; it is copied as it is
            // rather than lowered and split (the list has tens of thousands of lines).
            if is_lower_ascii_with_single_spaces(line) {
                return line.to_string();
            }
            line.to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
}

/// Whether a trimmed line reads the same lower-cased with its whitespace collapsed: ASCII
/// without upper case, and no whitespace but single spaces.
fn is_lower_ascii_with_single_spaces(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.iter().enumerate().all(|(at, &byte)| match byte {
        b' ' => at > 0 && bytes[at - 1] != b' ' && at + 1 < bytes.len(),
        b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => false,
        _ => byte.is_ascii() && !byte.is_ascii_uppercase(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_rule_decides_its_examples() {
        let vocabulary = Vocabulary::built_in();
        let examples = &vocabulary.examples().categories;
        assert!(examples.len() > 30, "few examples: {}", examples.len());
        let wrong: Vec<String> = examples
            .iter()
            .filter(|(item, category)| vocabulary.category_by_words(item) != Some(*category))
            .map(|(item, category)| {
                format!(
                    "{item:?}: expected {category:?}, got {:?}",
                    vocabulary.category_by_words(item)
                )
            })
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn every_guideline_topic_decides_its_examples() {
        let vocabulary = Vocabulary::built_in();
        for (citation, category) in &vocabulary.examples().guideline_topics {
            assert_eq!(
                vocabulary.category_by_topic(citation),
                Some(*category),
                "{citation}"
            );
        }
    }

    #[test]
    fn every_specialty_row_names_only_itself_in_its_examples() {
        let vocabulary = Vocabulary::built_in();
        let examples = &vocabulary.examples().specialties;
        assert!(examples.len() > 50, "few examples: {}", examples.len());
        for (text, name) in examples {
            assert_eq!(
                vocabulary.specialties_in(text),
                std::slice::from_ref(name),
                "{text}"
            );
        }
    }

    #[test]
    fn every_body_part_row_names_only_itself_in_its_examples() {
        let vocabulary = Vocabulary::built_in();
        for (text, part) in &vocabulary.examples().body_parts {
            assert_eq!(vocabulary.body_parts_in(text), [*part], "{text}");
        }
    }

    #[test]
    fn every_guideline_row_decides_its_examples() {
        let vocabulary = Vocabulary::built_in();
        let examples = &vocabulary.examples().guideline_families;
        assert!(examples.len() >= 10, "few examples: {}", examples.len());
        for (citation, family) in examples {
            assert_eq!(
                vocabulary.guideline_family(citation),
                Some(*family),
                "{citation}"
            );
        }
    }

    #[test]
    fn every_heading_and_label_row_reads_its_examples() {
        let vocabulary = Vocabulary::built_in();
        let examples = vocabulary.examples();
        assert!(
            examples.headings.len() >= 20,
            "few: {}",
            examples.headings.len()
        );
        for (form, line, section) in &examples.headings {
            let text = format!("{line}\nbody\n");
            let sections = vocabulary.headings(*form).split(&text);
            let first = sections.bodies.first().map(|&(found, _)| found);
            assert_eq!(first, Some(*section), "{form:?}: {line}");
        }
        for (form, line, label) in &examples.labels {
            let found = vocabulary.labels(*form).find(line).map(|(found, _)| found);
            assert_eq!(found, Some(*label), "{form:?}: {line}");
        }
    }

    #[test]
    fn a_heading_for_a_section_the_form_lacks_is_refused() {
        let addition = Addition {
            file_name: "headings.toml".to_string(),
            source_name: "mine/headings.toml".to_string(),
            text: "[[heading]]\nform = \"L1\"\nsection = \"procedure\"\npattern = 'STEPS'\n"
                .to_string(),
        };
        let error = Vocabulary::with_additions(&[addition]).expect_err("L1 has no procedure");
        assert_eq!(error.source_name, "mine/headings.toml");
        assert!(error.problem.contains("Procedure"), "{}", error.problem);
    }

    #[test]
    fn drug_names_are_lower_cased_with_single_spaces() {
        let text = "celecoxib\nIbuprofen  Lysine # a comment\n  \nacetaminophen and codeine\n\
                    \u{c9}PINEPHRINE\ntab\tlet\n";
        let names: Vec<String> = drug_names(text).collect();
        assert_eq!(
            names,
            [
                "celecoxib",
                "ibuprofen lysine",
                "acetaminophen and codeine",
                "\u{e9}pinephrine",
                "tab let"
            ]
        );
        for line in ["celecoxib", "a b", "a  b", "Ab", "a\tb", " a", "a "] {
            let collapsed = line
                .to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if is_lower_ascii_with_single_spaces(line) {
                assert_eq!(line, collapsed, "{line:?}");
            }
        }
    }

    #[test]
    fn drugs_are_found_by_their_words_not_inside_others() {
        let vocabulary = Vocabulary::built_in();
        let rows = [
            ("Celebrex 200mg #60", true),
            ("Hydrocodone/APAP 10/325 #90", true),
            ("Butrans patch 10mcg/hr", true),
            ("Duexis 800/26.6mg", true),
            ("Physical therapy 2x6", false),
            ("Lumbar support brace", false),
            ("Home health aide 4 hours a day", false),
        ];
        for (item, expected) in rows {
            assert_eq!(vocabulary.names_a_drug(item), expected, "{item}");
        }
    }

    #[test]
    fn additions_come_first_and_change_the_fingerprint() {
        let addition = Addition {
            file_name: "categories.toml".to_string(),
            source_name: "test/categories.toml".to_string(),
            text: "[[rule]]\ncategory = \"dme\"\nterms = [\"physical therapy\"]\n".to_string(),
        };
        let extended = Vocabulary::with_additions(&[addition]).expect("valid additions");
        assert_eq!(
            extended.category_by_words("Physical therapy 2x6"),
            Some(Category::Dme)
        );
        assert_ne!(extended.fingerprint(), Vocabulary::built_in().fingerprint());
    }

    #[test]
    fn a_bad_addition_names_its_file_and_problem() {
        let addition = Addition {
            file_name: "categories.toml".to_string(),
            source_name: "mine/categories.toml".to_string(),
            text: "[[rule]]\ncategory = \"potions\"\nterms = [\"elixir\"]\n".to_string(),
        };
        let error =
            Vocabulary::with_additions(&[addition]).expect_err("an unknown category is refused");
        assert_eq!(error.source_name, "mine/categories.toml");
        assert!(error.problem.contains("potions"), "{}", error.problem);
    }
}
