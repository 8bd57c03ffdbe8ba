//! Error types of the library, one enum per layer. Each message says what went wrong, where,
//! and what to do about it; the binary prints them as one line.

use std::path::PathBuf;

/// Problems with the index schema file.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    /// The schema file is not valid TOML of the expected shape.
    #[error("index-schema/schema.toml: {0}")]
    Syntax(String),
    /// A field row contradicts itself.
    #[error("index-schema/schema.toml: field '{name}': {problem}")]
    InvalidField {
        /// The field's name.
        name: String,
        /// What is wrong with it.
        problem: String,
    },
    /// A field the code relies on is missing from the schema file.
    #[error("index-schema/schema.toml: the field '{0}' is required")]
    MissingRequiredField(&'static str),
    /// A field name given by the user does not exist or cannot be used this way.
    #[error("unknown {purpose} field '{name}'; use one of: {allowed}")]
    FieldNotAllowed {
        /// The name the user gave.
        name: String,
        /// Where it was given (`--facet`, `--filter`).
        purpose: &'static str,
        /// The fields that would work there.
        allowed: String,
    },
}

/// Problems opening, creating or writing the index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// No index exists at the location.
    #[error("no index at {path}; build one with 'imr index PATH' (or pass --index DIR)")]
    Missing {
        /// Where the index was looked for.
        path: PathBuf,
    },
    /// The folder given for the index holds other files and no index.
    #[error(
        "{path} holds other files and no imr index ({example}); \
         give --index an empty or new folder, so that no file of yours is mixed with the index"
    )]
    NotAnIndexFolder {
        /// The folder.
        path: PathBuf,
        /// One of the files that are not the index's.
        example: String,
    },
    /// The index was built with another schema version.
    #[error(
        "index at {path} was built with schema {found}, this imr uses {expected}; \
         rebuild it with 'imr index --full PATH'"
    )]
    SchemaVersion {
        /// The index location.
        path: PathBuf,
        /// The version recorded in the index.
        found: String,
        /// The version of this binary's schema.
        expected: u32,
    },
    /// Another process holds the index's writer lock.
    #[error("index at {path} is locked by another 'imr index' run; try again when it ends")]
    Locked {
        /// The index location.
        path: PathBuf,
    },
    /// The index's files are damaged (its `meta.json` cannot be read ...).
    #[error("index at {path} is damaged ({detail}); rebuild it with 'imr index --full PATH'")]
    Damaged {
        /// The index location.
        path: PathBuf,
        /// What tantivy found.
        detail: String,
    },
    /// The index cannot be written: a read-only file system, no permission.
    #[error(
        "cannot write to the index at {path} ({cause}); searching it still works, \
         but indexing needs a writable folder"
    )]
    Unwritable {
        /// The index location.
        path: PathBuf,
        /// Why.
        cause: String,
    },
    /// The index folder could not be listed or cleared.
    #[error("cannot {doing} {path}: {cause}")]
    IndexFolder {
        /// What was being done: "list", "remove".
        doing: &'static str,
        /// The folder or file.
        path: PathBuf,
        /// Why.
        cause: std::io::Error,
    },
    /// The index directory could not be created.
    #[error("cannot create index directory {path}: {cause}")]
    CreateDirectory {
        /// The directory.
        path: PathBuf,
        /// Why.
        cause: std::io::Error,
    },
    /// Any other tantivy failure, with the index location.
    #[error("index at {path}: {cause}")]
    Tantivy {
        /// The index location.
        path: PathBuf,
        /// The tantivy error.
        cause: tantivy::TantivyError,
    },
    /// A parsed letter did not fit the schema: a bug in imr, not in the letter.
    #[error("{path}: {cause}; please report this as a bug in imr")]
    Document {
        /// The letter file.
        path: PathBuf,
        /// The field that did not fit.
        cause: crate::ingest::document::DocumentError,
    },
    /// The manifest beside the index cannot be read or written.
    #[error(transparent)]
    Manifest(#[from] crate::manifest::ManifestError),
    /// The schema itself is broken.
    #[error(transparent)]
    Schema(#[from] SchemaError),
}

/// Problems with a search request: the query, a filter or a facet.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query string does not parse.
    #[error("invalid query: {0}")]
    Query(String),
    /// A `--filter` argument is malformed or names a bad field or value.
    #[error("invalid --filter '{argument}': {problem}")]
    Filter {
        /// The argument as given.
        argument: String,
        /// What is wrong with it.
        problem: String,
    },
    /// A `--facet` or `--by` grouping that cannot be counted as written.
    #[error("invalid {flag} '{argument}': {problem}")]
    Grouping {
        /// The argument as given.
        argument: String,
        /// The flag it was given to.
        flag: &'static str,
        /// What is wrong with it, and what would work.
        problem: String,
    },
    /// A field name that cannot be used where it was given.
    #[error(transparent)]
    Field(#[from] SchemaError),
    /// The index failed while searching.
    #[error("search failed: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}
