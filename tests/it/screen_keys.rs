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
        "the week ahead",
        keys::WEEK,
        || {
            // Three plan items due in the examples' week, the middle one chosen.
            let mut h = Harness::with_examples();
            h.keys("wj");
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

fn press<A>(b: &Binding<A>) -> KeyEvent {
    let mut modifiers = KeyModifiers::NONE;
    if b.ctrl {
        modifiers |= KeyModifiers::CONTROL;
    }
    if b.alt {
        modifiers |= KeyModifiers::ALT;
    }
    KeyEvent::new(b.code, modifiers)
}

#[test]
fn the_record_form_answers_the_keys_of_its_table() {
    use convene::app::form::{CHOICE_KEYS, ChoiceKey, Form, FormKey, FormOutcome, KEYS};
    use convene::model::RecordKind;
    for b in KEYS {
        // An agreement's form: several fields, a multi-line first one, and it links.
        let mut form = Form::new(RecordKind::Agreement, None);
        form.handle_key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
        let before = format!("{form:?}");
        let outcome = form.handle_key(press(b));
        assert!(
            !matches!(outcome, FormOutcome::Continue) || format!("{form:?}") != before,
            "{} ({}) did nothing",
            b.keys,
            b.help
        );
    }
    // Where the form does not offer a key of its table, the key does nothing at all.
    let mut note = Form::new(RecordKind::Note, None);
    assert!(!note.offers(FormKey::Link));
    let before = format!("{note:?}");
    let ctrl_l = KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL);
    assert!(matches!(note.handle_key(ctrl_l), FormOutcome::Continue));
    assert_eq!(format!("{note:?}"), before);
    // A strength's second field chooses among four kinds: each choice key lands where it says.
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    for b in CHOICE_KEYS {
        let mut form = Form::new(RecordKind::Strength, None);
        form.handle_key(tab);
        let from = form.field_choice(1);
        form.handle_key(press(b));
        let to = form.field_choice(1);
        let expected = match b.action {
            ChoiceKey::Nth(i) if i < 4 => i,
            ChoiceKey::Nth(_) => from,
            ChoiceKey::Previous => (from + 3) % 4,
            ChoiceKey::Next => (from + 1) % 4,
        };
        assert_eq!(to, expected, "{} ({})", b.keys, b.help);
    }
}
