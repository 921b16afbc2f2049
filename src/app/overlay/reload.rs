//! The offer after another program changed an open session's file (with nothing unsaved here): reload it, or keep what is on screen.

use super::Outcome;
use crate::app::keys::{Binding, key, special};
use crossterm::event::{KeyCode, KeyEvent};

/// What the answer asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Read the file again: their version shows.
    Reload,
    /// Keep what is on screen: a change made here is saved as a copy beside theirs.
    Keep,
}

/// The offer's keys.
pub const KEYS: &[Binding<Answer>] = &[
    key(
        'r',
        Answer::Reload,
        "r",
        "reload: show the version on disk",
        Some("reload"),
    ),
    special(
        KeyCode::Esc,
        Answer::Keep,
        "Esc",
        "keep this one: a change here is saved as a copy beside theirs",
        Some("keep this one"),
    ),
];

/// Done with a reload, closed when the user keeps what is on screen; other keys wait.
pub fn on_key(key: KeyEvent) -> Outcome<()> {
    super::yes_or_no(KEYS, key, Answer::Reload)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::overlay::testing::every_key_answers;

    #[test]
    fn every_key_in_the_table_answers_and_others_wait() {
        every_key_answers(KEYS, on_key);
    }
}
