//! `convene lint`: the strengths-language lens over a whole session.

use super::{CliError, Context, ExitKind};
use crate::lens::Lens;
use crate::text::clean_line;

/// List the lens's suggestions for everything written in a session (the title, the
/// conference's key facts and outcome, every record's words and fields, check-in notes),
/// each with where it is. It changes nothing: the room's words are theirs. Exits 1 when
/// there are suggestions.
///
/// Example: convene lint p3f8h2kd
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session's id (as `convene list` shows it)
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::session_ids))]
    pub id: String,
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let id = super::session_id(&args.id)?;
    let loaded = crate::store::Store::at(&ctx.dir).load(&id)?;
    let session = &loaded.session;
    let lens = Lens::embedded();
    let mut count = 0;
    let texts = crate::describe::written(session).into_iter().map(|w| {
        let record = w
            .record
            .map(|(id, stage)| format!("{id} ({})", ctx.stage_name(&session.framework, &stage)));
        let place = match record {
            Some(record) if w.place.is_empty() => record,
            Some(record) => format!("{record} {}", w.place),
            None => w.place,
        };
        (place, w.text)
    });
    for (place, text) in texts {
        for s in lens.check(&text) {
            count += 1;
            let blame = if s.blames_child {
                " [blames the child]"
            } else {
                ""
            };
            let instead = match (&s.alternative, &s.question) {
                (Some(words), _) => format!("“{words}”"),
                (None, question) => format!("ask: {}", question.as_deref().unwrap_or("")),
            };
            crate::outln!(
                "{place}: “{}” → {instead}{blame}: {}",
                clean_line(&s.found),
                s.reason
            );
        }
    }
    // Not the lens's, but a reader's safety: a task held by someone kept apart.
    for task in session.tasks_kept_apart() {
        count += 1;
        crate::outln!(
            "{} ({}): {}",
            task.record,
            ctx.stage_name(
                &session.framework,
                &session
                    .record(task.record)
                    .map_or_else(String::new, |r| r.stage.clone())
            ),
            clean_line(&task.to_string())
        );
    }
    if count == 0 {
        crate::outln!("No suggestions: the words in this session build people up.");
        Ok(ExitKind::Done)
    } else {
        crate::errln!(
            "{count} suggestion{} (nothing was changed).",
            if count == 1 { "" } else { "s" }
        );
        Ok(ExitKind::ProblemsFound)
    }
}
