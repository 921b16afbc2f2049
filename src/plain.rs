//! What went wrong with a file, in plain words and the product's voice: never the
//! operating system's own error text ("No such file or directory (os error 2)").

use std::io::{self, ErrorKind};

/// What happened, and where it helps what to do, for a failed read or write. It reads
/// after "could not write the session: …".
pub fn io(error: &io::Error) -> String {
    if let Some(own) = own_words(error) {
        return own;
    }
    let said = match error.kind() {
        ErrorKind::NotFound => "it is not there (moved, renamed or removed?)",
        ErrorKind::PermissionDenied => {
            "this user is not allowed to; check who owns the folder and its permissions"
        }
        ErrorKind::StorageFull => "the disk is full; free some space and try again",
        ErrorKind::QuotaExceeded => "your disk quota is used up; free some space and try again",
        ErrorKind::ReadOnlyFilesystem => {
            "the disk is read-only; choose a folder on a disk that can be written to"
        }
        ErrorKind::AlreadyExists => "a file of that name is already there, so nothing was replaced",
        ErrorKind::IsADirectory => "it is a folder, not a file",
        ErrorKind::NotADirectory => "part of the path is a file, not a folder",
        ErrorKind::DirectoryNotEmpty => "the folder still holds files",
        ErrorKind::FileTooLarge => "the file is too large for this disk",
        ErrorKind::InvalidData => "its contents are not readable text",
        ErrorKind::Interrupted | ErrorKind::WouldBlock | ErrorKind::TimedOut => {
            "it did not answer in time; try again"
        }
        ErrorKind::WriteZero | ErrorKind::UnexpectedEof => {
            "the disk stopped taking the words; check there is space and try again"
        }
        ErrorKind::BrokenPipe => "the program reading it stopped",
        ErrorKind::StaleNetworkFileHandle | ErrorKind::NetworkDown | ErrorKind::NotConnected => {
            "the network drive it is on cannot be reached just now; try again once it is back"
        }
        ErrorKind::CrossesDevices => "it would move the file to another disk",
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => {
            "another program is using it; try again in a moment"
        }
        _ => return other(error),
    };
    said.to_owned()
}

/// The words inside an error convene made itself ("only part of the file was written"),
/// never a library's wrapping of the system's text.
fn own_words(error: &io::Error) -> Option<String> {
    if error.raw_os_error().is_some() {
        return None;
    }
    let inner = error.get_ref()?.to_string();
    (!inner.contains("(os error")).then_some(inner)
}

/// An error with no plain sentence of its own: the system's code never shows.
fn other(error: &io::Error) -> String {
    let text = error.to_string();
    let text = match text.find(" (os error") {
        Some(at) => text[..at].to_owned(),
        None => text,
    };
    let text = text.to_lowercase();
    if text.is_empty() {
        "something went wrong with the disk; try again".to_owned()
    } else {
        format!("the system said \"{text}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_s_words_and_codes_never_show() {
        for code in [2, 13, 28, 30, 5, 122, 1, 16] {
            let said = io(&io::Error::from_raw_os_error(code));
            assert!(!said.contains("os error"), "{code}: {said}");
            assert!(!said.contains("Os {"), "{code}: {said}");
        }
        assert_eq!(
            io(&io::Error::from_raw_os_error(28)),
            "the disk is full; free some space and try again"
        );
        assert!(io(&io::Error::from_raw_os_error(2)).contains("not there"));
    }

    #[test]
    fn convene_s_own_words_inside_an_error_are_kept() {
        let own = io::Error::other("the lock is held by another window");
        assert_eq!(io(&own), "the lock is held by another window");
        let short = io::Error::new(ErrorKind::WriteZero, "only part of the file was written");
        assert_eq!(io(&short), "only part of the file was written");
        // A library's wrapping of the system's words is said plainly instead.
        let wrapped = io::Error::new(
            ErrorKind::NotFound,
            format!("{} at path \"/x\"", io::Error::from_raw_os_error(2)),
        );
        assert!(!io(&wrapped).contains("os error"), "{}", io(&wrapped));
    }
}
