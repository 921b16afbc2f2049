//! The dashboard: every session in the folder, newest first, with a search.

use super::keys::{self, Action};
use super::{App, Effect, NewSession, Screen};
use crate::framework::Frameworks;
use crate::model::{KeyDate, Session, SessionId};
use crate::store::Summary;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;
use std::path::PathBuf;
use time::{Date, OffsetDateTime};

/// One session file as the dashboard shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub path: PathBuf,
    pub id: Option<SessionId>,
    pub title: String,
    pub framework: String,
    pub stage: String,
    pub updated: Option<OffsetDateTime>,
    /// The earliest open key date, late or not: a conference, a review or a commitment.
    pub next: Option<KeyDate>,
    /// Whether something is overdue.
    pub overdue: bool,
    /// Whether the conference is closed.
    pub closed: bool,
    /// Agreements and plan items done, and how many there are.
    pub done: usize,
    pub commitments: usize,
    /// The conference's coordinator by name, lower-cased (empty if none is written).
    pub coordinator: String,
    /// Everything a search can match, lower-cased: title, id, framework and stage names,
    /// and `closed` for a closed conference.
    pub search: String,
    /// Why the file could not be read, if it could not.
    pub problem: Option<String>,
}

impl Entry {
    /// The dashboard's line for a readable session.
    pub fn from_session(path: PathBuf, s: &Session, frameworks: &Frameworks, today: Date) -> Self {
        Self::from_summary(path, &Summary::of(s), frameworks, today)
    }

    /// The dashboard's line for a session, from what the listing cache keeps of it (as
    /// `convene list` reads it): the dashboard never needs the whole file.
    pub fn from_summary(path: PathBuf, s: &Summary, frameworks: &Frameworks, today: Date) -> Self {
        let framework = frameworks.get(&s.framework);
        let stage = framework.and_then(|f| f.stage(&s.stage));
        let title = crate::text::clean_line(&s.title);
        let closed = s.closed.is_some();
        let search = [
            title.as_str(),
            s.id.as_str(),
            &s.framework,
            framework.map_or("", |f| f.short.as_str()),
            framework.map_or("", |f| f.name.as_str()),
            &s.stage,
            stage.map_or("", |st| st.name.as_str()),
            if closed { "closed" } else { "" },
            &s.coordinator,
        ]
        .join(" ")
        .to_lowercase();
        Self {
            path,
            id: Some(s.id.clone()),
            title,
            framework: s.framework.clone(),
            stage: s.stage.clone(),
            updated: Some(s.updated),
            next: s.next,
            // The earliest open date is late exactly when any open date is
            // (`Session::overdue`).
            overdue: s.next.is_some_and(|k| k.date < today),
            closed,
            done: s.done,
            commitments: s.commitments,
            coordinator: crate::text::clean_line(&s.coordinator)
                .trim()
                .to_lowercase(),
            search,
            problem: None,
        }
    }

    /// The dashboard's line for a file that could not be read.
    pub fn unreadable(path: PathBuf, problem: String) -> Self {
        let title = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Self {
            path,
            id: None,
            title: title.clone(),
            framework: String::new(),
            stage: String::new(),
            updated: None,
            next: None,
            overdue: false,
            closed: false,
            done: 0,
            commitments: 0,
            coordinator: String::new(),
            search: title.to_lowercase(),
            problem: Some(problem),
        }
    }
}

/// The dashboard's state.
#[derive(Debug, Default)]
pub struct Dashboard {
    /// Every file, newest first (unreadable ones last).
    pub entries: Vec<Entry>,
    pub selected: usize,
    /// The search box, while open or holding text.
    pub search: Option<TextArea<'static>>,
    /// Whether keys go to the search box.
    pub searching: bool,
    /// Whether the folder has been read at least once.
    pub loaded: bool,
    /// Whether the list is sorted by next date (else by last change).
    pub by_next_date: bool,
    /// Whether closed conferences are left out of the list (for this run of the app).
    pub hide_closed: bool,
    /// Only the conferences of this coordinator (the settings' name, lower-cased): `m`.
    pub mine: Option<String>,
    /// The session being opened to be renamed: its rename box opens with it.
    pub rename_on_open: Option<PathBuf>,
}

impl Dashboard {
    /// Replaces the entries, newest first, keeping the selection on the same file.
    pub fn set_entries(&mut self, mut entries: Vec<Entry>) {
        let keep = self.visible().get(self.selected).map(|e| e.path.clone());
        entries.sort_by(|a, b| {
            (a.problem.is_some(), std::cmp::Reverse(a.updated), &a.path).cmp(&(
                b.problem.is_some(),
                std::cmp::Reverse(b.updated),
                &b.path,
            ))
        });
        self.entries = entries;
        self.loaded = true;
        self.selected = keep
            .and_then(|p| self.visible().iter().position(|e| e.path == p))
            .unwrap_or(0);
    }

    /// The search text, lower-cased.
    pub fn query(&self) -> String {
        self.search
            .as_ref()
            .map(|s| s.lines().join(" ").trim().to_lowercase())
            .unwrap_or_default()
    }

    /// The entries that match the search, in order.
    pub fn visible(&self) -> Vec<&Entry> {
        let query = self.query();
        let mut entries: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| !(self.hide_closed && e.closed))
            .filter(|e| self.mine.as_ref().is_none_or(|me| e.coordinator == *me))
            .filter(|e| query.split_whitespace().all(|word| e.search.contains(word)))
            .collect();
        if self.by_next_date {
            // Overdue first, then the soonest date; sessions with no date last.
            entries.sort_by_key(|e| {
                let date = e.next.map(|k| k.date);
                (!e.overdue, date.is_none(), date)
            });
        }
        entries
    }

    /// How many closed conferences match the search but are hidden (`h`).
    pub fn hidden_matches(&self) -> usize {
        if !self.hide_closed {
            return 0;
        }
        let query = self.query();
        self.entries
            .iter()
            .filter(|e| e.closed)
            .filter(|e| query.split_whitespace().all(|word| e.search.contains(word)))
            .count()
    }

    pub(super) fn paste(&mut self, text: &str) {
        if let (true, Some(search)) = (self.searching, self.search.as_mut()) {
            search.insert_str(super::one_line(text));
            self.selected = 0;
        }
    }
}

pub(super) fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let dashboard = &mut app.dashboard;
    if dashboard.searching {
        match key.code {
            KeyCode::Enter | KeyCode::Down | KeyCode::Up => dashboard.searching = false,
            KeyCode::Esc => {
                dashboard.searching = false;
                dashboard.search = None;
            }
            _ => {
                if let Some(search) = dashboard.search.as_mut() {
                    search.input(key);
                }
            }
        }
        dashboard.selected = 0;
        return Vec::new();
    }
    let count = dashboard.visible().len();
    match keys::resolve(keys::DASHBOARD, key) {
        Some(Action::Up) => dashboard.selected = dashboard.selected.saturating_sub(1),
        Some(Action::Down) => {
            dashboard.selected = (dashboard.selected + 1).min(count.saturating_sub(1))
        }
        Some(Action::Open) => return open_selected(app).map(Effect::Open).into_iter().collect(),
        Some(Action::Rename) => {
            let path = open_selected(app);
            app.dashboard.rename_on_open.clone_from(&path);
            return path.map(Effect::Open).into_iter().collect();
        }
        Some(Action::New) => {
            app.screen = Screen::NewSession(Box::new(NewSession::new(&app.frameworks)))
        }
        Some(Action::Filter) => {
            let mut search = dashboard
                .search
                .take()
                .unwrap_or_else(|| super::form::input(""));
            search.set_placeholder_text("title, framework or stage");
            dashboard.search = Some(search);
            dashboard.searching = true;
        }
        Some(Action::Back) => dashboard.search = None,
        Some(Action::Sort) => {
            dashboard.by_next_date = !dashboard.by_next_date;
            dashboard.selected = 0;
            let words = if dashboard.by_next_date {
                "Sorted by next date, overdue first."
            } else {
                "Sorted by last change, newest first."
            };
            app.say(words);
        }
        Some(Action::HideClosed) => {
            dashboard.hide_closed = !dashboard.hide_closed;
            dashboard.selected = 0;
            let hidden = dashboard.entries.iter().filter(|e| e.closed).count();
            let words = if dashboard.hide_closed {
                format!("Closed conferences are hidden ({hidden}); h shows them again.")
            } else {
                "Closed conferences are shown again.".to_owned()
            };
            app.say(words);
        }
        Some(Action::Mine) => {
            let me = crate::text::clean_line(&app.coordinator.name)
                .trim()
                .to_lowercase();
            dashboard.selected = 0;
            if dashboard.mine.take().is_some() {
                app.say("Every session is shown again.");
            } else if me.is_empty() {
                app.warn(
                    "Whose are mine? Write your name as coordinator in the settings (convene config init makes the file).",
                );
            } else {
                let count = dashboard
                    .entries
                    .iter()
                    .filter(|e| e.coordinator == me)
                    .count();
                dashboard.mine = Some(me);
                app.say(format!(
                    "Only your conferences ({count}): the ones whose coordinator is you; m shows every session again."
                ));
            }
        }
        Some(Action::Help) => app.show(super::Layer::Help),
        Some(Action::FollowThrough) => {
            let view = super::FollowThrough::new();
            let within = view.within;
            app.screen = Screen::FollowThrough(Box::new(view));
            return vec![Effect::FollowList {
                within,
                today: app.local_now().date(),
            }];
        }
        Some(Action::Week) => return super::week::open(app),
        Some(Action::Report) => {
            app.screen = Screen::Report(Box::default());
            return vec![Effect::Report {
                today: app.local_now().date(),
            }];
        }
        Some(Action::Quit) => app.quit = true,
        Some(Action::Suspend) => return vec![Effect::Suspend],
        _ => {}
    }
    Vec::new()
}

/// The selected session's file, to open; or says why there is none to open.
fn open_selected(app: &mut App) -> Option<PathBuf> {
    let dashboard = &app.dashboard;
    let chosen = dashboard
        .visible()
        .get(dashboard.selected)
        .map(|e| (e.path.clone(), e.problem.clone()));
    match chosen {
        Some((_, Some(problem))) => {
            app.warn(format!(
                "This file is kept as it is and cannot be opened: {problem}"
            ));
            None
        }
        Some((path, None)) => Some(path),
        None => {
            app.say("No session here yet: press n to start one.");
            None
        }
    }
}
