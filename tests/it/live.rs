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
fn a_change_elsewhere_with_nothing_unsaved_is_offered_for_reload() {
    let mut h = Harness::new();
    let path = open_workshop(&mut h);
    their_change(&path);
    h.send(Msg::FolderChanged(vec![path]));
    assert!(matches!(
        h.app.session_view().expect("open").overlay,
        Some(Overlay::Reload)
    ));
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("r reload: show the version on disk"),
        "{screen}"
    );
    // The footer is the box's own table.
    assert!(screen.contains("r reload  Esc keep this one"), "{screen}");
    h.keys("r");
    let view = h.app.session_view().expect("open");
    assert_eq!(view.session.title, "Harbour day, synced");
    assert!(view.overlay.is_none());
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
    // Mine went to a conflict copy, theirs is untouched, and the user chooses.
    let view = h.app.session_view().expect("open");
    let Some(Overlay::Conflict { copy }) = &view.overlay else {
        panic!("no choice offered: {:?}", view.overlay);
    };
    assert!(
        std::fs::read_to_string(copy)
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
    // Once it closes, the new words are kept in a copy and the choice is offered.
    let view = h.app.session_view().expect("open");
    assert!(matches!(view.overlay, Some(Overlay::Conflict { .. })));
    assert!(view.conflict_copy.is_some());
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
