//! `convene completions`: shell completion scripts, generated from the command definitions.

use super::{Cli, CliError, Context, ExitKind};
use clap::CommandFactory;

/// Print a completion script for your shell.
///
/// Example: convene completions bash > ~/.local/share/bash-completion/completions/convene
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(args: Args, _ctx: &Context) -> Result<ExitKind, CliError> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "convene", &mut std::io::stdout());
    Ok(ExitKind::Done)
}
