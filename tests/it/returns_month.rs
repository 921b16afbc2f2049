//! A period's returns (`report --from --until [--by coordinator]`) over a small caseload whose figures are worked out by hand here.

use crate::cli::{convene, stderr, stdout};
use convene::model::timefmt::parse_date;
use convene::model::{Closure, ClosureReason, Conference, Coordinator, Rating, Session, SessionId};
use std::path::Path;

fn day(text: &str) -> time::Date {
    parse_date(text).expect("a date")
}

struct Case {
    id: &'static str,
    coordinator: &'static str,
    referral: Option<&'static str>,
    conference: Option<&'static str>,
    review: Option<&'static str>,
    ratings: &'static [&'static str],
    closed: Option<(&'static str, ClosureReason)>,
}

fn write(dir: &Path, case: Case) {
    let made = day("2026-01-05").midnight().assume_utc();
    let id = SessionId::parse(case.id).expect("an id");
    let mut s = Session::new(id, case.id, "family-group-conference", "planning", made);
    s.conference = Some(Conference {
        child: "J.".into(),
        referral_date: case.referral.map(day),
        date: case.conference.map(day),
        review_date: case.review.map(day),
        ratings: case
            .ratings
            .iter()
            .map(|d| Rating {
                date: day(d),
                family: Some(7),
                professionals: Some(6),
                due: None,
                child_lives: None,
            })
            .collect(),
        closed: case.closed.map(|(d, reason)| Closure {
            date: day(d),
            reason,
        }),
        coordinator: Coordinator {
            name: case.coordinator.into(),
            ..Coordinator::default()
        },
        ..Conference::default()
    });
    convene::store::Store::at(dir).create(&s).expect("written");
}

/// November 2026. By hand:
/// - referrals (referral date in November): b, c, e = 3;
/// - conferences held (conference date in November, not closed before it): a (10-20 to
///   11-04, 15 days), b (11-02 to 11-20, 18 days), f (10-31 to 11-01, 1 day) = 3, median 15,
///   from 1 to 18; e's day (11-30) came after it closed (11-25), c's is in December;
/// - reviews due (review date in November): b (11-30), d (11-15) = 2; reviews held (a
///   review dated in November): b, d = 2 (a's October review is not);
/// - closures (closing date in November): d plan working, e withdrew = 2.
fn caseload(dir: &Path) {
    let cases = [
        Case {
            id: "case-a",
            coordinator: "Priya Shah",
            referral: Some("2026-10-20"),
            conference: Some("2026-11-04"),
            review: Some("2027-02-01"),
            ratings: &["2026-10-15"],
            closed: None,
        },
        Case {
            id: "case-b",
            coordinator: "Priya Shah",
            referral: Some("2026-11-02"),
            conference: Some("2026-11-20"),
            review: Some("2026-11-30"),
            ratings: &["2026-11-30"],
            closed: None,
        },
        Case {
            id: "case-c",
            coordinator: "Sam Okafor",
            referral: Some("2026-11-10"),
            conference: Some("2026-12-01"),
            review: None,
            ratings: &[],
            closed: None,
        },
        Case {
            id: "case-d",
            coordinator: "Sam Okafor",
            referral: Some("2026-09-01"),
            conference: Some("2026-10-01"),
            review: Some("2026-11-15"),
            ratings: &["2026-11-15"],
            closed: Some(("2026-11-16", ClosureReason::PlanWorking)),
        },
        Case {
            id: "case-e",
            coordinator: "",
            referral: Some("2026-11-01"),
            conference: Some("2026-11-30"),
            review: None,
            ratings: &[],
            closed: Some(("2026-11-25", ClosureReason::FamilyWithdrew)),
        },
        Case {
            id: "case-f",
            coordinator: "  sam okafor ",
            referral: Some("2026-10-31"),
            conference: Some("2026-11-01"),
            review: None,
            ratings: &[],
            closed: None,
        },
    ];
    for case in cases {
        write(dir, case);
    }
    // A workshop is no conference: never counted.
    let out = convene(dir, &["new", "ai", "Harbour day"]);
    assert!(out.status.success());
}

const NOVEMBER: [&str; 4] = ["--from", "2026-11-01", "--until", "2026-11-30"];

fn json(dir: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["report"];
    args.extend(NOVEMBER);
    args.extend(["--format", "json"]);
    args.extend(extra);
    let out = convene(dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("JSON")
}

#[test]
fn a_month_s_returns_count_each_conference_by_the_date_that_matters() {
    let dir = tempfile::tempdir().expect("temp dir");
    caseload(dir.path());
    let r = json(dir.path(), &[]);
    assert_eq!(r["from"], "2026-11-01");
    assert_eq!(r["until"], "2026-11-30");
    let lines = r["lines"].as_array().expect("lines");
    assert_eq!(lines.len(), 1, "{r}");
    let all = &lines[0];
    assert_eq!(all["coordinator"], serde_json::Value::Null);
    assert_eq!(all["referrals"], 3);
    assert_eq!(all["conferences"], 3);
    assert_eq!(all["days_to_conference"]["count"], 3);
    assert_eq!(all["days_to_conference"]["median"], 15.0);
    assert_eq!(all["days_to_conference"]["shortest"], 1);
    assert_eq!(all["days_to_conference"]["longest"], 18);
    assert_eq!(all["reviews_due"], 2);
    assert_eq!(all["reviews_held"], 2);
    assert_eq!(all["closures"], 2);
    let reasons = all["closures_by_reason"].as_array().expect("reasons");
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(reasons.iter().all(|r| r["count"] == 1), "{reasons:?}");

    let mut md = vec!["report"];
    md.extend(NOVEMBER);
    let text = stdout(&convene(dir.path(), &md));
    for line in [
        "# Returns, 2026-11-01 to 2026-11-30",
        "Referrals received (by referral date): 3",
        "Conferences held (by conference date): 3",
        "Days from referral to conference: median 15, from 1 to 18 (3 conferences)",
        "Reviews due (by review date): 2; reviews held: 2",
        "Closures (by closing date): 2",
        "the family withdrew: 1",
    ] {
        assert!(text.contains(line), "{line}: {text}");
    }

    let mut csv = md.clone();
    csv.extend(["--format", "csv", "--no-bom"]);
    let text = stdout(&convene(dir.path(), &csv));
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(
        rows[0].starts_with("from,until,coordinator,referrals,conferences_held,"),
        "{text}"
    );
    assert!(
        rows[1].starts_with("2026-11-01,2026-11-30,,3,3,15,1,18,2,2,2,"),
        "{text}"
    );
}

#[test]
fn the_returns_by_coordinator_give_each_coordinator_their_own_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    caseload(dir.path());
    let r = json(dir.path(), &["--by", "coordinator"]);
    let lines = r["lines"].as_array().expect("lines");
    let whose: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l["coordinator"].as_str().expect("a name"))
        .collect();
    assert_eq!(
        whose,
        ["no coordinator recorded", "Priya Shah", "Sam Okafor"]
    );
    let (none, priya, sam) = (&lines[1], &lines[2], &lines[3]);
    // e: referred in November, closed (withdrew) before its day.
    assert_eq!(none["referrals"], 1);
    assert_eq!(none["conferences"], 0);
    assert_eq!(none["days_to_conference"], serde_json::Value::Null);
    assert_eq!(none["closures"], 1);
    // a and b: b referred; both held (15 and 18 days); b's review.
    assert_eq!(priya["referrals"], 1);
    assert_eq!(priya["conferences"], 2);
    assert_eq!(priya["days_to_conference"]["median"], 16.5);
    assert_eq!(priya["days_to_conference"]["shortest"], 15);
    assert_eq!(priya["days_to_conference"]["longest"], 18);
    assert_eq!(priya["reviews_due"], 1);
    assert_eq!(priya["reviews_held"], 1);
    assert_eq!(priya["closures"], 0);
    // c, d and f (written "  sam okafor "): c referred; f held (1 day); d's review and closure.
    assert_eq!(sam["referrals"], 1);
    assert_eq!(sam["conferences"], 1);
    assert_eq!(sam["days_to_conference"]["median"], 1.0);
    assert_eq!(sam["reviews_due"], 1);
    assert_eq!(sam["reviews_held"], 1);
    assert_eq!(sam["closures"], 1);
}

#[test]
fn a_period_needs_both_ends_as_dates_and_since_still_means_when_the_file_was_started() {
    let dir = tempfile::tempdir().expect("temp dir");
    caseload(dir.path());
    for args in [
        &["report", "--from", "2026-11-01"][..],
        &["report", "--from", "2026-11-01", "--until", "2026-11-31"],
        &["report", "--from", "2026-12-01", "--until", "2026-11-01"],
        &[
            "report",
            "--since",
            "2026-11-01",
            "--from",
            "2026-11-01",
            "--until",
            "2026-11-30",
        ],
        &["report", "--by", "coordinator"],
    ] {
        let out = convene(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
    }
    // The caseload's files were all started in January 2026; the workshop today.
    let out = convene(
        dir.path(),
        &["report", "--since", "2026-02-01", "--format", "json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let figures: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(figures["conferences"]["count"], 0, "{figures}");
}
