//! The sessions folder: round trips, atomic saves, corrupt files, newer formats, modes.

use convene::model::*;
use convene::store::{Fault, Store, StoreError, backup_path, from_text, to_text};
use proptest::prelude::*;
use std::fs;
use time::macros::{date, datetime};

/// A small AI session with a linked strength, dream and agreement.
pub fn sample(id: &str) -> Session {
    let now = datetime!(2026-11-25 09:00 UTC);
    let mut s = Session::new(
        SessionId::parse(id).expect("valid id"),
        "Harbour partnership day",
        "appreciative-inquiry",
        "define",
        now,
    );
    let strength = s.add(
        "discovery",
        RecordBody::Strength(Strength {
            text: "Youth workers know every child by name".into(),
            kind: StrengthKind::People,
            theme: Some("Relationships".into()),
            tags: Tags::default(),
        }),
        now,
    );
    let dream = s.add(
        "dream",
        RecordBody::Dream(Dream {
            text: "Every young person has a trusted adult".into(),
            builds_on: vec![strength],
            ..Dream::default()
        }),
        now,
    );
    s.add(
        "destiny",
        RecordBody::Agreement(Agreement {
            action: "Start a weekly huddle".into(),
            owner: "Priya (youth service)".into(),
            due: Some(date!(2026 - 12 - 18)),
            status: Status::InProgress,
            serves: vec![dream],
            ..Agreement::default()
        }),
        now,
    );
    s.move_to_stage("discovery", datetime!(2026-11-25 09:30 UTC));
    s
}

fn folder() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path().join("sessions")).expect("open store");
    (dir, store)
}

#[test]
fn a_saved_session_loads_back_the_same() {
    let (_dir, store) = folder();
    let session = sample("harbour1");
    let created = store.create(&session).expect("create");
    let loaded = store.load(&session.id).expect("load");
    assert_eq!(loaded.session, session);
    assert_eq!(loaded.fingerprint, created.fingerprint);
    assert_eq!(loaded.read_only, None);
}

#[test]
fn creating_over_an_existing_file_is_refused() {
    let (_dir, store) = folder();
    let session = sample("harbour1");
    store.create(&session).expect("create");
    assert!(matches!(store.create(&session), Err(StoreError::Exists(_))));
}

#[test]
fn a_save_keeps_the_previous_version_as_bak() {
    let (_dir, store) = folder();
    let mut session = sample("harbour1");
    let first = store.create(&session).expect("create");
    let before = fs::read(&first.path).expect("read");
    session.title = "Harbour partnership day (afternoon)".into();
    store
        .save(&first.path, &session, first.fingerprint)
        .expect("save");
    assert_eq!(fs::read(backup_path(&first.path)).expect("backup"), before);
    assert_eq!(
        store.load(&session.id).expect("load").session.title,
        session.title
    );
}

#[test]
fn a_file_changed_by_another_program_is_never_overwritten_even_at_the_same_size() {
    let (_dir, store) = folder();
    let mut session = sample("harbour1");
    let first = store.create(&session).expect("create");
    let theirs = to_text(&sample("harbour1"))
        .expect("text")
        .replace("Harbour", "Hxrbour");
    assert_eq!(theirs.len(), fs::read(&first.path).expect("read").len());
    fs::write(&first.path, &theirs).expect("their edit");
    session.title = "Mine".into();
    let err = store
        .save(&first.path, &session, first.fingerprint)
        .expect_err("conflict");
    assert!(matches!(err, StoreError::Changed(_)), "{err}");
    assert_eq!(fs::read_to_string(&first.path).expect("read"), theirs);
}

#[test]
fn a_file_touched_without_changing_its_words_is_still_saved_over() {
    let (_dir, store) = folder();
    let mut session = sample("harbour1");
    let first = store.create(&session).expect("create");
    let same = fs::read(&first.path).expect("read");
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&first.path, &same).expect("a sync tool rewrites the same bytes");
    session.title = "Mine".into();
    store
        .save(&first.path, &session, first.fingerprint)
        .expect("the words are the same, so this is no conflict");
    assert_eq!(store.load(&session.id).expect("load").session.title, "Mine");
}

#[test]
fn every_failed_write_leaves_the_previous_file_intact_and_a_later_save_succeeds() {
    for fault in [
        Fault::DiskFull,
        Fault::PermissionDenied,
        Fault::RenameFails,
        Fault::ShortWrite,
    ] {
        let (_dir, mut store) = folder();
        let mut session = sample("harbour1");
        let first = store.create(&session).expect("create");
        let before = fs::read(&first.path).expect("read");
        store.set_fault(Some(fault));
        session.title = "Changed".into();
        let err = store
            .save(&first.path, &session, first.fingerprint)
            .expect_err("fails");
        assert!(matches!(err, StoreError::Io { .. }), "{fault:?}: {err}");
        assert_eq!(fs::read(&first.path).expect("read"), before, "{fault:?}");
        let leftovers: Vec<_> = fs::read_dir(store.dir())
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{fault:?}: {leftovers:?}");
        store.set_fault(None);
        store
            .save(&first.path, &session, first.fingerprint)
            .expect("later save");
        assert_eq!(
            store.load(&session.id).expect("load").session.title,
            "Changed"
        );
    }
}

#[cfg(unix)]
#[test]
fn files_are_private_to_the_user() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = folder();
    let session = sample("harbour1");
    let first = store.create(&session).expect("create");
    store
        .save(&first.path, &session, first.fingerprint)
        .expect("save");
    let mode = |p: &std::path::Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(store.dir()), 0o700);
    assert_eq!(mode(&first.path), 0o600);
    assert_eq!(mode(&backup_path(&first.path)), 0o600);
}

#[test]
fn corrupt_files_name_line_and_column_and_are_left_byte_for_byte() {
    let (_dir, store) = folder();
    let good = to_text(&sample("harbour1")).expect("text");
    let cases = [
        ("truncated", good[..good.len() / 2].to_owned()),
        ("wrong type", good.replace("format: 3", "format: \"one\"")),
        (
            "garbage",
            "\u{1b}]0;owned\u{7} not a session at all".to_owned(),
        ),
        (
            "wrong field type",
            good.replace("next_record: 4", "next_record: -4"),
        ),
    ];
    let fingerprint = store.create(&sample("other1")).expect("other").fingerprint;
    for (what, text) in cases {
        let path = store.dir().join("harbour1.ron");
        fs::write(&path, &text).expect("write");
        let err = store
            .load(&SessionId::parse("harbour1").expect("id"))
            .expect_err(what);
        let StoreError::Parse { line, col, .. } = &err else {
            panic!("{what}: expected a parse error, got {err}");
        };
        assert!(*line >= 1 && *col >= 1, "{what}");
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("{}:{line}:{col}: ", path.display())),
            "{what}: {message}"
        );
        // Saving over it is refused: nothing that was not loaded can be overwritten.
        let mut session = sample("harbour1");
        session.title = "Over it".into();
        assert!(store.save(&path, &session, fingerprint).is_err(), "{what}");
        assert_eq!(fs::read_to_string(&path).expect("read"), text, "{what}");
    }
}

#[test]
fn a_wrong_type_error_points_at_the_line_that_holds_it() {
    let good = to_text(&sample("harbour1")).expect("text");
    let line = 1 + good
        .lines()
        .position(|l| l.contains("next_record"))
        .expect("has the field");
    let bad = good.replace("next_record: 4", "next_record: \"four\"");
    let Err(StoreError::Parse { line: found, .. }) = from_text(&bad) else {
        panic!("expected a parse error");
    };
    assert_eq!(found, line);
}

#[test]
fn a_newer_format_is_opened_read_only_and_refused_for_writing() {
    let (_dir, store) = folder();
    let path = store.dir().join("harbour1.ron");
    let text = to_text(&sample("harbour1"))
        .expect("text")
        .replace("format: 3", "format: 99");
    fs::write(&path, &text).expect("write");
    let loaded = store
        .load(&SessionId::parse("harbour1").expect("id"))
        .expect("readable");
    let reason = loaded.read_only.expect("read-only");
    assert!(reason.contains("newer convene"), "{reason}");
    let err = store
        .save(&loaded.path, &loaded.session, loaded.fingerprint)
        .expect_err("refused");
    assert!(
        matches!(err, StoreError::NewerFormat { found: 99, .. }),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), text);
}

#[test]
fn a_format_1_file_reads_as_it_was_and_is_saved_as_the_current_format() {
    // Format 1, as a build before the day's plan wrote it: the example workshop's start.
    let v1 = r#"#![enable(unwrap_variant_newtypes)]
(
  format: 1,
  id: "harbour1",
  title: "Harbourside day",
  framework: "appreciative-inquiry",
  created: "2026-11-12T09:30:00Z",
  updated: "2026-11-12T09:42:00Z",
  stage: "discovery",
  history: [(stage: "define", started: "2026-11-12T09:30:00Z", ended: Some("2026-11-12T10:00:00Z"))],
  next_record: 2,
  records: [
    (
      id: 1,
      stage: "discovery",
      created: "2026-11-12T10:08:00Z",
      body: Strength(text: "Youth workers know every child by name", kind: People, theme: Some("Relationships")),
    ),
  ],
)
"#;
    let (_dir, store) = folder();
    let path = store.dir().join("harbour1.ron");
    fs::write(&path, v1).expect("write");
    let loaded = store
        .load(&SessionId::parse("harbour1").expect("id"))
        .expect("readable");
    assert!(
        loaded.read_only.is_none(),
        "a format 1 file is changed as usual"
    );
    assert_eq!(loaded.session.records.len(), 1);
    assert_eq!(
        loaded.session.records[0].body.text(),
        "Youth workers know every child by name"
    );
    store
        .save(&loaded.path, &loaded.session, loaded.fingerprint)
        .expect("saved");
    let saved = fs::read_to_string(&path).expect("read");
    // A build of format 1 opens it read-only now, rather than dropping what it cannot hold.
    assert!(saved.contains("format: 3,"), "{saved}");
}

#[test]
fn a_format_2_file_reads_as_it_was_and_is_saved_as_format_3() {
    // Format 2, as a build before who to call wrote it: a conference's start, with a
    // participant, the key facts and a review.
    let v2 = r#"#![enable(unwrap_variant_newtypes)]
(
  format: 2,
  id: "kai2fgcx",
  title: "Conference for Kai",
  framework: "family-group-conference",
  created: "2026-10-05T09:00:00Z",
  updated: "2026-10-05T09:20:00Z",
  stage: "planning",
  history: [(stage: "planning", started: "2026-10-05T09:00:00Z", ended: None, paused: [])],
  next_record: 2,
  records: [
    (
      id: 1,
      stage: "planning",
      created: "2026-10-05T09:10:00Z",
      body: Participant(
        name: "Rosa",
        relationship: "aunt",
        side: Family,
        role: "family member",
        invitation: Invited,
        needs: (interpreter: Some("Spanish"), access: None, childcare: None, safety: None, arranged: false),
        closeness: Some(Close),
      ),
    ),
  ],
  conference: Some(
    child: "Kai",
    referrer: "Sam Okafor",
    reasons: "Kai's school attendance",
    bottom_lines: "",
    date: Some("2026-11-20"),
    time: "10:00",
    venue: "Family centre",
    child_voice: "",
    contingency: "",
    decision: None,
    decision_reasons: "",
    review_date: None,
  ),
)
"#;
    let (_dir, store) = folder();
    let path = store.dir().join("kai2fgcx.ron");
    fs::write(&path, v2).expect("write");
    let loaded = store
        .load(&SessionId::parse("kai2fgcx").expect("id"))
        .expect("readable");
    assert!(
        loaded.read_only.is_none(),
        "a format 2 file is changed as usual"
    );
    let RecordBody::Participant(rosa) = &loaded.session.records[0].body else {
        panic!("a participant");
    };
    assert_eq!(rosa.needs.interpreter.as_deref(), Some("Spanish"));
    assert!(rosa.phone.is_empty() && rosa.email.is_empty() && !rosa.may_call);
    let conference = loaded.session.conference.as_ref().expect("key facts");
    assert_eq!(conference.venue, "Family centre");
    assert!(conference.coordinator.is_empty());
    store
        .save(&loaded.path, &loaded.session, loaded.fingerprint)
        .expect("saved");
    let saved = fs::read_to_string(&path).expect("read");
    // A build of format 2 opens it read-only now, rather than dropping who to call.
    assert!(saved.contains("format: 3,"), "{saved}");
    // Nothing was written that is not there: no empty phone, email or coordinator.
    for absent in ["phone", "email", "may_call", "coordinator"] {
        assert!(!saved.contains(absent), "{absent}: {saved}");
    }
}

#[test]
fn who_to_call_round_trips_through_the_file() {
    let mut session = sample("contact1");
    session.conference = Some(Conference {
        child: "Kai".into(),
        coordinator: Coordinator {
            name: "Ana Reyes".into(),
            phone: "01632 960 123".into(),
            email: "ana.reyes@example.org".into(),
        },
        ..Conference::default()
    });
    session.add(
        "planning",
        RecordBody::Participant(Participant {
            name: "Rosa".into(),
            relationship: "aunt".into(),
            phone: "07700 900 456".into(),
            email: "rosa@example.org".into(),
            may_call: true,
            ..Participant::default()
        }),
        session.created,
    );
    let text = to_text(&session).expect("text");
    assert!(text.contains("format: 3,"), "{text}");
    for kept in [
        "Ana Reyes",
        "01632 960 123",
        "ana.reyes@example.org",
        "07700 900 456",
        "rosa@example.org",
        "may_call: true",
    ] {
        assert!(text.contains(kept), "{kept}: {text}");
    }
    assert_eq!(from_text(&text).expect("reads").0, session);
}

#[test]
fn a_format_older_than_any_written_is_explained() {
    let text = to_text(&sample("harbour1"))
        .expect("text")
        .replace("format: 3", "format: 0");
    let err = from_text(&text).expect_err("unknown");
    assert!(err.to_string().contains("format 0"), "{err}");
}

#[test]
fn the_listing_skips_backups_and_temp_files_and_names_unreadable_files() {
    let (_dir, store) = folder();
    let session = sample("harbour1");
    let first = store.create(&session).expect("create");
    store
        .save(&first.path, &session, first.fingerprint)
        .expect("save");
    fs::write(store.dir().join(".harbour1.ron.x1.tmp"), "partial").expect("write");
    fs::write(store.dir().join("broken.ron"), "(").expect("write");
    fs::write(store.dir().join("notes.txt"), "hello").expect("write");
    let listing = store.list().expect("list");
    let names: Vec<String> = listing
        .iter()
        .map(|l| {
            l.path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, ["broken.ron", "harbour1.ron"]);
    assert!(listing[0].session.is_err());
    assert!(listing[1].session.is_ok());
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ,.'-]{0,40}",
        any::<String>(),
        Just("quote \" backslash \\ newline \n tab \t".to_owned()),
    ]
}

fn ids() -> impl Strategy<Value = Vec<RecordId>> {
    prop::collection::vec((1u32..50).prop_map(RecordId), 0..4)
}

fn date() -> impl Strategy<Value = Option<time::Date>> {
    prop::option::of(
        (0i32..3650).prop_map(|d| date!(2024 - 01 - 01) + time::Duration::days(d.into())),
    )
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::NotStarted),
        Just(Status::InProgress),
        Just(Status::Done),
        Just(Status::Changed),
        Just(Status::Dropped),
    ]
}

fn tags() -> impl Strategy<Value = Tags> {
    (
        prop::collection::vec(text(), 0..3),
        prop::option::of(prop::sample::select(Level::ALL.to_vec())),
        prop::option::of(prop::sample::select(Voice::ALL.to_vec())),
    )
        .prop_map(|(sectors, level, voice)| Tags {
            sectors,
            level,
            voice,
        })
}

fn checkins() -> impl Strategy<Value = Vec<CheckIn>> {
    prop::collection::vec(
        (date(), status(), text(), text()).prop_map(|(date, status, by, note)| CheckIn {
            date: date.unwrap_or(date!(2026 - 12 - 01)),
            status,
            by,
            note,
        }),
        0..3,
    )
}

fn conference() -> impl Strategy<Value = Option<Conference>> {
    prop::option::of(
        (
            text(),
            date(),
            date(),
            prop::option::of(0u8..=10),
            any::<bool>(),
        )
            .prop_map(|(child, date, review_date, family, closed)| Conference {
                referral_date: date,
                referrer_role: Some("school".into()),
                reason_category: Some(child.clone()),
                child: child.clone(),
                date,
                review_date,
                decision: Some(Decision::AgreedWithChanges),
                ratings: vec![Rating {
                    date: date!(2027 - 01 - 15),
                    family,
                    professionals: Some(7),
                    due: review_date,
                    child_lives: Some(Home::WiderFamily),
                }],
                closed: closed.then(|| convene::model::Closure {
                    date: date!(2027 - 02 - 01),
                    reason: convene::model::ClosureReason::Other(child.clone()),
                }),
                ..Conference::default()
            }),
    )
}

fn body() -> impl Strategy<Value = RecordBody> {
    let kind = prop_oneof![
        Just(StrengthKind::Personal),
        Just(StrengthKind::Practical),
        Just(StrengthKind::People),
        Just(StrengthKind::Community),
    ];
    let side = prop_oneof![
        Just(Side::Family),
        Just(Side::Friend),
        Just(Side::Community),
        Just(Side::Professional),
    ];
    let invitation = prop_oneof![
        Just(Invitation::Identified),
        Just(Invitation::Invited),
        Just(Invitation::Confirmed),
        Just(Invitation::Declined),
        text().prop_map(Invitation::NotInvited),
    ];
    let info = prop_oneof![
        Just(InfoKind::Strength),
        Just(InfoKind::Worry),
        Just(InfoKind::BottomLine),
        Just(InfoKind::Resource),
    ];
    let id = prop::option::of((1u32..50).prop_map(RecordId));
    prop_oneof![
        (text(), kind, prop::option::of(text()), tags()).prop_map(|(text, kind, theme, tags)| {
            RecordBody::Strength(Strength {
                text,
                kind,
                theme,
                tags,
            })
        }),
        (
            text(),
            ids(),
            tags(),
            prop::option::of(text()),
            any::<u32>(),
        )
            .prop_map(|(text, builds_on, tags, theme, votes)| {
                RecordBody::Dream(Dream {
                    text,
                    builds_on,
                    tags,
                    theme,
                    votes,
                })
            }),
        (text(), ids(), any::<u32>()).prop_map(|(text, serves, votes)| {
            RecordBody::DesignStatement(DesignStatement {
                text,
                serves,
                votes,
            })
        }),
        (
            text(),
            text(),
            date(),
            status(),
            ids(),
            checkins(),
            ids(),
            tags()
        )
            .prop_map(
                |(action, owner, due, status, serves, checkins, goals, tags)| {
                    RecordBody::Agreement(Agreement {
                        action,
                        owner,
                        due,
                        status,
                        serves,
                        checkins,
                        goals,
                        tags,
                        carried_to: None,
                    })
                }
            ),
        text().prop_map(|text| RecordBody::ChangeGoal(ChangeGoal { text })),
        text().prop_map(|text| RecordBody::Topic(Topic { text })),
        (
            text(),
            text(),
            side,
            text(),
            invitation,
            prop::option::of(text()),
            (
                text(),
                prop::option::of(text()),
                prop::option::of(prop::sample::select(Closeness::ALL.to_vec())),
                prop::option::of(text())
            ),
            (text(), text(), any::<bool>())
        )
            .prop_map(
                |(
                    name,
                    relationship,
                    side,
                    role,
                    invitation,
                    interpreter,
                    (organisation, sector, closeness, outside_safe_network),
                    (phone, email, may_call),
                )| {
                    RecordBody::Participant(Participant {
                        name,
                        relationship,
                        side,
                        role,
                        invitation,
                        needs: Needs {
                            interpreter,
                            ..Needs::default()
                        },
                        organisation,
                        sector,
                        closeness,
                        outside_safe_network,
                        phone,
                        email,
                        may_call,
                    })
                }
            ),
        (text(), info, id.clone()).prop_map(|(text, kind, giver)| RecordBody::InformationItem(
            InformationItem { text, kind, giver }
        )),
        (text(), prop::option::of(text()), id).prop_map(|(text, answer, answered_by)| {
            RecordBody::Question(Question {
                text,
                answer,
                answered_by,
            })
        }),
        (text(), text(), date(), text(), text(), status(), checkins()).prop_map(
            |(text, who, by_when, support, checked_by, status, checkins)| {
                RecordBody::PlanItem(PlanItem {
                    text,
                    who,
                    by_when,
                    support,
                    checked_by,
                    status,
                    checkins,
                })
            }
        ),
        text().prop_map(|text| RecordBody::Note(Note { text })),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_kind_of_session_survives_save_and_load(
        title in text(),
        ai in any::<bool>(),
        bodies in prop::collection::vec((body(), 0i64..100_000), 0..12),
        moves in prop::collection::vec(0usize..5, 0..4),
        conference in conference(),
    ) {
        let (_dir, store) = folder();
        let stages = if ai {
            ["define", "discovery", "dream", "design", "destiny"]
        } else {
            ["planning", "information", "private-family-time", "agreement", "review"]
        };
        let start = datetime!(2026-11-25 09:00 UTC);
        let mut session = Session::new(
            SessionId::parse("prop1").expect("id"),
            title,
            if ai { "appreciative-inquiry" } else { "family-group-conference" },
            stages[0],
            start,
        );
        for (i, (body, secs)) in bodies.into_iter().enumerate() {
            session.add(stages[i % 5], body, start + time::Duration::seconds(secs));
        }
        session.conference = conference;
        for (i, stage) in moves.into_iter().enumerate() {
            session.move_to_stage(stages[stage], start + time::Duration::minutes(i as i64 + 1));
        }
        let created = store.create(&session).expect("create");
        let loaded = store.load(&session.id).expect("load");
        prop_assert_eq!(&loaded.session, &session);
        let saved = store.save(&loaded.path, &loaded.session, created.fingerprint).expect("save");
        prop_assert_eq!(saved, created.fingerprint);
    }
}

#[test]
fn a_large_session_reads_the_same_in_parts_and_errors_keep_their_place() {
    let session = convene::generate::workshop("large1", 1500, 9);
    let text = to_text(&session).expect("text");
    assert!(
        text.len() > 256 * 1024,
        "large enough to be read in parts: {}",
        text.len()
    );
    assert_eq!(from_text(&text).expect("reads").0, session);

    // Damage one record deep in the file: the error names that record's line.
    let line = 1 + text
        .lines()
        .position(|l| l.trim() == "id: 1200,")
        .expect("record 1200");
    let damaged = text.replacen("id: 1200,", "id: \"twelve hundred\",", 1);
    let Err(StoreError::Parse { line: found, .. }) = from_text(&damaged) else {
        panic!("expected a parse error");
    };
    assert_eq!(found, line);

    // A file laid out by hand (records on one line) still reads, the ordinary way.
    let compact = ron::to_string(&session).expect("ron");
    assert_eq!(from_text(&compact).expect("reads").0, session);
}

#[test]
fn the_summary_cache_follows_changes_and_survives_being_broken() {
    let (_dir, store) = folder();
    let mut session = sample("cache1");
    let first = store.create(&session).expect("create");
    let titles = |store: &Store| -> Vec<String> {
        store
            .summaries()
            .expect("summaries")
            .into_iter()
            .map(|(_, s)| s.map(|s| s.title).unwrap_or_else(|e| format!("error: {e}")))
            .collect()
    };
    assert_eq!(titles(&store), ["Harbour partnership day"]);
    assert!(store.dir().join(convene::store::CACHE_FILE).exists());
    // A save (new size or time) is seen.
    session.title = "Harbour partnership day, afternoon".into();
    store
        .save(&first.path, &session, first.fingerprint)
        .expect("save");
    assert_eq!(titles(&store), ["Harbour partnership day, afternoon"]);
    // A broken cache is rebuilt from the files.
    fs::write(store.dir().join(convene::store::CACHE_FILE), "(garbage").expect("write");
    assert_eq!(titles(&store), ["Harbour partnership day, afternoon"]);
    // A removed file leaves the listing; an unreadable one is named.
    fs::write(store.dir().join("broken.ron"), "(").expect("write");
    let listed = titles(&store);
    assert_eq!(listed.len(), 2);
    assert!(listed[0].starts_with("error: "), "{listed:?}");
    fs::remove_file(store.path_of(&session.id)).expect("remove");
    assert_eq!(titles(&store).len(), 1);
    // The cache is never mistaken for a session.
    assert!(
        !store
            .files()
            .expect("files")
            .iter()
            .any(|p| p.ends_with(convene::store::CACHE_FILE))
    );
}
