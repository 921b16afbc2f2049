//! The box that asks where to write a copy when the session's folder cannot be written.

use super::Outcome;
use crate::app::keys::{Binding, resolve, special};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;
use std::path::PathBuf;

/// What a key asks for; any other key is typed into the place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Write,
    Back,
}

/// The box's keys.
pub const KEYS: &[Binding<Answer>] = &[
    special(
        KeyCode::Enter,
        Answer::Write,
        "Enter",
        "write the copy and leave",
        Some("write the copy and leave"),
    ),
    special(KeyCode::Esc, Answer::Back, "Esc", "back", Some("back")),
];

/// Done with the place typed; closed to go back; other keys type (and clear the error).
pub fn on_key(
    input: &mut TextArea<'static>,
    error: &mut Option<String>,
    key: KeyEvent,
) -> Outcome<PathBuf> {
    match resolve(KEYS, key) {
        Some(Answer::Write) => Outcome::Done(PathBuf::from(input.lines().join("").trim())),
        Some(Answer::Back) => Outcome::Close,
        None => {
            input.input(key);
            *error = None;
            Outcome::Continue
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::overlay::testing::{every_key, press};
    use crossterm::event::KeyModifiers;

    #[test]
    fn every_key_in_the_table_answers_and_others_only_type() {
        for b in every_key(KEYS) {
            let mut input = crate::app::form::input("/tmp/a");
            assert_ne!(on_key(&mut input, &mut None, b), Outcome::Continue, "{b:?}");
        }
        let mut input = crate::app::form::input("/tmp/a");
        let mut error = Some("No room".to_owned());
        assert_eq!(
            on_key(&mut input, &mut error, press('b')),
            Outcome::Continue
        );
        assert_eq!(input.lines().join(""), "/tmp/ab");
        assert_eq!(error, None);
        let f5 = KeyEvent::new(KeyCode::F(5), KeyModifiers::NONE);
        assert_eq!(on_key(&mut input, &mut error, f5), Outcome::Continue);
        assert_eq!(input.lines().join(""), "/tmp/ab");
    }
}
