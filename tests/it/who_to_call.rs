//! Who to call: a participant's phone and email, the conference's coordinator (with the
//! settings' default), and what the family's copy gives of them.

use convene::export::{Audience, Format, Options, render};
use convene::framework::Frameworks;
use convene::model::*;
use convene::store::load_path;
use std::path::Path;
use time::macros::datetime;

const ANA: &str = "Ana Reyes";
const ANA_PHONE: &str = "01632 960 123";
const ANA_EMAIL: &str = "ana.reyes@example.org";

/// The example conference with a coordinator and contacts: Halina agreed to be called,
/// Marek did not, Kevin (not invited to hear private information, but in the safe network
/// and helping with the plan) agreed and is given, Victor (outside the safe network)
/// agreed but is never given.
fn conference() -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/p3f8h2kd.ron");
    let mut s = load_path(&path).expect("the example loads").session;
    s.conference.as_mut().expect("key facts").coordinator = Coordinator {
        name: ANA.into(),
        phone: ANA_PHONE.into(),
        email: ANA_EMAIL.into(),
    };
    for record in &mut s.records {
        if let RecordBody::Participant(p) = &mut record.body {
            let (phone, may_call) = match p.name.as_str() {
                "Halina" => ("07700 900 101", true),
                "Marek" => ("07700 900 202", false),
                "Kevin" => ("07700 900 303", true),
                _ => continue,
            };
            p.phone = phone.into();
            p.email = format!("{}@example.org", p.name.to_lowercase());
            p.may_call = may_call;
        }
    }
    s.add(
        "planning",
        RecordBody::Participant(Participant {
            name: "Victor".into(),
            relationship: "J.'s father".into(),
            side: Side::Family,
            invitation: Invitation::NotInvited("a court order".into()),
            outside_safe_network: Some("a court order keeps him away from J.".into()),
            phone: "07700 900 404".into(),
            may_call: true,
            ..Participant::default()
        }),
        datetime!(2026-10-20 09:00 UTC),
    );
    s
}

fn render_as(s: &Session, format: Format, audience: Audience) -> String {
    let options = Options {
        audience,
        ..Options::default()
    };
    let frameworks = Frameworks::embedded();
    render(s, frameworks.get(&s.framework), format, options).expect("rendered")
}

#[test]
fn the_family_copy_gives_the_coordinator_and_only_consenting_safe_network_numbers() {
    let s = conference();
    for format in [Format::Md, Format::Html, Format::Docx] {
        let copy = render_as(&s, format, Audience::Family);
        for shown in [
            "Your coordinator",
            ANA,
            ANA_PHONE,
            ANA_EMAIL,
            "Who to call",
            "Halina",
            "07700 900 101",
            "Marek",
        ] {
            assert!(copy.contains(shown), "{format:?} lacks {shown:?}");
        }
        let coordinator = copy.find("Your coordinator").expect("the heading");
        assert!(copy[coordinator..].contains(ANA_PHONE), "{format:?}");
        // Kevin was not invited to hear private information, but he is in the child's
        // safe network and agreed to be called: the family may call him.
        let to_call = &copy[copy.find("Who to call").expect("the heading")..];
        let to_call = to_call
            .find("What J.")
            .map_or(to_call, |end| &to_call[..end]);
        assert!(to_call.contains("Halina"), "{format:?}: {to_call}");
        assert!(to_call.contains("Kevin"), "{format:?}: {to_call}");
        assert!(to_call.contains("07700 900 303"), "{format:?}: {to_call}");
        for never in [
            // Marek did not agree to be called.
            "07700 900 202",
            // Victor is outside the safe network.
            "Victor",
            "07700 900 404",
            // The family is given numbers, never the network's emails.
            "halina@example.org",
            "marek@example.org",
        ] {
            assert!(!copy.contains(never), "{format:?} shows {never:?}");
        }
    }
}

#[test]
fn the_professionals_copy_and_show_hold_every_contact() {
    let s = conference();
    for format in [Format::Md, Format::Html] {
        let copy = render_as(&s, format, Audience::Professionals);
        for shown in [
            ANA,
            ANA_PHONE,
            ANA_EMAIL,
            "07700 900 101",
            "07700 900 202",
            "halina@example.org",
        ] {
            assert!(copy.contains(shown), "{format:?} lacks {shown:?}");
        }
    }
}

#[test]
fn a_conference_without_a_coordinator_has_no_heading_for_one() {
    let mut s = conference();
    s.conference.as_mut().expect("key facts").coordinator = Coordinator::default();
    let copy = render_as(&s, Format::Md, Audience::Family);
    assert!(!copy.contains("Your coordinator"), "{copy}");
}

#[test]
fn a_new_conference_takes_the_coordinator_from_the_settings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.ron");
    std::fs::write(
        &config,
        format!("(\n  coordinator: (name: \"{ANA}\", phone: \"{ANA_PHONE}\", email: \"{ANA_EMAIL}\"),\n)"),
    )
    .expect("write");
    let sessions = dir.path().join("sessions");
    let new = |framework: &str, title: &str| {
        let out = crate::harness::convene()
            .arg("--config")
            .arg(&config)
            .arg("--dir")
            .arg(&sessions)
            .args(["new", framework, title])
            .env_remove("CONVENE_DIR")
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let said = String::from_utf8_lossy(&out.stdout).into_owned();
        let file = said.lines().nth(1).expect("the file").to_owned();
        load_path(Path::new(&file)).expect("reads").session
    };
    let conference = new("fgc", "Conference for Kai");
    let c = conference.conference.expect("key facts");
    assert_eq!(
        c.coordinator,
        Coordinator {
            name: ANA.into(),
            phone: ANA_PHONE.into(),
            email: ANA_EMAIL.into(),
        }
    );
    // A workshop has no coordinator.
    let workshop = new("ai", "Harbourside day");
    assert!(workshop.conference.is_none());
    // And the settings' example shows the setting.
    assert!(convene::config::EXAMPLE.contains("coordinator: (name:"));
}

#[test]
fn a_participant_keeps_a_phone_email_and_consent_only_when_set() {
    let mut session = Session::new(
        SessionId::parse("contact2").expect("id"),
        "Conference for Kai",
        "family-group-conference",
        "planning",
        datetime!(2026-10-05 09:00 UTC),
    );
    session.take_coordinator(&Coordinator {
        name: ANA.into(),
        ..Coordinator::default()
    });
    session.add(
        "planning",
        RecordBody::Participant(Participant {
            name: "Rosa".into(),
            phone: "07700 900 505".into(),
            may_call: true,
            ..Participant::default()
        }),
        datetime!(2026-10-05 09:10 UTC),
    );
    let text = convene::store::to_text(&session).expect("text");
    assert!(text.contains("may_call: true") && text.contains("07700 900 505"));
    assert!(!text.contains("email"), "{text}");
    assert_eq!(convene::store::from_text(&text).expect("reads").0, session);
    // A coordinator already written is kept.
    session.take_coordinator(&Coordinator {
        name: "Someone else".into(),
        ..Coordinator::default()
    });
    assert_eq!(
        session
            .conference
            .as_ref()
            .map(|c| c.coordinator.name.as_str()),
        Some(ANA)
    );
}
