//! Walks the paths given on the command line: files are taken as they are, folders
//! recursively in sorted order. A path that cannot be walked becomes an entry with its
//! error, so it ends up in the run's report instead of vanishing.

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// One file to ingest, or a path that could not be walked.
pub type WalkEntry = Result<PathBuf, (PathBuf, String)>;

/// Every file under `roots`. Symbolic links are followed only when asked; walkdir
/// reports a link loop as an error instead of going round it.
pub fn files_under(roots: &[PathBuf], follow_links: bool) -> impl Iterator<Item = WalkEntry> + '_ {
    roots.iter().flat_map(move |root| {
        WalkDir::new(root)
            .follow_links(follow_links)
            .sort_by_file_name()
            .into_iter()
            .filter_map(move |entry| match entry {
                Ok(entry) if entry.file_type().is_dir() => None,
                Ok(entry) if entry.file_type().is_symlink() => Some(Err((
                    entry.into_path(),
                    "symbolic link not followed (use --follow-links)".to_string(),
                ))),
                Ok(entry) => Some(Ok(entry.into_path())),
                Err(error) => {
                    let path = error.path().unwrap_or(root).to_path_buf();
                    Some(Err((path, walk_error_reason(&error))))
                }
            })
    })
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

/// The key a file's documents are stored under: its absolute path.
pub fn file_key(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

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
                let path = entry.expect("walkable");
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
        let entries: Vec<WalkEntry> = files_under(&[dir.path().to_path_buf()], true).collect();
        assert_eq!(entries.len(), 1);
        let (_, reason) = entries[0].as_ref().expect_err("a loop is an error");
        assert!(reason.contains("loop"), "{reason}");
    }
}
