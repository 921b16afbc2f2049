//! The new-session form: the frameworks to choose from, then the title.

use super::Hints;
use crate::app::{App, NewSession};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn draw(app: &App, form: &NewSession, frame: &mut Frame, area: Rect) -> Hints {
    let theme = &app.theme;
    let [header, choices, title_area, error_area] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(3),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled("Start a new session", theme.title)),
            Line::from(Span::styled(
                if form.title.is_none() {
                    "Which flow will the session follow?"
                } else {
                    "What shall we call it?"
                },
                theme.muted,
            )),
        ]),
        header,
    );
    // Every flow's name, then the chosen one's stages and purpose as room allows.
    let mut lines = Vec::new();
    for (i, id) in form.choices.iter().enumerate() {
        let Some(framework) = app.frameworks.get(id) else {
            continue;
        };
        let chosen = i == form.selected;
        let mark = if chosen { "▶ " } else { "  " };
        let name_style = if chosen { theme.accent } else { theme.title };
        lines.push(Line::from(vec![
            Span::styled(mark, theme.accent),
            Span::styled(framework.name.clone(), name_style),
        ]));
    }
    if let Some(framework) = form
        .choices
        .get(form.selected)
        .and_then(|id| app.frameworks.get(id))
    {
        let stages: Vec<&str> = framework.stages.iter().map(|s| s.name.as_str()).collect();
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(stages.join(" → "), theme.muted)));
        if form.title.is_none() {
            lines.push(Line::raw(""));
            lines.push(Line::raw(framework.about.clone()));
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), choices);
    if let Some(title) = &form.title {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.focus_border)
            .title(" Title ");
        frame.render_widget(block.clone(), title_area);
        frame.render_widget(title, block.inner(title_area));
    }
    if let Some(error) = &form.error {
        frame.render_widget(
            Paragraph::new(Span::styled(format!("! {error}"), theme.problem)),
            error_area,
        );
    }
    if form.title.is_none() {
        super::hints_from(crate::app::keys::NEW_SESSION)
    } else {
        vec![
            ("Enter", "start the session".into()),
            ("Esc", "choose another flow".into()),
        ]
    }
}
