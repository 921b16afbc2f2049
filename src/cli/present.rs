//! `convene present`: the room's screen, following a session as the facilitator saves.

use super::{CliError, Context, ExitKind};

/// Show a session to the room on a second screen (a projector, a shared screen on a call,
/// a second laptop on a synced folder): the stage's name large, its timer, its prompt and
/// the newest words, kept up to date as the facilitator saves. It only reads: it takes no
/// lock and never writes. In private family time it shows only the stage's name.
///
/// Example: convene present k7q2m9xa
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session's id (as `convene list` shows it)
    pub id: String,
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let id = super::session_id(&args.id)?;
    crate::tui::present(ctx, &id)
        .map(|()| ExitKind::Done)
        .map_err(CliError::from)
}
