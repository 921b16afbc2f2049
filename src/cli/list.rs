//! `convene list`: one line per session, newest first, with filters and a JSON form.

use super::{CliError, Context, ExitKind};
use crate::framework::Frameworks;
use crate::model::timefmt::{format_date, format_short, format_timestamp};
use crate::store::{Store, StoreError, Summary};
use crate::text::{clean, clean_line};
use serde::Serialize;
use std::path::PathBuf;
use time::UtcOffset;

/// List every session in the folder: id, framework, current stage, last change, title.
///
/// Example: convene list --framework fgc --due-within 14
///
/// Example: convene list --coordinator "Priya Shah"
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only sessions of this framework (`ai`, `fgc`, or a framework id)
    #[arg(long, add = clap_complete::ArgValueCandidates::new(super::completions::frameworks))]
    pub framework: Option<String>,
    /// Only sessions now at this stage (its name or key, e.g. `destiny`)
    #[arg(long)]
    pub stage: Option<String>,
    /// Only sessions with something due (or overdue) within this many days
    #[arg(long, value_name = "DAYS", value_parser = super::numbers::days)]
    pub due_within: Option<u32>,
    /// Only conferences whose coordinator is NAME (any case)
    #[arg(long, value_name = "NAME")]
    pub coordinator: Option<String>,
    /// Print JSON for scripts (fields documented in the README)
    #[arg(long)]
    pub json: bool,
}

/// One session in `list --json`. The fields are stable.
#[derive(Debug, Serialize)]
pub struct Listed {
    pub id: String,
    pub title: String,
    pub framework: String,
    pub framework_name: String,
    pub stage: String,
    pub stage_name: String,
    pub created: String,
    pub updated: String,
    pub next_due: Option<String>,
    /// Whether the conference is closed (then nothing is due from it).
    pub closed: bool,
    pub closed_reason: Option<String>,
    pub records: usize,
    pub path: String,
    /// The conference's coordinator by name (empty for a workshop or when none is written).
    pub coordinator: String,
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let (mut rows, unreadable) = summaries(&ctx.dir)?;
    let framework =
        match &args.framework {
            Some(name) => Some(ctx.frameworks.get(name).map(|f| f.id.clone()).ok_or_else(
                || {
                    CliError::new(
                        ExitKind::Usage,
                        format!("there is no framework called {name:?}"),
                    )
                },
            )?),
            None => None,
        };
    let today = crate::clock::now().to_offset(ctx.offset).date();
    rows.retain(|(_, s)| {
        framework.as_ref().is_none_or(|f| s.framework == *f)
            && args.stage.as_ref().is_none_or(|stage| {
                let stage = stage.to_lowercase();
                s.stage == stage || ctx.stage_name(&s.framework, &s.stage).to_lowercase() == stage
            })
            && args.due_within.is_none_or(|days| {
                s.next_due
                    .is_some_and(|due| due <= crate::report::days_after(today, days))
            })
            && args.coordinator.as_ref().is_none_or(|name| {
                clean_line(&s.coordinator).to_lowercase() == name.trim().to_lowercase()
            })
    });
    let filtered = framework.is_some()
        || args.stage.is_some()
        || args.due_within.is_some()
        || args.coordinator.is_some();
    if args.json {
        let listed: Vec<Listed> = rows.iter().map(|(path, s)| listed(path, s, ctx)).collect();
        crate::outln!("{}", super::json(&listed)?);
    } else if rows.is_empty() && unreadable.is_empty() && !filtered {
        crate::outln!("No sessions yet in {}.", ctx.dir.display());
        crate::outln!("Start one with: convene new ai \"TITLE\"  (or fgc)");
    } else {
        for (_, s) in &rows {
            crate::outln!("{}", line(s, &ctx.frameworks, ctx.offset));
        }
    }
    for e in &unreadable {
        crate::errln!("convene: left out, could not be read: {e}");
    }
    for note in super::orphan_notes(&ctx.dir) {
        crate::errln!("convene: {note}");
    }
    Ok(ExitKind::Done)
}

/// Sessions with their files, and the errors of the files that could not be read.
pub type Rows = (Vec<(PathBuf, Summary)>, Vec<StoreError>);

/// The sessions of a folder, newest first, from the summary cache; and the errors of the
/// files that could not be read.
pub fn summaries(dir: &std::path::Path) -> Result<Rows, CliError> {
    let mut rows = Vec::new();
    let mut unreadable = Vec::new();
    for (path, summary) in Store::at(dir).summaries()? {
        match summary {
            Ok(s) => rows.push((path, s)),
            Err(e) => unreadable.push(e),
        }
    }
    rows.sort_by(|(_, a), (_, b)| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
    Ok((rows, unreadable))
}

/// One session's line in `convene list`.
pub fn line(s: &Summary, frameworks: &Frameworks, offset: UtcOffset) -> String {
    let framework = frameworks.get(&s.framework);
    let short = framework.map_or(s.framework.as_str(), |f| f.short.as_str());
    let stage = framework
        .and_then(|f| f.stage(&s.stage))
        .map_or(s.stage.as_str(), |st| st.name.as_str());
    format!(
        "{:<10} {:<4} {:<20} {}  {}",
        clean(s.id.as_str()),
        clean(short),
        clean_line(stage),
        format_short(s.updated.to_offset(offset)),
        clean_line(&s.title),
    )
}

/// The lines `convene list` prints for a folder, newest first (used by the benchmarks).
pub fn list_lines(
    dir: &std::path::Path,
    frameworks: &Frameworks,
    offset: UtcOffset,
) -> Result<Vec<String>, CliError> {
    let (rows, _) = summaries(dir)?;
    Ok(rows
        .iter()
        .map(|(_, s)| line(s, frameworks, offset))
        .collect())
}

fn listed(path: &std::path::Path, s: &Summary, ctx: &Context) -> Listed {
    Listed {
        id: s.id.to_string(),
        title: clean_line(&s.title),
        framework: s.framework.clone(),
        framework_name: ctx.framework_name(&s.framework).to_owned(),
        stage: s.stage.clone(),
        stage_name: ctx.stage_name(&s.framework, &s.stage).to_owned(),
        created: format_timestamp(s.created),
        updated: format_timestamp(s.updated),
        next_due: s.next_due.map(format_date),
        closed: s.closed.is_some(),
        closed_reason: s.closed.as_deref().map(clean_line),
        records: s.records,
        path: path.display().to_string(),
        coordinator: clean_line(&s.coordinator),
    }
}
