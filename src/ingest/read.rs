//! Turns a file's bytes into letter text: rejects what cannot be a letter (PDF, binary
//! data, huge files) before any parsing, and decodes UTF-8 or, failing that,
//! Windows-1252 (a superset of Latin-1), so no file is lost to its encoding.

use encoding_rs::WINDOWS_1252;

/// Letters are a few kilobytes of text; anything past this is not a letter, and is
/// rejected before it is read.
pub const MAX_LETTER_BYTES: u64 = 16 * 1024 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why a file's bytes are not letter text.
pub fn not_text_reason(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("PDF file; extract its text first (for example with pdftotext)")
    } else if bytes.contains(&0) {
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

    #[test]
    fn rejects_pdf_and_binary_data() {
        assert!(not_text_reason(b"%PDF-1.4 ...").is_some_and(|r| r.contains("pdftotext")));
        assert_eq!(not_text_reason(b"ab\0cd"), Some("binary data"));
        assert_eq!(not_text_reason(b"plain text"), None);
    }
}
