//! Word that reads: every table in every audience's Word file has a column grid with widths
//! from what it holds, a fixed layout and a heading row that repeats; where LibreOffice is
//! installed, each file is laid out to PDF and no word of a table is broken mid-word.

use convene::export::run_sheet::Sheet;
use convene::export::{Audience, Format, Options, render_file};
use convene::framework::Frameworks;
use convene::model::{Agenda, Block, Session, What};
use std::io::Read;

/// The width of the page's text (A4, docx-rs's margins), in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 2 * 1701;

/// `word/document.xml` of a packed Word file.
fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("the main document")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    xml
}

/// What a test needs of one table: its grid, its layout and its rows' cells.
struct Table {
    grid: Vec<usize>,
    fixed: bool,
    /// Each row: whether it repeats as a heading row, and its cells' text.
    rows: Vec<(bool, Vec<String>)>,
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    text.split(open)
        .skip(1)
        .filter_map(|part| part.split_once(close).map(|(inside, _)| inside))
        .collect()
}

fn text_of(xml: &str) -> String {
    between(xml, "<w:t xml:space=\"preserve\">", "</w:t>")
        .iter()
        .map(|t| unescape(t))
        .collect::<Vec<_>>()
        .join(" ")
}

fn unescape(t: &str) -> String {
    t.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn tables(xml: &str) -> Vec<Table> {
    between(xml, "<w:tbl>", "</w:tbl>")
        .into_iter()
        .map(|t| Table {
            grid: between(t, "<w:gridCol w:w=\"", "\"")
                .iter()
                .map(|w| w.parse().expect("a width"))
                .collect(),
            fixed: t.contains("<w:tblLayout w:type=\"fixed\" />"),
            rows: between(t, "<w:tr>", "</w:tr>")
                .into_iter()
                .map(|row| {
                    let cells = between(row, "<w:tc>", "</w:tc>")
                        .into_iter()
                        .map(text_of)
                        .collect();
                    (row.contains("<w:tblHeader />"), cells)
                })
                .collect(),
        })
        .collect()
}

fn example(id: &str) -> Session {
    crate::partnership::example(id)
}

fn options(audience: Audience) -> Options {
    Options {
        audience,
        ..Options::default()
    }
}

/// The example workshop with a day's plan: a break titled "Coffee", a long note.
fn planned() -> Session {
    let mut s = example("k7q2m9xa");
    let mut plan = Agenda::from_stages([
        ("define", 30),
        ("discovery", 60),
        ("dream", 45),
        ("design", 45),
        ("destiny", 45),
    ]);
    plan.start = time::Time::from_hms(9, 30, 0).ok();
    plan.blocks[0].note =
        "Agree the affirmative topic and its change goals; the wheelchair-accessible room is booked"
            .into();
    let mut coffee = Block::new(What::Break, 15);
    coffee.title = "Coffee".into();
    plan.blocks.insert(2, coffee);
    s.agenda = Some(plan);
    s
}

/// Every audience's Word file of the examples, and the run-sheet, by name.
fn word_files() -> Vec<(String, Vec<u8>)> {
    let frameworks = Frameworks::embedded();
    let mut files = Vec::new();
    for (id, audiences) in [
        (
            "k7q2m9xa",
            &[Audience::Partnership, Audience::Professionals][..],
        ),
        ("p3f8h2kd", &[Audience::Professionals, Audience::Family][..]),
    ] {
        let s = example(id);
        for audience in audiences {
            let bytes = render_file(
                &s,
                frameworks.get(&s.framework),
                Format::Docx,
                options(*audience),
            )
            .expect("a Word file");
            files.push((format!("{id}-{}", audience.label()), bytes));
        }
    }
    let s = planned();
    let sheet = Sheet::new(&s, frameworks.get(&s.framework), None);
    files.push((
        "run-sheet".to_owned(),
        sheet.render(Format::Docx).expect("a run-sheet in Word"),
    ));
    files
}

#[test]
fn every_word_table_has_a_grid_from_its_contents_a_fixed_layout_and_a_repeating_heading() {
    for (name, bytes) in word_files() {
        let xml = document_xml(&bytes);
        let tables = tables(&xml);
        assert!(!tables.is_empty(), "{name}: no tables");
        for (i, t) in tables.iter().enumerate() {
            let what = format!("{name}, table {i}");
            assert!(!t.grid.is_empty(), "{what}: no column grid");
            assert!(t.fixed, "{what}: not a fixed layout");
            assert_eq!(
                t.grid.iter().sum::<usize>(),
                TEXT_WIDTH,
                "{what}: {:?}",
                t.grid
            );
            for (_, cells) in &t.rows {
                assert_eq!(cells.len(), t.grid.len(), "{what}: {cells:?}");
            }
            // A heading row (bold, in a table with a heading) repeats, and only the first.
            for (at, (heading, _)) in t.rows.iter().enumerate() {
                assert!(!heading || at == 0, "{what}: row {at} repeats");
            }
        }
        assert!(
            tables.iter().any(|t| t.rows.first().is_some_and(|r| r.0)),
            "{name}: no heading row repeats"
        );
        // The heading row is kept with the row under it (never alone at a page's foot).
        for row in between(&xml, "<w:tr>", "</w:tr>") {
            if row.contains("<w:tblHeader />") {
                assert!(row.contains("<w:keepNext />"), "{name}: {row}");
                assert!(row.contains("<w:cantSplit />"), "{name}: {row}");
            }
        }
    }
}

#[test]
fn the_words_column_is_wide_and_numbers_and_dates_narrow() {
    let files = word_files();
    let (_, sheet) = files
        .iter()
        .find(|(n, _)| n == "run-sheet")
        .expect("a run-sheet");
    let t = &tables(&document_xml(sheet))[0];
    assert_eq!(t.rows[0].1, ["Time", "Block", "Minutes", "What happens"]);
    let share = |c: usize| t.grid[c] * 100 / TEXT_WIDTH;
    assert!(share(3) >= 40, "the notes get the width: {:?}", t.grid);
    assert!(share(0) <= 25, "time is narrow: {:?}", t.grid);
    assert!(
        t.grid[2] < t.grid[3] && t.grid[0] < t.grid[3],
        "{:?}",
        t.grid
    );
    // The plan's table in the professionals' copy: "What" the widest column.
    let (_, full) = files
        .iter()
        .find(|(n, _)| n.starts_with("p3f8h2kd") && !n.contains("family"))
        .expect("the professionals' copy");
    let plan = tables(&document_xml(full))
        .into_iter()
        .find(|t| {
            t.rows
                .first()
                .is_some_and(|r| r.1.get(1).is_some_and(|c| c == "What"))
        })
        .expect("a plan table");
    assert!(
        plan.grid[1] > 2 * plan.grid[0],
        "{:?} {:?}",
        plan.rows[0].1,
        plan.grid
    );
    assert!(
        plan.grid[0] < TEXT_WIDTH / 10,
        "the number is narrow: {:?}",
        plan.grid
    );
}

#[test]
fn the_run_sheet_gives_the_notes_the_width_in_html_too_and_a_break_reads_right() {
    let s = planned();
    let frameworks = Frameworks::embedded();
    let sheet = Sheet::new(&s, frameworks.get(&s.framework), None);
    let html =
        String::from_utf8(sheet.render(Format::Html).expect("a run-sheet in HTML")).expect("UTF-8");
    let cols: Vec<f64> = between(&html, "<col style=\"width: ", "%\"")
        .iter()
        .map(|w| w.parse().expect("a share"))
        .collect();
    assert_eq!(cols.len(), 4, "{html}");
    assert!(cols[3] >= 40.0 && cols[0] <= 25.0, "{cols:?}");
    assert!(!html.contains("width: 36%"), "no fixed share for the time");
    let md = String::from_utf8(sheet.render(Format::Md).expect("a run-sheet in Markdown"))
        .expect("UTF-8");
    assert!(md.contains("Coffee (break, 15 min)"), "{md}");
    assert!(!md.contains(") ("), "{md}");
}

#[test]
fn a_run_sheet_is_written_in_its_own_formats_and_refuses_the_others() {
    let s = planned();
    let frameworks = Frameworks::embedded();
    let sheet = Sheet::new(&s, frameworks.get(&s.framework), None);
    for format in Format::EVERY {
        let written = sheet.render(format);
        assert_eq!(
            written.is_ok(),
            Format::RUN_SHEET.contains(&format),
            "{format:?}: {written:?}"
        );
    }
}

#[test]
fn words_destiny_table_has_what_each_agreement_serves_and_its_change_goal() {
    let s = example("k7q2m9xa");
    let frameworks = Frameworks::embedded();
    let bytes = render_file(
        &s,
        frameworks.get(&s.framework),
        Format::Docx,
        options(Audience::Professionals),
    )
    .expect("a Word file");
    let found = tables(&document_xml(&bytes)).into_iter().any(|t| {
        t.rows.first().is_some_and(|(_, h)| {
            h.iter().any(|c| c == "Serves") && h.iter().any(|c| c == "Change goal")
        }) && t.rows[1..]
            .iter()
            .any(|(_, r)| r.iter().any(|c| c.contains('#')))
    });
    assert!(
        found,
        "Destiny's table has the Serves and Change goal columns, as HTML has"
    );
}

/// LibreOffice's command, where it is installed.
fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|cmd| {
        std::process::Command::new(cmd)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn each_audiences_word_file_through_libreoffice_breaks_no_word_of_a_table() {
    let Some(soffice) = soffice() else {
        println!("skipped: LibreOffice (soffice) is not installed");
        return;
    };
    let has_pdftotext = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    if !has_pdftotext {
        println!("skipped: pdftotext (poppler-utils) is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let files = word_files();
    for (name, bytes) in &files {
        std::fs::write(dir.path().join(format!("{name}.docx")), bytes).expect("written");
    }
    // One LibreOffice for every file, with a profile of its own (none of the user's).
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let out = std::process::Command::new(soffice)
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .args(
            files
                .iter()
                .map(|(n, _)| dir.path().join(format!("{n}.docx"))),
        )
        .output()
        .expect("LibreOffice runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_owned)
            .collect()
    };
    for (name, bytes) in &files {
        let pdf = dir.path().join(format!("{name}.pdf"));
        let out = std::process::Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        let laid_out = String::from_utf8_lossy(&out.stdout)
            .replace('ﬁ', "fi")
            .replace('ﬂ', "fl")
            .replace('ﬀ', "ff");
        let xml = document_xml(bytes);
        let all = text_of(&xml);
        let mut broken = Vec::new();
        for t in tables(&xml) {
            for (_, cells) in &t.rows {
                for word in cells.iter().flat_map(|c| words(c)) {
                    // Each word stands whole in the pages as often as in the document.
                    if laid_out.matches(&word).count() < all.matches(&word).count() {
                        broken.push(word);
                    }
                }
            }
        }
        broken.dedup();
        assert!(
            broken.is_empty(),
            "{name}: broken mid-word in a table: {broken:?}"
        );
    }
}
