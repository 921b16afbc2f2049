//! The new-session form: choose the framework, type a title, start.

use super::keys::{self, Action};
use super::{App, Effect, Screen};
use crate::framework::Frameworks;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

/// The form's state.
#[derive(Debug)]
pub struct NewSession {
    /// Framework ids, Appreciative Inquiry first.
    pub choices: Vec<String>,
    pub selected: usize,
    /// Set once the framework is chosen and the title is being typed.
    pub title: Option<TextArea<'static>>,
    pub error: Option<String>,
}

impl NewSession {
    pub fn new(frameworks: &Frameworks) -> Self {
        Self {
            choices: frameworks.all.iter().map(|f| f.id.clone()).collect(),
            selected: 0,
            title: None,
            error: None,
        }
    }

    pub(super) fn paste(&mut self, text: &str) {
        if let Some(title) = self.title.as_mut() {
            title.insert_str(super::one_line(text));
        }
    }
}

pub(super) fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Screen::NewSession(form) = &mut app.screen else {
        return Vec::new();
    };
    if form.title.is_none() {
        match keys::resolve(keys::NEW_SESSION, key) {
            Some(Action::Up) => form.selected = form.selected.saturating_sub(1),
            Some(Action::Down) => {
                form.selected = (form.selected + 1).min(form.choices.len().saturating_sub(1));
            }
            Some(Action::Open) => {
                let mut title = super::form::input("");
                title.set_placeholder_text("e.g. Harbourside partnership day");
                title.set_cursor_line_style(ratatui::style::Style::default());
                form.title = Some(title);
            }
            Some(Action::Help) => app.show(super::Layer::Help),
            Some(Action::Back) => app.screen = Screen::Dashboard,
            _ => {}
        }
        return Vec::new();
    }
    match (&mut form.title, key.code) {
        (Some(_), KeyCode::Esc) => {
            form.title = None;
            form.error = None;
        }
        (Some(title), KeyCode::Enter) => {
            let text = crate::text::clean_line(&title.lines().join(" "));
            if text.is_empty() {
                form.error = Some("Give the session a title, then press Enter.".into());
            } else if let Some(framework) = form.choices.get(form.selected).cloned() {
                return vec![Effect::Create {
                    framework,
                    title: text,
                    now: app.now,
                    coordinator: app.coordinator.clone(),
                }];
            }
        }
        (Some(title), _) => {
            form.error = None;
            title.input(key);
        }
        _ => {}
    }
    Vec::new()
}
