//! Writes letter text as PDF files, the way people hold the letters: with a text layer
//! (Helvetica, WinAnsi), as a scan (an image of the text and no text layer), encrypted
//! with a user password, or cut short. The output is deterministic, so fixtures made
//! from it can be checked in and made again.
//!
//! A text layer is drawn the three ways PDF producers place words, chosen by line, so a
//! reader is tested on each: a whole line in one string; a line as one `TJ` array whose
//! numbers kern inside words (not spaces); and a line as one string per word, each placed
//! on its own, so the reader must see the gaps as spaces. A form feed starts a new page,
//! as does a full page.

use encoding_rs::WINDOWS_1252;
use lopdf::encryption::{EncryptionState, EncryptionVersion, Permissions};
use lopdf::{dictionary, Document, Object, ObjectId, Stream, StringFormat};

/// What kind of PDF to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PdfKind {
    /// Pages with a text layer.
    Text,
    /// Pages that are one image each, with no text layer: a scan.
    Scan,
    /// A text layer, encrypted with a user password.
    Encrypted,
    /// A text-layer file cut at half its length.
    Truncated,
}

/// The user password of [`PdfKind::Encrypted`] files.
pub const USER_PASSWORD: &str = "imr-fixture";

const PAGE_WIDTH: f32 = 612.0;
const PAGE_HEIGHT: f32 = 792.0;
const MARGIN: f32 = 54.0;
const FONT_SIZE: f32 = 9.0;
const LINE_HEIGHT: f32 = 11.0;
const LINES_PER_PAGE: usize = 62;
/// Helvetica's advance widths (thousandths of the font size) for WinAnsi 32..=126.
const HELVETICA_WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 262, 334, 584,
];
/// Pixels per font8x8 dot in a scan, and the scan's resolution.
const SCAN_SCALE: usize = 3;
const SCAN_DPI: f32 = 200.0;

/// The PDF of `text` as `kind`.
pub fn letter_pdf(text: &str, kind: PdfKind) -> Result<Vec<u8>, lopdf::Error> {
    let pages = paginate(text);
    let mut document = match kind {
        PdfKind::Scan => scan_document(&pages)?,
        _ => text_document(&pages),
    };
    if kind == PdfKind::Encrypted {
        // RC4 at revision 2, whose user value has no random padding: same bytes each time.
        let version = EncryptionVersion::V1 {
            document: &document,
            owner_password: "imr-owner",
            user_password: USER_PASSWORD,
            permissions: Permissions::all(),
        };
        let state = EncryptionState::try_from(version)?;
        document.encrypt(&state)?;
    }
    let mut bytes = Vec::new();
    document.save_to(&mut bytes)?;
    if kind == PdfKind::Truncated {
        bytes.truncate(bytes.len() / 2);
    }
    Ok(bytes)
}

/// The lines of each page: a form feed or a full page ends a page.
fn paginate(text: &str) -> Vec<Vec<String>> {
    let text = text.replace("\r\n", "\n");
    let mut pages = Vec::new();
    for sheet in text.split('\u{c}') {
        let lines: Vec<String> = sheet
            .lines()
            .map(|line| line.trim_end().to_string())
            .collect();
        for chunk in lines.chunks(LINES_PER_PAGE) {
            pages.push(chunk.to_vec());
        }
    }
    pages.retain(|page| page.iter().any(|line| !line.is_empty()));
    if pages.is_empty() {
        pages.push(Vec::new());
    }
    pages
}

/// A document of text pages.
fn text_document(pages: &[Vec<String>]) -> Document {
    let mut document = new_document();
    let font = document.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = document.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font },
    });
    let contents = pages.iter().map(|lines| text_content(lines)).collect();
    add_pages(&mut document, resources, contents);
    document
}

/// The content stream that draws `lines`.
fn text_content(lines: &[String]) -> Vec<u8> {
    let mut content = format!("BT\n/F1 {FONT_SIZE} Tf\n");
    for (number, line) in lines.iter().enumerate() {
        let y = PAGE_HEIGHT - MARGIN - LINE_HEIGHT * number as f32;
        match number % 3 {
            _ if line.trim().is_empty() => {}
            0 => {
                content.push_str(&format!("1 0 0 1 {MARGIN} {y} Tm\n"));
                content.push_str(&format!("{} Tj\n", pdf_string(line)));
            }
            1 => {
                content.push_str(&format!("1 0 0 1 {MARGIN} {y} Tm\n"));
                content.push_str(&format!("{} TJ\n", kerned_array(line)));
            }
            _ => content.push_str(&word_by_word(line, y)),
        }
    }
    content.push_str("ET\n");
    content.into_bytes()
}

/// A line as a `TJ` array that kerns by a few thousandths between the halves of every
/// word longer than three letters: a reader must not take those for spaces.
fn kerned_array(line: &str) -> String {
    let mut array = String::from("[");
    for (index, word) in line.split(' ').enumerate() {
        if index > 0 {
            array.push_str(&pdf_string(" "));
        }
        let characters: Vec<char> = word.chars().collect();
        if characters.len() > 3 {
            let middle = characters.len() / 2;
            let first: String = characters[..middle].iter().collect();
            let second: String = characters[middle..].iter().collect();
            array.push_str(&format!(
                "{} -15 {}",
                pdf_string(&first),
                pdf_string(&second)
            ));
        } else {
            array.push_str(&pdf_string(word));
        }
    }
    array.push(']');
    array
}

/// A line drawn one word at a time, each at its own position: the spaces are gaps only.
fn word_by_word(line: &str, y: f32) -> String {
    let mut content = String::new();
    let mut x = MARGIN;
    for word in line.split(' ') {
        if !word.is_empty() {
            content.push_str(&format!("1 0 0 1 {x:.2} {y} Tm\n{} Tj\n", pdf_string(word)));
        }
        x += text_width(word) + text_width(" ");
    }
    content
}

/// Width of `text` in Helvetica at the page's font size, in points.
fn text_width(text: &str) -> f32 {
    let thousandths: u32 = winansi(text)
        .iter()
        .map(|&byte| match byte {
            32..=126 => u32::from(HELVETICA_WIDTHS[usize::from(byte - 32)]),
            _ => 556,
        })
        .sum();
    thousandths as f32 * FONT_SIZE / 1000.0
}

/// `text` in WinAnsi (Windows-1252) bytes; a character it lacks becomes '?'.
fn winansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|character| {
            let mut buffer = [0u8; 4];
            let (bytes, _, unmappable) = WINDOWS_1252.encode(character.encode_utf8(&mut buffer));
            match *bytes {
                [byte] if !unmappable => byte,
                _ => b'?',
            }
        })
        .collect()
}

/// A PDF literal string of `text` in WinAnsi: parentheses and backslashes escaped, bytes
/// outside printable ASCII written in octal.
fn pdf_string(text: &str) -> String {
    let mut string = String::from("(");
    for byte in winansi(text) {
        match byte {
            b'(' | b')' | b'\\' => {
                string.push('\\');
                string.push(char::from(byte));
            }
            b' '..=b'~' => string.push(char::from(byte)),
            _ => string.push_str(&format!("\\{byte:03o}")),
        }
    }
    string.push(')');
    string
}

/// A document of image pages, one 1-bit image of the text per page.
fn scan_document(pages: &[Vec<String>]) -> Result<Document, lopdf::Error> {
    let mut document = new_document();
    let mut contents = Vec::new();
    let mut images = Vec::new();
    for lines in pages {
        let (width, height, bits) = rasterise(lines);
        let mut image = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => width as i64,
                "Height" => height as i64,
                "ColorSpace" => "DeviceGray",
                "BitsPerComponent" => 1,
            },
            bits,
        );
        image.compress()?;
        images.push(document.add_object(image));
        contents.push(format!("q {PAGE_WIDTH} 0 0 {PAGE_HEIGHT} 0 0 cm /Im1 Do Q\n").into_bytes());
    }
    let resources: Vec<ObjectId> = images
        .into_iter()
        .map(|image| {
            document.add_object(dictionary! {
                "XObject" => dictionary! { "Im1" => image },
            })
        })
        .collect();
    add_image_pages(&mut document, &resources, contents);
    Ok(document)
}

/// The page's lines drawn in font8x8 on a white page: width, height and 1-bit rows
/// (a set bit is white, as DeviceGray reads it).
fn rasterise(lines: &[String]) -> (usize, usize, Vec<u8>) {
    let width = (PAGE_WIDTH / 72.0 * SCAN_DPI) as usize;
    let height = (PAGE_HEIGHT / 72.0 * SCAN_DPI) as usize;
    let row_bytes = width.div_ceil(8);
    let mut bits = vec![0xFFu8; row_bytes * height];
    let margin = (MARGIN / 72.0 * SCAN_DPI) as usize;
    let glyph = 8 * SCAN_SCALE;
    let line_pitch = (glyph as f32 * 1.5) as usize;
    let columns = (width - 2 * margin) / glyph;
    let mut row = 0;
    for line in lines {
        let characters: Vec<char> = line.chars().collect();
        for chunk in characters.chunks(columns.max(1)) {
            let top = margin + row * line_pitch;
            if top + glyph >= height - margin {
                return (width, height, bits);
            }
            for (column, &character) in chunk.iter().enumerate() {
                let left = margin + column * glyph;
                draw_glyph(&mut bits, row_bytes, left, top, character);
            }
            row += 1;
        }
        if characters.is_empty() {
            row += 1;
        }
    }
    (width, height, bits)
}

/// Draws one character with its top-left corner at (`left`, `top`).
fn draw_glyph(bits: &mut [u8], row_bytes: usize, left: usize, top: usize, character: char) {
    use font8x8::UnicodeFonts;
    let glyph = font8x8::BASIC_FONTS
        .get(fold_to_ascii(character))
        .unwrap_or([0; 8]);
    for (dy, pattern) in glyph.iter().enumerate() {
        for dx in 0..8 {
            if pattern & (1 << dx) == 0 {
                continue;
            }
            for sy in 0..SCAN_SCALE {
                for sx in 0..SCAN_SCALE {
                    let x = left + dx * SCAN_SCALE + sx;
                    let y = top + dy * SCAN_SCALE + sy;
                    bits[y * row_bytes + x / 8] &= !(0x80 >> (x % 8));
                }
            }
        }
    }
}

/// The ASCII character a scan draws for `character`.
fn fold_to_ascii(character: char) -> char {
    match character {
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        '\u{a0}' => ' ',
        c if c.is_ascii() => c,
        _ => '?',
    }
}

/// A PDF 1.5 document (lopdf writes a cross-reference stream) with a fixed file identifier, so the same text gives the same bytes.
fn new_document() -> Document {
    let mut document = Document::with_version("1.5");
    let id = Object::String(b"imr-corpus-fixture".to_vec(), StringFormat::Hexadecimal);
    document.trailer.set("ID", vec![id.clone(), id]);
    document
}

/// Adds a page tree of one page per content stream, all with `resources`.
fn add_pages(document: &mut Document, resources: ObjectId, contents: Vec<Vec<u8>>) {
    let resources = vec![resources; contents.len()];
    add_image_pages(document, &resources, contents);
}

/// Adds a page tree of one page per content stream, each with its own resources.
fn add_image_pages(document: &mut Document, resources: &[ObjectId], contents: Vec<Vec<u8>>) {
    let pages_id = document.new_object_id();
    let mut kids = Vec::new();
    for (content, &resources) in contents.into_iter().zip(resources) {
        let mut stream = Stream::new(dictionary! {}, content);
        // Compressing a stream in memory only fails on a filter it does not know.
        let _ = stream.compress();
        let content_id = document.add_object(stream);
        let page = document.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_WIDTH.into(), PAGE_HEIGHT.into()],
        });
        kids.push(Object::Reference(page));
    }
    let count = kids.len() as i64;
    document.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
        }),
    );
    let catalog = document.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    document.trailer.set("Root", catalog);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_break_at_form_feeds_and_full_pages() {
        let long: String = (0..LINES_PER_PAGE + 3)
            .map(|n| format!("line {n}\n"))
            .collect();
        assert_eq!(paginate("a\n\u{c}b\n").len(), 2);
        assert_eq!(paginate(&long).len(), 2);
        assert_eq!(paginate("").len(), 1);
    }

    #[test]
    fn strings_are_winansi_and_escaped() {
        assert_eq!(pdf_string("a (b) \\"), "(a \\(b\\) \\\\)");
        assert_eq!(
            pdf_string("\u{201c}Jos\u{e9}\u{201d}"),
            "(\\223Jos\\351\\224)"
        );
        assert_eq!(pdf_string("\u{3b1}"), "(?)");
    }

    #[test]
    fn the_same_text_gives_the_same_bytes() {
        for kind in [
            PdfKind::Text,
            PdfKind::Scan,
            PdfKind::Encrypted,
            PdfKind::Truncated,
        ] {
            let first = letter_pdf("Case Number: CM14-0000001\n", kind).expect("writes");
            let second = letter_pdf("Case Number: CM14-0000001\n", kind).expect("writes");
            assert_eq!(first, second, "{kind:?}");
            assert!(first.starts_with(b"%PDF-1.5"), "{kind:?}");
        }
    }
}
