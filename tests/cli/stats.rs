//! `imr stats`, `imr search --count`, bucketed facets, `--sort` and `imr odds`, run on real
//! indexes and checked against counts made here, independently of imr's collectors: from the
//! fixtures' expected JSON (the sample data and the hand-written letters) and from the
//! generator's ground truth of a generated corpus.

use crate::fixtures::{expected_json, fixture_pairs};
use crate::testenv::{repo_root, TestEnv};
use imr_corpus::{generate, GenerateOptions};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The z of a two-sided 95% interval.
const Z: f64 = 1.959_963_984_540_054;

/// Letters as the parser should read them, in the shape of `imr parse` output.
struct Truth {
    letters: Vec<Value>,
}

/// One row of a stats table: its decisions (or letters), and how many were overturned.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Tally {
    count: u64,
    overturned: u64,
}

/// A stats table keyed by each row's group values, as JSON text (`"lumbar"`, `null`).
type Table = BTreeMap<Vec<String>, Tally>;

impl Truth {
    /// The expected parse of every fixture letter (sample data and hand-written letters).
    fn of_fixtures() -> Truth {
        Truth::of(
            fixture_pairs()
                .iter()
                .map(|(_, expected)| expected_json(expected)),
        )
    }

    /// The ground truth a generated corpus was written from.
    fn of_generated(truth_file: &Path) -> Truth {
        let text = std::fs::read_to_string(truth_file).expect("the truth file");
        Truth::of(
            text.lines()
                .map(|line| serde_json::from_str(line).expect("a line of truth is JSON")),
        )
    }

    fn of(records: impl Iterator<Item = Value>) -> Truth {
        Truth {
            letters: records
                .filter(|record| record["kind"] == "letter")
                .collect(),
        }
    }

    /// Decided decisions with their letter's number, each with the group keys it counts
    /// under (one per combination of values of multi-valued fields).
    fn decided(&self, by: &[&str]) -> Vec<(usize, bool, Vec<Vec<String>>)> {
        let mut decided = Vec::new();
        for (number, letter) in self.letters.iter().enumerate() {
            for decision in letter["decisions"].as_array().into_iter().flatten() {
                let overturned = match decision["decision"].as_str() {
                    Some("overturned") => true,
                    Some("upheld") => false,
                    _ => continue,
                };
                decided.push((number, overturned, keys(letter, decision, by)));
            }
        }
        decided
    }

    /// The table `imr stats --by BY... --count decisions` should print.
    fn decisions_table(&self, by: &[&str]) -> Table {
        let mut table = Table::new();
        for (_, overturned, keys) in self.decided(by) {
            for key in keys {
                let tally = table.entry(key).or_default();
                tally.count += 1;
                tally.overturned += u64::from(overturned);
            }
        }
        table
    }

    /// The table `imr stats --by BY... --count letters` should print: a letter counts once
    /// per group, overturned when any of its decisions in the group was.
    fn letters_table(&self, by: &[&str]) -> Table {
        let mut letters: BTreeMap<Vec<String>, BTreeMap<usize, bool>> = BTreeMap::new();
        for (number, overturned, keys) in self.decided(by) {
            for key in keys {
                *letters.entry(key).or_default().entry(number).or_default() |= overturned;
            }
        }
        letters
            .into_iter()
            .map(|(key, letters)| {
                let tally = Tally {
                    count: letters.len() as u64,
                    overturned: letters.values().filter(|&&o| o).count() as u64,
                };
                (key, tally)
            })
            .collect()
    }

    /// The documents the index holds: one per decision, or one for a letter without any,
    /// each with its letter's number and the values of `facet` (missing values left out).
    fn documents(&self, facet: &str) -> Vec<(usize, Vec<String>)> {
        let mut documents = Vec::new();
        for (number, letter) in self.letters.iter().enumerate() {
            let decisions = letter["decisions"].as_array().cloned().unwrap_or_default();
            let decisions = if decisions.is_empty() {
                vec![Value::Null]
            } else {
                decisions
            };
            for decision in &decisions {
                let values = labels(letter, decision, facet)
                    .into_iter()
                    .filter(|value| value != "null")
                    .map(|value| value.trim_matches('"').to_string())
                    .collect();
                documents.push((number, values));
            }
        }
        documents
    }
}

/// Every group key a decision counts under for the groupings `by`.
fn keys(letter: &Value, decision: &Value, by: &[&str]) -> Vec<Vec<String>> {
    let mut keys = vec![Vec::new()];
    for grouping in by {
        let values = labels(letter, decision, grouping);
        keys = keys
            .into_iter()
            .flat_map(|key| {
                values.iter().map(move |value| {
                    let mut key = key.clone();
                    key.push(value.clone());
                    key
                })
            })
            .collect();
    }
    keys
}

/// The values a decision has for `grouping` (`category`, `age:10`, `decision_date:year`),
/// as JSON text the way `imr stats --format json` writes them; `null` when it has none.
fn labels(letter: &Value, decision: &Value, grouping: &str) -> Vec<String> {
    let (field, bucket) = match grouping.split_once(':') {
        Some((field, bucket)) => (field, Some(bucket)),
        None => (grouping, None),
    };
    // A decision's own field, else its letter's (the placeholder of a letter without
    // decisions is `null` and has none of its own).
    let value = decision.get(field).unwrap_or(&letter[field]);
    let values = match value {
        Value::Array(values) if values.is_empty() => vec![Value::Null],
        Value::Array(values) => values.clone(),
        other => vec![other.clone()],
    };
    values
        .iter()
        .map(|value| match (value, bucket) {
            (Value::Null, _) => Value::Null,
            (Value::Number(number), Some(width)) => {
                let width: u64 = width.parse().expect("a band width");
                let low = number.as_u64().expect("an age") / width * width;
                Value::String(format!("{low}-{}", low + width - 1))
            }
            (Value::String(date), Some("year")) => Value::String(date[..4].to_string()),
            (Value::String(date), Some("quarter")) => {
                let month: u32 = date[5..7].parse().expect("a month");
                Value::String(format!("{}-Q{}", &date[..4], (month - 1) / 3 + 1))
            }
            (Value::String(date), Some("month")) => Value::String(date[..7].to_string()),
            (other, None) => other.clone(),
            (other, Some(bucket)) => panic!("no bucket {bucket} for {other}"),
        })
        .map(|value| value.to_string())
        .collect()
}

/// The rows of `imr stats --format json` output as a table, checking each row's sums.
fn table_of(output: &Value) -> Table {
    let counted = output["count"].as_str().expect("the count mode");
    let fields: Vec<String> = output["by"]
        .as_array()
        .expect("the groupings")
        .iter()
        .map(|by| {
            let by = by.as_str().expect("a grouping");
            by.split(':').next().unwrap_or(by).to_string()
        })
        .collect();
    let mut table = Table::new();
    for row in output["rows"].as_array().expect("rows") {
        let key = fields.iter().map(|field| row[field].to_string()).collect();
        let tally = tally_of(row, counted);
        assert!(table.insert(key, tally).is_none(), "a row twice: {row}");
    }
    table
}

/// A row's count and overturned count, checking that upheld and overturned add up.
fn tally_of(row: &Value, counted: &str) -> Tally {
    let count = row[counted].as_u64().expect("a count");
    let upheld = row["upheld"].as_u64().expect("upheld");
    let overturned = row["overturned"].as_u64().expect("overturned");
    assert_eq!(upheld + overturned, count, "{row}");
    Tally { count, overturned }
}

/// The sum of a table's rows, counting each decision once: the total row when no grouping
/// is multi-valued.
fn total_of(table: &Table) -> Tally {
    table.values().fold(Tally::default(), |sum, row| Tally {
        count: sum.count + row.count,
        overturned: sum.overturned + row.overturned,
    })
}

/// Runs `imr stats ARGS --format json` and returns its output.
fn stats_json(env: &TestEnv, args: &[&str]) -> Value {
    let mut command = vec!["stats"];
    command.extend(args);
    command.extend(["--format", "json"]);
    env.imr(&command).expect_code(0).json()
}

/// `--by` arguments for `groupings`.
fn by_args<'a>(groupings: &[&'a str]) -> Vec<&'a str> {
    groupings.iter().flat_map(|by| ["--by", *by]).collect()
}

/// An index of the sample data and the hand-written fixture letters.
fn fixtures_index() -> (TestEnv, Truth) {
    let env = TestEnv::new();
    let root = repo_root();
    let letters = env.path().join("letters");
    std::fs::create_dir_all(&letters).expect("a letters folder");
    // The hand-written letters sit beside their expected JSON, which is no letter.
    for (input, _) in fixture_pairs() {
        if input.starts_with(root.join("tests/fixtures/letters")) {
            let name = input.file_name().expect("a file name");
            std::fs::copy(&input, letters.join(name)).expect("copy a fixture");
        }
    }
    env.imr([
        Path::new("index"),
        &root.join("sample-data"),
        letters.as_path(),
    ]);
    (env, Truth::of_fixtures())
}

/// Checks `imr stats --by BY...` in both count modes against `truth`.
fn check_stats(env: &TestEnv, truth: &Truth, by: &[&str], multi_valued: bool) {
    for (mode, expected) in [
        ("decisions", truth.decisions_table(by)),
        ("letters", truth.letters_table(by)),
    ] {
        let mut args = by_args(by);
        args.extend(["--count", mode]);
        let output = stats_json(env, &args);
        assert!(!expected.is_empty(), "nothing to compare for {by:?}");
        assert_eq!(table_of(&output), expected, "stats {by:?} --count {mode}");
        let total = tally_of(&output["total"], mode);
        if mode == "decisions" && !multi_valued {
            assert_eq!(total, total_of(&expected), "total of {by:?}");
        }
        let everything = match mode {
            "decisions" => truth.decisions_table(&[]),
            _ => truth.letters_table(&[]),
        };
        assert_eq!(
            Some(&total),
            everything.values().next(),
            "the total of {by:?} --count {mode} counts each one once"
        );
        assert_eq!(
            output["multi_valued"]
                .as_array()
                .is_some_and(|m| !m.is_empty()),
            multi_valued
        );
    }
}

#[test]
fn stats_of_the_fixtures_match_their_expected_json() {
    let (env, truth) = fixtures_index();
    check_stats(&env, &truth, &["category"], false);
    check_stats(&env, &truth, &["decision"], false);
    check_stats(&env, &truth, &["age:10"], false);
    check_stats(&env, &truth, &["decision_date:year"], false);
    check_stats(&env, &truth, &["category", "reviewer_guideline"], false);
    check_stats(&env, &truth, &["body_parts"], true);
    check_stats(&env, &truth, &["reviewer_specialties", "sex"], true);
}

#[test]
fn the_wilson_interval_matches_a_row_computed_by_hand() {
    let env = TestEnv::new();
    env.imr([Path::new("index"), &repo_root().join("sample-data")])
        .expect_code(0);
    let output = stats_json(&env, &["--by", "category"]);
    let medication = output["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|row| row["category"] == "medication")
        .expect("a medication row");
    // 1 overturned of 4: p = 0.25, z²/n = 0.96036, centre (0.25 + 0.48018) / 1.96036 =
    // 0.37247, half-width 1.95996 / 1.96036 * sqrt(0.25 * 0.75 / 4 + 3.84146 / 64) = 0.32689.
    assert_eq!(
        (
            medication["decisions"].as_u64(),
            medication["overturned"].as_u64()
        ),
        (Some(4), Some(1))
    );
    assert!((medication["overturn_rate"].as_f64().expect("a rate") - 0.25).abs() < 1e-12);
    assert!((medication["ci_low"].as_f64().expect("a low end") - 0.04558).abs() < 5e-5);
    assert!((medication["ci_high"].as_f64().expect("a high end") - 0.69936).abs() < 5e-5);

    // Every row, and the total, by the formula.
    let rows = output["rows"].as_array().expect("rows");
    for row in rows.iter().chain([&output["total"]]) {
        let n = row["decisions"].as_f64().expect("a count");
        let k = row["overturned"].as_f64().expect("overturned");
        let p = k / n;
        let denominator = 1.0 + Z * Z / n;
        let centre = (p + Z * Z / (2.0 * n)) / denominator;
        let half = Z / denominator * (p * (1.0 - p) / n + Z * Z / (4.0 * n * n)).sqrt();
        for (key, expected) in [("ci_low", centre - half), ("ci_high", centre + half)] {
            let got = row[key].as_f64().expect("an interval end");
            assert!(
                (got - expected.clamp(0.0, 1.0)).abs() < 1e-9,
                "{key} of {row}"
            );
        }
    }
}

#[test]
fn min_count_hides_thin_rows_but_the_total_counts_them() {
    let env = TestEnv::new();
    env.imr([Path::new("index"), &repo_root().join("sample-data")])
        .expect_code(0);
    let all = stats_json(&env, &["--by", "category"]);
    let thick = stats_json(&env, &["--by", "category", "--min-count", "3"]);
    let rows = |output: &Value| output["rows"].as_array().expect("rows").clone();
    let kept: Vec<Value> = rows(&all)
        .into_iter()
        .filter(|row| row["decisions"].as_u64() >= Some(3))
        .collect();
    assert!(!kept.is_empty() && kept.len() < rows(&all).len());
    assert_eq!(rows(&thick), kept);
    assert_eq!(
        thick["hidden_rows"].as_u64(),
        Some((rows(&all).len() - kept.len()) as u64)
    );
    assert_eq!(thick["total"], all["total"]);
    let table = env
        .imr(["stats", "--by", "category", "--min-count", "3"])
        .expect_code(0);
    assert!(
        table.stdout.contains("fewer decisions than --min-count"),
        "{}",
        table.stdout
    );
}

#[test]
fn csv_has_a_header_and_one_line_per_row() {
    let env = TestEnv::new();
    env.imr([Path::new("index"), &repo_root().join("sample-data")])
        .expect_code(0);
    let json = stats_json(&env, &["--by", "category", "--by", "decision"]);
    let csv = env
        .imr([
            "stats", "--by", "category", "--by", "decision", "--format", "csv",
        ])
        .expect_code(0);
    let mut lines = csv.stdout.lines();
    let header = lines.next().expect("a header");
    assert!(
        header.starts_with("category,decision,decisions,upheld,overturned"),
        "{header}"
    );
    let rows = json["rows"].as_array().expect("rows");
    // The rows, and the total.
    assert_eq!(lines.count(), rows.len() + 1, "{}", csv.stdout);
}

#[test]
fn counts_of_a_generated_corpus_match_its_ground_truth() {
    let env = TestEnv::new();
    let out = env.path().join("corpus");
    generate(&GenerateOptions {
        count: 500,
        seed: 20_261_202,
        out: out.clone(),
        junk_percent: 2.0,
        pdf_percent: 0.0,
    })
    .expect("the corpus is written");
    env.imr([Path::new("index"), &out.join("letters")]);
    let truth = Truth::of_generated(&out.join("truth.ndjson"));
    assert!(truth.letters.len() > 400, "{} letters", truth.letters.len());

    check_stats(&env, &truth, &["category", "reviewer_guideline"], false);
    check_stats(&env, &truth, &["decision_date:year"], false);
    check_stats(&env, &truth, &["decision_date:quarter"], false);
    check_stats(&env, &truth, &["age:10", "sex"], false);
    check_stats(&env, &truth, &["body_parts"], true);
    let years = truth.decisions_table(&["decision_date:year"]);
    assert!(years.len() >= 4, "a trend over several years: {years:?}");

    check_search_counts(&env, &truth);
}

/// `imr search '*'` facets, bucketed and not, in both count modes, and its letter total.
fn check_search_counts(env: &TestEnv, truth: &Truth) {
    let facets = [
        "category",
        "body_parts",
        "age:10",
        "decision_date:year",
        "decision",
    ];
    for mode in ["decisions", "letters"] {
        let mut args = vec![
            "search", "*", "--count", mode, "--format", "json", "--limit", "1",
        ];
        for facet in facets {
            args.extend(["--facet", facet]);
        }
        let output = env.imr(&args).expect_code(0).json();
        for facet in facets {
            let mut expected: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
            let mut documents: BTreeMap<String, u64> = BTreeMap::new();
            for (letter, values) in truth.documents(facet) {
                for value in values {
                    expected.entry(value.clone()).or_default().insert(letter);
                    *documents.entry(value).or_default() += 1;
                }
            }
            let expected: BTreeMap<String, u64> = match mode {
                "letters" => expected
                    .into_iter()
                    .map(|(value, letters)| (value, letters.len() as u64))
                    .collect(),
                _ => documents,
            };
            let got: BTreeMap<String, u64> = output["facets"][facet]
                .as_object()
                .unwrap_or_else(|| panic!("no facet {facet}: {output}"))
                .iter()
                .map(|(value, count)| (value.clone(), count.as_u64().expect("a count")))
                .collect();
            assert_eq!(got, expected, "facet {facet} --count {mode}");
        }
        if mode == "letters" {
            assert_eq!(
                output["total_letters"].as_u64(),
                Some(truth.letters.len() as u64)
            );
        }
    }
}

#[test]
fn sort_orders_hits_by_a_field_with_missing_values_last() {
    let env = TestEnv::new();
    env.imr([Path::new("index"), &repo_root().join("sample-data")])
        .expect_code(0);
    for (sort, field) in [
        ("age", "age"),
        ("-age", "age"),
        ("decision_date", "decision_date"),
        ("-decision_date", "decision_date"),
    ] {
        let output = env
            .imr([
                "search", "*", "--sort", sort, "--format", "json", "--limit", "100",
            ])
            .expect_code(0)
            .json();
        let hits = output["hits"].as_array().expect("hits");
        assert_eq!(
            hits.len() as u64,
            output["total_hits"].as_u64().expect("a total")
        );
        let values: Vec<&Value> = hits.iter().map(|hit| &hit[field]).collect();
        let known = values.iter().take_while(|value| !value.is_null()).count();
        assert!(
            known > 1 && values[known..].iter().all(|value| value.is_null()),
            "{sort}: {values:?}"
        );
        let ordered = values[..known].windows(2).all(|pair| {
            let (a, b) = (pair[0].to_string(), pair[1].to_string());
            // Ages and ISO dates of one length order as their text does.
            let (a, b) = (format!("{a:>12}"), format!("{b:>12}"));
            if sort.starts_with('-') {
                a >= b
            } else {
                a <= b
            }
        });
        assert!(ordered, "--sort {sort}: {values:?}");
        assert!(
            hits.iter().all(|hit| hit["score"].is_null()),
            "sorted hits have no score"
        );
    }
    let bad = env
        .imr(["search", "*", "--sort", "rationale"])
        .expect_code(2);
    assert!(
        bad.stderr.contains("unknown --sort field 'rationale'"),
        "{}",
        bad.stderr
    );
}

#[test]
fn odds_reports_cases_of_the_requested_category() {
    let (env, _) = fixtures_index();
    for (text, category) in [
        ("cervical epidural steroid injection", "injection"),
        ("Norco 10/325", "medication"),
        ("physical therapy 12 sessions", "physical_therapy"),
    ] {
        let output = env
            .imr(["odds", text, "--format", "json", "--cases", "50"])
            .expect_code(0)
            .json();
        assert_eq!(output["category"], category, "{text}");
        let matched = output["matched"].as_u64().expect("matched");
        let upheld = output["upheld"].as_u64().expect("upheld");
        let overturned = output["overturned"].as_u64().expect("overturned");
        assert!(matched > 0, "{text}: {output}");
        assert_eq!(upheld + overturned, matched, "{text}");
        let cases = output["cases"].as_array().expect("cases");
        assert_eq!(cases.len() as u64, matched.min(50), "{text}");
        for case in cases {
            assert_eq!(case["category"], category, "{text}: {case}");
            assert!(["upheld", "overturned"].contains(&case["decision"].as_str().unwrap_or("")));
            assert!(case["snippet"].is_string(), "{case}");
        }
        // A letter cut off before its rationale has nothing to quote; the others do.
        assert!(
            cases.iter().any(|case| case["snippet"] != ""),
            "{text}: no case quotes its rationale"
        );
        let cited = |side: &str| -> u64 {
            output["guidelines"][side]
                .as_object()
                .expect("guidelines by side")
                .values()
                .map(|count| count.as_u64().expect("a count"))
                .sum()
        };
        assert!(
            cited("upheld") <= upheld && cited("overturned") <= overturned,
            "{output}"
        );
    }
    let numbers = env.imr(["odds", "123 45"]).expect_code(2);
    assert!(
        numbers.stderr.contains("holds no words to compare"),
        "{}",
        numbers.stderr
    );
}

#[test]
fn groupings_that_cannot_be_counted_are_refused_with_the_reason() {
    let env = TestEnv::new();
    env.imr([Path::new("index"), &repo_root().join("sample-data")])
        .expect_code(0);
    for (by, says) in [
        (vec!["decision_date"], "group it by period"),
        (vec!["age:ten"], "is not a band width"),
        (vec!["category:year"], "takes no ':' suffix"),
        (vec!["rationale"], "rationale"),
        (vec!["nosuchfield"], "nosuchfield"),
        (vec!["category", "decision", "sex", "layout"], "at most 3"),
    ] {
        let run = env
            .imr(["stats"].into_iter().chain(by_args(&by)))
            .expect_code(2);
        assert!(run.stderr.contains(says), "--by {by:?}: {}", run.stderr);
    }
    let nothing = env
        .imr(["stats", "zzzzqqq", "--by", "category"])
        .expect_code(1);
    assert!(nothing.stdout.contains("total"), "{}", nothing.stdout);
}
