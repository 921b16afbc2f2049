//! The question before a record is deleted: delete it, or keep it as it was.

use super::{Outcome, Overlay};
use crate::app::keys::{Binding, key, special};
use crate::app::session_view::view;
use crate::app::{App, Effect};
use crate::model::{Record, Session, delete_impact};
use crate::text::clean_line;
use crossterm::event::{KeyCode, KeyEvent};
use time::OffsetDateTime;

/// What the answer asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Delete,
    Keep,
}

/// The question's keys.
pub const KEYS: &[Binding<Answer>] = &[
    key(
        'y',
        Answer::Delete,
        "y",
        "delete (u brings it back)",
        Some("delete"),
    ),
    key('n', Answer::Keep, "n/Esc", "keep it", Some("keep it")),
    special(KeyCode::Esc, Answer::Keep, "n/Esc", "keep it", None),
];

/// The question before `record` is deleted, naming what would lose a link to it.
pub fn open(session: &Session, record: &Record) -> Overlay {
    let impact = delete_impact(session, record.id)
        .iter()
        .map(|r| {
            format!(
                "{} {} “{}”",
                r.body.kind().label(),
                r.id,
                clean_line(r.body.text())
            )
        })
        .collect();
    Overlay::ConfirmDelete {
        id: record.id,
        text: clean_line(record.body.text()),
        impact,
    }
}

/// Done when the user says delete; closed when they keep it; any other key waits.
pub fn on_key(key: KeyEvent) -> Outcome<()> {
    super::yes_or_no(KEYS, key, Answer::Delete)
}

/// A key in the box, and what its answer does to the session.
pub(super) fn apply(app: &mut App, key: KeyEvent, now: OffsetDateTime) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let Some(Overlay::ConfirmDelete { id, text, .. }) = &mut v.overlay else {
        return Vec::new();
    };
    match on_key(key) {
        Outcome::Continue => {}
        Outcome::Close => {
            v.overlay = None;
            app.say("Kept as it was.");
        }
        Outcome::Done(()) => {
            let (id, text) = (*id, std::mem::take(text));
            v.overlay = None;
            v.change(now, |s| {
                s.remove(id, now);
            });
            v.clamp_selection();
            app.say(format!("Deleted “{text}”. u brings it back."));
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::overlay::testing::every_key_answers;

    #[test]
    fn every_key_in_the_table_answers_and_others_wait() {
        every_key_answers(KEYS, on_key);
    }
}
