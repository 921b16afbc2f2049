//! `convene export`: a session as Markdown, HTML, CSV or iCalendar, to stdout or a file.

use super::{CliError, Context, ExitKind};
use crate::export::{Audience, CalendarStyle, Format, Options, render_file};
use crate::store::{Store, atomic_create, atomic_write};
use std::path::PathBuf;

/// Export a session to share: a report (md, html, docx), a spreadsheet (csv) or a calendar (ics).
///
/// Example: convene export k7q2m9xa --format html -o harbourside.html
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session's id (as `convene list` shows it)
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::session_ids))]
    pub id: String,
    /// The format to write
    #[arg(long, short, value_parser = super::format::accepting(super::format::EXPORT), default_value = "md")]
    pub format: Format,
    /// Who the export is for: family (a conference's plan for the family, in their words),
    /// professionals (everything recorded; a conference's default) or partnership (a
    /// workshop's summary, then the record; a workshop's default)
    #[arg(long = "for", value_enum, value_name = "AUDIENCE")]
    pub audience: Option<Audience>,
    /// Write to this file instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the file given with -o if one is already there (without it, nothing is replaced)
    #[arg(long, requires = "output")]
    pub force: bool,
    /// With --format ics: all-day events instead of to-dos, for calendars that ignore to-dos
    #[arg(long)]
    pub as_events: bool,
    /// With --format csv: no byte-order mark at the start (for scripts; spreadsheet
    /// applications need it to read accented letters)
    #[arg(long)]
    pub no_bom: bool,
    /// With --format csv: add the phone and email columns (private: left out without it;
    /// a calendar never has them)
    #[arg(long)]
    pub with_contacts: bool,
    /// With --format ics: put each item's own words in the calendar (without it, an item
    /// says only the session's title and its kind: work calendars are seen by others)
    #[arg(long)]
    pub include_text: bool,
    /// With --format ics: write the conference's venue too (left out unless asked: venues
    /// can be secret)
    #[arg(long)]
    pub include_venue: bool,
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let id = super::session_id(&args.id)?;
    let store = Store::at(&ctx.dir);
    let loaded = store.load(&id)?;
    let audience = audience(args.audience, &loaded.session)?;
    let options = Options {
        calendar: if args.as_events {
            CalendarStyle::Events
        } else {
            CalendarStyle::Todos
        },
        bom: !args.no_bom,
        include_text: args.include_text,
        include_venue: args.include_venue,
        with_contacts: args.with_contacts,
        offset: ctx.offset,
        audience,
        today: Some(crate::clock::now().to_offset(ctx.offset).date()),
    };
    if !args.format.is_text() && args.output.is_none() {
        return Err(CliError::new(
            ExitKind::Usage,
            "a Word document is a file, not text for the terminal",
        )
        .with_hint(format!(
            "add -o {}",
            crate::export::suggested_name(
                &loaded.session,
                args.format,
                audience,
                crate::clock::now().to_offset(ctx.offset).date()
            )
            .replace("convene-", "")
        )));
    }
    let bytes = render_file(
        &loaded.session,
        ctx.frameworks.get(&loaded.session.framework),
        args.format,
        options,
    )?;
    match args.output {
        Some(path) => {
            write_to(&path, &bytes, args.force, store.dir())?;
            crate::errln!("Exported to {}", path.display());
        }
        None => to_stdout(&String::from_utf8_lossy(&bytes))?,
    }
    Ok(ExitKind::Done)
}

/// The audience asked for, or the session's own default; one that does not fit the
/// session (a family's copy of a workshop) is a usage error naming those that do.
fn audience(
    asked: Option<Audience>,
    session: &crate::model::Session,
) -> Result<Audience, CliError> {
    let Some(asked) = asked else {
        return Ok(Audience::default_for(session));
    };
    if asked.fits(session) {
        return Ok(asked);
    }
    let (kind, other) = if Audience::Family.fits(session) {
        ("a conference", "a workshop")
    } else {
        ("a workshop", "a conference")
    };
    let fitting: Vec<String> = Audience::for_session(session)
        .iter()
        .map(|a| a.name())
        .collect();
    Err(CliError::new(
        ExitKind::Usage,
        format!(
            "{} is written for {other}, and this session is {kind}",
            crate::text::capitalised(asked.label())
        ),
    )
    .with_hint(format!("use --for {}", fitting.join(" or --for "))))
}

/// Writes a document to a file the user chose: never into the sessions folder, never over
/// anything but an ordinary file (a device, a pipe, a socket, a folder or a link is
/// refused even with `force`), and never over a file already there unless `force` (then
/// atomically, as every write is).
pub(super) fn write_to(
    path: &std::path::Path,
    bytes: &[u8],
    force: bool,
    sessions: &std::path::Path,
) -> Result<(), CliError> {
    if crate::export::lands_in(path, sessions) {
        return Err(CliError::new(
            ExitKind::Usage,
            "exports are kept out of the sessions folder; choose another place",
        ));
    }
    if let Some(what) = crate::store::unusual_at(path) {
        return Err(not_a_file(path, what));
    }
    let written = if force {
        atomic_write(path, bytes, None)
    } else {
        atomic_create(path, bytes, None)
    };
    written.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            CliError::new(
                ExitKind::Storage,
                format!("{} is already there and was kept as it is", path.display()),
            )
            .with_hint("choose another name, or add --force to replace it")
        } else if let Some(what) = crate::store::not_a_file(&e) {
            not_a_file(path, what)
        } else {
            CliError::new(
                ExitKind::Storage,
                format!(
                    "could not write {}: {}",
                    path.display(),
                    crate::plain::io(&e)
                ),
            )
        }
    })
}

/// An export refused because something other than an ordinary file is at its place.
fn not_a_file(path: &std::path::Path, what: crate::store::Unusual) -> CliError {
    let hint = match what {
        crate::store::Unusual::Link => "give the path of the file itself, or a new name",
        crate::store::Unusual::Folder => "give a file's name inside the folder",
        _ => "give a file's name, or leave out -o to print the export",
    };
    CliError::new(
        ExitKind::Storage,
        format!(
            "{} is {}, not a file; exports are written only to files, so it was left as it is",
            path.display(),
            what.label()
        ),
    )
    .with_hint(hint)
}

/// Writes a document (an export, a report) to standard output, cleaned line by line so
/// nothing in it acts on the terminal, its own line endings kept.
pub fn to_stdout(text: &str) -> Result<(), CliError> {
    crate::text::write_out(&crate::text::clean_keeping_line_ends(text)).map_err(|e| {
        CliError::new(
            ExitKind::Storage,
            format!("could not write the export: {}", crate::plain::io(&e)),
        )
    })
}
