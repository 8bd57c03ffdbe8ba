//! `imr parse` against every fixture: each letter in `sample-data/` has its expected JSON
//! in `tests/fixtures/sample-data/`, each file in `tests/fixtures/letters/` has it beside
//! itself. Every field is compared; adding a case means adding files, not code.

use crate::testenv::{repo_root, TestEnv};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Pairs of (input file, expected JSON file) for every fixture.
pub fn fixture_pairs() -> Vec<(PathBuf, PathBuf)> {
    let root = repo_root();
    let mut pairs = Vec::new();
    for entry in sorted_files(&root.join("sample-data")) {
        let stem = entry
            .file_stem()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        let expected = root
            .join("tests/fixtures/sample-data")
            .join(format!("{stem}.json"));
        pairs.push((entry, expected));
    }
    for entry in sorted_files(&root.join("tests/fixtures/letters")) {
        if entry.extension().is_some_and(|ext| ext == "json") {
            continue;
        }
        let expected = entry.with_extension("json");
        pairs.push((entry, expected));
    }
    pairs
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// The expected parse output of a fixture.
pub fn expected_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("expected output {}: {error}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn every_fixture_parses_to_its_expected_json() {
    let env = TestEnv::new();
    let pairs = fixture_pairs();
    assert!(pairs.len() >= 14, "fixtures are missing: {}", pairs.len());
    let mut mismatches = Vec::new();
    for (input, expected_path) in &pairs {
        let run = env.imr([Path::new("parse"), input.as_path()]);
        let mut lines = run.json_lines();
        assert_eq!(lines.len(), 1, "{}: one line per file", input.display());
        let mut actual = lines.remove(0);
        actual
            .as_object_mut()
            .expect("a JSON object")
            .remove("path");
        let expected = expected_json(expected_path);
        for difference in differences("", &expected, &actual) {
            mismatches.push(format!("{}: {difference}", input.display()));
        }
    }
    assert!(
        mismatches.is_empty(),
        "fields differ:\n{}",
        mismatches.join("\n")
    );
}

/// Every field where `actual` differs from `expected`, as readable lines.
fn differences(at: &str, expected: &Value, actual: &Value) -> Vec<String> {
    match (expected, actual) {
        (Value::Object(expected), Value::Object(actual)) => {
            let mut keys: Vec<&String> = expected.keys().chain(actual.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter()
                .flat_map(|key| {
                    let null = Value::Null;
                    differences(
                        &format!("{at}.{key}"),
                        expected.get(key).unwrap_or(&null),
                        actual.get(key).unwrap_or(&null),
                    )
                })
                .collect()
        }
        (Value::Array(expected), Value::Array(actual)) if expected.len() == actual.len() => {
            expected
                .iter()
                .zip(actual)
                .enumerate()
                .flat_map(|(index, (expected, actual))| {
                    differences(&format!("{at}[{index}]"), expected, actual)
                })
                .collect()
        }
        _ if expected == actual => Vec::new(),
        _ => vec![format!("{at}: expected {expected}, got {actual}")],
    }
}

#[test]
fn the_seed_letter_parses_as_the_issue_says() {
    let env = TestEnv::new();
    let run = env
        .imr(["parse", "sample-data/l1-cervical-esi.txt"])
        .expect_code(0);
    let letter = &run.json_lines()[0];
    assert_eq!(letter["kind"], "letter");
    assert_eq!(letter["age"], 48);
    assert_eq!(letter["sex"], "female");
    assert_eq!(letter["date_of_injury"], "2013-10-02");
    assert_eq!(
        letter["body_parts"],
        serde_json::json!(["cervical_spine", "lumbar_spine"])
    );
    assert_eq!(
        letter["reviewer_specialties"],
        serde_json::json!(["Family Practice"])
    );
    let decisions = letter["decisions"].as_array().expect("decisions");
    assert_eq!(decisions.len(), 1);
    assert_eq!(decisions[0]["category"], "injection");
    assert_eq!(decisions[0]["decision"], "upheld");
    assert_eq!(decisions[0]["reviewer_guideline"], "MTUS_ACOEM");
    assert_eq!(decisions[0]["reviewer_guideline_chapter"], 8);
}

#[test]
fn the_quality_report_counts_layouts_and_fill_rates_over_the_sample_data() {
    let env = TestEnv::new();
    let report = env
        .imr(["parse", "sample-data", "--summary", "--format", "json"])
        .expect_code(0)
        .json();
    let expected: Vec<Value> = sorted_files(&repo_root().join("sample-data"))
        .iter()
        .map(|input| {
            let stem = input.file_stem().expect("a file name").to_string_lossy();
            expected_json(
                &repo_root()
                    .join("tests/fixtures/sample-data")
                    .join(format!("{stem}.json")),
            )
        })
        .collect();
    let letters: Vec<&Value> = expected.iter().filter(|e| e["kind"] == "letter").collect();
    assert_eq!(report["files"], expected.len());
    assert_eq!(report["not_letters"], expected.len() - letters.len());
    for layout in ["L1", "L2", "L3"] {
        let count = letters.iter().filter(|e| e["layout"] == layout).count();
        assert_eq!(report["letters_by_layout"][layout], count, "{layout}");
    }
    for field in ["case_number", "date_assigned", "age", "body_parts"] {
        let found = letters
            .iter()
            .filter(|e| !e[field].is_null() && e[field] != serde_json::json!([]))
            .count();
        let fill = &report["letter_fields"][field];
        assert_eq!(fill["found"], found, "{field}");
        assert_eq!(fill["total"], letters.len(), "{field}");
    }
}

#[test]
fn parse_walks_folders_and_prints_one_line_per_file() {
    let env = TestEnv::new();
    let run = env.imr(["parse", "sample-data"]).expect_code(0);
    let files = sorted_files(&repo_root().join("sample-data")).len();
    assert_eq!(run.json_lines().len(), files);
}
