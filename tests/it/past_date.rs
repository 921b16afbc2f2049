//! A due date that has passed is questioned when it is typed in the record form, never
//! refused: `y` keeps it, any other key goes back to the date.

use crate::harness::{Harness, START};
use convene::app::Overlay;
use convene::model::{Session, SessionId};
use time::macros::date;

/// The app with a workshop open at Destiny (today is 2026-11-25 on the harness's clock).
fn at_destiny() -> Harness {
    let mut h = Harness::new();
    let session = Session::new(
        SessionId::parse("destiny1").expect("id"),
        "Harbour day",
        "appreciative-inquiry",
        "destiny",
        START,
    );
    let saved = h.runtime.store().create(&session).expect("saved");
    h.open(&saved.path);
    h
}

fn view(h: &Harness) -> &convene::app::SessionView {
    h.app.session_view().expect("a session is open")
}

#[test]
fn a_passed_due_date_is_questioned_kept_with_y_and_not_asked_again() {
    let mut h = at_destiny();
    h.keys("aRun a young people's panel<tab>Jess<tab>2026-11-01<enter>");
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("That date has passed — keep it?"),
        "{screen}"
    );
    assert!(view(&h).session.records.is_empty(), "not saved yet");
    // Any other key goes back to the date, as typed.
    h.keys("n");
    let Some(Overlay::Form(form)) = &view(&h).overlay else {
        panic!("the form stays open")
    };
    assert_eq!(form.focus, 2);
    assert_eq!(form.fields[2].input.text(), "2026-11-01");
    assert!(!h.screen(100, 30).contains("That date has passed"));
    assert!(view(&h).session.records.is_empty());
    // Asked again on saving; y keeps it.
    h.keys("<enter>");
    assert!(
        h.screen(100, 30)
            .contains("That date has passed — keep it?")
    );
    h.keys("y");
    assert!(view(&h).overlay.is_none());
    assert_eq!(
        view(&h).session.records[0].body.due(),
        Some(date!(2026 - 11 - 01))
    );
    // Edited for its words, the agreement's kept date is not asked about again.
    h.keys("e<bs><bs><bs><bs><bs>panel with the youth council<enter>");
    assert!(view(&h).overlay.is_none(), "{}", h.screen(100, 30));
    assert_eq!(
        view(&h).session.records[0].body.text(),
        "Run a young people's panel with the youth council"
    );
    // A date ahead is saved at once.
    h.keys("aMap the safe places<tab>Priya<tab>+2w<enter>");
    assert!(view(&h).overlay.is_none(), "{}", h.screen(100, 30));
    assert_eq!(
        view(&h).session.records[1].body.due(),
        Some(date!(2026 - 12 - 09))
    );
}

#[test]
fn an_agreement_past_its_date_is_marked_on_the_session_screen() {
    let mut h = at_destiny();
    h.keys("aRun a young people's panel<tab>Jess<tab>2026-11-01<enter>y");
    h.keys("aWrite the guide<tab>Lorna<tab>2026-12-20<enter>");
    assert_eq!(view(&h).session.records.len(), 2);
    let screen = h.screen(80, 24);
    // Marked whether chosen or not; the one still ahead is not.
    assert_eq!(
        screen.matches("! overdue since 2026-11-01").count(),
        1,
        "{screen}"
    );
    insta::assert_snapshot!("overdue_on_the_session_80x24", screen);
    h.keys("<up>");
    let screen = h.screen(80, 24);
    assert!(screen.contains("! overdue since 2026-11-01"), "{screen}");
    assert!(!screen.contains("since 2026-12-20"), "{screen}");
    insta::assert_snapshot!("overdue_on_the_session_40x12", h.screen(40, 12));
    insta::assert_snapshot!("overdue_on_the_session_120x40", h.screen(120, 40));
}

#[test]
fn a_long_status_is_not_cut_by_the_save_state() {
    let mut h = at_destiny();
    h.keys("aRun a young people's panel<tab>Jess<tab>2026-12-20<enter>");
    h.settle();
    let said = h
        .app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(said.len() > 40, "{said}");
    let screen = h.screen(64, 20);
    let bottom = screen.lines().rev().nth(1).unwrap_or_default();
    assert!(bottom.contains(&said), "{bottom}");
    assert!(bottom.trim_end().ends_with('✓'), "{bottom}");
    insta::assert_snapshot!("long_status_40x12", h.screen(40, 12));
    // With room, the save state says when.
    assert!(h.screen(120, 40).contains("✓ saved"));
}

#[test]
fn a_multi_line_field_shows_every_line_when_another_has_focus() {
    let mut h = at_destiny();
    h.keys("aRun a young people's panel<a-enter>with the youth council<a-enter>every term<tab>");
    let screen = h.screen(80, 24);
    for line in [
        "Run a young people's panel",
        "with the youth council",
        "every term",
    ] {
        assert!(screen.contains(line), "{line}: {screen}");
    }
    insta::assert_snapshot!("multi_line_unfocused_80x24", screen);
    insta::assert_snapshot!("multi_line_unfocused_40x12", h.screen(40, 12));
}
