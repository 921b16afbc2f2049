//! The command line: one clap `Args` struct and one function per subcommand; bare `convene` opens the app.
// Commands print through `outln!` and `errln!`, which clean what they print; a raw
// `println!` is refused here.
#![deny(clippy::print_stdout, clippy::print_stderr)]

mod add;
mod agenda;
mod check;
mod close;
mod completions;
mod config;
mod error;
mod export;
mod forget;
pub mod format;
#[cfg(feature = "dev-tools")]
mod generate;
mod import;
mod lint;
pub mod list;
mod new;
mod numbers;
mod present;
mod rename;
mod report;
mod set;
mod show;
#[cfg(feature = "dev-tools")]
mod stress;
mod theme;

pub use crate::context::Context;
pub use completions::answer_the_shell;
pub use error::{CliError, ExitKind};
pub use list::list_lines;
pub use show::{describe as show_record, session_json};

use crate::framework::Frameworks;
use crate::store::Store;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use time::UtcOffset;

/// convene walks a facilitator through a strengths-based session, step by step, and keeps
/// what the room said.
///
/// Run it with no command to open the app. Sessions are RON files, one per session, in the
/// sessions folder (see `--dir`).
#[derive(Debug, Parser)]
#[command(name = "convene", version, about, long_about, after_help = EXIT_CODES)]
pub struct Cli {
    /// The sessions folder [default: the platform's data folder, e.g.
    /// ~/.local/share/convene/sessions]
    #[arg(long, global = true, env = "CONVENE_DIR", value_name = "PATH")]
    pub dir: Option<PathBuf>,

    /// Weeks from a Family Group Conference to the review date it suggests [default: 12]
    #[arg(
        long,
        global = true,
        env = "CONVENE_REVIEW_WEEKS",
        value_name = "WEEKS",
        value_parser = numbers::weeks
    )]
    pub review_weeks: Option<u32>,

    /// The colours: default, light or high-contrast (NO_COLOR=1 takes colour out). Called
    /// `--colours` so it is never mistaken for a record's theme; `--theme` still works.
    #[arg(
        long = "colours",
        alias = "theme",
        global = true,
        env = "CONVENE_THEME",
        value_name = "NAME",
        add = clap_complete::ArgValueCandidates::new(completions::themes)
    )]
    pub theme: Option<String>,

    /// The settings file [default: config.ron in the platform's config folder]
    #[arg(long, global = true, env = "CONVENE_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    New(new::Args),
    List(list::Args),
    Show(show::Args),
    Present(present::Args),
    Check(check::Args),
    Export(export::Args),
    Agenda(agenda::Args),
    Forget(forget::Args),
    Rename(rename::Args),
    Set(set::Args),
    Add(add::Args),
    Theme(theme::Args),
    Import(import::Args),
    Completions(completions::Args),
    Config(config::Args),
    Lint(lint::Args),
    Report(report::Args),
    Due(report::DueArgs),
    Close(close::Args),
    Reopen(close::ReopenArgs),
    #[cfg(feature = "dev-tools")]
    #[command(hide = true)]
    StressSaves(stress::Args),
    #[cfg(feature = "dev-tools")]
    #[command(hide = true)]
    Generate(generate::Args),
    #[cfg(feature = "dev-tools")]
    #[command(hide = true)]
    PeakMemory(generate::PeakArgs),
}

/// The exit codes, shown at the foot of `--help` and in the README.
pub const EXIT_CODES: &str = "\
Exit codes:
  0  done
  1  `check` found problems in one or more files
  2  the command line was not understood
  3  no session has that id
  4  a session file could not be read (the message names file:line:col)
  5  the sessions folder or a file could not be read or written
  6  nothing to export in that format (a calendar of a session with nothing dated)";

impl Context {
    /// Builds the context from the command line: `--dir`, then `CONVENE_DIR`, then the
    /// platform's data folder; frameworks from the binary and the user's config folder.
    pub fn from_cli(cli: &Cli, offset: UtcOffset) -> Result<Self, CliError> {
        let mut warnings = Vec::new();
        let config_path = cli.config.clone().or_else(crate::config::path);
        let config = match config_path.as_deref().map(crate::config::load) {
            Some(Ok(config)) => config,
            Some(Err(problem)) => {
                warnings.push(format!(
                    "the settings file was left out, so the defaults apply: {problem}"
                ));
                crate::config::Config::default()
            }
            None => crate::config::Config::default(),
        };
        let dir = match cli.dir.clone().or_else(|| config.sessions.clone()) {
            Some(dir) => dir,
            None => Store::default_dir().ok_or_else(|| {
                CliError::new(
                    ExitKind::Storage,
                    "this system has no data folder for convene; choose one with --dir PATH",
                )
            })?,
        };
        let mut frameworks = match user_frameworks_dir() {
            Some(folder) => {
                let (frameworks, problems) = Frameworks::with_user_folder(&folder);
                for problem in problems {
                    warnings.push(format!("a framework of yours was left out: {problem}"));
                }
                frameworks
            }
            None => Frameworks::embedded(),
        };
        for framework in &mut frameworks.all {
            for stage in &mut framework.stages {
                if let Some(&minutes) = config.minutes.get(&stage.key).filter(|m| **m > 0) {
                    stage.minutes = minutes;
                }
            }
        }
        let no_color = std::env::var("NO_COLOR").ok();
        let theme = match crate::theme::Theme::choose(
            cli.theme.as_deref().or(config.theme.as_deref()),
            no_color.as_deref(),
        ) {
            Ok(theme) => theme,
            Err(problem) if cli.theme.is_some() => {
                return Err(CliError::new(ExitKind::Usage, problem));
            }
            Err(problem) => {
                warnings.push(format!("in the settings file, {problem}"));
                crate::theme::Theme::choose(None, no_color.as_deref())
                    .unwrap_or_else(|_| crate::theme::Theme::default_dark())
            }
        };
        for warning in &warnings {
            crate::errln!("convene: {warning}");
        }
        let mut sectors = crate::model::default_sectors();
        for extra in &config.sectors {
            if !sectors.iter().any(|s| s.eq_ignore_ascii_case(extra)) {
                sectors.push(extra.trim().to_lowercase());
            }
        }
        Ok(Self {
            sectors,
            dir,
            review_weeks: cli.review_weeks.or(config.review_weeks).unwrap_or(12),
            coordinator: config.coordinator.clone(),
            frameworks,
            offset,
            theme,
            warnings,
            config_path,
        })
    }

    /// The store, creating the folder if needed.
    pub fn store(&self) -> Result<Store, CliError> {
        Store::open(&self.dir).map_err(CliError::from)
    }

    /// A framework's name for people, or its id if it is not known here.
    pub fn framework_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.frameworks.get(id).map_or(id, |f| f.name.as_str())
    }

    /// A stage's name for people, or its key if it is not known here.
    pub fn stage_name<'a>(&'a self, framework: &str, stage: &'a str) -> &'a str {
        self.frameworks
            .get(framework)
            .and_then(|f| f.stage(stage))
            .map_or(stage, |s| s.name.as_str())
    }
}

/// A session id typed on the command line, or a clear error.
pub fn session_id(text: &str) -> Result<crate::model::SessionId, CliError> {
    crate::model::SessionId::parse(text).ok_or_else(|| {
        CliError::new(ExitKind::NotFound, format!("{text:?} is not a session id"))
            .with_hint("`convene list` shows the ids")
    })
}

/// A session opened to be changed by a command: its lock held (so a convene window cannot
/// have it open meanwhile) and the file as read, saved back in one atomic write.
pub struct Writing {
    store: Store,
    _lock: crate::store::SessionLock,
    pub loaded: crate::store::Loaded,
}

impl Writing {
    /// Takes the session's lock and reads it; refuses while a window has it open, and a file
    /// this version may only read.
    pub fn open(ctx: &Context, id: &crate::model::SessionId) -> Result<Self, CliError> {
        Self::open_or_there(ctx, id, "close it there first")
    }

    /// As [`Writing::open`], saying what to do in the window that has it open instead
    /// ("rename it there with E").
    pub fn open_or_there(
        ctx: &Context,
        id: &crate::model::SessionId,
        there: &str,
    ) -> Result<Self, CliError> {
        let store = ctx.store()?;
        if !store.path_of(id).exists() {
            return Err(crate::store::StoreError::NotFound(id.to_string()).into());
        }
        let lock = crate::store::try_lock(&store.path_of(id))
            .map_err(|e| CliError::new(ExitKind::Storage, crate::plain::io(&e)))?
            .ok_or_else(|| {
                CliError::new(
                    ExitKind::Storage,
                    format!("the session is open in a convene window; {there}"),
                )
                .with_hint("nothing was changed")
            })?;
        let loaded = store.load(id)?;
        if let Some(reason) = &loaded.read_only {
            return Err(CliError::new(ExitKind::Unreadable, reason.clone())
                .with_hint("nothing was changed"));
        }
        Ok(Self {
            store,
            _lock: lock,
            loaded,
        })
    }

    /// Saves `session` (the one read, changed) over the file it was read from, in one
    /// atomic write.
    pub fn save(&mut self, session: &crate::model::Session) -> Result<(), CliError> {
        self.loaded.fingerprint =
            self.store
                .save(&self.loaded.path, session, self.loaded.fingerprint)?;
        self.loaded.session = session.clone();
        Ok(())
    }
}

/// A path as it is printed: on one line, with nothing a terminal would act on.
pub fn shown(path: &std::path::Path) -> String {
    crate::text::clean_line(&path.display().to_string())
}

/// A line for each backup or copy in the folder whose session file is gone: words that
/// may be nowhere else, so `list` and `check` name them and say what can be done.
pub fn orphan_notes(dir: &std::path::Path) -> Vec<String> {
    crate::store::orphans(dir)
        .into_iter()
        .map(|(path, role)| {
            let id = crate::store::owner(&path).map(|(id, _)| id.to_string()).unwrap_or_default();
            format!(
                "{}:1:1: a {} whose session file ({id}.ron) is gone; rename it to {id}.ron to bring it back, or `convene forget {id}` to remove it",
                shown(&path),
                role.label()
            )
        })
        .collect()
}

/// A value as JSON for scripts, with nothing in it that acts on a terminal (see [`crate::text::json`]).
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, CliError> {
    crate::text::json(value)
        .map_err(|e| CliError::new(ExitKind::Storage, format!("could not write JSON: {e}")))
}

/// The folder where a user's own frameworks live: `CONVENE_FRAMEWORKS` if set, else
/// `<config>/frameworks`.
pub fn user_frameworks_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("CONVENE_FRAMEWORKS").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "convene", "convene")
        .map(|d| d.config_dir().join("frameworks"))
}

/// Runs a subcommand and returns the exit kind.
pub fn run(command: Command, ctx: &Context) -> Result<ExitKind, CliError> {
    match command {
        Command::New(args) => new::run(args, ctx),
        Command::List(args) => list::run(args, ctx),
        Command::Show(args) => show::run(args, ctx),
        Command::Present(args) => present::run(args, ctx),
        Command::Check(args) => check::run(args, ctx),
        Command::Forget(args) => forget::run(args, ctx),
        Command::Rename(args) => rename::run(args, ctx),
        Command::Set(args) => set::run(args, ctx),
        Command::Add(args) => add::run(args, ctx),
        Command::Theme(args) => theme::run(args, ctx),
        Command::Import(args) => import::run(args, ctx),
        Command::Export(args) => export::run(args, ctx),
        Command::Agenda(args) => agenda::run(args, ctx),
        Command::Completions(args) => completions::run(args, ctx),
        Command::Config(args) => config::run(args, ctx),
        Command::Lint(args) => lint::run(args, ctx),
        Command::Report(args) => report::run(args, ctx),
        Command::Due(args) => report::due(args, ctx),
        Command::Close(args) => close::close(args, ctx),
        Command::Reopen(args) => close::reopen(args, ctx),
        #[cfg(feature = "dev-tools")]
        Command::StressSaves(args) => stress::run(args, ctx),
        #[cfg(feature = "dev-tools")]
        Command::Generate(args) => generate::run(args, ctx),
        #[cfg(feature = "dev-tools")]
        Command::PeakMemory(args) => generate::peak_memory(args, ctx),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
