//! Builds the tantivy documents of one parsed letter: one per disputed item, each carrying
//! the letter's fields. Values are looked up by the schema's field names in the letter's
//! serialised form, so this module never lists the fields itself.

use crate::letter::Letter;
use crate::schema::{FieldType, IndexSchema, SchemaField};
use chrono::NaiveDate;
use serde_json::{Map, Value};
use tantivy::TantivyDocument;

/// The name of the per-file key field.
pub const PATH_FIELD: &str = "path";
/// The name of the field holding a decision's position in its letter.
pub const DECISION_INDEX_FIELD: &str = "decision_index";
/// The name of the field holding the decision itself.
pub const DECISION_FIELD: &str = "decision";

/// A parsed value that does not fit its schema field: a bug in the schema or the parser.
#[derive(Debug, thiserror::Error)]
#[error("field '{field}': value {value} does not fit type {field_type:?}")]
pub struct DocumentError {
    field: String,
    value: String,
    field_type: FieldType,
}

/// The documents of `letter`, stored under the file key `path`. A letter whose decisions
/// were all lost to truncation still gets one document, so it can be found.
pub fn letter_documents(
    schema: &IndexSchema,
    path: &str,
    letter: &Letter,
) -> Result<Vec<TantivyDocument>, DocumentError> {
    let Ok(Value::Object(mut letter_values)) = serde_json::to_value(letter) else {
        unreachable!("a Letter serialises to a JSON object");
    };
    let decisions = match letter_values.remove("decisions") {
        Some(Value::Array(decisions)) if !decisions.is_empty() => decisions,
        _ => vec![Value::Object(Map::new())],
    };
    letter_values.insert(PATH_FIELD.to_string(), Value::from(path));
    decisions
        .iter()
        .enumerate()
        .map(|(position, decision)| {
            let mut document = TantivyDocument::new();
            for field in schema.fields() {
                if field.definition.once_per_letter && position > 0 {
                    continue;
                }
                let name = field.definition.source_name();
                if name == DECISION_INDEX_FIELD {
                    add_value(&mut document, field, &Value::from(position))?;
                } else if let Some(value) = decision.get(name).or_else(|| letter_values.get(name)) {
                    add_value(&mut document, field, value)?;
                }
            }
            Ok(document)
        })
        .collect()
}

fn add_value(
    document: &mut TantivyDocument,
    field: SchemaField<'_>,
    value: &Value,
) -> Result<(), DocumentError> {
    let mismatch = || DocumentError {
        field: field.definition.name.clone(),
        value: value.to_string(),
        field_type: field.definition.field_type,
    };
    match value {
        Value::Null => Ok(()),
        Value::Array(values) => values
            .iter()
            .try_for_each(|value| add_value(document, field, value)),
        _ => {
            match field.definition.field_type {
                FieldType::Text | FieldType::Keyword | FieldType::Stored => {
                    document.add_text(field.field, value.as_str().ok_or_else(mismatch)?)
                }
                FieldType::Integer => {
                    document.add_u64(field.field, value.as_u64().ok_or_else(mismatch)?)
                }
                FieldType::Bool => {
                    document.add_bool(field.field, value.as_bool().ok_or_else(mismatch)?)
                }
                FieldType::Date => {
                    let day = value
                        .as_str()
                        .and_then(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
                        .ok_or_else(mismatch)?;
                    document.add_date(field.field, day_to_datetime(day));
                }
            }
            Ok(())
        }
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
    use crate::letter::{parse, Parsed};
    use tantivy::schema::Value as _;

    const SEED: &str = include_str!("../../sample-data/l1-cervical-esi.txt");

    fn seed_letter() -> Letter {
        match parse(SEED, crate::letter::Vocabulary::built_in(), 2026) {
            Parsed::Letter(letter) => *letter,
            other => panic!("the seed letter parses: {other:?}"),
        }
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

    #[test]
    fn a_letter_without_decisions_keeps_one_document() {
        let schema = IndexSchema::embedded().expect("schema");
        let mut letter = seed_letter();
        letter.decisions.clear();
        let documents = letter_documents(&schema, "/letters/a.txt", &letter).expect("documents");
        assert_eq!(documents.len(), 1);
    }
}
