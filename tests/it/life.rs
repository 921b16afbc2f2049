//! A conference's life: closing and reopening it, and its dated events (the conference day,
//! the review) in `due`, the listing, the report, the exports and the dashboard.

use crate::cli::{convene, examples_copy, stderr, stdout};
use convene::model::{Conference, Session};
use convene::store::Store;
use std::path::Path;
use time::{Date, Duration};

const FGC: &str = "p3f8h2kd";

fn due_json(dir: &Path) -> Vec<serde_json::Value> {
    let out = convene(dir, &["due", "--within", "3650", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .expect("JSON")
        .as_array()
        .expect("an array")
        .clone()
}

fn listed(dir: &Path, id: &str) -> serde_json::Value {
    let out = convene(dir, &["list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    rows.as_array()
        .expect("an array")
        .iter()
        .find(|r| r["id"] == id)
        .expect("listed")
        .clone()
}

fn due_for(dir: &Path, id: &str) -> usize {
    due_json(dir).iter().filter(|i| i["session"] == id).count()
}

#[test]
fn a_closed_conference_leaves_due_the_listing_and_the_calendar_until_reopened() {
    let copy = examples_copy();
    let dir = copy.path();
    assert!(due_for(dir, FGC) > 0, "the example has plan items due");
    let before = listed(dir, FGC);
    assert_eq!(before["closed"], false);
    assert!(before["next_due"].is_string());

    let out = convene(
        dir,
        &["close", FGC, "--reason", "withdrew", "--date", "2026-11-24"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "Closed 2026-11-24: the family withdrew. Nothing is due from it now."
    );
    assert_eq!(
        due_for(dir, FGC),
        0,
        "nothing is due from a closed conference"
    );
    let after = listed(dir, FGC);
    assert_eq!(after["closed"], true);
    assert_eq!(after["closed_reason"], "the family withdrew");
    assert!(after["next_due"].is_null());

    let out = convene(dir, &["export", FGC, "--format", "ics"]);
    assert!(out.stdout.is_empty(), "no calendar of a closed conference");
    assert!(
        stderr(&out).contains("nothing is dated because the conference is closed"),
        "{}",
        stderr(&out)
    );
    let md = stdout(&convene(dir, &["export", FGC, "--format", "md"]));
    // The professionals' record keeps the review date that was set.
    assert!(md.contains("Review date"), "{md}");
    assert!(md.contains("2026-11-24: the family withdrew"), "{md}");

    let report = stdout(&convene(dir, &["report", "--format", "csv"]));
    assert!(report.contains("conferences,closed,1"), "{report}");
    assert!(
        report.contains("conferences,closed: the family withdrew,1"),
        "{report}"
    );

    let out = convene(dir, &["reopen", FGC]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Reopened (it was closed 2026-11-24"));
    assert!(due_for(dir, FGC) > 0, "its dates are due again");
    assert_eq!(listed(dir, FGC)["closed"], false);
    let again = convene(dir, &["reopen", FGC]);
    assert!(stdout(&again).contains("open already"));
}

#[test]
fn close_takes_a_reason_in_words_and_refuses_what_it_cannot_do() {
    let copy = examples_copy();
    let dir = copy.path();
    let out = convene(dir, &["close", FGC, "--reason", "Kai turned 18"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(listed(dir, FGC)["closed_reason"], "Kai turned 18");
    let report = stdout(&convene(dir, &["report"]));
    // Each reason on a line of its own: a reason's label may hold a ";".
    assert!(report.contains("- Closed: 1\n  - 1 other\n"), "{report}");

    let refused = |args: &[&str], code: i32, words: &str| {
        let out = convene(dir, args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(words), "{args:?}: {}", stderr(&out));
    };
    refused(
        &["close", FGC, "--reason", "moved", "--date", "soon"],
        2,
        "YYYY-MM-DD",
    );
    refused(&["close", FGC, "--reason", " "], 2, "needs a reason");
    refused(
        &["close", "k7q2m9xa", "--reason", "moved"],
        2,
        "only a Family Group Conference",
    );
    refused(&["close", "zzzzzzzz", "--reason", "moved"], 3, "");
    // While the app holds the session, the command line leaves it alone.
    let file = dir.join(format!("{FGC}.ron"));
    let text = std::fs::read_to_string(&file).expect("read");
    let lock = convene::store::try_lock(&file)
        .expect("lock")
        .expect("free");
    refused(&["reopen", FGC], 5, "open in a convene window");
    drop(lock);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), text);
}

/// A new conference in `dir`, dated `days` from today, with a time and a venue.
fn conference_in(dir: &Path, days: i64, time: &str) -> (String, Date) {
    let out = convene(dir, &["new", "fgc", "Conference for Kai"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).lines().next().expect("id").to_owned();
    let store = Store::at(dir);
    let loaded = store
        .load(&convene::model::SessionId::parse(&id).expect("id"))
        .expect("load");
    let offset = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
    let today = convene::clock::now().to_offset(offset).date();
    let date = today + Duration::days(days);
    let mut session: Session = loaded.session;
    session.conference = Some(Conference {
        date: Some(date),
        time: time.into(),
        venue: "The family centre, Kai's safe place".into(),
        ..Conference::default()
    });
    store
        .save(&loaded.path, &session, loaded.fingerprint)
        .expect("save");
    (id, date)
}

#[test]
fn the_conference_day_is_due_and_in_the_calendar_with_its_time_and_the_venue_only_when_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (id, date) = conference_in(dir.path(), 2, "10:00 to 14:00");
    let out = convene(dir.path(), &["due", "--within", "7"]);
    let due = stdout(&out);
    assert!(
        due.contains("The conference day, 10:00 to 14:00 · Conference for Kai"),
        "{due}"
    );
    let ymd = format!(
        "{:04}{:02}{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    );
    let ics = stdout(&convene(dir.path(), &["export", &id, "--format", "ics"]));
    crate::harness::strict_ics(&ics);
    assert!(ics.contains(&format!("DTSTART:{ymd}T100000")), "{ics}");
    assert!(ics.contains(&format!("DTEND:{ymd}T140000")), "{ics}");
    assert!(!ics.contains("LOCATION"), "venues can be secret: {ics}");
    let ics = stdout(&convene(
        dir.path(),
        &["export", &id, "--format", "ics", "--include-venue"],
    ));
    assert!(
        ics.contains("LOCATION:The family centre\\, Kai's safe place"),
        "{ics}"
    );
}

#[test]
fn a_conference_date_passed_while_still_at_planning_is_overdue() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (id, _) = conference_in(dir.path(), -3, "after school");
    let items = due_json(dir.path());
    let item = items.iter().find(|i| i["session"] == *id).expect("due");
    assert_eq!(item["kind"], "conference");
    assert_eq!(item["overdue"], true);
    assert_eq!(item["status"], "the conference date has passed");
    let ics = stdout(&convene(dir.path(), &["export", &id, "--format", "ics"]));
    crate::harness::strict_ics(&ics);
    assert!(ics.contains("DTSTART;VALUE=DATE:"), "all day: {ics}");
}

fn closure(h: &crate::harness::Harness) -> Option<convene::model::Closure> {
    h.app
        .session_view()
        .expect("a session is open")
        .session
        .conference
        .as_ref()
        .and_then(|c| c.closed.clone())
}

#[test]
fn closing_in_the_app_asks_the_date_and_reason_and_every_change_can_be_undone() {
    use convene::model::{Closure, ClosureReason};
    use time::macros::date;
    let mut h = crate::harness::Harness::new();
    h.keys("n<down><enter>Conference for Kai<enter>");
    h.keys("C");
    assert!(
        h.screen(80, 24).contains("Close the conference"),
        "{}",
        h.screen(80, 24)
    );
    h.keys("<tab>2<enter>");
    let closed = Closure {
        date: date!(2026 - 11 - 25),
        reason: ClosureReason::FamilyWithdrew,
    };
    assert_eq!(closure(&h), Some(closed.clone()), "closed today, as asked");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("closed 2026-11-25: the family withdrew"),
        "the session says it is closed, and why:\n{screen}"
    );
    h.keys("u");
    assert_eq!(closure(&h), None, "u takes the closing back");
    h.keys("<c-r>");
    assert_eq!(closure(&h), Some(closed));
    h.keys("C");
    assert_eq!(closure(&h), None, "C reopens a closed conference");
    assert!(
        h.app
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("Reopened"))
    );
    h.keys("u");
    assert!(closure(&h).is_some(), "and u closes it again");
    h.keys("C");
    // Another reason needs its words; a date can be typed.
    h.keys("C<bs><bs>20<tab>5<enter>");
    assert_eq!(closure(&h), None, "the form waits for the words");
    h.keys("Kai turned 18<enter>");
    assert_eq!(
        closure(&h),
        Some(Closure {
            date: date!(2026 - 11 - 20),
            reason: ClosureReason::Other("Kai turned 18".into()),
        })
    );
}

#[test]
fn the_dashboard_at_80_columns_tells_long_similar_titles_apart_and_can_hide_closed_ones() {
    let mut h = crate::harness::Harness::new();
    h.keys("n<down><enter>Conference for Kai (review after move)<enter>");
    h.keys("c<tab><tab><tab><tab>+2d<enter>");
    h.settle();
    h.keys("q");
    h.keys("n<down><enter>Conference for Kai (first conference)<enter>C<enter>");
    h.settle();
    h.keys("q");
    h.relist();
    let screen = h.screen(80, 24);
    for seen in [
        "Conference for Kai (review after m",
        "Conference for Kai (first conferen",
        "conference in 2 days",
        "closed",
    ] {
        assert!(screen.contains(seen), "{seen:?} in\n{screen}");
    }
    h.keys("h");
    let screen = h.screen(80, 24);
    assert!(!screen.contains("(first conferen"), "{screen}");
    assert!(screen.contains("closed hidden"), "{screen}");
    assert!(screen.contains("h hide closed"), "the footer says how");
    h.keys("h");
    assert!(h.screen(80, 24).contains("(first conferen"));
    h.keys("/closed<enter>");
    let found: Vec<&str> = h
        .app
        .dashboard
        .visible()
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(
        found,
        ["Conference for Kai (first conference)"],
        "/ finds closed ones"
    );
}

#[test]
fn an_older_file_closed_with_a_bare_date_still_reads_and_counts_as_closed() {
    let copy = examples_copy();
    let dir = copy.path();
    let file = dir.join(format!("{FGC}.ron"));
    let text = std::fs::read_to_string(&file).expect("read");
    let older = text.replacen(
        "review_date: Some(\"2027-01-15\"),",
        "review_date: Some(\"2027-01-15\"),\n    closed: Some(\"2026-11-01\"),",
        1,
    );
    assert_ne!(older, text, "the example has a review date");
    std::fs::write(&file, older).expect("write");
    let out = convene(dir, &["check"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let row = listed(dir, FGC);
    assert_eq!(row["closed"], true);
    assert_eq!(row["closed_reason"], "no reason recorded");
    assert_eq!(due_for(dir, FGC), 0);
    // Reopened and closed again, it is written in the new form and reads back.
    assert!(convene(dir, &["reopen", FGC]).status.success());
    assert!(
        convene(dir, &["close", FGC, "--reason", "plan-working"])
            .status
            .success()
    );
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(text.contains("reason: PlanWorking"), "{text}");
    assert_eq!(
        listed(dir, FGC)["closed_reason"],
        "plan working; the family asked to close"
    );
}
