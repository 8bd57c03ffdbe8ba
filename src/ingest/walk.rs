//! Walks the paths given on the command line: files are taken as they are, folders
//! recursively in sorted order. Only regular files are read; a symbolic link that is not
//! followed, a named pipe, a socket or a device is skipped and listed, and a path that
//! cannot be walked becomes an entry with its error, so every path ends up in the run's
//! report instead of vanishing.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// One path the walk found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Walked {
    /// A regular file (or, with `--follow-links`, a link to one): read it.
    File(PathBuf),
    /// Not read by policy, with the reason: listed, not a failure.
    Skipped(PathBuf, String),
    /// Could not be walked, with the reason: a failure.
    Failed(PathBuf, String),
}

/// The keys of the files a walk found, kept as their 128-bit hashes: 16 bytes a file,
/// where the keys themselves take a hundred or more (a million files is 16 MB, not 150).
#[derive(Debug, Default)]
pub struct OnDisk(HashSet<u128>);

impl OnDisk {
    /// Notes the file with this key.
    pub fn insert(&mut self, key: &str) {
        self.0.insert(xxhash_rust::xxh3::xxh3_128(key.as_bytes()));
    }

    /// Whether the walk found the file with this key.
    pub fn contains(&self, key: &str) -> bool {
        self.0
            .contains(&xxhash_rust::xxh3::xxh3_128(key.as_bytes()))
    }
}

/// The files a walk found, in walk order, their paths packed into one buffer: a million
/// files take the bytes of their paths and 8 bytes each (about 75 MB), where a `PathBuf`
/// in a `Walked` each took about 150 MB.
#[derive(Debug, Default)]
pub struct FileList {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl FileList {
    /// Adds a file at the end.
    pub fn push(&mut self, path: &Path) {
        self.bytes.extend_from_slice(&path_bytes(path));
        self.ends.push(self.bytes.len());
    }

    /// How many files the list holds.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the list holds no file.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The path of the `index`-th file, if there is one.
    pub fn get(&self, index: usize) -> Option<PathBuf> {
        let end = *self.ends.get(index)?;
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]);
        Some(path_from_bytes(&self.bytes[start..end]))
    }
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    std::borrow::Cow::Borrowed(path.as_os_str().as_bytes())
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

/// Elsewhere a name that is not Unicode is kept with replacement characters: the file then
/// fails to open and is listed in the report, never lost silently.
#[cfg(not(unix))]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    std::borrow::Cow::Owned(path.to_string_lossy().into_owned().into_bytes())
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// The reason a symbolic link is skipped when links are not followed.
pub const LINK_NOT_FOLLOWED: &str =
    "symbolic link, not followed (pass --follow-links to read what it points to)";

/// Every path under `roots`. Symbolic links are followed only when asked; walkdir
/// reports a link loop as an error instead of going round it.
pub fn files_under(roots: &[PathBuf], follow_links: bool) -> impl Iterator<Item = Walked> + '_ {
    roots.iter().flat_map(move |root| {
        WalkDir::new(root)
            .follow_links(follow_links)
            .sort_by_file_name()
            .into_iter()
            .filter_map(move |entry| match entry {
                Ok(entry) if entry.file_type().is_dir() => None,
                Ok(entry) if entry.file_type().is_file() => Some(Walked::File(entry.into_path())),
                Ok(entry) if entry.file_type().is_symlink() => Some(Walked::Skipped(
                    entry.into_path(),
                    LINK_NOT_FOLLOWED.to_string(),
                )),
                Ok(entry) => {
                    let reason = not_regular_reason(entry.file_type());
                    Some(Walked::Skipped(entry.into_path(), reason))
                }
                Err(error) => {
                    let path = error.path().unwrap_or(root).to_path_buf();
                    Some(Walked::Failed(path, walk_error_reason(&error)))
                }
            })
    })
}

/// Why a file of this type is not read: it is no regular file, and reading it could block
/// (a named pipe) or never end (a device).
pub fn not_regular_reason(file_type: std::fs::FileType) -> String {
    format!(
        "not a regular file ({}); only regular files are read",
        file_type_name(file_type)
    )
}

#[cfg(unix)]
fn file_type_name(file_type: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        "a named pipe"
    } else if file_type.is_socket() {
        "a socket"
    } else if file_type.is_char_device() {
        "a character device"
    } else if file_type.is_block_device() {
        "a block device"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn file_type_name(file_type: std::fs::FileType) -> &'static str {
    if file_type.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

fn walk_error_reason(error: &walkdir::Error) -> String {
    if let Some(ancestor) = error.loop_ancestor() {
        return format!("symbolic link loop back to {}", ancestor.display());
    }
    match error.io_error() {
        Some(io) => format!("cannot read: {io}"),
        None => error.to_string(),
    }
}

/// The key a file's documents are stored under: its absolute path. A name that is not
/// UTF-8 keeps its other bytes as `\xNN` escapes, so two such names never share a key.
pub fn file_key(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match absolute.to_str() {
        Some(text) => text.to_string(),
        None => escaped(&absolute),
    }
}

#[cfg(unix)]
fn escaped(path: &Path) -> String {
    use std::fmt::Write;
    use std::os::unix::ffi::OsStrExt;
    let mut key = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        key.push_str(chunk.valid());
        for byte in chunk.invalid() {
            let _ = write!(key, "\\x{byte:02X}");
        }
    }
    key
}

#[cfg(not(unix))]
fn escaped(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_list_gives_back_each_path_as_pushed() {
        let mut list = FileList::default();
        assert!(list.is_empty());
        let paths = ["/a/b.txt", "/a/b.txt", "", "/x/\u{e9}t\u{e9} 2014/c.pdf"];
        for path in paths {
            list.push(Path::new(path));
        }
        assert_eq!(list.len(), paths.len());
        let back: Vec<PathBuf> = (0..list.len()).filter_map(|i| list.get(i)).collect();
        assert_eq!(back, paths.map(PathBuf::from));
        assert_eq!(list.get(paths.len()), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_list_keeps_names_that_are_not_unicode() {
        use std::os::unix::ffi::OsStrExt;
        let name = Path::new(std::ffi::OsStr::from_bytes(b"/a/\xff\xfe.txt"));
        let mut list = FileList::default();
        list.push(name);
        assert_eq!(list.get(0).as_deref(), Some(name));
    }

    #[test]
    fn walks_folders_in_sorted_order_and_takes_files_as_given() {
        let dir = tempfile::tempdir().expect("temp dir");
        let nested = dir.path().join("b");
        std::fs::create_dir(&nested).expect("mkdir");
        for name in ["c.txt", "a.txt", "b/z.txt"] {
            std::fs::write(dir.path().join(name), "x").expect("write");
        }
        let roots = vec![dir.path().to_path_buf(), dir.path().join("a.txt")];
        let names: Vec<String> = files_under(&roots, false)
            .map(|entry| {
                let Walked::File(path) = entry else {
                    panic!("a regular file: {entry:?}")
                };
                path.strip_prefix(dir.path())
                    .expect("under root")
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(names, ["a.txt", "b/z.txt", "c.txt", "a.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn reports_symlink_loops_when_following_links() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).expect("symlink");
        let entries: Vec<Walked> = files_under(&[dir.path().to_path_buf()], true).collect();
        assert_eq!(entries.len(), 1);
        let Walked::Failed(_, reason) = &entries[0] else {
            panic!("a loop is an error: {entries:?}")
        };
        assert!(reason.contains("loop"), "{reason}");
    }

    #[cfg(unix)]
    #[test]
    fn skips_links_not_followed_and_files_that_are_not_regular() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a.txt"), "x").expect("write");
        std::os::unix::fs::symlink(dir.path().join("a.txt"), dir.path().join("b.txt"))
            .expect("symlink");
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("c.txt")).expect("symlink");
        let root = [dir.path().to_path_buf()];
        let reasons = |follow| -> Vec<String> {
            files_under(&root, follow)
                .map(|entry| match entry {
                    Walked::File(_) => "read".to_string(),
                    Walked::Skipped(_, reason) => reason,
                    Walked::Failed(_, reason) => format!("failed: {reason}"),
                })
                .collect()
        };
        assert_eq!(
            reasons(false),
            ["read", LINK_NOT_FOLLOWED, LINK_NOT_FOLLOWED]
        );
        let followed = reasons(true);
        assert_eq!(followed[..2], ["read", "read"]);
        assert!(followed[2].contains("character device"), "{}", followed[2]);
    }

    #[test]
    fn remembers_the_keys_it_was_given() {
        let mut on_disk = OnDisk::default();
        on_disk.insert("/letters/a.txt");
        assert!(on_disk.contains("/letters/a.txt"));
        assert!(!on_disk.contains("/letters/b.txt"));
        assert!(!on_disk.contains("/letters/a.tx"));
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_keep_distinct_keys() {
        use std::os::unix::ffi::OsStrExt;
        let first = Path::new(std::ffi::OsStr::from_bytes(b"/letters/name-\xff.txt"));
        let second = Path::new(std::ffi::OsStr::from_bytes(b"/letters/name-\xfe.txt"));
        assert_eq!(file_key(first), "/letters/name-\\xFF.txt");
        assert_ne!(file_key(first), file_key(second));
    }
}
