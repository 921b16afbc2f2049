//! The terminal app: sets up the terminal, runs the loop, carries out effects, and always restores it.

use crate::app::Entry;
use crate::app::{self, App, Effect, Msg};
use crate::context::Context;
use crate::effects::Runtime;
use crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::DefaultTerminal;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

mod input;
use input::Input;

/// How often the clock ticks (the timer and the saves run on it).
const TICK: Duration = Duration::from_millis(250);

/// Why the app could not run, or stopped: the command line maps it to an exit code
/// (`cli::error`), so the app needs nothing of the command line.
#[derive(Debug)]
pub enum Error {
    /// The sessions folder or a session file.
    Store(crate::store::StoreError),
    /// The terminal, the signals or the loop: what went wrong, and what the user might do.
    Stopped {
        message: String,
        hint: Option<&'static str>,
    },
}

impl Error {
    fn stopped(message: impl Into<String>) -> Self {
        Self::Stopped {
            message: message.into(),
            hint: None,
        }
    }
}

impl From<crate::store::StoreError> for Error {
    fn from(e: crate::store::StoreError) -> Self {
        Self::Store(e)
    }
}

/// Opens the app on the sessions folder.
pub fn run(ctx: &Context) -> Result<(), Error> {
    let store = crate::store::Store::open(&ctx.dir)?;
    store.clean_leftovers();
    let (mut app, effects) = App::new(
        ctx.frameworks.clone(),
        ctx.offset,
        ctx.dir.clone(),
        crate::clock::now(),
    );
    app.review_weeks = ctx.review_weeks;
    app.coordinator = ctx.coordinator.clone();
    app.theme = ctx.theme.clone();
    app.sectors = ctx.sectors.clone();
    app.documents = documents_folder();
    if let Some(warning) = ctx.warnings.first() {
        app.warn(format!("Using defaults: {warning}"));
    }
    if let Some(mode) = store.looser_than_private() {
        app.warn(format!(
            "The sessions folder can be read by others (mode {mode:o}); `chmod 700 {}` keeps it private.",
            store.dir().display()
        ));
    }
    let runtime = Runtime::new(store, ctx.frameworks.clone());
    drive(app, runtime, effects)
}

/// Shows one session for the room (`convene present`): the presenter view, following the
/// file as the facilitator saves. It only reads: no lock, no leftovers cleaned, no save.
pub fn present(ctx: &Context, id: &crate::model::SessionId) -> Result<(), Error> {
    let store = crate::store::Store::at(&ctx.dir);
    let loaded = store.load(id)?;
    let (mut app, _list) = App::new(
        ctx.frameworks.clone(),
        ctx.offset,
        ctx.dir.clone(),
        crate::clock::now(),
    );
    app.theme = ctx.theme.clone();
    let effects = app.follow_for_the_room(loaded);
    if app.session_view().is_none() {
        return Err(Error::stopped(app.status.map_or_else(
            || "the session could not be shown".into(),
            |s| s.text,
        )));
    }
    drive(app, Runtime::new(store, ctx.frameworks.clone()), effects)
}

/// Runs the app in the terminal until it quits, watching the folder, and gives the
/// terminal back whatever happens.
fn drive(mut app: App, mut runtime: Runtime, effects: Vec<Effect>) -> Result<(), Error> {
    let (changed_tx, changed) = mpsc::channel();
    crate::watch::watch(runtime.store().dir(), move |paths| {
        changed_tx.send(paths).is_ok()
    });
    let terminal_error = |e: std::io::Error| Error::Stopped {
        message: format!("the terminal could not be set up: {e}"),
        hint: Some("run convene in an interactive terminal; `convene list` works anywhere"),
    };
    let stop = signals().map_err(|e| {
        Error::stopped(format!(
            "convene could not listen for the terminal closing: {e}"
        ))
    })?;
    forget_paste_mode_on_panic();
    let mut tty = Tty {
        screen: take_terminal().map_err(terminal_error)?,
        input: Input::start(),
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut tty, &mut app, &mut runtime, effects, &stop, &changed)
    }));
    tty.input.quiet_if_gone();
    give_back_terminal();
    drop(tty);
    if stop.load(Ordering::Relaxed) && matches!(outcome, Ok(Ok(()))) {
        // Closing saved already; this only tries once more if that save did not land.
        rescue(&mut app, &mut runtime);
    }
    match outcome {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => {
            let saved = rescue(&mut app, &mut runtime);
            Err(Error::stopped(format!(
                "the terminal stopped answering: {e}. {saved}"
            )))
        }
        Err(_) => {
            let saved = rescue(&mut app, &mut runtime);
            Err(Error::stopped(format!(
                "convene stopped unexpectedly. {saved}"
            )))
        }
    }
}

/// After a crash of the loop: saves the open session if it has unsaved words.
fn rescue(app: &mut App, runtime: &mut Runtime) -> String {
    match (app.session_view(), app.save()) {
        (Some(view), Some(save)) if view.dirty => match runtime.perform(save) {
            Some(Msg::Saved(Ok(_)) | Msg::SavedToCopy(_)) => "Every word typed was saved.".into(),
            _ => "The latest changes could not be saved; the last saved version is on disk.".into(),
        },
        _ => "Everything had already been saved.".into(),
    }
}

fn event_loop(
    tty: &mut Tty,
    app: &mut App,
    runtime: &mut Runtime,
    effects: Vec<Effect>,
    stop: &AtomicBool,
    changed: &Receiver<Vec<PathBuf>>,
) -> std::io::Result<()> {
    // The first frame comes first; the folder is read after it, on a worker.
    tty.screen.draw(|frame| crate::ui::draw(app, frame))?;
    let (listed_tx, listed) = mpsc::channel();
    run_effects(tty, app, runtime, effects, &listed_tx)?;
    while !app.quit {
        if tty.input.quiet_if_gone() {
            // The window went, with or without a signal: it leaves as on SIGHUP.
            stop.store(true, Ordering::Relaxed);
        }
        if stop.load(Ordering::Relaxed) {
            // The terminal closed or the system asked to stop. Keys it had already sent are
            // the user's last words: they go in first, then everything is saved.
            for event in tty.input.rest() {
                if let Some(msg) = message(app, event, None) {
                    dispatch(tty, app, runtime, msg, &listed_tx)?;
                }
            }
            dispatch(tty, app, runtime, Msg::Closing, &listed_tx)?;
            break;
        }
        while let Ok(entries) = listed.try_recv() {
            dispatch(tty, app, runtime, Msg::Listed(entries), &listed_tx)?;
        }
        while let Ok(paths) = changed.try_recv() {
            dispatch(tty, app, runtime, Msg::FolderChanged(paths), &listed_tx)?;
        }
        if let Err(e) = tty.screen.draw(|frame| crate::ui::draw(app, frame)) {
            // A window that went between two looks: the next turn leaves through the save.
            if tty.input.quiet_if_gone_within(Duration::from_secs(1)) {
                continue;
            }
            return Err(e);
        }
        let next = match tty.input.next(TICK) {
            Ok(next) => next,
            // A terminal that went while being read: the next turn leaves through the save.
            Err(_) if tty.input.quiet_if_gone_within(Duration::from_secs(1)) => continue,
            Err(e) => return Err(e),
        };
        if let Some(event) = next {
            // Behind an Enter, a key already waiting tells a paste from a press.
            let next = match &event {
                Event::Key(k) if k.code == KeyCode::Enter => match tty.input.behind() {
                    Some(Event::Key(next)) => Some(*next),
                    _ => None,
                },
                _ => None,
            };
            if let Some(msg) = message(app, event, next.as_ref()) {
                dispatch(tty, app, runtime, msg, &listed_tx)?;
            }
        }
        dispatch(
            tty,
            app,
            runtime,
            Msg::Tick(crate::clock::now()),
            &listed_tx,
        )?;
    }
    Ok(())
}

/// The terminal as the loop holds it: the screen it draws on and the keys it reads.
struct Tty {
    screen: DefaultTerminal,
    input: Input,
}

/// The message for a terminal event, given the key waiting behind it, if any.
fn message(app: &App, event: Event, next: Option<&event::KeyEvent>) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            Some(app::arrival::msg_for(app, key, next))
        }
        Event::Paste(text) => Some(Msg::Paste(text)),
        _ => None,
    }
}

/// Runs one message through `update` and carries out what it asks, feeding results back.
fn dispatch(
    tty: &mut Tty,
    app: &mut App,
    runtime: &mut Runtime,
    msg: Msg,
    listed: &Sender<Vec<Entry>>,
) -> std::io::Result<()> {
    let effects = app::update(app, msg);
    run_effects(tty, app, runtime, effects, listed)
}

fn run_effects(
    tty: &mut Tty,
    app: &mut App,
    runtime: &mut Runtime,
    effects: Vec<Effect>,
    listed: &Sender<Vec<Entry>>,
) -> std::io::Result<()> {
    for effect in effects {
        match effect {
            // Coming back asks the terminal where its cursor is: the reader steps aside.
            Effect::Suspend => tty.input.aside(|| suspend(&mut tty.screen))?,
            // Reading every file can take a while in a big folder: a worker does it and
            // the loop picks the result up, so keys and frames never wait for the disk.
            Effect::List { today } => {
                let (store, frameworks) = (runtime.store().clone(), app.frameworks.clone());
                let listed = listed.clone();
                std::thread::spawn(move || {
                    let _ = listed.send(crate::effects::entries(&store, &frameworks, today));
                });
            }
            effect => {
                if let Some(msg) = runtime.perform(effect) {
                    dispatch(tty, app, runtime, msg, listed)?;
                }
            }
        }
    }
    Ok(())
}

/// The user's documents folder (or home), where exports and rescue copies are suggested.
fn documents_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| {
            u.document_dir()
                .map(PathBuf::from)
                .or_else(|| Some(u.home_dir().to_owned()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Hands the terminal back to the shell (Ctrl-z) and takes it again on `fg`.
fn suspend(terminal: &mut DefaultTerminal) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        give_back_terminal();
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        *terminal = take_terminal()?;
        terminal.clear()?;
    }
    #[cfg(not(unix))]
    let _ = terminal;
    Ok(())
}

/// Takes the terminal: raw mode, the alternate screen, and pastes arriving whole.
/// ratatui's init installs a panic hook that restores the terminal before reporting.
fn take_terminal() -> std::io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    // A terminal without bracketed paste still works: its pastes arrive as keys.
    let _ = crossterm::execute!(std::io::stdout(), event::EnableBracketedPaste);
    Ok(terminal)
}

/// Gives the terminal back as it was found, bracketed paste off.
fn give_back_terminal() {
    let _ = crossterm::execute!(std::io::stdout(), event::DisableBracketedPaste);
    ratatui::restore();
}

/// A panic leaves the shell without bracketed paste, as it found it (ratatui's hook,
/// chained in front of this one, restores the rest of the terminal).
fn forget_paste_mode_on_panic() {
    let earlier = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), event::DisableBracketedPaste);
        earlier(info);
    }));
}

/// A flag raised when the terminal closes (SIGHUP) or the system asks convene to stop
/// (SIGTERM), so the loop leaves through the save instead of dying mid-word.
fn signals() -> std::io::Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    Ok(stop)
}
