//! imr-search: index and search California workers' compensation Independent Medical
//! Review (IMR) determination letters.
//!
//! The pipeline: [`ingest`] walks folders and reads files, [`letter`] parses each into
//! fields, [`schema`] (from `index-schema/schema.toml`) says how fields become tantivy
//! documents in the [`index`], [`search`] answers queries with hits and facet counts, and
//! [`stats`] turns counts into overturn rates with their uncertainty.
//! The `imr` binary is a thin layer over [`commands`].
#![warn(missing_docs)]

pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod exit;
pub mod index;
pub mod index_directory;
pub mod ingest;
pub mod last_run;
pub mod letter;
pub mod manifest;
pub mod output;
pub mod pdf;
pub mod quality;
pub mod schema;
pub mod search;
pub mod stats;
pub mod unknowns;
