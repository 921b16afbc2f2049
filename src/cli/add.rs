//! `convene add`: one record added to a session from the command line, its fields as named options, in one save.

use super::{CliError, Context, ExitKind};
use crate::app::form::{Form, Input, Name};
use crate::describe::Field;
use crate::model::{RecordKind, Session};
use crate::text::clean_line;
use clap::{Arg, ArgMatches, Command};

/// Add one record to a session: a participant, a plan item, information, a question, a
/// note (or any kind the session's stages gather). Each field is a named option, the
/// same fields the app's form asks for; a field the kind does not have is refused with
/// the list of its fields. Refused while a convene window has the session open.
///
/// Example: convene add k7q2m9xa participant "Sam" --relationship aunt --side family
///
/// Example: convene add k7q2m9xa plan-item "Sam does the school run on Mondays" --who Sam --by-when 2027-01-15 --checked-by Nan
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session's id (as `convene list` shows it)
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::session_ids))]
    pub id: String,
    /// What to add: participant, plan-item, information, question, note, strength, dream,
    /// design-statement, agreement, …
    pub kind: String,
    /// The record's main words: a participant's name, what a plan item says will happen,
    /// the information, the question, the note
    pub words: Option<String>,
    /// The main words as an option instead (--name, --what, --text)
    #[arg(long = "words", visible_aliases = ["name", "what", "text"], value_name = "TEXT", conflicts_with = "words")]
    pub words_option: Option<String>,
    /// The stage it joins, by key or name [default: the session's stage if it gathers this
    /// kind, else the first stage that does]
    #[arg(long, value_name = "STAGE")]
    pub stage: Option<String>,
    /// Print the record made as JSON (the same fields as in the file)
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub fields: FieldArgs,
}

/// The fields given as options, in [`Field::ALL`] order: one option for each field some
/// record's form asks for, named by its column (`--checked-by`).
#[derive(Debug, Default)]
pub struct FieldArgs {
    pub given: Vec<(Field, String)>,
}

/// The fields some kind's form asks for (a conference's or a workshop's), in
/// [`Field::ALL`] order: the options `add` offers.
pub fn offered() -> Vec<Field> {
    let mut named = Vec::new();
    for kind in RecordKind::ALL {
        for workshop in [false, true] {
            for field in Form::new_in(kind, None, workshop).fields {
                if let Some(Name::Of(f)) = field.name {
                    named.push(f);
                }
            }
        }
    }
    Field::ALL
        .into_iter()
        .filter(|f| named.contains(f))
        .collect()
}

/// A field's option, without its dashes: its column with `-` for `_` ("checked-by").
pub fn option_name(field: Field) -> String {
    field.column().replace('_', "-")
}

/// Other names people use for a field's option.
fn aliases(field: Field) -> &'static [&'static str] {
    match field {
        Field::Due => &["by-when", "by"],
        Field::Organisation => &["organization"],
        _ => &[],
    }
}

impl clap::FromArgMatches for FieldArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut made = Self::default();
        made.update_from_arg_matches(matches)?;
        Ok(made)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        for field in offered() {
            if let Some(value) = matches.get_one::<String>(field.column()) {
                self.given.retain(|(f, _)| *f != field);
                self.given.push((field, value.clone()));
            }
        }
        Ok(())
    }
}

impl clap::Args for FieldArgs {
    fn augment_args(cmd: Command) -> Command {
        offered().into_iter().fold(cmd, |cmd, field| {
            let long: &'static str = Box::leak(option_name(field).into_boxed_str());
            cmd.arg(
                Arg::new(field.column())
                    .long(long)
                    .visible_aliases(aliases(field).iter().copied())
                    .value_name("VALUE")
                    .help(crate::text::capitalised(field.label()))
                    .help_heading("Fields (each kind takes its own)"),
            )
        })
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        Self::augment_args(cmd)
    }
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let id = super::session_id(&args.id)?;
    let kind = kind_named(&args.kind)?;
    let mut writing = super::Writing::open(ctx, &id)?;
    let mut session = writing.loaded.session.clone();
    let today = crate::clock::now().to_offset(ctx.offset).date();
    let form = filled_form(&session, kind, &args)?;
    let body = form.build(today).map_err(|(at, problem)| {
        let label = form.fields.get(at).map_or("", |f| f.label.as_ref());
        CliError::new(ExitKind::Usage, format!("{label}: {problem}")).with_hint("nothing was added")
    })?;
    let stage = stage_for(ctx, &session, kind, args.stage.as_deref())?;
    let now = crate::clock::now();
    let made = session.add(&stage.key, body, now);
    writing.save(&session)?;
    let record = session
        .record(made)
        .ok_or_else(|| CliError::new(ExitKind::Storage, "the record made was not kept"))?;
    if args.json {
        crate::outln!("{}", super::json(record)?);
    } else {
        crate::outln!(
            "Added {} {made} “{}” to {} in “{}”.",
            kind.label(),
            clean_line(record.body.text()),
            clean_line(&stage.name),
            clean_line(&session.title)
        );
    }
    Ok(ExitKind::Done)
}

/// The kind's form (a workshop's participant is a person in the room), filled in with the
/// words and fields given; a field the kind has not, or a choice it does not offer, is
/// refused with what it takes.
fn filled_form(session: &Session, kind: RecordKind, args: &Args) -> Result<Form, CliError> {
    let mut form = Form::new_in(kind, None, !session.is_conference());
    let words = args.words.as_deref().or(args.words_option.as_deref());
    if let Some(words) = words {
        set(&mut form, Name::Words, words)?;
    }
    for (field, value) in &args.fields.given {
        if form.at(Name::Of(*field)).is_none() {
            let its: Vec<String> = form
                .fields
                .iter()
                .filter_map(|f| match f.name {
                    Some(Name::Of(f)) => Some(format!("--{}", option_name(f))),
                    _ => None,
                })
                .collect();
            let hint = if its.is_empty() {
                format!("{} has only its words", kind.with_article())
            } else {
                format!("its fields are: {}", its.join(", "))
            };
            return Err(CliError::new(
                ExitKind::Usage,
                format!(
                    "{} has no field “{}”",
                    kind.with_article(),
                    option_name(*field)
                ),
            )
            .with_hint(hint));
        }
        set(&mut form, Name::Of(*field), value)?;
        // A reason for being outside the child's safe network marks them outside it.
        if *field == Field::OutsideSafeNetwork
            && !value.trim().is_empty()
            && let Some(Input::Choice { selected, .. }) = form
                .at(Name::InSafeNetwork)
                .and_then(|at| form.fields.get_mut(at))
                .map(|f| &mut f.input)
        {
            *selected = 1;
        }
    }
    Ok(form)
}

/// Types `value` into the field named `name`, or chooses the option it names (its words,
/// or the start of them when only one option starts so).
fn set(form: &mut Form, name: Name, value: &str) -> Result<(), CliError> {
    let Some(field) = form.at(name).and_then(|at| form.fields.get_mut(at)) else {
        return Ok(());
    };
    match &mut field.input {
        Input::Text { area, .. } => **area = crate::app::form::input(value),
        Input::Choice { options, selected } => {
            let typed = value.trim().replace(['-', '_'], " ").to_lowercase();
            let exact = options.iter().position(|o| o.to_lowercase() == typed);
            let starting: Vec<usize> = (0..options.len())
                .filter(|i| options[*i].to_lowercase().starts_with(&typed))
                .collect();
            *selected = match (exact, starting.as_slice()) {
                (Some(at), _) => at,
                (None, [only]) if !typed.is_empty() => *only,
                _ => {
                    let known: Vec<String> = options.iter().map(|o| format!("“{o}”")).collect();
                    return Err(CliError::new(
                        ExitKind::Usage,
                        format!(
                            "{} cannot be “{}”",
                            field.label.to_lowercase(),
                            clean_line(value)
                        ),
                    )
                    .with_hint(format!("choose one of: {}", known.join(", "))));
                }
            };
        }
    }
    Ok(())
}

/// The stage the record joins: the one asked for, if it gathers the kind; else the
/// session's stage if it does; else the first stage that does.
fn stage_for<'a>(
    ctx: &'a Context,
    session: &Session,
    kind: RecordKind,
    asked: Option<&str>,
) -> Result<&'a crate::framework::Stage, CliError> {
    if let Some(asked) = asked {
        return super::import::stage_gathering(ctx, &session.framework, asked, kind);
    }
    let framework = ctx.frameworks.get(&session.framework).ok_or_else(|| {
        CliError::new(
            ExitKind::Unreadable,
            format!("the framework {:?} is not known here", session.framework),
        )
    })?;
    let gathers = |s: &&crate::framework::Stage| s.captures.contains(&kind);
    framework
        .stage(&session.stage)
        .filter(gathers)
        .or_else(|| framework.stages.iter().find(gathers))
        .ok_or_else(|| {
            CliError::new(
                ExitKind::Usage,
                format!("{} keeps no {}", framework.name, kind.plural()),
            )
            .with_hint("nothing was added")
        })
}

/// A kind as typed: its label with `-` or `_` for spaces, or its first word when no other
/// kind's label starts with it ("information").
fn kind_named(typed: &str) -> Result<RecordKind, CliError> {
    let words = typed.trim().replace(['-', '_'], " ").to_lowercase();
    let starting: Vec<RecordKind> = RecordKind::ALL
        .into_iter()
        .filter(|k| k.label().starts_with(&words) && !words.is_empty())
        .collect();
    match starting.as_slice() {
        [only] => Ok(*only),
        _ => super::import::kind_named(typed),
    }
}
