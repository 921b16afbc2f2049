//! Choosing together: dots on dreams and design statements, a ranking, and the counts in every view.

use crate::harness::{Harness, convene};
use convene::model::RecordBody;

fn view(h: &Harness) -> &convene::app::SessionView {
    h.app.session_view().expect("a session is open")
}

fn votes(h: &Harness) -> Vec<(String, u32)> {
    view(h)
        .session
        .records
        .iter()
        .filter_map(|r| Some((r.body.text().to_owned(), r.body.votes()?)))
        .collect()
}

/// A workshop at Dream with three dreams, the first selected.
fn three_dreams() -> Harness {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>>");
    h.keys("aEvery child has a trusted adult<enter>");
    h.keys("aSchools and youth clubs share one calendar<enter>");
    h.keys("aYoung people chair the partnership<enter>");
    h.keys("kk");
    h
}

#[test]
fn dots_are_added_taken_back_counted_and_ranked() {
    let mut h = three_dreams();
    h.keys("v");
    h.keys("jvvvV");
    h.keys("j=");
    h.keys("<bs>+3<enter>");
    assert_eq!(
        votes(&h),
        [
            ("Every child has a trusted adult".to_owned(), 1),
            ("Schools and youth clubs share one calendar".to_owned(), 2),
            ("Young people chair the partnership".to_owned(), 3),
        ]
    );
    // One person's dots as a count, then a total typed over it.
    h.keys("=<bs>5<enter>");
    assert_eq!(votes(&h)[2].1, 5);
    h.keys("u");
    assert_eq!(votes(&h)[2].1, 3, "u takes a count back");

    h.keys("R");
    let order: Vec<String> = view(&h)
        .stage_records()
        .iter()
        .map(|r| r.body.text().to_owned())
        .collect();
    assert_eq!(
        order,
        [
            "Young people chair the partnership",
            "Schools and youth clubs share one calendar",
            "Every child has a trusted adult"
        ]
    );
    let screen = h.screen(80, 24);
    assert!(screen.contains("votes: 3"), "{screen}");
    assert!(screen.contains("Ranked by the room's votes"), "{screen}");
}

#[test]
fn a_count_that_is_not_a_number_is_explained_and_changes_nothing() {
    let mut h = three_dreams();
    h.keys("=<bs>three<enter>");
    assert!(h.screen(80, 24).contains("A number of dots, like 7"));
    h.keys("<esc>");
    assert!(votes(&h).iter().all(|(_, n)| *n == 0));
}

#[test]
fn only_dreams_and_design_statements_take_votes() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>aYouth workers know every child<enter>v");
    assert!(
        h.screen(80, 24)
            .contains("Votes are for dreams and design statements")
    );
    assert!(
        !view(&h)
            .session
            .records
            .iter()
            .any(|r| matches!(&r.body, RecordBody::Strength(_)) && r.body.votes().is_some())
    );
}

#[test]
fn the_counts_reach_show_and_every_export() {
    let mut h = three_dreams();
    h.keys("vvv");
    h.wait(2);
    let dir = h.runtime.store().dir().to_owned();
    let id = view(&h).session.id.as_str().to_owned();
    let run = |args: &[&str]| {
        let out = convene()
            .arg("--dir")
            .arg(&dir)
            .args(args)
            .env_remove("CONVENE_DIR")
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(run(&["show", &id]).contains("votes: 3"));
    assert!(run(&["export", &id, "--format", "md"]).contains("votes: 3"));
    assert!(run(&["export", &id, "--format", "html"]).contains("votes"));
    let csv = run(&["export", &id, "--format", "csv"]);
    let header = csv.lines().next().unwrap_or_default();
    let column = header
        .split(',')
        .position(|c| c.trim_start_matches('\u{feff}') == "votes")
        .expect("a votes column");
    assert!(
        csv.lines()
            .any(|line| line.contains("Every child has a trusted adult")
                && line.split(',').nth(column) == Some("3")),
        "{csv}"
    );
}

fn texts(h: &Harness) -> Vec<String> {
    view(h)
        .stage_records()
        .iter()
        .map(|r| r.body.text().to_owned())
        .collect()
}

#[test]
fn ranking_by_votes_is_kept_per_stage() {
    let mut h = three_dreams();
    h.keys("jjvvkv");
    h.keys("R");
    let ranked_dreams = texts(&h);
    assert_eq!(ranked_dreams[0], "Young people chair the partnership");
    // The next stage was never ranked: its records stay in the order they were said.
    h.keys(">");
    h.keys("aOne front door for families<enter>");
    h.keys("aA shared calendar for every service<enter>");
    h.keys("vv");
    assert_eq!(
        texts(&h),
        [
            "One front door for families",
            "A shared calendar for every service"
        ]
    );
    // R here ranks this stage; back at Dream its own ranking is still there.
    h.keys("R");
    assert_eq!(texts(&h)[0], "A shared calendar for every service");
    h.keys("[");
    assert_eq!(texts(&h), ranked_dreams);
    h.keys("R");
    assert_eq!(
        texts(&h)[0],
        "Every child has a trusted adult",
        "R again: said order"
    );
    h.keys("]");
    assert_eq!(
        texts(&h)[0],
        "A shared calendar for every service",
        "still ranked"
    );
}
