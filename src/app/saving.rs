//! What happens when a save, a copy or an export comes back, and leaving the session once
//! its words are safe.

use super::overlay::Overlay;
use super::session_view::{After, view};
use super::{App, Effect, ExportProblem, SaveProblem, Screen};
use crate::export::Format;
use crate::model::Session;
use crate::store::Fingerprint;
use std::path::PathBuf;
use time::Duration;

/// How long to wait before trying a failed save again.
const RETRY_DELAY: Duration = Duration::seconds(5);

/// Leaves the session once its words are safe: saves first, and asks if that fails.
pub(super) fn leave(app: &mut App, after: After) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    if let Some(Overlay::Form(form)) = &mut v.overlay
        && form.has_changes()
    {
        form.confirm_discard = true;
        return Vec::new();
    }
    if v.dirty && v.read_only.is_none() {
        v.leaving = Some(after);
        return vec![Effect::Save(v.save_job(now))];
    }
    finish(app, after)
}

pub(super) fn finish(app: &mut App, after: After) -> Vec<Effect> {
    app.hide(super::Layer::Presenter);
    let close = view(app).map(|v| Effect::Close(v.path.clone()));
    match after {
        After::Dashboard => {
            app.screen = Screen::Dashboard;
            // What the session said stays with it; a problem is still told.
            if app.status.as_ref().is_some_and(|s| !s.problem) {
                app.status = None;
            }
            close.into_iter().chain([app.list()]).collect()
        }
        After::Quit => {
            app.quit = true;
            close.into_iter().collect()
        }
    }
}

pub(super) fn on_saved(app: &mut App, result: Result<Fingerprint, SaveProblem>) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    match result {
        Ok(fingerprint) => {
            v.fingerprint = fingerprint;
            v.dirty = false;
            v.saved_at = Some(now);
            v.save_error = None;
            v.retry_at = None;
            match view(app).and_then(|v| v.leaving.take()) {
                Some(after) => finish(app, after),
                None => Vec::new(),
            }
        }
        Err(SaveProblem::Changed) => vec![Effect::SaveCopy(v.save_job(now))],
        Err(SaveProblem::Failed(reason)) => {
            v.save_error = Some(reason.clone());
            v.retry_at = Some(now + RETRY_DELAY);
            match v.leaving.take() {
                Some(after) => {
                    v.overlay = Some(Overlay::ConfirmLeave {
                        after,
                        reason: reason.clone(),
                    });
                    app.warn(format!("Not saved yet: {reason}"));
                }
                None => app.warn(format!(
                    "Not saved yet: {reason}. Your words are kept here and convene will try again."
                )),
            }
            Vec::new()
        }
    }
}

pub(super) fn on_saved_to_copy(app: &mut App, path: PathBuf) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let name = file_name(&path);
    let first = v.conflict_copy.is_none();
    v.conflict_copy = Some(path);
    v.changed_elsewhere = true;
    v.dirty = false;
    v.saved_at = Some(now);
    v.save_error = None;
    // Told, never asked: a box here would take the keys the user is typing.
    if first {
        app.warn(format!(
            "Changed elsewhere — your words are kept in {name}; Ctrl-l chooses which version to keep."
        ));
    }
    match view(app).and_then(|v| v.leaving.take()) {
        Some(after) => finish(app, after),
        None => Vec::new(),
    }
}

/// Mine became the session again after a conflict; theirs was kept as a copy.
pub(super) fn on_kept_mine(
    app: &mut App,
    fingerprint: Fingerprint,
    theirs: PathBuf,
) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    v.fingerprint = fingerprint;
    v.conflict_copy = None;
    v.changed_elsewhere = false;
    v.theirs = None;
    v.dirty = false;
    v.saved_at = Some(now);
    app.say(format!(
        "Your version is the session again; theirs is kept as {}.",
        file_name(&theirs)
    ));
    Vec::new()
}

/// A copy was written elsewhere while the folder could not be written; leave as asked.
pub(super) fn on_copied(app: &mut App, result: Result<PathBuf, String>) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    match (result, &mut v.overlay) {
        (Ok(path), Some(Overlay::CopyTo { after, .. })) => {
            let after = *after;
            v.overlay = None;
            v.dirty = false;
            app.say(format!(
                "A copy with every word is saved at {}.",
                path.display()
            ));
            finish(app, after)
        }
        (Err(e), Some(Overlay::CopyTo { error, .. })) => {
            *error = Some(e);
            Vec::new()
        }
        (Ok(path), _) => {
            app.say(format!("A copy is saved at {}.", path.display()));
            Vec::new()
        }
        (Err(e), _) => {
            app.warn(e);
            Vec::new()
        }
    }
}

/// Where to suggest an export: the documents folder (never the sessions folder), named
/// from the id, since titles may hold a family's name.
pub fn export_path(
    documents: &std::path::Path,
    session: &Session,
    format: Format,
    audience: crate::export::Audience,
    today: time::Date,
) -> PathBuf {
    documents.join(crate::export::suggested_name(
        session, format, audience, today,
    ))
}

/// An export finished (or could not be written).
pub(super) fn on_exported(app: &mut App, result: Result<PathBuf, ExportProblem>) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let result = match result {
        Err(ExportProblem::Exists(path)) => {
            if let Some(Overlay::Export { error, replace, .. }) = &mut v.overlay {
                *error = Some(
                    "A file is already there. Press Enter again to replace it, or change the name to keep both."
                        .into(),
                );
                *replace = Some(path);
                return Vec::new();
            }
            Err(format!(
                "Nothing was exported: {} is already there.",
                path.display()
            ))
        }
        Err(ExportProblem::Failed(e)) => Err(e),
        Ok(path) => Ok(path),
    };
    match result {
        Ok(path) => {
            v.overlay = None;
            app.say(format!("Exported to {}", path.display()));
        }
        Err(e) => {
            if let Some(Overlay::Export { error, .. }) = &mut v.overlay {
                *error = Some(e);
            } else {
                app.warn(e);
            }
        }
    }
    Vec::new()
}

/// Where to suggest a rescue copy: the user's documents folder (or home), never the
/// sessions folder, which is the one failing; a new name each time (to the microsecond),
/// and the copy is written only as a new file, so an earlier rescue copy is never replaced.
pub fn rescue_path(
    documents: &std::path::Path,
    session: &Session,
    now: time::OffsetDateTime,
) -> PathBuf {
    documents.join(format!(
        "convene-{}-copy-{}.ron",
        session.id,
        crate::store::unique_stamp(now)
    ))
}

pub(super) fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
