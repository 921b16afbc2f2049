//! Only ordinary files, only in the folder: a pipe, a device or a folder is never opened,
//! replaced or waited on, and a session file that is a link is read but never written
//! through (issue 24, item 5).

use crate::harness::Harness;
use convene::app::Screen;
use convene::model::SessionId;
use convene::store::{Store, StoreError};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::Duration;

/// The real binary on `dir`, killed if it has not finished in 10 seconds: a command that
/// waits on a pipe fails the test instead of hanging it.
fn convene_within(dir: &Path, args: &[&str]) -> Output {
    let child = crate::harness::convene()
        .arg("--dir")
        .arg(dir)
        .args(args)
        .env_remove("CONVENE_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(Duration::from_secs(10)) {
        Ok(output) => output.expect("the binary ends"),
        Err(_) => {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            panic!("`convene {}` still ran after 10 seconds", args.join(" "));
        }
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(made.success(), "mkfifo {}", path.display());
}

fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

fn example() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/k7q2m9xa.ron"))
        .expect("example")
}

/// A folder `sessions` inside a temp dir, holding the example workshop.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let sessions = dir.path().join("sessions");
    fs::create_dir(&sessions).expect("mkdir");
    fs::write(sessions.join("k7q2m9xa.ron"), example()).expect("write");
    crate::harness::private(&sessions.join("k7q2m9xa.ron"));
    (dir, sessions)
}

#[test]
fn an_export_to_a_pipe_a_device_or_a_folder_is_refused_even_with_force() {
    let (dir, sessions) = folder();
    let pipe = dir.path().join("report.md");
    mkfifo(&pipe);
    let folder_there = dir.path().join("a-folder.md");
    fs::create_dir(&folder_there).expect("mkdir");
    let cases = [
        (pipe.clone(), "a named pipe"),
        (PathBuf::from("/dev/null"), "a device"),
        (folder_there.clone(), "a folder"),
    ];
    for (target, what) in &cases {
        let target_arg = target.display().to_string();
        for force in [false, true] {
            let mut args = vec!["export", "k7q2m9xa", "-o", &target_arg];
            if force {
                args.push("--force");
            }
            let out = convene_within(&sessions, &args);
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(5), "{args:?}: {err}");
            assert!(
                err.contains(&format!("is {what}, not a file")) && !err.contains("os error"),
                "{args:?}: {err}"
            );
        }
    }
    assert!(is_fifo(&pipe), "the pipe is still a pipe");
    assert!(folder_there.is_dir());
    assert_eq!(
        fs::read_dir(dir.path()).expect("list").count(),
        3,
        "nothing was left beside them"
    );
}

#[test]
fn a_pipe_in_the_folder_is_skipped_by_every_reader_and_named_by_check() {
    let (_dir, sessions) = folder();
    // A pipe named like a session, and in the place of each cache.
    for name in [
        "x.ron",
        ".summaries.ron",
        ".summaries-due.ron",
        ".summaries-report.ron",
    ] {
        mkfifo(&sessions.join(name));
    }
    let out = convene_within(&sessions, &["list"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listed = text(&out.stdout);
    assert!(listed.contains("k7q2m9xa"), "{listed}");
    assert!(!listed.contains("x.ron"), "{listed}");

    for args in [
        ["due"].as_slice(),
        &["report"],
        &["report", "--per-conference", "--format", "csv"],
    ] {
        let out = convene_within(&sessions, args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    }

    let out = convene_within(&sessions, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let checked = text(&out.stdout);
    assert!(
        checked.contains("x.ron:1:1: this is a named pipe, not a file"),
        "{checked}"
    );
    assert!(
        checked.contains(".summaries.ron:1:1: this is a named pipe"),
        "{checked}"
    );

    let out = convene_within(&sessions, &["show", "x"]);
    assert_eq!(out.status.code(), Some(5));
    let err = text(&out.stderr);
    assert!(err.contains("is a named pipe, not a file"), "{err}");

    let out = convene_within(&sessions, &["show", "k7q2m9xa"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for name in ["x.ron", ".summaries.ron", ".summaries-due.ron"] {
        assert!(is_fifo(&sessions.join(name)), "{name} was left as it is");
    }
}

/// A session file that is a link to a file outside the folder (0644), and that file.
fn linked() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let sessions = dir.path().join("sessions");
    fs::create_dir(&sessions).expect("mkdir");
    let target = dir.path().join("elsewhere.ron");
    fs::write(&target, example()).expect("write");
    fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).expect("chmod");
    std::os::unix::fs::symlink(&target, sessions.join("k7q2m9xa.ron")).expect("symlink");
    (dir, sessions, target)
}

fn untouched(sessions: &Path, target: &Path) {
    assert_eq!(fs::read_to_string(target).expect("read"), example());
    let mode = fs::metadata(target).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "what the link leads to keeps its mode");
    let link = sessions.join("k7q2m9xa.ron");
    assert!(
        fs::symlink_metadata(&link)
            .expect("there")
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert!(
        fs::symlink_metadata(sessions.join("k7q2m9xa.ron.bak")).is_err(),
        "no backup was made"
    );
}

#[test]
fn a_session_that_is_a_link_is_read_and_never_written_through_by_the_command_line() {
    let (_dir, sessions, target) = linked();
    let out = convene_within(&sessions, &["show", "k7q2m9xa"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Harbourside"));

    let out = convene_within(&sessions, &["rename", "k7q2m9xa", "Another title"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{err}");
    assert!(
        err.contains("link") && err.contains("nothing was changed"),
        "{err}"
    );
    untouched(&sessions, &target);

    let out = convene_within(&sessions, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let checked = text(&out.stdout);
    assert!(checked.contains("k7q2m9xa.ron:1:1:") && checked.contains("link"));
    untouched(&sessions, &target);
}

#[test]
fn a_session_that_is_a_link_opens_read_only_in_the_app_and_the_store_never_saves_through_it() {
    let (_dir, sessions, target) = linked();
    let path = sessions.join("k7q2m9xa.ron");
    let store = Store::open(&sessions).expect("store");
    let loaded = store
        .load(&SessionId::parse("k7q2m9xa").expect("id"))
        .expect("read");
    assert!(
        loaded
            .read_only
            .as_deref()
            .is_some_and(|r| r.contains("link")),
        "{:?}",
        loaded.read_only
    );
    let mut session = loaded.session.clone();
    session.title = "Written through".into();
    let err = store
        .save(&path, &session, loaded.fingerprint)
        .expect_err("refused");
    assert!(matches!(err, StoreError::Link(_)), "{err}");
    untouched(&sessions, &target);

    let mut h = Harness::new();
    let link = h.runtime.store().dir().join("k7q2m9xa.ron");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    h.open(&link);
    let Screen::Session(view) = &h.app.screen else {
        panic!("opened");
    };
    assert!(view.read_only.is_some());
    let status = h.app.status.clone().expect("says why");
    assert!(status.text.contains("link"), "{status:?}");
    h.keys("aWords for nowhere<enter>");
    h.wait(3);
    untouched(h.runtime.store().dir(), &target);
}
