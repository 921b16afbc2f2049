//! The day's plan over the session screen: choose a block, change its time, title, note or place, each change undoable.

use super::keys::{Binding, key, special};
use super::overlay::Overlay;
use super::session_view::{SessionView, view};
use super::{App, Effect};
use crate::model::agenda::{hhmm, parse_clock};
use crate::model::{Agenda, Block, What};
use crate::text::clean_line;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;
use time::OffsetDateTime;

/// What a key asks of the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanKey {
    Up,
    Down,
    Start,
    More,
    Less,
    Minutes,
    Title,
    Note,
    AddBreak,
    AddLunch,
    AddOther,
    Remove,
    MoveUp,
    MoveDown,
    Undo,
    Redo,
    Help,
    Back,
}

/// The plan's keys.
pub const KEYS: &[Binding<PlanKey>] = &[
    special(KeyCode::Up, PlanKey::Up, "↑/k", "the block above", None),
    key('k', PlanKey::Up, "↑/k", "the block above", None),
    special(KeyCode::Down, PlanKey::Down, "↓/j", "the block below", None),
    key('j', PlanKey::Down, "↓/j", "the block below", None),
    key(
        's',
        PlanKey::Start,
        "s",
        "set the day's start time",
        Some("start time"),
    )
    .writes(),
    key(
        '+',
        PlanKey::More,
        "+/-",
        "five minutes more or fewer",
        Some("±5 min"),
    )
    .writes(),
    key(
        '=',
        PlanKey::More,
        "+/-",
        "five minutes more or fewer",
        None,
    )
    .writes(),
    key(
        '-',
        PlanKey::Less,
        "+/-",
        "five minutes more or fewer",
        None,
    )
    .writes(),
    key(
        'm',
        PlanKey::Minutes,
        "m/Enter",
        "type the block's minutes",
        None,
    )
    .writes(),
    special(
        KeyCode::Enter,
        PlanKey::Minutes,
        "m/Enter",
        "type the block's minutes",
        None,
    )
    .writes(),
    key('r', PlanKey::Title, "r", "rename the block", None).writes(),
    key(
        'n',
        PlanKey::Note,
        "n",
        "what happens in the block (a short note)",
        Some("note"),
    )
    .writes(),
    key(
        'b',
        PlanKey::AddBreak,
        "b",
        "a break after this block",
        Some("break"),
    )
    .writes(),
    key('l', PlanKey::AddLunch, "l", "lunch after this block", None).writes(),
    key(
        'o',
        PlanKey::AddOther,
        "o",
        "another block after this one (a welcome, a walk)",
        None,
    )
    .writes(),
    key(
        'd',
        PlanKey::Remove,
        "d",
        "take the block out of the plan (u brings it back)",
        None,
    )
    .writes(),
    key(
        'K',
        PlanKey::MoveUp,
        "K/J",
        "move the block up or down",
        None,
    )
    .writes(),
    key(
        'J',
        PlanKey::MoveDown,
        "K/J",
        "move the block up or down",
        None,
    )
    .writes(),
    key('u', PlanKey::Undo, "u", "undo", None).writes(),
    special(KeyCode::Char('r'), PlanKey::Redo, "Ctrl-r", "redo", None)
        .with_ctrl()
        .writes(),
    key('?', PlanKey::Help, "?", "show every key", Some("keys")),
    special(
        KeyCode::Esc,
        PlanKey::Back,
        "Esc/q/P",
        "back to the session",
        Some("back"),
    ),
    key('q', PlanKey::Back, "Esc/q/P", "back to the session", None),
    key('P', PlanKey::Back, "Esc/q/P", "back to the session", None),
];

/// What a key asks while a line is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypingKey {
    Keep,
    Cancel,
}

/// The keys while a line is typed; any other key types.
pub const TYPING_KEYS: &[Binding<TypingKey>] = &[
    special(
        KeyCode::Enter,
        TypingKey::Keep,
        "Enter",
        "keep it",
        Some("keep"),
    ),
    special(
        KeyCode::Esc,
        TypingKey::Cancel,
        "Esc",
        "leave it as it was",
        Some("leave it"),
    ),
];

/// The line being typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Start,
    Minutes,
    Title,
    Note,
}

impl Field {
    /// The box's title.
    pub fn label(self) -> &'static str {
        match self {
            Field::Start => " The day starts at ",
            Field::Minutes => " Minutes for this block ",
            Field::Title => " This block's title ",
            Field::Note => " What happens in this block ",
        }
    }
}

/// A line being typed, and what was wrong with it.
#[derive(Debug)]
pub struct Typing {
    pub field: Field,
    pub input: Box<TextArea<'static>>,
    pub error: Option<String>,
}

/// The plan on screen: the chosen block, and a line being typed.
#[derive(Debug, Default)]
pub struct PlanEditor {
    pub selected: usize,
    pub typing: Option<Typing>,
}

/// The plan, opened at its first block.
pub fn open() -> Overlay {
    Overlay::Agenda(Box::default())
}

/// Sends a key to the plan.
pub(super) fn on_key(app: &mut App, key: KeyEvent, now: OffsetDateTime) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let plan = v.framework.plan_of(&v.session);
    let Some(Overlay::Agenda(editor)) = &mut v.overlay else {
        return Vec::new();
    };
    if let Some(typing) = &mut editor.typing {
        let answer = super::overlay::answer_or_type(TYPING_KEYS, &mut typing.input, key);
        match answer {
            None => typing.error = None,
            Some(TypingKey::Cancel) => editor.typing = None,
            Some(TypingKey::Keep) => {
                let text = clean_line(&typing.input.lines().join(" "));
                let (field, at) = (typing.field, editor.selected);
                match typed(plan, field, at, &text) {
                    Ok(plan) => {
                        editor.typing = None;
                        let words = change(v, now, plan);
                        app.say(words);
                    }
                    Err(problem) => typing.error = Some(problem.to_owned()),
                }
            }
        }
        return Vec::new();
    }
    let Some(binding) = super::keys::binding(KEYS, key) else {
        return Vec::new();
    };
    if binding.writes
        && let Some(reason) = v.read_only.clone()
    {
        app.warn(format!("Read-only, so nothing here changes: {reason}."));
        return Vec::new();
    }
    let at = editor.selected.min(plan.blocks.len().saturating_sub(1));
    let mut next = plan.clone();
    let mut words = None;
    match binding.action {
        PlanKey::Up => editor.selected = at.saturating_sub(1),
        PlanKey::Down => editor.selected = (at + 1).min(plan.blocks.len().saturating_sub(1)),
        PlanKey::Start => {
            let now = plan.start.map(|s| format!("now {}", hhmm(s)));
            let hint = now.unwrap_or_else(|| "e.g. 09:30".to_owned());
            editor.typing = Some(typing_box(Field::Start, "", &hint));
        }
        PlanKey::Minutes => {
            let now = plan.blocks.get(at).map(|b| format!("now {}", b.minutes));
            let hint = now.unwrap_or_else(|| "e.g. 45".to_owned());
            editor.typing = Some(typing_box(Field::Minutes, "", &hint));
        }
        PlanKey::Title => {
            let title = plan.blocks.get(at).map(|b| b.title.clone());
            let placeholder = "empty: the stage's name, or Break";
            editor.typing = Some(typing_box(
                Field::Title,
                &title.unwrap_or_default(),
                placeholder,
            ));
        }
        PlanKey::Note => {
            let note = plan.blocks.get(at).map(|b| b.note.clone());
            let placeholder = "e.g. Pairs interview each other";
            editor.typing = Some(typing_box(
                Field::Note,
                &note.unwrap_or_default(),
                placeholder,
            ));
        }
        PlanKey::More | PlanKey::Less => {
            if let Some(block) = next.blocks.get(at) {
                let minutes = if binding.action == PlanKey::More {
                    block.minutes.saturating_add(5)
                } else {
                    block.minutes.saturating_sub(5)
                };
                next.set_minutes(at, minutes);
            }
        }
        PlanKey::AddBreak | PlanKey::AddLunch | PlanKey::AddOther => {
            let block = match binding.action {
                PlanKey::AddBreak => Block::new(What::Break, 15),
                PlanKey::AddLunch => Block::new(What::Lunch, 45),
                _ => Block::new(What::Other, 10),
            };
            let to = if plan.blocks.is_empty() { 0 } else { at + 1 };
            next.blocks.insert(to, block);
            editor.selected = to;
        }
        PlanKey::Remove if at < next.blocks.len() => {
            next.blocks.remove(at);
        }
        PlanKey::Remove => {
            words = Some("The plan has no blocks: b adds a break, o another block.".to_owned());
        }
        PlanKey::MoveUp | PlanKey::MoveDown => {
            if let Some(to) = next.shift(at, binding.action == PlanKey::MoveUp) {
                editor.selected = to;
            }
        }
        PlanKey::Undo | PlanKey::Redo => {
            super::session_keys::undo_or_redo(app, binding.action == PlanKey::Undo, now);
            return Vec::new();
        }
        PlanKey::Help => {
            app.show(super::Layer::Help);
            return Vec::new();
        }
        PlanKey::Back => {
            v.overlay = None;
            app.say("Back with the session. P opens the day's plan again.");
            return Vec::new();
        }
    }
    if next != plan {
        words = Some(change(v, now, next));
    }
    if let Some(words) = words {
        app.say(words);
    }
    Vec::new()
}

/// A box to type a line in, filled with what is there.
fn typing_box(field: Field, value: &str, placeholder: &str) -> Typing {
    let mut input = super::form::input(value);
    input.move_cursor(ratatui_textarea::CursorMove::End);
    input.set_placeholder_text(placeholder);
    Typing {
        field,
        input: Box::new(input),
        error: None,
    }
}

/// The plan with a typed line in its place, or what is wrong with the line.
fn typed(mut plan: Agenda, field: Field, at: usize, text: &str) -> Result<Agenda, &'static str> {
    match field {
        // Nothing typed leaves the time and the minutes as they were.
        Field::Start | Field::Minutes if text.is_empty() => {}
        Field::Start => {
            plan.start = Some(parse_clock(text).ok_or("A time of day, like 09:30.")?);
        }
        Field::Minutes => {
            let minutes = text
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=24 * 60).contains(m))
                .ok_or("Whole minutes, like 45.")?;
            plan.set_minutes(at, minutes);
        }
        Field::Title | Field::Note => {
            if let Some(block) = plan.blocks.get_mut(at) {
                if field == Field::Title {
                    block.title = text.to_owned();
                } else {
                    block.note = text.to_owned();
                }
            }
        }
    }
    Ok(plan)
}

/// Keeps the changed plan in the session as one undoable change; says what the day is now.
fn change(v: &mut SessionView, now: OffsetDateTime, plan: Agenda) -> String {
    let words = match (plan.start, plan.blocks.len()) {
        (_, 0) => "The plan has no blocks now. u brings the last one back.".to_owned(),
        (Some(start), _) => {
            let end = start + time::Duration::minutes(i64::from(plan.total_minutes()));
            format!(
                "The day runs from {} to {}. u takes the change back.",
                hhmm(start),
                hhmm(end)
            )
        }
        (None, _) => "Kept. s sets the start time; u takes the change back.".to_owned(),
    };
    if v.session.agenda.as_ref() != Some(&plan) {
        v.change_head(now, |s| s.agenda = Some(plan));
    }
    words
}

/// The chosen block, kept within the plan (after an undo shortened it).
pub(super) fn clamp(v: &mut SessionView) {
    let len = v.framework.plan_of(&v.session).blocks.len();
    if let Some(Overlay::Agenda(editor)) = &mut v.overlay {
        editor.selected = editor.selected.min(len.saturating_sub(1));
    }
}
