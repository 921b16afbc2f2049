//! A window left alone costs nothing: the real app in a pseudo-terminal, its dashboard over
//! 2,000 sessions and then a session window over a 10,000-record session, each left idle;
//! its CPU from `/proc/PID/stat` and the bytes it read from `/proc/PID/io` (`rchar`: every
//! `read`, files and terminal alike) over the idle seconds.
//!
//! `cargo bench --bench idle` (about two and a half minutes); `CONVENE_BENCH_QUICK=1` for 10
//! idle seconds each. Linux only (it reads `/proc`).

use convene::store::Store;
use expectrl::Session;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// The real binary with a home of its own under a temp folder, never the user's.
fn convene(home: &Path, dir: &Path) -> std::process::Command {
    let config = home.join(".config");
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_convene"));
    command
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", &config)
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("CONVENE_CONFIG", config.join("convene/config.ron"))
        .env("CONVENE_FRAMEWORKS", config.join("convene/frameworks"))
        .env("CONVENE_DIR", dir)
        .env("TERM", "xterm-256color")
        .env_remove("CONVENE_THEME")
        .env_remove("NO_COLOR");
    command
}

/// The app in a pseudo-terminal, and what it shows.
struct Window {
    session: expectrl::session::OsSession,
    screen: vt100::Parser,
}

impl Window {
    fn open(home: &Path, dir: &Path) -> Self {
        Self {
            session: Session::spawn(convene(home, dir)).expect("spawn in a pty"),
            screen: vt100::Parser::new(24, 80, 0),
        }
    }

    fn pump(&mut self) {
        let mut buf = [0u8; 8192];
        while let Ok(n) = self.session.try_read(&mut buf) {
            if n == 0 {
                break;
            }
            self.screen.process(&buf[..n]);
        }
    }

    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            self.pump();
            if self.screen.screen().contents().contains(text) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the window never showed {text:?}:\n{}",
                self.screen.screen().contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn pid(&self) -> i32 {
        self.session.get_process().pid().as_raw()
    }

    /// CPU seconds (user and system) the process has used so far.
    fn cpu_seconds(&self) -> f64 {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).expect("/proc/PID/stat");
        // Fields after the command's name, which is in parentheses and may hold spaces.
        let rest = &stat[stat.rfind(')').expect("stat") + 2..];
        let fields: Vec<&str> = rest.split_whitespace().collect();
        // utime and stime are fields 14 and 15 of the whole line: 11 and 12 here.
        let ticks: u64 =
            fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime");
        ticks as f64 / clock_ticks()
    }

    /// Bytes the process has read so far, from files and the terminal (`rchar`).
    fn bytes_read(&self) -> u64 {
        let io = std::fs::read_to_string(format!("/proc/{}/io", self.pid())).expect("/proc/PID/io");
        io.lines()
            .find_map(|l| l.strip_prefix("rchar: "))
            .and_then(|n| n.trim().parse().ok())
            .expect("rchar")
    }

    /// The window's resident memory now and its high-water mark, in KiB, from
    /// `/proc/PID/status` (`VmRSS`, `VmHWM`): the whole process, terminal and watcher
    /// included.
    fn memory(&self) -> (u64, u64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .expect("/proc/PID/status");
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
                .expect("a memory figure")
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    /// Prints the window's memory against `floor` (an empty window's high-water mark).
    fn print_memory(&self, what: &str, floor: u64) {
        let (rss, hwm) = self.memory();
        let mib = |kib: u64| kib as f64 / 1024.0;
        println!(
            "{what:<50} {:>6.1} MiB resident, {:.1} MiB at most = {:.2}× an empty window's {:.1} MiB",
            mib(rss),
            mib(hwm),
            hwm as f64 / floor as f64,
            mib(floor)
        );
    }

    /// Leaves the window alone for `seconds`; prints its CPU share and the bytes it read.
    fn idle(&mut self, what: &str, seconds: u64, smallest_file: u64) {
        // Let the first listing or opening finish before counting.
        let settle = Instant::now();
        while settle.elapsed() < Duration::from_secs(3) {
            std::thread::sleep(Duration::from_millis(200));
            self.pump();
        }
        let (cpu, read) = (self.cpu_seconds(), self.bytes_read());
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(seconds) {
            std::thread::sleep(Duration::from_millis(500));
            self.pump();
        }
        let used = self.cpu_seconds() - cpu;
        let read = self.bytes_read() - read;
        let share = used / started.elapsed().as_secs_f64() * 100.0;
        println!(
            "{what:<50} {used:>6.2} s CPU over {seconds} s = {share:.2}% of a core  goal < 1%  {}",
            if share < 1.0 { "met" } else { "NOT MET" }
        );
        println!(
            "{:<50} {read:>6} bytes read (the smallest session file: {smallest_file})  goal: no session file  {}",
            "",
            if read < smallest_file {
                "met"
            } else {
                "NOT MET"
            }
        );
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

/// The smallest session file in a folder, in bytes.
fn smallest(store: &Store) -> u64 {
    store
        .files()
        .expect("files")
        .iter()
        .map(|p| std::fs::metadata(p).expect("metadata").len())
        .min()
        .expect("a session")
}

/// Waits until every file has stood still two seconds, as the listing cache asks.
fn let_stand() {
    std::thread::sleep(Duration::from_millis(2500));
}

fn main() {
    let quick = std::env::var_os("CONVENE_BENCH_QUICK").is_some();
    let seconds = if quick { 10 } else { 60 };
    let home = tempfile::tempdir().expect("temp home");

    // The floor for memory: the same window over an empty folder.
    let empty = home.path().join("empty");
    Store::open(&empty).expect("store");
    let mut window = Window::open(home.path(), &empty);
    window.wait_for("0 sessions");
    std::thread::sleep(Duration::from_secs(2));
    window.pump();
    let floor = window.memory().1;
    window.print_memory("memory: an empty dashboard (the floor)", floor);
    let _ = window.session.write_all(b"q");

    // A service's five years: 2,000 sessions of 20 records.
    let many = home.path().join("many");
    let store = Store::open(&many).expect("store");
    for i in 0..2_000u32 {
        let session = convene::generate::workshop(&format!("idle{i:04}"), 20, u64::from(i));
        store.create(&session).expect("create");
    }
    let_stand();
    let mut window = Window::open(home.path(), &many);
    window.wait_for("2000 sessions");
    window.idle(
        "an idle dashboard over 2,000 sessions",
        seconds,
        smallest(&store),
    );
    window.print_memory("memory: the dashboard over 2,000 sessions", floor);
    let _ = window.session.write_all(b"q");

    // One session of 10,000 records, open in its window.
    let big = home.path().join("big");
    let store = Store::open(&big).expect("store");
    store
        .create(&convene::generate::workshop("idlebig", 10_000, 7))
        .expect("create");
    let_stand();
    let mut window = Window::open(home.path(), &big);
    window.wait_for("Partnership day 7");
    let _ = window.session.write_all(b"\r");
    window.wait_for("all saved");
    window.idle(
        "an idle session window, 10,000 records",
        seconds,
        smallest(&store),
    );
    window.print_memory("memory: a 10,000-record session open", floor);
    let _ = window.session.write_all(b"q");
}
