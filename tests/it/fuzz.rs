//! Fuzzing: mutated session files load or say where they break; random keys, pastes and
//! window sizes never panic, and every record on screen is in the file.
//!
//! A plain `cargo test` runs a few hundred file cases and a couple of thousand steps;
//! `CONVENE_FUZZ_CASES=100000 CONVENE_FUZZ_STEPS=100000 cargo test --release --test it fuzz`
//! runs a hundred thousand of each.

use crate::harness::{Harness, parse_keys};
use convene::app::{self, Effect, Msg};
use convene::store::{StoreError, load_path};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// One way to damage a file.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Duplicate(usize, usize),
    Truncate(usize),
    Token(usize, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let tokens = prop::sample::select(vec![
        "(",
        ")",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "Some(",
        "None",
        "-1",
        "99999999999999999999",
        "format: 3",
        "format: 0",
        "id: \"../x\"",
        "r#\"",
        "\u{1b}]0;x\u{7}",
        "\0",
        "é",
        "🌱",
        "//",
        "/*",
        "#![enable(implicit_some)]",
        "Strength(",
        "true",
        "1e400",
        "builds_on: [1,1,1]",
    ]);
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
        (any::<usize>(), 1usize..40).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<usize>(), 1usize..200).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), tokens).prop_map(|(at, t)| Mutation::Token(at, t)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Flip(at, b) => {
            if let Some(x) = bytes.get_mut(at % len) {
                *x ^= b | 1;
            }
        }
        Mutation::Delete(at, n) => {
            let start = at % len;
            let end = (start + n).min(bytes.len());
            bytes.drain(start.min(end)..end);
        }
        Mutation::Insert(at, b) => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, b.iter().copied());
        }
        Mutation::Duplicate(at, n) => {
            let start = at % len;
            let end = (start + n).min(bytes.len());
            let copy: Vec<u8> = bytes[start.min(end)..end].to_vec();
            bytes.splice(end..end, copy);
        }
        Mutation::Truncate(at) => bytes.truncate(at % len),
        Mutation::Token(at, t) => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, t.bytes());
        }
    }
}

#[test]
fn mutated_session_files_never_panic_and_every_error_has_line_and_column() {
    let cases = std::env::var("CONVENE_FUZZ_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(300);
    let examples: Vec<Vec<u8>> = ["k7q2m9xa.ron", "p3f8h2kd.ron"]
        .iter()
        .map(|name| {
            std::fs::read(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("sessions")
                    .join(name),
            )
            .expect("example")
        })
        .collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("fuzz1.ron");
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (0usize..2, prop::collection::vec(mutation(), 1..5));
    let (errors, loaded) = (std::cell::Cell::new(0u32), std::cell::Cell::new(0u32));
    let result = runner.run(&strategy, |(which, mutations)| {
        let mut bytes = examples[which].clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        std::fs::write(&file, &bytes).expect("write");
        match load_path(&file) {
            Ok(_) => loaded.set(loaded.get() + 1),
            Err(StoreError::Parse { line, col, .. }) => {
                errors.set(errors.get() + 1);
                prop_assert!(line >= 1 && col >= 1);
            }
            Err(other) => prop_assert!(false, "an error without line and column: {other}"),
        }
        Ok(())
    });
    println!(
        "fuzz cases: {cases}, loaded: {}, errors with line:col: {}",
        loaded.get(),
        errors.get()
    );
    result.expect("no case panicked or lacked a place");
}

/// One thing a user (or their terminal) does.
#[derive(Debug, Clone)]
enum Step {
    Key(KeyEvent),
    Paste(String),
    /// The window takes a new size; the next frames are drawn at it.
    Resize(u16, u16),
    /// A quarter of a second passes (saves are due 300 ms after a change).
    Tick,
}

/// Characters in several scripts, typed one key at a time.
const TYPED: &[&str] = &[
    "abcdefghijklmnopqrstuvwxyz",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "0123456789+-/.,;:!?'\"()[]{}<>#@&*_=%$~`^|\\ ",
    "éñüçøåß",
    "مرحبا بالعائلة",
    "家族会議の記録",
    "🌱👨\u{200d}👩\u{200d}👧🎉",
    "e\u{301}a\u{308}",
];

/// Pieces of pasted text: several lines, each line break as a terminal might send it.
const PASTED: &[&str] = &[
    "Survey answer 1: nurses.\r\nSurvey answer 2: teachers.\rSurvey answer 3\n",
    "+3é",
    "+99999999d",
    "2026-02-30",
    "Ünïcödé – 家族 – 🌱\r",
    "\u{1b}[31mred\u{7}\u{1b}]0;title\u{7}",
    "\t\ttabs\tand\r\n\r\nblank lines\n\n",
    "مرحبا\nبالعائلة",
];

/// Words typed whole, key by key: dates as people write them, and the tricky ones.
const WORDS: &[&str] = &[
    "+3é",
    "+99999999d",
    "+4294967296w",
    "+٣d",
    "+3🌱",
    "+1m",
    "2026-12-01",
    "2026-02-30",
    "next tuesday",
    "Priya (youth service)",
];

fn typed_key(rng: &mut fastrand::Rng) -> KeyEvent {
    let set: Vec<char> = TYPED[rng.usize(..TYPED.len())].chars().collect();
    let c = set[rng.usize(..set.len())];
    let modifiers = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), modifiers)
}

fn control_key(rng: &mut fastrand::Rng) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match rng.u8(..16) {
        0 | 1 => plain(KeyCode::Enter),
        2 => plain(KeyCode::Esc),
        3 => plain(KeyCode::Tab),
        4 => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        5 => plain([KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right][rng.usize(..4)]),
        6 => plain(
            [
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::Home,
                KeyCode::End,
            ][rng.usize(..4)],
        ),
        7 | 8 => plain(KeyCode::Backspace),
        9 => plain(KeyCode::Delete),
        10 => KeyEvent::new(KeyCode::Char(rng.char('a'..='z')), KeyModifiers::CONTROL),
        11 => plain(KeyCode::F(rng.u8(1..=12))),
        12 => KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT),
        // The app's own keys, more often than chance would type them.
        _ => {
            let keys: Vec<char> = "aA][>lTedujkxtcoq? 123yn".chars().collect();
            let c = keys[rng.usize(..keys.len())];
            let modifiers = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            KeyEvent::new(KeyCode::Char(c), modifiers)
        }
    }
}

/// The next step or steps (a word is typed as several keys).
fn steps(rng: &mut fastrand::Rng) -> Vec<Step> {
    let one = match rng.u8(..100) {
        0..=44 => Step::Key(typed_key(rng)),
        45..=49 => {
            let word = WORDS[rng.usize(..WORDS.len())];
            return parse_keys(word).into_iter().map(Step::Key).collect();
        }
        50..=84 => Step::Key(control_key(rng)),
        85..=89 => {
            let n = rng.usize(1..4);
            let text: String = (0..n).map(|_| PASTED[rng.usize(..PASTED.len())]).collect();
            Step::Paste(text)
        }
        90..=93 => {
            let tiny = rng.bool();
            Step::Resize(
                if tiny {
                    rng.u16(1..=20)
                } else {
                    rng.u16(1..=300)
                },
                if tiny {
                    rng.u16(1..=8)
                } else {
                    rng.u16(1..=100)
                },
            )
        }
        _ => Step::Tick,
    };
    vec![one]
}

/// Where a script starts, and whether the folder holds the example sessions: a new
/// workshop, a new conference, an example session, a form with a date field in focus, the
/// follow-through list and the report.
const STARTS: &[(&str, bool)] = &[
    ("n<enter>Harbour day<enter>", false),
    ("n<down><enter>Conference for J.<enter>", false),
    ("<enter>", true),
    (
        "n<enter>Harbour day<enter>]]]]aStart a weekly huddle<tab>Priya<tab>",
        false,
    ),
    (
        "n<down><enter>Conference for J.<enter>]]]aNan meets J. at the gate<tab>Halina<tab>",
        false,
    ),
    ("f", true),
    ("r", true),
];

/// Where the script with this seed starts.
fn start(seed: u64) -> (&'static str, bool) {
    STARTS[usize::try_from(seed).unwrap_or(0) % STARTS.len()]
}

/// A script: its start, then at least `len` random steps.
fn script(seed: u64, len: usize) -> Vec<Step> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut script: Vec<Step> = parse_keys(start(seed).0)
        .into_iter()
        .map(Step::Key)
        .collect();
    while script.len() < len {
        script.extend(steps(&mut rng));
    }
    script
}

/// A script as the harness writes keys (`<enter>`, `<c-l>`), with pastes, sizes and ticks.
fn written(script: &[Step]) -> String {
    script
        .iter()
        .map(|step| match step {
            Step::Key(key) => match key.code {
                KeyCode::Char(c) if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    format!("<c-{c}>")
                }
                KeyCode::Char(c) => c.to_string(),
                KeyCode::Enter if key.modifiers.contains(KeyModifiers::ALT) => "<a-enter>".into(),
                code => format!("<{code:?}>").to_lowercase(),
            },
            Step::Paste(text) => format!("<paste {text:?}>"),
            Step::Resize(w, h) => format!("<{w}x{h}>"),
            Step::Tick => "<tick>".into(),
        })
        .collect()
}

/// Runs a script against a fresh temporary folder, drawing every frame. Returns how many
/// steps ran and how many records were compared with the file, or what was not saved.
fn run_script(seed: u64, steps: &[Step]) -> Result<(usize, usize), String> {
    let mut h = if start(seed).1 {
        Harness::with_examples()
    } else {
        Harness::new()
    };
    let scratch = h
        .runtime
        .store()
        .dir()
        .parent()
        .expect("the temp folder")
        .to_owned();
    let (mut width, mut height) = (80, 24);
    let mut ran = 0;
    for step in steps {
        match step {
            Step::Key(key) => send(&mut h, &scratch, Msg::Key(*key)),
            Step::Paste(text) => send(&mut h, &scratch, Msg::Paste(text.clone())),
            Step::Resize(w, hh) => (width, height) = (*w, *hh),
            Step::Tick => {
                let now = h.app.now + time::Duration::milliseconds(250);
                send(&mut h, &scratch, Msg::Tick(now));
            }
        }
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal
            .draw(|frame| convene::ui::draw(&h.app, frame))
            .expect("draw");
        ran += 1;
        if h.app.quit {
            break;
        }
    }
    // Two seconds on: every save that was due has happened.
    for _ in 0..8 {
        let now = h.app.now + time::Duration::milliseconds(250);
        send(&mut h, &scratch, Msg::Tick(now));
    }
    for file in h.runtime.store().files().expect("files") {
        load_path(&file).map_err(|e| format!("a saved file does not load: {e}"))?;
    }
    let mut compared = 0;
    if let Some(view) = h.app.session_view()
        && view.read_only.is_none()
    {
        if view.dirty {
            return Err(format!("unsaved after two seconds: {:?}", view.save_error));
        }
        let file = view.conflict_copy.as_ref().unwrap_or(&view.path);
        let saved = load_path(file).map_err(|e| format!("the session's file: {e}"))?;
        if saved.session.records != view.session.records {
            return Err(format!(
                "the file holds {} records, the screen {}; first difference: {:?}",
                saved.session.records.len(),
                view.session.records.len(),
                saved
                    .session
                    .records
                    .iter()
                    .zip(&view.session.records)
                    .find(|(a, b)| a != b)
            ));
        }
        compared = saved.session.records.len();
    }
    Ok((ran, compared))
}

/// Runs one message through `update` and its effects as the terminal loop does, except
/// that exports and copies go into the scratch folder, never the user's documents.
fn send(h: &mut Harness, scratch: &Path, msg: Msg) {
    let effects = app::update(&mut h.app, msg);
    for effect in effects {
        let effect = match effect {
            Effect::Export { bytes, replace, .. } => Effect::Export {
                bytes,
                path: scratch.join("export.out"),
                replace,
            },
            Effect::CopyTo { session, .. } => Effect::CopyTo {
                session,
                path: scratch.join("copy.ron"),
            },
            Effect::Suspend => continue,
            other => other,
        };
        if let Some(msg) = h.runtime.perform(effect) {
            send(h, scratch, msg);
        }
    }
}

#[test]
fn random_keys_pastes_and_sizes_never_panic_and_every_record_is_saved() {
    let total: usize = std::env::var("CONVENE_FUZZ_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2_000);
    let first: u64 = std::env::var("CONVENE_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    const LEN: usize = 250;
    let (mut steps, mut scripts, mut records) = (0usize, 0usize, 0usize);
    let (mut panics, mut problems) = (Vec::new(), Vec::new());
    let mut seed = first;
    while steps < total {
        let script = script(seed, LEN);
        match catch_unwind(AssertUnwindSafe(|| run_script(seed, &script))) {
            Ok(Ok((ran, compared))) => {
                steps += ran;
                records += compared;
            }
            Ok(Err(problem)) => {
                steps += script.len();
                problems.push(format!("seed {seed}: {problem}"));
            }
            Err(_) => {
                steps += script.len();
                panics.push(format!("seed {seed}: {}", written(&script)));
            }
        }
        scripts += 1;
        seed += 1;
    }
    println!(
        "fuzz keys: {scripts} scripts, {steps} steps, {records} records found in their files, \
         {} panics, {} unsaved (seeds {first}..{seed}; CONVENE_FUZZ_SEED=n starts at seed n)",
        panics.len(),
        problems.len()
    );
    for panic in &panics {
        println!("panicked: {panic}");
    }
    for problem in &problems {
        println!("not saved: {problem}");
    }
    assert!(panics.is_empty() && problems.is_empty());
}
