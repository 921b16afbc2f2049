//! Formats that open right: CSV in spreadsheets, Markdown in any renderer, calendars that
//! update on re-import and keep the plan's words private, HTML that wraps and prints.

use convene::export::{CalendarStyle, ExportError, Format, Options, render};
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

fn export_with(session: &Session, format: Format, options: Options) -> Result<String, ExportError> {
    let frameworks = Frameworks::embedded();
    render(session, frameworks.get(&session.framework), format, options)
}

fn export(session: &Session, format: Format) -> String {
    export_with(session, format, Options::default()).expect("exported")
}

/// The session with one more strength, in these words.
fn with_strength(mut session: Session, text: &str) -> Session {
    let now = session.updated;
    session.add(
        "discovery",
        RecordBody::Strength(Strength {
            text: text.into(),
            ..Strength::default()
        }),
        now,
    );
    session
}

/// The real binary on a sessions folder.
fn run_on(dir: &Path, args: &[&str]) -> std::process::Output {
    crate::harness::convene()
        .arg("--dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("runs")
}

/// A small conference: one plan item per status, all dated, and a review date.
fn conference() -> Session {
    let now = datetime!(2026-11-20 12:00 UTC);
    let mut s = Session::new(
        SessionId::parse("cal12345").expect("id"),
        "Family plan; J., with Nan, and Marek\\",
        "family-group-conference",
        "agreement",
        now,
    );
    for (i, status) in Status::ALL.into_iter().enumerate() {
        s.add(
            "agreement",
            RecordBody::PlanItem(PlanItem {
                text: format!("Nan walks J. home from school, plan {i}"),
                who: "Halina".into(),
                by_when: Some(date!(2026 - 12 - 01)),
                status,
                ..PlanItem::default()
            }),
            now,
        );
    }
    s.conference = Some(Conference {
        review_date: Some(date!(2027 - 01 - 15)),
        ..Conference::default()
    });
    s
}

mod spreadsheets {
    use super::*;

    #[test]
    fn csv_starts_with_a_byte_order_mark_unless_a_script_asks_for_none() {
        let session = example("p3f8h2kd");
        let csv = export(&session, Format::Csv);
        assert!(
            csv.starts_with("\u{feff}session,record,"),
            "{:?}",
            &csv[..20]
        );
        let plain = export_with(
            &session,
            Format::Csv,
            Options {
                bom: false,
                ..Options::default()
            },
        )
        .expect("exported");
        assert!(plain.starts_with("session,record,"));
        assert_eq!(csv.trim_start_matches('\u{feff}'), plain);
    }

    #[test]
    fn csv_has_columns_for_the_latest_check_in_and_each_reviews_ratings() {
        let mut session = example("p3f8h2kd");
        let item = session
            .records
            .iter_mut()
            .find_map(|r| match &mut r.body {
                RecordBody::PlanItem(p) => Some(p),
                _ => None,
            })
            .expect("a plan item");
        for (day, note) in [
            (date!(2026 - 12 - 01), "first"),
            (date!(2027 - 01 - 10), "keys cut"),
        ] {
            item.checkins.push(CheckIn {
                date: day,
                status: Status::InProgress,
                by: "Sam".into(),
                note: note.into(),
            });
        }
        let conference = session.conference.as_mut().expect("a conference");
        conference.ratings = vec![
            Rating {
                date: date!(2027 - 01 - 15),
                family: Some(7),
                professionals: Some(6),
                child_lives: None,
                due: None,
            },
            Rating {
                date: date!(2027 - 04 - 15),
                family: Some(9),
                professionals: None,
                child_lives: None,
                due: None,
            },
        ];
        let csv = export(&session, Format::Csv);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().expect("headers").clone();
        let at = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("no {name} column in {headers:?}"))
        };
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
        let latest: Vec<&str> = rows
            .iter()
            .map(|r| &r[at("latest_check_in")])
            .filter(|c| !c.is_empty())
            .collect();
        assert_eq!(latest.len(), 1, "{latest:?}");
        assert!(latest[0].contains("keys cut") && !latest[0].contains("first"));
        let ratings: Vec<(&str, &str)> = rows
            .iter()
            .filter(|r| r[4].starts_with("Review: "))
            .map(|r| (&r[at("family_rating")], &r[at("professionals_rating")]))
            .collect();
        assert_eq!(ratings, [("7", "6"), ("9", "")]);
        // Who shared a piece of information is its own column, never `builds_on`.
        for row in &rows {
            if &row[3] == "information item" {
                assert!(row[at("builds_on")].is_empty(), "{row:?}");
                assert!(row[at("shared_by")].starts_with('#'), "{row:?}");
            }
        }
    }
}

mod calendars {
    use super::*;

    fn read(ics: &str) -> Vec<(String, Vec<(String, String)>)> {
        let unfolded = crate::harness::strict_ics(ics);
        let calendar = icalendar::parser::read_calendar(&unfolded).expect("the calendar parses");
        calendar
            .components
            .iter()
            .map(|c| {
                (
                    c.name.to_string(),
                    c.properties
                        .iter()
                        .map(|p| (p.name.to_string(), p.val.to_string()))
                        .collect(),
                )
            })
            .collect()
    }

    fn prop<'a>(props: &'a [(String, String)], name: &str) -> &'a str {
        props
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    #[test]
    fn long_lines_fold_at_75_octets_and_never_split_a_character() {
        // Every character here is two to four octets: a fold by characters runs past 75.
        let mut s = conference();
        // "NAME:" and 145 octets: 75 on the first line leaves 75, which with its space is 76.
        s.title = "x".repeat(145);
        s.records
            .iter_mut()
            .for_each(|r| *r.body.text_mut() = "WójcikŻÓŁW🐢 ".repeat(12));
        // Commas and semicolons are escaped: a fold made before escaping runs long.
        let words = "Nan, Halina; Marek, and J. walk home, together; ".repeat(8);
        let at = s.records.len();
        s.add(
            "agreement",
            RecordBody::PlanItem(PlanItem {
                text: words.clone(),
                who: "Halina".into(),
                by_when: Some(date!(2026 - 12 - 01)),
                ..PlanItem::default()
            }),
            s.updated,
        );
        assert_eq!(s.records.len(), at + 1);
        let options = Options {
            include_text: true,
            ..Options::default()
        };
        let ics = export_with(&s, Format::Ics, options).expect("a calendar");
        // strict_ics checks every line's octets; the words come back whole when unfolded.
        let unfolded = crate::harness::strict_ics(&ics);
        assert!(
            unfolded.contains(&s.title.trim().replace(',', "\\,")),
            "{unfolded}"
        );
        assert!(
            ics.lines().any(|l| l.starts_with(' ')),
            "long lines were folded"
        );
    }

    #[test]
    fn the_conference_has_a_length_and_its_hour_in_utc() {
        let mut s = conference();
        let c = s.conference.as_mut().expect("facts");
        c.date = Some(date!(2026 - 12 - 10));
        c.time = "10:00".into();
        // The reader is an hour ahead of UTC: ten o'clock there is 09:00 UTC.
        let options = Options {
            offset: time::UtcOffset::from_hms(1, 0, 0).expect("offset"),
            ..Options::default()
        };
        let ics = export_with(&s, Format::Ics, options).expect("a calendar");
        let event = read(&ics)
            .into_iter()
            .find(|(name, _)| name == "VEVENT")
            .expect("the conference");
        assert_eq!(prop(&event.1, "DTSTART"), "20261210T090000Z");
        // Only a start typed: the usual length of a conference, three hours.
        assert_eq!(prop(&event.1, "DTEND"), "20261210T120000Z");
        // A typed end is kept.
        s.conference.as_mut().expect("facts").time = "10:00 to 14:30".into();
        let ics = export_with(&s, Format::Ics, options).expect("a calendar");
        let event = read(&ics)
            .into_iter()
            .find(|(name, _)| name == "VEVENT")
            .expect("the conference");
        assert_eq!(prop(&event.1, "DTEND"), "20261210T133000Z");
    }

    #[test]
    fn a_closed_conference_s_calendar_says_it_is_closed() {
        let mut s = conference();
        s.conference.as_mut().expect("facts").closed = Some(Closure {
            date: date!(2026 - 11 - 24),
            reason: ClosureReason::FamilyWithdrew,
        });
        let error = export_with(&s, Format::Ics, Options::default()).expect_err("nothing dated");
        assert_eq!(error, ExportError::ClosedConference);
        assert!(error.to_string().contains("the conference is closed"));
    }

    #[test]
    fn the_calendar_name_is_escaped() {
        let ics = export(&conference(), Format::Ics);
        let unfolded = crate::harness::strict_ics(&ics);
        for name in ["NAME", "X-WR-CALNAME"] {
            let line = format!("\r\n{name}:Family plan\\; J.\\, with Nan\\, and Marek\\\\\r\n");
            assert!(unfolded.contains(&line), "{name} unescaped in {unfolded}");
        }
    }

    #[test]
    fn a_session_with_nothing_dated_gives_a_clear_error_not_an_empty_calendar() {
        let mut session = conference();
        session.records.clear();
        session.conference = None;
        let error = export_with(&session, Format::Ics, Options::default()).expect_err("empty");
        assert_eq!(error, ExportError::NothingDated);

        let dir = tempfile::tempdir().expect("temp dir");
        let store = convene::store::Store::open(dir.path()).expect("store");
        store.create(&session).expect("saved");
        let out = run_on(dir.path(), &["export", "cal12345", "--format", "ics"]);
        assert_eq!(out.status.code(), Some(6));
        assert!(out.stdout.is_empty(), "no calendar is written");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains("nothing in this session has a date yet"),
            "{said}"
        );
    }

    #[test]
    fn only_what_is_still_open_is_an_open_to_do() {
        let mut session = conference();
        let ics = export(&session, Format::Ics);
        let statuses: Vec<String> = read(&ics)
            .iter()
            .map(|(_, props)| prop(props, "STATUS").to_owned())
            .collect();
        // Not started, in progress, done, changed, dropped; then the review.
        assert_eq!(
            statuses,
            [
                "NEEDS-ACTION",
                "IN-PROCESS",
                "COMPLETED",
                "CANCELLED",
                "CANCELLED",
                "NEEDS-ACTION"
            ]
        );
        // Once a review is held, it is no longer to do.
        session
            .conference
            .as_mut()
            .expect("conference")
            .ratings
            .push(Rating {
                date: date!(2027 - 01 - 15),
                family: Some(7),
                professionals: Some(7),
                child_lives: None,
                due: Some(date!(2027 - 01 - 15)),
            });
        let ics = export(&session, Format::Ics);
        let review = read(&ics).pop().expect("the review");
        assert_eq!(prop(&review.1, "UID"), "cal12345-review@convene");
        assert_eq!(prop(&review.1, "STATUS"), "COMPLETED");
        // As events, what was dropped or changed is cancelled.
        let events = export_with(
            &session,
            Format::Ics,
            Options {
                calendar: CalendarStyle::Events,
                ..Options::default()
            },
        )
        .expect("exported");
        let cancelled = read(&events)
            .iter()
            .filter(|(_, props)| prop(props, "STATUS") == "CANCELLED")
            .count();
        assert_eq!(cancelled, 2);
    }

    #[test]
    fn sequence_rises_when_an_item_changes_so_a_re_import_updates_it() {
        let mut session = conference();
        let sequence = |s: &Session| -> Vec<u64> {
            read(&export(s, Format::Ics))
                .iter()
                .map(|(_, props)| prop(props, "SEQUENCE").parse().expect("a number"))
                .collect()
        };
        let before = sequence(&session);
        assert_eq!(
            before,
            sequence(&session),
            "the same session, the same file"
        );
        let later = datetime!(2026-12-02 09:15 UTC);
        // The app marks the first item done (every change sets the session's last change).
        if let RecordBody::PlanItem(p) = &mut session.records[0].body {
            p.status = Status::Done;
        }
        session.updated = later;
        let after = sequence(&session);
        assert!(
            before.iter().zip(&after).all(|(b, a)| a > b),
            "{before:?} → {after:?}"
        );
    }

    #[test]
    fn by_default_a_calendar_holds_the_title_and_kind_and_the_words_only_when_asked() {
        let session = conference();
        let private = export(&session, Format::Ics);
        let unfolded = crate::harness::strict_ics(&private);
        assert!(!unfolded.contains("walks J. home"), "{unfolded}");
        assert!(!unfolded.contains("Halina"), "{unfolded}");
        let summaries: Vec<String> = read(&private)
            .iter()
            .map(|(_, props)| prop(props, "SUMMARY").to_owned())
            .collect();
        assert!(summaries[0].contains("Family plan") && summaries[0].contains("plan item #1"));
        assert!(summaries[5].contains("Family plan") && summaries[5].contains("review"));

        let shared = export_with(
            &session,
            Format::Ics,
            Options {
                include_text: true,
                ..Options::default()
            },
        )
        .expect("exported");
        let summaries: Vec<String> = read(&shared)
            .iter()
            .map(|(_, props)| prop(props, "SUMMARY").to_owned())
            .collect();
        assert!(summaries[0].contains("Nan walks J. home from school, plan 0"));
        assert!(crate::harness::strict_ics(&shared).contains("Who: Halina"));
    }
}

mod pages {
    use super::*;

    #[test]
    fn long_words_wrap_and_a_label_stays_with_its_value_across_pages() {
        let html = export(&example("p3f8h2kd"), Format::Html);
        let style =
            &html[html.find("<style>").expect("style")..html.find("</style>").expect("end")];
        assert!(style.contains("overflow-wrap: anywhere"), "{style}");
        assert!(
            style.contains("dl.facts .fact { break-inside: avoid"),
            "{style}"
        );
        // A label and its value on one line: "Phone: 01632 960 412".
        assert!(
            style.contains("dl.facts dt { display: inline; font-weight: bold; }")
                && style.contains("dl.facts dd { display: inline;"),
            "{style}"
        );
        // Every label sits with its value in one block that a page break never splits.
        let labels = html.matches("<dt>").count();
        assert!(labels > 5);
        assert_eq!(html.matches("<div class=\"fact\"><dt>").count(), labels);
    }

    #[test]
    fn times_are_in_the_readers_zone_with_the_zone_named() {
        let session = example("k7q2m9xa");
        let options = Options {
            offset: time::UtcOffset::from_hms(1, 0, 0).expect("offset"),
            ..Options::default()
        };
        let html = export_with(&session, Format::Html, options).expect("exported");
        assert!(
            html.contains(
                "started 2026-11-12 10:30 UTC+01:00 · last change 2026-11-12 16:30 UTC+01:00"
            ),
            "{}",
            &html[html.find("class=\"meta\"").expect("meta")..][..120]
        );
        let html = export(&session, Format::Html);
        assert!(html.contains("started 2026-11-12 09:30 UTC"));
    }
}

mod markdown {
    use super::*;
    use convene::export::markdown_escape;
    use proptest::prelude::*;
    use pulldown_cmark::{Event, Options as Extensions, Parser, Tag, TagEnd};

    /// CommonMark with the common extensions a reader's renderer may have switched on.
    fn extensions() -> Extensions {
        Extensions::ENABLE_TABLES
            | Extensions::ENABLE_FOOTNOTES
            | Extensions::ENABLE_STRIKETHROUGH
            | Extensions::ENABLE_TASKLISTS
            | Extensions::ENABLE_HEADING_ATTRIBUTES
            | Extensions::ENABLE_DEFINITION_LIST
            | Extensions::ENABLE_GFM
    }

    /// The blocks a document opens, by name, and its text without white space.
    fn read(document: &str) -> (Vec<String>, String) {
        let mut blocks = Vec::new();
        let mut text = String::new();
        for event in Parser::new_ext(document, extensions()) {
            match event {
                Event::Start(tag) => {
                    let name = match tag {
                        Tag::Strong => continue,
                        Tag::Paragraph => "paragraph".to_owned(),
                        other => format!("{other:?}"),
                    };
                    blocks.push(name);
                }
                Event::Text(t) => text.extend(t.chars().filter(|c| !c.is_whitespace())),
                Event::End(TagEnd::Strong | _) | Event::SoftBreak | Event::HardBreak => {}
                other => blocks.push(format!("{other:?}")),
            }
        }
        (blocks, text)
    }

    fn without_space(text: &str) -> String {
        convene::text::clean(text)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    }

    /// Lines that would open a block if they reached a renderer as typed.
    fn line() -> impl Strategy<Value = String> {
        let opener = prop_oneof![
            Just("1. "),
            Just("2) "),
            Just("10."),
            Just("- "),
            Just("* "),
            Just("+ "),
            Just("---"),
            Just("***"),
            Just("___"),
            Just("==="),
            Just("> "),
            Just("| a | b |"),
            Just("|---|---|"),
            Just("# "),
            Just("###### "),
            Just("    "),
            Just("\t"),
            Just("```"),
            Just("~~~"),
            Just("<div>"),
            Just("<!-- "),
            Just("[x]: http://x"),
            Just("[^1]: "),
            Just(": "),
            Just("- [ ] "),
            Just("-"),
            Just("="),
            Just(""),
        ];
        (opener, "[a-z #*_=>|`~:.)-]{0,8}").prop_map(|(o, rest)| format!("{o}{rest}"))
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::collection::vec(line(), 1..6).prop_map(|lines| lines.join("\n")),
            any::<String>(),
        ]
    }

    proptest! {
        #[test]
        fn no_line_of_a_record_opens_a_block_and_every_word_shows(typed in text()) {
            let escaped = markdown_escape(&typed);
            // As a record in a list, as a heading, and as a fact.
            let (blocks, shown) = read(&format!("- **#1** {escaped}\n"));
            prop_assert_eq!(&blocks, &["List(None)", "Item"], "{:?} → {:?}", typed, escaped);
            prop_assert_eq!(shown, format!("#1{}", without_space(&typed)));
            // A heading holds one line (the report makes a title one line first).
            let escaped = markdown_escape(&convene::text::clean_line(&typed));
            let (blocks, shown) = read(&format!("## {escaped}\n"));
            if without_space(&typed).is_empty() {
                prop_assert!(blocks.iter().all(|b| b.starts_with("Heading")), "{:?}", blocks);
            } else {
                prop_assert_eq!(blocks.len(), 1, "{:?} → {:?}: {:?}", typed, escaped, blocks);
                prop_assert!(blocks[0].starts_with("Heading"), "{:?}", blocks);
                prop_assert_eq!(shown, without_space(&typed));
            }
        }
    }

    #[test]
    fn a_record_in_the_report_cannot_add_a_heading_list_rule_table_or_quote() {
        let session = with_strength(
            example("k7q2m9xa"),
            "Our strengths:\n1. patience\n- kindness\n---\n# Not a heading\n> not a quote\n| a | b |\n|---|---|\n    not code\n===",
        );
        let md = export(&session, Format::Md);
        let before = export(&example("k7q2m9xa"), Format::Md);
        let count = |doc: &str, wanted: fn(&Event) -> bool| {
            Parser::new_ext(doc, extensions())
                .filter(|e| wanted(e))
                .count()
        };
        type Wanted = fn(&Event) -> bool;
        let checks: [(&str, Wanted); 6] = [
            ("heading", |e| {
                matches!(e, Event::Start(Tag::Heading { .. }))
            }),
            ("list", |e| matches!(e, Event::Start(Tag::List(_)))),
            ("rule", |e| matches!(e, Event::Rule)),
            ("table", |e| matches!(e, Event::Start(Tag::Table(_)))),
            ("quote", |e| matches!(e, Event::Start(Tag::BlockQuote(_)))),
            ("code", |e| matches!(e, Event::Start(Tag::CodeBlock(_)))),
        ];
        for (what, wanted) in checks {
            assert_eq!(
                count(&md, wanted),
                count(&before, wanted),
                "a record added a {what}"
            );
        }
        assert!(md.contains("1\\. patience"), "{md}");
    }
}

mod completion {
    use std::path::Path;

    /// A folder holding the two example sessions.
    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
        for name in ["k7q2m9xa.ron", "p3f8h2kd.ron"] {
            std::fs::copy(examples.join(name), dir.path().join(name)).expect("copy");
        }
        dir
    }

    /// What convene offers for the last word, as fish asks for it: one value a line, with
    /// its help after a tab.
    fn offered(dir: &Path, words: &[&str]) -> Vec<String> {
        let out = crate::harness::convene()
            .env("CONVENE_DIR", dir)
            .env("COMPLETE", "fish")
            .arg("--")
            .arg("convene")
            .args(words)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_owned)
            .collect()
    }

    fn values(lines: &[String]) -> Vec<&str> {
        lines
            .iter()
            .map(|l| l.split('\t').next().unwrap_or_default())
            .filter(|v| !v.starts_with('-'))
            .collect()
    }

    #[test]
    fn completion_offers_session_ids_formats_frameworks_and_themes() {
        let dir = folder();
        let ids = offered(dir.path(), &["export", ""]);
        assert_eq!(values(&ids), ["k7q2m9xa", "p3f8h2kd"], "{ids:?}");
        assert!(
            ids.contains(&"p3f8h2kd\tConference for J. (age 11)".to_owned()),
            "{ids:?}"
        );
        for command in ["show", "forget", "lint"] {
            let ids = offered(dir.path(), &[command, "p3"]);
            assert_eq!(values(&ids), ["p3f8h2kd"], "{command}");
        }
        let formats = offered(dir.path(), &["export", "k7q2m9xa", "--format", ""]);
        assert_eq!(values(&formats), ["md", "html", "csv", "ics", "docx"]);
        let audiences = offered(dir.path(), &["export", "p3f8h2kd", "--for", ""]);
        assert_eq!(
            values(&audiences),
            ["family", "professionals", "partnership"]
        );
        // A folder typed on the command line comes before CONVENE_DIR.
        let other = folder();
        std::fs::remove_file(other.path().join("k7q2m9xa.ron")).expect("remove");
        let other_dir = other.path().to_str().expect("utf-8");
        for typed in [
            vec!["--dir", other_dir],
            vec![&*format!("--dir={other_dir}")],
        ] {
            let mut words = typed.clone();
            words.extend(["show", ""]);
            assert_eq!(
                values(&offered(dir.path(), &words)),
                ["p3f8h2kd"],
                "{typed:?}"
            );
        }
        let frameworks = offered(dir.path(), &["new", ""]);
        assert_eq!(values(&frameworks), ["ai", "fgc"]);
        let themes = offered(dir.path(), &["--colours", ""]);
        assert_eq!(values(&themes), ["default", "light", "high-contrast"]);
        let flags = offered(dir.path(), &["export", "k7q2m9xa", "--"]);
        for flag in ["--no-bom", "--include-text", "--as-events"] {
            assert!(
                flags.iter().any(|l| l.starts_with(flag)),
                "{flag}: {flags:?}"
            );
        }
    }

    #[test]
    fn the_bash_script_completes_session_ids_in_a_real_bash() {
        let dir = folder();
        let script = crate::harness::convene()
            .args(["completions", "bash"])
            .output()
            .expect("runs");
        assert!(script.status.success());
        let script_path = dir.path().join("convene.bash");
        std::fs::write(&script_path, &script.stdout).expect("write");
        // Bash with the test's own home and settings, as the harness gives convene.
        let mut bash = std::process::Command::new("bash");
        for (name, value) in crate::harness::convene().get_envs() {
            match value {
                Some(value) => bash.env(name, value),
                None => bash.env_remove(name),
            };
        }
        let Ok(bash) = bash
            .env("CONVENE_DIR", dir.path())
            .arg("--norc")
            .arg("-c")
            .arg(format!(
                "source '{}'; COMP_WORDS=(convene export p); COMP_CWORD=2; COMP_LINE='convene export p'; \
                 COMP_POINT=${{#COMP_LINE}}; _clap_complete_convene convene p export; \
                 printf '%s\\n' \"${{COMPREPLY[@]}}\"",
                script_path.display()
            ))
            .output()
        else {
            eprintln!("bash is not on this machine: the real-shell check is skipped");
            return;
        };
        let said = String::from_utf8_lossy(&bash.stdout);
        assert_eq!(
            said.trim(),
            "p3f8h2kd",
            "{said} {}",
            String::from_utf8_lossy(&bash.stderr)
        );
    }
}

mod word {
    use super::*;
    use convene::export::render_file;

    #[test]
    fn the_word_document_has_headings_and_the_plan_as_a_table() {
        let session = example("p3f8h2kd");
        let xml = export(&session, Format::Docx);
        assert!(xml.starts_with("<?xml"), "{}", &xml[..60]);
        // The title and each stage in Word's own heading styles.
        assert!(xml.contains("<w:pStyle w:val=\"Heading1\" />"));
        assert!(xml.matches("<w:pStyle w:val=\"Heading2\" />").count() >= 5);
        assert!(xml.contains(">Conference for J. (age 11)</w:t>"));
        // The conference's facts, the plan and the outcome are tables; the plan's has a
        // column for each of its fields.
        assert!(xml.matches("<w:tbl>").count() >= 3, "tables");
        for column in [
            "What",
            "Who",
            "Due",
            "Status",
            "Support from services",
            "Checked by",
        ] {
            assert!(
                xml.contains(&format!(">{column}</w:t>")),
                "the plan's table has no {column} column"
            );
        }
        assert!(xml.contains("Nan or Uncle Marek will meet J. at the school gate"));

        let file = render_file(
            &session,
            Frameworks::embedded().get(&session.framework),
            Format::Docx,
            Options::default(),
        )
        .expect("exported");
        assert!(file.starts_with(b"PK\x03\x04"), "a zip file");
        for part in [
            &b"[Content_Types].xml"[..],
            b"word/document.xml",
            b"word/styles.xml",
        ] {
            assert!(
                file.windows(part.len()).any(|w| w == part),
                "no {}",
                String::from_utf8_lossy(part)
            );
        }
    }

    #[test]
    fn hostile_text_is_escaped_in_the_word_xml() {
        let s = with_strength(
            Session::new(
                SessionId::parse("word1234").expect("id"),
                "<w:body>& \u{1b}[31mtitle",
                "appreciative-inquiry",
                "discovery",
                datetime!(2026-11-25 09:00 UTC),
            ),
            "</w:t></w:r><w:r><w:t>injected\u{0} \"quoted\" 'single'",
        );
        let xml = export(&s, Format::Docx);
        assert!(!xml.contains("<w:body>&"), "the title is escaped");
        assert!(xml.contains("&lt;w:body&gt;&amp; title"));
        assert!(xml.contains("&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;injected"));
        assert!(!xml.contains('\u{0}') && !xml.contains('\u{1b}'));
    }

    #[test]
    fn a_word_document_goes_to_a_file_never_the_terminal() {
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
        let out = run_on(&examples, &["export", "p3f8h2kd", "--format", "docx"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        assert!(String::from_utf8_lossy(&out.stderr).contains("add -o p3f8h2kd.docx"));

        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("plan.docx");
        let target_name = target.to_str().expect("utf-8");
        let out = run_on(
            &examples,
            &["export", "p3f8h2kd", "--format", "docx", "-o", target_name],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let file = std::fs::read(&target).expect("written");
        assert!(file.starts_with(b"PK\x03\x04"));

        // Where LibreOffice is installed, it converts the file to PDF.
        crate::harness::libreoffice_pdf(&target);
    }
}

mod in_the_app {
    use crate::harness::Harness;
    use convene::app::{Overlay, SessionView};

    fn view(h: &Harness) -> &SessionView {
        h.app.session_view().expect("a session is open")
    }

    #[test]
    fn a_calendar_of_nothing_dated_is_refused_in_the_export_box_with_the_reason() {
        let mut h = Harness::new();
        h.keys("n<enter>Harbour day<enter>aEvery young person has trusted adults<enter>x");
        // The fourth format is the calendar.
        h.keys("jjj<enter>");
        let target = tempfile::tempdir().expect("temp dir");
        let Some(Overlay::Export {
            path: Some(input), ..
        }) = &view(&h).overlay
        else {
            panic!("asks where")
        };
        let suggested = input.lines().join("");
        h.keys(&"<bs>".repeat(suggested.chars().count()));
        let file = target.path().join("day.ics");
        h.keys(&format!("{}<enter>", file.display()));
        let Some(Overlay::Export {
            error: Some(error), ..
        }) = &view(&h).overlay
        else {
            panic!("the box stays open with a reason")
        };
        assert!(
            error.starts_with("Nothing in this session has a date yet"),
            "{error}"
        );
        assert!(!file.exists(), "no empty calendar is written");
    }
}
