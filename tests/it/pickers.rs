//! Pick lists you can trust: typing finds every word anywhere and ticks nothing; Enter or
//! Space ticks what is under the cursor; page keys everywhere; dreams by their votes.

use crate::harness::Harness;
use convene::app::Overlay;
use convene::app::picker::LinkPicker;
use convene::app::tags::TagChoice;

fn view(h: &Harness) -> &convene::app::SessionView {
    h.app.session_view().expect("a session is open")
}

fn link_picker(h: &Harness) -> &LinkPicker {
    let Some(Overlay::Form(form)) = &view(h).overlay else {
        panic!("the form is open")
    };
    form.picker.as_ref().expect("the pick list")
}

/// A workshop at Dream after two strengths that both say "early".
fn two_early_strengths() -> Harness {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>");
    h.keys("aParents tell us things early<enter>");
    h.keys("aEarly help knows every family<enter>");
    h.keys("aYouth Hub opens on Saturdays<enter>");
    h.keys(">");
    h
}

#[test]
fn typing_finds_every_word_anywhere_and_ticks_only_what_is_chosen() {
    let mut h = two_early_strengths();
    h.keys("aEvery family knows where to turn<c-l>");
    // Two words, either order, anywhere: only "Early help ..." holds both.
    h.keys("help early");
    let picker = link_picker(&h);
    assert_eq!(picker.cursor, 1, "the cursor is on Early help");
    assert!(picker.chosen.is_empty(), "typing ticks nothing");
    let screen = h.screen(80, 24);
    assert!(screen.contains("1 found"), "{screen}");
    // Enter ticks what is under the cursor; the next Enter is done.
    h.keys("<enter>");
    assert_eq!(link_picker(&h).chosen.len(), 1);
    // "youth hub": a space between words, not a tick; found inside the line.
    h.keys("youth hub");
    let picker = link_picker(&h);
    assert_eq!(picker.cursor, 2, "Youth Hub found");
    assert_eq!(picker.chosen.len(), 1, "the space ticked nothing");
    h.keys("<esc> <enter><enter>");
    let dream = view(&h).session.records.last().expect("the dream");
    let strengths: Vec<_> = view(&h).session.records[..3].iter().map(|r| r.id).collect();
    assert_eq!(dream.body.links(), [strengths[1], strengths[2]]);
}

#[test]
fn down_goes_to_the_next_line_found() {
    let mut h = two_early_strengths();
    h.keys("aEvery family knows where to turn<c-l>early");
    assert_eq!(link_picker(&h).cursor, 0, "things early, the first found");
    h.keys("<down>");
    assert_eq!(link_picker(&h).cursor, 1, "then Early help");
    h.keys("<down>");
    assert_eq!(
        link_picker(&h).cursor,
        0,
        "round again: Youth Hub is not found"
    );
    assert!(link_picker(&h).chosen.is_empty());
}

#[test]
fn a_sector_is_found_past_a_change_goal_without_ticking_it() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>");
    h.keys("A<down><enter>Better mental health for young people<enter>");
    h.keys(">>>>aRun a drop-in at the youth hub<tab>Grace<enter>T");
    h.keys("hea");
    let Some(Overlay::Tags(picker)) = &view(&h).overlay else {
        panic!("the tag picker")
    };
    assert!(
        picker.items.iter().all(|(_, on)| !on),
        "typing ticks nothing"
    );
    assert!(
        matches!(picker.items[picker.cursor].0, TagChoice::Goal(..)),
        "the goal's health is found first, and shown, not ticked"
    );
    // ↓ goes on to the sector; Enter ticks it, the next Enter is done.
    h.keys("<down>");
    let Some(Overlay::Tags(picker)) = &view(&h).overlay else {
        panic!("the tag picker")
    };
    assert_eq!(
        picker.items[picker.cursor].0,
        TagChoice::Sector("health".to_owned())
    );
    h.keys("<enter><enter>");
    let agreement = view(&h).session.records.last().expect("the agreement");
    assert!(agreement.body.goals().is_empty(), "no goal ticked");
    let tags = agreement.body.tags().expect("tags");
    assert_eq!(tags.sectors, ["health"]);
}

#[test]
fn home_end_and_page_keys_move_in_a_long_list() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>");
    for i in 1..=29 {
        h.keys(&format!("aStrength {i}<enter>"));
    }
    h.keys(">aA dream<c-l><end>");
    assert_eq!(link_picker(&h).cursor, 28, "End: the last of 29");
    h.keys("<pgup>");
    assert_eq!(link_picker(&h).cursor, 18);
    h.keys("<home><pgdn>");
    assert_eq!(link_picker(&h).cursor, 10);
    // The last line is drawn once the cursor is there.
    h.keys("<end>");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Strength 29"), "{screen}");
}

#[test]
fn a_design_statement_picks_among_dreams_most_chosen_first() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>>");
    h.keys("aEvery child has a trusted adult<enter>");
    h.keys("aOne calendar for every service<enter>vvv");
    h.keys("aYoung people chair the partnership<enter>v");
    h.keys(">aA front door that is always open<c-l>");
    let words: Vec<&str> = link_picker(&h)
        .candidates
        .iter()
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        words,
        [
            "One calendar for every service",
            "Young people chair the partnership",
            "Every child has a trusted adult"
        ]
    );
    let screen = h.screen(80, 24);
    assert!(screen.contains("(3 votes) One calendar"), "{screen}");
}

#[test]
fn home_end_and_page_keys_move_in_the_stage_records() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>");
    for i in 1..=29 {
        h.keys(&format!("aStrength {i}<enter>"));
    }
    h.keys("<home>");
    assert_eq!(view(&h).selected, 0, "Home: the first");
    h.keys("<end>");
    assert_eq!(view(&h).selected, 28, "End: the last of 29");
    h.keys("<pgup>");
    assert_eq!(view(&h).selected, 18);
    h.keys("<home><pgdn>");
    assert_eq!(view(&h).selected, 10);
}
