//! The session screen's keys: what each key in `keys::SESSION` (and the map's keys) does.

use super::form::Form;
use super::keys::{self, Action};
use super::overlay::{self, Overlay};
use super::picker::LinkPicker;
use super::saving::leave;
use super::sections;
use super::session_view::{After, view};
use super::{App, Effect, Layer};
use crate::framework::Stage;
use crate::model::{RecordKind, link_target};
use crossterm::event::KeyEvent;

/// Said on a key that would write in a stage that belongs to the family, after its name.
/// (A constant: a line this long inside a `match` makes rustfmt skip the whole match.)
const FAMILY_ONLY: &str = "belongs to the family: nothing is written here. Their plan is entered at the next stage, in their words.";

/// How far the conference's page may scroll (the drawing stops at its last line).
const PAGE_SCROLL_MAX: u16 = 500;

/// Why nothing is written in a stage of the family's private time.
fn family_time(stage: &str) -> String {
    format!("{stage} {FAMILY_ONLY}")
}

pub(super) fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let binding = keys::binding(keys::SESSION, key);
    let action = binding.map(|b| b.action);
    if let Some(refusal) = binding.and_then(|b| v.key_context().refuses(b)) {
        refuse(app, &refusal);
        return Vec::new();
    }
    if let Some(scroll) = v.conference_page.as_mut() {
        // The conference's page is read: the arrows scroll it, i and Esc leave it. Key
        // facts and the outcome are filled in from it, and it then shows them.
        match action {
            Some(Action::Up) => *scroll = scroll.saturating_sub(1),
            Some(Action::Down) => *scroll = scroll.saturating_add(1).min(PAGE_SCROLL_MAX),
            Some(Action::Conference | Action::Back) => v.conference_page = None,
            _ => {}
        }
        match action {
            Some(Action::Up | Action::Down | Action::Conference | Action::Back) => {
                return Vec::new();
            }
            Some(Action::Facts | Action::Outcome | Action::Help) => {}
            _ => v.conference_page = None,
        }
    }
    match action {
        Some(action) => run(app, action),
        None => Vec::new(),
    }
}

/// What each of the session's keys does: one function for each action.
fn run(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Add => add(app, None),
        Action::Up => select_up(app),
        Action::Down => select_down(app),
        Action::PageUp | Action::PageDown | Action::First | Action::Last => select_far(app, action),
        Action::NextPrompt => next_prompt(app),
        Action::AddOther => add_other(app),
        Action::Edit => edit(app),
        Action::Delete => delete(app),
        Action::Link => link(app),
        Action::Theme => theme(app),
        Action::RenameTheme => rename_theme(app),
        Action::Close => close_or_reopen(app),
        Action::Conference => open_page(app),
        Action::Facts => facts(app),
        Action::Outcome => outcome(app),
        Action::CheckIn => check_in(app),
        Action::Map => map(app),
        Action::Tag => tag(app),
        Action::Rename => rename(app),
        Action::SameTags => same_tags(app),
        Action::Export => export(app),
        Action::ByTheme => by_theme(app),
        Action::Vote | Action::Unvote | Action::CountVotes => vote(app, action),
        Action::ByVotes => by_votes(app),
        Action::MoveUp | Action::MoveDown => move_record(app, action),
        Action::PauseClock => pause_clock(app),
        Action::MoreTime | Action::LessTime => more_time(app, action),
        Action::Suspend => suspend(app),
        Action::Plan => plan(app),
        Action::Elsewhere => super::live::on_elsewhere_key(app),
        Action::LookNext | Action::LookBack => {
            look(app, action);
            Vec::new()
        }
        Action::MoveRoom => {
            let now = app.now;
            move_room(app, now);
            Vec::new()
        }
        Action::Undo | Action::Redo => {
            let now = app.now;
            undo_or_redo(app, action == Action::Undo, now);
            Vec::new()
        }
        Action::Help => {
            app.show(Layer::Help);
            Vec::new()
        }
        Action::Present => present(app),
        Action::Back | Action::Quit => back(app, action),
        _ => Vec::new(),
    }
}

fn select_up(app: &mut App) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    v.selected = v.selected.saturating_sub(1);
    Vec::new()
}

fn select_down(app: &mut App) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let count = v.stage_len();
    v.selected = (v.selected + 1).min(count.saturating_sub(1));
    Vec::new()
}

/// Home/End and PgUp/PgDn in the stage's records, as in every pick list.
fn select_far(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    if let Some(to) = super::finder::moved(action, v.selected, v.stage_len()) {
        v.selected = to;
    }
    Vec::new()
}

fn next_prompt(app: &mut App) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let prompts = v.stage().map_or(1, |s| s.prompts.len().max(1));
    v.prompt = (v.prompt + 1) % prompts;
    Vec::new()
}

fn add_other(app: &mut App) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let kinds = v.stage().map(|s| s.captures.clone()).unwrap_or_default();
    if kinds.len() > 1 {
        v.overlay = Some(Overlay::KindChoice { kinds, selected: 0 });
    } else {
        return add(app, None);
    }
    Vec::new()
}

fn edit(app: &mut App) -> Vec<Effect> {
    let app_sectors = app.sectors.clone();
    let Some(v) = view(app) else {
        return Vec::new();
    };
    match v.selected_id().and_then(|id| v.session.record(id)) {
        Some(record) => {
            let mut form = Form::new_in(record.body.kind(), Some(record), !v.framework.conference);
            form.known_sectors = known_sectors(&app_sectors, &v.session);
            v.overlay = Some(Overlay::Form(Box::new(form)));
        }
        None => app.say("Nothing to edit here yet: press a to add."),
    }
    Vec::new()
}

fn delete(app: &mut App) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    match v.selected_id().and_then(|id| v.session.record(id)) {
        Some(record) => v.overlay = Some(overlay::delete::open(&v.session, record)),
        None => app.say("Nothing to delete here."),
    }
    Vec::new()
}

fn link(app: &mut App) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let Some(record) = v.selected_id().and_then(|id| v.session.record(id)) else {
        app.say("Select a record first, then press l to link it.");
        return Vec::new();
    };
    let (id, kind, links) = (record.id, record.body.kind(), record.body.links());
    match LinkPicker::new(&v.session, kind, &links) {
        Some(picker) if picker.candidates.is_empty() => {
            let target = link_target(kind).map_or("records", |k| k.plural());
            app.say(format!(
                "No {target} yet to build on; they can be added in their stage."
            ));
        }
        Some(picker) => v.overlay = Some(Overlay::Picker { record: id, picker }),
        None => app.say(format!(
            "{} is where things start: later records build on it.",
            crate::text::capitalised(&kind.with_article())
        )),
    }
    Vec::new()
}

fn theme(app: &mut App) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    match v.selected_id().and_then(|id| v.session.record(id)) {
        Some(record) if crate::model::takes_theme(record.body.kind()) => {
            v.overlay = Some(overlay::theme::open(&v.session, record));
        }
        _ => app.say("Themes group strengths and dreams: select one, then press g."),
    }
    Vec::new()
}

fn rename_theme(app: &mut App) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let theme = v
        .selected_id()
        .and_then(|id| v.session.record(id))
        .and_then(|r| r.body.theme())
        .map(str::to_owned);
    match theme {
        Some(theme) => v.overlay = Some(overlay::theme::open_rename(&v.session, &theme)),
        None => {
            app.say("Select a record with a theme, then press G to rename that theme everywhere.")
        }
    }
    Vec::new()
}

fn close_or_reopen(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let today = app.local_now().date();
    let Some(v) = view(app) else {
        return Vec::new();
    };
    match v
        .session
        .conference
        .as_ref()
        .and_then(|c| c.closed.as_ref())
    {
        Some(_) => {
            v.change_head(now, |s| {
                if let Some(c) = s.conference.as_mut() {
                    c.closed = None;
                }
            });
            app.say("Reopened: its dates are due again. u closes it again.");
        }
        None => v.overlay = Some(Overlay::Form(Box::new(sections::close(today)))),
    }
    Vec::new()
}

fn open_page(app: &mut App) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    v.conference_page = Some(0);
    Vec::new()
}

fn facts(app: &mut App) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let facts = sections::facts(&v.session.conference.clone().unwrap_or_default());
    v.overlay = Some(Overlay::Form(Box::new(facts)));
    Vec::new()
}

fn outcome(app: &mut App) -> Vec<Effect> {
    let today = app.local_now().date();
    let weeks = app.review_weeks;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let conference = v.session.conference.clone().unwrap_or_default();
    let reviewing = v.stage().is_some_and(|s| !s.revisits.is_empty());
    let form = if reviewing {
        sections::review(&conference, today, weeks)
    } else {
        sections::outcome(&conference, today, weeks)
    };
    v.overlay = Some(Overlay::Form(Box::new(form)));
    Vec::new()
}

fn check_in(app: &mut App) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    match v.selected_id().and_then(|id| v.session.record(id)) {
        Some(record) if record.body.status().is_some() => {
            v.overlay = Some(Overlay::Form(Box::new(sections::check_in(record))));
        }
        _ => app.say("Check-ins are for agreements and plan items: select one, then press s."),
    }
    Vec::new()
}

fn map(app: &mut App) -> Vec<Effect> {
    app.show(Layer::Map);
    app.hide(Layer::Presenter);
    Vec::new()
}

fn tag(app: &mut App) -> Vec<Effect> {
    let sectors = app.sectors.clone();
    let Some(v) = view(app) else {
        return Vec::new();
    };
    match v.selected_id() {
        Some(id) => match super::tags::TagPicker::new(&v.session, id, &sectors) {
            Some(picker) => v.overlay = Some(Overlay::Tags(picker)),
            None => {
                app.say("Tags are for strengths, dreams and agreements: select one, then press T.")
            }
        },
        None => app.say("Select a strength, then press T to tag it."),
    }
    Vec::new()
}

fn rename(app: &mut App) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    v.overlay = Some(overlay::rename::open(&v.session.title));
    Vec::new()
}

fn same_tags(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let above = v
        .selected
        .checked_sub(1)
        .and_then(|row| v.stage_record(row));
    let tags = above.and_then(|r| r.body.tags()).cloned();
    let target = v.selected_id().filter(|id| {
        v.session
            .record(*id)
            .is_some_and(|r| r.body.tags().is_some())
    });
    match (target, tags) {
        (Some(id), Some(tags)) if !tags.is_empty() => {
            v.change_record(now, id, |r| {
                if let Some(mine) = r.body.tags_mut() {
                    *mine = tags.clone();
                }
            });
            app.say("The same tags as the record above. u takes them back.");
        }
        (None, _) => app.say("Tags are for strengths, dreams and agreements: select one."),
        _ => app.say("The record above has no tags to repeat."),
    }
    Vec::new()
}

fn export(app: &mut App) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    v.overlay = Some(Overlay::Export {
        selected: 0,
        audience: crate::export::Audience::default_for(&v.session),
        audiences: crate::export::Audience::for_session(&v.session),
        path: None,
        error: None,
        replace: None,
    });
    Vec::new()
}

fn by_theme(app: &mut App) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    v.by_theme = !v.by_theme;
    let stage = v.shown_stage().to_owned();
    v.by_votes.remove(&stage);
    v.selected = 0;
    let words = if v.by_theme {
        "Grouped by theme."
    } else {
        "In the order they were said."
    };
    app.say(words);
    Vec::new()
}

fn vote(app: &mut App, action: Action) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let Some(record) = v.selected_id().filter(|id| {
        v.session
            .record(*id)
            .is_some_and(|r| r.body.votes().is_some())
    }) else {
        app.say("Votes are for dreams and design statements: select one first.");
        return Vec::new();
    };
    if action == Action::CountVotes {
        let votes = v.session.record(record).and_then(|r| r.body.votes());
        let mut input = super::form::input(&votes.unwrap_or(0).to_string());
        input.move_cursor(ratatui_textarea::CursorMove::End);
        v.overlay = Some(Overlay::Votes {
            record,
            input: Box::new(input),
            error: None,
        });
        return Vec::new();
    }
    let up = action == Action::Vote;
    let before = v
        .session
        .record(record)
        .and_then(|r| r.body.votes())
        .unwrap_or(0);
    let total = if up {
        overlay::votes::Count::Add(1).apply(before)
    } else {
        before.saturating_sub(1)
    };
    if total != before {
        v.change_record(now, record, |r| {
            if let Some(votes) = r.body.votes_mut() {
                *votes = total;
            }
        });
    }
    app.say(format!(
        "{record} has {}.",
        crate::describe::votes_words(total)
    ));
    Vec::new()
}

fn by_votes(app: &mut App) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let stage = v.shown_stage().to_owned();
    if !v.by_votes.remove(&stage) {
        v.by_votes.insert(stage);
    }
    v.by_theme = false;
    v.selected = 0;
    let ranked = v.ranked_by_votes();
    app.say(if ranked {
        "Ranked by the room's votes, most first. R again for the order they were said."
    } else {
        "In the order they were said."
    });
    Vec::new()
}

fn move_record(app: &mut App, action: Action) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let Some(id) = v.selected_id() else {
        return Vec::new();
    };
    let up = action == Action::MoveUp;
    let stage = v.shown_stage().to_owned();
    let positions: Vec<usize> = v
        .session
        .records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.stage == stage)
        .map(|(i, _)| i)
        .collect();
    let Some(at) = positions
        .iter()
        .position(|&i| v.session.records[i].id == id)
    else {
        return Vec::new();
    };
    let other = if up {
        at.checked_sub(1)
    } else {
        Some(at + 1).filter(|&o| o < positions.len())
    };
    if let Some(other) = other {
        let (a, b) = (positions[at], positions[other]);
        v.change(now, |s| s.records.swap(a, b));
        v.select(id);
    }
    Vec::new()
}

fn pause_clock(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let Some(clock) = v.room_clock(now) else {
        app.say("This stage runs over weeks: the header counts its days, not minutes.");
        return Vec::new();
    };
    let paused = v.change_head(now, |s| s.toggle_pause(now));
    app.say(match (clock.waiting, paused) {
        (true, _) => format!(
            "The room's clock has started: {} minutes planned. Space pauses it.",
            clock.planned_minutes
        ),
        (false, true) => "The room's clock is paused. Space sets it going again.".into(),
        (false, false) => "The room's clock is running again.".into(),
    });
    Vec::new()
}

fn more_time(app: &mut App, action: Action) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let minutes = if action == Action::MoreTime { 5 } else { -5 };
    v.change_head(now, |s| s.add_minutes(minutes, now));
    let planned = v.room_clock(now).map_or(0, |c| c.planned_minutes);
    app.say(format!(
        "This stage now has {planned} minutes. u takes it back."
    ));
    Vec::new()
}

fn suspend(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let mut effects = Vec::new();
    if v.dirty && v.read_only.is_none() {
        effects.push(Effect::Save(v.save_job(now)));
    }
    effects.push(Effect::Suspend);
    effects
}

/// Says why a key does nothing here.
fn refuse(app: &mut App, refusal: &keys::Refusal) {
    match refusal {
        keys::Refusal::ReadOnly(reason) => {
            app.warn(format!("Read-only, so nothing here changes: {reason}."));
        }
        keys::Refusal::FamilyTime(name) => app.say(family_time(name)),
        keys::Refusal::NotAConference(Action::Conference) => {
            app.say("The conference's page belongs to a Family Group Conference.");
        }
        keys::Refusal::NotAConference(_) => {
            app.say("Key facts, outcomes and closing belong to a Family Group Conference.");
        }
    }
}

fn plan(app: &mut App) -> Vec<Effect> {
    if let Some(v) = view(app) {
        v.overlay = Some(super::agenda::open());
    }
    Vec::new()
}

fn present(app: &mut App) -> Vec<Effect> {
    if app.showing(Layer::Presenter) {
        app.hide(Layer::Presenter);
    } else {
        app.show(Layer::Presenter);
    }
    Vec::new()
}

/// Esc: out of the presenter, back with the room, or (as q) back to all sessions.
fn back(app: &mut App, action: Action) -> Vec<Effect> {
    let presenting = app.showing(Layer::Presenter);
    let Some(v) = view(app) else {
        return Vec::new();
    };
    if action == Action::Back && presenting {
        app.hide(Layer::Presenter);
    } else if action == Action::Back && v.looking_at.is_some() {
        v.look_at(None);
        let name = v.stage().map(|s| s.name.clone()).unwrap_or_default();
        app.say(format!("Back with the room, in {name}."));
    } else {
        return leave(app, After::Dashboard);
    }
    Vec::new()
}

/// Takes back the latest change (`undo`), or does again the latest taken back, and says
/// what: the record it touched is selected (a record brought back is under the cursor, so
/// the next `d` is not its neighbour's).
pub(super) fn undo_or_redo(app: &mut App, undo: bool, now: time::OffsetDateTime) {
    let Some(v) = view(app) else {
        return;
    };
    let before = v.session.records.clone();
    let done = if undo {
        v.history.undo(&mut v.session)
    } else {
        v.history.redo(&mut v.session)
    };
    let mut what = None;
    if done {
        v.mark_changed(now);
        v.clamp_selection();
        super::agenda::clamp(v);
        what = touched(&before, &v.session.records, undo);
        if let Some((id, _)) = &what {
            v.select(*id);
        }
    }
    let said = match (undo, done, what) {
        (true, true, Some((_, said))) => format!("Undone: {said}. Ctrl-r does it again."),
        (true, true, None) => "Undone. Ctrl-r does it again.".to_owned(),
        (true, false, _) => "Nothing to undo.".to_owned(),
        (false, true, Some((_, said))) => format!("Done again: {said}."),
        (false, true, None) => "Done again.".to_owned(),
        (false, false, _) => "Nothing to redo.".to_owned(),
    };
    app.say(said);
}

/// The first record an undo or redo touched, and what became of it: back, changed or gone.
fn touched(
    before: &[crate::model::Record],
    after: &[crate::model::Record],
    undo: bool,
) -> Option<(crate::model::RecordId, String)> {
    let changed = if undo {
        "is as it was"
    } else {
        "is changed again"
    };
    let name = |r: &crate::model::Record| format!("the {} {}", r.body.kind().label(), r.id);
    let was = |id| before.iter().find(|r| r.id == id);
    after
        .iter()
        .find_map(|r| match was(r.id) {
            None => Some((r.id, format!("{} is back", name(r)))),
            Some(old) if old != r => Some((r.id, format!("{} {changed}", name(r)))),
            Some(_) => None,
        })
        .or_else(|| {
            before
                .iter()
                .find(|r| !after.iter().any(|a| a.id == r.id))
                .map(|r| (r.id, format!("{} is gone", name(r))))
        })
}

/// Shows the next or previous stage for reading. The room, its clock and the stage
/// history stay as they are.
fn look(app: &mut App, action: Action) {
    let Some(v) = view(app) else {
        return;
    };
    let at = v.framework.stage_index(v.shown_stage()).unwrap_or(0);
    let to = if action == Action::LookNext {
        at.checked_add(1)
    } else {
        at.checked_sub(1)
    };
    let Some(stage) = to.and_then(|i| v.framework.stages.get(i)).cloned() else {
        app.say(if action == Action::LookNext {
            "This is the last stage. q goes back to all sessions."
        } else {
            "This is the first stage."
        });
        return;
    };
    v.look_at(Some(stage.key.clone()));
    let room = v.room_stage().map(|s| s.name.clone()).unwrap_or_default();
    let looking = v.looking_at.is_some();
    app.say(if looking {
        format!(
            "Reading {}: the room stays in {room}. > moves the room here; Esc goes back.",
            stage.name
        )
    } else {
        format!("Back with the room, in {room}.")
    });
}

/// Moves the room on, a deliberate and undoable change: to the stage on screen when the
/// facilitator is looking at another, otherwise to the next stage.
fn move_room(app: &mut App, now: time::OffsetDateTime) {
    let Some(v) = view(app) else {
        return;
    };
    let to = match &v.looking_at {
        Some(key) => v.framework.stage(key).cloned(),
        None => v
            .framework
            .stage_index(&v.session.stage)
            .and_then(|i| v.framework.stages.get(i + 1))
            .cloned(),
    };
    let Some(stage) = to else {
        app.say("The room is at the last stage. q goes back to all sessions.");
        return;
    };
    let looking = v.looking_at.is_some();
    v.change_head(now, |s| s.move_to_stage(&stage.key, now));
    v.looking_at = None;
    if !looking {
        v.prompt = 0;
        v.selected = 0;
    }
    app.say(format!(
        "The room is now in {}. u takes it back.",
        stage.name
    ));
}

/// Opens the form to add a record of `kind`, or of the stage's main kind.
pub(super) fn add(app: &mut App, kind: Option<RecordKind>) -> Vec<Effect> {
    let app_sectors = app.sectors.clone();
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let stage_name = v.stage().map(|s| s.name.clone()).unwrap_or_default();
    match kind.or_else(|| v.stage().and_then(Stage::main_kind)) {
        Some(kind) => {
            let mut form = Form::new_in(kind, None, !v.framework.conference);
            form.known_sectors = known_sectors(&app_sectors, &v.session);
            v.overlay = Some(Overlay::Form(Box::new(form)));
        }
        None => app.say(family_time(&stage_name)),
    }
    Vec::new()
}

/// The sectors a participant's may be: the map's (the defaults and the user's own), then
/// those already named in the session, each once whatever its case.
fn known_sectors(map: &[String], session: &crate::model::Session) -> Vec<String> {
    let mut known: Vec<String> = Vec::new();
    let named = session.records.iter().flat_map(|r| {
        let participant = r.body.participant().and_then(|p| p.sector.clone());
        let tagged = r.body.tags().map(|t| t.sectors.clone()).unwrap_or_default();
        participant.into_iter().chain(tagged)
    });
    for sector in map.iter().cloned().chain(named) {
        let sector = sector.trim().to_owned();
        if !sector.is_empty() && !known.iter().any(|k| k.eq_ignore_ascii_case(&sector)) {
            known.push(sector);
        }
    }
    known
}
