//! The coordinator's week: opened from the dashboard, each conference with what is not ready.

use crate::harness::Harness;
use convene::app::Screen;

/// The examples, and a conference for Kai in two days with an invitation unanswered and an
/// interpreter not booked.
fn coordinator() -> Harness {
    let mut h = Harness::with_examples();
    h.keys("n<down><enter>Conference for Kai<enter>");
    h.keys("cKai<tab><tab><tab><tab>+2d<tab>10:00<tab>The family centre<tab>Kai wants to keep playing football<enter>");
    h.keys("aSam<tab>uncle<tab>1<tab>uncle<tab>2<tab><tab>Polish<enter>");
    h.keys("aRosa<tab>advocate<tab>4<tab>advocate<tab>3<enter>");
    h.settle();
    h.keys("q");
    h
}

#[test]
fn the_week_shows_a_conference_with_what_is_not_ready_and_plan_items_due() {
    let mut h = coordinator();
    h.keys("w");
    assert!(matches!(h.app.screen, Screen::Week(_)));
    let screen = h.screen(80, 24);
    for words in [
        "The week ahead  2026-11-25 to 2026-12-01 (today and the next 6 days)",
        "Conferences, and what is not ready",
        "Fri 2026-11-27 10:00  Conference for Kai",
        "2 not ready",
        "○ Ask Sam whether they can come",
        "○ Book an interpreter in Polish for Sam",
        "Reviews and plan items due",
    ] {
        assert!(screen.contains(words), "{words}:\n{screen}");
    }
    // Enter opens the conference, where the gaps are mended.
    h.keys("<enter>");
    assert_eq!(
        h.app.session_view().map(|v| v.session.title.as_str()),
        Some("Conference for Kai")
    );
    h.keys("k<enter><tab><tab><tab><tab>3<tab><tab><tab><tab><tab><tab>2<enter>");
    h.settle();
    h.keys("qw");
    let screen = h.screen(80, 24);
    assert!(screen.contains("✓ ready"), "{screen}");
    assert!(!screen.contains("Ask Sam"), "{screen}");
    h.keys("q");
    assert!(matches!(h.app.screen, Screen::Dashboard));
}

#[test]
fn an_empty_week_says_so() {
    let mut h = Harness::new();
    h.keys("w");
    assert!(
        h.screen(80, 24)
            .contains("No conference, review or plan item falls in the next 7 days"),
        "{}",
        h.screen(80, 24)
    );
}

#[test]
fn the_week_at_both_sizes() {
    let mut h = coordinator();
    h.keys("w");
    for (w, rows) in [(80, 24), (40, 12)] {
        insta::assert_snapshot!(format!("week_{w}x{rows}"), h.screen(w, rows));
    }
}

#[test]
fn a_conference_whose_day_passed_while_still_planned_is_marked() {
    use convene::model::*;
    let mut h = Harness::new();
    let mut session = Session::new(
        SessionId::parse("late1").expect("id"),
        "Conference for Mia",
        "family-group-conference",
        "planning",
        crate::harness::START,
    );
    session.conference = Some(Conference {
        child: "Mia".into(),
        date: Some(time::macros::date!(2026 - 11 - 20)),
        ..Conference::default()
    });
    h.runtime.store().create(&session).expect("saved");
    h.relist();
    h.keys("w");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("! date passed, 2026-11-20  Conference for Mia"),
        "{screen}"
    );
    assert!(
        screen.contains("○ Agree a time that suits everyone"),
        "{screen}"
    );
}
