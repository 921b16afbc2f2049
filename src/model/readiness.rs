//! Is the conference ready? What is still open before the conference day, in plain words.

use super::record::{Invitation, Need, Participant};
use super::session::Session;
use std::fmt;

/// One thing still to arrange before the conference day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Someone the family named has not been invited yet.
    NotInvitedYet {
        name: String,
    },
    /// Someone was invited and has not said yet whether they can come.
    NoAnswerYet {
        name: String,
    },
    /// Someone coming needs something that is not arranged yet.
    NeedNotArranged {
        name: String,
        need: Need,
        /// The words given for it ("Polish", "a ramp").
        words: String,
    },
    NoDate,
    NoTime,
    NoVenue,
    /// The child's wishes and views are not recorded yet.
    ChildNotHeardYet {
        child: String,
    },
    /// Nobody at the conference is there as the child's advocate.
    NoAdvocateOffered {
        child: String,
    },
}

impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Gap::NotInvitedYet { name } => write!(f, "Invite {name}, or note why not"),
            Gap::NoAnswerYet { name } => write!(f, "Ask {name} whether they can come"),
            Gap::NeedNotArranged { name, need, words } => match need {
                Need::Interpreter => write!(f, "Book an interpreter in {words} for {name}"),
                Need::Access => write!(f, "Arrange access for {name}: {words}"),
                Need::Childcare => write!(f, "Arrange childcare for {name}: {words}"),
                Need::Safety => write!(f, "Put safety arrangements in place for {name}: {words}"),
            },
            Gap::NoDate => write!(f, "Agree a date with the family"),
            Gap::NoTime => write!(f, "Agree a time that suits everyone"),
            Gap::NoVenue => write!(f, "Find a venue where the family feels comfortable"),
            Gap::ChildNotHeardYet { child } => write!(
                f,
                "Hear {}: in person, in writing or through an advocate",
                super::names::possessive(child_or_default(child), "wishes and views")
            ),
            Gap::NoAdvocateOffered { child } => {
                write!(f, "Offer {} an advocate", child_or_default(child))
            }
        }
    }
}

fn child_or_default(child: &str) -> &str {
    match child.trim() {
        "" => "the child",
        named => named,
    }
}

/// Whether the conference day has happened: a decision or a review is recorded, or the
/// session has moved on from the stage it started in (Planning).
pub fn held(session: &Session) -> bool {
    let recorded = session
        .conference
        .as_ref()
        .is_some_and(|c| c.decision.is_some() || !c.ratings.is_empty());
    let moved_on = session
        .history
        .first()
        .is_some_and(|first| first.stage != session.stage);
    recorded || moved_on
}

/// Whether the conference day is still to come: not held, and not closed.
pub fn before_the_day(session: &Session) -> bool {
    let closed = session
        .conference
        .as_ref()
        .is_some_and(|c| c.closed.is_some());
    !closed && !held(session)
}

/// What is still open before the day, for a conference session; nothing once the
/// conference is held or closed.
pub fn readiness(session: &Session) -> Vec<Gap> {
    if !before_the_day(session) {
        return Vec::new();
    }
    let conference = session.conference.clone().unwrap_or_default();
    let participants: Vec<&Participant> = session
        .records
        .iter()
        .filter_map(|r| r.body.participant())
        .collect();
    let mut gaps = Vec::new();
    for p in &participants {
        let name = p.name.trim().to_owned();
        match p.invitation {
            Invitation::Identified => gaps.push(Gap::NotInvitedYet { name: name.clone() }),
            Invitation::Invited => gaps.push(Gap::NoAnswerYet { name: name.clone() }),
            Invitation::Declined | Invitation::NotInvited(_) => continue,
            Invitation::Confirmed => {}
        }
        if !p.needs.arranged {
            gaps.extend(p.needs.named().map(|(need, words)| Gap::NeedNotArranged {
                name: name.clone(),
                need,
                words: words.to_owned(),
            }));
        }
    }
    if conference.date.is_none() {
        gaps.push(Gap::NoDate);
    }
    if conference.time.trim().is_empty() {
        gaps.push(Gap::NoTime);
    }
    if conference.venue.trim().is_empty() {
        gaps.push(Gap::NoVenue);
    }
    let child = conference.child.trim().to_owned();
    if conference.child_voice.trim().is_empty() {
        gaps.push(Gap::ChildNotHeardYet {
            child: child.clone(),
        });
    }
    if !participants
        .iter()
        .any(|p| p.role.to_lowercase().contains("advocate"))
    {
        gaps.push(Gap::NoAdvocateOffered { child });
    }
    gaps
}

/// Closes a conference for a test as a file says it: a date, which every version of the
/// closure reads.
#[cfg(test)]
pub(crate) fn close_for_test(c: &mut super::Conference) {
    let closed: super::Conference =
        ron::from_str(r#"(closed: Some("2026-11-30"))"#).expect("a closed conference");
    c.closed = closed.closed;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Conference, Decision, Needs, Rating, RecordBody, SessionId};
    use time::macros::{date, datetime};

    /// A conference with every fact for the day in place and an advocate offered.
    fn ready() -> Session {
        let now = datetime!(2026-11-25 09:00 UTC);
        let mut s = Session::new(
            SessionId::parse("ready1").expect("id"),
            "Conference for Kai",
            "family-group-conference",
            "planning",
            now,
        );
        s.conference = Some(Conference {
            child: "Kai".into(),
            date: Some(date!(2026 - 12 - 01)),
            time: "10:00".into(),
            venue: "The family centre".into(),
            child_voice: "Kai wants to keep going to football".into(),
            ..Conference::default()
        });
        s.add(
            "planning",
            person("Jo", "advocate", Invitation::Confirmed),
            now,
        );
        s
    }

    fn person(name: &str, role: &str, invitation: Invitation) -> RecordBody {
        RecordBody::Participant(Participant {
            name: name.into(),
            role: role.into(),
            invitation,
            ..Participant::default()
        })
    }

    fn with(mut s: Session, body: RecordBody) -> Session {
        s.add("planning", body, datetime!(2026-11-25 09:10 UTC));
        s
    }

    fn words(s: &Session) -> Vec<String> {
        readiness(s).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_conference_with_everything_in_place_has_nothing_open() {
        assert_eq!(readiness(&ready()), vec![]);
    }

    #[test]
    fn someone_named_but_not_invited_is_to_be_invited() {
        let s = with(ready(), person("Sam", "uncle", Invitation::Identified));
        assert_eq!(words(&s), ["Invite Sam, or note why not"]);
    }

    #[test]
    fn an_invitation_not_answered_asks_whether_they_can_come() {
        let s = with(ready(), person("Sam", "uncle", Invitation::Invited));
        assert_eq!(words(&s), ["Ask Sam whether they can come"]);
    }

    #[test]
    fn those_who_declined_or_were_not_invited_leave_nothing_open() {
        let s = with(ready(), person("Sam", "uncle", Invitation::Declined));
        let s = with(
            s,
            person(
                "Lee",
                "father",
                Invitation::NotInvited("court order".into()),
            ),
        );
        assert_eq!(readiness(&s), vec![]);
    }

    #[test]
    fn a_need_named_and_not_arranged_is_open_until_it_is() {
        let needs = Needs {
            interpreter: Some("Polish".into()),
            childcare: Some("a creche for Zofia".into()),
            access: Some("  ".into()),
            safety: Some("arriving at different times".into()),
            ..Needs::default()
        };
        let ana = |arranged| {
            RecordBody::Participant(Participant {
                name: "Ana".into(),
                role: "grandmother".into(),
                invitation: Invitation::Confirmed,
                needs: Needs {
                    arranged,
                    ..needs.clone()
                },
                ..Participant::default()
            })
        };
        assert_eq!(
            words(&with(ready(), ana(false))),
            [
                "Book an interpreter in Polish for Ana",
                "Arrange childcare for Ana: a creche for Zofia",
                "Put safety arrangements in place for Ana: arriving at different times",
            ]
        );
        assert_eq!(readiness(&with(ready(), ana(true))), vec![]);
    }

    #[test]
    fn no_date_time_or_venue_each_say_what_to_agree() {
        let mut s = ready();
        if let Some(c) = s.conference.as_mut() {
            c.date = None;
            c.time = " ".into();
            c.venue.clear();
        }
        assert_eq!(readiness(&s), vec![Gap::NoDate, Gap::NoTime, Gap::NoVenue]);
    }

    #[test]
    fn the_childs_wishes_and_views_not_yet_recorded_is_open() {
        let mut s = ready();
        if let Some(c) = s.conference.as_mut() {
            c.child_voice.clear();
        }
        assert_eq!(
            words(&s),
            ["Hear Kai's wishes and views: in person, in writing or through an advocate"]
        );
    }

    #[test]
    fn without_an_advocate_one_is_to_be_offered() {
        let mut s = ready();
        s.records.clear();
        assert_eq!(words(&s), ["Offer Kai an advocate"]);
        // An advocate who was offered and said no counts as offered.
        let s = with(
            s,
            person("Jo", "Independent Advocate", Invitation::Declined),
        );
        assert_eq!(readiness(&s), vec![]);
    }

    #[test]
    fn a_conference_with_no_facts_yet_names_the_child_plainly() {
        let mut s = ready();
        s.conference = None;
        let all = words(&s);
        assert!(all.contains(&"Agree a date with the family".to_owned()));
        assert!(
            all.contains(
                &"Hear the child's wishes and views: in person, in writing or through an advocate"
                    .to_owned()
            )
        );
    }

    #[test]
    fn nothing_is_open_once_the_conference_is_held_or_closed() {
        let open = with(ready(), person("Sam", "uncle", Invitation::Invited));
        let mut moved_on = open.clone();
        moved_on.move_to_stage("information", datetime!(2026-12-01 10:00 UTC));
        let mut decided = open.clone();
        let mut reviewed = open.clone();
        let mut closed = open.clone();
        if let (Some(d), Some(r), Some(c)) = (
            decided.conference.as_mut(),
            reviewed.conference.as_mut(),
            closed.conference.as_mut(),
        ) {
            d.decision = Some(Decision::Agreed);
            r.ratings.push(Rating {
                date: date!(2027 - 02 - 01),
                family: Some(7),
                professionals: None,
                due: None,
                child_lives: None,
            });
            close_for_test(c);
        }
        assert_eq!(readiness(&open).len(), 1);
        for s in [moved_on, decided, reviewed, closed] {
            assert_eq!(readiness(&s), vec![]);
        }
    }
}
