//! The session screen's state and keys: the stage, its prompt, its records, capture and undo.

use super::form::{Form, FormOutcome, Purpose};
use super::keys::{self, Action};
use super::picker::{LinkPicker, PickerOutcome};
use super::sections;
use super::{App, Effect, ExportProblem, SaveProblem, Screen};
use crate::export::Format;
use crate::framework::{Framework, Stage};
use crate::model::{Record, RecordBody, RecordId, RecordKind, Session, delete_impact, link_target};
use crate::store::{Fingerprint, Loaded};
use crate::text::clean_line;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;
use std::path::PathBuf;
use time::{Duration, OffsetDateTime};

/// Where to go once the session is safely saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum After {
    Dashboard,
    Quit,
}

/// A box over the session screen that takes the keys while open.
#[derive(Debug)]
pub enum Overlay {
    Form(Box<Form>),
    Picker {
        record: RecordId,
        picker: LinkPicker,
    },
    ConfirmDelete {
        id: RecordId,
        text: String,
        impact: Vec<String>,
    },
    Theme {
        record: RecordId,
        input: Box<TextArea<'static>>,
        known: Vec<String>,
    },
    KindChoice {
        kinds: Vec<RecordKind>,
        selected: usize,
    },
    ConfirmLeave {
        after: After,
        reason: String,
    },
    /// Where to write a copy when the session's folder cannot be written.
    CopyTo {
        after: After,
        input: Box<TextArea<'static>>,
        error: Option<String>,
    },
    /// Export: choose the format, then where it goes.
    Export {
        selected: usize,
        path: Option<Box<TextArea<'static>>>,
        error: Option<String>,
        /// The file already at the chosen place, once the user has been asked whether to
        /// replace it: Enter again replaces it, any change to the place asks again.
        replace: Option<PathBuf>,
    },
    /// Tags for a strength, dream or agreement.
    Tags(super::tags::TagPicker),
    /// Another program changed the file: keep mine, or take theirs.
    Conflict {
        copy: PathBuf,
    },
}

/// How long after a change the save starts (changes in a burst are saved together).
const SAVE_DELAY: Duration = Duration::milliseconds(300);
/// How long to wait before trying a failed save again.
const RETRY_DELAY: Duration = Duration::seconds(5);

/// An open session.
#[derive(Debug)]
pub struct SessionView {
    pub session: Session,
    pub framework: Framework,
    pub path: PathBuf,
    pub fingerprint: Fingerprint,
    /// Why the session may not be changed, if it may not.
    pub read_only: Option<String>,
    /// Where saves go after another program changed the file.
    pub conflict_copy: Option<PathBuf>,
    /// Which of the stage's prompts is showing.
    pub prompt: usize,
    /// The selected row of the stage's records.
    pub selected: usize,
    /// Whether strengths are grouped by theme.
    pub by_theme: bool,
    /// The changes `u` can take back and Ctrl-r can do again.
    pub history: super::undo::History,
    /// Changes not yet on disk.
    pub dirty: bool,
    pub changed_at: OffsetDateTime,
    pub saved_at: Option<OffsetDateTime>,
    pub save_error: Option<String>,
    retry_at: Option<OffsetDateTime>,
    pub overlay: Option<Overlay>,
    /// Set while waiting for a save before leaving.
    pub leaving: Option<After>,
    /// The chosen cell of the system map.
    pub map_cursor: super::map::MapCursor,
    /// Bumped by every change to the session, so what is worked out from it is redone.
    revision: u64,
    /// The current stage's rows, and the (revision, stage, grouping) they were worked out for.
    rows: std::cell::RefCell<((u64, String, bool), Vec<usize>)>,
}

impl SessionView {
    pub fn new(loaded: Loaded, framework: Framework) -> Self {
        let changed_at = loaded.session.updated;
        Self {
            session: loaded.session,
            framework,
            path: loaded.path,
            fingerprint: loaded.fingerprint,
            read_only: loaded.read_only,
            conflict_copy: None,
            prompt: 0,
            selected: 0,
            by_theme: false,
            history: Default::default(),
            dirty: false,
            changed_at,
            saved_at: None,
            save_error: None,
            retry_at: None,
            overlay: None,
            leaving: None,
            map_cursor: super::map::MapCursor::default(),
            revision: 1,
            rows: std::cell::RefCell::new(((0, String::new(), false), Vec::new())),
        }
    }

    /// The current stage, if the framework knows it.
    pub fn stage(&self) -> Option<&Stage> {
        self.framework.stage(&self.session.stage)
    }

    /// The positions (in `session.records`) of the current stage's records, in the order
    /// shown: session order, or grouped by theme. Worked out once per change, not per frame.
    pub fn stage_rows(&self) -> std::cell::Ref<'_, Vec<usize>> {
        let fresh = {
            let ((revision, stage, by_theme), _) = &*self.rows.borrow();
            *revision == self.revision && *stage == self.session.stage && *by_theme == self.by_theme
        };
        if !fresh {
            let key = (self.revision, self.session.stage.clone(), self.by_theme);
            let revisits = self
                .stage()
                .map(|s| s.revisits.as_slice())
                .unwrap_or_default();
            let mut rows: Vec<usize> = self
                .session
                .records
                .iter()
                .enumerate()
                .filter(|(_, r)| r.stage == self.session.stage || revisits.contains(&r.body.kind()))
                .map(|(i, _)| i)
                .collect();
            if self.by_theme {
                let records = &self.session.records;
                rows.sort_by_cached_key(|&i| match &records[i].body {
                    RecordBody::Strength(s) => (
                        s.theme.is_none(),
                        s.theme.clone().unwrap_or_default().to_lowercase(),
                    ),
                    _ => (true, String::new()),
                });
            }
            *self.rows.borrow_mut() = (key, rows);
        }
        std::cell::Ref::map(self.rows.borrow(), |(_, rows)| rows)
    }

    /// The current stage's records in the order shown.
    pub fn stage_records(&self) -> Vec<&Record> {
        self.stage_rows()
            .iter()
            .map(|&i| &self.session.records[i])
            .collect()
    }

    /// How many records the current stage shows.
    pub fn stage_len(&self) -> usize {
        self.stage_rows().len()
    }

    /// The record in row `row` of the current stage.
    pub fn stage_record(&self, row: usize) -> Option<&Record> {
        let at = *self.stage_rows().get(row)?;
        self.session.records.get(at)
    }

    /// The selected record's id.
    pub fn selected_id(&self) -> Option<RecordId> {
        self.stage_record(self.selected).map(|r| r.id)
    }

    /// Whether a save is due now.
    /// The session on its way to its file (or to this window's conflict copy).
    pub fn save_job(&self, now: OffsetDateTime) -> Box<super::SaveJob> {
        Box::new(super::SaveJob {
            file: self.path.clone(),
            session: Box::new(self.session.clone()),
            fingerprint: self.fingerprint,
            copy: self.conflict_copy.clone(),
            now,
        })
    }

    pub fn wants_save(&self, now: OffsetDateTime) -> bool {
        self.dirty
            && self.read_only.is_none()
            && now - self.changed_at >= SAVE_DELAY
            && self.retry_at.is_none_or(|at| now >= at)
    }

    /// Applies a change to the session, keeping what it was for undo.
    fn change(&mut self, now: OffsetDateTime, f: impl FnOnce(&mut Session)) {
        self.history.change(&mut self.session, f);
        self.session.updated = now;
        self.mark_changed(now);
    }

    /// Applies a change to one record, keeping only what that record was for undo.
    fn change_record(&mut self, now: OffsetDateTime, id: RecordId, f: impl FnOnce(&mut Record)) {
        if let Some(at) = self.session.position(id) {
            self.history.change_record(&mut self.session, at, f);
            self.session.updated = now;
            self.mark_changed(now);
        }
    }

    /// Applies a change to the session's own fields that may add records but changes none
    /// already there, keeping only what the fields were for undo.
    fn change_head<T>(&mut self, now: OffsetDateTime, f: impl FnOnce(&mut Session) -> T) -> T {
        let out = self.history.change_head(&mut self.session, f);
        self.session.updated = now;
        self.mark_changed(now);
        out
    }

    fn mark_changed(&mut self, now: OffsetDateTime) {
        self.revision += 1;
        self.dirty = true;
        self.changed_at = now;
        self.retry_at = None;
    }

    fn select(&mut self, id: RecordId) {
        if let Some(i) = self.stage_records().iter().position(|r| r.id == id) {
            self.selected = i;
        }
    }

    fn clamp_selection(&mut self) {
        let count = self.stage_len();
        self.selected = self.selected.min(count.saturating_sub(1));
    }

    pub(super) fn paste(&mut self, text: &str) {
        match &mut self.overlay {
            Some(Overlay::Form(form)) => form.paste(text),
            Some(Overlay::Theme { input, .. }) => {
                input.insert_str(super::one_line(text));
            }
            _ => {}
        }
    }
}

fn view(app: &mut App) -> Option<&mut SessionView> {
    match &mut app.screen {
        Screen::Session(view) => Some(view),
        _ => None,
    }
}

pub(super) fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let now = app.now;
    let today = app.local_now().date();
    let weeks = app.review_weeks;
    let presenting = app.presenting;
    let mapping = app.mapping;
    let sectors = app.sectors.clone();
    let Some(v) = view(app) else {
        return Vec::new();
    };
    if let Some(overlay) = v.overlay.take() {
        return on_overlay_key(app, overlay, key, now, today);
    }
    if mapping {
        let rows = crate::model::map::system_map(&v.session, &sectors)
            .sectors
            .len();
        match v.map_cursor.on_key(key, rows) {
            super::map::MapOutcome::Stay => {}
            super::map::MapOutcome::Leave => app.mapping = false,
            super::map::MapOutcome::Help => app.help = true,
        }
        return Vec::new();
    }
    let action = keys::resolve(keys::SESSION, key);
    let changes = matches!(
        action,
        Some(
            Action::Add
                | Action::AddOther
                | Action::Edit
                | Action::Delete
                | Action::Link
                | Action::Theme
                | Action::MoveUp
                | Action::MoveDown
                | Action::Undo
                | Action::Redo
                | Action::NextStage
                | Action::PrevStage
                | Action::Facts
                | Action::Outcome
                | Action::CheckIn
                | Action::Tag
        )
    );
    if changes && let Some(reason) = v.read_only.clone() {
        app.warn(format!("Read-only, so nothing here changes: {reason}."));
        return Vec::new();
    }
    // A stage that captures nothing (private family time) belongs to the family: nothing
    // can be written in it, only moved through (and undo, which writes nothing new).
    let family_only = v.stage().is_some_and(|s| s.captures.is_empty());
    let moves = matches!(
        action,
        Some(Action::NextStage | Action::PrevStage | Action::Undo | Action::Redo)
    );
    if family_only && changes && !moves {
        let name = v.stage().map(|s| s.name.clone()).unwrap_or_default();
        app.say(format!(
            "{name} belongs to the family: nothing is written here. Their plan is entered at the next stage, in their words."
        ));
        return Vec::new();
    }
    let count = v.stage_len();
    match action {
        Some(Action::Up) => v.selected = v.selected.saturating_sub(1),
        Some(Action::Down) => v.selected = (v.selected + 1).min(count.saturating_sub(1)),
        Some(Action::NextPrompt) => {
            let prompts = v.stage().map_or(1, |s| s.prompts.len().max(1));
            v.prompt = (v.prompt + 1) % prompts;
        }
        Some(Action::Add) => return add(app, None),
        Some(Action::AddOther) => {
            let kinds = v.stage().map(|s| s.captures.clone()).unwrap_or_default();
            if kinds.len() > 1 {
                v.overlay = Some(Overlay::KindChoice { kinds, selected: 0 });
            } else {
                return add(app, None);
            }
        }
        Some(Action::Edit) => match v.selected_id().and_then(|id| v.session.record(id)) {
            Some(record) => {
                let form = Form::new_in(record.body.kind(), Some(record), !v.framework.conference);
                v.overlay = Some(Overlay::Form(Box::new(form)));
            }
            None => app.say("Nothing to edit here yet: press a to add."),
        },
        Some(Action::Delete) => match v.selected_id().and_then(|id| v.session.record(id)) {
            Some(record) => {
                let impact = delete_impact(&v.session, record.id)
                    .iter()
                    .map(|r| {
                        format!(
                            "{} {} “{}”",
                            r.body.kind().label(),
                            r.id,
                            clean_line(r.body.text())
                        )
                    })
                    .collect();
                v.overlay = Some(Overlay::ConfirmDelete {
                    id: record.id,
                    text: clean_line(record.body.text()),
                    impact,
                });
            }
            None => app.say("Nothing to delete here."),
        },
        Some(Action::Link) => {
            let Some(record) = v.selected_id().and_then(|id| v.session.record(id)) else {
                app.say("Select a record first, then press l to link it.");
                return Vec::new();
            };
            let (id, kind, links) = (record.id, record.body.kind(), record.body.links());
            match LinkPicker::new(&v.session, kind, &links) {
                Some(picker) if picker.candidates.is_empty() => {
                    let target = link_target(kind).map_or("records", |k| k.plural());
                    app.say(format!(
                        "No {target} yet to build on; they can be added in their stage."
                    ));
                }
                Some(picker) => v.overlay = Some(Overlay::Picker { record: id, picker }),
                None => app.say(format!(
                    "{} is where things start: later records build on it.",
                    crate::text::capitalised(&kind.with_article())
                )),
            }
        }
        Some(Action::Theme) => match v.selected_id().and_then(|id| v.session.record(id)) {
            Some(Record {
                id,
                body: RecordBody::Strength(s),
                ..
            }) => {
                let mut input = super::form::input(s.theme.as_deref().unwrap_or_default());
                input.move_cursor(ratatui_textarea::CursorMove::End);
                input.set_placeholder_text("e.g. Relationships");
                input.set_cursor_line_style(ratatui::style::Style::default());
                let mut known: Vec<String> = v
                    .session
                    .records
                    .iter()
                    .filter_map(|r| match &r.body {
                        RecordBody::Strength(s) => s.theme.clone(),
                        _ => None,
                    })
                    .collect();
                known.sort();
                known.dedup();
                v.overlay = Some(Overlay::Theme {
                    record: *id,
                    input: Box::new(input),
                    known,
                });
            }
            _ => app.say("Themes group strengths: select a strength, then press g."),
        },
        Some(Action::Facts | Action::Outcome) if !v.framework.conference => {
            app.say("Key facts and outcomes belong to a Family Group Conference.");
        }
        Some(Action::Facts) => {
            let facts = sections::facts(&v.session.conference.clone().unwrap_or_default());
            v.overlay = Some(Overlay::Form(Box::new(facts)));
        }
        Some(Action::Outcome) => {
            let conference = v.session.conference.clone().unwrap_or_default();
            let reviewing = v.stage().is_some_and(|s| !s.revisits.is_empty());
            let form = if reviewing {
                sections::review(&conference, today, weeks)
            } else {
                sections::outcome(&conference, today, weeks)
            };
            v.overlay = Some(Overlay::Form(Box::new(form)));
        }
        Some(Action::CheckIn) => match v.selected_id().and_then(|id| v.session.record(id)) {
            Some(record) if record.body.status().is_some() => {
                v.overlay = Some(Overlay::Form(Box::new(sections::check_in(record))));
            }
            _ => app.say("Check-ins are for agreements and plan items: select one, then press s."),
        },
        Some(Action::Map) => {
            app.mapping = true;
            app.presenting = false;
        }
        Some(Action::Tag) => match v.selected_id() {
            Some(id) => match super::tags::TagPicker::new(&v.session, id, &sectors) {
                Some(picker) => v.overlay = Some(Overlay::Tags(picker)),
                None => app.say(
                    "Tags are for strengths, dreams and agreements: select one, then press T.",
                ),
            },
            None => app.say("Select a strength, then press T to tag it."),
        },
        Some(Action::Export) => {
            v.overlay = Some(Overlay::Export {
                selected: 0,
                path: None,
                error: None,
                replace: None,
            });
        }
        Some(Action::ByTheme) => {
            v.by_theme = !v.by_theme;
            v.selected = 0;
            let words = if v.by_theme {
                "Grouped by theme."
            } else {
                "In the order they were said."
            };
            app.say(words);
        }
        Some(Action::MoveUp | Action::MoveDown) => {
            let Some(id) = v.selected_id() else {
                return Vec::new();
            };
            let up = action == Some(Action::MoveUp);
            let stage = v.session.stage.clone();
            let positions: Vec<usize> = v
                .session
                .records
                .iter()
                .enumerate()
                .filter(|(_, r)| r.stage == stage)
                .map(|(i, _)| i)
                .collect();
            let Some(at) = positions
                .iter()
                .position(|&i| v.session.records[i].id == id)
            else {
                return Vec::new();
            };
            let other = if up {
                at.checked_sub(1)
            } else {
                Some(at + 1).filter(|&o| o < positions.len())
            };
            if let Some(other) = other {
                let (a, b) = (positions[at], positions[other]);
                v.change(now, |s| s.records.swap(a, b));
                v.select(id);
            }
        }
        Some(action @ (Action::Undo | Action::Redo)) => {
            let undo = action == Action::Undo;
            let done = if undo {
                v.history.undo(&mut v.session)
            } else {
                v.history.redo(&mut v.session)
            };
            if done {
                v.mark_changed(now);
                v.clamp_selection();
            }
            app.say(match (undo, done) {
                (true, true) => "Undone. Ctrl-r does it again.",
                (true, false) => "Nothing to undo.",
                (false, true) => "Done again.",
                (false, false) => "Nothing to redo.",
            });
        }
        Some(action @ (Action::NextStage | Action::PrevStage)) => {
            let at = v.framework.stage_index(&v.session.stage).unwrap_or(0);
            let to = if action == Action::NextStage {
                at + 1
            } else {
                at.wrapping_sub(1)
            };
            match v
                .framework
                .stages
                .get(to)
                .map(|s| (s.key.clone(), s.name.clone()))
            {
                Some((key, name)) => {
                    v.change_head(now, |s| s.move_to_stage(&key, now));
                    v.prompt = 0;
                    v.selected = 0;
                    app.say(format!("Now in {name}."));
                }
                None if action == Action::NextStage => {
                    app.say("This is the last stage. q goes back to all sessions.");
                }
                None => app.say("This is the first stage."),
            }
        }
        Some(Action::Help) => app.help = true,
        Some(Action::Present) => {
            app.presenting = !app.presenting;
        }
        Some(Action::Back) if presenting => app.presenting = false,
        Some(Action::Back | Action::Quit) => return leave(app, After::Dashboard),
        Some(Action::Suspend) => {
            let mut effects = Vec::new();
            if v.dirty && v.read_only.is_none() {
                effects.push(Effect::Save(v.save_job(now)));
            }
            effects.push(Effect::Suspend);
            return effects;
        }
        _ => {}
    }
    Vec::new()
}

/// Applies a conference form or a check-in to the session, as one undoable change.
fn save_section(
    v: &mut SessionView,
    form: &Form,
    now: OffsetDateTime,
    today: time::Date,
) -> Result<(), (usize, String)> {
    match form.purpose {
        Purpose::Record => {}
        Purpose::CheckIn(id) => {
            let checkin = sections::build_check_in(form, today);
            v.change_record(now, id, |r| {
                r.body.check_in(checkin);
            });
        }
        purpose => {
            let mut conference = v.session.conference.clone().unwrap_or_default();
            match purpose {
                Purpose::Facts => sections::apply_facts(form, &mut conference, today)?,
                Purpose::Outcome => sections::apply_outcome(form, &mut conference, today)?,
                _ => sections::apply_review(form, &mut conference, today)?,
            }
            v.change_head(now, |s| s.conference = Some(conference));
        }
    }
    Ok(())
}

/// Replaces a record's fields, as one undoable change.
fn set_body(v: &mut SessionView, now: OffsetDateTime, id: RecordId, body: RecordBody) {
    v.change_record(now, id, |r| r.body = body);
}

/// Opens the form to add a record of `kind`, or of the stage's main kind.
fn add(app: &mut App, kind: Option<RecordKind>) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let stage_name = v.stage().map(|s| s.name.clone()).unwrap_or_default();
    match kind.or_else(|| v.stage().and_then(Stage::main_kind)) {
                Some(kind) => {
            let form = Form::new_in(kind, None, !v.framework.conference);
            v.overlay = Some(Overlay::Form(Box::new(form)));
        }
        None => app.say(format!(
            "{stage_name} belongs to the family: nothing is written here. Their plan is entered at the next stage, in their words."
        )),
    }
    Vec::new()
}

fn on_overlay_key(
    app: &mut App,
    overlay: Overlay,
    key: KeyEvent,
    now: OffsetDateTime,
    today: time::Date,
) -> Vec<Effect> {
    let lens = std::sync::Arc::clone(&app.lens);
    let documents = app.documents.clone();
    let Some(v) = view(app) else {
        return Vec::new();
    };
    match overlay {
        Overlay::Form(mut form) => {
            if let Some(mut picker) = form.picker.take() {
                match picker.handle_key(key) {
                    PickerOutcome::Continue => form.picker = Some(picker),
                    PickerOutcome::Done => form.links = picker.chosen_in_order(),
                    PickerOutcome::Cancel => {}
                }
                v.overlay = Some(Overlay::Form(form));
                return Vec::new();
            }
            // The lens offers an alternative: one key takes it, one puts it in the editor to
            // adjust, one keeps the speaker's words.
            let outcome = if form.suggestion.is_some() {
                match key.code {
                    KeyCode::Char('y') => form.accept_suggestion(),
                    KeyCode::Char('e') => form.edit_suggestion(),
                    KeyCode::Char('k') => form.keep_suggestion(),
                    KeyCode::Esc => form.suggestion = None,
                    _ => {}
                }
                if form.suggestion.is_some()
                    || matches!(key.code, KeyCode::Esc | KeyCode::Char('e'))
                {
                    v.overlay = Some(Overlay::Form(form));
                    return Vec::new();
                }
                FormOutcome::Save
            } else {
                form.handle_key(key)
            };
            if outcome == FormOutcome::Save
                && form.purpose == Purpose::Record
                && let Some(next) = form.next_suggestion(&lens)
            {
                form.suggestion = Some(next);
                v.overlay = Some(Overlay::Form(form));
                return Vec::new();
            }
            match outcome {
                FormOutcome::Continue => v.overlay = Some(Overlay::Form(form)),
                FormOutcome::Cancel => {}
                FormOutcome::Link => {
                    match LinkPicker::new(&v.session, form.kind, &form.links) {
                        Some(picker) if picker.candidates.is_empty() => {
                            let target = link_target(form.kind).map_or("records", |k| k.plural());
                            form.error = Some(format!("No {target} yet to build on."));
                        }
                        Some(picker) => form.picker = Some(picker),
                        None => {
                            form.error = Some(format!(
                                "{} does not link to earlier records.",
                                crate::text::capitalised(&form.kind.with_article())
                            ))
                        }
                    }
                    v.overlay = Some(Overlay::Form(form));
                }
                FormOutcome::Save if form.purpose != Purpose::Record => {
                    if let Err((field, message)) = save_section(v, &form, now, today) {
                        form.focus = field;
                        form.error = Some(message);
                        v.overlay = Some(Overlay::Form(form));
                    } else {
                        app.say(match form.purpose {
                            Purpose::Facts => "The key facts are kept.",
                            Purpose::Outcome => "The outcome is kept.",
                            Purpose::Review => "The review is kept.",
                            _ => "The check-in is kept; its history stays with the record.",
                        });
                    }
                }
                FormOutcome::Save => match form.versions(today) {
                    Ok(mut versions) => {
                        let label = form.kind.label();
                        // The words as said are one change; each suggestion taken is the next.
                        let rewordings = versions.split_off(1);
                        let reworded = !rewordings.is_empty();
                        let body = versions.remove(0);
                        let id = match form.editing {
                            // Opened, then only reworded: the words as said are already kept.
                            Some(id)
                                if reworded
                                    && v.session.record(id).is_some_and(|r| r.body == body) =>
                            {
                                id
                            }
                            Some(id) => {
                                set_body(v, now, id, body);
                                id
                            }
                            None => {
                                let stage = v.session.stage.clone();
                                v.change_head(now, |s| s.add(&stage, body, now))
                            }
                        };
                        for body in rewordings {
                            set_body(v, now, id, body);
                        }
                        v.select(id);
                        let verb = if form.editing.is_some() {
                            "updated"
                        } else {
                            "kept"
                        };
                        let mut words = format!("The {label} is {verb}.");
                        if reworded {
                            words.push_str(" u gives back the words as said.");
                        }
                        if form.editing.is_none()
                            && link_target(form.kind).is_some()
                            && form.links.is_empty()
                        {
                            words.push_str(" Press l to link what it builds on.");
                        }
                        app.say(words);
                    }
                    Err((field, message)) => {
                        form.focus = field;
                        form.error = Some(message);
                        v.overlay = Some(Overlay::Form(form));
                    }
                },
            }
        }
        Overlay::Picker { record, mut picker } => match picker.handle_key(key) {
            PickerOutcome::Continue => v.overlay = Some(Overlay::Picker { record, picker }),
            PickerOutcome::Cancel => {}
            PickerOutcome::Done => {
                let chosen = picker.chosen_in_order();
                v.change_record(now, record, |r| {
                    if let Some(list) = r.body.link_list_mut() {
                        *list = chosen;
                    } else {
                        match &mut r.body {
                            RecordBody::InformationItem(i) => i.giver = chosen.first().copied(),
                            RecordBody::Question(q) => q.answered_by = chosen.first().copied(),
                            _ => {}
                        }
                    }
                });
                app.say("Links kept.");
            }
        },
        Overlay::ConfirmDelete { id, text, impact } => match key.code {
            KeyCode::Char('y') => {
                v.change(now, |s| {
                    s.remove(id, now);
                });
                v.clamp_selection();
                app.say(format!("Deleted “{text}”. u brings it back."));
            }
            KeyCode::Char('n') | KeyCode::Esc => app.say("Kept as it was."),
            _ => v.overlay = Some(Overlay::ConfirmDelete { id, text, impact }),
        },
        Overlay::Theme {
            record,
            mut input,
            known,
        } => match key.code {
            KeyCode::Esc => {}
            KeyCode::Enter => {
                let theme = clean_line(&input.lines().join(" "));
                v.change_record(now, record, |r| {
                    if let RecordBody::Strength(st) = &mut r.body {
                        st.theme = Some(theme.clone()).filter(|t| !t.is_empty());
                    }
                });
                app.say(if theme.is_empty() {
                    "Theme cleared.".to_owned()
                } else {
                    format!("Theme set: {theme}.")
                });
            }
            _ => {
                input.input(key);
                v.overlay = Some(Overlay::Theme {
                    record,
                    input,
                    known,
                });
            }
        },
        Overlay::KindChoice {
            kinds,
            mut selected,
        } => match key.code {
            KeyCode::Esc => {}
            KeyCode::Up | KeyCode::Char('k') => {
                selected = selected.saturating_sub(1);
                v.overlay = Some(Overlay::KindChoice { kinds, selected });
            }
            KeyCode::Down | KeyCode::Char('j') => {
                selected = (selected + 1).min(kinds.len().saturating_sub(1));
                v.overlay = Some(Overlay::KindChoice { kinds, selected });
            }
            KeyCode::Enter => {
                let kind = kinds.get(selected).copied();
                return add(app, kind);
            }
            _ => v.overlay = Some(Overlay::KindChoice { kinds, selected }),
        },
        Overlay::ConfirmLeave { after, reason } => match key.code {
            KeyCode::Char('y') => {
                v.dirty = false;
                return finish(app, after);
            }
            KeyCode::Char('r') => {
                v.leaving = Some(after);
                return vec![Effect::Save(v.save_job(now))];
            }
            KeyCode::Char('c') => {
                let suggested = rescue_path(&documents, &v.session, now);
                let mut input = super::form::input(&suggested.display().to_string());
                input.move_cursor(ratatui_textarea::CursorMove::End);
                input.set_cursor_line_style(ratatui::style::Style::default());
                v.overlay = Some(Overlay::CopyTo {
                    after,
                    input: Box::new(input),
                    error: None,
                });
            }
            KeyCode::Esc | KeyCode::Char('n') => {
                v.leaving = None;
                app.say("Staying with the session. Your words are kept here.");
            }
            _ => v.overlay = Some(Overlay::ConfirmLeave { after, reason }),
        },
        Overlay::CopyTo {
            after,
            mut input,
            error,
        } => match key.code {
            KeyCode::Esc => {
                v.overlay = Some(Overlay::ConfirmLeave {
                    after,
                    reason: v.save_error.clone().unwrap_or_default(),
                })
            }
            KeyCode::Enter => {
                let path = PathBuf::from(input.lines().join("").trim());
                v.overlay = Some(Overlay::CopyTo {
                    after,
                    input,
                    error,
                });
                return vec![Effect::CopyTo {
                    session: Box::new(v.session.clone()),
                    path,
                }];
            }
            _ => {
                input.input(key);
                v.overlay = Some(Overlay::CopyTo {
                    after,
                    input,
                    error: None,
                });
            }
        },
        Overlay::Export {
            selected,
            path: None,
            error,
            ..
        } => match key.code {
            KeyCode::Esc => {}
            KeyCode::Up | KeyCode::Char('k') => {
                v.overlay = Some(Overlay::Export {
                    selected: selected.saturating_sub(1),
                    path: None,
                    error,
                    replace: None,
                });
            }
            KeyCode::Down | KeyCode::Char('j') => {
                let selected = (selected + 1).min(Format::ALL.len() - 1);
                v.overlay = Some(Overlay::Export {
                    selected,
                    path: None,
                    error,
                    replace: None,
                });
            }
            KeyCode::Enter => {
                let suggested = export_path(&documents, &v.session, Format::ALL[selected]);
                let mut input = super::form::input(&suggested.display().to_string());
                input.move_cursor(ratatui_textarea::CursorMove::End);
                input.set_cursor_line_style(ratatui::style::Style::default());
                v.overlay = Some(Overlay::Export {
                    selected,
                    path: Some(Box::new(input)),
                    error: None,
                    replace: None,
                });
            }
            _ => {
                v.overlay = Some(Overlay::Export {
                    selected,
                    path: None,
                    error,
                    replace: None,
                })
            }
        },
        Overlay::Export {
            selected,
            path: Some(mut input),
            error,
            replace,
        } => match key.code {
            KeyCode::Esc => {
                v.overlay = Some(Overlay::Export {
                    selected,
                    path: None,
                    error: None,
                    replace: None,
                })
            }
            KeyCode::Enter => {
                let target = PathBuf::from(input.lines().join("").trim());
                let confirmed = replace.as_ref() == Some(&target);
                v.overlay = Some(Overlay::Export {
                    selected,
                    path: Some(input),
                    error,
                    replace,
                });
                let format = Format::ALL[selected];
                let text = crate::export::render(
                    &v.session,
                    Some(&v.framework),
                    format,
                    crate::export::CalendarStyle::Todos,
                );
                return vec![Effect::Export {
                    text,
                    path: target,
                    replace: confirmed,
                }];
            }
            _ => {
                input.input(key);
                v.overlay = Some(Overlay::Export {
                    selected,
                    path: Some(input),
                    error: None,
                    replace: None,
                });
            }
        },
        Overlay::Tags(mut picker) => match picker.handle_key(key) {
            super::tags::TagOutcome::Continue => v.overlay = Some(Overlay::Tags(picker)),
            super::tags::TagOutcome::Cancel => {}
            super::tags::TagOutcome::Done => {
                let (tags, goals) = picker.chosen();
                let words = if tags.is_empty() {
                    "Tags cleared.".to_owned()
                } else {
                    format!("Tagged: {}.", tags.describe())
                };
                v.change_record(now, picker.record, |r| {
                    if let Some(t) = r.body.tags_mut() {
                        *t = tags;
                    }
                    if let RecordBody::Agreement(a) = &mut r.body {
                        a.goals = goals;
                    }
                });
                app.say(words);
            }
        },
        Overlay::Conflict { copy } => match key.code {
            KeyCode::Char('m') => return vec![Effect::KeepMine(v.save_job(now))],
            // Theirs is read again; this window keeps its lock on the file.
            KeyCode::Char('t') => return vec![Effect::Open(v.path.clone())],
            KeyCode::Esc => {
                let name = file_name(&copy);
                app.say(format!("Changes keep going to {name} until you choose."));
            }
            _ => v.overlay = Some(Overlay::Conflict { copy }),
        },
    }
    Vec::new()
}

/// Leaves the session once its words are safe: saves first, and asks if that fails.
pub(super) fn leave(app: &mut App, after: After) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    if let Some(Overlay::Form(form)) = &mut v.overlay
        && form.has_changes()
    {
        form.confirm_discard = true;
        return Vec::new();
    }
    if v.dirty && v.read_only.is_none() {
        v.leaving = Some(after);
        return vec![Effect::Save(v.save_job(now))];
    }
    finish(app, after)
}

fn finish(app: &mut App, after: After) -> Vec<Effect> {
    app.presenting = false;
    let close = view(app).map(|v| Effect::Close(v.path.clone()));
    match after {
        After::Dashboard => {
            app.screen = Screen::Dashboard;
            close.into_iter().chain([app.list()]).collect()
        }
        After::Quit => {
            app.quit = true;
            close.into_iter().collect()
        }
    }
}

pub(super) fn on_saved(app: &mut App, result: Result<Fingerprint, SaveProblem>) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    match result {
        Ok(fingerprint) => {
            v.fingerprint = fingerprint;
            v.dirty = false;
            v.saved_at = Some(now);
            v.save_error = None;
            v.retry_at = None;
            match view(app).and_then(|v| v.leaving.take()) {
                Some(after) => finish(app, after),
                None => Vec::new(),
            }
        }
        Err(SaveProblem::Changed) => vec![Effect::SaveCopy(v.save_job(now))],
        Err(SaveProblem::Failed(reason)) => {
            v.save_error = Some(reason.clone());
            v.retry_at = Some(now + RETRY_DELAY);
            match v.leaving.take() {
                Some(after) => {
                    v.overlay = Some(Overlay::ConfirmLeave {
                        after,
                        reason: reason.clone(),
                    });
                    app.warn(format!("Not saved yet: {reason}"));
                }
                None => app.warn(format!(
                    "Not saved yet: {reason}. Your words are kept here and convene will try again."
                )),
            }
            Vec::new()
        }
    }
}

pub(super) fn on_saved_to_copy(app: &mut App, path: PathBuf) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let name = file_name(&path);
    let first = v.conflict_copy.is_none();
    v.conflict_copy = Some(path.clone());
    v.dirty = false;
    v.saved_at = Some(now);
    v.save_error = None;
    if first && v.leaving.is_none() {
        v.overlay = Some(Overlay::Conflict { copy: path });
    }
    app.warn(format!(
        "Another program changed this session's file while it was open. Both are kept: yours is saved as {name}."
    ));
    match view(app).and_then(|v| v.leaving.take()) {
        Some(after) => finish(app, after),
        None => Vec::new(),
    }
}

/// Mine became the session again after a conflict; theirs was kept as a copy.
pub(super) fn on_kept_mine(
    app: &mut App,
    fingerprint: Fingerprint,
    theirs: PathBuf,
) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    v.fingerprint = fingerprint;
    v.conflict_copy = None;
    v.dirty = false;
    v.saved_at = Some(now);
    app.say(format!(
        "Your version is the session again; theirs is kept as {}.",
        file_name(&theirs)
    ));
    Vec::new()
}

/// A copy was written elsewhere while the folder could not be written; leave as asked.
pub(super) fn on_copied(app: &mut App, result: Result<PathBuf, String>) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    match (result, v.overlay.take()) {
        (Ok(path), Some(Overlay::CopyTo { after, .. })) => {
            v.dirty = false;
            app.say(format!(
                "A copy with every word is saved at {}.",
                path.display()
            ));
            finish(app, after)
        }
        (Err(e), Some(Overlay::CopyTo { after, input, .. })) => {
            v.overlay = Some(Overlay::CopyTo {
                after,
                input,
                error: Some(e),
            });
            Vec::new()
        }
        (Ok(path), other) => {
            v.overlay = other;
            app.say(format!("A copy is saved at {}.", path.display()));
            Vec::new()
        }
        (Err(e), other) => {
            v.overlay = other;
            app.warn(e);
            Vec::new()
        }
    }
}

/// Where to suggest an export: the documents folder (never the sessions folder), named
/// from the id, since titles may hold a family's name.
pub fn export_path(documents: &std::path::Path, session: &Session, format: Format) -> PathBuf {
    documents.join(format!("convene-{}.{}", session.id, format.extension()))
}

/// An export finished (or could not be written).
pub(super) fn on_exported(app: &mut App, result: Result<PathBuf, ExportProblem>) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let result = match result {
        Err(ExportProblem::Exists(path)) => {
            if let Some(Overlay::Export { error, replace, .. }) = &mut v.overlay {
                *error = Some(
                    "A file is already there. Press Enter again to replace it, or change the name to keep both."
                        .into(),
                );
                *replace = Some(path);
                return Vec::new();
            }
            Err(format!(
                "Nothing was exported: {} is already there.",
                path.display()
            ))
        }
        Err(ExportProblem::Failed(e)) => Err(e),
        Ok(path) => Ok(path),
    };
    match result {
        Ok(path) => {
            v.overlay = None;
            app.say(format!("Exported to {}", path.display()));
        }
        Err(e) => {
            if let Some(Overlay::Export { error, .. }) = &mut v.overlay {
                *error = Some(e);
            } else {
                app.warn(e);
            }
        }
    }
    Vec::new()
}

/// Where to suggest a rescue copy: the user's documents folder (or home), never the
/// sessions folder, which is the one failing; a new name each time (to the microsecond),
/// and the copy is written only as a new file, so an earlier rescue copy is never replaced.
pub fn rescue_path(
    documents: &std::path::Path,
    session: &Session,
    now: time::OffsetDateTime,
) -> PathBuf {
    documents.join(format!(
        "convene-{}-copy-{}.ron",
        session.id,
        crate::store::unique_stamp(now)
    ))
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
