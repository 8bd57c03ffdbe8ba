//! Overturn rates: for the decisions a query and filters select, grouped by one or more
//! fields, how many were upheld and overturned, the overturn rate and its 95% confidence
//! interval. `imr stats` prints these tables; `imr odds` builds on them.

pub mod interval;
pub mod odds;

use crate::error::SearchError;
use crate::index::LetterIndex;
use crate::schema::TextScope;
use crate::search::tally::{Table, TallyCollector};
use crate::search::{compile_query, CountMode, Counts, GroupValue, Grouping};
use interval::{wilson, Rate, Z_95};
use tantivy::query::Query;
use tantivy::Searcher;

/// The most groupings one table is grouped by.
pub const MAX_GROUPINGS: usize = 3;

/// What to count.
#[derive(Debug, Clone, Default)]
pub struct StatsRequest {
    /// tantivy query syntax; `None` counts every decision.
    pub query: Option<String>,
    /// `FIELD=VALUE` or `FIELD=LOW..HIGH`, all of which must hold.
    pub filters: Vec<String>,
    /// Where a word that names no field looks.
    pub scope: TextScope,
    /// Groupings (`FIELD`, `FIELD:WIDTH`, `FIELD:PERIOD`); none gives the total alone.
    pub by: Vec<String>,
    /// Decisions or letters.
    pub count: CountMode,
    /// Rows with fewer decisions (or letters) are left out of `rows`.
    pub min_count: u64,
}

/// Upheld and overturned counts with the overturn rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// Decisions (or letters) counted: upheld + overturned.
    pub count: u64,
    /// Upheld: the denial stands.
    pub upheld: u64,
    /// Overturned: the treatment is to be given.
    pub overturned: u64,
    /// overturned / count with its Wilson interval; none when nothing was counted.
    pub overturn_rate: Option<Rate>,
}

impl From<Counts> for Outcome {
    fn from(counts: Counts) -> Outcome {
        Outcome {
            count: counts.all,
            upheld: counts.upheld,
            overturned: counts.overturned,
            overturn_rate: wilson(counts.overturned, counts.all, Z_95),
        }
    }
}

/// One group: its value along each grouping, and its outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct StatsRow {
    /// One value per grouping, in the order of `by`.
    pub values: Vec<GroupValue>,
    /// The group's counts.
    pub outcome: Outcome,
}

/// The answer to a [`StatsRequest`].
#[derive(Debug, Clone)]
pub struct StatsTable {
    /// The groupings, as parsed.
    pub by: Vec<Grouping>,
    /// What was counted.
    pub count: CountMode,
    /// Every counted decision (or letter) once.
    pub total: Outcome,
    /// The groups with at least `min_count`: most counted first, or in order of value
    /// when the first grouping is a period or a band.
    pub rows: Vec<StatsRow>,
    /// Groups left out for having fewer than `min_count`.
    pub hidden_rows: usize,
    /// Groupings by a multi-valued field, under which a decision counts once per value,
    /// so that their rows can add up to more than the total.
    pub multi_valued: Vec<String>,
}

/// Counts the decisions `request` selects.
pub fn stats(index: &LetterIndex, request: &StatsRequest) -> Result<StatsTable, SearchError> {
    let by = parse_groupings(index, &request.by)?;
    let searcher = index.searcher().map_err(SearchError::Tantivy)?;
    let query = compile_query(
        index,
        &searcher,
        request.query.as_deref(),
        &request.filters,
        request.scope,
    )?;
    tabulate(
        &searcher,
        &*query.whole,
        by,
        request.count,
        request.min_count,
        index,
    )
}

/// Reads `--by` arguments.
pub fn parse_groupings(
    index: &LetterIndex,
    specs: &[String],
) -> Result<Vec<Grouping>, SearchError> {
    if specs.len() > MAX_GROUPINGS {
        return Err(SearchError::Grouping {
            argument: specs.join(" "),
            flag: "--by",
            problem: format!("at most {MAX_GROUPINGS} groupings make one table"),
        });
    }
    specs
        .iter()
        .map(|spec| Grouping::parse(index.schema(), spec, "--by"))
        .collect()
}

/// Counts the decided decisions `query` matches by `by`, with the total.
pub fn tabulate(
    searcher: &Searcher,
    query: &dyn Query,
    by: Vec<Grouping>,
    count: CountMode,
    min_count: u64,
    index: &LetterIndex,
) -> Result<StatsTable, SearchError> {
    let collector = TallyCollector::outcomes(vec![by.clone(), Vec::new()], count);
    let mut tables = searcher.search(query, &collector)?.into_iter();
    let groups = tables.next().unwrap_or_default();
    let total = total_of(tables.next().unwrap_or_default());
    let (mut rows, hidden): (Vec<StatsRow>, Vec<StatsRow>) = groups
        .into_iter()
        .map(|(values, counts)| StatsRow {
            values,
            outcome: Outcome::from(counts),
        })
        .partition(|row| row.outcome.count >= min_count);
    if by.first().is_some_and(Grouping::is_ordered) {
        rows.sort_by(|a, b| a.values.cmp(&b.values));
    } else {
        rows.sort_by(|a, b| {
            b.outcome
                .count
                .cmp(&a.outcome.count)
                .then_with(|| a.values.cmp(&b.values))
        });
    }
    let multi_valued = by
        .iter()
        .filter(|grouping| {
            index
                .schema()
                .field(&grouping.field)
                .is_some_and(|field| field.definition.multi)
        })
        .map(|grouping| grouping.field.clone())
        .collect();
    Ok(StatsTable {
        by,
        count,
        total,
        rows,
        hidden_rows: hidden.len(),
        multi_valued,
    })
}

fn total_of(table: Table) -> Outcome {
    let mut total = Counts::default();
    for counts in table.values() {
        total.merge(counts);
    }
    Outcome::from(total)
}
