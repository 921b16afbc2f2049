//! Keeping up with the folder: what the app does when a session file is created, changed or removed by someone else.

use super::overlay::Overlay;
use super::session_view::view;
use super::{App, Effect, Screen};
use crate::store::Loaded;
use std::path::PathBuf;

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
/// it at once; a window that writes asks, and never replaces unsaved words.
pub(super) fn on_changed_on_disk(app: &mut App, loaded: Loaded) -> Vec<Effect> {
    let following = app.following;
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
    if v.conflict_copy.is_some() {
        app.warn(
            "This session's file was changed again elsewhere; your words keep going to your copy until you choose.",
        );
        return Vec::new();
    }
    v.changed_elsewhere = true;
    if v.overlay.is_some() {
        app.warn(
            "This session's file was just changed elsewhere; once this box is closed you choose which version to keep.",
        );
    }
    Vec::new()
}

/// Puts a change made elsewhere to the user, once no box is open: with unsaved words,
/// they are saved to a copy first and the user chooses mine or theirs (as when a save
/// finds the file changed); with nothing unsaved, the user is offered a reload.
pub(super) fn offer(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    if !v.changed_elsewhere || v.overlay.is_some() {
        return Vec::new();
    }
    v.changed_elsewhere = false;
    if v.conflict_copy.is_some() {
        return Vec::new();
    }
    if v.dirty {
        return vec![Effect::SaveCopy(v.save_job(now))];
    }
    v.overlay = Some(Overlay::Reload);
    app.warn("Another program changed this session's file. Nothing here is lost.");
    Vec::new()
}
