//! `convene rename`: gives a session a new title inside its own file, saved atomically.

use super::{CliError, Context, ExitKind};
use crate::store::{Store, try_lock};
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
    let store = Store::at(&ctx.dir);
    let loaded = store.load(&id)?;
    if let Some(reason) = &loaded.read_only {
        return Err(CliError::new(
            ExitKind::Storage,
            format!("the session was left as it is: {reason}"),
        ));
    }
    let refused = |words: String| CliError::new(ExitKind::Storage, words);
    let Some(_lock) = try_lock(&loaded.path).map_err(|e| refused(e.to_string()))? else {
        return Err(refused(
            "the session is open in a convene window; rename it there with E".to_owned(),
        ));
    };
    let before = clean_line(&loaded.session.title);
    let mut session = loaded.session;
    session.title = title.clone();
    session.updated = time::OffsetDateTime::now_utc();
    store.save(&loaded.path, &session, loaded.fingerprint)?;
    crate::outln!("Renamed “{before}” to “{title}”.");
    Ok(ExitKind::Done)
}
