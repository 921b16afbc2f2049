//! `convene list`: one line per session, newest first.

use super::{CliError, Context, ExitKind};
use crate::model::timefmt::format_short;
use crate::text::clean_line;

/// List every session in the folder: id, framework, current stage, last change, title.
///
/// Example: convene list --dir ~/workshops
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let store = crate::store::Store::at(&ctx.dir);
    let mut rows = Vec::new();
    let mut unreadable = Vec::new();
    for listing in store.list()? {
        match listing.session {
            Ok(s) => rows.push(s),
            Err(e) => unreadable.push(e),
        }
    }
    rows.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
    if rows.is_empty() && unreadable.is_empty() {
        println!("No sessions yet in {}.", ctx.dir.display());
        println!("Start one with: convene new ai \"TITLE\"  (or fgc)");
        return Ok(ExitKind::Done);
    }
    for s in &rows {
        let framework = ctx
            .frameworks
            .get(&s.framework)
            .map_or(s.framework.as_str(), |f| f.short.as_str());
        println!(
            "{:<10} {:<4} {:<20} {}  {}",
            s.id,
            framework,
            clean_line(ctx.stage_name(&s.framework, &s.stage)),
            format_short(s.updated.to_offset(ctx.offset)),
            clean_line(&s.title),
        );
    }
    for e in &unreadable {
        eprintln!("convene: left out, could not be read: {e}");
    }
    Ok(ExitKind::Done)
}
