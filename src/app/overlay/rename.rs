//! The box that renames a session, filled with its title as it is.

use super::{Outcome, Overlay};
use crate::app::keys::{Binding, special};
use crate::app::session_view::view;
use crate::app::{App, Effect};
use crate::text::clean_line;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;
use time::OffsetDateTime;

/// What a key asks for; any other key is typed into the title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Rename,
    Cancel,
}

/// The box's keys.
pub const KEYS: &[Binding<Answer>] = &[
    special(
        KeyCode::Enter,
        Answer::Rename,
        "Enter",
        "rename (u undoes it)",
        Some("rename"),
    ),
    special(
        KeyCode::Esc,
        Answer::Cancel,
        "Esc",
        "keep the title",
        Some("keep the title"),
    ),
];

/// The box, filled with the session's title (cleaned), the cursor at its end.
pub fn open(title: &str) -> Overlay {
    let mut input = crate::app::form::input(&clean_line(title));
    input.move_cursor(ratatui_textarea::CursorMove::End);
    input.set_placeholder_text("e.g. Conference for K. (Harbour Street)");
    input.set_cursor_line_style(ratatui::style::Style::default());
    Overlay::Rename(Box::new(input))
}

/// Done with the title as typed, cleaned (empty when nothing is left of it); closed on
/// cancel; other keys type.
pub fn on_key(input: &mut TextArea<'static>, key: KeyEvent) -> Outcome<String> {
    match super::answer_or_type(KEYS, input, key) {
        Some(Answer::Rename) => Outcome::Done(clean_line(&input.lines().join(" "))),
        Some(Answer::Cancel) => Outcome::Close,
        None => Outcome::Continue,
    }
}

/// A key in the box, and what its answer does to the session.
pub(super) fn apply(app: &mut App, key: KeyEvent, now: OffsetDateTime) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let Some(Overlay::Rename(input)) = &mut v.overlay else {
        return Vec::new();
    };
    match on_key(input, key) {
        Outcome::Continue => {}
        Outcome::Close => {
            v.overlay = None;
            app.say("The title is kept as it was.");
        }
        Outcome::Done(title) if title.is_empty() => {
            app.say("A session needs a title: type one, or Esc keeps it as it was.");
        }
        Outcome::Done(title) => {
            v.overlay = None;
            if title == crate::text::clean_line(&v.session.title) {
                app.say("The title is kept as it was.");
            } else {
                v.change_head(now, |s| s.title = title.clone());
                app.say(format!("Renamed to “{title}”. u undoes it."));
            }
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::overlay::testing::every_key_answers_and_others_type;
    use crossterm::event::KeyModifiers;

    #[test]
    fn every_key_in_the_table_answers_and_others_only_type() {
        every_key_answers_and_others_type(KEYS, on_key, ("Harbour day", "s", "Harbour days"));
        let mut input = crate::app::form::input("Harbour  \u{1b}[2J days ");
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            on_key(&mut input, enter),
            Outcome::Done("Harbour days".to_owned())
        );
    }
}
