//! `convene check`: validates session files and prints each problem as `file:line:col: reason`.

use super::{CliError, Context, ExitKind};
use crate::model::{Session, link_problems, loose_ends, moved_on_without_topic};
use crate::store::{Store, load_bytes};
use std::path::{Path, PathBuf};

/// Check session files: that each parses, follows a known framework and stage, and that
/// every link points at a record of the right kind. Exits 1 if any problem is found.
/// Loose ends (a dream no design statement serves, an agreement that serves none) are
/// noted, and are not problems.
///
/// Example: convene check            (every file in the folder)
///
/// Example: convene check sessions/k7q2m9xa.ron
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files to check [default: every session file in the folder]
    pub paths: Vec<PathBuf>,
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let whole_folder = args.paths.is_empty();
    let paths = if whole_folder {
        Store::at(&ctx.dir).files()?
    } else {
        args.paths
    };
    if let Some(mode) = Store::at(&ctx.dir).looser_than_private() {
        crate::errln!(
            "convene: the sessions folder can be read by others (mode {mode:o}); `chmod 700 {}` keeps it private",
            ctx.dir.display()
        );
    }
    let mut problems = 0;
    let mut notes = 0;
    for path in &paths {
        let (found, noted) = check_file(path, ctx);
        for problem in found {
            crate::outln!("{problem}");
            problems += 1;
        }
        for note in noted {
            crate::outln!("{note}");
            notes += 1;
        }
    }
    if whole_folder {
        for (path, what) in Store::at(&ctx.dir).unusual() {
            crate::outln!("{}", unusual_line(&path, what));
            problems += 1;
        }
        for note in super::orphan_notes(&ctx.dir) {
            crate::outln!("{note}");
            problems += 1;
        }
    }
    let files = if paths.len() == 1 { "file" } else { "files" };
    if notes > 0 {
        let s = if notes == 1 { "" } else { "s" };
        crate::outln!(
            "{notes} loose end{s} noted: not problems, threads the room may still want to tie."
        );
    }
    if problems == 0 {
        crate::outln!("All {} {files} read well.", paths.len());
        Ok(ExitKind::Done)
    } else {
        let s = if problems == 1 { "" } else { "s" };
        crate::errln!("{problems} problem{s} in {} {files}.", paths.len());
        Ok(ExitKind::ProblemsFound)
    }
}

/// Every problem in one file, as `file:line:col: reason`, and every loose end in it, as
/// `file:line:col: note: …`.
///
/// The file is read once; its lines are found in one pass, so the cost follows its size.
pub fn check_file(path: &Path, ctx: &Context) -> (Vec<String>, Vec<String>) {
    let read = crate::store::read_regular(path, true)
        .map_err(|e| crate::store::StoreError::io("read", path, e))
        .and_then(|bytes| load_bytes(path, &bytes).map(|loaded| (loaded, bytes)));
    match read {
        Err(e) => (
            vec![match e {
                crate::store::StoreError::Parse { .. } => e.to_string(),
                other => format!("{}:1:1: {other}", path.display()),
            }],
            Vec::new(),
        ),
        Ok((loaded, bytes)) => {
            // It read as a session, so it is UTF-8.
            let text = String::from_utf8_lossy(&bytes);
            let lines = RecordLines::of(&text);
            let mut problems = Vec::new();
            if let Some(reason) = loaded.read_only {
                problems.push(format!("{}:1:1: {reason}", path.display()));
            }
            problems.extend(
                meaning_problems(
                    loaded.inner_id.as_ref(),
                    &loaded.session,
                    ctx,
                    &text,
                    &lines,
                )
                .into_iter()
                .map(|(line, reason)| format!("{}:{line}:1: {reason}", path.display())),
            );
            let mut notes: Vec<String> = loose_ends(&loaded.session)
                .into_iter()
                .map(|end| {
                    let line = lines.line(end.record().0);
                    format!("{}:{line}:1: note: {end}", path.display())
                })
                .collect();
            notes.extend(topic_note(&loaded.session, ctx).map(|note| {
                format!(
                    "{}:{}:1: note: {note}",
                    path.display(),
                    line_of(&text, "stage:")
                )
            }));
            (problems, notes)
        }
    }
}

/// A line for an entry of the folder named like a session's file or a cache that is not
/// an ordinary file: nothing reads or writes it.
fn unusual_line(path: &Path, what: crate::store::Unusual) -> String {
    let what = match what {
        crate::store::Unusual::Link => "a link that leads to no file".to_owned(),
        other => format!("{}, not a file", other.label()),
    };
    format!(
        "{}:1:1: this is {what}, so convene leaves it alone (it is not listed, read or written); remove it or put a session file in its place",
        path.display()
    )
}

/// A word for a workshop that moved on from the stage that writes its affirmative topic
/// without writing one.
fn topic_note(session: &Session, ctx: &Context) -> Option<String> {
    let stage = ctx
        .frameworks
        .get(&session.framework)?
        .stages
        .iter()
        .find(|s| s.main_kind() == Some(crate::model::RecordKind::Topic))?;
    moved_on_without_topic(session, &stage.key).then(|| {
        format!(
            "the room moved on from {} without an affirmative topic; it can still be written there",
            crate::text::clean_line(&stage.name)
        )
    })
}

/// The line each record starts on in a session file's text, found in one pass over the
/// text (a file of 10,000 records is read once, not once per record).
struct RecordLines {
    /// The `records:` line, for a record not found.
    records: usize,
    /// By record id, the first `id: N,` line after `records:`.
    ids: std::collections::HashMap<u32, usize>,
}

impl RecordLines {
    fn of(text: &str) -> Self {
        let records = line_of(text, "records:");
        let mut ids = std::collections::HashMap::new();
        for (i, line) in text.lines().enumerate().skip(records) {
            if let Some(id) = line
                .trim()
                .strip_prefix("id: ")
                .and_then(|rest| rest.strip_suffix(','))
                .and_then(|n| n.parse::<u32>().ok())
            {
                ids.entry(id).or_insert(i + 1);
            }
        }
        Self { records, ids }
    }

    /// The line the record starts on (the `records:` line if not found).
    fn line(&self, id: u32) -> usize {
        self.ids.get(&id).copied().unwrap_or(self.records)
    }
}

/// The first line that starts (after its indent) with `needle`, or 1.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with(needle))
        .map_or(1, |i| i + 1)
}

/// Problems in what a well-formed file says, each with the line it is on.
fn meaning_problems(
    inner_id: Option<&crate::model::SessionId>,
    session: &Session,
    ctx: &Context,
    text: &str,
    lines: &RecordLines,
) -> Vec<(usize, String)> {
    let line_of = |needle: &str| line_of(text, needle);
    let record_line = |id: u32| lines.line(id);
    let mut problems = Vec::new();
    if let Some(inner) = inner_id {
        problems.push((
            line_of("id:"),
            format!(
                "the id {:?} inside does not match the file name; convene keeps the file's name ({}) and saves to this file",
                inner.as_str(),
                session.id
            ),
        ));
    }
    let Some(framework) = ctx.frameworks.get(&session.framework) else {
        problems.push((
            line_of("framework:"),
            format!("the framework {:?} is not known here", session.framework),
        ));
        return problems;
    };
    if framework.stage(&session.stage).is_none() {
        problems.push((
            line_of("stage:"),
            format!(
                "the stage {:?} is not a stage of {}",
                session.stage, framework.name
            ),
        ));
    }
    for record in &session.records {
        if framework.stage(&record.stage).is_none() {
            problems.push((
                record_line(record.id.0),
                format!(
                    "record {} is in {:?}, which is not a stage of {}",
                    record.id, record.stage, framework.name
                ),
            ));
        }
    }
    for problem in link_problems(session) {
        let id = match &problem {
            crate::model::LinkProblem::Missing { from, .. }
            | crate::model::LinkProblem::WrongKind { from, .. } => from.0,
            crate::model::LinkProblem::DuplicateId(id) => id.0,
        };
        problems.push((record_line(id), problem.to_string()));
    }
    for task in session.tasks_kept_apart() {
        problems.push((
            record_line(task.record.0),
            crate::text::clean_line(&task.to_string()),
        ));
    }
    problems
}
