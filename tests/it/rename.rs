//! Renaming a session in the app: from the dashboard or the session, undoable, saved to its own file.

use crate::harness::Harness;
use convene::app::Msg;

const BACK: &str = "<bs><bs><bs>";

fn title_in_file(h: &Harness) -> String {
    let text = h.only_file();
    text.lines()
        .find_map(|l| l.trim().strip_prefix("title: "))
        .expect("a title line")
        .to_owned()
}

#[test]
fn a_session_renamed_on_its_screen_is_saved_and_u_brings_the_old_title_back() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>E");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Rename this session"), "{screen}");
    assert!(screen.contains("Harbour day"), "{screen}");
    assert!(
        screen.contains("Enter rename  Esc keep the title"),
        "{screen}"
    );
    h.keys(&format!("{BACK}festival<enter>"));
    let v = h.app.session_view().expect("still in the session");
    assert_eq!(v.session.title, "Harbour festival");
    assert!(v.overlay.is_none());
    assert!(
        h.screen(80, 24)
            .contains("Renamed to “Harbour festival”. u undoes it.")
    );
    h.settle();
    assert_eq!(title_in_file(&h), "\"Harbour festival\",");

    h.keys("u");
    h.settle();
    assert_eq!(title_in_file(&h), "\"Harbour day\",");
    h.keys("<c-r>");
    h.settle();
    assert_eq!(title_in_file(&h), "\"Harbour festival\",");
}

#[test]
fn esc_or_an_empty_title_keeps_the_title() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>E");
    h.keys("<bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs>   <enter>");
    assert!(h.screen(80, 24).contains("A session needs a title"));
    assert!(h.app.session_view().expect("session").overlay.is_some());
    h.keys("<esc>");
    let v = h.app.session_view().expect("session");
    assert!(v.overlay.is_none());
    assert_eq!(v.session.title, "Harbour day");
    assert!(!v.dirty, "nothing changed, so nothing is written");
}

#[test]
fn e_on_the_dashboard_opens_the_session_with_its_title_to_change() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>q");
    assert!(h.app.session_view().is_none());
    h.keys("E");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Rename this session"), "{screen}");
    h.keys(&format!("{BACK}festival<enter>q"));
    assert!(h.app.session_view().is_none(), "back at the dashboard");
    assert_eq!(title_in_file(&h), "\"Harbour festival\",");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Harbour festival"), "{screen}");
    assert!(!screen.contains("Harbour day"), "{screen}");
    // Enter afterwards opens the session as usual, with no rename box.
    h.keys("<enter>");
    assert!(h.app.session_view().expect("opened").overlay.is_none());
}

#[test]
fn a_title_with_terminal_codes_is_offered_cleaned_and_a_paste_is_cleaned_too() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>q");
    let file = h.runtime.store().files().expect("files").remove(0);
    let text = std::fs::read_to_string(&file).expect("read");
    let text = text.replace("\"Harbour day\"", "\"Harbour\\u{1b}[2J day\"");
    std::fs::write(&file, text).expect("write");
    h.relist();
    h.keys("E");
    let input = match &h.app.session_view().expect("session").overlay {
        Some(convene::app::Overlay::Rename(input)) => input.lines().join(""),
        other => panic!("no rename box: {other:?}"),
    };
    assert!(!input.contains('\u{1b}'), "{input:?}");
    assert!(input.starts_with("Harbour"), "{input:?}");
    h.send(Msg::Paste(" \u{1b}]0;owned\u{7} fair".to_owned()));
    h.keys("<enter>");
    let title = &h.app.session_view().expect("session").session.title;
    assert!(!title.chars().any(char::is_control), "{title:?}");
    assert!(title.ends_with("fair"), "{title:?}");
}

#[test]
fn a_read_only_session_is_not_renamed_from_the_dashboard() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>q");
    let file = h.runtime.store().files().expect("files").remove(0);
    let _other_window = convene::store::try_lock(&file)
        .expect("lock")
        .expect("free");
    h.keys("E");
    let v = h.app.session_view().expect("opened read-only");
    assert!(v.read_only.is_some());
    assert!(v.overlay.is_none());
    assert!(
        h.screen(80, 24)
            .contains("Read-only, so nothing here changes")
    );
}

/// `convene` on a folder of its own.
fn convene(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    crate::harness::convene()
        .arg("--dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn convene_rename_gives_a_session_a_new_title_in_its_own_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = convene(dir.path(), &["new", "ai", "Harbour day"]);
    let id = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .expect("id")
        .to_owned();
    let out = convene(dir.path(), &["rename", &id, "Harbour \u{1b}[2Jfestival"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Renamed “Harbour day” to “Harbour festival”.\n"
    );
    let text = std::fs::read_to_string(dir.path().join(format!("{id}.ron"))).expect("its file");
    assert!(text.contains("title: \"Harbour festival\""), "{text}");
    assert!(
        dir.path().join(format!("{id}.ron.bak")).exists(),
        "the old one kept"
    );
    let listed = convene(dir.path(), &["list"]);
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Harbour festival"));

    // No such session, no title, or open in a window: refused, nothing written.
    assert_eq!(
        convene(dir.path(), &["rename", "nosuch1", "X"])
            .status
            .code(),
        Some(3)
    );
    assert_eq!(
        convene(dir.path(), &["rename", &id, " \u{7} "])
            .status
            .code(),
        Some(2)
    );
    let _window = convene::store::try_lock(&dir.path().join(format!("{id}.ron")))
        .expect("lock")
        .expect("free");
    let out = convene(dir.path(), &["rename", &id, "Another"]);
    assert_eq!(out.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&out.stderr).contains("open in a convene window"));
    let after = std::fs::read_to_string(dir.path().join(format!("{id}.ron"))).expect("its file");
    assert_eq!(after, text);
}
