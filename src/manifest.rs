//! The manifest: what the index knows about each file it has seen (size, modification
//! time, content hash, what it turned out to be), so a nightly run reads only new and
//! changed files, notices removed ones and recognises duplicates. It lives beside the index
//! in a redb database and is written right after each index commit; the index is the
//! truth, and a manifest left behind by a crash is repaired from it.

// redb's own error type is large; the closures below return it as redb's API does.
#![allow(clippy::result_large_err)]

use redb::{Database, ReadableTable, TableDefinition};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// File name of the manifest inside the index directory.
pub const MANIFEST_FILE: &str = "imr-manifest.redb";

/// redb's cache (1 GiB by default) would hold most of a large manifest in memory; the walk
/// looks files up in sorted order, so a small cache serves it as well.
const MANIFEST_CACHE_BYTES: usize = 64 * 1024 * 1024;

const FILES: TableDefinition<&str, &[u8]> = TableDefinition::new("files");
const LETTER_HASHES: TableDefinition<&str, &str> = TableDefinition::new("letter_hashes");
const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
const GENERATION_KEY: &str = "generation";

/// What a file turned out to be when it was last read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// Indexed as a letter.
    Letter,
    /// Not a letter; not indexed.
    NotALetter,
    /// The same content as an indexed letter; not indexed again.
    Duplicate,
    /// In the index, but not yet described here (repaired after a crash): read it again.
    Unknown,
}

/// What the manifest records of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRecord {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub modified_ns: i128,
    /// xxh3-128 of the content, in hex.
    pub hash: String,
    /// What it was.
    pub kind: FileKind,
    /// For a duplicate: the letter it duplicates.
    pub duplicate_of: Option<String>,
}

/// A change to write with the next commit.
#[derive(Debug, Clone)]
pub enum Change {
    /// Record (or re-record) a file.
    Put(String, FileRecord),
    /// Forget a file.
    Remove(String),
}

/// Problems with the manifest file.
#[derive(Debug, thiserror::Error)]
#[error(
    "manifest {path}: {message}; remove it and the next 'imr index' run rebuilds it from the index"
)]
pub struct ManifestError {
    path: PathBuf,
    message: String,
}

/// The opened manifest.
pub struct Manifest {
    path: PathBuf,
    database: Database,
}

impl Manifest {
    /// Opens the manifest in `index_dir`, creating it when missing.
    pub fn open(index_dir: &Path) -> Result<Manifest, ManifestError> {
        let path = index_dir.join(MANIFEST_FILE);
        let database = Database::builder()
            .set_cache_size(MANIFEST_CACHE_BYTES)
            .create(&path)
            .map_err(|error| ManifestError {
                path: path.clone(),
                message: error.to_string(),
            })?;
        let manifest = Manifest { path, database };
        manifest.write(|transaction| {
            transaction.open_table(FILES)?;
            transaction.open_table(LETTER_HASHES)?;
            transaction.open_table(META)?;
            Ok(())
        })?;
        Ok(manifest)
    }

    /// The record of a file.
    pub fn get(&self, path: &str) -> Result<Option<FileRecord>, ManifestError> {
        self.read(|transaction| {
            let table = transaction.open_table(FILES)?;
            let record = table.get(path)?;
            Ok(record.and_then(|bytes| serde_json::from_slice(bytes.value()).ok()))
        })
    }

    /// The indexed letter with this content hash.
    pub fn letter_with_hash(&self, hash: &str) -> Result<Option<String>, ManifestError> {
        self.read(|transaction| {
            let table = transaction.open_table(LETTER_HASHES)?;
            let path = table.get(hash)?;
            Ok(path.map(|path| path.value().to_string()))
        })
    }

    /// Every recorded path for which `keep` says yes.
    pub fn paths_where(&self, keep: impl Fn(&str) -> bool) -> Result<Vec<String>, ManifestError> {
        self.read(|transaction| {
            let table = transaction.open_table(FILES)?;
            let mut paths = Vec::new();
            for entry in table.iter()? {
                let (path, _) = entry?;
                if keep(path.value()) {
                    paths.push(path.value().to_string());
                }
            }
            Ok(paths)
        })
    }

    /// The index generation the manifest was last written for.
    pub fn generation(&self) -> Result<u64, ManifestError> {
        self.read(|transaction| {
            let table = transaction.open_table(META)?;
            let generation = table.get(GENERATION_KEY)?;
            Ok(generation.map_or(0, |value| value.value()))
        })
    }

    /// Writes `changes` and the index generation they belong to, in one transaction.
    pub fn apply(&self, changes: &[Change], generation: u64) -> Result<(), ManifestError> {
        self.write(|transaction| {
            let mut files = transaction.open_table(FILES)?;
            let mut hashes = transaction.open_table(LETTER_HASHES)?;
            for change in changes {
                match change {
                    Change::Put(path, record) => {
                        let previous = files.get(path.as_str())?.and_then(|bytes| {
                            serde_json::from_slice::<FileRecord>(bytes.value()).ok()
                        });
                        if let Some(previous) = previous {
                            forget_hash(&mut hashes, &previous, path)?;
                        }
                        let bytes = serde_json::to_vec(record).expect("a FileRecord serialises");
                        files.insert(path.as_str(), bytes.as_slice())?;
                        if record.kind == FileKind::Letter {
                            hashes.insert(record.hash.as_str(), path.as_str())?;
                        }
                    }
                    Change::Remove(path) => {
                        let previous = files.remove(path.as_str())?.and_then(|bytes| {
                            serde_json::from_slice::<FileRecord>(bytes.value()).ok()
                        });
                        if let Some(previous) = previous {
                            forget_hash(&mut hashes, &previous, path)?;
                        }
                    }
                }
            }
            transaction
                .open_table(META)?
                .insert(GENERATION_KEY, generation)?;
            Ok(())
        })
    }

    /// Forgets every file (for a full rebuild).
    pub fn clear(&self) -> Result<(), ManifestError> {
        self.write(|transaction| {
            transaction.delete_table(FILES)?;
            transaction.delete_table(LETTER_HASHES)?;
            transaction.open_table(FILES)?;
            transaction.open_table(LETTER_HASHES)?;
            Ok(())
        })
    }

    /// Gives the space of pages that earlier transactions left behind back to the file
    /// system. Every commit writes pages anew (redb is copy-on-write), so without this
    /// the file grows with every run.
    pub fn compact(&mut self) -> Result<(), ManifestError> {
        // Each pass moves what it can towards the start of the file; it says when there
        // is nothing left to move.
        while self
            .database
            .compact()
            .map_err(|error| self.error(error.into()))?
        {}
        Ok(())
    }

    fn read<T>(
        &self,
        body: impl FnOnce(&redb::ReadTransaction) -> Result<T, redb::Error>,
    ) -> Result<T, ManifestError> {
        self.database
            .begin_read()
            .map_err(redb::Error::from)
            .and_then(|transaction| body(&transaction))
            .map_err(|error| self.error(error))
    }

    fn write(
        &self,
        body: impl FnOnce(&redb::WriteTransaction) -> Result<(), redb::Error>,
    ) -> Result<(), ManifestError> {
        let transaction = self
            .database
            .begin_write()
            .map_err(|error| self.error(error.into()))?;
        body(&transaction).map_err(|error| self.error(error))?;
        transaction
            .commit()
            .map_err(|error| self.error(error.into()))
    }

    fn error(&self, error: redb::Error) -> ManifestError {
        ManifestError {
            path: self.path.clone(),
            message: error.to_string(),
        }
    }
}

fn forget_hash(
    hashes: &mut redb::Table<&str, &str>,
    previous: &FileRecord,
    path: &str,
) -> Result<(), redb::Error> {
    if previous.kind != FileKind::Letter {
        return Ok(());
    }
    let owned_by_path = hashes
        .get(previous.hash.as_str())?
        .is_some_and(|owner| owner.value() == path);
    if owned_by_path {
        hashes.remove(previous.hash.as_str())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(hash: &str, kind: FileKind) -> FileRecord {
        FileRecord {
            size: 10,
            modified_ns: 1,
            hash: hash.to_string(),
            kind,
            duplicate_of: None,
        }
    }

    #[test]
    fn records_files_and_letter_hashes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let manifest = Manifest::open(dir.path()).expect("open");
        assert!(manifest.paths_where(|_| true).expect("paths").is_empty());
        manifest
            .apply(
                &[
                    Change::Put("/a".into(), record("h1", FileKind::Letter)),
                    Change::Put("/b".into(), record("h2", FileKind::NotALetter)),
                ],
                1,
            )
            .expect("apply");
        assert_eq!(
            manifest.get("/a").expect("get"),
            Some(record("h1", FileKind::Letter))
        );
        assert_eq!(
            manifest.letter_with_hash("h1").expect("hash").as_deref(),
            Some("/a")
        );
        assert_eq!(manifest.letter_with_hash("h2").expect("hash"), None);
        assert_eq!(manifest.generation().expect("generation"), 1);

        manifest
            .apply(
                &[Change::Put("/a".into(), record("h3", FileKind::Letter))],
                2,
            )
            .expect("apply");
        assert_eq!(manifest.letter_with_hash("h1").expect("hash"), None);
        manifest
            .apply(&[Change::Remove("/a".into())], 3)
            .expect("apply");
        assert_eq!(manifest.get("/a").expect("get"), None);
        assert_eq!(manifest.letter_with_hash("h3").expect("hash"), None);
        assert_eq!(manifest.paths_where(|_| true).expect("paths"), ["/b"]);
    }

    #[test]
    fn compacting_returns_the_space_of_old_pages_and_keeps_every_record() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut manifest = Manifest::open(dir.path()).expect("open");
        for generation in 1..=20 {
            let changes: Vec<Change> = (0..500)
                .map(|n| {
                    let hash = format!("{generation}-{n}");
                    Change::Put(format!("/letters/{n}.txt"), record(&hash, FileKind::Letter))
                })
                .collect();
            manifest.apply(&changes, generation).expect("apply");
        }
        let file_size = || {
            std::fs::metadata(dir.path().join(MANIFEST_FILE))
                .expect("manifest file")
                .len()
        };
        let before = file_size();
        manifest.compact().expect("compact");
        assert!(file_size() < before, "{} -> {}", before, file_size());
        assert_eq!(manifest.paths_where(|_| true).expect("paths").len(), 500);
        assert_eq!(
            manifest.letter_with_hash("20-7").expect("hash").as_deref(),
            Some("/letters/7.txt")
        );
        assert_eq!(manifest.generation().expect("generation"), 20);
    }

    #[test]
    fn reopens_what_was_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        Manifest::open(dir.path())
            .expect("open")
            .apply(
                &[Change::Put("/a".into(), record("h", FileKind::Letter))],
                7,
            )
            .expect("apply");
        let manifest = Manifest::open(dir.path()).expect("reopen");
        assert_eq!(manifest.paths_where(|_| true).expect("paths").len(), 1);
        assert_eq!(manifest.generation().expect("generation"), 7);
        manifest.clear().expect("clear");
        assert!(manifest.paths_where(|_| true).expect("paths").is_empty());
    }
}
