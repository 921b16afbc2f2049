//! Large, realistic, fictional sessions and folders, for benchmarks and for anyone who wants
//! to see how convene behaves with a lot of words.

use crate::model::{
    Agreement, DesignStatement, Dream, Note, RecordBody, RecordId, RecordKind, Session, SessionId,
    Status, Strength, StrengthKind,
};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const STRENGTHS: [&str; 8] = [
    "Youth workers know every young person by name and keep in touch when things get hard",
    "Our night-route bus drivers notice who travels late and ring the control room",
    "The school library stays open until six so young people have somewhere warm to be",
    "Parents who have been through it run a Friday group and never judge",
    "The daily call means what one partner heard overnight the others know by breakfast",
    "Housing can move a family within a fortnight and keep them near their school",
    "Young advisers rewrote our leaflets in words young people actually use",
    "School nurses listen without judging and young people keep coming back",
];
const THEMES: [&str; 4] = [
    "Relationships",
    "Safe places",
    "Sharing what we know",
    "Young people's voices",
];
const SECTORS: [&str; 6] = [
    "housing",
    "health",
    "education",
    "policing",
    "transport",
    "voluntary sector",
];
const OWNERS: [&str; 5] = [
    "Priya (youth service)",
    "Tom (police)",
    "Marta (housing)",
    "Ade (buses)",
    "Grace (partnership)",
];

/// A workshop with `records` records spread over the AI stages, linked as a real one is:
/// dreams build on strengths, designs serve dreams, agreements serve designs.
pub fn workshop(id: &str, records: usize, seed: u64) -> Session {
    let mut rng = fastrand::Rng::with_seed(seed);
    let start: OffsetDateTime = datetime!(2026-11-12 09:30 UTC);
    let id = SessionId::parse(id).unwrap_or_else(|| SessionId::random(&mut rng));
    let mut s = Session::new(
        id,
        format!("Partnership day {seed}"),
        "appreciative-inquiry",
        "define",
        start,
    );
    // The records so far of each kind, for the later ones to link to.
    let mut made: std::collections::HashMap<RecordKind, Vec<RecordId>> = Default::default();
    for i in 0..records {
        let at = start + Duration::seconds(i as i64 * 7);
        let pick = |rng: &mut fastrand::Rng, kind: RecordKind| -> Vec<RecordId> {
            let v = made.get(&kind).map_or(&[][..], Vec::as_slice);
            if v.is_empty() {
                Vec::new()
            } else {
                vec![v[rng.usize(..v.len())]]
            }
        };
        let (stage, body) = match i % 10 {
            0 => (
                "define",
                RecordBody::Note(Note {
                    text: format!("Topic note {i}: every young person has trusted adults"),
                }),
            ),
            1..=4 => (
                "discovery",
                RecordBody::Strength(Strength {
                    text: format!("{} ({i})", STRENGTHS[rng.usize(..STRENGTHS.len())]),
                    kind: StrengthKind::ALL[rng.usize(..4)],
                    theme: Some(THEMES[rng.usize(..THEMES.len())].to_owned()),
                    tags: crate::model::Tags {
                        sectors: vec![SECTORS[rng.usize(..SECTORS.len())].to_owned()],
                        level: Some(crate::model::Level::ALL[rng.usize(..4)]),
                        voice: Some(crate::model::Voice::ALL[rng.usize(..4)]),
                    },
                }),
            ),
            5 | 6 => (
                "dream",
                RecordBody::Dream(Dream {
                    text: format!("Every young person can name a safe place near home ({i})"),
                    builds_on: pick(&mut rng, RecordKind::Strength),
                    ..Dream::default()
                }),
            ),
            7 | 8 => (
                "design",
                RecordBody::DesignStatement(DesignStatement {
                    text: format!("We share what we know the same day ({i})"),
                    serves: pick(&mut rng, RecordKind::Dream),
                    ..DesignStatement::default()
                }),
            ),
            _ => (
                "destiny",
                RecordBody::Agreement(Agreement {
                    action: format!("Open the leisure centre on Friday nights, week {i}"),
                    owner: OWNERS[rng.usize(..OWNERS.len())].to_owned(),
                    due: Some(start.date() + Duration::days(rng.i64(1..120))),
                    status: Status::ALL[rng.usize(..Status::ALL.len())],
                    serves: pick(&mut rng, RecordKind::DesignStatement),
                    ..Agreement::default()
                }),
            ),
        };
        let kind = body.kind();
        let id = s.add(stage, body, at);
        made.entry(kind).or_default().push(id);
    }
    for (i, stage) in ["discovery", "dream", "design", "destiny"]
        .iter()
        .enumerate()
    {
        s.move_to_stage(stage, start + Duration::hours(i as i64 + 1));
    }
    s
}
