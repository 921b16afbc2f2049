//! `convene new`: starts a session and prints its id and file.

use super::{CliError, Context, ExitKind};
use crate::model::{Session, SessionId};
use crate::text::clean_line;

/// Start a new session at its first stage.
///
/// Example: convene new ai "Harbourside partnership day"
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The framework: `ai` (Appreciative Inquiry) or `fgc` (Family Group Conference), or the
    /// id of one of your own
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::frameworks))]
    pub framework: String,
    /// The session's title (kept inside the file, never used as a file name)
    pub title: String,
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let framework = ctx.frameworks.get(&args.framework).ok_or_else(|| {
        let known: Vec<&str> = ctx
            .frameworks
            .all
            .iter()
            .map(|f| f.short.as_str())
            .collect();
        CliError::new(
            ExitKind::Usage,
            format!("there is no framework called {:?}", args.framework),
        )
        .with_hint(format!("choose one of: {}", known.join(", ")))
    })?;
    let title = clean_line(&args.title);
    if title.is_empty() {
        return Err(CliError::new(ExitKind::Usage, "a session needs a title"));
    }
    let store = ctx.store()?;
    let mut rng = fastrand::Rng::new();
    let now = time::OffsetDateTime::now_utc();
    let id = loop {
        let id = SessionId::random(&mut rng);
        if !store.path_of(&id).exists() {
            break id;
        }
    };
    let session = Session::new(id, title, &framework.id, framework.first_stage(), now);
    let saved = store.create(&session)?;
    crate::outln!("{}", session.id);
    crate::outln!("{}", saved.path.display());
    Ok(ExitKind::Done)
}
