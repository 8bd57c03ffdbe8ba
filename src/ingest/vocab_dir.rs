//! Reads a user's vocabulary folder (`--vocab DIR`, `$IMR_VOCAB`): files named like the
//! built-in ones (`categories.toml`, `drugs.txt`, `specialties.toml`, `body_parts.toml`)
//! whose rows are added before the built-in rows.

use crate::letter::vocabulary::{Addition, VocabularyError, FILES};
use crate::letter::Vocabulary;
use std::path::Path;

/// The vocabulary to parse with: the built-in one, extended by the files in `dir`.
pub fn load_vocabulary(dir: Option<&Path>) -> Result<Vocabulary, VocabularyError> {
    let Some(dir) = dir else {
        return Vocabulary::with_additions(&[]);
    };
    let problem = |problem: String| VocabularyError {
        source_name: dir.display().to_string(),
        problem,
    };
    let entries = std::fs::read_dir(dir)
        .map_err(|error| problem(format!("cannot read the folder: {error}")))?;
    let known: Vec<&str> = FILES.iter().map(|&(name, _)| name).collect();
    let mut additions = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|error| problem(format!("cannot read the folder: {error}")))?
            .path();
        let Some(file_name) = path.file_name().and_then(|name| name.to_str()) else {
            continue;
        };
        if file_name.starts_with('.') || !path.is_file() {
            continue;
        }
        if !known.contains(&file_name) {
            return Err(problem(format!(
                "unknown vocabulary file '{file_name}'; the files a vocabulary folder may hold are: {}",
                known.join(", ")
            )));
        }
        let text = std::fs::read_to_string(&path).map_err(|error| VocabularyError {
            source_name: path.display().to_string(),
            problem: format!("cannot read: {error}"),
        })?;
        additions.push(Addition {
            file_name: file_name.to_string(),
            source_name: path.display().to_string(),
            text,
        });
    }
    additions.sort_by(|a, b| a.file_name.cmp(&b.file_name));
    Vocabulary::with_additions(&additions)
}
