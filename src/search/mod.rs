//! Searching the index: one request (query string, filters, facets, order, page) in, the
//! number of matching decisions (and letters), one page of hits and the facet counts out.

pub mod facets;
pub mod grouping;
pub mod hits;
pub mod letter_join;
pub mod query;
pub mod tally;

use crate::error::SearchError;
use crate::index::LetterIndex;
use crate::schema::{FieldType, IndexSchema, TextScope};
pub use facets::FacetCounts;
pub use grouping::{GroupValue, Grouping};
pub use hits::{Hit, Snippet};
pub use tally::{CountMode, Counts};
use tally::{Table, TallyCollector};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, Query};
use tantivy::{DateTime, DocAddress, Order, Searcher};

/// What to search for.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// tantivy query syntax; `None` matches every decision.
    pub query: Option<String>,
    /// `FIELD=VALUE` or `FIELD=LOW..HIGH`, all of which must hold.
    pub filters: Vec<String>,
    /// Groupings to count matching decisions by: `FIELD`, `FIELD:WIDTH`, `FIELD:PERIOD`.
    pub facets: Vec<String>,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip first.
    pub offset: usize,
    /// Where a word that names no field looks: the decision's own text, or its letter's too.
    pub scope: TextScope,
    /// What the total and the facet counts count.
    pub count: CountMode,
    /// Order hits by a date or integer field (`FIELD`, or `-FIELD` for the highest
    /// first) instead of by relevance.
    pub sort: Option<String>,
}

/// The outcome of a search.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// Decisions that match.
    pub total_hits: usize,
    /// Letters with a matching decision, when the request counts letters.
    pub total_letters: Option<u64>,
    /// What the facet counts count.
    pub count: CountMode,
    /// The requested page of hits, best (or first in the sort order) first.
    pub hits: Vec<Hit>,
    /// Counts per requested facet, in request order.
    pub facets: Vec<FacetCounts>,
}

/// A parsed query: the query string's own part (for snippets) and the whole query with
/// the filters.
pub struct CompiledQuery {
    /// The query string, parsed; `None` when there is none.
    pub text: Option<Box<dyn Query>>,
    /// The query string ANDed with every filter.
    pub whole: Box<dyn Query>,
}

/// Parses a query string and filters against the index.
pub fn compile_query(
    index: &LetterIndex,
    searcher: &Searcher,
    query: Option<&str>,
    filters: &[String],
    scope: TextScope,
) -> Result<CompiledQuery, SearchError> {
    let text = match query.filter(|q| !q.trim().is_empty()) {
        Some(text) => Some(query::parse_query_string(index, text, scope)?),
        None => None,
    };
    let whole = query::build_query(index, searcher, text.as_deref(), filters)?;
    Ok(CompiledQuery { text, whole })
}

/// Runs a search.
pub fn search(index: &LetterIndex, request: &SearchRequest) -> Result<SearchResults, SearchError> {
    let schema = index.schema();
    let groupings = request
        .facets
        .iter()
        .map(|spec| Grouping::parse(schema, spec, "--facet"))
        .collect::<Result<Vec<_>, _>>()?;
    let sort = request
        .sort
        .as_deref()
        .map(|spec| SortKey::parse(schema, spec))
        .transpose()?;
    let searcher = index.searcher().map_err(SearchError::Tantivy)?;
    let query = compile_query(
        index,
        &searcher,
        request.query.as_deref(),
        &request.filters,
        request.scope,
    )?;
    let (page, total_hits) = top_hits(&searcher, &*query.whole, request, sort.as_ref())?;
    let builder = hits::HitBuilder::new(schema, &searcher, query.text.as_deref())?;
    let hits = page
        .into_iter()
        .take(request.limit)
        .map(|(score, address)| builder.build(score, address))
        .collect::<Result<Vec<_>, _>>()?;
    // Counts are taken in a pass of their own: without scores, tantivy hands the
    // collector whole blocks of matching documents.
    let mut tables: Vec<Vec<Grouping>> = groupings.iter().map(|g| vec![g.clone()]).collect();
    if request.count == CountMode::Letters {
        tables.push(Vec::new());
    }
    let everything = query.whole.is::<AllQuery>() && request.count == CountMode::Decisions;
    let from_terms = if everything {
        groupings
            .iter()
            .map(|grouping| facets::counts_of_everything(&searcher, schema, grouping))
            .collect::<tantivy::Result<Option<Vec<Table>>>>()?
    } else {
        None
    };
    let mut counted = match from_terms {
        _ if tables.is_empty() => Vec::new(),
        Some(from_terms) => from_terms,
        None => searcher.search(
            &*query.whole,
            &TallyCollector::counts(tables, request.count),
        )?,
    };
    let total_letters = match request.count {
        CountMode::Letters => counted
            .pop()
            .map(|total| total.values().map(|counts| counts.all).sum()),
        CountMode::Decisions => None,
    };
    let facets = groupings
        .iter()
        .zip(counted)
        .map(|(grouping, table)| facets::facet_counts(grouping, table))
        .collect();
    Ok(SearchResults {
        total_hits,
        total_letters,
        count: request.count,
        hits,
        facets,
    })
}

/// A hit's address, with its relevance score when hits are ranked by relevance.
type RankedHit = (Option<f32>, DocAddress);

/// One page of hits, with their scores when ranked by relevance, and the number of
/// matching decisions.
fn top_hits(
    searcher: &Searcher,
    query: &dyn Query,
    request: &SearchRequest,
    sort: Option<&SortKey>,
) -> Result<(Vec<RankedHit>, usize), SearchError> {
    let top_docs = TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset);
    Ok(match sort {
        None if query.is::<AllQuery>() => first_documents(searcher, request),
        None => {
            let (page, total) = searcher.search(query, &(top_docs.order_by_score(), Count))?;
            let page = page
                .into_iter()
                .map(|(score, address)| (Some(score), address))
                .collect();
            (page, total)
        }
        Some(key) if key.field_type == FieldType::Date => {
            let collector = top_docs.order_by_fast_field::<DateTime>(&key.field, key.order);
            let (page, total) = searcher.search(query, &(collector, Count))?;
            (page.into_iter().map(|(_, a)| (None, a)).collect(), total)
        }
        Some(key) => {
            let collector = top_docs.order_by_fast_field::<u64>(&key.field, key.order);
            let (page, total) = searcher.search(query, &(collector, Count))?;
            (page.into_iter().map(|(_, a)| (None, a)).collect(), total)
        }
    })
}

/// The page of a search that matches everything, ranked by relevance: every document
/// scores the same, so the page is the documents in index order (as a scored search ranks
/// ties), and the total is the number of documents. Read without visiting the others.
fn first_documents(searcher: &Searcher, request: &SearchRequest) -> (Vec<RankedHit>, usize) {
    let wanted = request.offset + request.limit.max(1);
    let mut page = Vec::with_capacity(wanted.min(1_000));
    for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
        if page.len() >= wanted {
            break;
        }
        let alive = (0..segment.max_doc()).filter(|&doc| !segment.is_deleted(doc));
        for doc in alive.take(wanted - page.len()) {
            page.push((Some(1.0), DocAddress::new(ordinal as u32, doc)));
        }
    }
    let page = page.into_iter().skip(request.offset).collect();
    (page, searcher.num_docs() as usize)
}

/// `--sort FIELD` (lowest first) or `--sort -FIELD` (highest first). Decisions without a
/// value come last either way.
struct SortKey {
    field: String,
    field_type: FieldType,
    order: Order,
}

impl SortKey {
    fn parse(schema: &IndexSchema, spec: &str) -> Result<SortKey, SearchError> {
        let (name, order) = match spec.strip_prefix('-') {
            Some(name) => (name, Order::Desc),
            None => (spec.strip_prefix('+').unwrap_or(spec), Order::Asc),
        };
        let field = schema.field_where(name.trim(), "--sort", |field| {
            field.fast && matches!(field.field_type, FieldType::Date | FieldType::Integer)
        })?;
        Ok(SortKey {
            field: field.definition.name.clone(),
            field_type: field.definition.field_type,
            order,
        })
    }
}
