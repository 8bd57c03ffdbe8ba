//! The manifest: what the index knows about each file it has seen (size, modification
//! time, content hash, what it turned out to be), so a nightly run reads only new and
//! changed files, notices removed ones and recognises duplicates. It lives beside the index
//! in a redb database and is written right after each index commit; the index is the
//! truth, and a manifest left behind by a crash is repaired from it.

// redb's own error type is large; the closures below return it as redb's API does.
#![allow(clippy::result_large_err)]

use redb::{Database, ReadableTable, TableDefinition, TableHandle};
use std::path::{Path, PathBuf};

/// File name of the manifest inside the index directory.
pub const MANIFEST_FILE: &str = "imr-manifest.redb";

/// redb's cache (1 GiB by default) would hold most of a large manifest in memory; the walk
/// looks files up in sorted order, so a small cache serves it as well.
const MANIFEST_CACHE_BYTES: usize = 64 * 1024 * 1024;

/// Path -> [`FileRecord`] in its binary form.
const FILES: TableDefinition<&str, &[u8]> = TableDefinition::new("files_v2");
/// Content hash -> path of the indexed letter with that content.
const LETTER_HASHES: TableDefinition<u128, &str> = TableDefinition::new("letter_hashes_v2");
/// The tables of the first manifest format (JSON records, hex hashes), dropped on open.
const FORMER_TABLES: [&str; 2] = ["files", "letter_hashes"];
const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
const GENERATION_KEY: &str = "generation";

/// What a file turned out to be when it was last read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRecord {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub modified_ns: i128,
    /// xxh3-128 of the content (0 for a file not read).
    pub hash: u128,
    /// What it was.
    pub kind: FileKind,
    /// For a duplicate: the letter it duplicates.
    pub duplicate_of: Option<String>,
}

/// The bytes of a record before its `duplicate_of` path: kind, size, modification time, hash.
const FIXED_RECORD_BYTES: usize = 1 + 8 + 16 + 16;

impl FileKind {
    fn code(self) -> u8 {
        match self {
            FileKind::Letter => 0,
            FileKind::NotALetter => 1,
            FileKind::Duplicate => 2,
            FileKind::Unknown => 3,
        }
    }

    fn from_code(code: u8) -> Option<FileKind> {
        [
            FileKind::Letter,
            FileKind::NotALetter,
            FileKind::Duplicate,
            FileKind::Unknown,
        ]
        .into_iter()
        .find(|kind| kind.code() == code)
    }
}

impl FileRecord {
    /// The record as stored: fixed-size fields (little-endian), then the duplicated
    /// letter's path, if any. A few dozen bytes, where JSON took three times as many.
    fn to_bytes(&self) -> Vec<u8> {
        let duplicate_of = self.duplicate_of.as_deref().unwrap_or_default();
        let mut bytes = Vec::with_capacity(FIXED_RECORD_BYTES + duplicate_of.len());
        bytes.push(self.kind.code());
        bytes.extend_from_slice(&self.size.to_le_bytes());
        bytes.extend_from_slice(&self.modified_ns.to_le_bytes());
        bytes.extend_from_slice(&self.hash.to_le_bytes());
        bytes.extend_from_slice(duplicate_of.as_bytes());
        bytes
    }

    /// A stored record; `None` for bytes that are not one (the file is then read again).
    fn from_bytes(bytes: &[u8]) -> Option<FileRecord> {
        let (fixed, duplicate_of) = bytes.split_at_checked(FIXED_RECORD_BYTES)?;
        let (kind, rest) = fixed.split_first()?;
        let (size, rest) = rest.split_at(8);
        let (modified_ns, hash) = rest.split_at(16);
        Some(FileRecord {
            kind: FileKind::from_code(*kind)?,
            size: u64::from_le_bytes(size.try_into().ok()?),
            modified_ns: i128::from_le_bytes(modified_ns.try_into().ok()?),
            hash: u128::from_le_bytes(hash.try_into().ok()?),
            duplicate_of: match duplicate_of {
                [] => None,
                path => Some(String::from_utf8(path.to_vec()).ok()?),
            },
        })
    }
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
#[error("manifest {path}: {message}")]
pub struct ManifestError {
    path: PathBuf,
    message: String,
}

/// A damaged manifest moved aside: where it is now, and why it could not be opened.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SetAside {
    /// Its new path.
    pub path: PathBuf,
    /// What was wrong.
    pub reason: String,
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
            let mut former = false;
            for table in transaction.list_tables()? {
                if FORMER_TABLES.contains(&table.name()) {
                    transaction.delete_table(table)?;
                    former = true;
                }
            }
            transaction.open_table(FILES)?;
            transaction.open_table(LETTER_HASHES)?;
            let mut meta = transaction.open_table(META)?;
            if former {
                // The records are gone; a generation that no longer matches the index's
                // makes the run re-learn every indexed file and read it again.
                meta.remove(GENERATION_KEY)?;
            }
            Ok(())
        })?;
        Ok(manifest)
    }

    /// Opens the manifest in `index_dir`; one that cannot be opened (damaged on disk) is
    /// moved aside as `imr-manifest.redb.damaged` and a new one is started, which the run
    /// then fills from the index as it does a missing one. Returns what was set aside and
    /// why. Only the writer of the index may call this.
    pub fn open_or_set_aside(
        index_dir: &Path,
    ) -> Result<(Manifest, Option<SetAside>), ManifestError> {
        let damaged = match Manifest::open(index_dir) {
            Ok(manifest) => return Ok((manifest, None)),
            Err(error) => error,
        };
        let path = index_dir.join(MANIFEST_FILE);
        if !path.exists() {
            return Err(damaged);
        }
        let aside = index_dir.join(format!("{MANIFEST_FILE}.damaged"));
        std::fs::rename(&path, &aside).map_err(|error| ManifestError {
            path: path.clone(),
            message: format!("{}; and it cannot be moved aside: {error}", damaged.message),
        })?;
        let manifest = Manifest::open(index_dir)?;
        Ok((
            manifest,
            Some(SetAside {
                path: aside,
                reason: damaged.message,
            }),
        ))
    }

    /// The record of a file.
    pub fn get(&self, path: &str) -> Result<Option<FileRecord>, ManifestError> {
        self.read(|transaction| {
            let table = transaction.open_table(FILES)?;
            let record = table.get(path)?;
            Ok(record.and_then(|bytes| FileRecord::from_bytes(bytes.value())))
        })
    }

    /// The indexed letter with this content hash.
    pub fn letter_with_hash(&self, hash: u128) -> Result<Option<String>, ManifestError> {
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
                        let previous = files
                            .get(path.as_str())?
                            .and_then(|bytes| FileRecord::from_bytes(bytes.value()));
                        if let Some(previous) = previous {
                            forget_hash(&mut hashes, &previous, path)?;
                        }
                        files.insert(path.as_str(), record.to_bytes().as_slice())?;
                        if record.kind == FileKind::Letter {
                            hashes.insert(record.hash, path.as_str())?;
                        }
                    }
                    Change::Remove(path) => {
                        let previous = files
                            .remove(path.as_str())?
                            .and_then(|bytes| FileRecord::from_bytes(bytes.value()));
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
        // Each call moves what it can and says whether it moved anything.
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
    hashes: &mut redb::Table<u128, &str>,
    previous: &FileRecord,
    path: &str,
) -> Result<(), redb::Error> {
    if previous.kind != FileKind::Letter {
        return Ok(());
    }
    let owned_by_path = hashes
        .get(previous.hash)?
        .is_some_and(|owner| owner.value() == path);
    if owned_by_path {
        hashes.remove(previous.hash)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(hash: u128, kind: FileKind) -> FileRecord {
        FileRecord {
            size: 10,
            modified_ns: 1,
            hash,
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
                    Change::Put("/a".into(), record(1, FileKind::Letter)),
                    Change::Put("/b".into(), record(2, FileKind::NotALetter)),
                ],
                1,
            )
            .expect("apply");
        assert_eq!(
            manifest.get("/a").expect("get"),
            Some(record(1, FileKind::Letter))
        );
        assert_eq!(
            manifest.letter_with_hash(1).expect("hash").as_deref(),
            Some("/a")
        );
        assert_eq!(manifest.letter_with_hash(2).expect("hash"), None);
        assert_eq!(manifest.generation().expect("generation"), 1);

        manifest
            .apply(&[Change::Put("/a".into(), record(3, FileKind::Letter))], 2)
            .expect("apply");
        assert_eq!(manifest.letter_with_hash(1).expect("hash"), None);
        manifest
            .apply(&[Change::Remove("/a".into())], 3)
            .expect("apply");
        assert_eq!(manifest.get("/a").expect("get"), None);
        assert_eq!(manifest.letter_with_hash(3).expect("hash"), None);
        assert_eq!(manifest.paths_where(|_| true).expect("paths"), ["/b"]);
    }

    #[test]
    fn compacting_returns_the_space_of_old_pages_and_keeps_every_record() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut manifest = Manifest::open(dir.path()).expect("open");
        for generation in 1..=20 {
            let changes: Vec<Change> = (0..500)
                .map(|n| {
                    let hash = u128::from(generation) * 1_000 + n;
                    Change::Put(format!("/letters/{n}.txt"), record(hash, FileKind::Letter))
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
            manifest.letter_with_hash(20_007).expect("hash").as_deref(),
            Some("/letters/7.txt")
        );
        assert_eq!(manifest.generation().expect("generation"), 20);
    }

    #[test]
    fn records_keep_every_field_through_their_bytes() {
        let records = [
            record(u128::MAX, FileKind::Letter),
            FileRecord {
                size: u64::MAX,
                modified_ns: -5,
                hash: 7,
                kind: FileKind::Duplicate,
                duplicate_of: Some("/letters/San José.txt".to_string()),
            },
            record(0, FileKind::Unknown),
            record(3, FileKind::NotALetter),
        ];
        for record in records {
            assert_eq!(FileRecord::from_bytes(&record.to_bytes()), Some(record));
        }
        assert_eq!(FileRecord::from_bytes(b"{\"size\":10}"), None);
        assert_eq!(FileRecord::from_bytes(&[9; FIXED_RECORD_BYTES]), None);
        let mut bad_path = record(1, FileKind::Duplicate).to_bytes();
        bad_path.push(0xff);
        assert_eq!(FileRecord::from_bytes(&bad_path), None);
    }

    #[test]
    fn a_manifest_of_the_former_format_is_dropped_and_relearned() {
        let dir = tempfile::tempdir().expect("temp dir");
        let former_files: TableDefinition<&str, &[u8]> = TableDefinition::new("files");
        {
            let database = Database::create(dir.path().join(MANIFEST_FILE)).expect("create");
            let transaction = database.begin_write().expect("write");
            transaction
                .open_table(former_files)
                .expect("table")
                .insert("/a", br#"{"size":1}"#.as_slice())
                .expect("insert");
            transaction
                .open_table(META)
                .expect("table")
                .insert(GENERATION_KEY, 5)
                .expect("insert");
            transaction.commit().expect("commit");
        }
        let manifest = Manifest::open(dir.path()).expect("open");
        assert_eq!(manifest.generation().expect("generation"), 0);
        assert!(manifest.paths_where(|_| true).expect("paths").is_empty());
    }

    #[test]
    fn reopens_what_was_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        Manifest::open(dir.path())
            .expect("open")
            .apply(&[Change::Put("/a".into(), record(9, FileKind::Letter))], 7)
            .expect("apply");
        let manifest = Manifest::open(dir.path()).expect("reopen");
        assert_eq!(manifest.paths_where(|_| true).expect("paths").len(), 1);
        assert_eq!(manifest.generation().expect("generation"), 7);
        manifest.clear().expect("clear");
        assert!(manifest.paths_where(|_| true).expect("paths").is_empty());
    }
}
