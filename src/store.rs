//! The sessions folder: list, load, migrate and atomically save one RON file per session.

mod atomic;
mod error;
mod format;
mod lock;
mod migrate;
mod summary;

pub use atomic::{Fault, atomic_write};
pub use error::StoreError;
pub use format::{from_text, to_text};
pub use lock::{SessionLock, lock_path, try_lock};
pub use summary::{CACHE_FILE, Summary};

use crate::model::{Session, SessionId};
use std::fs;
use std::path::{Path, PathBuf};

/// What the file on disk looked like when it was loaded or last saved. A save checks it
/// first, so a change made by another program (a sync tool, git, a colleague) is never
/// overwritten.
#[derive(Clone, Copy, Debug)]
pub struct Fingerprint {
    len: u64,
    hash: u64,
    /// The file's modification time when it had these bytes, if known: an unchanged size
    /// and time let a save skip reading the file back.
    modified: Option<(i64, u32)>,
}

/// Two fingerprints are the same when the bytes are (the time is only a shortcut).
impl PartialEq for Fingerprint {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

impl Eq for Fingerprint {}

impl Fingerprint {
    /// The fingerprint of a file's bytes.
    pub fn of(bytes: &[u8]) -> Self {
        use std::hash::{Hash, Hasher};
        // SipHash with fixed keys: the same bytes give the same value within a process.
        #[allow(deprecated)]
        let mut hasher = std::hash::SipHasher::new();
        bytes.hash(&mut hasher);
        Self {
            len: bytes.len() as u64,
            hash: hasher.finish(),
            modified: None,
        }
    }

    /// The same fingerprint, remembering the file's size and time as they are now.
    fn stamped(mut self, path: &Path) -> Self {
        self.modified = stamp(path)
            .filter(|(len, _)| *len == self.len)
            .map(|(_, m)| m);
        self
    }

    /// Whether the file at `path` still has these bytes: by size and time when they match,
    /// else by reading it. Returns the bytes when it had to read them.
    fn still_matches(&self, path: &Path) -> std::io::Result<(bool, Option<Vec<u8>>)> {
        if let (Some(now), Some(then)) = (stamp(path), self.modified)
            && now == (self.len, then)
        {
            return Ok((true, None));
        }
        let bytes = fs::read(path)?;
        Ok((Fingerprint::of(&bytes) == *self, Some(bytes)))
    }
}

/// A file's size and modification time (seconds, nanoseconds).
fn stamp(path: &Path) -> Option<(u64, (i64, u32))> {
    let meta = fs::metadata(path).ok()?;
    let modified = time::OffsetDateTime::from(meta.modified().ok()?);
    Some((
        meta.len(),
        (modified.unix_timestamp(), modified.nanosecond()),
    ))
}

/// A session as read from disk.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub session: Session,
    pub path: PathBuf,
    pub fingerprint: Fingerprint,
    /// Set when the file must not be written (a newer format), with the reason.
    pub read_only: Option<String>,
}

/// One file in the folder: a session, or the reason it could not be read.
#[derive(Debug)]
pub struct Listing {
    pub path: PathBuf,
    pub session: Result<Session, StoreError>,
}

/// The folder that holds the sessions.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
    fault: Option<Fault>,
}

impl Store {
    /// The platform's data folder for convene's sessions, if the platform has one.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("org", "convene", "convene")
            .map(|d| d.data_dir().join("sessions"))
    }

    /// Opens the folder, creating it (private to the user) if it is not there.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Self, StoreError> {
        let dir = dir.into();
        create_private_dir(&dir).map_err(|e| StoreError::io("create the folder", &dir, e))?;
        Ok(Self { dir, fault: None })
    }

    /// Opens the folder without creating it (for read-only commands).
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            fault: None,
        }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Makes every later write fail in the given way (for tests of a failing disk), or
    /// clears it with `None`.
    pub fn set_fault(&mut self, fault: Option<Fault>) {
        self.fault = fault;
    }

    /// The failure being simulated, if any.
    pub fn fault(&self) -> Option<Fault> {
        self.fault
    }

    /// The file a session lives in.
    pub fn path_of(&self, id: &SessionId) -> PathBuf {
        self.dir.join(format!("{id}.ron"))
    }

    /// Removes temp files left by a save that was interrupted (a crash, a power cut) for
    /// sessions no other process has open. The session files themselves are never touched:
    /// an interrupted save leaves the previous version whole. Returns how many were removed.
    pub fn clean_leftovers(&self) -> usize {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return 0;
        };
        let mut removed = 0;
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            // Temp files are named `.<id>.ron.<random>.tmp` (and `.<id>.ron.bak.<random>.tmp`).
            let Some(id) = name
                .strip_prefix('.')
                .filter(|_| name.ends_with(".tmp"))
                .and_then(|rest| rest.split(".ron").next())
            else {
                continue;
            };
            let session_file = self.dir.join(format!("{id}.ron"));
            if let Ok(Some(_lock)) = try_lock(&session_file)
                && fs::remove_file(&path).is_ok()
            {
                removed += 1;
            }
        }
        removed
    }

    /// Whether the folder can be read by others than its owner (it should not be). Returns
    /// the mode to show in a warning.
    pub fn looser_than_private(&self) -> Option<u32> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&self.dir).ok()?.permissions().mode() & 0o777;
            (mode & 0o077 != 0).then_some(mode)
        }
        #[cfg(not(unix))]
        None
    }

    /// The session files in the folder, sorted by name (backups and temp files skipped).
    pub fn files(&self) -> Result<Vec<PathBuf>, StoreError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io("read the folder", &self.dir, e)),
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| is_session_file(p))
            .collect();
        paths.sort();
        Ok(paths)
    }

    /// Every session file in the folder, each loaded or with its error.
    pub fn list(&self) -> Result<Vec<Listing>, StoreError> {
        Ok(self
            .files()?
            .into_iter()
            .map(|path| {
                let session = load_path(&path).map(|l| l.session);
                Listing { path, session }
            })
            .collect())
    }

    /// Loads a session by id.
    pub fn load(&self, id: &SessionId) -> Result<Loaded, StoreError> {
        let path = self.path_of(id);
        if !path.exists() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        load_path(&path)
    }

    /// Saves a new session; refuses if its file already exists.
    pub fn create(&self, session: &Session) -> Result<Loaded, StoreError> {
        let path = self.path_of(&session.id);
        if path.exists() {
            return Err(StoreError::Exists(path));
        }
        self.write(session, &path)
    }

    /// Saves a session over the file it was loaded from, if that file is unchanged since.
    /// The previous version is kept as `<id>.ron.bak`. Returns the new fingerprint.
    pub fn save(&self, session: &Session, loaded: Fingerprint) -> Result<Fingerprint, StoreError> {
        if session.format > crate::model::FORMAT_VERSION {
            return Err(StoreError::NewerFormat {
                file: self.path_of(&session.id),
                found: session.format,
                known: crate::model::FORMAT_VERSION,
            });
        }
        let text = to_text(session)?;
        self.save_text(&session.id, &text, loaded)
    }

    /// The disk half of [`Store::save`]: the check, the backup and the atomic write of text
    /// already made.
    pub fn save_text(
        &self,
        id: &SessionId,
        text: &str,
        loaded: Fingerprint,
    ) -> Result<Fingerprint, StoreError> {
        let path = self.path_of(id);
        match loaded.still_matches(&path) {
            Ok((true, bytes)) => self.keep_backup(&path, bytes.as_deref())?,
            Ok((false, _)) => return Err(StoreError::Changed(path)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::io("read", &path, e)),
        }
        atomic_write(&path, text.as_bytes(), self.fault)
            .map_err(|e| StoreError::io("save", &path, e))?;
        Ok(Fingerprint::of(text.as_bytes()).stamped(&path))
    }

    fn write(&self, session: &Session, path: &Path) -> Result<Loaded, StoreError> {
        let text = to_text(session)?;
        atomic_write(path, text.as_bytes(), self.fault)
            .map_err(|e| StoreError::io("save", path, e))?;
        Ok(Loaded {
            session: session.clone(),
            path: path.to_owned(),
            fingerprint: Fingerprint::of(text.as_bytes()).stamped(path),
            read_only: None,
        })
    }

    /// Keeps the file's current bytes as `<file>.bak`: a hard link where the file system
    /// allows it (no copy), else an atomic copy.
    fn keep_backup(&self, path: &Path, bytes: Option<&[u8]>) -> Result<(), StoreError> {
        let backup = backup_path(path);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let staging = path.with_file_name(format!(".{name}.bak.tmp"));
        let _ = fs::remove_file(&staging);
        let linked = self.fault.is_none()
            && fs::hard_link(path, &staging).is_ok()
            && fs::rename(&staging, &backup).is_ok();
        if !linked {
            let _ = fs::remove_file(&staging);
            let read;
            let bytes = match bytes {
                Some(bytes) => bytes,
                None => {
                    read =
                        fs::read(path).map_err(|e| StoreError::io("keep a backup of", path, e))?;
                    &read
                }
            };
            atomic_write(&backup, bytes, self.fault)
                .map_err(|e| StoreError::io("keep a backup of", path, e))?;
        }
        Ok(())
    }
}

/// Where the previous version of a file is kept.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Loads a session file from any path.
pub fn load_path(path: &Path) -> Result<Loaded, StoreError> {
    let bytes = fs::read(path).map_err(|e| StoreError::io("read", path, e))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| StoreError::Parse {
        file: path.to_owned(),
        line: 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count(),
        col: 1 + bytes[..e.valid_up_to()]
            .iter()
            .rev()
            .take_while(|b| **b != b'\n')
            .count(),
        reason: "the file is not UTF-8 text".into(),
    })?;
    let (session, read_only) = from_text(text).map_err(|e| e.in_file(path))?;
    Ok(Loaded {
        session,
        path: path.to_owned(),
        fingerprint: Fingerprint::of(&bytes).stamped(path),
        read_only,
    })
}

fn is_session_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.strip_suffix(".ron")
        .is_some_and(|stem| SessionId::parse(stem).is_some())
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}
