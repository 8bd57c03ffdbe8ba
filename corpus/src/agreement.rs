//! How far a parser's output agrees with a corpus's ground truth, field by field: pairs each
//! `imr parse` record with the truth record of the same file and counts, for every field,
//! the files (or decisions) where the two agree, keeping a few disagreements as examples.

use crate::truth::collapse;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::BufRead;

/// Disagreements kept per field as examples.
const EXAMPLES_PER_FIELD: usize = 3;

/// One NDJSON record: its `path`, and the rest of its keys.
type Record = (String, Map<String, Value>);

/// Record keys that are not fields of the letter, or are compared on their own. `unread`
/// is the parser's report of what it could not place, not a field the truth states.
const NOT_COMPARED: &[&str] = &["path", "kind", "reason", "decisions", "unread"];

/// The agreement of a parse with the truth.
#[derive(Debug, Default, Serialize)]
pub struct Agreement {
    /// Files in the truth.
    pub files: u64,
    /// Truth files with no parse record.
    pub unparsed: Vec<String>,
    /// Parse records of files the truth does not know.
    pub unknown: Vec<String>,
    /// Per field: `kind` over every file, letter fields over the files both sides call
    /// letters, `decisions.<field>` over the decisions of those letters (by position).
    pub fields: BTreeMap<String, FieldAgreement>,
}

/// How often one field agreed.
#[derive(Debug, Default, Serialize)]
pub struct FieldAgreement {
    /// Values compared.
    pub compared: u64,
    /// Values that agreed.
    pub agreed: u64,
    /// A few disagreements.
    pub examples: Vec<Disagreement>,
}

/// One value on which the parse and the truth differ.
#[derive(Debug, Serialize)]
pub struct Disagreement {
    /// The file, as the truth names it (with the decision's position for decision fields).
    pub path: String,
    /// The truth's value.
    pub expected: Value,
    /// The parser's value.
    pub found: Value,
}

impl FieldAgreement {
    /// The share that agreed, from 0 to 1 (1 when nothing was compared).
    pub fn share(&self) -> f64 {
        if self.compared == 0 {
            1.0
        } else {
            self.agreed as f64 / self.compared as f64
        }
    }

    fn count(&mut self, path: &str, expected: &Value, found: &Value) {
        self.compared += 1;
        if same_value(expected, found) {
            self.agreed += 1;
        } else if self.examples.len() < EXAMPLES_PER_FIELD {
            self.examples.push(Disagreement {
                path: path.to_string(),
                expected: expected.clone(),
                found: found.clone(),
            });
        }
    }
}

impl Agreement {
    /// Whether every file was parsed and every field agreed everywhere.
    pub fn is_complete(&self) -> bool {
        self.unparsed.is_empty()
            && self.unknown.is_empty()
            && self
                .fields
                .values()
                .all(|field| field.agreed == field.compared)
    }

    fn field(&mut self, name: &str) -> &mut FieldAgreement {
        self.fields.entry(name.to_string()).or_default()
    }
}

/// Why the inputs could not be compared.
#[derive(Debug, thiserror::Error)]
pub enum AgreementError {
    /// A line could not be read.
    #[error("{source_name}: cannot read line {line}: {error}")]
    Read {
        /// Which input.
        source_name: &'static str,
        /// The line number, from 1.
        line: usize,
        /// The I/O error.
        error: std::io::Error,
    },
    /// A line is not a JSON object with a `path`.
    #[error("{source_name}: line {line} is not a JSON object with a \"path\": {detail}")]
    Record {
        /// Which input.
        source_name: &'static str,
        /// The line number, from 1.
        line: usize,
        /// What was wrong.
        detail: String,
    },
}

/// Compares `imr parse` output (NDJSON, paths as the parser printed them) with a truth file
/// (NDJSON, paths relative to the letters folder). A parse record belongs to the truth
/// record whose path ends its own path.
pub fn compare(truth: impl BufRead, parsed: impl BufRead) -> Result<Agreement, AgreementError> {
    let truth = read_records(truth, "truth")?;
    let mut by_path: HashMap<String, Map<String, Value>> = HashMap::new();
    let mut unknown = Vec::new();
    let truth_paths: HashSet<&str> = truth.iter().map(|(path, _)| path.as_str()).collect();
    for (path, record) in read_records(parsed, "parse output")? {
        match truth_path_of(&path, &truth_paths) {
            Some(truth_path) => {
                by_path.insert(truth_path.to_string(), record);
            }
            None => unknown.push(path),
        }
    }
    let mut agreement = Agreement {
        unknown,
        ..Agreement::default()
    };
    for (path, expected) in &truth {
        agreement.files += 1;
        let Some(found) = by_path.get(path) else {
            agreement.unparsed.push(path.clone());
            continue;
        };
        compare_files(&mut agreement, path, expected, found);
    }
    Ok(agreement)
}

fn read_records(
    input: impl BufRead,
    source_name: &'static str,
) -> Result<Vec<Record>, AgreementError> {
    let mut records = Vec::new();
    for (index, line) in input.lines().enumerate() {
        let line_number = index + 1;
        let line = line.map_err(|error| AgreementError::Read {
            source_name,
            line: line_number,
            error,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let record_error = |detail: String| AgreementError::Record {
            source_name,
            line: line_number,
            detail,
        };
        let mut record = match serde_json::from_str::<Value>(&line) {
            Ok(Value::Object(record)) => record,
            Ok(_) => return Err(record_error("not an object".to_string())),
            Err(error) => return Err(record_error(error.to_string())),
        };
        let Some(Value::String(path)) = record.remove("path") else {
            return Err(record_error("no \"path\" string".to_string()));
        };
        records.push((path, record));
    }
    Ok(records)
}

/// The truth path that ends `parsed_path` at a path separator.
fn truth_path_of<'a>(parsed_path: &str, truth_paths: &HashSet<&'a str>) -> Option<&'a str> {
    let parsed_path = parsed_path.replace('\\', "/");
    std::iter::once(0)
        .chain(parsed_path.match_indices('/').map(|(at, _)| at + 1))
        .find_map(|start| truth_paths.get(&parsed_path[start..]))
        .copied()
}

fn compare_files(
    agreement: &mut Agreement,
    path: &str,
    expected: &Map<String, Value>,
    found: &Map<String, Value>,
) {
    let kind = |record: &Map<String, Value>| record.get("kind").cloned().unwrap_or(Value::Null);
    agreement
        .field("kind")
        .count(path, &kind(expected), &kind(found));
    if kind(expected) != "letter" || kind(found) != "letter" {
        return;
    }
    for name in field_names(expected, found) {
        let expected_value = expected.get(name).unwrap_or(&Value::Null);
        let found_value = found.get(name).unwrap_or(&Value::Null);
        agreement
            .field(name)
            .count(path, expected_value, found_value);
    }
    let decisions = |record: &Map<String, Value>| -> Vec<Value> {
        match record.get("decisions") {
            Some(Value::Array(decisions)) => decisions.clone(),
            _ => Vec::new(),
        }
    };
    let (expected_decisions, found_decisions) = (decisions(expected), decisions(found));
    agreement.field("decisions.count").count(
        path,
        &Value::from(expected_decisions.len()),
        &Value::from(found_decisions.len()),
    );
    for (position, expected_decision) in expected_decisions.iter().enumerate() {
        let Value::Object(expected_decision) = expected_decision else {
            continue;
        };
        let no_decision = Map::new();
        let found_decision = found_decisions
            .get(position)
            .and_then(Value::as_object)
            .unwrap_or(&no_decision);
        let decision_path = format!("{path} #{position}");
        for name in field_names(expected_decision, found_decision) {
            let expected_value = expected_decision.get(name).unwrap_or(&Value::Null);
            let found_value = found_decision.get(name).unwrap_or(&Value::Null);
            agreement.field(&format!("decisions.{name}")).count(
                &decision_path,
                expected_value,
                found_value,
            );
        }
    }
}

/// The fields either side states, so a value only the parser reports is compared too.
fn field_names<'a>(
    expected: &'a Map<String, Value>,
    found: &'a Map<String, Value>,
) -> BTreeSet<&'a str> {
    expected
        .keys()
        .chain(found.keys())
        .map(String::as_str)
        .filter(|name| !NOT_COMPARED.contains(name))
        .collect()
}

/// Values agree when equal after collapsing whitespace in strings; lists agree as
/// multisets (the order of body parts or diagnoses carries no meaning).
fn same_value(expected: &Value, found: &Value) -> bool {
    match (expected, found) {
        (Value::String(expected), Value::String(found)) => collapse(expected) == collapse(found),
        (Value::Array(expected), Value::Array(found)) => {
            let sorted = |values: &[Value]| {
                let mut keys: Vec<String> = values.iter().map(comparison_key).collect();
                keys.sort();
                keys
            };
            sorted(expected) == sorted(found)
        }
        _ => expected == found,
    }
}

fn comparison_key(value: &Value) -> String {
    match value {
        Value::String(text) => collapse(text),
        other => other.to_string(),
    }
}

/// Writes the agreement as a table: one row per field, worst first, then the examples of
/// each field that disagreed somewhere.
pub fn write_table(out: &mut impl std::io::Write, agreement: &Agreement) -> std::io::Result<()> {
    writeln!(
        out,
        "{} files in the truth; {} not parsed; {} parsed files unknown to the truth",
        agreement.files,
        agreement.unparsed.len(),
        agreement.unknown.len()
    )?;
    for path in agreement.unparsed.iter().take(EXAMPLES_PER_FIELD) {
        writeln!(out, "  not parsed: {path}")?;
    }
    let mut rows: Vec<(&String, &FieldAgreement)> = agreement.fields.iter().collect();
    rows.sort_by(|a, b| a.1.share().total_cmp(&b.1.share()).then(a.0.cmp(b.0)));
    writeln!(
        out,
        "{:<38} {:>9} {:>9} {:>9}",
        "field", "agreed", "compared", "share"
    )?;
    for (name, field) in &rows {
        writeln!(
            out,
            "{name:<38} {:>9} {:>9} {:>8.2}%",
            field.agreed,
            field.compared,
            field.share() * 100.0
        )?;
    }
    for (name, field) in rows.iter().filter(|(_, field)| !field.examples.is_empty()) {
        writeln!(out, "\n{name}:")?;
        for example in &field.examples {
            writeln!(out, "  {}", example.path)?;
            writeln!(out, "    expected {}", example.expected)?;
            writeln!(out, "    found    {}", example.found)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agreement_of(truth: &str, parsed: &str) -> Agreement {
        compare(truth.as_bytes(), parsed.as_bytes()).expect("valid NDJSON")
    }

    const TRUTH: &str = r#"{"path":"2014/07/a.txt","kind":"letter","reason":null,"age":48,"body_parts":["cervical_spine","lumbar_spine"],"summary":"A  b.","decisions":[{"item":"MRI","decision":"upheld"}]}
{"path":"2014/07/fax.txt","kind":"not_a_letter","reason":"fax"}
"#;

    #[test]
    fn agreeing_output_agrees_on_every_field() {
        let parsed = r#"{"path":"/tmp/c/letters/2014/07/a.txt","kind":"letter","reason":null,"age":48,"body_parts":["lumbar_spine","cervical_spine"],"summary":"A b.","decisions":[{"item":"MRI","decision":"upheld"}]}
{"path":"/tmp/c/letters/2014/07/fax.txt","kind":"not_a_letter","reason":"no IMR letter headings found"}
"#;
        let agreement = agreement_of(TRUTH, parsed);
        assert!(agreement.is_complete(), "{agreement:?}");
        assert_eq!(agreement.files, 2);
        assert_eq!(agreement.fields["kind"].compared, 2);
        assert_eq!(agreement.fields["decisions.item"].agreed, 1);
    }

    #[test]
    fn disagreements_are_counted_per_field_with_examples() {
        let parsed = r#"{"path":"letters/2014/07/a.txt","kind":"letter","age":47,"body_parts":["cervical_spine"],"summary":"A b.","decisions":[]}
"#;
        let agreement = agreement_of(TRUTH, parsed);
        assert!(!agreement.is_complete());
        assert_eq!(agreement.unparsed, ["2014/07/fax.txt"]);
        for field in ["age", "body_parts", "decisions.count", "decisions.item"] {
            let row = &agreement.fields[field];
            assert_eq!((row.agreed, row.compared), (0, 1), "{field}");
        }
        assert_eq!(agreement.fields["summary"].agreed, 1);
        assert_eq!(agreement.fields["age"].examples[0].found, Value::from(47));
        assert_eq!(
            agreement.fields["decisions.item"].examples[0].found,
            Value::Null
        );
    }

    #[test]
    fn a_value_only_the_parser_states_is_a_disagreement() {
        let parsed = r#"{"path":"letters/2014/07/a.txt","kind":"letter","age":48,"body_parts":["cervical_spine","lumbar_spine"],"summary":"A b.","invented":true,"decisions":[{"item":"MRI","decision":"upheld","chapter":8}]}
{"path":"letters/2014/07/fax.txt","kind":"not_a_letter","reason":"no IMR letter headings found"}
"#;
        let agreement = agreement_of(TRUTH, parsed);
        assert!(!agreement.is_complete());
        for field in ["invented", "decisions.chapter"] {
            let row = &agreement.fields[field];
            assert_eq!((row.agreed, row.compared), (0, 1), "{field}");
        }
        assert_eq!(agreement.fields["age"].agreed, 1);
    }

    #[test]
    fn a_path_matches_only_at_a_separator() {
        let parsed = r#"{"path":"/x/letters/2014/07/xa.txt","kind":"letter"}
"#;
        let agreement = agreement_of(TRUTH, parsed);
        assert_eq!(agreement.unknown, ["/x/letters/2014/07/xa.txt"]);
    }

    #[test]
    fn a_line_without_a_path_is_an_error_naming_its_line() {
        let error =
            compare(TRUTH.as_bytes(), "\n{\"kind\":\"letter\"}\n".as_bytes()).expect_err("no path");
        assert!(error.to_string().contains("line 2"), "{error}");
    }
}
