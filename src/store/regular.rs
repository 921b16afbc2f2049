//! Only ordinary files: what stands at a path, and reading a file without ever waiting on a pipe or a device.
//!
//! A named pipe (FIFO) opened for reading waits for a writer for ever; a device may be
//! anything. So nothing in convene opens, replaces or changes the permissions of anything
//! but an ordinary file: the type is looked at first without following links
//! (`symlink_metadata`), and a file is opened without waiting (`O_NONBLOCK`) and looked at
//! again once open, so a pipe put there in between is still refused.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// What stands at a path when it is not an ordinary file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unusual {
    /// A symbolic link (to a file elsewhere, or to anything).
    Link,
    Folder,
    Pipe,
    Socket,
    Device,
    Other,
}

impl Unusual {
    /// What a file type is, when it is not an ordinary file.
    pub fn of(kind: fs::FileType) -> Option<Self> {
        if kind.is_file() {
            return None;
        }
        if kind.is_symlink() {
            return Some(Unusual::Link);
        }
        if kind.is_dir() {
            return Some(Unusual::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return Some(Unusual::Pipe);
            }
            if kind.is_socket() {
                return Some(Unusual::Socket);
            }
            if kind.is_block_device() || kind.is_char_device() {
                return Some(Unusual::Device);
            }
        }
        Some(Unusual::Other)
    }

    /// What it is, in a few words ("a named pipe").
    pub fn label(self) -> &'static str {
        match self {
            Unusual::Link => "a link",
            Unusual::Folder => "a folder",
            Unusual::Pipe => "a named pipe",
            Unusual::Socket => "a socket",
            Unusual::Device => "a device",
            Unusual::Other => "something other than a file",
        }
    }

    /// The error that carries it (see [`not_a_file`]).
    pub fn error(self) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidInput, NotAFile(self))
    }
}

/// The error inside an `io::Error` when a path holds something other than an ordinary file.
#[derive(Debug)]
struct NotAFile(Unusual);

impl std::fmt::Display for NotAFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "it is {}, not a file", self.0.label())
    }
}

impl std::error::Error for NotAFile {}

/// What stood at the path, when the error says it was not an ordinary file.
pub fn not_a_file(e: &io::Error) -> Option<Unusual> {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<NotAFile>())
        .map(|n| n.0)
}

/// What stands at `path` when it is there and is not an ordinary file (a link is a link,
/// whatever it points at).
pub fn unusual_at(path: &Path) -> Option<Unusual> {
    fs::symlink_metadata(path)
        .ok()
        .and_then(|m| Unusual::of(m.file_type()))
}

/// The bytes of the ordinary file at `path`. Anything else (a pipe, a device, a folder,
/// a socket, and a link unless `follow_link`) is refused with an error [`not_a_file`]
/// reads, and never waited on.
pub fn read_regular(path: &Path, follow_link: bool) -> io::Result<Vec<u8>> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let nofollow = if follow_link { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(libc::O_NONBLOCK | nofollow);
    }
    if !follow_link && let Some(Unusual::Link) = unusual_at(path) {
        return Err(Unusual::Link.error());
    }
    let mut file = match options.open(path) {
        Ok(file) => file,
        #[cfg(unix)]
        Err(e) if !follow_link && e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(Unusual::Link.error());
        }
        Err(e) => return Err(unusual_at(path).map_or(e, Unusual::error)),
    };
    let meta = file.metadata()?;
    if let Some(kind) = Unusual::of(meta.file_type()) {
        return Err(kind.error());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Whether `path` is an ordinary file, or a link to one (read, never written through).
pub fn readable_file(kind: fs::FileType, path: &Path) -> bool {
    kind.is_file() || (kind.is_symlink() && fs::metadata(path).is_ok_and(|m| m.is_file()))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_is_refused_at_once_and_never_waited_on() {
        let dir = tempfile::tempdir().expect("temp dir");
        let pipe = dir.path().join("x.ron");
        let made = std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        let err = read_regular(&pipe, true).expect_err("a pipe is no file");
        assert_eq!(not_a_file(&err), Some(Unusual::Pipe));
        assert_eq!(unusual_at(&pipe), Some(Unusual::Pipe));
    }

    #[test]
    fn a_link_is_read_only_when_asked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("real");
        std::fs::write(&file, "words").expect("write");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&file, &link).expect("symlink");
        assert_eq!(read_regular(&link, true).expect("followed"), b"words");
        let err = read_regular(&link, false).expect_err("not followed");
        assert_eq!(not_a_file(&err), Some(Unusual::Link));
        assert_eq!(
            not_a_file(&read_regular(dir.path(), true).expect_err("a folder")),
            Some(Unusual::Folder)
        );
    }
}
