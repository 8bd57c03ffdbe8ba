//! Turns the user's query string and `--filter` arguments into one tantivy query: the
//! query parser's syntax over the schema's search fields, with bare ISO days accepted in
//! date ranges, ANDed with one exact (or range) query per filter.

use crate::error::SearchError;
use crate::index::LetterIndex;
use crate::ingest::document::day_to_datetime;
use crate::letter::dates::parse_date;
use crate::schema::{FieldType, SchemaField, TextScope};
use crate::search::letter_join::join_letter_fields;
use regex::Regex;
use std::ops::Bound;
use std::sync::LazyLock;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, QueryParserError,
    RangeQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

static BARE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4}-\d{2}-\d{2})(T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?")
        .expect("day regex is valid")
});

/// The query for a search: the parsed query string (all documents when there is none)
/// ANDed with every filter.
pub fn build_query(
    index: &LetterIndex,
    searcher: &Searcher,
    text_query: Option<&dyn Query>,
    filters: &[String],
) -> Result<Box<dyn Query>, SearchError> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if let Some(text_query) = text_query {
        let joined = join_letter_fields(text_query.box_clone(), index.schema(), searcher)?;
        clauses.push((Occur::Must, joined));
    }
    for filter in filters {
        // A filter narrows the hits without changing their order.
        let filter = ConstScoreQuery::new(filter_query(index, searcher, filter)?, 0.0);
        clauses.push((Occur::Must, Box::new(filter)));
    }
    Ok(match clauses.len() {
        0 => Box::new(AllQuery),
        1 => clauses.pop().map(|(_, query)| query).expect("one clause"),
        _ => Box::new(BooleanQuery::new(clauses)),
    })
}

/// Parses the query string with tantivy's syntax; all terms must match unless OR says
/// otherwise. A term that names no field searches the decision's own text (its item and
/// rationale) or, with [`TextScope::Letter`], its letter's summary and diagnoses too.
pub fn parse_query_string(
    index: &LetterIndex,
    query: &str,
    scope: TextScope,
) -> Result<Box<dyn Query>, SearchError> {
    let schema = index.schema();
    let default_fields = schema
        .fields()
        .filter(|field| {
            field.definition.search
                && (scope == TextScope::Letter || field.definition.scope == TextScope::Decision)
        })
        .map(|field| field.field)
        .collect();
    let mut parser = QueryParser::for_index(index.tantivy(), default_fields);
    parser.set_conjunction_by_default();
    let date_fields: Vec<&str> = schema
        .fields()
        .filter(|field| field.definition.field_type == FieldType::Date)
        .map(|field| field.definition.name.as_str())
        .collect();
    check_shape(query).map_err(SearchError::Query)?;
    let query = with_full_timestamps(query, &date_fields);
    // tantivy's parser recurses per level of nesting; a stack of its own keeps any depth
    // the shape check misses an error, not an abort.
    let parsed = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(PARSER_STACK_BYTES)
            .spawn_scoped(scope, || parser.parse_query(&query))
            .map(|thread| thread.join())
    });
    match parsed {
        Ok(Ok(result)) => {
            result.map_err(|error| SearchError::Query(describe_query_error(index, error)))
        }
        Ok(Err(_)) => Err(SearchError::Query(
            "the query could not be parsed; simplify it".to_string(),
        )),
        Err(error) => Err(SearchError::Query(format!(
            "cannot start the query parser: {error}"
        ))),
    }
}

/// The longest query string accepted, in bytes: far more than anyone types, and short
/// enough that parsing and expanding it stays quick.
pub const MAX_QUERY_BYTES: usize = 16 * 1024;

/// The deepest nesting of parentheses accepted: tantivy's parser recurses per level.
pub const MAX_QUERY_DEPTH: usize = 32;

/// The stack the query parser runs on: far more than [`MAX_QUERY_DEPTH`] levels need.
const PARSER_STACK_BYTES: usize = 64 * 1024 * 1024;

/// Refuses a query too long or too deeply nested to parse safely.
fn check_shape(query: &str) -> Result<(), String> {
    if query.len() > MAX_QUERY_BYTES {
        return Err(format!(
            "the query is {} bytes long; at most {MAX_QUERY_BYTES} are accepted",
            query.len()
        ));
    }
    let negations = query
        .split_whitespace()
        .filter(|word| *word == "NOT")
        .count();
    if negations > MAX_QUERY_DEPTH {
        return Err(format!(
            "the query has {negations} NOTs; at most {MAX_QUERY_DEPTH} are accepted"
        ));
    }
    let mut depth = 0usize;
    let mut in_phrase = false;
    let mut escaped = false;
    for c in query.chars() {
        if std::mem::take(&mut escaped) {
            continue;
        }
        match c {
            '\\' => escaped = true,
            '"' => in_phrase = !in_phrase,
            '(' if !in_phrase => {
                depth += 1;
                if depth > MAX_QUERY_DEPTH {
                    return Err(format!(
                        "parentheses nest deeper than {MAX_QUERY_DEPTH} levels; flatten the query"
                    ));
                }
            }
            ')' if !in_phrase => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn describe_query_error(index: &LetterIndex, error: QueryParserError) -> String {
    match error {
        QueryParserError::FieldDoesNotExist(name) => {
            let known: Vec<&str> = index
                .schema()
                .fields()
                .filter(|field| field.definition.field_type != FieldType::Stored)
                .map(|field| field.definition.name.as_str())
                .collect();
            format!("unknown field '{name}'; fields: {}", known.join(", "))
        }
        QueryParserError::SyntaxError(detail) => {
            format!(
                "syntax error ({detail}); quote phrases, and close every bracket and parenthesis"
            )
        }
        QueryParserError::DateFormatError(_) => {
            "dates are written YYYY-MM-DD, e.g. date_of_injury:[2013-01-01 TO 2013-12-31]"
                .to_string()
        }
        QueryParserError::ExpectedInt(_) => {
            "a number field takes a whole number, e.g. age:>=40 or age:[40 TO 49]".to_string()
        }
        other => other.to_string(),
    }
}

/// tantivy's parser wants RFC 3339 timestamps in date fields; users write days. Each bare
/// `YYYY-MM-DD` after `date_field:` (in a range or alone) becomes midnight UTC.
fn with_full_timestamps(query: &str, date_fields: &[&str]) -> String {
    if date_fields.is_empty() {
        return query.to_string();
    }
    let field_prefix = Regex::new(&format!(r"\b(?:{})\s*:\s*", date_fields.join("|")))
        .expect("date field names are plain words");
    let mut rewritten = String::with_capacity(query.len() + 32);
    let mut copied_up_to = 0;
    for prefix in field_prefix.find_iter(query) {
        if prefix.start() < copied_up_to {
            continue;
        }
        let value_start = prefix.end();
        let rest = &query[value_start..];
        let value_length = match rest.chars().next() {
            Some('[' | '{') => rest.find([']', '}']).map_or(rest.len(), |end| end + 1),
            _ => rest
                .find(|c: char| c.is_whitespace() || c == ')')
                .unwrap_or(rest.len()),
        };
        let value_end = value_start + value_length;
        rewritten.push_str(&query[copied_up_to..value_start]);
        rewritten.push_str(&BARE_DAY.replace_all(
            &query[value_start..value_end],
            |caps: &regex::Captures| match caps.get(2) {
                Some(_) => caps[0].to_string(),
                None => format!("{}T00:00:00Z", &caps[1]),
            },
        ));
        copied_up_to = value_end;
    }
    rewritten.push_str(&query[copied_up_to..]);
    rewritten
}

/// `FIELD=VALUE` (exact) or `FIELD=LOW..HIGH` (inclusive; either end may be left open)
/// on a keyword, integer, date or bool field.
fn filter_query(
    index: &LetterIndex,
    searcher: &Searcher,
    argument: &str,
) -> Result<Box<dyn Query>, SearchError> {
    let problem = |problem: String| SearchError::Filter {
        argument: argument.to_string(),
        problem,
    };
    let (name, value) = argument
        .split_once('=')
        .ok_or_else(|| problem("write it as FIELD=VALUE, e.g. decision=upheld".to_string()))?;
    let field = index
        .schema()
        .field_where(name.trim(), "--filter", |field| field.is_filterable())?;
    let value = value.trim();
    // A keyword value may hold "..", as a path does ("../letters/a.txt"): only numbers
    // and dates have ranges.
    let ranged = matches!(
        field.definition.field_type,
        FieldType::Integer | FieldType::Date
    );
    if let Some((low, high)) = value.split_once("..").filter(|_| ranged) {
        let bound = |text: &str| -> Result<Bound<Term>, SearchError> {
            if text.trim().is_empty() {
                Ok(Bound::Unbounded)
            } else {
                term_for(field, text.trim())
                    .map(Bound::Included)
                    .map_err(problem)
            }
        };
        return Ok(Box::new(RangeQuery::new(bound(low)?, bound(high)?)));
    }
    let term = match field.definition.field_type {
        FieldType::Keyword => keyword_term(searcher, field, value)?,
        _ => term_for(field, value).map_err(problem)?,
    };
    Ok(Box::new(TermQuery::new(term, IndexRecordOption::Basic)))
}

fn term_for(field: SchemaField<'_>, value: &str) -> Result<Term, String> {
    let name = &field.definition.name;
    match field.definition.field_type {
        FieldType::Integer => value
            .parse::<u64>()
            .map(|number| Term::from_field_u64(field.field, number))
            .map_err(|_| format!("'{name}' takes a whole number, not '{value}'")),
        FieldType::Date => parse_date(value, 2000)
            .filter(|_| value.len() == 10)
            .map(|day| Term::from_field_date(field.field, day_to_datetime(day)))
            .ok_or_else(|| format!("'{name}' takes a day written YYYY-MM-DD, not '{value}'")),
        FieldType::Bool => match value.to_ascii_lowercase().as_str() {
            "true" | "yes" => Ok(Term::from_field_bool(field.field, true)),
            "false" | "no" => Ok(Term::from_field_bool(field.field, false)),
            _ => Err(format!("'{name}' takes true or false, not '{value}'")),
        },
        _ => Ok(Term::from_field_text(field.field, value)),
    }
}

/// The term of a keyword filter. Values are matched exactly, else without regard to case
/// ("Family practice" finds "Family Practice"), so users need not know how a value is
/// capitalised.
fn keyword_term(searcher: &Searcher, field: SchemaField<'_>, value: &str) -> tantivy::Result<Term> {
    let exact = Term::from_field_text(field.field, value);
    if searcher.doc_freq(&exact)? > 0 {
        return Ok(exact);
    }
    for segment in searcher.segment_readers() {
        let inverted_index = segment.inverted_index(field.field)?;
        let mut terms = inverted_index.terms().stream()?;
        while terms.advance() {
            if let Ok(candidate) = std::str::from_utf8(terms.key()) {
                if candidate.eq_ignore_ascii_case(value) {
                    return Ok(Term::from_field_text(field.field, candidate));
                }
            }
        }
    }
    Ok(exact)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_days_in_date_fields_become_timestamps() {
        let fields = ["date_of_injury", "decision_date"];
        let rows = [
            (
                "date_of_injury:[2013-01-01 TO 2013-12-31]",
                "date_of_injury:[2013-01-01T00:00:00Z TO 2013-12-31T00:00:00Z]",
            ),
            (
                "epidural AND decision_date:>=2014-06-01",
                "epidural AND decision_date:>=2014-06-01T00:00:00Z",
            ),
            (
                "decision_date:2014-09-04T00:00:00Z",
                "decision_date:2014-09-04T00:00:00Z",
            ),
            ("rationale:2014-09-04 knee", "rationale:2014-09-04 knee"),
            (
                "(decision_date:2014-09-04) OR x",
                "(decision_date:2014-09-04T00:00:00Z) OR x",
            ),
        ];
        for (query, expected) in rows {
            assert_eq!(with_full_timestamps(query, &fields), expected, "{query}");
        }
    }

    #[test]
    fn queries_too_long_or_too_deep_are_refused_before_parsing() {
        let nested = |depth: usize| format!("{}a{}", "(".repeat(depth), ")".repeat(depth));
        assert!(check_shape(&nested(MAX_QUERY_DEPTH)).is_ok());
        assert!(check_shape(&nested(MAX_QUERY_DEPTH + 1)).is_err());
        assert!(
            check_shape(&format!("\"{}\"", "(".repeat(100))).is_ok(),
            "inside a phrase"
        );
        assert!(check_shape(&"a ".repeat(MAX_QUERY_BYTES)).is_err());
        assert!(check_shape("cervical AND (epidural OR esi)").is_ok());
        let escaped_quote = format!("a\\\" {}x{}", "(".repeat(100), ")".repeat(100));
        assert!(
            check_shape(&escaped_quote).is_err(),
            "an escaped quote opens no phrase"
        );
        assert!(check_shape(&"NOT ".repeat(1000)).is_err());
    }
}
