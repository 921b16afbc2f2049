//! Keeping up with the folder: what the app does when a session file is created, changed or removed by someone else.
//!
//! A change made elsewhere is told, never asked: the status bar says so and names the key
//! (Ctrl-l) that loads it, and every key the user types goes where it was going. Words
//! typed here are never replaced: once the file holds another version, this window's
//! saves go to a conflict copy beside it, named in the status bar, until the user chooses.

use super::overlay::Overlay;
use super::session_view::view;
use super::{App, Effect, Screen};
use crate::store::Loaded;
use std::path::PathBuf;

/// What the status bar says when the file was changed elsewhere and nothing here is unsaved.
pub const CHANGED: &str = "Changed elsewhere — Ctrl-l loads that version; your words are kept.";

/// Session files changed on disk: the dashboard reads the folder again; an open session
/// whose file is among them is read again (the runtime tells this window's own saves apart).
pub(super) fn on_folder_changed(app: &mut App, paths: &[PathBuf]) -> Vec<Effect> {
    match &app.screen {
        Screen::Dashboard => vec![app.list()],
        Screen::Session(view) if paths.iter().any(|p| p.file_name() == view.path.file_name()) => {
            vec![Effect::Reread {
                path: view.path.clone(),
                fingerprint: view.fingerprint,
            }]
        }
        _ => Vec::new(),
    }
}

/// The open session's file holds another version now. A window that cannot write follows
/// it at once; a window that writes says so in the status bar and takes no key for it:
/// unsaved words go to a conflict copy at once, and later ones follow them there.
pub(super) fn on_changed_on_disk(app: &mut App, loaded: Loaded) -> Vec<Effect> {
    let following = app.showing(super::Layer::Room);
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    if loaded.path != v.path {
        return Vec::new();
    }
    if following || v.read_only.is_some() {
        v.follow(loaded);
        return Vec::new();
    }
    // The same version of theirs, told again, is nothing new.
    if v.theirs == Some(loaded.fingerprint) {
        return Vec::new();
    }
    v.theirs = Some(loaded.fingerprint);
    v.changed_elsewhere = true;
    if let Some(copy) = &v.conflict_copy {
        let name = super::saving::file_name(copy);
        app.warn(format!(
            "Changed elsewhere again — your words keep going to {name}; Ctrl-l chooses which version to keep."
        ));
        return Vec::new();
    }
    if v.dirty && v.leaving.is_none() {
        // Unsaved words are kept beside theirs now, whatever box is open.
        return vec![Effect::SaveCopy(v.save_job(now))];
    }
    app.warn(CHANGED);
    Vec::new()
}

/// Ctrl-l, the one key for a change made elsewhere: with words of this window in a conflict
/// copy, the choice between the two versions (a box whose keys are shown on it); with
/// unsaved words, they are kept in a copy first; with nothing unsaved, their version loads.
pub(super) fn on_elsewhere_key(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    if let Some(copy) = &v.conflict_copy {
        v.overlay = Some(Overlay::Conflict { copy: copy.clone() });
        return Vec::new();
    }
    if !v.changed_elsewhere {
        app.say("Nothing was changed elsewhere: this is the session as saved.");
        return Vec::new();
    }
    if v.dirty {
        return vec![Effect::SaveCopy(v.save_job(now))];
    }
    // Read again like theirs after a conflict; this window keeps its lock.
    v.changed_elsewhere = false;
    let open = Effect::Open(v.path.clone());
    app.say("The version changed elsewhere is loaded.");
    vec![open]
}
