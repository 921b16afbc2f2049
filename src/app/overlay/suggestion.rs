//! The lens's offer inside a form (a record, a check-in, the conference's sections): take
//! the alternative, adjust it, or keep the speaker's words.

use super::Outcome;
use crate::app::form::{Form, FormOutcome};
use crate::app::keys::{Binding, key, resolve, special};
use crossterm::event::{KeyCode, KeyEvent};

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Take the alternative as it stands.
    Take,
    /// Put the alternative in the field to adjust.
    Adjust,
    /// Keep the speaker's words.
    KeepWords,
    /// Close the offer and go back to the form.
    Dismiss,
}

/// The offer's keys.
pub const KEYS: &[Binding<Answer>] = &[
    key(
        'y',
        Answer::Take,
        "y",
        "use the alternative",
        Some("use it"),
    ),
    key(
        'k',
        Answer::KeepWords,
        "k",
        "keep their words",
        Some("keep their words"),
    ),
    key(
        'e',
        Answer::Adjust,
        "e",
        "adjust it in the field",
        Some("adjust"),
    ),
    special(
        KeyCode::Esc,
        Answer::Dismiss,
        "Esc",
        "back to the form",
        Some("back to editing"),
    ),
];

/// A key to a form the lens reads: while an offer is open the key answers it; a save
/// first offers each phrase the lens finds. `Save` only when nothing is left to offer.
pub fn form_key(
    form: &mut Form,
    key: KeyEvent,
    lens: &crate::lens::Lens,
    today: time::Date,
) -> FormOutcome {
    let outcome = if form.suggestion.is_some() {
        match on_key(form, key) {
            Outcome::Continue | Outcome::Close => return FormOutcome::Continue,
            Outcome::Done(()) => FormOutcome::Save,
        }
    } else {
        form.handle_key(key)
    };
    // A due date that has passed is questioned, never refused.
    if outcome == FormOutcome::Save && form.asks_about_passed_date(today) {
        form.asking_past_date = true;
        return FormOutcome::Continue;
    }
    if outcome == FormOutcome::Save
        && let Some(next) = form.next_suggestion(lens)
    {
        form.suggestion = Some(next);
        return FormOutcome::Continue;
    }
    outcome
}

/// Answers the form's offer. Done when the last offer is answered and the form is to be
/// saved; otherwise the form stays open.
pub fn on_key(form: &mut Form, key: KeyEvent) -> Outcome<()> {
    match resolve(KEYS, key) {
        Some(Answer::Take) => form.accept_suggestion(),
        Some(Answer::KeepWords) => form.keep_suggestion(),
        Some(Answer::Adjust) => {
            form.edit_suggestion();
            return Outcome::Continue;
        }
        Some(Answer::Dismiss) => {
            form.suggestion = None;
            return Outcome::Continue;
        }
        None => return Outcome::Continue,
    }
    if form.suggestion.is_some() {
        Outcome::Continue
    } else {
        Outcome::Done(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::overlay::testing::{every_key, press};
    use crate::lens::Suggestion;
    use crate::model::RecordKind;

    fn offered() -> Form {
        let mut form = Form::new(RecordKind::Strength, None);
        form.fields[0].input = crate::app::form::text("Words", "a difficult boy", false, "").input;
        let found = "difficult".to_owned();
        form.suggestion = Some((
            0,
            Suggestion {
                start: 2,
                end: 11,
                found,
                alternative: Some("struggling".into()),
                question: None,
                reason: "a label".into(),
                blames_child: true,
            },
        ));
        form
    }

    #[test]
    fn every_key_in_the_table_answers_the_offer_and_others_change_nothing() {
        for b in every_key(KEYS) {
            let mut form = offered();
            let outcome = on_key(&mut form, b);
            assert!(
                outcome != Outcome::Continue || form.suggestion.is_none(),
                "{b:?}"
            );
        }
        let mut form = offered();
        assert_eq!(on_key(&mut form, press('x')), Outcome::Continue);
        assert!(form.suggestion.is_some());
        assert_eq!(form.field_text(0), "a difficult boy");
    }
}
