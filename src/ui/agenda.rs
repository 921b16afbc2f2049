//! The day's plan drawn over the session: each block with its clock times and minutes, the chosen one marked.

use super::Hints;
use super::overlay::{framed, one_line_box};
use crate::app::SessionView;
use crate::app::agenda::{KEYS, PlanEditor, TYPING_KEYS};
use crate::export::run_sheet::{Sheet, duration_words};
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the plan below the session's title and stage rail (so the room's clock and the
/// day's pace stay in sight) and returns its key hints.
pub fn draw(
    view: &SessionView,
    editor: &PlanEditor,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> Hints {
    let [_, rest] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let sheet = Sheet::new(&view.session, Some(&view.framework), None);
    super::clear(theme, frame, rest);
    let title = " The day's plan ";
    let block = framed(title, theme);
    let inner = block.inner(rest);
    frame.render_widget(block, rest);
    let [list, summary] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let narrow = inner.width < 50;
    let visible = usize::from(list.height).max(1);
    let selected = editor.selected.min(sheet.rows.len().saturating_sub(1));
    let first = (selected + 1).saturating_sub(visible);
    let width = usize::from(list.width);
    let lines: Vec<Line> = sheet
        .rows
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, row)| {
            let chosen = i == selected;
            let marker = if chosen { "▶" } else { " " };
            let time = match (row.time.is_empty(), narrow) {
                (true, _) => String::new(),
                (false, true) => row.time.split('–').next().unwrap_or_default().to_owned() + " ",
                (false, false) => format!("{}  ", row.time),
            };
            let minutes = if narrow {
                format!("{:>3}m ", row.minutes)
            } else {
                format!("{:>3} min  ", row.minutes)
            };
            let mut words = row.title.clone();
            if !row.note.is_empty() {
                words = format!("{words} — {}", row.note);
            }
            let room = width.saturating_sub(1 + time.chars().count() + minutes.chars().count());
            let words = super::short(&words, room);
            let style = match (chosen, row.pause) {
                (true, _) => theme.accent,
                (false, true) => theme.muted,
                (false, false) => theme.base,
            };
            Line::from(vec![
                Span::styled(marker, theme.accent),
                Span::styled(time, theme.key),
                Span::styled(minutes, theme.muted),
                Span::styled(words, style),
            ])
        })
        .collect();
    let lines = if lines.is_empty() {
        vec![Line::from(Span::styled(
            "No blocks yet: b adds a break, o another block, u brings back the last.",
            theme.muted,
        ))]
    } else {
        lines
    };
    frame.render_widget(Paragraph::new(lines), list);
    let summary_words = match sheet.start {
        Some(_) => sheet.summary(),
        None => format!(
            "In all {}. s sets the start time.",
            duration_words(sheet.total)
        ),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(
                " {}",
                super::short(&summary_words, usize::from(summary.width) - 1)
            ),
            theme.muted,
        )),
        summary,
    );
    if let Some(typing) = &editor.typing {
        let note = match &typing.error {
            Some(problem) => (problem.as_str(), theme.gentle),
            None => ("Enter keeps it; Esc leaves it as it was.", theme.muted),
        };
        let width = area.width.saturating_sub(2).min(56);
        one_line_box(
            frame,
            area,
            theme,
            (typing.field.label(), width, 5),
            &typing.input,
            note,
        );
        return super::hints_from(TYPING_KEYS);
    }
    super::hints_from(KEYS)
}
