//! The command line, run as the real binary: new, list, show, check, and exit codes.

use std::path::Path;
use std::process::Output;

pub fn convene(dir: &Path, args: &[&str]) -> Output {
    crate::harness::convene()
        .arg("--dir")
        .arg(dir)
        .args(args)
        .env_remove("CONVENE_DIR")
        .output()
        .expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn examples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions")
}

/// The example sessions copied to a folder of their own (listing writes a cache beside them).
pub fn examples_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["k7q2m9xa.ron", "p3f8h2kd.ron"] {
        std::fs::copy(examples().join(name), dir.path().join(name)).expect("copy");
    }
    dir
}

#[test]
fn new_then_list_shows_the_session() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = convene(dir.path(), &["new", "ai", "Test"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = stdout(&out);
    let mut lines = printed.lines();
    let id = lines.next().expect("id line").to_owned();
    let path = lines.next().expect("path line");
    assert!(Path::new(path).exists(), "{path}");
    assert_eq!(
        Path::new(path).file_name().and_then(|n| n.to_str()),
        Some(&*format!("{id}.ron"))
    );

    let out = convene(dir.path(), &["list"]);
    assert!(out.status.success());
    let listed = stdout(&out);
    assert!(
        listed.contains(&id) && listed.contains("Test") && listed.contains("Define"),
        "{listed}"
    );
}

#[test]
fn the_title_never_becomes_the_file_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = convene(dir.path(), &["new", "fgc", "../../Smith family"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1);
    assert!(!names[0].contains("Smith"), "{names:?}");
}

#[test]
fn an_unknown_framework_is_a_usage_error_with_the_choices() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = convene(dir.path(), &["new", "retro", "Test"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("no framework called \"retro\"") && err.contains("ai, fgc"),
        "{err}"
    );
}

#[test]
fn an_empty_folder_says_how_to_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = convene(dir.path(), &["list"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("convene new ai"), "{}", stdout(&out));
}

#[test]
fn the_example_sessions_check_clean_and_show_every_stage() {
    let out = convene(&examples(), &["check"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(
        stdout(&out).contains("All 2 files read well"),
        "{}",
        stdout(&out)
    );

    let out = convene(&examples(), &["show", "k7q2m9xa"]);
    assert!(out.status.success());
    let shown = stdout(&out);
    for stage in ["Define", "Discovery", "Dream", "Design", "Destiny  ◀ now"] {
        assert!(shown.contains(stage), "{stage} missing:\n{shown}");
    }
    assert!(shown.contains("builds on #"), "{shown}");

    let out = convene(&examples(), &["show", "p3f8h2kd"]);
    let shown = stdout(&out);
    assert!(shown.contains("Agreement  ◀ now"), "{shown}");
    assert!(shown.contains("nothing is written here"), "{shown}");
}

#[test]
fn check_names_file_line_and_column_and_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = std::fs::read_to_string(examples().join("k7q2m9xa.ron")).expect("example");
    let broken = dir.path().join("k7q2m9xa.ron");
    std::fs::write(
        &broken,
        good.replacen("format: 2,", "format: 2,\n  title: 7,", 1),
    )
    .expect("write");
    let linked = dir.path().join("p3f8h2kd.ron");
    let fgc = std::fs::read_to_string(examples().join("p3f8h2kd.ron")).expect("example");
    std::fs::write(&linked, fgc.replacen("giver: Some(", "giver: Some(9", 1)).expect("write");

    let out = convene(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let printed = stdout(&out);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), 2, "{printed}");
    assert!(
        lines[0].starts_with(&format!("{}:4:", broken.display())),
        "{printed}"
    );
    assert!(
        lines[1].starts_with(&format!("{}:", linked.display())),
        "{printed}"
    );
    assert!(lines[1].contains("not in the session"), "{printed}");
    assert!(stderr(&out).contains("2 problems in 2 files"));
    // Checking never changes a file.
    assert_eq!(
        std::fs::read_to_string(&broken).expect("read"),
        good.replacen("format: 2,", "format: 2,\n  title: 7,", 1)
    );
}

#[test]
fn a_missing_session_exits_3_with_a_hint() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = convene(dir.path(), &["show", "nosuch"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("`convene list` shows the ids"));
}

#[test]
fn an_unreadable_session_exits_4_and_names_the_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("bad1.ron"), "(format: 1, id: ").expect("write");
    let out = convene(dir.path(), &["show", "bad1"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(stderr(&out).contains("bad1.ron:1:"), "{}", stderr(&out));
}

#[test]
fn every_command_has_help_with_an_example() {
    let dir = tempfile::tempdir().expect("temp dir");
    for command in [
        "new",
        "list",
        "show",
        "check",
        "export",
        "forget",
        "completions",
    ] {
        let out = convene(dir.path(), &[command, "--help"]);
        assert!(out.status.success(), "{command}");
        assert!(
            stdout(&out).contains("Example: convene"),
            "{command}: {}",
            stdout(&out)
        );
    }
    let out = convene(dir.path(), &["--help"]);
    assert!(stdout(&out).contains("Exit codes:"));
}

#[test]
fn control_characters_in_a_title_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = convene(dir.path(), &["new", "ai", "\u{1b}]0;owned\u{7}Harbour"]);
    assert!(out.status.success());
    let listed = stdout(&convene(dir.path(), &["list"]));
    assert!(
        !listed.contains('\u{1b}') && !listed.contains('\u{7}'),
        "{listed:?}"
    );
    assert!(listed.contains("Harbour"));
}

#[test]
fn forget_removes_a_session_with_its_backup_and_copies_but_only_when_confirmed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = convene(dir.path(), &["new", "fgc", "Conference for J."]);
    let id = stdout(&out).lines().next().expect("id").to_owned();
    std::fs::write(dir.path().join(format!("{id}.ron.bak")), "old").expect("write");
    std::fs::write(
        dir.path()
            .join(format!("{id}.conflict-20261125T100000.ron")),
        "copy",
    )
    .expect("write");
    let other = stdout(&convene(dir.path(), &["new", "ai", "Keep me"]))
        .lines()
        .next()
        .expect("id")
        .to_owned();

    // Without a terminal and without --yes nothing goes.
    let out = convene(dir.path(), &["forget", &id]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(dir.path().join(format!("{id}.ron")).exists());

    let out = convene(dir.path(), &["forget", &id, "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Removed 3 files"), "{}", stdout(&out));
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(&id))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(dir.path().join(format!("{other}.ron")).exists());
}

#[cfg(unix)]
#[test]
fn check_warns_when_the_folder_is_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    convene(dir.path(), &["new", "ai", "Test"]);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let out = convene(dir.path(), &["check"]);
    assert!(
        stderr(&out).contains("can be read by others (mode 755)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn export_writes_each_format_to_stdout_or_a_file_but_never_into_the_folder() {
    let examples = examples();
    for format in ["md", "html", "csv", "ics"] {
        let out = convene(&examples, &["export", "k7q2m9xa", "--format", format]);
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        assert!(!out.stdout.is_empty(), "{format}");
        if format == "ics" {
            crate::harness::strict_ics(&stdout(&out));
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("report.html");
    let out = convene(
        &examples,
        &[
            "export",
            "k7q2m9xa",
            "--format",
            "html",
            "-o",
            target.to_str().expect("utf-8"),
        ],
    );
    assert!(out.status.success());
    assert!(stderr(&out).contains("Exported to"));
    assert!(
        std::fs::read_to_string(&target)
            .expect("written")
            .contains("Harbourside")
    );

    let inside = examples.join("report.md");
    let out = convene(
        &examples,
        &["export", "k7q2m9xa", "-o", inside.to_str().expect("utf-8")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!inside.exists());
}

#[test]
fn list_json_has_the_documented_fields_and_filters_narrow_it() {
    let copy = examples_copy();
    let examples = || copy.path().to_owned();
    let out = convene(&examples(), &["list", "--json"]);
    assert!(out.status.success());
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rows = listed.as_array().expect("an array");
    assert_eq!(rows.len(), 2);
    for field in [
        "id",
        "title",
        "framework",
        "framework_name",
        "stage",
        "stage_name",
        "created",
        "updated",
        "next_due",
        "records",
        "path",
    ] {
        assert!(rows[0].get(field).is_some(), "{field} missing");
    }

    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list", "--json"];
        all.extend_from_slice(args);
        let out = convene(&examples(), &all);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        v.as_array()
            .expect("array")
            .iter()
            .map(|r| r["id"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(ids(&["--framework", "fgc"]), ["p3f8h2kd"]);
    assert_eq!(ids(&["--framework", "ai"]), ["k7q2m9xa"]);
    assert_eq!(ids(&["--stage", "Destiny"]), ["k7q2m9xa"]);
    assert_eq!(ids(&["--stage", "agreement"]), ["p3f8h2kd"]);
    // Both examples have something dated, so a wide window holds both.
    assert_eq!(ids(&["--due-within", "3650"]).len(), 2);
    let out = convene(&examples(), &["list", "--framework", "retro"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn show_json_is_the_session_as_in_its_file() {
    let out = convene(&examples(), &["show", "p3f8h2kd", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["id"], "p3f8h2kd");
    // The example is a format 2 file: it is shown as it reads now, brought up to date.
    assert_eq!(v["format"], convene::model::FORMAT_VERSION);
    assert_eq!(v["conference"]["review_date"], "2027-01-15");
    assert!(v["records"].as_array().is_some_and(|r| r.len() == 24));
}

#[test]
fn completions_are_generated_for_each_shell() {
    let dir = tempfile::tempdir().expect("temp dir");
    for shell in ["bash", "zsh", "fish"] {
        let out = convene(dir.path(), &["completions", shell]);
        assert!(out.status.success(), "{shell}");
        // The script calls convene back to ask what to offer.
        let script = stdout(&out);
        assert!(
            script.contains("convene") && script.contains("COMPLETE="),
            "{shell}"
        );
    }
}

#[test]
fn a_bad_settings_file_names_line_and_column_and_the_defaults_apply() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.ron");
    std::fs::write(&config, "(\n  theme: Some(\"light\"),\n  colour: 3,\n)").expect("write");
    let sessions = dir.path().join("sessions");
    let run = |args: &[&str]| {
        crate::harness::convene()
            .arg("--config")
            .arg(&config)
            .arg("--dir")
            .arg(&sessions)
            .args(args)
            .env_remove("CONVENE_DIR")
            .output()
            .expect("runs")
    };
    let out = run(&["list"]);
    assert!(out.status.success(), "the defaults apply");
    assert!(stderr(&out).contains("config.ron:3:"), "{}", stderr(&out));
    let out = run(&["config", "check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("config.ron:3:"));
    let out = run(&["config", "path"]);
    assert_eq!(stdout(&out).trim(), config.display().to_string());

    std::fs::remove_file(&config).expect("remove");
    let out = run(&["config", "init"]);
    assert!(out.status.success());
    let out = run(&["config", "check"]);
    assert!(stdout(&out).contains("reads well"), "{}", stdout(&out));
    let out = run(&["--theme", "neon", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("default, light, high-contrast"));
}

#[test]
fn lint_lists_suggestions_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = stdout(&convene(dir.path(), &["new", "fgc", "Conference for J."]))
        .lines()
        .next()
        .expect("id")
        .to_owned();
    let path = dir.path().join(format!("{id}.ron"));
    let text = std::fs::read_to_string(&path).expect("read").replace(
        "records: []",
        "records: [\n    (\n      id: 1,\n      stage: \"planning\",\n      created: \"2026-11-25T09:00:00Z\",\n      body: Note(\n        text: \"Contact with Dad is a lifestyle choice for him. Mum did not attend.\",\n      ),\n    ),\n  ]",
    );
    std::fs::write(&path, &text).expect("write");
    let out = convene(dir.path(), &["lint", &id]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let printed = stdout(&out);
    assert!(
        printed.contains("“Contact with” → “time with”"),
        "{printed}"
    );
    assert!(
        printed.contains("“a lifestyle choice” → “exploitation” [blames the child]"),
        "{printed}"
    );
    assert!(
        printed.contains("“did not attend” → ask: What got in the way of coming?"),
        "a question where the lens cannot know who is meant: {printed}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
}

#[test]
fn forget_also_clears_the_title_from_the_listing_cache() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = stdout(&convene(
        dir.path(),
        &["new", "fgc", "Conference for the Smith children"],
    ))
    .lines()
    .next()
    .expect("id")
    .to_owned();
    // A file is cached once it has stood unchanged for two seconds.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    convene(dir.path(), &["list"]);
    let cache = dir.path().join(convene::store::CACHE_FILE);
    assert!(
        std::fs::read_to_string(&cache)
            .expect("cache")
            .contains("Smith")
    );
    assert!(
        convene(dir.path(), &["forget", &id, "--yes"])
            .status
            .success()
    );
    assert!(
        !std::fs::read_to_string(&cache)
            .unwrap_or_default()
            .contains("Smith")
    );
}

#[test]
fn numbers_out_of_range_are_usage_errors_said_plainly_never_a_panic() {
    let dir = examples_copy();
    for args in [
        &["due", "--within", "3000000"][..],
        &["list", "--due-within", "4294967295"],
        &["list", "--due-within", "4294967296"],
        &["list", "--json", "--due-within", "3651"],
        &["--review-weeks", "4294967295", "list"],
        &["due", "--within=-1"],
    ] {
        let out = convene(dir.path(), args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.contains("choose a whole number"), "{args:?}: {err}");
    }
    let out = convene(dir.path(), &["due", "--within", "3650"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = convene(dir.path(), &["list", "--due-within", "3650"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// Escape sequences: clear the screen, set the window title, write to the clipboard
/// (OSC 52), a C1 CSI, a right-to-left override and isolate.
const BAD: &str =
    "\u{1b}[2J\u{1b}]0;owned\u{7}\u{1b}]52;c;ZWNobyBvd25lZA==\u{7}\u{9b}31m\u{202e}\u{2066}";

/// A session file written by hand with [`BAD`] in every field a command prints; its id
/// (which then may not be a valid id) too when `bad_id`.
fn crafted_session(dir: &Path, name: &str, bad_id: bool) {
    let bad = BAD;
    let id = if bad_id {
        format!("{name}{bad}")
    } else {
        name.to_owned()
    };
    let text = format!(
        r#"#![enable(unwrap_variant_newtypes)]
(
  format: 1,
  id: "{id}",
  title: "Harbour{bad}",
  framework: "appreciative-inquiry{bad}",
  created: "2026-11-12T09:30:00Z",
  updated: "2026-11-12T15:30:00Z",
  stage: "destiny{bad}",
  next_record: 3,
  records: [
    (
      id: 1,
      stage: "destiny{bad}",
      created: "2026-11-12T09:40:00Z",
      body: Agreement(
        action: "Call{bad} the school",
        owner: "Priya{bad}",
        due: Some("2026-11-20"),
      ),
    ),
  ],
)
"#
    );
    std::fs::write(dir.join(format!("{name}.ron")), text).expect("write");
}

/// Whether text holds anything a terminal would act on.
fn raw(text: &str) -> Option<char> {
    text.chars().find(|c| {
        (c.is_control() && !matches!(c, '\n' | '\r'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn escapes_in_any_field_of_a_session_file_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    crafted_session(dir.path(), "crafted1", false);
    crafted_session(dir.path(), "crafted2", true);
    let out_file = tempfile::tempdir().expect("temp dir");
    let md = out_file.path().join("crafted.md");
    let ics = out_file.path().join("crafted.ics");
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["show", "crafted1"],
        &["show", "crafted1", "--json"],
        &["check"],
        &["due", "--within", "3650"],
        &["due", "--json"],
        &["show", "crafted2"],
        &["show", "crafted2", "--json"],
        &["export", "crafted2", "--format", "ics"],
        &["export", "crafted1", "--format", "md"],
        &["export", "crafted1", "--format", "ics"],
        &["export", "crafted1", "--format", "csv"],
        &["export", "crafted1", "--format", "html"],
        &[
            "export",
            "crafted1",
            "--format",
            "md",
            "-o",
            md.to_str().expect("utf-8"),
        ],
        &[
            "export",
            "crafted1",
            "--format",
            "ics",
            "-o",
            ics.to_str().expect("utf-8"),
        ],
        &["report"],
        &["report", "--format", "csv"],
        &["report", "--format", "json"],
    ] {
        let out = convene(dir.path(), args);
        assert_ne!(out.status.code(), Some(101), "{args:?} panicked");
        for (name, text) in [("stdout", stdout(&out)), ("stderr", stderr(&out))] {
            assert_eq!(raw(&text), None, "{args:?} {name}: {text:?}");
        }
    }
    for file in [md, ics] {
        let text = std::fs::read_to_string(&file).expect("exported");
        assert_eq!(raw(&text), None, "{}: {text:?}", file.display());
    }
    // The words around the escapes stay, and scripts get the text exactly as stored.
    assert!(stdout(&convene(dir.path(), &["show", "crafted1"])).contains("Harbour"));
    assert!(stdout(&convene(dir.path(), &["list"])).contains("Harbour"));
    let json = stdout(&convene(dir.path(), &["show", "crafted1", "--json"]));
    let session: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(
        session["title"].as_str(),
        Some(format!("Harbour{BAD}").as_str())
    );
    assert_eq!(
        session["stage"].as_str(),
        Some(format!("destiny{BAD}").as_str())
    );
}

#[test]
fn escapes_in_file_names_and_errors_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir
        .path()
        .join("sessions\u{1b}]0;owned\u{7}\u{9b}2J\u{202e}");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::write(folder.join("bad1.ron"), "(format: 1, id: \"\u{1b}[2J").expect("write");
    let outside = folder.join("elsewhere\u{1b}[2J.ron");
    std::fs::write(&outside, "(format: 1, \u{9b}2J").expect("write");
    for args in [
        &["list"][..],
        &["show", "bad1"],
        &["export", "bad1"],
        &["check"],
        &["check", outside.to_str().expect("utf-8")],
        &["due"],
        &["report"],
        &["show", "no\u{1b}[2Jsuch"],
        &["list", "--framework", "\u{1b}]0;x\u{7}"],
        &["due", "--within", "\u{1b}]52;c;eA==\u{7}\u{9b}2J"],
    ] {
        let out = convene(&folder, args);
        assert_ne!(out.status.code(), Some(101), "{args:?} panicked");
        for (name, text) in [("stdout", stdout(&out)), ("stderr", stderr(&out))] {
            assert_eq!(raw(&text), None, "{args:?} {name}: {text:?}");
        }
    }
}

#[test]
fn lint_reads_the_key_facts_the_outcome_every_field_and_check_ins_and_says_where() {
    use convene::model::*;
    let dir = tempfile::tempdir().expect("temp dir");
    let now = crate::harness::START;
    let mut s = Session::new(
        SessionId::parse("lint1").expect("id"),
        "Conference for K.",
        "family-group-conference",
        "agreement",
        now,
    );
    s.conference = Some(Conference {
        reasons: "Going missing is a lifestyle choice for K.".into(),
        decision_reasons: "Dad refused to come.".into(),
        ..Conference::default()
    });
    s.add(
        "planning",
        RecordBody::Participant(Participant {
            name: "Sam".into(),
            needs: Needs {
                safety: Some("Sam is hard to reach.".into()),
                ..Needs::default()
            },
            ..Participant::default()
        }),
        now,
    );
    s.add(
        "agreement",
        RecordBody::PlanItem(PlanItem {
            text: "K. walks to school with Gran.".into(),
            checkins: vec![CheckIn {
                date: time::macros::date!(2027 - 01 - 20),
                status: Status::InProgress,
                by: "Gran".into(),
                note: "The placement is going well.".into(),
            }],
            ..PlanItem::default()
        }),
        now,
    );
    convene::store::Store::open(dir.path())
        .expect("store")
        .create(&s)
        .expect("saved");
    let out = convene(dir.path(), &["lint", "lint1"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let printed = stdout(&out);
    for line in [
        "key facts: why we are meeting: “a lifestyle choice” → “exploitation” [blames the child]",
        "outcome: why: “refused to”",
        "#1 (Planning) Sam's safety: “hard to reach”",
        "#2 (Agreement) check-in: “placement” → “home”",
    ] {
        assert!(printed.contains(line), "{line}\n{printed}");
    }
    assert!(!printed.contains("build people up"), "{printed}");
}

#[test]
fn report_per_conference_gives_one_csv_row_per_conference_for_the_returns() {
    use convene::model::*;
    use time::macros::date;
    let dir = tempfile::tempdir().expect("temp dir");
    let store = convene::store::Store::open(dir.path()).expect("store");
    let now = crate::harness::START;
    let mut s = Session::new(
        SessionId::parse("ret1").expect("id"),
        "Conference for K.",
        "family-group-conference",
        "review",
        now,
    );
    let review = |date, due, family, lives| Rating {
        date,
        family: Some(family),
        professionals: Some(6),
        due: Some(due),
        child_lives: lives,
    };
    s.conference = Some(Conference {
        referral_date: Some(date!(2026 - 09 - 01)),
        // A value a spreadsheet would run as a formula is written as text.
        referrer_role: Some("=HYPERLINK(\"x\")".into()),
        reason_category: Some("child in need".into()),
        date: Some(date!(2026 - 10 - 01)),
        decision: Some(Decision::AgreedWithChanges),
        ratings: vec![
            review(date!(2026 - 12 - 20), date!(2026 - 12 - 24), 5, None),
            // The second review was held a week after its date.
            review(
                date!(2027 - 03 - 31),
                date!(2027 - 03 - 24),
                8,
                Some(Home::WiderFamily),
            ),
        ],
        closed: Some(convene::model::Closure {
            date: date!(2027 - 04 - 01),
            reason: convene::model::ClosureReason::PlanWorking,
        }),
        ..Conference::default()
    });
    for status in [Status::Done, Status::InProgress, Status::Done] {
        s.add(
            "agreement",
            RecordBody::PlanItem(PlanItem {
                text: "A step".into(),
                status,
                ..PlanItem::default()
            }),
            now,
        );
    }
    store.create(&s).expect("saved");
    let workshop = Session::new(
        SessionId::parse("ws1").expect("id"),
        "Harbour day",
        "appreciative-inquiry",
        "define",
        now,
    );
    store.create(&workshop).expect("saved");

    let out = convene(
        dir.path(),
        &["report", "--per-conference", "--format", "csv", "--no-bom"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = stdout(&out);
    // Like every CSV convene writes, the returns start with the byte-order mark (so a
    // spreadsheet reads accents), unless a script asks for none; the rows are the same.
    let marked = stdout(&convene(
        dir.path(),
        &["report", "--per-conference", "--format", "csv"],
    ));
    assert_eq!(marked.strip_prefix('\u{feff}'), Some(printed.as_str()));
    let figures = stdout(&convene(dir.path(), &["report", "--format", "csv"]));
    assert!(
        figures.starts_with("\u{feff}section,figure,value"),
        "{figures}"
    );
    let plain = stdout(&convene(
        dir.path(),
        &["report", "--format", "csv", "--no-bom"],
    ));
    assert_eq!(figures.strip_prefix('\u{feff}'), Some(plain.as_str()));
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(
        lines,
        [
            "session,referral_date,referrer_role,reason,conference_date,decision,\
             plan_items_agreed,plan_items_done,reviews_held,reviews_on_time,\
             family_rating_latest,professionals_rating_latest,closed_date,closed_reason,\
             child_lives",
            "ret1,2026-09-01,\"'=HYPERLINK(\"\"x\"\")\",child in need,2026-10-01,\
             agreed with changes,3,2,2,1,8,6,2027-04-01,\
             \"plan working; the family asked to close\",with wider family",
        ],
        "one row for the conference, none for the workshop"
    );
    let out = convene(dir.path(), &["report", "--per-conference"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("--format csv"), "{}", stderr(&out));
}

#[test]
fn a_failed_write_is_said_in_plain_words_never_the_system_s_own() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = convene(dir.path(), &["new", "ai", "Harbour day"]);
    let id = stdout(&out).lines().next().expect("id").to_owned();
    let elsewhere = tempfile::tempdir().expect("another folder");
    let missing = elsewhere.path().join("no-such-folder").join("day.md");
    let out = convene(
        dir.path(),
        &["export", &id, "-o", missing.to_str().expect("path")],
    );
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("it is not there"), "{said}");
    assert!(
        !said.contains("os error") && !said.contains("No such file"),
        "{said}"
    );
}

#[test]
fn the_colours_option_is_never_mistaken_for_a_record_s_theme() {
    let dir = tempfile::tempdir().expect("temp dir");
    let help = stdout(&convene(dir.path(), &["import", "--help"]));
    assert!(help.contains("--colours <NAME>"), "{help}");
    assert!(!help.contains("--theme <NAME>"), "{help}");
    // The old name still works for a while, hidden.
    let out = convene(dir.path(), &["--theme", "light", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = convene(dir.path(), &["--colours", "neon", "list"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn line_and_paragraph_separators_are_escaped_in_json_and_never_printed_raw() {
    use convene::model::{Session, SessionId};
    let dir = tempfile::tempdir().expect("temp dir");
    // Written by another program: the title holds U+2028 and U+2029.
    let made = time::macros::datetime!(2026-11-25 09:00 UTC);
    let mut session = Session::new(
        SessionId::parse("sep12345").expect("id"),
        "Harbour\u{2028}day\u{2029}one",
        "appreciative-inquiry",
        "destiny",
        made,
    );
    session.add(
        "destiny",
        convene::model::RecordBody::Agreement(convene::model::Agreement {
            action: "Ring\u{2028}the youth hub".into(),
            owner: "Sam".into(),
            due: Some(made.date()),
            ..Default::default()
        }),
        made,
    );
    convene::store::Store::open(dir.path())
        .expect("store")
        .create(&session)
        .expect("create");
    // As the manual says: `list --json` and `due --json` give the cleaned text people see;
    // `show --json` the text as stored, these characters as escapes.
    for (args, stored) in [
        (&["list", "--json"][..], false),
        (&["show", "sep12345", "--json"][..], true),
        (&["due", "--within", "3650", "--json"][..], false),
    ] {
        let json = stdout(&convene(dir.path(), args));
        assert!(
            !json.contains('\u{2028}') && !json.contains('\u{2029}'),
            "{args:?}: {json:?}"
        );
        assert_eq!(json.contains("\\u2028"), stored, "{args:?}: {json}");
        serde_json::from_str::<serde_json::Value>(&json).expect("JSON");
    }
    for args in [
        &["list"][..],
        &["show", "sep12345"][..],
        &["due", "--within", "3650"][..],
    ] {
        let text = stdout(&convene(dir.path(), args));
        assert!(text.contains("Harbour"), "{text}");
        assert!(
            !text.contains('\u{2028}') && !text.contains('\u{2029}'),
            "{args:?}: {text:?}"
        );
    }
}

/// `show` marks a commitment still open after its date, as of the day it is run.
#[test]
fn show_marks_an_agreement_past_its_date() {
    let show_on = |day: &str| {
        let out = crate::harness::convene()
            .arg("--dir")
            .arg(examples())
            .args(["show", "k7q2m9xa"])
            .env_remove("CONVENE_DIR")
            .env("CONVENE_TEST_NOW", day)
            .output()
            .expect("the binary runs");
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let late = show_on("2027-02-01T09:00:00Z");
    let line = |shown: &str, id: &str| {
        shown
            .lines()
            .find(|l| l.trim_start().starts_with(id))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(
        line(&late, "#20 ").ends_with("! overdue since 2027-01-29"),
        "{late}"
    );
    assert!(
        !line(&late, "#19 ").contains("overdue"),
        "not due yet: {late}"
    );
    let early = show_on("2026-11-20T09:00:00Z");
    assert!(!early.contains("overdue"), "{early}");
}

/// A follow-up day's `show` says once where its carried records came from, and on each
/// record only which one it was there.
#[test]
fn show_says_once_where_carried_records_came_from() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        examples().join("k7q2m9xa.ron"),
        dir.path().join("k7q2m9xa.ron"),
    )
    .expect("copy");
    let out = convene(
        dir.path(),
        &["new", "ai", "Six months on", "--from", "k7q2m9xa"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    let id = said.lines().next().expect("id").trim().to_owned();
    let shown = stdout(&convene(dir.path(), &["show", &id]));
    let origin = "(k7q2m9xa)";
    assert_eq!(shown.matches(origin).count(), 1, "{shown}");
    assert!(shown.contains("came from “Harbourside"), "{shown}");
    assert!(
        shown.contains("came from: #"),
        "each says which it was: {shown}"
    );
}
