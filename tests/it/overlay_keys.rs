//! Each box over the session screen shows, in its footer, the keys its own table binds.

use crate::harness::Harness;
use convene::app::keys::Binding;
use convene::app::overlay::{delete, export, kind_choice, theme};

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
    h.keys("n]aHalina notices when someone is left out<enter>g");
    shows(&h, theme::KEYS);
    h.keys("<esc>x");
    shows(&h, export::CHOOSE_KEYS);
    h.keys("<enter>");
    shows(&h, export::PLACE_KEYS);
}

#[test]
fn the_kind_choice_shows_the_keys_its_table_binds() {
    let mut h = Harness::new();
    h.keys("n<down><enter>Conference for J.<enter>]A");
    shows(&h, kind_choice::KEYS);
}
