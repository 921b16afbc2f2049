//! The sessions folder: list, load, migrate and atomically save one RON file per session.

mod atomic;
mod cache;
mod error;
mod files;
mod format;
mod lock;
mod migrate;
mod regular;
mod summary;

pub use atomic::{Fault, atomic_create, atomic_write};
pub use cache::{Digest, Digested, is_cache};
pub use error::StoreError;
pub use files::{Role, belonging, orphans, owner};
pub use format::{from_text, to_text};
pub use lock::{SessionLock, lock_path, try_lock};
pub use regular::{Unusual, not_a_file, read_regular, unusual_at};
pub use summary::{CACHE_FILE, Summary};

use crate::model::{Session, SessionId};
use std::fs;
use std::path::{Path, PathBuf};

/// What the file on disk held when it was loaded or last saved: its length and a hash of
/// its bytes. A save reads the file and compares before writing, so a change made by
/// another program (a sync tool, git, a colleague) is never overwritten, even one that kept
/// the file's size and modification time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    hash: u64,
}

impl Fingerprint {
    /// The fingerprint of a file's bytes.
    ///
    /// The hash is not for secrets (a program that can write the file can do anything to
    /// it); it is for noticing any change, quickly, since every save reads the file back.
    /// Each 8 bytes are folded in by a rotate, an exclusive or and a multiplication by an
    /// odd number, each a one-to-one step: two files that differ in one place (one word
    /// changed, one letter, however long the file) always differ in the hash. It reads
    /// several gigabytes a second, where SipHash read one.
    pub fn of(bytes: &[u8]) -> Self {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        let mut hash = 0u64;
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            hash = (hash.rotate_left(5) ^ word).wrapping_mul(K);
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(last)).wrapping_mul(K);
        Self {
            len: bytes.len() as u64,
            hash,
        }
    }

    /// Whether the file at `path` still has these bytes (read and compared). Returns the
    /// bytes it read, for the backup.
    /// Only an ordinary file is read: never through a link, never waiting on a pipe.
    fn still_matches(&self, path: &Path) -> std::io::Result<(bool, Vec<u8>)> {
        let bytes = read_session(path, false)?;
        Ok((Fingerprint::of(&bytes) == *self, bytes))
    }
}

/// A session as read from disk.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub session: Session,
    pub path: PathBuf,
    pub fingerprint: Fingerprint,
    /// Set when the file must not be written (a newer format), with the reason.
    pub read_only: Option<String>,
    /// The id written inside the file, when it differed from the file's name. The session
    /// then carries the file's name as its id: a file renamed by hand keeps its new name,
    /// and the id inside a file never decides where it is saved.
    pub inner_id: Option<SessionId>,
    /// The file's permissions when others than its owner may read it (it becomes private
    /// at the next save, its backup too).
    pub loose: Option<u32>,
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
    /// How long a file must have stood unchanged before the caches keep what it holds.
    stood: std::time::Duration,
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
        Ok(Self::at(dir))
    }

    /// Opens the folder without creating it (for read-only commands).
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            fault: None,
            stood: cache::STOOD,
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

    /// The same folder, its caches keeping a file once it has stood unchanged for `stood`
    /// (two seconds unless set: tests set less, so they need not wait).
    pub fn caching_after(mut self, stood: std::time::Duration) -> Self {
        self.stood = stood;
        self
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
            let Some((id, Role::Temp)) = owner(&path) else {
                continue;
            };
            if let Ok(Some(_lock)) = try_lock(&self.path_of(&id))
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
    /// Only ordinary files and links to them are listed: a pipe, a folder, a device or a
    /// socket named like a session is left out (and named by [`Store::unusual`]), so no
    /// listing ever waits on one.
    pub fn files(&self) -> Result<Vec<PathBuf>, StoreError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io("read the folder", &self.dir, e)),
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| {
                is_session_file(&e.path())
                    && e.file_type()
                        .is_ok_and(|kind| regular::readable_file(kind, &e.path()))
            })
            .map(|e| e.path())
            .collect();
        paths.sort();
        Ok(paths)
    }

    /// The entries of the folder named like a session's files or a cache that are not
    /// ordinary files (a pipe, a folder, a device, a socket, or a link to anything but a
    /// file), each with what it is, sorted by name. Nothing lists, reads or writes them;
    /// `check` names them.
    pub fn unusual(&self) -> Vec<(PathBuf, Unusual)> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out: Vec<(PathBuf, Unusual)> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let path = e.path();
                let kind = e.file_type().ok()?;
                let ours = owner(&path).is_some() || is_cache(&path);
                if !ours || regular::readable_file(kind, &path) {
                    return None;
                }
                // A link here leads to no file (a link to a file is read).
                Some((path, Unusual::of(kind)?))
            })
            .collect();
        out.sort();
        out
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

    /// Saves a new session in a new file named by its id; refuses, without writing, if a
    /// file of that name exists (checked by the file system as the file is made, so two
    /// processes cannot both create it).
    pub fn create(&self, session: &Session) -> Result<Loaded, StoreError> {
        let path = self.path_of(&session.id);
        let text = to_text(session)?;
        atomic_create(&path, text.as_bytes(), self.fault).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                StoreError::Exists(path.clone())
            } else {
                StoreError::io("save", &path, e)
            }
        })?;
        Ok(Loaded {
            session: session.clone(),
            path,
            fingerprint: Fingerprint::of(text.as_bytes()),
            read_only: None,
            inner_id: None,
            loose: None,
        })
    }

    /// Saves a session over the file it was loaded from, if that file is unchanged since.
    /// The previous version is kept as `<id>.ron.bak`. Returns the new fingerprint.
    ///
    /// The file is the one the session was read from, never a name made from the id
    /// inside it: the file must be a session file directly in this folder.
    pub fn save(
        &self,
        file: &Path,
        session: &Session,
        loaded: Fingerprint,
    ) -> Result<Fingerprint, StoreError> {
        if session.format > crate::model::FORMAT_VERSION {
            return Err(StoreError::NewerFormat {
                file: file.to_owned(),
                found: session.format,
                known: crate::model::FORMAT_VERSION,
            });
        }
        let text = to_text(session)?;
        self.save_text(file, &text, loaded)
    }

    /// The disk half of [`Store::save`]: the check, the backup and the atomic write of text
    /// already made.
    pub fn save_text(
        &self,
        file: &Path,
        text: &str,
        loaded: Fingerprint,
    ) -> Result<Fingerprint, StoreError> {
        let path = self.own_file(file)?;
        match unusual_at(&path) {
            Some(Unusual::Link) => return Err(StoreError::Link(path)),
            Some(what) => return Err(StoreError::NotAFile { file: path, what }),
            None => {}
        }
        match loaded.still_matches(&path) {
            Ok((true, bytes)) => self.keep_backup(&path, &bytes)?,
            Ok((false, _)) => return Err(StoreError::Changed(path)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::io("read", &path, e)),
        }
        atomic_write(&path, text.as_bytes(), self.fault)
            .map_err(|e| StoreError::io("save", &path, e))?;
        Ok(Fingerprint::of(text.as_bytes()))
    }

    /// The file, if it is a session file directly in this folder (its name a valid id);
    /// anything else is refused before a byte is written.
    fn own_file(&self, file: &Path) -> Result<PathBuf, StoreError> {
        let id = file_id(file);
        match id {
            Some(id) if file.parent() == Some(self.dir.as_path()) => Ok(self.path_of(&id)),
            _ => Err(StoreError::Outside(file.to_owned())),
        }
    }

    /// Keeps the file's current bytes (just read and checked) as `<file>.bak`: a hard link
    /// where the file system allows it (no copy), else an atomic copy of the bytes.
    fn keep_backup(&self, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
        let backup = backup_path(path);
        if let Some(what) = unusual_at(&backup) {
            return Err(StoreError::NotAFile { file: backup, what });
        }
        let linked = self.fault.is_none() && atomic::link_over(path, &backup).is_ok();
        if !linked {
            atomic_write(&backup, bytes, self.fault)
                .map_err(|e| StoreError::io("keep a backup of", path, e))?;
        }
        // A hard link shares the old file's permissions: a file that was readable by others
        // keeps no readable copy behind.
        make_private(&backup).map_err(|e| StoreError::io("make private", &backup, e))?;
        Ok(())
    }
}

/// Writes `bytes` to a new file in `dir` named `{stem}-{time}{suffix}`, the time to the
/// microsecond, with `-2`, `-3` … added if that name is taken: never over another file.
/// Returns the file it wrote. Used for conflict copies and rescue copies.
pub fn create_unique(
    dir: &Path,
    stem: &str,
    suffix: &str,
    bytes: &[u8],
    now: time::OffsetDateTime,
    fault: Option<Fault>,
) -> std::io::Result<PathBuf> {
    let stamp = unique_stamp(now);
    for n in 1..=1000u32 {
        let counter = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let path = dir.join(format!("{stem}-{stamp}{counter}{suffix}"));
        match atomic_create(&path, bytes, fault) {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            other => return other.map(|()| path),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "a thousand copies already have this name",
    ))
}

/// A time for a file name, to the microsecond: `20261125T143005-123456`.
pub fn unique_stamp(now: time::OffsetDateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}-{:06}",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second(),
        now.microsecond()
    )
}

/// Where the previous version of a file is kept.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Loads a session file from any path: an ordinary file, or a link to one (which opens
/// read-only); anything else is refused without waiting on it.
pub fn load_path(path: &Path) -> Result<Loaded, StoreError> {
    let bytes = read_session(path, true).map_err(|e| StoreError::io("read", path, e))?;
    load_bytes(path, &bytes)
}

thread_local! {
    static SESSION_READS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The bytes of a session file: every read of one goes through here, so a test can count
/// them (`session_reads`). Only an ordinary file is read (a link only if `follow_link`),
/// never waiting on a pipe (see [`read_regular`]).
pub fn read_session(path: &Path, follow_link: bool) -> std::io::Result<Vec<u8>> {
    SESSION_READS.with(|n| n.set(n.get() + 1));
    read_regular(path, follow_link)
}

/// How many session files this thread has read so far: an idle window reads none.
pub fn session_reads() -> u64 {
    SESSION_READS.with(std::cell::Cell::get)
}

/// A session from the bytes just read from its file at `path`.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Loaded, StoreError> {
    let text = std::str::from_utf8(bytes).map_err(|e| StoreError::Parse {
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
    let (mut session, mut read_only) = from_text(text).map_err(|e| e.in_file(path))?;
    if unusual_at(path) == Some(Unusual::Link) {
        read_only.get_or_insert_with(|| LINKED.to_owned());
    }
    let inner_id = match file_id(path) {
        Some(id) if id != session.id => Some(std::mem::replace(&mut session.id, id)),
        _ => None,
    };
    Ok(Loaded {
        session,
        path: path.to_owned(),
        fingerprint: Fingerprint::of(bytes),
        read_only,
        inner_id,
        loose: loose_mode(path),
    })
}

/// Why a session whose file is a link opens read-only.
pub const LINKED: &str = "its file is a link to a file kept elsewhere, and convene never writes through a link; put the file itself in the sessions folder to change it here";

/// The session id a file's name gives (`k7q2m9xa.ron` gives `k7q2m9xa`), if it is one.
pub fn file_id(path: &Path) -> Option<SessionId> {
    let name = path.file_name()?.to_str()?;
    SessionId::parse(name.strip_suffix(".ron")?)
}

/// The file's permission bits when others than its owner may read or write it.
fn loose_mode(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A link's own mode says nothing, and what it leads to is never changed.
        let meta = fs::symlink_metadata(path)
            .ok()
            .filter(fs::Metadata::is_file)?;
        let mode = meta.permissions().mode() & 0o777;
        (mode & 0o077 != 0).then_some(mode)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Makes a file private to its owner (0600), where the system has such permissions. Only
/// an ordinary file (never what a link leads to) is changed.
fn make_private(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if loose_mode(path).is_some() {
            fs::set_permissions(path, fs::Permissions::from_mode(0o600))?;
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

fn is_session_file(path: &Path) -> bool {
    file_id(path).is_some()
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

#[cfg(test)]
mod tests {
    use super::Fingerprint;

    #[test]
    fn any_one_change_anywhere_changes_the_fingerprint() {
        let text: Vec<u8> = (0..4099u32).map(|i| (i % 251) as u8).collect();
        let before = Fingerprint::of(&text);
        for at in [0, 1, 7, 8, 2048, 4095, 4096, 4098] {
            for delta in [1u8, 0x80, 0xff] {
                let mut changed = text.clone();
                changed[at] = changed[at].wrapping_add(delta);
                assert_ne!(Fingerprint::of(&changed), before, "byte {at} +{delta}");
            }
        }
        // Two letters swapped keep the length and still show.
        let mut swapped = text.clone();
        swapped.swap(100, 101);
        assert_ne!(Fingerprint::of(&swapped), before);
        assert_eq!(Fingerprint::of(&text), before);
    }
}
