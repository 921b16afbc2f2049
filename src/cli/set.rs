//! `convene set`: one of a conference's key facts, or a session's title, set from the command line in one save.

use super::{CliError, Context, ExitKind};
use crate::model::timefmt::{format_date, parse_date};
use crate::model::{Conference, Session};
use crate::text::clean_line;

/// Set one of a conference's key facts (the child, the referral, the day, the venue, the
/// coordinator, the review date) or a session's title. An empty value clears a fact.
/// Refused while a convene window has the session open.
///
/// Example: convene set k7q2m9xa referral-date 2026-11-03
///
/// Example: convene set k7q2m9xa coordinator "Priya Shah"
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session's id (as `convene list` shows it)
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::session_ids))]
    pub id: String,
    /// What to set: title, child, referral-date, referrer, date, time, venue, coordinator,
    /// coordinator-phone, coordinator-email, review-date
    pub field: String,
    /// The value (dates as YYYY-MM-DD; "" clears it)
    pub value: String,
}

/// How a conference's fact is read from the words typed and written into it.
enum Fact {
    Text(fn(&mut Conference) -> &mut String),
    Date(fn(&mut Conference) -> &mut Option<time::Date>),
}

/// Every field `set` takes: its name, its words for people, and the conference's fact
/// (`None` for the session's title).
const FIELDS: &[(&str, &str, Option<Fact>)] = &[
    ("title", "the title", None),
    ("child", "the child", Some(Fact::Text(|c| &mut c.child))),
    (
        "referral-date",
        "the referral date",
        Some(Fact::Date(|c| &mut c.referral_date)),
    ),
    (
        "referrer",
        "who referred",
        Some(Fact::Text(|c| &mut c.referrer)),
    ),
    (
        "date",
        "the conference's date",
        Some(Fact::Date(|c| &mut c.date)),
    ),
    (
        "time",
        "the conference's time",
        Some(Fact::Text(|c| &mut c.time)),
    ),
    ("venue", "the venue", Some(Fact::Text(|c| &mut c.venue))),
    (
        "coordinator",
        "the coordinator",
        Some(Fact::Text(|c| &mut c.coordinator.name)),
    ),
    (
        "coordinator-phone",
        "the coordinator's phone",
        Some(Fact::Text(|c| &mut c.coordinator.phone)),
    ),
    (
        "coordinator-email",
        "the coordinator's email",
        Some(Fact::Text(|c| &mut c.coordinator.email)),
    ),
    (
        "review-date",
        "the review date",
        Some(Fact::Date(|c| &mut c.review_date)),
    ),
];

/// Other names people type for a field.
fn canonical(typed: &str) -> String {
    let typed = typed.trim().to_lowercase().replace(['_', ' '], "-");
    match typed.as_str() {
        "conference-date" => "date".to_owned(),
        "conference-time" => "time".to_owned(),
        "coordinator-name" => "coordinator".to_owned(),
        _ => typed,
    }
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let id = super::session_id(&args.id)?;
    let name = canonical(&args.field);
    let Some((name, words, fact)) = FIELDS.iter().find(|(n, _, _)| *n == name) else {
        let names: Vec<&str> = FIELDS.iter().map(|(n, _, _)| *n).collect();
        return Err(CliError::new(
            ExitKind::Usage,
            format!("there is no field “{}” to set", clean_line(&args.field)),
        )
        .with_hint(format!("the fields are: {}", names.join(", "))));
    };
    let value = clean_line(&args.value);
    let date = match fact {
        Some(Fact::Date(_)) if !value.is_empty() => Some(parse_date(&value).ok_or_else(|| {
            CliError::new(
                ExitKind::Usage,
                format!("“{value}” is not a date; write it as YYYY-MM-DD"),
            )
            .with_hint("nothing was changed")
        })?),
        _ => None,
    };
    let mut writing = super::Writing::open(ctx, &id)?;
    let mut session: Session = writing.loaded.session.clone();
    match fact {
        None if value.is_empty() => {
            return Err(CliError::new(ExitKind::Usage, "a session needs a title"));
        }
        None => session.title = value.clone(),
        Some(fact) => {
            // A conference's facts begin with the first one set, its coordinator the
            // settings' default (as the app's key facts do).
            if session.is_conference() && session.conference.is_none() {
                session.take_coordinator(&ctx.coordinator);
                session.conference.get_or_insert_with(Conference::default);
            }
            let Some(conference) = session.conference.as_mut() else {
                return Err(CliError::new(
                    ExitKind::Usage,
                    format!(
                        "{} is not a conference, so it has no {name}",
                        clean_line(&session.title)
                    ),
                )
                .with_hint("a workshop takes only its title here"));
            };
            match fact {
                Fact::Text(of) => *of(conference) = value.clone(),
                Fact::Date(of) => *of(conference) = date,
            }
        }
    }
    session.updated = crate::clock::now();
    writing.save(&session)?;
    let shown = date.map_or_else(|| value.clone(), format_date);
    if shown.is_empty() {
        crate::outln!("Cleared {words} of “{}”.", clean_line(&session.title));
    } else {
        crate::outln!(
            "Set {words} of “{}” to {shown}.",
            clean_line(&session.title)
        );
    }
    Ok(ExitKind::Done)
}
