//! Facet counts: for each requested field, how many matching decisions carry each value,
//! most frequent first. Counted by tantivy's terms aggregation over the fast columns.

use crate::error::SearchError;
use crate::schema::SchemaField;
use serde::Serialize;
use serde_json::{json, Map, Value};
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::{AggContextParams, AggregationCollector, AggregationLimitsGuard};
use tantivy::query::Query;
use tantivy::Searcher;

/// More distinct values than any facet field has; a facet is never cut short.
const MAX_FACET_VALUES: u32 = 100_000;

/// The counts of one facet field.
#[derive(Debug, Clone, Serialize)]
pub struct FacetCounts {
    /// The field.
    pub field: String,
    /// Each value with its number of matching decisions, most frequent first.
    pub counts: Vec<(String, u64)>,
}

/// Counts the values of `fields` over the documents `query` matches.
pub fn facet_counts(
    searcher: &Searcher,
    query: &dyn Query,
    fields: &[SchemaField<'_>],
) -> Result<Vec<FacetCounts>, SearchError> {
    if fields.is_empty() {
        return Ok(Vec::new());
    }
    let request: Map<String, Value> = fields
        .iter()
        .map(|field| {
            let name = field.definition.name.clone();
            let terms = json!({ "terms": { "field": name, "size": MAX_FACET_VALUES } });
            (name, terms)
        })
        .collect();
    let aggregations: Aggregations = serde_json::from_value(Value::Object(request))
        .map_err(|error| SearchError::Query(format!("facet request: {error}")))?;
    let collector = AggregationCollector::from_aggs(
        aggregations,
        AggContextParams::new(
            AggregationLimitsGuard::default(),
            searcher.index().tokenizers().clone(),
        ),
    );
    let results = searcher.search(query, &collector)?;
    let results = serde_json::to_value(results)
        .map_err(|error| SearchError::Query(format!("facet results: {error}")))?;
    Ok(fields
        .iter()
        .map(|field| {
            let name = &field.definition.name;
            let buckets = results[name.as_str()]["buckets"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let mut counts: Vec<(String, u64)> = buckets
                .iter()
                .map(|bucket| {
                    let key = bucket.get("key_as_string").unwrap_or(&bucket["key"]);
                    (value_label(key), bucket["doc_count"].as_u64().unwrap_or(0))
                })
                .collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            FacetCounts {
                field: name.clone(),
                counts,
            }
        })
        .collect())
}

fn value_label(key: &Value) -> String {
    match key {
        Value::String(text) => text.clone(),
        Value::Number(number) => match number.as_f64() {
            Some(float) if float.fract() == 0.0 => format!("{float:.0}"),
            _ => number.to_string(),
        },
        other => other.to_string(),
    }
}
