//! The boxes over the session screen: each answers keys with an outcome, and this applies it.

pub mod conflict;
pub mod copy_to;
pub mod delete;
pub mod export;
pub mod kind_choice;
pub mod leave;
pub mod rename;
pub mod suggestion;
pub mod theme;
pub mod votes;

use super::picker::{LinkPicker, PickerOutcome};
use super::saving::{export_path, file_name, finish, rescue_path};
use super::session_keys::add;
use super::session_view::{After, view};
use super::tags::{TagOutcome, TagPicker};
use super::{App, Effect};
use crate::model::{RecordBody, RecordId, RecordKind};
use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;
use std::path::PathBuf;
use time::OffsetDateTime;

/// A box over the session screen that takes the keys while open.
#[derive(Debug)]
pub enum Overlay {
    Form(Box<super::form::Form>),
    Picker {
        record: RecordId,
        picker: LinkPicker,
    },
    ConfirmDelete {
        id: RecordId,
        text: String,
        impact: Vec<String>,
    },
    /// A strength's or a dream's theme, or a theme's new name.
    Theme(theme::ThemeBox),
    KindChoice {
        kinds: Vec<RecordKind>,
        selected: usize,
    },
    ConfirmLeave {
        after: After,
        reason: String,
    },
    /// Where to write a copy when the session's folder cannot be written.
    CopyTo {
        after: After,
        input: Box<TextArea<'static>>,
        error: Option<String>,
    },
    /// Export: choose the format, then where it goes.
    Export {
        selected: usize,
        /// Whose copy a document is (one of `audiences`).
        audience: crate::export::Audience,
        /// The copies that fit the session.
        audiences: Vec<crate::export::Audience>,
        path: Option<Box<TextArea<'static>>>,
        error: Option<String>,
        /// The file already at the chosen place, once the user has been asked whether to
        /// replace it: Enter again replaces it, any change to the place asks again.
        replace: Option<PathBuf>,
    },
    /// Tags for a strength, dream or agreement.
    Tags(TagPicker),
    /// The room's dots on a dream or design statement.
    Votes {
        record: RecordId,
        input: Box<TextArea<'static>>,
        error: Option<String>,
    },
    /// Another program changed the file: keep mine, or take theirs.
    Conflict {
        copy: PathBuf,
    },
    /// The session's title, to rename it.
    Rename(Box<TextArea<'static>>),
    /// The day's plan.
    Agenda(Box<super::agenda::PlanEditor>),
}

/// What a box's key handler asks of the session view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome<T> {
    /// The box stays open (its own state may have changed).
    Continue,
    /// The box closes with nothing done.
    Close,
    /// The box is answered: the view does what the answer asks.
    Done(T),
}

/// A text box's key: the answer its table gives, or else the key typed into the box.
pub(crate) fn answer_or_type<A: Copy>(
    table: &[crate::app::keys::Binding<A>],
    input: &mut TextArea<'static>,
    key: KeyEvent,
) -> Option<A> {
    let answer = crate::app::keys::resolve(table, key);
    if answer.is_none() {
        input.input(key);
    }
    answer
}

/// A yes-or-no question's answer to a key: done when the key says `yes`, closed by the
/// table's other answer, waiting on a key the table does not list.
pub fn yes_or_no<A: Copy + PartialEq>(
    table: &[super::keys::Binding<A>],
    key: KeyEvent,
    yes: A,
) -> Outcome<()> {
    match super::keys::resolve(table, key) {
        Some(answer) if answer == yes => Outcome::Done(()),
        Some(_) => Outcome::Close,
        None => Outcome::Continue,
    }
}

/// A text box filled with `text`, the cursor at its end.
fn place_input(text: &std::path::Path) -> Box<TextArea<'static>> {
    let mut input = super::form::input(&text.display().to_string());
    input.move_cursor(ratatui_textarea::CursorMove::End);
    input.set_cursor_line_style(ratatui::style::Style::default());
    Box::new(input)
}

/// Sends a key to the open box and applies its outcome.
pub(super) fn on_key(
    app: &mut App,
    key: KeyEvent,
    now: OffsetDateTime,
    today: time::Date,
) -> Vec<Effect> {
    let documents = app.documents.clone();
    let offset = app.offset;
    let Some(v) = view(app) else {
        return Vec::new();
    };
    match &mut v.overlay {
        None => {}
        Some(Overlay::Form(_)) => return super::capture::on_key(app, key, now, today),
        Some(Overlay::Agenda(_)) => return super::agenda::on_key(app, key, now),
        Some(Overlay::Picker { record, picker }) => match picker.handle_key(key) {
            PickerOutcome::Continue => {}
            PickerOutcome::Cancel => v.overlay = None,
            PickerOutcome::Done => {
                let (record, chosen) = (*record, picker.chosen_in_order());
                v.overlay = None;
                v.change_record(now, record, |r| {
                    if let Some(list) = r.body.link_list_mut() {
                        *list = chosen;
                    } else {
                        match &mut r.body {
                            RecordBody::InformationItem(i) => i.giver = chosen.first().copied(),
                            RecordBody::Question(q) => q.answered_by = chosen.first().copied(),
                            _ => {}
                        }
                    }
                });
                app.say("Links kept.");
            }
        },
        Some(Overlay::ConfirmDelete { .. }) => return delete::apply(app, key, now),
        Some(Overlay::Theme(theme_box)) => match theme_box.on_key(key) {
            Outcome::Continue => {}
            Outcome::Close => v.overlay = None,
            Outcome::Done(typed) => {
                let purpose = theme_box.purpose.clone();
                let words = match purpose {
                    theme::ThemeFor::Record(record) => Some(theme::set(v, now, record, &typed)),
                    theme::ThemeFor::Rename(old) => theme::rename(v, now, &old, &typed),
                };
                match words {
                    Some(words) => {
                        v.overlay = None;
                        app.say(words);
                    }
                    None => app.say("A theme needs a name: type one, or Esc keeps it as it was."),
                }
            }
        },
        Some(Overlay::Rename(_)) => return rename::apply(app, key, now),
        Some(Overlay::Votes { .. }) => return votes::apply(app, key, now),
        Some(Overlay::KindChoice { kinds, selected }) => {
            match kind_choice::on_key(selected, kinds.len(), key) {
                Outcome::Continue => {}
                Outcome::Close => v.overlay = None,
                Outcome::Done(at) => {
                    let kind = kinds.get(at).copied();
                    v.overlay = None;
                    return add(app, kind);
                }
            }
        }
        Some(Overlay::ConfirmLeave { after, .. }) => match leave::on_key(key) {
            Outcome::Continue => {}
            Outcome::Close => {
                v.overlay = None;
                v.leaving = None;
                app.say("Staying with the session. Your words are kept here.");
            }
            Outcome::Done(answer) => {
                let after = *after;
                v.overlay = None;
                match answer {
                    leave::Choice::LeaveAnyway => {
                        v.dirty = false;
                        return finish(app, after);
                    }
                    leave::Choice::TryAgain => {
                        v.leaving = Some(after);
                        return vec![Effect::Save(v.save_job(now))];
                    }
                    leave::Choice::CopyElsewhere => {
                        let input = place_input(&rescue_path(&documents, &v.session, now));
                        let error = None;
                        v.overlay = Some(Overlay::CopyTo {
                            after,
                            input,
                            error,
                        });
                    }
                }
            }
        },
        Some(Overlay::CopyTo {
            after,
            input,
            error,
        }) => match copy_to::on_key(input, error, key) {
            Outcome::Continue => {}
            Outcome::Close => {
                let after = *after;
                let reason = v.save_error.clone().unwrap_or_default();
                v.overlay = Some(Overlay::ConfirmLeave { after, reason });
            }
            Outcome::Done(path) => {
                let session = Box::new(v.session.clone());
                return vec![Effect::CopyTo { session, path }];
            }
        },
        Some(Overlay::Export {
            selected,
            audience,
            audiences,
            path,
            error,
            replace,
        }) => {
            let state = export::Export {
                selected,
                audience,
                audiences,
                path,
                error,
                replace,
            };
            match state.on_key(key) {
                Outcome::Continue => {}
                Outcome::Close => v.overlay = None,
                Outcome::Done(export::Step::ChoosePlace(format, audience)) => {
                    let today = now.to_offset(offset).date();
                    let suggested = export_path(&documents, &v.session, format, audience, today);
                    if let Some(Overlay::Export {
                        path,
                        error,
                        replace,
                        ..
                    }) = &mut v.overlay
                    {
                        *path = Some(place_input(&suggested));
                        *error = None;
                        *replace = None;
                    }
                }
                Outcome::Done(export::Step::Write {
                    format,
                    audience,
                    path,
                    replace,
                }) => {
                    // A spreadsheet or a calendar is the same for everyone: the session's own.
                    let audience = if format.is_document() {
                        audience
                    } else {
                        crate::export::Audience::default_for(&v.session)
                    };
                    let options = crate::export::Options {
                        offset,
                        audience,
                        today: Some(now.to_offset(offset).date()),
                        ..crate::export::Options::default()
                    };
                    match crate::export::render_file(
                        &v.session,
                        Some(&v.framework),
                        format,
                        options,
                    ) {
                        Ok(bytes) => {
                            return vec![Effect::Export {
                                bytes,
                                path,
                                replace,
                            }];
                        }
                        Err(e) => {
                            if let Some(Overlay::Export { error, .. }) = &mut v.overlay {
                                *error = Some(crate::text::capitalised(&format!("{e}.")));
                            }
                        }
                    }
                }
            }
        }
        Some(Overlay::Tags(picker)) => match picker.handle_key(key) {
            TagOutcome::Continue => {}
            TagOutcome::Cancel => v.overlay = None,
            TagOutcome::Done => {
                let ((tags, goals), record) = (picker.chosen(), picker.record);
                v.overlay = None;
                let words = if tags.is_empty() {
                    "Tags cleared.".to_owned()
                } else {
                    format!("Tagged: {}.", tags.describe())
                };
                v.change_record(now, record, |r| {
                    if let Some(t) = r.body.tags_mut() {
                        *t = tags;
                    }
                    if let RecordBody::Agreement(a) = &mut r.body {
                        a.goals = goals;
                    }
                });
                app.say(words);
            }
        },
        Some(Overlay::Conflict { copy }) => match conflict::on_key(key) {
            Outcome::Continue => {}
            Outcome::Close => {
                let name = file_name(copy);
                v.overlay = None;
                app.say(format!("Changes keep going to {name} until you choose."));
            }
            Outcome::Done(answer) => {
                v.overlay = None;
                return match answer {
                    conflict::Choice::KeepMine => vec![Effect::KeepMine(v.save_job(now))],
                    // Theirs is read again; this window keeps its lock on the file. Words
                    // not yet in the copy go there first.
                    conflict::Choice::TakeTheirs => v
                        .dirty
                        .then(|| Effect::Save(v.save_job(now)))
                        .into_iter()
                        .chain([Effect::Open(v.path.clone())])
                        .collect(),
                };
            }
        },
    }
    Vec::new()
}

#[cfg(test)]
pub(crate) mod testing {
    //! Keys for the boxes' tests.
    use crate::app::keys::Binding;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    /// Every key a table binds, as the terminal sends it.
    pub fn every_key<A>(table: &[Binding<A>]) -> Vec<KeyEvent> {
        table
            .iter()
            .map(|b| {
                let modifiers = if b.ctrl {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::NONE
                };
                KeyEvent::new(b.code, modifiers)
            })
            .collect()
    }

    /// A plain key press.
    pub fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    /// A text box's keys: every key of its table answers it, and other keys only type
    /// (typing `keys` into a box holding `start` leaves `typed`; F5 changes nothing).
    pub fn every_key_answers_and_others_type<A, T: PartialEq + std::fmt::Debug>(
        table: &[Binding<A>],
        on_key: impl Fn(&mut ratatui_textarea::TextArea<'static>, KeyEvent) -> super::Outcome<T>,
        (start, keys, typed): (&str, &str, &str),
    ) {
        for key in every_key(table) {
            let mut input = crate::app::form::input(start);
            assert_ne!(on_key(&mut input, key), super::Outcome::Continue, "{key:?}");
        }
        let mut input = crate::app::form::input(start);
        for c in keys.chars() {
            assert_eq!(on_key(&mut input, press(c)), super::Outcome::Continue);
        }
        let f5 = KeyEvent::new(KeyCode::F(5), KeyModifiers::NONE);
        assert_eq!(on_key(&mut input, f5), super::Outcome::Continue);
        assert_eq!(input.lines().join(""), typed);
    }

    /// A question's keys: every key of its table answers it (closes it or chooses), and
    /// a key the table does not list leaves it waiting.
    pub fn every_key_answers<A, T: PartialEq + std::fmt::Debug>(
        table: &[Binding<A>],
        on_key: impl Fn(KeyEvent) -> super::Outcome<T>,
    ) {
        for key in every_key(table) {
            assert_ne!(on_key(key), super::Outcome::Continue, "{key:?}");
        }
        assert_eq!(on_key(press('x')), super::Outcome::Continue);
    }
}
