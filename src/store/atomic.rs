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
pub fn atomic_write(path: &Path, bytes: &[u8], fault: Option<Fault>) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
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
        .tempfile_in(dir)?;
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
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}
