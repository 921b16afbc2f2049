//! The boxes over the session screen: questions, pick lists, the copy and export boxes, and the frames they share.

mod theme_box;

use super::form::{draw_form, draw_picker, tick_mark};
use super::{Hints, centered};
use crate::app::overlay;
use crate::app::{App, Overlay, SessionView};
use crate::text::clean_line;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Draws the open overlay and returns its key hints.
pub fn draw_overlay(
    app: &App,
    view: &SessionView,
    overlay: &Overlay,
    frame: &mut Frame,
    area: Rect,
) -> Hints {
    let theme = &app.theme;
    match overlay {
        Overlay::Form(form) => match &form.picker {
            Some(picker) => draw_picker(picker, theme, frame, area),
            None => draw_form(form, theme, frame, area),
        },
        Overlay::Picker { picker, .. } => draw_picker(picker, theme, frame, area),
        Overlay::ConfirmDelete { text, impact, .. } => {
            let mut lines = vec![Line::from(vec![
                Span::raw("Delete “"),
                Span::raw(clean_line(text)),
                Span::raw("”?"),
            ])];
            if !impact.is_empty() {
                lines.push(Line::raw(""));
                lines.push(Line::from(Span::styled(
                    "These build on it and will be unlinked:",
                    theme.gentle,
                )));
                for item in impact {
                    lines.push(Line::raw(format!("• {}", clean_line(item))));
                }
            }
            lines.push(Line::raw(""));
            lines.push(Line::from(Span::styled(
                "u brings it back afterwards.",
                theme.muted,
            )));
            popup(theme, frame, area, " Delete? ", lines);
            super::hints_from(overlay::delete::KEYS)
        }
        Overlay::Theme(theme_box) => {
            theme_box::draw(view, theme_box, theme, frame, area);
            super::hints_from(theme_box.keys())
        }
        Overlay::Rename(input) => {
            let words = "The file keeps its name; only the title changes.";
            let width = area.width.saturating_sub(2).min(64);
            let note = (words, theme.muted);
            one_line_box(
                frame,
                area,
                theme,
                (" Rename this session ", width, 5),
                input,
                note,
            );
            super::hints_from(overlay::rename::KEYS)
        }
        Overlay::Votes { input, error, .. } => {
            let note = match error {
                Some(problem) => (problem.as_str(), theme.gentle),
                None => (
                    "The total, like 7; or +3 to add one person's three.",
                    theme.muted,
                ),
            };
            one_line_box(
                frame,
                area,
                theme,
                (" The room's dots ", 56, 6),
                input,
                note,
            );
            super::hints_from(overlay::votes::KEYS)
        }
        Overlay::KindChoice { kinds, selected } => {
            let lines = kinds
                .iter()
                .enumerate()
                .map(|(i, k)| {
                    if i == *selected {
                        Line::from(Span::styled(
                            format!("▶ {}", k.with_article()),
                            theme.accent,
                        ))
                    } else {
                        Line::raw(format!("  {}", k.with_article()))
                    }
                })
                .collect();
            popup(theme, frame, area, " Add… ", lines);
            super::hints_from(overlay::kind_choice::KEYS)
        }
        Overlay::CopyTo { input, error, .. } => {
            let rect = centered(area, area.width.saturating_sub(2).min(76), 7);
            super::clear(theme, frame, rect);
            let block = framed(" Write a copy with every word ", theme);
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            let [note, field, message] = Layout::vertical([
                Constraint::Length(2),
                Constraint::Length(1),
                Constraint::Fill(1),
            ])
            .areas(inner);
            frame.render_widget(
                Paragraph::new(Span::styled(
                    "The sessions folder cannot be written. Where shall the copy go?",
                    theme.muted,
                ))
                .wrap(Wrap { trim: true }),
                note,
            );
            frame.render_widget(input.as_ref(), field);
            if let Some(error) = error {
                frame.render_widget(
                    Paragraph::new(Span::styled(
                        format!("! {}", clean_line(error)),
                        theme.problem,
                    ))
                    .wrap(Wrap { trim: true }),
                    message,
                );
            }
            super::hints_from(overlay::copy_to::KEYS)
        }
        Overlay::Export {
            selected,
            audience,
            audiences,
            path,
            error,
            ..
        } => {
            let format = crate::export::Format::ALL[*selected];
            let width = area.width.saturating_sub(4).min(72);
            // Each choice on one line, cut to fit, so every one shows at any size.
            let fit = |text: String| super::short(&text, usize::from(width.saturating_sub(4)));
            // The rows a line takes once wrapped (a word carried over can cost a little more).
            let inner_width = usize::from(width.saturating_sub(2)).max(1);
            let rows_of = |line: &Line| {
                let w = line.width();
                if w <= inner_width {
                    1
                } else {
                    (w + inner_width / 4) / inner_width + 1
                }
            };
            let mut question_rows = 1;
            let mut lines: Vec<Line> = Vec::new();
            match path {
                None => {
                    lines.push(Line::from(Span::styled(
                        "What would you like to share?",
                        theme.muted,
                    )));
                    for (i, format) in crate::export::Format::ALL.iter().enumerate() {
                        let text = fit(format!("{} .{}", format.label(), format.extension()));
                        lines.push(if i == *selected {
                            Line::from(Span::styled(format!("▶ {text}"), theme.accent))
                        } else {
                            Line::raw(format!("  {text}"))
                        });
                    }
                    // Whose copy, for a report; a spreadsheet or a calendar is everyone's.
                    let (ask, copy) = match (format.is_document(), audiences.len() > 1) {
                        (true, true) => ("Whose copy (←/→):", format!("◀ {} ▶", audience.label())),
                        (true, false) => ("Whose copy:", audience.label().to_owned()),
                        (false, _) => ("Whose copy:", "the same for everyone".to_owned()),
                    };
                    lines.push(Line::from(Span::styled(ask, theme.muted)));
                    let style = if format.is_document() {
                        theme.accent
                    } else {
                        theme.muted
                    };
                    lines.push(Line::from(Span::styled(format!("  {}", fit(copy)), style)));
                }
                Some(_) => {
                    let question = if format.is_document() {
                        format!(
                            "{}, {}: where shall it go?",
                            crate::text::capitalised(audience.label()),
                            format.label()
                        )
                    } else {
                        format!("Where shall the {} go?", format.label())
                    };
                    let question = Line::from(Span::styled(question, theme.muted));
                    question_rows = rows_of(&question);
                    lines.push(question);
                    lines.push(Line::raw(""));
                    lines.push(Line::raw(""));
                }
            }
            if let Some(error) = error {
                lines.push(Line::from(Span::styled(
                    format!("! {}", clean_line(error)),
                    theme.problem,
                )));
            }
            let rows: usize = lines.iter().map(rows_of).sum();
            let height = u16::try_from(rows)
                .unwrap_or(u16::MAX)
                .saturating_add(2)
                .min(area.height);
            let rect = centered(area, width, height);
            super::clear(theme, frame, rect);
            let block = framed(" Export ", theme);
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
            match path {
                None => super::hints_from(overlay::export::CHOOSE_KEYS),
                Some(input) => {
                    // The place is typed on the row under the question, however it wraps.
                    let field = Rect {
                        y: inner
                            .y
                            .saturating_add(u16::try_from(question_rows).unwrap_or(u16::MAX)),
                        height: 1,
                        ..inner
                    };
                    if field.y < inner.y + inner.height {
                        frame.render_widget(input.as_ref(), field);
                    }
                    super::hints_from(overlay::export::PLACE_KEYS)
                }
            }
        }
        Overlay::Tags(picker) => {
            let mut rows: Vec<(Option<usize>, Line)> = Vec::new();
            let mut section = "";
            for (i, (choice, on)) in picker.items.iter().enumerate() {
                if choice.section() != section {
                    section = choice.section();
                    rows.push((None, Line::from(Span::styled(section, theme.title))));
                }
                let single = matches!(
                    choice,
                    crate::app::tags::TagChoice::Level(_) | crate::app::tags::TagChoice::Voice(_)
                );
                let mark = tick_mark(single, *on);
                let text = format!("  {mark} {}", choice.label());
                let style = if i == picker.cursor {
                    theme.selected
                } else if picker.finder.matches(&choice.label()) {
                    theme.accent
                } else {
                    theme.base
                };
                rows.push((Some(i), Line::from(Span::styled(text, style))));
            }
            let rect = centered(area, area.width.saturating_sub(2).min(60), area.height);
            super::clear(theme, frame, rect);
            let labels: Vec<String> = picker.items.iter().map(|(c, _)| c.label()).collect();
            let found = picker.finder.count(&labels);
            let block = finding(
                framed(" Tags for the map ", theme),
                &picker.finder,
                found,
                theme,
            );
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            let lines = super::window(rows, picker.cursor, inner.height, 2);
            frame.render_widget(Paragraph::new(lines), inner);
            super::hints_from(crate::app::keys::PICK)
        }
        Overlay::Conflict { copy } => {
            let name = copy
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let lines = vec![
                Line::raw(
                    "Another program (a sync tool, git, a colleague) changed this session's file while it was open here.",
                ),
                Line::raw(""),
                Line::raw(format!(
                    "Nothing was overwritten. Your version is saved as {name}."
                )),
                Line::raw(""),
                Line::from(vec![
                    Span::styled("m ", theme.key),
                    Span::raw("use mine: theirs is kept as a copy"),
                ]),
                Line::from(vec![
                    Span::styled("t ", theme.key),
                    Span::raw("open theirs: mine stays in the copy"),
                ]),
                Line::from(vec![
                    Span::styled("Esc ", theme.key),
                    Span::raw("decide later: changes keep going to the copy"),
                ]),
            ];
            popup(theme, frame, area, " Two versions ", lines);
            super::hints_from(overlay::conflict::KEYS)
        }
        Overlay::Agenda(editor) => super::agenda::draw(view, editor, theme, frame, area),
        Overlay::ConfirmLeave { reason, .. } => {
            let since = view.saved_at.map_or_else(
                || "since the session was opened".to_owned(),
                |t| {
                    let t = t.to_offset(app.offset);
                    format!("since {:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
                },
            );
            let lines = vec![
                Line::raw(format!(
                    "The latest changes could not be saved: {}.",
                    clean_line(reason)
                )),
                Line::raw(""),
                Line::raw(format!(
                    "They are still here. Leaving now loses what was typed {since}."
                )),
            ];
            popup(theme, frame, area, " Not saved yet ", lines);
            super::hints_from(overlay::leave::KEYS)
        }
    }
}

/// A pick list's frame, saying underneath what is typed to find a line and how many
/// lines hold it (`found`), or that typing finds.
pub(super) fn finding<'a>(
    block: Block<'a>,
    finder: &crate::app::finder::Finder,
    found: usize,
    theme: &Theme,
) -> Block<'a> {
    let query = clean_line(finder.query());
    let words = if finder.active() && found == 0 {
        Span::styled(format!(" find: {query} · none found "), theme.accent)
    } else if finder.active() {
        Span::styled(
            format!(" find: {query} · {found} found, Enter chooses "),
            theme.accent,
        )
    } else {
        Span::styled(" type to find ", theme.muted)
    };
    block.title_bottom(Line::from(words).right_aligned())
}

pub(super) fn framed<'a>(title: &'a str, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focus_border)
        .title(Span::styled(title, theme.accent))
}

pub(super) fn popup(theme: &Theme, frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>) {
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(4);
    popup_of_height(theme, frame, area, title, lines, height);
}

/// A popup whose lines wrap: tall enough for them once wrapped, where the screen allows.
pub(super) fn wrapped_popup(
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line>,
) {
    let height = wrapped_rows(&lines, area).saturating_add(2);
    popup_of_height(theme, frame, area, title, lines, height);
}

/// Rows `lines` take once wrapped inside a popup over `area`.
pub(super) fn wrapped_rows(lines: &[Line], area: Rect) -> u16 {
    let inner = usize::from(popup_width(area).saturating_sub(2)).max(1);
    // A word carried over to the next row can cost a little more than the width.
    let rows: usize = lines
        .iter()
        .map(|l| (l.width() + inner / 4) / inner + 1)
        .sum();
    u16::try_from(rows).unwrap_or(u16::MAX)
}

pub(super) fn popup_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).min(64)
}

pub(super) fn popup_of_height(
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line>,
    height: u16,
) {
    let rect = centered(area, popup_width(area), height.min(area.height));
    super::clear(theme, frame, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(framed(title, theme)),
        rect,
    );
}

/// A box (its title, width and height) with a one-line text field and a note under it.
pub(super) fn one_line_box(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    (title, width, height): (&str, u16, u16),
    input: &ratatui_textarea::TextArea<'static>,
    (words, style): (&str, ratatui::style::Style),
) {
    let rect = centered(area, width, height);
    super::clear(theme, frame, rect);
    let block = framed(title, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [field, note] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(input, field);
    frame.render_widget(
        Paragraph::new(Span::styled(words, style)).wrap(Wrap { trim: true }),
        note,
    );
}
