//! The schema file's format: what each `[[field]]` row of `index-schema/schema.toml` says,
//! and the checks that keep a row meaningful (a facet must be fast, a text field needs a
//! known tokenizer, names are unique).

use crate::error::SchemaError;
use serde::Deserialize;
use std::collections::HashSet;

/// Tokenizers a text field may name: tantivy's `default`, and `en_stem`, which
/// [`super::register_analyzers`] replaces by its own with the same terms.
const TEXT_TOKENIZERS: &[&str] = &["en_stem", "default"];

/// The whole schema file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemaDefinition {
    /// Bumped whenever a field changes; recorded in every index.
    pub version: u32,
    /// The fields, in order.
    #[serde(rename = "field")]
    pub fields: Vec<FieldDefinition>,
}

/// One `[[field]]` row.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDefinition {
    /// The field's name in the index, in queries, filters, facets and JSON.
    pub name: String,
    /// What kind of value the field holds.
    #[serde(rename = "type")]
    pub field_type: FieldType,
    /// Kept in the index so a hit can show it.
    #[serde(default)]
    pub stored: bool,
    /// Kept column-wise for facets and sorting.
    #[serde(default)]
    pub fast: bool,
    /// The tokenizer of a text field.
    #[serde(default)]
    pub tokenizer: Option<String>,
    /// The parsed value is a list.
    #[serde(default)]
    pub multi: bool,
    /// Searched by query terms that name no field.
    #[serde(default)]
    pub search: bool,
    /// Whose text a `search` field holds: the decision's own (searched by default) or its
    /// letter's (searched when named, or with `--scope letter`).
    #[serde(default)]
    pub scope: TextScope,
    /// Allowed in `--facet`.
    #[serde(default)]
    pub facet: bool,
    /// Name of the parsed value this field holds, when it differs from `name`.
    #[serde(default)]
    pub source: Option<String>,
    /// Kept only on the letter's first decision document.
    #[serde(default)]
    pub once_per_letter: bool,
    /// What the field means, for readers of the schema file.
    #[serde(default)]
    pub doc: Option<String>,
}

/// Whose text a searched field holds, and so when a word that names no field looks in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextScope {
    /// The decision's own text (its item, its rationale): always searched.
    #[default]
    Decision,
    /// The letter's text (its summary, its diagnoses): searched with `--scope letter`.
    Letter,
}

/// The value types a field can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    /// Tokenized full text.
    Text,
    /// One exact term per value.
    Keyword,
    /// Unsigned integer.
    Integer,
    /// A calendar day.
    Date,
    /// true or false.
    Bool,
    /// Stored for display only.
    Stored,
}

impl FieldDefinition {
    /// The name of the parsed value this field is filled from.
    pub fn source_name(&self) -> &str {
        self.source.as_deref().unwrap_or(&self.name)
    }

    /// Whether `--filter FIELD=VALUE` can match this field exactly.
    pub fn is_filterable(&self) -> bool {
        matches!(
            self.field_type,
            FieldType::Keyword | FieldType::Integer | FieldType::Date | FieldType::Bool
        )
    }
}

impl SchemaDefinition {
    /// Parses and checks the text of a schema file.
    pub fn from_toml(text: &str) -> Result<SchemaDefinition, SchemaError> {
        let definition: SchemaDefinition =
            toml::from_str(text).map_err(|error| SchemaError::Syntax(error.to_string()))?;
        definition.check()?;
        Ok(definition)
    }

    fn check(&self) -> Result<(), SchemaError> {
        let mut names = HashSet::new();
        for field in &self.fields {
            let problem = if !names.insert(field.name.as_str()) {
                Some("the name is used twice".to_string())
            } else if field.facet && !field.fast {
                Some("a facet field must be fast".to_string())
            } else if field.facet
                && !matches!(
                    field.field_type,
                    FieldType::Keyword | FieldType::Integer | FieldType::Bool
                )
            {
                Some("facets count keyword, integer and bool fields only".to_string())
            } else if field.field_type == FieldType::Text {
                match field.tokenizer.as_deref() {
                    Some(name) if TEXT_TOKENIZERS.contains(&name) => None,
                    Some(name) => Some(format!(
                        "unknown tokenizer '{name}' (use one of {})",
                        TEXT_TOKENIZERS.join(", ")
                    )),
                    None => Some("a text field needs a tokenizer".to_string()),
                }
            } else if field.tokenizer.is_some() {
                Some("only text fields take a tokenizer".to_string())
            } else if field.field_type == FieldType::Stored && (field.fast || field.facet) {
                Some("a stored-only field cannot be fast or a facet".to_string())
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(SchemaError::InvalidField {
                    name: field.name.clone(),
                    problem,
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(rows: &str) -> Result<SchemaDefinition, SchemaError> {
        SchemaDefinition::from_toml(&format!("version = 1\n{rows}"))
    }

    #[test]
    fn rejects_a_facet_that_is_not_fast() {
        let error = check("[[field]]\nname = \"sex\"\ntype = \"keyword\"\nfacet = true\n")
            .expect_err("facet without fast");
        assert!(error.to_string().contains("sex"));
    }

    #[test]
    fn rejects_a_facet_on_a_date() {
        let error = check(
            "[[field]]\nname = \"decision_date\"\ntype = \"date\"\nfast = true\nfacet = true\n",
        )
        .expect_err("date facet");
        assert!(error.to_string().contains("decision_date"), "{error}");
    }

    #[test]
    fn rejects_duplicate_names() {
        let row = "[[field]]\nname = \"age\"\ntype = \"integer\"\n";
        assert!(check(&format!("{row}{row}")).is_err());
    }

    #[test]
    fn rejects_an_unknown_tokenizer() {
        let error = check("[[field]]\nname = \"item\"\ntype = \"text\"\ntokenizer = \"klingon\"\n")
            .expect_err("unknown tokenizer");
        assert!(error.to_string().contains("klingon"));
    }

    #[test]
    fn rejects_unknown_keys() {
        assert!(check("[[field]]\nname = \"age\"\ntype = \"integer\"\nsorted = true\n").is_err());
    }
}
