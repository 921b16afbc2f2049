//! The choice of which kind of record to add, when a stage captures more than one.

use super::Outcome;
use crate::app::keys::{Binding, key, resolve, special};
use crossterm::event::{KeyCode, KeyEvent};

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Up,
    Down,
    Choose,
    Cancel,
}

/// The choice's keys.
pub const KEYS: &[Binding<Answer>] = &[
    special(KeyCode::Up, Answer::Up, "↑/↓", "choose", Some("choose")),
    special(KeyCode::Down, Answer::Down, "↑/↓", "choose", None),
    key('k', Answer::Up, "k/j", "choose", None),
    key('j', Answer::Down, "k/j", "choose", None),
    special(
        KeyCode::Enter,
        Answer::Choose,
        "Enter",
        "add this kind",
        Some("add"),
    ),
    special(
        KeyCode::Esc,
        Answer::Cancel,
        "Esc",
        "cancel",
        Some("cancel"),
    ),
];

/// Moves the choice among `count` kinds; done with the chosen row, closed on cancel.
pub fn on_key(selected: &mut usize, count: usize, key: KeyEvent) -> Outcome<usize> {
    match resolve(KEYS, key) {
        Some(Answer::Up) => *selected = selected.saturating_sub(1),
        Some(Answer::Down) => *selected = (*selected + 1).min(count.saturating_sub(1)),
        Some(Answer::Choose) => return Outcome::Done(*selected),
        Some(Answer::Cancel) => return Outcome::Close,
        None => {}
    }
    Outcome::Continue
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::overlay::testing::{every_key, press};

    #[test]
    fn every_key_in_the_table_moves_or_answers_and_others_change_nothing() {
        for b in every_key(KEYS) {
            let mut selected = 1;
            let outcome = on_key(&mut selected, 3, b);
            assert!(outcome != Outcome::Continue || selected != 1, "{b:?}");
        }
        let mut selected = 1;
        assert_eq!(on_key(&mut selected, 3, press('x')), Outcome::Continue);
        assert_eq!(selected, 1);
    }
}
