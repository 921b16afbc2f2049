//! Drives the app without a terminal: keys from a script, effects against a temp folder,
//! frames through ratatui's TestBackend. The clock is pinned.

use convene::app::{self, App, Effect, Msg};
use convene::effects::Runtime;
use convene::framework::Frameworks;
use convene::store::Store;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use time::macros::datetime;
use time::{Duration, OffsetDateTime, UtcOffset};

/// Makes a file private to its owner (0600), as every file convene writes is.
pub fn private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
}

/// Converts a Word file to PDF beside it with LibreOffice, in a profile of its own (so two
/// tests never wait on one LibreOffice), and checks that it did. `None`, said on stderr,
/// where LibreOffice is not on the machine (CI).
pub fn libreoffice_pdf(docx: &Path) -> Option<std::path::PathBuf> {
    let dir = docx.parent().expect("a folder");
    let profile = dir.join(".libreoffice-profile");
    let Ok(converted) = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
    else {
        eprintln!("LibreOffice (soffice) is not on this machine: the PDF check is skipped");
        return None;
    };
    let pdf = docx.with_extension("pdf");
    assert!(
        converted.status.success() && pdf.exists(),
        "LibreOffice made no PDF of {}: {}",
        docx.display(),
        String::from_utf8_lossy(&converted.stderr)
    );
    Some(pdf)
}

/// The real binary with a home of its own: its config, data, documents and frameworks
/// folders are under the test build's temp folder, never the user's, and no `CONVENE_*`
/// setting of the user's reaches it. Tests add `--dir` or `CONVENE_DIR` for the sessions.
pub fn convene() -> std::process::Command {
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("home");
    let config = home.join(".config");
    std::fs::create_dir_all(&config).expect("a home for the tests");
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_convene"));
    command
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", &config)
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_DOCUMENTS_DIR", home.join("Documents"))
        .env("CONVENE_CONFIG", config.join("convene/config.ron"))
        .env("CONVENE_FRAMEWORKS", config.join("convene/frameworks"));
    for name in [
        "CONVENE_DIR",
        "CONVENE_THEME",
        "CONVENE_REVIEW_WEEKS",
        "NO_COLOR",
    ] {
        command.env_remove(name);
    }
    command
}

pub const START: OffsetDateTime = datetime!(2026-11-25 09:00 UTC);

pub struct Harness {
    pub app: App,
    /// What carries out the app's effects, on this harness's own folder.
    pub runtime: Runtime,
    _dir: tempfile::TempDir,
}

impl Harness {
    /// The app on an empty folder.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path().join("sessions")).expect("store");
        let (app, effects) = App::new(
            Frameworks::embedded(),
            UtcOffset::UTC,
            store.dir().to_owned(),
            START,
        );
        let mut app = app;
        // The folder is only shown, never used, by the app; a stable path keeps snapshots stable.
        app.dir = std::path::PathBuf::from("/home/facilitator/sessions");
        // Exports and rescue copies are suggested in a documents folder of the test's own.
        app.documents = dir.path().join("Documents");
        let mut h = Self {
            app,
            runtime: Runtime::new(store, Frameworks::embedded()),
            _dir: dir,
        };
        h.run(effects);
        h
    }

    /// The app on a folder holding the example sessions.
    pub fn with_examples() -> Self {
        let h = Self::new();
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
        for entry in std::fs::read_dir(examples).expect("examples") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "ron") {
                let copy = h
                    .runtime
                    .store()
                    .dir()
                    .join(path.file_name().expect("name"));
                std::fs::copy(&path, &copy).expect("copy");
                // As convene would have made it: private to its owner.
                private(&copy);
            }
        }
        let mut h = h;
        let list = h.app.list();
        h.run(vec![list]);
        h
    }

    /// Lets a pending save land (as it does 300 ms later in the app) without moving the
    /// clock, so a snapshot shows the settled screen, not the passing "saving…".
    pub fn settle(&mut self) {
        if self.app.session_view().is_some_and(|v| v.dirty)
            && let Some(save) = self.app.save()
        {
            self.run(vec![save]);
        }
    }

    /// Reads the folder again, as the dashboard does when it comes back.
    pub fn relist(&mut self) {
        let list = self.app.list();
        self.run(vec![list]);
    }

    /// Opens the session in a file of the folder, as choosing it on the dashboard does.
    pub fn open(&mut self, file: &Path) {
        self.run(vec![Effect::Open(file.to_owned())]);
    }

    /// Sends one message and carries out what it asks, as the terminal loop does.
    pub fn send(&mut self, msg: Msg) {
        let effects = app::update(&mut self.app, msg);
        self.run(effects);
    }

    fn run(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            if let Some(msg) = self.runtime.perform(effect) {
                self.send(msg);
            }
        }
    }

    /// Types a script: plain characters, and `<enter>`, `<esc>`, `<tab>`, `<s-tab>`, `<up>`,
    /// `<down>`, `<left>`, `<right>`, `<bs>`, `<a-enter>`, `<c-x>` for the rest.
    pub fn keys(&mut self, script: &str) {
        for key in parse_keys(script) {
            self.send(Msg::Key(key));
        }
    }

    /// Lets the clock run on, ticking as the loop does (so saves happen).
    pub fn wait(&mut self, seconds: i64) {
        for _ in 0..(seconds * 4).max(1) {
            let now = self.app.now + Duration::milliseconds(250);
            self.send(Msg::Tick(now));
        }
    }

    /// The screen as text, `width` × `height`, with the temp folder's path made stable.
    pub fn screen(&self, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal
            .draw(|frame| convene::ui::draw(&self.app, frame))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..height {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
                line.push_str(symbol);
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// The screen with its styles: ratatui's own description of the buffer, colours and all.
    pub fn styled_screen(&self, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal
            .draw(|frame| convene::ui::draw(&self.app, frame))
            .expect("draw");
        format!("{:?}", terminal.backend().buffer())
    }

    /// Every colour used on the screen, foreground and background.
    pub fn colours(&self, width: u16, height: u16) -> Vec<ratatui::style::Color> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal
            .draw(|frame| convene::ui::draw(&self.app, frame))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        let mut colours: Vec<ratatui::style::Color> =
            buffer.content().iter().flat_map(|c| [c.fg, c.bg]).collect();
        colours.sort_by_key(|c| format!("{c:?}"));
        colours.dedup();
        colours
    }

    /// The one session file's text (for a folder with one session).
    pub fn only_file(&self) -> String {
        let files = self.runtime.store().files().expect("files");
        assert_eq!(files.len(), 1, "{files:?}");
        std::fs::read_to_string(&files[0]).expect("read")
    }
}

pub fn parse_keys(script: &str) -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    let mut chars = script.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' && chars.peek().is_some_and(|n| n.is_ascii_alphabetic()) {
            let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
            keys.push(named(&name));
        } else if c.is_ascii_uppercase() {
            keys.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT));
        } else {
            keys.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }
    keys
}

fn named(name: &str) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match name {
        "enter" => plain(KeyCode::Enter),
        "esc" => plain(KeyCode::Esc),
        "tab" => plain(KeyCode::Tab),
        "s-tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        "up" => plain(KeyCode::Up),
        "down" => plain(KeyCode::Down),
        "left" => plain(KeyCode::Left),
        "right" => plain(KeyCode::Right),
        "bs" => plain(KeyCode::Backspace),
        "home" => plain(KeyCode::Home),
        "end" => plain(KeyCode::End),
        "pgup" => plain(KeyCode::PageUp),
        "pgdn" => plain(KeyCode::PageDown),
        "a-enter" => KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT),
        ctrl if ctrl.starts_with("c-") => {
            let c = ctrl.chars().nth(2).expect("a key after c-");
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
        }
        other => panic!("unknown key <{other}>"),
    }
}

/// A calendar checked to the letter of RFC 5545's lines (3.1): every line ends in CRLF,
/// none is longer than 75 octets, a folded line goes on with a space; then parsed by the
/// `icalendar` crate's reader. Returns the text unfolded, for `read_calendar`.
pub fn strict_ics(text: &str) -> String {
    assert!(text.ends_with("\r\n"), "a calendar ends with CRLF");
    for (n, line) in text.split("\r\n").enumerate() {
        assert!(
            line.len() <= 75,
            "line {} is {} octets (at most 75): {line:?}",
            n + 1,
            line.len()
        );
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "a bare line break: {line:?}"
        );
    }
    let unfolded = icalendar::parser::unfold(text);
    icalendar::parser::read_calendar(&unfolded).expect("the calendar parses");
    unfolded
}
