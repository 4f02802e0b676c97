//! The one error type of the library.
//!
//! Every error a user can cause names where it happened (file, line, and the column or key when
//! known), what was wrong and what was expected. The CLI prints `Display` and exits non-zero; nothing
//! in the library panics on bad input.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in an input a problem sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file (or a pseudo-file such as `rules.toml case "x"`).
    pub file: String,
    /// 1-based line (for CSV: the physical line the record starts on; for xlsx: the sheet row).
    pub line: Option<u64>,
    /// The column name, TOML key, or 1-based column number.
    pub column: Option<String>,
}

impl Location {
    pub fn file(file: impl Into<String>) -> Self {
        Location { file: file.into(), line: None, column: None }
    }
    pub fn line(file: impl Into<String>, line: u64) -> Self {
        Location { file: file.into(), line: Some(line), column: None }
    }
    pub fn with_column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(col) = &self.column {
            write!(f, ": `{col}`")?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },

    /// Bad content at a known place: a rules file, an input file, a questionnaire.
    #[error("{location}: {message}")]
    At { location: Location, message: String },

    /// Several problems found together (validation reports them all, not just the first).
    #[error("{}", join_errors(.0))]
    Many(Vec<Error>),

    /// A problem with how the program was called (unknown agency id on the command line, …).
    #[error("{0}")]
    Usage(String),
}

fn join_errors(errors: &[Error]) -> String {
    let mut out = String::new();
    for (i, e) in errors.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&e.to_string());
    }
    out
}

impl Error {
    pub fn at(location: Location, message: impl Into<String>) -> Self {
        Error::At { location, message: message.into() }
    }
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io { path: path.to_path_buf(), source }
    }
    /// Collapse a list of errors: none → Ok, one → itself, several → `Many`.
    pub fn collect(mut errors: Vec<Error>) -> Result<()> {
        match errors.len() {
            0 => Ok(()),
            1 => Err(errors.pop().expect("one error")),
            _ => Err(Error::Many(errors)),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
