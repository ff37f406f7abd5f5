//! The library's one error type. Every message names the file, line, column or field at fault,
//! so a user can find and fix the input without reading the source.

use std::path::PathBuf;

/// What went wrong, and where.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or stream could not be read or written. The I/O error is part of the message, not
    /// a separate cause, so that an error chain does not print it twice.
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// Input that is not valid UTF-8; `offset` is the first bad byte.
    #[error(
        "{path}: invalid UTF-8 at byte {offset} (name the encoding, e.g. --encoding windows-1252, or use --lossy to replace bad bytes)"
    )]
    InvalidUtf8 { path: PathBuf, offset: usize },
    /// Input that looks binary (it contains NUL bytes).
    #[error("{path}: looks like a binary file (NUL byte at offset {offset})")]
    Binary { path: PathBuf, offset: usize },
    /// An input with no text in it.
    #[error("{path}: no text to score (the input is empty or only blank lines)")]
    Empty { path: PathBuf },
    /// An HTML input with no article text in it.
    #[error("{path}: no article text in this HTML (paragraphs come from p, h1-h6, li and blockquote, outside script, style, nav, header, footer and aside)")]
    EmptyHtml { path: PathBuf },
    /// An article larger than the configured limit; `size` is unknown for a stream, which is
    /// read no further than the limit.
    #[error(
        "{path}: article is {}over the limit of {limit} bytes (--max-bytes)",
        .size.map_or(String::new(), |size| format!("{size} bytes, "))
    )]
    TooLarge {
        path: PathBuf,
        size: Option<u64>,
        limit: u64,
    },
    /// A labeled CSV that cannot be used.
    #[error("{path}: line {line}: {message}")]
    Csv {
        path: PathBuf,
        line: u64,
        message: String,
    },
    /// A model file that cannot be used.
    #[error("{path}: {message}")]
    Model { path: PathBuf, message: String },
    /// Training could not produce a model.
    #[error("training failed: {0}")]
    Training(String),
    /// An argument out of its range.
    #[error("{name}: {message}")]
    Argument { name: &'static str, message: String },
}

/// Shorthand used across the library.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, error: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            error,
        }
    }

    /// True for a write to a closed pipe (`calque score | head`), which is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { error, .. } if error.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
