//! The app's export box: every format, Word included, and the choice of whom a report is
//! for, written to the place the user chose.

use crate::harness::Harness;
use convene::app::overlay::Overlay;
use convene::export::Format;
use std::io::Read;
use std::path::Path;

/// The app on the example folder, with the session in `file` open.
fn opened(file: &str) -> Harness {
    let mut h = Harness::with_examples();
    h.open(&h.runtime.store().dir().join(file));
    h
}

/// In the open export box: the keys that choose `format`, then Enter.
fn choose(h: &mut Harness, format: Format) {
    let at = Format::ALL
        .iter()
        .position(|f| *f == format)
        .expect("the box offers it");
    h.keys(&format!("{}<enter>", "j".repeat(at)));
}

/// Types `target` over the suggested place and presses Enter; gives the file name suggested.
fn place(h: &mut Harness, target: &Path) -> String {
    let view = h.app.session_view().expect("open");
    let Some(Overlay::Export {
        path: Some(input), ..
    }) = &view.overlay
    else {
        panic!("the box asks where");
    };
    let suggested = input.lines().join("");
    h.keys(&"<bs>".repeat(suggested.chars().count()));
    h.keys(&format!("{}<enter>", target.display()));
    Path::new(&suggested)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The main part of a Word file: its `word/document.xml`, read through the zip.
fn word_document(path: &Path) -> String {
    let file = std::fs::File::open(path).expect("written");
    let mut zip = zip::ZipArchive::new(file).expect("a zip file");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("a Word document inside")
        .read_to_string(&mut xml)
        .expect("XML text");
    xml
}

#[test]
fn word_from_the_app_is_a_docx_at_the_chosen_place() {
    let mut h = opened("k7q2m9xa.ron");
    h.keys("x");
    assert!(
        h.screen(80, 24).contains("Word document"),
        "{}",
        h.screen(80, 24)
    );
    choose(&mut h, Format::Docx);
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let target = elsewhere.path().join("partnership.docx");
    let _ = place(&mut h, &target);
    assert!(h.app.session_view().expect("open").overlay.is_none());
    let xml = word_document(&target);
    assert!(
        xml.contains("Harbourside Safeguarding Partnership"),
        "{xml}"
    );
    assert!(xml.contains("<w:tbl>"), "the agreements as a table");

    // A second export to the same place asks first and keeps the file until agreed.
    let before = std::fs::read(&target).expect("read");
    h.keys("x");
    choose(&mut h, Format::Docx);
    let _ = place(&mut h, &target);
    let view = h.app.session_view().expect("open");
    assert!(
        matches!(&view.overlay, Some(Overlay::Export { error: Some(e), .. }) if e.contains("Enter again to replace")),
        "asks before replacing"
    );
    assert_eq!(std::fs::read(&target).expect("read"), before);
}

#[test]
fn whose_copy_changes_what_is_written() {
    let elsewhere = tempfile::tempdir().expect("temp dir");
    // The conference: the professionals' record by default, the family's copy one step left.
    let mut h = opened("p3f8h2kd.ron");
    h.keys("x");
    assert!(
        h.screen(80, 24)
            .contains("◀ the professionals' full record ▶")
    );
    choose(&mut h, Format::Md);
    let full = elsewhere.path().join("full.md");
    assert_eq!(place(&mut h, &full), "convene-p3f8h2kd.md");
    h.keys("x<left>");
    assert!(h.screen(80, 24).contains("◀ the family's copy ▶"));
    choose(&mut h, Format::Md);
    let family = elsewhere.path().join("family.md");
    // Two copies never suggest one name; the family's carries no session id (a browser
    // prints it at the page's foot), only the child's first name and the day.
    assert_eq!(place(&mut h, &family), "family-copy-j-2026-11-25.md");
    let full = std::fs::read_to_string(&full).expect("the full record");
    let family = std::fs::read_to_string(&family).expect("the family's copy");
    assert!(
        full.contains("p3f8h2kd"),
        "the full record names the session"
    );
    assert!(
        !family.contains("p3f8h2kd"),
        "the family's copy has no session id"
    );
    assert!(family.contains("Our plan"), "{family}");

    // A spreadsheet is the same for everyone: whose copy does not move.
    let mut h = opened("p3f8h2kd.ron");
    h.keys("xjj<left>");
    assert!(h.screen(80, 24).contains("the same for everyone"));
    h.keys("kk");
    assert!(
        h.screen(80, 24)
            .contains("◀ the professionals' full record ▶")
    );
}
