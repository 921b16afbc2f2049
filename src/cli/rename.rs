//! `convene rename`: gives a session a new title inside its own file, saved atomically.

use super::{CliError, Context, ExitKind};
use crate::text::clean_line;

/// Give a session a new title. The file keeps its name (the id); only the title inside it
/// changes. A session open in a convene window is renamed there (E), not here.
///
/// Example: convene rename k7q2m9xa "Harbourside partnership day, spring"
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session's id (as `convene list` shows it)
    pub id: String,
    /// The new title
    pub title: String,
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let id = super::session_id(&args.id)?;
    let title = clean_line(&args.title);
    if title.is_empty() {
        return Err(CliError::new(ExitKind::Usage, "a session needs a title"));
    }
    let mut writing = super::Writing::open_or_there(ctx, &id, "rename it there with E")?;
    let before = clean_line(&writing.loaded.session.title);
    let mut session = writing.loaded.session.clone();
    session.title = title.clone();
    session.updated = crate::clock::now();
    writing.save(&session)?;
    crate::outln!("Renamed “{before}” to “{title}”.");
    Ok(ExitKind::Done)
}
