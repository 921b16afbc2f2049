//! Older file formats brought up to the current one, in memory (the file is rewritten only by a save).

use crate::model::{FORMAT_VERSION, Session};
use ron::Value;

/// Why a file could not be brought up to date.
pub enum Failure {
    Parse(ron::error::SpannedError),
    Unknown(String),
}

/// One step: turns a document of version `from` into version `from + 1`.
type Step = fn(&mut Value);

/// The steps, indexed by the version they upgrade from. Format 1 is the first; when format 2
/// arrives, its step goes here as `(1, v1_to_v2)` and a fixture of format 1 is kept in tests.
const STEPS: &[(u32, Step)] = &[];

/// Parses `text` (of format `from`) and upgrades it step by step to [`FORMAT_VERSION`].
pub fn upgrade(text: &str, from: u32) -> Result<Session, Failure> {
    if from == FORMAT_VERSION {
        return ron::from_str(text).map_err(Failure::Parse);
    }
    let mut doc: Value = ron::from_str(text).map_err(Failure::Parse)?;
    for version in from..FORMAT_VERSION {
        let Some((_, step)) = STEPS.iter().find(|(v, _)| *v == version) else {
            return Err(Failure::Unknown(format!(
                "format {from} is not one convene has ever written (the first is 1)"
            )));
        };
        step(&mut doc);
    }
    let text = ron::to_string(&doc).map_err(|e| Failure::Unknown(e.to_string()))?;
    ron::from_str(&text).map_err(Failure::Parse)
}
