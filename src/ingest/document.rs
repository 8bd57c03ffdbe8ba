//! Builds the tantivy documents of one parsed letter: one per disputed item, each carrying
//! the letter's fields. Each schema field takes its values from one place in the typed
//! `Letter` (or its `Decision`), by the table [`SOURCES`]; a test fails when a schema field
//! has no row there, or when a field of `Letter` or `Decision` has neither a row nor a
//! reason not to be indexed.

use crate::letter::{Decision, Letter};
use crate::schema::{FieldType, IndexSchema, SchemaField};
use chrono::NaiveDate;
use serde::Serialize;
use tantivy::schema::Field;
use tantivy::TantivyDocument;

/// The name of the per-file key field.
pub const PATH_FIELD: &str = "path";
/// The name of the field holding a decision's position in its letter.
pub const DECISION_INDEX_FIELD: &str = "decision_index";
/// The name of the field holding the decision itself.
pub const DECISION_FIELD: &str = "decision";
/// The name of the field holding a letter's number on each of its documents.
pub const LETTER_FIELD: &str = "letter";

/// Where a schema field's values come from (by the field's source name).
#[derive(Clone, Copy)]
enum Source {
    /// The file's key.
    FileKey,
    /// The decision's position in its letter, from 0.
    Position,
    /// The letter's number, given by the writer as it indexes (see [`number_letter`]).
    LetterNumber,
    /// A field of the letter.
    Letter(fn(&Letter, &mut Values<'_>)),
    /// A field of the decision.
    Decision(fn(&Decision, &mut Values<'_>)),
}

/// Every indexed value, by the source name of the schema field it fills.
#[rustfmt::skip]
const SOURCES: &[(&str, Source)] = &[
    (PATH_FIELD,                   Source::FileKey),
    (DECISION_INDEX_FIELD,         Source::Position),
    (LETTER_FIELD,                 Source::LetterNumber),
    ("layout",                     Source::Letter(|letter, values| values.name(&letter.layout))),
    ("case_number",                Source::Letter(|letter, values| values.text_if(letter.case_number.as_deref()))),
    ("date_assigned",              Source::Letter(|letter, values| values.date(letter.date_assigned))),
    ("decision_date",              Source::Letter(|letter, values| values.date(letter.decision_date))),
    ("date_of_injury",             Source::Letter(|letter, values| values.date(letter.date_of_injury))),
    ("ur_denial_date",             Source::Letter(|letter, values| values.date(letter.ur_denial_date))),
    ("application_received",       Source::Letter(|letter, values| values.date(letter.application_received))),
    ("priority",                   Source::Letter(|letter, values| values.name_if(letter.priority.as_ref()))),
    ("age",                        Source::Letter(|letter, values| values.integer(letter.age.map(u64::from)))),
    ("sex",                        Source::Letter(|letter, values| values.name_if(letter.sex.as_ref()))),
    ("reviewer_specialties",       Source::Letter(|letter, values| letter.reviewer_specialties.iter().for_each(|name| values.text(name)))),
    ("body_parts",                 Source::Letter(|letter, values| letter.body_parts.iter().for_each(|part| values.name(part)))),
    ("diagnoses",                  Source::Letter(|letter, values| letter.diagnoses.iter().for_each(|text| values.text(text)))),
    ("summary",                    Source::Letter(|letter, values| values.text_if(letter.summary.as_deref()))),
    ("truncated",                  Source::Letter(|letter, values| values.bool(letter.truncated))),
    ("item",                       Source::Decision(|decision, values| values.text(&decision.item))),
    ("category",                   Source::Decision(|decision, values| values.name(&decision.category))),
    (DECISION_FIELD,               Source::Decision(|decision, values| values.name(&decision.decision))),
    ("claims_guideline",           Source::Decision(|decision, values| values.name_if(decision.claims_guideline.as_ref()))),
    ("reviewer_guideline",         Source::Decision(|decision, values| values.name_if(decision.reviewer_guideline.as_ref()))),
    ("reviewer_guideline_chapter", Source::Decision(|decision, values| values.integer(decision.reviewer_guideline_chapter.map(u64::from)))),
    ("rationale",                  Source::Decision(|decision, values| values.text_if(decision.rationale.as_deref()))),
];

fn source_of(name: &str) -> Option<Source> {
    SOURCES
        .iter()
        .find(|(source_name, _)| *source_name == name)
        .map(|(_, source)| *source)
}

/// A parsed value that does not fit its schema field, or a schema field with no source: a
/// bug in the schema or in [`SOURCES`].
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// A value of the wrong type.
    #[error("field '{field}': a {value_kind} value does not fit type {field_type:?}")]
    Mismatch {
        /// The schema field.
        field: String,
        /// What the value was.
        value_kind: &'static str,
        /// What the field takes.
        field_type: FieldType,
    },
    /// A schema field nothing fills.
    #[error(
        "field '{field}' has no source in the parsed letter (see SOURCES in ingest/document.rs)"
    )]
    NoSource {
        /// The schema field.
        field: String,
    },
}

/// The values of one field being added to a document, checked against the field's type.
struct Values<'d> {
    document: &'d mut TantivyDocument,
    field: SchemaField<'d>,
    error: Option<DocumentError>,
}

impl Values<'_> {
    fn fits(&mut self, value_kind: &'static str, fits: bool) -> bool {
        if !fits && self.error.is_none() {
            self.error = Some(DocumentError::Mismatch {
                field: self.field.definition.name.clone(),
                value_kind,
                field_type: self.field.definition.field_type,
            });
        }
        fits
    }

    fn text(&mut self, text: &str) {
        let field_type = self.field.definition.field_type;
        let is_text = matches!(
            field_type,
            FieldType::Text | FieldType::Keyword | FieldType::Stored
        );
        if self.fits("text", is_text) {
            self.document.add_text(self.field.field, text);
        }
    }

    fn text_if(&mut self, text: Option<&str>) {
        if let Some(text) = text {
            self.text(text);
        }
    }

    /// A value by its canonical name, the one `imr parse` prints.
    fn name(&mut self, value: &impl Serialize) {
        match serde_plain::to_string(value) {
            Ok(name) => self.text(&name),
            Err(_) => {
                self.fits("named", false);
            }
        }
    }

    fn name_if(&mut self, value: Option<&impl Serialize>) {
        if let Some(value) = value {
            self.name(value);
        }
    }

    fn integer(&mut self, value: Option<u64>) {
        if let Some(value) = value {
            if self.fits(
                "integer",
                self.field.definition.field_type == FieldType::Integer,
            ) {
                self.document.add_u64(self.field.field, value);
            }
        }
    }

    fn bool(&mut self, value: bool) {
        if self.fits("bool", self.field.definition.field_type == FieldType::Bool) {
            self.document.add_bool(self.field.field, value);
        }
    }

    fn date(&mut self, day: Option<NaiveDate>) {
        if let Some(day) = day {
            if self.fits("date", self.field.definition.field_type == FieldType::Date) {
                self.document
                    .add_date(self.field.field, day_to_datetime(day));
            }
        }
    }
}

/// The documents of `letter`, stored under the file key `path`. A letter whose decisions
/// were all lost to truncation still gets one document, so it can be found.
pub fn letter_documents(
    schema: &IndexSchema,
    path: &str,
    letter: &Letter,
) -> Result<Vec<TantivyDocument>, DocumentError> {
    let decisions: Vec<Option<&Decision>> = if letter.decisions.is_empty() {
        vec![None]
    } else {
        letter.decisions.iter().map(Some).collect()
    };
    decisions
        .into_iter()
        .enumerate()
        .map(|(position, decision)| {
            let mut document = TantivyDocument::new();
            for field in schema.fields() {
                if field.definition.once_per_letter && position > 0 {
                    continue;
                }
                let source = source_of(field.definition.source_name()).ok_or_else(|| {
                    DocumentError::NoSource {
                        field: field.definition.name.clone(),
                    }
                })?;
                let mut values = Values {
                    document: &mut document,
                    field,
                    error: None,
                };
                match source {
                    Source::FileKey => values.text(path),
                    Source::Position => values.integer(Some(position as u64)),
                    Source::LetterNumber => {}
                    Source::Letter(fill) => fill(letter, &mut values),
                    Source::Decision(fill) => {
                        if let Some(decision) = decision {
                            fill(decision, &mut values);
                        }
                    }
                }
                if let Some(error) = values.error {
                    return Err(error);
                }
            }
            Ok(document)
        })
        .collect()
}

/// Gives the documents of one letter its number.
pub fn number_letter(documents: &mut [TantivyDocument], letter_field: Field, number: u64) {
    for document in documents {
        document.add_u64(letter_field, number);
    }
}

/// A calendar day as the index stores it: midnight UTC.
pub fn day_to_datetime(day: NaiveDate) -> tantivy::DateTime {
    let midnight = day
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists on every day");
    tantivy::DateTime::from_timestamp_secs(midnight.and_utc().timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::sample_letter;
    use tantivy::schema::Value as _;

    fn seed_letter() -> Letter {
        *sample_letter()
    }

    #[test]
    fn one_document_per_decision_with_the_letters_fields() {
        let schema = IndexSchema::embedded().expect("schema");
        let mut letter = seed_letter();
        letter.decisions.push(letter.decisions[0].clone());
        let documents = letter_documents(&schema, "/letters/a.txt", &letter).expect("documents");
        assert_eq!(documents.len(), 2);
        let body_parts = schema.field("body_parts").expect("field").field;
        let parts: Vec<&str> = documents[1]
            .get_all(body_parts)
            .filter_map(|value| value.as_str())
            .collect();
        assert_eq!(parts, ["cervical_spine", "lumbar_spine"]);
    }

    #[test]
    fn the_summary_is_stored_once_per_letter() {
        let schema = IndexSchema::embedded().expect("schema");
        let mut letter = seed_letter();
        letter.decisions.push(letter.decisions[0].clone());
        let documents = letter_documents(&schema, "/letters/a.txt", &letter).expect("documents");
        let stored = schema.field("letter_summary").expect("field").field;
        assert_eq!(documents[0].get_all(stored).count(), 1);
        assert_eq!(documents[1].get_all(stored).count(), 0);
    }

    /// Fields of `Letter` and `Decision` that are deliberately not indexed, and why.
    const NOT_INDEXED: &[(&str, &str)] = &[
        ("decisions", "each decision is a document of its own"),
        (
            "unread",
            "text the parser could not place goes to the run report",
        ),
    ];

    /// The field names a value serialises with (the names `imr parse` prints).
    fn serialised_names(value: &impl Serialize) -> Vec<String> {
        match serde_json::to_value(value).expect("serialises") {
            serde_json::Value::Object(map) => map.keys().cloned().collect(),
            other => panic!("an object: {other}"),
        }
    }

    #[test]
    fn every_schema_field_has_a_source_and_every_source_a_field() {
        let schema = IndexSchema::embedded().expect("schema");
        for field in schema.fields() {
            assert!(
                source_of(field.definition.source_name()).is_some(),
                "schema field '{}' has no row in SOURCES",
                field.definition.name
            );
        }
        for (name, _) in SOURCES {
            assert!(
                schema
                    .fields()
                    .any(|field| field.definition.source_name() == *name),
                "SOURCES row '{name}' fills no schema field"
            );
        }
    }

    #[test]
    fn every_field_of_a_letter_is_indexed_or_said_not_to_be() {
        let mut letter = seed_letter();
        letter.unread.qualification = Some("x".to_string());
        let decision = letter.decisions[0].clone();
        let letter_names = serialised_names(&letter);
        let decision_names = serialised_names(&decision);
        for name in &letter_names {
            let source = source_of(name);
            assert!(
                matches!(source, Some(Source::Letter(_)))
                    || NOT_INDEXED.iter().any(|(skipped, _)| skipped == name),
                "Letter field '{name}' is neither in SOURCES (as a letter field) nor in NOT_INDEXED"
            );
        }
        for name in &decision_names {
            assert!(
                matches!(source_of(name), Some(Source::Decision(_))),
                "Decision field '{name}' is not in SOURCES as a decision field"
            );
        }
    }

    #[test]
    fn values_keep_their_types() {
        let schema = IndexSchema::embedded().expect("schema");
        let letter = seed_letter();
        let documents = letter_documents(&schema, "/letters/a.txt", &letter).expect("documents");
        let field = |name: &str| schema.field(name).expect("field").field;
        let first = &documents[0];
        assert_eq!(
            first
                .get_first(field("age"))
                .and_then(|value| value.as_u64()),
            letter.age.map(u64::from)
        );
        let injured = first
            .get_first(field("date_of_injury"))
            .and_then(|value| value.as_datetime())
            .expect("a date of injury");
        assert_eq!(
            Some(injured),
            letter.date_of_injury.map(day_to_datetime),
            "dates go in as days, not text"
        );
        assert_eq!(
            first
                .get_first(field("layout"))
                .and_then(|value| value.as_str()),
            Some("L1")
        );
    }

    #[test]
    fn a_letter_without_decisions_keeps_one_document() {
        let schema = IndexSchema::embedded().expect("schema");
        let mut letter = seed_letter();
        letter.decisions.clear();
        let documents = letter_documents(&schema, "/letters/a.txt", &letter).expect("documents");
        assert_eq!(documents.len(), 1);
    }
}
