//! A terminal that goes away under the app without a signal: the words are saved and the app leaves, never spins.

use crate::pty::{folder_with_session, only_session};
use nix::fcntl::{FcntlArg, OFlag, fcntl};
use nix::pty::{PtyMaster, grantpt, posix_openpt, ptsname_r, unlockpt};
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::path::Path;
use std::process::{Child, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The app on a terminal of the test's own. Unless it is the app's controlling terminal
/// ([`Window::controlling`]), closing the far end sends no SIGHUP: the terminal only goes quiet.
struct Window {
    app: Child,
    /// The far end, the test's only handle on it: dropping it closes the window.
    far_end: Option<PtyMaster>,
    screen: vt100::Parser,
}

impl Window {
    fn open(dir: &Path, args: &[&str]) -> Self {
        let mut app = crate::harness::convene();
        app.args(args);
        Self::run(dir, app)
    }

    /// The app with the window as its controlling terminal, as a terminal emulator starts
    /// it: closing the window hangs the terminal up and sends SIGHUP. `None` without
    /// util-linux's `setsid`, which makes the new session's controlling terminal.
    fn controlling(dir: &Path) -> Option<Self> {
        let convene = crate::harness::convene();
        let mut app = std::process::Command::new("setsid");
        app.arg("--ctty").arg(convene.get_program());
        for (name, value) in convene.get_envs() {
            match value {
                Some(value) => app.env(name, value),
                None => app.env_remove(name),
            };
        }
        let found = app.get_program().to_owned();
        let usable = std::process::Command::new(found)
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success());
        usable.then(|| Self::run(dir, app))
    }

    fn run(dir: &Path, mut app: std::process::Command) -> Self {
        // Close-on-exec from the start: another test's child never holds the far end open.
        let far_end = posix_openpt(OFlag::O_RDWR | OFlag::O_NOCTTY | OFlag::O_CLOEXEC)
            .expect("a pseudo-terminal");
        grantpt(&far_end).expect("grantpt");
        unlockpt(&far_end).expect("unlockpt");
        fcntl(far_end.as_raw_fd(), FcntlArg::F_SETFL(OFlag::O_NONBLOCK)).expect("non-blocking");
        let near_end = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(ptsname_r(&far_end).expect("its name"))
            .expect("the app's end");
        let size = rustix::termios::Winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        rustix::termios::tcsetwinsize(&near_end, size).expect("a window size");
        let end = || Stdio::from(near_end.try_clone().expect("the app's end"));
        let app = app
            .env("CONVENE_DIR", dir)
            .env("TERM", "xterm-256color")
            .stdin(end())
            .stdout(end())
            .stderr(end())
            .spawn()
            .expect("the app starts");
        Self {
            app,
            far_end: Some(far_end),
            screen: vt100::Parser::new(24, 80, 0),
        }
    }

    /// Reads what the app has drawn so far onto the screen model.
    fn pump(&mut self) {
        let Some(far_end) = self.far_end.as_mut() else {
            return;
        };
        let mut buf = [0u8; 8192];
        while let Ok(n @ 1..) = far_end.read(&mut buf) {
            self.screen.process(&buf[..n]);
        }
    }

    /// Waits until the screen shows `text`, or fails with what it shows.
    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(45);
        while Instant::now() < deadline {
            self.pump();
            if self.screen.screen().contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "the screen never showed {text:?}; it shows:\n{}",
            self.screen.screen().contents()
        );
    }

    fn send(&mut self, keys: &str) {
        let far_end = self.far_end.as_mut().expect("the window is open");
        far_end.write_all(keys.as_bytes()).expect("type");
        std::thread::sleep(Duration::from_millis(60));
        self.pump();
    }

    /// The window goes: its far end closes, and no signal is sent.
    fn close(&mut self) {
        self.far_end = None;
    }

    /// How the app ended, or `None` if it was still running at the deadline (it is then
    /// stopped, so a spinning app never outlives the test).
    fn ended(&mut self, within: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if let Some(status) = self.app.try_wait().expect("wait") {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.app.kill().ok();
        self.app.wait().ok();
        None
    }
}

/// Long enough for a save on a loaded machine; a spinning app never gets there.
const ENDS_WITHIN: Duration = Duration::from_secs(10);

#[test]
fn a_window_closed_without_a_signal_keeps_the_last_words_and_the_app_leaves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = folder_with_session(dir.path());
    let mut window = Window::open(dir.path(), &[]);
    window.wait_for("Harbour day");
    window.send("\r");
    window.wait_for("Captured in Define");
    window.send("a");
    window.send("Every young person has a trusted adult\r");
    window.wait_for("Every young person has a trusted adult");
    // At once, well before the usual save is due: only the way out can keep the words.
    window.close();
    let status = window.ended(ENDS_WITHIN);
    assert!(
        status.is_some(),
        "the app kept running after its window went away"
    );
    assert_eq!(
        status.and_then(|s| s.code()),
        Some(0),
        "ended as on SIGHUP: {status:?}"
    );
    assert!(
        only_session(dir.path()).contains("Every young person has a trusted adult"),
        "the words typed last are in the file"
    );
    let lock = std::fs::File::open(dir.path().join(format!(".{id}.lock"))).expect("the lock");
    assert!(
        lock.try_lock().is_ok(),
        "the session is free for the next window"
    );
}

#[test]
fn a_window_closed_for_real_hangs_up_and_signals_and_the_words_are_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    folder_with_session(dir.path());
    let Some(mut window) = Window::controlling(dir.path()) else {
        eprintln!("skipped: no setsid to give the app its controlling terminal");
        return;
    };
    window.wait_for("Harbour day");
    window.send("\r");
    window.wait_for("Captured in Define");
    window.send("a");
    window.send("Every young person has a trusted adult\r");
    window.wait_for("Every young person has a trusted adult");
    window.close();
    let status = window.ended(ENDS_WITHIN);
    assert!(
        status.is_some(),
        "the app kept running after its window closed"
    );
    assert_eq!(status.and_then(|s| s.code()), Some(0), "{status:?}");
    assert!(only_session(dir.path()).contains("Every young person has a trusted adult"));
}

#[test]
fn the_rooms_screen_leaves_when_its_window_closes_without_a_signal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = folder_with_session(dir.path());
    let mut room = Window::open(dir.path(), &["present", &id]);
    room.wait_for("The room's words will appear here.");
    room.close();
    let status = room.ended(ENDS_WITHIN);
    assert!(
        status.is_some(),
        "the room's screen kept running after its window went away"
    );
    assert_eq!(
        status.and_then(|s| s.code()),
        Some(0),
        "ended as on SIGHUP: {status:?}"
    );
}
