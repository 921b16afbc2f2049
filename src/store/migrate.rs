//! Older file formats brought up to the current one, in memory (the file is rewritten only by a save).

use crate::model::{FORMAT_VERSION, Session};

/// Why a file could not be brought up to date.
pub enum Failure {
    Parse(ron::error::SpannedError),
    Unknown(String),
}

/// The older formats whose next format only adds optional fields and new kinds, so their
/// text reads as it is. A fixture of each is kept in tests (`tests/it/store.rs`). A format
/// that renames or moves a field will need a rewrite step here (through `ron::Value`).
///
/// Format 2 adds what a build of format 1 would silently drop on saving (the day's plan,
/// dreams' themes, votes, the clock's pauses, a closure's reason) and a kind it cannot read
/// (the affirmative topic). Raising the version makes such a build open these files
/// read-only instead of losing them.
///
/// Format 3 adds who to call: a participant's phone number, email and whether they agreed
/// to be called (`may_call`), and the conference's coordinator (name, phone, email). A
/// build of format 2 would drop them on saving.
const ONLY_ADDED_TO: &[u32] = &[1, 2];

/// Parses `text` (of format `from`) and brings it up to [`FORMAT_VERSION`].
pub fn upgrade(text: &str, from: u32) -> Result<Session, Failure> {
    if from == 0 || (from..FORMAT_VERSION).any(|v| !ONLY_ADDED_TO.contains(&v)) {
        return Err(Failure::Unknown(format!(
            "format {from} is not one convene has ever written (the first is 1)"
        )));
    }
    let mut session: Session = ron::from_str(text).map_err(Failure::Parse)?;
    session.format = FORMAT_VERSION;
    Ok(session)
}
