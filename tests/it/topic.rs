//! The affirmative topic and the change goals read as themselves in the example workshop:
//! in `show`, every export and the saved file, never as notes.

use crate::cli::{convene, examples_copy, stdout};
use convene::export::{Format, Options, render};
use convene::framework::Frameworks;
use convene::model::{RecordKind, SessionId};

const TOPIC: &str = "Every young person in Harbourside has trusted adults and safe places, wherever they spend their time.";
const GOALS: [&str; 4] = [
    "Young people and parents with lived experience shape every decision we make about harm outside the home.",
    "Partners share what they know quickly and safely, so no young person falls between services.",
    "Every neighbourhood, transport route and online space young people use has adults who know how to help.",
    "We judge our progress by what young people and families tell us, not only by what services count.",
];

fn example() -> convene::model::Session {
    let dir = examples_copy();
    let store = convene::store::Store::open(dir.path()).expect("store");
    store
        .load(&SessionId::parse("k7q2m9xa").expect("id"))
        .expect("the example reads")
        .session
}

#[test]
fn the_example_holds_its_topic_and_four_change_goals_as_records_of_their_own() {
    let s = example();
    let topic = s.affirmative_topic().expect("the example has a topic");
    assert_eq!(topic.body.text(), TOPIC);
    let goals: Vec<&str> = s.change_goals().map(|g| g.body.text()).collect();
    assert_eq!(goals, GOALS);
    assert!(
        s.records
            .iter()
            .all(|r| r.body.kind() != RecordKind::Note || r.stage != "define"),
        "no note is left in Define"
    );
}

#[test]
fn show_names_the_topic_and_each_change_goal() {
    let dir = examples_copy();
    let shown = stdout(&convene(dir.path(), &["show", "k7q2m9xa"]));
    assert!(
        shown.contains(&format!("#1 Affirmative topic: {TOPIC}")),
        "{shown}"
    );
    for goal in GOALS {
        assert!(shown.contains(&format!("Change goal: {goal}")), "{shown}");
    }
}

#[test]
fn every_export_names_the_topic_and_each_change_goal() {
    let s = example();
    let frameworks = Frameworks::embedded();
    let framework = frameworks.get(&s.framework);
    let export = |format| render(&s, framework, format, Options::default()).expect("exported");
    let md = export(Format::Md);
    assert!(
        md.contains(&format!("_Affirmative topic:_ {TOPIC}")),
        "{md}"
    );
    let html = export(Format::Html);
    assert!(
        html.contains("<span class=\"kind\">Affirmative topic:</span>"),
        "{html}"
    );
    let csv = export(Format::Csv);
    assert!(
        csv.contains(&format!(",1,Define,affirmative topic,\"{TOPIC}\"")),
        "{csv}"
    );
    for goal in GOALS {
        assert!(md.contains(&format!("_Change goal:_ {goal}")), "{goal}");
        assert!(html.contains(goal), "{goal}");
        let row = csv
            .lines()
            .find(|l| l.contains(goal))
            .expect("a row of its own");
        assert!(row.contains(",Define,change goal,"), "{row}");
    }
    let docx = export(Format::Docx);
    assert!(docx.contains("Affirmative topic: "), "{docx}");
    assert_eq!(docx.matches("Change goal: ").count(), GOALS.len());
}

#[test]
fn the_map_says_what_the_workshop_is_built_around() {
    let mut h = crate::harness::Harness::with_examples();
    h.keys("/harbourside<enter><enter>m");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Topic: Every young person in Harbourside has trusted adults"),
        "{screen}"
    );
}

#[test]
fn later_stages_keep_the_topic_in_view() {
    let mut h = crate::harness::Harness::with_examples();
    h.keys("/harbourside<enter><enter>");
    let destiny = h.screen(80, 24);
    assert!(destiny.contains("│Topic: Every young person"), "{destiny}");
    h.keys("[[[[");
    let define = h.screen(80, 24);
    assert!(!define.contains("│Topic:"), "{define}");
    assert!(
        define.contains("#1 Affirmative topic: Every young person"),
        "{define}"
    );
}

#[test]
fn a_session_with_a_topic_saves_and_loads_back_the_same() {
    use convene::model::{RecordBody, Session, Topic};
    let dir = tempfile::tempdir().expect("temp dir");
    let store = convene::store::Store::open(dir.path()).expect("store");
    let mut s = Session::new(
        SessionId::parse("topic1").expect("id"),
        "Harbour day",
        "appreciative-inquiry",
        "define",
        crate::harness::START,
    );
    let text = "Safe and heard, together\n“wherever they are”";
    s.add(
        "define",
        RecordBody::Topic(Topic { text: text.into() }),
        crate::harness::START,
    );
    store.create(&s).expect("saved");
    let loaded = store.load(&s.id).expect("loaded").session;
    assert_eq!(loaded, s);
    assert_eq!(
        loaded.affirmative_topic().map(|t| t.body.text()),
        Some(text)
    );
}

#[test]
fn check_notes_a_workshop_that_moved_on_without_a_topic_and_still_reads_it_well() {
    use convene::model::{RecordBody, Session, Topic};
    let dir = tempfile::tempdir().expect("temp dir");
    let store = convene::store::Store::open(dir.path()).expect("store");
    let start = crate::harness::START;
    let mut s = Session::new(
        SessionId::parse("notopic1").expect("id"),
        "Harbour day",
        "appreciative-inquiry",
        "define",
        start,
    );
    s.move_to_stage("discovery", start + time::Duration::minutes(30));
    let saved = store.create(&s).expect("saved");
    let out = convene(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0));
    let said = stdout(&out);
    let note = format!(
        "{}:9:1: note: the room moved on from Define without an affirmative topic; it can still be written there",
        saved.path.display()
    );
    assert!(said.contains(&note), "{said}");
    assert!(said.contains("All 1 file read well."), "{said}");

    // Written later, in Define, the note goes.
    let mut s = store.load(&s.id).expect("loaded");
    s.session.add(
        "define",
        RecordBody::Topic(Topic {
            text: "Safe and heard".into(),
        }),
        start,
    );
    store
        .save(&s.path, &s.session, s.fingerprint)
        .expect("saved again");
    let said = stdout(&convene(dir.path(), &["check"]));
    assert!(!said.contains("note:"), "{said}");
}

#[test]
fn the_presenter_view_names_the_topic_for_the_room() {
    let mut h = crate::harness::Harness::new();
    h.keys("n<enter>Harbour day<enter>aSafe and heard, together<enter>p");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Affirmative topic: Safe and heard, together"),
        "{screen}"
    );
}
