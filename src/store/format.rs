//! Session ⇄ RON text: pretty, stable field order, with the format version checked first.

use super::error::StoreError;
use super::migrate;
use crate::model::{FORMAT_VERSION, Session};
use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Deserialize;
use std::path::PathBuf;

/// The session as pretty RON, the way it is written to disk.
pub fn to_text(session: &Session) -> Result<String, StoreError> {
    let config = PrettyConfig::new()
        .indentor("  ")
        .struct_names(false)
        .extensions(Extensions::UNWRAP_VARIANT_NEWTYPES);
    let mut text = ron::ser::to_string_pretty(session, config)
        .map_err(|e| StoreError::Encode(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Just enough of a file to know its format version.
#[derive(Deserialize)]
struct Probe {
    format: u32,
}

/// Reads a session from RON text, migrating older formats. A newer format is read where
/// possible and marked read-only (the reason is returned); errors carry line and column.
pub fn from_text(text: &str) -> Result<(Session, Option<String>), StoreError> {
    let parse_error = |e: ron::error::SpannedError| StoreError::Parse {
        file: PathBuf::new(),
        line: e.span.start.line,
        col: e.span.start.col,
        reason: e.code.to_string(),
    };
    let format = match ron::from_str::<Probe>(text) {
        Ok(probe) => probe.format,
        // The whole parse reports the precise place of the problem.
        Err(probe_error) => {
            return Err(match ron::from_str::<Session>(text) {
                Err(e) => parse_error(e),
                Ok(_) => parse_error(probe_error),
            });
        }
    };
    if format > FORMAT_VERSION {
        let reason = format!(
            "it was written by a newer convene (format {format}; this one knows up to {FORMAT_VERSION})"
        );
        return match ron::from_str::<Session>(text) {
            Ok(session) => Ok((session, Some(reason))),
            // Unreadable by this version: say so at the format field.
            Err(_) => Err(StoreError::Parse {
                file: PathBuf::new(),
                line: line_of(text, "format:"),
                col: 1,
                reason: format!("{reason}, and cannot be read here"),
            }),
        };
    }
    let session = migrate::upgrade(text, format).map_err(|e| match e {
        migrate::Failure::Parse(e) => parse_error(e),
        migrate::Failure::Unknown(reason) => StoreError::Parse {
            file: PathBuf::new(),
            line: 1,
            col: 1,
            reason,
        },
    })?;
    Ok((session, None))
}

/// The 1-based line of the first line that starts with `needle` (after indentation), or 1.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with(needle))
        .map_or(1, |i| i + 1)
}
