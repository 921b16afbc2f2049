//! What a listing shows of a session, kept in the folder's listing cache (`.summaries.ron`).

use super::cache::{Digest, Digested};
use super::{Store, StoreError};
use crate::model::timefmt::{iso_date_option, rfc3339};
use crate::model::{KeyDate, Session, SessionId, Status};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// What a listing shows of a session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub id: SessionId,
    pub title: String,
    pub framework: String,
    pub stage: String,
    #[serde(with = "rfc3339")]
    pub created: OffsetDateTime,
    #[serde(with = "rfc3339")]
    pub updated: OffsetDateTime,
    /// The earliest open due date (commitments and a review), as `Session::next_due`.
    #[serde(with = "iso_date_option")]
    pub next_due: Option<Date>,
    pub records: usize,
    /// Why the conference was closed, in plain words, if it is closed.
    pub closed: Option<String>,
    /// The earliest open key date, late or not, and what it is for (the dashboard's).
    pub next: Option<KeyDate>,
    /// Agreements and plan items done, and how many there are.
    pub done: usize,
    pub commitments: usize,
    /// The conference's coordinator by name (empty for a workshop or when none is written).
    #[serde(default)]
    pub coordinator: String,
}

impl Summary {
    pub fn of(s: &Session) -> Self {
        let next = s.next_open();
        Self {
            id: s.id.clone(),
            title: s.title.clone(),
            framework: s.framework.clone(),
            stage: s.stage.clone(),
            created: s.created,
            updated: s.updated,
            next_due: next.map(|k| k.date),
            records: s.records.len(),
            closed: s
                .conference
                .as_ref()
                .and_then(|c| c.closed.as_ref())
                .map(|c| c.reason.label()),
            next,
            done: s
                .records
                .iter()
                .filter(|r| r.body.status() == Some(Status::Done))
                .count(),
            commitments: s
                .records
                .iter()
                .filter(|r| r.body.status().is_some())
                .count(),
            coordinator: s
                .conference
                .as_ref()
                .map(|c| c.coordinator.name.trim().to_owned())
                .unwrap_or_default(),
        }
    }
}

/// The listing cache's file name in the sessions folder (hidden; never listed as a session).
pub const CACHE_FILE: &str = ".summaries.ron";

impl Digest for Summary {
    const FILE: &'static str = CACHE_FILE;
    const VERSION: u32 = 7; // 3: closures and conference days; 4: the stamp holds the change time and inode too; 5: a changed item is not open; 6: the dashboard's next date and commitments; 7: the coordinator
    fn of(session: &Session) -> Self {
        Summary::of(session)
    }
}

/// One session file and its summary, or why it could not be read.
pub type Summarised = Digested<Summary>;

impl Store {
    /// A summary of every session file (or why it could not be read), using and refreshing
    /// the listing cache.
    pub fn summaries(&self) -> Result<Vec<Summarised>, StoreError> {
        self.digests()
    }
}
