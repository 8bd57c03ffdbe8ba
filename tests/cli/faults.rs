//! Faults around the index between and during runs: the manifest deleted or damaged, the
//! index's `meta.json` truncated, the disk full during a run, the index on a read-only file
//! system. Each gives a clear message and the right exit status, the last committed index
//! stays readable, and the next healthy run repairs what it can. (A stale lock left by a
//! killed run is `batch::a_run_killed_part_way_leaves_whole_letters_and_the_next_run_finishes`.)

use crate::testenv::TestEnv;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn index_json(env: &TestEnv, extra: &[&str]) -> (Option<i32>, Value, String) {
    let mut args = vec!["index", "--format", "json"];
    args.extend_from_slice(extra);
    args.push("sample-data");
    let run = env.imr(&args);
    let report = serde_json::from_str(&run.stdout).unwrap_or(Value::Null);
    (run.code, report, run.stderr)
}

fn total_hits(env: &TestEnv) -> Value {
    env.imr(["search", "--format", "json", "--limit", "1"])
        .expect_code(0)
        .json()["total_hits"]
        .clone()
}

#[test]
fn a_deleted_manifest_is_rebuilt_from_the_index_without_counting_twice() {
    let env = TestEnv::new();
    let (_, first, _) = index_json(&env, &[]);
    let hits = total_hits(&env);
    std::fs::remove_file(env.index_dir().join("imr-manifest.redb")).expect("remove manifest");
    let (code, again, stderr) = index_json(&env, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        again["counts"]["letters_total"],
        first["counts"]["letters_total"]
    );
    assert_eq!(total_hits(&env), hits, "no decision counted twice");
    let (_, third, _) = index_json(&env, &[]);
    assert_eq!(third["counts"]["unchanged"], first["counts"]["files_seen"]);
}

#[test]
fn a_damaged_manifest_is_set_aside_and_rebuilt() {
    let env = TestEnv::new();
    let (_, first, _) = index_json(&env, &[]);
    let hits = total_hits(&env);
    std::fs::write(env.index_dir().join("imr-manifest.redb"), [0x5a; 4096]).expect("damage");
    let (code, again, stderr) = index_json(&env, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("moved to"), "{stderr}");
    assert!(again["manifest_set_aside"]["path"]
        .as_str()
        .is_some_and(|path| path.ends_with("imr-manifest.redb.damaged")));
    assert!(env.index_dir().join("imr-manifest.redb.damaged").exists());
    assert_eq!(
        again["counts"]["letters_total"],
        first["counts"]["letters_total"]
    );
    assert_eq!(total_hits(&env), hits);
}

#[test]
fn a_truncated_meta_json_is_reported_and_rebuilt_by_full() {
    let env = TestEnv::new();
    let (_, first, _) = index_json(&env, &[]);
    let meta = env.index_dir().join("meta.json");
    let bytes = std::fs::read(&meta).expect("meta.json");
    std::fs::write(&meta, &bytes[..bytes.len() / 3]).expect("truncate");
    let search = env.imr(["search", "epidural"]).expect_code(2);
    assert!(search.stderr.contains("damaged"), "{}", search.stderr);
    assert!(search.stderr.contains("--full"), "{}", search.stderr);
    assert!(
        search.stderr.lines().count() == 1 && search.stderr.len() < 400,
        "one short line: {}",
        search.stderr
    );
    let (code, _, _) = index_json(&env, &[]);
    assert_eq!(
        code,
        Some(2),
        "an ordinary run does not write over a damaged index"
    );
    let (code, rebuilt, stderr) = index_json(&env, &["--full"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        rebuilt["counts"]["letters_total"],
        first["counts"]["letters_total"]
    );
    env.imr(["search", "epidural"]).expect_code(0);
}

/// A small tmpfs mounted for one test, unmounted when dropped. `None` where the machine
/// does not allow mounting (not root, no CAP_SYS_ADMIN): the caller says it skipped.
struct SmallDisk {
    path: PathBuf,
}

impl SmallDisk {
    fn mount(path: &Path, size: &str) -> Option<SmallDisk> {
        std::fs::create_dir_all(path).ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(path)
            .output()
            .ok()?;
        mounted.status.success().then(|| SmallDisk {
            path: path.to_path_buf(),
        })
    }

    fn remount_read_only(&self) -> bool {
        Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.path)
            .status()
            .is_ok_and(|status| status.success())
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

/// A small tmpfs and the index path on it; `None`, saying so, where mounting is not allowed.
fn on_small_disk(env: &TestEnv, size: &str) -> Option<(SmallDisk, String)> {
    let Some(disk) = SmallDisk::mount(&env.path().join("disk"), size) else {
        eprintln!("skipped: this machine does not allow mounting a tmpfs (needs root)");
        return None;
    };
    let index = disk.path.join("index").display().to_string();
    Some((disk, index))
}

fn with_index(env: &TestEnv, index: &str, args: &[&str]) -> crate::testenv::Run {
    let mut all = vec!["--index", index];
    all.extend_from_slice(args);
    env.imr(all)
}

#[test]
fn a_full_disk_fails_the_run_keeps_the_last_commit_and_the_next_run_completes() {
    let env = TestEnv::new();
    let Some((disk, index)) = on_small_disk(&env, "8m") else {
        return;
    };
    let few = env.path().join("few");
    std::fs::create_dir_all(&few).expect("mkdir");
    for name in ["l1-cervical-esi.txt", "l1-knee-synvisc-double-spaced.txt"] {
        std::fs::copy(Path::new("sample-data").join(name), few.join(name)).expect("copy");
    }
    let few = few.to_str().expect("a UTF-8 path");
    let hits = || {
        with_index(&env, &index, &["search", "--format", "json"])
            .expect_code(0)
            .json()["total_hits"]
            .clone()
    };
    with_index(&env, &index, &["index", few]).expect_code(0);
    let before = hits();
    let filler = disk.path.join("filler");
    let _ = Command::new("dd")
        .args(["if=/dev/zero", "bs=1M", "count=64"])
        .arg(format!("of={}", filler.display()))
        .output();
    let full = with_index(&env, &index, &["index", "sample-data"]).expect_code(2);
    assert!(full.stderr.contains("No space left"), "{}", full.stderr);
    assert_eq!(hits(), before, "the last commit is still what searches see");
    std::fs::remove_file(&filler).expect("free the space");
    let healed = with_index(
        &env,
        &index,
        &["index", "--format", "json", "sample-data", few],
    )
    .expect_code(0)
    .json();
    assert_eq!(healed["counts"]["letters_total"], 15, "{healed}");
}

#[test]
fn an_index_on_a_read_only_file_system_is_searched_but_not_written() {
    let env = TestEnv::new();
    let Some((disk, index)) = on_small_disk(&env, "16m") else {
        return;
    };
    let with_index = |args: &[&str]| with_index(&env, &index, args);
    with_index(&["index", "sample-data"]).expect_code(0);
    assert!(disk.remount_read_only(), "remount read-only");
    with_index(&["search", "epidural"]).expect_code(0);
    with_index(&["status"]).expect_code(0);
    let refused = with_index(&["index", "sample-data"]).expect_code(2);
    assert!(
        refused.stderr.contains("cannot write"),
        "{}",
        refused.stderr
    );
}
