//! The family's copy of a conference: their plan first, in their words, with dates in words and nothing meant only for professionals.
//!
//! It holds the plan (what, who, by when, and the help services promised), what it keeps
//! in place (the bottom lines the family planned around), what happens if the plan is not working, when everyone meets again, who to call (only people in
//! the child's safe network, by name and relationship) and the child's wishes. It leaves
//! out the session's id, record numbers, the coordinator's preparation, the information
//! and questions from professionals, and anyone's needs or address.

use super::document::Block;
use crate::describe::{Field, describe};
use crate::model::timefmt::{date_in_words, parse_date};
use crate::model::{Conference, Decision, RecordBody, Session, Status};
use crate::text::clean_line;

/// The family's copy as blocks, every format renders them.
pub fn blocks(session: &Session) -> Vec<Block> {
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
    if let Some(made) = made(&conference) {
        out.push(Block::Paragraph(made));
    }
    out.push(Block::Heading(2, "Our plan".to_owned()));
    out.push(plan(session));
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
        let to_agree =
            "The date to meet again and see how the plan is going is still to be agreed.";
        out.push(Block::Paragraph(
            match (conference.review_held(), conference.review_date) {
                (Some(held), _) => format!(
                    "We met again on {} to see how the plan was going. {to_agree}",
                    date_in_words(held.date)
                ),
                (None, Some(date)) => format!(
                    "We meet again on {} to see how the plan is going.",
                    date_in_words(date)
                ),
                (None, None) => to_agree.to_owned(),
            },
        ));
    }
    out.extend(super::who_to_call::blocks(session));
    if !conference.child_voice.trim().is_empty() {
        out.push(Block::Heading(
            2,
            if child.is_empty() {
                "What the child wants".to_owned()
            } else {
                format!("What {child} wants")
            },
        ));
        out.push(Block::Paragraph(conference.child_voice.clone()));
    }
    out
}

/// When the plan was made and whether it was agreed, in a sentence or two.
fn made(c: &Conference) -> Option<String> {
    let when = c.date.map(|d| {
        format!(
            "Made together at the family group conference on {}.",
            date_in_words(d)
        )
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

/// The plan as a table: what, who, by when (in words), and the help services promised.
/// An item the family dropped is no longer part of it.
fn plan(session: &Session) -> Block {
    let rows: Vec<Vec<String>> = session
        .records
        .iter()
        .filter(|r| matches!(&r.body, RecordBody::PlanItem(p) if p.status != Status::Dropped))
        .map(|r| {
            let d = describe(r, session);
            let field = |f: Field| d.get(f).unwrap_or_default().to_owned();
            let by_when = d
                .get(Field::Due)
                .map(|due| parse_date(due).map_or_else(|| due.to_owned(), date_in_words))
                .unwrap_or_default();
            vec![
                d.words.clone(),
                field(Field::Who),
                by_when,
                field(Field::Support),
            ]
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
