//! The room's screen keeps up: words saved by the facilitator appear on `convene present`
//! in another process (median over 50 captures, as a ratio to the save's own time), and an
//! idle follower's CPU over 60 seconds, read from `/proc/PID/stat`.
//!
//! `cargo bench --bench live` (about 90 seconds); `CONVENE_BENCH_QUICK=1` for 10 captures
//! and 10 idle seconds. Linux only (the CPU figure reads `/proc`).

use convene::model::{Note, RecordBody};
use convene::store::Store;
use expectrl::Session;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// The real binary with a home of its own under a temp folder, never the user's.
fn convene(home: &Path) -> std::process::Command {
    let config = home.join(".config");
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_convene"));
    command
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", &config)
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("CONVENE_CONFIG", config.join("convene/config.ron"))
        .env("CONVENE_FRAMEWORKS", config.join("convene/frameworks"))
        .env("TERM", "xterm-256color")
        .env_remove("CONVENE_THEME")
        .env_remove("NO_COLOR");
    command
}

/// The room's screen, and what it shows.
struct Room {
    session: expectrl::session::OsSession,
    screen: vt100::Parser,
}

impl Room {
    fn pump(&mut self) {
        let mut buf = [0u8; 8192];
        while let Ok(n) = self.session.try_read(&mut buf) {
            if n == 0 {
                break;
            }
            self.screen.process(&buf[..n]);
        }
    }

    /// Waits until the screen shows `text`; returns when it was seen.
    fn wait_for(&mut self, text: &str) -> Instant {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            self.pump();
            if self.screen.screen().contents().contains(text) {
                return Instant::now();
            }
            assert!(
                Instant::now() < deadline,
                "the room's screen never showed {text:?}:\n{}",
                self.screen.screen().contents()
            );
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// CPU seconds (user and system) the process has used so far.
    fn cpu_seconds(&self) -> f64 {
        let pid = self.session.get_process().pid().as_raw();
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc/PID/stat");
        // Fields after the command's name, which is in parentheses and may hold spaces.
        let rest = &stat[stat.rfind(')').expect("stat") + 2..];
        let fields: Vec<&str> = rest.split_whitespace().collect();
        // utime and stime are fields 14 and 15 of the whole line: 11 and 12 here.
        let ticks: u64 =
            fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime");
        ticks as f64 / clock_ticks()
    }
}

fn clock_ticks() -> f64 {
    // The kernel reports CPU time in clock ticks; `getconf CLK_TCK` says how many a second.
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let quick = std::env::var_os("CONVENE_BENCH_QUICK").is_some();
    let (captures, idle) = if quick { (10, 10) } else { (50, 60) };
    let home = tempfile::tempdir().expect("temp home");
    let dir = home.path().join("sessions");
    let out = convene(home.path())
        .args(["new", "ai", "Bench day", "--dir"])
        .arg(&dir)
        .output()
        .expect("convene new");
    assert!(out.status.success(), "{out:?}");
    let id = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .expect("id")
        .to_owned();

    let mut command = convene(home.path());
    command.args(["present", &id]).env("CONVENE_DIR", &dir);
    let mut room = Room {
        session: Session::spawn(command).expect("spawn in a pty"),
        screen: vt100::Parser::new(24, 80, 0),
    };
    room.wait_for("The room's words will appear here.");

    // The facilitator's saves, through the same store the app saves with.
    let store = Store::open(&dir).expect("store");
    let path = dir.join(format!("{id}.ron"));
    let mut loaded = convene::store::load_path(&path).expect("load");
    let (mut saves, mut seen) = (Vec::new(), Vec::new());
    for i in 0..captures {
        let words = format!("Capture {i} from the room");
        let stage = loaded.session.stage.clone();
        loaded.session.add(
            &stage,
            RecordBody::Note(Note {
                text: words.clone(),
            }),
            convene::clock::now(),
        );
        let start = Instant::now();
        loaded.fingerprint = store
            .save(&path, &loaded.session, loaded.fingerprint)
            .expect("save");
        saves.push(start.elapsed());
        seen.push(room.wait_for(&words) - start);
        // Captures come at any moment, not in step with the screen's clock.
        std::thread::sleep(Duration::from_millis(150 + (i as u64 * 37) % 250));
    }
    let (save, shown) = (median(saves), median(seen));
    let ratio = shown.as_secs_f64() / save.as_secs_f64().max(1e-9);
    println!(
        "{:<58} {:>10.1?} {:>10.1?} {ratio:>7.0}x  goal <= 1 s  {}   (floor: the save itself; median of {captures})",
        "words saved → shown on the room's screen (another process)",
        save,
        shown,
        if shown <= Duration::from_secs(1) {
            "met"
        } else {
            "NOT MET"
        }
    );

    // The follower left alone: its CPU time over the idle seconds.
    room.pump();
    let before = room.cpu_seconds();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(idle) {
        std::thread::sleep(Duration::from_millis(500));
        room.pump();
    }
    let used = room.cpu_seconds() - before;
    let share = used / started.elapsed().as_secs_f64() * 100.0;
    println!(
        "{:<58} {used:>9.2} s CPU over {idle} s = {share:.2}% of a core  goal < 1%  {}",
        "an idle follower (convene present)",
        if share < 1.0 { "met" } else { "NOT MET" }
    );
    let _ = room.session.write_all(b"q");
}
