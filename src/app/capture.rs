//! The record form over the session screen: its keys, and what a saved form writes into
//! the session (a record, the conference's sections, a check-in), each as undoable changes.

use super::form::{Form, FormOutcome, Purpose};
use super::overlay::{Overlay, suggestion};
use super::picker::{LinkPicker, PickerOutcome};
use super::sections;
use super::session_view::{SessionView, view};
use super::{App, Effect};
use crate::model::{Conference, RecordBody, RecordId, RecordKind, Session, link_target};
use crossterm::event::KeyEvent;
use time::OffsetDateTime;

/// What a saved form asks to write.
enum Capture {
    /// A record's words: the words as said, then each suggestion taken.
    Record {
        kind: RecordKind,
        editing: Option<RecordId>,
        unlinked: bool,
        versions: Vec<RecordBody>,
    },
    /// A check-in as said, then after each suggestion taken.
    CheckIn(RecordId, Vec<crate::model::CheckIn>),
    /// The conference's sections as the form left them (as said, then after each
    /// suggestion taken), and the words that say so.
    Conference(Vec<crate::model::Conference>, &'static str),
}

/// Sends a key to the open form and applies what it asks.
pub(super) fn on_key(
    app: &mut App,
    key: KeyEvent,
    now: OffsetDateTime,
    today: time::Date,
) -> Vec<Effect> {
    let lens = std::sync::Arc::clone(&app.lens);
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let SessionView {
        overlay, session, ..
    } = &mut *v;
    let Some(Overlay::Form(form)) = overlay else {
        return Vec::new();
    };
    if let Some(picker) = &mut form.picker {
        match picker.handle_key(key) {
            PickerOutcome::Continue => {}
            PickerOutcome::Done => form.take_picked(),
            PickerOutcome::Cancel => form.close_picker(),
        }
        return Vec::new();
    }
    // A passed due date is questioned; the lens offers an alternative: one key takes it,
    // one puts it in the editor to adjust, one keeps the speaker's words.
    let outcome = suggestion::form_key(form, key, &lens, today);
    match outcome {
        FormOutcome::Continue => {}
        FormOutcome::Cancel => *overlay = None,
        FormOutcome::Link => offer_links(form, session),
        FormOutcome::People => offer_people(form, session),
        // Someone kept apart from the plan, typed as who: asked, never refused.
        FormOutcome::Save if form.kept_apart_question(session).is_some() => {
            form.asking_kept_apart = form.kept_apart_question(session);
        }
        FormOutcome::Save => match capture(form, session, today) {
            Err((field, message)) => {
                form.focus = field;
                form.error = Some(message);
            }
            Ok(capture) => {
                *overlay = None;
                let words = write(v, capture, now);
                app.say(words);
            }
        },
    }
    Vec::new()
}

/// As the window closes (a signal, the terminal gone), what is typed in an open form is
/// kept, and nothing already kept is changed by words nobody finished. A new record that
/// could be kept as it stands is added as that record. Anything else (an edit of a record,
/// a new participant, whose safe-network field may not have been reached yet, a check-in,
/// the conference's sections or its closing, or a form with a field still to fix) is kept
/// as a note holding each field's words, next to what it would have changed. The save follows.
pub(super) fn keep_on_closing(app: &mut App, now: OffsetDateTime, today: time::Date) {
    let Some(v) = view(app) else {
        return;
    };
    if v.read_only.is_some() {
        return;
    }
    let Some(Overlay::Form(mut form)) = v.overlay.take() else {
        return;
    };
    if !form.has_changes() {
        return;
    }
    let adds_a_record = form.purpose == Purpose::Record
        && form.editing.is_none()
        && form.kind != RecordKind::Participant;
    if adds_a_record && let Ok(capture) = capture(&mut form, &v.session, today) {
        write(v, capture, now);
        return;
    }
    let typed = form.typed_words();
    if typed.is_empty() {
        return;
    }
    let what = match (form.purpose, form.editing) {
        (Purpose::Record, Some(id)) => format!("the change to {} {id}", form.kind.label()),
        (Purpose::Record, None) => format!("the new {}", form.kind.label()),
        (Purpose::CheckIn(id), _) => format!("the check-in on {id}"),
        (Purpose::Facts, _) => "the key facts".to_owned(),
        (Purpose::Outcome, _) => "the outcome".to_owned(),
        (Purpose::Review, _) => "the review".to_owned(),
        (Purpose::Close, _) => "closing the conference".to_owned(),
    };
    let mut text = format!("Words typed as the window closed ({what} was not finished):");
    for (label, words) in typed {
        text.push_str(&format!("\n{label}: {words}"));
    }
    let stage = v.shown_stage().to_owned();
    let body = RecordBody::Note(crate::model::Note { text });
    v.change_head(now, |s| s.add(&stage, body, now));
}

/// Opens the form's pick list of what the record builds on, or says why there is none.
fn offer_links(form: &mut Form, session: &Session) {
    match LinkPicker::new(session, form.kind, &form.links) {
        Some(picker) if picker.candidates.is_empty() => {
            let target = link_target(form.kind).map_or("records", |k| k.plural());
            form.error = Some(format!("No {target} yet to build on."));
        }
        Some(picker) => form.picker = Some(picker),
        None => {
            form.error = Some(format!(
                "{} does not link to earlier records.",
                crate::text::capitalised(&form.kind.with_article())
            ))
        }
    }
}

/// Opens the pick list of the room's participants for the field naming who, or says why
/// there is none (a name can always be typed).
fn offer_people(form: &mut Form, session: &Session) {
    let Some(field) = form.person_field() else {
        return;
    };
    let label = form.fields.get(field).map_or("Who", |f| &f.label);
    let title = format!("{label}: someone in the room");
    let picker = LinkPicker::people(session, title, &form.field_text(field));
    if picker.candidates.is_empty() {
        form.focus = field;
        form.error =
            Some("No participants yet: type the name here, or add the room's people first.".into());
    } else {
        form.picker = Some(picker);
        form.picking_person = Some(field);
    }
}

/// One of the conference's forms applied to its sections (`sections::apply_*`).
type ApplySection = fn(&Form, &mut Conference, time::Date) -> Result<(), (usize, String)>;

/// What the saved form asks to write, or the field to fix and why.
fn capture(
    form: &mut Form,
    session: &Session,
    today: time::Date,
) -> Result<Capture, (usize, String)> {
    let conference = session.conference.clone().unwrap_or_default();
    let sections = |apply: ApplySection| {
        move |form: &Form| {
            let mut c = conference.clone();
            apply(form, &mut c, today).map(|()| c)
        }
    };
    match form.purpose {
        Purpose::Record => Ok(Capture::Record {
            kind: form.kind,
            editing: form.editing,
            unlinked: form.links.is_empty(),
            versions: form.versions(today)?,
        }),
        Purpose::CheckIn(id) => Ok(Capture::CheckIn(
            id,
            form.versions_of(|form| Ok(sections::build_check_in(form, today)))?,
        )),
        Purpose::Facts => Ok(Capture::Conference(
            form.versions_of(sections(sections::apply_facts))?,
            "The key facts are kept.",
        )),
        Purpose::Outcome => Ok(Capture::Conference(
            form.versions_of(sections(sections::apply_outcome))?,
            "The outcome is kept.",
        )),
        Purpose::Review => Ok(Capture::Conference(
            form.versions_of(sections(sections::apply_review))?,
            "The review is kept.",
        )),
        Purpose::Close => Ok(Capture::Conference(
            form.versions_of(sections(sections::apply_close))?,
            "The conference is closed: nothing is due from it now. u undoes; C reopens it.",
        )),
    }
}

/// Writes what the form captured into the session, as undoable changes, and says so.
fn write(v: &mut SessionView, capture: Capture, now: OffsetDateTime) -> String {
    match capture {
        Capture::CheckIn(id, versions) => {
            let reworded = versions.len() > 1;
            let mut versions = versions.into_iter();
            if let Some(said) = versions.next() {
                v.change_record(now, id, |r| {
                    r.body.check_in(said);
                });
            }
            // Each suggestion taken rewords the check-in just kept, as its own change.
            for checkin in versions {
                v.change_record(now, id, |r| r.body.reword_last_check_in(checkin));
            }
            words_as_said(
                "The check-in is kept; its history stays with the record.",
                reworded,
            )
        }
        Capture::Conference(versions, words) => {
            let reworded = versions.len() > 1;
            for conference in versions {
                v.change_head(now, |s| s.conference = Some(conference));
            }
            words_as_said(words, reworded)
        }
        Capture::Record {
            kind,
            editing,
            unlinked,
            mut versions,
        } => {
            // The words as said are one change; each suggestion taken is the next.
            let rewordings = versions.split_off(1);
            let reworded = !rewordings.is_empty();
            let body = versions.remove(0);
            let id = match editing {
                // Opened, then only reworded: the words as said are already kept.
                Some(id) if reworded && v.session.record(id).is_some_and(|r| r.body == body) => id,
                Some(id) => {
                    set_body(v, now, id, body);
                    id
                }
                None => {
                    let stage = v.shown_stage().to_owned();
                    v.change_head(now, |s| s.add(&stage, body, now))
                }
            };
            for body in rewordings {
                set_body(v, now, id, body);
            }
            v.select(id);
            let verb = if editing.is_some() { "updated" } else { "kept" };
            let mut words = words_as_said(&format!("The {} is {verb}.", kind.label()), reworded);
            if editing.is_none() && link_target(kind).is_some() && unlinked {
                words.push_str(" Press l to link what it builds on.");
            }
            words
        }
    }
}

/// What the status bar says after a save, and how to get the words as said back when a
/// suggestion was taken.
fn words_as_said(kept: &str, reworded: bool) -> String {
    if reworded {
        format!("{kept} u gives back the words as said.")
    } else {
        kept.to_owned()
    }
}

/// Replaces a record's fields, as one undoable change.
fn set_body(v: &mut SessionView, now: OffsetDateTime, id: RecordId, body: RecordBody) {
    v.change_record(now, id, |r| r.body = body);
}
