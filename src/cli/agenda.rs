//! `convene agenda`: the day's run-sheet with its clock times, to the terminal or a file.

use super::export::{to_stdout, write_to};
use super::{CliError, Context, ExitKind};
use crate::export::Format;
use crate::export::run_sheet::Sheet;
use crate::store::Store;
use std::path::PathBuf;

/// Print the day's plan: each block with its clock times, breaks as breaks, the total and
/// the finish time.
///
/// Example: convene agenda k7q2m9xa --start 09:30
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session's id (as `convene list` shows it)
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::session_ids))]
    pub id: String,
    /// Start the day at this time for this print (HH:MM), whatever the plan says
    #[arg(long, value_name = "HH:MM", value_parser = clock_time)]
    pub start: Option<time::Time>,
    /// The format to write
    #[arg(long, short, value_parser = super::format::accepting(super::format::AGENDA), default_value = "md")]
    pub format: Format,
    /// Write to this file instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the file given with -o if one is already there (without it, nothing is replaced)
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// A time of day typed as `09:30`.
fn clock_time(text: &str) -> Result<time::Time, String> {
    crate::model::agenda::parse_clock(text)
        .ok_or_else(|| format!("{text:?} is not a time of day; write it as 09:30"))
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let id = super::session_id(&args.id)?;
    let store = Store::at(&ctx.dir);
    let loaded = store.load(&id)?;
    if !args.format.is_text() && args.output.is_none() {
        return Err(CliError::new(
            ExitKind::Usage,
            "a Word document is a file, not text for the terminal",
        )
        .with_hint(format!("add -o {}-plan.docx", loaded.session.id.as_str())));
    }
    let framework = ctx.frameworks.get(&loaded.session.framework);
    let bytes = Sheet::new(&loaded.session, framework, args.start).render(args.format)?;
    match args.output {
        Some(path) => {
            write_to(&path, &bytes, args.force, store.dir())?;
            crate::errln!("The day's plan is in {}", path.display());
        }
        None => to_stdout(&String::from_utf8_lossy(&bytes))?,
    }
    Ok(ExitKind::Done)
}
