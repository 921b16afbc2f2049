//! The follow-through view: what is due and overdue across every session, with a check-in
//! in place; and the report screen's state.

use super::form::{Form, FormOutcome, Purpose, choice, text};
use super::keys::{self, Action};
use super::{App, Effect, Screen};
use crate::model::Status;
use crate::report::{DueItem, Figures};
use crossterm::event::KeyEvent;

/// The windows, in days, that `+` and `-` step through.
pub const WINDOWS: [u32; 5] = [7, 14, 30, 90, 365];

/// The follow-through view's state.
#[derive(Debug)]
pub struct FollowThrough {
    pub items: Vec<DueItem>,
    /// How many days ahead to look.
    pub within: u32,
    /// Grouped by owner (else by session).
    pub by_owner: bool,
    pub selected: usize,
    /// The check-in being written for the selected item.
    pub form: Option<Box<Form>>,
    pub loaded: bool,
}

impl FollowThrough {
    pub fn new() -> Self {
        Self {
            items: Vec::new(),
            within: 14,
            by_owner: false,
            selected: 0,
            form: None,
            loaded: false,
        }
    }

    /// The items in the order shown: grouped by session or by owner, soonest first within.
    pub fn ordered(&self) -> Vec<&DueItem> {
        let mut items: Vec<&DueItem> = self.items.iter().collect();
        if self.by_owner {
            items.sort_by(|a, b| {
                (a.owner.to_lowercase(), a.due_date).cmp(&(b.owner.to_lowercase(), b.due_date))
            });
        } else {
            items.sort_by(|a, b| {
                (&a.session_title, &a.session, a.due_date).cmp(&(
                    &b.session_title,
                    &b.session,
                    b.due_date,
                ))
            });
        }
        items
    }
}

impl Default for FollowThrough {
    fn default() -> Self {
        Self::new()
    }
}

/// A check-in form for an item of the follow-through view.
fn check_in_form(item: &DueItem) -> Option<Form> {
    let id = item.record_id()?;
    let status = Status::ALL
        .iter()
        .position(|s| s.label() == item.status)
        .unwrap_or(0);
    Some(Form::custom(
        Purpose::CheckIn(id),
        vec![
            choice(
                "Status",
                &["not started", "in progress", "done", "changed", "dropped"],
                status,
            ),
            text("Reported by", "", false, "Who says so"),
            text("Note", "", true, "What has happened, in their words"),
        ],
    ))
}

pub(super) fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let today = app.local_now().date();
    let Screen::FollowThrough(view) = &mut app.screen else {
        return Vec::new();
    };
    if let Some(mut form) = view.form.take() {
        match super::overlay::suggestion::form_key(&mut form, key, &app.lens, today) {
            FormOutcome::Save => {
                let item = view.ordered().get(view.selected).map(|i| (*i).clone());
                if let (Some(item), Purpose::CheckIn(record)) = (item, form.purpose) {
                    let checkin = super::sections::build_check_in(&form, today);
                    return vec![Effect::CheckInElsewhere {
                        path: item.path,
                        record,
                        checkin,
                        now: app.now,
                    }];
                }
            }
            FormOutcome::Cancel => {}
            _ => view.form = Some(form),
        }
        return Vec::new();
    }
    let count = view.items.len();
    match keys::resolve(keys::FOLLOW, key) {
        Some(Action::Up) => view.selected = view.selected.saturating_sub(1),
        Some(Action::Down) => view.selected = (view.selected + 1).min(count.saturating_sub(1)),
        Some(Action::CheckIn) => {
            match view
                .ordered()
                .get(view.selected)
                .and_then(|item| check_in_form(item))
            {
                Some(form) => view.form = Some(Box::new(form)),
                None => app.say(
                    "A conference day or a review is kept in its conference: open it from all sessions.",
                ),
            }
        }
        Some(Action::Group) => {
            view.by_owner = !view.by_owner;
            view.selected = 0;
        }
        Some(action @ (Action::Further | Action::Nearer)) => {
            let at = WINDOWS.iter().position(|w| *w == view.within).unwrap_or(1);
            let next = if action == Action::Nearer {
                at.saturating_sub(1)
            } else {
                (at + 1).min(WINDOWS.len() - 1)
            };
            view.within = WINDOWS[next];
            return vec![Effect::FollowList {
                within: view.within,
                today: app.local_now().date(),
            }];
        }
        Some(Action::Help) => app.show(super::Layer::Help),
        Some(Action::Back) => {
            app.screen = Screen::Dashboard;
            return vec![app.list()];
        }
        _ => {}
    }
    Vec::new()
}

/// The report screen's state.
#[derive(Debug, Default)]
pub struct ReportView {
    pub figures: Option<Figures>,
}

pub(super) fn on_report_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    match keys::resolve(keys::REPORT, key) {
        Some(Action::Back) => {
            app.screen = Screen::Dashboard;
            vec![app.list()]
        }
        Some(Action::Help) => {
            app.show(super::Layer::Help);
            Vec::new()
        }
        _ => Vec::new(),
    }
}
