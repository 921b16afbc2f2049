//! `convene theme`: a session's themes, and renaming one on every record that has it (a theme already there merges), saved atomically.

use super::{CliError, Context, ExitKind};
use crate::store::Store;
use crate::text::clean_line;

/// List a session's themes, or rename one on every strength and dream that has it:
/// naming a theme already there merges the two, whatever the case. A session open in a
/// convene window is changed there (G on a record with the theme), not here.
///
/// Example: convene theme k7q2m9xa --rename housing "Homes and housing"
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session's id (as `convene list` shows it)
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::session_ids))]
    pub id: String,
    /// Rename the theme OLD (any case) to NEW on every record that has it
    #[arg(long, num_args = 2, value_names = ["OLD", "NEW"])]
    pub rename: Option<Vec<String>>,
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let id = super::session_id(&args.id)?;
    let store = Store::at(&ctx.dir);
    let loaded = store.load(&id)?;
    let Some([old, new]) = args.rename.as_deref() else {
        let themes = loaded.session.themes();
        if themes.is_empty() {
            crate::outln!("No themes yet: g on a strength or a dream gives it one.");
        }
        for theme in themes {
            let count = loaded.session.theme_count(&theme);
            let records = if count == 1 { "record" } else { "records" };
            crate::outln!("{} ({count} {records})", clean_line(&theme));
        }
        return Ok(ExitKind::Done);
    };
    let (old, new) = (clean_line(old), clean_line(new));
    if new.is_empty() {
        return Err(CliError::new(ExitKind::Usage, "a theme needs a name"));
    }
    if loaded.session.theme_count(&old) == 0 {
        // The session is there; the command line named a theme it does not have.
        return Err(CliError::new(
            ExitKind::Usage,
            format!("no strength or dream has the theme “{old}”"),
        )
        .with_hint("`convene theme ID` lists the themes in use"));
    }
    let old = loaded.session.theme_spelling(&old).unwrap_or(old);
    drop(loaded);
    let mut writing = super::Writing::open_or_there(ctx, &id, "rename the theme there with G")?;
    let mut session = writing.loaded.session.clone();
    let renamed = session.rename_theme(&old, &new);
    let words = crate::describe::theme_renamed(&old, renamed.as_ref());
    if renamed.is_some_and(|r| r.records > 0) {
        session.updated = crate::clock::now();
        writing.save(&session)?;
    }
    crate::outln!("{words}");
    Ok(ExitKind::Done)
}
