//! The coordinator's week view: conferences with what is not ready, then reviews and plan items due.

use super::{Hints, short};
use crate::app::{App, WeekView};
use crate::model::timefmt::format_date;
use crate::week::{ConferenceDay, Week};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use time::Date;
use unicode_width::UnicodeWidthStr;

pub fn draw(view: &WeekView, app: &App, frame: &mut Frame, area: Rect) -> Hints {
    let theme = &app.theme;
    let today = app.local_now().date();
    let width = usize::from(area.width);
    let [header, list] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let hints = super::hints_from(crate::app::keys::WEEK);
    let Some(week) = &view.week else {
        frame.render_widget(
            Paragraph::new(Span::styled("Reading the week…", theme.muted)),
            header,
        );
        return hints;
    };
    let not_ready = week
        .conferences
        .iter()
        .filter(|c| !c.gaps.is_empty())
        .count();
    let narrow = width < 60;
    let conferences = match week.conferences.len() {
        1 => "1 conference".to_owned(),
        n => format!("{n} conferences"),
    };
    let summary = if narrow {
        format!(
            "{conferences}, {not_ready} not ready · {} due",
            week.due.len()
        )
    } else {
        format!(
            "{conferences}, {not_ready} not ready yet · {} reviews and plan items due",
            week.due.len()
        )
    };
    let span = if narrow {
        format!(
            "{} to {} (7 days)",
            month_day(week.from),
            month_day(week.to)
        )
    } else {
        week.span()
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled("The week ahead", theme.accent),
                Span::styled(
                    short(&format!("  {span}"), width.saturating_sub(14)),
                    theme.title,
                ),
            ]),
            Line::from(Span::styled(short(&summary, width), theme.muted)),
        ]),
        header,
    );
    if week.conferences.is_empty() && week.due.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                "No conference, review or plan item falls in the next 7 days, and nothing is late.",
                theme.muted,
            ))
            .wrap(Wrap { trim: true }),
            list,
        );
        return hints;
    }
    let rows = rows(view, week, app, today, width);
    let lead = week
        .conferences
        .get(view.selected)
        .map_or(1, |c| 1 + c.gaps.len().min(4));
    let lines = super::window(rows, view.selected, list.height, lead);
    frame.render_widget(Paragraph::new(lines), list);
    hints
}

/// A date in the week as people read it: "today", "tomorrow", or "Thu 2026-11-26" (on a
/// narrow window "Thu 11-26").
fn day(date: Date, today: Date, narrow: bool) -> String {
    match (date - today).whole_days() {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        _ => {
            let weekday = date.weekday().to_string();
            let weekday = weekday.get(..3).unwrap_or(&weekday);
            if narrow {
                format!("{weekday} {}", month_day(date))
            } else {
                format!("{weekday} {}", format_date(date))
            }
        }
    }
}

/// A date without its year, for a narrow window: "11-26".
fn month_day(date: Date) -> String {
    let full = format_date(date);
    full.get(5..).map_or(full.clone(), str::to_owned)
}

/// Every line of the list: headings (no entry), each conference and its gaps, each item due.
fn rows(
    view: &WeekView,
    week: &Week,
    app: &App,
    today: Date,
    width: usize,
) -> Vec<(Option<usize>, Line<'static>)> {
    let theme = &app.theme;
    let narrow = width < 60;
    let mut rows: Vec<(Option<usize>, Line<'static>)> = Vec::new();
    let heading = |words: &str| {
        (
            None,
            Line::from(Span::styled(format!("── {words}"), theme.accent)),
        )
    };
    let mark = |i: usize| if i == view.selected { "▶ " } else { "  " };
    if !week.conferences.is_empty() {
        rows.push(heading("Conferences, and what is not ready"));
    }
    for (i, c) in week.conferences.iter().enumerate() {
        rows.push((
            Some(i),
            conference_line(c, mark(i), i == view.selected, app, today, width),
        ));
        for gap in &c.gaps {
            rows.push((
                None,
                Line::from(vec![
                    Span::styled("    ○ ", theme.gentle),
                    Span::raw(short(gap, width.saturating_sub(6))),
                ]),
            ));
        }
    }
    if !week.due.is_empty() {
        rows.push(heading("Reviews and plan items due"));
    }
    let first = week.conferences.len();
    for (n, item) in week.due.iter().enumerate() {
        let i = first + n;
        let when = match (item.overdue, narrow) {
            (true, false) => format!("! late, {}", item.due),
            (true, true) => format!("! late {}", month_day(item.due_date)),
            (false, _) => day(item.due_date, today, narrow),
        };
        let who = if item.owner.is_empty() {
            String::new()
        } else {
            format!(" ({})", item.owner)
        };
        let rest = format!("{}: {}{who} · {}", item.kind, item.text, item.session_title);
        let used = 2 + when.width() + 2;
        rows.push((
            Some(i),
            Line::from(vec![
                Span::styled(mark(i), theme.accent),
                Span::styled(
                    format!("{when}  "),
                    if item.overdue {
                        theme.problem
                    } else {
                        theme.muted
                    },
                ),
                Span::styled(
                    short(&rest, width.saturating_sub(used)),
                    if i == view.selected {
                        theme.selected
                    } else {
                        theme.base
                    },
                ),
            ]),
        ));
    }
    rows
}

/// A conference's line: its day and time, its title, and whether it is ready.
fn conference_line(
    c: &ConferenceDay,
    mark: &'static str,
    chosen: bool,
    app: &App,
    today: Date,
    width: usize,
) -> Line<'static> {
    let theme = &app.theme;
    let narrow = width < 60;
    let when = if c.passed(today) {
        format!("! date passed, {}", format_date(c.date))
    } else if c.time.is_empty() {
        day(c.date, today, narrow)
    } else {
        format!("{} {}", day(c.date, today, narrow), c.time)
    };
    // On a narrow window the gaps beneath say what is not ready; the line keeps the title.
    let (state, state_style) = match (c.gaps.len(), narrow) {
        (0, false) => ("  ✓ ready".to_owned(), theme.done),
        (0, true) => (" ✓".to_owned(), theme.done),
        (_, true) => (String::new(), theme.gentle),
        (n, false) => (format!("  {n} not ready"), theme.gentle),
    };
    let used = 2 + when.width() + 2 + state.width();
    Line::from(vec![
        Span::styled(mark, theme.accent),
        Span::styled(
            format!("{when}  "),
            if c.passed(today) {
                theme.problem
            } else {
                theme.muted
            },
        ),
        Span::styled(
            short(&c.title, width.saturating_sub(used)),
            if chosen { theme.selected } else { theme.base },
        ),
        Span::styled(state, state_style),
    ])
}
