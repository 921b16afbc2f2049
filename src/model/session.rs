//! A session: one workshop or conference, its place in its framework's stages, and its records.
//!
//! Longer than most files on purpose: the session's own rules (its records, the room's
//! stage and clock, and `key_dates`, the one place that decides what is due) read each
//! other's fields, and its tests walk those rules together.

use super::ids::{RecordId, SessionId};
use super::record::{Record, RecordBody, RecordKind};
use super::timefmt::rfc3339;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// The file format this build writes. Older files are migrated on load; newer ones are
/// opened read-only. Format 2 holds what a build of format 1 would drop on saving (the
/// day's plan, the affirmative topic, dreams' themes, votes, the clock's pauses): such a
/// build now opens these files read-only instead. Format 3 adds who to call (a
/// participant's phone, email and consent to be called; the conference's coordinator).
pub const FORMAT_VERSION: u32 = 3;

/// The id of the Family Group Conference flow.
const CONFERENCE_FLOW: &str = "family-group-conference";

/// A task in the plan held by someone kept apart from it (outside the child's safe
/// network, or not invited).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptApartTask {
    pub record: RecordId,
    /// "who" or "checked by".
    pub role: &'static str,
    pub name: String,
    /// The reasons written for keeping them apart.
    pub why: String,
}

impl std::fmt::Display for KeptApartTask {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "plan item {} names {} as {}, and {} is outside the child's safe network",
            self.record, self.name, self.role, self.name
        )?;
        if !self.why.is_empty() {
            write!(f, " ({})", self.why)?;
        }
        Ok(())
    }
}

/// One workshop or conference and everything the room said in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The file format version (see [`FORMAT_VERSION`]).
    pub format: u32,
    pub id: SessionId,
    pub title: String,
    /// The id of the framework it follows (`appreciative-inquiry`, `family-group-conference`).
    pub framework: String,
    #[serde(with = "rfc3339")]
    pub created: OffsetDateTime,
    #[serde(with = "rfc3339")]
    pub updated: OffsetDateTime,
    /// The key of the current stage.
    pub stage: String,
    /// When each stage was started and ended, oldest first.
    #[serde(default)]
    pub history: Vec<StageVisit>,
    /// The next record id to hand out; ids are never reused, even after a delete.
    #[serde(default)]
    pub next_record: u32,
    /// Every record, in the order the room made (or arranged) them.
    #[serde(default)]
    pub records: Vec<Record>,
    /// A Family Group Conference's key facts, decision and review date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conference: Option<super::Conference>,
    /// The day's plan (its run-sheet), once one is made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda: Option<super::Agenda>,
}

/// What a key date is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateKind {
    /// An agreement's or a plan item's due date.
    Commitment(RecordId, RecordKind),
    /// The day of the conference.
    Conference,
    /// The review of the family's plan.
    Review,
}

impl DateKind {
    /// "agreement", "plan item", "conference" or "review".
    pub fn label(self) -> &'static str {
        match self {
            DateKind::Commitment(_, kind) => kind.label(),
            DateKind::Conference => "conference",
            DateKind::Review => "review",
        }
    }
}

/// A dated thing in a session, and whether it is still open (see [`Session::key_dates`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyDate {
    pub what: DateKind,
    #[serde(with = "super::timefmt::iso_date_required")]
    pub date: Date,
    pub open: bool,
}

/// One stretch of time spent in a stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageVisit {
    pub stage: String,
    #[serde(with = "rfc3339")]
    pub started: OffsetDateTime,
    #[serde(default, with = "rfc3339::option")]
    pub ended: Option<OffsetDateTime>,
    /// Minutes the facilitator added to the stage's plan while the room was in it.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub extra_minutes: u32,
    /// Seconds the clock stood paused, before any pause still running.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub paused_seconds: i64,
    /// When the clock was paused, while it is.
    #[serde(
        default,
        with = "rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub paused_since: Option<OffsetDateTime>,
}

fn is_zero<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl StageVisit {
    /// A visit to `stage` starting at `now`, its clock running.
    pub fn begin(stage: impl Into<String>, now: OffsetDateTime) -> Self {
        Self {
            stage: stage.into(),
            started: now,
            ended: None,
            extra_minutes: 0,
            paused_seconds: 0,
            paused_since: None,
        }
    }

    /// A visit to `stage` whose clock waits for the room: it runs only once the facilitator
    /// starts it ([`Session::start_clock`]) or moves the room on. Kept as a clock paused the
    /// moment it began, so a file read by an older build shows it "paused", never running.
    pub fn waiting(stage: impl Into<String>, now: OffsetDateTime) -> Self {
        Self {
            paused_since: Some(now),
            ..Self::begin(stage, now)
        }
    }

    /// Whether the clock has never run: paused the moment the visit began, and never since.
    pub fn is_waiting(&self) -> bool {
        self.paused_since == Some(self.started) && self.paused_seconds == 0 && self.ended.is_none()
    }

    /// The time the room has spent in the stage by `now`, pauses left out.
    pub fn elapsed(&self, now: OffsetDateTime) -> time::Duration {
        let until = self.paused_since.or(self.ended).unwrap_or(now).min(now);
        (until - self.started - time::Duration::seconds(self.paused_seconds))
            .max(time::Duration::ZERO)
    }
}

/// The room's clock: how long the room has been in its stage, against the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    pub started: OffsetDateTime,
    pub elapsed: time::Duration,
    /// The stage's planned minutes plus any added.
    pub planned_minutes: u32,
    pub paused: bool,
    /// The room has not started yet: the clock waits for the facilitator.
    pub waiting: bool,
}

impl Clock {
    /// Whole minutes left of the plan (negative once past it).
    pub fn minutes_left(&self) -> i64 {
        i64::from(self.planned_minutes) - self.elapsed.whole_minutes()
    }
}

impl Session {
    /// A new session at its first stage, made now; the room's clock waits until the
    /// facilitator starts the day.
    pub fn new(
        id: SessionId,
        title: impl Into<String>,
        framework: impl Into<String>,
        first_stage: impl Into<String>,
        now: OffsetDateTime,
    ) -> Self {
        let stage = first_stage.into();
        Self {
            format: FORMAT_VERSION,
            id,
            title: title.into(),
            framework: framework.into(),
            created: now,
            updated: now,
            history: vec![StageVisit::waiting(stage.clone(), now)],
            stage,
            next_record: 1,
            records: Vec::new(),
            conference: None,
            agenda: None,
        }
    }

    /// Adds a record to the given stage and returns its new id.
    pub fn add(&mut self, stage: &str, body: RecordBody, now: OffsetDateTime) -> RecordId {
        let used = self.records.iter().map(|r| r.id.0 + 1).max().unwrap_or(1);
        let id = RecordId(self.next_record.max(used));
        self.next_record = id.0 + 1;
        self.records.push(Record {
            id,
            stage: stage.to_owned(),
            created: now,
            body,
            source: None,
        });
        self.updated = now;
        id
    }

    /// Adds records to the given stage, each with where it came from, and returns their
    /// new ids in order: as [`Session::add`] one by one, with the session's ids looked at
    /// once (an import of thousands stays linear).
    pub fn add_all(
        &mut self,
        stage: &str,
        bodies: impl IntoIterator<Item = (RecordBody, Option<String>)>,
        now: OffsetDateTime,
    ) -> Vec<RecordId> {
        let used = self.records.iter().map(|r| r.id.0 + 1).max().unwrap_or(1);
        let mut next = self.next_record.max(used);
        let mut ids = Vec::new();
        for (body, source) in bodies {
            let id = RecordId(next);
            next += 1;
            self.records.push(Record {
                id,
                stage: stage.to_owned(),
                created: now,
                body,
                source,
            });
            ids.push(id);
        }
        if !ids.is_empty() {
            self.next_record = next;
            self.updated = now;
        }
        ids
    }

    /// The record with this id.
    pub fn record(&self, id: RecordId) -> Option<&Record> {
        self.records.iter().find(|r| r.id == id)
    }

    /// The record with this id, for changing.
    pub fn record_mut(&mut self, id: RecordId) -> Option<&mut Record> {
        self.records.iter_mut().find(|r| r.id == id)
    }

    /// The position of a record in [`Session::records`].
    pub fn position(&self, id: RecordId) -> Option<usize> {
        self.records.iter().position(|r| r.id == id)
    }

    /// Removes a record and every link to it; returns it. Use
    /// [`super::delete_impact`] first to tell the user what builds on it.
    pub fn remove(&mut self, id: RecordId, now: OffsetDateTime) -> Option<Record> {
        let at = self.position(id)?;
        let removed = self.records.remove(at);
        for record in &mut self.records {
            record.body.unlink(id);
        }
        self.updated = now;
        Some(removed)
    }

    /// The records captured in a stage, in order.
    pub fn records_in<'a>(&'a self, stage: &'a str) -> impl Iterator<Item = &'a Record> + 'a {
        self.records.iter().filter(move |r| r.stage == stage)
    }

    /// Moves to another stage: ends the current visit and starts a new one.
    pub fn move_to_stage(&mut self, stage: &str, now: OffsetDateTime) {
        if self.stage == stage {
            return;
        }
        if let Some(open) = self.history.iter_mut().rev().find(|v| v.ended.is_none()) {
            if open.is_waiting() {
                // The room leaves a stage whose clock never ran: it spent no time there.
                open.started = now;
            }
            if let Some(since) = open.paused_since.take() {
                open.paused_seconds += (now - since).whole_seconds().max(0);
            }
            open.ended = Some(now);
        }
        self.history.push(StageVisit::begin(stage, now));
        self.stage = stage.to_owned();
        self.updated = now;
    }

    /// When the current stage was last entered.
    pub fn stage_started(&self) -> Option<OffsetDateTime> {
        self.history
            .iter()
            .rev()
            .find(|v| v.stage == self.stage && v.ended.is_none())
            .map(|v| v.started)
    }

    /// The room's open visit to its current stage.
    fn room_visit(&mut self) -> Option<&mut StageVisit> {
        let stage = self.stage.clone();
        self.history
            .iter_mut()
            .rev()
            .find(|v| v.stage == stage && v.ended.is_none())
    }

    /// The room's clock in its current stage, given the stage's planned minutes.
    pub fn clock(&self, planned_minutes: u32, now: OffsetDateTime) -> Option<Clock> {
        let visit = self
            .history
            .iter()
            .rev()
            .find(|v| v.stage == self.stage && v.ended.is_none())?;
        Some(Clock {
            started: visit.started,
            elapsed: visit.elapsed(now),
            planned_minutes: planned_minutes.saturating_add(visit.extra_minutes),
            paused: visit.paused_since.is_some() && !visit.is_waiting(),
            waiting: visit.is_waiting(),
        })
    }

    /// Starts the room's clock in its stage, if it is still waiting for the room; returns
    /// whether it started.
    pub fn start_clock(&mut self, now: OffsetDateTime) -> bool {
        let Some(visit) = self.room_visit().filter(|v| v.is_waiting()) else {
            return false;
        };
        visit.started = now;
        visit.paused_since = None;
        self.updated = now;
        true
    }

    /// The minutes planned for a stage: the day's plan's, else the framework's.
    pub fn planned_minutes(&self, stage: &str, framework_minutes: u32) -> u32 {
        self.agenda
            .as_ref()
            .and_then(|a| a.stage_minutes(stage))
            .unwrap_or(framework_minutes)
    }

    /// Pauses the room's clock, or sets it going again (starts it, if it waits for the
    /// room); returns whether it is now paused.
    pub fn toggle_pause(&mut self, now: OffsetDateTime) -> bool {
        if self.start_clock(now) {
            return false;
        }
        let Some(visit) = self.room_visit() else {
            return false;
        };
        let paused = match visit.paused_since.take() {
            Some(since) => {
                visit.paused_seconds += (now - since).whole_seconds().max(0);
                false
            }
            None => {
                visit.paused_since = Some(now);
                true
            }
        };
        self.updated = now;
        paused
    }

    /// Gives the room's stage more minutes (or fewer, never below the plan).
    pub fn add_minutes(&mut self, minutes: i32, now: OffsetDateTime) {
        if let Some(visit) = self.room_visit() {
            visit.extra_minutes = visit.extra_minutes.saturating_add_signed(minutes);
            self.updated = now;
        }
    }

    /// Whether a stage has been visited and left at least once.
    pub fn stage_finished(&self, stage: &str) -> bool {
        self.history
            .iter()
            .any(|v| v.stage == stage && v.ended.is_some())
    }

    /// Every dated thing in the session, soonest first: each agreement and plan item with a
    /// due date, the conference day and the review date, and whether each is still open.
    /// Nothing is open in a closed conference. The one place that decides what is due:
    /// `due`, the follow-through view, the dashboard, the listing and overdue marks read it.
    pub fn key_dates(&self) -> Vec<KeyDate> {
        let conference = self.conference.as_ref();
        let closed = conference.is_some_and(|c| c.closed.is_some());
        let mut dates: Vec<KeyDate> = self
            .records
            .iter()
            .filter_map(|r| {
                let commitment = r.body.commitment()?;
                Some(KeyDate {
                    what: DateKind::Commitment(r.id, r.body.kind()),
                    date: commitment.due?,
                    open: !closed && commitment.is_open(),
                })
            })
            .collect();
        if let Some(c) = conference {
            if let Some(date) = c.date {
                dates.push(KeyDate {
                    what: DateKind::Conference,
                    date,
                    open: !closed && self.before_the_conference(),
                });
            }
            if let Some(review) = c.review_date {
                let held = c.review_held().is_some();
                dates.push(KeyDate {
                    what: DateKind::Review,
                    date: review,
                    open: !closed && !held,
                });
            }
        }
        dates.sort_by_key(|k| k.date);
        dates
    }

    /// Whether the conference is still ahead: the session is at the stage it began in
    /// (a conference's planning).
    fn before_the_conference(&self) -> bool {
        self.history.first().is_none_or(|v| v.stage == self.stage)
    }

    /// The earliest date still open, late or not.
    pub fn next_open(&self) -> Option<KeyDate> {
        self.key_dates().into_iter().find(|k| k.open)
    }

    /// The earliest date still open (see [`Session::key_dates`]).
    pub fn next_due(&self) -> Option<Date> {
        self.next_open().map(|k| k.date)
    }

    /// Whether anything open is late on `today`: a commitment, the conference day while
    /// the session is still at planning, or a review not held.
    pub fn overdue(&self, today: Date) -> bool {
        self.key_dates().iter().any(|k| k.open && k.date < today)
    }

    /// The date a commitment was due by, when it is still open and that date is before
    /// `today` (see [`Session::key_dates`]: nothing once the conference is closed).
    pub fn overdue_since(&self, id: RecordId, today: Date) -> Option<Date> {
        self.key_dates()
            .into_iter()
            .find(|k| {
                k.open && k.date < today && matches!(k.what, DateKind::Commitment(r, _) if r == id)
            })
            .map(|k| k.date)
    }

    /// The participants the child can count on, in the order they were added: everyone
    /// but those marked as outside the child's safe network. Every list of the child's
    /// network (the map, a family's copy) reads this.
    pub fn safe_network(&self) -> impl Iterator<Item = (&Record, &super::Participant)> + '_ {
        self.records.iter().filter_map(|r| {
            r.body
                .participant()
                .filter(|p| p.in_safe_network())
                .map(|p| (r, p))
        })
    }

    /// A new conference takes the settings' coordinator (`default`), unless it has one
    /// already; a workshop, or an empty default, changes nothing.
    pub fn take_coordinator(&mut self, default: &super::Coordinator) {
        if !self.is_conference() || default.is_empty() {
            return;
        }
        let conference = self.conference.get_or_insert_with(Default::default);
        if conference.coordinator.is_empty() {
            conference.coordinator = default.clone();
        }
    }

    /// The participants kept apart from the plan (see [`super::Participant::kept_apart`]),
    /// each with the reasons written.
    pub fn kept_apart(&self) -> impl Iterator<Item = (&super::Participant, String)> + '_ {
        self.records.iter().filter_map(|r| {
            let p = r.body.participant().filter(|p| !p.name.trim().is_empty())?;
            p.kept_apart().map(|why| (p, why))
        })
    }

    /// Those kept apart whom `who` names ("Craig and Mum" names Craig), with why.
    pub fn kept_apart_in(&self, who: &str) -> Vec<(&super::Participant, String)> {
        self.kept_apart()
            .filter(|(p, _)| super::names::names_person(who, &p.name))
            .collect()
    }

    /// Every task held by someone kept apart from the plan: a plan item (not changed or
    /// dropped) whose who or checked-by names them. What `check` and `lint` flag.
    pub fn tasks_kept_apart(&self) -> Vec<KeptApartTask> {
        let mut out = Vec::new();
        for r in &self.records {
            let RecordBody::PlanItem(item) = &r.body else {
                continue;
            };
            if matches!(item.status, super::Status::Changed | super::Status::Dropped) {
                continue;
            }
            for (role, words) in [("who", &item.who), ("checked by", &item.checked_by)] {
                for (person, why) in self.kept_apart_in(words) {
                    out.push(KeptApartTask {
                        record: r.id,
                        role,
                        name: person.name.trim().to_owned(),
                        why,
                    });
                }
            }
        }
        out
    }

    /// `who` as it may be shared: as written when it names no one kept apart; else the
    /// others it names ("Craig and Mum" → "Mum"), or `None` when no one else is left.
    pub fn who_to_share(&self, who: &str) -> Option<String> {
        let apart = self.kept_apart_in(who);
        if apart.is_empty() {
            return Some(who.to_owned());
        }
        let mut parts = vec![who.to_owned()];
        for sep in [",", "&", "/", "+", ";", " and ", " or ", " with "] {
            parts = parts
                .iter()
                .flat_map(|p| p.split(sep).map(str::to_owned).collect::<Vec<_>>())
                .collect();
        }
        let kept: Vec<&str> = parts
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .filter(|p| {
                !apart
                    .iter()
                    .any(|(person, _)| super::names::names_person(p, &person.name))
            })
            .collect();
        (!kept.is_empty()).then(|| kept.join(", "))
    }

    /// Whether this is a family's conference rather than a workshop: it keeps a
    /// conference's facts, or follows the conference flow. A conference's participants are
    /// the child's network (side, invitation, needs, closeness); a workshop's are people in
    /// the room (name, organisation, sector, role).
    pub fn is_conference(&self) -> bool {
        self.conference.is_some() || self.framework == CONFERENCE_FLOW
    }

    /// The workshop's affirmative topic: the latest written, if the room has one.
    pub fn affirmative_topic(&self) -> Option<&Record> {
        self.records
            .iter()
            .rev()
            .find(|r| r.body.kind() == RecordKind::Topic)
    }

    /// The change goals the partnership has set itself, in the order they were written.
    pub fn change_goals(&self) -> impl Iterator<Item = &Record> + '_ {
        self.records
            .iter()
            .filter(|r| r.body.kind() == RecordKind::ChangeGoal)
    }

    /// Whether anything in the session matches a search, ignoring case.
    pub fn matches(&self, needle: &str) -> bool {
        let needle = needle.to_lowercase();
        self.title.to_lowercase().contains(&needle)
            || self.id.as_str().contains(&needle)
            || self.framework.contains(&needle)
            || self.stage.contains(&needle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Agreement, Closure, ClosureReason, Dream, Status, Strength};
    use time::macros::{date, datetime};

    fn session() -> Session {
        let id = SessionId::parse("test1").expect("valid id");
        Session::new(
            id,
            "Harbour day",
            "appreciative-inquiry",
            "define",
            datetime!(2026-11-25 09:00 UTC),
        )
    }

    #[test]
    fn a_new_session_starts_at_its_first_stage_with_an_open_visit() {
        let s = session();
        assert_eq!(s.stage, "define");
        assert_eq!(s.history.len(), 1);
        assert_eq!(s.stage_started(), Some(datetime!(2026-11-25 09:00 UTC)));
        assert_eq!(s.format, FORMAT_VERSION);
    }

    #[test]
    fn the_affirmative_topic_is_the_latest_written_and_goals_keep_their_order() {
        use crate::model::{ChangeGoal, Topic};
        let mut s = session();
        let now = datetime!(2026-11-25 09:05 UTC);
        assert!(s.affirmative_topic().is_none());
        let topic = |text: &str| RecordBody::Topic(Topic { text: text.into() });
        let goal = |text: &str| RecordBody::ChangeGoal(ChangeGoal { text: text.into() });
        s.add("define", topic("Safe together"), now);
        s.add("define", goal("Young people shape the work"), now);
        s.add(
            "define",
            RecordBody::Note(crate::model::Note::default()),
            now,
        );
        let latest = s.add("define", topic("Safe and heard, together"), now);
        s.add("define", goal("Every school knows its partners"), now);
        assert_eq!(s.affirmative_topic().map(|r| r.id), Some(latest));
        let goals: Vec<&str> = s.change_goals().map(|r| r.body.text()).collect();
        assert_eq!(
            goals,
            [
                "Young people shape the work",
                "Every school knows its partners"
            ]
        );
    }

    #[test]
    fn record_ids_are_never_reused_after_a_delete() {
        let mut s = session();
        let now = datetime!(2026-11-25 09:10 UTC);
        let a = s.add("discovery", RecordBody::Strength(Strength::default()), now);
        let b = s.add("discovery", RecordBody::Strength(Strength::default()), now);
        s.remove(b, now);
        let c = s.add("discovery", RecordBody::Strength(Strength::default()), now);
        assert_ne!(c, b);
        assert!(c > a);
    }

    #[test]
    fn moving_stage_closes_the_visit_and_opens_the_next() {
        let mut s = session();
        s.move_to_stage("discovery", datetime!(2026-11-25 09:30 UTC));
        assert_eq!(s.stage, "discovery");
        assert_eq!(s.history[0].ended, Some(datetime!(2026-11-25 09:30 UTC)));
        assert!(s.stage_finished("define"));
        assert!(!s.stage_finished("discovery"));
        assert_eq!(s.stage_started(), Some(datetime!(2026-11-25 09:30 UTC)));
        // Staying put changes nothing.
        s.move_to_stage("discovery", datetime!(2026-11-25 09:40 UTC));
        assert_eq!(s.history.len(), 2);
    }

    #[test]
    fn a_paused_clock_holds_and_added_minutes_extend_the_plan() {
        let mut s = session();
        let at = |m: i64| datetime!(2026-11-25 09:00 UTC) + time::Duration::minutes(m);
        assert!(s.start_clock(at(0)));
        assert!(s.toggle_pause(at(10)), "paused");
        let held = s.clock(45, at(30)).expect("a clock");
        assert_eq!(
            held.elapsed.whole_minutes(),
            10,
            "the pause holds the clock"
        );
        assert!(held.paused);
        assert!(!s.toggle_pause(at(30)), "running again");
        assert_eq!(
            s.clock(45, at(40)).map(|c| c.elapsed.whole_minutes()),
            Some(20)
        );
        s.add_minutes(5, at(40));
        let clock = s.clock(45, at(40)).expect("a clock");
        assert_eq!(clock.planned_minutes, 50);
        assert_eq!(clock.minutes_left(), 30);
        s.add_minutes(-10, at(40));
        assert_eq!(s.clock(45, at(40)).map(|c| c.planned_minutes), Some(45));

        // Moving on while paused keeps the pause out of the stage's time.
        s.toggle_pause(at(50));
        s.move_to_stage("discovery", at(70));
        let first = &s.history[0];
        assert_eq!(first.elapsed(at(90)).whole_minutes(), 30);
        assert_eq!(first.paused_since, None);
        assert_eq!(
            s.clock(60, at(75)).map(|c| c.elapsed.whole_minutes()),
            Some(5)
        );
    }

    #[test]
    fn the_clock_waits_for_the_room_however_long_ago_the_session_was_made() {
        // Made the night before: next morning the clock has not run.
        let mut s = session();
        let morning = datetime!(2026-11-26 09:15 UTC);
        let clock = s.clock(30, morning).expect("a clock");
        assert!(clock.waiting && !clock.paused);
        assert_eq!(clock.elapsed, time::Duration::ZERO);
        assert_eq!(
            clock.minutes_left(),
            30,
            "never time is up before the start"
        );
        // A file read back keeps it waiting.
        let text = ron::to_string(&s).expect("writes");
        let back: Session = ron::from_str(&text).expect("reads");
        assert!(back.clock(30, morning).expect("a clock").waiting);
        // Space starts it (toggle_pause on a waiting clock sets it going).
        assert!(!s.toggle_pause(morning), "running, not paused");
        let later = morning + time::Duration::minutes(12);
        let clock = s.clock(30, later).expect("a clock");
        assert!(!clock.waiting && !clock.paused);
        assert_eq!(clock.elapsed.whole_minutes(), 12);
        assert!(
            !s.start_clock(later),
            "a running clock is not started twice"
        );
    }

    #[test]
    fn moving_the_room_on_before_the_clock_started_counts_no_time_in_the_stage_left() {
        let mut s = session();
        let morning = datetime!(2026-11-26 09:15 UTC);
        s.move_to_stage("discovery", morning);
        assert_eq!(s.history[0].elapsed(morning), time::Duration::ZERO);
        assert_eq!(s.history[0].started, morning);
        let clock = s
            .clock(60, morning + time::Duration::minutes(5))
            .expect("a clock");
        assert!(!clock.waiting, "the room moved on: its clock runs");
        assert_eq!(clock.elapsed.whole_minutes(), 5);
    }

    #[test]
    fn a_paused_clock_stays_paused_when_the_file_is_read_again() {
        let mut s = session();
        let at = |m: i64| datetime!(2026-11-25 09:00 UTC) + time::Duration::minutes(m);
        s.start_clock(at(0));
        assert!(s.toggle_pause(at(10)));
        let back: Session = ron::from_str(&ron::to_string(&s).expect("writes")).expect("reads");
        let clock = back.clock(45, at(300)).expect("a clock");
        assert!(clock.paused && !clock.waiting);
        assert_eq!(clock.elapsed.whole_minutes(), 10);
    }

    #[test]
    fn a_visit_without_clock_fields_reads_as_a_running_clock() {
        let visit: StageVisit =
            ron::from_str(r#"(stage: "dream", started: "2026-11-25T09:00:00Z", ended: None)"#)
                .expect("an older visit reads");
        assert_eq!(
            visit,
            StageVisit::begin("dream", datetime!(2026-11-25 09:00 UTC))
        );
    }

    #[test]
    fn removing_a_record_removes_links_to_it() {
        let mut s = session();
        let now = datetime!(2026-11-25 09:10 UTC);
        let strength = s.add("discovery", RecordBody::Strength(Strength::default()), now);
        let dream = s.add(
            "dream",
            RecordBody::Dream(Dream {
                text: "Every child known by name".into(),
                builds_on: vec![strength],
                ..Dream::default()
            }),
            now,
        );
        s.remove(strength, now);
        assert_eq!(s.record(dream).map(|r| r.body.links()), Some(vec![]));
    }

    #[test]
    fn next_due_skips_done_commitments() {
        let mut s = session();
        let now = datetime!(2026-11-25 09:10 UTC);
        let agreement = |due, status| {
            RecordBody::Agreement(Agreement {
                action: "Meet".into(),
                owner: "Sam".into(),
                due: Some(due),
                status,
                serves: vec![],
                ..Agreement::default()
            })
        };
        s.add(
            "destiny",
            agreement(date!(2026 - 12 - 01), Status::Done),
            now,
        );
        s.add(
            "destiny",
            agreement(date!(2026 - 12 - 09), Status::NotStarted),
            now,
        );
        s.add(
            "destiny",
            agreement(date!(2026 - 12 - 05), Status::InProgress),
            now,
        );
        assert_eq!(s.next_due(), Some(date!(2026 - 12 - 05)));
    }

    #[test]
    fn key_dates_and_overdue_follow_open_commitments_and_the_review() {
        use crate::model::{CheckIn, Conference, PlanItem, Rating};
        let mut s = session();
        let now = datetime!(2026-11-25 09:10 UTC);
        let item = s.add(
            "agreement",
            RecordBody::PlanItem(PlanItem {
                text: "Walk home together".into(),
                by_when: Some(date!(2026 - 12 - 01)),
                ..PlanItem::default()
            }),
            now,
        );
        s.conference = Some(Conference {
            date: Some(date!(2026 - 11 - 20)),
            review_date: Some(date!(2027 - 02 - 12)),
            ..Conference::default()
        });
        // The conference was held: the session moved on from its first stage.
        s.move_to_stage("agreement", now);
        assert_eq!(s.next_due(), Some(date!(2026 - 12 - 01)));
        assert!(!s.overdue(date!(2026 - 11 - 25)));
        assert!(s.overdue(date!(2026 - 12 - 02)), "the plan item is late");
        assert_eq!(
            s.overdue_since(item, date!(2026 - 12 - 01)),
            None,
            "due today is not late"
        );
        assert_eq!(
            s.overdue_since(item, date!(2026 - 12 - 02)),
            Some(date!(2026 - 12 - 01))
        );
        let done = CheckIn {
            date: date!(2026 - 12 - 01),
            status: Status::Done,
            by: "Anna".into(),
            note: "Every day so far".into(),
        };
        assert!(
            s.record_mut(item)
                .is_some_and(|r| r.body.check_in(done.clone()))
        );
        assert_eq!(
            s.record(item).map(|r| r.body.status()),
            Some(Some(Status::Done))
        );
        assert_eq!(s.record(item).map(|r| r.body.checkins().len()), Some(1));
        assert!(!s.overdue(date!(2026 - 12 - 02)));
        assert_eq!(s.overdue_since(item, date!(2026 - 12 - 02)), None, "done");
        assert_eq!(
            s.next_open().map(|k| (k.what, k.date)),
            Some((DateKind::Review, date!(2027 - 02 - 12)))
        );
        assert!(s.overdue(date!(2027 - 02 - 13)), "the review date passed");
        if let Some(c) = s.conference.as_mut() {
            c.ratings.push(Rating {
                date: date!(2027 - 02 - 12),
                family: Some(8),
                professionals: Some(7),
                due: Some(date!(2027 - 02 - 12)),
                child_lives: None,
            });
        }
        assert!(!s.overdue(date!(2027 - 02 - 13)), "the review was held");
        assert!(!RecordBody::Note(crate::model::Note::default()).check_in(done));
    }

    #[test]
    fn a_file_without_a_plan_reads_and_a_plan_is_kept_through_a_save() {
        let mut s = session();
        let text =
            ron::ser::to_string_pretty(&s, ron::ser::PrettyConfig::default()).expect("writes");
        assert!(!text.contains("agenda"), "no plan, nothing written: {text}");
        let old: Session = ron::from_str(&text).expect("a file from before plans reads");
        assert_eq!(old.agenda, None);
        assert_eq!(
            s.planned_minutes("discovery", 60),
            60,
            "the framework's minutes"
        );

        let mut plan = crate::model::Agenda::from_stages([("define", 30), ("discovery", 40)]);
        plan.start = time::Time::from_hms(9, 30, 0).ok();
        plan.blocks
            .insert(1, crate::model::Block::new(crate::model::What::Lunch, 45));
        plan.blocks
            .push(crate::model::Block::stage("discovery", 20));
        s.agenda = Some(plan);
        assert_eq!(
            s.planned_minutes("discovery", 60),
            60,
            "the plan's, split in two"
        );
        assert_eq!(s.planned_minutes("dream", 45), 45, "not in the plan");
        if let Some(a) = s.agenda.as_mut() {
            a.blocks[3].minutes = 25;
        }
        assert_eq!(s.planned_minutes("discovery", 60), 65);
        let text =
            ron::ser::to_string_pretty(&s, ron::ser::PrettyConfig::default()).expect("writes");
        assert_eq!(ron::from_str::<Session>(&text).expect("reads"), s);
    }

    fn conference_on(date: Date) -> Session {
        let mut s = session();
        s.conference = Some(crate::model::Conference {
            date: Some(date),
            ..Default::default()
        });
        s
    }

    #[test]
    fn the_conference_day_is_due_while_the_session_is_at_planning() {
        let mut s = conference_on(date!(2026 - 12 - 01));
        assert_eq!(
            s.next_open().map(|k| (k.what, k.date)),
            Some((DateKind::Conference, date!(2026 - 12 - 01)))
        );
        assert!(!s.overdue(date!(2026 - 12 - 01)));
        assert!(
            s.overdue(date!(2026 - 12 - 02)),
            "the conference date has passed while still at planning"
        );
        s.move_to_stage("information", datetime!(2026-12-01 10:00 UTC));
        assert!(!s.overdue(date!(2026 - 12 - 02)), "the conference was held");
        assert_eq!(s.next_due(), None);
    }

    #[test]
    fn a_closed_conference_has_nothing_due_and_nothing_late() {
        let now = datetime!(2026-11-25 09:10 UTC);
        let mut s = conference_on(date!(2026 - 11 - 01));
        s.add(
            "agreement",
            RecordBody::PlanItem(crate::model::PlanItem {
                text: "Walk home together".into(),
                by_when: Some(date!(2026 - 11 - 10)),
                ..Default::default()
            }),
            now,
        );
        if let Some(c) = s.conference.as_mut() {
            c.review_date = Some(date!(2026 - 11 - 20));
        }
        assert!(s.overdue(date!(2026 - 11 - 25)));
        assert_eq!(s.key_dates().iter().filter(|k| k.open).count(), 3);
        if let Some(c) = s.conference.as_mut() {
            c.closed = Some(Closure {
                date: date!(2026 - 11 - 24),
                reason: ClosureReason::FamilyWithdrew,
            });
        }
        assert!(!s.overdue(date!(2026 - 11 - 25)));
        assert_eq!(s.next_due(), None);
        assert_eq!(s.key_dates().len(), 3, "the dates are kept, none open");
    }
}
