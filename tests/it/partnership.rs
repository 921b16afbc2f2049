//! A workshop's room and its partnership summary: participants as people in the room
//! (name, organisation, sector, role) in every view, and the summary a partnership's board
//! reads before the full record.

use crate::harness::Harness;
use convene::export::{Format, Options, render};
use convene::framework::Frameworks;
use convene::model::{Participant, RecordBody, RecordKind, Session};
use convene::store::{Store, load_path};
use std::path::Path;

/// An example session as its file holds it.
pub fn example(id: &str) -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(format!("{id}.ron"));
    load_path(&path).expect("example loads").session
}

/// Who was in the example workshop's room: (name, role, organisation, sector).
pub const ROOM: [(&str, &str, &str, &str); 4] = [
    (
        "Kai Mensah",
        "young adviser",
        "Harbourside Young Advisers",
        "voluntary sector",
    ),
    (
        "Sandeep Gill",
        "head of year",
        "Harbourside Academy",
        "education",
    ),
    (
        "Marta Nowak",
        "housing officer",
        "Harbourside Homes",
        "housing",
    ),
    (
        "Jo Whitfield",
        "youth worker",
        "Quayside Youth Hub",
        "voluntary sector",
    ),
];

/// The example workshop with the people in its room, added in Define as the app adds
/// them (everything a conference would ask left as it comes).
pub fn workshop_with_room() -> Session {
    let mut s = example("k7q2m9xa");
    let now = s.updated;
    for (name, role, organisation, sector) in ROOM {
        s.add(
            "define",
            RecordBody::Participant(Participant {
                name: name.into(),
                role: role.into(),
                organisation: organisation.into(),
                sector: Some(sector.into()),
                ..Participant::default()
            }),
            now,
        );
    }
    s
}

/// The session exported as a person gets it, by default.
fn export(session: &Session, format: Format) -> String {
    let frameworks = Frameworks::embedded();
    render(
        session,
        frameworks.get(&session.framework),
        format,
        Options::default(),
    )
    .expect("exported")
}

/// `convene show` on a folder holding the session.
fn show(session: &Session) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    store.create(session).expect("saved");
    let out = crate::harness::convene()
        .arg("--dir")
        .arg(dir.path())
        .args(["show", session.id.as_str()])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every view of a session: `show` and each export format (Word as its document's XML,
/// one paragraph or table row a line), by name.
fn every_view(session: &Session) -> Vec<(String, String)> {
    let mut views = vec![("show".to_owned(), show(session))];
    for format in Format::ALL {
        let text = export(session, format);
        let text = if format == Format::Docx {
            text.replace("</w:p>", "</w:p>\n")
        } else {
            text
        };
        views.push((format!("{format:?}"), text));
    }
    views
}

/// The lines of a view that speak of a person (their name is on the line).
fn lines_about<'a>(view: &'a str, name: &'a str) -> Vec<&'a str> {
    view.lines().filter(|l| l.contains(name)).collect()
}

#[test]
fn participants_are_people_in_the_room_in_a_workshop_and_a_network_in_a_conference() {
    let session = workshop_with_room();
    for (view, text) in every_view(&session) {
        if view == "Ics" {
            continue; // a calendar holds dates, not people
        }
        for (name, role, organisation, sector) in ROOM {
            let lines = lines_about(&text, name);
            assert!(!lines.is_empty(), "{view}: {name} is missing");
            for line in lines {
                let lower = line.to_lowercase();
                for never in ["family", "invitation", "identified", "side:"] {
                    assert!(
                        !lower.contains(never),
                        "{view} says {never:?} about {name}: {line}"
                    );
                }
                for words in [role, organisation, sector] {
                    assert!(
                        line.contains(words),
                        "{view}: {name} without {words}: {line}"
                    );
                }
            }
        }
    }
    // A conference's participants are the child's network: side and invitation stay,
    // also before its key facts are written.
    let conference = example("p3f8h2kd");
    let mut unwritten = conference.clone();
    unwritten.conference = None;
    unwritten.id = convene::model::SessionId::parse("p3f8none").expect("id");
    for session in [conference, unwritten] {
        let (person, side, invitation) = session
            .records
            .iter()
            .find_map(|r| match &r.body {
                RecordBody::Participant(p) => {
                    Some((p.name.clone(), p.side.label(), p.invitation.label()))
                }
                _ => None,
            })
            .expect("the example conference has participants");
        for (view, text) in every_view(&session) {
            if view == "Ics" {
                continue;
            }
            let lines = lines_about(&text, &person);
            assert!(
                lines
                    .iter()
                    .any(|l| l.contains(side) && l.contains(invitation)),
                "{view}: {person} without side and invitation: {lines:?}"
            );
        }
    }
}

/// Keys that move the kind choice (A) down to a kind the stage captures.
fn downs_to(stage: &str, kind: RecordKind) -> String {
    let frameworks = Frameworks::embedded();
    let captures = &frameworks
        .get("appreciative-inquiry")
        .and_then(|f| f.stage(stage))
        .expect("the stage")
        .captures;
    let at = captures
        .iter()
        .position(|k| *k == kind)
        .expect("the stage captures it");
    "<down>".repeat(at)
}

#[test]
fn a_workshop_asks_a_participant_only_their_name_organisation_sector_and_role() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>");
    h.keys(&format!(
        "A{}<enter>",
        downs_to("define", RecordKind::Participant)
    ));
    let screen = h.screen(80, 24);
    for label in ["Name", "Organisation", "Sector", "Role"] {
        assert!(screen.contains(label), "{label}: {screen}");
    }
    for never in [
        "Side",
        "Invitation",
        "Closeness",
        "Interpreter",
        "Relationship",
    ] {
        assert!(!screen.contains(never), "{never}: {screen}");
    }
    h.keys("Marta<tab>Harbourside Homes<tab>housing<tab>housing officer<enter>");
    let session = &h.app.session_view().expect("open").session;
    let RecordBody::Participant(p) = &session.records[0].body else {
        panic!("a participant")
    };
    assert_eq!(
        (
            p.name.as_str(),
            p.organisation.as_str(),
            p.sector.as_deref(),
            p.role.as_str()
        ),
        (
            "Marta",
            "Harbourside Homes",
            Some("housing"),
            "housing officer"
        )
    );
}
