//! Carries out the app's effects against the sessions folder and turns results into messages.

use crate::app::{App, Effect, Entry, ExportProblem, Msg, SaveProblem, Screen};
use crate::model::{Session, SessionId};
use crate::store::{Store, StoreError, atomic_write, to_text};

/// Carries out one effect (all but `Suspend`, which the terminal loop owns) and returns
/// the message that reports it.
pub fn perform(app: &App, store: &Store, effect: &Effect) -> Option<Msg> {
    match effect {
        Effect::List => Some(Msg::Listed(list(app, store))),
        Effect::Open(path) => Some(match crate::store::load_path(path) {
            Ok(loaded) => opened(loaded),
            Err(e) => Msg::Failed(format!(
                "This session could not be opened and is left as it is: {e}"
            )),
        }),
        Effect::Create { framework, title } => Some(create(app, store, framework, title)),
        Effect::Save => {
            let view = app.session_view()?;
            if let Some(copy) = &view.conflict_copy {
                return Some(match write_copy(&view.session, copy, store.fault()) {
                    Ok(()) => Msg::SavedToCopy(copy.clone()),
                    Err(e) => Msg::Saved(Err(SaveProblem::Failed(e))),
                });
            }
            Some(Msg::Saved(
                match store.save(&view.path, &view.session, view.fingerprint) {
                    Ok(saved) => Ok(saved),
                    Err(StoreError::Changed(_)) => Err(SaveProblem::Changed),
                    Err(e) => Err(SaveProblem::Failed(plain_reason(&e))),
                },
            ))
        }
        Effect::SaveCopy => {
            let view = app.session_view()?;
            Some(
                match conflict_copy(store, &view.session, &view.path, ".ron") {
                    Ok(copy) => Msg::SavedToCopy(copy),
                    Err(e) => Msg::Saved(Err(SaveProblem::Failed(e))),
                },
            )
        }
        Effect::KeepMine => {
            let view = app.session_view()?;
            Some(keep_mine(&view.session, &view.path, store))
        }
        Effect::CopyTo(path) => {
            let view = app.session_view()?;
            Some(Msg::CopiedTo(new_copy(&view.session, path)))
        }
        Effect::Export {
            format,
            path,
            replace,
        } => {
            let view = app.session_view()?;
            Some(Msg::Exported(export(
                app,
                store,
                &view.session,
                *format,
                path,
                *replace,
            )))
        }
        Effect::FollowList { within } => {
            let sessions = readable(store);
            let today = app.local_now().date();
            Some(Msg::FollowListed(crate::report::due_items(
                &sessions, today, *within,
            )))
        }
        Effect::Report => {
            let (sessions, skipped) = folder(store);
            let sessions: Vec<Session> = sessions.into_iter().map(|(_, s)| s).collect();
            let today = app.local_now().date();
            let figures = crate::report::compute(&sessions, skipped, &app.frameworks, today, None);
            Some(Msg::Reported(Box::new(figures)))
        }
        Effect::CheckInElsewhere {
            path,
            record,
            checkin,
        } => Some(Msg::CheckedIn(check_in_elsewhere(
            store, path, *record, checkin,
        ))),
        Effect::Suspend => None,
    }
}

/// A loaded session with this window's lock on it; if another window holds the lock, the
/// session opens read-only and says why.
fn opened(mut loaded: crate::store::Loaded) -> Msg {
    match crate::store::try_lock(&loaded.path) {
        Ok(Some(lock)) => Msg::Opened(Box::new(loaded), Some(lock)),
        Ok(None) => {
            loaded
                .read_only
                .get_or_insert_with(|| "it is open in another convene window".to_owned());
            Msg::Opened(Box::new(loaded), None)
        }
        // A folder that cannot hold a lock file (a read-only share) still opens the session.
        Err(_) => Msg::Opened(Box::new(loaded), None),
    }
}

/// The readable sessions of the folder, each with its file, and the files that were not.
fn folder(
    store: &Store,
) -> (
    Vec<(std::path::PathBuf, Session)>,
    Vec<crate::report::Skipped>,
) {
    let mut sessions = Vec::new();
    let mut skipped = Vec::new();
    for listing in store.list().unwrap_or_default() {
        match listing.session {
            Ok(s) => sessions.push((listing.path, s)),
            Err(e) => skipped.push(crate::report::Skipped {
                file: listing.path.display().to_string(),
                reason: e.to_string(),
            }),
        }
    }
    (sessions, skipped)
}

fn readable(store: &Store) -> Vec<(std::path::PathBuf, Session)> {
    folder(store).0
}

/// Records a check-in in a session's file: loaded, locked, changed and saved atomically. A
/// session open in a window is left to that window.
fn check_in_elsewhere(
    store: &Store,
    path: &std::path::Path,
    record: crate::model::RecordId,
    checkin: &crate::model::CheckIn,
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
        Err(e) => return Err(format!("The session could not be locked: {e}")),
    };
    let Some(r) = loaded.session.record_mut(record) else {
        return Err("That record is no longer in the session.".into());
    };
    let words = format!("Checked in: {}.", checkin.status.label());
    r.body.check_in(checkin.clone());
    loaded.session.updated = time::OffsetDateTime::now_utc();
    store
        .save(path, &loaded.session, loaded.fingerprint)
        .map_err(|e| format!("The check-in could not be saved: {}", plain_reason(&e)))?;
    Ok(words)
}

/// Every session file as a dashboard entry.
pub fn list(app: &App, store: &Store) -> Vec<Entry> {
    entries(store, &app.frameworks, app.local_now().date())
}

/// Every session file as a dashboard entry, for `today` (also run off the input path).
pub fn entries(
    store: &Store,
    frameworks: &crate::framework::Frameworks,
    today: time::Date,
) -> Vec<Entry> {
    match store.list() {
        Ok(listing) => listing
            .into_iter()
            .map(|l| match l.session {
                Ok(session) => Entry::from_session(l.path, &session, frameworks, today),
                Err(e) => Entry::unreadable(l.path, e.to_string()),
            })
            .collect(),
        Err(_) => Vec::new(),
    }
}

fn create(app: &App, store: &Store, framework: &str, title: &str) -> Msg {
    let Some(framework) = app.frameworks.get(framework) else {
        return Msg::Failed(format!("There is no framework called {framework:?}."));
    };
    let mut rng = fastrand::Rng::new();
    let id = loop {
        let id = SessionId::random(&mut rng);
        if !store.path_of(&id).exists() {
            break id;
        }
    };
    let session = Session::new(id, title, &framework.id, framework.first_stage(), app.now);
    match store.create(&session) {
        Ok(loaded) => opened(loaded),
        Err(e) => Msg::Failed(format!(
            "The session could not be saved, so it was not started: {}",
            plain_reason(&e)
        )),
    }
}

fn write_copy(
    session: &Session,
    path: &std::path::Path,
    fault: Option<crate::store::Fault>,
) -> Result<(), String> {
    let text = to_text(session).map_err(|e| e.to_string())?;
    atomic_write(path, text.as_bytes(), fault).map_err(|e| e.to_string())
}

/// Writes an export atomically, anywhere but the sessions folder; a file already there
/// is replaced only when the user agreed.
fn export(
    app: &App,
    store: &Store,
    session: &Session,
    format: crate::export::Format,
    path: &std::path::Path,
    replace: bool,
) -> Result<std::path::PathBuf, ExportProblem> {
    let failed = |words: &str| ExportProblem::Failed(words.to_owned());
    if path.as_os_str().is_empty() {
        return Err(failed("Type where the export should go."));
    }
    if crate::export::lands_in(path, store.dir()) {
        return Err(failed(
            "Exports are kept out of the sessions folder; choose another place.",
        ));
    }
    let text = crate::export::render(
        session,
        app.frameworks.get(&session.framework),
        format,
        crate::export::CalendarStyle::Todos,
    );
    let written = if replace {
        atomic_write(path, text.as_bytes(), None)
    } else {
        crate::store::atomic_create(path, text.as_bytes(), None)
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
fn keep_mine(session: &Session, path: &std::path::Path, store: &Store) -> Msg {
    let theirs = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return Msg::Failed(format!("Their version could not be read: {e}")),
    };
    let copy = match crate::store::create_unique(
        store.dir(),
        &conflict_stem(path),
        "-theirs.ron",
        &theirs,
        time::OffsetDateTime::now_utc(),
        store.fault(),
    ) {
        Ok(copy) => copy,
        Err(e) => {
            return Msg::Failed(format!(
                "Their version could not be kept, so nothing changed: {e}"
            ));
        }
    };
    match store.save(path, session, crate::store::Fingerprint::of(&theirs)) {
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

/// Writes this window's version as a new conflict copy beside the session file
/// (`<id>.conflict-<time>.ron`), never over another file.
fn conflict_copy(
    store: &Store,
    session: &Session,
    path: &std::path::Path,
    suffix: &str,
) -> Result<std::path::PathBuf, String> {
    let text = to_text(session).map_err(|e| e.to_string())?;
    crate::store::create_unique(
        store.dir(),
        &conflict_stem(path),
        suffix,
        text.as_bytes(),
        time::OffsetDateTime::now_utc(),
        store.fault(),
    )
    .map_err(|e| plain_io(&e))
}

/// Writes a rescue copy where the user chose, as a new file: a file already there is
/// never replaced.
fn new_copy(session: &Session, path: &std::path::Path) -> Result<std::path::PathBuf, String> {
    let text = to_text(session).map_err(|e| e.to_string())?;
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

fn plain_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::StorageFull => "the disk is full".into(),
        std::io::ErrorKind::PermissionDenied => "the folder may not be written to".into(),
        std::io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
        _ => e.to_string(),
    }
}

/// The reason a save failed, in a few plain words.
fn plain_reason(e: &StoreError) -> String {
    match e {
        StoreError::Io { source, .. } => plain_io(source),
        other => other.to_string(),
    }
}

/// Whether the app is showing a session (used by the loop to save on suspend).
pub fn has_open_session(app: &App) -> bool {
    matches!(app.screen, Screen::Session(_))
}
