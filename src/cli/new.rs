//! `convene new`: starts a session and prints its id and file.

use super::{CliError, Context, ExitKind};
use crate::framework::Framework;
use crate::model::{RecordKind, Session, SessionId, carry_over};
use crate::text::clean_line;

/// Start a new session at its first stage.
///
/// Example: convene new ai "Harbourside partnership day"
///
/// Example: convene new ai "Harbourside, six months on" --from k7q2m9xa
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The framework: `ai` (Appreciative Inquiry) or `fgc` (Family Group Conference), or the
    /// id of one of your own
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::frameworks))]
    pub framework: String,
    /// The session's title (kept inside the file, never used as a file name)
    pub title: String,
    /// A follow-up day: carry over the participants, change goals and open agreements of
    /// an earlier session (its id), each marked with where it came from
    #[arg(long, value_name = "ID")]
    pub from: Option<String>,
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
    // The earlier session is written too (each agreement carried on is marked so), so it
    // is taken as any change is: its lock, then a read it may write.
    let mut earlier = match &args.from {
        Some(from) => Some(super::Writing::open(ctx, &super::session_id(from)?)?),
        None => None,
    };
    let mut rng = fastrand::Rng::new();
    let now = crate::clock::now();
    let id = loop {
        let id = SessionId::random(&mut rng);
        if !store.path_of(&id).exists() {
            break id;
        }
    };
    let mut session = Session::new(id, title, &framework.id, framework.first_stage(), now);
    session.take_coordinator(&ctx.coordinator);
    let carried = earlier.as_ref().map(|writing| {
        let mut earlier = writing.loaded.session.clone();
        let counts = carry_over(
            &mut earlier,
            &mut session,
            |kind, was| stage_for(framework, kind, was),
            now,
        );
        (earlier, counts)
    });
    let saved = store.create(&session)?;
    crate::outln!("{}", session.id);
    crate::outln!("{}", saved.path.display());
    if let (Some((earlier, counts)), Some(writing)) = (carried, earlier.as_mut()) {
        if earlier != writing.loaded.session {
            writing.save(&earlier).map_err(|e| {
                e.with_hint(format!(
                    "{} was made, but its agreements are not yet marked as carried on in {}",
                    session.id, earlier.id
                ))
            })?;
        }
        let what: Vec<String> = counts
            .iter()
            .map(|(kind, n)| {
                let open = if *kind == RecordKind::Agreement {
                    "open "
                } else {
                    ""
                };
                let noun = if *n == 1 { kind.label() } else { kind.plural() };
                format!("{n} {open}{noun}")
            })
            .collect();
        let what = if what.is_empty() {
            "nothing to carry (no topic, participants, change goals or open agreements)".to_owned()
        } else {
            what.join(", ")
        };
        crate::outln!(
            "Carried over from “{}” ({}): {what}.",
            clean_line(&earlier.title),
            earlier.id
        );
    }
    Ok(ExitKind::Done)
}

/// The stage a carried record joins: the one it was in, if this framework has it and it
/// gathers that kind; else the first stage that gathers the kind; else the first stage.
fn stage_for(framework: &Framework, kind: RecordKind, was: &str) -> String {
    let gathers = |s: &&crate::framework::Stage| s.captures.contains(&kind);
    framework
        .stage(was)
        .filter(gathers)
        .or_else(|| framework.stages.iter().find(gathers))
        .map_or_else(|| framework.first_stage().to_owned(), |s| s.key.clone())
}
