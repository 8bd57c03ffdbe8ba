//! The index schema: loads the declarative `index-schema/schema.toml` (embedded at build
//! time) and derives from it the tantivy [`Schema`] and the handles the rest of the code
//! uses. No other module lists the index's fields.

mod definition;
mod stemming;

pub use definition::{FieldDefinition, FieldType, SchemaDefinition, TextScope};

use crate::error::SchemaError;
use tantivy::schema::{
    DateOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
    STORED,
};

/// The schema file, as embedded in the binary.
const SCHEMA_TOML: &str = include_str!("../../index-schema/schema.toml");

/// The tokenizer every keyword field uses: the whole value is one term.
const KEYWORD_TOKENIZER: &str = "raw";

/// Registers on `index` the analyzers this schema names that are not tantivy's own
/// (`en_stem`, with its cache of stems); every opened index needs them before it indexes
/// or parses a query.
pub fn register_analyzers(index: &tantivy::Index) {
    index
        .tokenizers()
        .register(stemming::EN_STEM, stemming::en_stem_analyzer());
}

/// The index schema: its definition and the tantivy schema built from it.
#[derive(Debug, Clone)]
pub struct IndexSchema {
    definition: SchemaDefinition,
    schema: Schema,
    fields: Vec<Field>,
}

/// One schema field: its definition and its tantivy handle.
#[derive(Debug, Clone, Copy)]
pub struct SchemaField<'a> {
    /// The field as declared in the schema file.
    pub definition: &'a FieldDefinition,
    /// The tantivy field handle.
    pub field: Field,
}

impl IndexSchema {
    /// The schema embedded in this binary.
    pub fn embedded() -> Result<IndexSchema, SchemaError> {
        IndexSchema::from_toml(SCHEMA_TOML)
    }

    /// Builds a schema from the text of a schema file.
    pub fn from_toml(text: &str) -> Result<IndexSchema, SchemaError> {
        let definition = SchemaDefinition::from_toml(text)?;
        let mut builder = Schema::builder();
        let fields = definition
            .fields
            .iter()
            .map(|field| add_field(&mut builder, field))
            .collect();
        Ok(IndexSchema {
            definition,
            schema: builder.build(),
            fields,
        })
    }

    /// The schema version recorded in every index built with it.
    pub fn version(&self) -> u32 {
        self.definition.version
    }

    /// The tantivy schema.
    pub fn tantivy_schema(&self) -> &Schema {
        &self.schema
    }

    /// Every field, in the order of the schema file.
    pub fn fields(&self) -> impl Iterator<Item = SchemaField<'_>> {
        self.definition
            .fields
            .iter()
            .zip(&self.fields)
            .map(|(definition, &field)| SchemaField { definition, field })
    }

    /// The field with this name, if the schema has one.
    pub fn field(&self, name: &str) -> Option<SchemaField<'_>> {
        self.fields().find(|field| field.definition.name == name)
    }

    /// The field with this name, or an error that lists the fields allowed by `allowed`.
    pub fn field_where(
        &self,
        name: &str,
        purpose: &'static str,
        allowed: impl Fn(&FieldDefinition) -> bool,
    ) -> Result<SchemaField<'_>, SchemaError> {
        match self.field(name) {
            Some(field) if allowed(field.definition) => Ok(field),
            _ => Err(SchemaError::FieldNotAllowed {
                name: name.to_string(),
                purpose,
                allowed: self
                    .fields()
                    .filter(|field| allowed(field.definition))
                    .map(|field| field.definition.name.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    /// A field the code relies on by name (the per-file key, the decision position).
    pub fn required_field(&self, name: &'static str) -> Result<Field, SchemaError> {
        self.field(name)
            .map(|field| field.field)
            .ok_or(SchemaError::MissingRequiredField(name))
    }
}

fn add_field(builder: &mut tantivy::schema::SchemaBuilder, field: &FieldDefinition) -> Field {
    let name = field.name.as_str();
    match field.field_type {
        FieldType::Text => {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(field.tokenizer.as_deref().unwrap_or(stemming::EN_STEM))
                .set_index_option(IndexRecordOption::WithFreqsAndPositions);
            let mut options = TextOptions::default().set_indexing_options(indexing);
            if field.stored {
                options = options.set_stored();
            }
            builder.add_text_field(name, options)
        }
        FieldType::Keyword => {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(KEYWORD_TOKENIZER)
                .set_index_option(IndexRecordOption::Basic);
            let mut options = TextOptions::default().set_indexing_options(indexing);
            if field.stored {
                options = options.set_stored();
            }
            if field.fast {
                options = options.set_fast(KEYWORD_TOKENIZER);
            }
            builder.add_text_field(name, options)
        }
        FieldType::Integer => builder.add_u64_field(name, numeric_options(field)),
        FieldType::Bool => builder.add_bool_field(name, numeric_options(field)),
        FieldType::Date => {
            let mut options = DateOptions::default().set_indexed();
            if field.stored {
                options = options.set_stored();
            }
            if field.fast {
                options = options.set_fast();
            }
            builder.add_date_field(name, options)
        }
        FieldType::Stored => builder.add_text_field(name, STORED),
    }
}

fn numeric_options(field: &FieldDefinition) -> NumericOptions {
    let mut options = NumericOptions::default().set_indexed();
    if field.stored {
        options = options.set_stored();
    }
    if field.fast {
        options = options.set_fast();
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_schema_builds() {
        let schema = IndexSchema::embedded().expect("the embedded schema is valid");
        assert!(schema.version() >= 1);
        assert!(schema.field("decision").is_some());
        assert!(schema.required_field("path").is_ok());
    }

    #[test]
    fn facet_fields_are_fast() {
        let schema = IndexSchema::embedded().expect("the embedded schema is valid");
        for field in schema.fields() {
            if field.definition.facet {
                assert!(
                    field.definition.fast,
                    "{} is a facet",
                    field.definition.name
                );
            }
        }
    }

    #[test]
    fn field_where_lists_the_allowed_fields() {
        let schema = IndexSchema::embedded().expect("the embedded schema is valid");
        let error = schema
            .field_where("rationale", "--facet", |field| field.facet)
            .expect_err("rationale is not a facet");
        let message = error.to_string();
        assert!(message.contains("rationale"), "{message}");
        assert!(message.contains("decision"), "{message}");
    }
}
