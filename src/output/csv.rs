//! CSV output: a header row, then one row per hit; list fields are joined with "; ".

use crate::search::SearchResults;
use serde_json::Value;
use std::io::{self, Write};

pub fn write(out: &mut dyn Write, results: &SearchResults) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let Some(first) = results.hits.first() else {
        return Ok(());
    };
    let mut header: Vec<&str> = vec!["score"];
    header.extend(first.fields.keys().map(String::as_str));
    header.push("snippet");
    writer.write_record(&header)?;
    for hit in &results.hits {
        let mut row = vec![hit.score.map(|score| score.to_string()).unwrap_or_default()];
        row.extend(hit.fields.values().map(cell));
        row.push(
            hit.snippet
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default(),
        );
        writer.write_record(&row)?;
    }
    writer.flush()
}

fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Array(values) => values.iter().map(cell).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}
