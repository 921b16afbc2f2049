//! The FGC coordinator's walk through `update`: planning to review, and the family's own time.

use crate::harness::Harness;
use convene::app::{Layer, Overlay, Screen};
use convene::model::*;
use time::macros::date;

fn view(h: &Harness) -> &convene::app::SessionView {
    h.app.session_view().expect("a session is open")
}

fn conference(h: &Harness) -> Conference {
    view(h)
        .session
        .conference
        .clone()
        .expect("the conference has facts")
}

/// A new conference, open at Planning.
fn new_fgc() -> Harness {
    let mut h = Harness::new();
    h.keys("n<down><enter>Conference for J.<enter>");
    assert_eq!(view(&h).session.stage, "planning");
    h
}

#[test]
fn a_conference_goes_from_planning_to_review_and_every_part_is_kept() {
    let mut h = new_fgc();
    // Key facts.
    h.keys("cJ.<tab>Sam, children's services<tab>Worries about older teenagers<tab>J. is home by 7pm<tab>2026-12-04<tab>10:00<tab>Family centre<tab>Wants to keep playing football<enter>");
    let c = conference(&h);
    assert_eq!(c.child, "J.");
    assert_eq!(c.date, Some(date!(2026 - 12 - 04)));
    assert_eq!(c.child_voice, "Wants to keep playing football");
    // The network: a grandmother who needs an interpreter, and someone not invited.
    h.keys("aHalina<tab>grandmother<tab>1<tab>grandparent<tab>3<tab><tab>Polish<enter>");
    h.keys("aKevin<tab>football coach<tab>3<tab>coach<tab>5<tab>The family will talk to him after<enter>");
    h.keys("aSam<tab>social worker<tab>4<tab>social worker<tab>3<enter>");
    let people: Vec<Participant> = view(&h)
        .session
        .records
        .iter()
        .filter_map(|r| match &r.body {
            RecordBody::Participant(p) => Some(p.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(people.len(), 3);
    assert_eq!(people[0].invitation, Invitation::Confirmed);
    assert_eq!(people[0].needs.interpreter.as_deref(), Some("Polish"));
    assert_eq!(people[1].side, Side::Community);
    assert_eq!(
        people[1].invitation,
        Invitation::NotInvited("The family will talk to him after".into())
    );
    assert_eq!(people[2].side, Side::Professional);

    // Information: a strength shared by Sam, and a question Sam answers.
    h.keys(">aAnna has kept in touch every week<c-l><down><down> <enter><enter>");
    h.keys("A<down><enter>Will the police be involved?<tab>Only to help keep J. safe<c-l><down><down> <enter><enter>");
    let sam = view(&h)
        .session
        .records
        .iter()
        .find(|r| r.body.text() == "Sam")
        .map(|r| r.id)
        .expect("Sam");
    let info = view(&h)
        .session
        .records
        .iter()
        .find(|r| r.body.kind() == RecordKind::InformationItem)
        .expect("info");
    assert_eq!(info.body.links(), vec![sam]);
    let question = view(&h)
        .session
        .records
        .iter()
        .find(|r| r.body.kind() == RecordKind::Question)
        .expect("q");
    let RecordBody::Question(q) = &question.body else {
        unreachable!()
    };
    assert_eq!(q.answer.as_deref(), Some("Only to help keep J. safe"));
    assert_eq!(q.answered_by, Some(sam));

    // Private family time, then the plan in the family's words.
    h.keys(">>");
    assert_eq!(view(&h).session.stage, "agreement");
    h.keys("aNan meets J. at the school gate every day<tab>Halina<tab>+1w<tab>Bus fares<tab>Anna<enter>");
    h.keys(
        "oIf J. is not home by 7, Anna calls Sam<tab>2<tab>Everyone agreed it keeps J. safe<enter>",
    );
    let c = conference(&h);
    assert_eq!(c.decision, Some(Decision::Agreed));
    assert_eq!(
        c.review_date,
        Some(date!(2027 - 02 - 26)),
        "12 weeks after the conference"
    );
    assert!(c.contingency.starts_with("If J. is not home"));

    // Review: the plan item comes back; its status is checked in; ratings kept.
    h.keys(">");
    assert_eq!(view(&h).session.stage, "review");
    let items = view(&h).stage_records();
    assert_eq!(items.len(), 1, "the review revisits the plan item");
    h.keys("s3<tab>Anna<tab>Every day since the conference<enter>");
    h.keys("o8<tab>7<enter>");
    h.wait(1);

    let session = &view(&h).session;
    let item = session
        .records
        .iter()
        .find(|r| r.body.kind() == RecordKind::PlanItem)
        .expect("plan item");
    assert_eq!(item.body.status(), Some(Status::Done));
    assert_eq!(item.body.checkins()[0].by, "Anna");
    assert_eq!(item.body.due(), Some(date!(2026 - 12 - 02)));
    let c = conference(&h);
    assert_eq!(
        c.ratings,
        vec![Rating {
            date: date!(2026 - 11 - 25),
            family: Some(8),
            professionals: Some(7),
            due: Some(date!(2027 - 02 - 26)),
            child_lives: None,
        }]
    );
    assert_eq!(
        c.review_date,
        Some(date!(2027 - 02 - 17)),
        "the next review, 12 weeks on"
    );
    assert!(!view(&h).dirty);
    let on_disk = h.only_file();
    for words in [
        "decision: Some(Agreed)",
        "family: Some(8)",
        "status: Done",
        "interpreter: Some(\"Polish\")",
    ] {
        assert!(on_disk.contains(words), "{words} missing");
    }
}

#[test]
fn nothing_can_be_written_during_private_family_time() {
    let mut h = new_fgc();
    h.keys("aAnna<enter>>>");
    assert_eq!(view(&h).session.stage, "private-family-time");
    let before = view(&h).session.clone();
    // Every key that writes: add, add another, edit, delete, link, theme, move, facts,
    // outcome, check-in; and a paste.
    for key in ["a", "A", "e", "d", "l", "g", "K", "J", "c", "o", "s"] {
        h.keys(key);
        assert!(view(&h).overlay.is_none(), "{key} opened something");
        assert!(
            h.app
                .status
                .as_ref()
                .is_some_and(|s| s.text.contains("belongs to the family")),
            "{key}: {:?}",
            h.app.status
        );
    }
    h.send(convene::app::Msg::Paste("A professional's note".into()));
    h.keys("<enter>");
    let after = &view(&h).session;
    assert_eq!(after.records, before.records);
    assert_eq!(after.conference, before.conference);
    // Moving on is allowed.
    h.keys(">");
    assert_eq!(view(&h).session.stage, "agreement");
}

#[test]
fn a_bad_rating_is_explained_and_keeps_the_form() {
    let mut h = new_fgc();
    h.keys(">>>>o11<enter>");
    let Some(Overlay::Form(form)) = &view(&h).overlay else {
        panic!("the form stays")
    };
    assert!(form.error.as_deref().is_some_and(|e| e.contains("0 to 10")));
    h.keys("<bs><bs>9<tab><tab><tab>2<enter>");
    let c = conference(&h);
    assert_eq!(c.ratings[0].family, Some(9));
    assert_eq!(
        c.closed.map(|c| (c.date, c.reason)),
        Some((
            date!(2026 - 11 - 25),
            convene::model::ClosureReason::PlanWorking
        )),
        "the conference is closed: the plan is working"
    );
}

#[test]
fn facts_and_outcomes_belong_to_conferences_only() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>c");
    assert!(view(&h).overlay.is_none());
    assert!(
        h.app
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("Family Group Conference"))
    );
}

#[test]
fn the_dashboard_shows_overdue_sorts_by_next_date_and_finds_by_short_name() {
    let mut h = Harness::with_examples();
    let overdue: Vec<bool> = h
        .app
        .dashboard
        .visible()
        .iter()
        .map(|e| e.overdue)
        .collect();
    assert_eq!(
        overdue,
        [true, false],
        "the conference's plan items are past due on 2026-11-25"
    );
    h.keys("s");
    assert!(h.app.dashboard.by_next_date);
    assert!(h.app.dashboard.visible()[0].overdue, "overdue first");
    assert!(h.screen(80, 24).contains("by next date"));
    h.keys("/fgc agreement");
    let titles: Vec<&str> = h
        .app
        .dashboard
        .visible()
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(titles, ["Conference for J. (age 11)"]);
    assert!(matches!(h.app.screen, Screen::Dashboard));
}

#[test]
fn a_participant_is_placed_by_closeness_for_the_network_map() {
    let mut h = new_fgc();
    h.keys(&format!(
        "aHalina<tab>grandmother<tab><tab><tab><tab><tab><tab><tab><tab><tab><tab>{}<enter>",
        "2"
    ));
    let RecordBody::Participant(p) = &view(&h).session.records[0].body else {
        panic!("a participant")
    };
    assert_eq!(p.closeness, Some(Closeness::Close));
    h.keys("m");
    assert!(
        h.screen(80, 24).contains("close           Halina (0)"),
        "{}",
        h.screen(80, 24)
    );
}

#[test]
fn a_participants_needs_are_marked_arranged_in_the_form() {
    let mut h = new_fgc();
    // Name, relationship, side, role, invitation, reason, interpreter: Polish; then
    // access, childcare, safety, and "yes, all in place".
    h.keys("aHalina<tab>grandmother<tab><tab><tab><tab><tab>Polish<tab><tab><tab><tab>2<enter>");
    let RecordBody::Participant(p) = &view(&h).session.records[0].body else {
        panic!("a participant")
    };
    assert_eq!(p.needs.interpreter.as_deref(), Some("Polish"));
    assert!(p.needs.arranged);
}

#[test]
fn before_the_day_the_conference_page_shows_its_facts_and_what_is_still_open() {
    let mut h = new_fgc();
    h.keys("cKai<tab>Sam, children's services<tab><tab><tab>2026-12-04<enter>");
    h.keys("aSam<tab>uncle<tab>1<tab>uncle<tab>2<tab><tab>Polish<enter>");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("6 things to arrange before the day (i)"),
        "{screen}"
    );
    let narrow = h.screen(40, 12);
    assert!(narrow.contains("· 6 open (i)"), "{narrow}");
    h.keys("i");
    let screen = h.screen(80, 24);
    for words in [
        "Key facts",
        "Child or young person: Kai",
        "Date: 2026-12-04",
        "Still to arrange before the day: 6",
        "Ask Sam whether they can come",
        "Book an interpreter in Polish for Sam",
        "Agree a time that suits everyone",
        "Find a venue where the family feels comfortable",
        "Hear Kai's wishes and views",
        "Offer Kai an advocate",
        "The outcome",
        "Nothing decided yet",
    ] {
        assert!(screen.contains(words), "{words}:\n{screen}");
    }
    // The key facts are filled in from the page, which shows them once saved.
    h.keys("c<tab><tab><tab><tab><tab>10:00<tab>The family centre<enter>");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Venue: The family centre"), "{screen}");
    assert!(
        screen.contains("Still to arrange before the day: 4"),
        "{screen}"
    );
    // i goes back to the stage.
    h.keys("i");
    assert!(h.screen(80, 24).contains("Captured in Planning"));
}

#[test]
fn a_held_conference_shows_its_decision_contingency_review_and_ratings_on_its_page() {
    let mut h = Harness::with_examples();
    h.keys("/conference<enter><enter>");
    h.keys("i");
    let screen = h.screen(100, 40);
    for words in [
        "Child or young person: J. (age 11)",
        "Decision: agreed",
        "Why: Everyone agreed the plan keeps J. safe",
        "If the plan isn't working: If J. is not home",
        "Review date: 2027-01-15",
    ] {
        assert!(screen.contains(words), "{words}:\n{screen}");
    }
    assert!(
        !screen.contains("Still to arrange"),
        "nothing is open once it is held:\n{screen}"
    );
    // A review's ratings and the closure show there too.
    h.keys(">o7<tab>6<tab><tab>2<enter>i");
    let screen = h.screen(100, 40);
    assert!(
        screen.contains("the family 7/10, the professionals 6/10"),
        "{screen}"
    );
    assert!(screen.contains("Closed: 2026-11-25"), "{screen}");
}

#[test]
fn the_returns_fields_are_set_in_the_key_facts_and_the_review() {
    let mut h = new_fgc();
    // After the eight key facts: the referral date, the referrer's role, the reason.
    h.keys("cK.");
    h.keys(&"<tab>".repeat(8));
    h.keys("2026-09-01<tab>2<tab><right><right><right>");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Reason, for returns"), "{screen}");
    h.keys("<enter>");
    let c = conference(&h);
    assert_eq!(c.referral_date, Some(date!(2026 - 09 - 01)));
    assert_eq!(c.referrer_role.as_deref(), Some("social worker"));
    assert_eq!(c.reason_category.as_deref(), Some("child protection"));
    // Opened again, the choices stand and saving changes nothing.
    h.keys("c<enter>");
    assert_eq!(conference(&h), c);

    // A review: the ratings, the next date, keep going, then where the child lives.
    h.keys("]]]]o8<tab>7<tab><tab><tab>3<enter>");
    let c = conference(&h);
    assert_eq!(c.ratings.len(), 1);
    assert_eq!(c.ratings[0].child_lives, Some(Home::WiderFamily));
    assert_eq!(c.closed, None);
}

#[test]
fn a_returns_category_no_longer_in_the_list_is_kept_when_the_facts_are_saved() {
    let mut session = Session::new(
        SessionId::parse("old1").expect("id"),
        "Conference for K.",
        "family-group-conference",
        "planning",
        crate::harness::START,
    );
    session.conference = Some(Conference {
        reason_category: Some("a category since renamed".into()),
        ..Conference::default()
    });
    let mut h = Harness::new();
    h.runtime.store().create(&session).expect("create");
    h.relist();
    h.keys("<enter>c");
    let screen = h.screen(80, 24);
    assert!(screen.contains("a category since renamed"), "{screen}");
    h.keys("<enter>");
    assert_eq!(
        conference(&h).reason_category.as_deref(),
        Some("a category since renamed")
    );
}

/// The example conference with J.'s father outside the safe network (and not invited),
/// open at the agreement stage.
fn with_father_outside() -> Harness {
    let mut h = Harness::new();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/p3f8h2kd.ron");
    let mut s = convene::store::load_path(&path)
        .expect("the example")
        .session;
    s.add(
        "planning",
        RecordBody::Participant(Participant {
            name: "Victor".into(),
            relationship: "J.'s father".into(),
            invitation: Invitation::NotInvited("a court order".into()),
            outside_safe_network: Some("a court order keeps him away from J.".into()),
            ..Participant::default()
        }),
        crate::harness::START,
    );
    let saved = h.runtime.store().create(&s).expect("saved");
    h.open(&saved.path);
    assert_eq!(view(&h).session.stage, "agreement");
    h
}

#[test]
fn someone_outside_the_safe_network_is_never_offered_and_asked_about_when_typed() {
    let mut h = with_father_outside();
    let plan_items = |h: &Harness| {
        view(h)
            .session
            .records
            .iter()
            .filter(|r| matches!(r.body, RecordBody::PlanItem(_)))
            .count()
    };
    let before = plan_items(&h);
    // Ctrl-p for who, and for checked by: never Victor.
    h.keys("aJ. will go to Cubs on Thursdays<tab><c-p>");
    let Some(Overlay::Form(form)) = &view(&h).overlay else {
        panic!("the form is open")
    };
    let offered: Vec<&str> = form
        .picker
        .as_ref()
        .expect("the pick list")
        .candidates
        .iter()
        .map(|(_, name)| name.as_str())
        .collect();
    assert!(
        offered.contains(&"Anna") && offered.contains(&"Kevin"),
        "{offered:?}"
    );
    assert!(!offered.contains(&"Victor"), "{offered:?}");
    h.keys("<esc><tab><tab><tab><c-p>");
    let Some(Overlay::Form(form)) = &view(&h).overlay else {
        panic!("the form is open")
    };
    let picker = form.picker.as_ref().expect("the pick list for checked by");
    assert!(!picker.candidates.iter().any(|(_, n)| n == "Victor"));
    // Typed by hand: the form asks, naming why and the bottom line, and saves nothing yet.
    h.keys("<esc><s-tab><s-tab><s-tab>Victor<enter>");
    let screen = h.screen(100, 30);
    for words in [
        "Victor is outside the child's safe network",
        "court order keeps him away from J.",
        "J. is with a safe adult",
        "Keep Victor in “Who”?",
    ] {
        assert!(screen.contains(words), "{words:?}: {screen}");
    }
    assert_eq!(plan_items(&h), before, "not saved while asking");
    // Any other key goes back to who.
    h.keys("n");
    let Some(Overlay::Form(form)) = &view(&h).overlay else {
        panic!("the form stays open")
    };
    assert_eq!(form.focus, 1);
    assert_eq!(form.field_text(1), "Victor");
    // Asked again on saving; y keeps him (the room decides), and check flags it.
    h.keys("<enter>");
    assert!(
        h.screen(100, 30)
            .contains("Victor is outside the child's safe network")
    );
    h.keys("y");
    assert!(view(&h).overlay.is_none(), "{}", h.screen(100, 30));
    assert_eq!(plan_items(&h), before + 1);
    let tasks = view(&h).session.tasks_kept_apart();
    assert_eq!(tasks.len(), 1, "{tasks:?}");
    assert_eq!(tasks[0].role, "who");

    // Someone in the safe network is saved at once.
    h.keys("aJ. will swim on Fridays<tab>Marek<enter>");
    assert!(view(&h).overlay.is_none(), "{}", h.screen(100, 30));
    assert_eq!(plan_items(&h), before + 2);
}

#[test]
fn the_room_screen_never_shows_someone_outside_the_safe_network() {
    let mut h = with_father_outside();
    h.keys("[[[p");
    assert!(h.app.showing(Layer::Presenter));
    let screen = h.screen(160, 48);
    assert!(
        screen.contains("Rosa") || screen.contains("Kevin"),
        "{screen}"
    );
    assert!(!screen.contains("Victor"), "{screen}");
}
