//! The maps: tagging strengths, the partnership's system map, and the child's network.

use crate::harness::Harness;
use convene::app::tags::TagChoice;
use convene::app::{Layer, Overlay};
use convene::model::*;

fn view(h: &Harness) -> &convene::app::SessionView {
    h.app.session_view().expect("a session is open")
}

fn both_sizes(name: &str, h: &mut Harness) {
    h.settle();
    for (w, rows) in [(80, 24), (40, 12)] {
        insta::assert_snapshot!(format!("{name}_{w}x{rows}"), h.screen(w, rows));
    }
}

#[test]
fn a_tagged_strength_is_found_in_its_cell_of_the_map() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>aYouth workers know every child<enter>T");
    let Some(Overlay::Tags(picker)) = &view(&h).overlay else {
        panic!("the tag picker")
    };
    assert_eq!(
        picker.items.len(),
        12 + 4 + 4,
        "sectors, levels, voices (no goals for a strength)"
    );
    // housing (first), then down to "community and places" (12 sectors + 2), then a voice.
    h.keys(" ");
    h.keys(&"<down>".repeat(14));
    h.keys(" <down><down><down> <enter>");
    let tags = view(&h).session.records[0]
        .body
        .tags()
        .cloned()
        .expect("tags");
    assert_eq!(tags.sectors, ["housing"]);
    assert_eq!(tags.level, Some(Level::CommunityAndPlaces));
    assert_eq!(tags.voice, Some(Voice::YoungPerson));
    assert!(
        h.screen(80, 24)
            .contains("housing · community and places · voice: young person")
    );

    h.keys("m");
    assert!(h.app.showing(Layer::Map));
    let screen = h.screen(80, 24);
    assert!(screen.contains("Where strength lies"));
    assert!(screen.contains("█████ 1"), "{screen}");
    assert!(screen.contains("· not yet"));
    h.keys("ll<enter>");
    assert!(
        h.screen(80, 24)
            .contains("#1 Youth workers know every child")
    );
    h.keys("<esc><esc>");
    assert!(!h.app.showing(Layer::Map));
}

#[test]
fn workshop_participants_change_goals_and_agreements_that_serve_them() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>");
    // Define: a change goal and a person in the room, through A.
    h.keys("A<down><enter>Lived experience shapes every decision<enter>");
    h.keys("A<down><down><enter>Marta<tab>Harbourside Homes<tab>Housing<enter>");
    let kinds: Vec<RecordKind> = view(&h)
        .session
        .records
        .iter()
        .map(|r| r.body.kind())
        .collect();
    assert_eq!(kinds, [RecordKind::ChangeGoal, RecordKind::Participant]);
    let RecordBody::Participant(p) = &view(&h).session.records[1].body else {
        unreachable!()
    };
    assert_eq!(
        (p.organisation.as_str(), p.sector.as_deref()),
        ("Harbourside Homes", Some("Housing"))
    );
    // Destiny: an agreement that serves the goal.
    h.keys(">>>>aCo-chair with young advisers<tab>Grace<enter>T");
    let Some(Overlay::Tags(picker)) = &view(&h).overlay else {
        panic!("the tag picker")
    };
    assert!(
        matches!(picker.items[0].0, TagChoice::Goal(..)),
        "an agreement's change goals come first"
    );
    h.keys(" <enter>");
    assert_eq!(
        view(&h).session.records[2].body.goals(),
        [view(&h).session.records[0].id]
    );
    let map = convene::model::map::system_map(&view(&h).session, &default_sectors());
    assert_eq!(map.in_room, ["housing"]);
    assert_eq!(map.goals[0].2, 1);
    h.keys("m");
    let screen = h.screen(80, 24);
    assert!(screen.contains("In the room (●): housing"), "{screen}");
    assert!(screen.contains("1 agreement"), "{screen}");
}

#[test]
fn system_map_with_none_a_few_and_five_hundred_records() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>m");
    both_sizes("map_empty", &mut h);

    let few = convene::generate::workshop("few1", 20, 5);
    let many = convene::generate::workshop("many1", 500, 6);
    for (name, session) in [("map_few", few), ("map_500", many)] {
        let mut h = Harness::new();
        h.runtime.store().create(&session).expect("create");
        h.relist();
        h.keys("<enter>m");
        both_sizes(name, &mut h);
    }
}

#[test]
fn map_rows_name_each_sector_whole_where_there_is_room() {
    let few = convene::generate::workshop("few1", 20, 5);
    let mut h = Harness::new();
    h.runtime.store().create(&few).expect("create");
    h.relist();
    h.keys("<enter>m");
    h.settle();
    let wide = h.screen(120, 40);
    for sector in [
        "social care and early help",
        "young people (lived experience)",
    ] {
        assert!(wide.contains(sector), "{wide}");
    }
    insta::assert_snapshot!("map_few_120x40", wide);
    // Cut where it must be, and seen to be cut.
    let narrow = h.screen(80, 24);
    assert!(narrow.contains("social care and earl…"), "{narrow}");
}

#[test]
fn network_map_of_the_conference() {
    let mut h = Harness::with_examples();
    h.keys("/conference<enter><enter>m");
    both_sizes("network", &mut h);
    let screen = h.screen(80, 24);
    assert!(screen.contains("Who J. (age 11) can count on"), "{screen}");
    assert!(screen.contains("Halina (2)"), "{screen}");
}

#[test]
fn exports_carry_the_map() {
    let session = convene::generate::workshop("exp1", 60, 2);
    let frameworks = convene::framework::Frameworks::embedded();
    let md = convene::export::render(
        &session,
        frameworks.get("ai"),
        convene::export::Format::Md,
        Default::default(),
    )
    .expect("exported");
    assert!(md.contains("## Where strength lies: strengths by sector and level"));
    assert!(md.contains(
        "| sector | individual | family and peers | community and places | society and structures |"
    ));
    let html = convene::export::render(
        &session,
        frameworks.get("ai"),
        convene::export::Format::Html,
        Default::default(),
    )
    .expect("exported");
    assert!(html.contains("<table class=\"map\">") && html.contains("background: rgb("));
    let csv = convene::export::render(
        &session,
        frameworks.get("ai"),
        convene::export::Format::Csv,
        Default::default(),
    )
    .expect("exported");
    assert!(
        csv.lines()
            .next()
            .is_some_and(|h| h.contains(",sectors,level,voice,"))
    );
}

#[test]
fn question_mark_on_the_map_shows_the_maps_own_keys() {
    let mut h = Harness::with_examples();
    h.open(&h.runtime.store().dir().join("k7q2m9xa.ron"));
    h.keys("m?");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Keys: the map"), "{screen}");
    assert!(screen.contains("choose a cell"), "{screen}");
    assert!(
        !screen.contains("add to this stage"),
        "the session's keys are not the map's: {screen}"
    );
    // Any key closes the list of keys; the map is still there, and its keys still work.
    h.keys("x<right><enter>");
    assert!(view(&h).map_cursor.listing);
}

#[test]
fn the_childs_network_has_only_the_keys_it_answers() {
    let mut h = Harness::with_examples();
    h.open(&h.runtime.store().dir().join("p3f8h2kd.ron"));
    h.keys("m?");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Keys: the map"), "{screen}");
    assert!(screen.contains("back to the session"), "{screen}");
    assert!(
        !screen.contains("choose a cell"),
        "the network has no cells to choose: {screen}"
    );
    h.keys("x<right>");
    assert_eq!(
        view(&h).map_cursor,
        Default::default(),
        "arrows move nothing"
    );
    h.keys("q");
    assert!(!h.app.showing(Layer::Map));
}

#[test]
fn one_key_repeats_the_tags_of_the_record_above() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>aYouth workers know every child<enter>");
    h.keys("Tedu<enter>fam<enter><enter>");
    h.keys("aBus drivers ring the control room<enter>");
    h.keys("\"");
    let tags = |h: &Harness, at: usize| view(h).session.records[at].body.tags().cloned();
    assert_eq!(tags(&h, 1), tags(&h, 0));
    assert_eq!(
        tags(&h, 1).map(|t| t.sectors),
        Some(vec!["education".to_owned()])
    );
    h.keys("u");
    assert_eq!(tags(&h, 1), Some(Tags::default()), "u takes them back");
    h.keys("k\"");
    assert!(
        h.screen(80, 24)
            .contains("The record above has no tags to repeat")
    );
}

#[test]
fn a_participant_marked_outside_the_safe_network_leaves_the_network_map() {
    let mut h = Harness::with_examples();
    h.keys("/conference<enter><enter>m");
    assert!(h.screen(80, 24).contains("Anna (3)"), "placed at first");
    // Anna's form: the safe network is the thirteenth field, its reason the fourteenth.
    h.keys("q[[[e");
    h.keys(&"<tab>".repeat(12));
    h.keys("2<tab>A court order<enter>");
    let anna = view(&h)
        .session
        .records
        .iter()
        .find_map(|r| match &r.body {
            RecordBody::Participant(p) if p.name == "Anna" => Some(p.clone()),
            _ => None,
        })
        .expect("Anna");
    assert_eq!(anna.outside_safe_network.as_deref(), Some("A court order"));
    assert!(
        h.screen(80, 24).contains("network because: A court order"),
        "the session shows why: {}",
        h.screen(80, 24)
    );
    h.keys("m");
    h.settle();
    let screen = h.screen(80, 24);
    assert!(!screen.contains("Anna"), "{screen}");
    assert!(
        screen.contains("1 person outside the child's safe network, not shown"),
        "{screen}"
    );
    insta::assert_snapshot!("network_outside_safe_80x24", screen);
}

#[test]
fn outside_the_safe_network_needs_a_reason_and_a_reason_needs_the_mark() {
    let mut h = Harness::with_examples();
    h.keys("/conference<enter><enter>[[[e");
    h.keys(&"<tab>".repeat(12));
    h.keys("2<enter>");
    let form = |h: &Harness| match &view(h).overlay {
        Some(Overlay::Form(form)) => (form.focus, form.error.clone().unwrap_or_default()),
        _ => panic!("the form stays open"),
    };
    assert_eq!(form(&h).0, 13);
    assert!(form(&h).1.starts_with("Say why"), "{}", form(&h).1);
    h.keys("A bottom line<s-tab>1<enter>");
    assert_eq!(form(&h).0, 12);
    assert!(form(&h).1.contains("choose 2"), "{}", form(&h).1);
    h.keys("2<enter>");
    assert!(view(&h).overlay.is_none(), "saved");
}
