//! Drawing: a pure function of `&App` into a ratatui frame. Never changes state, never touches the disk.

mod agenda;
mod conference;
mod dashboard;
mod follow;
mod form;
mod help;
mod map;
mod new_session;
mod overlay;
mod presenter;
pub mod session;
mod week;

use crate::app::{App, Layer, Screen};
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

/// The smallest window the app draws into; below it, a polite request to enlarge.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// Draws the whole app.
pub fn draw(app: &App, frame: &mut Frame) {
    let theme = &app.theme;
    let area = frame.area();
    frame.render_widget(ratatui::widgets::Block::new().style(theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(theme, frame, area);
        return;
    }
    // Back to front, from the last layer that fills the window.
    let stack = app.stack();
    let from = stack.iter().rposition(|l| l.covers()).unwrap_or(0);
    let full_window = stack[from].full_window();
    let [body, status, footer] = if full_window {
        [area, Rect::default(), Rect::default()]
    } else {
        Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area)
    };
    let mut hints = Hints::new();
    for layer in &stack[from..] {
        match (layer, &app.screen) {
            (Layer::Screen, screen) => hints = draw_screen(app, screen, frame, body),
            (Layer::Presenter | Layer::Room, Screen::Session(view)) => {
                presenter::draw(view, theme, app.now, frame, body);
            }
            (Layer::Map, Screen::Session(view)) => hints = map::draw(app, view, frame, body),
            (Layer::Box, Screen::Session(view)) => {
                if let Some(overlay) = &view.overlay {
                    hints = overlay::draw_overlay(app, view, overlay, frame, body);
                }
            }
            (Layer::Help, _) => help::draw(app, frame, body),
            // The page is drawn by the session screen, in place of the stage card.
            (Layer::Page | Layer::Presenter | Layer::Room | Layer::Map | Layer::Box, _) => {}
        }
    }
    if !full_window {
        draw_status(app, frame, status);
        draw_footer(&hints, theme, frame, footer);
    }
}

fn draw_screen(app: &App, screen: &Screen, frame: &mut Frame, body: Rect) -> Hints {
    let theme = &app.theme;
    match screen {
        Screen::Dashboard => dashboard::draw(app, frame, body),
        Screen::NewSession(form) => new_session::draw(app, form, frame, body),
        Screen::Session(view) => session::draw(app, view, frame, body),
        Screen::FollowThrough(view) => follow::draw(view, theme, frame, body),
        Screen::Report(view) => follow::draw_report(view, theme, frame, body),
        Screen::Week(view) => week::draw(view, app, frame, body),
    }
}

fn too_small(theme: &Theme, frame: &mut Frame, area: Rect) {
    let text = format!("Make the window larger to see convene ({MIN_WIDTH}×{MIN_HEIGHT} or more).");
    clear(theme, frame, area);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

fn draw_status(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let right = app
        .session_view()
        .map(|v| session::save_state(app, v))
        .unwrap_or_default();
    // What was just said comes first: a long status keeps its words, and an all-well
    // save state shrinks ("✓ saved", then "✓") to make room (a problem keeps its words).
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let said = app.status.as_ref().map_or(0, |s| {
        width(crate::text::clean_line(&s.text).as_str()) + if s.problem { 2 } else { 0 }
    });
    let fits = |r: &str| said == 0 || said + width(r) < usize::from(area.width);
    let right = if right.starts_with('✓') && !fits(&right) {
        if fits("✓ saved") {
            "✓ saved"
        } else {
            "✓"
        }
        .to_owned()
    } else {
        right
    };
    let right_width =
        u16::try_from(unicode_width::UnicodeWidthStr::width(right.as_str()) + 1).unwrap_or(0);
    let [left_area, right_area] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(right_width.min(area.width / 2)),
    ])
    .areas(area);
    if let Some(status) = &app.status {
        let (mark, style) = if status.problem {
            ("! ", theme.problem)
        } else {
            ("", theme.status)
        };
        let room = usize::from(left_area.width).saturating_sub(width(mark));
        let line = Line::from(vec![
            Span::styled(mark, style),
            Span::styled(short(&crate::text::clean_line(&status.text), room), style),
        ]);
        frame.render_widget(Paragraph::new(line), left_area);
    }
    frame.render_widget(
        Paragraph::new(Span::styled(right, theme.muted))
            .alignment(ratatui::layout::Alignment::Right),
        right_area,
    );
}

/// Key hints as (key, words) pairs, drawn in the footer.
pub type Hints = Vec<(&'static str, String)>;

/// The keys every footer keeps, however narrow, first to last as room allows: the way to
/// every key (`?`) and the way out of the screen (`q`). A box's `Esc` is not among them:
/// there its choices matter more, and it closes as every box does.
const ALWAYS_SHOWN: [&str; 2] = ["?", "q"];

/// The hints that fit `width`. The rule of every footer: the keys in [`ALWAYS_SHOWN`] stay,
/// at the end with `?` last; the rest are taken in the table's order, which puts what
/// matters most first, until one does not fit. So a crowded footer drops what matters
/// least, never the way out or the way to the rest.
fn fitting(hints: &Hints, width: u16) -> Hints {
    const GAP: usize = 2;
    let cost = |(key, words): &(&str, String)| {
        unicode_width::UnicodeWidthStr::width(*key)
            + 1
            + unicode_width::UnicodeWidthStr::width(words.as_str())
            + GAP
    };
    let always = |key: &str| ALWAYS_SHOWN.iter().position(|k| *k == key);
    // Each hint pays for the gap before the next; the last has none.
    let mut room = usize::from(width) + GAP;
    let mut kept = Vec::new();
    let essentials = ALWAYS_SHOWN
        .iter()
        .filter_map(|key| hints.iter().position(|(k, _)| k == key));
    for i in essentials {
        if cost(&hints[i]) <= room {
            room -= cost(&hints[i]);
            kept.push(i);
        }
    }
    for i in (0..hints.len()).filter(|i| always(hints[*i].0).is_none()) {
        if cost(&hints[i]) > room {
            break;
        }
        room -= cost(&hints[i]);
        kept.push(i);
    }
    kept.sort_by_key(|i| (always(hints[*i].0).map(std::cmp::Reverse), *i));
    kept.into_iter().map(|i| hints[i].clone()).collect()
}

fn draw_footer(hints: &Hints, theme: &Theme, frame: &mut Frame, area: Rect) {
    let hints = fitting(hints, area.width);
    let mut spans = Vec::new();
    for (i, (key, words)) in hints.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("  ", theme.muted));
        }
        spans.push(Span::styled(*key, theme.key));
        spans.push(Span::styled(format!(" {words}"), theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The lines of a list that fit `height`, scrolled so the line for item `selected` shows
/// with up to `lead - 1` lines after it. Rows without an item are headings.
pub fn window<'a>(
    rows: Vec<(Option<usize>, Line<'a>)>,
    selected: usize,
    height: u16,
    lead: usize,
) -> Vec<Line<'a>> {
    let height = usize::from(height).max(1);
    let at = rows
        .iter()
        .position(|(i, _)| *i == Some(selected))
        .unwrap_or(0);
    let start = at.saturating_sub(height.saturating_sub(lead));
    rows.into_iter()
        .skip(start)
        .take(height)
        .map(|(_, l)| l)
        .collect()
}

/// Blanks a rectangle in the theme's background, under a box drawn over the screen.
pub fn clear(theme: &Theme, frame: &mut Frame, rect: Rect) {
    frame.render_widget(Clear, rect);
    frame.render_widget(ratatui::widgets::Block::new().style(theme.base), rect);
}

/// A rectangle centred in `area`, at most `width` × `height`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The first `max` columns of `text`, with an ellipsis when cut.
pub fn short(text: &str, max: usize) -> String {
    if unicode_width::UnicodeWidthStr::width(text) <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The footer hints for a key table: the bindings marked for the footer.
pub fn hints_from<A>(table: &[crate::app::keys::Binding<A>]) -> Hints {
    table
        .iter()
        .filter_map(|b| b.footer.map(|words| (b.keys, words.to_owned())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{fitting, hints_from};

    fn shown(width: u16) -> String {
        shown_for(crate::app::keys::SESSION, width)
    }

    fn shown_for(table: &[crate::app::keys::Binding], width: u16) -> String {
        fitting(&hints_from(table), width)
            .iter()
            .map(|(key, words)| format!("{key} {words}"))
            .collect::<Vec<_>>()
            .join("  ")
    }

    #[test]
    fn a_crowded_footer_drops_what_matters_least_and_keeps_the_way_to_every_key() {
        insta::assert_snapshot!(shown(100), @"a add  Tab next prompt  > move on  [ look back  m map  p present  q back  ? keys");
        insta::assert_snapshot!(shown(40), @"a add  Tab next prompt  q back  ? keys");
        insta::assert_snapshot!(shown(12), @"? keys");
    }

    #[test]
    fn the_way_out_stays_in_the_footer_however_many_keys_a_screen_gains() {
        let dashboard = |width| shown_for(crate::app::keys::DASHBOARD, width);
        insta::assert_snapshot!(dashboard(80), @"Enter open  n new  / find  f due  w week  s sort  h hide closed  q quit  ? keys");
        insta::assert_snapshot!(dashboard(40), @"Enter open  n new  q quit  ? keys");
        insta::assert_snapshot!(dashboard(14), @"q quit  ? keys");
    }
}
