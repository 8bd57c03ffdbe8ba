//! `imr index` then `imr search` on the bundled sample data: facet counts must equal what
//! the fixtures' expected JSON says, and every output format must carry the same hits.

use crate::fixtures::{expected_json, fixture_pairs};
use crate::testenv::{repo_root, TestEnv};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// Facet fields checked against the fixtures.
const FACETS: &[&str] = &[
    "decision",
    "category",
    "body_parts",
    "reviewer_guideline",
    "claims_guideline",
    "reviewer_guideline_chapter",
    "reviewer_specialties",
    "sex",
    "layout",
    "priority",
    "age",
    "truncated",
];

/// Counts of each facet's values over the documents the index should hold for the sample
/// letters: one per decision (one for a letter with none), each with its letter's fields.
fn expected_counts() -> (u64, BTreeMap<String, BTreeMap<String, u64>>) {
    let mut documents = 0;
    let mut counts: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    for (input, expected_path) in fixture_pairs() {
        if !input.starts_with(crate::testenv::repo_root().join("sample-data")) {
            continue;
        }
        let letter = expected_json(&expected_path);
        if letter["kind"] != "letter" {
            continue;
        }
        let decisions = letter["decisions"].as_array().cloned().unwrap_or_default();
        let decisions = if decisions.is_empty() {
            vec![Value::Null]
        } else {
            decisions
        };
        for decision in &decisions {
            documents += 1;
            for facet in FACETS {
                let value = match decision.get(*facet) {
                    Some(value) => value,
                    None => &letter[*facet],
                };
                let values = match value {
                    Value::Array(values) => values.clone(),
                    Value::Null => Vec::new(),
                    other => vec![other.clone()],
                };
                for value in values {
                    let label = match value {
                        Value::String(text) => text,
                        other => other.to_string(),
                    };
                    *counts
                        .entry(facet.to_string())
                        .or_default()
                        .entry(label)
                        .or_default() += 1;
                }
            }
        }
    }
    (documents, counts)
}

fn indexed_sample_data() -> TestEnv {
    let env = TestEnv::new();
    env.imr(["index", "sample-data"]).expect_code(0);
    env
}

#[test]
fn facet_counts_match_the_fixtures() {
    let env = indexed_sample_data();
    let mut args = vec!["search", "--format", "json", "--limit", "0"];
    for facet in FACETS {
        args.extend(["--facet", facet]);
    }
    let results = env.imr(&args).expect_code(0).json();
    let (documents, expected) = expected_counts();
    assert_eq!(results["total_hits"], documents);
    for facet in FACETS {
        let actual: BTreeMap<String, u64> = results["facets"][*facet]
            .as_object()
            .unwrap_or_else(|| panic!("facet {facet} missing: {results}"))
            .iter()
            .map(|(value, count)| (value.clone(), count.as_u64().expect("a count")))
            .collect();
        let expected = expected.get(*facet).cloned().unwrap_or_default();
        assert_eq!(actual, expected, "facet {facet}");
    }
}

#[test]
fn facets_are_listed_most_frequent_first() {
    let env = indexed_sample_data();
    let results = env
        .imr(["search", "--facet", "category", "--format", "json"])
        .expect_code(0)
        .json();
    let counts: Vec<u64> = results["facets"]["category"]
        .as_object()
        .expect("category counts")
        .values()
        .map(|count| count.as_u64().expect("a count"))
        .collect();
    let mut sorted = counts.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(counts, sorted);
}

#[test]
fn indexing_the_same_files_again_does_not_double_count() {
    let env = indexed_sample_data();
    let first = env
        .imr(["search", "--format", "json", "--limit", "0"])
        .json();
    // A full run reads and writes every letter again; an incremental one would skip them.
    env.imr(["index", "sample-data", "--full"]).expect_code(0);
    let second = env
        .imr(["search", "--format", "json", "--limit", "0"])
        .json();
    assert_eq!(first["total_hits"], second["total_hits"]);
    assert_eq!(second["total_hits"], expected_counts().0);
}

/// The decision facet of every decision in the index.
fn decision_counts(env: &TestEnv) -> Value {
    env.imr([
        "search", "--format", "json", "--limit", "0", "--facet", "decision",
    ])
    .json()["facets"]["decision"]
        .clone()
}

#[test]
fn facet_counts_follow_a_letter_whose_decision_changed() {
    let env = TestEnv::new();
    let seed = env.copy_seed_letter("letters/seed.txt");
    let l2 = std::fs::read(repo_root().join("sample-data/l2-2013-lumbar-therapy.txt"))
        .expect("the L2 sample");
    env.write("letters/l2.txt", l2);
    let letters = env.path().join("letters");
    env.imr([Path::new("index"), letters.as_path()])
        .expect_code(0);
    let before = decision_counts(&env);
    let letter = std::fs::read_to_string(&seed).expect("the copied letter");
    std::fs::write(&seed, letter.replace(":  Upheld", ":  Overturned")).expect("rewrite");
    env.imr([Path::new("index"), letters.as_path()])
        .expect_code(0);
    let after = decision_counts(&env);
    let count = |counts: &Value, key: &str| counts[key].as_u64().unwrap_or(0);
    assert_eq!(
        count(&after, "upheld"),
        count(&before, "upheld") - 1,
        "{before} -> {after}"
    );
    assert_eq!(
        count(&after, "overturned"),
        count(&before, "overturned") + 1,
        "{before} -> {after}"
    );
}

#[test]
fn filters_narrow_the_hits_to_matching_decisions() {
    let env = indexed_sample_data();
    let (_, expected) = expected_counts();
    let overturned = expected["decision"].get("overturned").copied().unwrap_or(0);
    let results = env
        .imr([
            "search",
            "--filter",
            "decision=overturned",
            "--format",
            "json",
            "--limit",
            "100",
        ])
        .expect_code(0)
        .json();
    assert_eq!(results["total_hits"], overturned);
    for hit in results["hits"].as_array().expect("hits") {
        assert_eq!(hit["decision"], "overturned");
    }
}

#[test]
fn a_query_finds_its_term_and_highlights_it() {
    let env = indexed_sample_data();
    let results = env
        .imr(["search", "epidural", "--format", "json"])
        .expect_code(0)
        .json();
    let hits = results["hits"].as_array().expect("hits");
    assert!(!hits.is_empty());
    for hit in hits {
        let snippet = &hit["snippet"];
        let text = snippet["text"].as_str().expect("a snippet");
        let (start, end) = (
            snippet["highlights"][0][0].as_u64().expect("start") as usize,
            snippet["highlights"][0][1].as_u64().expect("end") as usize,
        );
        assert!(
            text[start..end].to_lowercase().starts_with("epidural"),
            "{text}"
        );
    }
}

#[test]
fn range_queries_on_age_and_dates() {
    let env = indexed_sample_data();
    let results = env
        .imr([
            "search",
            "age:[40 TO 50] AND date_of_injury:[2013-01-01 TO 2013-12-31]",
            "--format",
            "json",
            "--limit",
            "100",
        ])
        .expect_code(0)
        .json();
    for hit in results["hits"].as_array().expect("hits") {
        let age = hit["age"].as_u64().expect("an age");
        assert!((40..=50).contains(&age), "{hit}");
        assert!(hit["date_of_injury"]
            .as_str()
            .expect("a date")
            .starts_with("2013-"));
    }
    let seed_found = results["hits"].as_array().expect("hits").iter().any(|hit| {
        hit["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("l1-cervical-esi.txt"))
    });
    assert!(
        seed_found,
        "the seed letter (48, injured 2013-10-02) matches"
    );
}

#[test]
fn no_hits_exits_1() {
    let env = indexed_sample_data();
    let run = env.imr(["search", "xylophone"]).expect_code(1);
    assert!(
        run.stdout.starts_with("0 decisions match"),
        "{}",
        run.stdout
    );
}

#[test]
fn every_format_carries_the_same_hits() {
    let env = indexed_sample_data();
    let query = ["search", "physical therapy", "--limit", "5"];
    let json = env
        .imr(query.iter().chain(&["--format", "json"]))
        .expect_code(0)
        .json();
    let paths: Vec<String> = json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(hit_key)
        .collect();
    let ndjson = env
        .imr(query.iter().chain(&["--format", "ndjson"]))
        .expect_code(0);
    let ndjson_paths: Vec<String> = ndjson.json_lines().iter().map(hit_key).collect();
    assert_eq!(paths, ndjson_paths);
    let csv = env
        .imr(query.iter().chain(&["--format", "csv"]))
        .expect_code(0);
    assert_eq!(
        csv.stdout.lines().count(),
        paths.len() + 1,
        "{}",
        csv.stdout
    );
    let table = env.imr(query).expect_code(0);
    for line in table.stdout.lines() {
        assert!(line.chars().count() <= 80, "wider than 80 columns: {line}");
    }
    for hit in json["hits"].as_array().expect("hits") {
        assert!(table.stdout.contains(hit["path"].as_str().expect("path")));
    }
}

#[test]
fn the_index_summary_counts_files_letters_and_skips() {
    let env = TestEnv::new();
    let run = env.imr(["index", "sample-data"]).expect_code(0);
    let letters = fixture_pairs()
        .iter()
        .filter(|(input, expected)| {
            input.starts_with(crate::testenv::repo_root().join("sample-data"))
                && expected_json(expected)["kind"] == "letter"
        })
        .count();
    assert!(
        run.stderr
            .contains(&format!("index holds {letters} letters")),
        "summary: {}",
        run.stderr
    );
    assert!(run.stderr.contains(&env.index_dir().display().to_string()));
}

/// A hit's file and position, to compare hits across formats.
fn hit_key(hit: &Value) -> String {
    format!(
        "{}#{}",
        hit["path"].as_str().expect("path"),
        hit["decision_index"]
    )
}

/// The items and rationales of a search's hits, and its decision facet.
fn items_of(env: &TestEnv, args: &[&str]) -> (Vec<(String, String)>, Value) {
    let mut all = vec![
        "search", "--facet", "decision", "--limit", "50", "--format", "json",
    ];
    all.extend_from_slice(args);
    let results = env.imr(all).expect_code(0).json();
    let hits = results["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|hit| {
            let text = |name: &str| hit[name].as_str().unwrap_or_default().to_lowercase();
            (text("item"), text("rationale"))
        })
        .collect();
    (hits, results["facets"]["decision"].clone())
}

#[test]
fn a_word_only_in_a_letters_summary_no_longer_counts_its_other_decisions() {
    let env = TestEnv::new();
    env.imr(["index", "sample-data"]).expect_code(0);
    let (own, facet) = items_of(&env, &["epidural"]);
    assert!(!own.is_empty());
    for (item, rationale) in &own {
        assert!(
            item.contains("epidural") || rationale.contains("epidural"),
            "a decision that does not mention it: {item}"
        );
    }
    let counted: u64 = facet
        .as_object()
        .expect("counts")
        .values()
        .filter_map(Value::as_u64)
        .sum();
    assert_eq!(
        counted,
        own.len() as u64,
        "the counts are of those decisions"
    );

    // The Tramadol refill's letter mentions a past epidural only in its summary.
    let tramadol =
        |hits: &[(String, String)]| hits.iter().any(|(item, _)| item.contains("tramadol"));
    assert!(!tramadol(&own));
    let (named, _) = items_of(&env, &["summary:epidural"]);
    assert!(tramadol(&named), "a named summary is searched");
    let (letter, _) = items_of(&env, &["--scope", "letter", "epidural"]);
    assert!(tramadol(&letter), "the letter scope searches the summary");
    assert!(letter.len() > own.len());
}

#[test]
fn a_letters_summary_reaches_every_one_of_its_decisions() {
    // The summary is indexed once per letter, on its first document; a query on it must
    // still match each of the letter's decisions, and combine with decision fields.
    let env = TestEnv::new();
    env.imr(["index", "sample-data"]).expect_code(0);
    let hits = |args: &[&str]| -> Vec<Value> {
        let mut all = vec!["search", "--limit", "100", "--format", "json"];
        all.extend_from_slice(args);
        env.imr(all).expect_code(0).json()["hits"]
            .as_array()
            .expect("hits")
            .clone()
    };
    let by_summary = hits(&["summary:epidural"]);
    assert!(
        by_summary
            .iter()
            .any(|hit| hit["decision_index"].as_u64() > Some(0)),
        "a letter's later decisions are found through its summary"
    );
    let mut paths: Vec<&str> = by_summary
        .iter()
        .filter_map(|hit| hit["path"].as_str())
        .collect();
    paths.dedup();
    for path in paths {
        let of_letter = hits(&["*", "--filter", &format!("path={path}")]);
        let found = by_summary.iter().filter(|hit| hit["path"] == path).count();
        assert_eq!(found, of_letter.len(), "every decision of {path}");
    }
    let mri = hits(&["summary:epidural AND item:mri"]);
    assert_eq!(mri.len(), 1, "{mri:?}");
    assert!(mri[0]["item"]
        .as_str()
        .is_some_and(|item| item.to_lowercase().contains("mri")));
    env.imr(["search", "summary:epidural AND NOT summary:epidural"])
        .expect_code(1);
}

#[test]
fn match_all_facets_read_from_terms_agree_with_counted_ones() {
    // A search for everything counts keyword facets from the term dictionary and takes
    // its page without scoring; a query that matches the same documents goes through the
    // tally and the scored search. Both must agree.
    let env = TestEnv::new();
    env.imr(["index", "sample-data"]).expect_code(0);
    let facets = |query: &[&str]| -> (Value, Value) {
        let mut args = vec![
            "search",
            "--facet",
            "decision",
            "--facet",
            "category",
            "--facet",
            "body_parts",
            "--limit",
            "3",
            "--format",
            "json",
        ];
        args.extend_from_slice(query);
        let results = env.imr(args).expect_code(0).json();
        (results["facets"].clone(), results["total_hits"].clone())
    };
    let everything = facets(&[]);
    assert_eq!(everything, facets(&["decision_index:[0 TO 1000]"]));
    assert!(everything.0["decision"]["upheld"].as_u64() > Some(0));
}
