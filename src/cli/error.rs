//! CLI errors: one plain sentence, an optional hint, and a documented exit code.

use crate::store::StoreError;
use crate::text::clean;
use std::process::ExitCode;

/// What kind of ending a command had; each maps to a documented exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitKind {
    Done,
    ProblemsFound,
    Usage,
    NotFound,
    Unreadable,
    Storage,
    NothingToExport,
}

impl ExitKind {
    /// The process exit code (see [`super::EXIT_CODES`]).
    pub fn code(self) -> u8 {
        match self {
            ExitKind::Done => 0,
            ExitKind::ProblemsFound => 1,
            ExitKind::Usage => 2,
            ExitKind::NotFound => 3,
            ExitKind::Unreadable => 4,
            ExitKind::Storage => 5,
            ExitKind::NothingToExport => 6,
        }
    }
}

impl From<ExitKind> for ExitCode {
    fn from(kind: ExitKind) -> Self {
        ExitCode::from(kind.code())
    }
}

/// A command that could not finish, told in one sentence.
#[derive(Debug)]
pub struct CliError {
    pub kind: ExitKind,
    pub message: String,
    pub hint: Option<String>,
}

impl CliError {
    /// The message is cleaned: it may quote a file's contents, a file name or what was typed.
    pub fn new(kind: ExitKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: clean(&message.into()).into_owned(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(clean(&hint.into()).into_owned());
        self
    }
}

impl From<crate::export::ExportError> for CliError {
    fn from(e: crate::export::ExportError) -> Self {
        match e {
            crate::export::ExportError::NothingDated => {
                CliError::new(ExitKind::NothingToExport, e.to_string()).with_hint(
                    "give an agreement or a plan item a date, or a conference its review date",
                )
            }
            crate::export::ExportError::ClosedConference => {
                CliError::new(ExitKind::NothingToExport, e.to_string())
                    .with_hint("`convene reopen ID` opens it again if the family meets again")
            }
            crate::export::ExportError::NotForThisSession(_) => {
                CliError::new(ExitKind::Usage, e.to_string())
            }
            crate::export::ExportError::FamilyCopyIsADocument => {
                CliError::new(ExitKind::Usage, e.to_string())
                    .with_hint("add --format md, --format html or --format docx -o FILE")
            }
            crate::export::ExportError::NotInThisFormat { .. } => {
                CliError::new(ExitKind::Usage, e.to_string())
            }
        }
    }
}

impl From<crate::tui::Error> for CliError {
    fn from(e: crate::tui::Error) -> Self {
        match e {
            crate::tui::Error::Store(e) => e.into(),
            crate::tui::Error::Stopped { message, hint } => {
                let error = CliError::new(ExitKind::Storage, message);
                match hint {
                    Some(hint) => error.with_hint(hint),
                    None => error,
                }
            }
        }
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        let kind = match &e {
            StoreError::NotFound(_) => ExitKind::NotFound,
            StoreError::Parse { .. } | StoreError::NewerFormat { .. } => ExitKind::Unreadable,
            _ => ExitKind::Storage,
        };
        let error = CliError::new(kind, e.to_string());
        match e {
            StoreError::NotFound(_) => error.with_hint("`convene list` shows the ids"),
            StoreError::Parse { .. } => {
                error.with_hint("the file is left as it is; `convene check` lists every problem")
            }
            _ => error,
        }
    }
}
