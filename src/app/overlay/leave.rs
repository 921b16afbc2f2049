//! The question when the session could not be saved before leaving: stay, try again,
//! write a copy elsewhere, or leave without it.

use super::Outcome;
use crate::app::keys::{Binding, key, resolve, special};
use crossterm::event::{KeyCode, KeyEvent};

/// A way to leave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Leave without the unsaved words.
    LeaveAnyway,
    /// Try the save again.
    TryAgain,
    /// Write a copy somewhere else, then leave.
    CopyElsewhere,
}

/// What the answer asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Leave(Choice),
    /// Stay with the session.
    Stay,
}

/// The question's keys.
pub const KEYS: &[Binding<Answer>] = &[
    key(
        'r',
        Answer::Leave(Choice::TryAgain),
        "r",
        "try saving again",
        Some("try again"),
    ),
    key(
        'c',
        Answer::Leave(Choice::CopyElsewhere),
        "c",
        "write a copy elsewhere",
        Some("write a copy elsewhere"),
    ),
    special(
        KeyCode::Esc,
        Answer::Stay,
        "Esc",
        "stay with the session",
        Some("stay"),
    ),
    key('n', Answer::Stay, "n", "stay with the session", None),
    key(
        'y',
        Answer::Leave(Choice::LeaveAnyway),
        "y",
        "leave without saving",
        Some("leave anyway"),
    ),
];

/// Closed when the user stays; done with any other answer; other keys wait.
pub fn on_key(key: KeyEvent) -> Outcome<Choice> {
    match resolve(KEYS, key) {
        Some(Answer::Stay) => Outcome::Close,
        Some(Answer::Leave(choice)) => Outcome::Done(choice),
        None => Outcome::Continue,
    }
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
