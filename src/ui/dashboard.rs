//! The dashboard: every session with its stage, last change and next date; a welcome when empty.

use super::Hints;
use crate::app::keys;
use crate::app::{App, Entry};
use crate::model::timefmt::format_date;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Wrap};
use time::Date;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) -> Hints {
    let theme = &app.theme;
    let dashboard = &app.dashboard;
    let visible = dashboard.visible();
    let searching = dashboard.search.is_some();
    let [header, list] = Layout::vertical([
        Constraint::Length(if searching { 2 } else { 1 }),
        Constraint::Fill(1),
    ])
    .areas(area);

    let count = dashboard.entries.len();
    let noun = if count == 1 { "session" } else { "sessions" };
    let mut lines = vec![Line::from(vec![
        Span::styled("convene", theme.accent),
        Span::styled(format!("  {count} {noun}"), theme.title),
        Span::styled(
            match (dashboard.by_next_date, dashboard.hide_closed) {
                (true, true) => "  by next date · closed hidden",
                (true, false) => "  by next date",
                (false, true) => "  closed hidden",
                (false, false) => "",
            },
            theme.key,
        ),
        Span::styled(format!("  in {}", app.dir.display()), theme.muted),
    ])];
    if let Some(search) = &dashboard.search {
        let query = search.lines().join(" ");
        let cursor = if dashboard.searching { "▏" } else { "" };
        lines.push(Line::from(vec![
            Span::styled("Find: ", theme.key),
            Span::raw(crate::text::clean_line(&query)),
            Span::styled(cursor, theme.accent),
            Span::styled(format!("  ({} shown)", visible.len()), theme.muted),
            // A match among the hidden closed conferences is said, with the way to see it.
            Span::styled(
                match dashboard.hidden_matches() {
                    0 => String::new(),
                    1 => "  1 closed one hidden: h shows it".to_owned(),
                    n => format!("  {n} closed ones hidden: h shows them"),
                },
                theme.key,
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), header);

    if !dashboard.loaded {
        frame.render_widget(
            Paragraph::new(Span::styled(
                "Reading the sessions in this folder…",
                theme.muted,
            )),
            list,
        );
        return super::hints_from(keys::DASHBOARD);
    }
    if dashboard.loaded && dashboard.entries.is_empty() {
        welcome(theme, frame, list);
        return vec![
            ("n", "start your first session".into()),
            ("?", "keys".into()),
            ("q", "quit".into()),
        ];
    }
    if dashboard.searching {
        draw_table(app, &visible, frame, list);
        return vec![("Enter", "done".into()), ("Esc", "clear the search".into())];
    }
    draw_table(app, &visible, frame, list);
    super::hints_from(keys::DASHBOARD)
}

fn welcome(theme: &Theme, frame: &mut Frame, area: Rect) {
    let text = Text::from(vec![
        Line::from(Span::styled("Welcome to convene.", theme.title)),
        Line::raw(""),
        Line::raw("There are no sessions in this folder yet."),
        Line::raw(""),
        Line::from(vec![
            Span::raw("Press "),
            Span::styled("n", theme.key),
            Span::raw(
                " to start one: an Appreciative Inquiry workshop or a Family Group Conference.",
            ),
        ]),
        Line::raw(""),
        Line::from(Span::styled(
            "Everything the room says is saved as you go, in a file on this computer.",
            theme.muted,
        )),
    ]);
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border);
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).block(block),
        area,
    );
}

/// The words of an entry's stage column.
fn stage_words(app: &App, entry: &Entry) -> String {
    let stage = app
        .frameworks
        .get(&entry.framework)
        .and_then(|f| f.stage(&entry.stage));
    match (&entry.problem, stage) {
        (Some(_), _) => "! could not be read".to_owned(),
        (None, Some(s)) => format!("{} {}", s.symbol, s.name),
        (None, None) => format!("· {}", entry.stage),
    }
}

/// What the next date is and how near or late: "review 3 days late", "conference in 2
/// days", "plan item today"; `closed` for a closed conference.
pub fn next_words(entry: &Entry, today: Date) -> String {
    if entry.closed {
        return "closed".to_owned();
    }
    let Some(next) = entry.next else {
        return "—".to_owned();
    };
    let what = next.what.label();
    let days = (next.date - today).whole_days();
    let plural = |n: i64| if n == 1 { "day" } else { "days" };
    match days {
        ..0 => format!("! {what} {} {} late", -days, plural(-days)),
        0 => format!("{what} today"),
        1 => format!("{what} tomorrow"),
        2..=14 => format!("{what} in {days} days"),
        _ => format!("{what} {}", format_date(next.date)),
    }
}

fn width_of(text: &str) -> u16 {
    u16::try_from(unicode_width::UnicodeWidthStr::width(text)).unwrap_or(u16::MAX)
}

/// The room a title is given before the optional columns (done, last change) are shown.
const TITLE_ROOM: u16 = 26;

fn draw_table(app: &App, visible: &[&Entry], frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let today = app.local_now().date();
    let wide = area.width >= 70;
    let height = usize::from(area.height.saturating_sub(1)).max(1);
    let selected = app.dashboard.selected.min(visible.len().saturating_sub(1));
    let offset = selected.saturating_sub(height - 1);
    let shown: Vec<&Entry> = visible.iter().skip(offset).take(height).copied().collect();
    let stages: Vec<String> = shown.iter().map(|e| stage_words(app, e)).collect();
    let nexts: Vec<String> = shown.iter().map(|e| next_words(e, today)).collect();
    // Each column as wide as its widest cell (and its heading); the title takes the rest.
    let widest = |cells: &[String], heading: &str| {
        cells
            .iter()
            .map(|c| width_of(c))
            .chain([width_of(heading)])
            .max()
            .unwrap_or(0)
    };
    let stage_width = widest(&stages, "Stage").min(if wide { 24 } else { 14 });
    let next_width = widest(&nexts, "Next date").min(26);
    let mut columns: Vec<(u16, &str)> = vec![(3, ""), (stage_width, "Stage")];
    if wide {
        columns.push((next_width, "Next date"));
        // Done and last change only while the title keeps its room.
        // Each as wide as its heading ("Last change" is wider than its dates).
        for optional in [(8, "Done"), (11, "Last change")] {
            let used: u16 = columns.iter().map(|(w, _)| w + 1).sum::<u16>() + optional.0 + 1;
            if area.width.saturating_sub(used) >= TITLE_ROOM {
                columns.push(optional);
            }
        }
    } else {
        columns.push((1, ""));
    }
    let others: u16 = columns.iter().map(|(w, _)| w + 1).sum();
    let title_width = usize::from(area.width.saturating_sub(others));
    let mut widths = vec![Constraint::Fill(1)];
    widths.extend(columns.iter().map(|(w, _)| Constraint::Length(*w)));
    let mut header = vec!["Title"];
    header.extend(columns.iter().map(|(_, h)| *h));
    let rows =
        shown
            .iter()
            .zip(stages)
            .zip(nexts)
            .enumerate()
            .map(|(i, ((entry, stage_text), next))| {
                let framework = app.frameworks.get(&entry.framework);
                let short =
                    framework.map_or_else(|| entry.framework.clone(), |f| f.short.to_uppercase());
                let next_style = if entry.overdue && !entry.closed {
                    theme.problem
                } else if entry.closed {
                    theme.muted
                } else {
                    ratatui::style::Style::new()
                };
                let mut cells = vec![
                    Cell::from(super::short(&entry.title, title_width)),
                    Cell::from(short),
                    Cell::from(stage_text),
                ];
                if wide {
                    cells.push(Cell::from(next).style(next_style));
                    if columns.len() > 3 {
                        cells.push(Cell::from(progress(entry.done, entry.commitments)));
                    }
                    if columns.len() > 4 {
                        let updated = entry
                            .updated
                            .map(|u| format_date(u.to_offset(app.offset).date()))
                            .unwrap_or_default();
                        cells.push(Cell::from(updated));
                    }
                } else if entry.closed {
                    cells.push(Cell::from("×").style(theme.muted));
                } else if entry.overdue {
                    cells.push(Cell::from("!").style(theme.problem));
                }
                let row = Row::new(cells);
                match (offset + i == selected, entry.problem.is_some()) {
                    (true, _) => row.style(theme.selected),
                    (false, true) => row.style(theme.problem),
                    _ => row,
                }
            });
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.muted))
        .column_spacing(1);
    frame.render_widget(table, area);
    if visible.is_empty() && app.dashboard.loaded {
        let [_, below] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
        let words = if app.dashboard.hide_closed && app.dashboard.query().is_empty() {
            "Every conference here is closed; h shows them again."
        } else if app.dashboard.hidden_matches() > 0 {
            "Only closed conferences match, and they are hidden; h shows them."
        } else {
            "Nothing matches yet; Esc clears the search."
        };
        frame.render_widget(
            Paragraph::new(Span::styled(words, theme.muted)).wrap(Wrap { trim: true }),
            below,
        );
    }
}

/// "5 of 8 done" as a small gauge: a bar of four cells and the count.
fn progress(done: usize, of: usize) -> String {
    if of == 0 {
        return "—".into();
    }
    let filled = (done * 4).div_ceil(of).min(4);
    let filled = if done < of { filled.min(3) } else { filled };
    format!(
        "{}{} {done}/{of}",
        "█".repeat(filled),
        "░".repeat(4 - filled)
    )
}

#[cfg(test)]
mod tests {
    use super::progress;

    #[test]
    fn progress_is_a_small_gauge_with_the_count() {
        assert_eq!(progress(0, 0), "—");
        assert_eq!(progress(0, 8), "░░░░ 0/8");
        assert_eq!(progress(5, 8), "███░ 5/8");
        assert_eq!(progress(7, 8), "███░ 7/8", "full only when all are done");
        assert_eq!(progress(8, 8), "████ 8/8");
    }
}
