//! The `?` screen: every key of the current screen, from the same tables the keys use.

use super::centered;
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let (title, rows) = crate::app::layers::help_rows(app);
    let longest = rows
        .iter()
        .map(|(k, w)| if w.is_empty() { 0 } else { k.chars().count() })
        .max()
        .unwrap_or(0);
    let width = if area.width < 60 { 6 } else { longest.max(10) };
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(key, words)| {
            if words.is_empty() {
                Line::from(Span::styled((*key).to_owned(), theme.title))
            } else {
                // On a narrow window the words are cut, with an ellipsis, where the box ends.
                let room = usize::from(area.width.min(72)).saturating_sub(width + 4);
                Line::from(vec![
                    Span::styled(format!("{key:<width$}  "), theme.key),
                    Span::raw(super::short(words, room)),
                ])
            }
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        "↑/↓ scroll · any other key closes this.",
        theme.muted,
    )));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, 72, height);
    super::clear(theme, frame, rect);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focus_border)
        .title(Span::styled(title, theme.accent));
    // When the keys do not all fit, the box's edge says so (the last line, which says how
    // to scroll, is then out of sight).
    if height > rect.height {
        block = block.title_bottom(Span::styled(" ↑/↓ for more ", theme.key));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((app.help_scroll, 0)),
        rect,
    );
}
