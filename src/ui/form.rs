//! The record form and its pick list: fields, choices, the lens's offer, and their keys in the footer.

use super::overlay::{framed, wrapped_popup, wrapped_rows};
use super::{Hints, centered};
use crate::app::form::{Form, Input};
use crate::app::overlay;
use crate::app::picker::LinkPicker;
use crate::text::clean_line;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// The lens's offer: the phrase, the sentence as it would read (or the question to ask),
/// why, and the keys to take it, adjust it or keep the speaker's words.
pub(super) fn draw_suggestion(
    form: &Form,
    field: usize,
    suggestion: &crate::lens::Suggestion,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> Hints {
    let label = form.fields.get(field).map_or("", |f| &f.label);
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

/// The fields' area's height from which a form too long for it shows a window of its
/// fields rather than one field at a time.
const WINDOW_FROM: u16 = 10;

/// The fields shown when not all fit: from the first, as many as fit; once the focus is
/// past them, the window ends at the focused field.
fn fitting_window(form: &Form, multiline_rows: u16, height: u16) -> std::ops::Range<usize> {
    let height_of = |i: usize| field_height(&form.fields[i].input, multiline_rows);
    let focus = form.focus.min(form.fields.len().saturating_sub(1));
    let mut start = 0;
    let mut used: u16 = (0..=focus).map(height_of).sum();
    while used > height && start < focus {
        used -= height_of(start);
        start += 1;
    }
    let mut end = focus + 1;
    while end < form.fields.len() && used + height_of(end) <= height {
        used += height_of(end);
        end += 1;
    }
    start..end
}

pub fn draw_form(form: &Form, theme: &Theme, frame: &mut Frame, area: Rect) -> Hints {
    let title = crate::app::sections::title(form);
    let total = |rows: u16| {
        form.fields
            .iter()
            .map(|f| field_height(&f.input, rows))
            .sum::<u16>()
    };
    // Roomy boxes when they fit, smaller ones (down to one line of words) when not, one
    // field at a time on a tiny window.
    let room = area.height.saturating_sub(4);
    let multiline_rows = [5, 4]
        .into_iter()
        .find(|rows| total(*rows) <= room)
        .unwrap_or(3);
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

    // Every field when they fit; on a window of ordinary height, as many as fit around
    // the focused one (the rest a Tab away); on a small one, the focused field alone.
    let window = if total(multiline_rows) <= fields_area.height {
        Some(0..form.fields.len())
    } else if fields_area.height >= WINDOW_FROM {
        Some(fitting_window(form, multiline_rows, fields_area.height))
    } else {
        None
    };
    let all_fit = window.is_some();
    let shown: Vec<usize> = window
        .clone()
        .map_or_else(|| vec![form.focus], Iterator::collect);
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
        let mut label = field.label.to_string();
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
    if let Some(window) = window.filter(|w| w.len() < form.fields.len()) {
        let text = format!(
            "Fields {}–{} of {}: Tab and Shift-Tab move through them all",
            window.start + 1,
            window.end,
            form.fields.len()
        );
        frame.render_widget(Paragraph::new(Span::styled(text, theme.muted)), links_area);
    } else if form.purpose == crate::app::form::Purpose::Record
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
    // Someone kept apart from the plan, typed as who: the question takes the form's room.
    if let Some((_, question)) = &form.asking_kept_apart {
        let lines = vec![Line::from(Span::styled(question.clone(), theme.gentle))];
        wrapped_popup(theme, frame, area, " Who can the child count on? ", lines);
        return vec![
            ("y", "keep them".into()),
            ("any key", "choose again".into()),
        ];
    }
    // A yes-or-no question of the form's own: `y` for yes, any other key for no.
    let question = if form.asking_past_date {
        Some((
            "That date has passed — keep it? y keeps it, any other key goes back to the date",
            "keep it",
            "change it",
        ))
    } else if form.confirm_discard {
        Some((
            "Discard what was typed? y discards, any other key keeps editing",
            "discard",
            "keep editing",
        ))
    } else {
        None
    };
    if let Some((words, yes, no)) = question {
        frame.render_widget(
            Paragraph::new(Span::styled(words, theme.gentle)),
            message_area,
        );
        return vec![("y", yes.into()), ("any key", no.into())];
    }
    if let Some(error) = &form.error {
        frame.render_widget(
            Paragraph::new(Span::styled(format!("! {error}"), theme.problem)),
            message_area,
        );
    } else if let matches @ [_, ..] = form.sector_matches().as_slice() {
        // The known sectors what is typed could be, as the theme box offers themes.
        let names: Vec<String> = matches.iter().map(|m| clean_line(m)).collect();
        let mut line = vec![Span::styled(
            format!("Known: {}", names.join(", ")),
            theme.muted,
        )];
        if let Some(offer) = form.sector_offer() {
            line.push(Span::styled(
                format!(" · Tab takes “{}”", clean_line(offer)),
                theme.key,
            ));
        }
        frame.render_widget(Paragraph::new(Line::from(line)), message_area);
    }
    // The form's table, less the keys the form does not offer now.
    crate::app::form::KEYS
        .iter()
        .filter(|b| form.offers(b.action))
        .filter_map(|b| b.footer.map(|words| (b.keys, words.to_owned())))
        .collect()
}

/// A text field: the editor when focused, else its words: every line, wrapped, where the
/// field has rows for them (a multi-line field), on one line where it has one.
fn draw_text(
    area: &ratatui_textarea::TextArea<'static>,
    focused: bool,
    frame: &mut Frame,
    rect: Rect,
) {
    if focused {
        frame.render_widget(area, rect);
    } else if rect.height > 1 {
        let lines: Vec<Line> = area
            .lines()
            .iter()
            .map(|l| Line::raw(clean_line(l)))
            .collect();
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), rect);
    } else {
        frame.render_widget(Paragraph::new(clean_line(&area.lines().join(" "))), rect);
    }
}

/// A choice: every option with its number when they fit, else the chosen one between arrows.
fn draw_choice(
    options: &[String],
    selected: usize,
    focused: bool,
    theme: &Theme,
    frame: &mut Frame,
    rect: Rect,
) {
    let options: Vec<String> = options.iter().map(|o| clean_line(o)).collect();
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
        let chosen = options.get(selected).map_or("", String::as_str);
        let style = if focused { theme.accent } else { theme.muted };
        let count = format!("({}/{})", selected + 1, options.len());
        // A long option is cut with … so the arrows and the count stay in sight.
        let room = usize::from(rect.width).saturating_sub(count.width() + 5);
        Line::from(Span::styled(
            format!("‹ {} › {count}", super::short(chosen, room)),
            style,
        ))
    };
    frame.render_widget(Paragraph::new(line), rect);
}

/// A tick in a pick list: round where one may be chosen, square where any may.
pub(super) fn tick_mark(single: bool, on: bool) -> &'static str {
    match (single, on) {
        (true, true) => "(•)",
        (true, false) => "( )",
        (false, true) => "[x]",
        (false, false) => "[ ]",
    }
}

pub(super) fn draw_picker(
    picker: &LinkPicker,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> Hints {
    let height = u16::try_from(picker.candidates.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(area.height)
        .max(3);
    let rect = centered(area, area.width.saturating_sub(2).min(76), height);
    super::clear(theme, frame, rect);
    let labels: Vec<String> = picker.candidates.iter().map(|(_, t)| t.clone()).collect();
    let found = picker.finder.count(&labels);
    let block = super::overlay::finding(framed(&picker.title, theme), &picker.finder, found, theme);
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
            let votes = picker
                .votes
                .get(i)
                .map(|n| format!("({n} votes) "))
                .unwrap_or_default();
            let line = format!("{ticked} {id} {votes}{text}");
            if i == picker.cursor {
                Line::from(Span::styled(line, theme.selected))
            } else if picker.finder.matches(text) {
                Line::from(Span::styled(line, theme.accent))
            } else {
                Line::raw(line)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    super::hints_from(crate::app::keys::PICK)
}
