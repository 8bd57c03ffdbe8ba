//! Writers for overturn-rate tables (`imr stats`): aligned columns for a terminal, one
//! JSON object, or CSV with a header row. Rates are fractions in JSON and CSV, percentages
//! in the table.

use crate::search::{CountMode, GroupValue};
use crate::stats::{Outcome, StatsTable};
use serde_json::{json, Map, Value};
use std::io::{self, Write};

/// The name of the count column: what was counted.
fn count_name(mode: CountMode) -> &'static str {
    match mode {
        CountMode::Decisions => "decisions",
        CountMode::Letters => "letters",
    }
}

/// Writes `table` as aligned columns, a total row last, and notes on what the counts mean.
pub fn write_table(out: &mut dyn Write, table: &StatsTable) -> io::Result<()> {
    let mut header: Vec<String> = table.by.iter().map(ToString::to_string).collect();
    let counted = count_name(table.count);
    header.extend([counted, "upheld", "overturned", "overturned %", "95% CI"].map(String::from));
    let mut lines: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| {
            let mut cells: Vec<String> = row.values.iter().map(ToString::to_string).collect();
            cells.extend(outcome_cells(&row.outcome));
            cells
        })
        .collect();
    let mut total = vec![String::new(); table.by.len()];
    if let Some(first) = total.first_mut() {
        *first = "total".to_string();
    }
    total.extend(outcome_cells(&table.total));
    lines.push(total);
    let widths: Vec<usize> = (0..header.len())
        .map(|column| {
            std::iter::once(&header)
                .chain(&lines)
                .map(|cells| cells[column].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let labels = table.by.len();
    let write_line = |out: &mut dyn Write, cells: &[String]| -> io::Result<()> {
        let text: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(column, (cell, &width))| {
                if column < labels {
                    format!("{cell:<width$}")
                } else {
                    format!("{cell:>width$}")
                }
            })
            .collect();
        writeln!(out, "{}", text.join("  ").trim_end())
    };
    write_line(out, &header)?;
    let (rows, total) = lines.split_at(lines.len() - 1);
    for cells in rows {
        write_line(out, cells)?;
    }
    if !table.by.is_empty() {
        let rule: usize = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
        writeln!(out, "{}", "-".repeat(rule))?;
    }
    write_line(out, &total[0])?;
    if table.hidden_rows > 0 {
        writeln!(
            out,
            "({} groups with fewer {counted} than --min-count are not shown; the total counts them)",
            table.hidden_rows
        )?;
    }
    for field in &table.multi_valued {
        writeln!(
            out,
            "({field} holds several values: a {} counts under each of them, so rows add up to more than the total)",
            counted.trim_end_matches('s')
        )?;
    }
    Ok(())
}

fn outcome_cells(outcome: &Outcome) -> [String; 5] {
    let (rate, interval) = match outcome.overturn_rate {
        Some(rate) => (
            format!("{:.1}", rate.rate * 100.0),
            format!("{:.1}-{:.1}", rate.low * 100.0, rate.high * 100.0),
        ),
        None => ("-".to_string(), "-".to_string()),
    };
    [
        outcome.count.to_string(),
        outcome.upheld.to_string(),
        outcome.overturned.to_string(),
        rate,
        interval,
    ]
}

/// The counts of one row (or the total) as JSON fields.
fn outcome_fields(outcome: &Outcome, mode: CountMode, object: &mut Map<String, Value>) {
    object.insert(count_name(mode).to_string(), outcome.count.into());
    object.insert("upheld".to_string(), outcome.upheld.into());
    object.insert("overturned".to_string(), outcome.overturned.into());
    let rate = outcome.overturn_rate;
    object.insert("overturn_rate".to_string(), json!(rate.map(|r| r.rate)));
    object.insert("ci_low".to_string(), json!(rate.map(|r| r.low)));
    object.insert("ci_high".to_string(), json!(rate.map(|r| r.high)));
}

/// The table as one JSON object: `by`, `count`, `total`, `rows` (each with one key per
/// grouping field), `hidden_rows` and `multi_valued`.
pub fn table_json(table: &StatsTable) -> Value {
    let rows: Vec<Value> = table
        .rows
        .iter()
        .map(|row| {
            let mut object = Map::new();
            for (grouping, value) in table.by.iter().zip(&row.values) {
                object.insert(grouping.field.clone(), json!(value));
            }
            outcome_fields(&row.outcome, table.count, &mut object);
            Value::Object(object)
        })
        .collect();
    let mut total = Map::new();
    outcome_fields(&table.total, table.count, &mut total);
    json!({
        "by": table.by.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "count": table.count,
        "total": total,
        "rows": rows,
        "hidden_rows": table.hidden_rows,
        "multi_valued": table.multi_valued,
    })
}

/// Writes the table as one JSON object.
pub fn write_json(out: &mut dyn Write, table: &StatsTable) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &table_json(table))?;
    writeln!(out)
}

/// Writes the table as CSV: one column per grouping, then the counts; the total is the
/// last row, with "total" in the first column.
pub fn write_csv(out: &mut dyn Write, table: &StatsTable) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let mut header: Vec<String> = table.by.iter().map(|g| g.field.clone()).collect();
    header.extend(
        [
            count_name(table.count),
            "upheld",
            "overturned",
            "overturn_rate",
            "ci_low",
            "ci_high",
        ]
        .map(String::from),
    );
    writer.write_record(&header)?;
    for row in &table.rows {
        let mut cells: Vec<String> = row.values.iter().map(csv_value).collect();
        cells.extend(csv_outcome(&row.outcome));
        writer.write_record(&cells)?;
    }
    let mut cells = vec![String::new(); table.by.len()];
    if let Some(first) = cells.first_mut() {
        *first = "total".to_string();
    }
    cells.extend(csv_outcome(&table.total));
    writer.write_record(&cells)?;
    writer.flush()
}

fn csv_value(value: &GroupValue) -> String {
    match value {
        GroupValue::Missing => String::new(),
        other => other.to_string(),
    }
}

fn csv_outcome(outcome: &Outcome) -> [String; 6] {
    let rate = outcome.overturn_rate;
    let number = |value: Option<f64>| value.map(|v| format!("{v:.6}")).unwrap_or_default();
    [
        outcome.count.to_string(),
        outcome.upheld.to_string(),
        outcome.overturned.to_string(),
        number(rate.map(|r| r.rate)),
        number(rate.map(|r| r.low)),
        number(rate.map(|r| r.high)),
    ]
}
