//! The folder's caches for `due` and `report`: the same answers as reading every file, after
//! a change, a removal, a broken or older cache, and a change the file's clock cannot show.

use crate::harness::private;
use convene::framework::Frameworks;
use convene::model::{RecordBody, SessionId, Status};
use convene::report::{
    DueItem, Figures, SessionDue, SessionFigures, add_up, compute, due_items, due_within,
    from_folder,
};
use convene::store::{Digest, Store, to_text};
use std::fs;
use std::path::Path;
use std::time::Duration;
use time::macros::date;

const TODAY: time::Date = date!(2026 - 12 - 10);
const WITHIN: u32 = 400;

/// A folder with the two example sessions and four generated workshops, whose caches
/// keep a file as soon as it is written (so the tests need not wait for the rule).
fn folder() -> (tempfile::TempDir, Store) {
    let (dir, store) = folder_as_the_user_has_it();
    (dir, store.caching_after(Duration::ZERO))
}

/// The same folder, its caches keeping a file once it has stood unchanged for two seconds.
fn folder_as_the_user_has_it() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path().join("sessions")).expect("store");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    for name in ["k7q2m9xa.ron", "p3f8h2kd.ron"] {
        let copy = store.dir().join(name);
        fs::copy(examples.join(name), &copy).expect("copy");
        private(&copy);
    }
    for n in 0..4 {
        let session = convene::generate::workshop(&format!("gen{n}"), 40, n);
        store.create(&session).expect("create");
    }
    (dir, store)
}

/// Files are cached once they have stood unchanged for two seconds (for the real binary,
/// whose store keeps the rule).
fn settle() {
    std::thread::sleep(Duration::from_millis(2100));
}

/// What `due` and `report` say, reading and parsing every file.
fn from_every_file(store: &Store) -> (Vec<DueItem>, Figures) {
    let mut sessions = Vec::new();
    let mut skipped = Vec::new();
    for listing in store.list().expect("list") {
        match listing.session {
            Ok(s) => sessions.push((listing.path, s)),
            Err(e) => skipped.push(convene::report::Skipped {
                file: listing.path.display().to_string(),
                reason: e.to_string(),
            }),
        }
    }
    let due = due_items(&sessions, TODAY, WITHIN);
    let plain: Vec<_> = sessions.into_iter().map(|(_, s)| s).collect();
    let figures = compute(&plain, skipped, &Frameworks::embedded(), TODAY, None);
    (due, figures)
}

/// What `due` and `report` say through the caches (as the commands and the app read them).
fn through_the_cache(store: &Store) -> (Vec<DueItem>, Figures) {
    let (dated, _) = from_folder::<SessionDue>(store).expect("due");
    let (each, skipped) = from_folder::<SessionFigures>(store).expect("figures");
    let each: Vec<_> = each.into_iter().map(|(_, f)| f).collect();
    (
        due_within(&dated, TODAY, WITHIN),
        add_up(&each, skipped, &Frameworks::embedded(), TODAY, None),
    )
}

/// Both caches' text.
fn caches(store: &Store) -> [String; 2] {
    [SessionDue::FILE, SessionFigures::FILE]
        .map(|name| fs::read_to_string(store.dir().join(name)).unwrap_or_default())
}

/// The answers through the caches match reading every file, and are not empty.
fn agree(store: &Store) -> (Vec<DueItem>, Figures) {
    let truth = from_every_file(store);
    assert_eq!(through_the_cache(store), truth);
    assert!(!truth.0.is_empty() && truth.1.sessions_read > 0);
    truth
}

#[test]
fn due_and_report_through_the_caches_match_reading_every_file() {
    let (_dir, store) = folder();
    agree(&store); // builds the caches
    for text in caches(&store) {
        for name in ["k7q2m9xa.ron", "p3f8h2kd.ron", "gen0.ron", "gen3.ron"] {
            assert!(text.contains(name), "{name} is kept in {text:.200}");
        }
    }
    #[cfg(unix)]
    for name in [SessionDue::FILE, SessionFigures::FILE] {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(store.dir().join(name))
            .expect("cache")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name} is private");
    }
    agree(&store); // from the caches
}

/// A generated workshop with something due.
fn with_something_due(items: &[DueItem]) -> String {
    items
        .iter()
        .find(|i| i.session.starts_with("gen"))
        .map(|i| i.session.clone())
        .expect("a workshop with something due")
}

#[test]
fn a_changed_file_is_read_again() {
    let (_dir, store) = folder();
    let before = agree(&store);
    // Every open agreement of a workshop with something due is checked in as done, and it
    // is renamed.
    let id = with_something_due(&before.0);
    let loaded = store
        .load(&SessionId::parse(&id).expect("id"))
        .expect("load");
    let mut session = loaded.session.clone();
    session.title = "Workshop, renamed".into();
    for r in &mut session.records {
        if let RecordBody::Agreement(a) = &mut r.body {
            a.status = Status::Done;
        }
    }
    store
        .save(&loaded.path, &session, loaded.fingerprint)
        .expect("save");
    let after = agree(&store);
    assert!(after.0.iter().all(|i| i.session != id), "{:?}", after.0);
    assert_ne!(after.1, before.1);
}

#[test]
fn a_removed_file_leaves_due_and_the_report_and_the_caches() {
    let (_dir, store) = folder();
    let before = agree(&store);
    fs::remove_file(store.dir().join("p3f8h2kd.ron")).expect("remove");
    let after = agree(&store);
    assert_eq!(after.1.sessions_read, before.1.sessions_read - 1);
    assert_eq!(after.1.conferences.count, 0);
    for text in caches(&store) {
        assert!(!text.contains("p3f8h2kd"), "{text:.300}");
    }
}

#[test]
fn a_broken_or_older_cache_is_rebuilt_never_trusted() {
    let (_dir, store) = folder();
    let truth = agree(&store);
    // Garbage, or a cache cut short by a full disk.
    for name in [SessionDue::FILE, SessionFigures::FILE] {
        fs::write(store.dir().join(name), "(garbage").expect("write");
    }
    agree(&store);
    for (name, text) in [SessionDue::FILE, SessionFigures::FILE]
        .iter()
        .zip(caches(&store))
    {
        assert!(text.contains("gen2.ron"), "{name} was rebuilt");
        fs::write(store.dir().join(name), &text[..text.len() / 2]).expect("write");
    }
    assert_eq!(agree(&store), truth);
    // A cache another version of convene wrote, whose words differ: ignored.
    let [due, _] = caches(&store);
    let version = format!("\"convene {}\"", env!("CARGO_PKG_VERSION"));
    assert!(due.contains(&version), "{due:.200}");
    let older = due
        .replace(&version, "\"convene 0.0.1\"")
        .replace("not held yet", "held, all well");
    fs::write(store.dir().join(SessionDue::FILE), older).expect("write");
    assert_eq!(agree(&store), truth);
    assert!(!caches(&store)[0].contains("held, all well"));
}

#[test]
fn a_change_that_keeps_the_size_and_time_is_still_seen() {
    let (_dir, store) = folder();
    let id = with_something_due(&from_every_file(&store).0);
    let path = store.dir().join(format!("{id}.ron"));
    let mut session = store
        .load(&SessionId::parse(&id).expect("id"))
        .expect("load")
        .session;
    let title = |store: &Store| {
        store
            .summaries()
            .expect("list")
            .into_iter()
            .find(|(p, _)| *p == path)
            .and_then(|(_, s)| s.ok())
            .map(|s| s.title)
            .expect("listed")
    };
    let first = title(&store);
    agree(&store);
    // Another program writes the file in place, in the same tick of the file system's
    // clock: the same length, the same modification time, other words.
    let modified = fs::metadata(&path).expect("meta").modified().expect("time");
    session.title = first.chars().rev().collect();
    for r in &mut session.records {
        if let RecordBody::Agreement(a) = &mut r.body {
            a.status = Status::Done;
        }
    }
    let text = to_text(&session).expect("text");
    let old_len = fs::metadata(&path).expect("meta").len() as usize;
    let text = if text.len() < old_len {
        text.replacen(
            "records: [",
            &format!("records: [{}", " ".repeat(old_len - text.len())),
            1,
        )
    } else {
        text
    };
    assert_eq!(text.len(), old_len, "the same length");
    let file = fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open");
    std::io::Write::write_all(&mut &file, text.as_bytes()).expect("write");
    file.set_modified(modified).expect("set the time back");
    drop(file);
    assert_eq!(title(&store), session.title);
    let (due, _) = agree(&store);
    assert!(due.iter().all(|i| i.session != id), "{due:?}");
}

#[test]
fn due_and_report_on_the_command_line_answer_the_same_from_their_caches() {
    let (_dir, store) = folder_as_the_user_has_it();
    settle();
    let run = |args: &[&str]| {
        let out = crate::harness::convene()
            .arg("--dir")
            .arg(store.dir())
            .args(args)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).expect("text")
    };
    let due = run(&["due", "--within", "400", "--json"]);
    let report = run(&["report", "--format", "json"]);
    assert!(due.contains("\"kind\": \"plan item\""), "{due:.300}");
    for name in [SessionDue::FILE, SessionFigures::FILE] {
        assert!(store.dir().join(name).exists(), "{name}");
    }
    assert_eq!(run(&["due", "--within", "400", "--json"]), due);
    assert_eq!(run(&["report", "--format", "json"]), report);
}

#[test]
fn a_file_just_written_is_read_again_until_it_has_stood_for_two_seconds() {
    let (_dir, store) = folder_as_the_user_has_it();
    agree(&store);
    // The rule compares a file's time with the wall clock. CI runs the suite a second time
    // under libfaketime, which moves the wall clock a year ahead but not the file system's
    // times: there every file looks a year old, and only the half with the rule at zero
    // below can be checked.
    let probe = store.dir().join("probe");
    std::fs::write(&probe, b"now").expect("probe");
    let written = std::fs::metadata(&probe)
        .and_then(|m| m.modified())
        .expect("time");
    let clocks_agree = std::time::SystemTime::now()
        .duration_since(written)
        .is_ok_and(|d| d < Duration::from_secs(60));
    std::fs::remove_file(&probe).expect("probe");
    // Written a moment ago: what it holds may still change within the file system's tick.
    for text in caches(&store).iter().filter(|_| clocks_agree) {
        assert!(!text.contains("gen0.ron"), "{text:.300}");
    }
    if !clocks_agree {
        eprintln!(
            "the wall clock is not the file system's (libfaketime?): the two-second half is not checked"
        );
    }
    let store = store.caching_after(Duration::ZERO);
    agree(&store);
    for text in caches(&store) {
        assert!(text.contains("gen0.ron"), "{text:.300}");
    }
}
