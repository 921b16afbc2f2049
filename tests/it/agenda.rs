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
    assert!(text.contains("- 11:00–11:15  Break (15 min)"), "{text}");
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
        page.contains("<tr><td>11:00–11:15</td><td>Break</td><td>15</td>"),
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
    // Without a plan (the example conference), the framework's stages with their minutes;
    // no start, no clock times.
    let out = convene(dir.path(), &["agenda", "p3f8h2kd"]);
    let text = stdout(&out);
    assert!(text.contains("- Planning (1 h)"), "{text}");
    assert!(text.contains("No start time yet"), "{text}");
}

#[test]
fn the_example_workshop_prints_the_run_sheet_the_readme_shows() {
    let dir = examples_copy();
    let out = convene(dir.path(), &["agenda", "k7q2m9xa"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let readme = include_str!("../../docs/workshop.md");
    let start = readme
        .find("# The day's plan: Harbourside")
        .expect("the manual's sample");
    let sample = &readme[start..];
    let sample = &sample[..sample.find("```").expect("the sample's end")];
    assert_eq!(text.trim_end(), sample.trim_end());
}

mod in_the_app {
    //! The plan edited on the session screen, each change undoable and saved.
    use crate::harness::{Harness, START};
    use convene::app::Msg;
    use convene::model::{Pace, What};

    /// A new workshop, its plan open.
    fn planning() -> Harness {
        let mut h = Harness::new();
        h.keys("n<enter>Harbour day<enter>P");
        h
    }

    fn plan(h: &Harness) -> convene::model::Agenda {
        let v = h.app.session_view().expect("a session");
        v.framework.plan_of(&v.session)
    }

    #[test]
    fn each_edit_changes_the_plan_is_saved_and_undone_one_by_one() {
        let mut h = planning();
        // Start at 08:50; a break after Discovery; Discovery five minutes shorter; Dream
        // typed as 50; a note on Define; Destiny moved above Design.
        h.keys("s08:50<enter>jb");
        h.keys("k-");
        h.keys("jjm50<enter>");
        h.keys("kkkkn Agree the affirmative topic<enter>");
        h.keys("jjjjjK");
        let p = plan(&h);
        assert_eq!(p.start, time::Time::from_hms(8, 50, 0).ok());
        let blocks: Vec<(String, u32)> = p
            .blocks
            .iter()
            .map(|b| (b.stage_key().unwrap_or("break").to_owned(), b.minutes))
            .collect();
        let expected = [
            ("define", 30),
            ("discovery", 55),
            ("break", 15),
            ("dream", 50),
            ("destiny", 45),
            ("design", 45),
        ];
        assert_eq!(
            blocks,
            expected.map(|(k, m)| (k.to_owned(), m)).to_vec(),
            "{p:?}"
        );
        assert_eq!(p.blocks[2].what, What::Break);
        assert_eq!(p.blocks[0].note, "Agree the affirmative topic");

        // Saved through the normal path.
        h.wait(1);
        let file = h.only_file();
        assert!(file.contains("start: Some(\"08:50\")"), "{file}");
        assert!(file.contains("Agree the affirmative topic"), "{file}");

        // Each change is its own undo step; the plan's screen takes u as the session does.
        h.keys("u");
        assert_eq!(plan(&h).blocks[4].stage_key(), Some("design"));
        h.keys("uuu");
        assert_eq!(plan(&h).blocks[1].minutes, 60, "back to the framework's");
        h.keys("u");
        assert_eq!(plan(&h).blocks.len(), 5, "the break taken back");
        h.keys("u");
        assert_eq!(plan(&h).start, None);
        h.keys("<c-r>");
        assert_eq!(plan(&h).start, time::Time::from_hms(8, 50, 0).ok());
    }

    #[test]
    fn a_bad_time_or_number_is_asked_again_and_nothing_changes() {
        let mut h = planning();
        h.keys("shalf nine<enter>");
        let v = h.app.session_view().expect("a session");
        assert_eq!(v.session.agenda, None, "nothing kept");
        assert!(h.screen(80, 24).contains("A time of day, like 09:30."));
        h.keys("<esc>m0<enter>");
        assert!(h.screen(80, 24).contains("Whole minutes, like 45."));
        h.keys("<esc><esc>");
        let v = h.app.session_view().expect("a session");
        assert!(v.overlay.is_none(), "back to the session");
        assert_eq!(v.session.agenda, None);
    }

    #[test]
    fn the_room_s_clock_counts_against_the_plan_and_the_header_says_the_pace() {
        let mut h = planning();
        // Define gets 20 minutes in the plan (the framework gives it 30); the day starts 08:50.
        h.keys("s08:50<enter>--<esc>");
        let v = h.app.session_view().expect("a session");
        assert_eq!(v.room_clock(START).map(|c| c.planned_minutes), Some(20));
        // Until the room starts, the header says when it starts, and no pace.
        assert_eq!(v.pace(START), None);
        assert!(
            h.screen(80, 24)
                .contains("starts at 08:50 · Space starts the clock")
        );
        h.keys(" ");
        let v = h.app.session_view().expect("a session");
        // The room began Define at 09:00, ten minutes after the plan's start.
        assert_eq!(v.pace(START), Some(Pace::Behind(10)));
        h.send(Msg::Tick(START + time::Duration::minutes(5)));
        let wide = h.screen(80, 24);
        assert!(
            wide.lines()
                .next()
                .is_some_and(|l| l.contains("10 min behind")),
            "{wide}"
        );
        // Five minutes given back to the stage on the day: 15 behind.
        h.keys("+");
        assert!(h.screen(80, 24).contains("15 min behind"));
        let narrow = h.screen(40, 12);
        assert!(
            !narrow.contains("behind"),
            "the words go first at 40 columns"
        );
    }

    #[test]
    fn snapshots_of_the_plan_and_the_header_with_the_pace() {
        let mut h = planning();
        h.keys("s09:30<enter>jbn Coffee and biscuits<enter>jjn Pairs interview each other<enter>");
        h.keys("k");
        h.settle();
        for (w, rows) in [(80, 24), (40, 12)] {
            insta::assert_snapshot!(format!("agenda_plan_{w}x{rows}"), h.screen(w, rows));
        }
        h.keys("s");
        for (w, rows) in [(80, 24), (40, 12)] {
            insta::assert_snapshot!(format!("agenda_start_time_{w}x{rows}"), h.screen(w, rows));
        }
        // The room starts the day (Space) when it meets, then twelve minutes pass.
        h.keys("08:45<enter><esc> ");
        h.send(Msg::Tick(START + time::Duration::minutes(12)));
        h.settle();
        for (w, rows) in [(80, 24), (40, 12)] {
            insta::assert_snapshot!(format!("agenda_header_{w}x{rows}"), h.screen(w, rows));
        }
    }
}

#[test]
fn every_key_of_the_plan_does_something_and_others_nothing() {
    use convene::app::agenda::{KEYS, PlanKey};
    use convene::app::{self, Msg};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let start = || {
        let mut h = crate::harness::Harness::new();
        h.keys("n<enter>Harbour day<enter>Pj");
        h
    };
    for b in KEYS {
        let mut h = start();
        match b.action {
            PlanKey::Undo => h.keys("+"),
            PlanKey::Redo => h.keys("+u"),
            _ => {}
        }
        let before = format!("{:?}", h.app);
        let modifiers = if b.ctrl {
            KeyModifiers::CONTROL
        } else {
            KeyModifiers::NONE
        };
        let effects = app::update(&mut h.app, Msg::Key(KeyEvent::new(b.code, modifiers)));
        assert!(
            !effects.is_empty() || format!("{:?}", h.app) != before,
            "{} ({}) did nothing",
            b.keys,
            b.help
        );
        let first = KEYS
            .iter()
            .position(|o| o.code == b.code && o.ctrl == b.ctrl)
            .expect("itself");
        assert!(std::ptr::eq(&KEYS[first], b), "{} is bound twice", b.keys);
    }
    let mut h = start();
    let before = format!("{:?}", h.app);
    for code in [KeyCode::F(5), KeyCode::Char('§'), KeyCode::Insert] {
        app::update(
            &mut h.app,
            Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
        );
    }
    assert_eq!(format!("{:?}", h.app), before);
}

#[test]
fn hostile_words_in_the_plan_never_reach_the_terminal_or_the_page_as_markup() {
    let dir = examples_copy();
    plan_the_day(dir.path());
    let store = Store::at(dir.path());
    let id = SessionId::parse("k7q2m9xa").expect("an id");
    let loaded = store.load(&id).expect("reads");
    let mut session = loaded.session.clone();
    if let Some(plan) = session.agenda.as_mut() {
        plan.blocks[1].note = "<script>alert(1)</script> \u{1b}[2J*loud*".into();
        plan.blocks[2].title = "# Coffee\nand | cake".into();
    }
    store
        .save(&loaded.path, &session, loaded.fingerprint)
        .expect("saved");
    let md = stdout(&convene(dir.path(), &["agenda", "k7q2m9xa"]));
    assert!(!md.contains('\u{1b}'), "{md}");
    assert!(md.contains("&lt;script&gt;"), "{md}");
    assert!(md.contains("\\*loud\\*"), "{md}");
    assert!(
        md.contains("- 11:00–11:15  # Coffee and \\| cake (break, 15 min)"),
        "{md}"
    );
    let html = stdout(&convene(
        dir.path(),
        &["agenda", "k7q2m9xa", "--format", "html"],
    ));
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains('\u{1b}'));
}
