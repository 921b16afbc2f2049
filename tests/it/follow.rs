//! Follow-through: figures across a folder, what is due, and updating a status in place.

use convene::framework::Frameworks;
use convene::model::*;
use convene::report::{Skipped, compute, due_items};
use std::path::PathBuf;
use time::macros::{date, datetime};

const TODAY: time::Date = date!(2026 - 12 - 10);

fn workshop(id: &str, agreements: &[(&str, Option<time::Date>, Status)]) -> Session {
    let now = datetime!(2026-11-12 10:00 UTC);
    let mut s = Session::new(
        SessionId::parse(id).expect("id"),
        "Workshop",
        "appreciative-inquiry",
        "destiny",
        now,
    );
    for (owner, due, status) in agreements {
        s.add(
            "destiny",
            RecordBody::Agreement(Agreement {
                action: format!("Something {owner} will do"),
                owner: (*owner).to_owned(),
                due: *due,
                status: *status,
                ..Agreement::default()
            }),
            now,
        );
    }
    s
}

fn conference(
    id: &str,
    stage: &str,
    decision: Option<Decision>,
    ratings: Vec<Rating>,
    plan: &[Status],
) -> Session {
    let now = datetime!(2026-10-01 10:00 UTC);
    let mut s = Session::new(
        SessionId::parse(id).expect("id"),
        "Conference",
        "family-group-conference",
        stage,
        now,
    );
    for status in plan {
        s.add(
            "agreement",
            RecordBody::PlanItem(PlanItem {
                text: "A step".into(),
                status: *status,
                ..PlanItem::default()
            }),
            now,
        );
    }
    s.conference = Some(Conference {
        decision,
        ratings,
        review_date: Some(date!(2026 - 12 - 01)),
        ..Conference::default()
    });
    s
}

fn rating(date: time::Date, family: u8, professionals: u8, due: time::Date) -> Rating {
    Rating {
        date,
        family: Some(family),
        professionals: Some(professionals),
        due: Some(due),
        child_lives: None,
    }
}

#[test]
fn an_empty_folder_gives_zeros_not_errors() {
    let f = compute(&[], vec![], &Frameworks::embedded(), TODAY, None);
    assert_eq!(f.sessions_read, 0);
    assert_eq!(f.conferences.count, 0);
    assert_eq!(f.workshops.agreements, 0);
    assert_eq!(f.conferences.family_first, None);
    assert!(convene::report::markdown(&f).contains("Workshops: 0"));
    assert!(due_items(&[], TODAY, 7).is_empty());
}

#[test]
fn workshop_figures_count_made_done_and_overdue_by_owner() {
    let sessions = [
        workshop(
            "w1",
            &[
                ("Priya", Some(date!(2026 - 12 - 01)), Status::NotStarted),
                ("Priya", Some(date!(2026 - 12 - 01)), Status::Done),
                ("priya ", Some(date!(2027 - 01 - 01)), Status::InProgress),
                ("", None, Status::Dropped),
            ],
        ),
        workshop(
            "w2",
            &[("Tom", Some(date!(2026 - 11 - 30)), Status::Changed)],
        ),
    ];
    let f = compute(&sessions, vec![], &Frameworks::embedded(), TODAY, None);
    let w = &f.workshops;
    // Tom's changed agreement is past its date but not overdue: the plan moved on from it.
    assert_eq!((w.count, w.agreements, w.done, w.overdue), (2, 5, 1, 1));
    assert_eq!(w.by_owner[0].owner, "Priya");
    assert_eq!(
        (
            w.by_owner[0].made,
            w.by_owner[0].done,
            w.by_owner[0].overdue
        ),
        (3, 1, 1)
    );
    assert!(w.by_owner.iter().any(|o| o.owner == "(no owner yet)"));
}

#[test]
fn conference_figures_count_stages_decisions_reviews_items_and_ratings() {
    let sessions = [
        conference(
            "c1",
            "review",
            Some(Decision::Agreed),
            vec![
                rating(date!(2026 - 11 - 28), 4, 5, date!(2026 - 12 - 01)),
                rating(date!(2027 - 01 - 10), 8, 7, date!(2027 - 01 - 05)),
            ],
            &[Status::Done, Status::InProgress],
        ),
        conference(
            "c2",
            "agreement",
            Some(Decision::AgreedWithChanges),
            vec![rating(date!(2026 - 11 - 20), 6, 3, date!(2026 - 12 - 01))],
            &[Status::Done],
        ),
        conference("c3", "planning", None, vec![], &[]),
    ];
    let skipped = vec![Skipped {
        file: "broken.ron".into(),
        reason: "broken.ron:1:2: Expected struct".into(),
    }];
    let f = compute(&sessions, skipped, &Frameworks::embedded(), TODAY, None);
    let c = &f.conferences;
    assert_eq!(c.count, 3);
    let stages: Vec<(&str, usize)> = c.by_stage.iter().map(|(s, n)| (s.as_str(), *n)).collect();
    assert_eq!(
        stages,
        [
            ("Planning", 1),
            ("Information", 0),
            ("Private family time", 0),
            ("Agreement", 1),
            ("Review", 1)
        ]
    );
    assert_eq!(
        (
            c.agreed,
            c.agreed_with_changes,
            c.not_agreed,
            c.not_decided_yet
        ),
        (1, 1, 0, 1)
    );
    assert_eq!((c.reviews_held, c.reviews_on_time), (3, 2));
    assert_eq!((c.plan_items, c.plan_items_done), (3, 2));
    assert_eq!(c.family_first, Some(5.0));
    assert_eq!(c.family_latest, Some(7.0));
    assert_eq!(c.professionals_first, Some(4.0));
    assert_eq!(c.professionals_latest, Some(5.0));
    assert_eq!(f.skipped.len(), 1);
    assert!(convene::report::markdown(&f).contains("broken.ron"));
    assert!(convene::report::csv(&f, false).contains("skipped,broken.ron"));

    let since = compute(
        &sessions,
        vec![],
        &Frameworks::embedded(),
        TODAY,
        Some(date!(2026 - 11 - 01)),
    );
    assert_eq!(since.conferences.count, 0, "all three started in October");
}

#[test]
fn due_lists_open_items_within_the_window_and_everything_overdue() {
    let sessions = vec![
        (
            PathBuf::from("w1.ron"),
            workshop(
                "w1",
                &[
                    ("Priya", Some(date!(2026 - 12 - 01)), Status::NotStarted),
                    ("Priya", Some(date!(2026 - 12 - 12)), Status::InProgress),
                    ("Priya", Some(date!(2026 - 12 - 12)), Status::Done),
                    ("Tom", Some(date!(2027 - 03 - 01)), Status::NotStarted),
                ],
            ),
        ),
        (
            PathBuf::from("c1.ron"),
            conference("c1", "agreement", None, vec![], &[]),
        ),
    ];
    let items = due_items(&sessions, TODAY, 7);
    let seen: Vec<(&str, &str, bool)> = items
        .iter()
        .map(|i| (i.kind.as_str(), i.due.as_str(), i.overdue))
        .collect();
    assert_eq!(
        seen,
        [
            ("review", "2026-12-01", true),
            ("agreement", "2026-12-01", true),
            ("agreement", "2026-12-12", false)
        ]
    );
}

#[test]
fn unreadable_files_are_named_by_the_cli_and_never_fatal() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/p3f8h2kd.ron"),
        dir.path().join("p3f8h2kd.ron"),
    )
    .expect("copy");
    std::fs::write(dir.path().join("broken.ron"), "(format: 1,").expect("write");
    for args in [
        vec!["report", "--format", "json"],
        vec!["due", "--within", "3650", "--json"],
    ] {
        let out = crate::harness::convene()
            .arg("--dir")
            .arg(dir.path())
            .args(&args)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("broken.ron"),
            "{args:?}"
        );
        let _: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    }
}

mod screens {
    use crate::harness::Harness;
    use convene::app::Screen;
    use convene::model::Status;

    #[test]
    fn f_shows_what_is_due_and_a_check_in_updates_it_in_place() {
        let mut h = Harness::with_examples();
        h.keys("f");
        let Screen::FollowThrough(view) = &h.app.screen else {
            panic!("follow-through")
        };
        assert!(view.loaded);
        // On 2026-11-25, within 14 days: the conference's four plan items (two overdue).
        assert_eq!(
            view.items.len(),
            4,
            "{:?}",
            view.items.iter().map(|i| &i.text).collect::<Vec<_>>()
        );
        assert_eq!(view.items.iter().filter(|i| i.overdue).count(), 2);
        insta::assert_snapshot!("follow_80x24", h.screen(80, 24));
        insta::assert_snapshot!("follow_40x12", h.screen(40, 12));
        h.keys("g");
        insta::assert_snapshot!("follow_by_owner_80x24", h.screen(80, 24));
        h.keys("g+");
        let Screen::FollowThrough(view) = &h.app.screen else {
            panic!("follow-through")
        };
        assert_eq!(view.within, 30);
        assert_eq!(view.items.len(), 4);

        // Check in: the first overdue item is done.
        h.keys("s3<tab>Anna<tab>Home by seven every night<enter>");
        assert!(
            h.app
                .status
                .as_ref()
                .is_some_and(|s| s.text.contains("Checked in: done")),
            "{:?}",
            h.app.status
        );
        let Screen::FollowThrough(view) = &h.app.screen else {
            panic!("follow-through")
        };
        assert_eq!(view.items.len(), 3, "done items leave the list");
        let file =
            std::fs::read_to_string(h.runtime.store().dir().join("p3f8h2kd.ron")).expect("read");
        assert!(file.contains("note: \"Home by seven every night\""));
        let session = convene::store::load_path(&h.runtime.store().dir().join("p3f8h2kd.ron"))
            .expect("loads")
            .session;
        assert_eq!(
            session
                .records
                .iter()
                .filter(|r| r.body.status() == Some(Status::Done))
                .count(),
            1
        );
        h.keys("q");
        assert!(matches!(h.app.screen, Screen::Dashboard));
    }

    #[test]
    fn the_lens_reads_a_check_in_made_in_place() {
        let mut h = Harness::with_examples();
        h.keys("fs<tab>Gran<tab>The placement is going well.<enter>");
        let Screen::FollowThrough(view) = &h.app.screen else {
            panic!("follow-through")
        };
        let form = view.form.as_ref().expect("the form stays open");
        assert!(form.suggestion.is_some(), "the lens offers");
        assert!(
            h.screen(80, 24).contains("The home is going well."),
            "the sentence as it would read"
        );
        h.keys("y");
        let file =
            std::fs::read_to_string(h.runtime.store().dir().join("p3f8h2kd.ron")).expect("read");
        assert!(file.contains("note: \"The home is going well.\""), "{file}");
    }

    #[test]
    fn a_session_open_in_another_window_is_left_to_it() {
        let mut h = Harness::with_examples();
        let path = h.runtime.store().dir().join("p3f8h2kd.ron");
        let _held = convene::store::try_lock(&path)
            .expect("lock")
            .expect("free");
        h.keys("fs3<enter>");
        assert!(
            h.app
                .status
                .as_ref()
                .is_some_and(|s| s.problem && s.text.contains("open in another convene window"))
        );
    }

    #[test]
    fn r_shows_the_report_with_charts() {
        let mut h = Harness::with_examples();
        h.keys("r");
        let Screen::Report(view) = &h.app.screen else {
            panic!("report")
        };
        let figures = view.figures.as_ref().expect("figures");
        assert_eq!(figures.conferences.count, 1);
        assert_eq!(figures.workshops.agreements, 6);
        insta::assert_snapshot!("report_80x24", h.screen(80, 24));
        insta::assert_snapshot!("report_40x12", h.screen(40, 12));
        h.keys("q");
        assert!(matches!(h.app.screen, Screen::Dashboard));
    }

    /// With no workshops, the conferences take the width and the workshops a line.
    #[test]
    fn a_report_with_one_kind_gives_it_the_width() {
        let mut h = Harness::new();
        std::fs::copy(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/p3f8h2kd.ron"),
            h.runtime.store().dir().join("p3f8h2kd.ron"),
        )
        .expect("copy");
        h.relist();
        h.keys("r");
        h.settle();
        let screen = h.screen(80, 24);
        assert!(screen.contains("Workshops: 0  no workshop"), "{screen}");
        assert!(!screen.contains("Workshops: 0 ─"), "{screen}");
        assert!(
            screen.contains("Decisions: 1 agreed, 0 with changes, 0 not agreed, 0 to come"),
            "one line at full width: {screen}"
        );
        insta::assert_snapshot!("report_conferences_only_80x24", screen);
        insta::assert_snapshot!("report_conferences_only_120x40", h.screen(120, 40));
    }
}

#[test]
fn workshop_agreements_are_counted_by_the_sectors_they_are_tagged_with() {
    let mut s = workshop(
        "w1",
        &[
            ("Priya", Some(date!(2026 - 12 - 01)), Status::NotStarted),
            ("Tom", Some(date!(2026 - 12 - 20)), Status::Done),
        ],
    );
    for (i, sectors) in [vec!["housing", "Health"], vec!["health"]]
        .into_iter()
        .enumerate()
    {
        if let RecordBody::Agreement(a) = &mut s.records[i].body {
            a.tags.sectors = sectors.into_iter().map(str::to_owned).collect();
        }
    }
    let f = compute(&[s], vec![], &Frameworks::embedded(), TODAY, None);
    let rows: Vec<(&str, usize, usize, usize)> = f
        .workshops
        .by_sector
        .iter()
        .map(|r| (r.owner.as_str(), r.made, r.done, r.overdue))
        .collect();
    assert_eq!(rows, [("health", 2, 1, 1), ("housing", 1, 0, 1)]);
    assert!(convene::report::markdown(&f).contains("| health | 2 | 1 | 1 |"));
    assert!(convene::report::csv(&f, false).contains("sector,health made,2"));
}
