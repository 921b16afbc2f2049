//! `convene show`: a session printed readably, stage by stage.

use super::{CliError, Context, ExitKind};
use crate::model::timefmt::format_short;
use crate::model::{Record, Session};
use crate::text::clean_line;
use std::fmt::Write;

/// Print a session stage by stage, with what each record builds on.
///
/// Example: convene show k7q2m9xa
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session's id (as `convene list` shows it)
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::session_ids))]
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
        // Today read once, for the overdue marks.
        let today = crate::clock::now().to_offset(ctx.offset).date();
        crate::out!("{}", render(&loaded.session, ctx, today));
    }
    Ok(ExitKind::Done)
}

/// The session as JSON, every field of its file.
pub fn session_json(session: &Session) -> serde_json::Result<String> {
    serde_json::to_string_pretty(session)
}

/// The session as text, stage by stage, as of `today` (a commitment past its date is
/// marked overdue).
pub fn render(session: &Session, ctx: &Context, today: time::Date) -> String {
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
    let facts = |out: &mut String, heading: &str, pairs: Vec<(&str, String)>| {
        if !pairs.is_empty() {
            let _ = writeln!(out, "\n{heading}");
            for (label, value) in pairs {
                let _ = writeln!(out, "  {label}: {}", clean_line(&value));
            }
        }
    };
    // Where records came from (an earlier day, a survey file), said once for all of them.
    for (origin, count) in origins(session) {
        let records = if count == 1 {
            "1 record"
        } else {
            &format!("{count} records")
        };
        let _ = writeln!(out, "came from {}: {records}", clean_line(origin));
    }
    if let Some(c) = &session.conference {
        facts(
            &mut out,
            "The conference",
            crate::describe::conference_facts(c),
        );
    }
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
            let _ = writeln!(out, "  {}", describe(record, session, today));
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
    if let Some(c) = &session.conference {
        facts(
            &mut out,
            "The outcome",
            crate::describe::conference_outcome(c),
        );
    }
    out
}

/// One record: its id, its words and its fields on one line (and the overdue mark, once
/// its date has passed), then what it links to and its check-ins, each indented under it.
pub fn describe(record: &Record, session: &Session, today: time::Date) -> String {
    let d = crate::describe::describe(record, session);
    let mut out = format!("{} {}", d.id, d.headline());
    // Where it came from was said once at the top; here only which one it was there.
    let fields: Vec<String> = d
        .fields
        .iter()
        .map(|(field, value)| match field {
            crate::describe::Field::Source => {
                format!("{}: {}", field.label(), origin(value).1)
            }
            _ => format!("{}: {value}", field.label()),
        })
        .collect();
    if !fields.is_empty() {
        let _ = write!(out, "  ({})", fields.join("; "));
    }
    if let Some(overdue) = crate::describe::overdue_words(record, session, today) {
        let _ = write!(out, "  {overdue}");
    }
    for (relation, named) in d.link_groups() {
        let _ = write!(out, "\n      {} {}", relation.label(), named.join("; "));
    }
    for checkin in &d.checkins {
        let _ = write!(out, "\n      check-in {checkin}");
    }
    out
}

/// A record's source split into where it came from and which one it was there:
/// ("“Harbour day” (k7q2m9xa)", "#19"), ("consultation.csv", "row 5").
fn origin(source: &str) -> (&str, &str) {
    source.rsplit_once(", ").unwrap_or((source, source))
}

/// Each place the session's records came from, once, with how many came from it, in the
/// order first met.
fn origins(session: &Session) -> Vec<(&str, usize)> {
    let mut found: Vec<(&str, usize)> = Vec::new();
    for source in session.records.iter().filter_map(|r| r.source.as_deref()) {
        let (from, _) = origin(source);
        match found.iter_mut().find(|(f, _)| *f == from) {
            Some((_, n)) => *n += 1,
            None => found.push((from, 1)),
        }
    }
    found
}
