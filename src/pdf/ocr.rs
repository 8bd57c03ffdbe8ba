//! Reads a scanned PDF (pages that are images, no text layer) with the `tesseract`
//! program, when it is installed: each page's image is written as a file tesseract reads
//! (JPEG as it is stored, other images as PGM or PPM) and its text read back, pages
//! separated by form feeds. Without tesseract, the file stays `needs_ocr`.

use super::{guarded, load, PdfProblem, OCR_TIME_LIMIT};
use lopdf::{Document, Object};
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};

/// The program that reads images.
const TESSERACT: &str = "tesseract";

/// Whether tesseract can be run.
pub fn tesseract_available() -> bool {
    Command::new(TESSERACT)
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

/// How to install tesseract, for messages.
pub const INSTALL_HINT: &str =
    "install tesseract (Debian/Ubuntu: apt-get install tesseract-ocr; macOS: brew install tesseract)";

/// A page image, ready for tesseract: its file name extension and bytes.
pub struct PageImage {
    extension: &'static str,
    bytes: Vec<u8>,
}

/// Every image that a page draws directly, page by page, in a form tesseract reads; an
/// image in an encoding it does not read is left out.
pub fn page_images(document: &Document) -> Vec<PageImage> {
    document
        .get_pages()
        .values()
        .flat_map(|&page| document.get_page_images(page).unwrap_or_default())
        .filter_map(|image| {
            let filters = image.filters.clone().unwrap_or_default();
            let stream = document.get_object(image.id).ok()?.as_stream().ok()?;
            match filters.as_slice() {
                [only] if only == "DCTDecode" => Some(PageImage {
                    extension: "jpg",
                    bytes: image.content.to_vec(),
                }),
                [] | [_] if filters.iter().all(|f| f == "FlateDecode") => {
                    let samples = if filters.is_empty() {
                        stream.content.clone()
                    } else {
                        stream.decompressed_content().ok()?
                    };
                    let decode_inverted = matches!(
                        stream.dict.get(b"Decode").and_then(Object::as_array),
                        Ok(decode) if decode.first().and_then(|v| v.as_float().ok()) == Some(1.0)
                    );
                    netpbm(
                        usize::try_from(image.width).ok()?,
                        usize::try_from(image.height).ok()?,
                        image.color_space.as_deref(),
                        image.bits_per_component?,
                        decode_inverted,
                        &samples,
                    )
                }
                _ => None,
            }
        })
        .collect()
}

/// Samples as a PGM (grey) or PPM (RGB) file; `None` for a layout it does not know.
fn netpbm(
    width: usize,
    height: usize,
    color_space: Option<&str>,
    bits: i64,
    inverted: bool,
    samples: &[u8],
) -> Option<PageImage> {
    let (magic, channels) = match color_space {
        Some("DeviceGray") | Some("CalGray") => ("P5", 1),
        Some("DeviceRGB") | Some("CalRGB") => ("P6", 3),
        _ => return None,
    };
    let mut bytes = format!("{magic}\n{width} {height}\n255\n").into_bytes();
    match (bits, channels) {
        (8, _) => {
            let length = width.checked_mul(height)?.checked_mul(channels)?;
            bytes.extend_from_slice(samples.get(..length)?);
        }
        (1, 1) => {
            let row_bytes = width.div_ceil(8);
            for row in 0..height {
                let row_samples = samples.get(row * row_bytes..(row + 1) * row_bytes)?;
                for x in 0..width {
                    let white = row_samples[x / 8] & (0x80 >> (x % 8)) != 0;
                    bytes.push(if white != inverted { 255 } else { 0 });
                }
            }
        }
        _ => return None,
    }
    Some(PageImage {
        extension: if channels == 1 { "pgm" } else { "ppm" },
        bytes,
    })
}

/// The text tesseract reads off the PDF's page images, within [`OCR_TIME_LIMIT`].
pub fn ocr_text(bytes: &[u8]) -> Result<String, PdfProblem> {
    let bytes = bytes.to_vec();
    guarded(OCR_TIME_LIMIT, move || read_page_images(&bytes))
}

/// Runs tesseract on each page image in turn.
fn read_page_images(bytes: &[u8]) -> Result<String, PdfProblem> {
    let images = page_images(&load(bytes)?);
    if images.is_empty() {
        return Err(PdfProblem::NeedsOcr(
            "no text layer, and no page image tesseract can read".to_string(),
        ));
    }
    let scratch = Scratch::new().map_err(|error| {
        PdfProblem::NeedsOcr(format!(
            "cannot make a folder for OCR's page images: {error}"
        ))
    })?;
    let mut pages = Vec::with_capacity(images.len());
    for (number, image) in images.iter().enumerate() {
        let file = scratch.0.join(format!("page-{number}.{}", image.extension));
        std::fs::write(&file, &image.bytes).map_err(|error| {
            PdfProblem::NeedsOcr(format!("cannot write a page image for OCR: {error}"))
        })?;
        let output = Command::new(TESSERACT)
            .arg(&file)
            .arg("stdout")
            .output()
            .map_err(|error| {
                PdfProblem::NeedsOcr(format!("cannot run tesseract ({error}); {INSTALL_HINT}"))
            })?;
        if !output.status.success() {
            return Err(PdfProblem::NeedsOcr(format!(
                "tesseract failed on page {}: {}",
                number + 1,
                String::from_utf8_lossy(&output.stderr).trim()
            )));
        }
        pages.push(String::from_utf8_lossy(&output.stdout).into_owned());
    }
    Ok(pages.join("\u{c}"))
}

/// A folder of its own under the system's temporary folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> std::io::Result<Scratch> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let name = format!(
            "imr-ocr-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let folder = std::env::temp_dir().join(name);
        std::fs::create_dir_all(&folder)?;
        Ok(Scratch(folder))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // A folder left behind in the temporary folder harms nothing.
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bit_grey_becomes_a_pgm_with_white_for_set_bits() {
        let image = netpbm(
            10,
            1,
            Some("DeviceGray"),
            1,
            false,
            &[0b1000_0000, 0b0100_0000],
        )
        .expect("a grey image");
        assert_eq!(image.extension, "pgm");
        let pixels = &image.bytes[image.bytes.len() - 10..];
        assert_eq!(pixels, &[255, 0, 0, 0, 0, 0, 0, 0, 0, 255]);
        let inverted = netpbm(1, 1, Some("DeviceGray"), 1, true, &[0x80]).expect("image");
        assert_eq!(inverted.bytes.last(), Some(&0));
    }

    #[test]
    fn short_or_unknown_samples_give_no_image() {
        assert!(netpbm(4, 4, Some("DeviceGray"), 8, false, &[0; 15]).is_none());
        assert!(netpbm(1, 1, Some("DeviceCMYK"), 8, false, &[0; 4]).is_none());
        assert!(netpbm(1, 1, Some("DeviceRGB"), 8, false, &[1, 2, 3]).is_some());
    }
}
