//! The coordinator's week view's state and keys: conferences and what is due in the next 7 days.

use super::keys::{self, Action};
use super::{App, Effect, Screen};
use crate::week::Week;
use crossterm::event::KeyEvent;
use std::path::PathBuf;

/// The week view: the week once read, and the chosen line.
#[derive(Debug, Default)]
pub struct WeekView {
    pub week: Option<Week>,
    /// The chosen entry: the conferences first, then what is due.
    pub selected: usize,
}

impl WeekView {
    /// How many entries can be chosen.
    pub fn len(&self) -> usize {
        self.week
            .as_ref()
            .map_or(0, |w| w.conferences.len() + w.due.len())
    }

    /// Whether the week holds nothing (or is not read yet).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The file of the chosen entry's session.
    fn chosen_file(&self) -> Option<PathBuf> {
        let week = self.week.as_ref()?;
        match week.conferences.get(self.selected) {
            Some(day) => Some(day.path.clone()),
            None => week
                .due
                .get(self.selected - week.conferences.len())
                .map(|item| item.path.clone()),
        }
    }
}

/// Opens the week view and asks for the week.
pub(super) fn open(app: &mut App) -> Vec<Effect> {
    app.screen = Screen::Week(Box::default());
    vec![Effect::Week {
        today: app.local_now().date(),
    }]
}

pub(super) fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Screen::Week(view) = &mut app.screen else {
        return Vec::new();
    };
    let count = view.len();
    match keys::resolve(keys::WEEK, key) {
        Some(Action::Up) => view.selected = view.selected.saturating_sub(1),
        Some(Action::Down) => view.selected = (view.selected + 1).min(count.saturating_sub(1)),
        Some(Action::Open) => match view.chosen_file() {
            Some(file) => return vec![Effect::Open(file)],
            None => app.say("Nothing in the week to open."),
        },
        Some(Action::Help) => app.show(super::Layer::Help),
        Some(Action::Back) => {
            app.screen = Screen::Dashboard;
            return vec![app.list()];
        }
        _ => {}
    }
    Vec::new()
}
