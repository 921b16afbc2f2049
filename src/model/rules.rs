//! The rules that keep a session whole: links point at the right kind of record, a
//! delete says what builds on the record first, and loose ends are noticed.

use super::ids::RecordId;
use super::record::{DesignTie, Record, RecordKind};
use super::session::Session;
use std::fmt;

/// The kind of record a link from `from` must point at, if `from` can link at all:
/// a dream builds on strengths, a design statement serves dreams, an agreement serves
/// design statements, and information items and answers name participants.
/// Asked of the kind: [`RecordKind::link_rule`].
pub fn link_target(from: RecordKind) -> Option<RecordKind> {
    from.link_target()
}

/// A link that does not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// The link points at a record that is not in the session.
    Missing { from: RecordId, to: RecordId },
    /// The link points at a record of the wrong kind.
    WrongKind {
        from: RecordId,
        to: RecordId,
        expected: RecordKind,
        found: RecordKind,
    },
    /// Two records share an id.
    DuplicateId(RecordId),
}

impl fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkProblem::Missing { from, to } => {
                write!(
                    f,
                    "record {from} links to {to}, which is not in the session"
                )
            }
            LinkProblem::WrongKind {
                from,
                to,
                expected,
                found,
            } => write!(
                f,
                "record {from} links to {to}, a {}, where a {} belongs",
                found.label(),
                expected.label()
            ),
            LinkProblem::DuplicateId(id) => write!(f, "more than one record has the id {id}"),
        }
    }
}

/// Every link in the session that does not hold, in record order.
pub fn link_problems(session: &Session) -> Vec<LinkProblem> {
    let mut problems = Vec::new();
    let mut seen = std::collections::HashMap::with_capacity(session.records.len());
    for record in &session.records {
        if seen.insert(record.id, record.body.kind()).is_some() {
            problems.push(LinkProblem::DuplicateId(record.id));
        }
    }
    // Every link, with the kind it must point at: what a record builds on, and the change
    // goals an agreement serves.
    for record in &session.records {
        let builds_on = link_target(record.body.kind())
            .map(|expected| {
                record
                    .body
                    .links()
                    .into_iter()
                    .map(move |to| (to, expected))
            })
            .into_iter()
            .flatten();
        let goals = record
            .body
            .goals()
            .iter()
            .map(|&to| (to, RecordKind::ChangeGoal));
        for (to, expected) in builds_on.chain(goals) {
            match seen.get(&to) {
                None => problems.push(LinkProblem::Missing {
                    from: record.id,
                    to,
                }),
                Some(&found) if found != expected => problems.push(LinkProblem::WrongKind {
                    from: record.id,
                    to,
                    expected,
                    found,
                }),
                Some(_) => {}
            }
        }
    }
    problems
}

/// A thread the room has not tied yet: worth a word, never an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LooseEnd {
    /// A dream that no design statement serves yet.
    DreamNotServed(RecordId),
    /// An agreement that serves no design statement.
    AgreementServesNone(RecordId),
}

impl LooseEnd {
    /// The record left loose.
    pub fn record(self) -> RecordId {
        match self {
            LooseEnd::DreamNotServed(id) | LooseEnd::AgreementServesNone(id) => id,
        }
    }
}

impl fmt::Display for LooseEnd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LooseEnd::DreamNotServed(id) => {
                write!(f, "the dream {id} has no design statement serving it yet")
            }
            LooseEnd::AgreementServesNone(id) => {
                write!(f, "the agreement {id} serves no design statement yet")
            }
        }
    }
}

/// The dreams no design statement serves and the agreements that serve no design
/// statement, in record order.
pub fn loose_ends(session: &Session) -> Vec<LooseEnd> {
    let designs: std::collections::HashSet<RecordId> = session
        .records
        .iter()
        .filter(|r| r.body.kind() == RecordKind::DesignStatement)
        .map(|r| r.id)
        .collect();
    let served: std::collections::HashSet<RecordId> = session
        .records
        .iter()
        .filter(|r| designs.contains(&r.id))
        .flat_map(|r| r.body.links())
        .collect();
    session
        .records
        .iter()
        .filter_map(|r| match r.body.kind().design_tie()? {
            DesignTie::ServedByDesign => {
                (!served.contains(&r.id)).then_some(LooseEnd::DreamNotServed(r.id))
            }
            DesignTie::ServesDesign => (!r.body.links().iter().any(|to| designs.contains(to)))
                .then_some(LooseEnd::AgreementServesNone(r.id)),
        })
        .collect()
}

/// Whether a workshop has moved on from the stage that writes its affirmative topic
/// (`topic_stage`) with no topic written: worth a gentle word, never an error.
pub fn moved_on_without_topic(session: &Session, topic_stage: &str) -> bool {
    session.affirmative_topic().is_none()
        && session.stage != topic_stage
        && session.stage_finished(topic_stage)
}

/// The records that build on (or name) the given record: what a delete would unlink.
pub fn delete_impact(session: &Session, id: RecordId) -> Vec<&Record> {
    session
        .records
        .iter()
        .filter(|r| r.id != id && (r.body.links().contains(&id) || r.body.goals().contains(&id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Agreement, DesignStatement, Dream, RecordBody, SessionId, Strength};
    use time::macros::datetime;

    fn session_with_chain() -> (Session, [RecordId; 4]) {
        let now = datetime!(2026-11-25 10:00 UTC);
        let mut s = Session::new(
            SessionId::parse("chain").expect("valid id"),
            "Chain",
            "appreciative-inquiry",
            "define",
            now,
        );
        let strength = s.add(
            "discovery",
            RecordBody::Strength(Strength {
                text: "Youth workers know every child by name".into(),
                ..Strength::default()
            }),
            now,
        );
        let dream = s.add(
            "dream",
            RecordBody::Dream(Dream {
                text: "Every child has a trusted adult".into(),
                builds_on: vec![strength],
                ..Dream::default()
            }),
            now,
        );
        let design = s.add(
            "design",
            RecordBody::DesignStatement(DesignStatement {
                text: "We share what we know the same day".into(),
                serves: vec![dream],
                ..DesignStatement::default()
            }),
            now,
        );
        let agreement = s.add(
            "destiny",
            RecordBody::Agreement(Agreement {
                action: "Set up a daily huddle".into(),
                owner: "Priya".into(),
                serves: vec![design],
                ..Agreement::default()
            }),
            now,
        );
        (s, [strength, dream, design, agreement])
    }

    #[test]
    fn each_kind_links_to_the_stage_before() {
        assert_eq!(link_target(RecordKind::Dream), Some(RecordKind::Strength));
        assert_eq!(
            link_target(RecordKind::DesignStatement),
            Some(RecordKind::Dream)
        );
        assert_eq!(
            link_target(RecordKind::Agreement),
            Some(RecordKind::DesignStatement)
        );
        assert_eq!(link_target(RecordKind::Strength), None);
        assert_eq!(link_target(RecordKind::Note), None);
    }

    #[test]
    fn a_whole_chain_has_no_problems() {
        let (s, _) = session_with_chain();
        assert_eq!(link_problems(&s), vec![]);
        assert_eq!(loose_ends(&s), vec![]);
    }

    #[test]
    fn a_dream_nothing_serves_and_an_agreement_serving_nothing_are_loose_ends() {
        let (mut s, [_, dream, design, agreement]) = session_with_chain();
        s.remove(design, datetime!(2026-11-25 11:00 UTC));
        assert_eq!(
            loose_ends(&s),
            vec![
                LooseEnd::DreamNotServed(dream),
                LooseEnd::AgreementServesNone(agreement)
            ]
        );
        assert_eq!(
            loose_ends(&s)[0].to_string(),
            "the dream #2 has no design statement serving it yet"
        );
    }

    #[test]
    fn a_link_to_a_missing_record_is_found() {
        let (mut s, [_, dream, ..]) = session_with_chain();
        if let Some(RecordBody::Dream(d)) = s.record_mut(dream).map(|r| &mut r.body) {
            d.builds_on.push(RecordId(99));
        }
        assert_eq!(
            link_problems(&s),
            vec![LinkProblem::Missing {
                from: dream,
                to: RecordId(99)
            }]
        );
    }

    #[test]
    fn a_link_to_the_wrong_kind_is_found() {
        let (mut s, [strength, _, _, agreement]) = session_with_chain();
        if let Some(RecordBody::Agreement(a)) = s.record_mut(agreement).map(|r| &mut r.body) {
            a.serves = vec![strength];
        }
        let problems = link_problems(&s);
        assert_eq!(
            problems,
            vec![LinkProblem::WrongKind {
                from: agreement,
                to: strength,
                expected: RecordKind::DesignStatement,
                found: RecordKind::Strength,
            }]
        );
        assert_eq!(
            problems[0].to_string(),
            "record #4 links to #1, a strength, where a design statement belongs"
        );
    }

    #[test]
    fn duplicate_ids_are_found() {
        let (mut s, _) = session_with_chain();
        let copy = s.records[0].clone();
        s.records.push(copy);
        assert!(link_problems(&s).contains(&LinkProblem::DuplicateId(RecordId(1))));
    }

    #[test]
    fn deleting_a_strength_names_the_dream_that_builds_on_it() {
        let (s, [strength, dream, _, agreement]) = session_with_chain();
        let impact: Vec<RecordId> = delete_impact(&s, strength).iter().map(|r| r.id).collect();
        assert_eq!(impact, vec![dream]);
        assert!(delete_impact(&s, agreement).is_empty());
    }

    #[test]
    fn an_agreement_serves_change_goals_and_the_links_are_checked() {
        use crate::model::ChangeGoal;
        let (mut s, [strength, _, _, agreement]) = session_with_chain();
        let now = datetime!(2026-11-25 10:00 UTC);
        let goal = s.add(
            "define",
            RecordBody::ChangeGoal(ChangeGoal {
                text: "Lived experience shapes every decision".into(),
            }),
            now,
        );
        if let Some(RecordBody::Agreement(a)) = s.record_mut(agreement).map(|r| &mut r.body) {
            a.goals = vec![goal];
        }
        assert!(link_problems(&s).is_empty());
        assert_eq!(
            delete_impact(&s, goal)
                .iter()
                .map(|r| r.id)
                .collect::<Vec<_>>(),
            vec![agreement]
        );
        if let Some(RecordBody::Agreement(a)) = s.record_mut(agreement).map(|r| &mut r.body) {
            a.goals = vec![strength];
        }
        assert!(matches!(
            link_problems(&s)[..],
            [LinkProblem::WrongKind {
                expected: RecordKind::ChangeGoal,
                ..
            }]
        ));
        s.remove(strength, now);
        assert_eq!(
            s.record(agreement).map(|r| r.body.goals().to_vec()),
            Some(vec![])
        );
    }
}
