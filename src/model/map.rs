//! The pictures of where strength lies: the partnership's system map (sectors × levels) and
//! the child's network (sides × closeness). Counts only; drawing is elsewhere.

use super::{Closeness, Level, RecordBody, RecordId, RecordKind, Session, Side, Voice};

/// The system map of a workshop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SystemMap {
    /// The rows: the known sectors, then any others the session names.
    pub sectors: Vec<String>,
    /// For each sector and each level (in `Level::ALL` order), the strengths there.
    pub cells: Vec<[Vec<RecordId>; 4]>,
    /// For each sector, the strengths tagged with it but with no level said.
    pub no_level: Vec<Vec<RecordId>>,
    /// Strengths with no sector or no level yet.
    pub untagged: usize,
    /// Sectors of the people in the room, and the sectors nobody in the room speaks for.
    pub in_room: Vec<String>,
    pub not_in_room: Vec<String>,
    /// Records carrying the voices of young people, and of parents and carers.
    pub young_voices: usize,
    pub parent_voices: usize,
    /// Each change goal with how many agreements serve it.
    pub goals: Vec<(RecordId, String, usize)>,
    /// The affirmative topic the workshop is built around, if it has one.
    pub topic: Option<String>,
}

impl SystemMap {
    /// The most strengths in any cell (for shading).
    pub fn most(&self) -> usize {
        self.cells
            .iter()
            .flat_map(|row| row.iter().map(Vec::len))
            .max()
            .unwrap_or(0)
    }

    /// How many strengths are on record for a sector, at any level or none.
    pub fn heard(&self, sector: usize) -> usize {
        self.cells
            .get(sector)
            .map_or(0, |row| row.iter().map(Vec::len).sum())
            + self.no_level.get(sector).map_or(0, Vec::len)
    }

    /// The strengths in one cell.
    pub fn cell(&self, sector: usize, level: usize) -> &[RecordId] {
        self.cells
            .get(sector)
            .and_then(|row| row.get(level))
            .map_or(&[], Vec::as_slice)
    }
}

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Counts a workshop's strengths by sector and level, and who and what the room holds.
/// `known` is the list of sectors to show first (defaults and the user's own).
pub fn system_map(session: &Session, known: &[String]) -> SystemMap {
    let mut sectors: Vec<String> = known.to_vec();
    let mut add_sector = |name: &str| {
        if !name.trim().is_empty() && !sectors.iter().any(|s| same(s, name)) {
            sectors.push(name.trim().to_lowercase());
        }
    };
    for r in &session.records {
        if let Some(tags) = r.body.tags() {
            tags.sectors.iter().for_each(|s| add_sector(s));
        }
        if let Some(p) = r.body.participant()
            && let Some(s) = &p.sector
        {
            add_sector(s);
        }
    }
    let index = |name: &str| sectors.iter().position(|s| same(s, name));
    let mut cells: Vec<[Vec<RecordId>; 4]> = vec![Default::default(); sectors.len()];
    let mut no_level: Vec<Vec<RecordId>> = vec![Vec::new(); sectors.len()];
    let (mut untagged, mut young, mut parents) = (0, 0, 0);
    let mut in_room: Vec<String> = Vec::new();
    for r in &session.records {
        if let Some(tags) = r.body.tags() {
            young += usize::from(tags.voice == Some(Voice::YoungPerson));
            parents += usize::from(tags.voice == Some(Voice::ParentOrCarer));
            if r.body.kind() == RecordKind::Strength {
                let level = tags
                    .level
                    .and_then(|l| Level::ALL.iter().position(|x| *x == l));
                // A sector's strength counts for the sector, with its level or without.
                for sector in &tags.sectors {
                    if let Some(row) = index(sector) {
                        match level {
                            Some(level) => cells[row][level].push(r.id),
                            None => no_level[row].push(r.id),
                        }
                    }
                }
                if level.is_none() || tags.sectors.is_empty() {
                    untagged += 1;
                }
            }
        }
        if let Some(p) = r.body.participant()
            && let Some(sector) = p.sector.as_deref().and_then(&index)
            && !in_room.contains(&sectors[sector])
        {
            in_room.push(sectors[sector].clone());
        }
    }
    let not_in_room = sectors
        .iter()
        .filter(|s| !in_room.contains(s))
        .cloned()
        .collect();
    let goals = session
        .change_goals()
        .map(|g| {
            let serving = session
                .records
                .iter()
                .filter(|r| r.body.goals().contains(&g.id))
                .count();
            (g.id, g.body.text().to_owned(), serving)
        })
        .collect();
    SystemMap {
        sectors,
        cells,
        no_level,
        untagged,
        in_room,
        not_in_room,
        young_voices: young,
        parent_voices: parents,
        goals,
        topic: session
            .affirmative_topic()
            .map(|t| t.body.text().to_owned()),
    }
}

/// One person on the network map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub id: RecordId,
    pub name: String,
    /// How many plan items they take on (their name in "who").
    pub plan_items: usize,
}

/// The child's network: for each side (in `Side` order: family, friend, community,
/// professional) and closeness (close, around, further out, not placed yet), the people
/// the child can count on ([`Session::safe_network`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    pub child: String,
    pub cells: [[Vec<Person>; 4]; 4],
    /// How many participants are outside the child's safe network, and so not placed.
    pub outside: usize,
}

/// Whether `name` appears in `text` as whole words, ignoring case.
fn names(text: &str, name: &str) -> bool {
    let (text, name) = (text.to_lowercase(), name.trim().to_lowercase());
    if name.is_empty() {
        return false;
    }
    text.match_indices(&name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Places the participants the child can count on by side and closeness, with their plan
/// items; anyone outside the child's safe network is left out.
pub fn network(session: &Session) -> Network {
    let mut cells: [[Vec<Person>; 4]; 4] = Default::default();
    for (r, p) in session.safe_network() {
        let side = match p.side {
            Side::Family => 0,
            Side::Friend => 1,
            Side::Community => 2,
            Side::Professional => 3,
        };
        let ring = p.closeness.map_or(3, |c| {
            Closeness::ALL.iter().position(|x| *x == c).unwrap_or(3)
        });
        let plan_items = session
            .records
            .iter()
            .filter(|r| matches!(&r.body, RecordBody::PlanItem(item) if names(&item.who, &p.name)))
            .count();
        cells[side][ring].push(Person {
            id: r.id,
            name: p.name.clone(),
            plan_items,
        });
    }
    let child = session
        .conference
        .as_ref()
        .map(|c| c.child.clone())
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| "the child".to_owned());
    let outside = session
        .records
        .iter()
        .filter(|r| r.body.participant().is_some_and(|p| !p.in_safe_network()))
        .count();
    Network {
        child,
        cells,
        outside,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Agreement, ChangeGoal, Participant, PlanItem, SessionId, Strength, Tags};
    use time::macros::datetime;

    fn workshop() -> Session {
        let now = datetime!(2026-11-25 10:00 UTC);
        let mut s = Session::new(
            SessionId::parse("map1").expect("id"),
            "Map",
            "appreciative-inquiry",
            "discovery",
            now,
        );
        let tag = |sectors: &[&str], level, voice| Tags {
            sectors: sectors.iter().map(|s| (*s).to_owned()).collect(),
            level,
            voice,
        };
        for tags in [
            tag(
                &["housing"],
                Some(Level::CommunityAndPlaces),
                Some(Voice::Professional),
            ),
            tag(
                &["Housing", "health"],
                Some(Level::CommunityAndPlaces),
                Some(Voice::YoungPerson),
            ),
            tag(
                &["faith groups"],
                Some(Level::Individual),
                Some(Voice::ParentOrCarer),
            ),
            tag(&["health"], None, None),
            Tags::default(),
        ] {
            s.add(
                "discovery",
                RecordBody::Strength(Strength {
                    text: "A strength".into(),
                    tags,
                    ..Strength::default()
                }),
                now,
            );
        }
        s.add(
            "define",
            RecordBody::Participant(Participant {
                name: "Marta".into(),
                sector: Some("HOUSING".into()),
                ..Participant::default()
            }),
            now,
        );
        let goal = s.add(
            "define",
            RecordBody::ChangeGoal(ChangeGoal {
                text: "Voices shape decisions".into(),
            }),
            now,
        );
        s.add(
            "destiny",
            RecordBody::Agreement(Agreement {
                action: "Co-chair".into(),
                goals: vec![goal],
                ..Agreement::default()
            }),
            now,
        );
        s
    }

    #[test]
    fn the_system_map_counts_strengths_by_sector_and_level() {
        let map = system_map(&workshop(), &crate::model::default_sectors());
        let housing = map
            .sectors
            .iter()
            .position(|s| s == "housing")
            .expect("housing");
        let health = map
            .sectors
            .iter()
            .position(|s| s == "health")
            .expect("health");
        let community = 2;
        assert_eq!(
            map.cell(housing, community).len(),
            2,
            "case-insensitive sectors"
        );
        assert_eq!(map.cell(health, community).len(), 1);
        assert_eq!(
            map.sectors.last().map(String::as_str),
            Some("faith groups"),
            "a user's sector is added"
        );
        assert_eq!(map.untagged, 2);
        assert_eq!(map.most(), 2);
        assert_eq!(map.in_room, ["housing"]);
        assert!(map.not_in_room.contains(&"health".to_owned()));
        assert_eq!((map.young_voices, map.parent_voices), (1, 1));
        assert_eq!(map.goals.len(), 1);
        assert_eq!(map.goals[0].2, 1);
    }

    #[test]
    fn an_empty_session_maps_to_empty_cells() {
        let s = Session::new(
            SessionId::parse("e1").expect("id"),
            "E",
            "appreciative-inquiry",
            "define",
            datetime!(2026-11-25 10:00 UTC),
        );
        let map = system_map(&s, &crate::model::default_sectors());
        assert_eq!(map.most(), 0);
        assert_eq!(map.sectors.len(), 12);
        assert!(map.goals.is_empty() && map.in_room.is_empty());
    }

    #[test]
    fn the_network_places_people_by_side_and_closeness_with_their_plan_items() {
        let now = datetime!(2026-11-25 10:00 UTC);
        let mut s = Session::new(
            SessionId::parse("net1").expect("id"),
            "N",
            "family-group-conference",
            "agreement",
            now,
        );
        let person = |name: &str, side, closeness| {
            RecordBody::Participant(Participant {
                name: name.into(),
                side,
                closeness,
                ..Participant::default()
            })
        };
        s.add(
            "planning",
            person("Halina", Side::Family, Some(Closeness::Close)),
            now,
        );
        s.add(
            "planning",
            person("Sam", Side::Professional, Some(Closeness::FurtherOut)),
            now,
        );
        s.add("planning", person("Kevin", Side::Community, None), now);
        for who in ["Halina and Marek", "halina", "Samantha"] {
            s.add(
                "agreement",
                RecordBody::PlanItem(PlanItem {
                    text: "A step".into(),
                    who: who.into(),
                    ..PlanItem::default()
                }),
                now,
            );
        }
        let net = network(&s);
        assert_eq!(net.child, "the child");
        assert_eq!(net.cells[0][0][0].name, "Halina");
        assert_eq!(net.cells[0][0][0].plan_items, 2);
        assert_eq!(net.cells[3][2][0].plan_items, 0, "Samantha is not Sam");
        assert_eq!(net.cells[2][3][0].name, "Kevin", "not placed yet");
    }

    #[test]
    fn someone_outside_the_safe_network_is_never_among_those_the_child_can_count_on() {
        let now = datetime!(2026-11-25 10:00 UTC);
        let mut s = Session::new(
            SessionId::parse("net2").expect("id"),
            "N",
            "family-group-conference",
            "planning",
            now,
        );
        for (name, outside) in [("Halina", None), ("Dan", Some("A court order"))] {
            s.add(
                "planning",
                RecordBody::Participant(Participant {
                    name: name.into(),
                    closeness: Some(Closeness::Close),
                    outside_safe_network: outside.map(str::to_owned),
                    ..Participant::default()
                }),
                now,
            );
        }
        let net = network(&s);
        let placed: Vec<&str> = net
            .cells
            .iter()
            .flatten()
            .flatten()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(placed, ["Halina"]);
        assert_eq!(net.outside, 1);
        let safe: Vec<&str> = s.safe_network().map(|(_, p)| p.name.as_str()).collect();
        assert_eq!(safe, ["Halina"]);
    }
}
