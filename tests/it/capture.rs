//! Faster capture: owners picked from the room, themes matched without regard to case,
//! renamed and merged, and given to dreams as well as strengths.

use crate::harness::{Harness, convene};
use convene::model::{RecordBody, RecordKind};

fn view(h: &Harness) -> &convene::app::SessionView {
    h.app.session_view().expect("a session is open")
}

/// Each record of a kind: its words and its theme.
fn themes(h: &Harness, kind: RecordKind) -> Vec<(String, Option<String>)> {
    view(h)
        .session
        .records
        .iter()
        .filter(|r| r.body.kind() == kind)
        .map(|r| (r.body.text().to_owned(), r.body.theme().map(str::to_owned)))
        .collect()
}

/// A strength with a theme, or none.
fn strength(text: &str, theme: Option<&str>) -> RecordBody {
    RecordBody::Strength(convene::model::Strength {
        text: text.into(),
        theme: theme.map(str::to_owned),
        ..Default::default()
    })
}

/// Runs `convene` on the harness's folder and gives what it printed.
fn run(h: &Harness, args: &[&str]) -> String {
    let out = convene()
        .arg("--dir")
        .arg(h.runtime.store().dir())
        .args(args)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A workshop in Discovery with three strengths: two under "Homes" and "Housing", one
/// without a theme; the last is selected.
fn three_strengths() -> Harness {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>");
    h.keys("aThe tenants' group fixed the lifts<enter>gHomes<enter>");
    h.keys("aThe council answers within a day<enter>gHousing<enter>");
    h.keys("aYouth workers know every child<enter>");
    h
}

#[test]
fn a_theme_typed_in_another_case_takes_the_spelling_already_there() {
    let mut h = three_strengths();
    h.keys("gHOUSING<enter>");
    assert_eq!(
        themes(&h, RecordKind::Strength)[2].1.as_deref(),
        Some("Housing")
    );
    assert!(h.screen(80, 24).contains("Theme set: Housing."));
    // The box offers the themes already used as you type; Tab takes the first.
    h.keys("k");
    h.keys("g<bs><bs><bs><bs><bs><bs><bs>ho");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Already here: Homes, Housing · Tab takes “Homes”"),
        "{screen}"
    );
    h.keys("<tab><enter>");
    assert_eq!(
        themes(&h, RecordKind::Strength)[1].1.as_deref(),
        Some("Homes")
    );
}

#[test]
fn renaming_a_theme_to_one_already_there_merges_them_and_undo_restores_both() {
    let mut h = three_strengths();
    h.keys("kG");
    assert!(h.screen(80, 24).contains("Rename the theme everywhere"));
    h.keys("<bs><bs><bs><bs><bs><bs><bs>homes<enter>");
    assert_eq!(
        themes(&h, RecordKind::Strength),
        [
            (
                "The tenants' group fixed the lifts".into(),
                Some("Homes".into())
            ),
            (
                "The council answers within a day".into(),
                Some("Homes".into())
            ),
            ("Youth workers know every child".into(), None),
        ]
    );
    assert!(
        h.screen(80, 24)
            .contains("“Housing” joins “Homes”: one theme now, 1 record moved.")
    );
    // Grouped by theme, the two are one group under one heading.
    h.keys("t");
    let screen = h.screen(80, 24);
    assert_eq!(screen.matches("── Homes").count(), 1, "{screen}");
    assert!(!screen.contains("── Housing"), "{screen}");

    h.keys("u");
    assert_eq!(
        themes(&h, RecordKind::Strength)
            .into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>(),
        [Some("Homes".into()), Some("Housing".into()), None],
        "one undo restores both themes"
    );
    // Renamed to a new name: every record with it takes the name, through the normal save.
    h.keys("t<c-r>");
    h.keys("kkG<bs><bs><bs><bs><bs>Homes and housing<enter>");
    h.wait(2);
    let file = std::fs::read_to_string(&view(&h).path).expect("saved");
    assert_eq!(
        file.matches("theme: Some(\"Homes and housing\")").count(),
        2,
        "{file}"
    );
    assert!(!file.contains("Some(\"Homes\")"), "{file}");
}

#[test]
fn a_dream_takes_a_theme_and_shows_it_in_show_and_markdown_grouped_by_theme() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>>");
    h.keys("aEvery child has a trusted adult<enter>gBelonging<enter>");
    h.keys("aSchools and clubs share one calendar<enter>");
    h.keys("aYoung people chair the partnership<enter>gbelonging<enter>");
    assert_eq!(
        themes(&h, RecordKind::Dream)
            .into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>(),
        [Some("Belonging".into()), None, Some("Belonging".into())]
    );
    h.wait(2);
    let id = view(&h).session.id.as_str().to_owned();
    assert!(run(&h, &["show", &id]).contains("theme: Belonging"));
    let md = run(&h, &["export", &id, "--format", "md"]);
    let belonging = md.find("### Belonging").expect("a heading for the theme");
    let rest = md.find("### Not yet themed").expect("the rest after it");
    let at = |words: &str| md.find(words).expect(words);
    assert!(belonging < at("Every child has a trusted adult"));
    assert!(at("Young people chair the partnership") < rest, "{md}");
    assert!(rest < at("Schools and clubs share one calendar"), "{md}");
}

#[test]
fn an_agreements_owner_is_picked_from_the_rooms_participants_in_a_few_keys() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>");
    for name in ["Sam Okafor", "Priya Shah"] {
        h.keys(&format!("A<down><down><enter>{name}<enter>"));
    }
    h.keys(">>>>aOpen the youth club on Fridays");
    // Ctrl-p, a letter or two to find, Enter ticks, Enter takes it.
    h.keys("<c-p>pr<enter><enter>");
    assert!(h.screen(80, 24).contains("Priya Shah"));
    h.keys("<enter>");
    let owners: Vec<String> = view(&h)
        .session
        .records
        .iter()
        .filter_map(|r| match &r.body {
            RecordBody::Agreement(a) => Some(a.owner.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(owners, ["Priya Shah"]);
    h.wait(2);
    let file = std::fs::read_to_string(&view(&h).path).expect("saved");
    assert!(file.contains("owner: \"Priya Shah\""), "{file}");
    let id = view(&h).session.id.as_str().to_owned();
    assert!(run(&h, &["show", &id]).contains("Priya Shah"));
}

#[test]
fn an_owner_not_in_the_room_is_typed_as_before() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>>>>aOpen the youth club on Fridays<c-p>");
    assert!(h.screen(80, 24).contains("No participants yet"));
    h.keys("Councillor Reid<enter>");
    let agreement = view(&h).session.records.last().map(|r| r.body.clone());
    assert!(matches!(agreement, Some(RecordBody::Agreement(a)) if a.owner == "Councillor Reid"));
}

#[test]
fn convene_theme_lists_renames_and_merges_but_not_while_a_window_has_the_session() {
    let mut h = three_strengths();
    h.wait(2);
    let id = view(&h).session.id.as_str().to_owned();
    let path = view(&h).path.clone();
    let dir = h.runtime.store().dir().to_owned();
    let theme = |args: &[&str]| {
        convene()
            .arg("--dir")
            .arg(&dir)
            .arg("theme")
            .arg(&id)
            .args(args)
            .output()
            .expect("runs")
    };
    let before = std::fs::read_to_string(&path).expect("saved");
    let out = theme(&["--rename", "housing", "Homes"]);
    assert_eq!(out.status.code(), Some(5), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("open in a convene window"));
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), before);

    h.keys("q");
    assert!(h.app.session_view().is_none(), "the window has let it go");
    let out = theme(&[]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Homes (1 record)\nHousing (1 record)\n"
    );
    let out = theme(&["--rename", "HOUSING", "homes"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "“Housing” joins “Homes”: one theme now, 1 record moved.\n"
    );
    let after = std::fs::read_to_string(&path).expect("saved");
    assert_eq!(
        after.matches("theme: Some(\"Homes\")").count(),
        2,
        "{after}"
    );
    // A theme nobody has is a command line to put right (2), not a missing session (3).
    let out = theme(&["--rename", "Play", "Games"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no strength or dream has the theme"));
    assert_eq!(theme(&["--rename", "Homes", " "]).status.code(), Some(2));
}

#[test]
fn a_name_picked_after_words_typed_keeps_the_words_and_replaces_another_participant() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>");
    for name in ["Sam Okafor", "Priya Shah"] {
        h.keys(&format!("A<down><down><enter>{name}<enter>"));
    }
    h.keys(">>>>aOpen the youth club on Fridays<tab>Councillor Reid");
    h.keys("<c-p>pr<enter><enter>");
    h.keys("<c-p>sa<enter><enter>");
    let owner = |h: &Harness| match view(h).overlay.as_ref() {
        Some(convene::app::Overlay::Form(form)) => form.field_text(1),
        _ => String::new(),
    };
    assert_eq!(owner(&h), "Councillor Reid, Priya Shah, Sam Okafor");
    h.keys(&"<bs>".repeat(owner(&h).len()));
    h.keys("<c-p>pr<enter><enter><c-p>sa<enter><enter>");
    assert_eq!(
        owner(&h),
        "Sam Okafor",
        "one participant picked instead of another"
    );
}

#[test]
fn exports_group_strengths_and_dreams_by_theme_whatever_its_case() {
    use convene::model::{Dream, Session, SessionId};
    let now = crate::harness::START;
    let id = SessionId::parse("themes2").expect("id");
    let mut s = Session::new(id, "Harbour day", "appreciative-inquiry", "define", now);
    s.add("discovery", strength("Lifts fixed", Some("Housing")), now);
    s.add("discovery", strength("Bus drivers", None), now);
    s.add(
        "discovery",
        strength("Council answers", Some(" housing ")),
        now,
    );
    for (text, theme) in [("Trusted adult", Some("Belonging")), ("Calendar", None)] {
        let body = RecordBody::Dream(Dream {
            text: text.into(),
            theme: theme.map(str::to_owned),
            ..Dream::default()
        });
        s.add("dream", body, now);
    }
    let frameworks = convene::framework::Frameworks::embedded();
    let report = convene::export::Report::new(&s, frameworks.get("appreciative-inquiry"));
    let grouped = |key: &str| -> Vec<(String, Vec<String>)> {
        let stage = report.stages.iter().find(|st| st.key == key).expect(key);
        stage
            .by_theme()
            .expect("themed")
            .into_iter()
            .map(|(theme, records)| {
                let words = records.iter().map(|r| r.body.text().to_owned()).collect();
                (theme, words)
            })
            .collect()
    };
    assert_eq!(
        grouped("discovery"),
        [
            (
                "Housing".into(),
                vec!["Lifts fixed".into(), "Council answers".into()]
            ),
            ("Not yet themed".into(), vec!["Bus drivers".into()]),
        ]
    );
    assert_eq!(
        grouped("dream"),
        [
            ("Belonging".into(), vec!["Trusted adult".into()]),
            ("Not yet themed".into(), vec!["Calendar".into()]),
        ]
    );
}

#[test]
fn the_session_groups_a_theme_whatever_its_case_under_one_heading() {
    use convene::model::{Session, SessionId};
    let now = crate::harness::START;
    let id = SessionId::parse("themes3").expect("id");
    let mut s = Session::new(id, "Harbour day", "appreciative-inquiry", "discovery", now);
    s.add("discovery", strength("Lifts fixed", Some("Housing")), now);
    s.add("discovery", strength("Bus drivers", None), now);
    s.add(
        "discovery",
        strength("Council answers", Some("HOUSING")),
        now,
    );
    let mut h = Harness::new();
    let loaded = h.runtime.store().create(&s).expect("created");
    h.open(&loaded.path);
    h.keys("t");
    let screen = h.screen(80, 24);
    assert_eq!(screen.matches("── Housing").count(), 1, "{screen}");
    assert!(!screen.contains("── HOUSING"), "{screen}");
    let order: Vec<String> = view(&h)
        .stage_records()
        .iter()
        .map(|r| r.body.text().to_owned())
        .collect();
    assert_eq!(order, ["Lifts fixed", "Council answers", "Bus drivers"]);
}

/// A participant's sector is offered from the known sectors as it is typed, and Tab takes
/// the first, as the theme box does; a sector of one's own is kept as typed.
#[test]
fn a_participants_sector_is_offered_from_the_known_ones() {
    let mut h = crate::harness::Harness::new();
    h.keys("n<enter>Harbour day<enter>A<down><down><enter>");
    h.keys("Kai Mensah<tab>Youth Hub<tab>poli");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Known: policing · Tab takes “policing”"),
        "{screen}"
    );
    insta::assert_snapshot!("sector_offered_80x24", screen);
    insta::assert_snapshot!("sector_offered_40x12", h.screen(40, 12));
    h.keys("<tab><enter>");
    let view = h.app.session_view().expect("open");
    let sectors: Vec<Option<String>> = view
        .session
        .records
        .iter()
        .filter_map(|r| r.body.participant().map(|p| p.sector.clone()))
        .collect();
    assert_eq!(sectors, [Some("policing".to_owned())]);
    // The next one's "poli" now offers the same; one of their own is kept as typed.
    h.keys("A<down><down><enter>Sam<tab><tab>faith groups<tab><enter>");
    let view = h.app.session_view().expect("open");
    assert!(view.session.records.iter().any(|r| {
        r.body
            .participant()
            .is_some_and(|p| p.sector.as_deref() == Some("faith groups"))
    }));
}
