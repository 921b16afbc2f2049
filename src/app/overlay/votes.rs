//! The box that counts the room's dots on a dream or design statement: a new total, or `+3` to add.

use super::{Outcome, Overlay};
use crate::app::keys::{Binding, special};
use crate::app::session_view::view;
use crate::app::{App, Effect};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;
use time::OffsetDateTime;

/// What a key asks for; any other key is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Set,
    Cancel,
}

/// The box's keys.
pub const KEYS: &[Binding<Answer>] = &[
    special(
        KeyCode::Enter,
        Answer::Set,
        "Enter",
        "keep the count",
        Some("keep the count"),
    ),
    special(
        KeyCode::Esc,
        Answer::Cancel,
        "Esc",
        "cancel",
        Some("cancel"),
    ),
];

/// The most dots a record can hold: far more than any room, small enough to add safely.
pub const MOST: u32 = 9_999;

/// How a count was typed: a new total, or dots to add to the total there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    Total(u32),
    Add(u32),
}

impl Count {
    /// Reads "7" or "+3"; `None` for anything else (the box says so and stays open).
    pub fn parse(typed: &str) -> Option<Count> {
        let typed = typed.trim();
        let (add, digits) = match typed.strip_prefix('+') {
            Some(rest) => (true, rest.trim()),
            None => (false, typed),
        };
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let n: u32 = digits.parse().ok().filter(|n| *n <= MOST)?;
        Some(if add { Count::Add(n) } else { Count::Total(n) })
    }

    /// The new total from the one there.
    pub fn apply(self, votes: u32) -> u32 {
        match self {
            Count::Total(n) => n,
            Count::Add(n) => votes.saturating_add(n).min(MOST),
        }
    }
}

/// Done with the count as typed (or `None` when it is not a count); closed on cancel.
pub fn on_key(input: &mut TextArea<'static>, key: KeyEvent) -> Outcome<Option<Count>> {
    match super::answer_or_type(KEYS, input, key) {
        Some(Answer::Set) => Outcome::Done(Count::parse(&input.lines().join(""))),
        Some(Answer::Cancel) => Outcome::Close,
        None => Outcome::Continue,
    }
}

/// A key in the box, and what its answer does to the session.
pub(super) fn apply(app: &mut App, key: KeyEvent, now: OffsetDateTime) -> Vec<Effect> {
    let Some(v) = view(app) else {
        return Vec::new();
    };
    let Some(Overlay::Votes {
        record,
        input,
        error,
    }) = &mut v.overlay
    else {
        return Vec::new();
    };
    match on_key(input, key) {
        Outcome::Continue => *error = None,
        Outcome::Close => v.overlay = None,
        Outcome::Done(None) => {
            *error = Some("A number of dots, like 7, or +3 to add three.".to_owned());
        }
        Outcome::Done(Some(count)) => {
            let record = *record;
            v.overlay = None;
            let total = v
                .session
                .record(record)
                .and_then(|r| r.body.votes())
                .map_or(0, |votes| count.apply(votes));
            v.change_record(now, record, |r| {
                if let Some(votes) = r.body.votes_mut() {
                    *votes = total;
                }
            });
            app.say(format!(
                "{record} has {}. u takes it back.",
                crate::describe::votes_words(total)
            ));
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::overlay::testing::{every_key, press};

    #[test]
    fn every_key_in_the_table_answers_and_others_only_type() {
        for b in every_key(KEYS) {
            let mut input = crate::app::form::input("3");
            assert_ne!(on_key(&mut input, b), Outcome::Continue, "{b:?}");
        }
        let mut input = crate::app::form::input("");
        assert_eq!(on_key(&mut input, press('+')), Outcome::Continue);
        assert_eq!(on_key(&mut input, press('2')), Outcome::Continue);
        assert_eq!(input.lines().join(""), "+2");
    }

    #[test]
    fn a_count_is_a_total_or_dots_to_add_and_nothing_else() {
        assert_eq!(Count::parse("7"), Some(Count::Total(7)));
        assert_eq!(Count::parse(" +3 "), Some(Count::Add(3)));
        assert_eq!(Count::parse("0"), Some(Count::Total(0)));
        for bad in ["", "+", "-2", "three", "3.5", "99999999999", "10000"] {
            assert_eq!(Count::parse(bad), None, "{bad:?}");
        }
        assert_eq!(Count::Add(3).apply(4), 7);
        assert_eq!(Count::Total(2).apply(4), 2);
        assert_eq!(Count::Add(MOST).apply(MOST), MOST);
    }
}
