//! Keys as data on every screen: each key in a screen's table does something there, and a
//! key the table does not list changes nothing.

use crate::harness::Harness;
use convene::app::keys::{self, Action, Binding};
use convene::app::{self, Msg};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn event(b: &Binding) -> KeyEvent {
    let modifiers = if b.ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(b.code, modifiers)
}

/// The app's state as text: what a key could change.
fn state(h: &Harness) -> String {
    format!("{:?}", h.app)
}

/// Each key of `table`, sent to a fresh `start()` (after the keys `before` gives for it,
/// where it needs a state of its own), changes the state or asks for an effect; keys that
/// no table of the screen lists change nothing.
fn every_key_answers(
    screen: &str,
    table: &[Binding],
    start: impl Fn() -> Harness,
    before: &[(Action, &str)],
) {
    for b in table {
        let mut h = start();
        if let Some((_, script)) = before.iter().find(|(action, _)| *action == b.action) {
            h.keys(script);
        }
        let before = state(&h);
        let effects = app::update(&mut h.app, Msg::Key(event(b)));
        assert!(
            !effects.is_empty() || state(&h) != before,
            "{screen}: {} ({}) did nothing",
            b.keys,
            b.help
        );
    }
    for code in [KeyCode::F(5), KeyCode::Char('§'), KeyCode::Insert] {
        let mut h = start();
        let before = state(&h);
        let effects = app::update(
            &mut h.app,
            Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
        );
        assert!(effects.is_empty(), "{screen}: {code:?} asked for something");
        assert_eq!(state(&h), before, "{screen}: {code:?} changed something");
    }
}

#[test]
fn every_screen_answers_the_keys_of_its_table_and_no_others() {
    every_key_answers(
        "dashboard",
        keys::DASHBOARD,
        || {
            // Three sessions, the middle one chosen: up and down both have somewhere to go.
            let mut h = Harness::with_examples();
            h.keys("n<enter>Harbour day<enter>q");
            h.keys("kkj");
            h
        },
        &[(Action::Back, "/Harbour<enter>")],
    );
    every_key_answers(
        "new session",
        keys::NEW_SESSION,
        || {
            let mut h = Harness::new();
            h.keys("n");
            h
        },
        &[(Action::Up, "j")],
    );
    every_key_answers(
        "follow-through",
        keys::FOLLOW,
        || {
            let mut h = Harness::with_examples();
            h.keys("fj");
            h
        },
        &[],
    );
    every_key_answers(
        "report",
        keys::REPORT,
        || {
            let mut h = Harness::with_examples();
            h.keys("r");
            h
        },
        &[],
    );
    every_key_answers(
        "session",
        keys::SESSION,
        || {
            let mut h = Harness::with_examples();
            h.open(&h.runtime.store().dir().join("k7q2m9xa.ron"));
            h.keys("[j");
            h
        },
        &[],
    );
}
