//! Keys as data on the session screen: each box shows the keys its own table binds, and
//! the keys the table marks as writing are the ones a read-only session refuses.

use crate::harness::Harness;
use convene::app::keys::{Action, Binding, SESSION};
use convene::app::overlay::{delete, export, kind_choice, rename, theme};
use convene::app::{Layer, Msg};
use crossterm::event::{KeyEvent, KeyModifiers};

/// The footer line a table asks for: each footer binding's keys and words.
fn footer<A>(table: &[Binding<A>]) -> String {
    table
        .iter()
        .filter_map(|b| b.footer.map(|words| format!("{} {words}", b.keys)))
        .collect::<Vec<_>>()
        .join("  ")
}

fn shows<A>(h: &Harness, table: &[Binding<A>]) {
    let screen = h.screen(120, 30);
    let line = footer(table);
    assert!(!line.is_empty());
    assert!(
        screen.lines().any(|l| l.trim_end() == line),
        "{line:?} is not the footer of\n{screen}"
    );
}

#[test]
fn the_session_boxes_show_the_keys_their_tables_bind() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>aEvery young person has trusted adults<enter>");
    h.keys("d");
    shows(&h, delete::KEYS);
    h.keys("n>aHalina notices when someone is left out<enter>g");
    shows(&h, theme::KEYS);
    h.keys("Care<enter>G");
    shows(&h, theme::RENAME_KEYS);
    h.keys("<esc>E");
    shows(&h, rename::KEYS);
    h.keys("<esc>x");
    shows(&h, export::CHOOSE_KEYS);
    h.keys("<enter>");
    shows(&h, export::PLACE_KEYS);
}

#[test]
fn the_kind_choice_shows_the_keys_its_table_binds() {
    let mut h = Harness::new();
    h.keys("n<down><enter>Conference for J.<enter>>A");
    shows(&h, kind_choice::KEYS);
}

/// The session table's keys that stay on the session screen (leaving and suspending are
/// left out), with whether the table says they write.
fn staying_keys() -> Vec<(KeyEvent, bool, &'static str)> {
    SESSION
        .iter()
        .filter(|b| !matches!(b.action, Action::Back | Action::Suspend))
        .map(|b| {
            let modifiers = if b.ctrl {
                KeyModifiers::CONTROL
            } else {
                KeyModifiers::NONE
            };
            (KeyEvent::new(b.code, modifiers), b.writes, b.keys)
        })
        .collect()
}

/// Sends one key on the session screen, then closes whatever it opened.
fn press_and_close(h: &mut Harness, key: KeyEvent) {
    h.app.status = None;
    h.send(Msg::Key(key));
    if h.app.session_view().is_some_and(|v| v.overlay.is_some()) {
        h.keys("<esc>");
    }
    h.app.hide(Layer::Help);
    h.app.hide(Layer::Map);
    h.app.hide(Layer::Presenter);
}

fn refused(h: &Harness) -> bool {
    h.app
        .status
        .as_ref()
        .is_some_and(|s| s.text.contains("Read-only, so nothing here changes"))
}

#[test]
fn a_read_only_session_refuses_exactly_the_keys_its_table_marks_as_writing() {
    let mut h = Harness::with_examples();
    let path = h.runtime.store().dir().join("k7q2m9xa.ron");
    let text = std::fs::read_to_string(&path)
        .expect("read")
        .replace("format: 2", "format: 7");
    std::fs::write(&path, &text).expect("write");
    h.relist();
    h.keys("/harbourside<enter><enter>");
    assert!(h.app.session_view().is_some_and(|v| v.read_only.is_some()));
    for (key, writes, keys) in staying_keys() {
        press_and_close(&mut h, key);
        assert_eq!(refused(&h), writes, "{keys}");
    }
}

#[test]
fn keys_the_table_does_not_mark_as_writing_leave_the_session_as_it_was() {
    let mut h = Harness::new();
    h.keys(
        "n<enter>Harbour day<enter>aOur topic<enter>]aEvery young person has trusted adults<enter>",
    );
    for (key, writes, keys) in staying_keys() {
        if writes {
            continue;
        }
        let before = h.app.session_view().expect("open").session.clone();
        press_and_close(&mut h, key);
        let after = &h.app.session_view().expect("still open").session;
        assert_eq!(&before, after, "{keys}");
    }
}
