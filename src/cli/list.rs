//! `convene list`: one line per session, newest first, with filters and a JSON form.

use super::{CliError, Context, ExitKind};
use crate::model::Session;
use crate::model::timefmt::{format_date, format_short, format_timestamp};
use crate::text::clean_line;
use serde::Serialize;

/// List every session in the folder: id, framework, current stage, last change, title.
///
/// Example: convene list --framework fgc --due-within 14
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only sessions of this framework (`ai`, `fgc`, or a framework id)
    #[arg(long)]
    pub framework: Option<String>,
    /// Only sessions now at this stage (its name or key, e.g. `destiny`)
    #[arg(long)]
    pub stage: Option<String>,
    /// Only sessions with something due (or overdue) within this many days
    #[arg(long, value_name = "DAYS")]
    pub due_within: Option<u32>,
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
    pub records: usize,
    pub path: String,
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let store = crate::store::Store::at(&ctx.dir);
    let mut rows = Vec::new();
    let mut unreadable = Vec::new();
    for listing in store.list()? {
        match listing.session {
            Ok(s) => rows.push((listing.path, s)),
            Err(e) => unreadable.push(e),
        }
    }
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
    let today = time::OffsetDateTime::now_utc().to_offset(ctx.offset).date();
    rows.retain(|(_, s)| {
        framework.as_ref().is_none_or(|f| s.framework == *f)
            && args.stage.as_ref().is_none_or(|stage| {
                let stage = stage.to_lowercase();
                s.stage == stage || ctx.stage_name(&s.framework, &s.stage).to_lowercase() == stage
            })
            && args.due_within.is_none_or(|days| {
                s.next_due()
                    .is_some_and(|due| due <= today + time::Duration::days(i64::from(days)))
            })
    });
    rows.sort_by(|(_, a), (_, b)| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
    if args.json {
        let listed: Vec<Listed> = rows.iter().map(|(path, s)| listed(path, s, ctx)).collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&listed).unwrap_or_else(|_| "[]".into())
        );
    } else if rows.is_empty()
        && unreadable.is_empty()
        && framework.is_none()
        && args.stage.is_none()
        && args.due_within.is_none()
    {
        println!("No sessions yet in {}.", ctx.dir.display());
        println!("Start one with: convene new ai \"TITLE\"  (or fgc)");
    } else {
        for (_, s) in &rows {
            let short = ctx
                .frameworks
                .get(&s.framework)
                .map_or(s.framework.as_str(), |f| f.short.as_str());
            println!(
                "{:<10} {:<4} {:<20} {}  {}",
                s.id,
                short,
                clean_line(ctx.stage_name(&s.framework, &s.stage)),
                format_short(s.updated.to_offset(ctx.offset)),
                clean_line(&s.title),
            );
        }
    }
    for e in &unreadable {
        eprintln!("convene: left out, could not be read: {e}");
    }
    Ok(ExitKind::Done)
}

fn listed(path: &std::path::Path, s: &Session, ctx: &Context) -> Listed {
    Listed {
        id: s.id.to_string(),
        title: clean_line(&s.title),
        framework: s.framework.clone(),
        framework_name: ctx.framework_name(&s.framework).to_owned(),
        stage: s.stage.clone(),
        stage_name: ctx.stage_name(&s.framework, &s.stage).to_owned(),
        created: format_timestamp(s.created),
        updated: format_timestamp(s.updated),
        next_due: s.next_due().map(format_date),
        records: s.records.len(),
        path: path.display().to_string(),
    }
}
