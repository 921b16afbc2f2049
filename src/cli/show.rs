//! `convene show`: a session printed readably, stage by stage.

use super::{CliError, Context, ExitKind};
use crate::model::timefmt::{format_date, format_short};
use crate::model::{Invitation, Record, RecordBody, RecordId, Session, link_target};
use crate::text::clean_line;
use std::fmt::Write;

/// Print a session stage by stage, with what each record builds on.
///
/// Example: convene show k7q2m9xa
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session's id (as `convene list` shows it)
    pub id: String,
    /// Print the whole session as JSON (the same fields as its file)
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let id = super::session_id(&args.id)?;
    let loaded = crate::store::Store::at(&ctx.dir).load(&id)?;
    if let Some(reason) = &loaded.read_only {
        crate::errln!("convene: note: {reason}; nothing is written to it");
    }
    if args.json {
        crate::outln!("{}", super::json(&loaded.session)?);
    } else {
        crate::out!("{}", render(&loaded.session, ctx));
    }
    Ok(ExitKind::Done)
}

/// The session as text, stage by stage.
pub fn render(session: &Session, ctx: &Context) -> String {
    let mut out = String::new();
    let framework = ctx.frameworks.get(&session.framework);
    let _ = writeln!(out, "{}", clean_line(&session.title));
    let _ = writeln!(
        out,
        "{} · {} · now at {} · updated {}",
        clean_line(session.id.as_str()),
        clean_line(ctx.framework_name(&session.framework)),
        clean_line(ctx.stage_name(&session.framework, &session.stage)),
        format_short(session.updated.to_offset(ctx.offset)),
    );
    let mut stages: Vec<(String, String, String)> = framework
        .map(|f| {
            f.stages
                .iter()
                .map(|s| (s.key.clone(), s.symbol.clone(), s.name.clone()))
                .collect()
        })
        .unwrap_or_default();
    // Records in stages the framework does not know are still shown.
    for r in &session.records {
        if !stages.iter().any(|(k, _, _)| *k == r.stage) {
            stages.push((r.stage.clone(), "·".into(), clean_line(&r.stage)));
        }
    }
    for (key, symbol, name) in &stages {
        let marker = if *key == session.stage {
            "  ◀ now"
        } else if session.stage_finished(key) {
            "  ✓"
        } else {
            ""
        };
        let _ = writeln!(out, "\n{symbol} {name}{marker}");
        let mut any = false;
        for record in session.records_in(key) {
            any = true;
            let _ = writeln!(out, "  {}", describe(record, session));
        }
        let captures = framework
            .and_then(|f| f.stage(key))
            .is_none_or(|s| !s.captures.is_empty());
        if !any && captures {
            let _ = writeln!(out, "  (nothing captured yet)");
        } else if !captures {
            let _ = writeln!(
                out,
                "  (this stage belongs to the family; nothing is written here)"
            );
        }
    }
    out
}

/// One record on one line: its id, its words, and its details.
pub fn describe(record: &Record, session: &Session) -> String {
    let text = clean_line(record.body.text());
    let mut line = format!("{} {}", record.id, text);
    let mut details: Vec<String> = Vec::new();
    match &record.body {
        RecordBody::Strength(s) => {
            details.push(s.kind.label().into());
            if let Some(theme) = &s.theme {
                details.push(format!("theme: {}", clean_line(theme)));
            }
        }
        RecordBody::Agreement(a) => {
            details.push(format!("owner: {}", clean_line(&a.owner)));
            if let Some(due) = a.due {
                details.push(format!("due {}", format_date(due)));
            }
            details.push(a.status.label().into());
        }
        RecordBody::PlanItem(p) => {
            details.push(format!("who: {}", clean_line(&p.who)));
            if let Some(due) = p.by_when {
                details.push(format!("by {}", format_date(due)));
            }
            if !p.support.is_empty() {
                details.push(format!("support: {}", clean_line(&p.support)));
            }
            details.push(p.status.label().into());
        }
        RecordBody::Participant(p) => {
            details.push(clean_line(&p.relationship));
            details.push(p.side.label().into());
            details.push(match &p.invitation {
                Invitation::NotInvited(reason) => format!("not invited: {}", clean_line(reason)),
                other => other.label().into(),
            });
            if let Some(language) = &p.needs.interpreter {
                details.push(format!("interpreter: {}", clean_line(language)));
            }
        }
        RecordBody::InformationItem(i) => {
            details.push(i.kind.label().into());
            if let Some(giver) = i.giver {
                details.push(format!("from {}", name_of(session, giver)));
            }
        }
        RecordBody::Question(q) => {
            if let Some(answer) = &q.answer {
                details.push(format!("answer: {}", clean_line(answer)));
            }
            if let Some(by) = q.answered_by {
                details.push(format!("answered by {}", name_of(session, by)));
            }
        }
        _ => {}
    }
    let links = record.body.links();
    if !links.is_empty()
        && matches!(
            link_target(record.body.kind()),
            Some(
                crate::model::RecordKind::Strength
                    | crate::model::RecordKind::Dream
                    | crate::model::RecordKind::DesignStatement
            )
        )
    {
        let ids: Vec<String> = links.iter().map(ToString::to_string).collect();
        details.push(format!("builds on {}", ids.join(", ")));
    }
    if !details.is_empty() {
        let _ = write!(line, "  ({})", details.join("; "));
    }
    line
}

fn name_of(session: &Session, id: RecordId) -> String {
    session
        .record(id)
        .map_or_else(|| id.to_string(), |r| clean_line(r.body.text()))
}
