//! The maps: the partnership's system (sectors × levels, shaded and counted) and the child's
//! network (sides × closeness, with plan items). Never colour alone: bars and numbers.

use super::Hints;
use crate::app::{App, SessionView};
use crate::model::Level;
use crate::model::map::{network, system_map};
use crate::text::clean_line;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// The grid needs this much room; below it, the summary alone.
const GRID_WIDTH: u16 = 64;

pub fn draw(app: &App, view: &SessionView, frame: &mut Frame, area: Rect) -> Hints {
    let theme = &app.theme;
    if view.framework.conference {
        draw_network(view, theme, frame, area);
        return super::hints_from(crate::app::keys::NETWORK);
    }
    let map = system_map(&view.session, &app.sectors);
    let [title, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("Where strength lies", theme.accent),
            Span::styled("  strengths by sector and level", theme.muted),
        ])),
        title,
    );
    let summary = summary_lines(&map, theme);
    let fits = area.width >= GRID_WIDTH
        && body.height >= u16::try_from(map.sectors.len()).unwrap_or(u16::MAX) + 2;
    if !fits {
        let mut lines = vec![Line::from(Span::styled(
            format!("The grid needs a window of {GRID_WIDTH} columns or more; the summary:"),
            theme.muted,
        ))];
        lines.extend(summary);
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), body);
        return vec![("m/Esc", "back".into())];
    }
    let grid_height = u16::try_from(map.sectors.len()).unwrap_or(u16::MAX) + 1;
    let [grid, rest] =
        Layout::vertical([Constraint::Length(grid_height), Constraint::Fill(1)]).areas(body);
    // The sectors' column as wide as its longest name, leaving each level's column room
    // for its heading ("family & peer"); a name still too long ends in "…".
    let widest = map
        .sectors
        .iter()
        .map(|s| unicode_width::UnicodeWidthStr::width(clean_line(s).as_str()))
        .max()
        .unwrap_or(0);
    let label = u16::try_from(widest + 3)
        .unwrap_or(u16::MAX)
        .min(grid.width.saturating_sub(4 * 14))
        .max(22);
    let cell = (grid.width.saturating_sub(label) / 4).max(8);
    let most = map.most().max(1);
    let mut lines = Vec::new();
    let mut header = vec![Span::styled(
        format!("{:<w$}", "", w = usize::from(label)),
        theme.muted,
    )];
    for level in Level::ALL {
        let name: String = level.short().chars().take(usize::from(cell) - 1).collect();
        header.push(Span::styled(
            format!("{name:<w$}", w = usize::from(cell)),
            theme.title,
        ));
    }
    lines.push(Line::from(header));
    for (row, sector) in map.sectors.iter().enumerate() {
        let in_room = map.in_room.contains(sector);
        let name = super::short(&clean_line(sector), usize::from(label) - 3);
        let mark = if in_room { "● " } else { "  " };
        let mut spans = vec![Span::styled(
            format!("{mark}{name:<w$}", w = usize::from(label) - 2),
            theme.base,
        )];
        for level in 0..4 {
            let n = map.cell(row, level).len();
            let chosen = view.map_cursor.sector == row && view.map_cursor.level == level;
            let text = if n == 0 {
                "· not yet".to_owned()
            } else {
                let bar = (n * 5).div_ceil(most).clamp(1, 5);
                format!("{} {n}", "█".repeat(bar))
            };
            let style = match (chosen, n) {
                (true, _) => theme.selected,
                (false, 0) => theme.muted,
                _ => theme.accent,
            };
            spans.push(Span::styled(
                format!("{text:<w$}", w = usize::from(cell)),
                style,
            ));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), grid);
    frame.render_widget(Paragraph::new(summary).wrap(Wrap { trim: true }), rest);
    if view.map_cursor.listing {
        let ids = map.cell(view.map_cursor.sector, view.map_cursor.level);
        let sector = map
            .sectors
            .get(view.map_cursor.sector)
            .cloned()
            .unwrap_or_default();
        let level = Level::ALL[view.map_cursor.level.min(3)].label();
        let mut list: Vec<Line> = ids
            .iter()
            .filter_map(|id| view.session.record(*id))
            .map(|r| Line::raw(format!("• {} {}", r.id, clean_line(r.body.text()))))
            .collect();
        if list.is_empty() {
            list.push(Line::from(Span::styled(
                "Not yet heard here: no strengths tagged for this cell yet.",
                theme.muted,
            )));
        }
        let rect = super::centered(
            area,
            area.width.saturating_sub(4).min(72),
            area.height.saturating_sub(2),
        );
        super::clear(theme, frame, rect);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.focus_border)
            .title(Span::styled(format!(" {sector} · {level} "), theme.accent));
        frame.render_widget(
            Paragraph::new(list).wrap(Wrap { trim: true }).block(block),
            rect,
        );
        return vec![("Esc", "back to the map".into())];
    }
    super::hints_from(crate::app::keys::MAP)
}

fn summary_lines(map: &crate::model::map::SystemMap, theme: &Theme) -> Vec<Line<'static>> {
    let topic = map.topic.as_deref().map(|topic| {
        Line::from(vec![
            Span::styled("Topic: ", theme.title),
            Span::raw(clean_line(topic)),
        ])
    });
    let mut lines: Vec<Line<'static>> = topic.into_iter().collect();
    lines.extend([
        Line::raw(format!(
            "In the room (●): {}",
            if map.in_room.is_empty() {
                "nobody recorded yet".to_owned()
            } else {
                map.in_room.join(", ")
            }
        )),
        Line::from(Span::styled(
            format!("Not yet in the room: {}", map.not_in_room.join(", ")),
            theme.muted,
        )),
        Line::raw(format!(
            "Voices: young people {} · parents and carers {} · strengths not yet tagged {}",
            map.young_voices, map.parent_voices, map.untagged
        )),
    ]);
    for (id, text, n) in &map.goals {
        let s = if *n == 1 { "" } else { "s" };
        lines.push(Line::raw(format!(
            "Goal {id} {}: {n} agreement{s}",
            clean_line(text)
        )));
    }
    lines
}

fn draw_network(view: &SessionView, theme: &Theme, frame: &mut Frame, area: Rect) {
    let net = network(&view.session);
    let mut heading = vec![
        Line::from(vec![
            Span::styled("Who ", theme.accent),
            Span::styled(clean_line(&net.child), theme.title),
            Span::styled(" can count on", theme.accent),
        ]),
        Line::from(Span::styled(
            "by side and closeness; (n) = plan items they take on",
            theme.muted,
        )),
    ];
    if net.outside > 0 {
        let people = if net.outside == 1 { "person" } else { "people" };
        heading.push(Line::from(Span::styled(
            format!(
                "{} {people} outside the child's safe network, not shown",
                net.outside
            ),
            theme.muted,
        )));
    }
    let [title, body] = Layout::vertical([
        Constraint::Length(heading.len() as u16),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(heading).wrap(Wrap { trim: true }), title);
    let sides = ["Family", "Friends", "Community", "Professionals"];
    let rings = ["close", "around", "further out", "not placed yet"];
    if area.width < 60 {
        let mut lines = Vec::new();
        for (s, side) in sides.iter().enumerate() {
            let people: Vec<String> = (0..4)
                .flat_map(|r| {
                    net.cells[s][r].iter().map(move |p| {
                        format!("{} ({}, {})", clean_line(&p.name), rings[r], p.plan_items)
                    })
                })
                .collect();
            lines.push(Line::from(Span::styled(format!("{side}:"), theme.title)));
            lines.push(Line::raw(if people.is_empty() {
                "  nobody yet".to_owned()
            } else {
                format!("  {}", people.join(", "))
            }));
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), body);
        return;
    }
    let columns = Layout::horizontal([
        Constraint::Length(16),
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Fill(1),
    ])
    .split(body);
    let mut label_lines = vec![Line::raw("")];
    for (r, ring) in rings.iter().enumerate() {
        let style = if r == 0 { theme.accent } else { theme.muted };
        label_lines.push(Line::from(Span::styled(*ring, style)));
        for _ in 0..people_rows(&net, r).saturating_sub(1) + 1 {
            label_lines.push(Line::raw(""));
        }
    }
    frame.render_widget(Paragraph::new(label_lines), columns[0]);
    for (s, side) in sides.iter().enumerate() {
        let mut lines = vec![Line::from(Span::styled(*side, theme.title))];
        for r in 0..4 {
            let rows = people_rows(&net, r);
            let people = &net.cells[s][r];
            for i in 0..rows {
                lines.push(match people.get(i) {
                    Some(p) => Line::raw(format!("{} ({})", clean_line(&p.name), p.plan_items)),
                    None if i == 0 => Line::from(Span::styled("·", theme.muted)),
                    None => Line::raw(""),
                });
            }
            lines.push(Line::raw(""));
        }
        frame.render_widget(Paragraph::new(lines), columns[s + 1]);
    }
}

/// How many lines a ring needs: its largest cell, at least one.
fn people_rows(net: &crate::model::map::Network, ring: usize) -> usize {
    (0..4)
        .map(|s| net.cells[s][ring].len())
        .max()
        .unwrap_or(0)
        .max(1)
}
