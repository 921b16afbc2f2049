//! The theme box: sets a strength's or a dream's theme, or renames a theme on every record
//! that has it, offering the themes already used as you type.

use super::{Outcome, Overlay};
use crate::app::keys::{Binding, special};
use crate::app::session_view::SessionView;
use crate::model::{Record, RecordId, Session, same_theme};
use crate::text::clean_line;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;
use time::OffsetDateTime;

/// What a key asks for; any other key is typed into the theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Set,
    /// Take the first theme offered for what is typed.
    TakeOffered,
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
        KeyCode::Tab,
        Answer::TakeOffered,
        "Tab",
        "take the first theme offered",
        None,
    ),
    special(
        KeyCode::Esc,
        Answer::Cancel,
        "Esc",
        "cancel",
        Some("cancel"),
    ),
];

/// The keys of the box renaming a theme everywhere.
pub const RENAME_KEYS: &[Binding<Answer>] = &[
    special(
        KeyCode::Enter,
        Answer::Set,
        "Enter",
        "rename it on every record",
        Some("rename everywhere"),
    ),
    special(
        KeyCode::Tab,
        Answer::TakeOffered,
        "Tab",
        "take the first theme offered (they merge)",
        None,
    ),
    special(
        KeyCode::Esc,
        Answer::Cancel,
        "Esc",
        "keep it as it was",
        Some("cancel"),
    ),
];

/// What the theme typed is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThemeFor {
    /// The theme of this strength or dream.
    Record(RecordId),
    /// A new name for this theme, on every record that has it.
    Rename(String),
}

/// The open theme box.
#[derive(Debug)]
pub struct ThemeBox {
    pub purpose: ThemeFor,
    pub input: Box<TextArea<'static>>,
    /// The themes already used (for a rename, the others), each once, as first spelt.
    pub known: Vec<String>,
    /// What the box held when it opened.
    opened_with: String,
}

/// The box for the strength or dream `record`, holding its theme.
pub fn open(session: &Session, record: &Record) -> Overlay {
    let theme = record.body.theme().unwrap_or_default();
    Overlay::Theme(ThemeBox {
        purpose: ThemeFor::Record(record.id),
        input: text_box(theme, "e.g. Relationships"),
        known: session.themes(),
        opened_with: clean_line(theme),
    })
}

/// The box to rename `theme` on every record that has it.
pub fn open_rename(session: &Session, theme: &str) -> Overlay {
    let known = session
        .themes()
        .into_iter()
        .filter(|t| !same_theme(t, theme))
        .collect();
    Overlay::Theme(ThemeBox {
        purpose: ThemeFor::Rename(theme.to_owned()),
        input: text_box(theme, "The theme's new name"),
        known,
        opened_with: clean_line(theme),
    })
}

fn text_box(value: &str, placeholder: &str) -> Box<TextArea<'static>> {
    let mut input = crate::app::form::input(value);
    input.move_cursor(ratatui_textarea::CursorMove::End);
    input.set_placeholder_text(placeholder);
    input.set_cursor_line_style(ratatui::style::Style::default());
    Box::new(input)
}

impl ThemeBox {
    /// What is typed, on one line.
    pub fn typed(&self) -> String {
        clean_line(&self.input.lines().join(" "))
    }

    /// The box's keys: setting one record's theme, or renaming a theme everywhere.
    pub fn keys(&self) -> &'static [Binding<Answer>] {
        match self.purpose {
            ThemeFor::Record(_) => KEYS,
            ThemeFor::Rename(_) => RENAME_KEYS,
        }
    }

    /// Whether anything was typed since the box opened.
    pub fn touched(&self) -> bool {
        self.typed() != self.opened_with
    }

    /// The themes offered for what is typed: those with a word starting with it, whatever
    /// the case (every one, until something is typed).
    pub fn offered(&self) -> Vec<&str> {
        let typed = if self.touched() {
            self.typed()
        } else {
            String::new()
        };
        self.known
            .iter()
            .filter(|t| crate::app::finder::word_starts(t, typed.trim()))
            .map(String::as_str)
            .collect()
    }

    /// Done with the theme as typed (empty clears it); closed on cancel; Tab takes the
    /// first theme offered; other keys type.
    pub fn on_key(&mut self, key: KeyEvent) -> Outcome<String> {
        match super::answer_or_type(self.keys(), &mut self.input, key) {
            Some(Answer::Set) => Outcome::Done(self.typed()),
            Some(Answer::Cancel) => Outcome::Close,
            Some(Answer::TakeOffered) => {
                let first = self.offered().first().map(|t| clean_line(t));
                if let Some(first) = first.filter(|_| self.touched()) {
                    let placeholder = self.input.placeholder_text().to_owned();
                    self.input = text_box(&first, &placeholder);
                }
                Outcome::Continue
            }
            None => Outcome::Continue,
        }
    }
}

/// Gives the record the theme typed, spelt as the session already spells it (empty
/// clears it), as one undoable change; returns what the status bar says.
pub(crate) fn set(
    v: &mut SessionView,
    now: OffsetDateTime,
    record: RecordId,
    typed: &str,
) -> String {
    let theme = v.session.theme_spelling(typed);
    v.change_record(now, record, |r| {
        if let Some(mine) = r.body.theme_mut() {
            *mine = theme.clone();
        }
    });
    // Grouped by theme, the record moves to its group: the cursor goes with it.
    v.select(record);
    match theme {
        Some(theme) => format!("Theme set: {}.", clean_line(&theme)),
        None => "Theme cleared.".to_owned(),
    }
}

/// Renames the theme `old` to the name typed on every record that has it (merging it into
/// a theme already called that), as one undoable change; returns what the status bar
/// says, or `None` when no name is typed.
pub(crate) fn rename(
    v: &mut SessionView,
    now: OffsetDateTime,
    old: &str,
    typed: &str,
) -> Option<String> {
    let mut renamed = v.session.clone();
    let done = renamed.rename_theme(old, typed)?;
    let words = crate::describe::theme_renamed(old, Some(&done));
    if done.records == 0 {
        return Some(words);
    }
    v.change(now, |s| *s = renamed);
    Some(format!("{words} u takes it back."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::overlay::testing::{every_key, press};

    fn theme_box(typed: &str) -> ThemeBox {
        ThemeBox {
            purpose: ThemeFor::Record(RecordId(1)),
            input: text_box(typed, ""),
            known: ["Housing", "Safe places", "Home life"]
                .map(String::from)
                .to_vec(),
            opened_with: typed.to_owned(),
        }
    }

    #[test]
    fn enter_and_esc_answer_and_other_keys_only_type() {
        let answers: Vec<Outcome<String>> = every_key(KEYS)
            .into_iter()
            .map(|key| theme_box("Care").on_key(key))
            .collect();
        assert_eq!(
            answers,
            [
                Outcome::Done("Care".into()),
                Outcome::Continue,
                Outcome::Close
            ]
        );
        let mut b = theme_box("Care");
        for c in "s".chars() {
            assert_eq!(b.on_key(press(c)), Outcome::Continue);
        }
        assert_eq!(b.typed(), "Cares");
    }

    #[test]
    fn the_themes_already_used_are_offered_as_you_type_and_tab_takes_the_first() {
        let mut b = theme_box("Housing");
        assert_eq!(b.offered().len(), 3, "every theme before anything is typed");
        b.on_key(KeyEvent::from(KeyCode::Tab));
        assert_eq!(b.typed(), "Housing", "nothing typed: nothing to take");
        for _ in 0.."Housing".len() {
            b.on_key(KeyEvent::from(KeyCode::Backspace));
        }
        assert_eq!(b.offered().len(), 3);
        b.on_key(press('h'));
        assert_eq!(b.offered(), ["Housing", "Home life"]);
        b.on_key(press('O'));
        b.on_key(press('m'));
        assert_eq!(b.offered(), ["Home life"], "any case");
        b.on_key(press('x'));
        assert!(b.offered().is_empty());
        b.on_key(KeyEvent::from(KeyCode::Backspace));
        b.on_key(KeyEvent::from(KeyCode::Tab));
        assert_eq!(b.typed(), "Home life");
        assert_eq!(
            b.on_key(KeyEvent::from(KeyCode::Enter)),
            Outcome::Done("Home life".into())
        );
    }
}
