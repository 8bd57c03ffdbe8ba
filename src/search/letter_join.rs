//! The join from a letter's own fields to its decisions. A letter's summary and diagnoses
//! are indexed once, on its first document, and every document of a letter carries the
//! letter's number (the `letter` fast field). A query part on such a field is run first,
//! its letters' numbers gathered, and it is replaced by "the documents of these letters",
//! so `summary:epidural item:mri` finds the MRIs of letters whose summary says epidural.

use crate::error::SearchError;
use crate::ingest::document::LETTER_FIELD;
use crate::schema::{FieldType, IndexSchema};
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{
    BitSetDocSet, BooleanQuery, ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::schema::Field;
use tantivy::{BitSet, DocId, DocSet, Score, Searcher, SegmentReader, TERMINATED};

/// `query` with every part that searches a once-per-letter field replaced by the
/// documents of the letters that part matches. Parts that search only decision fields are
/// left as they are.
pub fn join_letter_fields(
    query: Box<dyn Query>,
    schema: &IndexSchema,
    searcher: &Searcher,
) -> Result<Box<dyn Query>, SearchError> {
    let letter_fields: Vec<Field> = schema
        .fields()
        .filter(|field| {
            field.definition.once_per_letter && field.definition.field_type != FieldType::Stored
        })
        .map(|field| field.field)
        .collect();
    if letter_fields.is_empty() || !touches(&*query, &letter_fields) {
        return Ok(query);
    }
    join(query, &letter_fields, searcher)
}

fn join(
    query: Box<dyn Query>,
    letter_fields: &[Field],
    searcher: &Searcher,
) -> Result<Box<dyn Query>, SearchError> {
    if !touches(&*query, letter_fields) {
        return Ok(query);
    }
    if let Some(boolean) = query.downcast_ref::<BooleanQuery>() {
        let clauses = boolean
            .clauses()
            .iter()
            .map(|(occur, clause)| Ok((*occur, join(clause.box_clone(), letter_fields, searcher)?)))
            .collect::<Result<Vec<_>, SearchError>>()?;
        let mut joined = BooleanQuery::new(clauses);
        joined.set_minimum_number_should_match(boolean.get_minimum_number_should_match());
        return Ok(Box::new(joined));
    }
    // A leaf (a term, a phrase, a boosted group): its letters, then their documents.
    let letters = searcher
        .search(&*query, &LetterNumbers)
        .map_err(SearchError::Tantivy)?;
    Ok(Box::new(LettersQuery {
        letters: Arc::new(letters),
        terms_of: query,
    }))
}

/// Whether any term of `query` is in one of `fields`.
fn touches(query: &dyn Query, fields: &[Field]) -> bool {
    let mut found = false;
    query.query_terms(&mut |term, _| found |= fields.contains(&term.field()));
    found
}

/// Collects the numbers of the letters whose documents match.
struct LetterNumbers;

/// Letter numbers, for a set of them.
type Letters = BitSet;

struct SegmentLetterNumbers {
    column: Option<Column<u64>>,
    numbers: Vec<u64>,
}

impl Collector for LetterNumbers {
    type Fruit = Letters;
    type Child = SegmentLetterNumbers;

    fn for_segment(&self, _: u32, segment: &SegmentReader) -> tantivy::Result<Self::Child> {
        Ok(SegmentLetterNumbers {
            column: segment.fast_fields().u64(LETTER_FIELD).ok(),
            numbers: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Vec<u64>>) -> tantivy::Result<Letters> {
        let largest = segments.iter().flatten().copied().max().unwrap_or(0);
        let largest = u32::try_from(largest).map_err(|_| {
            tantivy::TantivyError::InvalidArgument(format!(
                "letter number {largest} is beyond what a search can join; rebuild with 'imr index --full'"
            ))
        })?;
        let mut letters = BitSet::with_max_value(largest + 1);
        for number in segments.into_iter().flatten() {
            // Every number fits: it is at most `largest`.
            letters.insert(number as u32);
        }
        Ok(letters)
    }
}

impl SegmentCollector for SegmentLetterNumbers {
    type Fruit = Vec<u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(number) = self.column.as_ref().and_then(|column| column.first(doc)) {
            self.numbers.push(number);
        }
    }

    fn harvest(self) -> Vec<u64> {
        self.numbers
    }
}

/// The documents of a set of letters. Keeps the query it stands for, so snippets still
/// find the words that matched.
struct LettersQuery {
    letters: Arc<Letters>,
    terms_of: Box<dyn Query>,
}

impl Clone for LettersQuery {
    fn clone(&self) -> LettersQuery {
        LettersQuery {
            letters: Arc::clone(&self.letters),
            terms_of: self.terms_of.box_clone(),
        }
    }
}

impl std::fmt::Debug for LettersQuery {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            formatter,
            "LettersQuery({} letters of {:?})",
            self.letters.len(),
            self.terms_of
        )
    }
}

impl Query for LettersQuery {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(LettersWeight {
            letters: Arc::clone(&self.letters),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a tantivy::Term, bool)) {
        self.terms_of.query_terms(visitor);
    }
}

struct LettersWeight {
    letters: Arc<Letters>,
}

impl LettersWeight {
    fn documents(&self, segment: &SegmentReader) -> tantivy::Result<BitSet> {
        let mut documents = BitSet::with_max_value(segment.max_doc());
        let Ok(column) = segment.fast_fields().u64(LETTER_FIELD) else {
            return Ok(documents);
        };
        let largest = self.letters.max_value();
        for doc in 0..segment.max_doc() {
            let of_the_letters = column
                .first(doc)
                .and_then(|number| u32::try_from(number).ok())
                .is_some_and(|number| number < largest && self.letters.contains(number));
            if of_the_letters {
                documents.insert(doc);
            }
        }
        Ok(documents)
    }
}

impl Weight for LettersWeight {
    fn scorer(&self, segment: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let documents = BitSetDocSet::from(self.documents(segment)?);
        Ok(Box::new(ConstScorer::new(documents, boost)))
    }

    fn explain(&self, segment: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(segment, 1.0)?;
        if scorer.seek(doc) == doc && doc != TERMINATED {
            Ok(Explanation::new("a document of a matching letter", 1.0))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} is not of a matching letter"
            )))
        }
    }
}
