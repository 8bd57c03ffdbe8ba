//! Inputs other people leave in an archive, and that must neither hang, crash nor lose a
//! letter: named pipes, links to devices, names that are not UTF-8, dangling links, a
//! reader that goes away, an index folder that holds other files, an index of another
//! schema version. Every input stays hostile when the tests run as root.

use crate::testenv::{repo_root, TestEnv};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

/// Long enough for a debug build on a loaded machine; a hang never ends.
const RUN_LIMIT: Duration = Duration::from_secs(120);

const GOOD_LETTERS: [&str; 3] = [
    "l1-cervical-esi.txt",
    "l2-2013-lumbar-therapy.txt",
    "l3-report-knee-arthroscopy.txt",
];

fn copy_sample(name: &str, to: &Path) {
    let bytes = std::fs::read(repo_root().join("sample-data").join(name)).expect("sample letter");
    std::fs::write(to, bytes).expect("copy");
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// The report's listed files by the end of their path: status and reason.
fn listed(report: &Value) -> Vec<(String, String, String)> {
    report["files"]
        .as_array()
        .expect("a file list")
        .iter()
        .map(|file| {
            let field = |name: &str| file[name].as_str().unwrap_or_default().to_string();
            let name = Path::new(&field("path"))
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, field("status"), field("reason"))
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn a_run_over_pipes_devices_odd_names_and_dangling_links_ends_with_every_letter() {
    use std::os::unix::ffi::OsStrExt;
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    std::fs::create_dir_all(&letters).expect("mkdir");
    for name in GOOD_LETTERS {
        copy_sample(name, &letters.join(name));
    }
    let odd_name = letters.join(std::ffi::OsStr::from_bytes(b"name-\xff.txt"));
    copy_sample("l1-lumbar-norco-pt.txt", &odd_name);
    mkfifo(&letters.join("pipe.txt"));
    std::os::unix::fs::symlink("/dev/zero", letters.join("zero.txt")).expect("symlink");
    std::os::unix::fs::symlink(letters.join("gone.txt"), letters.join("dangling.txt"))
        .expect("symlink");

    let args = [
        Path::new("index"),
        Path::new("--follow-links"),
        Path::new("--format"),
        Path::new("json"),
        letters.as_path(),
    ];
    let run = env.imr_within(RUN_LIMIT, args).expect_code(3);
    let report = run.json();
    assert_eq!(report["counts"]["added"], 4, "{report}");
    assert_eq!(report["counts"]["skipped"], 2, "{report}");
    assert_eq!(report["counts"]["failed"], 1, "{report}");
    let files = listed(&report);
    let status_of = |name: &str| {
        files
            .iter()
            .find(|(listed, _, _)| listed == name)
            .map(|(_, status, reason)| (status.clone(), reason.clone()))
            .unwrap_or_else(|| panic!("{name} is not listed: {files:?}"))
    };
    let (status, reason) = status_of("pipe.txt");
    assert_eq!(status, "skipped");
    assert!(reason.contains("named pipe"), "{reason}");
    let (status, reason) = status_of("zero.txt");
    assert_eq!(status, "skipped");
    assert!(reason.contains("character device"), "{reason}");
    let (status, _) = status_of("dangling.txt");
    assert_eq!(status, "failed");
    assert_eq!(files.len(), 3, "only those three are listed: {files:?}");

    let search = env
        .imr(["search", "--format", "json", "--limit", "50"])
        .expect_code(0)
        .json();
    let paths: Vec<&str> = search["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|hit| hit["path"].as_str())
        .collect();
    assert!(
        paths.iter().any(|path| path.contains("name-\\xFF.txt")),
        "the file with a non-UTF-8 name is indexed: {paths:?}"
    );

    let again = env.imr_within(RUN_LIMIT, args).expect_code(3).json();
    assert_eq!(
        again["counts"]["unchanged"], 4,
        "nothing read twice: {again}"
    );
    assert_eq!(again["counts"]["letters_total"], 4);
}

#[cfg(unix)]
#[test]
fn links_not_followed_are_skipped_and_listed_not_failures() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    std::fs::create_dir_all(&letters).expect("mkdir");
    copy_sample(GOOD_LETTERS[0], &letters.join("letter.txt"));
    std::os::unix::fs::symlink(letters.join("letter.txt"), letters.join("link.txt"))
        .expect("symlink");
    let run = env
        .imr([
            Path::new("index"),
            Path::new("--format"),
            Path::new("json"),
            letters.as_path(),
        ])
        .expect_code(0);
    let report = run.json();
    assert_eq!(report["counts"]["skipped"], 1);
    assert_eq!(report["counts"]["failed"], 0);
    assert_eq!(report["outcome"], "completed");
    assert!(run.stderr.contains("--follow-links"), "{}", run.stderr);

    let parsed = env
        .imr([Path::new("parse"), letters.as_path()])
        .expect_code(0)
        .json_lines();
    let kinds: Vec<&str> = parsed
        .iter()
        .filter_map(|line| line["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["letter", "skipped"]);
}

#[cfg(unix)]
#[test]
fn parse_stops_quietly_when_its_reader_goes_away() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    std::fs::create_dir_all(&letters).expect("mkdir");
    // Far more output than a pipe buffers, so imr is still writing when the reader leaves.
    for copy in 0..200 {
        for name in GOOD_LETTERS {
            copy_sample(name, &letters.join(format!("{copy:03}-{name}")));
        }
    }
    let mut child = env
        .command([Path::new("parse"), letters.as_path()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("imr starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("a first line");
    assert!(first.starts_with('{'), "{first}");
    // The reader is dropped here, like `head -1` exiting.
    let output = child.wait_with_output().expect("imr ends");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn an_index_folder_holding_other_files_is_refused_and_left_alone() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    std::fs::create_dir_all(&letters).expect("mkdir");
    copy_sample(GOOD_LETTERS[0], &letters.join("letter.txt"));
    let documents = env.path().join("documents");
    let notes = env.write("documents/notes.txt", "mine");
    let run = env
        .imr([
            Path::new("--index"),
            documents.as_path(),
            Path::new("index"),
            letters.as_path(),
        ])
        .expect_code(2);
    assert!(run.stderr.contains("notes.txt"), "{}", run.stderr);
    assert!(run.stderr.contains("empty or new folder"), "{}", run.stderr);
    let left: Vec<PathBuf> = std::fs::read_dir(&documents)
        .expect("listable")
        .map(|entry| entry.expect("entry").path())
        .collect();
    assert_eq!(left, [notes], "nothing was written among the user's files");
}

#[test]
fn a_stray_file_beside_an_index_is_left_alone() {
    let env = TestEnv::new();
    env.imr(["index", "sample-data"]).expect_code(0);
    let stray = env.index_dir().join(".DS_Store");
    std::fs::write(&stray, "finder").expect("write");
    env.imr(["index", "sample-data"]).expect_code(0);
    env.imr(["index", "--full", "sample-data"]).expect_code(0);
    assert!(stray.exists(), "--full removes only the index's own files");
}

#[test]
fn an_index_of_another_schema_version_is_rebuilt_by_full() {
    let env = TestEnv::new();
    let index = ["index", "--format", "json", "sample-data"];
    let built = env.imr(index).expect_code(0).json();
    let meta_path = env.index_dir().join("meta.json");
    let mut meta: Value =
        serde_json::from_slice(&std::fs::read(&meta_path).expect("meta.json")).expect("JSON");
    let payload = meta["payload"]
        .as_str()
        .expect("a commit payload")
        .to_string();
    let mut payload: Value = serde_json::from_str(&payload).expect("payload JSON");
    payload["schema_version"] = Value::from(999);
    meta["payload"] = Value::from(payload.to_string());
    std::fs::write(&meta_path, meta.to_string()).expect("rewrite meta.json");

    let refused = env.imr(["search", "epidural"]).expect_code(2);
    assert!(refused.stderr.contains("--full"), "{}", refused.stderr);
    env.imr(index).expect_code(2);
    let rebuilt = env
        .imr(["index", "--full", "--format", "json", "sample-data"])
        .expect_code(0)
        .json();
    assert_eq!(
        rebuilt["counts"]["added"], built["counts"]["letters_total"],
        "{rebuilt}"
    );
    env.imr(["search", "epidural"]).expect_code(0);
}

#[test]
fn hostile_queries_get_an_error_or_an_answer_never_a_crash() {
    let env = TestEnv::new();
    env.imr(["index", "sample-data"]).expect_code(0);
    let nested = format!("{}epidural{}", "(".repeat(5000), ")".repeat(5000));
    let refused = env
        .imr_within(RUN_LIMIT, ["search", &nested])
        .expect_code(2);
    assert!(refused.stderr.contains("nest deeper"), "{}", refused.stderr);
    let huge = "epidural ".repeat(4000);
    let refused = env.imr_within(RUN_LIMIT, ["search", &huge]).expect_code(2);
    assert!(refused.stderr.contains("bytes long"), "{}", refused.stderr);
    let bad_number = env.imr(["search", "age:>"]).expect_code(2);
    assert!(
        bad_number.stderr.contains("whole number"),
        "{}",
        bad_number.stderr
    );
    let wildcards = ["e*", "*", "a* OR b* OR c* OR d* OR e* OR f* OR g* OR h*"];
    for query in wildcards {
        let run = env.imr_within(RUN_LIMIT, ["search", "--limit", "1", query]);
        assert!(matches!(run.code, Some(0 | 1)), "{query}: {}", run.stderr);
    }
    let ranges = "decision_date:[2000-01-01 TO 2030-01-01] ".repeat(300);
    let run = env.imr_within(RUN_LIMIT, ["search", "--limit", "1", &ranges]);
    assert!(matches!(run.code, Some(0 | 1)), "{}", run.stderr);
}
