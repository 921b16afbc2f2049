//! Loose ends: a dream no design statement serves, an agreement serving none; noted by
//! `convene check` and the session's stage card, never counted as problems.

use crate::cli::{convene, stderr, stdout};
use convene::model::{Agreement, DesignStatement, Dream, RecordBody, Session, SessionId};

/// A workshop in Design: two dreams, a statement serving the first, an agreement serving
/// it and one serving nothing.
fn workshop() -> Session {
    let now = crate::harness::START;
    let mut s = Session::new(
        SessionId::parse("loose1").expect("id"),
        "Harbour day",
        "appreciative-inquiry",
        "design",
        now,
    );
    let mut dream = |text: &str| {
        s.add(
            "dream",
            RecordBody::Dream(Dream {
                text: text.into(),
                ..Dream::default()
            }),
            now,
        )
    };
    let served = dream("Every young person has a trusted adult");
    dream("Parents shape every decision");
    let statement = s.add(
        "design",
        RecordBody::DesignStatement(DesignStatement {
            text: "Young advisers co-chair the board".into(),
            serves: vec![served],
            ..DesignStatement::default()
        }),
        now,
    );
    for serves in [vec![statement], vec![]] {
        s.add(
            "destiny",
            RecordBody::Agreement(Agreement {
                action: "Fund paid time for advisers".into(),
                owner: "Grace".into(),
                serves,
                ..Agreement::default()
            }),
            now,
        );
    }
    s
}

#[test]
fn check_notes_loose_ends_and_still_reads_the_file_well() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = convene::store::Store::open(dir.path()).expect("store");
    let saved = store.create(&workshop()).expect("saved");
    let out = convene(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stdout(&out);
    let file = saved.path.display().to_string();
    for line in [
        format!("{file}:30:1: note: the dream #2 has no design statement serving it yet"),
        format!("{file}:64:1: note: the agreement #5 serves no design statement yet"),
        "2 loose ends noted".to_owned(),
        "All 1 file read well.".to_owned(),
    ] {
        assert!(said.contains(&line), "{line}\n{said}");
    }
    let text = std::fs::read_to_string(&saved.path).expect("read");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[29].trim(), "id: 2,");
    assert_eq!(lines[63].trim(), "id: 5,");
}

#[test]
fn the_stage_card_mentions_the_loose_ends_it_can_tie() {
    let mut h = crate::harness::Harness::new();
    let saved = h.runtime.store().create(&workshop()).expect("saved");
    h.open(&saved.path);
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("○ 1 dream has no design statement serving it yet"),
        "{screen}"
    );
    assert!(!screen.contains("agreement serves"), "{screen}");
}
