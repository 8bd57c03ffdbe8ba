//! Normalisation: the canonical values of the index (categories, body parts, guideline
//! families) and how a letter's wording is matched to them. The words of the vocabularies
//! are data (`index-schema/vocab/`, compiled by `terms`).

pub mod body_parts;
pub mod categories;
pub mod guidelines;
pub mod terms;
