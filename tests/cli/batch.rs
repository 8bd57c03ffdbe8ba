//! Nightly batch runs: incremental updates with exact counts, duplicates, the writer lock,
//! the run report, `imr status`, and recovery from a run killed with SIGKILL.

use crate::testenv::{listed_file, read_json, Run, TestEnv};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A letter with three disputed items, made unique by `n`.
fn letter(n: usize) -> String {
    format!(
        "Case Number: CM14-{n:07}     Date Assigned: 07/30/2014\n\
         Date of Injury: 03/11/2012     Decision Date: 09/04/2014\n\
         HOW THE IMR FINAL DETERMINATION WAS MADE\n\
         The expert reviewer is Board Certified in Family Practice and is licensed to practice in California.\n\
         CLINICAL CASE SUMMARY\n\
         This {age} year old male sustained a work injury on 3/11/12 involving the low back.\n\
         He was diagnosed with lumbar strain. Note number {n}.\n\
         IMR ISSUES, DECISIONS AND RATIONALES\n\
         Norco 10/325mg #120:  Upheld\n\
         Claims Administrator guideline: MTUS Chronic Pain Medical Treatment Guidelines\n\
         MAXIMUS guideline: MTUS Chronic Pain Medical Treatment Guidelines\n\
         Decision rationale: No functional improvement is documented.\n\
         Physical therapy 2x6:  Overturned\n\
         Claims Administrator guideline: ODG Low Back chapter\n\
         MAXIMUS guideline: MTUS Chronic Pain Medical Treatment Guidelines\n\
         Decision rationale: Therapy is recommended after a flare.\n\
         Lumbar MRI:  Upheld\n\
         Claims Administrator guideline: MTUS ACOEM Chapter 12\n\
         MAXIMUS guideline: Decision based on MTUS ACOEM Chapter 12 Low Back Complaints.\n\
         Decision rationale: There are no red flags.\n",
        age = 30 + n % 40,
    )
}

fn write_letters(env: &TestEnv, folder: &str, range: std::ops::Range<usize>) {
    for n in range {
        env.write(
            &format!("{folder}/{:02}/letter-{n:05}.txt", n % 20),
            letter(n),
        );
    }
}

fn counts(run: &Run) -> Value {
    run.json()["counts"].clone()
}

fn count(run: &Run, name: &str) -> u64 {
    counts(run)[name]
        .as_u64()
        .unwrap_or_else(|| panic!("count {name} in {}", run.stdout))
}

fn index(env: &TestEnv, folder: &Path) -> Run {
    env.imr([
        Path::new("index"),
        folder,
        Path::new("--format"),
        Path::new("json"),
    ])
}

#[test]
fn runs_add_update_remove_and_rename_with_exact_counts() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    write_letters(&env, "letters", 0..10);
    let first = index(&env, &letters).expect_code(0);
    assert_eq!(count(&first, "added"), 10);
    assert_eq!(count(&first, "letters_total"), 10);
    assert_eq!(count(&first, "decisions_total"), 30);

    let again = index(&env, &letters).expect_code(0);
    for name in [
        "added",
        "updated",
        "removed",
        "duplicates",
        "not_letters",
        "failed",
    ] {
        assert_eq!(count(&again, name), 0, "{name} after an identical run");
    }
    assert_eq!(count(&again, "unchanged"), 10, "{}", again.stdout);

    write_letters(&env, "letters", 10..12);
    env.write("letters/00/letter-00000.txt", letter(100));
    std::fs::remove_file(letters.join("01/letter-00001.txt")).expect("delete");
    std::fs::rename(
        letters.join("02/letter-00002.txt"),
        letters.join("02/renamed.txt"),
    )
    .expect("rename");
    let changed = index(&env, &letters).expect_code(0);
    assert_eq!(
        count(&changed, "added"),
        3,
        "two new files and the renamed one"
    );
    assert_eq!(count(&changed, "updated"), 1);
    assert_eq!(
        count(&changed, "removed"),
        2,
        "the deleted file and the rename's old name"
    );
    assert_eq!(count(&changed, "unchanged"), 7);
    assert_eq!(count(&changed, "letters_total"), 11);
    assert_eq!(count(&changed, "decisions_total"), 33);

    let search = env
        .imr(["search", "--format", "json", "--limit", "0"])
        .expect_code(0)
        .json();
    assert_eq!(search["total_hits"], 33);
}

#[test]
fn identical_content_is_indexed_once_and_shared_case_numbers_are_reported() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    env.write("letters/a.txt", letter(1));
    env.write("letters/b-copy.txt", letter(1));
    env.write(
        "letters/c.txt",
        letter(2).replace("Note number 2", "A different letter"),
    );
    env.write("letters/d.txt", letter(2));
    let run = index(&env, &letters).expect_code(0);
    assert_eq!(count(&run, "added"), 3);
    assert_eq!(count(&run, "duplicates"), 1);
    assert_eq!(count(&run, "decisions_total"), 9);
    let report = run.json();
    let duplicate = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|file| file["status"] == "duplicate")
        .expect("the duplicate is listed");
    // Workers race for the content: either copy may be the one indexed, never both.
    let duplicate_path = duplicate["path"].as_str().expect("path");
    assert!(
        duplicate_path.ends_with("b-copy.txt") || duplicate_path.ends_with("a.txt"),
        "{duplicate_path}"
    );
    let shared = &report["shared_case_numbers"][0];
    assert_eq!(shared["case_number"], "CM14-0000002");
    assert_eq!(shared["paths"].as_array().expect("paths").len(), 2);

    let original = if duplicate_path.ends_with("a.txt") {
        "b-copy.txt"
    } else {
        "a.txt"
    };
    std::fs::remove_file(letters.join(original)).expect("delete the original");
    let run = index(&env, &letters).expect_code(0);
    assert_eq!(count(&run, "removed"), 1);
    assert_eq!(
        count(&run, "letters_total"),
        3,
        "the copy takes the original's place"
    );
}

#[test]
fn the_report_file_and_status_tell_how_the_run_went() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    write_letters(&env, "letters", 0..3);
    env.write("letters/fax.txt", "FAX COVER SHEET\nTo: Claims\n");
    let report_path = env.path().join("report.json");
    env.imr([
        Path::new("index"),
        letters.as_path(),
        Path::new("--report"),
        report_path.as_path(),
    ])
    .expect_code(0);
    let report = read_json(&report_path);
    assert_eq!(report["outcome"], "completed");
    assert_eq!(report["counts"]["not_letters"], 1);
    assert_eq!(report["counts"]["files_seen"], 4);
    assert!(report["started_at"].as_str().is_some() && report["finished_at"].as_str().is_some());
    assert_eq!(report["files"][0]["status"], "not_a_letter");

    let status = env
        .imr(["status", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(status["letters"], 3);
    assert_eq!(status["decisions"], 9);
    assert_eq!(status["schema_version"], 2);
    assert_eq!(status["last_run"]["outcome"], "completed");
    assert!(status["size_in_bytes"].as_u64().expect("size") > 0);
    let text = env.imr(["status"]).expect_code(0);
    assert!(text.stdout.contains("letters         3"), "{}", text.stdout);
}

#[test]
fn full_rebuilds_from_scratch() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    write_letters(&env, "letters", 0..4);
    index(&env, &letters).expect_code(0);
    let run = env
        .imr([
            Path::new("index"),
            letters.as_path(),
            Path::new("--full"),
            Path::new("--format"),
            Path::new("json"),
        ])
        .expect_code(0);
    assert_eq!(count(&run, "added"), 4);
    assert_eq!(count(&run, "letters_total"), 4);
}

#[test]
fn a_run_over_unchanged_files_commits_nothing() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    write_letters(&env, "letters", 0..4);
    index(&env, &letters).expect_code(0);
    let generation = index_generation(&env);
    let meta = std::fs::read(env.index_dir().join("meta.json")).expect("meta.json");
    let run = index(&env, &letters).expect_code(0);
    assert_eq!(count(&run, "unchanged"), 4);
    assert_eq!(index_generation(&env), generation);
    assert_eq!(
        std::fs::read(env.index_dir().join("meta.json")).expect("meta.json"),
        meta,
        "a run with nothing to do rewrote the index's meta.json"
    );
    write_letters(&env, "letters", 4..5);
    index(&env, &letters).expect_code(0);
    assert!(
        index_generation(&env) > generation,
        "a new letter is committed"
    );
}

/// Starts `imr index` in the background on `folder`.
fn spawn_index(env: &TestEnv, folder: &Path, extra: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_imr"))
        .arg("index")
        .arg(folder)
        .args(extra)
        .env("IMR_INDEX", env.index_dir())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("imr starts")
}

fn send_sigterm(run: &std::process::Child) {
    let signalled = Command::new("kill")
        .args(["-TERM", &run.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(signalled.success());
}

fn wait_for(what: &str, condition: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !condition() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn index_generation(env: &TestEnv) -> u64 {
    let Ok(meta) = std::fs::read_to_string(env.index_dir().join("meta.json")) else {
        return 0;
    };
    let meta: Value = serde_json::from_str(&meta).unwrap_or(Value::Null);
    meta["payload"]
        .as_str()
        .and_then(|payload| serde_json::from_str::<Value>(payload).ok())
        .and_then(|payload| payload["generation"].as_u64())
        .unwrap_or(0)
}

#[test]
fn a_second_writer_is_refused_with_75_while_search_keeps_working() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    write_letters(&env, "letters", 0..3000);
    env.imr(["index", "sample-data/l1-cervical-esi.txt"])
        .expect_code(0);
    let before = index_generation(&env);
    let mut first = spawn_index(&env, &letters, &["--commit-every", "200"]);
    wait_for("the first run's first commit", || {
        index_generation(&env) > before
    });
    let second = env.imr([Path::new("index"), letters.as_path()]);
    let still_running = first.try_wait().expect("wait").is_none();
    let search = env.imr(["search", "--format", "json", "--limit", "0"]);
    first.wait().expect("the first run ends");
    assert!(
        still_running,
        "the first run outlived the second; give it more letters"
    );
    let second = second.expect_code(75);
    assert!(second.stderr.contains("locked"), "{}", second.stderr);
    assert!(
        second
            .stderr
            .contains(&env.index_dir().display().to_string()),
        "{}",
        second.stderr
    );
    search.expect_code(0);
}

#[cfg(unix)]
#[test]
fn a_run_killed_part_way_leaves_whole_letters_and_the_next_run_finishes() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    let total = 3000;
    write_letters(&env, "letters", 0..total);
    let mut run = spawn_index(&env, &letters, &["--commit-every", "100"]);
    wait_for("a few commits", || index_generation(&env) >= 3);
    run.kill().expect("SIGKILL");
    run.wait().expect("reaped");

    let hits = env
        .imr(["search", "--format", "ndjson", "--limit", "100000"])
        .expect_code(0)
        .json_lines();
    let mut positions: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for hit in &hits {
        let path = hit["path"].as_str().expect("path").to_string();
        positions
            .entry(path)
            .or_default()
            .push(hit["decision_index"].as_u64().expect("index"));
    }
    assert!(
        !positions.is_empty(),
        "some letters were committed before the kill"
    );
    for (path, mut indices) in positions {
        indices.sort_unstable();
        assert_eq!(indices, [0, 1, 2], "{path} is whole and not duplicated");
    }

    let finish = index(&env, &letters).expect_code(0);
    assert_eq!(count(&finish, "letters_total"), total as u64);
    assert_eq!(count(&finish, "decisions_total"), 3 * total as u64);
    let again = index(&env, &letters).expect_code(0);
    assert_eq!(
        count(&again, "added") + count(&again, "updated") + count(&again, "removed"),
        0
    );
    assert_eq!(count(&again, "letters_total"), total as u64);
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_run_cleanly_and_commits_what_it_has() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    let total = 3000;
    write_letters(&env, "letters", 0..total);
    let report_path = env.path().join("report.json");
    let report_arg = report_path.display().to_string();
    let mut run = spawn_index(
        &env,
        &letters,
        &["--commit-every", "100", "--report", &report_arg],
    );
    wait_for("a first commit", || index_generation(&env) >= 2);
    send_sigterm(&run);
    let status = run.wait().expect("the run ends");
    assert_eq!(status.code(), Some(130), "interrupted runs exit 130");
    let report = read_json(&report_path);
    assert_eq!(report["outcome"], "interrupted");
    let indexed = report["counts"]["added"].as_u64().expect("added");
    assert_eq!(report["counts"]["letters_total"].as_u64(), Some(indexed));
    assert!(report["counts"]["pending"].as_u64().expect("pending") > 0);
    assert_eq!(
        indexed + report["counts"]["pending"].as_u64().expect("pending"),
        total as u64
    );

    let finish = index(&env, &letters).expect_code(0);
    assert_eq!(count(&finish, "added"), total as u64 - indexed);
    assert_eq!(count(&finish, "letters_total"), total as u64);
}

#[test]
fn a_second_stop_request_ends_the_run_at_once_and_the_next_run_finishes() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    let total = 3000;
    write_letters(&env, "letters", 0..total);
    let mut run = spawn_index(&env, &letters, &["--commit-every", "100"]);
    wait_for("a first commit", || index_generation(&env) >= 2);
    send_sigterm(&run);
    send_sigterm(&run);
    let status = run.wait().expect("the run ends");
    assert_eq!(status.code(), Some(130));
    let finish = index(&env, &letters).expect_code(0);
    assert_eq!(
        count(&finish, "letters_total"),
        total as u64,
        "nothing lost or doubled"
    );
}

#[test]
fn files_that_vanish_or_shrink_after_the_walk_are_listed_or_read_as_they_are_now() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    let total = 3000;
    write_letters(&env, "letters", 0..total);
    // Sorted last, so with one worker they are read after the first commits.
    let vanishing = env.write("letters/zz/vanishing.txt", letter(total));
    let shrinking = env.write("letters/zz/shrinking.txt", letter(total + 1));
    let report_path = env.path().join("report.json");
    let report_arg = report_path.display().to_string();
    let mut run = spawn_index(
        &env,
        &letters,
        &[
            "--threads",
            "1",
            "--commit-every",
            "100",
            "--report",
            &report_arg,
        ],
    );
    wait_for("a first commit", || index_generation(&env) >= 2);
    std::fs::remove_file(&vanishing).expect("remove");
    std::fs::write(&shrinking, "").expect("truncate");
    let status = run.wait().expect("the run ends");
    assert_eq!(status.code(), Some(3), "the vanished file failed");
    let report = read_json(&report_path);
    assert_eq!(report["counts"]["added"], total, "{report}");
    let listed = |name: &str| {
        listed_file(&report, name)
            .map(|file| (file["status"].clone(), file["reason"].clone()))
            .unwrap_or_else(|| panic!("{name} is not listed: {report}"))
    };
    let (status, reason) = listed("vanishing.txt");
    assert_eq!(status, "failed");
    assert!(
        reason.as_str().is_some_and(|r| r.contains("No such file")),
        "{reason}"
    );
    let (status, reason) = listed("shrinking.txt");
    assert_eq!(status, "not_a_letter");
    assert_eq!(reason, "empty file");
}

#[test]
fn letters_indexed_in_parallel_are_never_lost_to_out_of_order_deletes() {
    for _ in 0..5 {
        let env = TestEnv::new();
        let letters = env.path().join("letters");
        write_letters(&env, "letters", 0..20);
        let run = index(&env, &letters).expect_code(0);
        assert_eq!(count(&run, "added"), 20);
        assert_eq!(count(&run, "letters_total"), 20, "{}", run.stdout);
    }
}
