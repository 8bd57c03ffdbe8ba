//! Facet counts: for each requested field, how many matching decisions carry each value,
//! most frequent first. A tantivy collector reads the fields' fast columns while the
//! search runs: keyword values are counted by term ordinal in a plain array and turned
//! into text once per segment, so counting costs a few array increments per decision.

use crate::error::SearchError;
use crate::schema::{FieldType, SchemaField};
use serde::Serialize;
use std::collections::HashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Cardinality, Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// The counts of one facet field.
#[derive(Debug, Clone, Serialize)]
pub struct FacetCounts {
    /// The field.
    pub field: String,
    /// Each value with its number of matching decisions, most frequent first.
    pub counts: Vec<(String, u64)>,
}

/// How a facet field's values are stored in its fast column.
#[derive(Debug, Clone, Copy)]
enum ColumnKind {
    Keyword,
    Integer,
    Bool,
}

/// Counts the values of some fields over the documents a search matches.
pub struct FacetCollector {
    fields: Vec<(String, ColumnKind)>,
}

impl FacetCollector {
    /// A collector for `fields`, which must be keyword, integer or bool fields with fast
    /// columns (the schema's facet fields).
    pub fn new(fields: &[SchemaField<'_>]) -> Result<FacetCollector, SearchError> {
        let fields = fields
            .iter()
            .map(|field| {
                let kind = match field.definition.field_type {
                    FieldType::Keyword => ColumnKind::Keyword,
                    FieldType::Integer => ColumnKind::Integer,
                    FieldType::Bool => ColumnKind::Bool,
                    other => {
                        return Err(SearchError::Query(format!(
                            "--facet {}: {other:?} fields have no facet counts",
                            field.definition.name
                        )))
                    }
                };
                Ok((field.definition.name.clone(), kind))
            })
            .collect::<Result<_, _>>()?;
        Ok(FacetCollector { fields })
    }
}

/// The counts a [`FacetCollector`] for `fields` collected, field by field in the same
/// order, most frequent value first.
pub fn facet_counts(
    fields: &[SchemaField<'_>],
    collected: Vec<HashMap<String, u64>>,
) -> Vec<FacetCounts> {
    fields
        .iter()
        .zip(collected)
        .map(|(field, counts)| {
            let mut counts: Vec<(String, u64)> = counts.into_iter().collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            FacetCounts {
                field: field.definition.name.clone(),
                counts,
            }
        })
        .collect()
}

/// One field's column in one segment, with its counts so far. A segment without the
/// column (no document in it has the field) counts nothing.
enum SegmentColumn {
    Keyword {
        column: StrColumn,
        counts: Vec<u64>,
    },
    Integer {
        column: Column<u64>,
        counts: HashMap<u64, u64>,
    },
    Bool {
        column: Column<bool>,
        counts: [u64; 2],
    },
    Absent,
}

impl SegmentColumn {
    fn open(reader: &SegmentReader, name: &str, kind: ColumnKind) -> tantivy::Result<Self> {
        let fast_fields = reader.fast_fields();
        Ok(match kind {
            ColumnKind::Keyword => match fast_fields.str(name)? {
                Some(column) => SegmentColumn::Keyword {
                    counts: vec![0; column.num_terms()],
                    column,
                },
                None => SegmentColumn::Absent,
            },
            ColumnKind::Integer => match fast_fields.column_opt::<u64>(name)? {
                Some(column) => SegmentColumn::Integer {
                    column,
                    counts: HashMap::new(),
                },
                None => SegmentColumn::Absent,
            },
            ColumnKind::Bool => match fast_fields.column_opt::<bool>(name)? {
                Some(column) => SegmentColumn::Bool {
                    column,
                    counts: [0; 2],
                },
                None => SegmentColumn::Absent,
            },
        })
    }

    /// Counts a block of documents. A column with at most one value per document is read
    /// for the whole block at once; others document by document.
    fn count_block(&mut self, docs: &[DocId], values: &mut Vec<Option<u64>>) {
        let single_valued =
            |column: &Column<u64>| !matches!(column.get_cardinality(), Cardinality::Multivalued);
        match self {
            SegmentColumn::Keyword { column, counts } if single_valued(column.ords()) => {
                values.clear();
                values.resize(docs.len(), None);
                column.ords().first_vals(docs, values);
                for ord in values.iter().flatten() {
                    if let Some(count) = usize::try_from(*ord).ok().and_then(|o| counts.get_mut(o))
                    {
                        *count += 1;
                    }
                }
            }
            _ => {
                for &doc in docs {
                    self.count(doc);
                }
            }
        }
    }

    fn count(&mut self, doc: DocId) {
        match self {
            SegmentColumn::Keyword { column, counts } => {
                for ord in column.term_ords(doc) {
                    if let Some(count) = usize::try_from(ord).ok().and_then(|o| counts.get_mut(o)) {
                        *count += 1;
                    }
                }
            }
            SegmentColumn::Integer { column, counts } => {
                for value in column.values_for_doc(doc) {
                    *counts.entry(value).or_default() += 1;
                }
            }
            SegmentColumn::Bool { column, counts } => {
                for value in column.values_for_doc(doc) {
                    counts[usize::from(value)] += 1;
                }
            }
            SegmentColumn::Absent => {}
        }
    }

    /// The counts by value label.
    fn labelled_counts(self) -> tantivy::Result<HashMap<String, u64>> {
        Ok(match self {
            SegmentColumn::Keyword { column, counts } => {
                let mut labelled = HashMap::new();
                let mut label = String::new();
                for (ord, count) in counts.into_iter().enumerate() {
                    label.clear();
                    if count > 0 && column.ord_to_str(ord as u64, &mut label)? {
                        labelled.insert(label.clone(), count);
                    }
                }
                labelled
            }
            SegmentColumn::Integer { counts, .. } => counts
                .into_iter()
                .map(|(value, count)| (value.to_string(), count))
                .collect(),
            SegmentColumn::Bool { counts, .. } => [("false", counts[0]), ("true", counts[1])]
                .into_iter()
                .filter(|&(_, count)| count > 0)
                .map(|(label, count)| (label.to_string(), count))
                .collect(),
            SegmentColumn::Absent => HashMap::new(),
        })
    }
}

/// The facet counting of one segment.
pub struct SegmentFacetCollector {
    columns: Vec<SegmentColumn>,
    /// Room for the values of a block of documents.
    block_values: Vec<Option<u64>>,
}

impl Collector for FacetCollector {
    type Fruit = Vec<HashMap<String, u64>>;
    type Child = SegmentFacetCollector;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCollector> {
        let columns = self
            .fields
            .iter()
            .map(|(name, kind)| SegmentColumn::open(reader, name, *kind))
            .collect::<tantivy::Result<_>>()?;
        Ok(SegmentFacetCollector {
            columns,
            block_values: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        segments: Vec<tantivy::Result<Vec<HashMap<String, u64>>>>,
    ) -> tantivy::Result<Vec<HashMap<String, u64>>> {
        let mut merged = vec![HashMap::new(); self.fields.len()];
        for segment in segments {
            for (total, counts) in merged.iter_mut().zip(segment?) {
                for (label, count) in counts {
                    *total.entry(label).or_default() += count;
                }
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentFacetCollector {
    type Fruit = tantivy::Result<Vec<HashMap<String, u64>>>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for column in &mut self.columns {
            column.count(doc);
        }
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        for column in &mut self.columns {
            column.count_block(docs, &mut self.block_values);
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.columns
            .into_iter()
            .map(SegmentColumn::labelled_counts)
            .collect()
    }
}
