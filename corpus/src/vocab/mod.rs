//! The vocabulary tables letters are written from: one module per kind of text, each a set
//! of `const` slices, so a new wording is a new row.

pub mod anatomy;
pub mod boilerplate;
pub mod guidelines;
pub mod items;
pub mod rationales;
pub mod specialties;
pub mod summary;
