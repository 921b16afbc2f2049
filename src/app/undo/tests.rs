//! The undo history's tests: random changes undone and redone exactly, and the caps.

use super::*;
use crate::generate::workshop;
use crate::model::{Note, RecordBody};
use proptest::prelude::*;
use time::macros::datetime;

/// A change a user can make, or undo and redo, picked by number.
fn step(s: &mut Session, what: u8, a: usize, b: usize, words: &str) {
    let now = datetime!(2026-11-25 10:00 UTC) + time::Duration::minutes(a as i64 % 600);
    let n = s.records.len();
    match what {
        0 => {
            let stage = if a.is_multiple_of(2) {
                "define"
            } else {
                "dream"
            };
            s.add(stage, RecordBody::Note(Note { text: words.into() }), now);
        }
        1 if n > 0 => s.records[a % n].body.text_mut().push_str(words),
        2 if n > 0 => {
            let id = s.records[a % n].id;
            s.remove(id, now);
        }
        3 if n > 0 => s.records.swap(a % n, b % n),
        4 if n > 0 => {
            let r = s.records.remove(a % n);
            s.records.insert(b % n, r);
        }
        5 => s.move_to_stage(words, now),
        6 => s.title = words.into(),
        7 => s.conference.get_or_insert_with(Default::default).reasons = words.into(),
        // A file may hold two records with one id; undo must still be exact.
        8 if n > 0 => {
            let mut twin = s.records[a % n].clone();
            twin.body.text_mut().push_str(words);
            s.records.insert(b % (n + 1), twin);
        }
        9 => s.records.reverse(),
        10 if n > 0 => s.records.truncate(a % n),
        _ => {}
    }
    s.updated = now;
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Against whole copies (what undo kept before): every step, every undo and redo
    /// gives exactly the same session; then undo all gives back the first, redo all the last.
    #[test]
    fn changes_undo_and_redo_exactly_as_whole_copies_would(
        records in 0usize..25,
        seed in 0u64..1000,
        steps in prop::collection::vec((0u8..14, any::<usize>(), any::<usize>(), "[a-z ]{0,6}"), 0..40),
    ) {
        let mut session = workshop("undo1", records, seed);
        let (mut copies, mut undone): (Vec<Session>, Vec<Session>) = (Vec::new(), Vec::new());
        let mut history = History::default();
        for (what, a, b, words) in &steps {
            match what {
                12 => {
                    let current = session.clone();
                    prop_assert_eq!(history.undo(&mut session), !copies.is_empty());
                    if let Some(before) = copies.pop() {
                        undone.push(current);
                        prop_assert_eq!(&session, &before);
                    }
                }
                13 => {
                    let current = session.clone();
                    prop_assert_eq!(history.redo(&mut session), !undone.is_empty());
                    if let Some(after) = undone.pop() {
                        copies.push(current);
                        prop_assert_eq!(&session, &after);
                    }
                }
                _ => {
                    let before = session.clone();
                    let n = session.records.len();
                    let change = |s: &mut Session| step(s, *what, *a, *b, words);
                    // Changes to one record or to the session's own fields are kept the cheap way, as the app does.
                    match what {
                        0 | 5 | 6 | 7 => history.change_head(&mut session, change),
                        1 if n > 0 => history.change_record(&mut session, a % n, |r| {
                            r.body.text_mut().push_str(words)
                        }),
                        _ => history.change(&mut session, change),
                    }
                    copies.push(before);
                    undone.clear();
                }
            }
        }
        // Undo all, then redo all: through every state back to the first, then forward
        // through them and through what was undone before.
        let first = copies.first().cloned().unwrap_or_else(|| session.clone());
        let mut ahead = undone;
        ahead.push(session.clone());
        while history.undo(&mut session) {
            ahead.push(session.clone());
        }
        prop_assert_eq!(&session, &first);
        prop_assert_eq!(ahead.pop(), Some(first));
        while history.redo(&mut session) {
            prop_assert_eq!(Some(session.clone()), ahead.pop());
        }
        prop_assert!(ahead.is_empty());
    }
}

#[test]
fn five_hundred_edits_on_a_large_session_stay_small_and_all_undo() {
    let mut session = workshop("undo2", 2_000, 5);
    let first = session.clone();
    let mut history = History::default();
    for i in 0..UNDO_DEPTH {
        let at = i * 7 % session.records.len();
        history.change(&mut session, |s| {
            s.records[at].body.text_mut().push_str(" and more")
        });
    }
    assert_eq!(history.undo_len(), UNDO_DEPTH, "every edit can be undone");
    assert!(
        history.bytes() < UNDO_BYTES / 4,
        "{} bytes for {UNDO_DEPTH} edits",
        history.bytes()
    );
    while history.undo(&mut session) {}
    assert_eq!(session, first);
}

#[test]
fn big_changes_are_dropped_oldest_first_to_stay_under_the_cap() {
    let mut session = workshop("undo3", 2_000, 6);
    let mut history = History::default();
    for _ in 0..100 {
        history.change(&mut session, |s| {
            s.records.reverse();
            for r in &mut s.records {
                r.body.text_mut().push('!');
            }
        });
    }
    assert!(history.bytes() <= UNDO_BYTES, "{} bytes", history.bytes());
    assert!(history.undo_len() < 100 && history.undo_len() >= 1);
    let latest = session.clone();
    history.undo(&mut session);
    history.redo(&mut session);
    assert_eq!(session, latest);
}

/// The app with `session` open in its discovery stage; nothing touches the disk.
fn app_with(mut session: Session) -> crate::app::App {
    use crate::app::{App, Screen, SessionView};
    let frameworks = crate::framework::Frameworks::embedded();
    let framework = frameworks.get("ai").cloned().expect("AI");
    let (mut app, _) = App::new(
        frameworks,
        time::UtcOffset::UTC,
        "/nowhere".into(),
        datetime!(2026-11-25 10:00 UTC),
    );
    session.stage = "discovery".into();
    let loaded = crate::store::Loaded {
        session,
        path: "/nowhere/undo.ron".into(),
        fingerprint: crate::store::Fingerprint::of(b""),
        read_only: None,
        inner_id: None,
        loose: None,
    };
    app.screen = Screen::Session(Box::new(SessionView::new(loaded, framework)));
    app
}

fn press(app: &mut crate::app::App, keys: &str) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for word in keys.split(' ') {
        let key = match word {
            "<enter>" => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            "<c-r>" => KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL),
            _ => KeyEvent::new(
                KeyCode::Char(word.chars().next().expect("a key")),
                KeyModifiers::NONE,
            ),
        };
        crate::app::update(app, crate::app::Msg::Key(key));
    }
}

fn open(app: &crate::app::App) -> &crate::app::SessionView {
    match &app.screen {
        crate::app::Screen::Session(v) => v,
        _ => panic!("the session is open"),
    }
}

#[test]
fn edits_adds_moves_and_stages_in_the_app_all_undo_and_redo_exactly() {
    let mut app = app_with(workshop("undo4", 3_000, 4));
    let first = open(&app).session.clone();
    for i in 0..UNDO_DEPTH {
        match i % 5 {
            0 => press(&mut app, "a m o r e <enter>"),
            1 => press(&mut app, "K"),
            2 if i % 50 == 2 => press(&mut app, ">"),
            3 if i % 50 == 3 => press(&mut app, "[ >"),
            _ => press(&mut app, "e x <enter> j"),
        }
    }
    let last = open(&app).session.clone();
    assert_ne!(last, first);
    assert_eq!(open(&app).history.undo_len(), UNDO_DEPTH);
    assert!(open(&app).history.bytes() < UNDO_BYTES / 4);
    for _ in 0..UNDO_DEPTH {
        press(&mut app, "u");
    }
    assert_eq!(open(&app).session, first);
    for _ in 0..UNDO_DEPTH {
        press(&mut app, "<c-r>");
    }
    assert_eq!(open(&app).session, last);
}
