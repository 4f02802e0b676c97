//! The one error type of the library.
//!
//! Every error a user can cause names where it happened (file, line, and the column or key when
//! known), what was wrong and what was expected. The CLI prints `Display` and exits non-zero; nothing
//! in the library panics on bad input.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where in an input a problem sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file (or a pseudo-file such as `rules.toml case "x"`), shared by the rows of one file
    /// (a million findings cite one name, not a million copies of it).
    pub file: Arc<str>,
    /// 1-based line (for CSV: the physical line the record starts on; for xlsx: the sheet row).
    pub line: Option<u64>,
    /// The column name, TOML key, or 1-based column number.
    pub column: Option<String>,
}

impl Location {
    pub fn file(file: impl FileName) -> Self {
        Location { file: file.file_name(), line: None, column: None }
    }
    pub fn line(file: impl FileName, line: u64) -> Self {
        Location { file: file.file_name(), line: Some(line), column: None }
    }
    pub fn with_column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }
}

/// A file name as a [`Location`] keeps it: text, or the shared name itself (no copy).
pub trait FileName {
    fn file_name(self) -> Arc<str>;
}
impl FileName for &str {
    fn file_name(self) -> Arc<str> {
        Arc::from(self)
    }
}
impl FileName for String {
    fn file_name(self) -> Arc<str> {
        Arc::from(self)
    }
}
impl FileName for &String {
    fn file_name(self) -> Arc<str> {
        Arc::from(self.as_str())
    }
}
impl FileName for Arc<str> {
    fn file_name(self) -> Arc<str> {
        self
    }
}
impl FileName for &Arc<str> {
    fn file_name(self) -> Arc<str> {
        self.clone()
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
    #[error("{}: {}", path.display(), io_reason(source))]
    Io { path: PathBuf, source: std::io::Error },

    /// Bad content at a known place: a rules file, an input file, a questionnaire.
    #[error("{location}: {message}")]
    At { location: Location, message: String },

    /// Several problems found together (validation reports them all, not just the first).
    #[error("{}", join_errors(.0))]
    Many(Vec<Error>),

    /// A problem with how the program was called (unknown agency id on the command line, a data
    /// directory that does not exist, …): not for bad data or failures inside the program.
    #[error("{0}")]
    Usage(String),

    /// Bad or missing data that no single place in a file can be blamed for (a data directory
    /// without its agencies, two files for one input kind, no agencies at all).
    #[error("{0}")]
    Data(String),

    /// A failure inside the program, not caused by its inputs (a worker thread that died).
    #[error("{0}")]
    Internal(String),
}

/// What kind of failure an [`Error`] is, for callers that act on it (the text is for people).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A file could not be read or written.
    Io,
    /// Bad input data: a rules file, an input file, a questionnaire, a data directory.
    Data,
    /// The program was called wrongly.
    Usage,
    /// A failure inside the program.
    Internal,
}

/// Why a file could not be read or written, in the current language: the common causes from the
/// catalogue, anything else as the system words it.
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => crate::t!("run-io-not-found"),
        ErrorKind::PermissionDenied => crate::t!("run-io-permission-denied"),
        ErrorKind::IsADirectory => crate::t!("run-io-is-a-directory"),
        ErrorKind::NotADirectory => crate::t!("run-io-not-a-directory"),
        ErrorKind::AlreadyExists => crate::t!("run-io-already-exists"),
        _ => e.to_string(),
    }
}

fn join_errors(errors: &[Error]) -> String {
    join_errors_ref(&errors.iter().collect::<Vec<_>>())
}

fn join_errors_ref(errors: &[&Error]) -> String {
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
    /// The kind of failure: for several errors together, the first one's.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Io { .. } => ErrorKind::Io,
            Error::At { .. } | Error::Data(_) => ErrorKind::Data,
            Error::Many(errors) => errors.first().map_or(ErrorKind::Data, Error::kind),
            Error::Usage(_) => ErrorKind::Usage,
            Error::Internal(_) => ErrorKind::Internal,
        }
    }
    pub fn at(location: Location, message: impl Into<String>) -> Self {
        Error::At { location, message: message.into() }
    }
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io { path: path.to_path_buf(), source }
    }
    /// Every single error, in order (several errors together flattened): what a person reads
    /// one message at a time.
    pub fn flatten(&self) -> Vec<&Error> {
        match self {
            Error::Many(errors) => errors.iter().flat_map(Error::flatten).collect(),
            e => vec![e],
        }
    }
    /// The text a person reads: every error, one per line, or the first `limit` and then how
    /// many more there are and the flag that lists them all (issue 12: one mistake, one message).
    pub fn shown(&self, limit: Option<usize>) -> String {
        let all = self.flatten();
        let n = limit.map_or(all.len(), |l| l.min(all.len()));
        let mut out = join_errors_ref(&all[..n]);
        if n < all.len() {
            out.push('\n');
            out.push_str(&crate::t!("run-more-errors", count = all.len() - n));
        }
        out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_texts() {
        let at = Error::at(Location::line("a.csv", 3).with_column("id"), "empty id");
        assert_eq!(at.to_string(), "a.csv:3: `id`: empty id");
        assert_eq!(at.kind(), ErrorKind::Data);
        let io = Error::io(Path::new("x"), std::io::Error::other("gone"));
        let gone = Error::io(Path::new("y"), std::io::ErrorKind::NotFound.into());
        assert!(gone.to_string().starts_with("y: "), "{gone}");
        assert_eq!((io.to_string().as_str(), io.kind()), ("x: gone", ErrorKind::Io));
        let many = Error::Many(vec![Error::Usage("u".into()), Error::Data("d".into())]);
        assert_eq!((many.to_string().as_str(), many.kind()), ("u\nd", ErrorKind::Usage));
        let nested = Error::Many(vec![many, Error::Data("e".into())]);
        let flat: Vec<String> = nested.flatten().iter().map(|e| e.to_string()).collect();
        assert_eq!(flat, ["u", "d", "e"]);
        assert_eq!(nested.shown(None), "u\nd\ne");
        let shown = nested.shown(Some(2));
        assert!(shown.starts_with("u\nd\n") && shown.contains("--all-errors"), "{shown}");
        assert!(shown.contains('1') && !shown.contains("\ne"), "{shown}");
        assert_eq!(Error::Internal("t".into()).kind(), ErrorKind::Internal);
    }
}
