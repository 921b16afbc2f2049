//! `convene forget`: removes a session with its backup, conflict copies and lock, for retention rules.

use super::{CliError, Context, ExitKind};
use crate::model::SessionId;
use crate::report::{SessionDue, SessionFigures};
use crate::store::{Digest, Role, Store, Summary, belonging, is_cache, lock_path, try_lock};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

/// Remove a session for good: its file, its backup, its conflict and rescue copies in the
/// folder, unfinished writes and its lock, even when the session file itself is gone.
/// Asks you to type the id first (or pass --yes in a script).
///
/// Example: convene forget k7q2m9xa
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session's id (as `convene list` shows it)
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::session_ids))]
    pub id: String,
    /// Do not ask; for scripts that apply a retention rule
    #[arg(long)]
    pub yes: bool,
}

/// Every file in the folder that belongs to the session, but its lock (removed last).
pub fn files_of(store: &Store, id: &SessionId) -> Vec<(PathBuf, Role)> {
    belonging(store.dir())
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, owner, role)| owner == id && *role != Role::Lock)
        .map(|(path, _, role)| (path, role))
        .collect()
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let id = super::session_id(&args.id)?;
    let store = Store::at(&ctx.dir);
    let main = store.path_of(&id);
    let files = files_of(&store, &id);
    let lock_file = lock_path(&main);
    if files.is_empty() && !lock_file.exists() {
        return Err(CliError::new(
            ExitKind::NotFound,
            format!("nothing of a session with the id {id} is in this folder"),
        )
        .with_hint("`convene list` shows the ids"));
    }
    // Taking the lock makes its file if it was not there: only one that was is the
    // user's, named in the list and counted as removed.
    let had_lock = std::fs::symlink_metadata(&lock_file).is_ok();
    let Some(lock) =
        try_lock(&main).map_err(|e| CliError::new(ExitKind::Storage, crate::plain::io(&e)))?
    else {
        return Err(CliError::new(
            ExitKind::Storage,
            "the session is open in a convene window; close it there first",
        ));
    };
    let title = crate::store::load_path(&main)
        .map(|l| format!("“{}”", crate::text::clean_line(&l.session.title)))
        .unwrap_or_else(|_| format!("what is left of the session {id}"));
    crate::outln!("This removes {title} for good:");
    for (file, role) in &files {
        crate::outln!("  {} ({})", file.display(), role.label());
    }
    if had_lock {
        crate::outln!("  {} (lock)", lock_file.display());
    }
    if !args.yes {
        // Kept: a lock file made only by this command goes again.
        let let_go = |lock| {
            drop(lock);
            if !had_lock {
                let _ = std::fs::remove_file(&lock_file);
            }
        };
        if !std::io::stdin().is_terminal() {
            let_go(lock);
            return Err(CliError::new(
                ExitKind::Usage,
                "nothing was removed: confirm with --yes when not at a terminal",
            ));
        }
        crate::out!("Type the id ({id}) to remove it, or press Enter to keep it: ");
        let _ = std::io::stdout().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if answer.trim() != id.as_str() {
            let_go(lock);
            crate::outln!("Kept. Nothing was removed.");
            return Ok(ExitKind::Done);
        }
    }
    // Remove what can be; name what could not, so a second run finishes the job.
    let mut left = Vec::new();
    let mut removed = 0;
    for (file, _) in &files {
        match std::fs::remove_file(file) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => left.push(format!("{}: {}", file.display(), crate::plain::io(&e))),
        }
    }
    drop(lock);
    if left.is_empty() {
        match std::fs::remove_file(&lock_file) {
            Ok(()) if had_lock => removed += 1,
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => left.push(format!("{}: {}", lock_file.display(), crate::plain::io(&e))),
        }
    }
    // The caches keep titles and words: bring them up to date so the forgotten session's
    // are gone from them too.
    forget_in_caches(&store);
    let s = if removed == 1 { "" } else { "s" };
    if left.is_empty() {
        crate::outln!("Removed {removed} file{s}.");
        Ok(ExitKind::Done)
    } else {
        Err(CliError::new(
            ExitKind::Storage,
            format!(
                "removed {removed} file{s}, but these are still there:\n  {}",
                left.join("\n  ")
            ),
        )
        .with_hint("run `convene forget` again to finish once the cause is fixed"))
    }
}

/// Brings each of the folder's caches up to date without the sessions that are gone, and
/// removes any cache this version does not keep (an older one may hold their words).
fn forget_in_caches(store: &Store) {
    fn refresh<T: Digest>(store: &Store) -> &'static str {
        if store.dir().join(T::FILE).exists() {
            let _ = store.digests::<T>();
        }
        T::FILE
    }
    let kept = [
        refresh::<Summary>(store),
        refresh::<SessionDue>(store),
        refresh::<SessionFigures>(store),
    ];
    for entry in std::fs::read_dir(store.dir())
        .into_iter()
        .flatten()
        .flatten()
    {
        let path = entry.path();
        let known = path
            .file_name()
            .is_some_and(|n| kept.iter().any(|k| n == *k));
        if is_cache(&path) && !known {
            let _ = std::fs::remove_file(&path);
        }
    }
}
