//! The boxes over the session screen: the record form, the pick list, questions, the theme.

use super::{Hints, centered};
use crate::app::form::{Form, Input};
use crate::app::overlay;
use crate::app::picker::LinkPicker;
use crate::app::{App, Overlay, SessionView};
use crate::text::clean_line;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

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
        Overlay::Theme { input, known, .. } => {
            let rect = centered(area, 60, 7);
            super::clear(theme, frame, rect);
            let block = framed(" Theme for this strength ", theme);
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            let [field, list] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
            frame.render_widget(input.as_ref(), field);
            if !known.is_empty() {
                let names: Vec<String> = known.iter().map(|t| clean_line(t)).collect();
                frame.render_widget(
                    Paragraph::new(Span::styled(
                        format!("Themes so far: {}", names.join(", ")),
                        theme.muted,
                    ))
                    .wrap(Wrap { trim: true }),
                    list,
                );
            }
            super::hints_from(overlay::theme::KEYS)
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
            path,
            error,
            ..
        } => {
            let mut lines: Vec<Line> = Vec::new();
            match path {
                None => {
                    lines.push(Line::from(Span::styled(
                        "What would you like to share?",
                        theme.muted,
                    )));
                    for (i, format) in crate::export::Format::ALL.iter().enumerate() {
                        let text = format!("{} .{}", format.label(), format.extension());
                        lines.push(if i == *selected {
                            Line::from(Span::styled(format!("▶ {text}"), theme.accent))
                        } else {
                            Line::raw(format!("  {text}"))
                        });
                    }
                }
                Some(_) => {
                    let format = crate::export::Format::ALL[*selected];
                    lines.push(Line::from(Span::styled(
                        format!("Where shall the {} go?", format.label()),
                        theme.muted,
                    )));
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
            let width = area.width.saturating_sub(4).min(72);
            let height = u16::try_from(lines.len())
                .unwrap_or(u16::MAX)
                .saturating_add(2)
                .min(area.height);
            let rect = centered(area, width, height);
            super::clear(theme, frame, rect);
            let block = framed(" Export ", theme);
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
            match path {
                None => super::hints_from(overlay::export::CHOOSE_KEYS),
                Some(input) => {
                    let field = Rect {
                        y: inner.y + 1,
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
                } else {
                    theme.base
                };
                rows.push((Some(i), Line::from(Span::styled(text, style))));
            }
            let rect = centered(area, area.width.saturating_sub(2).min(60), area.height);
            super::clear(theme, frame, rect);
            let block = framed(" Tags for the map ", theme);
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

fn framed<'a>(title: &'a str, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focus_border)
        .title(Span::styled(title, theme.accent))
}

fn popup(theme: &Theme, frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>) {
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(4);
    popup_of_height(theme, frame, area, title, lines, height);
}

/// A popup whose lines wrap: tall enough for them once wrapped, where the screen allows.
fn wrapped_popup(theme: &Theme, frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>) {
    let height = wrapped_rows(&lines, area).saturating_add(2);
    popup_of_height(theme, frame, area, title, lines, height);
}

/// Rows `lines` take once wrapped inside a popup over `area`.
fn wrapped_rows(lines: &[Line], area: Rect) -> u16 {
    let inner = usize::from(popup_width(area).saturating_sub(2)).max(1);
    // A word carried over to the next row can cost a little more than the width.
    let rows: usize = lines
        .iter()
        .map(|l| (l.width() + inner / 4) / inner + 1)
        .sum();
    u16::try_from(rows).unwrap_or(u16::MAX)
}

fn popup_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).min(64)
}

fn popup_of_height(
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

/// The lens's offer: the phrase, the sentence as it would read (or the question to ask),
/// why, and the keys to take it, adjust it or keep the speaker's words.
fn draw_suggestion(
    form: &Form,
    field: usize,
    suggestion: &crate::lens::Suggestion,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> Hints {
    let label = form.fields.get(field).map_or("", |f| f.label);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{label}: "), theme.muted),
        Span::styled(format!("“{}”", clean_line(&suggestion.found)), theme.title),
    ])];
    match (&suggestion.question, form.preview()) {
        (Some(question), _) => lines.push(Line::from(vec![
            Span::styled("Worth asking: ", theme.muted),
            Span::styled(question.clone(), theme.accent),
        ])),
        (None, Some(sentence)) => lines.push(Line::from(vec![
            Span::styled("It would read: ", theme.muted),
            Span::styled(format!("“{}”", clean_line(&sentence)), theme.accent),
        ])),
        (None, None) => {}
    }
    lines.push(Line::raw(""));
    lines.push(Line::raw(suggestion.reason.clone()));
    if suggestion.blames_child {
        lines.push(Line::from(Span::styled(
            "! This phrase blames the child for harm done to them.",
            theme.problem,
        )));
    }
    let closing = [
        Line::raw(""),
        Line::from(Span::styled(
            "The room's words are theirs: nothing changes unless you choose.",
            theme.muted,
        )),
    ];
    // On a small screen the reassurance gives way, rather than be cut mid-sentence.
    if wrapped_rows(&lines, area) + wrapped_rows(&closing, area) + 2 <= area.height {
        lines.extend(closing);
    }
    wrapped_popup(theme, frame, area, " Words that build up ", lines);
    // A question has no alternative to use: its `y` is left out.
    let mut hints = super::hints_from(overlay::suggestion::KEYS);
    if suggestion.alternative.is_none() {
        hints.retain(|(key, _)| *key != "y");
    }
    hints
}

/// Rows a field takes: a box for several lines, one row for a line or a choice.
fn field_height(input: &Input, multiline_rows: u16) -> u16 {
    match input {
        Input::Text {
            multiline: true, ..
        } => multiline_rows,
        _ => 1,
    }
}

pub fn draw_form(form: &Form, theme: &Theme, frame: &mut Frame, area: Rect) -> Hints {
    let title = crate::app::sections::title(form);
    let total = |rows: u16| {
        form.fields
            .iter()
            .map(|f| field_height(&f.input, rows))
            .sum::<u16>()
    };
    // Roomy boxes when they fit, smaller ones when not, one field at a time on a tiny window.
    let room = area.height.saturating_sub(4);
    let multiline_rows = if total(5) <= room { 5 } else { 4 };
    let rect = centered(
        area,
        area.width.saturating_sub(2).min(76),
        (total(multiline_rows) + 4).min(area.height),
    );
    super::clear(theme, frame, rect);
    let block = framed(&title, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [fields_area, links_area, message_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);

    let all_fit = total(multiline_rows) <= fields_area.height;
    let shown: Vec<usize> = if all_fit {
        (0..form.fields.len()).collect()
    } else {
        vec![form.focus]
    };
    let constraints: Vec<Constraint> = shown
        .iter()
        .map(|&i| {
            if all_fit {
                Constraint::Length(field_height(&form.fields[i].input, multiline_rows))
            } else {
                Constraint::Fill(1)
            }
        })
        .collect();
    let areas = Layout::vertical(constraints).split(fields_area);
    let label_width = form
        .fields
        .iter()
        .filter(|f| {
            !matches!(
                f.input,
                Input::Text {
                    multiline: true,
                    ..
                }
            )
        })
        .map(|f| f.label.width())
        .max()
        .unwrap_or(0)
        .min(usize::from(fields_area.width / 3)) as u16
        + 3;
    for (slot, &i) in shown.iter().enumerate() {
        let field = &form.fields[i];
        let focused = i == form.focus;
        let mut label = field.label.to_owned();
        if !all_fit {
            label = format!("{label} ({} of {})", i + 1, form.fields.len());
        }
        let label_style = if focused { theme.accent } else { theme.muted };
        let field_area = areas[slot];
        match &field.input {
            Input::Text { area, multiline } if *multiline || !all_fit => {
                let block = Block::default()
                    .borders(Borders::ALL)
                    .border_style(if focused {
                        theme.focus_border
                    } else {
                        theme.border
                    })
                    .title(Span::styled(format!(" {label} "), label_style));
                let inner = block.inner(field_area);
                frame.render_widget(block, field_area);
                draw_text(area, focused, frame, inner);
            }
            input => {
                let [label_area, value_area] =
                    Layout::horizontal([Constraint::Length(label_width), Constraint::Fill(1)])
                        .areas(field_area);
                let mark = if focused { "▶ " } else { "  " };
                frame.render_widget(
                    Paragraph::new(Span::styled(format!("{mark}{label}"), label_style)),
                    label_area,
                );
                match input {
                    Input::Text { area, .. } => draw_text(area, focused, frame, value_area),
                    Input::Choice { options, selected } => {
                        draw_choice(options, *selected, focused, theme, frame, value_area);
                    }
                }
            }
        }
    }
    if form.purpose == crate::app::form::Purpose::Record
        && crate::model::link_target(form.kind).is_some()
    {
        let text = if form.links.is_empty() {
            "Builds on: nothing linked yet (Ctrl-l to choose)".to_owned()
        } else {
            let ids: Vec<String> = form.links.iter().map(ToString::to_string).collect();
            format!("Builds on: {} (Ctrl-l to change)", ids.join(", "))
        };
        frame.render_widget(Paragraph::new(Span::styled(text, theme.muted)), links_area);
    }
    if let Some((field, suggestion)) = &form.suggestion {
        return draw_suggestion(form, *field, suggestion, theme, frame, area);
    }
    if form.confirm_discard {
        frame.render_widget(
            Paragraph::new(Span::styled(
                "Discard what was typed? y discards, any other key keeps editing",
                theme.gentle,
            )),
            message_area,
        );
        return vec![("y", "discard".into()), ("any key", "keep editing".into())];
    }
    if let Some(error) = &form.error {
        frame.render_widget(
            Paragraph::new(Span::styled(format!("! {error}"), theme.problem)),
            message_area,
        );
    }
    let mut hints: Hints = vec![("Enter", "save".into()), ("Alt-Enter", "new line".into())];
    if form.fields.len() > 1 {
        hints.push(("Tab", "next field".into()));
    }
    if form.purpose == crate::app::form::Purpose::Record
        && crate::model::link_target(form.kind).is_some()
    {
        hints.push(("Ctrl-l", "link".into()));
    }
    hints.push(("Esc", "close".into()));
    hints
}

/// A text field: the editor when focused, else its words on one line.
fn draw_text(
    area: &ratatui_textarea::TextArea<'static>,
    focused: bool,
    frame: &mut Frame,
    rect: Rect,
) {
    if focused {
        frame.render_widget(area, rect);
    } else {
        frame.render_widget(Paragraph::new(clean_line(&area.lines().join(" "))), rect);
    }
}

/// A choice: every option with its number when they fit, else the chosen one between arrows.
fn draw_choice(
    options: &[&str],
    selected: usize,
    focused: bool,
    theme: &Theme,
    frame: &mut Frame,
    rect: Rect,
) {
    let full: usize = options.iter().map(|o| o.width() + 6).sum();
    let line = if full <= usize::from(rect.width) {
        let mut spans = Vec::new();
        for (n, option) in options.iter().enumerate() {
            let chosen = n == selected;
            let text = format!("{} {}{}", n + 1, if chosen { "● " } else { "○ " }, option);
            spans.push(Span::styled(
                text,
                if chosen { theme.accent } else { theme.muted },
            ));
            spans.push(Span::raw("  "));
        }
        Line::from(spans)
    } else {
        let chosen = options.get(selected).copied().unwrap_or_default();
        let style = if focused { theme.accent } else { theme.muted };
        Line::from(Span::styled(
            format!("‹ {chosen} › ({}/{})", selected + 1, options.len()),
            style,
        ))
    };
    frame.render_widget(Paragraph::new(line), rect);
}

/// A tick in a pick list: round where one may be chosen, square where any may.
fn tick_mark(single: bool, on: bool) -> &'static str {
    match (single, on) {
        (true, true) => "(•)",
        (true, false) => "( )",
        (false, true) => "[x]",
        (false, false) => "[ ]",
    }
}

fn draw_picker(picker: &LinkPicker, theme: &Theme, frame: &mut Frame, area: Rect) -> Hints {
    let height = u16::try_from(picker.candidates.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(area.height)
        .max(3);
    let rect = centered(area, area.width.saturating_sub(2).min(76), height);
    super::clear(theme, frame, rect);
    let block = framed(&picker.title, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let rows = usize::from(inner.height.max(1));
    let offset = picker.cursor.saturating_sub(rows - 1);
    let lines: Vec<Line> = picker
        .candidates
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, (id, text))| {
            let ticked = tick_mark(picker.single, picker.chosen.contains(id));
            let line = format!("{ticked} {id} {text}");
            if i == picker.cursor {
                Line::from(Span::styled(line, theme.selected))
            } else {
                Line::raw(line)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    super::hints_from(crate::app::keys::PICK)
}
