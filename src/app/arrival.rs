//! Keys that arrive together: a terminal without bracketed paste types a paste, with an Enter for each line break.

use super::{App, Msg, Overlay, Screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The message for `key`, given the key already waiting behind it (`next`). In a text
/// field, an Enter with typed text right behind it is a line break inside a paste, not
/// "save": people cannot type that fast, terminals pasting without bracketed paste do.
pub fn msg_for(app: &App, key: KeyEvent, next: Option<&KeyEvent>) -> Msg {
    let plain_enter = key.code == KeyCode::Enter && key.modifiers == KeyModifiers::NONE;
    if plain_enter && next.is_some_and(is_typed_text) && takes_text(app) {
        Msg::Paste("\n".to_owned())
    } else {
        Msg::Key(key)
    }
}

/// Whether `key` only types a character.
pub fn is_typed_text(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char(_)) && (key.modifiers - KeyModifiers::SHIFT).is_empty()
}

/// Whether typed text goes into a text field on the screen as it is now.
fn takes_text(app: &App) -> bool {
    if app.showing(super::Layer::Help) {
        return false;
    }
    match &app.screen {
        Screen::Session(view) => match &view.overlay {
            Some(Overlay::Form(form)) => form.takes_text(),
            Some(Overlay::Theme(_) | Overlay::Rename(_)) => true,
            _ => false,
        },
        Screen::NewSession(form) => form.title.is_some(),
        Screen::Dashboard => app.dashboard.searching,
        Screen::FollowThrough(view) => view.form.as_ref().is_some_and(|f| f.takes_text()),
        Screen::Report(_) | Screen::Week(_) => false,
    }
}
