//! Speed you can measure: each figure is a ratio against a floor measured in the same run,
//! interleaved run by run so the machine's noise falls on both alike.
//!
//! `cargo bench` runs them all and prints a table; `CONVENE_BENCH_QUICK=1 cargo bench`
//! runs fewer rounds.

use convene::app::{self, App, Msg, Screen, SessionView};
use convene::framework::Frameworks;
use convene::generate::workshop;
use convene::store::{Fingerprint, Loaded, Store, load_path, to_text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::Paragraph;
use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};
use time::UtcOffset;

/// Median of the samples.
fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Runs floor and subject alternately `rounds` times; returns the two medians.
fn compare(
    rounds: usize,
    mut floor: impl FnMut(),
    mut subject: impl FnMut(),
) -> (Duration, Duration) {
    let (mut f, mut s) = (Vec::with_capacity(rounds), Vec::with_capacity(rounds));
    for _ in 0..3 {
        floor();
        subject();
    }
    for _ in 0..rounds {
        let t = Instant::now();
        floor();
        f.push(t.elapsed());
        let t = Instant::now();
        subject();
        s.push(t.elapsed());
    }
    (median(f), median(s))
}

fn report(figure: &str, floor: &str, goal: f64, (f, s): (Duration, Duration)) -> bool {
    let ratio = s.as_secs_f64() / f.as_secs_f64().max(1e-9);
    let met = ratio <= goal;
    println!(
        "{figure:<58} {:>10.1?} {:>10.1?} {ratio:>7.2}x  goal <= {goal}x  {}   (floor: {floor})",
        f,
        s,
        if met { "met" } else { "NOT MET" }
    );
    met
}

fn app_with(records: usize, dir: &std::path::Path) -> App {
    let session = workshop(&format!("bench{records}"), records, 7);
    let text = to_text(&session).expect("text");
    app_for(Loaded {
        session,
        path: dir.join(format!("bench{records}.ron")),
        fingerprint: Fingerprint::of(text.as_bytes()),
        read_only: None,
        inner_id: None,
        loose: None,
    })
}

/// The app with the session open in its discovery stage, as if the user had opened it.
fn app_for(mut loaded: Loaded) -> App {
    let frameworks = Frameworks::embedded();
    let framework = frameworks.get("ai").cloned().expect("AI");
    let dir = loaded.path.parent().expect("folder").to_owned();
    let (mut app, _) = App::new(frameworks, UtcOffset::UTC, dir, convene::clock::now());
    loaded.session.stage = "discovery".into();
    app.screen = Screen::Session(Box::new(SessionView::new(loaded, framework)));
    app
}

/// The memory figure: a 10,000-record session opened in a process of its own, then edited
/// 500 times through the app's keys. Goal: memory after the edits ≤ 1.5× after opening.
const UNDO_MEMORY: &str = "memory after 500 edits, 10,000 records (undo)";

fn undo_memory(dir: &std::path::Path) -> bool {
    let store = Store::open(dir.join("undo")).expect("store");
    let path = store
        .create(&workshop("undo10k", 10_000, 11))
        .expect("create")
        .path;
    let exe = std::env::current_exe().expect("this benchmark");
    let out = std::process::Command::new(exe)
        .arg("--edits-of")
        .arg(&path)
        .output()
        .expect("runs");
    let words = String::from_utf8_lossy(&out.stdout).to_string();
    let figures: Vec<f64> = words
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    let [opened, edited, per_edit] = figures[..] else {
        println!(
            "{UNDO_MEMORY:<58} not measured: {words} {}",
            String::from_utf8_lossy(&out.stderr)
        );
        return false;
    };
    let ratio = edited / opened;
    let met = ratio <= 1.5;
    println!(
        "{UNDO_MEMORY:<58} {:>6.1} MiB {:>6.1} MiB {ratio:>7.2}x  goal <= 1.5x  {}   (floor: memory after opening it)",
        opened / 1024.0,
        edited / 1024.0,
        if met { "met" } else { "NOT MET" }
    );
    println!(
        "{:<58} {per_edit:>10.2} ms  (no goal: the whole change, undo step included)",
        "  each edit: open the record, type, Enter"
    );
    met
}

/// In the child process: open the session, draw it, note the memory; make 500 edits
/// (e, type a letter, Enter, j to the next record), draw, note the memory again.
/// Prints the two resident sizes in KiB and the milliseconds per edit.
fn edits_of(file: &std::path::Path) {
    let mut app = app_for(load_path(file).expect("load"));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| convene::ui::draw(&app, f)).expect("draw");
    let opened = resident_kib();
    let t = Instant::now();
    for _ in 0..500 {
        for msg in [key('e'), key('x'), enter(), key('j')] {
            app::update(&mut app, msg);
        }
    }
    let per_edit = t.elapsed().as_secs_f64() * 1000.0 / 500.0;
    terminal.draw(|f| convene::ui::draw(&app, f)).expect("draw");
    let edited = resident_kib();
    let Screen::Session(view) = &app.screen else {
        panic!("the session is open")
    };
    assert_eq!(view.history.undo_len(), 500, "500 edits were made");
    println!("{opened} {edited} {per_edit}");
}

/// This process's resident memory in KiB (VmRSS).
fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// The figures of a service's five years: 2,000 sessions in the folder.
const SCALE: [&str; 3] = [
    "dashboard first frame, 2,000 sessions in the folder",
    "`convene due` over 2,000 sessions (the program)",
    "`convene report` over 2,000 sessions (the program)",
];

/// A folder of 2,000 sessions, half conferences (the example conference under other ids)
/// and half workshops; the dashboard's first frame against a bare ratatui frame, and the
/// `due` and `report` programs against `cat` of the same files. The caches are built by a
/// first run, as any earlier use of the folder leaves them.
fn scale(dir: &std::path::Path, rounds: usize) -> bool {
    let folder = dir.join("two-thousand");
    let store = Store::open(&folder).expect("store");
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/p3f8h2kd.ron");
    let conference = load_path(&example).expect("the example conference").session;
    for i in 0..2000u64 {
        let id = format!("s{i:04}");
        let session = if i % 2 == 0 {
            let mut c = conference.clone();
            c.id = convene::model::SessionId::parse(&id).expect("id");
            c.title = format!("Conference for child {i}");
            c
        } else {
            workshop(&id, 20, i)
        };
        store.create(&session).expect("create");
    }
    let files = store.files().expect("files");
    // The caches keep a file once it has stood unchanged for two seconds.
    std::thread::sleep(Duration::from_millis(2100));
    let frameworks = Frameworks::embedded();
    let mut met = report(
        SCALE[0],
        "a minimal ratatui app's first frame",
        2.0,
        compare(rounds, bare_frame, || first_frame(&frameworks, &folder)),
    );
    let cat = || {
        let status = std::process::Command::new("cat")
            .args(&files)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("cat runs");
        assert!(status.success());
    };
    for (name, args) in [
        (SCALE[1], &["due", "--within", "7"][..]),
        (SCALE[2], &["report"][..]),
    ] {
        let convene = || {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_convene"))
                .args(args)
                .arg("--dir")
                .arg(&folder)
                .env("CONVENE_CONFIG", dir.join("no-config.ron"))
                .env("CONVENE_FRAMEWORKS", dir.join("no-frameworks"))
                .stderr(std::process::Stdio::null())
                .output()
                .expect("convene runs");
            assert!(out.status.success() && !out.stdout.is_empty());
        };
        met &= report(
            name,
            "`cat` of the same files",
            3.0,
            compare(rounds.min(31), cat, convene),
        );
        // The same program with no cache: every file read and parsed, as before the cache.
        let uncached = || {
            for cache in [".summaries-due.ron", ".summaries-report.ron"] {
                let _ = std::fs::remove_file(folder.join(cache));
            }
            convene();
        };
        let (f, s) = compare(rounds.min(7), cat, uncached);
        println!(
            "{:<58} {:>10.1?} {:>10.1?} {:>7.2}x  (no goal: with no cache, every file parsed)",
            "  the same, the cache removed before each run",
            f,
            s,
            s.as_secs_f64() / f.as_secs_f64()
        );
    }
    met
}

/// The figures that show how `check` and `import` grow: each at 2,500 and at 10,000.
const GROWTH: [&str; 4] = [
    "`convene check` of a 2,500-record session (the program)",
    "`convene check` of a 10,000-record session (the program)",
    "`convene import` of 2,500 rows (the program)",
    "`convene import` of 10,000 rows (the program)",
];

/// `convene check FILE` against `convene show ID` of the same file (both the program, a
/// process each time), and `import`'s reading of a CSV file (the bytes read, the answers
/// and their spreadsheet rows) against reading the file's bytes. Both at 2,500 and 10,000,
/// with the same goal, so a cost that grows faster than the size shows as a ratio that
/// grows.
fn growth(dir: &std::path::Path, rounds: usize) -> bool {
    let store = Store::open(dir.join("growth")).expect("store");
    let mut met = true;
    for (at, records) in [(0, 2_500usize), (1, 10_000)] {
        let session = workshop(&format!("grow{records}"), records, 5);
        let path = store.create(&session).expect("create").path;
        let run = |args: &[&str]| {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_convene"))
                .args(args)
                .arg("--dir")
                .arg(store.dir())
                .env("CONVENE_CONFIG", dir.join("no-config.ron"))
                .env("CONVENE_FRAMEWORKS", dir.join("no-frameworks"))
                .stderr(std::process::Stdio::null())
                .output()
                .expect("convene runs");
            assert!(!out.stdout.is_empty(), "{args:?}");
        };
        let id = session.id.to_string();
        let file = path.display().to_string();
        met &= report(
            GROWTH[at],
            "`convene show` of the same file",
            3.0,
            compare(
                rounds.min(15),
                || run(&["show", &id]),
                || run(&["check", &file]),
            ),
        );
    }
    for (at, rows) in [(2, 2_500usize), (3, 10_000)] {
        let csv = dir.join(format!("answers{rows}.csv"));
        std::fs::write(&csv, answers_csv(rows)).expect("write");
        let csv_arg = csv.display().to_string();
        // A new session each time: the import adds every row to it in one save.
        let session = store
            .create(&workshop(&format!("imp{rows}"), 0, 9))
            .expect("create");
        let pristine = std::fs::read(&session.path).expect("read");
        let id = session.session.id.to_string();
        let cat = || {
            let out = std::process::Command::new("cat")
                .arg(&csv)
                .output()
                .expect("cat runs");
            assert!(out.status.success());
            black_box(out.stdout);
        };
        let import = || {
            std::fs::write(&session.path, &pristine).expect("a new session");
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_convene"))
                .args(["import", &id, &csv_arg, "--stage", "discovery"])
                .args(["--column", "answer", "--dir"])
                .arg(store.dir())
                .env("CONVENE_CONFIG", dir.join("no-config.ron"))
                .env("CONVENE_FRAMEWORKS", dir.join("no-frameworks"))
                .output()
                .expect("convene runs");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        met &= report(
            GROWTH[at],
            "`cat` of the same file",
            20.0,
            compare(rounds.min(15), cat, import),
        );
        // Its reading alone, in this process: the file's bytes to answers with their rows.
        let (f, s) = compare(
            rounds,
            || {
                black_box(std::fs::read(&csv).expect("read"));
            },
            || {
                let bytes = std::fs::read(&csv).expect("read");
                let read = convene::import::read_answers(&bytes, Some("answer"));
                assert_eq!(read.expect("reads").answers.len(), rows);
            },
        );
        println!(
            "{:<58} {:>10.1?} {:>10.1?} {:>7.2}x  (no goal: against reading the bytes alone)",
            "  its reading alone (file -> answers and rows)",
            f,
            s,
            s.as_secs_f64() / f.as_secs_f64()
        );
    }
    met
}

/// A survey's CSV: an age and an answer per row, some answers quoted with commas, quotes
/// and line breaks in them, Windows line ends.
fn answers_csv(rows: usize) -> String {
    let mut text = String::from("age,answer\r\n");
    for i in 0..rows {
        let answer = match i % 4 {
            0 => format!("My nan is there for me, every weekend ({i})"),
            1 => format!("\"When school listens, I feel \"\"heard\"\", really ({i})\""),
            2 => format!("\"Football on Saturdays,\r\nand my mates\r\nat the club ({i})\""),
            _ => format!("Having my own room {i}"),
        };
        let answer = if answer.starts_with('"') {
            answer
        } else if answer.contains('"') || answer.contains(',') {
            format!("\"{}\"", answer.replace('"', "\"\""))
        } else {
            answer
        };
        text.push_str(&format!("{},{answer}\r\n", 10 + i % 8));
    }
    text
}

/// A minimal ratatui app's first frame: the floor for the dashboard's.
fn bare_frame() {
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    t.draw(|f| f.render_widget(Paragraph::new("convene"), f.area()))
        .expect("draw");
    black_box(t);
}

/// What the app does before its first frame: build the state, then draw. The folder is
/// read after the frame, off the input path.
fn first_frame(frameworks: &Frameworks, folder: &std::path::Path) {
    let (app, effects) = App::new(
        frameworks.clone(),
        UtcOffset::UTC,
        folder.to_owned(),
        convene::clock::now(),
    );
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    t.draw(|f| convene::ui::draw(&app, f)).expect("draw");
    black_box((t, effects));
}

fn enter() -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = args.iter().position(|a| a == "--edits-of") {
        return edits_of(std::path::Path::new(&args[at + 1]));
    }
    // `cargo bench --bench perf -- memory` runs only the figures whose name holds the word.
    let filter = args.iter().find(|a| !a.starts_with("--"));
    let rounds = if std::env::var("CONVENE_BENCH_QUICK").is_ok() {
        15
    } else {
        61
    };
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "{:<58} {:>10} {:>10} {:>8}",
        "figure", "floor", "subject", "ratio"
    );
    let mut all_met = true;

    if filter.is_none_or(|f| UNDO_MEMORY.contains(f.as_str())) {
        all_met &= undo_memory(dir.path());
    }
    if filter.is_none_or(|f| SCALE.iter().any(|name| name.contains(f.as_str()))) {
        all_met &= scale(dir.path(), rounds);
    }
    // `-- growth` runs the four together.
    if filter.is_none_or(|f| f == "growth" || GROWTH.iter().any(|name| name.contains(f.as_str()))) {
        all_met &= growth(dir.path(), rounds);
    }
    if filter.is_some() {
        return verdict(all_met);
    }

    // 1. Redraw of the session screen: 10,000 records against 10.
    let small = app_with(10, dir.path());
    let large = app_with(10_000, dir.path());
    let mut t1 = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut t2 = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    all_met &= report(
        "redraw of the session screen, 10,000 records",
        "same screen, 10 records",
        1.5,
        compare(
            rounds,
            || {
                t1.draw(|f| convene::ui::draw(&small, f)).expect("draw");
            },
            || {
                t2.draw(|f| convene::ui::draw(&large, f)).expect("draw");
            },
        ),
    );

    // 2. Dashboard first frame with 1,000 sessions in the folder.
    let folder = dir.path().join("thousand");
    let store = Store::open(&folder).expect("store");
    for i in 0..1000 {
        store
            .create(&workshop(&format!("s{i:04}"), 20, i))
            .expect("create");
    }
    let frameworks = Frameworks::embedded();
    all_met &= report(
        "dashboard first frame, 1,000 sessions in the folder",
        "a minimal ratatui app's first frame",
        2.0,
        compare(rounds, bare_frame, || first_frame(&frameworks, &folder)),
    );

    // 3. Atomic save of a 10,000-record session: the store's disk path (the check that the
    // file is unchanged, the backup, temp file, fsync, rename, fsync of the folder) for the
    // bytes of the session, against writing the same bytes plainly. Making the bytes
    // (serialising) happens off the input path, on the worker; it is reported below.
    let big = workshop("big1", 10_000, 3);
    let save_store = Store::open(dir.path().join("save")).expect("store");
    let first = save_store.create(&big).expect("create");
    let mut fingerprint = first.fingerprint;
    let text = to_text(&big).expect("text");
    let bytes = text.clone().into_bytes();
    let raw_target = save_store.dir().join("raw.bin");
    let raw = || {
        let tmp = save_store.dir().join("raw.tmp");
        let mut f = std::fs::File::create(&tmp).expect("create");
        f.write_all(&bytes).expect("write");
        f.sync_all().expect("sync");
        std::fs::rename(&tmp, &raw_target).expect("rename");
    };
    all_met &= report(
        "atomic save of a 10,000-record session (the disk path)",
        "raw write + fsync + rename of the same bytes",
        1.5,
        compare(rounds.min(31), raw, || {
            fingerprint = save_store
                .save_text(&first.path, &text, fingerprint)
                .expect("save");
        }),
    );
    let (f, s) = compare(rounds.min(15), raw, || {
        fingerprint = save_store
            .save(&first.path, &big, fingerprint)
            .expect("save");
    });
    println!(
        "{:<58} {:>10.1?} {:>10.1?} {:>7.2}x  (no goal: serialising 10,000 records is in it)",
        "  the whole save, serialising included",
        f,
        s,
        s.as_secs_f64() / f.as_secs_f64()
    );

    // 4. Load of a 10,000-record session.
    let path = save_store.path_of(&big.id);
    all_met &= report(
        "load of a 10,000-record session",
        "reading the same bytes",
        20.0,
        compare(
            rounds,
            || {
                black_box(std::fs::read(&path).expect("read"));
            },
            || {
                black_box(load_path(&path).expect("load"));
            },
        ),
    );

    // 5. `convene list` over 1,000 sessions.
    let files = store.files().expect("files");
    let _ = convene::cli::list_lines(&folder, &frameworks, UtcOffset::UTC); // the first run builds the summary cache
    all_met &= report(
        "`convene list` over 1,000 sessions",
        "reading the same files",
        3.0,
        compare(
            rounds.min(31),
            || {
                for file in &files {
                    black_box(std::fs::read(file).expect("read"));
                }
            },
            || {
                black_box(
                    convene::cli::list_lines(&folder, &frameworks, UtcOffset::UTC).expect("list"),
                );
            },
        ),
    );

    // 6. Keystroke to frame while editing, 10,000 records against 10.
    let mut small = app_with(10, dir.path());
    let mut large = app_with(10_000, dir.path());
    app::update(&mut small, key('a'));
    app::update(&mut large, key('a'));
    all_met &= report(
        "keystroke -> frame while editing, 10,000 records",
        "same with 10 records",
        1.5,
        compare(
            rounds,
            || {
                app::update(&mut small, key('x'));
                t1.draw(|f| convene::ui::draw(&small, f)).expect("draw");
            },
            || {
                app::update(&mut large, key('x'));
                t2.draw(|f| convene::ui::draw(&large, f)).expect("draw");
            },
        ),
    );

    // Peak memory with a 10,000-record session, in a process of its own.
    let exe = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/convene");
    if exe.exists() {
        let out = std::process::Command::new(&exe)
            .args(["peak-memory"])
            .arg(&path)
            .output()
            .expect("runs");
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!(
            "peak memory with a 10,000-record session open and drawn: {} (file: {:.1} MiB)",
            String::from_utf8_lossy(&out.stdout).trim(),
            size as f64 / 1048576.0
        );
    }
    verdict(all_met);
}

fn verdict(all_met: bool) {
    println!(
        "{}",
        if all_met {
            "every goal met"
        } else {
            "some goals not met (see above)"
        }
    );
}
