//! Every field of every record kind reaches every view: the TUI's detail, `show`,
//! Markdown, HTML, CSV and JSON, all read from the one description.

use convene::describe::{Field, Relation, describe};
use convene::export::{Format, Options, render};
use convene::framework::Frameworks;
use convene::model::{
    Agreement, ChangeGoal, CheckIn, Closeness, Conference, DesignStatement, Dream, InfoKind,
    InformationItem, Invitation, Level, Needs, Note, Participant, PlanItem, Question, Rating,
    RecordBody, Session, SessionId, Side, Status, Strength, StrengthKind, Tags, Topic, Voice,
};
use std::collections::HashSet;
use time::macros::date;

fn tags(n: u32) -> Tags {
    Tags {
        sectors: vec![format!("Sector{n}")],
        level: Some(Level::ALL[0]),
        voice: Some(Voice::YoungPerson),
    }
}

fn checkin(note: &str) -> CheckIn {
    CheckIn {
        date: date!(2027 - 01 - 20),
        status: Status::InProgress,
        by: "Checker Ines".into(),
        note: note.into(),
    }
}

/// A session holding one record of every kind with every field set, in the stage it is
/// captured in (stage names from both frameworks; views list unknown stages too).
fn everything() -> Session {
    let mut s = Session::new(
        SessionId::parse("every1").expect("id"),
        "Every field",
        "family-group-conference",
        "planning",
        crate::harness::START,
    );
    let now = crate::harness::START;
    let person = s.add(
        "planning",
        RecordBody::Participant(Participant {
            name: "Aunt Wanjiru".into(),
            relationship: "RelationAunt".into(),
            side: Side::Family,
            role: "RoleCarer".into(),
            invitation: Invitation::NotInvited("ReasonFamilyAsked".into()),
            needs: Needs {
                interpreter: Some("LanguageSomali".into()),
                access: Some("AccessRamp".into()),
                childcare: Some("ChildcareCreche".into()),
                safety: Some("SafetySeparateRooms".into()),
                arranged: false,
            },
            organisation: "OrgYouthService".into(),
            sector: Some("SectorHealth".into()),
            closeness: Some(Closeness::Close),
            outside_safe_network: Some("ReasonCourtOrder".into()),
            phone: "Phone07700900123".into(),
            email: "EmailWanjiru@example.org".into(),
            may_call: true,
        }),
        now,
    );
    let strength = s.add(
        "information",
        RecordBody::Strength(Strength {
            text: "StrengthWords".into(),
            kind: StrengthKind::Practical,
            theme: Some("ThemeTrust".into()),
            tags: tags(1),
        }),
        now,
    );
    s.add(
        "information",
        RecordBody::InformationItem(InformationItem {
            text: "InformationWords".into(),
            kind: InfoKind::Worry,
            giver: Some(person),
        }),
        now,
    );
    s.add(
        "information",
        RecordBody::Question(Question {
            text: "QuestionWords".into(),
            answer: Some("AnswerWords".into()),
            answered_by: Some(person),
        }),
        now,
    );
    s.record_mut(strength).expect("the strength").source = Some("SourceAnswersCsvRow2".into());
    let dream = s.add(
        "information",
        RecordBody::Dream(Dream {
            text: "DreamWords".into(),
            builds_on: vec![strength],
            tags: tags(2),
            theme: Some("ThemeDreamers".into()),
            votes: 7,
        }),
        now,
    );
    let statement = s.add(
        "information",
        RecordBody::DesignStatement(DesignStatement {
            text: "DesignWords".into(),
            serves: vec![dream],
            votes: 3,
        }),
        now,
    );
    s.add(
        "information",
        RecordBody::Topic(Topic {
            text: "TopicWords".into(),
        }),
        now,
    );
    let goal = s.add(
        "information",
        RecordBody::ChangeGoal(ChangeGoal {
            text: "GoalWords".into(),
        }),
        now,
    );
    s.add(
        "agreement",
        RecordBody::Agreement(Agreement {
            action: "AgreementWords".into(),
            owner: "OwnerPriya".into(),
            due: Some(date!(2027 - 01 - 29)),
            status: Status::InProgress,
            serves: vec![statement],
            checkins: vec![checkin("AgreementCheckinNote")],
            goals: vec![goal],
            tags: tags(3),
            carried_to: None,
        }),
        now,
    );
    s.add(
        "agreement",
        RecordBody::PlanItem(PlanItem {
            text: "PlanWords".into(),
            who: "WhoGran".into(),
            by_when: Some(date!(2027 - 02 - 12)),
            support: "SupportSchoolNurse".into(),
            checked_by: "CheckedBySocialWorker".into(),
            status: Status::NotStarted,
            checkins: vec![checkin("PlanCheckinNote")],
        }),
        now,
    );
    s.add(
        "information",
        RecordBody::Note(Note {
            text: "NoteWords".into(),
        }),
        now,
    );
    s.conference = Some(Conference {
        child: "ChildAmara".into(),
        contingency: "ContingencyWords".into(),
        ratings: vec![Rating {
            date: date!(2027 - 03 - 01),
            family: Some(7),
            professionals: Some(6),
            due: None,
            child_lives: None,
        }],
        closed: Some(convene::model::Closure {
            date: date!(2027 - 06 - 01),
            reason: convene::model::ClosureReason::Other("ClosureWords".into()),
        }),
        ..Conference::default()
    });
    s
}

/// Every value each record's description holds, and the conference's reviews and closure
/// (which the app's detail of one record does not show: `skip_session_level`).
fn expected(session: &Session) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut fields = HashSet::new();
    let mut relations = HashSet::new();
    for record in &session.records {
        let d = describe(record, session);
        let at = format!("{} {}", d.kind.label(), d.id);
        out.push((at.clone(), d.words.clone()));
        for (field, value) in &d.fields {
            fields.insert(*field);
            out.push((format!("{at} {}", field.label()), value.clone()));
        }
        for link in &d.links {
            relations.insert(link.relation);
            out.push((
                format!("{at} {}", link.relation.label()),
                link.id.to_string(),
            ));
        }
        for record_checkin in record.body.checkins() {
            out.push((format!("{at} check-in"), record_checkin.note.clone()));
        }
    }
    let missing: Vec<_> = Field::ALL.iter().filter(|f| !fields.contains(f)).collect();
    assert!(
        missing.is_empty(),
        "the sample sets every field: {missing:?}"
    );
    let missing: Vec<_> = Relation::ALL
        .iter()
        .filter(|r| !relations.contains(r))
        .collect();
    assert!(
        missing.is_empty(),
        "the sample sets every link: {missing:?}"
    );
    out.push(("rating".into(), "7/10".into()));
    out.push(("rating".into(), "6/10".into()));
    out.push(("closed".into(), "2027-06-01".into()));
    out.push(("closed".into(), "ClosureWords".into()));
    out
}

fn check(view: &str, text: &str, session: &Session, skip_session_level: bool) {
    let missing: Vec<String> = expected(session)
        .into_iter()
        .filter(|(what, _)| !(skip_session_level && matches!(what.as_str(), "rating" | "closed")))
        .filter(|(_, value)| !text.contains(value.as_str()))
        .map(|(what, value)| format!("{what}: {value:?}"))
        .collect();
    assert!(
        missing.is_empty(),
        "{view} is missing:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_field_of_every_record_kind_reaches_every_view() {
    let session = everything();
    let frameworks = Frameworks::embedded();
    let framework = frameworks.get(&session.framework);
    for format in [Format::Md, Format::Html, Format::Csv] {
        // A CSV holds phone numbers and emails only when asked for (see `csv_contacts`).
        let options = Options {
            with_contacts: format == Format::Csv,
            ..Options::default()
        };
        let text = render(&session, framework, format, options).expect("exported");
        check(&format!("{format:?}"), &text, &session, false);
    }
    // `convene show`, the real binary, on a folder holding the session.
    let dir = tempfile::tempdir().expect("temp dir");
    let store = convene::store::Store::open(dir.path()).expect("store");
    store.create(&session).expect("saved");
    let out = crate::harness::convene()
        .arg("--dir")
        .arg(dir.path())
        .args(["show", "every1"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    check(
        "show",
        &String::from_utf8_lossy(&out.stdout),
        &session,
        false,
    );
    let detail: String = session
        .records
        .iter()
        // The words are the line above the detail.
        .map(|r| {
            format!(
                "{}\n{}\n",
                r.body.text(),
                convene::ui::session::details(r, &session, true)
            )
        })
        .collect();
    check("the app's detail", &detail, &session, true);
    // JSON carries the file's own fields, so every typed value is there as it is stored
    // (labels such as "in progress" are the file's enum names there).
    let json = convene::cli::session_json(&session).expect("json");
    let typed: Vec<(String, String)> = expected(&session)
        .into_iter()
        .filter(|(_, v)| v.starts_with(|c: char| c.is_ascii_uppercase()) && !v.contains(' '))
        .collect();
    assert!(typed.len() > 25, "{typed:?}");
    for (what, value) in typed {
        assert!(json.contains(&value), "JSON is missing {what}: {value:?}");
    }
}

#[test]
fn a_reviewed_conference_shows_its_reviews_in_show_and_every_export() {
    let session = everything();
    let frameworks = Frameworks::embedded();
    let framework = frameworks.get(&session.framework);
    for format in [Format::Md, Format::Html, Format::Csv] {
        let text = render(&session, framework, format, Options::default()).expect("exported");
        for words in [
            "the family 7/10",
            "the professionals 6/10",
            "AgreementCheckinNote",
        ] {
            assert!(text.contains(words), "{format:?}: {words}");
        }
    }
}

#[test]
fn the_lens_reads_every_written_field_check_in_and_conference_section() {
    let session = everything();
    let read: Vec<String> = convene::describe::written(&session)
        .into_iter()
        .map(|w| w.text)
        .collect();
    let reads = |value: &str| read.iter().any(|text| text.contains(value));
    let mut written_fields = HashSet::new();
    for record in &session.records {
        let d = describe(record, &session);
        assert!(reads(&d.words), "{}", d.words);
        for (field, value) in d.fields.iter().filter(|(f, _)| f.is_written()) {
            written_fields.insert(*field);
            assert!(reads(value), "{field:?}: {value}");
        }
        for c in record.body.checkins() {
            assert!(reads(&c.note), "{}", c.note);
        }
    }
    let every_written = Field::ALL.iter().filter(|f| f.is_written()).count();
    assert_eq!(written_fields.len(), every_written);
    for value in ["ChildAmara", "ContingencyWords", "Every field"] {
        assert!(reads(value), "{value}");
    }
}

#[test]
fn a_csv_has_contact_columns_only_when_asked_for() {
    let mut session = everything();
    if let Some(c) = session.conference.as_mut() {
        c.coordinator = convene::model::Coordinator {
            name: "CoordinatorAna".into(),
            phone: "CoordPhone01632".into(),
            email: "coord@example.org".into(),
        };
    }
    let frameworks = Frameworks::embedded();
    let framework = frameworks.get(&session.framework);
    let csv = |with_contacts| {
        let options = Options {
            with_contacts,
            ..Options::default()
        };
        render(&session, framework, Format::Csv, options).expect("csv")
    };
    let header = |csv: &str| csv.lines().next().unwrap_or_default().to_owned();
    let without = csv(false);
    for private in [
        "Phone07700900123",
        "EmailWanjiru@example.org",
        "CoordPhone01632",
        "coord@example.org",
    ] {
        assert!(!without.contains(private), "{private} in:\n{without}");
    }
    let columns = header(&without);
    assert!(
        !columns.split(',').any(|c| c == "phone" || c == "email"),
        "{columns}"
    );
    // The coordinator's name is a key fact like the venue; how to reach them is private.
    assert!(without.contains("CoordinatorAna"));
    assert!(columns.contains("may_call"), "{columns}");

    let with = csv(true);
    let columns = header(&with);
    assert!(columns.split(',').any(|c| c == "phone"), "{columns}");
    assert!(columns.split(',').any(|c| c == "email"), "{columns}");
    for private in [
        "Phone07700900123",
        "EmailWanjiru@example.org",
        "CoordPhone01632",
        "coord@example.org",
    ] {
        assert!(with.contains(private), "{private} missing:\n{with}");
    }
    // Every row has as many cells as the header.
    let width = columns.split(',').count();
    let participant = with
        .lines()
        .find(|l| l.contains("Phone07700900123"))
        .expect("the participant's row");
    assert_eq!(participant.split(',').count(), width, "{participant}");
}

#[test]
fn a_calendar_never_holds_a_phone_number_or_an_email() {
    let mut session = everything();
    if let Some(c) = session.conference.as_mut() {
        c.closed = None;
        c.date = Some(date!(2027 - 01 - 10));
        c.review_date = Some(date!(2027 - 04 - 10));
        c.coordinator = convene::model::Coordinator {
            name: "CoordinatorAna".into(),
            phone: "CoordPhone01632".into(),
            email: "coord@example.org".into(),
        };
    }
    // A plan item whose words name the person are still only words: the fields are what
    // must never reach a calendar.
    let frameworks = Frameworks::embedded();
    let framework = frameworks.get(&session.framework);
    for style in [
        convene::export::CalendarStyle::Todos,
        convene::export::CalendarStyle::Events,
    ] {
        for include_text in [false, true] {
            let options = Options {
                calendar: style,
                include_text,
                include_venue: true,
                with_contacts: true,
                ..Options::default()
            };
            let ics = render(&session, framework, Format::Ics, options).expect("calendar");
            crate::harness::strict_ics(&ics);
            for private in [
                "Phone07700900123",
                "EmailWanjiru@example.org",
                "CoordPhone01632",
                "coord@example.org",
                "07700",
                "@example.org",
            ] {
                assert!(!ics.contains(private), "{private} in:\n{ics}");
            }
        }
    }
}

/// A workshop's CSV carries no column only a conference fills; a conference's carries
/// every one (the fields come from the description's own list).
#[test]
fn a_workshop_csv_leaves_out_conference_only_columns() {
    let frameworks = Frameworks::embedded();
    let header = |id: &str| {
        let session = crate::partnership::example(id);
        let csv = render(
            &session,
            frameworks.get(&session.framework),
            Format::Csv,
            Options::default(),
        )
        .expect("csv");
        let first = csv
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches('\u{feff}');
        first.split(',').map(str::to_owned).collect::<Vec<_>>()
    };
    let workshop = header("k7q2m9xa");
    let conference = header("p3f8h2kd");
    for f in Field::ALL.into_iter().filter(|f| !f.is_contact()) {
        let column = f.column().to_owned();
        assert_eq!(workshop.contains(&column), !f.conference_only(), "{column}");
        assert!(conference.contains(&column), "{column}");
    }
    for r in Relation::ALL {
        let column = r.column().to_owned();
        assert_eq!(workshop.contains(&column), !r.conference_only(), "{column}");
        assert!(conference.contains(&column), "{column}");
    }
    for rating in ["family_rating", "professionals_rating"] {
        assert!(!workshop.iter().any(|c| c == rating));
        assert!(conference.iter().any(|c| c == rating));
    }
    assert!(workshop.iter().any(|c| c == "latest_check_in"));
}
