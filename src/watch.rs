//! Watching the sessions folder: the system's file events, a slow look at the folder for drives where events never arrive, and bursts told as one change.
//!
//! A worker thread waits (never spins) for file events from the `notify` crate, or for
//! the next look at the folder. Only events that change what a session file holds or
//! where it is count (made, written, renamed, removed, closed after writing): opening,
//! reading and closing a file unwritten are what every window does when it reads the
//! folder, so told on they would wake each window to read again, for ever. A look
//! compares each file's length, modification time and inode; it reads no file. Only
//! session files (`<id>.ron`) count: temp files,
//! backups, locks, copies and the listing cache are the app's own workings. A burst of
//! events (a save is a temp file, a rename and a backup) is told once, after it settles.
//! Whether a changed file differs from what a window holds is not decided here: the
//! runtime compares fingerprints, so a window's own save is never taken for someone else's.

use crate::store::{Role, owner};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant, SystemTime};

/// How long a burst must be quiet before it is told.
pub const SETTLE: Duration = Duration::from_millis(30);
/// The longest a burst is held back, however busy the folder.
const LONGEST_HOLD: Duration = Duration::from_millis(200);
/// How often the folder is looked at, for network drives and synced folders whose changes
/// raise no event here.
pub const LOOK_EVERY: Duration = Duration::from_secs(2);

/// What the folder's session files looked like: each file's length, modification time
/// and inode (a file replaced by a rename of the same length and time is another inode).
type Snapshot = BTreeMap<PathBuf, (u64, Option<SystemTime>, u64)>;

/// Starts watching `dir`; `tell` is called with the session files that were created,
/// changed or removed. The worker ends when `tell` returns `false` (no one is listening).
pub fn watch(dir: &Path, tell: impl FnMut(Vec<PathBuf>) -> bool + Send + 'static) {
    let dir = dir.to_owned();
    std::thread::spawn(move || run(&dir, LOOK_EVERY, true, tell));
}

/// The worker: events when the system gives them (and `events` asks for them), a look
/// every `every` in any case.
fn run(dir: &Path, every: Duration, events: bool, mut tell: impl FnMut(Vec<PathBuf>) -> bool) {
    let (events_tx, received) = mpsc::channel();
    // Without events (a system out of watches, a folder it cannot watch) looking still
    // works: the sender is gone, so waiting for events ends at once and looking remains.
    let _watcher = events.then(|| events_for(dir, events_tx)).flatten();
    let events = received;
    let mut seen = snapshot(dir);
    let mut next_look = Instant::now() + every;
    loop {
        let wait = next_look.saturating_duration_since(Instant::now());
        let mut changed = BTreeSet::new();
        match events.recv_timeout(wait) {
            Ok(paths) => {
                changed.extend(paths);
                settle(&events, &mut changed);
                // What the events told is already known to the next look.
                seen = snapshot(dir);
            }
            Err(RecvTimeoutError::Timeout) => {
                let now = snapshot(dir);
                changed.extend(differences(&seen, &now));
                seen = now;
                next_look = Instant::now() + every;
            }
            Err(RecvTimeoutError::Disconnected) => {
                // No events will come: look at the folder only.
                std::thread::sleep(wait);
                let now = snapshot(dir);
                changed.extend(differences(&seen, &now));
                seen = now;
                next_look = Instant::now() + every;
            }
        }
        if !changed.is_empty() && !tell(changed.into_iter().collect()) {
            return;
        }
    }
}

/// Gathers the rest of a burst: events until the folder has been quiet for `SETTLE`,
/// holding none back longer than `LONGEST_HOLD`.
fn settle(events: &mpsc::Receiver<Vec<PathBuf>>, changed: &mut BTreeSet<PathBuf>) {
    let until = Instant::now() + LONGEST_HOLD;
    while let Ok(paths) =
        events.recv_timeout(SETTLE.min(until.saturating_duration_since(Instant::now())))
    {
        changed.extend(paths);
    }
}

/// The system's events for the folder, as the session files they touch; `None` when
/// the system will not watch it.
fn events_for(dir: &Path, send: mpsc::Sender<Vec<PathBuf>>) -> Option<notify::RecommendedWatcher> {
    use notify::Watcher;
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && changes_the_file(&event.kind)
        {
            let paths: Vec<PathBuf> = event
                .paths
                .into_iter()
                .filter(|p| is_session_file(p))
                .collect();
            if !paths.is_empty() {
                let _ = send.send(paths);
            }
        }
    })
    .ok()?;
    watcher
        .watch(dir, notify::RecursiveMode::NonRecursive)
        .ok()?;
    Some(watcher)
}

/// Whether an event says a file's contents or name changed: made, written, renamed,
/// removed, closed after writing. Opening, reading, closing unwritten and a change of
/// permissions or times alone (a window's own chmod) do not; a look at the folder still
/// sees a time changed by someone else.
fn changes_the_file(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::{AccessKind, AccessMode, ModifyKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Other => false,
    }
}

fn is_session_file(path: &Path) -> bool {
    matches!(owner(path), Some((_, Role::Session)))
}

/// The folder's session files as they are now.
fn snapshot(dir: &Path) -> Snapshot {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Snapshot::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter(|e| is_session_file(&e.path()))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            #[cfg(unix)]
            let inode = std::os::unix::fs::MetadataExt::ino(&meta);
            #[cfg(not(unix))]
            let inode = 0;
            Some((e.path(), (meta.len(), meta.modified().ok(), inode)))
        })
        .collect()
}

/// The files created, changed or removed between two looks.
fn differences(before: &Snapshot, after: &Snapshot) -> Vec<PathBuf> {
    let changed = after
        .iter()
        .filter(|(path, now)| before.get(*path) != Some(now))
        .map(|(path, _)| path.clone());
    let removed = before
        .keys()
        .filter(|path| !after.contains_key(*path))
        .cloned();
    changed.chain(removed).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_look_tells_files_made_changed_and_removed_and_nothing_of_the_apps_workings() {
        let dir = tempfile::tempdir().expect("temp dir");
        let at = |name: &str| dir.path().join(name);
        std::fs::write(at("k7q2m9xa.ron"), "one").expect("write");
        std::fs::write(at("p3f8h2kd.ron"), "two").expect("write");
        let before = snapshot(dir.path());
        std::fs::write(at("k7q2m9xa.ron"), "one, changed").expect("write");
        std::fs::remove_file(at("p3f8h2kd.ron")).expect("remove");
        std::fs::write(at("m4n5p6q7.ron"), "new").expect("write");
        for workings in [
            "k7q2m9xa.ron.bak",
            ".k7q2m9xa.lock",
            ".k7q2m9xa.ron.x1.tmp",
            "k7q2m9xa.conflict-20261125T090000-000000.ron",
        ] {
            std::fs::write(at(workings), "x").expect("write");
        }
        let mut told = differences(&before, &snapshot(dir.path()));
        told.sort();
        assert_eq!(
            told,
            vec![at("k7q2m9xa.ron"), at("m4n5p6q7.ron"), at("p3f8h2kd.ron")]
        );
    }

    #[test]
    fn only_changes_to_what_a_file_holds_or_its_name_count_never_reading_it() {
        use notify::EventKind;
        use notify::event::{
            AccessKind, AccessMode, CreateKind, DataChange, MetadataKind, ModifyKind, RemoveKind,
            RenameMode,
        };
        for kind in [
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Modify(ModifyKind::Any),
            EventKind::Remove(RemoveKind::File),
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            EventKind::Any,
        ] {
            assert!(changes_the_file(&kind), "{kind:?}");
        }
        for kind in [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Read),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Access(AccessKind::Any),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::Permissions)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)),
            EventKind::Other,
        ] {
            assert!(!changes_the_file(&kind), "{kind:?}");
        }
    }

    #[test]
    fn reading_a_session_file_tells_nothing_and_writing_it_tells() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("k7q2m9xa.ron");
        std::fs::write(&file, "one").expect("write");
        let (tx, rx) = mpsc::channel();
        let path = dir.path().to_owned();
        // Events only, looking rarely: what is told here came from an event.
        std::thread::spawn(move || {
            run(&path, Duration::from_secs(3600), true, move |paths| {
                tx.send(paths).is_ok()
            })
        });
        std::thread::sleep(Duration::from_millis(100));
        for _ in 0..5 {
            std::fs::read(&file).expect("read");
        }
        assert!(
            rx.recv_timeout(Duration::from_millis(400)).is_err(),
            "reading the file was taken for a change"
        );
        std::fs::write(&file, "one, changed").expect("write");
        let told = rx.recv_timeout(Duration::from_secs(5)).expect("told");
        assert_eq!(told, vec![file]);
    }

    #[test]
    fn a_folder_without_events_is_still_followed_by_looking() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (tx, rx) = mpsc::channel();
        let path = dir.path().to_owned();
        // Events are shut off: only looking can tell.
        std::thread::spawn(move || {
            run(&path, Duration::from_millis(50), false, move |paths| {
                tx.send(paths).is_ok()
            })
        });
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(dir.path().join("k7q2m9xa.ron"), "new").expect("write");
        let told = rx.recv_timeout(Duration::from_secs(5)).expect("told");
        assert_eq!(told, vec![dir.path().join("k7q2m9xa.ron")]);
    }
}
