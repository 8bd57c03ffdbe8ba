//! Searching the index: one request (query string, filters, facets, page) in, the total
//! number of matching decisions, one page of hits and the facet counts out.

pub mod facets;
pub mod hits;
pub mod query;

use crate::error::SearchError;
use crate::index::LetterIndex;
use crate::schema::TextScope;
pub use facets::FacetCounts;
pub use hits::{Hit, Snippet};
use tantivy::collector::{Count, TopDocs};

/// What to search for.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// tantivy query syntax; `None` matches every decision.
    pub query: Option<String>,
    /// `FIELD=VALUE` or `FIELD=LOW..HIGH`, all of which must hold.
    pub filters: Vec<String>,
    /// Fields to count values of over the matching decisions.
    pub facets: Vec<String>,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip first.
    pub offset: usize,
    /// Where a word that names no field looks: the decision's own text, or its letter's too.
    pub scope: TextScope,
}

/// The outcome of a search.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// Decisions that match.
    pub total_hits: usize,
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
    /// Counts per requested facet field, in request order.
    pub facets: Vec<FacetCounts>,
}

/// Runs a search.
pub fn search(index: &LetterIndex, request: &SearchRequest) -> Result<SearchResults, SearchError> {
    let schema = index.schema();
    let facet_fields = request
        .facets
        .iter()
        .map(|name| schema.field_where(name, "--facet", |field| field.facet))
        .collect::<Result<Vec<_>, _>>()?;
    let searcher = index.searcher().map_err(SearchError::Tantivy)?;
    let text_query = match request.query.as_deref().filter(|q| !q.trim().is_empty()) {
        Some(text) => Some(query::parse_query_string(index, text, request.scope)?),
        None => None,
    };
    let query = query::build_query(index, &searcher, text_query.as_deref(), &request.filters)?;
    let top_docs = TopDocs::with_limit(request.limit.max(1))
        .and_offset(request.offset)
        .order_by_score();
    let (top, total_hits) = searcher.search(&*query, &(top_docs, Count))?;
    let builder = hits::HitBuilder::new(schema, &searcher, text_query.as_deref())?;
    let hits = top
        .into_iter()
        .take(request.limit)
        .map(|(score, address)| builder.build(score, address))
        .collect::<Result<Vec<_>, _>>()?;
    // Facets are counted in a pass of their own: without scores, tantivy hands the
    // collector whole blocks of matching documents, which it reads column by column.
    let facets = if facet_fields.is_empty() {
        Vec::new()
    } else {
        let collected = searcher.search(&*query, &facets::FacetCollector::new(&facet_fields)?)?;
        facets::facet_counts(&facet_fields, collected)
    };
    Ok(SearchResults {
        total_hits,
        hits,
        facets,
    })
}
