//! JSON output: one object (`total_hits`, `count`, `total_letters` when letters are
//! counted, `hits`, `facets`), or one hit per line.

use crate::search::SearchResults;
use serde_json::{json, Map, Value};
use std::io::{self, Write};

/// The results as one JSON object; facets are `{field: {value: count}}`, most frequent
/// value first.
fn results_json(results: &SearchResults) -> Value {
    let facets: Map<String, Value> = results
        .facets
        .iter()
        .map(|facet| {
            let counts: Map<String, Value> = facet
                .counts
                .iter()
                .map(|(value, count)| (value.clone(), Value::from(*count)))
                .collect();
            (facet.field.clone(), Value::Object(counts))
        })
        .collect();
    let mut object = json!({
        "total_hits": results.total_hits,
        "count": results.count,
        "hits": results.hits,
        "facets": facets,
    });
    if let Some(letters) = results.total_letters {
        object["total_letters"] = Value::from(letters);
    }
    object
}

pub fn write(out: &mut dyn Write, results: &SearchResults) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &results_json(results))?;
    writeln!(out)
}

pub fn write_lines(out: &mut dyn Write, results: &SearchResults) -> io::Result<()> {
    for hit in &results.hits {
        serde_json::to_writer(&mut *out, hit)?;
        writeln!(out)?;
    }
    Ok(())
}
