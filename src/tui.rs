//! The terminal app: sets up the terminal, runs the loop, and always restores it.

use crate::cli::{CliError, Context, ExitKind};

/// Opens the app on the sessions folder.
pub fn run(ctx: &Context) -> Result<ExitKind, CliError> {
    let _ = ctx;
    Err(CliError::new(ExitKind::Usage, "the app is not built yet"))
}
