//! The export box: choose the format and, for a document, whose copy; then the place; and agree before a file is replaced.

use super::Outcome;
use crate::app::keys::{Binding, key, resolve, special};
use crate::export::{Audience, Format};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;
use std::path::PathBuf;

/// What a key asks for while the format is being chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choosing {
    Up,
    Down,
    /// The copy before, for a document (whose copy it is).
    EarlierCopy,
    /// The copy after.
    LaterCopy,
    Next,
    Cancel,
}

/// The keys while the format is being chosen.
pub const CHOOSE_KEYS: &[Binding<Choosing>] = &[
    special(KeyCode::Up, Choosing::Up, "↑/↓", "choose", Some("choose")),
    special(KeyCode::Down, Choosing::Down, "↑/↓", "choose", None),
    key('k', Choosing::Up, "k/j", "choose", None),
    key('j', Choosing::Down, "k/j", "choose", None),
    special(
        KeyCode::Left,
        Choosing::EarlierCopy,
        "←/→",
        "whose copy (a report)",
        Some("whose copy"),
    ),
    special(
        KeyCode::Right,
        Choosing::LaterCopy,
        "←/→",
        "whose copy (a report)",
        None,
    ),
    key(
        'h',
        Choosing::EarlierCopy,
        "h/l",
        "whose copy (a report)",
        None,
    ),
    key(
        'l',
        Choosing::LaterCopy,
        "h/l",
        "whose copy (a report)",
        None,
    ),
    special(
        KeyCode::Enter,
        Choosing::Next,
        "Enter",
        "next",
        Some("next"),
    ),
    special(
        KeyCode::Esc,
        Choosing::Cancel,
        "Esc",
        "cancel",
        Some("cancel"),
    ),
];

/// What a key asks for while the place is being typed; any other key is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placing {
    Export,
    Back,
}

/// The keys while the place is being typed.
pub const PLACE_KEYS: &[Binding<Placing>] = &[
    special(
        KeyCode::Enter,
        Placing::Export,
        "Enter",
        "export",
        Some("export"),
    ),
    special(
        KeyCode::Esc,
        Placing::Back,
        "Esc",
        "choose another format",
        Some("choose another format"),
    ),
];

/// What the box asks the session view to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// The format (and, for a document, whose copy) is chosen: suggest a place for it.
    ChoosePlace(Format, Audience),
    /// Write the export there; `replace` once the user agreed to replace the file there.
    Write {
        format: Format,
        audience: Audience,
        path: PathBuf,
        replace: bool,
    },
}

/// The export box's state, as the overlay holds it.
pub struct Export<'a> {
    pub selected: &'a mut usize,
    /// Whose copy a document is, one of `audiences`.
    pub audience: &'a mut Audience,
    /// The copies that fit the session.
    pub audiences: &'a [Audience],
    pub path: &'a mut Option<Box<TextArea<'static>>>,
    pub error: &'a mut Option<String>,
    pub replace: &'a mut Option<PathBuf>,
}

impl Export<'_> {
    /// Moves through the formats and the place; done with a step for the view to take.
    pub fn on_key(mut self, key: KeyEvent) -> Outcome<Step> {
        let Some(input) = self.path else {
            *self.replace = None;
            match resolve(CHOOSE_KEYS, key) {
                Some(Choosing::Up) => *self.selected = self.selected.saturating_sub(1),
                Some(Choosing::Down) => {
                    *self.selected = (*self.selected + 1).min(Format::ALL.len() - 1)
                }
                Some(Choosing::EarlierCopy) => self.move_copy(-1),
                Some(Choosing::LaterCopy) => self.move_copy(1),
                Some(Choosing::Next) => {
                    return Outcome::Done(Step::ChoosePlace(
                        Format::ALL[*self.selected],
                        *self.audience,
                    ));
                }
                Some(Choosing::Cancel) => return Outcome::Close,
                None => {}
            }
            return Outcome::Continue;
        };
        match resolve(PLACE_KEYS, key) {
            Some(Placing::Export) => {
                let path = PathBuf::from(input.lines().join("").trim());
                let replace = self.replace.as_ref() == Some(&path);
                return Outcome::Done(Step::Write {
                    format: Format::ALL[*self.selected],
                    audience: *self.audience,
                    path,
                    replace,
                });
            }
            Some(Placing::Back) => *self.path = None,
            None => {
                input.input(key);
                *self.replace = None;
            }
        }
        *self.error = None;
        *self.replace = None;
        Outcome::Continue
    }

    /// Moves to the copy before or after, for a document (a spreadsheet or a calendar is
    /// the same for everyone); it stops at either end.
    fn move_copy(&mut self, by: isize) {
        if !Format::ALL[*self.selected].is_document() {
            return;
        }
        let at = self
            .audiences
            .iter()
            .position(|a| a == self.audience)
            .unwrap_or(0);
        if let Some(next) = at
            .checked_add_signed(by)
            .and_then(|i| self.audiences.get(i))
        {
            *self.audience = *next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::overlay::testing::{every_key, press};
    use crossterm::event::KeyModifiers;

    type State = (
        usize,
        Option<Box<TextArea<'static>>>,
        Option<String>,
        Option<PathBuf>,
        Audience,
    );

    const COPIES: &[Audience] = &[
        Audience::Family,
        Audience::Professionals,
        Audience::Partnership,
    ];

    fn send(state: &mut State, key: KeyEvent) -> Outcome<Step> {
        Export {
            selected: &mut state.0,
            audience: &mut state.4,
            audiences: COPIES,
            path: &mut state.1,
            error: &mut state.2,
            replace: &mut state.3,
        }
        .on_key(key)
    }

    fn text(state: &State) -> Option<String> {
        state.1.as_ref().map(|i| i.lines().join(""))
    }

    #[test]
    fn every_choosing_key_moves_or_answers_and_others_change_nothing() {
        for b in every_key(CHOOSE_KEYS) {
            let mut state: State = (1, None, None, None, Audience::Professionals);
            let outcome = send(&mut state, b);
            let moved = state.0 != 1 || state.4 != Audience::Professionals;
            assert!(outcome != Outcome::Continue || moved, "{b:?}");
        }
        let mut state: State = (1, None, None, None, Audience::Professionals);
        assert_eq!(send(&mut state, press('x')), Outcome::Continue);
        assert_eq!((state.0, text(&state)), (1, None));
        assert_eq!(state.4, Audience::Professionals);
    }

    #[test]
    fn every_placing_key_answers_and_others_only_type() {
        let placing = || -> State {
            (
                0,
                Some(Box::new(crate::app::form::input("/a"))),
                None,
                None,
                Audience::Family,
            )
        };
        for b in every_key(PLACE_KEYS) {
            let mut state = placing();
            let outcome = send(&mut state, b);
            assert!(outcome != Outcome::Continue || state.1.is_none(), "{b:?}");
        }
        let mut state = placing();
        assert_eq!(send(&mut state, press('b')), Outcome::Continue);
        assert_eq!(text(&state).as_deref(), Some("/ab"));
        let f5 = KeyEvent::new(KeyCode::F(5), KeyModifiers::NONE);
        assert_eq!(send(&mut state, f5), Outcome::Continue);
        assert_eq!(text(&state).as_deref(), Some("/ab"));
    }

    #[test]
    fn whose_copy_moves_for_a_report_only_and_stops_at_either_end() {
        let csv = Format::ALL
            .iter()
            .position(|f| *f == Format::Csv)
            .expect("csv");
        let mut state: State = (csv, None, None, None, Audience::Professionals);
        send(&mut state, KeyEvent::from(KeyCode::Right));
        assert_eq!(
            state.4,
            Audience::Professionals,
            "a spreadsheet is everyone's"
        );
        state.0 = 0;
        for _ in 0..3 {
            send(&mut state, KeyEvent::from(KeyCode::Right));
        }
        assert_eq!(state.4, Audience::Partnership);
        for _ in 0..3 {
            send(&mut state, KeyEvent::from(KeyCode::Left));
        }
        assert_eq!(state.4, Audience::Family);
    }

    #[test]
    fn enter_again_on_the_same_place_agrees_to_replace() {
        let mut state: State = (
            0,
            Some(Box::new(crate::app::form::input("/a"))),
            None,
            None,
            Audience::Family,
        );
        state.3 = Some(PathBuf::from("/a"));
        let Outcome::Done(Step::Write { replace, .. }) =
            send(&mut state, KeyEvent::from(KeyCode::Enter))
        else {
            panic!("Enter writes");
        };
        assert!(replace);
    }
}
