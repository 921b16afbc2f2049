//! `convene close` and `convene reopen`: a conference's closure, for scripts, saved safely.

use super::{CliError, Context, ExitKind};
use crate::model::timefmt::parse_date;
use crate::model::{Closure, ClosureReason, Conference, REASON_KINDS};

/// Close a Family Group Conference, with a reason: nothing is due from it after.
///
/// The reason is one of plan-working, withdrew, referred-back, moved, or any other words.
///
/// Example: convene close k7q2m9xa --reason withdrew --date 2026-11-20
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session's id (as `convene list` shows it)
    pub id: String,
    /// plan-working, withdrew, referred-back, moved, or the reason in words
    #[arg(long, value_name = "TEXT|KIND")]
    pub reason: String,
    /// The day it closed (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

/// Reopen a closed conference: its dates are due again.
///
/// Example: convene reopen k7q2m9xa
#[derive(Debug, clap::Args)]
pub struct ReopenArgs {
    /// The session's id (as `convene list` shows it)
    pub id: String,
}

pub fn close(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let now = crate::clock::now();
    let date = match &args.date {
        Some(text) => parse_date(text).ok_or_else(|| {
            CliError::new(
                ExitKind::Usage,
                format!("“{text}” is not a date; write it as YYYY-MM-DD"),
            )
        })?,
        None => now.to_offset(ctx.offset).date(),
    };
    let reason = ClosureReason::from_words(&crate::text::clean_line(&args.reason));
    if reason == ClosureReason::Other(String::new()) {
        return Err(
            CliError::new(ExitKind::Usage, "a closure needs a reason").with_hint(format!(
                "one of {}, or a few words",
                REASON_KINDS.join(", ")
            )),
        );
    }
    let closure = Closure { date, reason };
    let said = closure.describe();
    change(&args.id, ctx, now, |c| {
        let was = c.closed.replace(closure).map(|c| c.describe());
        match was {
            Some(was) => format!("Closed {said} (it was closed {was})."),
            None => format!("Closed {said}. Nothing is due from it now."),
        }
    })
}

pub fn reopen(args: ReopenArgs, ctx: &Context) -> Result<ExitKind, CliError> {
    let now = crate::clock::now();
    change(&args.id, ctx, now, |c| match c.closed.take() {
        Some(was) => format!(
            "Reopened (it was closed {was}): its dates are due again.",
            was = was.describe()
        ),
        None => "It is open already; nothing changed.".to_owned(),
    })
}

/// Changes a conference's closure under its lock, saves it through the store, and says
/// what changed. Refused while the session is open in the app.
fn change(
    id: &str,
    ctx: &Context,
    now: time::OffsetDateTime,
    f: impl FnOnce(&mut Conference) -> String,
) -> Result<ExitKind, CliError> {
    let id = super::session_id(id)?;
    let mut writing = super::Writing::open(ctx, &id)?;
    if !ctx
        .frameworks
        .get(&writing.loaded.session.framework)
        .is_some_and(|f| f.conference)
    {
        return Err(CliError::new(
            ExitKind::Usage,
            "only a Family Group Conference is closed or reopened",
        ));
    }
    let mut session = writing.loaded.session.clone();
    let before = session.conference.clone();
    let words = f(session.conference.get_or_insert_with(Conference::default));
    if before.is_none() && session.conference == Some(Conference::default()) {
        session.conference = None;
    }
    if session.conference != before {
        session.updated = now;
        writing.save(&session)?;
    }
    crate::outln!("{}", words);
    Ok(ExitKind::Done)
}
