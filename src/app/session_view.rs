//! The session screen's state: the stage, its prompt, its records, and changes kept for undo.

use super::overlay::Overlay;
use super::{App, Screen};
use crate::framework::{Framework, Stage};
use crate::model::{Record, RecordId, Session};
use crate::store::{Fingerprint, Loaded};
use std::path::PathBuf;
use time::{Duration, OffsetDateTime};

/// Where to go once the session is safely saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum After {
    Dashboard,
    Quit,
}

/// How long after a change the save starts (changes in a burst are saved together).
const SAVE_DELAY: Duration = Duration::milliseconds(300);

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
    /// The stages (by key) whose records are ranked by the room's votes, most first:
    /// `R` ranks or unranks the stage on screen only.
    pub by_votes: std::collections::BTreeSet<String>,
    /// The changes `u` can take back and Ctrl-r can do again.
    pub history: super::undo::History,
    /// Changes not yet on disk.
    pub dirty: bool,
    pub changed_at: OffsetDateTime,
    pub saved_at: Option<OffsetDateTime>,
    pub save_error: Option<String>,
    pub(super) retry_at: Option<OffsetDateTime>,
    pub overlay: Option<Overlay>,
    /// Set while waiting for a save before leaving.
    pub leaving: Option<After>,
    /// Another program changed the file and this window has not taken that version: the
    /// status bar says so, and Ctrl-l loads it or offers the choice.
    pub changed_elsewhere: bool,
    /// The last version changed elsewhere that this window was told of, so the same
    /// version told again is nothing new.
    pub theirs: Option<crate::store::Fingerprint>,
    /// The chosen cell of the system map.
    pub map_cursor: super::map::MapCursor,
    /// Whether the conference's own page shows (what is recorded, what is still open),
    /// and how far it is scrolled.
    pub conference_page: Option<u16>,
    /// The stage the facilitator is reading, when it is not the room's own stage. Looking
    /// is reading: it writes nothing and the room's clock keeps counting.
    pub looking_at: Option<String>,
    /// Bumped by every change to the session, so what is worked out from it is redone.
    revision: u64,
    /// The current stage's rows, and the (revision, stage, grouping) they were worked out
    /// for: refreshed by `update` after each message, so drawing only reads them.
    rows: ((u64, String, bool, bool), Vec<usize>),
}

impl SessionView {
    pub fn new(loaded: Loaded, framework: Framework) -> Self {
        let changed_at = loaded.session.updated;
        let mut view = Self {
            session: loaded.session,
            framework,
            path: loaded.path,
            fingerprint: loaded.fingerprint,
            read_only: loaded.read_only,
            conflict_copy: None,
            prompt: 0,
            selected: 0,
            by_theme: false,
            by_votes: Default::default(),
            history: Default::default(),
            dirty: false,
            changed_at,
            saved_at: None,
            save_error: None,
            retry_at: None,
            overlay: None,
            leaving: None,
            changed_elsewhere: false,
            theirs: None,
            map_cursor: super::map::MapCursor::default(),
            conference_page: None,
            looking_at: None,
            revision: 1,
            rows: ((0, String::new(), false, false), Vec::new()),
        };
        view.refresh_rows();
        view
    }

    /// What decides whether a key answers here, read once per key (`keys::Context`).
    pub fn key_context(&self) -> super::keys::Context {
        super::keys::Context {
            conference: self.framework.conference,
            read_only: self.read_only.clone(),
            family_time: self
                .stage()
                .filter(|s| s.family_only())
                .map(|s| s.name.clone()),
        }
    }

    /// The stage on screen (the room's, unless the facilitator is looking at another),
    /// if the framework knows it.
    pub fn stage(&self) -> Option<&Stage> {
        self.framework.stage(self.shown_stage())
    }

    /// The key of the stage on screen: where records are added and rows are shown.
    pub fn shown_stage(&self) -> &str {
        self.looking_at.as_deref().unwrap_or(&self.session.stage)
    }

    /// The stage the room is in, whatever the screen shows.
    pub fn room_stage(&self) -> Option<&Stage> {
        self.framework.stage(&self.session.stage)
    }

    /// The room's clock in its stage, against the minutes the day's plan gives the stage
    /// (else the framework's); none in a stage that runs over weeks (`timed: false`).
    pub fn room_clock(&self, now: OffsetDateTime) -> Option<crate::model::Clock> {
        let stage = self.room_stage().filter(|s| s.timed)?;
        let planned = self.session.planned_minutes(&stage.key, stage.minutes);
        self.session.clock(planned, now)
    }

    /// When the day's plan says the room starts ("09:15"), while its clock waits for it.
    pub fn starts_at(&self, now: OffsetDateTime) -> Option<time::Time> {
        self.room_clock(now).filter(|c| c.waiting)?;
        self.session.agenda.as_ref()?.start
    }

    /// How the day stands against its plan at `now` (local time): with a start time, on a
    /// stage the plan holds, entered within the last twelve hours.
    pub fn pace(&self, now: OffsetDateTime) -> Option<crate::model::Pace> {
        let plan = self.session.agenda.as_ref()?;
        let clock = self.room_clock(now)?;
        if now - clock.started >= Duration::hours(12) {
            return None;
        }
        plan.pace(&self.session.stage, &clock, now)
    }

    /// Shows another stage for reading, or the room's own (`None`, or the room's key).
    pub fn look_at(&mut self, stage: Option<String>) {
        self.looking_at = stage.filter(|key| *key != self.session.stage);
        self.prompt = 0;
        self.selected = 0;
    }

    /// The positions (in `session.records`) of the current stage's records, in the order
    /// shown: session order, or grouped by theme. Worked out once per change (by
    /// [`SessionView::refresh_rows`], at the end of each `update`), not per frame; within an
    /// `update`, before the refresh, they are worked out afresh.
    pub fn stage_rows(&self) -> std::borrow::Cow<'_, [usize]> {
        if self.rows_fresh() {
            std::borrow::Cow::Borrowed(&self.rows.1)
        } else {
            std::borrow::Cow::Owned(self.work_out_rows())
        }
    }

    /// Works the rows out again if the session, the stage or the grouping changed.
    pub fn refresh_rows(&mut self) {
        // Undo may have brought the room to the stage on screen.
        if self.looking_at.as_deref() == Some(self.session.stage.as_str()) {
            self.looking_at = None;
        }
        if !self.rows_fresh() {
            let key = (
                self.revision,
                self.shown_stage().to_owned(),
                self.by_theme,
                self.ranked_by_votes(),
            );
            self.rows = (key, self.work_out_rows());
        }
    }

    /// Whether the rows were worked out for this revision, stage and grouping (compared
    /// in place: drawing asks several times a frame).
    fn rows_fresh(&self) -> bool {
        let (revision, stage, by_theme, by_votes) = &self.rows.0;
        *revision == self.revision
            && stage == self.shown_stage()
            && *by_theme == self.by_theme
            && *by_votes == self.ranked_by_votes()
    }

    fn work_out_rows(&self) -> Vec<usize> {
        let revisits = self
            .stage()
            .map(|s| s.revisits.as_slice())
            .unwrap_or_default();
        let mut rows: Vec<usize> = self
            .session
            .records
            .iter()
            .enumerate()
            .filter(|(_, r)| r.stage == self.shown_stage() || revisits.contains(&r.body.kind()))
            .map(|(i, _)| i)
            .collect();
        if self.ranked_by_votes() {
            let records = &self.session.records;
            // Stable: equal votes keep the order they were said in.
            rows.sort_by_key(|&i| std::cmp::Reverse(records[i].body.votes().unwrap_or(0)));
        } else if self.by_theme {
            let records = &self.session.records;
            rows.sort_by_cached_key(|&i| match records[i].body.theme() {
                Some(theme) => (false, crate::model::theme_key(theme)),
                None => (true, String::new()),
            });
        }
        rows
    }

    /// Whether the stage on screen is ranked by the room's votes (`R`, per stage).
    pub fn ranked_by_votes(&self) -> bool {
        self.by_votes.contains(self.shown_stage())
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
    pub(super) fn change(&mut self, now: OffsetDateTime, f: impl FnOnce(&mut Session)) {
        self.history.change(&mut self.session, f);
        self.session.updated = now;
        self.mark_changed(now);
    }

    /// Applies a change to one record, keeping only what that record was for undo.
    pub(super) fn change_record(
        &mut self,
        now: OffsetDateTime,
        id: RecordId,
        f: impl FnOnce(&mut Record),
    ) {
        if let Some(at) = self.session.position(id) {
            self.history.change_record(&mut self.session, at, f);
            self.session.updated = now;
            self.mark_changed(now);
        }
    }

    /// Applies a change to the session's own fields that may add records but changes none
    /// already there, keeping only what the fields were for undo.
    pub(super) fn change_head<T>(
        &mut self,
        now: OffsetDateTime,
        f: impl FnOnce(&mut Session) -> T,
    ) -> T {
        let out = self.history.change_head(&mut self.session, f);
        self.session.updated = now;
        self.mark_changed(now);
        out
    }

    pub(super) fn mark_changed(&mut self, now: OffsetDateTime) {
        self.revision += 1;
        self.dirty = true;
        self.changed_at = now;
        self.retry_at = None;
    }

    /// Takes the session as its file now holds it (a window that cannot write follows
    /// the one that does); the place on screen is kept where the stage is the same.
    pub(super) fn follow(&mut self, loaded: Loaded) {
        if loaded.session.stage != self.session.stage {
            self.prompt = 0;
            self.selected = 0;
        }
        self.session = loaded.session;
        self.fingerprint = loaded.fingerprint;
        self.history = Default::default();
        self.revision += 1;
        self.clamp_selection();
    }

    pub(super) fn select(&mut self, id: RecordId) {
        if let Some(i) = self.stage_records().iter().position(|r| r.id == id) {
            self.selected = i;
        }
    }

    pub(super) fn clamp_selection(&mut self) {
        let count = self.stage_len();
        self.selected = self.selected.min(count.saturating_sub(1));
    }

    pub(super) fn paste(&mut self, text: &str) {
        match &mut self.overlay {
            Some(Overlay::Form(form)) => form.paste(text),
            Some(
                Overlay::Theme(super::overlay::theme::ThemeBox { input, .. })
                | Overlay::Rename(input),
            ) => {
                input.insert_str(super::one_line(text));
            }
            Some(Overlay::Agenda(editor)) => {
                if let Some(typing) = &mut editor.typing {
                    typing.input.insert_str(super::one_line(text));
                }
            }
            _ => {}
        }
    }
}

pub(super) fn view(app: &mut App) -> Option<&mut SessionView> {
    match &mut app.screen {
        Screen::Session(view) => Some(view),
        _ => None,
    }
}
