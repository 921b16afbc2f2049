//! Who an export is for: `--for`, and the family's copy of a conference.

use crate::cli::{convene, examples_copy, stderr};

#[test]
fn a_family_copy_of_a_workshop_is_a_usage_error_and_writes_nothing() {
    let copy = examples_copy();
    let out_dir = tempfile::tempdir().expect("temp dir");
    let target = out_dir.path().join("family.md");
    let out = convene(
        copy.path(),
        &[
            "export",
            "k7q2m9xa",
            "--for",
            "family",
            "-o",
            target.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!target.exists(), "nothing is written");
    assert!(out.stdout.is_empty());
    let said = stderr(&out);
    assert!(
        said.contains(
            "The family's copy is written for a conference, and this session is a workshop"
        ),
        "{said}"
    );
    assert!(
        said.contains("--for professionals or --for partnership"),
        "{said}"
    );

    // A conference has no partnership summary.
    let out = convene(copy.path(), &["export", "p3f8h2kd", "--for", "partnership"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("--for family or --for professionals"));
}

mod the_family_copy {
    use convene::export::{Audience, Format, Options, render};
    use convene::framework::Frameworks;
    use convene::model::*;
    use convene::store::load_path;
    use std::path::Path;

    /// The example conference, with one more person (someone the family and the
    /// professionals agreed is outside the child's safe network, with their needs and an
    /// address) and a dropped plan item.
    fn conference() -> Session {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/p3f8h2kd.ron");
        let mut s = load_path(&path).expect("the example loads").session;
        s.add(
            "planning",
            RecordBody::Participant(Participant {
                name: "Victor".into(),
                relationship: "J.'s father".into(),
                side: Side::Family,
                role: "family member".into(),
                invitation: Invitation::NotInvited("a court order".into()),
                needs: Needs {
                    interpreter: Some("Romanian".into()),
                    access: Some("lives at 4 Quay Street".into()),
                    childcare: None,
                    safety: Some("separate waiting room".into()),
                    arranged: false,
                },
                organisation: String::new(),
                sector: None,
                closeness: None,
                outside_safe_network: Some("a court order keeps him away from J.".into()),
                phone: "07700 900 999".into(),
                email: "victor@example.org".into(),
                may_call: true,
            }),
            time::macros::datetime!(2026-10-20 09:00 UTC),
        );
        // And a plan item the family later dropped: no longer part of their plan.
        s.add(
            "agreement",
            RecordBody::PlanItem(PlanItem {
                text: "J. will move to the school in the next town".into(),
                who: "Anna".into(),
                status: Status::Dropped,
                ..PlanItem::default()
            }),
            time::macros::datetime!(2026-11-20 13:20 UTC),
        );
        s
    }

    /// The day the copies are made unless a test says otherwise: after the conference
    /// (20 November 2026), before the review (15 January 2027).
    const TODAY: time::Date = time::macros::date!(2026 - 12 - 01);

    fn family_copy(s: &Session, format: Format) -> String {
        family_copy_on(s, format, TODAY)
    }

    fn family_copy_on(s: &Session, format: Format, today: time::Date) -> String {
        let options = Options {
            audience: Audience::Family,
            today: Some(today),
            ..Options::default()
        };
        let frameworks = Frameworks::embedded();
        render(s, frameworks.get(&s.framework), format, options).expect("the family's copy")
    }

    /// The copy's visible text, one block a line: tags dropped, entities read.
    fn text_of(format: Format, copy: &str) -> String {
        if format == Format::Md {
            return copy.to_owned();
        }
        // An HTML page's text is its body's (its style holds colours such as `#111`).
        let copy = copy.split_once("<body>").map_or(copy, |(_, body)| body);
        let mut out = String::new();
        let mut in_tag = false;
        for c in copy.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    out.push('\n');
                }
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&#39;", "'")
            .replace("&amp;", "&")
            .replace("&apos;", "'")
    }

    /// Where each heading's words start, in order (Markdown `#`, HTML `<h1>`–`<h3>`,
    /// Word's heading styles).
    fn headings(format: Format, copy: &str) -> Vec<String> {
        match format {
            Format::Md => copy
                .lines()
                .filter(|l| l.starts_with('#'))
                .map(|l| l.trim_start_matches('#').trim().to_owned())
                .collect(),
            Format::Html => copy
                .split("<h")
                .skip(1)
                .filter(|part| part.starts_with(['1', '2', '3']))
                .map(|part| {
                    text_of(format, &format!("<h{part}"))
                        .trim()
                        .lines()
                        .next()
                        .unwrap_or("")
                        .to_owned()
                })
                .collect(),
            _ => copy
                .split("<w:pStyle w:val=\"Heading")
                .skip(1)
                .map(|part| {
                    let part = part.split_once('>').map_or(part, |(_, rest)| rest);
                    let text = text_of(format, part);
                    text.lines()
                        .map(str::trim)
                        .find(|l| !l.is_empty() && !l.starts_with('/'))
                        .unwrap_or("")
                        .to_owned()
                })
                .collect(),
        }
    }

    fn has_record_number(text: &str) -> bool {
        text.as_bytes()
            .windows(2)
            .any(|w| w[0] == b'#' && w[1].is_ascii_digit())
    }

    fn has_iso_date(text: &str) -> bool {
        let b = text.as_bytes();
        b.windows(10).any(|w| {
            w[..4].iter().all(u8::is_ascii_digit)
                && w[4] == b'-'
                && w[5..7].iter().all(u8::is_ascii_digit)
                && w[7] == b'-'
                && w[8..].iter().all(u8::is_ascii_digit)
        })
    }

    #[test]
    fn holds_the_plan_first_and_nothing_meant_only_for_professionals() {
        let s = conference();
        for format in [Format::Md, Format::Html, Format::Docx] {
            let copy = family_copy(&s, format);
            let text = text_of(format, &copy);
            let heads = headings(format, &copy);
            assert_eq!(
                heads.first().map(String::as_str),
                Some("The family's plan for J. (age 11)"),
                "{format:?}: {heads:?}"
            );
            assert_eq!(
                heads.get(1).map(String::as_str),
                Some("Our plan"),
                "{format:?}: the plan comes first"
            );
            // The plan's own words, in order, under that heading.
            let plan = text.find("Our plan").expect("the plan");
            let first_item = text
                .find("Nan or Uncle Marek will meet J.")
                .expect("the first item");
            let contingency = text.find("If the plan is not working").expect("what if");
            assert!(plan < first_item && first_item < contingency, "{format:?}");
            for words in [
                "Halina (Monday to Wednesday) and Marek (Thursday and Friday)",
                "We will meet again on Friday 15 January 2027",
                "Monday 23 November 2026",
                "We made this plan together at the family group conference on Friday 20 November 2026",
                "Anna calls 999 if J. is in danger right now",
                "J. wants to stay at home with Mum and Zofia",
                // The bottom lines the plan was made around: the family keeps them in sight.
                "What the plan keeps in place",
                "J. is with a safe adult J. knows at the end of every school day",
                "Rosa",
                "independent advocate",
            ] {
                assert!(text.contains(words), "{format:?} lacks {words:?}");
            }
            assert!(!copy.contains("p3f8h2kd"), "{format:?}: the session id");
            assert!(!has_record_number(&text), "{format:?}: a record number");
            assert!(!has_iso_date(&text), "{format:?}: a date not in words");
            for never in [
                // Someone outside the safe network, their reason and needs.
                "Victor",
                "court order",
                "Quay Street",
                "Romanian",
                "07700 900 999",
                "victor@example.org",
                // Other people's needs and the venue.
                "Polish",
                "Ground-floor",
                "Childminder",
                "Garden Room",
                // The coordinator's preparation, information and questions from professionals.
                "shared with Rosa (advocate) on 14 October",
                "Date and venue agreed with the family",
                "exploiting J.",
                "has left school at lunchtime on six afternoons",
                "Halina asked, through the interpreter",
                "Marek asked",
                "invitation",
                // What the family dropped from the plan.
                "the school in the next town",
            ] {
                assert!(!text.contains(never), "{format:?} shows {never:?}");
            }
        }
    }

    #[test]
    fn after_the_review_the_copy_says_when_it_was_held_not_a_date_gone_by() {
        let mut s = conference();
        let c = s.conference.as_mut().expect("a conference");
        c.ratings.push(Rating {
            date: time::macros::date!(2027 - 01 - 14),
            family: Some(8),
            professionals: Some(7),
            due: c.review_date,
            child_lives: None,
        });
        let text = family_copy(&s, Format::Md);
        assert!(
            text.contains(
                "We met again on Thursday 14 January 2027 to see how the plan was going."
            ),
            "{text}"
        );
        assert!(
            !text.contains("meet again on Friday 15 January 2027"),
            "{text}"
        );
        assert!(text.contains("still to be agreed"), "{text}");
    }

    #[test]
    fn a_family_copy_passes_the_lens() {
        let lens = convene::lens::Lens::embedded();
        let copy = family_copy(&conference(), Format::Md);
        let found = lens.check(&copy);
        assert!(found.is_empty(), "{found:?}");
        // And the copy's own words where the family has written nothing yet.
        let mut empty = conference();
        empty.records.clear();
        empty.conference = Some(Conference {
            child: "J.".into(),
            ..Conference::default()
        });
        let copy = family_copy(&empty, Format::Md);
        assert!(copy.contains("The plan is still being written."), "{copy}");
        let found = lens.check(&copy);
        assert!(found.is_empty(), "{found:?}");
        // And what it says of each decision.
        for decision in [
            Decision::Agreed,
            Decision::AgreedWithChanges,
            Decision::NotAgreed,
        ] {
            let mut decided = empty.clone();
            if let Some(c) = decided.conference.as_mut() {
                c.decision = Some(decision);
            }
            let copy = family_copy(&decided, Format::Md);
            let found = lens.check(&copy);
            assert!(found.is_empty(), "{decision:?}: {found:?}");
        }
    }

    fn text_all(s: &Session, today: time::Date) -> Vec<(Format, String)> {
        [Format::Md, Format::Html, Format::Docx]
            .into_iter()
            .map(|f| (f, text_of(f, &family_copy_on(s, f, today))))
            .collect()
    }

    /// The words under a heading, up to the next heading of its level or above (Markdown).
    fn section<'a>(md: &'a str, heading: &str) -> &'a str {
        let start = md
            .find(&format!("## {heading}\n"))
            .unwrap_or_else(|| panic!("no {heading:?} in {md}"));
        let rest = &md[start + heading.len() + 4..];
        let end = rest.find("\n## ").unwrap_or(rest.len());
        &rest[..end]
    }

    fn plan_item(text: &str, who: &str, checked_by: &str, status: Status) -> RecordBody {
        RecordBody::PlanItem(PlanItem {
            text: text.into(),
            who: who.into(),
            checked_by: checked_by.into(),
            status,
            by_when: Some(time::macros::date!(2027 - 02 - 01)),
            ..PlanItem::default()
        })
    }

    #[test]
    fn before_its_day_the_conference_is_ahead_not_held() {
        let mut s = conference();
        s.records
            .retain(|r| !matches!(r.body, RecordBody::PlanItem(_)));
        let c = s.conference.as_mut().expect("a conference");
        c.decision = None;
        c.review_date = None;
        for (format, text) in text_all(&s, time::macros::date!(2026 - 11 - 19)) {
            assert!(
                text.contains(
                    "We will meet for the family group conference on Friday 20 November 2026"
                ),
                "{format:?}: {text}"
            );
            for never in ["We made this plan", "Made together", "We met"] {
                assert!(!text.contains(never), "{format:?} says {never:?}");
            }
            assert!(text.contains("The plan is still being written."));
        }
        // On the day, and after it once the plan is decided, it is made.
        let text = family_copy_on(&s, Format::Md, time::macros::date!(2026 - 11 - 20));
        assert!(
            text.contains("We meet today, Friday 20 November 2026"),
            "{text}"
        );
        let text = family_copy(&conference(), Format::Md);
        assert!(text.contains("We made this plan together"), "{text}");
    }

    /// After the review: done items marked done, a changed item out of "Our plan" (what
    /// replaced it in), what is working and what changed, and the next review ahead.
    #[test]
    fn after_its_review_the_copy_is_the_plan_as_it_stands() {
        let mut s = conference();
        let at = time::macros::datetime!(2027-01-14 11:00 UTC);
        let items: Vec<RecordId> = s
            .records
            .iter()
            .filter(|r| matches!(r.body, RecordBody::PlanItem(_)))
            .map(|r| r.id)
            .collect();
        // The first item done, the third changed (football), and what replaced it.
        let set = |s: &mut Session, id: RecordId, status: Status| {
            s.record_mut(id).expect("an item").body.check_in(CheckIn {
                date: time::macros::date!(2027 - 01 - 14),
                status,
                by: "Victor".into(),
                note: "Victor says so".into(),
            });
        };
        set(&mut s, items[0], Status::Done);
        set(&mut s, items[2], Status::Changed);
        s.add(
            "review",
            plan_item(
                "J. will play football on Saturdays only, with Uncle Marek",
                "Marek",
                "Anna",
                Status::NotStarted,
            ),
            at,
        );
        let c = s.conference.as_mut().expect("a conference");
        c.ratings.push(Rating {
            date: time::macros::date!(2027 - 01 - 14),
            family: Some(8),
            professionals: Some(7),
            due: c.review_date,
            child_lives: None,
        });
        c.review_date = Some(time::macros::date!(2027 - 03 - 12));
        for (format, text) in text_all(&s, time::macros::date!(2027 - 01 - 20)) {
            for words in [
                "How the plan is going",
                "We met on Thursday 14 January 2027 to see how the plan was going.",
                "The family said the plan is working 8 out of 10.",
                "What is working",
                "What changed",
                "(we changed this: the new way is in our plan)",
                "J. will play football on Saturdays only, with Uncle Marek",
                "We will meet again on Friday 12 March 2027",
                "Done",
            ] {
                assert!(text.contains(words), "{format:?} lacks {words:?}: {text}");
            }
            assert!(!text.contains("Victor"), "{format:?}: {text}");
        }
        let md = family_copy_on(&s, Format::Md, time::macros::date!(2027 - 01 - 20));
        let plan = section(&md, "Our plan");
        assert!(!plan.contains("Tuesdays and Saturdays"), "changed: {plan}");
        assert!(plan.contains("Saturdays only"), "its replacement: {plan}");
        let gate = plan
            .lines()
            .find(|l| l.contains("school gate"))
            .expect("the done item");
        assert!(gate.contains("| Done |"), "{gate}");
        assert!(!gate.contains("23 November"), "{gate}");
        let changed = section(&md, "How the plan is going");
        assert!(changed.contains("Tuesdays and Saturdays"), "{changed}");
        // A review date gone by, not held: said as planned, never as ahead.
        let text = family_copy_on(&s, Format::Md, time::macros::date!(2027 - 03 - 20));
        assert!(
            text.contains("We planned to meet again on Friday 12 March 2027"),
            "{text}"
        );
    }

    #[test]
    fn a_closed_conference_says_so_why_and_who_to_talk_to() {
        let mut s = conference();
        let c = s.conference.as_mut().expect("a conference");
        c.ratings.push(Rating {
            date: time::macros::date!(2027 - 01 - 14),
            family: Some(9),
            professionals: Some(8),
            due: c.review_date,
            child_lives: None,
        });
        c.closed = Some(Closure {
            date: time::macros::date!(2027 - 04 - 01),
            reason: ClosureReason::PlanWorking,
        });
        for (format, text) in text_all(&s, time::macros::date!(2027 - 04 - 10)) {
            for words in [
                "This plan is now closed",
                "The family group conference closed on Thursday 1 April 2027: the plan is working, and you asked for the conference to close.",
                "If things change, talk with your coordinator.",
                "We made this plan together",
            ] {
                assert!(text.contains(words), "{format:?} lacks {words:?}: {text}");
            }
            for never in ["When we meet again", "We will meet", "asked to close"] {
                assert!(!text.contains(never), "{format:?} says {never:?}: {text}");
            }
        }
    }

    /// Someone outside the child's safe network, named as who and as checked-by (alone
    /// and beside someone else), in a check-in and a note: named nowhere in the family's
    /// copy, the calendar's words or its list of people.
    #[test]
    fn nobody_outside_the_safe_network_is_named_in_any_role() {
        let mut s = conference();
        let at = time::macros::datetime!(2026-11-20 13:30 UTC);
        s.add(
            "agreement",
            plan_item(
                "J. will go to Cubs on Thursdays",
                "Victor",
                "Victor",
                Status::NotStarted,
            ),
            at,
        );
        let both = s.add(
            "agreement",
            plan_item(
                "J. will visit Nan on Sundays",
                "Victor and Halina",
                "Anna or Victor",
                Status::InProgress,
            ),
            at,
        );
        s.record_mut(both).expect("item").body.check_in(CheckIn {
            date: time::macros::date!(2026 - 11 - 27),
            status: Status::InProgress,
            by: "Victor".into(),
            note: "Victor took J.".into(),
        });
        s.add(
            "agreement",
            RecordBody::Note(Note {
                text: "Victor rang".into(),
            }),
            at,
        );
        for (format, text) in text_all(&s, TODAY) {
            assert!(!text.contains("Victor"), "{format:?}: {text}");
            assert!(
                text.contains("J. will go to Cubs on Thursdays"),
                "{format:?}"
            );
            assert!(
                text.contains("To be agreed with your coordinator"),
                "{format:?}"
            );
        }
        let md = family_copy(&s, Format::Md);
        let plan = section(&md, "Our plan");
        let cubs = plan.lines().find(|l| l.contains("Cubs")).expect("Cubs");
        assert!(
            cubs.contains("| To be agreed with your coordinator |"),
            "{cubs}"
        );
        let nan = plan.lines().find(|l| l.contains("visit Nan")).expect("Nan");
        assert!(nan.contains("| Halina |"), "{nan}");
        let call = section(&md, "Who to call");
        assert!(
            call.contains("Halina") && !call.contains("Victor"),
            "{call}"
        );

        // The calendar, with the items' words: Victor is in no line of it.
        let frameworks = Frameworks::embedded();
        let options = Options {
            include_text: true,
            ..Options::default()
        };
        let ics = render(&s, frameworks.get(&s.framework), Format::Ics, options).expect("ics");
        crate::harness::strict_ics(&ics);
        assert!(ics.contains("Cubs"), "{ics}");
        assert!(!ics.contains("Victor"), "{ics}");
        assert!(ics.contains("Who: to be agreed"), "{ics}");
        assert!(ics.contains("Who: Halina"), "{ics}");

        // The professionals' record keeps what was written.
        let full = render(
            &s,
            frameworks.get(&s.framework),
            Format::Md,
            Options::default(),
        )
        .expect("the full record");
        assert!(full.contains("Victor"));
        // And the rule names each task held.
        let tasks: Vec<String> = s
            .tasks_kept_apart()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(tasks.len(), 4, "{tasks:?}");
        assert!(
            tasks[0].contains("names Victor as who, and Victor is outside the child's safe network (a court order keeps him away from J.; a court order)"),
            "{tasks:?}"
        );
    }

    #[test]
    fn several_children_want_and_an_age_in_the_name_reads() {
        let mut s = conference();
        s.conference.as_mut().expect("a conference").child = "Tyler (9) and Mia (6)".into();
        let text = family_copy(&s, Format::Md);
        assert!(
            text.contains("## What Tyler (9) and Mia (6) want\n"),
            "{text}"
        );
        s.conference.as_mut().expect("a conference").child = "Tyler (13)".into();
        let text = family_copy(&s, Format::Md);
        assert!(text.contains("## What Tyler (13) wants\n"), "{text}");
        // The coordinator's list before the day: a possessive that reads.
        let gap = |child: &str| {
            convene::model::Gap::ChildNotHeardYet {
                child: child.into(),
            }
            .to_string()
        };
        assert!(
            gap("Tyler (13)").starts_with("Hear Tyler's wishes and views (13): "),
            "{}",
            gap("Tyler (13)")
        );
        let gaps = [gap("J. (age 11)"), gap("Kai")];
        assert_eq!(
            gaps[1],
            "Hear Kai's wishes and views: in person, in writing or through an advocate"
        );
        assert!(!gaps.iter().any(|g| g.contains(")'s")), "{gaps:?}");
    }
}

/// The professionals' record of a closed conference keeps every review, its ratings and
/// check-ins, and the review date that was set; a review stage says where they are.
#[test]
fn the_professionals_record_of_a_closed_conference_keeps_its_reviews() {
    use convene::export::{Format, Options, render};
    use convene::framework::Frameworks;
    use convene::model::*;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/p3f8h2kd.ron");
    let mut s = convene::store::load_path(&path)
        .expect("the example loads")
        .session;
    let item = s
        .records
        .iter()
        .find(|r| matches!(r.body, RecordBody::PlanItem(_)))
        .map(|r| r.id)
        .expect("an item");
    s.record_mut(item).expect("item").body.check_in(CheckIn {
        date: time::macros::date!(2027 - 01 - 14),
        status: Status::Done,
        by: "Anna".into(),
        note: "Every day since November".into(),
    });
    let c = s.conference.as_mut().expect("a conference");
    c.ratings.push(Rating {
        date: time::macros::date!(2027 - 01 - 14),
        family: Some(8),
        professionals: Some(7),
        due: c.review_date,
        child_lives: None,
    });
    c.closed = Some(Closure {
        date: time::macros::date!(2027 - 04 - 01),
        reason: ClosureReason::PlanWorking,
    });
    s.stage = "review".into();
    let frameworks = Frameworks::embedded();
    for format in [Format::Md, Format::Html] {
        let text = render(&s, frameworks.get(&s.framework), format, Options::default())
            .expect("the record");
        for words in [
            "2027-01-15",
            "2027-01-14: the family 8/10, the professionals 7/10",
            "Every day since November",
        ] {
            assert!(text.contains(words), "{format:?} lacks {words:?}");
        }
        assert!(
            !text.contains("Nothing was captured in this stage"),
            "{format:?}"
        );
    }
}

/// An example session exported for an audience to a file in `dir`.
fn export_to(dir: &std::path::Path, id: &str, audience: &str, format: &str) -> std::path::PathBuf {
    let copy = examples_copy();
    let target = dir.join(format!("{audience}.{format}"));
    let out = convene(
        copy.path(),
        &[
            "export",
            id,
            "--for",
            audience,
            "--format",
            format,
            "-o",
            target.to_str().expect("utf-8"),
        ],
    );
    assert!(
        out.status.success(),
        "{audience} {format}: {}",
        stderr(&out)
    );
    target
}

/// The example's family copy prints on no more than two A4 pages from its HTML, in a real
/// browser (chromium's print to PDF, counted by poppler's pdfinfo). Skipped, and said so,
/// where either is missing (CI has no browser).
#[test]
fn the_example_family_copy_prints_on_two_a4_pages_at_most() {
    let out_dir = tempfile::tempdir().expect("temp dir");
    let html = export_to(out_dir.path(), "p3f8h2kd", "family", "html");
    let pdf = out_dir.path().join("family.pdf");
    let printed = std::process::Command::new("chromium")
        .args(["--headless", "--no-sandbox", "--no-pdf-header-footer"])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(&html)
        .output();
    let Ok(printed) = printed else {
        eprintln!("chromium is not on this machine: the page count is not checked");
        return;
    };
    assert!(printed.status.success() && pdf.exists(), "chromium printed");
    let Ok(info) = std::process::Command::new("pdfinfo").arg(&pdf).output() else {
        eprintln!("pdfinfo (poppler-utils) is not on this machine: the page count is not checked");
        return;
    };
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("(A4)"), "{info}");
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    assert!((1..=2).contains(&pages), "{pages} pages");
}

/// Every audience's Word copy is a Word file, and opens in LibreOffice (converted to PDF)
/// where LibreOffice is on the machine.
#[test]
fn every_audiences_word_copy_opens_in_libreoffice() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (id, audience) in [
        ("p3f8h2kd", "family"),
        ("p3f8h2kd", "professionals"),
        ("k7q2m9xa", "partnership"),
    ] {
        let target = export_to(dir.path(), id, audience, "docx");
        assert!(
            std::fs::read(&target)
                .expect("written")
                .starts_with(b"PK\x03\x04")
        );
        crate::harness::libreoffice_pdf(&target);
    }
}

#[test]
fn the_family_copy_is_a_document_not_a_spreadsheet_or_a_calendar() {
    let copy = examples_copy();
    for format in ["csv", "ics"] {
        let out = convene(
            copy.path(),
            &["export", "p3f8h2kd", "--for", "family", "--format", format],
        );
        assert_eq!(out.status.code(), Some(2), "{format}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{format}: nothing is written");
        assert!(
            stderr(&out).contains("the family's copy is a document to read"),
            "{}",
            stderr(&out)
        );
    }
}

/// `check` and `lint` flag a session where someone outside the child's safe network holds
/// a task in the plan; the examples as they are have none.
#[test]
fn check_and_lint_flag_a_task_held_outside_the_safe_network() {
    use convene::model::*;
    let copy = examples_copy();
    let clean = convene(copy.path(), &["check"]);
    assert!(clean.status.success(), "{}", crate::cli::stdout(&clean));
    let path = copy.path().join("p3f8h2kd.ron");
    let mut s = convene::store::load_path(&path)
        .expect("the example")
        .session;
    s.add(
        "planning",
        RecordBody::Participant(Participant {
            name: "Craig".into(),
            relationship: "Tyler's father".into(),
            outside_safe_network: Some("a bottom line: no contact with Tyler".into()),
            ..Participant::default()
        }),
        time::macros::datetime!(2026-11-20 09:00 UTC),
    );
    s.add(
        "agreement",
        RecordBody::PlanItem(PlanItem {
            text: "Tyler will keep going to Cubs on Thursdays".into(),
            who: "Anna".into(),
            checked_by: "Craig".into(),
            ..PlanItem::default()
        }),
        time::macros::datetime!(2026-11-20 13:00 UTC),
    );
    std::fs::remove_file(&path).expect("removed");
    convene::store::Store::at(copy.path())
        .create(&s)
        .expect("saved again");
    let out = convene(copy.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = crate::cli::stdout(&out);
    assert!(
        said.contains("names Craig as checked by, and Craig is outside the child's safe network (a bottom line: no contact with Tyler)"),
        "{said}"
    );
    let out = convene(copy.path(), &["lint", "p3f8h2kd"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        crate::cli::stdout(&out).contains("names Craig as checked by"),
        "{}",
        crate::cli::stdout(&out)
    );
}

/// `report` counts one session as one, and lists each closure reason on its own line.
#[test]
fn the_report_says_1_session() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/p3f8h2kd.ron"),
        dir.path().join("p3f8h2kd.ron"),
    )
    .expect("copied");
    let out = convene(dir.path(), &["report"]);
    let said = crate::cli::stdout(&out);
    assert!(said.contains(": 1 session read."), "{said}");
}
