//! The family's copy's "Your coordinator" and "Who to call": how to reach the coordinator, and the child's safe network with the numbers of those who agreed to be called.
//!
//! Nobody kept apart from the plan (outside the child's safe network: see
//! `Participant::kept_apart`) is listed, in any way; a number is given only for a person
//! who agreed to be called (`may_call`). An email address of the network is never given:
//! the family is given numbers to call.

use super::document::Block;
use crate::describe::{Field, describe};
use crate::model::Session;
use crate::text::clean_line;

/// "Your coordinator" (when one is written) and "Who to call" (when anyone is in it).
pub(super) fn blocks(session: &Session) -> Vec<Block> {
    let mut out = Vec::new();
    let coordinator = coordinator(session);
    if !coordinator.is_empty() {
        out.push(Block::Heading(2, "Your coordinator".to_owned()));
        out.push(Block::Facts(coordinator));
    }
    let network = network(session);
    if !network.is_empty() {
        out.push(Block::Heading(2, "Who to call".to_owned()));
        out.push(Block::Facts(network));
    }
    out
}

/// The coordinator's name and how to reach them, the empty ones left out.
fn coordinator(session: &Session) -> Vec<(String, String)> {
    let Some(c) = &session.conference else {
        return Vec::new();
    };
    let c = &c.coordinator;
    [("Name", &c.name), ("Phone", &c.phone), ("Email", &c.email)]
        .into_iter()
        .map(|(label, value)| (label.to_owned(), clean_line(value)))
        .filter(|(_, value)| !value.trim().is_empty())
        .collect()
}

/// The child's safe network by name and relationship (their role where no relationship
/// was written), with their number when they agreed to be called; never anyone kept apart
/// from the plan, and never their needs or email.
fn network(session: &Session) -> Vec<(String, String)> {
    session
        .safe_network()
        .filter(|(_, p)| p.kept_apart().is_none())
        .map(|(record, p)| {
            let d = describe(record, session);
            let about = d
                .get(Field::Relationship)
                .or_else(|| d.get(Field::Role))
                .unwrap_or_default();
            let about = match d.get(Field::Phone).filter(|_| p.callable()) {
                Some(phone) if about.is_empty() => phone.to_owned(),
                Some(phone) => format!("{about} · {phone}"),
                None => about.to_owned(),
            };
            (clean_line(&d.words), about)
        })
        .collect()
}
