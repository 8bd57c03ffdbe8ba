//! Vocabularies as data: a user's `--vocab` folder adds rows without rebuilding, a bad file
//! is refused with its name, a changed vocabulary re-parses every letter, and what the
//! parser could not place is reported by `imr parse --summary` and by `imr index`.

use crate::testenv::TestEnv;
use std::path::Path;

/// A letter whose only item no built-in vocabulary row knows.
const UNKNOWN_ITEM_LETTER: &str = "HOW THE IMR FINAL DETERMINATION WAS MADE\n\
    The expert reviewer is Board Certified in Family Practice and is licensed to practice in California.\n\n\
    CLINICAL CASE SUMMARY\n\
    This 50 year old male sustained a work injury on 1/2/13 involving the low back.\n\n\
    IMR ISSUES, DECISIONS AND RATIONALES\n\
    Zorbex gizmo:  Upheld\n\n\
    Decision rationale: The record does not support the request.\n";

#[test]
fn a_vocab_folder_adds_rows_without_rebuilding() {
    let env = TestEnv::new();
    let letter = env.write("letters/unknown-item.txt", UNKNOWN_ITEM_LETTER);
    let built_in = env.imr([Path::new("parse"), &letter]).expect_code(0);
    assert_eq!(
        built_in.json_lines()[0]["decisions"][0]["category"],
        "other"
    );

    env.write(
        "vocab/categories.toml",
        "[[rule]]\ncategory = \"dme\"\nterms = [\"zorbex\"]\n",
    );
    let vocab = env.path().join("vocab");
    let extended = env
        .imr([Path::new("parse"), &letter, Path::new("--vocab"), &vocab])
        .expect_code(0);
    assert_eq!(extended.json_lines()[0]["decisions"][0]["category"], "dme");
}

#[test]
fn a_bad_vocab_file_is_refused_with_its_name_and_problem() {
    let env = TestEnv::new();
    let letter = env.write("letters/unknown-item.txt", UNKNOWN_ITEM_LETTER);
    env.write(
        "vocab/categories.toml",
        "[[rule]]\ncategory = \"potions\"\nterms = [\"zorbex\"]\n",
    );
    let vocab = env.path().join("vocab");
    let run = env
        .imr([Path::new("parse"), &letter, Path::new("--vocab"), &vocab])
        .expect_code(2);
    assert!(
        run.stderr.contains("categories.toml") && run.stderr.contains("potions"),
        "{}",
        run.stderr
    );

    std::fs::remove_file(vocab.join("categories.toml")).expect("remove");
    env.write("vocab/category.toml", "");
    let run = env
        .imr([Path::new("parse"), &letter, Path::new("--vocab"), &vocab])
        .expect_code(2);
    assert!(
        run.stderr
            .contains("unknown vocabulary file 'category.toml'"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_changed_vocabulary_reparses_every_letter_and_counts_once() {
    let env = TestEnv::new();
    env.write("letters/unknown-item.txt", UNKNOWN_ITEM_LETTER);
    env.copy_seed_letter("letters/seed.txt");
    let letters = env.path().join("letters");
    let vocab = env.path().join("vocab");
    let index = |extra: &[&Path]| {
        let mut args = vec![
            Path::new("index"),
            &letters,
            Path::new("--format"),
            Path::new("json"),
        ];
        args.extend_from_slice(extra);
        env.imr(args).expect_code(0).json()
    };
    let first = index(&[]);
    assert_eq!(first["vocabulary_changed"], false);
    assert_eq!(first["counts"]["added"], 2);
    assert_eq!(first["unknowns"]["other_by_default"], 1);
    assert_eq!(first["unknowns"]["other_items"][0]["item"], "Zorbex gizmo");

    let unchanged = index(&[]);
    assert_eq!(unchanged["counts"]["unchanged"], 2);

    env.write(
        "vocab/categories.toml",
        "[[rule]]\ncategory = \"dme\"\nterms = [\"zorbex\"]\n",
    );
    let changed = index(&[Path::new("--vocab"), &vocab]);
    assert_eq!(changed["vocabulary_changed"], true);
    assert_eq!(changed["counts"]["added"], 2, "every letter read again");
    assert_eq!(
        changed["counts"]["letters_total"], 2,
        "nothing counted twice"
    );
    assert_eq!(changed["unknowns"]["other_by_default"], 0);
    let search = env
        .imr(["search", "--filter", "category=dme", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(search["total_hits"], 1);

    let again = index(&[Path::new("--vocab"), &vocab]);
    assert_eq!(again["vocabulary_changed"], false);
    assert_eq!(again["counts"]["unchanged"], 2);
}

#[test]
fn parse_summary_lists_what_it_could_not_read() {
    let env = TestEnv::new();
    env.write("letters/unknown-item.txt", UNKNOWN_ITEM_LETTER);
    env.write(
        "letters/unknown-specialty.txt",
        UNKNOWN_ITEM_LETTER
            .replace("Family Practice", "Underwater Basket Weaving")
            .replace("Zorbex gizmo", "MRI of the lumbar spine"),
    );
    env.write(
        "letters/lost-decision.txt",
        UNKNOWN_ITEM_LETTER.replace(
            "Zorbex gizmo:  Upheld",
            "The gizmo was found not medically necessary.",
        ),
    );
    env.write(
        "letters/unknown-layout.txt",
        "Independent Medical Review of case CM14-0000001\nThe request is not medically necessary.\n",
    );
    let letters = env.path().join("letters");
    let report = env
        .imr([
            Path::new("parse"),
            &letters,
            Path::new("--summary"),
            Path::new("--format"),
            Path::new("json"),
        ])
        .expect_code(0)
        .json();
    let unknowns = &report["unknowns"];
    assert_eq!(unknowns["other_by_default"], 1, "{unknowns}");
    assert_eq!(
        unknowns["qualifications_without_known_specialty"]["count"],
        1
    );
    assert_eq!(unknowns["decision_lines_without_decision"]["count"], 1);
    assert_eq!(unknowns["unknown_layouts"]["count"], 1);
    assert!(unknowns["unknown_layouts"]["examples"][0]["path"]
        .as_str()
        .is_some_and(|path| path.ends_with("unknown-layout.txt")));

    let table = env
        .imr([Path::new("parse"), &letters, Path::new("--summary")])
        .expect_code(0);
    assert!(table.stdout.contains("Zorbex gizmo"), "{}", table.stdout);
    assert!(
        table.stdout.contains("Underwater Basket Weaving"),
        "{}",
        table.stdout
    );
}
