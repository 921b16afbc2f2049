//! Every screen, rendered through TestBackend at 80×24 and at 40×12, compared to snapshots.

use crate::harness::Harness;

/// Renders the screen at both sizes and compares each to its snapshot.
fn both_sizes(name: &str, h: &mut Harness) {
    h.settle();
    for (w, rows) in [(80, 24), (40, 12)] {
        insta::assert_snapshot!(format!("{name}_{w}x{rows}"), h.screen(w, rows));
    }
}

fn example(id_title: &str) -> Harness {
    let mut h = Harness::with_examples();
    h.keys(&format!("/{id_title}<enter><enter>"));
    assert!(h.app.session_view().is_some(), "opened {id_title}");
    h
}

#[test]
fn dashboard_empty() {
    both_sizes("dashboard_empty", &mut Harness::new());
}

#[test]
fn dashboard_with_sessions() {
    both_sizes("dashboard", &mut Harness::with_examples());
}

#[test]
fn dashboard_wide_shows_every_heading_whole() {
    let h = Harness::with_examples();
    let screen = h.screen(120, 40);
    assert!(screen.contains("Last change"), "{screen}");
    insta::assert_snapshot!("dashboard_120x40", screen);
}

#[test]
fn session_header_keeps_the_framework_name_whole() {
    for (words, name, short) in [
        ("harbourside", "Appreciative Inquiry", "AI"),
        ("Conference for J", "Family Group Conference", "FGC"),
    ] {
        let h = example(words);
        for width in [60, 80, 100, 120] {
            let screen = h.screen(width, 24);
            let top = screen.lines().next().unwrap_or_default();
            assert!(
                top.contains(&format!("  {name}")) || top.contains(&format!("  {short}")),
                "{width}: {top}"
            );
        }
        insta::assert_snapshot!(format!("session_header_{short}_120x40"), h.screen(120, 40));
    }
}

#[test]
fn leaving_a_session_leaves_its_status_behind() {
    let mut h = example("harbourside");
    assert!(h.screen(80, 24).contains("Opened “Harbourside"));
    h.keys("q");
    h.settle();
    let screen = h.screen(80, 24);
    assert!(screen.contains("2 sessions"), "{screen}");
    assert!(!screen.contains("Opened “Harbourside"), "{screen}");
}

#[test]
fn dashboard_searching() {
    let mut h = Harness::with_examples();
    h.keys("/conf");
    both_sizes("dashboard_search", &mut h);
}

#[test]
fn new_session_choosing_the_flow() {
    let mut h = Harness::new();
    h.keys("n");
    both_sizes("new_session_flow", &mut h);
}

#[test]
fn new_session_typing_the_title() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour");
    both_sizes("new_session_title", &mut h);
}

#[test]
fn session_at_define_just_started() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>");
    both_sizes("session_define", &mut h);
}

#[test]
fn session_discovery_with_strengths_and_time_up() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>");
    h.keys("aYouth workers know every child by name<tab>3<enter>");
    h.keys("aBus drivers notice who travels late 🚌<enter>gSafe places<enter>");
    h.keys("a青少年 voices shape our plans<tab>4<enter>");
    h.wait(61 * 60);
    both_sizes("session_discovery", &mut h);
}

#[test]
fn session_grouped_by_theme() {
    let mut h = example("harbourside");
    h.keys("[[[t");
    both_sizes("session_by_theme", &mut h);
}

#[test]
fn session_destiny_from_the_example() {
    both_sizes("session_destiny", &mut example("harbourside"));
}

#[test]
fn session_define_with_its_topic_and_change_goals() {
    let mut h = example("harbourside");
    h.keys("[[[[");
    both_sizes("session_define_topic", &mut h);
}

#[test]
fn form_for_a_strength() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>aParents who run the<a-enter>Friday club<tab><right>");
    both_sizes("form_strength", &mut h);
}

#[test]
fn form_for_an_agreement_with_a_bad_date() {
    let mut h = example("harbourside");
    h.keys("aRun a young people's panel<tab>Jess<tab>next tues<enter>");
    both_sizes("form_agreement_bad_date", &mut h);
}

#[test]
fn who_picked_from_the_participants() {
    let mut h = example("Conference for J");
    h.keys("aWalk J. to school on Mondays<c-p>ma");
    both_sizes("who_picker", &mut h);
}

#[test]
fn link_picker() {
    let mut h = example("harbourside");
    h.keys("[[aA new dream<c-l><down> ");
    both_sizes("link_picker", &mut h);
}

#[test]
fn confirm_delete() {
    let mut h = example("harbourside");
    h.keys("[[[d");
    both_sizes("confirm_delete", &mut h);
}

#[test]
fn theme_input() {
    let mut h = example("harbourside");
    h.keys("[[[g");
    both_sizes("theme_input", &mut h);
}

#[test]
fn theme_rename() {
    let mut h = example("harbourside");
    h.keys("[[[G");
    h.keys(&"<bs>".repeat("Relationships".len()));
    h.keys("sa");
    both_sizes("theme_rename", &mut h);
}

#[test]
fn help_screen() {
    let mut h = example("harbourside");
    h.keys("?");
    both_sizes("help_session", &mut h);
}

#[test]
fn conference_private_family_time() {
    let mut h = example("conference");
    h.keys("[");
    both_sizes("fgc_private_family_time", &mut h);
}

#[test]
fn conference_information() {
    let mut h = example("conference");
    h.keys("[[");
    both_sizes("fgc_information", &mut h);
}

#[test]
fn add_another_kind() {
    let mut h = example("conference");
    h.keys("[[A");
    both_sizes("add_another_kind", &mut h);
}

#[test]
fn not_saved_yet_on_leaving() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>");
    h.runtime
        .store_mut()
        .set_fault(Some(convene::store::Fault::DiskFull));
    h.keys("aThe topic<enter>q");
    both_sizes("confirm_leave", &mut h);
}

#[test]
fn a_tiny_terminal_asks_for_more_room_and_never_panics() {
    let mut h = example("harbourside");
    insta::assert_snapshot!("too_small_20x5", h.screen(20, 5));
    for (w, rows) in [(1, 1), (0, 0), (2, 30), (300, 2), (29, 8), (30, 8), (31, 9)] {
        let _ = h.screen(w, rows);
    }
    h.keys("a");
    for (w, rows) in [(1, 1), (30, 8), (31, 9), (45, 10)] {
        let _ = h.screen(w, rows);
    }
}

#[test]
fn export_choice() {
    let mut h = example("harbourside");
    h.keys("x");
    both_sizes("export_choice", &mut h);
}

#[test]
fn export_place_for_the_family() {
    let mut h = example("conference");
    // Only shown, never written to: a stable path keeps the snapshot stable.
    h.app.documents = std::path::PathBuf::from("/home/facilitator/Documents");
    h.keys("xjjjj<left><enter>");
    both_sizes("export_place_family", &mut h);
}

#[test]
fn conference_key_facts_form() {
    let mut h = example("conference");
    h.keys("c");
    both_sizes("fgc_facts_form", &mut h);
}

#[test]
fn conference_outcome_form() {
    let mut h = example("conference");
    h.keys("o");
    both_sizes("fgc_outcome_form", &mut h);
}

#[test]
fn conference_review_stage_with_the_plan() {
    let mut h = example("conference");
    h.keys(">");
    both_sizes("fgc_review", &mut h);
}

#[test]
fn conference_review_form() {
    let mut h = example("conference");
    h.keys(">o");
    both_sizes("fgc_review_form", &mut h);
}

#[test]
fn check_in_form() {
    let mut h = example("conference");
    h.keys(">s");
    both_sizes("check_in_form", &mut h);
}

#[test]
fn participant_form() {
    let mut h = example("conference");
    h.keys("[[[e");
    both_sizes("fgc_participant_form", &mut h);
}

#[test]
fn dashboard_by_next_date() {
    let mut h = Harness::with_examples();
    h.keys("s");
    both_sizes("dashboard_by_next_date", &mut h);
}

#[test]
fn conference_page_before_the_day() {
    let mut h = Harness::new();
    h.keys("n<down><enter>Conference for Kai<enter>");
    h.keys("cKai<tab><tab><tab><tab>2026-12-04<tab>10:00<enter>");
    h.keys("aSam<tab>uncle<tab>1<tab>uncle<tab>2<tab><tab>Polish<enter>i");
    both_sizes("conference_page_before_the_day", &mut h);
}

#[test]
fn conference_page_held() {
    let mut h = example("conference");
    h.keys("i");
    both_sizes("conference_page_held", &mut h);
}

#[test]
fn dashboard_with_conferences_dated_and_closed() {
    let mut h = Harness::with_examples();
    h.keys("n<down><enter>Conference for Kai (review after move)<enter>");
    h.keys("c<tab><tab><tab><tab>+2d<enter>");
    h.settle();
    h.keys("q");
    // A minute on, so the newest is first whatever the random ids.
    h.wait(60);
    h.keys("n<down><enter>Conference for Kai (first conference)<enter>C");
    both_sizes("close_form", &mut h);
    h.keys("<enter>");
    h.settle();
    h.keys("q");
    h.relist();
    both_sizes("dashboard_dated_and_closed", &mut h);
    // A find that matches only the hidden closed conference says it is there.
    h.keys("h/first conference");
    let screen = h.screen(80, 24);
    assert!(screen.contains("(0 shown)"), "{screen}");
    assert!(
        screen.contains("1 closed one hidden: h shows it"),
        "{screen}"
    );
    insta::assert_snapshot!("dashboard_find_hidden_80x24", screen);
    insta::assert_snapshot!("dashboard_find_hidden_40x12", h.screen(40, 12));
}
