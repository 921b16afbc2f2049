//! `convene forget`: removes a session with its backup, conflict copies and lock, for retention rules.

use super::{CliError, Context, ExitKind};
use crate::model::SessionId;
use crate::store::{Store, backup_path, lock_path, try_lock};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

/// Remove a session for good: its file, its backup, its conflict copies and its lock.
/// Asks you to type the id first (or pass --yes in a script).
///
/// Example: convene forget k7q2m9xa
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session's id (as `convene list` shows it)
    pub id: String,
    /// Do not ask; for scripts that apply a retention rule
    #[arg(long)]
    pub yes: bool,
}

/// Every file that belongs to a session.
pub fn files_of(store: &Store, id: &SessionId) -> Vec<PathBuf> {
    let main = store.path_of(id);
    let mut files = vec![main.clone(), backup_path(&main)];
    if let Ok(entries) = std::fs::read_dir(store.dir()) {
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let conflict = name.starts_with(&format!("{id}.conflict-")) && name.ends_with(".ron");
            let temp = name.starts_with(&format!(".{id}.ron.")) && name.ends_with(".tmp");
            if conflict || temp {
                files.push(path);
            }
        }
    }
    files.retain(|p| p.exists());
    files
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let id = super::session_id(&args.id)?;
    let store = Store::at(&ctx.dir);
    let main = store.path_of(&id);
    if !main.exists() {
        return Err(CliError::new(
            ExitKind::NotFound,
            format!("no session with the id {:?} is in this folder", args.id),
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
    let files = files_of(&store, &id);
    let title = crate::store::load_path(&main)
        .map(|l| crate::text::clean_line(&l.session.title))
        .unwrap_or_else(|_| "(a file that cannot be read)".into());
    println!("This removes “{title}” for good:");
    for file in &files {
        println!("  {}", file.display());
    }
    if !args.yes {
        if !std::io::stdin().is_terminal() {
            return Err(CliError::new(
                ExitKind::Usage,
                "nothing was removed: confirm with --yes when not at a terminal",
            ));
        }
        print!("Type the id ({id}) to remove it, or press Enter to keep it: ");
        let _ = std::io::stdout().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if answer.trim() != id.as_str() {
            println!("Kept. Nothing was removed.");
            return Ok(ExitKind::Done);
        }
    }
    for file in &files {
        std::fs::remove_file(file).map_err(|e| {
            CliError::new(
                ExitKind::Storage,
                format!("could not remove {}: {e}", file.display()),
            )
        })?;
    }
    drop(lock);
    let _ = std::fs::remove_file(lock_path(&main));
    // The listing cache keeps titles: refresh it so the forgotten one is gone from it too.
    let _ = store.summaries();
    println!(
        "Removed {} file{}.",
        files.len(),
        if files.len() == 1 { "" } else { "s" }
    );
    Ok(ExitKind::Done)
}
