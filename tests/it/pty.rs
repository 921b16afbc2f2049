//! The real binary in a pseudo-terminal: a whole workshop typed in, quit, reopened.

use expectrl::Session;
use expectrl::process::unix::WaitStatus;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};
use time::OffsetDateTime;
use time::macros::datetime;

/// The day the app is given in these tests (through `CONVENE_TEST_NOW`), so the dates
/// typed below stay ahead of it on whatever day the suite runs.
const TODAY: OffsetDateTime = datetime!(2026-12-01 09:00 UTC);

/// The app running in a pseudo-terminal, with a screen model of what it shows.
struct Pty {
    session: expectrl::session::OsSession,
    screen: vt100::Parser,
    /// Every byte the app wrote, for the modes it sets.
    written: Vec<u8>,
}

impl Pty {
    fn spawn(dir: &Path) -> Self {
        Self::spawn_with(dir, &[])
    }

    /// The app with a command line of its own (`present ID`).
    fn spawn_with(dir: &Path, args: &[&str]) -> Self {
        let mut command = crate::harness::convene();
        command
            .args(args)
            .env("CONVENE_DIR", dir)
            .env(convene::clock::TEST_NOW, rfc3339(TODAY))
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR");
        let session = Session::spawn(command).expect("spawn in a pty");
        Self {
            session,
            screen: vt100::Parser::new(24, 80, 0),
            written: Vec::new(),
        }
    }

    fn pump(&mut self) {
        let mut buf = [0u8; 8192];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    self.screen.process(&buf[..n]);
                    self.written.extend_from_slice(&buf[..n]);
                }
                Err(_) => break,
            }
        }
    }

    fn contents(&self) -> String {
        self.screen.screen().contents()
    }

    /// Waits until the screen shows `text`, or fails with what it shows.
    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(45);
        while Instant::now() < deadline {
            self.pump();
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "the screen never showed {text:?}; it shows:\n{}",
            self.contents()
        );
    }

    /// Waits until the screen no longer shows `text`, or fails with what it shows.
    fn wait_gone(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(45);
        while Instant::now() < deadline {
            self.pump();
            if !self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen still shows {text:?}:\n{}", self.contents());
    }

    /// Types text or control sequences. Keys ending in Enter or a lone Esc wait for the
    /// screen to answer them, so the next keys arrive on their own: an Esc followed at once
    /// by a letter reads as Alt with it, and keys waiting behind an Enter make it a new line
    /// of a paste. Other keys go straight on (the app reads them in order); a key that
    /// changes nothing on screen waits at most `QUIET`.
    fn send(&mut self, keys: &str) {
        let answer_awaited = keys.ends_with(ENTER) || keys == ESC;
        if answer_awaited {
            // The keys before have been drawn, so what changes next answers this one.
            self.settle();
        }
        let before = self.contents();
        self.session.write_all(keys.as_bytes()).expect("write");
        self.session.flush().expect("flush");
        if answer_awaited {
            let deadline = Instant::now() + QUIET;
            while Instant::now() < deadline {
                self.pump();
                if self.contents() != before {
                    return;
                }
                std::thread::sleep(Duration::from_millis(2));
            }
        }
        self.pump();
    }

    /// Reads what the app writes until it has written nothing for a few milliseconds
    /// (at most `QUIET`).
    fn settle(&mut self) {
        let deadline = Instant::now() + QUIET;
        let mut seen = self.written.len();
        let mut quiet_since = Instant::now();
        while Instant::now() < deadline {
            self.pump();
            if self.written.len() != seen {
                seen = self.written.len();
                quiet_since = Instant::now();
            } else if quiet_since.elapsed() >= Duration::from_millis(8) {
                return;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Waits for the app to end and returns whether it ended well.
    fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(45);
        while Instant::now() < deadline {
            self.pump();
            match self.session.get_process().status() {
                Ok(WaitStatus::StillAlive) => std::thread::sleep(Duration::from_millis(20)),
                Ok(WaitStatus::Exited(_, code)) => return code == 0,
                other => panic!("the app ended oddly: {other:?}"),
            }
        }
        panic!("the app did not quit; it shows:\n{}", self.contents());
    }
}

/// The text of the one session file in a folder.
pub(crate) fn only_session(dir: &Path) -> String {
    let files: Vec<_> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        // The listing cache is the folder's own working, not a session.
        .filter(|p| p.extension().is_some_and(|e| e == "ron") && !convene::store::is_cache(p))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    std::fs::read_to_string(&files[0]).expect("read")
}

const ENTER: &str = "\r";
const ESC: &str = "\x1b";
/// The longest a key waits for the screen to answer it before the next is typed.
const QUIET: Duration = Duration::from_millis(60);
const TAB: &str = "\t";
const CTRL_L: &str = "\x0c";
const DOWN: &str = "\x1b[B";

/// The app on an empty folder, a workshop started and its first strength's form open.
fn at_a_new_strength(dir: &Path) -> Pty {
    let mut app = Pty::spawn(dir);
    app.wait_for("Press n to start one");
    app.send("n");
    app.wait_for("Which flow");
    app.send(ENTER);
    app.send("Harbour day");
    app.send(ENTER);
    app.wait_for("Define");
    app.send(">");
    app.wait_for("Captured in Discovery");
    app.send("a");
    app.wait_for("Add a strength");
    app
}

#[test]
fn a_whole_workshop_typed_into_the_real_app_is_saved_and_comes_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = at_a_new_strength(dir.path());
    app.send("Youth workers know every child by name");
    app.send(TAB);
    app.send("3");
    app.send(ENTER);
    app.wait_for("#1 Youth workers know every child by name");

    app.send(">a");
    app.wait_for("Add a dream");
    app.send("Every child has a trusted adult");
    app.send(CTRL_L);
    app.wait_for("The strengths this dream builds on");
    app.send(" ");
    app.send(ENTER);
    app.send(ENTER);
    app.wait_for("builds on #1 Youth workers");

    app.send(">a");
    app.wait_for("Add a design statement");
    app.send("We share what we know the same day");
    app.send(CTRL_L);
    app.send(" ");
    app.send(ENTER);
    app.send(ENTER);
    app.wait_for("serves #2 Every child");

    app.send(">a");
    app.wait_for("Add an agreement");
    app.send("Start a weekly huddle");
    app.send(TAB);
    app.send("Priya (youth service)");
    app.send(TAB);
    app.send("2026-12-18");
    app.send(CTRL_L);
    app.send(" ");
    app.send(ENTER);
    app.send(ENTER);
    app.wait_for("Priya (youth service) · due: 2026-12-18");
    app.wait_for("saved");
    app.send("q");
    app.wait_for("1 session");
    app.send("q");
    assert!(app.wait_exit(), "convene ended well");

    let text = only_session(dir.path());
    for words in [
        "Youth workers know every child by name",
        "kind: People",
        "Every child has a trusted adult",
        "builds_on: [\n          1,",
        "We share what we know the same day",
        "Start a weekly huddle",
        "owner: \"Priya (youth service)\"",
        "due: Some(\"2026-12-18\")",
        "stage: \"destiny\"",
    ] {
        assert!(text.contains(words), "{words:?} missing from:\n{text}");
    }

    // Restart: the session is there, and so is every word.
    let mut app = Pty::spawn(dir.path());
    app.wait_for("Harbour day");
    app.send(ENTER);
    app.wait_for("Start a weekly huddle");
    app.send("[[[");
    app.wait_for("#1 Youth workers know every child by name");
    app.wait_for("reading; the room is in Destiny");
    app.send("q");
    app.wait_for("Back with the room, in Destiny");
    app.send("q");
    app.wait_for("1 session");
    app.send("q");
    assert!(app.wait_exit());
}

#[test]
fn looking_back_twice_then_carrying_on_leaves_one_visit_per_stage() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = at_a_new_strength(dir.path());
    app.send("Youth workers know every child by name");
    app.send(ENTER);
    app.wait_for("#1 Youth workers");
    for stage in ["Dream", "Design", "Destiny"] {
        app.send(">");
        app.wait_for(&format!("The room is now in {stage}"));
    }
    for _ in 0..2 {
        app.send("[[[");
        app.wait_for("reading; the room is in Destiny");
        app.wait_for("#1 Youth workers");
        app.send("q");
        app.wait_for("Back with the room, in Destiny");
    }
    app.send("a");
    app.wait_for("Add an agreement");
    app.send("Start a weekly huddle");
    app.send(ENTER);
    app.wait_for("#2 Start a weekly huddle");
    app.send("q");
    app.wait_for("1 session");
    app.send("q");
    assert!(app.wait_exit());

    let text = only_session(dir.path());
    let session: convene::model::Session = ron::from_str(&text).expect("a session");
    let visited: Vec<&str> = session.history.iter().map(|v| v.stage.as_str()).collect();
    assert_eq!(
        visited,
        ["define", "discovery", "dream", "design", "destiny"],
        "one visit per stage the room reached"
    );
    assert_eq!(session.stage, "destiny");
}

#[test]
fn a_pause_holds_the_room_clock_in_the_real_app() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = at_a_new_strength(dir.path());
    app.send("\x1b");
    app.wait_for("Captured in Discovery");
    app.send(" ");
    app.wait_for("· paused (Space)");
    let timer = |app: &Pty| {
        app.contents()
            .lines()
            .next()
            .and_then(|top| top.split("Appreciative Inquiry").nth(1))
            .map(|t| t.trim().to_owned())
            .unwrap_or_default()
    };
    let held = timer(&app);
    std::thread::sleep(Duration::from_millis(2200));
    app.pump();
    assert_eq!(timer(&app), held, "the paused clock does not move");
    app.send(" ");
    app.wait_for("The room's clock is running again");
    app.send("q");
    app.wait_for("1 session");
    app.send("q");
    assert!(app.wait_exit());
}

#[test]
fn a_strength_is_tagged_with_a_sector_a_level_and_a_voice_in_eight_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = at_a_new_strength(dir.path());
    app.send("Youth workers know every child by name");
    app.send(ENTER);
    app.wait_for("#1 Youth workers");
    // T, then a letter and Enter for each tag, then Enter: eight keys.
    let keys = ["T", "e", ENTER, "f", ENTER, "y", ENTER, ENTER];
    for key in keys {
        app.send(key);
    }
    app.wait_for("Tagged: education · family and peers · voice: young person");
    app.send("q");
    app.wait_for("1 session");
    app.send("q");
    assert!(app.wait_exit());
    let text = only_session(dir.path());
    for words in ["\"education\"", "FamilyAndPeers", "YoungPerson"] {
        assert!(text.contains(words), "{words} missing from:\n{text}");
    }
    assert_eq!(keys.len(), 8);
}

#[test]
fn the_app_restores_the_terminal_and_reports_a_bad_folder_plainly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "a file where the folder should be").expect("write");
    let out = crate::harness::convene()
        .env("CONVENE_DIR", &blocker)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(5));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("convene: could not create the folder"),
        "{err}"
    );
}

/// A folder with one session made through the CLI; returns its id.
pub(crate) fn folder_with_session(dir: &Path) -> String {
    let out = crate::harness::convene()
        .args(["new", "ai", "Harbour day", "--dir"])
        .arg(dir)
        .output()
        .expect("new");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .expect("id")
        .to_owned()
}

#[test]
fn a_second_window_opens_the_session_read_only_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    folder_with_session(dir.path());
    let mut first = Pty::spawn(dir.path());
    first.wait_for("Harbour day");
    first.send(ENTER);
    first.wait_for("Captured in Define");

    let mut second = Pty::spawn(dir.path());
    second.wait_for("Harbour day");
    second.send(ENTER);
    second.wait_for("(read-only)");
    second.wait_for("open in another convene window");
    second.send("a");
    second.wait_for("Read-only, so nothing here changes");
    second.send("q");
    second.send("q");
    assert!(second.wait_exit());

    // The first window still writes.
    first.send("aThe topic we share");
    first.send(ENTER);
    first.wait_for("saved");
    first.send("q");
    first.send("q");
    assert!(first.wait_exit());
}

#[test]
fn a_session_renamed_from_the_dashboard_keeps_its_file_and_shows_its_new_title() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = folder_with_session(dir.path());
    let mut app = Pty::spawn(dir.path());
    app.wait_for("Harbour day");
    app.send("E");
    app.wait_for("Rename this session");
    app.send("\x7f\x7f\x7ffestival");
    app.send(ENTER);
    app.wait_for("Renamed to “Harbour festival”");
    app.send("q");
    app.wait_for("Enter open");
    // The list fills in from the folder a moment after the dashboard shows.
    app.wait_gone("Harbour day");
    app.wait_for("Harbour festival");
    app.send("q");
    assert!(app.wait_exit());
    let text = std::fs::read_to_string(dir.path().join(format!("{id}.ron"))).expect("its own file");
    assert!(text.contains("title: \"Harbour festival\""), "{text}");
    assert_eq!(
        std::fs::read_dir(dir.path())
            .expect("list")
            .filter(|e| e
                .as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "ron")
                    && !convene::store::is_cache(&e.path())))
            .count(),
        1,
        "no second session file"
    );
}

/// A folder with one session, open in the app; returns the app and the session's file.
fn open_in_the_app(dir: &Path) -> (Pty, std::path::PathBuf) {
    let id = folder_with_session(dir);
    let mut app = Pty::spawn(dir);
    app.wait_for("Harbour day");
    app.send(ENTER);
    app.wait_for("Captured in Define");
    (app, dir.join(format!("{id}.ron")))
}

/// Another process (this test, standing in for a sync tool or git) changes the session's
/// title in its file; returns what it wrote.
fn change_elsewhere(path: &Path) -> String {
    let theirs = std::fs::read_to_string(path)
        .expect("read")
        .replace("Harbour day", "Harbour day, synced");
    std::fs::write(path, &theirs).expect("their change");
    theirs
}

#[test]
fn a_change_by_another_program_is_never_clobbered() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut app, path) = open_in_the_app(dir.path());
    // The change lands while words are being typed: they are never lost.
    app.send("a");
    app.wait_for("Add a");
    let theirs = change_elsewhere(&path);

    app.send("Our words from the room");
    app.send(ENTER);
    // Told in the status bar, naming the copy; the choice opens on Ctrl-l.
    app.wait_for("your words are kept in");
    app.send("\x0c");
    app.wait_for("Nothing was overwritten");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);
    let copies: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains(".conflict-"))
        .collect();
    assert_eq!(copies.len(), 1);
    assert!(
        std::fs::read_to_string(&copies[0])
            .expect("copy")
            .contains("Our words from the room")
    );
    app.send("\x1b");
    app.send("q");
    app.send("q");
    assert!(app.wait_exit());
}

#[test]
fn a_resize_storm_and_a_one_cell_window_never_break_the_app() {
    let dir = tempfile::tempdir().expect("temp dir");
    folder_with_session(dir.path());
    let mut app = Pty::spawn(dir.path());
    app.wait_for("Harbour day");
    app.send(ENTER);
    app.wait_for("Captured in Define");
    app.send("a");
    let mut rng = fastrand::Rng::with_seed(7);
    for _ in 0..200 {
        let (cols, rows) = (rng.u16(1..200), rng.u16(1..60));
        app.session
            .get_process_mut()
            .set_window_size(cols, rows)
            .expect("resize");
    }
    app.session
        .get_process_mut()
        .set_window_size(1, 1)
        .expect("resize");
    app.send("still typing");
    // The screen model first, so the full redraw after the resize lands in it.
    app.screen.screen_mut().set_size(24, 80);
    app.session
        .get_process_mut()
        .set_window_size(80, 24)
        .expect("resize");
    app.wait_for("Add an affirmative topic");
    app.send("!");
    app.wait_for("still typing!");
    app.send(ENTER);
    app.wait_for("saved");
    app.send("q");
    app.send("q");
    assert!(app.wait_exit(), "no panic, a clean exit");
}

#[test]
fn a_conference_typed_into_the_real_app_from_planning_to_review_is_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = Pty::spawn(dir.path());
    app.wait_for("Press n to start one");
    app.send("n");
    app.send("\x1b[B"); // down: Family Group Conference
    app.send(ENTER);
    app.send("Conference for J.");
    app.send(ENTER);
    app.wait_for("Captured in Planning");

    app.send("a");
    app.wait_for("Add a participant");
    for part in [
        "Halina",
        TAB,
        "grandmother",
        TAB,
        "1",
        TAB,
        "grandparent",
        TAB,
        "3",
        TAB,
        TAB,
        "Polish",
        ENTER,
    ] {
        app.send(part);
    }
    app.wait_for("#1 Halina");
    app.send("a");
    for part in [
        "Sam",
        TAB,
        "social worker",
        TAB,
        "4",
        TAB,
        "social worker",
        TAB,
        "3",
        ENTER,
    ] {
        app.send(part);
    }
    app.wait_for("#2 Sam");

    app.send(">a");
    app.wait_for("Add an information item");
    app.send("Anna has kept in touch every week");
    app.send(CTRL_L);
    app.send(DOWN);
    app.send(" ");
    app.send(ENTER);
    app.send(ENTER);
    app.wait_for("shared by #2 Sam");
    app.send("A");
    app.send("\x1b[B");
    app.send(ENTER);
    app.wait_for("Add a question");
    app.send("Will the police be involved?");
    app.send(TAB);
    app.send("Only to help keep J. safe");
    app.send(ENTER);
    app.wait_for("answer: Only to help keep J. safe");

    app.send(">");
    app.wait_for("leave the room now");
    app.send("a");
    app.wait_for("belongs to the family");
    app.send(">a");
    app.wait_for("Add a plan item");
    for part in [
        "Nan meets J. at the school gate",
        TAB,
        "Halina",
        TAB,
        "2026-12-05",
        ENTER,
    ] {
        app.send(part);
    }
    app.wait_for("Halina · due: 2026-12-05");
    app.send("o");
    app.wait_for("The outcome");
    app.send("If J. is not home by 7, Anna calls Sam");
    app.send(TAB);
    app.send("2");
    app.send(ENTER);
    app.wait_for("The outcome is kept");

    app.send(">");
    app.wait_for("The plan, and this review");
    app.send("s");
    app.wait_for("How is #5 going?");
    app.send("3");
    app.send(TAB);
    app.send("Anna");
    app.send(ENTER);
    app.wait_for("done");
    app.send("o");
    app.wait_for("The review");
    app.send("8");
    app.send(TAB);
    app.send("7");
    app.send(ENTER);
    app.wait_for("The review is kept");
    app.wait_for("saved");
    app.send("q");
    app.wait_for("1 session");
    app.send("q");
    assert!(app.wait_exit());

    let text = only_session(dir.path());
    for words in [
        "framework: \"family-group-conference\"",
        "name: \"Halina\"",
        "interpreter: Some(\"Polish\")",
        "invitation: Confirmed",
        "giver: Some(2)",
        "answer: Some(\"Only to help keep J. safe\")",
        "who: \"Halina\"",
        "by_when: Some(\"2026-12-05\")",
        "decision: Some(Agreed)",
        "status: Done",
        "by: \"Anna\"",
        "family: Some(8)",
        "professionals: Some(7)",
        "stage: \"review\"",
    ] {
        assert!(text.contains(words), "{words:?} missing from:\n{text}");
    }
    assert!(
        !text.contains("stage: \"private-family-time\",\n      created"),
        "nothing written in the family's time"
    );
}

#[test]
fn no_color_puts_no_colour_on_the_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    folder_with_session(dir.path());
    let mut command = crate::harness::convene();
    command
        .env("CONVENE_DIR", dir.path())
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1");
    let mut app = Pty {
        session: Session::spawn(command).expect("spawn"),
        screen: vt100::Parser::new(24, 80, 0),
        written: Vec::new(),
    };
    app.wait_for("Harbour day");
    app.send(ENTER);
    app.wait_for("Captured in Define");
    app.send("a");
    app.wait_for("Add an affirmative topic");
    let screen = app.screen.screen();
    for row in 0..24 {
        for col in 0..80 {
            let cell = screen.cell(row, col).expect("a cell");
            assert_eq!(
                cell.fgcolor(),
                vt100::Color::Default,
                "({row},{col}) {:?}",
                cell.contents()
            );
            assert_eq!(cell.bgcolor(), vt100::Color::Default, "({row},{col})");
        }
    }
    app.send("\x1b");
    app.send("q");
    app.send("q");
    assert!(app.wait_exit());
}

#[test]
fn an_overdue_agreement_checked_in_as_done_changes_the_report() {
    use convene::model::*;
    let dir = tempfile::tempdir().expect("temp dir");
    let now = TODAY;
    let mut session = Session::new(
        SessionId::parse("late1").expect("id"),
        "Riverside day",
        "appreciative-inquiry",
        "destiny",
        now,
    );
    session.add(
        "destiny",
        RecordBody::Agreement(Agreement {
            action: "Open the leisure centre on Friday nights".into(),
            owner: "Sam (leisure)".into(),
            due: Some(now.date() - time::Duration::days(3)),
            ..Agreement::default()
        }),
        now,
    );
    convene::store::Store::open(dir.path())
        .expect("store")
        .create(&session)
        .expect("create");

    let mut app = Pty::spawn(dir.path());
    app.wait_for("Riverside day");
    app.send("r");
    app.wait_for("Agreements: 1 made, 0 done, 1");
    app.send("q");
    app.send("f");
    app.wait_for("! overdue");
    app.wait_for("Open the leisure centre");
    app.send("s");
    app.wait_for("How is #1 going?");
    app.send("3");
    app.send(TAB);
    app.send("Sam");
    app.send(ENTER);
    app.wait_for("Checked in: done");
    app.send("q");
    app.send("r");
    app.wait_for("Agreements: 1 made, 1 done, 0");
    app.send("q");
    app.send("q");
    assert!(app.wait_exit());
    let text = std::fs::read_to_string(dir.path().join("late1.ron")).expect("read");
    assert!(
        text.contains("status: Done") && text.contains("by: \"Sam\""),
        "{text}"
    );
}

#[test]
fn the_week_opened_from_the_dashboard_shows_a_conference_with_what_is_not_ready() {
    use convene::model::*;
    let dir = tempfile::tempdir().expect("temp dir");
    let now = TODAY;
    let mut session = Session::new(
        SessionId::parse("kai1").expect("id"),
        "Conference for Kai",
        "family-group-conference",
        "planning",
        now,
    );
    session.conference = Some(Conference {
        child: "Kai".into(),
        date: Some(now.date() + time::Duration::days(2)),
        time: "10:00".into(),
        venue: "The family centre".into(),
        ..Conference::default()
    });
    session.add(
        "planning",
        RecordBody::Participant(Participant {
            name: "Sam".into(),
            role: "uncle".into(),
            invitation: Invitation::Invited,
            ..Participant::default()
        }),
        now,
    );
    convene::store::Store::open(dir.path())
        .expect("store")
        .create(&session)
        .expect("create");

    let mut app = Pty::spawn(dir.path());
    app.wait_for("Conference for Kai");
    app.send("w");
    app.wait_for("The week ahead");
    app.wait_for("today and the next 6 days");
    app.wait_for("10:00  Conference for Kai  3 not ready");
    app.wait_for("○ Ask Sam whether they can come");
    app.wait_for("○ Hear Kai's wishes and views");
    app.wait_for("○ Offer Kai an advocate");
    // Enter opens the conference, whose page lists the same gaps.
    app.send(ENTER);
    app.wait_for("3 things to arrange before the day (i)");
    app.send("i");
    app.wait_for("Still to arrange before the day: 3");
    app.send("q");
    app.send("q");
    app.wait_for("Conference for Kai");
    app.send("q");
    assert!(app.wait_exit());
}

#[test]
fn a_strength_tagged_in_the_real_app_is_found_in_the_map() {
    let dir = tempfile::tempdir().expect("temp dir");
    folder_with_session(dir.path());
    let mut app = Pty::spawn(dir.path());
    app.wait_for("Harbour day");
    app.send(ENTER);
    app.wait_for("Captured in Define");
    app.send(">a");
    app.wait_for("Add a strength");
    app.send("Bus drivers ring the control room");
    app.send(ENTER);
    app.wait_for("#1 Bus drivers ring the control room");
    app.send("T");
    app.wait_for("Tags for the map");
    // Typing finds: transport, then the society level; Enter ticks what was found.
    app.send("tr");
    app.wait_for("find: tr");
    app.send(ENTER);
    app.send("soc");
    app.send(ENTER);
    app.send(ENTER);
    app.wait_for("Tagged: transport · society and structures");
    app.send("m");
    app.wait_for("Where strength lies");
    app.wait_for("█████ 1");
    app.send("jjjjjlll");
    app.send(ENTER);
    app.wait_for("transport · society and structures");
    app.wait_for("#1 Bus drivers ring the control room");
    app.send("\x1b");
    app.send("\x1b");
    app.send("q");
    app.send("q");
    assert!(app.wait_exit());
    let text = only_session(dir.path());
    assert!(
        text.contains("sectors: [\n          \"transport\",") || text.contains("\"transport\""),
        "{text}"
    );
    assert!(
        text.contains("level: Some(SocietyAndStructures)")
            || text.contains("level: SocietyAndStructures"),
        "{text}"
    );
}

/// A strength typed and kept, then at once the signal: the file holds it.
fn a_record_kept_just_before(signal: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = at_a_new_strength(dir.path());
    // Kept and signalled at once: well inside the 300 ms before a save is due, and
    // perhaps before the app has even read the keys.
    let words = "Youth workers know every child by name";
    app.session
        .write_all(format!("{words}{ENTER}").as_bytes())
        .expect("write");
    app.session.flush().expect("flush");
    let pid = app.session.get_process().pid().to_string();
    let sent = std::process::Command::new("kill")
        .args(["-s", signal, &pid])
        .status()
        .expect("kill");
    assert!(sent.success());
    assert!(app.wait_exit(), "convene ended well after SIG{signal}");
    assert!(
        only_session(dir.path()).contains(words),
        "SIG{signal}: the strength is in the file"
    );
}

#[test]
fn sigterm_saves_the_words_before_convene_stops() {
    a_record_kept_just_before("TERM");
}

#[test]
fn closing_the_terminal_window_saves_the_words() {
    a_record_kept_just_before("HUP");
}

/// Where `needle` first occurs in `bytes` at or after `from`.
fn find_bytes(bytes: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|at| at + from)
}

#[test]
fn ctrl_z_gives_the_shell_its_paste_mode_and_coming_back_takes_it_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = Pty::spawn(dir.path());
    app.wait_for("Press n to start one");
    let before = app.written.len();
    // Without a job-controlling shell the stop is skipped, so the app comes straight back.
    app.send("\x1a");
    // Coming back, the app asks where the cursor is, as a real terminal would answer.
    let deadline = Instant::now() + Duration::from_secs(10);
    while find_bytes(&app.written, b"\x1b[6n", before).is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
        app.pump();
    }
    app.send("\x1b[1;1R");
    let (off, on) = (b"\x1b[?2004l".as_slice(), b"\x1b[?2004h".as_slice());
    let given_back = find_bytes(&app.written, off, before).expect("paste mode off for the shell");
    assert!(
        find_bytes(&app.written, on, given_back).is_some(),
        "paste mode on again after coming back"
    );
    app.send("q");
    let ended_well = app.wait_exit();
    assert!(
        ended_well,
        "{}",
        String::from_utf8_lossy(&app.written[before..])
    );
}

/// The names of the files in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn words_saved_in_one_window_appear_on_the_rooms_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = folder_with_session(dir.path());
    let mut room = Pty::spawn_with(dir.path(), &["present", &id]);
    room.wait_for("The room's words will appear here.");
    // The room's screen took no lock and wrote nothing.
    assert_eq!(names(dir.path()), vec![format!("{id}.ron")]);

    let mut app = Pty::spawn(dir.path());
    app.wait_for("Harbour day");
    app.send(ENTER);
    app.wait_for("Captured in Define");
    // Not read-only: the room's screen holds no lock.
    app.send("aThe topic we share");
    app.send(ENTER);
    app.wait_for("saved");
    room.wait_for("The topic we share");
    app.send("aA second thought");
    app.send(ENTER);
    room.wait_for("A second thought");

    room.send("q");
    assert!(room.wait_exit());
    app.send("q");
    app.send("q");
    assert!(app.wait_exit());
}

#[test]
fn a_session_made_in_another_process_appears_on_an_open_dashboard() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = Pty::spawn(dir.path());
    app.wait_for("Press n to start one");
    folder_with_session(dir.path());
    app.wait_for("Harbour day");
    app.send("q");
    assert!(app.wait_exit());
}

#[test]
fn an_open_session_changed_by_another_process_is_offered_for_reload() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut app, path) = open_in_the_app(dir.path());
    // Nothing is typed: the change is noticed at once, not at the next save.
    let theirs = change_elsewhere(&path);
    app.wait_for("Changed elsewhere");
    app.send("\x0c");
    app.wait_for("Harbour day, synced");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);
    app.send("q");
    app.send("q");
    assert!(app.wait_exit());
}

/// Starts a conference with this title in the running app, from the dashboard.
fn start_conference(app: &mut Pty, title: &str) {
    app.send("n");
    app.wait_for("Which flow");
    app.send("j");
    app.send(ENTER);
    app.send(title);
    app.send(ENTER);
    app.wait_for("Planning");
}

#[test]
fn a_conference_closed_in_the_real_app_is_kept_and_the_dashboard_tells_long_titles_apart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = Pty::spawn(dir.path());
    app.wait_for("Press n to start one");
    start_conference(&mut app, "Conference for Kai (review after move)");
    app.send("C");
    app.wait_for("Close the conference");
    app.send(TAB);
    app.send("4");
    app.send(ENTER);
    app.wait_for("The conference is closed");
    // Beside this long status the save state is its mark alone: saved once "saving…" goes.
    app.wait_gone("saving…");
    let text = only_session(dir.path());
    assert!(text.contains("reason: ChildMoved"), "{text}");

    app.send("q");
    app.wait_for("1 session");
    start_conference(&mut app, "Conference for Kai (first conference)");
    app.send("q");
    app.wait_for("2 sessions");
    app.wait_for("Conference for Kai (first conf");
    let screen = app.contents();
    assert!(
        screen.contains("Conference for Kai (review aft"),
        "{screen}"
    );
    assert!(screen.contains("closed"), "{screen}");
    app.send("h");
    app.wait_for("closed hidden");
    assert!(
        !app.contents().contains("(review aft"),
        "{}",
        app.contents()
    );
    app.send("q");
    assert!(app.wait_exit(), "convene ended well");
}

#[test]
fn a_day_planned_in_the_real_app_is_printed_with_its_clock_times() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = Pty::spawn(dir.path());
    app.wait_for("Press n to start one");
    app.send("n");
    app.wait_for("Which flow");
    app.send(ENTER);
    app.send("Harbour day");
    app.send(ENTER);
    app.wait_for("Captured in Define");
    app.send("P");
    app.wait_for("The day's plan");
    app.send("s");
    app.wait_for("The day starts at");
    app.send("09:30");
    app.send(ENTER);
    app.wait_for("In all 3 h 45 min, from 09:30 to 13:15.");
    // A break after Discovery, then Discovery given five minutes more.
    app.send("jb");
    app.wait_for("from 09:30 to 13:30.");
    app.send("k+");
    app.wait_for("from 09:30 to 13:35.");
    app.send("\x1b");
    app.wait_for("P opens the day's plan again");
    app.send("q");
    app.wait_for("1 session");
    app.send("q");
    assert!(app.wait_exit());

    let file = only_session(dir.path());
    let id = file
        .lines()
        .find_map(|l| l.trim().strip_prefix("id: \""))
        .and_then(|rest| rest.strip_suffix("\","))
        .expect("the session's id");
    let out = crate::cli::convene(dir.path(), &["agenda", id]);
    let sheet = crate::cli::stdout(&out);
    for line in [
        "- 09:30–10:00  Define (30 min)",
        "- 10:00–11:05  Discovery (1 h 5 min)",
        "- 11:05–11:20  Break (15 min)",
        "- 12:50–13:35  Destiny (45 min)",
        "In all 4 h 5 min, from 09:30 to 13:35.",
    ] {
        assert!(sheet.contains(line), "{line:?} not in:\n{sheet}");
    }
}

/// A moment as RFC 3339, as `CONVENE_TEST_NOW` takes it.
fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339)
        .expect("a moment formats")
}

#[test]
fn the_app_is_given_its_day_so_a_date_typed_here_is_still_ahead() {
    // What the dates typed in these tests rely on: the app reads the day it is given, not
    // the machine's, so "2026-12-05" is three days ahead whatever the suite's real date.
    let dir = tempfile::tempdir().expect("temp dir");
    let out = crate::harness::convene()
        .args(["new", "fgc", "Given a day"])
        .env("CONVENE_DIR", dir.path())
        .env(convene::clock::TEST_NOW, rfc3339(TODAY))
        .output()
        .expect("run");
    assert!(out.status.success());
    let file = std::fs::read_dir(dir.path())
        .expect("folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .expect("a session file");
    let text = std::fs::read_to_string(file).expect("read");
    assert!(text.contains("created: \"2026-12-01T"), "{text}");
}

#[test]
fn the_rooms_screen_for_a_session_prepared_yesterday_says_it_has_not_started() {
    use convene::model::*;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = Session::new(
        SessionId::parse("eve1").expect("id"),
        "Harbour day",
        "appreciative-inquiry",
        "define",
        TODAY - time::Duration::hours(10),
    );
    convene::store::Store::open(dir.path())
        .expect("store")
        .create(&session)
        .expect("create");
    let mut room = Pty::spawn_with(dir.path(), &["present", "eve1"]);
    room.wait_for("not started yet");
    assert!(
        !room.contents().contains("time is up"),
        "{}",
        room.contents()
    );
    room.send("q");
    assert!(room.wait_exit());

    // With the day's plan's start time, it says when.
    let mut plan = Agenda::from_stages([("define", 30), ("discovery", 60)]);
    plan.start = time::Time::from_hms(9, 15, 0).ok();
    session.agenda = Some(plan);
    let store = convene::store::Store::open(dir.path()).expect("store");
    let loaded = store
        .load(&SessionId::parse("eve1").expect("id"))
        .expect("load");
    store
        .save(&loaded.path, &session, loaded.fingerprint)
        .expect("save");
    let mut room = Pty::spawn_with(dir.path(), &["present", "eve1"]);
    room.wait_for("starts at 09:15");
    room.send("q");
    assert!(room.wait_exit());
}
