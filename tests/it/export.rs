//! Exports: golden files over the example sessions, hostile text through every format, and
//! the calendar read back by a parser.

use convene::export::{CalendarStyle, Format, Options, render};
use convene::framework::Frameworks;
use convene::model::*;
use convene::store::load_path;
use std::path::Path;
use time::macros::{date, datetime};

fn example(id: &str) -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(format!("{id}.ron"));
    load_path(&path).expect("example loads").session
}

/// The export as a person gets it, with the default options.
fn export(session: &Session, format: Format) -> String {
    export_with(session, format, Options::default())
}

fn export_with(session: &Session, format: Format, options: Options) -> String {
    let frameworks = Frameworks::embedded();
    render(session, frameworks.get(&session.framework), format, options).expect("exported")
}

/// The calendar with each item's own words.
fn with_text() -> Options {
    Options {
        include_text: true,
        ..Options::default()
    }
}

#[test]
fn golden_files_for_every_format_over_the_examples() {
    for id in ["k7q2m9xa", "p3f8h2kd"] {
        let session = example(id);
        // Word's document is checked in tests/it/formats.rs, not as a golden file.
        for format in Format::ALL.into_iter().filter(|f| f.is_text()) {
            insta::assert_snapshot!(
                format!("export_{id}.{}", format.extension()),
                export(&session, format)
            );
        }
    }
}

const HOSTILE: [&str; 6] = [
    "<script>alert('x')</script>",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "\u{1b}]0;owned\u{7}Title \u{1b}[31mred\u{1b}[0m\u{0}",
    "青少年的声音 🌱 shape our plans 👩🏽‍🤝‍👩🏼",
    "-1 and +2 and @mention, \"quoted\"; semi;colons, back\\slash",
    "line one\nline two\r\n\tindented",
];

fn hostile_session() -> Session {
    let now = datetime!(2026-11-25 09:00 UTC);
    let long = "a very long line of words ".repeat(400);
    let mut s = Session::new(
        SessionId::parse("hostile1").expect("id"),
        HOSTILE.join(" | "),
        "appreciative-inquiry",
        "define",
        now,
    );
    let mut strengths = Vec::new();
    for text in HOSTILE.iter().chain([&long.as_str()]) {
        strengths.push(s.add(
            "discovery",
            RecordBody::Strength(Strength {
                text: (*text).to_owned(),
                kind: StrengthKind::Community,
                theme: Some((*text).to_owned()),
                tags: Tags {
                    sectors: vec![(*text).to_owned()],
                    level: Some(Level::CommunityAndPlaces),
                    voice: Some(Voice::YoungPerson),
                },
            }),
            now,
        ));
    }
    let dream = s.add(
        "dream",
        RecordBody::Dream(Dream {
            text: HOSTILE[0].into(),
            builds_on: strengths.clone(),
            ..Dream::default()
        }),
        now,
    );
    let design = s.add(
        "design",
        RecordBody::DesignStatement(DesignStatement {
            text: HOSTILE[1].into(),
            serves: vec![dream],
            ..DesignStatement::default()
        }),
        now,
    );
    for (i, text) in HOSTILE.iter().enumerate() {
        s.add(
            "destiny",
            RecordBody::Agreement(Agreement {
                action: (*text).to_owned(),
                owner: HOSTILE[(i + 1) % HOSTILE.len()].to_owned(),
                due: Some(date!(2026 - 12 - 01)),
                status: Status::NotStarted,
                serves: vec![design],
                ..Agreement::default()
            }),
            now,
        );
    }
    s.add(
        "destiny",
        RecordBody::Agreement(Agreement {
            action: long.clone(),
            owner: "Priya".into(),
            due: Some(date!(2026 - 12 - 02)),
            ..Agreement::default()
        }),
        now,
    );
    s
}

#[test]
fn hostile_text_comes_out_inert_and_intact_in_every_format() {
    let session = hostile_session();
    for format in Format::ALL {
        let out = export_with(&session, format, with_text());
        for bad in ['\u{1b}', '\u{7}', '\u{0}', '\u{9b}'] {
            assert!(!out.contains(bad), "{format:?} lets {bad:?} through");
        }
        // CJK, emoji (with joiners and skin tones) come through whole. ICS folds long lines
        // on character boundaries, so compare its unfolded text.
        let whole = if format == Format::Ics {
            crate::harness::strict_ics(&out)
        } else {
            out.clone()
        };
        assert!(
            whole.contains("青少年的声音 🌱 shape our plans 👩🏽‍🤝‍👩🏼"),
            "{format:?}"
        );
        assert!(
            whole.contains("Title red"),
            "{format:?}: the words around an escape stay"
        );
    }

    let html = export(&session, Format::Html);
    assert!(!html.contains("<script"), "no live script tag");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(
        !html.contains("http-equiv=\"refresh\"") && !html.contains("src=\"http"),
        "no network"
    );

    let md = export(&session, Format::Md);
    assert!(!md.contains("<script"));
    assert!(md.contains("&lt;script&gt;"));

    let csv = export(&session, Format::Csv);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let mut texts = Vec::new();
    for row in reader.records() {
        let row = row.expect("a CSV row");
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell would start a formula: {cell:?}"
            );
        }
        texts.push(row[4].to_owned());
    }
    assert!(texts.contains(&"'=HYPERLINK(\"http://evil.example\",\"click\")".to_owned()));
    assert!(
        texts.contains(&"line one\nline two\n indented".to_owned()),
        "{texts:?}"
    );

    let ics = export_with(&session, Format::Ics, with_text());
    for line in ics.split("\r\n") {
        assert!(
            line.len() <= 75,
            "an unfolded line of {} octets",
            line.len()
        );
    }
    let unfolded = crate::harness::strict_ics(&ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("the calendar parses");
    let summaries: Vec<String> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VTODO")
        .filter_map(|c| c.find_prop("SUMMARY").map(|p| p.val.to_string()))
        .collect();
    assert_eq!(summaries.len(), HOSTILE.len() + 1);
    assert!(
        summaries.iter().any(|s| s
            .contains("=HYPERLINK(\\\"http://evil.example\\\"\\,\\\"click\\\")")
            || s.contains("=HYPERLINK(\"http://evil.example\",\"click\")")),
        "{summaries:?}"
    );
}

#[test]
fn the_calendar_parses_with_stable_uids_and_every_dated_commitment() {
    for id in ["k7q2m9xa", "p3f8h2kd"] {
        let session = example(id);
        let first = export(&session, Format::Ics);
        assert_eq!(
            first,
            export(&session, Format::Ics),
            "the same session gives the same file"
        );
        let unfolded = crate::harness::strict_ics(&first);
        let calendar = icalendar::parser::read_calendar(&unfolded).expect("parses");
        let todos: Vec<_> = calendar
            .components
            .iter()
            .filter(|c| c.name == "VTODO")
            .collect();
        let dated = session
            .records
            .iter()
            .filter(|r| r.body.due().is_some())
            .count()
            + usize::from(
                session
                    .conference
                    .as_ref()
                    .is_some_and(|c| c.review_date.is_some()),
            );
        assert_eq!(todos.len(), dated, "{id}");
        for todo in &todos {
            for prop in ["UID", "DTSTAMP", "SUMMARY", "DUE", "STATUS"] {
                assert!(todo.find_prop(prop).is_some(), "{id}: {prop} missing");
            }
            let uid = todo
                .find_prop("UID")
                .map(|p| p.val.to_string())
                .unwrap_or_default();
            assert!(
                uid.starts_with(&format!("{id}-")) && uid.ends_with("@convene"),
                "{uid}"
            );
        }
        let props: Vec<&str> = calendar
            .properties
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(
            props.iter().filter(|p| **p == "PRODID").count(),
            1,
            "{props:?}"
        );
    }
    let fgc = export(&example("p3f8h2kd"), Format::Ics);
    assert!(fgc.contains("UID:p3f8h2kd-review@convene") && fgc.contains("DUE;VALUE=DATE:20270115"));
}

#[test]
fn calendars_that_ignore_todos_get_all_day_events() {
    let session = example("k7q2m9xa");
    let ics = export_with(
        &session,
        Format::Ics,
        Options {
            calendar: CalendarStyle::Events,
            ..Options::default()
        },
    );
    let unfolded = crate::harness::strict_ics(&ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("parses");
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 6);
    assert!(
        ics.contains("DTSTART;VALUE=DATE:20270226") && ics.contains("DTEND;VALUE=DATE:20270227")
    );
}

#[test]
fn the_html_is_one_self_contained_page_that_prints_stage_by_stage() {
    let html = export(&example("k7q2m9xa"), Format::Html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("page-break-before: always") && html.contains("@media print"));
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("<img"));
    assert_eq!(html.matches("<section class=\"stage\">").count(), 5);
}

mod spreadsheets {
    use convene::export::csv_row;
    use convene::text::clean;
    use proptest::prelude::*;

    const FORMULA: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

    /// What a spreadsheet would look at to decide whether a cell is a formula.
    fn looked_at(cell: &str) -> &str {
        cell.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '"')
    }

    /// Every cell of the text read with this separator.
    fn cells(text: &str, separator: u8) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .delimiter(separator)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.expect("a row").iter().map(str::to_owned).collect())
            .collect()
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[=+@;,\"' \t\r\n\u{a0}\u{feff}\u{3000}\u{1b}a\u{ff1d}\u{ff0b}\u{ff0d}\u{ff20}-]{0,12}",
        ]
    }

    proptest! {
        #[test]
        fn no_cell_becomes_a_formula_with_either_separator(
            rows in proptest::collection::vec(proptest::collection::vec(text(), 1..4), 1..4)
        ) {
            // A header row first, as in every export (a reader takes a byte-order mark at the
            // very start of a file as the file's own).
            let csv: String = std::iter::once(csv_row(["text"]))
                .chain(rows.iter().map(csv_row))
                .collect();
            for separator in [b',', b';'] {
                for cell in cells(&csv, separator).iter().flatten() {
                    prop_assert!(
                        !looked_at(cell).starts_with(FORMULA),
                        "read with {:?}, a cell would start a formula: {cell:?} in {csv:?}",
                        separator as char
                    );
                }
            }
            // Read with `,`, each cell is the text (cleaned) with only quotes added: one at
            // its start, and one after a `;` or a new line that a `;` reader would split at.
            let read = &cells(&csv, b',')[1..];
            prop_assert_eq!(read.len(), rows.len());
            for (written, read) in rows.iter().zip(read) {
                prop_assert_eq!(written.len(), read.len());
                for (typed, cell) in written.iter().zip(read) {
                    let cleaned = clean(typed);
                    prop_assert_eq!(cell.replace('\'', ""), cleaned.replace('\'', ""));
                    let added = cell.matches('\'').count() - cleaned.matches('\'').count();
                    prop_assert!(added <= 1 + cleaned.matches([';', '\n']).count());
                }
            }
        }
    }
}

#[test]
fn a_session_is_exported_in_its_own_formats_and_refuses_the_others() {
    let s = example("k7q2m9xa");
    let frameworks = Frameworks::embedded();
    for format in Format::EVERY {
        let written = render(&s, frameworks.get(&s.framework), format, Options::default());
        assert_eq!(
            written.is_ok(),
            Format::ALL.contains(&format),
            "{format:?}: {written:?}"
        );
    }
}
