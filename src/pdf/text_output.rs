//! Turns the characters pdf-extract places on a page into lines of text: a space where
//! the pen jumps ahead of the last character's end (several for a wide, column-like gap),
//! a line break where it moves down, a
//! blank line where it moves down by more than two lines' worth, and a form feed between
//! pages, as `pdftotext` writes them.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// A gap wider than this share of the font size between two characters is a space ...
const SPACE_GAP: f64 = 0.1;
/// ... and one wider than this, a column's gap: written as as many spaces as fill it
/// (a space being about [`SPACE_WIDTH`] of the font size), so that columns stay apart.
const COLUMN_GAP: f64 = 1.0;
const SPACE_WIDTH: f64 = 0.28;
/// The most spaces one gap becomes.
const MAX_SPACES: usize = 60;
/// A move down by more than this share of the font size starts a new line ...
const LINE_STEP: f64 = 0.5;
/// ... and by more than this share, a new paragraph (a blank line between).
const PARAGRAPH_STEP: f64 = 2.0;

/// The text of a document, page by page.
pub struct LetterText {
    text: String,
    /// Page coordinates turned upside down, so y grows down the page.
    flip: Transform,
    /// Whether the next character starts a word (pdf-extract says so).
    word_start: bool,
    /// Where the last character ended, and its baseline; `None` at a page's start.
    last: Option<(f64, f64)>,
}

impl Default for LetterText {
    fn default() -> Self {
        LetterText {
            text: String::new(),
            flip: Transform::identity(),
            word_start: true,
            last: None,
        }
    }
}

impl LetterText {
    /// The text. A space is only written before a character on the same line, so no line
    /// ends in one.
    pub fn into_text(self) -> String {
        self.text
    }
}

impl OutputDev for LetterText {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.flip = Transform::row_major(1., 0., 0., -1., 0., media_box.ury - media_box.lly);
        if page_num > 1 || !self.text.is_empty() {
            self.text.push_str("\n\u{c}");
        }
        self.last = None;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        character: &str,
    ) -> Result<(), OutputError> {
        let position = trm.post_transform(&self.flip);
        let size = font_size * (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let (x, y) = (position.m31, position.m32);
        if let Some((last_end, last_y)) = self.last {
            let down = y - last_y;
            if down > size * LINE_STEP || (x < last_end && down.abs() > size * LINE_STEP) {
                self.text.push('\n');
                if down > size * PARAGRAPH_STEP {
                    self.text.push('\n');
                }
            } else if self.word_start && x > last_end + size * SPACE_GAP {
                let gap = x - last_end;
                let spaces = if gap > size * COLUMN_GAP {
                    ((gap / (size * SPACE_WIDTH)).round() as usize).clamp(2, MAX_SPACES)
                } else {
                    1
                };
                self.text.extend(std::iter::repeat_n(' ', spaces));
            }
        }
        self.text.push_str(character);
        self.word_start = false;
        self.last = Some((x + width * size, y));
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.word_start = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
