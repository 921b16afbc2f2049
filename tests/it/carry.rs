//! A follow-up day: `convene new … --from ID` carries the people, change goals and open
//! agreements of an earlier session, with fresh ids and their links among them.

use crate::cli::{convene, stderr, stdout};
use convene::model::{
    Agreement, ChangeGoal, DesignStatement, Participant, RecordBody, Session, SessionId, Status,
    Strength,
};

/// A first day with a person, a change goal, a strength, a design statement and three
/// agreements: one open (serving the goal and the statement), one done, one dropped.
fn first_day() -> Session {
    let now = crate::harness::START;
    let mut s = Session::new(
        SessionId::parse("firstday").expect("id"),
        "Harbour day",
        "appreciative-inquiry",
        "destiny",
        now,
    );
    s.add(
        "discovery",
        RecordBody::Strength(Strength {
            text: "Youth workers know every child".into(),
            ..Strength::default()
        }),
        now,
    );
    let goal = s.add(
        "define",
        RecordBody::ChangeGoal(ChangeGoal {
            text: "No young person falls between services".into(),
        }),
        now,
    );
    s.add(
        "define",
        RecordBody::Participant(Participant {
            name: "Priya".into(),
            organisation: "Youth service".into(),
            ..Participant::default()
        }),
        now,
    );
    let statement = s.add(
        "design",
        RecordBody::DesignStatement(DesignStatement {
            text: "Every partner shares what they know the same day".into(),
            serves: vec![],
            ..DesignStatement::default()
        }),
        now,
    );
    for (action, status) in [
        ("Map every safe place with young people", Status::InProgress),
        ("Run the first joint training", Status::Done),
        ("Buy a new database", Status::Dropped),
    ] {
        s.add(
            "destiny",
            RecordBody::Agreement(Agreement {
                action: action.into(),
                owner: "Priya".into(),
                status,
                serves: vec![statement],
                goals: vec![goal],
                ..Agreement::default()
            }),
            now,
        );
    }
    s
}

#[test]
fn a_follow_up_day_carries_people_goals_and_open_agreements_with_their_links() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = convene::store::Store::open(dir.path()).expect("store");
    store.create(&first_day()).expect("saved");
    let out = convene(
        dir.path(),
        &["new", "ai", "Harbour, six months on", "--from", "firstday"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains(
            "Carried over from “Harbour day” (firstday): 1 change goal, 1 participant, 1 open agreement."
        ),
        "{said}"
    );
    let id = said.lines().next().expect("id");
    let next = store
        .load(&SessionId::parse(id).expect("id"))
        .expect("the new session reads")
        .session;
    let carried: Vec<_> = next
        .records
        .iter()
        .map(|r| {
            (
                r.id.0,
                r.stage.as_str(),
                r.body.text(),
                r.source.as_deref().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        carried,
        vec![
            (
                1,
                "define",
                "No young person falls between services",
                "“Harbour day” (firstday), #2"
            ),
            (2, "define", "Priya", "“Harbour day” (firstday), #3"),
            (
                3,
                "destiny",
                "Map every safe place with young people",
                "“Harbour day” (firstday), #5"
            ),
        ]
    );
    let RecordBody::Agreement(agreement) = &next.records[2].body else {
        panic!("an agreement: {:?}", next.records[2]);
    };
    // Its change goal came too, under its new id; the design statement stayed behind.
    assert_eq!(agreement.goals, vec![next.records[0].id]);
    assert!(agreement.serves.is_empty());
    assert_eq!(agreement.status, Status::InProgress);
    assert!(convene::model::link_problems(&next).is_empty());
    // The earlier session is as it was, but for the agreement carried on: that now says
    // where it went, so it is neither open nor done there.
    let earlier = store
        .load(&SessionId::parse("firstday").expect("id"))
        .expect("reads");
    let mut expected = first_day();
    let RecordBody::Agreement(a) = &mut expected.records[4].body else {
        panic!("an agreement");
    };
    a.carried_to = Some(next.id.clone());
    expected.updated = earlier.session.updated;
    assert_eq!(earlier.session, expected);
    let shown = stdout(&convene(dir.path(), &["show", "firstday"]));
    assert!(
        shown.contains(&format!("carried on to {}", next.id)),
        "{shown}"
    );
}

/// A follow-up day counts each carried agreement once, in the session that holds it now:
/// `due`, follow-through and the report read the per-session figures.
#[test]
fn a_carried_agreement_is_due_and_counted_once() {
    use convene::report::{SessionDue, SessionFigures};
    let mut earlier = first_day();
    for r in &mut earlier.records {
        if let RecordBody::Agreement(a) = &mut r.body {
            a.due = Some(time::macros::date!(2027 - 03 - 01));
        }
    }
    let mut next = Session::new(
        SessionId::parse("nextday").expect("id"),
        "Harbour, six months on",
        "appreciative-inquiry",
        "discovery",
        crate::harness::START,
    );
    convene::model::carry_over(
        &mut earlier,
        &mut next,
        |_, stage| stage.to_owned(),
        crate::harness::START,
    );
    let due: Vec<_> = [&earlier, &next]
        .into_iter()
        .flat_map(|s| SessionDue::of(s).items)
        .map(|d| d.text)
        .collect();
    assert_eq!(due, ["Map every safe place with young people"]);
    let agreements = |s: &Session| SessionFigures::of(s).agreements.len();
    // The earlier day keeps the done and the dropped; the open one is counted in the next.
    assert_eq!((agreements(&earlier), agreements(&next)), (2, 1));
    let open = |s: &Session| {
        SessionFigures::of(s)
            .agreements
            .iter()
            .filter(|a| a.open)
            .count()
    };
    assert_eq!((open(&earlier), open(&next)), (0, 1));
}
