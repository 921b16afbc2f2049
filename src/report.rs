//! Figures across the sessions folder: what was agreed, done, reviewed and rated; and what
//! is due. Worked out per session (`per_session`), which the folder's cache may keep, and
//! added up each time.

mod per_session;

pub use per_session::{AgreementFigures, Dated, SessionDue, SessionFigures};

use crate::framework::Frameworks;
use crate::model::timefmt::format_date;
use crate::model::{Decision, RecordId, Session};
use crate::store::{Digest, Store, StoreError};
use crate::text::clean_line;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use time::{Date, Duration};

/// Every figure of a report.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Only sessions started on or after this date, if given.
    pub since: Option<String>,
    pub today: String,
    pub sessions_read: usize,
    /// Files that could not be read: named, never fatal.
    pub skipped: Vec<Skipped>,
    pub conferences: Conferences,
    pub workshops: Workshops,
}

/// A file the report left out, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

/// Family Group Conference figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Conferences {
    pub count: usize,
    /// How many conferences are at each stage, in the framework's order.
    pub by_stage: Vec<(String, usize)>,
    pub agreed: usize,
    pub agreed_with_changes: usize,
    pub not_agreed: usize,
    pub not_decided_yet: usize,
    pub reviews_held: usize,
    /// Reviews held on or before the date set for them.
    pub reviews_on_time: usize,
    pub plan_items: usize,
    pub plan_items_done: usize,
    /// Mean 0–10 ratings across conferences: each conference's first and latest.
    pub family_first: Option<f64>,
    pub family_latest: Option<f64>,
    pub professionals_first: Option<f64>,
    pub professionals_latest: Option<f64>,
    /// Conferences closed, by reason ("other" reasons counted together), most first.
    pub closed: usize,
    pub closed_by_reason: Vec<(String, usize)>,
}

impl Conferences {
    /// "Closed: 3", then one line a reason: "2 the family withdrew", "1 other" (a reason's
    /// label may hold a ";", so they are never joined in one line).
    pub fn closures(&self) -> (String, Vec<String>) {
        let reasons = self
            .closed_by_reason
            .iter()
            .map(|(reason, n)| format!("{n} {reason}"))
            .collect();
        (format!("Closed: {}", self.closed), reasons)
    }
}

/// Appreciative Inquiry (and other workshop) figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Workshops {
    pub count: usize,
    pub agreements: usize,
    pub done: usize,
    pub overdue: usize,
    pub by_owner: Vec<OwnerRow>,
    /// Agreements by the sectors they are tagged with (an agreement may count in several).
    pub by_sector: Vec<OwnerRow>,
}

/// One owner's agreements.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OwnerRow {
    pub owner: String,
    pub made: usize,
    pub done: usize,
    pub overdue: usize,
}

fn mean(values: &[u8]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let sum: u32 = values.iter().map(|v| u32::from(*v)).sum();
    Some(f64::from(sum) / values.len() as f64)
}

/// The figures for these sessions (and the files that could not be read) on `today`.
pub fn compute(
    sessions: &[Session],
    skipped: Vec<Skipped>,
    frameworks: &Frameworks,
    today: Date,
    since: Option<Date>,
) -> Figures {
    let each: Vec<SessionFigures> = sessions.iter().map(SessionFigures::of).collect();
    add_up(&each, skipped, frameworks, today, since)
}

/// The figures from each session's part (as `SessionFigures::of` works it out, or as the
/// folder's cache kept it), and the files that could not be read, on `today`.
pub fn add_up(
    sessions: &[SessionFigures],
    skipped: Vec<Skipped>,
    frameworks: &Frameworks,
    today: Date,
    since: Option<Date>,
) -> Figures {
    let mut f = Figures {
        since: since.map(format_date),
        today: format_date(today),
        skipped,
        ..Figures::default()
    };
    let chosen: Vec<&SessionFigures> = sessions
        .iter()
        .filter(|s| since.is_none_or(|d| s.started >= d))
        .collect();
    f.sessions_read = chosen.len();
    let mut stages: Vec<(String, usize)> = Vec::new();
    if let Some(fgc) = frameworks.all.iter().find(|fw| fw.conference) {
        stages = fgc.stages.iter().map(|s| (s.name.clone(), 0)).collect();
    }
    let mut owners: BTreeMap<String, OwnerRow> = BTreeMap::new();
    let mut sectors: BTreeMap<String, OwnerRow> = BTreeMap::new();
    let mut closures: BTreeMap<String, usize> = BTreeMap::new();
    let (mut fam_first, mut fam_latest, mut pro_first, mut pro_latest) =
        (vec![], vec![], vec![], vec![]);
    for s in chosen {
        let framework = frameworks.get(&s.framework);
        if framework.is_some_and(|fw| fw.conference) {
            let c = &mut f.conferences;
            c.count += 1;
            let stage_name = framework
                .and_then(|fw| fw.stage(&s.stage))
                .map_or(clean_line(&s.stage), |st| clean_line(&st.name));
            match stages.iter_mut().find(|(name, _)| *name == stage_name) {
                Some((_, n)) => *n += 1,
                None => stages.push((stage_name, 1)),
            }
            if let Some(reason) = &s.closed {
                c.closed += 1;
                *closures.entry(reason.clone()).or_insert(0) += 1;
            }
            match s.decision {
                Some(Decision::Agreed) => c.agreed += 1,
                Some(Decision::AgreedWithChanges) => c.agreed_with_changes += 1,
                Some(Decision::NotAgreed) => c.not_agreed += 1,
                None => c.not_decided_yet += 1,
            }
            c.reviews_held += s.reviews_held;
            c.reviews_on_time += s.reviews_on_time;
            c.plan_items += s.plan_items;
            c.plan_items_done += s.plan_items_done;
            fam_first.extend(s.family.0);
            fam_latest.extend(s.family.1);
            pro_first.extend(s.professionals.0);
            pro_latest.extend(s.professionals.1);
        } else {
            let w = &mut f.workshops;
            w.count += 1;
            for a in &s.agreements {
                let overdue = a.overdue(today);
                w.agreements += 1;
                w.done += usize::from(a.done);
                w.overdue += usize::from(overdue);
                let owner = if a.owner.is_empty() {
                    "(no owner yet)".to_owned()
                } else {
                    a.owner.clone()
                };
                let row = owners
                    .entry(owner.to_lowercase())
                    .or_insert_with(|| OwnerRow {
                        owner,
                        ..OwnerRow::default()
                    });
                row.made += 1;
                row.done += usize::from(a.done);
                row.overdue += usize::from(overdue);
                for sector in &a.sectors {
                    let row = sectors.entry(sector.clone()).or_insert_with(|| OwnerRow {
                        owner: sector.clone(),
                        ..OwnerRow::default()
                    });
                    row.made += 1;
                    row.done += usize::from(a.done);
                    row.overdue += usize::from(overdue);
                }
            }
        }
    }
    f.conferences.by_stage = stages;
    let mut by_reason: Vec<(String, usize)> = closures
        .into_iter()
        .map(|(reason, n)| (reason.to_owned(), n))
        .collect();
    by_reason.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    f.conferences.closed_by_reason = by_reason;
    f.conferences.family_first = mean(&fam_first);
    f.conferences.family_latest = mean(&fam_latest);
    f.conferences.professionals_first = mean(&pro_first);
    f.conferences.professionals_latest = mean(&pro_latest);
    let mut by_owner: Vec<OwnerRow> = owners.into_values().collect();
    by_owner.sort_by(|a, b| b.made.cmp(&a.made).then(a.owner.cmp(&b.owner)));
    f.workshops.by_owner = by_owner;
    f.workshops.by_sector = sectors.into_values().collect();
    f
}

/// Something due: an agreement, a plan item, a conference day or a review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DueItem {
    pub session: String,
    pub session_title: String,
    #[serde(skip)]
    pub path: PathBuf,
    /// The record, or `None` for a review date.
    pub record: Option<u32>,
    /// `agreement`, `plan item`, `conference` or `review`.
    pub kind: String,
    pub text: String,
    pub owner: String,
    pub due: String,
    #[serde(skip)]
    pub due_date: Date,
    pub status: String,
    pub overdue: bool,
}

impl DueItem {
    /// The record's id, if this is a record.
    pub fn record_id(&self) -> Option<RecordId> {
        self.record.map(RecordId)
    }
}

/// The date `days` after `today`, or the last date there is (never a panic).
pub fn days_after(today: Date, days: u32) -> Date {
    today
        .checked_add(Duration::days(i64::from(days)))
        .unwrap_or(Date::MAX)
}

/// Everything open that is due within `days` of `today`, and everything overdue, soonest
/// first: commitments, conference days and reviews, as [`Session::key_dates`] says.
pub fn due_items(sessions: &[(PathBuf, Session)], today: Date, days: u32) -> Vec<DueItem> {
    let each: Vec<(PathBuf, SessionDue)> = sessions
        .iter()
        .map(|(path, s)| (path.clone(), SessionDue::of(s)))
        .collect();
    due_within(&each, today, days)
}

/// What is due within `days` of `today`, and everything overdue, soonest first, from each
/// session's dated things (as `SessionDue::of` works them out, or as the cache kept them).
pub fn due_within(sessions: &[(PathBuf, SessionDue)], today: Date, days: u32) -> Vec<DueItem> {
    let horizon = days_after(today, days);
    let mut items: Vec<DueItem> = sessions
        .iter()
        .flat_map(|(path, s)| {
            s.items
                .iter()
                .filter(|d| d.due <= horizon)
                .map(move |d| DueItem {
                    session: s.session.clone(),
                    session_title: s.title.clone(),
                    path: path.clone(),
                    record: d.record,
                    kind: d.kind.clone(),
                    text: d.text.clone(),
                    owner: d.owner.clone(),
                    due: format_date(d.due),
                    due_date: d.due,
                    status: if d.record.is_none()
                        && d.status == per_session::CONFERENCE_AHEAD
                        && d.due < today
                    {
                        per_session::CONFERENCE_PASSED.to_owned()
                    } else {
                        d.status.clone()
                    },
                    overdue: d.due < today,
                })
        })
        .collect();
    items.sort_by(|a, b| {
        (a.due_date, &a.session, a.record).cmp(&(b.due_date, &b.session, b.record))
    });
    items
}

/// What a folder holds of one kind (`T`): each readable session's, with its file, and the
/// files that could not be read.
pub type Folder<T> = (Vec<(PathBuf, T)>, Vec<Skipped>);

/// What the cache `T` keeps of every readable session in the folder, each with its file,
/// and the files that could not be read.
pub fn from_folder<T: Digest>(store: &Store) -> Result<Folder<T>, StoreError> {
    Ok(sorted_out(store.digests::<T>()?))
}

/// What was read of each file, sorted out: the readable ones with their files, and the
/// files that could not be read, with why.
pub fn sorted_out<T>(
    read: impl IntoIterator<Item = (PathBuf, Result<T, StoreError>)>,
) -> Folder<T> {
    let mut sessions = Vec::new();
    let mut skipped = Vec::new();
    for (path, what) in read {
        match what {
            Ok(d) => sessions.push((path, d)),
            Err(e) => skipped.push(Skipped {
                file: path.display().to_string(),
                reason: e.to_string(),
            }),
        }
    }
    (sessions, skipped)
}

/// The figures as a Markdown report.
pub fn markdown(f: &Figures) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "# What was agreed, and what changed\n");
    let since = f
        .since
        .as_ref()
        .map_or(String::new(), |d| format!(", sessions started since {d}"));
    let _ = writeln!(
        out,
        "On {}{since}: {} read.\n",
        f.today,
        crate::text::count(f.sessions_read, "session", "sessions")
    );
    let c = &f.conferences;
    let _ = writeln!(out, "## Family Group Conferences: {}\n", c.count);
    if c.count > 0 {
        out.push_str("| stage | conferences |\n|---|---|\n");
        for (stage, n) in &c.by_stage {
            let _ = writeln!(out, "| {stage} | {n} |");
        }
        let _ = writeln!(
            out,
            "\n- Decisions: {} agreed, {} agreed with changes, {} not agreed, {} not decided yet",
            c.agreed, c.agreed_with_changes, c.not_agreed, c.not_decided_yet
        );
        let _ = writeln!(
            out,
            "- Reviews held: {} ({} on or before their date)",
            c.reviews_held, c.reviews_on_time
        );
        let _ = writeln!(
            out,
            "- Plan items done: {} of {}",
            c.plan_items_done, c.plan_items
        );
        let show = |v: Option<f64>| v.map_or("none yet".to_owned(), |v| format!("{v:.1}"));
        let _ = writeln!(
            out,
            "- How well the plan is working (0–10), first → latest: the family {} → {}; the professionals {} → {}",
            show(c.family_first),
            show(c.family_latest),
            show(c.professionals_first),
            show(c.professionals_latest)
        );
        let (closed, reasons) = c.closures();
        let _ = writeln!(out, "- {closed}");
        for reason in reasons {
            let _ = writeln!(out, "  - {reason}");
        }
        out.push('\n');
    }
    let w = &f.workshops;
    let _ = writeln!(out, "## Workshops: {}\n", w.count);
    if w.count > 0 {
        let _ = writeln!(
            out,
            "- Agreements made: {}, done: {}, overdue: {}\n",
            w.agreements, w.done, w.overdue
        );
        counts(&mut out, "owner", &w.by_owner);
    }
    counts(&mut out, "sector", &w.by_sector);
    if !f.skipped.is_empty() {
        out.push_str("## Files left out\n\n");
        for s in &f.skipped {
            let _ = writeln!(
                out,
                "- {}: {}",
                crate::export::markdown_escape(&s.file),
                crate::export::markdown_escape(&s.reason)
            );
        }
    }
    out
}

/// A Markdown table of agreements made, done and overdue, one row per owner or sector.
fn counts(out: &mut String, what: &str, rows: &[OwnerRow]) {
    use std::fmt::Write;
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(out, "| {what} | made | done | overdue |\n|---|---|---|---|");
    for row in rows {
        let name = crate::export::markdown_escape(&row.owner);
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} |",
            row.made, row.done, row.overdue
        );
    }
    out.push('\n');
}

/// The figures as CSV (after the byte-order mark, unless `bom` is false): one row per
/// figure (section, figure, value).
pub fn csv(f: &Figures, bom: bool) -> String {
    let mut out = crate::export::csv_start(bom);
    let mut row = |section: &str, figure: &str, value: String| {
        out.push_str(&crate::export::csv_row([section, figure, &value]));
    };
    row("section", "figure", "value".into());
    let c = &f.conferences;
    row("conferences", "count", c.count.to_string());
    for (stage, n) in &c.by_stage {
        row("conferences", &format!("at {stage}"), n.to_string());
    }
    for (figure, n) in [
        ("agreed", c.agreed),
        ("agreed with changes", c.agreed_with_changes),
        ("not agreed", c.not_agreed),
        ("not decided yet", c.not_decided_yet),
        ("reviews held", c.reviews_held),
        ("reviews on time", c.reviews_on_time),
        ("plan items", c.plan_items),
        ("plan items done", c.plan_items_done),
    ] {
        row("conferences", figure, n.to_string());
    }
    let opt = |v: Option<f64>| v.map(|v| format!("{v:.1}")).unwrap_or_default();
    row("conferences", "family rating first", opt(c.family_first));
    row("conferences", "family rating latest", opt(c.family_latest));
    row(
        "conferences",
        "professionals rating first",
        opt(c.professionals_first),
    );
    row(
        "conferences",
        "professionals rating latest",
        opt(c.professionals_latest),
    );
    row("conferences", "closed", c.closed.to_string());
    for (reason, n) in &c.closed_by_reason {
        row("conferences", &format!("closed: {reason}"), n.to_string());
    }
    let ws = &f.workshops;
    row("workshops", "count", ws.count.to_string());
    row("workshops", "agreements", ws.agreements.to_string());
    row("workshops", "done", ws.done.to_string());
    row("workshops", "overdue", ws.overdue.to_string());
    for (section, rows) in [("owner", &ws.by_owner), ("sector", &ws.by_sector)] {
        for o in rows {
            row(section, &format!("{} made", o.owner), o.made.to_string());
            row(section, &format!("{} done", o.owner), o.done.to_string());
            row(
                section,
                &format!("{} overdue", o.owner),
                o.overdue.to_string(),
            );
        }
    }
    for s in &f.skipped {
        row("skipped", &s.file, s.reason.clone());
    }
    out
}
