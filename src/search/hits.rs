//! A hit as users see it: the stored fields of its decision document, named as in the
//! schema, the letter's summary (stored once per letter), and a highlighted snippet of
//! where the query matched.

use crate::ingest::document::{DECISION_INDEX_FIELD, PATH_FIELD};
use crate::schema::{FieldType, IndexSchema, SchemaField};
use chrono::DateTime;
use serde::Serialize;
use serde_json::{Map, Value};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value as _};
use tantivy::snippet::SnippetGenerator;
use tantivy::{collector::TopDocs, DocAddress, Searcher, TantivyDocument, Term};

/// One matching decision.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Relevance score (1 for every hit of a match-all search); none when hits are
    /// sorted by a field.
    pub score: Option<f32>,
    /// Stored fields by schema name; lists for multi-valued fields, null when absent.
    #[serde(flatten)]
    pub fields: Map<String, Value>,
    /// Where the query matched, when a query was given and matched stored text.
    pub snippet: Option<Snippet>,
}

/// A fragment of a text field with the matched words marked.
#[derive(Debug, Clone, Serialize)]
pub struct Snippet {
    /// The field the fragment comes from.
    pub field: String,
    /// The fragment.
    pub text: String,
    /// Byte ranges of `text` that matched.
    pub highlights: Vec<(usize, usize)>,
}

impl Hit {
    /// A field's value as display text: lists joined by ", ", absent as "".
    pub fn text(&self, name: &str) -> String {
        match self.fields.get(name) {
            Some(Value::String(text)) => text.clone(),
            Some(Value::Array(values)) => values.iter().map(display).collect::<Vec<_>>().join(", "),
            Some(Value::Null) | None => String::new(),
            Some(other) => display(other),
        }
    }
}

fn display(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Builds hits, with snippets when a query string was given.
pub struct HitBuilder<'a> {
    schema: &'a IndexSchema,
    searcher: &'a Searcher,
    snippet_generators: Vec<(String, SnippetGenerator)>,
}

/// Fields tried for a snippet, in order; the first with a match wins.
const SNIPPET_FIELDS: &[&str] = &["rationale", "summary", "item", "diagnoses"];

/// Characters of context in a snippet.
const SNIPPET_CHARS: usize = 160;

impl<'a> HitBuilder<'a> {
    /// A builder; `text_query` is the parsed query string, if any.
    pub fn new(
        schema: &'a IndexSchema,
        searcher: &'a Searcher,
        text_query: Option<&dyn Query>,
    ) -> tantivy::Result<HitBuilder<'a>> {
        let mut snippet_generators = Vec::new();
        if let Some(query) = text_query {
            for name in SNIPPET_FIELDS {
                if let Some(field) = schema.field(name) {
                    let mut generator = SnippetGenerator::create(searcher, query, field.field)?;
                    generator.set_max_num_chars(SNIPPET_CHARS);
                    snippet_generators.push((name.to_string(), generator));
                }
            }
        }
        Ok(HitBuilder {
            schema,
            searcher,
            snippet_generators,
        })
    }

    /// The hit of one document.
    pub fn build(&self, score: Option<f32>, address: DocAddress) -> tantivy::Result<Hit> {
        let document: TantivyDocument = self.searcher.doc(address)?;
        let mut fields = Map::new();
        let mut letter_document: Option<TantivyDocument> = None;
        for field in self.schema.fields().filter(|field| field.definition.stored) {
            let value = field_value(field, &document);
            fields.insert(field.definition.name.clone(), value);
        }
        for field in self
            .schema
            .fields()
            .filter(|field| field.definition.once_per_letter)
        {
            if document.get_first(field.field).is_none() && letter_document.is_none() {
                letter_document = self.letter_document(&document)?;
            }
            let source = letter_document.as_ref().unwrap_or(&document);
            fields.insert(
                field.definition.source_name().to_string(),
                field_value(field, source),
            );
        }
        let snippet = self.snippet(&fields);
        Ok(Hit {
            score,
            fields,
            snippet,
        })
    }

    /// The first document of the letter `document` belongs to, which holds the
    /// once-per-letter fields.
    fn letter_document(
        &self,
        document: &TantivyDocument,
    ) -> tantivy::Result<Option<TantivyDocument>> {
        let (Some(path_field), Some(index_field)) = (
            self.schema.field(PATH_FIELD),
            self.schema.field(DECISION_INDEX_FIELD),
        ) else {
            return Ok(None);
        };
        let Some(path) = document
            .get_first(path_field.field)
            .and_then(|value| value.as_str())
        else {
            return Ok(None);
        };
        let query = BooleanQuery::new(vec![
            (
                Occur::Must,
                term_query(Term::from_field_text(path_field.field, path)),
            ),
            (
                Occur::Must,
                term_query(Term::from_field_u64(index_field.field, 0)),
            ),
        ]);
        let found = self
            .searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())?;
        found
            .first()
            .map(|&(_, address)| self.searcher.doc(address))
            .transpose()
    }

    fn snippet(&self, fields: &Map<String, Value>) -> Option<Snippet> {
        self.snippet_generators
            .iter()
            .find_map(|(name, generator)| {
                let text = match fields.get(name)? {
                    Value::String(text) => text.clone(),
                    Value::Array(values) => {
                        values.iter().map(display).collect::<Vec<_>>().join("; ")
                    }
                    _ => return None,
                };
                let snippet = generator.snippet(&text);
                if snippet.is_empty() || snippet.highlighted().is_empty() {
                    return None;
                }
                Some(Snippet {
                    field: name.clone(),
                    text: snippet.fragment().to_string(),
                    highlights: snippet
                        .highlighted()
                        .iter()
                        .map(|range| (range.start, range.end))
                        .collect(),
                })
            })
    }
}

fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::Basic))
}

fn field_value(field: SchemaField<'_>, document: &TantivyDocument) -> Value {
    let values: Vec<Value> = document
        .get_all(field.field)
        .filter_map(|value| match field.definition.field_type {
            FieldType::Text | FieldType::Keyword | FieldType::Stored => {
                value.as_str().map(Value::from)
            }
            FieldType::Integer => value.as_u64().map(Value::from),
            FieldType::Bool => value.as_bool().map(Value::from),
            FieldType::Date => value
                .as_datetime()
                .and_then(|date| DateTime::from_timestamp(date.into_timestamp_secs(), 0))
                .map(|date| Value::from(date.date_naive().format("%Y-%m-%d").to_string())),
        })
        .collect();
    if field.definition.multi {
        Value::Array(values)
    } else {
        values.into_iter().next().unwrap_or(Value::Null)
    }
}
