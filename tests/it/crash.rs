//! Crash safety: the real binary saving edits, killed with SIGKILL at random moments.
//! Every file must parse and every edit reported as saved must be there.
//!
//! CI runs a few trials; `CONVENE_CRASH_TRIALS=1000 cargo test --release --test it crash -- --nocapture`
//! runs a thousand and prints the counts.

use convene::model::{RecordBody, SessionId};
use convene::store::Store;
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

#[test]
fn sigkill_at_any_moment_never_corrupts_a_file_or_loses_a_saved_edit() {
    let trials: u32 = std::env::var("CONVENE_CRASH_TRIALS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(12);
    let dir = tempfile::tempdir().expect("temp dir");
    let id = SessionId::parse("crash1").expect("id");
    let mut rng = fastrand::Rng::with_seed(0xC0DE);
    let (mut corrupt, mut lost, mut saves, mut leftovers_seen) = (0u32, 0u32, 0usize, 0u32);
    let mut reported = 0usize;
    for trial in 0..trials {
        let mut child = crate::harness::convene()
            .args(["stress-saves", "crash1", "--edits", "100000", "--dir"])
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(n) = line
                    .strip_prefix("saved ")
                    .and_then(|n| n.parse::<usize>().ok())
                {
                    let _ = tx.send(n);
                }
            }
        });
        // Wait for at least one save this run, then kill at a random moment after it.
        let _ = rx.recv_timeout(Duration::from_secs(20));
        std::thread::sleep(Duration::from_micros(rng.u64(0..20_000)));
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        let _ = reader.join();
        let before = reported;
        reported = rx.try_iter().fold(reported, usize::max);
        saves += reported - before;

        // Every session file parses.
        let store = Store::at(dir.path());
        for listing in store.list().expect("list") {
            if let Err(e) = listing.session {
                corrupt += 1;
                eprintln!("trial {trial}: {e}");
            }
        }
        // Every edit reported as saved is there.
        let session = store.load(&id).expect("the session loads").session;
        let notes: Vec<&str> = session
            .records
            .iter()
            .filter_map(|r| match &r.body {
                RecordBody::Note(n) => Some(n.text.as_str()),
                _ => None,
            })
            .collect();
        if notes.len() < reported {
            lost += 1;
            eprintln!(
                "trial {trial}: {} notes on disk, {reported} reported saved",
                notes.len()
            );
        }
        reported = notes.len();
        let temps = std::fs::read_dir(dir.path())
            .expect("list")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            })
            .count();
        if temps > 0 {
            leftovers_seen += 1;
        }
    }
    // The next start cleans what a kill left behind.
    let left = Store::at(dir.path()).clean_leftovers();
    let temps_after = std::fs::read_dir(dir.path())
        .expect("list")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        })
        .count();
    println!(
        "crash trials: {trials}, saves reported: {saves}, corrupt files: {corrupt}, lost saved edits: {lost}, \
         trials that left a temp file: {leftovers_seen}, temp files cleaned at the end: {left}"
    );
    assert_eq!(corrupt, 0);
    assert_eq!(lost, 0);
    assert_eq!(temps_after, 0);
}
