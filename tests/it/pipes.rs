//! Output read only in part (`convene list | head -1`): the printing stops, the work does not, and nothing panics.

use std::path::Path;
use std::process::{Output, Stdio};

/// Runs convene with its standard output a pipe whose reader has already gone.
fn read_by_nobody(dir: &Path, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    crate::harness::convene()
        .args(args)
        .env("CONVENE_DIR", dir)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("convene runs")
}

/// Runs convene as a script would, output read whole.
fn read_whole(dir: &Path, args: &[&str]) -> String {
    let out = crate::harness::convene()
        .args(args)
        .env("CONVENE_DIR", dir)
        .output()
        .expect("convene runs");
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("text")
}

#[test]
fn every_command_that_prints_stops_quietly_when_its_reader_has_gone() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The session is made whole even though nobody reads its id.
    let made = read_by_nobody(dir.path(), &["new", "fgc", "Harbour family"]);
    let stderr = String::from_utf8_lossy(&made.stderr);
    assert!(!stderr.contains("panicked"), "new: {stderr}");
    assert_eq!(made.status.code(), Some(0), "new: {stderr}");
    assert!(read_whole(dir.path(), &["check"]).contains("read well"));
    let listed = read_whole(dir.path(), &["list", "--json"]);
    assert!(listed.contains("Harbour family"), "{listed}");
    let id = read_whole(dir.path(), &["list"])
        .split_whitespace()
        .next()
        .expect("an id")
        .to_owned();
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["show", &id],
        &["show", &id, "--json"],
        &["export", &id],
        &["export", &id, "--format", "csv"],
        &["agenda", &id],
        &["theme", &id],
        &["report"],
        &["report", "--per-conference", "--format", "csv"],
        &["due", "--within", "400"],
        &["check"],
        &["completions", "bash"],
    ] {
        let out = read_by_nobody(dir.path(), args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

/// `convene … 2>&1 | head -c1`: messages and warnings find the pipe closed too. Nothing can
/// be read, so the exit code tells: the command's own, never a panic's 101.
#[test]
fn messages_to_a_closed_pipe_end_with_the_commands_own_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (args, code) in [
        (&["--no-such-option"][..], 2),
        (&["--help"], 0),
        (&["show", "nosuchid"], 3),
        (&["list"], 0),
        (&["new", "ai", "Harbour day"], 0),
    ] {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let status = crate::harness::convene()
            .args(args)
            .env("CONVENE_DIR", dir.path())
            .stdout(writer.try_clone().expect("clone"))
            .stderr(writer)
            .status()
            .expect("convene runs");
        assert_eq!(status.code(), Some(code), "{args:?}");
    }
}

/// A full disk under `> file` is a failure that says so: the file does not hold the output.
#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_told_with_the_storage_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    read_whole(dir.path(), &["new", "ai", "Harbour day"]);
    for args in [&["list"][..], &["report"]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let out = crate::harness::convene()
            .args(args)
            .env("CONVENE_DIR", dir.path())
            .stdout(full)
            .output()
            .expect("convene runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(5), "{args:?}: {stderr}");
        assert!(stderr.contains("could not"), "{args:?}: {stderr}");
    }
}
