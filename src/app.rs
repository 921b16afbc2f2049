//! The app's state and its one `update` function: messages in, state changed, effects out.

pub mod agenda;
pub mod arrival;
mod capture;
mod dashboard;
pub mod dates;
pub mod finder;
pub mod follow;
pub mod form;
pub mod keys;
pub mod layers;
mod live;
pub mod map;
mod new_session;
pub mod overlay;
pub mod picker;
mod saving;
pub mod sections;
mod session_keys;
mod session_view;
pub mod tags;
mod undo;
pub mod week;

pub use dashboard::{Dashboard, Entry};
pub use follow::{FollowThrough, ReportView};
pub use layers::Layer;
pub use new_session::NewSession;
pub use overlay::Overlay;
pub use session_view::{After, SessionView};
pub use week::WeekView;

use crate::framework::Frameworks;
use crate::store::{Fingerprint, Loaded};
use crossterm::event::KeyEvent;
use std::path::PathBuf;
use time::{OffsetDateTime, UtcOffset};

/// Why an export was not written.
#[derive(Debug)]
pub enum ExportProblem {
    /// A file is already at that place; it is kept until the user agrees to replace it.
    Exists(PathBuf),
    /// Anything else, in plain words.
    Failed(String),
}

/// Something that happened: a key, a paste, the clock, or the result of an effect.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    /// Text pasted at once; its line breaks may be `\r\n`, `\r` or `\n`.
    Paste(String),
    /// The terminal was closed or the system asked convene to stop: save, then quit
    /// without asking.
    Closing,
    /// The clock moved on (sent a few times a second).
    Tick(OffsetDateTime),
    /// The folder was read.
    Listed(Vec<Entry>),
    /// A session was opened or created (read-only, with the reason, if another window
    /// holds its lock).
    Opened(Box<Loaded>),
    /// A save finished.
    Saved(Result<Fingerprint, SaveProblem>),
    /// A save could not go to the session's file, so the words went to a copy.
    SavedToCopy(PathBuf),
    /// After a conflict, mine is the session again and theirs was kept as a copy.
    KeptMine(Fingerprint, PathBuf),
    /// An export was written (or why not).
    Exported(Result<PathBuf, ExportProblem>),
    /// A copy was written elsewhere (or why not).
    CopiedTo(Result<PathBuf, String>),
    /// What is due across the folder was read.
    FollowListed(Vec<crate::report::DueItem>),
    /// The coordinator's week was read.
    WeekListed(Box<crate::week::Week>),
    /// The report's figures were computed.
    Reported(Box<crate::report::Figures>),
    /// A check-in was saved into another session's file (or why not).
    CheckedIn(Result<String, String>),
    /// Session files in the folder were created, changed or removed (by anyone: this
    /// window, another, a sync tool, git).
    FolderChanged(Vec<PathBuf>),
    /// The open session's file now holds something other than this window read or wrote.
    ChangedOnDisk(Box<Loaded>),
    /// Something could not be done; the words say what.
    Failed(String),
}

/// Why a save did not reach the session's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveProblem {
    /// The disk or folder refused; the words are kept in memory and tried again.
    Failed(String),
    /// Another program changed the file since it was opened.
    Changed,
}

/// A session's text on its way to its file: what to write, where, and what the file held
/// when it was read (a save never replaces a file someone else changed since).
#[derive(Debug, Clone, PartialEq)]
pub struct SaveJob {
    /// The file the session was read from.
    pub file: PathBuf,
    /// The session as it is to be written (a snapshot: the window goes on changing its own).
    pub session: Box<crate::model::Session>,
    /// What the file held when it was read or last saved.
    pub fingerprint: Fingerprint,
    /// This window's conflict copy, once there has been a conflict: saves go there.
    pub copy: Option<PathBuf>,
    /// The time, for the names of copies.
    pub now: OffsetDateTime,
}

/// Work for the runtime (`effects::Runtime`): disk and terminal, carried out outside
/// `update`. Each effect carries what it needs; the runtime never reads `App`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Read the folder for the dashboard, as of `today`.
    List { today: time::Date },
    /// Open a session file (and take its lock).
    Open(PathBuf),
    /// This window is done with a session: let go of its lock.
    Close(PathBuf),
    /// Create and save a new session.
    Create {
        framework: String,
        title: String,
        now: OffsetDateTime,
        /// The coordinator a new conference starts with (from the settings).
        coordinator: crate::model::Coordinator,
    },
    /// Save a session over its file.
    Save(Box<SaveJob>),
    /// Write a session to a new conflict copy beside its file.
    SaveCopy(Box<SaveJob>),
    /// After a conflict: keep their file as a copy and make mine the session again.
    KeepMine(Box<SaveJob>),
    /// Write a copy of a session to a new file of the user's choosing.
    CopyTo {
        session: Box<crate::model::Session>,
        path: PathBuf,
    },
    /// Write an export.
    Export {
        /// The file's bytes, as [`crate::export::render_file`] gives them.
        bytes: Vec<u8>,
        path: PathBuf,
        /// Whether the user agreed to replace a file already there.
        replace: bool,
    },
    /// Read what is due across the folder.
    FollowList { within: u32, today: time::Date },
    /// Read the coordinator's week from `today`.
    Week { today: time::Date },
    /// Compute the report's figures.
    Report { today: time::Date },
    /// Record a check-in in a session's file (from the follow-through view).
    CheckInElsewhere {
        path: PathBuf,
        record: crate::model::RecordId,
        checkin: crate::model::CheckIn,
        now: OffsetDateTime,
    },
    /// Read the open session's file again, if it no longer holds what this window knows
    /// (its own saves hold the same bytes, so they are never taken for someone else's).
    Reread {
        path: PathBuf,
        fingerprint: Fingerprint,
    },
    /// Hand the terminal back to the shell until resumed.
    Suspend,
}

/// A line in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub text: String,
    pub problem: bool,
}

/// Which screen is showing.
#[derive(Debug)]
pub enum Screen {
    Dashboard,
    NewSession(Box<NewSession>),
    Session(Box<SessionView>),
    FollowThrough(Box<FollowThrough>),
    Report(Box<ReportView>),
    Week(Box<WeekView>),
}

/// Everything the app knows; `draw` reads it and `update` changes it.
#[derive(Debug)]
pub struct App {
    pub frameworks: Frameworks,
    /// The local time offset, for showing times.
    pub offset: UtcOffset,
    /// The sessions folder (shown on the dashboard).
    pub dir: PathBuf,
    pub now: OffsetDateTime,
    pub screen: Screen,
    pub dashboard: Dashboard,
    pub status: Option<StatusLine>,
    /// The layers the app shows over the screen, in the order shown (help, the presenter,
    /// the map, the room's screen); [`App::stack`] adds the session's page and box.
    pub shown: Vec<Layer>,
    /// Weeks from a conference to its suggested review.
    pub review_weeks: u32,
    /// The coordinator a new conference starts with (from the settings).
    pub coordinator: crate::model::Coordinator,
    /// The colours and styles the screen is drawn in.
    pub theme: crate::theme::Theme,
    /// The sectors a partnership map shows (the defaults and the user's own).
    pub sectors: Vec<String>,
    /// The strengths-language lens, offered when a record is saved.
    pub lens: std::sync::Arc<crate::lens::Lens>,
    /// How far the `?` screen is scrolled, on a small window.
    pub help_scroll: u16,
    /// Where exports and rescue copies are suggested (the user's documents folder, given
    /// by whoever runs the app; `update` never looks it up).
    pub documents: PathBuf,
    pub quit: bool,
}

impl App {
    /// The app at the dashboard; the first effect lists the folder.
    pub fn new(
        frameworks: Frameworks,
        offset: UtcOffset,
        dir: PathBuf,
        now: OffsetDateTime,
    ) -> (Self, Vec<Effect>) {
        let app = Self {
            frameworks,
            offset,
            dir,
            now,
            screen: Screen::Dashboard,
            dashboard: Dashboard::default(),
            status: None,
            shown: Vec::new(),
            help_scroll: 0,
            documents: PathBuf::from("."),
            review_weeks: 12,
            coordinator: crate::model::Coordinator::default(),
            theme: crate::theme::Theme::default_dark(),
            lens: crate::lens::Lens::shared(),
            sectors: crate::model::default_sectors(),
            quit: false,
        };
        let list = app.list();
        (app, vec![list])
    }

    /// Says something in the status bar.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(StatusLine {
            text: text.into(),
            problem: false,
        });
    }

    /// Says what went wrong in the status bar.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(StatusLine {
            text: text.into(),
            problem: true,
        });
    }

    /// The open session's view, if a session is open.
    pub fn session_view(&self) -> Option<&SessionView> {
        match &self.screen {
            Screen::Session(view) => Some(view),
            _ => None,
        }
    }

    fn session_view_mut(&mut self) -> Option<&mut SessionView> {
        match &mut self.screen {
            Screen::Session(view) => Some(view),
            _ => None,
        }
    }

    /// The local time now.
    pub fn local_now(&self) -> OffsetDateTime {
        self.now.to_offset(self.offset)
    }

    /// Read the folder for the dashboard, as of today.
    pub fn list(&self) -> Effect {
        Effect::List {
            today: self.local_now().date(),
        }
    }

    /// Shows a session to the room (`convene present`): the presenter view, read-only,
    /// following its file; once the room has voted, ranked by its votes.
    pub fn follow_for_the_room(&mut self, mut loaded: Loaded) -> Vec<Effect> {
        loaded
            .read_only
            .get_or_insert_with(|| "this window shows the session to the room".to_owned());
        self.show(Layer::Room);
        let effects = update(self, Msg::Opened(Box::new(loaded)));
        if let Some(view) = self.session_view_mut() {
            // Equal votes keep the order said: with no votes yet, this is that order. The
            // room follows the file from stage to stage, so every stage is ranked.
            view.by_votes = view
                .framework
                .stages
                .iter()
                .map(|s| s.key.clone())
                .collect();
        }
        effects
    }

    /// Save the open session, if one is open and may be written.
    pub fn save(&self) -> Option<Effect> {
        self.session_view()
            .filter(|v| v.read_only.is_none())
            .map(|v| Effect::Save(v.save_job(self.now)))
    }
}

/// Changes the state for one message and returns the effects to carry out.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let effects = handle(app, msg);
    // What drawing reads is worked out here, once per change, never while drawing.
    if let Some(view) = app.session_view_mut() {
        view.refresh_rows();
    }
    effects
}

fn handle(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => layers::on_key(app, key),
        Msg::Paste(text) => {
            let text = crate::text::line_breaks(&text);
            match &mut app.screen {
                Screen::Session(view) => view.paste(&text),
                Screen::NewSession(form) => form.paste(&text),
                Screen::Dashboard => app.dashboard.paste(&text),
                Screen::FollowThrough(view) => {
                    if let Some(form) = view.form.as_mut() {
                        form.paste(&text);
                    }
                }
                Screen::Report(_) | Screen::Week(_) => {}
            }
            Vec::new()
        }
        Msg::Closing => {
            let today = app.local_now().date();
            capture::keep_on_closing(app, app.now, today);
            app.quit = true;
            match app.session_view() {
                Some(view) if view.dirty => app.save().into_iter().collect(),
                _ => Vec::new(),
            }
        }
        Msg::Tick(now) => {
            app.now = now;
            match app.session_view_mut() {
                Some(view) if view.wants_save(now) => app.save().into_iter().collect(),
                _ => Vec::new(),
            }
        }
        Msg::Listed(entries) => {
            app.dashboard.set_entries(entries);
            Vec::new()
        }
        Msg::Opened(loaded) => {
            let rename = app.dashboard.rename_on_open.take().as_ref() == Some(&loaded.path);
            let Some(framework) = app.frameworks.get(&loaded.session.framework).cloned() else {
                app.warn(format!(
                    "This session follows “{}”, a framework not known here; `convene show {}` prints it.",
                    loaded.session.framework, loaded.session.id
                ));
                return vec![Effect::Close(loaded.path)];
            };
            // Another session in this window is let go of; the same one keeps its lock.
            let close: Vec<Effect> = app
                .session_view()
                .filter(|v| v.path != loaded.path)
                .map(|v| Effect::Close(v.path.clone()))
                .into_iter()
                .collect();
            if let Some(reason) = &loaded.read_only {
                app.warn(format!("Opened read-only: {reason}."));
            } else if let Some(inner) = &loaded.inner_id {
                app.warn(format!(
                    "Opened {}.ron, whose inside names it {}; it keeps its file's name and saves to this file.",
                    loaded.session.id,
                    crate::text::clean_line(inner.as_str())
                ));
            } else if let Some(mode) = loaded.loose {
                app.warn(format!(
                    "This file could be read by others (mode {mode:o}); convene makes it private to you at the next save."
                ));
            } else {
                app.say(format!(
                    "Opened “{}”.",
                    crate::text::clean_line(&loaded.session.title)
                ));
            }
            app.screen = Screen::Session(Box::new(SessionView::new(*loaded, framework)));
            let mut effects = close;
            // Opened to be renamed: the rename key, as if pressed (a read-only session or
            // the family's own time refuses it as the key would be refused).
            if let Some(key) = rename
                .then(|| keys::key_for(keys::SESSION, keys::Action::Rename))
                .flatten()
            {
                effects.extend(session_keys::on_key(app, key));
            }
            effects
        }
        Msg::Saved(result) => saving::on_saved(app, result),
        Msg::SavedToCopy(path) => saving::on_saved_to_copy(app, path),
        Msg::KeptMine(fingerprint, theirs) => saving::on_kept_mine(app, fingerprint, theirs),
        Msg::CopiedTo(result) => saving::on_copied(app, result),
        Msg::Exported(result) => saving::on_exported(app, result),
        Msg::FollowListed(items) => {
            if let Screen::FollowThrough(view) = &mut app.screen {
                view.selected = view.selected.min(items.len().saturating_sub(1));
                view.items = items;
                view.loaded = true;
            }
            Vec::new()
        }
        Msg::WeekListed(week) => {
            if let Screen::Week(view) = &mut app.screen {
                view.week = Some(*week);
                view.selected = view.selected.min(view.len().saturating_sub(1));
            }
            Vec::new()
        }
        Msg::Reported(figures) => {
            if let Screen::Report(view) = &mut app.screen {
                view.figures = Some(*figures);
            }
            Vec::new()
        }
        Msg::CheckedIn(result) => match (result, &app.screen) {
            (Ok(words), Screen::FollowThrough(view)) => {
                let within = view.within;
                app.say(words);
                vec![Effect::FollowList {
                    within,
                    today: app.local_now().date(),
                }]
            }
            (Ok(words), _) => {
                app.say(words);
                Vec::new()
            }
            (Err(words), _) => {
                app.warn(words);
                Vec::new()
            }
        },
        Msg::FolderChanged(paths) => live::on_folder_changed(app, &paths),
        Msg::ChangedOnDisk(loaded) => live::on_changed_on_disk(app, *loaded),
        Msg::Failed(text) => {
            app.dashboard.rename_on_open = None;
            app.warn(text);
            Vec::new()
        }
    }
}

/// Pasted text for a one-line field: its lines joined with a space, so words from two
/// lines never run together.
pub fn one_line(pasted: &str) -> String {
    let cleaned = crate::text::clean(pasted);
    let mut out = String::with_capacity(cleaned.len());
    for (i, line) in cleaned.split('\n').enumerate() {
        if i > 0 && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(if i > 0 { line.trim_start() } else { line });
    }
    out
}

/// Quits from anywhere: an open session saves first, and asks if it cannot.
pub(crate) fn quit(app: &mut App) -> Vec<Effect> {
    if app.session_view().is_some() {
        saving::leave(app, After::Quit)
    } else {
        app.quit = true;
        Vec::new()
    }
}
