//! A session: one workshop or conference, its place in its framework's stages, and its records.

use super::ids::{RecordId, SessionId};
use super::record::{Record, RecordBody, Status};
use super::timefmt::rfc3339;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// The file format this build writes. Older files are migrated on load; newer ones are
/// opened read-only.
pub const FORMAT_VERSION: u32 = 1;

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
}

/// One stretch of time spent in a stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageVisit {
    pub stage: String,
    #[serde(with = "rfc3339")]
    pub started: OffsetDateTime,
    #[serde(default, with = "rfc3339::option")]
    pub ended: Option<OffsetDateTime>,
}

impl Session {
    /// A new session at its first stage, started now.
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
            history: vec![StageVisit {
                stage: stage.clone(),
                started: now,
                ended: None,
            }],
            stage,
            next_record: 1,
            records: Vec::new(),
            conference: None,
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
        });
        self.updated = now;
        id
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
            open.ended = Some(now);
        }
        self.history.push(StageVisit {
            stage: stage.to_owned(),
            started: now,
            ended: None,
        });
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

    /// Whether a stage has been visited and left at least once.
    pub fn stage_finished(&self, stage: &str) -> bool {
        self.history
            .iter()
            .any(|v| v.stage == stage && v.ended.is_some())
    }

    /// The earliest due date among commitments that are still open.
    pub fn next_due(&self) -> Option<Date> {
        self.records
            .iter()
            .filter(|r| {
                matches!(
                    r.body.status(),
                    Some(Status::NotStarted | Status::InProgress | Status::Changed)
                )
            })
            .filter_map(|r| r.body.due())
            .chain(self.conference.as_ref().and_then(|c| c.review_date))
            .min()
    }

    /// The next key date on or after `today`: a conference date, a review date, or an
    /// open commitment's due date.
    pub fn next_key_date(&self, today: Date) -> Option<Date> {
        let conference = self.conference.as_ref().filter(|c| c.closed.is_none());
        self.open_due_dates()
            .chain(conference.and_then(|c| c.date))
            .chain(conference.and_then(|c| c.review_date))
            .filter(|d| *d >= today)
            .min()
    }

    /// Whether anything is overdue on `today`: an open commitment past its date, or a
    /// review date passed without the conference being closed or reviewed since.
    pub fn overdue(&self, today: Date) -> bool {
        let review_late = self.conference.as_ref().is_some_and(|c| {
            c.closed.is_none()
                && c.review_date
                    .is_some_and(|r| r < today && !c.ratings.iter().any(|rating| rating.date >= r))
        });
        review_late || self.open_due_dates().any(|d| d < today)
    }

    fn open_due_dates(&self) -> impl Iterator<Item = Date> + '_ {
        self.records
            .iter()
            .filter(|r| r.body.status().is_some_and(Status::is_open))
            .filter_map(|r| r.body.due())
    }

    /// The participants the child can count on, in the order they were added: everyone
    /// but those marked as outside the child's safe network. Every list of the child's
    /// network (the map, a family's copy) reads this.
    pub fn safe_network(&self) -> impl Iterator<Item = (&Record, &super::Participant)> + '_ {
        self.records.iter().filter_map(|r| match &r.body {
            RecordBody::Participant(p) if p.in_safe_network() => Some((r, p)),
            _ => None,
        })
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
    use crate::model::{Agreement, Dream, Strength};
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
        assert_eq!(
            s.next_key_date(date!(2026 - 11 - 25)),
            Some(date!(2026 - 12 - 01))
        );
        assert!(!s.overdue(date!(2026 - 11 - 25)));
        assert!(s.overdue(date!(2026 - 12 - 02)), "the plan item is late");
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
        assert_eq!(
            s.next_key_date(date!(2026 - 12 - 02)),
            Some(date!(2027 - 02 - 12))
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
}
