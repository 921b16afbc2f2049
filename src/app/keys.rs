//! Key bindings as data: one table per screen, read by key handling, the footer and the `?` screen.
//!
//! Longer than most files on purpose: it is data, every screen's table side by side, so a
//! key can be checked against the others in one place.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for, on some screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Open,
    New,
    Filter,
    Quit,
    Back,
    Help,
    Suspend,
    Add,
    AddOther,
    Edit,
    Delete,
    Undo,
    Redo,
    MoveUp,
    MoveDown,
    Link,
    Theme,
    /// Rename the selected record's theme on every record (an existing name merges them).
    RenameTheme,
    ByTheme,
    Export,
    Present,
    Facts,
    Outcome,
    CheckIn,
    Sort,
    FollowThrough,
    Report,
    Tag,
    Map,
    NextPrompt,
    /// Show the next stage, for reading: the room stays where it is.
    LookNext,
    /// Show the previous stage, for reading: the room stays where it is.
    LookBack,
    /// Move the room on: to the stage on screen, or to the next stage.
    MoveRoom,
    /// One more of the room's dots on the selected dream or design statement.
    Vote,
    /// One dot fewer.
    Unvote,
    /// Type the dots as a count.
    CountVotes,
    /// The same tags as the record above.
    SameTags,
    /// Rank the stage's records by the room's votes.
    ByVotes,
    /// Start the room's clock, pause it, or set it going again.
    PauseClock,
    /// Five more minutes for the room's stage.
    MoreTime,
    /// Five minutes fewer for the room's stage.
    LessTime,
    Left,
    Right,
    Group,
    Further,
    Nearer,
    Toggle,
    Conference,
    Week,
    Close,
    HideClosed,
    /// Only the conferences whose coordinator is the settings' name.
    Mine,
    Rename,
    /// The day's plan: its blocks, clock times and breaks.
    Plan,
    /// The session's file was changed elsewhere: load that version, or choose between it
    /// and this window's (never a letter, so typing is never taken for it).
    Elsewhere,
}

/// One binding: the key, what it does, the words that say so, and whether the footer shows it.
/// A screen's table uses `Action`; an overlay's table uses its own small answer enum, so
/// its handler matches every answer and nothing else.
#[derive(Clone, Copy, Debug)]
pub struct Binding<A = Action> {
    pub code: KeyCode,
    pub ctrl: bool,
    /// With Alt held (Shift with Enter counts too: terminals report one or the other).
    pub alt: bool,
    pub action: A,
    /// The key as people read it ("Ctrl-r", "↑/k").
    pub keys: &'static str,
    pub help: &'static str,
    /// The few words the footer shows, for the keys that matter most.
    pub footer: Option<&'static str>,
    /// Whether the key changes the session (refused when it is read-only).
    pub writes: bool,
    /// Where else the key answers at all.
    pub when: When,
}

/// Where a key answers, beyond a screen that may be written (`Binding::writes`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Wherever its screen shows.
    Always,
    /// In a Family Group Conference only (not a workshop).
    Conference,
}

/// Why a session's key does nothing here, in words for the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The session is read-only, for this reason.
    ReadOnly(String),
    /// The stage is the family's private time (its name).
    FamilyTime(String),
    /// The key (this action) belongs to a conference, and this is a workshop.
    NotAConference(Action),
}

/// What decides whether a session's key answers, read once per key: whether the session is
/// a conference, whether it may be written, and whether its stage is the family's own time.
#[derive(Clone, Debug)]
pub struct Context {
    pub conference: bool,
    /// Why the session may not be written, if it may not.
    pub read_only: Option<String>,
    /// The stage's name, when it is the family's private time.
    pub family_time: Option<String>,
}

impl Context {
    /// Whether the key answers here, or why not. Moving the room on, undo and redo write
    /// nothing new, so they answer in the family's own time.
    pub fn refuses(&self, b: &Binding) -> Option<Refusal> {
        if b.writes
            && let Some(reason) = &self.read_only
        {
            return Some(Refusal::ReadOnly(reason.clone()));
        }
        let moves = matches!(b.action, Action::MoveRoom | Action::Undo | Action::Redo);
        if b.writes
            && !moves
            && let Some(name) = &self.family_time
        {
            return Some(Refusal::FamilyTime(name.clone()));
        }
        if b.when == When::Conference && !self.conference {
            return Some(Refusal::NotAConference(b.action));
        }
        None
    }

    /// Whether the key belongs where the session is (whatever may be written now): what
    /// `?` and the footer list.
    pub fn belongs(&self, b: &Binding) -> bool {
        b.when != When::Conference || self.conference
    }
}

impl<A> Binding<A> {
    /// The same binding, with Alt held.
    pub(crate) const fn with_alt(mut self) -> Self {
        self.alt = true;
        self
    }

    /// The same binding, with Ctrl held.
    pub(crate) const fn with_ctrl(mut self) -> Self {
        self.ctrl = true;
        self
    }

    /// The same binding, marked as changing the session.
    pub(crate) const fn writes(mut self) -> Self {
        self.writes = true;
        self
    }

    /// The same binding, answering only where `when` holds.
    pub(crate) const fn when(mut self, when: When) -> Self {
        self.when = when;
        self
    }
}

pub(crate) const fn key<A>(
    c: char,
    action: A,
    keys: &'static str,
    help: &'static str,
    footer: Option<&'static str>,
) -> Binding<A> {
    special(KeyCode::Char(c), action, keys, help, footer)
}

const fn ctrl<A>(c: char, action: A, keys: &'static str, help: &'static str) -> Binding<A> {
    let mut binding = special(KeyCode::Char(c), action, keys, help, None);
    binding.ctrl = true;
    binding
}

pub(crate) const fn special<A>(
    code: KeyCode,
    action: A,
    keys: &'static str,
    help: &'static str,
    footer: Option<&'static str>,
) -> Binding<A> {
    Binding {
        code,
        ctrl: false,
        alt: false,
        action,
        keys,
        help,
        footer,
        writes: false,
        when: When::Always,
    }
}

/// The dashboard's keys.
pub const DASHBOARD: &[Binding] = &[
    special(
        KeyCode::Enter,
        Action::Open,
        "Enter",
        "open the session",
        Some("open"),
    ),
    key('n', Action::New, "n", "start a new session", Some("new")),
    key(
        '/',
        Action::Filter,
        "/",
        "find by title, framework or stage",
        Some("find"),
    ),
    key(
        'f',
        Action::FollowThrough,
        "f",
        "follow-through: what is due and overdue everywhere",
        Some("due"),
    ),
    key(
        'w',
        Action::Week,
        "w",
        "the week ahead: conferences and what is not ready, reviews, plan items",
        Some("week"),
    ),
    key(
        'r',
        Action::Report,
        "r",
        "report: what was agreed, done and reviewed",
        None,
    ),
    key(
        's',
        Action::Sort,
        "s",
        "sort by next date, or by last change",
        Some("sort"),
    ),
    key(
        'h',
        Action::HideClosed,
        "h",
        "hide closed conferences, or show them again",
        Some("hide closed"),
    ),
    key(
        'm',
        Action::Mine,
        "m",
        "only mine: the conferences whose coordinator is you (the settings' name), or every session again",
        None,
    ),
    key(
        'E',
        Action::Rename,
        "E",
        "rename the session (it opens, with its title to change)",
        None,
    ),
    special(KeyCode::Up, Action::Up, "↑/k", "move up", None),
    key('k', Action::Up, "↑/k", "move up", None),
    special(KeyCode::Down, Action::Down, "↓/j", "move down", None),
    key('j', Action::Down, "↓/j", "move down", None),
    key('?', Action::Help, "?", "show every key", Some("keys")),
    key('q', Action::Quit, "q", "quit", Some("quit")),
    special(KeyCode::Esc, Action::Back, "Esc", "clear the search", None),
    ctrl(
        'z',
        Action::Suspend,
        "Ctrl-z",
        "suspend to the shell (saved first)",
    ),
];

/// The session screen's keys.
pub const SESSION: &[Binding] = &[
    key('a', Action::Add, "a", "add to this stage", Some("add")).writes(),
    key(
        'A',
        Action::AddOther,
        "A",
        "add another kind (a note, a question…)",
        None,
    )
    .writes(),
    key('e', Action::Edit, "e", "edit the selected record", None).writes(),
    special(
        KeyCode::Enter,
        Action::Edit,
        "Enter",
        "edit the selected record",
        None,
    )
    .writes(),
    key(
        'd',
        Action::Delete,
        "d",
        "delete the selected record (asks; u brings it back)",
        None,
    )
    .writes(),
    key('l', Action::Link, "l", "link to what it builds on", None).writes(),
    key('g', Action::Theme, "g", "theme a strength or dream", None).writes(),
    key(
        'G',
        Action::RenameTheme,
        "G",
        "rename its theme everywhere, or merge it with another",
        None,
    )
    .writes(),
    key('t', Action::ByTheme, "t", "group by theme", None),
    key(
        'v',
        Action::Vote,
        "v",
        "a dot (a vote) for the selected dream or design statement",
        None,
    )
    .writes(),
    key('V', Action::Unvote, "V", "take a dot back", None).writes(),
    key(
        '=',
        Action::CountVotes,
        "=",
        "count the dots: a total, or +3 for one person's three",
        None,
    )
    .writes(),
    key('R', Action::ByVotes, "R", "rank by the room's votes", None),
    key(
        'x',
        Action::Export,
        "x",
        "export a report, spreadsheet or calendar",
        None,
    ),
    key(
        's',
        Action::CheckIn,
        "s",
        "check in on an agreement or plan item",
        None,
    )
    .writes(),
    key('c', Action::Facts, "c", "the conference's key facts", None)
        .writes()
        .when(When::Conference),
    key(
        'i',
        Action::Conference,
        "i",
        "the conference's page: facts, outcome, what is open",
        None,
    )
    .when(When::Conference),
    key(
        'o',
        Action::Outcome,
        "o",
        "the conference's outcome, or its review",
        None,
    )
    .writes()
    .when(When::Conference),
    key(
        'C',
        Action::Close,
        "C",
        "close the conference (date and reason), or reopen it",
        None,
    )
    .writes()
    .when(When::Conference),
    key('E', Action::Rename, "E", "rename the session", None).writes(),
    key(
        'P',
        Action::Plan,
        "P",
        "the day's plan: start time, minutes, breaks, what happens",
        None,
    ),
    key('K', Action::MoveUp, "K", "move the record up", None).writes(),
    key('J', Action::MoveDown, "J", "move the record down", None).writes(),
    key('u', Action::Undo, "u", "undo", None).writes(),
    ctrl('r', Action::Redo, "Ctrl-r", "redo").writes(),
    ctrl(
        'l',
        Action::Elsewhere,
        "Ctrl-l",
        "changed elsewhere: load it, or choose (yours is kept)",
    ),
    special(
        KeyCode::Tab,
        Action::NextPrompt,
        "Tab",
        "next prompt",
        Some("next prompt"),
    ),
    key(
        '>',
        Action::MoveRoom,
        ">",
        "move the room on (to the stage you read, or the next)",
        Some("move on"),
    )
    .writes(),
    special(
        KeyCode::Char(' '),
        Action::PauseClock,
        "Space",
        "start the room's clock, pause it, or set it going again",
        None,
    )
    .writes(),
    key(
        '+',
        Action::MoreTime,
        "+",
        "five more minutes for this stage",
        None,
    )
    .writes(),
    key(
        '-',
        Action::LessTime,
        "-",
        "five minutes fewer for this stage",
        None,
    )
    .writes(),
    key(
        ']',
        Action::LookNext,
        "]",
        "read the next stage (the room and its clock stay)",
        None,
    ),
    key(
        '[',
        Action::LookBack,
        "[",
        "read the previous stage (the room and its clock stay)",
        Some("look back"),
    ),
    special(
        KeyCode::Up,
        Action::Up,
        "↑/k",
        "select the record above",
        None,
    ),
    key('k', Action::Up, "↑/k", "select the record above", None),
    special(
        KeyCode::Down,
        Action::Down,
        "↓/j",
        "select the record below",
        None,
    ),
    key('j', Action::Down, "↓/j", "select the record below", None),
    special(
        KeyCode::PageUp,
        Action::PageUp,
        "PgUp/PgDn",
        "select the record a page up / down",
        None,
    ),
    special(
        KeyCode::PageDown,
        Action::PageDown,
        "PgUp/PgDn",
        "select the record a page up / down",
        None,
    ),
    special(
        KeyCode::Home,
        Action::First,
        "Home/End",
        "select the first / last record",
        None,
    ),
    special(
        KeyCode::End,
        Action::Last,
        "Home/End",
        "select the first / last record",
        None,
    ),
    key(
        'T',
        Action::Tag,
        "T",
        "tag: sectors, level, whose voice",
        None,
    )
    .writes(),
    key(
        '"',
        Action::SameTags,
        "\"",
        "the same tags as the record above",
        None,
    )
    .writes(),
    key(
        'm',
        Action::Map,
        "m",
        "the map of where strength lies",
        Some("map"),
    ),
    key(
        'p',
        Action::Present,
        "p",
        "presenter view: the stage, large, for the room",
        Some("present"),
    ),
    key('?', Action::Help, "?", "show every key", Some("keys")),
    key(
        'q',
        Action::Back,
        "q",
        "back: to the room's stage, then to all sessions",
        Some("back"),
    ),
    special(
        KeyCode::Esc,
        Action::Back,
        "Esc",
        "back: to the room's stage, then to all sessions",
        None,
    ),
    ctrl(
        'z',
        Action::Suspend,
        "Ctrl-z",
        "suspend to the shell (saved first)",
    ),
];

/// The new-session form's keys while the framework is chosen (then the title is typed:
/// Enter starts the session, Esc goes back to the choice).
pub const NEW_SESSION: &[Binding] = &[
    special(
        KeyCode::Up,
        Action::Up,
        "↑/↓",
        "choose the framework",
        Some("choose"),
    ),
    key('k', Action::Up, "↑/↓", "choose the framework", None),
    special(
        KeyCode::Down,
        Action::Down,
        "↑/↓",
        "choose the framework",
        None,
    ),
    key('j', Action::Down, "↑/↓", "choose the framework", None),
    special(
        KeyCode::Enter,
        Action::Open,
        "Enter",
        "next: type the title, then Enter starts the session",
        Some("next"),
    ),
    key('?', Action::Help, "?", "show every key", Some("keys")),
    key(
        'q',
        Action::Back,
        "q/Esc",
        "back to all sessions",
        Some("back"),
    ),
    special(
        KeyCode::Esc,
        Action::Back,
        "q/Esc",
        "back to all sessions",
        None,
    ),
];

/// The follow-through view's keys.
pub const FOLLOW: &[Binding] = &[
    special(KeyCode::Up, Action::Up, "↑/k", "choose", None),
    key('k', Action::Up, "↑/k", "choose", None),
    special(KeyCode::Down, Action::Down, "↓/j", "choose", None),
    key('j', Action::Down, "↓/j", "choose", None),
    key(
        's',
        Action::CheckIn,
        "s/Enter",
        "check in: status, who said so, a note",
        Some("check in"),
    ),
    special(
        KeyCode::Enter,
        Action::CheckIn,
        "s/Enter",
        "check in: status, who said so, a note",
        None,
    ),
    key(
        'g',
        Action::Group,
        "g",
        "group by owner or by session",
        Some("group"),
    ),
    key(
        '+',
        Action::Further,
        "+/-",
        "look further ahead, or nearer",
        Some("further or nearer"),
    ),
    key(
        '=',
        Action::Further,
        "+/-",
        "look further ahead, or nearer",
        None,
    ),
    key(
        '-',
        Action::Nearer,
        "+/-",
        "look further ahead, or nearer",
        None,
    ),
    key('?', Action::Help, "?", "show every key", Some("keys")),
    key(
        'q',
        Action::Back,
        "q/Esc/f",
        "back to all sessions",
        Some("back"),
    ),
    special(
        KeyCode::Esc,
        Action::Back,
        "q/Esc/f",
        "back to all sessions",
        None,
    ),
    key('f', Action::Back, "q/Esc/f", "back to all sessions", None),
];

/// The coordinator's week view's keys.
pub const WEEK: &[Binding] = &[
    special(KeyCode::Up, Action::Up, "↑/k", "choose", None),
    key('k', Action::Up, "↑/k", "choose", None),
    special(KeyCode::Down, Action::Down, "↓/j", "choose", None),
    key('j', Action::Down, "↓/j", "choose", None),
    special(
        KeyCode::Enter,
        Action::Open,
        "Enter",
        "open the conference or session",
        Some("open"),
    ),
    key('?', Action::Help, "?", "show every key", Some("keys")),
    key(
        'q',
        Action::Back,
        "q/Esc/w",
        "back to all sessions",
        Some("back"),
    ),
    special(
        KeyCode::Esc,
        Action::Back,
        "q/Esc/w",
        "back to all sessions",
        None,
    ),
    key('w', Action::Back, "q/Esc/w", "back to all sessions", None),
];

/// The report screen's keys.
pub const REPORT: &[Binding] = &[
    key('?', Action::Help, "?", "show every key", Some("keys")),
    key(
        'q',
        Action::Back,
        "q/Esc/r",
        "back to all sessions",
        Some("back"),
    ),
    special(
        KeyCode::Esc,
        Action::Back,
        "q/Esc/r",
        "back to all sessions",
        None,
    ),
    key('r', Action::Back, "q/Esc/r", "back to all sessions", None),
];

/// The child's network map's keys: it is read, not moved through.
pub const NETWORK: &[Binding] = &[
    key('?', Action::Help, "?", "show every key", Some("keys")),
    key(
        'm',
        Action::Back,
        "m/Esc/q",
        "back to the session",
        Some("back"),
    ),
    special(
        KeyCode::Esc,
        Action::Back,
        "m/Esc/q",
        "back to the session",
        None,
    ),
    key('q', Action::Back, "m/Esc/q", "back to the session", None),
];

/// The keys of a session's map: the network for a conference, else the system map.
pub fn map_keys(conference: bool) -> &'static [Binding] {
    if conference { NETWORK } else { MAP }
}

/// The map's keys (the partnership's system map; the child's network is read only).
pub const MAP: &[Binding] = &[
    special(
        KeyCode::Up,
        Action::Up,
        "arrows/hjkl",
        "choose a cell",
        Some("choose a cell"),
    ),
    key('k', Action::Up, "arrows/hjkl", "choose a cell", None),
    special(
        KeyCode::Down,
        Action::Down,
        "arrows/hjkl",
        "choose a cell",
        None,
    ),
    key('j', Action::Down, "arrows/hjkl", "choose a cell", None),
    special(
        KeyCode::Left,
        Action::Left,
        "arrows/hjkl",
        "choose a cell",
        None,
    ),
    key('h', Action::Left, "arrows/hjkl", "choose a cell", None),
    special(
        KeyCode::Right,
        Action::Right,
        "arrows/hjkl",
        "choose a cell",
        None,
    ),
    key('l', Action::Right, "arrows/hjkl", "choose a cell", None),
    special(
        KeyCode::Enter,
        Action::Open,
        "Enter",
        "the strengths in the cell (Enter again closes them)",
        Some("its strengths"),
    ),
    key('?', Action::Help, "?", "show every key", Some("keys")),
    key(
        'm',
        Action::Back,
        "m/Esc/q",
        "back to the session",
        Some("back"),
    ),
    special(
        KeyCode::Esc,
        Action::Back,
        "m/Esc/q",
        "back to the session",
        None,
    ),
    key('q', Action::Back, "m/Esc/q", "back to the session", None),
];

/// The keys of `convene present`, the room's screen: it only shows, so it only leaves.
pub const PRESENT: &[Binding] = &[
    key('?', Action::Help, "?", "show every key", None),
    key('q', Action::Quit, "q/Esc", "stop presenting", None),
    special(KeyCode::Esc, Action::Quit, "q/Esc", "stop presenting", None),
];

/// The keys of a pick list (what a record builds on, who shared it, its tags).
pub const PICK: &[Binding] = &[
    special(
        KeyCode::Up,
        Action::Up,
        "↑/↓",
        "move (after typing to find: to the previous / next line found)",
        None,
    ),
    special(
        KeyCode::Down,
        Action::Down,
        "↑/↓",
        "move (after typing to find: to the previous / next line found)",
        None,
    ),
    special(
        KeyCode::PageUp,
        Action::PageUp,
        "PgUp/PgDn",
        "a page up / down",
        None,
    ),
    special(
        KeyCode::PageDown,
        Action::PageDown,
        "PgUp/PgDn",
        "a page up / down",
        None,
    ),
    special(
        KeyCode::Home,
        Action::First,
        "Home/End",
        "first / last",
        None,
    ),
    special(KeyCode::End, Action::Last, "Home/End", "first / last", None),
    key(
        ' ',
        Action::Toggle,
        "Space",
        "choose or unchoose the line under the cursor (after typing to find: a space between words)",
        Some("choose"),
    ),
    special(
        KeyCode::Enter,
        Action::Open,
        "Enter",
        "done (after typing to find: choose or unchoose the line under the cursor)",
        Some("done"),
    ),
    special(
        KeyCode::Esc,
        Action::Back,
        "Esc",
        "cancel (after typing to find: forget what was typed)",
        Some("cancel"),
    ),
];

/// The key a table binds to `action`, as the terminal sends it (so a screen can ask for
/// what the key does, as if it were pressed).
pub fn key_for<A: PartialEq>(table: &[Binding<A>], action: A) -> Option<KeyEvent> {
    let b = table.iter().find(|b| b.action == action)?;
    let mut modifiers = KeyModifiers::NONE;
    if b.ctrl {
        modifiers |= KeyModifiers::CONTROL;
    }
    if b.alt {
        modifiers |= KeyModifiers::ALT;
    }
    Some(KeyEvent::new(b.code, modifiers))
}

/// The action a key asks for on a screen with this table.
pub fn resolve<A: Copy>(table: &[Binding<A>], event: KeyEvent) -> Option<A> {
    binding(table, event).map(|b| b.action)
}

/// The binding a key finds in this table.
pub fn binding<A>(table: &[Binding<A>], event: KeyEvent) -> Option<&Binding<A>> {
    let ctrl_held = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt_held = event.modifiers.contains(KeyModifiers::ALT)
        || (event.code == KeyCode::Enter && event.modifiers.contains(KeyModifiers::SHIFT));
    table
        .iter()
        .find(|b| b.code == event.code && b.ctrl == ctrl_held && b.alt == alt_held)
}

/// The bindings to list, one row per distinct key text (↑ and k share a row).
pub fn rows<A>(table: &[Binding<A>]) -> Vec<(&'static str, &'static str)> {
    let mut rows: Vec<(&str, &str)> = Vec::new();
    for b in table {
        if !rows.iter().any(|(k, _)| *k == b.keys) {
            rows.push((b.keys, b.help));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_resolves_to_one_action_per_screen() {
        for table in [
            DASHBOARD,
            SESSION,
            NEW_SESSION,
            FOLLOW,
            WEEK,
            REPORT,
            MAP,
            NETWORK,
            PICK,
            PRESENT,
        ] {
            for (i, b) in table.iter().enumerate() {
                let first = table
                    .iter()
                    .position(|o| o.code == b.code && o.ctrl == b.ctrl)
                    .expect("itself");
                assert_eq!(first, i, "{} is bound twice", b.keys);
            }
        }
    }

    #[test]
    fn ctrl_keys_do_not_fire_plain_ones() {
        let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(resolve(SESSION, ctrl_r), Some(Action::Redo));
        let plain_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::NONE);
        assert_eq!(resolve(SESSION, plain_z), None);
    }
}
