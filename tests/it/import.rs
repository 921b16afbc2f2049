//! Voices gathered beforehand: `convene import` of a real-world CSV, word for word, in one
//! save or none.

use crate::cli::{convene, stderr, stdout};
use convene::model::{RecordBody, Voice};
use std::path::{Path, PathBuf};

/// A consultation as a spreadsheet saves it: a byte-order mark, Windows line ends, a
/// question as the column's name, quoted commas, a cell over two lines, doubled quotes,
/// accents and an emoji, and one young person who left the answer empty.
const CONSULTATION: &str = "\u{feff}Name,\"What helps you feel safe, out and about?\",Age\r\n\
Amara,\"My youth worker, Sam, listens.\r\nShe doesn't judge.\",15\r\n\
Léa,\"Le club de foot — \"\"mon équipe\"\" 💙\",14\r\n\
Jo,,16\r\n\
Zoë,Knowing the bus driver by name,13\r\n";

/// Each answer as it must be saved: the words exactly, a line break as `\n`.
const SAVED: [(&str, &str); 3] = [
    (
        "My youth worker, Sam, listens.\nShe doesn't judge.",
        "consultation.csv, row 2",
    ),
    (
        "Le club de foot — \"mon équipe\" 💙",
        "consultation.csv, row 3",
    ),
    ("Knowing the bus driver by name", "consultation.csv, row 5"),
];

/// A folder with a new Appreciative Inquiry session and the consultation beside it.
fn session_and_file(csv: &str) -> (tempfile::TempDir, String, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = convene(dir.path(), &["new", "ai", "Harbour day"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).lines().next().expect("id").to_owned();
    let file = dir.path().join("consultation.csv");
    std::fs::write(&file, csv).expect("write the csv");
    let session = dir.path().join(format!("{id}.ron"));
    (dir, id, file, session)
}

fn import(dir: &Path, id: &str, file: &Path, more: &[&str]) -> std::process::Output {
    let file = file.to_str().expect("utf-8 path");
    let mut args = vec!["import", id, file, "--stage", "discovery"];
    args.extend_from_slice(more);
    convene(dir, &args)
}

const COLUMN: [&str; 2] = ["--column", "What helps you feel safe, out and about?"];

#[test]
fn a_real_world_consultation_is_saved_word_for_word_with_its_row_and_voice() {
    let (dir, id, file, session) = session_and_file(CONSULTATION);
    let before = std::fs::read(&session).expect("read");
    let out = import(
        dir.path(),
        &id,
        &file,
        &[COLUMN[0], COLUMN[1], "--voice", "young-person"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // One save: the backup it kept is the session as it was before the import.
    assert_eq!(
        std::fs::read(convene::store::backup_path(&session)).expect("a backup"),
        before
    );
    let said = stdout(&out);
    assert!(
        said.contains("Added 3 strengths in the voice of a young person to Discovery")
            && said.contains("(1 empty cell left out)"),
        "{said}"
    );
    let saved = convene::store::load_path(&session).expect("the saved file reads");
    let records: Vec<_> = saved
        .session
        .records
        .iter()
        .map(|r| (r.body.text(), r.source.as_deref().unwrap_or_default()))
        .collect();
    assert_eq!(records, SAVED.to_vec());
    for record in &saved.session.records {
        assert_eq!(record.stage, "discovery");
        let RecordBody::Strength(strength) = &record.body else {
            panic!("a strength: {record:?}");
        };
        assert_eq!(strength.tags.voice, Some(Voice::YoungPerson));
    }
    // Every view reads where it came from.
    let shown = stdout(&convene(dir.path(), &["show", &id]));
    assert!(shown.contains("came from consultation.csv: "), "{shown}");
    assert!(shown.contains("came from: row 5"), "{shown}");
}

#[test]
fn a_malformed_file_is_refused_with_its_line_and_nothing_is_added() {
    // Row 4 has a cell too many; the quoted cell over two lines puts it on line 5.
    let malformed = "Name,Answer\r\n\
Amara,\"Sam listens.\r\nAlways.\"\r\n\
Léa,Le club de foot\r\n\
Jo,My nan, and my aunt\r\n\
Zoë,The bus driver\r\n";
    let (dir, id, file, session) = session_and_file(malformed);
    let before = std::fs::read(&session).expect("read");
    let out = import(dir.path(), &id, &file, &["--column", "Answer"]);
    assert_eq!(out.status.code(), Some(4), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("consultation.csv: line 5: this row has 3 cells where the first row has 2")
            && err.contains("nothing was added"),
        "{err}"
    );
    assert_eq!(std::fs::read(&session).expect("read"), before);
}

#[test]
fn a_dry_run_shows_each_answer_and_adds_nothing() {
    let (dir, id, file, session) = session_and_file(CONSULTATION);
    let before = std::fs::read(&session).expect("read");
    let out = import(dir.path(), &id, &file, &[COLUMN[0], COLUMN[1], "--dry-run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    for expected in [
        "Would add 3 strengths to Discovery in “Harbour day”",
        "row 2: My youth worker, Sam, listens. She doesn't judge.",
        "row 3: Le club de foot — \"mon équipe\" 💙",
        "row 5: Knowing the bus driver by name",
        "Nothing was added",
    ] {
        assert!(said.contains(expected), "{expected}\n{said}");
    }
    assert_eq!(std::fs::read(&session).expect("read"), before);
}

#[test]
fn several_columns_are_named_so_one_can_be_chosen() {
    let (dir, id, file, session) = session_and_file(CONSULTATION);
    let before = std::fs::read(&session).expect("read");
    let out = import(dir.path(), &id, &file, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "the file has 3 columns (“Name”, “What helps you feel safe, out and about?”, “Age”); choose one with --column NAME"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&session).expect("read"), before);
}

#[test]
fn a_stage_that_does_not_gather_the_kind_is_refused_with_the_ones_that_do() {
    let (dir, id, file, session) = session_and_file(CONSULTATION);
    let before = std::fs::read(&session).expect("read");
    let out = import(
        dir.path(),
        &id,
        &file,
        &[COLUMN[0], COLUMN[1], "--kind", "dream"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("Discovery does not gather dreams")
            && err.contains("dreams are gathered in: dream"),
        "{err}"
    );
    assert_eq!(std::fs::read(&session).expect("read"), before);
}

#[test]
fn an_import_waits_while_the_session_is_open_in_a_window() {
    let (dir, id, file, session) = session_and_file(CONSULTATION);
    let before = std::fs::read(&session).expect("read");
    let window = convene::store::try_lock(&session)
        .expect("lock")
        .expect("free");
    let out = import(dir.path(), &id, &file, &[COLUMN[0], COLUMN[1]]);
    assert_eq!(out.status.code(), Some(5));
    assert!(
        stderr(&out).contains("open in a convene window"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&session).expect("read"), before);
    // A dry run only reads: it may look while the window is open.
    let out = import(dir.path(), &id, &file, &[COLUMN[0], COLUMN[1], "--dry-run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Would add 3 strengths"));
    drop(window);
    let out = import(dir.path(), &id, &file, &[COLUMN[0], COLUMN[1]]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn escape_sequences_in_the_file_never_reach_the_terminal() {
    let hostile = "\u{1b}]0;owned\u{7}Answer\r\n\"\u{1b}[2JSam \u{9b}31mlistens\u{1b}[0m\"\r\n";
    let (dir, id, file, session) = session_and_file(hostile);
    for more in [&["--dry-run"][..], &[][..]] {
        let out = import(dir.path(), &id, &file, more);
        assert!(out.status.success(), "{}", stderr(&out));
        let said = format!("{}{}", stdout(&out), stderr(&out));
        assert!(!said.contains(['\u{1b}', '\u{9b}', '\u{7}']), "{said:?}");
        assert!(
            said.contains("Sam listens") || said.contains("Added 1 strength"),
            "{said}"
        );
    }
    // As with a paste, the words are kept and what a terminal would act on is not.
    let saved = convene::store::load_path(&session).expect("reads");
    assert_eq!(saved.session.records[0].body.text(), "Sam listens");
}

#[test]
fn a_file_with_carriage_returns_alone_saves_each_answer_with_its_own_row() {
    let csv = CONSULTATION.replace("\r\n", "\r");
    let (dir, id, file, session) = session_and_file(&csv);
    let out = import(dir.path(), &id, &file, &COLUMN);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&session).expect("read");
    for row in [2, 3, 5] {
        assert!(
            text.contains(&format!("consultation.csv, row {row}")),
            "row {row}: {text}"
        );
    }
    assert!(!text.contains("row 1\""), "{text}");
}

#[test]
fn a_file_larger_than_the_limit_is_refused_before_it_is_read_whole() {
    let (dir, id, file, session) = session_and_file("answer\nyes\n");
    let before = std::fs::read(&session).expect("read");
    // Sparse: 60 MB on the disk's word, nothing written.
    std::fs::File::options()
        .write(true)
        .open(&file)
        .expect("open")
        .set_len(60_000_000)
        .expect("grow");
    let mut endless = vec![file.clone()];
    #[cfg(unix)]
    endless.push(PathBuf::from("/dev/zero"));
    for file in endless {
        let out = import(dir.path(), &id, &file, &[]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(5), "{err}");
        assert!(
            err.contains("is larger than 50 MB") && err.contains("nothing was added"),
            "{err}"
        );
    }
    assert_eq!(std::fs::read(&session).expect("read"), before);
}
