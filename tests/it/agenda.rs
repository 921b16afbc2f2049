//! The day's plan: `convene agenda` prints the run-sheet a session holds, with clock times.

use crate::cli::{convene, examples_copy, stderr, stdout};
use convene::model::{Agenda, Block, SessionId, What};
use convene::store::Store;
use std::path::Path;

/// Gives the example workshop a plan: from 09:30, Define with a note, a break after
/// Discovery, the rest as the framework has them.
fn plan_the_day(dir: &Path) {
    let store = Store::at(dir);
    let id = SessionId::parse("k7q2m9xa").expect("an id");
    let loaded = store.load(&id).expect("the example reads");
    let mut session = loaded.session.clone();
    let mut plan = Agenda::from_stages([
        ("define", 30),
        ("discovery", 60),
        ("dream", 45),
        ("design", 45),
        ("destiny", 45),
    ]);
    plan.start = time::Time::from_hms(9, 30, 0).ok();
    plan.blocks[0].note = "Agree the affirmative topic".into();
    plan.blocks.insert(2, Block::new(What::Break, 15));
    session.agenda = Some(plan);
    store
        .save(&loaded.path, &session, loaded.fingerprint)
        .expect("saved");
}

#[test]
fn the_run_sheet_prints_clock_times_breaks_a_total_and_the_finish() {
    let dir = examples_copy();
    plan_the_day(dir.path());
    let out = convene(dir.path(), &["agenda", "k7q2m9xa"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("- 09:30–10:00  Define — Agree the affirmative topic (30 min)"),
        "{text}"
    );
    assert!(text.contains("- 11:00–11:15  *Break* (15 min)"), "{text}");
    assert!(text.contains("- 12:45–13:30  Destiny (45 min)"), "{text}");
    assert!(text.contains("In all 4 h, from 09:30 to 13:30."), "{text}");

    // --start moves the day for this print only.
    let out = convene(dir.path(), &["agenda", "k7q2m9xa", "--start", "13:00"]);
    let text = stdout(&out);
    assert!(text.contains("- 13:00–13:30  Define"), "{text}");
    assert!(text.contains("from 13:00 to 17:00"), "{text}");
    let again = stdout(&convene(dir.path(), &["agenda", "k7q2m9xa"]));
    assert!(
        again.contains("from 09:30 to 13:30"),
        "the saved start is kept"
    );
}

#[test]
fn the_run_sheet_goes_to_html_and_word_files_and_never_over_one() {
    let dir = examples_copy();
    plan_the_day(dir.path());
    let out_dir = tempfile::tempdir().expect("temp dir");
    let html = out_dir.path().join("plan.html");
    let html_arg = html.to_str().expect("utf-8");
    let out = convene(
        dir.path(),
        &["agenda", "k7q2m9xa", "--format", "html", "-o", html_arg],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(&html).expect("written");
    assert!(
        page.contains("<tr class=\"pause\"><td>11:00–11:15</td><td>Break</td><td>15</td>"),
        "{page}"
    );

    // Not replaced without --force; replaced with it.
    std::fs::write(&html, "mine").expect("write");
    let out = convene(
        dir.path(),
        &["agenda", "k7q2m9xa", "--format", "html", "-o", html_arg],
    );
    assert_eq!(out.status.code(), Some(5));
    assert_eq!(std::fs::read_to_string(&html).expect("kept"), "mine");
    let out = convene(
        dir.path(),
        &[
            "agenda", "k7q2m9xa", "--format", "html", "-o", html_arg, "--force",
        ],
    );
    assert!(out.status.success());

    // Word needs a file.
    let out = convene(dir.path(), &["agenda", "k7q2m9xa", "--format", "docx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let docx = out_dir.path().join("plan.docx");
    let out = convene(
        dir.path(),
        &[
            "agenda",
            "k7q2m9xa",
            "--format",
            "docx",
            "-o",
            docx.to_str().expect("utf-8"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&docx).expect("written");
    assert!(bytes.starts_with(b"PK"), "a Word file is a zip");
}

#[test]
fn a_bad_id_or_start_time_is_refused_plainly() {
    let dir = examples_copy();
    let out = convene(dir.path(), &["agenda", "nosuchid"]);
    assert_eq!(out.status.code(), Some(3));
    let out = convene(dir.path(), &["agenda", "k7q2m9xa", "--start", "half nine"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("write it as 09:30"),
        "{}",
        stderr(&out)
    );
    // Without a plan, the framework's stages with their minutes; no start, no clock times.
    let out = convene(dir.path(), &["agenda", "k7q2m9xa"]);
    let text = stdout(&out);
    assert!(text.contains("- Discovery (1 h)"), "{text}");
    assert!(text.contains("No start time yet"), "{text}");
}
