//! A rendered letter before extraction artefacts: a sequence of blocks (lines kept as they
//! are, paragraphs that may wrap, paragraph gaps), each marked with what it states, so that
//! truncation can cut at a structural point and know what the truth loses.

/// How a block is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A line kept as it is: header field, heading, item line, list entry.
    Line,
    /// A line kept as it is that no page break follows: the first half of a label wrapped
    /// over two lines.
    LineKeptWithNext,
    /// Prose that wraps; its spaces may come out doubled or non-breaking.
    Prose,
    /// Text that wraps with plain spaces: citations, L2 decision sentences.
    Wrapped,
    /// A paragraph break.
    Gap,
}

/// What a block states, for truncation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Nothing truncation cares about.
    Plain,
    /// Part of the header block (no page break falls inside it).
    Header,
    /// The clinical summary; its first `protected` bytes state age, sex, injury and diagnoses.
    Summary {
        /// Bytes a mid-summary cut must keep.
        protected: usize,
    },
    /// L1's `<item>:  Upheld` line of decision `k`.
    DecisionLine(usize),
    /// L1's `MAXIMUS guideline:` paragraph of decision `k`.
    ReviewerCitation(usize),
    /// The rationale of decision `k` (L3: the shared rationale, k = 0).
    Rationale(usize),
    /// L3: a block after the summary and before the rationale heading.
    BeforeRationale,
}

/// One block.
#[derive(Clone, Debug)]
pub struct Block {
    /// How it is laid out.
    pub kind: BlockKind,
    /// Its text, single-spaced (empty for a gap).
    pub text: String,
    /// What it states.
    pub mark: Mark,
    /// Bytes of a leading label ("Decision rationale: "), which a cut never splits.
    pub label_len: usize,
}

/// How the file ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// A complete letter: a final newline, perhaps blank lines.
    Complete,
    /// Cut inside a line: no final newline.
    MidLine,
    /// Cut after a complete line: one newline.
    AfterLine,
}

/// A letter as blocks.
#[derive(Clone, Debug)]
pub struct Doc {
    /// The blocks, in order.
    pub blocks: Vec<Block>,
    /// How the file ends.
    pub ending: Ending,
    /// The case number as page furniture may repeat it (None: the letter does not state it).
    pub case_number: Option<String>,
    /// A page header line on every page, which then is the only place stating the case number.
    pub running_header: Option<RunningHeader>,
    /// The decisions are stated before the summary (the early L2 form), so a cut in the
    /// summary keeps them.
    pub decisions_first: bool,
    /// The summary is in quotation marks (the early L2 form), which are not part of it.
    pub summary_quoted: bool,
}

/// A running page header: the case number alone, or beside "Page N of M".
#[derive(Clone, Debug)]
pub struct RunningHeader {
    /// CMyy-0nnnnnn.
    pub case_number: String,
    /// What stands beside it.
    pub form: RunningForm,
}

/// The forms of a running page header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunningForm {
    /// "CM13-0012345".
    CaseAlone,
    /// "CM13-0012345      Page 1 of 3".
    CaseThenPage,
    /// "Page 1 of 3      CM13-0012345".
    PageThenCase,
}

impl RunningHeader {
    /// The header line of page `page` of `pages`, with `gap` between its two parts.
    pub fn line(&self, page: usize, pages: usize, gap: &str) -> String {
        let case = &self.case_number;
        match self.form {
            RunningForm::CaseAlone => case.clone(),
            RunningForm::CaseThenPage => format!("{case}{gap}Page {page} of {pages}"),
            RunningForm::PageThenCase => format!("Page {page} of {pages}{gap}{case}"),
        }
    }
}

impl Doc {
    /// An empty document.
    pub fn new(case_number: Option<String>) -> Doc {
        Doc {
            blocks: Vec::with_capacity(64),
            ending: Ending::Complete,
            case_number,
            running_header: None,
            decisions_first: false,
            summary_quoted: false,
        }
    }

    /// Adds a block.
    pub fn push(&mut self, kind: BlockKind, text: impl Into<String>, mark: Mark) {
        self.blocks.push(Block {
            kind,
            text: text.into(),
            mark,
            label_len: 0,
        });
    }

    /// Adds a line kept as it is.
    pub fn line(&mut self, text: impl Into<String>) {
        self.push(BlockKind::Line, text, Mark::Plain);
    }

    /// Adds a line that stays on one page with the line after it.
    pub fn line_kept_with_next(&mut self, text: impl Into<String>) {
        self.push(BlockKind::LineKeptWithNext, text, Mark::Plain);
    }

    /// Adds a paragraph break.
    pub fn gap(&mut self) {
        if self.blocks.last().is_some_and(|b| b.kind != BlockKind::Gap) {
            self.push(BlockKind::Gap, "", Mark::Plain);
        }
    }

    /// Adds `label` and `text` as one paragraph of `kind`, remembering the label's length.
    pub fn labelled(&mut self, kind: BlockKind, label: &str, text: &str, mark: Mark) {
        let label_len = label.len() + 1;
        self.blocks.push(Block {
            kind,
            text: format!("{label} {text}"),
            mark,
            label_len,
        });
    }

    /// Marks every block so far as part of the header.
    pub fn mark_header(&mut self) {
        for block in &mut self.blocks {
            block.mark = Mark::Header;
        }
    }
}
