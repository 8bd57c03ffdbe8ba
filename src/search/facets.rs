//! Facet counts: for each `--facet` grouping, how many matching decisions (or letters)
//! carry each value: most frequent first, or in order of value for bands and periods.
//! The counting itself is the tally's.

use super::grouping::{GroupValue, Grouping};
use super::tally::Table;
use serde::Serialize;

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
