//! A follow-up day: what an earlier session hands on (its topic, people, change goals and open agreements), with fresh ids.

use super::ids::RecordId;
use super::record::{Carry, Record, RecordBody, RecordKind};
use super::session::Session;
use std::collections::HashMap;
use time::OffsetDateTime;

/// Whether a record of an earlier session carries into a follow-up: its affirmative topic
/// (the latest: a follow-up day keeps building around it), the participants, the change
/// goals and the agreements still open (not done, not dropped).
fn carries(record: &Record, earlier: &Session) -> bool {
    match record.body.kind().carry() {
        Carry::IfLatestTopic => earlier.affirmative_topic().map(|t| t.id) == Some(record.id),
        Carry::Always => true,
        Carry::WhileOpen => record.body.commitment().is_some_and(|c| c.is_open()),
        Carry::Never => false,
    }
}

/// Copies what `earlier` hands on into `into`, in its order, each with a fresh id, its
/// words, fields and check-ins, its links among the records carried (links to records left
/// behind are dropped), when it was first made, and where it came from ("“Harbour day”
/// (k7q2m9xa), #5"). `stage_for` says in which stage of `into` a kind lands, given the
/// stage it was in. Each agreement carried is marked in `earlier` as carried on to `into`
/// (that session holds it now, so it is counted once): save `earlier` once `into` is saved.
/// Returns how many of each kind were carried, in the order first met.
pub fn carry_over(
    earlier: &mut Session,
    into: &mut Session,
    stage_for: impl Fn(RecordKind, &str) -> String,
    now: OffsetDateTime,
) -> Vec<(RecordKind, usize)> {
    let mut fresh: HashMap<RecordId, RecordId> = HashMap::new();
    let mut counts: Vec<(RecordKind, usize)> = Vec::new();
    let carried: Vec<Record> = earlier
        .records
        .iter()
        .filter(|r| carries(r, earlier))
        .cloned()
        .collect();
    for record in &carried {
        let kind = record.body.kind();
        let id = into.add(&stage_for(kind, &record.stage), record.body.clone(), now);
        fresh.insert(record.id, id);
        match counts.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind, 1)),
        }
    }
    for record in carried {
        if let Some(RecordBody::Agreement(a)) = earlier.record_mut(record.id).map(|r| &mut r.body) {
            a.carried_to = Some(into.id.clone());
            earlier.updated = now;
        }
        let Some(new) = fresh.get(&record.id).and_then(|id| into.record_mut(*id)) else {
            continue;
        };
        new.body.relink(|id| fresh.get(&id).copied());
        new.created = record.created;
        new.source = Some(format!(
            "“{}” ({}), {}",
            earlier.title, earlier.id, record.id
        ));
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Note, RecordBody, SessionId, Topic};
    use time::macros::datetime;

    #[test]
    fn a_follow_up_day_keeps_the_latest_affirmative_topic() {
        let now = datetime!(2026-11-25 09:00 UTC);
        let new = |id: &str| {
            let id = SessionId::parse(id).expect("id");
            Session::new(id, "Harbour day", "appreciative-inquiry", "define", now)
        };
        let mut earlier = new("first1");
        let draft = "Trusted adults everywhere";
        earlier.add(
            "define",
            RecordBody::Topic(Topic { text: draft.into() }),
            now,
        );
        let topic = "Every young person has trusted adults and safe places";
        earlier.add(
            "define",
            RecordBody::Topic(Topic { text: topic.into() }),
            now,
        );
        earlier.add("define", RecordBody::Note(Note::default()), now);
        let mut into = new("second1");
        let counts = carry_over(&mut earlier, &mut into, |_, stage| stage.to_owned(), now);
        assert_eq!(counts, [(RecordKind::Topic, 1)]);
        let carried = into.affirmative_topic().expect("the topic carries");
        assert_eq!(
            (carried.stage.as_str(), carried.body.text()),
            ("define", topic)
        );
        assert_eq!(
            carried.source.as_deref(),
            Some("“Harbour day” (first1), #2")
        );
    }
}
