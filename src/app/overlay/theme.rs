//! The box that sets a strength's theme, offering the themes already used.

use super::{Outcome, Overlay};
use crate::app::keys::{Binding, special};
use crate::model::{RecordBody, RecordId, Session};
use crate::text::clean_line;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

/// What a key asks for; any other key is typed into the theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Set,
    Cancel,
}

/// The box's keys.
pub const KEYS: &[Binding<Answer>] = &[
    special(
        KeyCode::Enter,
        Answer::Set,
        "Enter",
        "set (empty clears)",
        Some("set (empty clears)"),
    ),
    special(
        KeyCode::Esc,
        Answer::Cancel,
        "Esc",
        "cancel",
        Some("cancel"),
    ),
];

/// The box for the strength `record` whose theme is `theme`.
pub fn open(session: &Session, record: RecordId, theme: Option<&str>) -> Overlay {
    let mut input = crate::app::form::input(theme.unwrap_or_default());
    input.move_cursor(ratatui_textarea::CursorMove::End);
    input.set_placeholder_text("e.g. Relationships");
    input.set_cursor_line_style(ratatui::style::Style::default());
    let mut known: Vec<String> = session
        .records
        .iter()
        .filter_map(|r| match &r.body {
            RecordBody::Strength(s) => s.theme.clone(),
            _ => None,
        })
        .collect();
    known.sort();
    known.dedup();
    Overlay::Theme {
        record,
        input: Box::new(input),
        known,
    }
}

/// Done with the theme as typed (empty clears it); closed on cancel; other keys type.
pub fn on_key(input: &mut TextArea<'static>, key: KeyEvent) -> Outcome<String> {
    match super::answer_or_type(KEYS, input, key) {
        Some(Answer::Set) => Outcome::Done(clean_line(&input.lines().join(" "))),
        Some(Answer::Cancel) => Outcome::Close,
        None => Outcome::Continue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::overlay::testing::every_key_answers_and_others_type;

    #[test]
    fn every_key_in_the_table_answers_and_others_only_type() {
        every_key_answers_and_others_type(KEYS, on_key, ("Care", "s", "Cares"));
    }
}
