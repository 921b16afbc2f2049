//! `docs/keys.md` is written from the key tables the app reads, so the manual's keys cannot
//! drift from the keys: this test renders the tables and fails when the page differs.
//! `CONVENE_WRITE_DOCS=1 cargo test --test it keys_doc` writes the page anew.

use convene::app::keys::{self, Binding};
use convene::app::{agenda, form, overlay};
use std::fmt::Write as _;
use std::path::PathBuf;

const HEAD: &str = "\
# Keys

*Part of the convene manual: see the [README](../README.md#the-manual) for the other pages.*

<!-- Written from the key tables in src/app (tests/it/keys_doc.rs); do not edit by hand:
     CONVENE_WRITE_DOCS=1 cargo test --test it keys_doc writes it anew. -->

`?` on any screen shows that screen's keys, from the same tables as this page. Everywhere,
Ctrl-c quits (it saves first, and asks if it cannot) and Ctrl-z suspends to the shell
(saved first). A window smaller than 30×8 shows \"make the window larger\" until it is
resized. Keys marked *writes* change the session: in a session opened read-only they are
refused, with the reason. `u` undoes every change, moves of the room's stage too, and
Ctrl-r redoes it.
";

/// One screen's or box's table, as a Markdown section.
fn section<A>(out: &mut String, title: &str, intro: &str, table: &[Binding<A>]) {
    write!(out, "\n## {title}\n\n").expect("a string");
    if !intro.is_empty() {
        write!(out, "{intro}\n\n").expect("a string");
    }
    out.push_str("| key | what it does | |\n|---|---|---|\n");
    for (keys, help) in keys::rows(table) {
        let writes = table.iter().any(|b| b.keys == keys && b.writes);
        let key = if keys.contains('`') {
            format!("`` {keys} ``")
        } else {
            format!("`{keys}`")
        };
        writeln!(
            out,
            "| {} | {} | {} |",
            key.replace('|', "\\|"),
            help.replace('|', "\\|"),
            if writes { "*writes*" } else { "" }
        )
        .expect("a string");
    }
}

/// The whole page, from the tables.
fn page() -> String {
    let mut out = HEAD.to_owned();
    section(
        &mut out,
        "All sessions",
        "The first screen: every session, with its next date.",
        keys::DASHBOARD,
    );
    section(
        &mut out,
        "A new session",
        "While the framework is chosen; then the title is typed (Enter starts the session, \
         Esc goes back to the choice).",
        keys::NEW_SESSION,
    );
    section(&mut out, "A session", "", keys::SESSION);
    section(
        &mut out,
        "The form",
        "Adding or editing a record, a check-in, or a conference's facts or outcome.",
        form::KEYS,
    );
    section(
        &mut out,
        "A choice field in the form",
        "",
        form::CHOICE_KEYS,
    );
    section(
        &mut out,
        "A pick list",
        "What a record builds on, who shared it, who does it (Ctrl-p in the form), its tags. \
         Letters find: a letter or two goes to the next line with a word starting so, and \
         Enter ticks it.",
        keys::PICK,
    );
    section(&mut out, "The day's plan (`P`)", "", agenda::KEYS);
    section(
        &mut out,
        "Typing a line of the plan",
        "Any other key types.",
        agenda::TYPING_KEYS,
    );
    section(
        &mut out,
        "The system map (`m` in a workshop)",
        "",
        keys::MAP,
    );
    section(
        &mut out,
        "The network map (`m` in a conference)",
        "It is read, not moved through.",
        keys::NETWORK,
    );
    section(&mut out, "Follow-through (`f`)", "", keys::FOLLOW);
    section(&mut out, "The week ahead (`w`)", "", keys::WEEK);
    section(&mut out, "The report (`r`)", "", keys::REPORT);
    section(
        &mut out,
        "The room's screen (`convene present`)",
        "It only shows, so it only leaves.",
        keys::PRESENT,
    );
    out.push_str("\n# Boxes over a session\n");
    section(
        &mut out,
        "Which kind to add (`A`)",
        "",
        overlay::kind_choice::KEYS,
    );
    section(
        &mut out,
        "Deleting a record (`d`)",
        "",
        overlay::delete::KEYS,
    );
    section(
        &mut out,
        "A theme (`g`)",
        "Any other key types the theme.",
        overlay::theme::KEYS,
    );
    section(
        &mut out,
        "Renaming a theme everywhere (`G`)",
        "Any other key types the new name.",
        overlay::theme::RENAME_KEYS,
    );
    section(
        &mut out,
        "Counting the dots (`=`)",
        "Any other key types the count.",
        overlay::votes::KEYS,
    );
    section(
        &mut out,
        "Renaming the session (`E`)",
        "Any other key types the title.",
        overlay::rename::KEYS,
    );
    section(
        &mut out,
        "Exporting (`x`): the format",
        "",
        overlay::export::CHOOSE_KEYS,
    );
    section(
        &mut out,
        "Exporting (`x`): the place",
        "Any other key types the place.",
        overlay::export::PLACE_KEYS,
    );
    section(
        &mut out,
        "The lens's offer, on saving a form",
        "",
        overlay::suggestion::KEYS,
    );
    section(
        &mut out,
        "Changed elsewhere (Ctrl-l)",
        "",
        overlay::conflict::KEYS,
    );
    section(
        &mut out,
        "Leaving when the session could not be saved",
        "",
        overlay::leave::KEYS,
    );
    section(
        &mut out,
        "Writing a copy elsewhere",
        "When the sessions folder cannot be written. Any other key types the place.",
        overlay::copy_to::KEYS,
    );
    out
}

fn path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/keys.md")
}

#[test]
fn keys_doc_is_written_from_the_key_tables() {
    let want = page();
    if std::env::var_os("CONVENE_WRITE_DOCS").is_some_and(|v| v == "1") {
        std::fs::write(path(), &want).expect("docs/keys.md written");
    }
    let have = std::fs::read_to_string(path()).unwrap_or_default();
    if have != want {
        let line = have
            .lines()
            .zip(want.lines())
            .position(|(h, w)| h != w)
            .unwrap_or_else(|| have.lines().count().min(want.lines().count()));
        panic!(
            "docs/keys.md differs from the key tables (first at line {}).\n\
             Write it anew with: CONVENE_WRITE_DOCS=1 cargo test --test it keys_doc\n\
             and commit docs/keys.md.",
            line + 1
        );
    }
}

#[test]
fn the_page_has_every_key_of_the_session_screen() {
    let page = page();
    // `P` was missing from the hand-kept table this page replaces.
    for b in keys::SESSION {
        assert!(page.contains(b.help), "{} is not on the page", b.keys);
    }
    assert!(page.contains("| `P` | the day's plan"), "{page}");
}
