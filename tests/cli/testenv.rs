//! A temporary workspace for running the real `imr` binary: its own index directory, a
//! place for letter files, and assertions that print the command and its output when
//! they fail.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The repository root, where `sample-data/` and `tests/fixtures/` live.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary directory with an index location of its own.
pub struct TestEnv {
    dir: tempfile::TempDir,
}

/// The outcome of one `imr` run.
pub struct Run {
    pub command: String,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv {
            dir: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn index_dir(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// Writes a file under the workspace and returns its path.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent folders");
        }
        std::fs::write(&path, contents).expect("write test file");
        path
    }

    /// Copies the seed letter to `relative` under the workspace and returns its path.
    pub fn copy_seed_letter(&self, relative: &str) -> PathBuf {
        let seed = std::fs::read(repo_root().join("sample-data/l1-cervical-esi.txt"))
            .expect("the seed letter is readable");
        self.write(relative, seed)
    }

    /// The `imr` command with `args`, the workspace's index in `IMR_INDEX`.
    pub fn command<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut command = Command::new(env!("CARGO_BIN_EXE_imr"));
        command
            .args(args)
            .current_dir(repo_root())
            .env("IMR_INDEX", self.index_dir())
            .env_remove("NO_COLOR");
        command
    }

    /// Runs `imr` with `args`, the workspace's index in `IMR_INDEX`.
    pub fn imr<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut command = self.command(args);
        let output: Output = command.output().expect("imr runs");
        Run::of(&command, output)
    }

    /// Runs `imr` with `args`, failing the test (and killing the run) if it has not ended
    /// by itself within `limit`: for inputs that could make a run hang.
    pub fn imr_within<I, S>(&self, limit: Duration, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut command = self.command(args);
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = command.spawn().expect("imr starts");
        let started = Instant::now();
        while child.try_wait().expect("imr can be waited for").is_none() {
            if started.elapsed() > limit {
                let _ = child.kill();
                let output = child.wait_with_output().expect("imr is reaped");
                panic!(
                    "{command:?} did not end within {limit:?}\nstderr:\n{}",
                    String::from_utf8_lossy(&output.stderr)
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let output = child.wait_with_output().expect("imr output");
        Run::of(&command, output)
    }
}

impl Run {
    fn of(command: &Command, output: Output) -> Run {
        Run {
            command: format!("{command:?}"),
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Fails, printing the run, unless the exit code is `expected`.
    pub fn expect_code(self, expected: i32) -> Run {
        assert_eq!(
            self.code,
            Some(expected),
            "unexpected exit code\ncommand: {}\nstdout:\n{}\nstderr:\n{}",
            self.command,
            self.stdout,
            self.stderr
        );
        self
    }

    /// Standard output as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|error| {
            panic!(
                "stdout of {} is not JSON ({error}):\n{}",
                self.command, self.stdout
            )
        })
    }

    /// Standard output as one JSON value per line.
    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|line| {
                serde_json::from_str(line).unwrap_or_else(|error| {
                    panic!("a line of {} is not JSON ({error}): {line}", self.command)
                })
            })
            .collect()
    }
}

/// A JSON file written by a run (a `--report`).
pub fn read_json(path: &Path) -> serde_json::Value {
    let bytes = std::fs::read(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The entry of a run report's `files` whose path ends with `name`.
pub fn listed_file<'a>(report: &'a serde_json::Value, name: &str) -> Option<&'a serde_json::Value> {
    report["files"].as_array()?.iter().find(|file| {
        file["path"]
            .as_str()
            .is_some_and(|path| path.ends_with(name))
    })
}
