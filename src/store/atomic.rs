//! The one way convene writes a file: temp file in the same folder, fsync, rename, fsync the folder.

use std::io::{self, Write};
use std::path::Path;

/// A disk failure to simulate, for tests of what the user sees when a save fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The disk is full: the write stops part-way.
    DiskFull,
    /// The folder may not be written.
    PermissionDenied,
    /// Everything is written but the final rename fails.
    RenameFails,
    /// Only part of the bytes reach the disk and the write reports it.
    ShortWrite,
}

/// Writes `bytes` to `path` so that a reader sees the old file or the new one, never a mix:
/// a temp file (0600) in the same folder, written and synced, renamed over the target, and
/// the folder synced. On any failure the temp file is removed and the target is untouched.
///
/// Only an ordinary file is replaced: a link, a folder, a pipe, a device or a socket at
/// `path` is refused before anything is written (the error says what it was:
/// [`super::not_a_file`]).
pub fn atomic_write(path: &Path, bytes: &[u8], fault: Option<Fault>) -> io::Result<()> {
    if let Some(what) = super::unusual_at(path) {
        return Err(what.error());
    }
    let temp = written_temp(path, bytes, fault)?;
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(folder_of(path))
}

/// Like [`atomic_write`], for a file that must be new: if anything is already at `path`
/// (a file, a folder, a symlink), nothing is written and the error is `AlreadyExists`.
/// The check and the creation are one step of the file system (link, or rename without
/// replacing), so a file made by another process a moment before is never overwritten.
pub fn atomic_create(path: &Path, bytes: &[u8], fault: Option<Fault>) -> io::Result<()> {
    let temp = written_temp(path, bytes, fault)?;
    temp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_dir(folder_of(path))
}

/// Makes `target` a second name for the file at `path`, so a backup costs no copy: a hard
/// link beside it (`.NAME.bak.tmp`), renamed over `target`. On failure the staging link is
/// removed and `target` is as it was; the caller then writes the bytes with
/// [`atomic_write`].
pub(crate) fn link_over(path: &Path, target: &Path) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let staging = path.with_file_name(format!(".{name}.bak.tmp"));
    let _ = std::fs::remove_file(&staging);
    let linked =
        std::fs::hard_link(path, &staging).and_then(|()| std::fs::rename(&staging, target));
    if linked.is_err() {
        let _ = std::fs::remove_file(&staging);
    }
    linked
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A temp file (0600) beside `path` holding `bytes`, synced to the disk.
fn written_temp(
    path: &Path,
    bytes: &[u8],
    fault: Option<Fault>,
) -> io::Result<tempfile::NamedTempFile> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    if fault == Some(Fault::PermissionDenied) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "permission denied",
        ));
    }
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder_of(path))?;
    match fault {
        Some(Fault::DiskFull) => {
            temp.write_all(&bytes[..bytes.len() / 2])?;
            return Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on the disk",
            ));
        }
        Some(Fault::ShortWrite) => {
            temp.write_all(&bytes[..bytes.len() / 3])?;
            return Err(io::Error::new(
                io::ErrorKind::WriteZero,
                "only part of the file was written",
            ));
        }
        _ => temp.write_all(bytes)?,
    }
    temp.as_file().sync_all()?;
    if fault == Some(Fault::RenameFails) {
        return Err(io::Error::other(
            "the new file could not replace the old one",
        ));
    }
    Ok(temp)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_never_replaces_one_that_is_there() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("words.ron");
        atomic_create(&path, b"first", None).expect("new file");
        let err = atomic_create(&path, b"second", None).expect_err("kept as it is");
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).expect("read"), b"first");
        let leftovers = std::fs::read_dir(dir.path()).expect("list").count();
        assert_eq!(leftovers, 1, "no temp file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_symlink_is_not_followed_when_creating() {
        let dir = tempfile::tempdir().expect("temp dir");
        let outside = tempfile::tempdir().expect("outside");
        let target = outside.path().join("planted");
        let path = dir.path().join("words.ron");
        std::os::unix::fs::symlink(&target, &path).expect("symlink");
        let err = atomic_create(&path, b"x", None).expect_err("kept as it is");
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert!(!target.exists(), "nothing was written outside the folder");
    }
}
