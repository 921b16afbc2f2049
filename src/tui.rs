//! The terminal app: sets up the terminal, runs the loop, carries out effects, and always restores it.

use crate::app::Entry;
use crate::app::{self, App, Effect, Msg};
use crate::cli::{CliError, Context, ExitKind};
use crate::effects::perform;
use crate::store::Store;
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::DefaultTerminal;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{self, Sender};
use std::time::Duration;
use time::OffsetDateTime;

/// How often the clock ticks (the timer and the saves run on it).
const TICK: Duration = Duration::from_millis(250);

/// Opens the app on the sessions folder.
pub fn run(ctx: &Context) -> Result<ExitKind, CliError> {
    let store = ctx.store()?;
    store.clean_leftovers();
    let (mut app, effects) = App::new(
        ctx.frameworks.clone(),
        ctx.offset,
        ctx.dir.clone(),
        OffsetDateTime::now_utc(),
    );
    app.review_weeks = ctx.review_weeks;
    app.theme = ctx.theme.clone();
    app.sectors = ctx.sectors.clone();
    if let Some(warning) = ctx.warnings.first() {
        app.warn(format!("Using defaults: {warning}"));
    }
    if let Some(mode) = store.looser_than_private() {
        app.warn(format!(
            "The sessions folder can be read by others (mode {mode:o}); `chmod 700 {}` keeps it private.",
            store.dir().display()
        ));
    }
    let terminal_error = |e: std::io::Error| {
        CliError::new(
            ExitKind::Storage,
            format!("the terminal could not be set up: {e}"),
        )
        .with_hint("run convene in an interactive terminal; `convene list` works anywhere")
    };
    // ratatui's init installs a panic hook that restores the terminal before reporting.
    let mut terminal = ratatui::try_init().map_err(terminal_error)?;
    let _ = crossterm::execute!(std::io::stdout(), event::EnableBracketedPaste);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &store, effects)
    }));
    let _ = crossterm::execute!(std::io::stdout(), event::DisableBracketedPaste);
    ratatui::restore();
    match outcome {
        Ok(Ok(())) => Ok(ExitKind::Done),
        Ok(Err(e)) => {
            let saved = rescue(&mut app, &store);
            Err(CliError::new(
                ExitKind::Storage,
                format!("the terminal stopped answering: {e}. {saved}"),
            ))
        }
        Err(_) => {
            let saved = rescue(&mut app, &store);
            Err(CliError::new(
                ExitKind::Storage,
                format!("convene stopped unexpectedly. {saved}"),
            ))
        }
    }
}

/// After a crash of the loop: saves the open session if it has unsaved words.
fn rescue(app: &mut App, store: &Store) -> String {
    match app.session_view() {
        Some(view) if view.dirty && view.read_only.is_none() => {
            match perform(app, store, &Effect::Save) {
                Some(Msg::Saved(Ok(_)) | Msg::SavedToCopy(_)) => {
                    "Every word typed was saved.".into()
                }
                _ => "The latest changes could not be saved; the last saved version is on disk."
                    .into(),
            }
        }
        _ => "Everything had already been saved.".into(),
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &Store,
    effects: Vec<Effect>,
) -> std::io::Result<()> {
    // The first frame comes first; the folder is read after it, on a worker.
    terminal.draw(|frame| crate::ui::draw(app, frame))?;
    let (listed_tx, listed) = mpsc::channel();
    run_effects(terminal, app, store, effects, &listed_tx)?;
    while !app.quit {
        while let Ok(entries) = listed.try_recv() {
            dispatch(terminal, app, store, Msg::Listed(entries), &listed_tx)?;
        }
        terminal.draw(|frame| crate::ui::draw(app, frame))?;
        if event::poll(TICK)? {
            let msg = match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => Some(Msg::Key(key)),
                Event::Paste(text) => Some(Msg::Paste(text)),
                _ => None,
            };
            if let Some(msg) = msg {
                dispatch(terminal, app, store, msg, &listed_tx)?;
            }
        }
        dispatch(
            terminal,
            app,
            store,
            Msg::Tick(OffsetDateTime::now_utc()),
            &listed_tx,
        )?;
    }
    Ok(())
}

/// Runs one message through `update` and carries out what it asks, feeding results back.
fn dispatch(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &Store,
    msg: Msg,
    listed: &Sender<Vec<Entry>>,
) -> std::io::Result<()> {
    let effects = app::update(app, msg);
    run_effects(terminal, app, store, effects, listed)
}

fn run_effects(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &Store,
    effects: Vec<Effect>,
    listed: &Sender<Vec<Entry>>,
) -> std::io::Result<()> {
    for effect in effects {
        match effect {
            Effect::Suspend => suspend(terminal)?,
            // Reading every file can take a while in a big folder: a worker does it and
            // the loop picks the result up, so keys and frames never wait for the disk.
            Effect::List => {
                let (store, frameworks, today) = (
                    store.clone(),
                    app.frameworks.clone(),
                    app.local_now().date(),
                );
                let listed = listed.clone();
                std::thread::spawn(move || {
                    let _ = listed.send(crate::effects::entries(&store, &frameworks, today));
                });
            }
            effect => {
                if let Some(msg) = perform(app, store, &effect) {
                    dispatch(terminal, app, store, msg, listed)?;
                }
            }
        }
    }
    Ok(())
}

/// Hands the terminal back to the shell (Ctrl-z) and takes it again on `fg`.
fn suspend(terminal: &mut DefaultTerminal) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        ratatui::restore();
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        *terminal = ratatui::try_init()?;
        let _ = crossterm::execute!(std::io::stdout(), event::EnableBracketedPaste);
        terminal.clear()?;
    }
    #[cfg(not(unix))]
    let _ = terminal;
    Ok(())
}
