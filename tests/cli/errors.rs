//! Bad input gets a one-line error naming the problem and exit code 2; files that are not
//! letters are reported, never indexed, never fatal.

use crate::testenv::TestEnv;

fn seed_only_index() -> TestEnv {
    let env = TestEnv::new();
    env.imr(["index", "sample-data/l1-cervical-esi.txt"])
        .expect_code(0);
    env
}

#[test]
fn an_unknown_field_in_a_query_is_named() {
    let env = seed_only_index();
    let run = env.imr(["search", "bodypart:knee"]).expect_code(2);
    assert!(
        run.stderr.contains("unknown field 'bodypart'"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn a_malformed_query_is_an_error() {
    let env = seed_only_index();
    let run = env.imr(["search", "age:[40 TO"]).expect_code(2);
    assert!(run.stderr.contains("invalid query"), "{}", run.stderr);
}

#[test]
fn a_bad_filter_or_facet_is_named() {
    let env = seed_only_index();
    let run = env.imr(["search", "--filter", "decision"]).expect_code(2);
    assert!(run.stderr.contains("FIELD=VALUE"), "{}", run.stderr);
    let run = env.imr(["search", "--filter", "colour=red"]).expect_code(2);
    assert!(
        run.stderr.contains("unknown --filter field 'colour'"),
        "{}",
        run.stderr
    );
    let run = env.imr(["search", "--facet", "rationale"]).expect_code(2);
    assert!(
        run.stderr.contains("unknown --facet field 'rationale'"),
        "{}",
        run.stderr
    );
    let run = env.imr(["search", "--filter", "age=old"]).expect_code(2);
    assert!(run.stderr.contains("whole number"), "{}", run.stderr);
}

#[test]
fn searching_without_an_index_says_how_to_build_one() {
    let env = TestEnv::new();
    let run = env.imr(["search", "knee"]).expect_code(2);
    assert!(run.stderr.contains("imr index"), "{}", run.stderr);
}

#[test]
fn an_index_of_another_schema_version_is_refused() {
    let env = seed_only_index();
    let meta_path = env.index_dir().join("meta.json");
    let meta = std::fs::read_to_string(&meta_path).expect("meta.json");
    let mut meta: serde_json::Value = serde_json::from_str(&meta).expect("meta.json is JSON");
    meta["payload"] = serde_json::Value::from(r#"{"schema_version":0}"#);
    std::fs::write(&meta_path, meta.to_string()).expect("rewrite meta.json");
    let run = env.imr(["search", "knee"]).expect_code(2);
    assert!(run.stderr.contains("built with schema 0"), "{}", run.stderr);
    assert!(run.stderr.contains("rebuild"), "{}", run.stderr);
    env.imr(["index", "sample-data/l1-cervical-esi.txt"])
        .expect_code(2);
}

#[test]
fn a_missing_path_is_an_error() {
    let env = TestEnv::new();
    let run = env.imr(["index", "no-such-folder"]).expect_code(2);
    assert!(run.stderr.contains("no-such-folder"), "{}", run.stderr);
}

#[test]
fn files_that_are_not_letters_are_reported_and_not_indexed() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    env.copy_seed_letter("letters/letter.txt");
    env.write("letters/empty.txt", "");
    env.write("letters/blob.bin", [0u8, 159, 146, 150, 0, 1, 2]);
    let scan = std::fs::read(
        crate::testenv::repo_root().join("tests/fixtures/pdf/l3-report-knee-arthroscopy-scan.pdf"),
    )
    .expect("the scan fixture");
    env.write("letters/scan.pdf", scan);
    let run = env
        .imr([std::path::Path::new("index"), letters.as_path()])
        .expect_code(0);
    for name in ["empty.txt", "blob.bin", "scan.pdf"] {
        assert!(
            run.stderr.contains(name),
            "{name} is reported: {}",
            run.stderr
        );
    }
    assert!(run.stderr.contains("1 added"), "{}", run.stderr);
    assert!(
        run.stderr.contains("2 not letters, 1 need OCR"),
        "{}",
        run.stderr
    );
    let results = env
        .imr(["search", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(results["total_hits"], 1);
}

#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_read_makes_the_run_partial() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    env.copy_seed_letter("letters/letter.txt");
    std::os::unix::fs::symlink(letters.join("gone.txt"), letters.join("dangling.txt"))
        .expect("symlink");
    let run = env
        .imr([
            std::path::Path::new("index"),
            std::path::Path::new("--follow-links"),
            letters.as_path(),
        ])
        .expect_code(3);
    assert!(run.stderr.contains("dangling.txt"), "{}", run.stderr);
    assert!(run.stderr.contains("1 failed"), "{}", run.stderr);
    let results = env
        .imr(["search", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(
        results["total_hits"], 1,
        "the readable letter is indexed and committed"
    );
}
