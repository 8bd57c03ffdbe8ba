//! imr-corpus: deterministic synthetic IMR determination letters with their ground truth,
//! for imr-search's accuracy tests and benchmarks.
//!
//! Each file is built from its own random stream (the seed's ChaCha8 key, stream = file
//! number): [`plan`] decides what the file is and where it goes; for a letter, [`case`]
//! chooses every value the truth states, the `render` modules write it in its layout,
//! `truncate` may cut it at a structural point, and `artefacts` adds what PDF extraction
//! leaves. Because the values are chosen before the wording, the truth in `truth.ndjson`
//! needs no parsing. [`generate`] writes a whole corpus; [`agreement`] compares `imr
//! parse` output with its truth, field by field.
#![warn(missing_docs)]

pub mod agreement;
mod artefacts;
pub mod case;
pub mod cli;
pub mod date;
mod doc;
mod generate;
mod junk;
pub mod model;
pub mod pdf;
pub mod pick;
pub mod plan;
mod render;
mod truncate;
pub mod truth;
mod vocab;

pub use generate::{generate, GenerateOptions, GenerateSummary, DEFAULT_JUNK_PERCENT};
