//! The runtime: carries out the app's effects against the sessions folder (it owns the locks) and turns results into messages.
//!
//! An effect carries everything it needs (the text to write, the file, the fingerprint it
//! was read with, the time): the runtime never sees `App`, so saves, listings and reports
//! can run anywhere, and tests drive it with a folder of their own.

use crate::app::{Effect, Entry, ExportProblem, Msg, SaveJob, SaveProblem};
use crate::framework::Frameworks;
use crate::model::{Session, SessionId};
use crate::report::{self, SessionDue, SessionFigures};
use crate::store::{SessionLock, Store, StoreError, atomic_write};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The sessions folder, the frameworks and the locks this window holds.
#[derive(Debug)]
pub struct Runtime {
    store: Store,
    frameworks: Frameworks,
    locks: HashMap<PathBuf, SessionLock>,
}

impl Runtime {
    pub fn new(store: Store, frameworks: Frameworks) -> Self {
        Self {
            store,
            frameworks,
            locks: HashMap::new(),
        }
    }

    /// The sessions folder.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The sessions folder, to simulate a failing disk in tests.
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Whether this window holds the lock on a session file.
    pub fn holds_lock(&self, path: &Path) -> bool {
        self.locks.contains_key(path)
    }

    /// Carries out one effect (all but `Suspend`, which the terminal loop owns) and
    /// returns the message that reports it.
    pub fn perform(&mut self, effect: Effect) -> Option<Msg> {
        let store = &self.store;
        match effect {
            Effect::List { today } => Some(Msg::Listed(entries(store, &self.frameworks, today))),
            Effect::Open(path) => Some(match crate::store::load_path(&path) {
                Ok(loaded) => self.opened(loaded),
                Err(e) => Msg::Failed(format!(
                    "This session could not be opened and is left as it is: {e}"
                )),
            }),
            Effect::Close(path) => {
                self.locks.remove(&path);
                None
            }
            Effect::Create {
                framework,
                title,
                now,
                coordinator,
            } => Some(self.create(&framework, &title, now, &coordinator)),
            Effect::Save(job) => Some(save(store, *job)),
            Effect::SaveCopy(job) => Some(
                match text_of(&job.session)
                    .and_then(|text| conflict_copy(store, &job.file, text.as_bytes(), "", job.now))
                {
                    Ok(copy) => Msg::SavedToCopy(copy),
                    Err(e) => Msg::Saved(Err(SaveProblem::Failed(e))),
                },
            ),
            Effect::KeepMine(job) => Some(keep_mine(store, *job)),
            Effect::CopyTo { session, path } => Some(Msg::CopiedTo(
                text_of(&session).and_then(|text| new_copy(&text, &path)),
            )),
            Effect::Export {
                bytes,
                path,
                replace,
            } => Some(Msg::Exported(export(store, &bytes, &path, replace))),
            Effect::FollowList { within, today } => {
                let sessions = folder::<SessionDue>(store).0;
                Some(Msg::FollowListed(report::due_within(
                    &sessions, today, within,
                )))
            }
            Effect::Week { today } => {
                // The week reads whole sessions: readiness looks at every participant.
                let (sessions, _) = report::sorted_out(
                    store
                        .list()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|l| (l.path, l.session)),
                );
                Some(Msg::WeekListed(Box::new(crate::week::week(
                    &sessions, today,
                ))))
            }
            Effect::Report { today } => {
                let (sessions, skipped) = folder::<SessionFigures>(store);
                let sessions: Vec<SessionFigures> = sessions.into_iter().map(|(_, s)| s).collect();
                let figures = report::add_up(&sessions, skipped, &self.frameworks, today, None);
                Some(Msg::Reported(Box::new(figures)))
            }
            Effect::CheckInElsewhere {
                path,
                record,
                checkin,
                now,
            } => Some(Msg::CheckedIn(check_in_elsewhere(
                store, &path, record, &checkin, now,
            ))),
            Effect::Reread { path, fingerprint } => reread(&path, fingerprint),
            Effect::Suspend => None,
        }
    }

    /// A loaded session with this window's lock on it; if another window holds the lock,
    /// the session opens read-only and says why.
    fn opened(&mut self, mut loaded: crate::store::Loaded) -> Msg {
        if self.locks.contains_key(&loaded.path) {
            return Msg::Opened(Box::new(loaded));
        }
        match crate::store::try_lock(&loaded.path) {
            Ok(Some(lock)) => {
                self.locks.insert(loaded.path.clone(), lock);
            }
            Ok(None) => {
                loaded
                    .read_only
                    .get_or_insert_with(|| "it is open in another convene window".to_owned());
            }
            // A folder that cannot hold a lock file (a read-only share) still opens the session.
            Err(_) => {}
        }
        Msg::Opened(Box::new(loaded))
    }

    fn create(
        &mut self,
        framework: &str,
        title: &str,
        now: time::OffsetDateTime,
        coordinator: &crate::model::Coordinator,
    ) -> Msg {
        let Some(framework) = self.frameworks.get(framework) else {
            return Msg::Failed(format!("There is no framework called {framework:?}."));
        };
        let mut rng = fastrand::Rng::new();
        let mut tries = 0;
        loop {
            let id = SessionId::random(&mut rng);
            let mut session = Session::new(id, title, &framework.id, framework.first_stage(), now);
            session.take_coordinator(coordinator);
            match self.store.create(&session) {
                Ok(loaded) => return self.opened(loaded),
                // Taken a moment ago by another window: another id.
                Err(StoreError::Exists(_)) if tries < 100 => tries += 1,
                Err(e) => {
                    return Msg::Failed(format!(
                        "The session could not be saved, so it was not started: {}",
                        plain_reason(&e)
                    ));
                }
            }
        }
    }
}

/// Saves a session's text over the file it was read from, or to this window's conflict
/// copy once there has been a conflict.
fn save(store: &Store, job: SaveJob) -> Msg {
    if let Some(copy) = &job.copy {
        return match text_of(&job.session).and_then(|text| {
            atomic_write(copy, text.as_bytes(), store.fault()).map_err(|e| plain_io(&e))
        }) {
            Ok(()) => Msg::SavedToCopy(copy.clone()),
            Err(e) => Msg::Saved(Err(SaveProblem::Failed(e))),
        };
    }
    Msg::Saved(match store.save(&job.file, &job.session, job.fingerprint) {
        Ok(saved) => Ok(saved),
        Err(StoreError::Changed(_)) => Err(SaveProblem::Changed),
        Err(e) => Err(SaveProblem::Failed(plain_reason(&e))),
    })
}

/// The session's file again, if it holds something other than `known` (a window's own
/// save holds the same bytes, so it is nothing new). Only read, never written.
fn reread(path: &Path, known: crate::store::Fingerprint) -> Option<Msg> {
    let bytes = match crate::store::read_session(path, true) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Some(Msg::Failed(
                "This session's file was removed from the folder by another program; your words are kept here and written again at the next change."
                    .into(),
            ));
        }
        Err(_) => return None,
    };
    if crate::store::Fingerprint::of(&bytes) == known {
        return None;
    }
    Some(match crate::store::load_bytes(path, &bytes) {
        Ok(loaded) => Msg::ChangedOnDisk(Box::new(loaded)),
        Err(e) => Msg::Failed(format!(
            "This session's file was changed elsewhere and cannot be read just now, so what is here is kept: {e}"
        )),
    })
}

/// What the cache `T` keeps of each readable session of the folder, with its file, and the
/// files that were not readable (a folder that cannot be read shows as empty).
fn folder<T: crate::store::Digest>(store: &Store) -> report::Folder<T> {
    report::from_folder(store).unwrap_or_default()
}

/// Records a check-in in a session's file: loaded, locked, changed and saved atomically. A
/// session open in a window is left to that window.
fn check_in_elsewhere(
    store: &Store,
    path: &std::path::Path,
    record: crate::model::RecordId,
    checkin: &crate::model::CheckIn,
    now: time::OffsetDateTime,
) -> Result<String, String> {
    let mut loaded =
        crate::store::load_path(path).map_err(|e| format!("The session could not be read: {e}"))?;
    if let Some(reason) = loaded.read_only {
        return Err(format!("Read-only, so nothing was changed: {reason}."));
    }
    let _lock = match crate::store::try_lock(path) {
        Ok(Some(lock)) => lock,
        Ok(None) => {
            return Err("That session is open in another convene window; check in there.".into());
        }
        Err(e) => {
            return Err(format!(
                "The session could not be locked: {}",
                crate::plain::io(&e)
            ));
        }
    };
    let Some(r) = loaded.session.record_mut(record) else {
        return Err("That record is no longer in the session.".into());
    };
    let words = format!("Checked in: {}.", checkin.status.label());
    r.body.check_in(checkin.clone());
    loaded.session.updated = now;
    store
        .save(path, &loaded.session, loaded.fingerprint)
        .map_err(|e| format!("The check-in could not be saved: {}", plain_reason(&e)))?;
    Ok(words)
}

/// Every session file as a dashboard entry, for `today` (also run off the input path).
/// A file is read only when the listing cache does not hold it as it is now.
pub fn entries(
    store: &Store,
    frameworks: &crate::framework::Frameworks,
    today: time::Date,
) -> Vec<Entry> {
    // From the listing cache, as `convene list` reads it: only files changed since are read.
    match store.summaries() {
        Ok(listing) => listing
            .into_iter()
            .map(|(path, summary)| match summary {
                Ok(summary) => Entry::from_summary(path, &summary, frameworks, today),
                Err(e) => Entry::unreadable(path, e.to_string()),
            })
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Writes an export's bytes atomically, anywhere but the sessions folder; a file already
/// there is replaced only when the user agreed.
fn export(
    store: &Store,
    bytes: &[u8],
    path: &Path,
    replace: bool,
) -> Result<PathBuf, ExportProblem> {
    let failed = |words: &str| ExportProblem::Failed(words.to_owned());
    if path.as_os_str().is_empty() {
        return Err(failed("Type where the export should go."));
    }
    if crate::export::lands_in(path, store.dir()) {
        return Err(failed(
            "Exports are kept out of the sessions folder; choose another place.",
        ));
    }
    if let Some(what) = crate::store::unusual_at(path) {
        return Err(failed(&format!(
            "That is {}, not a file; exports are written only to files. Type a file's name.",
            what.label()
        )));
    }
    let written = if replace {
        atomic_write(path, bytes, None)
    } else {
        crate::store::atomic_create(path, bytes, None)
    };
    match written {
        Ok(()) => Ok(path.to_owned()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(ExportProblem::Exists(path.to_owned()))
        }
        Err(e) => Err(ExportProblem::Failed(format!(
            "The export could not be written there: {}",
            plain_io(&e)
        ))),
    }
}

/// Keeps the file another program wrote as a conflict copy, then saves mine over it.
fn keep_mine(store: &Store, job: SaveJob) -> Msg {
    let theirs = match crate::store::read_session(&job.file, false) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Msg::Failed(format!(
                "Their version could not be read: {}",
                crate::plain::io(&e)
            ));
        }
    };
    let copy = match conflict_copy(store, &job.file, &theirs, "-theirs", job.now) {
        Ok(copy) => copy,
        Err(e) => {
            return Msg::Failed(format!(
                "Their version could not be kept, so nothing changed: {e}"
            ));
        }
    };
    match store.save(
        &job.file,
        &job.session,
        crate::store::Fingerprint::of(&theirs),
    ) {
        Ok(saved) => Msg::KeptMine(saved, copy),
        Err(e) => Msg::Failed(format!(
            "Mine could not be saved over theirs: {}",
            plain_reason(&e)
        )),
    }
}

/// `<id>.conflict` for the session file at `path`: conflict copies are named from the
/// file the session was read from, never from the id inside it.
fn conflict_stem(path: &std::path::Path) -> String {
    let id = crate::store::file_id(path).map_or_else(|| "session".to_owned(), |id| id.to_string());
    format!("{id}.conflict")
}

/// Writes bytes as a new conflict copy beside the session file
/// (`<id>.conflict-<time>[-theirs].ron`), never over another file.
fn conflict_copy(
    store: &Store,
    file: &Path,
    bytes: &[u8],
    who: &str,
    now: time::OffsetDateTime,
) -> Result<PathBuf, String> {
    crate::store::create_unique(
        store.dir(),
        &conflict_stem(file),
        &format!("{who}.ron"),
        bytes,
        now,
        store.fault(),
    )
    .map_err(|e| plain_io(&e))
}

/// Writes a rescue copy where the user chose, as a new file: a file already there is
/// never replaced.
fn new_copy(text: &str, path: &Path) -> Result<PathBuf, String> {
    match crate::store::atomic_create(path, text.as_bytes(), None) {
        Ok(()) => Ok(path.to_owned()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(
            "A file is already there and is kept as it is; type another name for the copy.".into(),
        ),
        Err(e) => Err(format!(
            "The copy could not be written there: {}",
            plain_io(&e)
        )),
    }
}

/// A session as the text of its file.
fn text_of(session: &Session) -> Result<String, String> {
    crate::store::to_text(session).map_err(|e| e.to_string())
}

fn plain_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::StorageFull => "the disk is full".into(),
        std::io::ErrorKind::PermissionDenied => "the folder may not be written to".into(),
        std::io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
        _ => match crate::store::not_a_file(e) {
            Some(what) => format!(
                "{} is there, not a file, and was left as it is",
                what.label()
            ),
            None => crate::plain::io(e),
        },
    }
}

/// The reason a save failed, in a few plain words.
fn plain_reason(e: &StoreError) -> String {
    match e {
        StoreError::Io { source, .. } => plain_io(source),
        other => other.to_string(),
    }
}
