//! What every command and the app start from: where the sessions are, the settings as read, the frameworks, the local offset (made by `cli`, read by `cli` and `tui`).

use crate::framework::Frameworks;
use std::path::PathBuf;
use time::UtcOffset;

/// What every command and the app need: where the sessions are, the frameworks, and the local clock.
pub struct Context {
    /// The colours and styles of the app.
    pub theme: crate::theme::Theme,
    /// What went wrong reading settings or frameworks (shown, never fatal).
    pub warnings: Vec<String>,
    /// Where the settings file is (or would be).
    pub config_path: Option<PathBuf>,
    /// The sectors of the partnership map: the defaults and the user's own.
    pub sectors: Vec<String>,
    pub dir: PathBuf,
    /// Weeks from a conference to its suggested review.
    pub review_weeks: u32,
    /// The coordinator a new conference starts with (from the settings).
    pub coordinator: crate::model::Coordinator,
    pub frameworks: Frameworks,
    pub offset: UtcOffset,
}
