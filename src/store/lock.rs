//! An advisory lock per session, so a second window opens it read-only instead of racing.
//!
//! Uses the standard library's file locks (flock on Unix, LockFileEx on Windows, stable
//! since Rust 1.89): the same system calls fs4 and fd-lock wrap, with no extra crate. The lock
//! lives on a hidden sidecar file, because saves replace the session file itself.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// Held while a session is open for writing; released when dropped or when the process
/// ends in any way (the operating system drops it, even after a crash).
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
    path: PathBuf,
}

impl Drop for SessionLock {
    /// Unlocks before the file is closed: a child process forked at that moment (and not
    /// yet started on its own program) shares the open file, and closing alone would leave
    /// the lock held until it does.
    fn drop(&mut self) {
        let _ = self._file.unlock();
    }
}

impl SessionLock {
    /// The sidecar file that carries the lock.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The lock file beside a session file: `.<id>.lock`.
pub fn lock_path(session_file: &Path) -> PathBuf {
    let stem = session_file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    session_file.with_file_name(format!(".{stem}.lock"))
}

/// Takes the lock for a session file, or returns `None` if another process holds it.
pub fn try_lock(session_file: &Path) -> io::Result<Option<SessionLock>> {
    let path = lock_path(session_file);
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A symlink planted at the lock's place is refused, never followed: the lock never
        // creates or touches a file outside the folder.
        // A pipe there is never waited on (`O_NONBLOCK`).
        options
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(&path)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(SessionLock { _file: file, path })),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(e)) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_session_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("abc.ron");
        let first = try_lock(&file).expect("lock").expect("free");
        assert_eq!(first.path(), dir.path().join(".abc.lock"));
        assert!(try_lock(&file).expect("lock").is_none());
        drop(first);
        assert!(try_lock(&file).expect("lock").is_some());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_planted_at_the_lock_is_not_followed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let outside = tempfile::tempdir().expect("outside");
        let target = outside.path().join("made-elsewhere");
        std::os::unix::fs::symlink(&target, dir.path().join(".abc.lock")).expect("symlink");
        assert!(try_lock(&dir.path().join("abc.ron")).is_err());
        assert!(!target.exists(), "no file was made outside the folder");
    }
}
