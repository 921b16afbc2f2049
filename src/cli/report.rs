//! `convene report` and `convene due`: figures across the folder, and what is due soon.

use super::{CliError, Context, ExitKind};
use crate::export::Format;
use crate::model::timefmt::parse_date;
use crate::report::{self, SessionDue, SessionFigures, Skipped};
use crate::store::Store;

/// Figures across every session: conferences by stage, decisions, reviews on time, plan
/// items done, ratings first and latest; workshops' agreements made, done and overdue, by
/// owner. Unreadable files are named and left out. With --from and --until, a period's
/// returns instead: each conference counted by the date that matters.
///
/// Example: convene report --since 2026-09-01 --format md
/// Example: convene report --from 2026-11-01 --until 2026-11-30 --by coordinator
/// Example: convene report --per-conference --format csv > returns.csv
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only sessions whose file was started on or after this date (YYYY-MM-DD); for a
    /// period's returns use --from and --until
    #[arg(long, value_name = "DATE", conflicts_with_all = ["from", "until"])]
    pub since: Option<String>,
    /// A period's returns, from this date (YYYY-MM-DD, with --until): referrals by
    /// referral date, conferences by conference date, reviews by review date, closures
    /// by closing date
    #[arg(
        long,
        value_name = "DATE",
        requires = "until",
        conflicts_with = "per_conference"
    )]
    pub from: Option<String>,
    /// The period's last day, counted (YYYY-MM-DD, with --from)
    #[arg(long, value_name = "DATE", requires = "from")]
    pub until: Option<String>,
    /// With --from and --until: a line for each coordinator too
    #[arg(long, value_name = "WHAT", requires = "from")]
    pub by: Option<By>,
    /// md, csv or json
    #[arg(long, short, value_parser = super::format::accepting(super::format::REPORT), default_value = "md")]
    pub format: Format,
    /// One row per conference for the service's returns (with --format csv): referral,
    /// decision, plan items, reviews, ratings, closure and where the child lives
    #[arg(long)]
    pub per_conference: bool,
    /// With --format csv: no byte-order mark at the start (for scripts; spreadsheet
    /// applications need it to read accented letters)
    #[arg(long)]
    pub no_bom: bool,
}

/// What is due within some days, and what is overdue, across every session.
///
/// Example: convene due --within 7
#[derive(Debug, clap::Args)]
pub struct DueArgs {
    /// How many days ahead to look (overdue items are always shown)
    #[arg(long, default_value_t = 7, value_name = "DAYS", value_parser = super::numbers::days)]
    pub within: u32,
    /// Print JSON for scripts
    #[arg(long)]
    pub json: bool,
}

/// What a period's returns are grouped by, beside the whole service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    /// One line per conference's coordinator
    Coordinator,
}

/// A date typed on the command line, or a usage error.
fn date_arg(text: &str) -> Result<time::Date, CliError> {
    parse_date(text).ok_or_else(|| {
        CliError::new(
            ExitKind::Usage,
            format!("“{text}” is not a date; write it as YYYY-MM-DD"),
        )
    })
}

/// A period's returns over every conference in the folder (each file read).
fn month(args: &Args, ctx: &Context, from: &str, until: &str) -> Result<ExitKind, CliError> {
    let period = crate::returns::month::Period {
        from: date_arg(from)?,
        until: date_arg(until)?,
    };
    if period.until < period.from {
        return Err(CliError::new(
            ExitKind::Usage,
            format!("the period ends ({until}) before it starts ({from})"),
        ));
    }
    let listing = Store::at(&ctx.dir).list()?;
    let (sessions, skipped) = report::sorted_out(listing.into_iter().map(|l| (l.path, l.session)));
    let conferences = sessions.iter().map(|(_, s)| s).filter(|s| {
        ctx.frameworks
            .get(&s.framework)
            .is_some_and(|f| f.conference)
    });
    let returns =
        crate::returns::month::returns(conferences, period, args.by == Some(By::Coordinator));
    let text = match args.format {
        Format::Md => crate::returns::month::markdown(&returns),
        Format::Csv => crate::returns::month::csv(&returns, !args.no_bom),
        Format::Json => super::json(&returns)? + "\n",
        other @ (Format::Html | Format::Ics | Format::Docx) => {
            return Err(CliError::new(
                ExitKind::Usage,
                format!("a report is not written as {}", other.label()),
            ));
        }
    };
    super::export::to_stdout(&text)?;
    left_out(&skipped);
    Ok(ExitKind::Done)
}

fn today(ctx: &Context) -> time::Date {
    crate::clock::now().to_offset(ctx.offset).date()
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    if let (Some(from), Some(until)) = (&args.from, &args.until) {
        return month(&args, ctx, from, until);
    }
    let since = match &args.since {
        Some(text) => Some(parse_date(text).ok_or_else(|| {
            CliError::new(
                ExitKind::Usage,
                format!("“{text}” is not a date; write it as YYYY-MM-DD"),
            )
        })?),
        None => None,
    };
    if args.per_conference && args.format != Format::Csv {
        return Err(CliError::new(
            ExitKind::Usage,
            "the per-conference rows come as a spreadsheet: add --format csv",
        ));
    }
    if args.per_conference {
        // Each conference's whole row: read from every file (the caches keep figures only).
        let listing = Store::at(&ctx.dir).list()?;
        let (sessions, skipped) =
            report::sorted_out(listing.into_iter().map(|l| (l.path, l.session)));
        let conferences = sessions.iter().map(|(_, s)| s).filter(|s| {
            since.is_none_or(|d| s.created.date() >= d)
                && ctx
                    .frameworks
                    .get(&s.framework)
                    .is_some_and(|f| f.conference)
        });
        super::export::to_stdout(&crate::returns::csv(conferences, !args.no_bom))?;
        left_out(&skipped);
        return Ok(ExitKind::Done);
    }
    let (sessions, skipped) = report::from_folder::<SessionFigures>(&Store::at(&ctx.dir))?;
    let sessions: Vec<SessionFigures> = sessions.into_iter().map(|(_, s)| s).collect();
    let figures = report::add_up(&sessions, skipped, &ctx.frameworks, today(ctx), since);
    let text = match args.format {
        Format::Md => report::markdown(&figures),
        Format::Csv => report::csv(&figures, !args.no_bom),
        Format::Json => super::json(&figures)? + "\n",
        // `--format` offers only `format::REPORT`.
        other @ (Format::Html | Format::Ics | Format::Docx) => {
            return Err(CliError::new(
                ExitKind::Usage,
                format!("a report is not written as {}", other.label()),
            ));
        }
    };
    super::export::to_stdout(&text)?;
    left_out(&figures.skipped);
    Ok(ExitKind::Done)
}

/// Names each file that could not be read, on stderr.
fn left_out(skipped: &[Skipped]) {
    for s in skipped {
        crate::errln!(
            "convene: left out, could not be read: {}: {}",
            s.file,
            s.reason
        );
    }
}

pub fn due(args: DueArgs, ctx: &Context) -> Result<ExitKind, CliError> {
    let (sessions, skipped) = report::from_folder::<SessionDue>(&Store::at(&ctx.dir))?;
    let items = report::due_within(&sessions, today(ctx), args.within);
    if args.json {
        crate::outln!("{}", super::json(&items)?);
    } else if items.is_empty() {
        crate::outln!(
            "Nothing is due in the next {} days, and nothing is overdue.",
            args.within
        );
    } else {
        for item in &items {
            let mark = if item.overdue { "! overdue " } else { "" };
            let owner = if item.owner.is_empty() {
                String::new()
            } else {
                format!(" ({})", item.owner)
            };
            crate::outln!(
                "{} {mark}{}{owner} · {} · {}",
                item.due,
                item.text,
                item.session_title,
                item.session
            );
        }
    }
    left_out(&skipped);
    Ok(ExitKind::Done)
}
