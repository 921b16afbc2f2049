//! The `convene` binary: parses the command line and runs a subcommand or the app.
#![forbid(unsafe_code)]

use clap::Parser;
use convene::cli::{self, Cli, Context};
use std::process::ExitCode;

fn main() -> ExitCode {
    // Read the local offset first, while the process has one thread (the `time` crate
    // refuses to read it later on some platforms).
    let offset = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
    // With COMPLETE set, the shell is asking what to offer: answer and exit.
    cli::answer_the_shell();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // A usage error quotes what was typed: it reaches the terminal cleaned.
        Err(e) if e.use_stderr() => {
            convene::text::print_err(&convene::text::clean(&e.render().to_string()));
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
        Err(e) => e.exit(),
    };
    let result = Context::from_cli(&cli, offset).and_then(|ctx| match cli.command {
        Some(command) => cli::run(command, &ctx),
        None => convene::tui::run(&ctx)
            .map(|()| cli::ExitKind::Done)
            .map_err(cli::CliError::from),
    });
    // What was printed and could not be written (a full disk under `> file`) is a failure
    // too; a reader that closed the pipe early is not (see `text::write_out`).
    let result = result.and_then(|kind| match convene::text::unwritten() {
        Some(why) => Err(cli::CliError::new(
            cli::ExitKind::Storage,
            format!("what was printed could not all be written: {why}"),
        )),
        None => Ok(kind),
    });
    match result {
        Ok(kind) => kind.into(),
        Err(e) => {
            convene::errln!("convene: {}", e.message);
            if let Some(hint) = e.hint {
                convene::errln!("  hint: {hint}");
            }
            ExitCode::from(e.kind.code())
        }
    }
}
