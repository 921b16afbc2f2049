//! The family's copy of a conference: their plan first, in their words, with dates in words and nothing meant only for professionals.
//!
//! It is the plan as it stands on the day it is made (`today`, given): items done are
//! marked done, items changed or dropped are out of "Our plan", a review says what is
//! working and what changed, a closed conference says so; and it speaks of the conference
//! day and the review in the tense their dates call for. It never names anyone kept apart
//! from the plan (outside the child's safe network, or not invited) in any role.
//!
//! It holds the plan (what, who, by when, and the help services promised), what it keeps
//! in place (the bottom lines the family planned around), what happens if the plan is not working, when everyone meets again, who to call (only people in
//! the child's safe network, by name and relationship) and the child's wishes. It leaves
//! out the session's id, record numbers, the coordinator's preparation, the information
//! and questions from professionals, and anyone's needs or address.

use super::document::Block;
use crate::describe::{Field, describe};
use crate::model::names::names_several;
use crate::model::timefmt::{date_in_words, parse_date};
use crate::model::{ClosureReason, Conference, Decision, RecordBody, Session, Status};
use crate::text::clean_line;
use time::Date;

/// What the family reads where a task's person is someone kept apart from the plan.
pub const WHO_TO_AGREE: &str = "To be agreed with your coordinator";

/// The family's copy as blocks, every format renders them. `today` sets the tense of
/// what it says of the conference day and the review (without it, the dates are given
/// without saying whether they have passed).
pub fn blocks(session: &Session, today: Option<Date>) -> Vec<Block> {
    let conference = session.conference.clone().unwrap_or_default();
    let child = clean_line(&conference.child);
    let mut out = vec![Block::Heading(
        1,
        if child.is_empty() {
            "The family's plan".to_owned()
        } else {
            format!("The family's plan for {child}")
        },
    )];
    if let Some(made) = made(&conference, today) {
        out.push(Block::Paragraph(made));
    }
    if let Some(closed) = &conference.closed {
        out.push(Block::Heading(2, "This plan is now closed".to_owned()));
        out.push(Block::Paragraph(format!(
            "The family group conference closed on {}{}. If things change, talk with your coordinator.",
            date_in_words(closed.date),
            closed_because(&closed.reason, &child)
                .map_or_else(String::new, |why| format!(": {why}")),
        )));
    }
    out.push(Block::Heading(2, "Our plan".to_owned()));
    out.push(plan(session));
    out.extend(review(session, &conference));
    // What services said must happen: the plan was made to keep it, so the family keeps
    // it in sight too.
    if !conference.bottom_lines.trim().is_empty() {
        out.push(Block::Heading(2, "What the plan keeps in place".to_owned()));
        out.push(Block::Paragraph(conference.bottom_lines.clone()));
    }
    out.push(Block::Heading(2, "If the plan is not working".to_owned()));
    out.push(Block::Paragraph(
        if conference.contingency.trim().is_empty() {
            "Talk with your coordinator straight away: they will help everyone find a way forward."
                .to_owned()
        } else {
            conference.contingency.clone()
        },
    ));
    if conference.closed.is_none() {
        out.push(Block::Heading(2, "When we meet again".to_owned()));
        out.push(Block::Paragraph(meet_again(&conference, today)));
    }
    out.extend(super::who_to_call::blocks(session));
    if !conference.child_voice.trim().is_empty() {
        let verb = if names_several(&child) {
            "want"
        } else {
            "wants"
        };
        out.push(Block::Heading(
            2,
            if child.is_empty() {
                "What the child wants".to_owned()
            } else {
                format!("What {child} {verb}")
            },
        ));
        out.push(Block::Paragraph(conference.child_voice.clone()));
    }
    out
}

/// When the plan was made (or will be) and whether it was agreed, in a sentence or two.
/// Before the day it says the family will meet; from a decision or the day after, that
/// they made the plan.
fn made(c: &Conference, today: Option<Date>) -> Option<String> {
    let held = c.decision.is_some() || c.closed.is_some();
    let when = c.date.map(|d| match today {
        Some(today) if d > today && !held => format!(
            "We will meet for the family group conference on {}, to make the plan together.",
            date_in_words(d)
        ),
        Some(today) if d == today && !held => format!(
            "We meet today, {}, for the family group conference, to make the plan together.",
            date_in_words(d)
        ),
        Some(_) => format!(
            "We made this plan together at the family group conference on {}.",
            date_in_words(d)
        ),
        None => format!("The family group conference: {}.", date_in_words(d)),
    });
    let decision = c.decision.map(|d| match d {
        Decision::Agreed => "Everyone agreed the plan.",
        Decision::AgreedWithChanges => "Everyone agreed the plan, with the changes written here.",
        Decision::NotAgreed => {
            "The plan is not agreed yet: your coordinator will talk with you about what happens next."
        }
    });
    let sentences: Vec<&str> = when.as_deref().into_iter().chain(decision).collect();
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

/// Why the conference closed, in the family's terms (never the service's category).
fn closed_because(reason: &ClosureReason, child: &str) -> Option<String> {
    let child = if child.is_empty() { "the child" } else { child };
    match reason {
        ClosureReason::PlanWorking => {
            Some("the plan is working, and you asked for the conference to close".to_owned())
        }
        ClosureReason::FamilyWithdrew => {
            Some("you decided not to go on with the family group conference".to_owned())
        }
        ClosureReason::ReferredBack => Some(
            "the plan was not agreed, so your social worker will take things forward with you"
                .to_owned(),
        ),
        ClosureReason::ChildMoved => Some(format!("{child} moved to another area")),
        ClosureReason::Other(words) if !words.trim().is_empty() => Some(clean_line(words)),
        ClosureReason::Other(_) | ClosureReason::NotRecorded => None,
    }
}

/// When everyone meets again, in the tense the review's date calls for.
fn meet_again(c: &Conference, today: Option<Date>) -> String {
    let to_agree = "The date to meet again and see how the plan is going is still to be agreed.";
    match (c.review_held(), c.review_date) {
        (Some(held), _) => format!(
            "We met again on {} to see how the plan was going. {to_agree}",
            date_in_words(held.date)
        ),
        (None, Some(date)) if today.is_some_and(|t| date < t) => format!(
            "We planned to meet again on {}. Your coordinator will agree a new date with you.",
            date_in_words(date)
        ),
        (None, Some(date)) if today.is_some() => format!(
            "We will meet again on {} to see how the plan is going.",
            date_in_words(date)
        ),
        (None, Some(date)) => format!(
            "We meet again on {} to see how the plan is going.",
            date_in_words(date)
        ),
        (None, None) => to_agree.to_owned(),
    }
}

/// The plan as it stands: what, who, by when (in words; "Done" once done), and the help
/// services promised. An item changed or dropped is no longer part of it (what replaced a
/// changed item is an item of its own); nobody kept apart is named as who.
fn plan(session: &Session) -> Block {
    let rows: Vec<Vec<String>> = session
        .records
        .iter()
        .filter(|r| {
            matches!(&r.body, RecordBody::PlanItem(p)
                if !matches!(p.status, Status::Dropped | Status::Changed))
        })
        .map(|r| {
            let d = describe(r, session);
            let field = |f: Field| d.get(f).unwrap_or_default().to_owned();
            let by_when = if r.body.status() == Some(Status::Done) {
                "Done".to_owned()
            } else {
                d.get(Field::Due)
                    .map(|due| parse_date(due).map_or_else(|| due.to_owned(), date_in_words))
                    .unwrap_or_default()
            };
            let who = field(Field::Who);
            let who = session
                .who_to_share(&who)
                .unwrap_or_else(|| WHO_TO_AGREE.to_owned());
            vec![d.words.clone(), who, by_when, field(Field::Support)]
        })
        .collect();
    if rows.is_empty() {
        return Block::Paragraph("The plan is still being written.".to_owned());
    }
    Block::Table {
        header: ["What we will do", "Who", "By when", "Help from services"]
            .map(str::to_owned)
            .to_vec(),
        rows,
    }
}

/// After a review: when it was, how the family said the plan is working, what is done and
/// what changed, in plain words (the items' own, never who or anyone's notes).
fn review(session: &Session, c: &Conference) -> Vec<Block> {
    let Some(last) = c.ratings.last() else {
        return Vec::new();
    };
    let mut said = format!(
        "We met on {} to see how the plan was going.",
        date_in_words(last.date)
    );
    if let Some(score) = last.family {
        said.push_str(&format!(
            " The family said the plan is working {score} out of 10."
        ));
    }
    let items = |wanted: &[Status]| -> Vec<String> {
        session
            .records
            .iter()
            .filter(|r| matches!(&r.body, RecordBody::PlanItem(p) if wanted.contains(&p.status)))
            .map(|r| clean_line(r.body.text()))
            .collect()
    };
    let (done, going, changed, dropped) = (
        items(&[Status::Done]),
        items(&[Status::InProgress]),
        items(&[Status::Changed]),
        items(&[Status::Dropped]),
    );
    let mut out = vec![
        Block::Heading(2, "How the plan is going".to_owned()),
        Block::Paragraph(said),
    ];
    if !done.is_empty() || !going.is_empty() {
        out.push(Block::Heading(3, "What is working".to_owned()));
        out.push(Block::List(
            done.into_iter()
                .map(|w| format!("{w} (done)"))
                .chain(going.into_iter().map(|w| format!("{w} (going on)")))
                .collect(),
        ));
    }
    if !changed.is_empty() || !dropped.is_empty() {
        out.push(Block::Heading(3, "What changed".to_owned()));
        out.push(Block::List(
            changed
                .into_iter()
                .map(|w| format!("{w} (we changed this: the new way is in our plan)"))
                .chain(
                    dropped
                        .into_iter()
                        .map(|w| format!("{w} (we agreed to stop this)")),
                )
                .collect(),
        ));
    }
    out
}
