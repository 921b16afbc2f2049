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
    // The version is read from the `format:` field at the top without parsing the whole
    // file twice; the probe (a whole parse) is only the fallback for unusual files.
    let quick = quick_format(text);
    let format = match quick.map_or_else(|| ron::from_str::<Probe>(text).map(|p| p.format), Ok) {
        Ok(format) => format,
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
    if format == FORMAT_VERSION
        && let Some(session) = parse_in_parts(text)
    {
        return Ok((session, None));
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

/// The `format: N` field where a session file starts (after any `#![enable(...)]` lines),
/// or `None` if the file does not start that way.
fn quick_format(text: &str) -> Option<u32> {
    let mut rest = text.trim_start();
    while let Some(after) = rest.strip_prefix("#![") {
        rest = after.split_once(']')?.1.trim_start();
    }
    let rest = rest.strip_prefix('(')?.trim_start();
    let rest = rest
        .strip_prefix("format")?
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let digits: &str = &rest[..rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len())];
    let after = rest[digits.len()..].trim_start();
    (after.starts_with(',') || after.starts_with(')'))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Files larger than this are read on every core, in parts.
const PARTS_ABOVE: usize = 256 * 1024;

/// Reads a large session written by convene on every core: the records are split where
/// convene's own layout ends one (a line `    ),` inside `  records: [` … `  ],`), each part
/// is parsed on its own thread, and the rest of the file on its own. Returns `None` for a
/// small file or anything unexpected, and the caller reads the file the ordinary way (which
/// also gives exact line and column for any error).
fn parse_in_parts(text: &str) -> Option<Session> {
    if text.len() < PARTS_ABOVE {
        return None;
    }
    let open = "\n  records: [\n";
    let start = text.find(open)? + open.len();
    let end = start + text[start..].find("\n  ],\n")? + 1;
    let records = &text[start..end];
    let header = format!(
        "{}  records: [],\n{}",
        &text[..start - "  records: [\n".len()],
        &text[end + "  ],\n".len()..]
    );
    let parts = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8);
    let mut cuts = vec![0];
    for i in 1..parts {
        let from = records.len() * i / parts;
        let cut = from + records[from..].find("\n    ),\n")? + "\n    ),\n".len();
        if cut > *cuts.last()? && cut < records.len() {
            cuts.push(cut);
        }
    }
    cuts.push(records.len());
    let extensions = "#![enable(unwrap_variant_newtypes)]\n";
    let (session, parsed) = std::thread::scope(|scope| {
        let handles: Vec<_> = cuts
            .windows(2)
            .map(|w| {
                let part = &records[w[0]..w[1]];
                scope.spawn(move || {
                    ron::from_str::<Vec<crate::model::Record>>(&format!("{extensions}[\n{part}]"))
                })
            })
            .collect();
        let session = ron::from_str::<Session>(&header);
        let parsed: Vec<_> = handles
            .into_iter()
            .map(|h| h.join().ok().and_then(Result::ok))
            .collect();
        (session, parsed)
    });
    let mut session = session.ok()?;
    for part in parsed {
        session.records.extend(part?);
    }
    Some(session)
}

#[cfg(test)]
mod tests {
    use super::quick_format;

    #[test]
    fn the_version_is_read_from_the_top_of_the_file() {
        assert_eq!(
            quick_format("#![enable(unwrap_variant_newtypes)]\n(\n  format: 1,\n  id: \"x\""),
            Some(1)
        );
        assert_eq!(quick_format("(format:12)"), Some(12));
        assert_eq!(quick_format("(id: \"x\", format: 1)"), None);
        assert_eq!(quick_format("(format: 1x,"), None);
        assert_eq!(quick_format("garbage"), None);
    }
}
