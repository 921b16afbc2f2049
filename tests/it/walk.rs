//! The facilitator's walk, driven through `update` as a user would: keys in, files out.

use crate::harness::Harness;
use convene::app::{Layer, Msg, Overlay, Screen};
use convene::model::{RecordBody, RecordKind, StrengthKind};
use convene::store::{Fault, Store};

fn view(h: &Harness) -> &convene::app::SessionView {
    h.app.session_view().expect("a session is open")
}

fn records_of(h: &Harness, kind: RecordKind) -> Vec<RecordBody> {
    view(h)
        .session
        .records
        .iter()
        .filter(|r| r.body.kind() == kind)
        .map(|r| r.body.clone())
        .collect()
}

/// A new AI session, open at Define.
fn new_ai() -> Harness {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>");
    h
}

#[test]
fn an_empty_folder_welcomes_and_n_starts_a_session_at_its_first_stage() {
    let mut h = Harness::new();
    assert!(h.screen(80, 24).contains("Press n to start one"));
    h.keys("n<enter>Harbour day<enter>");
    let v = view(&h);
    assert_eq!(v.session.title, "Harbour day");
    assert_eq!(v.session.framework, "appreciative-inquiry");
    assert_eq!(v.session.stage, "define");
    assert!(h.only_file().contains("title: \"Harbour day\""));
}

#[test]
fn the_new_session_form_lists_ai_first_and_can_choose_the_conference() {
    let mut h = Harness::new();
    h.keys("n");
    let Screen::NewSession(form) = &h.app.screen else {
        panic!("form")
    };
    assert_eq!(form.choices[0], "appreciative-inquiry");
    h.keys("<down><enter><enter>");
    let Screen::NewSession(form) = &h.app.screen else {
        panic!("still the form")
    };
    assert!(form.error.as_deref().is_some_and(|e| e.contains("title")));
    h.keys("Conference for J.<enter>");
    assert_eq!(view(&h).session.stage, "planning");
}

#[test]
fn a_whole_workshop_walks_from_define_to_destiny_and_every_word_is_saved() {
    let mut h = new_ai();
    h.keys("aEvery young person has trusted adults and safe places<enter>");
    h.keys(">aYouth workers know every child by name<tab>3<enter>");
    h.keys(">aEvery child has a trusted adult<c-l> <enter><enter>");
    h.keys(">aWe share what we know the same day<c-l> <enter><enter>");
    h.keys(">aStart a weekly huddle<tab>Priya (youth service)<tab>+2w<c-l> <enter><enter>");
    h.wait(1);

    let v = view(&h);
    assert_eq!(v.session.stage, "destiny");
    assert!(!v.dirty, "saved within a second");
    let strength = v
        .session
        .records
        .iter()
        .find(|r| r.body.kind() == RecordKind::Strength)
        .expect("strength");
    let RecordBody::Strength(s) = &strength.body else {
        unreachable!()
    };
    assert_eq!(s.kind, StrengthKind::People);
    let dreams = records_of(&h, RecordKind::Dream);
    let [RecordBody::Dream(dream)] = dreams.as_slice() else {
        panic!("one dream: {dreams:?}")
    };
    assert_eq!(dream.builds_on, vec![strength.id]);
    let agreements = records_of(&h, RecordKind::Agreement);
    let [RecordBody::Agreement(agreement)] = agreements.as_slice() else {
        panic!("one agreement: {agreements:?}")
    };
    assert_eq!(agreement.owner, "Priya (youth service)");
    assert_eq!(agreement.due, Some(time::macros::date!(2026 - 12 - 09)));
    assert_eq!(agreement.serves.len(), 1);
    assert!(convene::model::link_problems(&v.session).is_empty());

    // What is on disk is what is on screen.
    let on_disk = Store::at(h.runtime.store().dir())
        .load(&v.session.id)
        .expect("loads")
        .session;
    assert_eq!(on_disk, v.session);
    assert_eq!(on_disk.history.len(), 5);
}

#[test]
fn a_strength_is_personal_unless_another_kind_is_chosen() {
    let mut h = new_ai();
    h.keys(">aListening first<enter>aBus drivers who notice<tab><right><right><enter>");
    let kinds: Vec<StrengthKind> = records_of(&h, RecordKind::Strength)
        .into_iter()
        .map(|b| match b {
            RecordBody::Strength(s) => s.kind,
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(kinds, [StrengthKind::Personal, StrengthKind::People]);
}

#[test]
fn alt_enter_adds_a_line_and_enter_saves() {
    let mut h = new_ai();
    h.keys(">aFirst line<a-enter>second line<enter>");
    assert_eq!(
        view(&h).session.records[0].body.text(),
        "First line\nsecond line"
    );
}

#[test]
fn esc_with_typed_text_asks_before_discarding() {
    let mut h = new_ai();
    h.keys(">aHalf a thought<esc>");
    let Some(Overlay::Form(form)) = &view(&h).overlay else {
        panic!("the form stays")
    };
    assert!(form.confirm_discard);
    assert!(h.screen(80, 24).contains("Discard what was typed?"));
    h.keys("n");
    assert!(matches!(&view(&h).overlay, Some(Overlay::Form(f)) if !f.confirm_discard));
    h.keys("<esc>y");
    assert!(view(&h).overlay.is_none());
    assert!(view(&h).session.records.is_empty());
    // Esc on an empty form closes it at once.
    h.keys("a<esc>");
    assert!(view(&h).overlay.is_none());
}

#[test]
fn a_bad_due_date_gets_a_clear_message_and_keeps_the_text() {
    let mut h = new_ai();
    h.keys(">>>>aRun a young people's panel<tab>Jess<tab>next tues<enter>");
    let Some(Overlay::Form(form)) = &view(&h).overlay else {
        panic!("form stays open")
    };
    assert_eq!(form.focus, 2);
    assert!(
        form.error
            .as_deref()
            .is_some_and(|e| e.contains("+3d, +2w or +1m"))
    );
    assert_eq!(form.fields[2].input.text(), "next tues");
    assert_eq!(form.fields[0].input.text(), "Run a young people's panel");
    h.keys(&"<bs>".repeat(9));
    h.keys("2026-12-01<enter>");
    assert!(view(&h).overlay.is_none());
    assert_eq!(
        view(&h).session.records[0].body.due(),
        Some(time::macros::date!(2026 - 12 - 01))
    );
}

#[test]
fn u_puts_the_cursor_on_the_record_it_brings_back_and_says_which() {
    let mut h = new_ai();
    h.keys(">aOne strength<enter>aTwo strength<enter>aThree strength<enter>");
    let texts = |h: &Harness| -> Vec<String> {
        view(h)
            .stage_records()
            .iter()
            .map(|r| r.body.text().to_owned())
            .collect()
    };
    assert_eq!(texts(&h).len(), 3);
    // On the first: delete it, and bring it back.
    while view(&h).selected > 0 {
        h.keys("<up>");
    }
    let first = view(&h).selected_id().expect("a record");
    h.keys("dy");
    assert_eq!(texts(&h).len(), 2);
    h.keys("<down>");
    h.keys("u");
    assert_eq!(texts(&h).len(), 3);
    assert_eq!(view(&h).selected_id(), Some(first), "the cursor is on it");
    let said = h
        .app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert_eq!(
        said,
        format!("Undone: the strength {first} is back. Ctrl-r does it again.")
    );
    h.keys("<c-r>");
    let said = h
        .app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert_eq!(said, format!("Done again: the strength {first} is gone."));
}

#[test]
fn a_theme_given_in_the_grouped_view_keeps_the_cursor_on_the_record() {
    let mut h = new_ai();
    h.keys(">aOne strength<enter>aTwo strength<enter>aThree strength<enter>t");
    while view(&h).selected > 0 {
        h.keys("<up>");
    }
    h.keys("<down>");
    let themed = view(&h).selected_id().expect("a record");
    // A themed record comes before those with none: it moves to the top, the cursor with it.
    h.keys("gAlpha<enter>");
    assert_eq!(view(&h).selected, 0);
    assert_eq!(
        view(&h).selected_id(),
        Some(themed),
        "the cursor stays on it"
    );
}

#[test]
fn delete_asks_names_what_builds_on_it_and_u_brings_it_back() {
    let mut h = new_ai();
    h.keys(">aYouth workers know every child<enter>>aEvery child has a trusted adult<c-l> <enter><enter>[");
    h.keys("d");
    let Some(Overlay::ConfirmDelete { impact, .. }) = &view(&h).overlay else {
        panic!("asks")
    };
    assert_eq!(impact.len(), 1);
    assert!(impact[0].contains("Every child has a trusted adult"));
    h.keys("n");
    assert_eq!(view(&h).session.records.len(), 2);
    h.keys("dy");
    assert_eq!(view(&h).session.records.len(), 1);
    assert_eq!(
        records_of(&h, RecordKind::Dream).first().map(|d| d.links()),
        Some(vec![])
    );
    h.keys("u");
    assert_eq!(view(&h).session.records.len(), 2);
    assert_eq!(
        records_of(&h, RecordKind::Dream)[0].links().len(),
        1,
        "the link comes back too"
    );
    h.keys("<c-r>");
    assert_eq!(view(&h).session.records.len(), 1);
}

#[test]
fn undo_and_redo_cover_every_change_including_stage_moves() {
    let mut h = new_ai();
    h.keys(">");
    assert_eq!(view(&h).session.stage, "discovery");
    h.keys("u");
    assert_eq!(view(&h).session.stage, "define");
    h.keys("<c-r>");
    assert_eq!(view(&h).session.stage, "discovery");
    h.keys("uuu");
    assert!(
        h.app
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("Nothing to undo"))
    );
}

#[test]
fn looking_back_never_moves_the_room_or_its_clock() {
    let mut h = new_ai();
    h.keys(">>>>");
    assert_eq!(view(&h).session.stage, "destiny");
    let started = view(&h).session.stage_started();
    let visits = view(&h).session.history.clone();
    assert_eq!(visits.len(), 5, "one visit per stage the room reached");
    h.wait(90);

    // Read Discovery twice during Destiny, adding a strength someone remembered.
    h.keys("[[[");
    assert_eq!(view(&h).shown_stage(), "discovery");
    h.keys("aThe health visitor knows every family<enter>");
    h.keys("<esc>");
    assert_eq!(
        view(&h).shown_stage(),
        "destiny",
        "Esc comes back to the room"
    );
    h.keys("[[[[]]");
    assert_eq!(view(&h).shown_stage(), "dream");
    let screen = h.screen(100, 24);
    assert!(
        screen.contains("reading; the room is in Destiny"),
        "{screen}"
    );
    assert!(
        screen.contains("1:30"),
        "the room's clock keeps counting: {screen}"
    );
    h.keys("q");
    assert_eq!(
        view(&h).shown_stage(),
        "destiny",
        "q comes back to the room first"
    );

    // Carrying on in Destiny.
    h.keys("aMeet again in March<tab>Sam<enter>");
    let s = &view(&h).session;
    assert_eq!(s.stage, "destiny");
    assert_eq!(s.history, visits, "looking wrote no history");
    assert_eq!(s.stage_started(), started, "looking left the clock alone");
    let strength = s
        .records
        .iter()
        .find(|r| r.body.text().starts_with("The health visitor"))
        .expect("the strength is kept");
    assert_eq!(
        strength.stage, "discovery",
        "added where the facilitator was reading"
    );
}

#[test]
fn the_room_moves_only_when_asked_and_to_the_stage_on_screen() {
    let mut h = new_ai();
    h.keys(">>>");
    h.keys("[[");
    assert_eq!(view(&h).session.stage, "design", "looking moved nothing");
    h.keys(">");
    assert_eq!(
        view(&h).session.stage,
        "discovery",
        "> moves the room to the stage read"
    );
    assert_eq!(view(&h).shown_stage(), "discovery");
    h.keys("u");
    assert_eq!(view(&h).session.stage, "design", "and u takes it back");
}

#[test]
fn a_session_made_the_day_before_waits_for_the_room_in_the_header_and_on_the_rooms_screen() {
    let mut h = new_ai();
    h.keys("q");
    h.wait(14 * 3600);
    h.keys("<enter>");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("not started · Space starts the clock"),
        "{screen}"
    );
    h.keys("p");
    let room = h.screen(100, 30);
    assert!(room.contains("not started yet"), "{room}");
    assert!(!room.contains("time is up"), "{room}");
    h.keys("<esc> ");
    h.wait(5 * 60);
    h.keys("p");
    assert!(h.screen(100, 30).contains("25 minutes left"));
}

#[test]
fn the_room_clock_pauses_takes_five_more_minutes_and_counts_down_for_the_room() {
    let mut h = new_ai();
    h.keys(">");
    h.wait(10 * 60);
    h.keys(" ");
    let screen = h.screen(100, 24);
    assert!(
        screen.contains("10:00 of 60 min · paused (Space)"),
        "{screen}"
    );
    h.wait(20 * 60);
    assert!(
        h.screen(100, 24).contains("10:00 of 60 min · paused"),
        "a pause holds the clock"
    );
    h.keys(" +");
    h.wait(60);
    let screen = h.screen(100, 24);
    assert!(screen.contains("11:00 of 65 min"), "{screen}");
    h.keys("p");
    let presenter = h.screen(100, 30);
    assert!(presenter.contains("54 minutes left"), "{presenter}");
    h.keys("<esc>");
    h.keys("u");
    assert!(
        h.screen(100, 24).contains("of 60 min"),
        "u takes the five minutes back"
    );
    h.wait(2);
    let saved = h.only_file();
    assert!(
        saved.contains("paused_seconds: 1200"),
        "the pause is kept in the file: {saved}"
    );
}

#[test]
fn e_edits_and_k_j_move_records() {
    let mut h = new_ai();
    h.keys(">aOne<enter>aTwo<enter>aThree<enter>");
    h.keys("K");
    let texts = |h: &Harness| {
        view(h)
            .session
            .records
            .iter()
            .map(|r| r.body.text().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&h), ["One", "Three", "Two"]);
    h.keys("J");
    assert_eq!(texts(&h), ["One", "Two", "Three"]);
    h.keys("kke<bs><bs><bs>First<enter>");
    assert_eq!(texts(&h), ["First", "Two", "Three"]);
}

#[test]
fn themes_group_strengths() {
    let mut h = new_ai();
    h.keys(">aOne<enter>aTwo<enter>aThree<enter>");
    h.keys("gSafe places<enter>kkgRelationships<enter>");
    h.keys("t");
    let order: Vec<String> = view(&h)
        .stage_records()
        .iter()
        .map(|r| r.body.text().to_owned())
        .collect();
    assert_eq!(order, ["One", "Three", "Two"]);
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("── Relationships") && screen.contains("── No theme yet"),
        "{screen}"
    );
    h.keys("jjg");
    assert!(matches!(view(&h).overlay, Some(Overlay::Theme { .. })));
}

#[test]
fn tab_shows_the_next_prompt_and_wraps_round() {
    let mut h = new_ai();
    let prompts = view(&h).stage().expect("stage").prompts.clone();
    assert!(h.screen(80, 24).contains(&prompts[0][..30]));
    h.keys("<tab>");
    assert!(h.screen(80, 24).contains(&prompts[1][..30]));
    h.keys(&"<tab>".repeat(prompts.len() - 1));
    assert_eq!(view(&h).prompt, 0);
}

#[test]
fn moving_between_stages_keeps_records_where_they_were_made() {
    let mut h = new_ai();
    h.keys(">aA strength<enter>>>");
    assert_eq!(view(&h).session.stage, "design");
    assert!(view(&h).stage_records().is_empty());
    h.keys("[[");
    assert_eq!(view(&h).stage_records().len(), 1);
    assert!(view(&h).session.stage_finished("dream"));
    h.keys("[[");
    assert!(
        h.app
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("first stage"))
    );
}

#[test]
fn the_timer_counts_and_says_gently_when_time_is_up() {
    let mut h = new_ai();
    // Made ahead of the day: the clock waits for the room, however long it waits.
    assert!(
        h.screen(80, 24)
            .contains("not started · Space starts the clock")
    );
    h.wait(10 * 3600);
    let screen = h.screen(80, 24);
    assert!(screen.contains("not started"), "{screen}");
    assert!(!screen.contains("time is up") && !screen.contains("past the"));
    h.keys(" ");
    assert!(h.screen(80, 24).contains("0:00 of 30 min"));
    h.wait(31 * 60);
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("31:00 · 1 min past the 30 planned"),
        "{screen}"
    );
}

#[test]
fn q_saves_then_leaves_and_q_again_quits() {
    let mut h = new_ai();
    h.keys("aThe topic<enter>q");
    assert!(matches!(h.app.screen, Screen::Dashboard));
    assert!(h.only_file().contains("The topic"));
    assert!(h.screen(80, 24).contains("Harbour day"));
    h.keys("q");
    assert!(h.app.quit);
}

#[test]
fn a_failed_save_keeps_the_words_says_so_and_retries() {
    let mut h = new_ai();
    h.runtime.store_mut().set_fault(Some(Fault::DiskFull));
    h.keys("aWords worth keeping<enter>");
    h.wait(1);
    assert!(view(&h).dirty);
    let status = h.app.status.clone().expect("status");
    assert!(
        status.problem && status.text.contains("the disk is full"),
        "{status:?}"
    );
    assert!(h.screen(80, 24).contains("! not saved yet"));
    assert!(!h.only_file().contains("Words worth keeping"));
    h.runtime.store_mut().set_fault(None);
    h.wait(6);
    assert!(!view(&h).dirty);
    assert!(h.only_file().contains("Words worth keeping"));
}

#[test]
fn quitting_with_words_that_cannot_be_saved_asks_first() {
    let mut h = new_ai();
    h.runtime
        .store_mut()
        .set_fault(Some(Fault::PermissionDenied));
    h.keys("aWords worth keeping<enter>q");
    assert!(matches!(
        view(&h).overlay,
        Some(Overlay::ConfirmLeave { .. })
    ));
    assert!(h.screen(80, 24).contains("Not saved yet"));
    h.keys("<esc>");
    assert!(view(&h).overlay.is_none());
    h.runtime.store_mut().set_fault(None);
    h.keys("q");
    assert!(matches!(h.app.screen, Screen::Dashboard));
    assert!(h.only_file().contains("Words worth keeping"));
}

#[test]
fn a_file_changed_elsewhere_is_kept_and_our_words_go_to_a_copy() {
    let mut h = new_ai();
    let path = h.runtime.store().files().expect("files")[0].clone();
    let theirs = h
        .only_file()
        .replace("Harbour day", "Harbour day (their edit)");
    std::fs::write(&path, &theirs).expect("their edit");
    h.keys("aOur words<enter>");
    h.wait(1);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);
    let copy = view(&h).conflict_copy.clone().expect("a copy");
    assert!(
        std::fs::read_to_string(copy)
            .expect("copy")
            .contains("Our words")
    );
    assert!(h.app.status.as_ref().is_some_and(
        |s| s.text.contains("your words are kept in") && s.text.contains(".conflict-")
    ));
    // Said, not asked: no box takes the keys being typed.
    assert!(view(&h).overlay.is_none());
}

#[test]
fn private_family_time_captures_nothing() {
    let mut h = Harness::new();
    h.keys("n<down><enter>Conference for J.<enter>>>");
    assert_eq!(view(&h).session.stage, "private-family-time");
    h.keys("anote<enter>");
    assert!(view(&h).overlay.is_none());
    assert!(view(&h).session.records.is_empty());
    assert!(
        h.screen(80, 24)
            .contains("Professionals, the coordinator included, leave the room")
    );
}

#[test]
fn a_newer_file_opens_read_only_and_refuses_changes() {
    let mut h = Harness::with_examples();
    let path = h.runtime.store().dir().join("k7q2m9xa.ron");
    let text = std::fs::read_to_string(&path)
        .expect("read")
        .replace("format: 2", "format: 7");
    std::fs::write(&path, &text).expect("write");
    h.relist();
    h.keys("/harbourside<enter><enter>");
    assert!(view(&h).read_only.is_some());
    h.keys("aMore<enter>>");
    assert_eq!(view(&h).session.stage, "destiny");
    assert!(
        h.app
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("Read-only, so nothing here changes"))
    );
    h.wait(2);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
}

#[test]
fn the_dashboard_lists_newest_first_and_finds_by_text() {
    let mut h = Harness::with_examples();
    let titles: Vec<&str> = h
        .app
        .dashboard
        .visible()
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert!(titles[0].starts_with("Conference for J."), "{titles:?}");
    h.keys("/harbourside");
    assert_eq!(h.app.dashboard.visible().len(), 1);
    h.keys("<esc>");
    assert_eq!(h.app.dashboard.visible().len(), 2);
}

#[test]
fn an_unreadable_file_is_listed_named_and_never_opened() {
    let mut h = Harness::new();
    std::fs::write(h.runtime.store().dir().join("broken.ron"), "(format: 1,").expect("write");
    h.relist();
    assert!(h.screen(80, 24).contains("! could not be read"));
    h.keys("<enter>");
    assert!(matches!(h.app.screen, Screen::Dashboard));
    assert!(
        h.app
            .status
            .as_ref()
            .is_some_and(|s| s.problem && s.text.contains("broken.ron:"))
    );
}

#[test]
fn pasted_text_lands_in_the_form_without_escape_sequences() {
    let mut h = new_ai();
    h.keys("a");
    h.send(Msg::Paste("From the room:\u{1b}[31m red\u{7}".into()));
    h.keys("<enter>");
    assert_eq!(
        view(&h).session.records[0].body.text(),
        "From the room: red"
    );
}

#[test]
fn a_failure_message_reaches_the_status_bar() {
    let mut h = Harness::new();
    h.send(Msg::Failed("The folder could not be read.".into()));
    assert!(h.screen(80, 24).contains("! The folder could not be read."));
}

#[test]
fn question_mark_shows_every_key_of_the_screen() {
    let mut h = new_ai();
    h.keys("?");
    let screen = h.screen(100, 60);
    let context = h
        .app
        .session_view()
        .expect("a session is open")
        .key_context();
    for key in convene::app::keys::SESSION {
        // A workshop's `?` lists no key that belongs to a conference only.
        if context.belongs(key) {
            assert!(screen.contains(key.help), "{} missing", key.help);
        } else {
            assert!(!screen.contains(key.help), "{} shown", key.help);
        }
    }
    assert!(!screen.contains("the conference's key facts"), "{screen}");
    h.keys("<esc>");
    assert!(!h.app.showing(Layer::Help));
}

#[test]
fn the_key_list_scrolls_on_a_small_window() {
    let mut h = new_ai();
    h.keys("?");
    let top = h.screen(40, 12);
    h.keys("jjjj");
    assert_eq!(h.app.help_scroll, 4);
    assert_ne!(h.screen(40, 12), top);
    h.keys("k");
    assert_eq!(h.app.help_scroll, 3);
    h.keys("x");
    assert!(!h.app.showing(Layer::Help));
    assert!(
        view(&h).overlay.is_none(),
        "the closing key does nothing else"
    );
}

#[test]
fn every_disk_fault_is_told_plainly_keeps_the_words_and_a_later_save_succeeds() {
    for (fault, words) in [
        (Fault::DiskFull, "the disk is full"),
        (Fault::PermissionDenied, "the folder may not be written to"),
        (Fault::RenameFails, "could not replace the old one"),
        (Fault::ShortWrite, "only part of the file was written"),
    ] {
        let mut h = new_ai();
        h.runtime.store_mut().set_fault(Some(fault));
        h.keys("aWords worth keeping<enter>");
        h.wait(1);
        let status = h.app.status.clone().expect("status");
        assert!(
            status.problem && status.text.contains(words),
            "{fault:?}: {status:?}"
        );
        assert_eq!(
            view(&h).session.records.len(),
            1,
            "{fault:?}: kept in memory"
        );
        assert!(!h.only_file().contains("Words worth keeping"));
        h.runtime.store_mut().set_fault(None);
        h.wait(6);
        assert!(h.only_file().contains("Words worth keeping"), "{fault:?}");
    }
}

#[test]
fn leaving_with_unsaved_words_offers_a_copy_elsewhere() {
    let mut h = new_ai();
    h.runtime.store_mut().set_fault(Some(Fault::DiskFull));
    h.keys("aWords worth keeping<enter>q");
    assert!(matches!(
        view(&h).overlay,
        Some(Overlay::ConfirmLeave { .. })
    ));
    h.keys("c");
    let Some(Overlay::CopyTo { input, .. }) = &view(&h).overlay else {
        panic!("asks where")
    };
    let suggested = input.lines().join("");
    assert!(
        suggested.contains("-copy-20261125T") && suggested.ends_with(".ron"),
        "a new name each time, to the microsecond: {suggested}"
    );
    assert!(!suggested.contains("sessions"), "{suggested}");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    // An earlier rescue copy, holding words that exist only there, is never replaced.
    let earlier = elsewhere.path().join("earlier.ron");
    std::fs::write(&earlier, "words that exist only here").expect("write");
    h.keys(&"<bs>".repeat(suggested.chars().count()));
    h.keys(&format!("{}<enter>", earlier.display()));
    let Some(Overlay::CopyTo { error, .. }) = &view(&h).overlay else {
        panic!("still asks where")
    };
    assert!(
        error
            .as_deref()
            .is_some_and(|e| e.contains("already there")),
        "{error:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&earlier).expect("earlier"),
        "words that exist only here"
    );
    let target = elsewhere.path().join("rescue.ron");
    h.keys(&"<bs>".repeat(earlier.display().to_string().chars().count()));
    h.keys(&format!("{}<enter>", target.display()));
    assert!(matches!(h.app.screen, Screen::Dashboard));
    let copy = std::fs::read_to_string(&target).expect("the copy");
    assert!(copy.contains("Words worth keeping"));
    let (session, _) = convene::store::from_text(&copy).expect("the copy is a session file");
    assert_eq!(session.records.len(), 1);
}

#[test]
fn after_a_conflict_m_keeps_mine_and_theirs_as_a_copy() {
    let mut h = new_ai();
    let path = h.runtime.store().files().expect("files")[0].clone();
    let theirs = h
        .only_file()
        .replace("Harbour day", "Harbour day (their edit)");
    std::fs::write(&path, &theirs).expect("their edit");
    h.keys("aOur words<enter>");
    h.wait(1);
    // The choice is the user's to open, with Ctrl-l.
    assert!(view(&h).overlay.is_none());
    h.keys("<c-l>");
    assert!(matches!(view(&h).overlay, Some(Overlay::Conflict { .. })));
    assert!(h.screen(80, 24).contains("Nothing was overwritten"));
    h.keys("m");
    assert!(view(&h).conflict_copy.is_none());
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("Our words")
    );
    let kept: Vec<String> = std::fs::read_dir(h.runtime.store().dir())
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains("-theirs.ron"))
        .map(|p| std::fs::read_to_string(p).expect("read"))
        .collect();
    assert_eq!(kept, [theirs]);
    // Saving carries on normally.
    h.keys("aMore words<enter>");
    h.wait(1);
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("More words")
    );
}

#[test]
fn after_a_conflict_t_opens_theirs_and_mine_stays_in_the_copy() {
    let mut h = new_ai();
    let path = h.runtime.store().files().expect("files")[0].clone();
    let theirs = h
        .only_file()
        .replace("Harbour day", "Harbour day (their edit)");
    std::fs::write(&path, &theirs).expect("their edit");
    h.keys("aOur words<enter>");
    h.wait(1);
    let copy = view(&h).conflict_copy.clone().expect("copy");
    h.keys("<c-l>t");
    assert_eq!(view(&h).session.title, "Harbour day (their edit)");
    assert!(
        view(&h).read_only.is_none(),
        "the lock passed to the fresh open"
    );
    assert!(
        std::fs::read_to_string(copy)
            .expect("copy")
            .contains("Our words")
    );
}

#[test]
fn x_exports_to_a_chosen_place_outside_the_sessions_folder() {
    let mut h = new_ai();
    h.keys("aEvery young person has trusted adults<enter>x");
    assert!(matches!(
        view(&h).overlay,
        Some(Overlay::Export { path: None, .. })
    ));
    h.keys("j<enter>");
    let Some(Overlay::Export {
        path: Some(input), ..
    }) = &view(&h).overlay
    else {
        panic!("asks where")
    };
    let suggested = input.lines().join("");
    assert!(
        suggested.ends_with(".html") && suggested.contains("convene-"),
        "{suggested}"
    );
    assert!(!suggested.contains(&h.runtime.store().dir().display().to_string()));

    // Into the sessions folder: refused, with a reason, and the box stays open.
    h.keys(&"<bs>".repeat(suggested.chars().count()));
    h.keys(&format!(
        "{}/report.html<enter>",
        h.runtime.store().dir().display()
    ));
    let Some(Overlay::Export {
        error: Some(error), ..
    }) = &view(&h).overlay
    else {
        panic!("refused")
    };
    assert!(error.contains("out of the sessions folder"));

    let elsewhere = tempfile::tempdir().expect("temp dir");
    let target = elsewhere.path().join("report.html");
    let typed = format!("{}/report.html", h.runtime.store().dir().display());
    h.keys(&"<bs>".repeat(typed.chars().count()));
    h.keys(&format!("{}<enter>", target.display()));
    assert!(view(&h).overlay.is_none());
    assert!(
        h.app
            .status
            .as_ref()
            .is_some_and(|s| s.text.starts_with("Exported to"))
    );
    assert!(
        std::fs::read_to_string(&target)
            .expect("exported")
            .contains("Every young person has trusted adults")
    );
}

#[test]
fn a_megabyte_pasted_into_the_form_is_kept_whole() {
    let mut h = new_ai();
    h.keys("a");
    let big = "the room's words ".repeat(1024 * 1024 / 17 + 1);
    let started = std::time::Instant::now();
    h.send(Msg::Paste(big.clone()));
    let pasted = started.elapsed();
    let _ = h.screen(80, 24);
    let drawn = started.elapsed();
    h.keys("x<enter>");
    let saved = started.elapsed();
    eprintln!("1 MB paste: pasted {pasted:?}, drawn {drawn:?}, saved {saved:?}");
    assert_eq!(view(&h).session.records[0].body.text(), format!("{big}x"));
    h.wait(1);
    assert!(h.only_file().len() > 1024 * 1024);
}

/// The ids ticked in the open pick list, as the screen shows them.
fn ticked(h: &Harness) -> Vec<String> {
    h.screen(100, 40)
        .lines()
        .filter_map(|line| {
            let at = line.find("[x] ").or_else(|| line.find("(•) "))?;
            line[at..].split_whitespace().nth(1).map(str::to_owned)
        })
        .collect()
}

/// The ids the open form says the record builds on.
fn form_links(h: &Harness) -> Vec<String> {
    let screen = h.screen(100, 40);
    let line = screen
        .lines()
        .find(|l| l.contains("Builds on:"))
        .expect("the form shows its links");
    line.split_whitespace()
        .filter(|w| w.starts_with('#'))
        .map(|w| w.trim_end_matches(',').to_owned())
        .collect()
}

/// The links of every record in the session's file on disk, by id.
fn saved_links(h: &Harness) -> Vec<(String, Vec<String>)> {
    let path = &view(h).path;
    let loaded = convene::store::load_path(path).expect("the file loads");
    loaded
        .session
        .records
        .iter()
        .map(|r| {
            let links = r.body.links().iter().map(ToString::to_string).collect();
            (r.id.to_string(), links)
        })
        .collect()
}

/// Opens the pick list with `add`, ticks the first two candidates, and returns what the
/// list and then the form show; the record is saved after.
fn tick_two(h: &mut Harness, add: &str) -> (Vec<String>, Vec<String>) {
    h.keys(add);
    h.keys("<c-l> <down> ");
    let in_list = ticked(h);
    h.keys("<enter>");
    let in_form = form_links(h);
    h.keys("<enter>");
    assert!(view(h).overlay.is_none(), "the record is kept");
    (in_list, in_form)
}

/// The links the file holds for the newest record.
fn newest_saved(h: &mut Harness) -> Vec<String> {
    h.wait(1);
    saved_links(h).last().expect("a record").1.clone()
}

#[test]
fn every_link_list_in_a_workshop_saves_what_the_form_shows() {
    let mut h = new_ai();
    h.keys(">aYouth workers know every child<enter>aThe library stays open late<enter>");
    for add in [
        "]aEvery child has a trusted adult",
        "aThe library is a second home",
        "]aWe share what we know the same day",
        "aEvery door is open after school",
        "]aStart a weekly huddle<tab>Priya<tab>+2w",
    ] {
        let (in_list, in_form) = tick_two(&mut h, add);
        assert_eq!(in_list.len(), 2, "{add}: two ticked in the list");
        assert_eq!(in_form, in_list, "{add}: the form shows the ticks");
        assert_eq!(newest_saved(&mut h), in_form, "{add}: the file holds them");
    }
}

#[test]
fn who_shared_and_who_answered_hold_one_person_and_show_one() {
    let mut h = Harness::new();
    h.keys("n<down><enter>Conference for J.<enter>");
    h.keys("aSam<tab>social worker<enter>aHalina<tab>grandmother<enter>>");
    for add in [
        "aAnna has kept in touch every week",
        "A<down><enter>Will the police be involved?<tab>Only to help",
    ] {
        let (in_list, in_form) = tick_two(&mut h, add);
        assert_eq!(
            in_list.len(),
            1,
            "{add}: one person ticked, the last chosen"
        );
        assert_eq!(in_form, in_list, "{add}: the form shows the tick");
        assert_eq!(newest_saved(&mut h), in_form, "{add}: the file holds it");
    }
    // Changed later from the list with l: the same.
    h.keys("l <down> ");
    let in_list = ticked(&h);
    assert_eq!(in_list.len(), 1);
    h.keys("<enter>");
    assert_eq!(newest_saved(&mut h), in_list);
}

#[test]
fn tags_save_every_sector_ticked_and_the_one_level_and_voice_shown() {
    let mut h = new_ai();
    h.keys("A<down><enter>Every child is known by name<enter>");
    h.keys("A<down><enter>Young people shape the services<enter>");
    h.keys(">>>>aStart a weekly huddle<tab>Priya<enter>T");
    let sectors = h.app.sectors.len();
    // An agreement's change goals come first: both; then two sectors, then two levels and
    // two voices (the second of each replaces the first).
    h.keys(" <down> <down>");
    h.keys(" <down> ");
    h.keys(&"<down>".repeat(sectors - 1));
    h.keys(" <down> ");
    h.keys(&"<down>".repeat(convene::model::Level::ALL.len() - 1));
    h.keys(" <down> ");
    let screen = h.screen(100, 60);
    let shown: Vec<String> = screen
        .lines()
        .filter_map(|line| {
            let at = line.find("[x] ").or_else(|| line.find("(•) "))?;
            let (_, label) = line[at..].split_once(' ')?;
            label.split('│').next().map(|l| l.trim().to_owned())
        })
        .collect();
    h.keys("<enter>");
    h.wait(1);
    let loaded = convene::store::load_path(&view(&h).path).expect("loads");
    let agreement = loaded
        .session
        .records
        .iter()
        .find(|r| r.body.kind() == RecordKind::Agreement)
        .expect("the agreement");
    let tags = agreement.body.tags().expect("tags");
    let mut saved: Vec<String> = tags.sectors.clone();
    saved.extend(tags.level.map(|l| l.label().to_owned()));
    saved.extend(tags.voice.map(|v| v.label().to_owned()));
    for id in agreement.body.goals() {
        let goal = loaded.session.record(*id).expect("goal");
        saved.push(format!("{id} {}", goal.body.text()));
    }
    assert_eq!(
        saved.len(),
        6,
        "two sectors, a level, a voice, two goals: {saved:?}"
    );
    let (mut shown, mut saved) = (shown, saved);
    shown.sort();
    saved.sort();
    assert_eq!(shown, saved);
}

/// Keys arriving together, as a terminal without bracketed paste sends a paste: each key
/// with the one already waiting behind it.
fn arrive_together(h: &mut Harness, script: &str) {
    let keys = crate::harness::parse_keys(script);
    for (i, key) in keys.iter().enumerate() {
        let msg = convene::app::arrival::msg_for(&h.app, *key, keys.get(i + 1));
        h.send(msg);
    }
}

#[test]
fn a_pasted_list_keeps_its_lines_whatever_line_breaks_the_terminal_sends() {
    let mut h = new_ai();
    h.keys(">a");
    h.send(Msg::Paste(
        "Survey answer 1: nurses.\r\nSurvey answer 2: teachers.\rSurvey answer 3\n".into(),
    ));
    h.keys("<enter>");
    assert_eq!(
        view(&h).session.records[0].body.text(),
        "Survey answer 1: nurses.\nSurvey answer 2: teachers.\nSurvey answer 3"
    );
}

#[test]
fn lines_pasted_into_a_one_line_field_are_joined_with_a_space() {
    let mut h = new_ai();
    h.keys(">>>>aStart a weekly huddle<tab>");
    h.send(Msg::Paste("Priya,\r\nyouth service\rand Sam".into()));
    h.keys("<enter>");
    let RecordBody::Agreement(a) = &records_of(&h, RecordKind::Agreement)[0] else {
        unreachable!()
    };
    assert_eq!(a.owner, "Priya, youth service and Sam");
}

#[test]
fn a_paste_typed_as_keys_with_enters_keeps_its_lines_and_a_last_enter_still_saves() {
    let mut h = new_ai();
    h.keys(">a");
    arrive_together(&mut h, "Survey answer 1: nurses.<enter>Survey answer 2");
    assert!(
        view(&h).overlay.is_some(),
        "the form stays open for the next line"
    );
    arrive_together(&mut h, "<enter>");
    assert_eq!(
        view(&h).session.records[0].body.text(),
        "Survey answer 1: nurses.\nSurvey answer 2"
    );
    // In a one-line field the lines are joined with a space.
    h.keys(">>>aStart a weekly huddle<tab>");
    arrive_together(&mut h, "Priya,<enter>youth service");
    h.keys("<enter>");
    let RecordBody::Agreement(a) = &records_of(&h, RecordKind::Agreement)[0] else {
        unreachable!()
    };
    assert_eq!(a.owner, "Priya, youth service");
}

#[test]
fn a_form_open_as_the_window_closes_keeps_its_words() {
    // A finished form is kept as the record it would have been.
    let mut h = new_ai();
    h.keys(">aYoung advisers host the partnership board");
    h.send(Msg::Closing);
    let file = h.only_file();
    assert!(
        file.contains("Young advisers host the partnership board"),
        "{file}"
    );
    assert_eq!(records_of(&h, RecordKind::Strength).len(), 1);

    // One that could not be kept as it stands (a date still to fix) becomes a note holding
    // every field's words, so nothing typed is lost.
    let mut h = new_ai();
    h.keys(">>>>aRun a young people's panel<tab>Jess<tab>next tues");
    h.send(Msg::Closing);
    let notes = records_of(&h, RecordKind::Note);
    let [RecordBody::Note(note)] = notes.as_slice() else {
        panic!("one note, not {notes:?}")
    };
    for words in [
        "Run a young people's panel",
        "Jess",
        "next tues",
        "agreement",
    ] {
        assert!(note.text.contains(words), "{words} in {}", note.text);
    }
    assert!(h.only_file().contains("next tues"));

    // An edit left half-done leaves the record as it was kept: the new words go in a note.
    let mut h = new_ai();
    h.keys(">aYouth workers know every child by name<enter>");
    h.keys(&format!("e{}", "<bs>".repeat(20)));
    h.keys(" all by name");
    h.send(Msg::Closing);
    let strengths = records_of(&h, RecordKind::Strength);
    assert_eq!(strengths.len(), 1);
    assert_eq!(
        strengths[0].text(),
        "Youth workers know every child by name"
    );
    let notes = records_of(&h, RecordKind::Note);
    assert!(
        notes
            .iter()
            .any(|n| n.text().contains("the change to strength #1")
                && n.text().contains("Youth workers know all by name")),
        "{notes:?}"
    );
}

#[test]
fn a_participant_half_added_as_the_window_closes_is_a_note_not_one_of_the_network() {
    // Whether they are outside the child's safe network may not have been said yet.
    let mut h = Harness::new();
    h.keys("n<down><enter>Conference for J.<enter>");
    h.keys("aVictor");
    h.send(Msg::Closing);
    assert!(records_of(&h, RecordKind::Participant).is_empty());
    let notes = records_of(&h, RecordKind::Note);
    assert!(
        notes
            .iter()
            .any(|n| n.text().contains("the new participant") && n.text().contains("Victor")),
        "{notes:?}"
    );
}
