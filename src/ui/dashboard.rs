//! The dashboard: every session with its stage, last change and next date; a welcome when empty.

use super::Hints;
use crate::app::App;
use crate::app::keys;
use crate::model::timefmt::format_date;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Wrap};

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
            if dashboard.by_next_date {
                "  by next date"
            } else {
                ""
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

fn draw_table(app: &App, visible: &[&crate::app::Entry], frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let wide = area.width >= 70;
    let (widths, header): (Vec<Constraint>, Vec<&str>) = if wide {
        (
            vec![
                Constraint::Fill(1),
                Constraint::Length(4),
                Constraint::Length(20),
                Constraint::Length(10),
                Constraint::Length(10),
                Constraint::Length(11),
            ],
            vec!["Title", "", "Stage", "Next date", "Done", "Last change"],
        )
    } else {
        (
            vec![
                Constraint::Fill(1),
                Constraint::Length(4),
                Constraint::Length(14),
                Constraint::Length(1),
            ],
            vec!["Title", "", "Stage", ""],
        )
    };
    // The title has the room the other columns leave (their widths and a space each).
    let others: u16 = widths
        .iter()
        .map(|w| match w {
            Constraint::Length(n) => n + 1,
            _ => 0,
        })
        .sum();
    let title_width = usize::from(area.width.saturating_sub(others));
    let height = usize::from(area.height.saturating_sub(1)).max(1);
    let selected = app.dashboard.selected.min(visible.len().saturating_sub(1));
    let offset = selected.saturating_sub(height - 1);
    let rows = visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, entry)| {
            let framework = app.frameworks.get(&entry.framework);
            let stage = framework.and_then(|f| f.stage(&entry.stage));
            let stage_text = match (&entry.problem, stage) {
                (Some(_), _) => "! could not be read".to_owned(),
                (None, Some(s)) => format!("{} {}", s.symbol, s.name),
                (None, None) => format!("· {}", entry.stage),
            };
            let short =
                framework.map_or_else(|| entry.framework.clone(), |f| f.short.to_uppercase());
            let updated = entry
                .updated
                .map(|u| format_date(u.to_offset(app.offset).date()))
                .unwrap_or_default();
            let next = match (entry.overdue, entry.next_date) {
                (true, _) => "! overdue".to_owned(),
                (false, Some(date)) => format_date(date),
                (false, None) => "—".to_owned(),
            };
            let next_style = if entry.overdue {
                theme.problem
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
                cells.push(Cell::from(progress(entry.done, entry.commitments)));
                cells.push(Cell::from(updated));
            } else if entry.overdue {
                cells.push(Cell::from("!").style(theme.problem));
            }
            let row = Row::new(cells);
            match (i == selected, entry.problem.is_some()) {
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
        frame.render_widget(
            Paragraph::new(Span::styled(
                "Nothing matches yet; Esc clears the search.",
                theme.muted,
            )),
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
