//! `convene import`: adds the answers in a CSV file to a stage, each marked with its file and row, in one save.

use super::{CliError, Context, ExitKind};
use crate::import::{ImportError, read_answers};
use crate::model::{RecordBody, RecordKind, Voice};
use crate::text::clean_line;
use std::path::PathBuf;

/// Bring in voices gathered beforehand: each answer in a CSV file (a consultation, a
/// survey) becomes a record in a stage, in the words as written, marked with the file and
/// row it came from. The first row names the columns. All the answers are added in one
/// save, or none: a file that cannot be read whole adds nothing.
///
/// Example: convene import k7q2m9xa young-people.csv --stage discovery --voice young-person
///
/// Example: convene import k7q2m9xa survey.csv --stage discovery --column "What helps?" --dry-run
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session's id (as `convene list` shows it)
    pub id: String,
    /// The CSV file (UTF-8, as a spreadsheet saves “CSV UTF-8”)
    pub file: PathBuf,
    /// The stage the answers join, by key or name (e.g. discovery)
    #[arg(long, value_name = "STAGE")]
    pub stage: String,
    /// The column that holds the answers [default: the file's only column]
    #[arg(long, value_name = "NAME")]
    pub column: Option<String>,
    /// What each answer becomes: strength, dream, design-statement, agreement, note, …
    #[arg(long, value_name = "KIND", default_value = "strength")]
    pub kind: String,
    /// Whose voice the answers carry: young-person, parent-or-carer, community-member or
    /// professional
    #[arg(long, value_name = "VOICE")]
    pub voice: Option<String>,
    /// Show what would be added, and add nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let id = super::session_id(&args.id)?;
    let kind = kind_named(&args.kind)?;
    let voice = args.voice.as_deref().map(voice_named).transpose()?;
    if voice.is_some() && RecordBody::empty(kind).tags().is_none() {
        return Err(CliError::new(
            ExitKind::Usage,
            format!("{} carries no voice", kind.with_article()),
        )
        .with_hint("--voice goes with strengths, dreams and agreements"));
    }
    let file_name = args.file.file_name().map_or_else(
        || super::shown(&args.file),
        |n| clean_line(&n.to_string_lossy()),
    );
    let bytes = read_bounded(&args.file)?;
    let read = read_answers(&bytes, args.column.as_deref()).map_err(|e| {
        let kind = match e {
            ImportError::Malformed { .. } => ExitKind::Unreadable,
            ImportError::TooManyRows => ExitKind::Storage,
            _ => ExitKind::Usage,
        };
        CliError::new(kind, format!("{}: {e}", super::shown(&args.file)))
            .with_hint("nothing was added")
    })?;

    // A dry run only reads, so it works while a window has the session open.
    let mut writing = (!args.dry_run)
        .then(|| super::Writing::open(ctx, &id))
        .transpose()?;
    let mut session = match &writing {
        Some(writing) => writing.loaded.session.clone(),
        None => ctx.store()?.load(&id)?.session,
    };
    let stage = stage_gathering(ctx, &session.framework, &args.stage, kind)?;

    let count = read.answers.len();
    let noun = if count == 1 {
        kind.label()
    } else {
        kind.plural()
    };
    let voiced = voice.map_or_else(String::new, |v| format!(" in the voice of a {}", v.label()));
    let title = clean_line(&session.title);
    let skipped = match read.empty {
        0 => String::new(),
        1 => " (1 empty cell left out)".to_owned(),
        n => format!(" ({n} empty cells left out)"),
    };
    if args.dry_run {
        crate::outln!(
            "Would add {count} {noun}{voiced} to {} in “{title}”, from the column “{}” of {file_name}{skipped}:",
            stage.name,
            clean_line(&read.column)
        );
        for answer in &read.answers {
            crate::outln!("  row {}: {}", answer.row, clean_line(&answer.words));
        }
        crate::outln!("Nothing was added: this was a dry run.");
        return Ok(ExitKind::Done);
    }
    if count == 0 {
        crate::outln!(
            "The column “{}” of {file_name} holds no answers{skipped}; nothing was added.",
            clean_line(&read.column)
        );
        return Ok(ExitKind::Done);
    }
    let now = crate::clock::now();
    let bodies = read.answers.into_iter().map(|answer| {
        let mut body = RecordBody::empty(kind);
        *body.text_mut() = answer.words;
        if let (Some(voice), Some(tags)) = (voice, body.tags_mut()) {
            tags.voice = Some(voice);
        }
        (body, Some(format!("{file_name}, row {}", answer.row)))
    });
    let added = session.add_all(&stage.key, bodies, now);
    if let Some(writing) = writing.as_mut() {
        writing.save(&session)?;
    }
    let ids = match (added.first(), added.last()) {
        (Some(first), Some(last)) if first != last => format!("{first} to {last}"),
        (Some(first), _) => first.to_string(),
        _ => String::new(),
    };
    crate::outln!(
        "Added {count} {noun}{voiced} to {} in “{title}” ({ids}), from the column “{}” of {file_name}{skipped}.",
        stage.name,
        clean_line(&read.column)
    );
    Ok(ExitKind::Done)
}

/// The stage of the session's framework called `typed` (its key or name), if it gathers
/// `kind`; else an error naming the stages that do.
pub(super) fn stage_gathering<'a>(
    ctx: &'a Context,
    framework: &str,
    typed: &str,
    kind: RecordKind,
) -> Result<&'a crate::framework::Stage, CliError> {
    let framework = ctx.frameworks.get(framework).ok_or_else(|| {
        CliError::new(
            ExitKind::Unreadable,
            format!("the framework {framework:?} is not known here"),
        )
    })?;
    let stage = framework
        .stages
        .iter()
        .find(|s| s.key.eq_ignore_ascii_case(typed) || s.name.eq_ignore_ascii_case(typed))
        .ok_or_else(|| {
            let keys: Vec<&str> = framework.stages.iter().map(|s| s.key.as_str()).collect();
            CliError::new(
                ExitKind::Usage,
                format!("{} has no stage called {typed:?}", framework.name),
            )
            .with_hint(format!("its stages are: {}", keys.join(", ")))
        })?;
    if stage.captures.contains(&kind) {
        return Ok(stage);
    }
    let gathering: Vec<&str> = framework
        .stages
        .iter()
        .filter(|s| s.captures.contains(&kind))
        .map(|s| s.key.as_str())
        .collect();
    let hint = if gathering.is_empty() {
        format!("{} keeps no {}", framework.name, kind.plural())
    } else {
        format!(
            "{} are gathered in: {}",
            kind.plural(),
            gathering.join(", ")
        )
    };
    Err(CliError::new(
        ExitKind::Usage,
        format!("{} does not gather {}", stage.name, kind.plural()),
    )
    .with_hint(hint))
}

/// A record kind as typed: its label, with `-` or `_` for spaces ("design-statement").
pub(super) fn kind_named(typed: &str) -> Result<RecordKind, CliError> {
    named(&RecordKind::ALL, RecordKind::label, "kind of record", typed)
}

/// A voice as typed: its label, with `-` or `_` for spaces ("young-person").
fn voice_named(typed: &str) -> Result<Voice, CliError> {
    named(&Voice::ALL, Voice::label, "voice", typed)
}

/// The one of `all` whose label is the typed words, or an error listing them all.
fn named<T: Copy>(
    all: &[T],
    label: fn(T) -> &'static str,
    what: &str,
    typed: &str,
) -> Result<T, CliError> {
    let words = typed.trim().replace(['-', '_'], " ");
    all.iter()
        .copied()
        .find(|t| label(*t).eq_ignore_ascii_case(&words))
        .ok_or_else(|| {
            let known: Vec<String> = all.iter().map(|t| label(*t).replace(' ', "-")).collect();
            CliError::new(
                ExitKind::Usage,
                format!("there is no {what} called {typed:?}"),
            )
            .with_hint(format!("choose one of: {}", known.join(", ")))
        })
}

/// The file's bytes, up to [`MAX_BYTES`]: a larger file (or an endless one, a device or a
/// pipe that never ends) is refused once that much is read, never read whole.
fn read_bounded(file: &std::path::Path) -> Result<Vec<u8>, CliError> {
    use std::io::Read;
    let too_large = || {
        CliError::new(
            ExitKind::Storage,
            format!(
                "{} is larger than {} MB; convene imports up to {} MB of answers at a time",
                super::shown(file),
                MAX_BYTES / 1_000_000,
                MAX_BYTES / 1_000_000
            ),
        )
        .with_hint("split the file, or keep only the column you need; nothing was added")
    };
    let could_not = |e: std::io::Error| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "there is no file there".to_owned(),
            std::io::ErrorKind::PermissionDenied => "it may not be read by you".to_owned(),
            std::io::ErrorKind::IsADirectory => "it is a folder, not a file".to_owned(),
            _ => crate::plain::io(&e),
        };
        CliError::new(
            ExitKind::Storage,
            format!("could not read {}: {why}", super::shown(file)),
        )
    };
    let opened = std::fs::File::open(file).map_err(could_not)?;
    if opened
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() > MAX_BYTES)
    {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    opened
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(could_not)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// The largest file `import` reads: 50 MB, far more than any survey's answers (10,000
/// answers of a paragraph each are about 5 MB).
pub const MAX_BYTES: u64 = 50_000_000;
