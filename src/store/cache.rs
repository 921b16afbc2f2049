//! The folder's caches: for each session file, what a command needs of it (a listing line,
//! its due items, its report figures), kept beside the files so a large folder is read as
//! one small index and each file's size and times instead of every file.
//!
//! A cache is advisory. An entry is used only while its file has the same size, times and
//! (on Unix) inode as when it was read, and only if the file had not changed in the two
//! seconds before (a change in the same tick of the file system's clock could keep every
//! stamp); anything else is read again. A missing, broken or older cache (another version
//! of convene, another shape) is ignored and rebuilt; it is never trusted.

use super::{Store, StoreError, atomic_write, load_path};
use crate::model::Session;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// What a cache keeps of one session, worked out from the session alone by the one
/// function that works it out for every use (`of`).
pub trait Digest: Clone + Serialize + DeserializeOwned {
    /// The cache's file name in the sessions folder: hidden, starting `.summaries`, so it
    /// is never taken for a session and `forget` knows it.
    const FILE: &'static str;
    /// Raise it whenever what `of` works out changes without its shape changing: a cache
    /// written before is then ignored. (A new release is a new cache anyway.)
    const VERSION: u32;
    /// What the cache keeps of this session.
    fn of(session: &Session) -> Self;
}

/// One session file and what the cache keeps of it, or why it could not be read.
pub type Digested<T> = (PathBuf, Result<T, StoreError>);

/// A file's size, modification and change times, and inode: what must be the same for its
/// entry to be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    modified: (u64, u32),
    changed: (u64, u32),
    inode: u64,
}

/// A file changed this close to the moment the folder is read is read again next time
/// (unless the store was given another age: `Store::caching_after`).
pub(super) const STOOD: Duration = Duration::from_secs(2);

impl Stamp {
    fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        let since = |t: SystemTime| {
            t.duration_since(UNIX_EPOCH)
                .map_or((0, 0), |d| (d.as_secs(), d.subsec_nanos()))
        };
        let modified = since(meta.modified().ok()?);
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            let nanos = u32::try_from(meta.ctime_nsec()).unwrap_or(0);
            (
                (u64::try_from(meta.ctime()).unwrap_or(0), nanos),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let (changed, inode) = (modified, 0);
        Some(Self {
            len: meta.len(),
            modified,
            changed,
            inode,
        })
    }

    /// Whether the file last changed more than `stood` before `now`, so a later change
    /// shows in the stamp.
    fn settled(&self, now: SystemTime, stood: Duration) -> bool {
        let newest = self.modified.max(self.changed);
        let newest = UNIX_EPOCH + Duration::new(newest.0, newest.1);
        newest + stood < now
    }
}

/// The cache file: which program wrote it, and by file name, each file's stamp and digest.
#[derive(Serialize, Deserialize)]
struct Cache<T> {
    version: u32,
    program: String,
    entries: BTreeMap<String, (Stamp, T)>,
}

/// The program a cache was written by: this release, and the digest's version.
fn program() -> String {
    format!("convene {}", env!("CARGO_PKG_VERSION"))
}

/// Whether a file in the folder is one of its caches.
pub fn is_cache(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(".summaries") && n.ends_with(".ron"))
}

impl Store {
    /// What the cache `T` keeps of every session file (or why a file could not be read),
    /// using the cache and bringing it up to date. Files whose stamps match are not read.
    pub fn digests<T: Digest>(&self) -> Result<Vec<Digested<T>>, StoreError> {
        let cache_path = self.dir.join(T::FILE);
        let now = SystemTime::now();
        // Only an ordinary file is read (a pipe in its place is never waited on) and
        // replaced (`atomic_write` refuses anything else).
        let found: Option<Cache<T>> = super::read_regular(&cache_path, false)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| ron::from_str(&text).ok())
            .filter(|c: &Cache<T>| c.version == T::VERSION && c.program == program());
        let mut changed = found.is_none();
        let mut cache = found.unwrap_or_else(|| Cache {
            version: T::VERSION,
            program: program(),
            entries: BTreeMap::new(),
        });
        let mut out = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for path in self.files()? {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stamp = Stamp::of(&path);
            match (cache.entries.get(&name), stamp) {
                (Some((kept, digest)), Some(current)) if *kept == current => {
                    out.push((path, Ok(digest.clone())));
                }
                _ => {
                    let read = load_path(&path).map(|l| T::of(&l.session));
                    match (&read, stamp) {
                        (Ok(digest), Some(stamp)) if stamp.settled(now, self.stood) => {
                            cache.entries.insert(name.clone(), (stamp, digest.clone()));
                            changed = true;
                        }
                        _ => changed |= cache.entries.remove(&name).is_some(),
                    }
                    out.push((path, read));
                }
            }
            seen.insert(name);
        }
        let before = cache.entries.len();
        cache.entries.retain(|name, _| seen.contains(name));
        changed |= cache.entries.len() != before;
        if changed && let Ok(text) = ron::to_string(&cache) {
            // A folder that cannot take the cache still answers, only more slowly.
            let _ = atomic_write(&cache_path, text.as_bytes(), self.fault);
        }
        Ok(out)
    }
}
