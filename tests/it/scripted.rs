//! Scriptable entry: `convene set` and `convene add`, each through the one locked, atomic write.

use crate::cli::{convene, stderr, stdout};
use std::path::Path;

/// A new session of `framework` in `dir`, and its id.
pub fn new_session(dir: &Path, framework: &str, title: &str) -> String {
    let before: Vec<_> = ron_files(dir);
    let out = convene(dir, &["new", framework, title]);
    assert!(out.status.success(), "{}", stderr(&out));
    let made: Vec<String> = ron_files(dir)
        .into_iter()
        .filter(|f| !before.contains(f))
        .collect();
    assert_eq!(made.len(), 1, "{made:?}");
    made[0].trim_end_matches(".ron").to_owned()
}

fn ron_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("the folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".ron"))
        .collect()
}

/// Runs convene and insists it succeeded.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = convene(dir, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

fn session(dir: &Path, id: &str) -> convene::model::Session {
    let id = convene::model::SessionId::parse(id).expect("an id");
    convene::store::Store::at(dir)
        .load(&id)
        .expect("it reads")
        .session
}

fn file(dir: &Path, id: &str) -> String {
    std::fs::read_to_string(dir.join(format!("{id}.ron"))).expect("its file")
}

#[test]
fn set_writes_a_conference_s_key_facts_and_a_title() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = new_session(dir.path(), "fgc", "Conference for J.");
    for (field, value) in [
        ("child", "J."),
        ("referral-date", "2026-11-03"),
        ("referrer", "Ms Okafor"),
        ("date", "2026-11-24"),
        ("time", "10:00"),
        ("venue", "Harbour Family Centre"),
        ("coordinator", "Priya Shah"),
        ("coordinator-phone", "07700 900123"),
        ("coordinator-email", "priya@example.org"),
        ("review-date", "2027-02-16"),
        ("title", "The J. family"),
    ] {
        ok(dir.path(), &["set", &id, field, value]);
    }
    let s = session(dir.path(), &id);
    assert_eq!(s.title, "The J. family");
    let c = s.conference.expect("the facts");
    let date = |t: &str| convene::model::timefmt::parse_date(t);
    assert_eq!(c.child, "J.");
    assert_eq!(c.referral_date, date("2026-11-03"));
    assert_eq!(c.referrer, "Ms Okafor");
    assert_eq!(c.date, date("2026-11-24"));
    assert_eq!(c.time, "10:00");
    assert_eq!(c.venue, "Harbour Family Centre");
    assert_eq!(c.coordinator.name, "Priya Shah");
    assert_eq!(c.coordinator.phone, "07700 900123");
    assert_eq!(c.coordinator.email, "priya@example.org");
    assert_eq!(c.review_date, date("2027-02-16"));
    // An empty value clears a fact.
    ok(dir.path(), &["set", &id, "review-date", ""]);
    assert_eq!(
        session(dir.path(), &id)
            .conference
            .expect("facts")
            .review_date,
        None
    );
}

#[test]
fn set_refuses_a_field_that_is_not_there_a_bad_date_and_a_session_open_in_a_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = new_session(dir.path(), "fgc", "Conference for J.");
    ok(dir.path(), &["set", &id, "child", "J."]);
    let before = file(dir.path(), &id);

    let out = convene(dir.path(), &["set", &id, "colour", "blue"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("referral-date"), "{}", stderr(&out));
    assert!(stderr(&out).contains("review-date"), "{}", stderr(&out));

    let out = convene(dir.path(), &["set", &id, "referral-date", "2026-13-03"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("YYYY-MM-DD"), "{}", stderr(&out));

    let workshop = new_session(dir.path(), "ai", "Harbour day");
    let out = convene(dir.path(), &["set", &workshop, "venue", "The hall"]);
    assert_eq!(out.status.code(), Some(2));

    let _window = convene::store::try_lock(&dir.path().join(format!("{id}.ron")))
        .expect("lock")
        .expect("free");
    let out = convene(dir.path(), &["set", &id, "venue", "The hall"]);
    assert_eq!(out.status.code(), Some(5));
    assert!(
        stderr(&out).contains("open in a convene window"),
        "{}",
        stderr(&out)
    );
    assert_eq!(file(dir.path(), &id), before);
}

#[test]
fn add_makes_each_kind_from_named_options_and_json_prints_the_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = new_session(dir.path(), "fgc", "Conference for J.");
    ok(
        dir.path(),
        &[
            "add",
            &id,
            "participant",
            "Sam",
            "--relationship",
            "aunt",
            "--role",
            "carer",
            "--side",
            "family",
            "--organisation",
            "none",
            "--phone",
            "07700 900456",
            "--email",
            "sam@example.org",
        ],
    );
    let json = ok(
        dir.path(),
        &[
            "add",
            &id,
            "plan-item",
            "--what",
            "Sam does the school run on Mondays",
            "--who",
            "Sam",
            "--by-when",
            "2027-01-15",
            "--support",
            "a bus pass",
            "--checked-by",
            "Nan",
            "--json",
        ],
    );
    let made: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(made["body"]["PlanItem"]["who"], "Sam");
    assert_eq!(made["body"]["PlanItem"]["by_when"], "2027-01-15");
    assert_eq!(made["body"]["PlanItem"]["checked_by"], "Nan");
    ok(
        dir.path(),
        &[
            "add",
            &id,
            "information",
            "School report",
            "--info-type",
            "strength",
        ],
    );
    ok(
        dir.path(),
        &[
            "add",
            &id,
            "question",
            "Where will J. live?",
            "--answer",
            "With Sam",
        ],
    );
    ok(dir.path(), &["add", &id, "note", "Nan will bring lunch"]);

    let s = session(dir.path(), &id);
    let shown: Vec<String> = s
        .records
        .iter()
        .map(|r| convene::cli::show_record(r, &s, s.created.date()))
        .collect();
    let all = shown.join("\n");
    for part in [
        "Sam",
        "relationship: aunt",
        "role: carer",
        "side: family",
        "phone: 07700 900456",
        "email: sam@example.org",
        "who: Sam",
        "due: 2027-01-15",
        "support from services: a bus pass",
        "checked by: Nan",
        "School report",
        "answer: With Sam",
        "Nan will bring lunch",
    ] {
        assert!(all.contains(part), "{part}: {all}");
    }
    assert_eq!(s.records.len(), 5);
}

#[test]
fn add_refuses_a_field_the_kind_has_not_a_bad_date_and_a_session_open_in_a_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = new_session(dir.path(), "fgc", "Conference for J.");
    let before = file(dir.path(), &id);

    let out = convene(
        dir.path(),
        &["add", &id, "plan-item", "School run", "--side", "family"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--checked-by"), "{}", stderr(&out));

    let out = convene(
        dir.path(),
        &[
            "add",
            &id,
            "plan-item",
            "School run",
            "--by-when",
            "2027-02-31",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("2027-02-31"), "{}", stderr(&out));

    let out = convene(
        dir.path(),
        &["add", &id, "participant", "Sam", "--side", "the moon"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(file(dir.path(), &id), before);

    let _window = convene::store::try_lock(&dir.path().join(format!("{id}.ron")))
        .expect("lock")
        .expect("free");
    let out = convene(dir.path(), &["add", &id, "note", "Nan will bring lunch"]);
    assert_eq!(out.status.code(), Some(5));
    assert!(
        stderr(&out).contains("open in a convene window"),
        "{}",
        stderr(&out)
    );
    assert_eq!(file(dir.path(), &id), before);
}

#[test]
fn list_coordinator_keeps_the_conferences_of_one_coordinator_the_settings_default_included() {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = tempfile::tempdir().expect("temp dir");
    let config = settings.path().join("config.ron");
    std::fs::write(&config, "(coordinator: (name: \"Ana Reyes\"))\n").expect("settings");
    let config = config.to_str().expect("a path");
    let out = convene(
        dir.path(),
        &["--config", config, "new", "fgc", "Conference for J."],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let anas = stdout(&out)
        .lines()
        .next()
        .expect("the id")
        .trim()
        .to_owned();
    let priyas = new_session(dir.path(), "fgc", "Conference for K.");
    ok(dir.path(), &["set", &priyas, "coordinator", "Priya Shah"]);
    new_session(dir.path(), "ai", "Harbour day");

    let mine = ok(dir.path(), &["list", "--coordinator", "ana reyes"]);
    assert!(mine.contains(&anas), "{mine}");
    assert!(!mine.contains(&priyas), "{mine}");
    assert!(!mine.contains("Harbour day"), "{mine}");

    let json = ok(
        dir.path(),
        &["list", "--coordinator", "Priya Shah", "--json"],
    );
    let listed: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let listed = listed.as_array().expect("an array");
    assert_eq!(listed.len(), 1, "{json}");
    assert_eq!(listed[0]["id"], priyas.as_str());
    assert_eq!(listed[0]["coordinator"], "Priya Shah");

    assert_eq!(
        ok(dir.path(), &["list", "--coordinator", "Nobody"]).trim(),
        ""
    );
}

#[test]
fn every_field_a_record_s_form_asks_for_is_an_option_of_add() {
    use convene::app::form::{Form, Name};
    let dir = tempfile::tempdir().expect("temp dir");
    let help = ok(dir.path(), &["add", "--help"]);
    for kind in convene::model::RecordKind::ALL {
        for workshop in [false, true] {
            for field in Form::new_in(kind, None, workshop).fields {
                if let Some(Name::Of(f)) = field.name {
                    let option = format!("--{}", f.column().replace('_', "-"));
                    assert!(help.contains(&option), "{kind:?}: {option}: {help}");
                }
            }
        }
    }
}

#[test]
fn add_outside_the_safe_network_marks_them_so_with_the_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = new_session(dir.path(), "fgc", "Conference for J.");
    ok(
        dir.path(),
        &[
            "add",
            &id,
            "participant",
            "Lee",
            "--relationship",
            "father",
            "--outside-safe-network",
            "a court order",
        ],
    );
    let s = session(dir.path(), &id);
    let lee = s.records[0].body.participant().expect("a participant");
    assert_eq!(lee.outside_safe_network.as_deref(), Some("a court order"));
    assert!(!lee.in_safe_network());
}

#[test]
fn the_dashboard_s_m_shows_only_my_conferences_and_a_search_finds_a_coordinator() {
    use convene::model::{Conference, Coordinator, Session, SessionId};
    let mut h = crate::harness::Harness::new();
    let made = h.app.local_now();
    for (id, title, coordinator) in [
        ("case-a", "Conference for J.", "Ana Reyes"),
        ("case-b", "Conference for K.", "Priya Shah"),
        ("case-c", "Conference for L.", " ana reyes "),
    ] {
        let mut s = Session::new(
            SessionId::parse(id).expect("an id"),
            title,
            "family-group-conference",
            "planning",
            made,
        );
        s.conference = Some(Conference {
            coordinator: Coordinator {
                name: coordinator.into(),
                ..Coordinator::default()
            },
            ..Conference::default()
        });
        h.runtime.store().create(&s).expect("written");
    }
    h.relist();
    let titles = |h: &crate::harness::Harness| -> Vec<String> {
        let mut t: Vec<String> = h
            .app
            .dashboard
            .visible()
            .iter()
            .map(|e| e.title.clone())
            .collect();
        t.sort();
        t
    };
    assert_eq!(titles(&h).len(), 3);
    // No name in the settings: nothing is hidden, and the screen says how to set it.
    h.keys("m");
    assert_eq!(titles(&h).len(), 3);
    assert!(
        h.screen(120, 24).contains("settings"),
        "{}",
        h.screen(120, 24)
    );

    h.app.coordinator.name = "Ana Reyes".into();
    h.keys("m");
    assert_eq!(titles(&h), ["Conference for J.", "Conference for L."]);
    h.keys("m");
    assert_eq!(titles(&h).len(), 3);

    h.keys("/priya<enter>");
    assert_eq!(titles(&h), ["Conference for K."]);
}
