//! Sharing the outcome: Markdown, HTML, Word, CSV and iCalendar writers over a session.

mod audience;
mod calendar;
pub mod document;
mod docx;
mod family;
mod html;
mod markdown;
mod partnership;
pub mod run_sheet;
mod table;
mod who_to_call;

use crate::framework::{Framework, Stage};
use crate::model::{Record, Session, same_theme};
use crate::text::clean_line;

pub use crate::describe::{conference_facts, conference_outcome};
pub use audience::Audience;
pub use calendar::CalendarStyle;
pub use markdown::escape as markdown_escape;
pub use table::row as csv_row;
pub use table::start as csv_start;

/// The one list of formats convene writes: a session's export, the day's run-sheet and the
/// folder's figures each take the ones in their list ([`Format::ALL`],
/// [`Format::RUN_SHEET`], [`Format::FIGURES`]). The command line's names and help for them
/// are `cli::format`'s (this module knows nothing of clap).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Markdown: readable text.
    Md,
    /// One self-contained page that prints well.
    Html,
    /// Rows for spreadsheets.
    Csv,
    /// A calendar: agreements, plan items and the review date.
    Ics,
    /// A Word document.
    Docx,
    /// JSON, for scripts (the folder's figures).
    Json,
}

impl Format {
    /// Every format convene writes.
    pub const EVERY: [Format; 6] = [
        Format::Md,
        Format::Html,
        Format::Csv,
        Format::Ics,
        Format::Docx,
        Format::Json,
    ];

    /// The day's run-sheet (`convene agenda`): [`run_sheet::Sheet::render`].
    pub const RUN_SHEET: [Format; 3] = [Format::Md, Format::Html, Format::Docx];

    /// The folder's figures (`convene report`).
    pub const FIGURES: [Format; 3] = [Format::Md, Format::Csv, Format::Json];

    /// Every format a session is exported to ([`render`], `convene export`), in the order
    /// the app's export box offers them.
    pub const ALL: [Format; 5] = [
        Format::Md,
        Format::Html,
        Format::Csv,
        Format::Ics,
        Format::Docx,
    ];

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Ics => "ics",
            Format::Docx => "docx",
            Format::Json => "json",
        }
    }

    /// What the format is, for people.
    pub fn label(self) -> &'static str {
        match self {
            Format::Md => "Markdown report",
            Format::Html => "HTML page (prints to PDF)",
            Format::Csv => "CSV, one row per record",
            Format::Ics => "Calendar (ICS) of agreements and dates",
            Format::Docx => "Word document (DOCX)",
            Format::Json => "JSON, for scripts",
        }
    }

    /// Whether the format is a document to read (Markdown, HTML, Word), written for an
    /// audience; a spreadsheet or a calendar is the same for everyone.
    pub fn is_document(self) -> bool {
        matches!(self, Format::Md | Format::Html | Format::Docx)
    }

    /// Whether the format is text (a Word file is not: it goes to a file, never a terminal).
    pub fn is_text(self) -> bool {
        self != Format::Docx
    }
}

/// How to write an export, beyond its format. The default is what a person sharing a
/// file wants: a byte-order mark in CSV, no record's words in a calendar, times in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// To-dos or all-day events in a calendar.
    pub calendar: CalendarStyle,
    /// Start a CSV with a UTF-8 byte-order mark, so spreadsheet applications read `é`
    /// (scripts turn it off).
    pub bom: bool,
    /// Put a plan item's or agreement's own words in a calendar (work calendars are seen
    /// by others; without it, an item says only the session's title and its kind).
    pub include_text: bool,
    /// Put the conference's venue in a calendar (venues can be secret).
    pub include_venue: bool,
    /// Put phone numbers and email addresses in a CSV (private: left out unless asked for;
    /// a calendar never has them).
    pub with_contacts: bool,
    /// The reader's time zone, for times in reports (dates are dates everywhere).
    pub offset: time::UtcOffset,
    /// Who the export is for: it chooses what a document holds (see [`Audience`]).
    pub audience: Audience,
    /// The day the export is made, in the reader's time zone: the family's copy speaks of
    /// the conference day and the review in the tense their dates call for. Given by the
    /// caller (the library reads no clock); without it, dates are given without a tense.
    pub today: Option<time::Date>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            calendar: CalendarStyle::Todos,
            bom: true,
            include_text: false,
            include_venue: false,
            with_contacts: false,
            offset: time::UtcOffset::UTC,
            audience: Audience::Professionals,
            today: None,
        }
    }
}

/// Why a session could not be exported in a format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// A calendar needs at least one dated item: an empty one is not a valid file.
    #[error("nothing in this session has a date yet, so there is nothing to put in a calendar")]
    NothingDated,
    /// A closed conference gives no dates: nothing of it is still to come.
    #[error(
        "nothing is dated because the conference is closed, so there is nothing to put in a calendar"
    )]
    ClosedConference,
    /// The audience has no copy of this session (a family's copy of a workshop).
    #[error("{} is not written for this kind of session", .0.label())]
    NotForThisSession(Audience),
    /// The family's copy is a document to read, not a spreadsheet or a calendar.
    #[error("the family's copy is a document to read: Markdown, HTML or Word")]
    FamilyCopyIsADocument,
    /// What is written is not written in this format (a session as JSON, a run-sheet as a
    /// calendar): the command line offers only each one's formats.
    #[error("{what} is not written as {}", .format.label())]
    NotInThisFormat { what: &'static str, format: Format },
}

/// Writes the session in a format. `framework` gives stage names and order; records in
/// stages it does not know are still exported, after the known ones. For Word, this is the
/// document's main XML; [`render_file`] gives the file itself.
pub fn render(
    session: &Session,
    framework: Option<&Framework>,
    format: Format,
    options: Options,
) -> Result<String, ExportError> {
    if options.audience == Audience::Family {
        return family_text(session, format, options.today);
    }
    fits(session, options)?;
    let view = Report::new(session, framework);
    Ok(match format {
        Format::Md => markdown::render(&view, options),
        Format::Html => html::render(&view, options),
        Format::Csv => table::render(&view, options),
        Format::Ics => calendar::render(&view, options)?,
        Format::Docx => docx::xml(&view, options),
        Format::Json => {
            return Err(ExportError::NotInThisFormat {
                what: "a session's export",
                format,
            });
        }
    })
}

/// The bytes of the file to write: the text for text formats, the packed document for Word.
pub fn render_file(
    session: &Session,
    framework: Option<&Framework>,
    format: Format,
    options: Options,
) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Docx if options.audience == Audience::Family => {
            let blocks = family_copy(session, format, options.today)?;
            Ok(docx::pack(document::to_docx(docx::styled(), &blocks)))
        }
        Format::Docx => {
            fits(session, options)?;
            Ok(docx::render(&Report::new(session, framework), options))
        }
        _ => render(session, framework, format, options).map(String::into_bytes),
    }
}

/// One section of the main report's facts (the conference's, its outcome): a heading and
/// the pairs, as blocks every format renders; nothing when there are no pairs. `class` is
/// the HTML section's (`stage` breaks the printed page before it).
fn facts_section(
    class: &'static str,
    heading: &str,
    pairs: &[(&str, String)],
) -> Vec<document::Block> {
    if pairs.is_empty() {
        return Vec::new();
    }
    let pairs = pairs
        .iter()
        .map(|(label, value)| ((*label).to_owned(), value.clone()))
        .collect();
    vec![document::Block::Section(
        class,
        vec![
            document::Block::Heading(2, heading.to_owned()),
            document::Block::Facts(pairs),
        ],
    )]
}

/// The partnership's summary ahead of the full record ([`partnership::summary`]), in a
/// section of its own; nothing when the report has none.
fn summary_section(report: &Report, options: Options) -> Vec<document::Block> {
    let summary = partnership::summary(report, options);
    if summary.is_empty() {
        return Vec::new();
    }
    vec![document::Block::Section("summary", summary)]
}

/// The main report's stages, each a section: its name, its purpose, then its records
/// (grouped by theme where the stage's records have themes), or a note of why there are
/// none.
fn stage_sections(report: &Report) -> Vec<document::Block> {
    use document::Block;
    report
        .stages
        .iter()
        .map(|stage| {
            let mut blocks = vec![Block::Heading(2, stage.name.clone())];
            if !stage.purpose.is_empty() {
                blocks.push(Block::Emphasis(stage.purpose.clone()));
            }
            let describe = |records: &[&Record]| -> Block {
                Block::Records(records.iter().map(|r| report.describe(r)).collect())
            };
            if stage.family_only {
                blocks.push(Block::Note(FAMILY_TIME.to_owned()));
            } else if stage.records.is_empty() {
                blocks.push(Block::Note(stage.empty_note(report.session).to_owned()));
            } else {
                match stage.by_theme() {
                    Some(groups) => {
                        for (theme, records) in groups {
                            blocks.push(Block::Heading(3, theme));
                            blocks.push(describe(&records));
                        }
                    }
                    None => blocks.push(describe(&stage.records)),
                }
            }
            Block::Section("stage", blocks)
        })
        .collect()
}

/// What the main report says of private family time.
const FAMILY_TIME: &str = "This time belonged to the family. Nothing was written here; their plan follows in their own words.";

/// The main report's closing map (sides × closeness, sectors × levels) as blocks every
/// format renders; nothing when there is no map to draw or the audience has none.
fn map_section(session: &Session, options: Options) -> Vec<document::Block> {
    let Some((title, header, rows)) = closing_map(session, options) else {
        return Vec::new();
    };
    vec![document::Block::Section(
        "stage map",
        vec![
            document::Block::Heading(2, title),
            document::Block::Counts { header, rows },
        ],
    )]
}

/// Whether the export's audience has a copy of this session (a partnership's summary is
/// of a workshop, never of a family's conference).
fn fits(session: &Session, options: Options) -> Result<(), ExportError> {
    if options.audience.fits(session) {
        Ok(())
    } else {
        Err(ExportError::NotForThisSession(options.audience))
    }
}

/// The family's copy of a conference as blocks, in one of the formats it is written in.
fn family_copy(
    session: &Session,
    format: Format,
    today: Option<time::Date>,
) -> Result<Vec<document::Block>, ExportError> {
    if !Audience::Family.fits(session) {
        return Err(ExportError::NotForThisSession(Audience::Family));
    }
    match format {
        _ if format.is_document() => Ok(family::blocks(session, today)),
        _ => Err(ExportError::FamilyCopyIsADocument),
    }
}

/// The family's copy as text (for Word, its main XML).
fn family_text(
    session: &Session,
    format: Format,
    today: Option<time::Date>,
) -> Result<String, ExportError> {
    let blocks = family_copy(session, format, today)?;
    Ok(match format {
        Format::Html => {
            let title = match blocks.first() {
                Some(document::Block::Heading(_, title)) => title.as_str(),
                _ => "",
            };
            html::page(title, &document::to_html(&blocks))
        }
        Format::Docx => docx::main_xml(document::to_docx(docx::styled(), &blocks)),
        _ => document::to_markdown(&blocks),
    })
}

/// The file name an export suggests. The family's copy carries no session id (a browser
/// prints the file's name at the page's foot): the child's first name and the day it was
/// made, `family-copy-tyler-2026-12-08.html`. A copy for someone other than the session's
/// usual reader says whose it is, so two copies never suggest the same name.
pub fn suggested_name(
    session: &Session,
    format: Format,
    audience: crate::export::Audience,
    today: time::Date,
) -> String {
    if format.is_document() && audience == Audience::Family {
        let child = session
            .conference
            .as_ref()
            .map(|c| crate::text::first_name_slug(&c.child))
            .filter(|c| !c.is_empty())
            .map_or_else(String::new, |c| format!("{c}-"));
        return format!(
            "family-copy-{child}{}.{}",
            crate::model::timefmt::format_date(today),
            format.extension()
        );
    }
    let whose = if format.is_document() && audience != Audience::default_for(session) {
        format!("-{}", audience.name())
    } else {
        String::new()
    };
    format!("convene-{}{whose}.{}", session.id, format.extension())
}

/// Whether `path` would land inside `folder` (the sessions folder, where exports never go).
pub fn lands_in(path: &std::path::Path, folder: &std::path::Path) -> bool {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    match (std::fs::canonicalize(parent), std::fs::canonicalize(folder)) {
        (Ok(parent), Ok(folder)) => parent.starts_with(folder),
        _ => path.starts_with(folder),
    }
}

/// A session arranged for a report: its stages in order, each with its records.
pub struct Report<'a> {
    pub session: &'a Session,
    pub framework_name: String,
    pub stages: Vec<StageReport<'a>>,
}

/// One stage and what was captured in it.
pub struct StageReport<'a> {
    pub key: String,
    pub name: String,
    pub purpose: String,
    pub records: Vec<&'a Record>,
    /// Private family time: nothing is written here.
    pub family_only: bool,
}

impl<'a> Report<'a> {
    pub fn new(session: &'a Session, framework: Option<&Framework>) -> Self {
        let mut stages: Vec<StageReport> = framework
            .map(|f| {
                f.stages
                    .iter()
                    .map(|s| StageReport::from_stage(s, session))
                    .collect()
            })
            .unwrap_or_default();
        for record in &session.records {
            if !stages.iter().any(|s| s.key == record.stage) {
                stages.push(StageReport {
                    key: record.stage.clone(),
                    name: clean_line(&record.stage),
                    purpose: String::new(),
                    records: session.records_in(&record.stage).collect(),
                    family_only: false,
                });
            }
        }
        Self {
            session,
            framework_name: clean_line(framework.map_or(&session.framework, |f| &f.name)),
            stages,
        }
    }

    /// The record as every view describes it.
    pub fn describe(&self, record: &Record) -> crate::describe::Description {
        crate::describe::describe(record, self.session)
    }

    /// The stage name a record was captured in.
    pub fn stage_name(&self, key: &str) -> String {
        self.stages
            .iter()
            .find(|s| s.key == key)
            .map_or_else(|| key.to_owned(), |s| s.name.clone())
    }
}

impl<'a> StageReport<'a> {
    fn from_stage(stage: &Stage, session: &'a Session) -> Self {
        Self {
            key: stage.key.clone(),
            name: clean_line(&stage.name),
            purpose: stage.purpose.clone(),
            records: session
                .records
                .iter()
                .filter(|r| r.stage == stage.key)
                .collect(),
            family_only: stage.captures.is_empty(),
        }
    }

    /// What a stage with no records of its own says. A conference's review holds no
    /// records of its own (its ratings are the outcome's, its check-ins each plan item's),
    /// so once a review is held it says where they are rather than that nothing was.
    pub fn empty_note(&self, session: &Session) -> &'static str {
        let reviewed = session
            .conference
            .as_ref()
            .is_some_and(|c| !c.ratings.is_empty())
            || session
                .records
                .iter()
                .any(|r| !r.body.checkins().is_empty());
        if self.key == "review" && session.is_conference() && reviewed {
            "The reviews and their ratings are under “The outcome”; each check-in is with its plan item."
        } else {
            "Nothing was captured in this stage."
        }
    }

    /// Strengths and dreams grouped by theme (in order of first appearance, each under the
    /// spelling first used; "housing" and "Housing" are one theme; the rest last), or
    /// `None` when the stage holds no themed records.
    pub fn by_theme(&self) -> Option<Vec<(String, Vec<&'a Record>)>> {
        let mut groups: Vec<(String, Vec<&Record>)> = Vec::new();
        let mut rest = Vec::new();
        for record in &self.records {
            match record.body.theme().map(clean_line) {
                Some(theme) => match groups.iter_mut().find(|(t, _)| same_theme(t, &theme)) {
                    Some((_, list)) => list.push(record),
                    None => groups.push((theme, vec![record])),
                },
                None => rest.push(*record),
            }
        }
        if groups.is_empty() {
            return None;
        }
        if !rest.is_empty() {
            groups.push(("Not yet themed".to_owned(), rest));
        }
        Some(groups)
    }
}

/// The map that closes the full record; the partnership's summary already shows it.
fn closing_map(session: &Session, options: Options) -> Option<MapTable> {
    if options.audience == Audience::Partnership {
        return None;
    }
    map_table(session, session.conference.is_some())
}

/// A map as a table: its title, its heading row, and rows of (label, cells of (count, text)).
pub type MapTable = (String, Vec<String>, Vec<(String, Vec<(usize, String)>)>);

/// The map as a table: a heading row, then rows of cells (counts or names). For a
/// workshop, sectors × levels; for a conference, sides × closeness. `None` when there is
/// nothing to draw (no tags and no participants).
pub fn map_table(session: &Session, conference: bool) -> Option<MapTable> {
    use crate::model::map::{network, system_map};
    if conference {
        let net = network(session);
        if net.cells.iter().all(|side| side.iter().all(Vec::is_empty)) {
            return None;
        }
        let header = ["side", "close", "around", "further out", "not placed yet"]
            .map(str::to_owned)
            .to_vec();
        let rows = ["family", "friends", "community", "professionals"]
            .iter()
            .enumerate()
            .map(|(s, side)| {
                let cells = net.cells[s]
                    .iter()
                    .map(|people| {
                        let names: Vec<String> = people
                            .iter()
                            .map(|p| format!("{} ({})", clean_line(&p.name), p.plan_items))
                            .collect();
                        (people.len(), names.join(", "))
                    })
                    .collect();
                ((*side).to_owned(), cells)
            })
            .collect();
        return Some((
            format!("Who {} can count on", clean_line(&net.child)),
            header,
            rows,
        ));
    }
    let map = system_map(session, &crate::model::default_sectors());
    if (0..map.sectors.len()).all(|i| map.heard(i) == 0) {
        return None;
    }
    let mut header = vec!["sector".to_owned()];
    header.extend(
        crate::model::Level::ALL
            .iter()
            .map(|l| l.label().to_owned()),
    );
    header.push("level not said".to_owned());
    // A sector with something on record shows its counts ("–" for none at a level); "not
    // yet heard" only where nothing from the sector is on record.
    let rows = map
        .sectors
        .iter()
        .enumerate()
        .map(|(i, sector)| {
            let heard = map.heard(i) > 0;
            let cells = (0..4)
                .map(|l| map.cell(i, l).len())
                .chain(std::iter::once(map.no_level.get(i).map_or(0, Vec::len)))
                .enumerate()
                .map(|(at, n)| {
                    let text = match (n, heard, at) {
                        (0, true, _) => "–".to_owned(),
                        (0, false, 0) => "not yet heard".to_owned(),
                        (0, false, _) => String::new(),
                        (n, ..) => n.to_string(),
                    };
                    (n, text)
                })
                .collect();
            (clean_line(sector), cells)
        })
        .collect();
    Some((
        "Where strength lies: strengths by sector and level".to_owned(),
        header,
        rows,
    ))
}
