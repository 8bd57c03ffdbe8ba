//! `imr show CASE_NUMBER|PATH`: one letter with every decision, checked against the
//! fixture's expected JSON; its indexed text; a case number stated by two letters.

use crate::fixtures::expected_json;
use crate::testenv::{repo_root, TestEnv};
use serde_json::Value;

const LETTER: &str = "sample-data/l1-cervical-emg-pagebreak.txt";

fn items(letter: &Value) -> Vec<Value> {
    letter["decisions"]
        .as_array()
        .expect("decisions")
        .iter()
        .map(|decision| decision["item"].clone())
        .collect()
}

#[test]
fn show_prints_every_decision_of_the_letter_in_order() {
    let env = TestEnv::new();
    env.imr(["index", "sample-data"]).expect_code(0);
    let expected = expected_json(
        &repo_root().join("tests/fixtures/sample-data/l1-cervical-emg-pagebreak.json"),
    );
    let case_number = expected["case_number"].as_str().expect("a case number");

    let shown = env
        .imr(["show", case_number, "--format", "json"])
        .expect_code(0)
        .json();
    let letters = shown.as_array().expect("a list of letters");
    assert_eq!(letters.len(), 1);
    assert_eq!(items(&letters[0]), items(&expected));
    for field in ["age", "sex", "body_parts", "date_of_injury", "summary"] {
        assert_eq!(letters[0][field], expected[field], "{field}");
    }
    let by_path = env
        .imr(["show", LETTER, "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(by_path, shown, "by path or by case number, the same letter");

    let card = env.imr(["show", case_number]).expect_code(0);
    for item in items(&expected) {
        assert!(
            card.stdout.contains(item.as_str().expect("an item")),
            "{}",
            card.stdout
        );
    }
    let rationales = card.stdout.matches("rationale:").count();
    assert_eq!(rationales, items(&expected).len(), "{}", card.stdout);

    let text = env.imr(["show", LETTER, "--text"]).expect_code(0);
    let file = std::fs::read_to_string(repo_root().join(LETTER)).expect("the letter");
    assert_eq!(text.stdout.trim_end(), file.trim_end());

    env.imr(["show", "CM99-0000001"]).expect_code(1);
}

#[test]
fn a_case_number_stated_by_two_letters_shows_both() {
    let env = TestEnv::new();
    let original = std::fs::read_to_string(repo_root().join(LETTER)).expect("the letter");
    env.write("letters/a.txt", &original);
    env.write(
        "letters/b.txt",
        format!("{original}\nA later copy, amended.\n"),
    );
    env.imr([std::path::Path::new("index"), &env.path().join("letters")])
        .expect_code(0);
    let run = env
        .imr(["show", "cm14-0120045", "--format", "json"])
        .expect_code(0);
    assert_eq!(run.json().as_array().map(Vec::len), Some(2));
    assert!(run.stderr.contains("stated by 2 letters"), "{}", run.stderr);
}

#[test]
fn a_path_with_dot_dot_is_a_path_not_a_range() {
    let env = TestEnv::new();
    env.imr(["index", "sample-data/../sample-data"])
        .expect_code(0);
    let shown = env
        .imr([
            "show",
            "sample-data/../sample-data/l1-cervical-esi.txt",
            "--format",
            "json",
        ])
        .expect_code(0)
        .json();
    assert_eq!(shown.as_array().map(Vec::len), Some(1));
}
