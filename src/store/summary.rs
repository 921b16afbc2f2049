//! A cached summary of each session file, so listing a large folder reads one small index
//! and the files' sizes and times instead of every file. The cache is advisory: a missing,
//! stale or broken one is rebuilt from the files.

use super::{Store, StoreError, atomic_write, load_path};
use crate::model::timefmt::{iso_date_option, rfc3339};
use crate::model::{Session, SessionId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
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
}

impl Summary {
    pub fn of(s: &Session) -> Self {
        Self {
            id: s.id.clone(),
            title: s.title.clone(),
            framework: s.framework.clone(),
            stage: s.stage.clone(),
            created: s.created,
            updated: s.updated,
            next_due: s.next_due(),
            records: s.records.len(),
            closed: s
                .conference
                .as_ref()
                .and_then(|c| c.closed.as_ref())
                .map(|c| c.reason.label()),
        }
    }
}

/// One session file and its summary, or why it could not be read.
pub type Summarised = (PathBuf, Result<Summary, StoreError>);

/// The cache file: by file name, the size and time it had, and its summary.
#[derive(Default, Serialize, Deserialize)]
struct Cache {
    version: u32,
    entries: BTreeMap<String, (u64, i64, u32, Summary)>,
}

// 2: ids are the file's name, not the id written inside; 3: closures, conference days
const CACHE_VERSION: u32 = 3;
/// The cache's file name in the sessions folder (hidden; never listed as a session).
pub const CACHE_FILE: &str = ".summaries.ron";

/// A file's size and modification time (seconds and nanoseconds).
fn stamp(path: &Path) -> Option<(u64, i64, u32)> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = OffsetDateTime::from(meta.modified().ok()?);
    Some((meta.len(), modified.unix_timestamp(), modified.nanosecond()))
}

impl Store {
    /// A summary of every session file (or why it could not be read), using and refreshing
    /// the cache. Files whose size and time match the cache are not read.
    pub fn summaries(&self) -> Result<Vec<Summarised>, StoreError> {
        let cache_path = self.dir.join(CACHE_FILE);
        let mut cache: Cache = std::fs::read_to_string(&cache_path)
            .ok()
            .and_then(|text| ron::from_str(&text).ok())
            .filter(|c: &Cache| c.version == CACHE_VERSION)
            .unwrap_or_default();
        let mut changed = false;
        let mut out = Vec::new();
        let mut seen = Vec::new();
        for path in self.files()? {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            seen.push(name.clone());
            let now = stamp(&path);
            match (cache.entries.get(&name), now) {
                (Some((len, secs, nanos, summary)), Some(stamp))
                    if (*len, *secs, *nanos) == stamp =>
                {
                    out.push((path, Ok(summary.clone())));
                }
                _ => {
                    let loaded = load_path(&path).map(|l| Summary::of(&l.session));
                    if let (Ok(summary), Some((l, s, n))) = (&loaded, now) {
                        cache.entries.insert(name, (l, s, n, summary.clone()));
                        changed = true;
                    }
                    out.push((path, loaded));
                }
            }
        }
        let before = cache.entries.len();
        cache.entries.retain(|name, _| seen.contains(name));
        changed |= cache.entries.len() != before;
        if changed {
            cache.version = CACHE_VERSION;
            if let Ok(text) = ron::to_string(&cache) {
                // A folder that cannot take the cache still lists well, only more slowly.
                let _ = atomic_write(&cache_path, text.as_bytes(), self.fault);
            }
        }
        Ok(out)
    }
}
