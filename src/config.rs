//! Resolves flags, environment and defaults once into plain settings, so no other module
//! reads the environment.

use std::path::PathBuf;

/// The environment variable naming the index directory.
pub const INDEX_ENV: &str = "IMR_INDEX";

/// The environment variable naming a folder of vocabulary additions.
pub const VOCAB_ENV: &str = "IMR_VOCAB";

/// Settings shared by every subcommand.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the index lives.
    pub index_path: PathBuf,
    /// A folder of vocabulary files that add to the built-in ones.
    pub vocab_dir: Option<PathBuf>,
    /// The current year, for letters that state no year of their own.
    pub current_year: i32,
    /// Standard output is a terminal that may be coloured (and NO_COLOR is not set).
    pub colour: bool,
    /// Standard error is a terminal, so a progress bar can be drawn.
    pub progress_bar: bool,
}

/// No index location could be worked out.
#[derive(Debug, thiserror::Error)]
#[error("cannot tell where the index lives: no data directory for this user; pass --index DIR or set {INDEX_ENV}")]
pub struct NoIndexLocation;

impl Config {
    /// `--index`, else `$IMR_INDEX`, else `imr/index` under the user's data directory
    /// (`$XDG_DATA_HOME`, usually `~/.local/share`).
    /// `--vocab`, else `$IMR_VOCAB`, else none.
    pub fn resolve(
        index_flag: Option<PathBuf>,
        vocab_flag: Option<PathBuf>,
    ) -> Result<Config, NoIndexLocation> {
        let vocab_dir = vocab_flag.or_else(|| {
            std::env::var_os(VOCAB_ENV)
                .filter(|value| !value.is_empty())
                .map(PathBuf::from)
        });
        let index_path = match index_flag {
            Some(path) => path,
            None => match std::env::var_os(INDEX_ENV).filter(|value| !value.is_empty()) {
                Some(path) => PathBuf::from(path),
                None => dirs::data_dir()
                    .ok_or(NoIndexLocation)?
                    .join("imr")
                    .join("index"),
            },
        };
        use chrono::Datelike;
        use std::io::IsTerminal;
        let no_colour = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        Ok(Config {
            index_path,
            vocab_dir,
            current_year: chrono::Local::now().year(),
            colour: std::io::stdout().is_terminal() && !no_colour,
            progress_bar: std::io::stderr().is_terminal(),
        })
    }
}
