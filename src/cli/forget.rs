//! `convene forget`: removes a session with its backup, conflict copies and lock, for retention rules.

use super::{CliError, Context, ExitKind};
use crate::model::SessionId;
use crate::store::{Role, Store, belonging, lock_path, try_lock};
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
    let Some(lock) =
        try_lock(&main).map_err(|e| CliError::new(ExitKind::Storage, e.to_string()))?
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
    crate::outln!("  {} (lock)", lock_file.display());
    if !args.yes {
        if !std::io::stdin().is_terminal() {
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
            Err(e) => left.push(format!("{}: {e}", file.display())),
        }
    }
    drop(lock);
    if left.is_empty() {
        match std::fs::remove_file(&lock_file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => left.push(format!("{}: {e}", lock_file.display())),
        }
    }
    // The listing cache keeps titles: refresh it so the forgotten one is gone from it too.
    let _ = store.summaries();
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
