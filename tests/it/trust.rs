//! Trust: a file's identity is where it was read from, no copy is ever overwritten, forget
//! forgets everything, and the smaller holes (locks, fingerprints, loose files) stay shut.

use crate::harness::{Harness, private};
use convene::app::{Overlay, Screen};
use convene::store::{Store, StoreError, backup_path};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The real binary on `dir`, with a home of its own.
fn convene(dir: &Path, args: &[&str]) -> Output {
    crate::harness::convene()
        .arg("--dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn example() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/k7q2m9xa.ron"))
        .expect("example")
}

/// A folder `sessions` inside a temp dir (its parent holds the process's home).
fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let sessions = dir.path().join("sessions");
    fs::create_dir(&sessions).expect("mkdir");
    (dir, sessions)
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn view(h: &Harness) -> &convene::app::SessionView {
    match &h.app.screen {
        Screen::Session(v) => v,
        _ => panic!("not on a session"),
    }
}

#[test]
fn an_id_inside_a_file_never_becomes_a_path() {
    let (dir, sessions) = folder();
    let outside = dir.path().join("escape.ron");
    let cases = [
        ("evil1", "../escape".to_owned()),
        ("evil2", outside.display().to_string()),
        ("evil3", "k7q2\u{1b}]0;owned\u{7}".to_owned()),
    ];
    for (name, id) in &cases {
        let crafted = example().replacen("id: \"k7q2m9xa\"", &format!("id: {id:?}"), 1);
        assert_ne!(crafted, example(), "the id was replaced");
        fs::write(sessions.join(format!("{name}.ron")), crafted).expect("write");
    }
    let out = convene(&sessions, &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    for (name, _) in &cases {
        let at = format!("{name}.ron:4:");
        assert!(
            printed.contains(&at) && printed.contains("is not a session id"),
            "{name}: {printed}"
        );
    }
    assert!(!printed.contains('\u{1b}'), "{printed:?}");
    // The app lists them as unreadable and never writes anywhere for them.
    let mut h = Harness::new();
    for (name, _) in &cases {
        let from = sessions.join(format!("{name}.ron"));
        fs::copy(&from, h.runtime.store().dir().join(format!("{name}.ron"))).expect("copy");
        h.open(&h.runtime.store().dir().join(format!("{name}.ron")));
        assert!(matches!(h.app.screen, Screen::Dashboard), "{name}");
    }
    assert!(!outside.exists());
    assert!(!dir.path().join("escape.ron").exists());
}

#[test]
fn a_file_renamed_by_hand_saves_to_its_new_name() {
    let mut h = Harness::new();
    let renamed = h.runtime.store().dir().join("harbour2.ron");
    fs::write(&renamed, example()).expect("write");
    private(&renamed);
    h.open(&renamed);
    let status = h.app.status.clone().expect("says so");
    assert!(
        status.text.contains("harbour2") && status.text.contains("saves to this file"),
        "{status:?}"
    );
    h.keys("aRenamed files keep their words<enter>");
    h.wait(1);
    assert!(!view(&h).dirty, "saved");
    let saved = fs::read_to_string(&renamed).expect("read");
    assert!(saved.contains("Renamed files keep their words"));
    assert!(
        saved.contains("id: \"harbour2\""),
        "the name is the identity now"
    );
    assert_eq!(
        names(h.runtime.store().dir())
            .into_iter()
            // The listing cache (hidden) is the folder's own working.
            .filter(|n| n.ends_with(".ron") && !n.starts_with('.'))
            .collect::<Vec<_>>(),
        ["harbour2.ron"],
        "nothing was written under the old name"
    );

    // `check` names the mismatch in a file that has not been saved yet.
    let (_dir, sessions) = folder();
    fs::write(sessions.join("harbour3.ron"), example()).expect("write");
    let out = convene(&sessions, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let printed = text(&out.stdout);
    assert!(
        printed.contains("harbour3.ron:4:1: the id \"k7q2m9xa\" inside does not match"),
        "{printed}"
    );
}

#[test]
fn the_store_writes_only_session_files_of_its_own_folder() {
    let (dir, sessions) = folder();
    let store = Store::open(&sessions).expect("store");
    let created = store
        .create(&convene::model::Session::new(
            convene::model::SessionId::parse("mine1").expect("id"),
            "Ours",
            "appreciative-inquiry",
            "define",
            crate::harness::START,
        ))
        .expect("create");
    for elsewhere in [
        dir.path().join("mine1.ron"),
        sessions.join("sub").join("mine1.ron"),
        sessions.join("notes.txt"),
        sessions.join("../sessions/x/../mine1.ron.bak"),
    ] {
        let err = store
            .save(&elsewhere, &created.session, created.fingerprint)
            .expect_err("kept out");
        assert!(matches!(err, StoreError::Outside(_)), "{err}");
        assert!(!elsewhere.exists(), "{}", elsewhere.display());
    }
}

#[test]
fn two_conflict_copies_in_the_same_moment_are_both_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let now = crate::harness::START;
    let first =
        convene::store::create_unique(dir.path(), "abc.conflict", ".ron", b"one", now, None)
            .expect("first");
    let second =
        convene::store::create_unique(dir.path(), "abc.conflict", ".ron", b"two", now, None)
            .expect("second");
    assert_ne!(first, second);
    assert_eq!(fs::read(&first).expect("first"), b"one");
    assert_eq!(fs::read(&second).expect("second"), b"two");
    let name = second
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert_eq!(name, "abc.conflict-20261125T090000-000000-2.ron");
}

#[test]
fn export_to_a_file_already_there_is_refused_unless_forced() {
    let (dir, sessions) = folder();
    fs::write(sessions.join("k7q2m9xa.ron"), example()).expect("write");
    let target = dir.path().join("report.md");
    fs::write(&target, "the partnership's own notes").expect("write");
    let target_arg = target.display().to_string();
    let out = convene(&sessions, &["export", "k7q2m9xa", "-o", &target_arg]);
    assert_eq!(out.status.code(), Some(5));
    assert!(
        text(&out.stderr).contains("--force"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        fs::read_to_string(&target).expect("read"),
        "the partnership's own notes"
    );
    let out = convene(
        &sessions,
        &["export", "k7q2m9xa", "-o", &target_arg, "--force"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        fs::read_to_string(&target)
            .expect("read")
            .contains("Harbourside")
    );
}

#[test]
fn the_app_asks_before_an_export_replaces_a_file() {
    let mut h = Harness::with_examples();
    h.open(&h.runtime.store().dir().join("k7q2m9xa.ron"));
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let target = elsewhere.path().join("report.md");
    fs::write(&target, "kept").expect("write");
    h.keys("x<enter>");
    let Some(Overlay::Export {
        path: Some(input), ..
    }) = &view(&h).overlay
    else {
        panic!("asks where");
    };
    let typed = input.lines().join("");
    h.keys(&"<bs>".repeat(typed.chars().count()));
    h.keys(&format!("{}<enter>", target.display()));
    let Some(Overlay::Export { error, .. }) = &view(&h).overlay else {
        panic!("still asking");
    };
    assert!(
        error
            .as_deref()
            .is_some_and(|e| e.contains("Enter again to replace")),
        "{error:?}"
    );
    assert_eq!(fs::read_to_string(&target).expect("read"), "kept");
    h.keys("<enter>");
    assert!(view(&h).overlay.is_none());
    assert!(
        fs::read_to_string(&target)
            .expect("read")
            .contains("Harbourside")
    );
}

#[test]
fn an_edit_that_keeps_size_and_time_is_still_noticed() {
    let (_dir, sessions) = folder();
    let store = Store::open(&sessions).expect("store");
    let path = sessions.join("k7q2m9xa.ron");
    fs::write(&path, example()).expect("write");
    let loaded = store
        .load(&convene::model::SessionId::parse("k7q2m9xa").expect("id"))
        .expect("load");
    let modified = fs::metadata(&path).expect("meta").modified().expect("time");
    // Another program changes one letter and puts the time back.
    let edited = example().replacen("Harbourside", "Harbourslde", 1);
    assert_eq!(edited.len(), example().len());
    fs::write(&path, &edited).expect("edit");
    fs::File::options()
        .write(true)
        .open(&path)
        .expect("open")
        .set_modified(modified)
        .expect("set time");
    let err = store
        .save(&path, &loaded.session, loaded.fingerprint)
        .expect_err("noticed");
    assert!(matches!(err, StoreError::Changed(_)), "{err}");
    assert_eq!(fs::read_to_string(&path).expect("read"), edited);
}

#[cfg(unix)]
#[test]
fn a_file_others_could_read_becomes_private_at_the_next_save_with_its_backup() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    let mut h = Harness::new();
    let path = h.runtime.store().dir().join("k7q2m9xa.ron");
    fs::write(&path, example()).expect("write");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
    h.open(&path);
    let status = h.app.status.clone().expect("warns");
    assert!(
        status.problem && status.text.contains("could be read by others"),
        "{status:?}"
    );
    h.keys("aPrivate words<enter>");
    h.wait(1);
    assert!(
        fs::read_to_string(&path)
            .expect("read")
            .contains("Private words")
    );
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&backup_path(&path)), 0o600, "the backup too");
}

/// The files in the folder, but the caches.
fn left_in(sessions: &Path) -> Vec<String> {
    names(sessions)
        .into_iter()
        .filter(|n| !n.starts_with(".summaries"))
        .collect()
}

/// A folder holding every kind of file a session can leave, for `forget`.
fn a_session_with_everything(sessions: &Path) {
    fs::write(sessions.join("k7q2m9xa.ron"), example()).expect("write");
    for name in [
        "k7q2m9xa.ron.bak",
        "k7q2m9xa.conflict-20261125T090000-000001.ron",
        "k7q2m9xa.conflict-20261125T090000-000001-2-theirs.ron",
        "convene-k7q2m9xa-copy-20261125T090000-000001.ron",
        ".k7q2m9xa.ron.a1b2c3.tmp",
        ".k7q2m9xa.lock",
        // Another session's files stay.
        "p3f8h2kd.ron.bak",
    ] {
        fs::write(sessions.join(name), "words").expect("write");
    }
}

#[test]
fn forget_removes_every_file_of_the_session_and_nothing_else() {
    let (_dir, sessions) = folder();
    a_session_with_everything(&sessions);
    let out = convene(&sessions, &["forget", "k7q2m9xa", "--yes"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(left_in(&sessions), ["p3f8h2kd.ron.bak"]);
}

#[test]
fn forget_finishes_the_job_when_the_session_file_is_already_gone() {
    let (_dir, sessions) = folder();
    a_session_with_everything(&sessions);
    fs::remove_file(sessions.join("k7q2m9xa.ron")).expect("gone");
    // list and check name what is left without its session.
    let out = convene(&sessions, &["list"]);
    let said = text(&out.stderr);
    assert!(
        said.contains("k7q2m9xa.ron.bak:1:1: a backup whose session file (k7q2m9xa.ron) is gone"),
        "{said}"
    );
    assert!(said.contains("convene-k7q2m9xa-copy-20261125T090000-000001.ron:1:1: a rescue copy"));
    let out = convene(&sessions, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("a conflict copy whose session file"));

    // A part that cannot be removed is named, and a second run finishes the job.
    let stuck = sessions.join("k7q2m9xa.conflict-20261125T090000-000009.ron");
    fs::create_dir(&stuck).expect("mkdir");
    fs::write(stuck.join("inside"), "x").expect("write");
    let out = convene(&sessions, &["forget", "k7q2m9xa", "--yes"]);
    assert_eq!(out.status.code(), Some(5));
    let said = text(&out.stderr);
    assert!(
        said.contains("still there")
            && said.contains("k7q2m9xa.conflict-20261125T090000-000009.ron"),
        "{said}"
    );
    fs::remove_dir_all(&stuck).expect("fixed");
    let out = convene(&sessions, &["forget", "k7q2m9xa", "--yes"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(left_in(&sessions), ["p3f8h2kd.ron.bak"]);
    // And with nothing left, it says so.
    let out = convene(&sessions, &["forget", "k7q2m9xa", "--yes"]);
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn a_new_session_never_replaces_a_file_already_there() {
    let (_dir, sessions) = folder();
    let store = Store::open(&sessions).expect("store");
    let session = convene::model::Session::new(
        convene::model::SessionId::parse("k7q2m9xa").expect("id"),
        "New",
        "appreciative-inquiry",
        "define",
        crate::harness::START,
    );
    fs::write(sessions.join("k7q2m9xa.ron"), example()).expect("write");
    assert!(matches!(store.create(&session), Err(StoreError::Exists(_))));
    assert_eq!(
        fs::read_to_string(sessions.join("k7q2m9xa.ron")).expect("read"),
        example()
    );
}

#[test]
fn forget_counts_every_file_it_removed_and_only_those() {
    let (_dir, sessions) = folder();
    a_session_with_everything(&sessions);
    // The session, its backup, two conflict copies, a rescue copy, an unfinished write and
    // its lock.
    let out = convene(&sessions, &["forget", "k7q2m9xa", "--yes"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Removed 7 files."),
        "{}",
        text(&out.stdout)
    );

    // No lock there before: the one taken while removing is not counted or listed.
    fs::write(sessions.join("k7q2m9xa.ron"), example()).expect("write");
    fs::write(sessions.join("k7q2m9xa.ron.bak"), "words").expect("write");
    let out = convene(&sessions, &["forget", "k7q2m9xa", "--yes"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("Removed 2 files."), "{said}");
    assert!(!said.contains("(lock)"), "{said}");
    assert_eq!(left_in(&sessions), ["p3f8h2kd.ron.bak"]);
}
