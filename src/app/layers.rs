//! The layers the window shows, as one stack: the screen at the back, then what covers it. Keys go front to back, drawing back to front, and `?` reads the same stack, so which layer comes first is written here once.

use super::{App, Effect, Screen, keys};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One layer of the window, in the order they stack (the back first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// The screen (`App::screen`): the dashboard, a session, the week…
    Screen,
    /// The conference's page, in place of the session's stage card (`i`).
    Page,
    /// The stage, large, for the room (`p`); the session's keys still answer under it.
    Presenter,
    /// The system map or the child's network (`m`).
    Map,
    /// A window that only shows a session to the room (`convene present`): it takes every
    /// change from the file and never writes.
    Room,
    /// A box over the session: a form, a pick list, a question, the day's plan.
    Box,
    /// Every key of the layer under it (`?`).
    Help,
}

impl Layer {
    /// Whether the layer fills the window, so nothing under it is drawn.
    pub fn covers(self) -> bool {
        matches!(
            self,
            Layer::Screen | Layer::Presenter | Layer::Map | Layer::Room
        )
    }

    /// Whether the layer is drawn over the whole window, without the status bar and footer.
    pub fn full_window(self) -> bool {
        matches!(self, Layer::Presenter | Layer::Room)
    }
}

impl App {
    /// Every layer showing, back to front.
    pub fn stack(&self) -> Vec<Layer> {
        let mut stack = vec![Layer::Screen];
        let view = self.session_view();
        if view.is_some_and(|v| v.conference_page.is_some() && v.framework.conference) {
            stack.push(Layer::Page);
        }
        stack.extend(self.shown.iter().filter(|l| **l != Layer::Help));
        // The room's screen takes no box: it only shows.
        if view.is_some_and(|v| v.overlay.is_some()) && !self.showing(Layer::Room) {
            stack.push(Layer::Box);
        }
        if self.showing(Layer::Help) {
            stack.push(Layer::Help);
        }
        stack
    }

    /// Whether `layer` is showing among those the app itself shows (help, presenter, map,
    /// the room's screen; a page or a box is the session's own).
    pub fn showing(&self, layer: Layer) -> bool {
        self.shown.contains(&layer)
    }

    /// Shows `layer` over the screen (once).
    pub fn show(&mut self, layer: Layer) {
        if !self.showing(layer) {
            self.shown.push(layer);
        }
    }

    /// Takes `layer` away, if it is showing.
    pub fn hide(&mut self, layer: Layer) {
        self.shown.retain(|l| *l != layer);
        if layer == Layer::Help {
            self.help_scroll = 0;
        }
    }
}

/// A key, to the frontmost layer that takes it.
pub(super) fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if app.showing(Layer::Help) {
        return on_help_key(app, key);
    }
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        return super::quit(app);
    }
    for layer in app.stack().into_iter().rev() {
        match layer {
            Layer::Help => return on_help_key(app, key),
            Layer::Room => return on_room_key(app, key),
            Layer::Box => {
                let now = app.now;
                let today = app.local_now().date();
                return super::overlay::on_key(app, key, now, today);
            }
            Layer::Map => return on_map_key(app, key),
            // The presenter shows the session's stage: the session's keys answer under it.
            Layer::Presenter => {}
            // The page and the stage share the session's keys (and what refuses them).
            Layer::Page => return super::session_keys::on_key(app, key),
            Layer::Screen => return on_screen_key(app, key),
        }
    }
    Vec::new()
}

fn on_screen_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    match &app.screen {
        Screen::Dashboard => super::dashboard::on_key(app, key),
        Screen::NewSession(_) => super::new_session::on_key(app, key),
        Screen::Session(_) => super::session_keys::on_key(app, key),
        Screen::FollowThrough(_) => super::follow::on_key(app, key),
        Screen::Report(_) => super::follow::on_report_key(app, key),
        Screen::Week(_) => super::week::on_key(app, key),
    }
}

/// The `?` screen: the arrows scroll it, any other key closes it.
fn on_help_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    match key.code {
        KeyCode::Down | KeyCode::Char('j') => app.help_scroll = app.help_scroll.saturating_add(1),
        KeyCode::Up | KeyCode::Char('k') => app.help_scroll = app.help_scroll.saturating_sub(1),
        _ => app.hide(Layer::Help),
    }
    Vec::new()
}

/// The room's screen only shows: it leaves, and shows its keys.
fn on_room_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    match keys::resolve(keys::PRESENT, key) {
        Some(keys::Action::Help) => app.show(Layer::Help),
        Some(_) => app.quit = true,
        None => {}
    }
    Vec::new()
}

fn on_map_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let sectors = app.sectors.clone();
    let Some(v) = app.session_view_mut() else {
        return Vec::new();
    };
    let rows = crate::model::map::system_map(&v.session, &sectors)
        .sectors
        .len();
    match v.map_cursor.on_key(key, rows, v.framework.conference) {
        super::map::MapOutcome::Stay => {}
        super::map::MapOutcome::Leave => app.hide(Layer::Map),
        super::map::MapOutcome::Help => app.show(Layer::Help),
    }
    Vec::new()
}

/// The key table `?` shows: the frontmost layer's under the `?` screen, with its title.
pub fn help_rows(app: &App) -> (&'static str, Vec<(&'static str, &'static str)>) {
    for layer in app.stack().into_iter().rev() {
        match (layer, app.session_view()) {
            (Layer::Help | Layer::Presenter | Layer::Page, _) => {}
            (Layer::Room, _) => return (" Keys: the room's screen ", keys::rows(keys::PRESENT)),
            (Layer::Box, Some(v)) if matches!(v.overlay, Some(super::Overlay::Agenda(_))) => {
                return (" Keys: the day's plan ", keys::rows(super::agenda::KEYS));
            }
            (Layer::Map, Some(v)) => {
                return (
                    " Keys: the map ",
                    keys::rows(keys::map_keys(v.framework.conference)),
                );
            }
            (Layer::Box | Layer::Map | Layer::Screen, _) => return screen_rows(app),
        }
    }
    screen_rows(app)
}

fn screen_rows(app: &App) -> (&'static str, Vec<(&'static str, &'static str)>) {
    match &app.screen {
        Screen::Dashboard => (" Keys: all sessions ", keys::rows(keys::DASHBOARD)),
        Screen::NewSession(_) => (" Keys: new session ", keys::rows(keys::NEW_SESSION)),
        Screen::FollowThrough(_) => (" Keys: follow-through ", keys::rows(keys::FOLLOW)),
        Screen::Report(_) => (" Keys: report ", keys::rows(keys::REPORT)),
        Screen::Week(_) => (" Keys: the week ahead ", keys::rows(keys::WEEK)),
        Screen::Session(v) => {
            let context = v.key_context();
            let here: Vec<keys::Binding> = keys::SESSION
                .iter()
                .filter(|b| context.belongs(b))
                .copied()
                .collect();
            let mut rows = keys::rows(&here);
            rows.push(("", ""));
            rows.push(("In the form", ""));
            rows.extend(keys::rows(super::form::KEYS));
            rows.extend(keys::rows(super::form::CHOICE_KEYS));
            rows.push(("", ""));
            rows.push(("In a pick list", ""));
            rows.extend(keys::rows(keys::PICK));
            (" Keys: this session ", rows)
        }
    }
}
