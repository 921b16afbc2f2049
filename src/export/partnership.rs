//! The partnership's summary of a workshop, read by a board before the full record.
//!
//! It holds the affirmative topic, the change goals, who was in the room by sector and
//! organisation, what the room chose by its votes, the agreements under the change goal
//! each serves (with owners and dates in words), and the map. It is built once as blocks,
//! so Markdown, HTML and Word render the same summary; the full record follows it.

use super::document::Block;
use super::{Audience, Options, Report};
use crate::describe::{Description, Field, votes_words};
use crate::model::timefmt::date_in_words;
use crate::model::{RecordId, RecordKind, Session};
use crate::text::clean_line;

/// The summary for the export's audience: the partnership's, or nothing for anyone else.
pub fn summary(report: &Report, options: Options) -> Vec<Block> {
    if options.audience != Audience::Partnership {
        return Vec::new();
    }
    let s = report.session;
    let mut out = vec![Block::Heading(2, "Summary for the partnership".to_owned())];
    out.extend(topic(s));
    out.extend(goals(s));
    out.extend(room(report));
    out.extend(chosen(report));
    out.extend(agreements(report, options.today));
    out.extend(map(s));
    out.push(Block::Paragraph(
        "The full record follows, stage by stage, in the room's own words.".to_owned(),
    ));
    out
}

fn heading(text: &str) -> Block {
    Block::Heading(3, text.to_owned())
}

fn topic(s: &Session) -> Vec<Block> {
    vec![
        heading("The affirmative topic"),
        Block::Paragraph(s.affirmative_topic().map_or_else(
            || "The room has not written its affirmative topic yet.".to_owned(),
            |r| r.body.text().to_owned(),
        )),
    ]
}

fn goals(s: &Session) -> Vec<Block> {
    let goals: Vec<String> = s.change_goals().map(|r| r.body.text().to_owned()).collect();
    vec![
        heading("The change goals"),
        if goals.is_empty() {
            Block::Paragraph("The partnership has not written its change goals yet.".to_owned())
        } else {
            Block::List(goals)
        },
    ]
}

/// One group of a count: its name as first written, and its members.
type Group<T> = (String, Vec<T>);

/// Adds `item` to the group named `name` (case and spacing aside), or starts one.
fn group_into<T>(groups: &mut Vec<Group<T>>, name: &str, item: T) {
    let key = name.trim().to_lowercase();
    match groups
        .iter_mut()
        .find(|(n, _)| n.trim().to_lowercase() == key)
    {
        Some((_, items)) => items.push(item),
        None => groups.push((name.to_owned(), vec![item])),
    }
}

/// "1 person", "3 people" and the like.
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Who was in the room: the counts, then each sector with its organisations and people.
fn room(report: &Report) -> Vec<Block> {
    let people: Vec<Description> = report
        .session
        .records
        .iter()
        .filter(|r| r.body.kind() == RecordKind::Participant)
        .map(|r| report.describe(r))
        .collect();
    let mut out = vec![heading("Who was in the room")];
    if people.is_empty() {
        out.push(Block::Paragraph(
            "Nobody has been added as in the room yet.".to_owned(),
        ));
        return out;
    }
    let named =
        |d: &Description, field: Field, missing: &str| d.get(field).unwrap_or(missing).to_owned();
    let mut sectors: Vec<Group<&Description>> = Vec::new();
    let mut organisations: Vec<Group<()>> = Vec::new();
    for d in &people {
        group_into(
            &mut sectors,
            &named(d, Field::Sector, "sector not named"),
            d,
        );
        if let Some(organisation) = d.get(Field::Organisation) {
            group_into(&mut organisations, organisation, ());
        }
    }
    out.push(Block::Paragraph(format!(
        "{} from {} across {}.",
        count(people.len(), "person", "people"),
        count(organisations.len(), "organisation", "organisations"),
        count(sectors.len(), "sector", "sectors"),
    )));
    // Each sector with its people, by organisation: "Quayside Youth Hub (2): Jo Whitfield
    // (youth worker), Sam Lee".
    let facts = sectors
        .iter()
        .map(|(sector, members)| {
            let mut by_organisation: Vec<Group<String>> = Vec::new();
            for d in members {
                let name = clean_line(&d.words);
                let person = match d.get(Field::Role) {
                    Some(role) => format!("{name} ({role})"),
                    None => name,
                };
                group_into(
                    &mut by_organisation,
                    &named(d, Field::Organisation, "organisation not named"),
                    person,
                );
            }
            let organisations: Vec<String> = by_organisation
                .iter()
                .map(|(organisation, people)| match people.len() {
                    1 => format!("{organisation}: {}", people.join(", ")),
                    n => format!("{organisation} ({n}): {}", people.join(", ")),
                })
                .collect();
            (
                format!("{sector}, {}", count(members.len(), "person", "people")),
                organisations.join("; "),
            )
        })
        .collect();
    out.push(Block::Facts(facts));
    out
}

/// What the room chose: its dreams and design statements with votes, most first.
fn chosen(report: &Report) -> Vec<Block> {
    let mut voted: Vec<(u32, RecordKind, String)> = report
        .session
        .records
        .iter()
        .filter_map(|r| {
            let votes = r.body.votes().filter(|v| *v > 0)?;
            Some((votes, r.body.kind(), r.body.text().to_owned()))
        })
        .collect();
    // Stable: equal votes keep the order they were said in.
    voted.sort_by_key(|(votes, ..)| std::cmp::Reverse(*votes));
    let mut out = vec![heading("What the room chose")];
    if voted.is_empty() {
        out.push(Block::Paragraph(
            "The room has not voted yet: its dreams and design statements are in the full record below."
                .to_owned(),
        ));
        return out;
    }
    out.push(Block::Table {
        header: ["Chosen", "Kind", "Votes"].map(str::to_owned).to_vec(),
        rows: voted
            .into_iter()
            .map(|(votes, kind, words)| vec![words, kind.label().to_owned(), votes_words(votes)])
            .collect(),
    });
    out
}

/// The agreements under the change goal each serves (one serving two is under both), then
/// those not linked to a goal yet.
fn agreements(report: &Report, today: Option<time::Date>) -> Vec<Block> {
    let s = report.session;
    let agreements: Vec<(&[RecordId], Vec<String>)> = s
        .records
        .iter()
        .filter_map(|r| {
            let c = r.body.commitment().filter(|c| !c.plan)?;
            Some((r.body.goals(), row(report, r, c.due, today)))
        })
        .collect();
    let mut out = vec![heading("Agreements, by the change goal they serve")];
    if agreements.is_empty() {
        out.push(Block::Paragraph(
            "No agreements have been made yet.".to_owned(),
        ));
        return out;
    }
    let table = |rows: Vec<Vec<String>>| Block::Table {
        header: ["Agreement", "Owner", "By when", "Status"]
            .map(str::to_owned)
            .to_vec(),
        rows,
    };
    for goal in s.change_goals() {
        let rows: Vec<Vec<String>> = agreements
            .iter()
            .filter(|(goals, _)| goals.contains(&goal.id))
            .map(|(_, row)| row.clone())
            .collect();
        out.push(Block::Heading(
            4,
            format!("Change goal: {}", clean_line(goal.body.text())),
        ));
        out.push(if rows.is_empty() {
            Block::Paragraph("No agreement serves this goal yet.".to_owned())
        } else {
            table(rows)
        });
    }
    let goal_ids: Vec<RecordId> = s.change_goals().map(|r| r.id).collect();
    let loose: Vec<Vec<String>> = agreements
        .iter()
        .filter(|(goals, _)| !goals.iter().any(|g| goal_ids.contains(g)))
        .map(|(_, row)| row.clone())
        .collect();
    if !loose.is_empty() {
        if !goal_ids.is_empty() {
            out.push(Block::Heading(
                4,
                "Not linked to a change goal yet".to_owned(),
            ));
        }
        out.push(table(loose));
    }
    out
}

/// An agreement's row: its words, owner, date in words and status (overdue, as of
/// `today`, once its date has passed while it is still open).
fn row(
    report: &Report,
    record: &crate::model::Record,
    due: Option<time::Date>,
    today: Option<time::Date>,
) -> Vec<String> {
    let d = report.describe(record);
    let status = d.get(Field::Status).unwrap_or_default();
    let status = match today.and_then(|t| report.session.overdue_since(record.id, t)) {
        Some(since) => format!("{status} · overdue since {}", date_in_words(since)),
        None => status.to_owned(),
    };
    vec![
        d.words.clone(),
        d.get(Field::Owner).unwrap_or("not named yet").to_owned(),
        due.map_or_else(|| "no date yet".to_owned(), date_in_words),
        status,
    ]
}

/// The map: where strength lies, by sector and level.
fn map(s: &Session) -> Vec<Block> {
    let Some((title, header, rows)) = super::map_table(s, false) else {
        return Vec::new();
    };
    vec![
        heading(&title),
        Block::Table {
            header,
            rows: rows
                .into_iter()
                .map(|(label, cells)| {
                    std::iter::once(label)
                        .chain(cells.into_iter().map(|(_, text)| text))
                        .collect()
                })
                .collect(),
        },
    ]
}
