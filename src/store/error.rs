//! What can go wrong with the sessions folder, each in one plain sentence.

use std::path::{Path, PathBuf};

/// A problem reading or writing session files.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}:{line}:{col}: {reason}", file.display())]
    Parse {
        file: PathBuf,
        line: usize,
        col: usize,
        reason: String,
    },
    #[error(
        "{} was written by a newer convene (format {found}; this one knows up to {known}); it is kept as it is and opened read-only",
        file.display()
    )]
    NewerFormat {
        file: PathBuf,
        found: u32,
        known: u32,
    },
    #[error("no session with the id {0:?} is in this folder")]
    NotFound(String),
    #[error("{} already exists; nothing was overwritten", .0.display())]
    Exists(PathBuf),
    #[error(
        "{} was changed by another program since it was opened; nothing was overwritten",
        .0.display()
    )]
    Changed(PathBuf),
    #[error("could not {action} {}: {}", file.display(), crate::plain::io(source))]
    Io {
        action: &'static str,
        file: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{} is not a session file in the sessions folder; nothing was written",
        .0.display()
    )]
    Outside(PathBuf),
    #[error(
        "{} is {}, not a file; convene reads and writes only ordinary files, so it was left as it is",
        file.display(), what.label()
    )]
    NotAFile { file: PathBuf, what: super::Unusual },
    #[error(
        "{} is a link to a file kept elsewhere; convene never writes through a link, so nothing was written",
        .0.display()
    )]
    Link(PathBuf),
    #[error("could not write the session as text: {0}")]
    Encode(String),
}

impl StoreError {
    /// A failed read or write; a path that held something other than an ordinary file
    /// says so instead of the system's words.
    pub(crate) fn io(action: &'static str, file: &Path, source: std::io::Error) -> Self {
        match super::not_a_file(&source) {
            Some(super::Unusual::Link) => return Self::Link(file.to_owned()),
            Some(what) => {
                return Self::NotAFile {
                    file: file.to_owned(),
                    what,
                };
            }
            None => {}
        }
        Self::Io {
            action,
            file: file.to_owned(),
            source,
        }
    }

    /// The same error, naming the file it came from.
    pub(crate) fn in_file(self, path: &Path) -> Self {
        match self {
            StoreError::Parse {
                line, col, reason, ..
            } => StoreError::Parse {
                file: path.to_owned(),
                line,
                col,
                reason,
            },
            StoreError::NewerFormat { found, known, .. } => StoreError::NewerFormat {
                file: path.to_owned(),
                found,
                known,
            },
            other => other,
        }
    }
}
