//! The folder keeps up: changes made by another window, a sync tool or git reach the app,
//! its own saves are never taken for someone else's, and the room's screen follows.

use crate::harness::Harness;
use convene::app::{Effect, Msg, Overlay};

/// A workshop open in the harness, one strength saved; returns its file.
fn open_workshop(h: &mut Harness) -> std::path::PathBuf {
    h.keys("n<enter>Harbour day<enter>]aYouth workers know every child<enter>");
    h.settle();
    h.app.session_view().expect("open").path.clone()
}

/// Another program rewrites the file with the title changed.
fn their_change(path: &std::path::Path) {
    let theirs = std::fs::read_to_string(path)
        .expect("read")
        .replace("Harbour day", "Harbour day, synced");
    std::fs::write(path, theirs).expect("their change");
}

#[test]
fn the_apps_own_save_is_not_taken_for_a_change_elsewhere() {
    let mut h = Harness::new();
    let path = open_workshop(&mut h);
    h.send(Msg::FolderChanged(vec![path]));
    let view = h.app.session_view().expect("open");
    assert!(view.overlay.is_none(), "{:?}", view.overlay);
    assert!(!view.changed_elsewhere);
}

#[test]
fn a_change_elsewhere_with_nothing_unsaved_is_told_and_ctrl_l_loads_it() {
    let mut h = Harness::new();
    let path = open_workshop(&mut h);
    their_change(&path);
    h.send(Msg::FolderChanged(vec![path.clone()]));
    // Told in the status bar, with its key; no box takes the keys.
    let view = h.app.session_view().expect("open");
    assert!(view.overlay.is_none(), "{:?}", view.overlay);
    let status = h.app.status.clone().expect("told");
    assert!(
        status.text.contains("Changed elsewhere") && status.text.contains("Ctrl-l"),
        "{status:?}"
    );
    assert!(h.screen(80, 24).contains("changed elsewhere · Ctrl-l"));
    // Told again (another event for the same version), it is nothing new.
    h.app.status = None;
    h.send(Msg::FolderChanged(vec![path]));
    assert!(h.app.status.is_none(), "{:?}", h.app.status);
    h.keys("<c-l>");
    let view = h.app.session_view().expect("open");
    assert_eq!(view.session.title, "Harbour day, synced");
    assert!(view.overlay.is_none());
    assert!(!view.changed_elsewhere);
}

/// The reproduction: their change, then `a`, `MINE record`, Enter.
#[test]
fn keys_typed_after_a_change_elsewhere_go_where_they_were_meant() {
    let mut h = Harness::new();
    let path = open_workshop(&mut h);
    their_change(&path);
    h.send(Msg::FolderChanged(vec![path.clone()]));
    h.keys("aMINE record<enter>");
    h.wait(1);
    let view = h.app.session_view().expect("open");
    let texts: Vec<&str> = view.session.records.iter().map(|r| r.body.text()).collect();
    assert_eq!(
        texts,
        ["Youth workers know every child", "MINE record"],
        "no saved record was edited"
    );
    // Theirs is the session's file; mine is kept in a copy beside it, named.
    assert!(
        std::fs::read_to_string(&path)
            .expect("theirs")
            .contains("Harbour day, synced")
    );
    let copy = view.conflict_copy.clone().expect("a copy");
    assert!(
        std::fs::read_to_string(&copy)
            .expect("copy")
            .contains("MINE record")
    );
    let name = copy
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let status = h.app.status.clone().expect("told");
    assert!(status.text.contains(&name), "{status:?}");
    assert!(view.overlay.is_none(), "{:?}", view.overlay);
    // Esc does what it says on the session screen (back to the room's stage), not to a notice.
    h.keys("<esc>");
    assert_eq!(h.app.session_view().expect("open").looking_at, None);
}

#[test]
fn unsaved_words_are_never_replaced_by_a_change_elsewhere() {
    let mut h = Harness::new();
    let path = open_workshop(&mut h);
    // Words typed, not yet saved; then the file changes elsewhere.
    h.keys("aThe harbour opens early<enter>");
    assert!(h.app.session_view().expect("open").dirty);
    their_change(&path);
    h.send(Msg::FolderChanged(vec![path.clone()]));
    // Mine went to a conflict copy at once, theirs is untouched, and the user is told.
    let view = h.app.session_view().expect("open");
    assert!(view.overlay.is_none(), "{:?}", view.overlay);
    let copy = view.conflict_copy.clone().expect("a copy");
    assert!(
        std::fs::read_to_string(&copy)
            .expect("copy")
            .contains("The harbour opens early")
    );
    assert!(
        std::fs::read_to_string(&path)
            .expect("theirs")
            .contains("Harbour day, synced")
    );
    assert_eq!(
        view.session.records.last().map(|r| r.body.text()),
        Some("The harbour opens early")
    );
    // Ctrl-l offers the choice, in a box whose keys are on it.
    h.keys("<c-l>");
    assert!(matches!(
        h.app.session_view().expect("open").overlay,
        Some(Overlay::Conflict { .. })
    ));
    h.keys("<esc>");
    assert!(h.app.session_view().expect("open").overlay.is_none());
}

#[test]
fn a_change_elsewhere_waits_for_the_open_form_and_keeps_its_words() {
    let mut h = Harness::new();
    let path = open_workshop(&mut h);
    h.keys("aHalf a sentence");
    their_change(&path);
    h.send(Msg::FolderChanged(vec![path]));
    // The form stays, with its words.
    assert!(h.screen(80, 24).contains("Half a sentence"));
    h.keys(" finished<enter>");
    h.wait(1);
    // Once it closes, the new words are kept in a copy; nothing is asked.
    let view = h.app.session_view().expect("open");
    assert!(view.overlay.is_none(), "{:?}", view.overlay);
    let copy = view.conflict_copy.clone().expect("a copy");
    assert!(
        std::fs::read_to_string(copy)
            .expect("copy")
            .contains("Half a sentence finished")
    );
}

#[test]
fn the_dashboard_reads_the_folder_again_when_it_changes() {
    let mut h = Harness::new();
    let effects = convene::app::update(&mut h.app, Msg::FolderChanged(vec![]));
    assert!(matches!(effects.as_slice(), [Effect::List { .. }]));
}

#[test]
fn the_rooms_screen_in_private_family_time_shows_only_the_stage_and_that_the_family_talks() {
    let mut h = Harness::new();
    // A conference, moved on to private family time.
    h.keys("n<down><enter>Jay's family<enter>");
    let view = h.app.session_view().expect("open");
    let private = view
        .framework
        .stages
        .iter()
        .position(|s| s.family_only())
        .expect("a private stage");
    let at = view
        .framework
        .stages
        .iter()
        .position(|s| s.key == view.session.stage)
        .expect("stage");
    h.keys(&">".repeat(private - at));
    let view = h.app.session_view().expect("open");
    assert!(view.room_stage().expect("stage").family_only());
    h.keys("p");
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("The family is talking privately."),
        "{screen}"
    );
    let stage = h.app.session_view().expect("open").stage().expect("stage");
    for prompt in &stage.prompts {
        assert!(!screen.contains(prompt.as_str()), "{screen}");
    }
    // Not even the countdown.
    assert!(!screen.contains("minutes left"), "{screen}");
}

#[test]
fn the_rooms_screen_ranks_by_the_rooms_votes_once_it_has_voted() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>>");
    h.keys("aEvery child has a trusted adult<enter>");
    h.keys("aThe harbour is open to young people<enter>vvv");
    h.settle();
    let file = h.app.session_view().expect("open").path.clone();
    let loaded = convene::store::load_path(&file).expect("load");
    let effects = h.app.follow_for_the_room(loaded);
    assert!(effects.is_empty(), "{effects:?}");
    let screen = h.screen(100, 40);
    assert!(!screen.contains("0 votes"), "{screen}");
    let at = |words: &str| {
        screen
            .find(words)
            .unwrap_or_else(|| panic!("{words}: {screen}"))
    };
    assert!(
        at("The harbour is open to young people · 3 votes") < at("Every child has a trusted adult")
    );
}

/// Feeds what the watcher tells to the app for about `seconds`, ticking as the loop does;
/// returns how many times it was woken.
fn idle(
    h: &mut Harness,
    told: &std::sync::mpsc::Receiver<Vec<std::path::PathBuf>>,
    ticks: u32,
) -> u32 {
    let mut woken = 0;
    for _ in 0..ticks {
        while let Ok(paths) = told.recv_timeout(std::time::Duration::from_millis(250)) {
            woken += 1;
            h.send(Msg::FolderChanged(paths));
        }
        let now = h.app.now + time::Duration::milliseconds(250);
        h.send(Msg::Tick(now));
    }
    woken
}

#[test]
fn an_idle_window_is_never_woken_and_reads_no_session_file() {
    use convene::store::session_reads;
    let mut h = Harness::with_examples();
    let dir = h.runtime.store().dir().to_owned();
    let (tx, told) = std::sync::mpsc::channel();
    convene::watch::watch(&dir, move |paths| tx.send(paths).is_ok());
    std::thread::sleep(std::time::Duration::from_millis(200));

    // The dashboard reads the folder once; then nothing changes and nothing is read.
    h.relist();
    let before = session_reads();
    let woken = idle(&mut h, &told, 10);
    assert_eq!(woken, 0, "an idle dashboard was woken");
    assert_eq!(session_reads() - before, 0, "an idle dashboard read files");

    // Files that stood still are listed from the cache, as `convene list` lists them.
    h.relist();
    let before = session_reads();
    h.relist();
    assert_eq!(
        session_reads() - before,
        0,
        "the dashboard read files the cache holds"
    );

    // A session open in the window: its own reading of its file wakes nothing.
    let file = h.runtime.store().files().expect("files")[0].clone();
    h.open(&file);
    assert!(h.app.session_view().is_some());
    let before = session_reads();
    let woken = idle(&mut h, &told, 6);
    assert_eq!(woken, 0, "an idle session window was woken");
    assert_eq!(
        session_reads() - before,
        0,
        "an idle session window read its file"
    );

    // What another program writes still reaches the window.
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replacen("title: \"", "title: \"Synced ", 1)).expect("write");
    let paths = told
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("a change elsewhere is told");
    assert_eq!(paths, vec![file]);
}

/// The change-elsewhere property: random keys interleaved with changes to the file made
/// from outside. Every record the keys added is in a file (the session's or a conflict
/// copy), and no file holds a record changed by a key not meant for it.
mod elsewhere {
    use super::open_workshop;
    use crate::harness::Harness;
    use convene::app::{Msg, Overlay};
    use proptest::prelude::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    #[derive(Clone, Debug)]
    enum Step {
        /// `a`, the words, Enter.
        Add(String),
        /// `a` and the first words; the file changes elsewhere; the rest and Enter.
        Interrupted(String, String),
        /// Another program changes the session's title in the file.
        Theirs,
        /// Time passes (saves land).
        Wait,
        /// A key that only moves: j, k, Tab.
        Move(&'static str),
        /// Ctrl-l, and if it opens the choice, one of the choice's own keys.
        Elsewhere(&'static str),
    }

    fn words() -> impl Strategy<Value = String> {
        proptest::collection::vec("[a-zA-Z]{1,6}", 1..4).prop_map(|w| w.join(" "))
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            3 => words().prop_map(Step::Add),
            2 => (words(), words()).prop_map(|(a, b)| Step::Interrupted(a, b)),
            3 => Just(Step::Theirs),
            2 => Just(Step::Wait),
            1 => prop::sample::select(vec!["j", "k", "<tab>"]).prop_map(Step::Move),
            2 => prop::sample::select(vec!["m", "t", "<esc>"]).prop_map(Step::Elsewhere),
        ]
    }

    /// Another program rewrites the file, its title changed, every record as it was.
    fn their_change(path: &Path, n: usize) {
        let mut loaded = convene::store::load_path(path).expect("theirs reads");
        loaded.session.title = format!("Harbour day, synced {n}");
        let text = convene::store::to_text(&loaded.session).expect("text");
        std::fs::write(path, text).expect("their change");
    }

    /// Every record's words in the session's file and in each conflict copy.
    fn kept_words(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").path())
            .filter(|p| {
                let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
                name.is_some_and(|n| n.ends_with(".ron") && !n.starts_with('.'))
            })
            .flat_map(|p| {
                convene::store::load_path(&p)
                    .expect("every file reads")
                    .session
                    .records
                    .iter()
                    .map(|r| r.body.text().to_owned())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// Adds go to the discovery stage, wherever a load left the screen.
    fn to_discovery(h: &mut Harness) {
        for _ in 0..5 {
            match h.app.session_view() {
                Some(v) if v.shown_stage() != "discovery" => h.keys("]"),
                _ => return,
            }
        }
    }

    fn run(steps: &[Step]) -> Result<(), TestCaseError> {
        let mut h = Harness::new();
        let path = open_workshop(&mut h);
        let dir = h.runtime.store().dir().to_owned();
        let original: Vec<String> = kept_words(&dir);
        let mut typed: Vec<String> = Vec::new();
        let changed = |h: &mut Harness, n: usize| {
            their_change(&path, n);
            h.send(Msg::FolderChanged(vec![path.clone()]));
        };
        for (n, step) in steps.iter().enumerate() {
            match step {
                Step::Add(words) => {
                    to_discovery(&mut h);
                    h.keys(&format!("a{words}<enter>"));
                    typed.push(words.clone());
                }
                Step::Interrupted(first, rest) => {
                    to_discovery(&mut h);
                    h.keys(&format!("a{first}"));
                    changed(&mut h, n);
                    h.keys(&format!(" {rest}<enter>"));
                    typed.push(format!("{first} {rest}"));
                }
                Step::Theirs => changed(&mut h, n),
                Step::Wait => h.wait(1),
                Step::Move(key) => h.keys(key),
                Step::Elsewhere(answer) => {
                    h.keys("<c-l>");
                    if matches!(
                        h.app.session_view().and_then(|v| v.overlay.as_ref()),
                        Some(Overlay::Conflict { .. })
                    ) {
                        h.keys(answer);
                    }
                }
            }
            prop_assert!(h.app.session_view().is_some(), "the session stays open");
        }
        h.wait(1);
        h.settle();
        let kept = kept_words(&dir);
        for words in &typed {
            prop_assert!(
                kept.contains(words),
                "{words:?} is in no file; the files hold {kept:?}"
            );
        }
        let meant: BTreeSet<&String> = original.iter().chain(&typed).collect();
        for words in &kept {
            prop_assert!(
                meant.contains(words),
                "{words:?} was changed by a key not meant for it; typed {typed:?}"
            );
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn whatever_is_typed_around_changes_elsewhere_is_kept_and_nothing_else_changes(
            steps in proptest::collection::vec(step(), 1..12)
        ) {
            run(&steps)?;
        }
    }
}
