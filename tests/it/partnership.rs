//! A workshop's room and its partnership summary: participants as people in the room
//! (name, organisation, sector, role) in every view, and the summary a partnership's board
//! reads before the full record.

use crate::harness::Harness;
use convene::export::{Audience, Format, Options, render};
use convene::framework::Frameworks;
use convene::model::{Record, RecordBody, RecordId, RecordKind, Session};
use convene::store::{Store, load_path};
use std::path::Path;

/// An example session as its file holds it.
pub fn example(id: &str) -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(format!("{id}.ron"));
    load_path(&path).expect("example loads").session
}

/// Who was in the example workshop's room: (name, role, organisation, sector).
pub const ROOM: [(&str, &str, &str, &str); 10] = [
    (
        "Kai Mensah",
        "young adviser",
        "Harbourside Young Advisers",
        "young people (lived experience)",
    ),
    (
        "Lorna Price",
        "parent adviser",
        "Parents Together Harbourside",
        "parents and carers (lived experience)",
    ),
    (
        "Sandeep Gill",
        "head of year",
        "Harbourside Academy",
        "education",
    ),
    (
        "Marta Nowak",
        "housing officer",
        "Harbourside Homes",
        "housing",
    ),
    (
        "Priya Shah",
        "youth worker",
        "Harbourside Youth Service",
        "social care and early help",
    ),
    (
        "Hannah Reid",
        "team manager",
        "Children's Social Care",
        "social care and early help",
    ),
    (
        "Grace Lewis",
        "partnership business manager",
        "Harbourside Safeguarding Partnership",
        "social care and early help",
    ),
    (
        "Jess Okoro",
        "detached youth worker",
        "Harbourside Youth Trust",
        "voluntary sector",
    ),
    (
        "Ade Bello",
        "night network manager",
        "Harbourside Buses",
        "transport",
    ),
    (
        "Tom Hughes",
        "neighbourhood sergeant",
        "Harbourside Police",
        "policing",
    ),
];

/// The session exported as a person gets it, by default.
fn export(session: &Session, format: Format) -> String {
    let frameworks = Frameworks::embedded();
    render(
        session,
        frameworks.get(&session.framework),
        format,
        Options::default(),
    )
    .expect("exported")
}

/// `convene show` on a folder holding the session.
fn show(session: &Session) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    store.create(session).expect("saved");
    let out = crate::harness::convene()
        .arg("--dir")
        .arg(dir.path())
        .args(["show", session.id.as_str()])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every view of a session: the app's detail under each record, `show` and each export
/// format (Word as its document's XML, one paragraph or table row a line), by name.
fn every_view(session: &Session) -> Vec<(String, String)> {
    let detail = session
        .records
        .iter()
        .map(|r| {
            let detail = convene::ui::session::details(r, session, true);
            format!("{} {}\n", r.body.text(), detail.replace('\n', " "))
        })
        .collect();
    let mut views = vec![
        ("the app's detail".to_owned(), detail),
        ("show".to_owned(), show(session)),
    ];
    for format in Format::ALL {
        let text = export(session, format);
        let text = if format == Format::Docx {
            text.replace("</w:p>", "</w:p>\n")
        } else {
            text
        };
        views.push((format!("{format:?}"), text));
    }
    views
}

/// The lines of a view that speak of a person (their name is on the line).
fn lines_about<'a>(view: &'a str, name: &'a str) -> Vec<&'a str> {
    view.lines().filter(|l| l.contains(name)).collect()
}

#[test]
fn participants_are_people_in_the_room_in_a_workshop_and_a_network_in_a_conference() {
    let session = example("k7q2m9xa");
    for (view, text) in every_view(&session) {
        if view == "Ics" {
            continue; // a calendar holds dates, not people
        }
        for (name, role, organisation, sector) in ROOM {
            let lines = lines_about(&text, name);
            assert!(!lines.is_empty(), "{view}: {name} is missing");
            for line in lines {
                let line = as_read(line);
                let lower = line.to_lowercase();
                for never in ["family", "invitation", "identified", "side:"] {
                    assert!(
                        !lower.contains(never),
                        "{view} says {never:?} about {name}: {line}"
                    );
                }
                for words in [role, organisation, sector] {
                    assert!(
                        line.contains(words),
                        "{view}: {name} without {words}: {line}"
                    );
                }
            }
        }
    }
    // A conference's participants are the child's network: side and invitation stay,
    // also before its key facts are written.
    let conference = example("p3f8h2kd");
    let mut unwritten = conference.clone();
    unwritten.conference = None;
    unwritten.id = convene::model::SessionId::parse("p3f8none").expect("id");
    for session in [conference, unwritten] {
        let (person, side, invitation) = session
            .records
            .iter()
            .find_map(|r| match &r.body {
                RecordBody::Participant(p) => {
                    Some((p.name.clone(), p.side.label(), p.invitation.label()))
                }
                _ => None,
            })
            .expect("the example conference has participants");
        for (view, text) in every_view(&session) {
            if view == "Ics" {
                continue;
            }
            let lines = lines_about(&text, &person);
            assert!(
                lines
                    .iter()
                    .any(|l| l.contains(side) && l.contains(invitation)),
                "{view}: {person} without side and invitation: {lines:?}"
            );
        }
    }
}

/// Keys that move the kind choice (A) down to a kind the stage captures.
fn downs_to(stage: &str, kind: RecordKind) -> String {
    let frameworks = Frameworks::embedded();
    let captures = &frameworks
        .get("appreciative-inquiry")
        .and_then(|f| f.stage(stage))
        .expect("the stage")
        .captures;
    let at = captures
        .iter()
        .position(|k| *k == kind)
        .expect("the stage captures it");
    "<down>".repeat(at)
}

#[test]
fn a_workshop_asks_a_participant_only_their_name_organisation_sector_and_role() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>");
    h.keys(&format!(
        "A{}<enter>",
        downs_to("define", RecordKind::Participant)
    ));
    let screen = h.screen(80, 24);
    for label in ["Name", "Organisation", "Sector", "Role"] {
        assert!(screen.contains(label), "{label}: {screen}");
    }
    for never in [
        "Side",
        "Invitation",
        "Closeness",
        "Interpreter",
        "Relationship",
    ] {
        assert!(!screen.contains(never), "{never}: {screen}");
    }
    h.keys("Marta<tab>Harbourside Homes<tab>housing<tab>housing officer<enter>");
    let session = &h.app.session_view().expect("open").session;
    let RecordBody::Participant(p) = &session.records[0].body else {
        panic!("a participant")
    };
    assert_eq!(
        (
            p.name.as_str(),
            p.organisation.as_str(),
            p.sector.as_deref(),
            p.role.as_str()
        ),
        (
            "Marta",
            "Harbourside Homes",
            Some("housing"),
            "housing officer"
        )
    );
}

/// What a partnership's summary of the example should say: its change goals' words, each
/// agreement's words with the change goals it serves, and the words of what the room voted
/// for, most votes first.
struct Expected {
    goals: Vec<(RecordId, String)>,
    agreements: Vec<(String, Vec<RecordId>)>,
    voted: Vec<String>,
}

fn expected(s: &Session) -> Expected {
    let words = |r: &Record| r.body.text().to_owned();
    let mut voted: Vec<&Record> = s
        .records
        .iter()
        .filter(|r| r.body.votes().is_some_and(|v| v > 0))
        .collect();
    voted.sort_by_key(|r| std::cmp::Reverse(r.body.votes()));
    Expected {
        goals: s.change_goals().map(|r| (r.id, words(r))).collect(),
        agreements: s
            .records
            .iter()
            .filter(|r| r.body.kind() == RecordKind::Agreement)
            .map(|r| (words(r), r.body.goals().to_vec()))
            .collect(),
        voted: voted.into_iter().map(words).collect(),
    }
}

/// The export for an audience.
fn export_for(session: &Session, format: Format, audience: Audience) -> String {
    let frameworks = Frameworks::embedded();
    let options = Options {
        audience,
        ..Options::default()
    };
    render(session, frameworks.get(&session.framework), format, options).expect("exported")
}

/// A document's words as a reader sees them: entities and Markdown's escapes undone.
fn as_read(text: &str) -> String {
    text.replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace('\\', "")
}

/// The partnership's summary of a document: what comes before the first stage's heading
/// (Define), and the rest.
fn summary_and_rest(format: Format, document: &str) -> (String, String) {
    let first_stage = match format {
        Format::Md => "## Define",
        Format::Html => "<h2>Define</h2>",
        _ => ">Define<",
    };
    let at = document
        .find(first_stage)
        .unwrap_or_else(|| panic!("{format:?} has no Define stage"));
    (as_read(&document[..at]), as_read(&document[at..]))
}

/// Where `words` first stand in `text`.
fn at(text: &str, words: &str, what: &str) -> usize {
    text.find(words)
        .unwrap_or_else(|| panic!("{what}: {words:?} is missing"))
}

#[test]
fn the_partnership_summary_comes_first_in_md_html_and_word() {
    let session = example("k7q2m9xa");
    let expected = expected(&session);
    assert!(
        expected.goals.len() >= 2
            && expected.agreements.iter().any(|(_, g)| g.len() >= 2)
            && expected.voted.len() >= 2,
        "the example has goals, an agreement serving two and votes"
    );
    for format in [Format::Md, Format::Html, Format::Docx] {
        let document = export_for(&session, format, Audience::Partnership);
        let (summary, rest) = summary_and_rest(format, &document);
        let what = format!("{format:?}");
        at(&summary, "Summary for the partnership", &what);
        let topic = session.affirmative_topic().expect("a topic").body.text();
        at(&summary, topic, &what);
        // Each change goal, in order, with the agreements that serve it under it (one
        // serving two goals stands under both) and no other.
        let starts: Vec<usize> = expected
            .goals
            .iter()
            .map(|(_, goal)| at(&summary, &format!("Change goal: {goal}"), &what))
            .collect();
        assert!(
            starts.windows(2).all(|w| w[0] < w[1]),
            "{what}: the goals in order"
        );
        let map = at(&summary, "Where strength lies", &what);
        for (i, (goal, _)) in expected.goals.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(map);
            let under = &summary[starts[i]..end];
            for (agreement, serves) in &expected.agreements {
                assert_eq!(
                    under.contains(agreement.as_str()),
                    serves.contains(goal),
                    "{what}: {agreement:?} under goal {goal}"
                );
            }
        }
        // Owners and dates in words.
        at(&summary, "Friday 15 January 2027", &what);
        at(&summary, "Grace (partnership business manager)", &what);
        // Who was in the room, by sector and organisation.
        at(
            &summary,
            "10 people from 10 organisations across 8 sectors",
            &what,
        );
        for (name, role, organisation, sector) in ROOM {
            for words in [name, role, organisation, sector] {
                at(&summary, words, &what);
            }
        }
        // What the room chose, most votes first.
        let ranked: Vec<usize> = expected
            .voted
            .iter()
            .map(|words| at(&summary, words, &format!("{what}, the votes")))
            .collect();
        assert!(
            ranked.windows(2).all(|w| w[0] < w[1]),
            "{what}: ranked by votes {ranked:?}"
        );
        at(&summary, "9 votes", &what);
        // The map closes the summary, once; the full record follows.
        assert!(
            !rest.contains("Where strength lies"),
            "{what}: the map twice"
        );
        at(&rest, "Discovery", &what);
    }
}

#[test]
fn the_summary_says_plainly_when_nothing_is_voted_and_only_the_partnership_gets_it() {
    let mut session = example("k7q2m9xa");
    for record in &mut session.records {
        if let Some(votes) = record.body.votes_mut() {
            *votes = 0;
        }
    }
    for format in [Format::Md, Format::Html, Format::Docx] {
        let document = export_for(&session, format, Audience::Partnership);
        let (summary, _) = summary_and_rest(format, &document);
        at(
            &summary,
            "The room has not voted yet",
            &format!("{format:?}"),
        );
        let full = export_for(&session, format, Audience::Professionals);
        assert!(!full.contains("Summary for the partnership"), "{format:?}");
        assert!(full.contains("Where strength lies"), "{format:?}: the map");
    }
    // The command line gives a workshop the partnership's summary unless told otherwise,
    // and a conference none.
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    store.create(&session).expect("saved");
    store.create(&example("p3f8h2kd")).expect("saved");
    let md = |args: &[&str]| {
        let out = crate::harness::convene()
            .arg("--dir")
            .arg(dir.path())
            .arg("export")
            .args(args)
            .output()
            .expect("runs");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    assert!(md(&["k7q2m9xa"]).1.contains("Summary for the partnership"));
    assert!(
        !md(&["k7q2m9xa", "--for", "professionals"])
            .1
            .contains("Summary for the partnership")
    );
    let (ok, out) = md(&["p3f8h2kd", "--for", "partnership"]);
    assert!(
        !ok && out.is_empty(),
        "a conference has no partnership summary"
    );
}

#[test]
fn the_summary_speaks_plainly_where_the_room_has_written_nothing_yet() {
    // A new workshop: a change goal nothing serves yet, an agreement with no owner or date.
    let now = crate::harness::START;
    let mut s = Session::new(
        convene::model::SessionId::parse("new1").expect("id"),
        "Harbour day",
        "appreciative-inquiry",
        "define",
        now,
    );
    s.add(
        "define",
        RecordBody::ChangeGoal(convene::model::ChangeGoal {
            text: "Young people shape our decisions".into(),
        }),
        now,
    );
    s.add(
        "destiny",
        RecordBody::Agreement(convene::model::Agreement {
            action: "Meet again in spring".into(),
            ..convene::model::Agreement::default()
        }),
        now,
    );
    let md = export_for(&s, Format::Md, Audience::Partnership);
    let (summary, _) = summary_and_rest(Format::Md, &md);
    for words in [
        "The room has not written its affirmative topic yet.",
        "Nobody has been added as in the room yet.",
        "The room has not voted yet",
        "No agreement serves this goal yet.",
        "Not linked to a change goal yet",
        "not named yet",
        "no date yet",
    ] {
        at(&summary, words, "an empty workshop");
    }
    let found = convene::lens::Lens::embedded().check(&summary);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn hostile_words_come_through_the_summary_inert() {
    let now = crate::harness::START;
    let mut s = Session::new(
        convene::model::SessionId::parse("bad1").expect("id"),
        "Harbour day",
        "appreciative-inquiry",
        "define",
        now,
    );
    let goal = s.add(
        "define",
        RecordBody::ChangeGoal(convene::model::ChangeGoal {
            text: "# not a heading\n- not a list <script>alert(1)</script>".into(),
        }),
        now,
    );
    s.add(
        "define",
        RecordBody::Participant(convene::model::Participant {
            name: "Sam \u{1b}[31mred\u{1b}[0m".into(),
            organisation: "| a | table |".into(),
            sector: Some("<b>bold</b>".into()),
            ..convene::model::Participant::default()
        }),
        now,
    );
    s.add(
        "destiny",
        RecordBody::Agreement(convene::model::Agreement {
            action: "---\n=== <img src=x>".into(),
            goals: vec![goal],
            ..convene::model::Agreement::default()
        }),
        now,
    );
    for format in [Format::Md, Format::Html, Format::Docx] {
        let document = export_for(&s, format, Audience::Partnership);
        let (summary, _) = summary_and_rest(format, &document);
        assert!(
            !summary.contains('\u{1b}'),
            "{format:?}: an escape got through"
        );
        at(&summary, "Sam red", &format!("{format:?}"));
        let raw = &document[..document.find("Define").unwrap_or(document.len())];
        assert!(!raw.contains("<script") && !raw.contains("<img") && !raw.contains("<b>"));
        if format == Format::Md {
            for line in raw.lines() {
                assert!(
                    !line.starts_with("# not")
                        && !line.starts_with("- not")
                        && !line.starts_with("---"),
                    "a user's words made markup: {line}"
                );
            }
        }
    }
}

#[test]
fn the_map_counts_a_sectors_strengths_without_a_level_and_says_not_yet_heard_only_where_nothing_is()
{
    let mut session = example("k7q2m9xa");
    // The board's case: strengths tagged with a sector, most with no level said.
    let mut unlevelled = 0;
    for record in &mut session.records {
        if record.body.kind() != RecordKind::Strength {
            continue;
        }
        if let Some(tags) = record.body.tags_mut()
            && tags
                .sectors
                .iter()
                .any(|s| s == "policing" || s == "voluntary sector")
        {
            tags.level = None;
            unlevelled += 1;
        }
    }
    assert!(
        unlevelled >= 2,
        "the example tags policing and the voluntary sector"
    );
    let md = export_for(&session, Format::Md, Audience::Partnership);
    let (summary, _) = summary_and_rest(Format::Md, &md);
    let row = |sector: &str| -> Vec<String> {
        summary
            .lines()
            .find(|l| l.starts_with(&format!("| {sector} |")))
            .unwrap_or_else(|| panic!("no row for {sector}:\n{summary}"))
            .split('|')
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect()
    };
    let header = row("sector");
    assert_eq!(
        header.last().map(String::as_str),
        Some("level not said"),
        "{header:?}"
    );
    for sector in ["policing", "voluntary sector"] {
        let cells = row(sector);
        assert_eq!(cells.len(), header.len(), "{cells:?}");
        assert!(
            !cells.iter().any(|c| c.contains("not yet heard")),
            "{sector} is on the record: {cells:?}"
        );
        let counted: usize = cells[1..]
            .iter()
            .filter_map(|c| c.parse::<usize>().ok())
            .sum();
        assert!(counted >= 1, "{sector}'s strengths counted: {cells:?}");
        assert_ne!(cells.last().map(String::as_str), Some("–"), "{cells:?}");
    }
    // A sector nothing was said for still reads "not yet heard".
    assert!(row("leisure").iter().any(|c| c == "not yet heard"));
    // The sectors that were heard say so with numbers, never "not yet heard".
    assert!(!row("housing").iter().any(|c| c.contains("not yet heard")));
}

/// The board's summary marks an agreement still open after its date, as of the export's
/// day (`Options::today`), and nothing without one.
#[test]
fn the_summary_marks_an_agreement_past_its_date() {
    let session = example("k7q2m9xa");
    let frameworks = Frameworks::embedded();
    let on = |today: Option<time::Date>| {
        let options = Options {
            audience: Audience::Partnership,
            today,
            ..Options::default()
        };
        let md = render(
            &session,
            frameworks.get(&session.framework),
            Format::Md,
            options,
        )
        .expect("exported");
        summary_and_rest(Format::Md, &md).0
    };
    let late = on(Some(time::macros::date!(2027 - 02 - 01)));
    assert!(
        late.contains("overdue since Friday 29 January 2027"),
        "{late}"
    );
    assert!(!late.contains("overdue since Friday 26 February"), "{late}");
    assert!(!on(Some(time::macros::date!(2026 - 11 - 20))).contains("overdue"));
    assert!(!on(None).contains("overdue"));
}
