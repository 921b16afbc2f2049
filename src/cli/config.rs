//! `convene config`: where the settings file is, and a commented example to start from.

use super::{CliError, Context, ExitKind};

/// Settings: the theme, the sessions folder, the review interval, minutes per stage.
///
/// Example: convene config path
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Print where the settings file is (whether or not it exists yet)
    Path,
    /// Check the settings file and say what is wrong, with line and column
    Check,
    /// Write a commented example settings file, if there is none
    Init,
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let path = ctx.config_path.clone().ok_or_else(|| {
        CliError::new(
            ExitKind::Storage,
            "this system has no config folder; use --config FILE",
        )
    })?;
    match args.action {
        Action::Path => crate::outln!("{}", path.display()),
        Action::Check => match crate::config::load(&path) {
            Ok(_) if path.exists() => crate::outln!("{} reads well.", path.display()),
            Ok(_) => crate::outln!(
                "There is no settings file yet at {}; the defaults apply.",
                path.display()
            ),
            Err(problem) => {
                crate::outln!("{problem}");
                return Ok(ExitKind::ProblemsFound);
            }
        },
        Action::Init => {
            if let Some(folder) = path.parent() {
                std::fs::create_dir_all(folder).map_err(|e| {
                    CliError::new(
                        ExitKind::Storage,
                        format!(
                            "could not create {}: {}",
                            folder.display(),
                            crate::plain::io(&e)
                        ),
                    )
                })?;
            }
            crate::store::atomic_create(&path, crate::config::EXAMPLE.as_bytes(), None).map_err(
                |e| {
                    if e.kind() == std::io::ErrorKind::AlreadyExists {
                        return CliError::new(
                            ExitKind::Usage,
                            format!("{} already exists; nothing was overwritten", path.display()),
                        );
                    }
                    CliError::new(
                        ExitKind::Storage,
                        format!(
                            "could not write {}: {}",
                            path.display(),
                            crate::plain::io(&e)
                        ),
                    )
                },
            )?;
            crate::outln!("Wrote {}", path.display());
        }
    }
    Ok(ExitKind::Done)
}
