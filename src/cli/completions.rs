//! `convene completions`: shell completion that offers commands, options, formats, audiences, session ids, frameworks and themes.
//!
//! The script a shell sources calls `convene` back (with `COMPLETE=<shell>` set) for each
//! completion, so what is offered is always the folder's sessions and the frameworks and
//! themes there are now; values with a fixed list (formats) come from the clap definitions.

use super::{Cli, CliError, Context, ExitKind};
use crate::store::Store;
use crate::text::clean_line;
use clap::CommandFactory;
use clap_complete::CompletionCandidate;
use clap_complete::env::{EnvCompleter, Shells};
use std::path::PathBuf;

/// The variable that asks `convene` to complete instead of running.
const VAR: &str = "COMPLETE";

/// Print a completion script for your shell.
///
/// The script asks convene what to offer as you type, so it offers the ids of your
/// sessions (with their titles), the formats, audiences, frameworks and themes.
///
/// Example: convene completions bash > ~/.local/share/bash-completion/completions/convene
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(args: Args, _ctx: &Context) -> Result<ExitKind, CliError> {
    let shells = Shells::builtins();
    let shell: &dyn EnvCompleter = shells
        .completer(&args.shell.to_string())
        .ok_or_else(|| CliError::new(ExitKind::Usage, "that shell is not supported"))?;
    // The program the shell calls back: `convene` when it was found on the PATH, else this
    // very program by its full path (a relative one would break in another folder).
    let called = std::env::args_os().next().map(PathBuf::from);
    let program = match called {
        Some(p) if p.components().count() > 1 => std::env::current_exe().unwrap_or(p),
        _ => PathBuf::from("convene"),
    };
    let program = program.to_string_lossy();
    let mut script = Vec::new();
    shell
        .write_registration(VAR, "convene", "convene", &program, &mut script)
        .map_err(|e| {
            CliError::new(
                ExitKind::Storage,
                format!("could not write it: {}", crate::plain::io(&e)),
            )
        })?;
    crate::cli::export::to_stdout(&String::from_utf8_lossy(&script))?;
    Ok(ExitKind::Done)
}

/// Answers the shell and exits when `COMPLETE` is set; otherwise returns at once. Call it
/// before anything is written to standard output.
pub fn answer_the_shell() {
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(VAR)
        .complete();
}

/// The sessions folder as the command being typed would find it: its `--dir`, then
/// `CONVENE_DIR`, the settings file's folder, or the platform's data folder.
fn sessions_folder() -> Option<PathBuf> {
    typed_dir()
        .or_else(|| std::env::var_os("CONVENE_DIR"))
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            let path = std::env::var_os("CONVENE_CONFIG")
                .map(PathBuf::from)
                .or_else(crate::config::path)?;
            crate::config::load(&path).ok()?.sessions
        })
        .or_else(Store::default_dir)
}

/// The `--dir PATH` (or `--dir=PATH`) on the command line being completed.
fn typed_dir() -> Option<std::ffi::OsString> {
    let words: Vec<std::ffi::OsString> = std::env::args_os().collect();
    words.iter().enumerate().rev().find_map(|(at, word)| {
        if word == "--dir" {
            words.get(at + 1).cloned()
        } else {
            let word = word.to_str()?;
            word.strip_prefix("--dir=").map(Into::into)
        }
    })
}

/// The ids of the sessions in the folder, each with its title.
pub fn session_ids() -> Vec<CompletionCandidate> {
    let Some(folder) = sessions_folder() else {
        return Vec::new();
    };
    let Ok(summaries) = Store::at(&folder).summaries() else {
        return Vec::new();
    };
    summaries
        .into_iter()
        .filter_map(|(_, summary)| summary.ok())
        .map(|s| CompletionCandidate::new(s.id.as_str()).help(Some(clean_line(&s.title).into())))
        .collect()
}

/// The frameworks, built in and the user's own, by their short names.
pub fn frameworks() -> Vec<CompletionCandidate> {
    let frameworks = match super::user_frameworks_dir() {
        Some(folder) => crate::framework::Frameworks::with_user_folder(&folder).0,
        None => crate::framework::Frameworks::embedded(),
    };
    frameworks
        .all
        .iter()
        .map(|f| CompletionCandidate::new(&f.short).help(Some(clean_line(&f.name).into())))
        .collect()
}

/// The themes' names.
pub fn themes() -> Vec<CompletionCandidate> {
    crate::theme::Theme::NAMES
        .iter()
        .map(|name| CompletionCandidate::new(*name))
        .collect()
}
