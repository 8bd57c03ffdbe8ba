//! Facet counts: for each `--facet` grouping, how many matching decisions (or letters)
//! carry each value: most frequent first, or in order of value for bands and periods.
//! The counting itself is the tally's, but for a search that matches every document:
//! there each keyword value's count is its document frequency in the term dictionary.

use super::grouping::{Bucket, GroupValue, Grouping};
use super::tally::{Counts, Table};
use crate::schema::IndexSchema;
use serde::Serialize;
use tantivy::Searcher;

/// The counts of one facet.
#[derive(Debug, Clone, Serialize)]
pub struct FacetCounts {
    /// The facet as asked for: `category`, `age:10`, `decision_date:year`.
    pub field: String,
    /// Each value with its number of matching decisions (or letters). Decisions without a
    /// value are not listed.
    pub counts: Vec<(String, u64)>,
}

/// The facet counts of `grouping` from its one-grouping tally table.
pub fn facet_counts(grouping: &Grouping, table: Table) -> FacetCounts {
    let mut counts: Vec<(GroupValue, u64)> = table
        .into_iter()
        .filter_map(|(mut values, counts)| match values.pop() {
            Some(GroupValue::Missing) | None => None,
            Some(value) => Some((value, counts.all)),
        })
        .collect();
    if grouping.is_ordered() {
        counts.sort_by(|a, b| a.0.cmp(&b.0));
    } else {
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
    FacetCounts {
        field: grouping.to_string(),
        counts: counts
            .into_iter()
            .map(|(value, count)| (value.to_string(), count))
            .collect(),
    }
}

/// The facet counts of `grouping` over every document of the index, read from the term
/// dictionary instead of the documents: a keyword value's document frequency is exactly
/// its number of decisions in a segment without deleted documents. `None` when that does
/// not hold (a grouping other than a keyword, a segment with deletes), so the tally counts.
pub fn counts_of_everything(
    searcher: &Searcher,
    schema: &IndexSchema,
    grouping: &Grouping,
) -> tantivy::Result<Option<Table>> {
    let Some(field) = schema.field(&grouping.field) else {
        return Ok(None);
    };
    let segments = searcher.segment_readers();
    if grouping.bucket != Bucket::Keyword || segments.iter().any(|s| s.has_deletes()) {
        return Ok(None);
    }
    let mut table = Table::new();
    for segment in segments {
        let inverted_index = segment.inverted_index(field.field)?;
        let mut terms = inverted_index.terms().stream()?;
        while terms.advance() {
            let Ok(value) = std::str::from_utf8(terms.key()) else {
                continue;
            };
            let counts: &mut Counts = table
                .entry(vec![GroupValue::Text(value.to_string())])
                .or_default();
            counts.all += u64::from(terms.value().doc_freq);
        }
    }
    Ok(Some(table))
}
