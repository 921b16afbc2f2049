//! The choice after another program changed the session's file: keep mine, or take theirs.

use super::Outcome;
use crate::app::keys::{Binding, key, resolve, special};
use crossterm::event::{KeyCode, KeyEvent};

/// Which version becomes the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Make this window's version the session again (theirs is kept as a copy).
    KeepMine,
    /// Read their version again.
    TakeTheirs,
}

/// What the answer asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Choose(Choice),
    /// Decide later: changes keep going to the copy.
    Later,
}

/// The choice's keys.
pub const KEYS: &[Binding<Answer>] = &[
    key(
        'm',
        Answer::Choose(Choice::KeepMine),
        "m",
        "use mine: theirs is kept as a copy",
        Some("use mine"),
    ),
    key(
        't',
        Answer::Choose(Choice::TakeTheirs),
        "t",
        "open theirs: mine stays in the copy",
        Some("open theirs"),
    ),
    special(
        KeyCode::Esc,
        Answer::Later,
        "Esc",
        "decide later: changes keep going to the copy",
        Some("later"),
    ),
];

/// Closed when the user decides later; done with a choice; other keys wait.
pub fn on_key(key: KeyEvent) -> Outcome<Choice> {
    match resolve(KEYS, key) {
        Some(Answer::Later) => Outcome::Close,
        Some(Answer::Choose(choice)) => Outcome::Done(choice),
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
