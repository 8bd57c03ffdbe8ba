//! Reads a file's bytes and turns them into letter text. Only a regular file is read
//! (opened without blocking, its type checked on the open handle, so a named pipe or a
//! device swapped in after the walk is refused too), and never more than
//! [`MAX_LETTER_BYTES`] of it, whatever its metadata says. Then it rejects what cannot be
//! a letter (binary data) before any parsing, and decodes UTF-8 or, failing that,
//! Windows-1252 (a superset of Latin-1), so no file is lost to its encoding.

use super::walk::not_regular_reason;
use encoding_rs::WINDOWS_1252;
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Letters are a few kilobytes of text; anything past this is not a letter, and no more
/// than this is read.
pub const MAX_LETTER_BYTES: u64 = 16 * 1024 * 1024;

/// Why a file's bytes were not read.
#[derive(Debug)]
pub enum ReadProblem {
    /// Not a regular file (a named pipe, a device ...): skipped, with the reason.
    NotRegular(String),
    /// Longer than [`MAX_LETTER_BYTES`]: the bytes it has at least.
    TooLarge(u64),
    /// The system refused.
    Io(std::io::Error),
}

impl ReadProblem {
    /// The reason for a report: "cannot read: ..." for a refusal.
    pub fn reason(&self) -> String {
        match self {
            ReadProblem::NotRegular(reason) => reason.clone(),
            ReadProblem::TooLarge(bytes) => format!(
                "too large for a letter (over {:.1} MiB; letters are a few KiB of text)",
                *bytes as f64 / (1024.0 * 1024.0)
            ),
            ReadProblem::Io(error) => format!("cannot read: {error}"),
        }
    }
}

/// The bytes of the regular file at `path`, at most [`MAX_LETTER_BYTES`] of them.
pub fn read_regular_file(path: &Path) -> Result<Vec<u8>, ReadProblem> {
    let file = open_without_blocking(path).map_err(ReadProblem::Io)?;
    let metadata = file.metadata().map_err(ReadProblem::Io)?;
    if !metadata.is_file() {
        return Err(ReadProblem::NotRegular(not_regular_reason(
            metadata.file_type(),
        )));
    }
    if metadata.len() > MAX_LETTER_BYTES {
        return Err(ReadProblem::TooLarge(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or_default());
    file.take(MAX_LETTER_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadProblem::Io)?;
    if bytes.len() as u64 > MAX_LETTER_BYTES {
        return Err(ReadProblem::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Opens for reading without waiting for a writer, as opening a named pipe would.
#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why a file's bytes are not letter text.
pub fn not_text_reason(bytes: &[u8]) -> Option<&'static str> {
    if bytes.contains(&0) {
        Some("binary data")
    } else {
        None
    }
}

/// Decodes letter text: UTF-8 (a byte-order mark is dropped), else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_and_latin1() {
        assert_eq!(decode("San José".as_bytes()), "San José");
        assert_eq!(decode(b"San Jos\xe9"), "San José");
        assert_eq!(decode(b"\xEF\xBB\xBFtext"), "text");
        assert_eq!(decode(b"\x93quoted\x94"), "\u{201c}quoted\u{201d}");
    }

    #[cfg(unix)]
    #[test]
    fn reads_regular_files_only_and_never_past_the_limit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let letter = dir.path().join("letter.txt");
        std::fs::write(&letter, "text").expect("write");
        assert_eq!(read_regular_file(&letter).expect("readable"), b"text");
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success(), "mkfifo");
        assert!(
            matches!(read_regular_file(&fifo), Err(ReadProblem::NotRegular(r)) if r.contains("named pipe"))
        );
        assert!(matches!(
            read_regular_file(Path::new("/dev/zero")),
            Err(ReadProblem::NotRegular(r)) if r.contains("character device")
        ));
        assert!(matches!(
            read_regular_file(&dir.path().join("gone.txt")),
            Err(ReadProblem::Io(_))
        ));
    }

    #[test]
    fn rejects_binary_data() {
        assert_eq!(not_text_reason(b"ab\0cd"), Some("binary data"));
        assert_eq!(not_text_reason(b"plain text"), None);
    }
}
