//! How requests like one about to be filed have ended: the past decisions most similar to a
//! treatment's text, their overturn rate with its interval, the guidelines the reviewers
//! relied on for each outcome, and the closest cases with what their reviewers said.
//!
//! Similar means: of the category the parser gives the text (as if it were a disputed
//! item), with an item holding at least two thirds of the text's words after stemming.
//! Numbers (doses, counts, levels written as digits) are not words here: "Norco 10/325 #90"
//! is about Norco, whatever the dose. The closest cases are the best by BM25 over the item.

use super::{tabulate, Outcome};
use crate::error::SearchError;
use crate::index::LetterIndex;
use crate::letter::normalize::categories::category_of;
use crate::letter::{Category, Vocabulary};
use crate::search::hits::HitBuilder;
use crate::search::query::build_query;
use crate::search::{CountMode, GroupValue, Grouping, Hit};
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

/// The field similar items are looked for in.
const ITEM_FIELD: &str = "item";

/// Characters of rationale shown for a case whose rationale holds none of the words.
const OPENING_CHARS: usize = 200;

/// What to compare.
#[derive(Debug, Clone)]
pub struct OddsRequest {
    /// The treatment as it would be written in a letter.
    pub text: String,
    /// `FIELD=VALUE` or `FIELD=LOW..HIGH`, all of which must hold.
    pub filters: Vec<String>,
    /// Closest cases to return.
    pub cases: usize,
}

/// How similar past requests ended.
#[derive(Debug, Clone, Serialize)]
pub struct Odds {
    /// The text as given.
    pub query: String,
    /// The category the parser gives the text.
    pub category: String,
    /// The words compared, after stemming.
    pub words: Vec<String>,
    /// How many of them a similar item must hold.
    pub words_required: usize,
    /// Similar decisions and how they ended.
    #[serde(flatten)]
    pub outcome: OddsOutcome,
    /// The guidelines the reviewers relied on, by outcome, most cited first.
    pub guidelines: SidedGuidelines,
    /// The closest cases, closest first.
    pub cases: Vec<SimilarCase>,
}

/// The outcome counts of the similar decisions, named as in the JSON.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct OddsOutcome {
    /// Similar decisions found.
    pub matched: u64,
    /// Of them, upheld.
    pub upheld: u64,
    /// Of them, overturned.
    pub overturned: u64,
    /// overturned / matched; none when nothing matched.
    pub overturn_rate: Option<f64>,
    /// The lower end of its 95% Wilson interval.
    pub ci_low: Option<f64>,
    /// The upper end.
    pub ci_high: Option<f64>,
}

impl From<Outcome> for OddsOutcome {
    fn from(outcome: Outcome) -> OddsOutcome {
        OddsOutcome {
            matched: outcome.count,
            upheld: outcome.upheld,
            overturned: outcome.overturned,
            overturn_rate: outcome.overturn_rate.map(|rate| rate.rate),
            ci_low: outcome.overturn_rate.map(|rate| rate.low),
            ci_high: outcome.overturn_rate.map(|rate| rate.high),
        }
    }
}

/// Reviewer guidelines counted on each side of the outcome.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SidedGuidelines {
    /// Guideline family and the upheld decisions that relied on it.
    #[serde(serialize_with = "as_map")]
    pub upheld: Vec<(String, u64)>,
    /// Guideline family and the overturned decisions that relied on it.
    #[serde(serialize_with = "as_map")]
    pub overturned: Vec<(String, u64)>,
}

fn as_map<S: serde::Serializer>(pairs: &[(String, u64)], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(pairs.iter().map(|(name, count)| (name, count)))
}

/// One similar past decision.
#[derive(Debug, Clone, Serialize)]
pub struct SimilarCase {
    /// The letter file.
    pub path: String,
    /// The letter's case number, when it states one.
    pub case_number: Option<String>,
    /// The disputed item as written.
    pub item: String,
    /// Its category.
    pub category: String,
    /// upheld or overturned.
    pub decision: String,
    /// The decision date, when the letter states it.
    pub decision_date: Option<String>,
    /// Where the rationale mentions the words, or its opening.
    pub snippet: String,
}

/// Finds the decisions similar to `request.text` and how they ended.
pub fn odds(
    index: &LetterIndex,
    vocabulary: &Vocabulary,
    request: &OddsRequest,
) -> Result<Odds, SearchError> {
    let schema = index.schema();
    let item_field = schema
        .required_field(ITEM_FIELD)
        .map_err(SearchError::Field)?;
    let category = category_name(category_of(vocabulary, &request.text, None, None));
    let words = words_of(index, item_field, &request.text)?;
    let words_required = (words.len() * 2).div_ceil(3);
    let searcher = index.searcher().map_err(SearchError::Tantivy)?;
    let similar_items: Box<dyn Query> = Box::new(BooleanQuery::with_minimum_required_clauses(
        words
            .iter()
            .map(|word| {
                let term = Term::from_field_text(item_field, word);
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                (Occur::Should, query)
            })
            .collect(),
        words_required,
    ));
    let mut filters = request.filters.clone();
    filters.push(format!("category={category}"));
    let query = build_query(index, &searcher, Some(&*similar_items), &filters)?;
    let guideline = Grouping {
        field: "reviewer_guideline".to_string(),
        bucket: crate::search::grouping::Bucket::Keyword,
    };
    let table = tabulate(
        &searcher,
        &*query,
        vec![guideline],
        CountMode::Decisions,
        1,
        index,
    )?;
    let guidelines = sided_guidelines(&table.rows);
    let top = searcher.search(
        &*query,
        &TopDocs::with_limit(request.cases.max(1)).order_by_score(),
    )?;
    let builder = HitBuilder::new(schema, &searcher, Some(&*similar_items))?;
    let cases = top
        .into_iter()
        .take(request.cases)
        .map(|(score, address)| builder.build(Some(score), address).map(similar_case))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Odds {
        query: request.text.clone(),
        category,
        words,
        words_required,
        outcome: table.total.into(),
        guidelines,
        cases,
    })
}

/// The distinct words of `text` as the item field indexes them, numbers left out.
fn words_of(
    index: &LetterIndex,
    item_field: tantivy::schema::Field,
    text: &str,
) -> Result<Vec<String>, SearchError> {
    let mut analyzer = index.tantivy().tokenizer_for_field(item_field)?;
    let mut stream = analyzer.token_stream(text);
    let mut words: Vec<String> = Vec::new();
    while let Some(token) = stream.next() {
        let word = &token.text;
        if word.chars().any(|c| c.is_alphabetic()) && !words.contains(word) {
            words.push(word.clone());
        }
    }
    if words.is_empty() {
        return Err(SearchError::Query(format!(
            "'{text}' holds no words to compare; describe the treatment, e.g. \
             'lumbar epidural steroid injection'"
        )));
    }
    Ok(words)
}

fn category_name(category: Category) -> String {
    match serde_json::to_value(category) {
        Ok(serde_json::Value::String(name)) => name,
        _ => unreachable!("a category serialises to its name"),
    }
}

/// The guidelines by outcome, most cited first; decisions whose reviewer cited no known
/// family count under "(none)".
fn sided_guidelines(rows: &[super::StatsRow]) -> SidedGuidelines {
    let side = |count: fn(&Outcome) -> u64| {
        let mut pairs: Vec<(String, u64)> = rows
            .iter()
            .filter(|row| count(&row.outcome) > 0)
            .map(|row| {
                let name = row
                    .values
                    .first()
                    .map_or_else(|| GroupValue::Missing.to_string(), ToString::to_string);
                (name, count(&row.outcome))
            })
            .collect();
        pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        pairs
    };
    SidedGuidelines {
        upheld: side(|outcome| outcome.upheld),
        overturned: side(|outcome| outcome.overturned),
    }
}

fn similar_case(hit: Hit) -> SimilarCase {
    let optional = |name: &str| Some(hit.text(name)).filter(|text| !text.is_empty());
    let snippet = match &hit.snippet {
        Some(snippet) if snippet.field == "rationale" => snippet.text.clone(),
        _ => opening(&hit.text("rationale")),
    };
    SimilarCase {
        path: hit.text("path"),
        case_number: optional("case_number"),
        item: hit.text("item"),
        category: hit.text("category"),
        decision: hit.text("decision"),
        decision_date: optional("decision_date"),
        snippet,
    }
}

/// The start of a text, cut at a word boundary.
fn opening(text: &str) -> String {
    if text.chars().count() <= OPENING_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(OPENING_CHARS).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |end| &cut[..end]);
    format!("{at_word}...")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opening_ends_at_a_word() {
        let text = "word ".repeat(100);
        let cut = opening(&text);
        assert!(cut.ends_with("word..."), "{cut}");
        assert!(cut.chars().count() <= OPENING_CHARS + 3);
        assert_eq!(opening("short"), "short");
    }
}
