//! The follow-through view and the report screen.

use super::Hints;
use crate::app::{FollowThrough, ReportView};
use crate::report::Figures;
use crate::text::clean_line;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{BarChart, Block, Borders, Gauge, Paragraph, Wrap};

pub fn draw(view: &FollowThrough, theme: &Theme, frame: &mut Frame, area: Rect) -> Hints {
    let [header, list] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let overdue = view.items.iter().filter(|i| i.overdue).count();
    let grouping = if view.by_owner {
        "by owner"
    } else {
        "by session"
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled("Follow-through", theme.accent),
                Span::styled(
                    format!("  due in the next {} days, and overdue", view.within),
                    theme.title,
                ),
            ]),
            Line::from(Span::styled(
                format!(
                    "{} to follow up, {overdue} overdue · {grouping}",
                    view.items.len()
                ),
                theme.muted,
            )),
        ]),
        header,
    );
    if view.loaded && view.items.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("Nothing is due in the next {} days and nothing is overdue. + looks further ahead.", view.within),
                theme.muted,
            ))
            .wrap(Wrap { trim: true }),
            list,
        );
    } else {
        let ordered = view.ordered();
        let mut rows: Vec<(Option<usize>, Line)> = Vec::new();
        let mut last_group = None;
        for (i, item) in ordered.iter().enumerate() {
            let group = if view.by_owner {
                if item.owner.is_empty() {
                    "(no owner yet)".to_owned()
                } else {
                    item.owner.clone()
                }
            } else {
                format!("{} · {}", item.session_title, item.session)
            };
            if last_group.as_ref() != Some(&group) {
                rows.push((
                    None,
                    Line::from(Span::styled(
                        format!("── {}", clean_line(&group)),
                        theme.accent,
                    )),
                ));
                last_group = Some(group);
            }
            let chosen = i == view.selected;
            let mark = if chosen { "▶ " } else { "  " };
            let when = if item.overdue {
                format!("! overdue {}", item.due)
            } else {
                item.due.clone()
            };
            let who = if view.by_owner {
                item.session_title.clone()
            } else {
                item.owner.clone()
            };
            let mut spans = vec![
                Span::styled(mark, theme.accent),
                Span::styled(
                    format!("{when:<21}"),
                    if item.overdue {
                        theme.problem
                    } else {
                        theme.muted
                    },
                ),
                Span::styled(
                    item.text.clone(),
                    if chosen { theme.selected } else { theme.base },
                ),
            ];
            if !who.is_empty() {
                spans.push(Span::styled(
                    format!("  ({})", clean_line(&who)),
                    theme.muted,
                ));
            }
            spans.push(Span::styled(format!("  {}", item.status), theme.muted));
            rows.push((Some(i), Line::from(spans)));
        }
        let lines = super::window(rows, view.selected, list.height, 1);
        frame.render_widget(Paragraph::new(lines), list);
    }
    if let Some(form) = &view.form {
        return super::form::draw_form(form, theme, frame, area);
    }
    super::hints_from(crate::app::keys::FOLLOW)
}

fn ratio(done: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        done as f64 / of as f64
    }
}

pub fn draw_report(view: &ReportView, theme: &Theme, frame: &mut Frame, area: Rect) -> Hints {
    let hints = super::hints_from(crate::app::keys::REPORT);
    let Some(f) = &view.figures else {
        frame.render_widget(Paragraph::new("Reading the sessions…"), area);
        return hints;
    };
    let wide = area.width >= 70 && area.height >= 20;
    // A side with nothing in it is a line at the foot, and the other takes the width.
    if wide && (f.workshops.count == 0 || f.conferences.count == 0) {
        let [main, foot] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        let (empty, words) = if f.workshops.count == 0 {
            conferences(f, theme, frame, main, true);
            ("Workshops: 0", "no workshop in this folder yet")
        } else {
            workshops(f, theme, frame, main);
            ("Conferences: 0", "no conference in this folder yet")
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(empty, theme.title),
                Span::styled(format!("  {words}"), theme.muted),
            ])),
            foot,
        );
        return hints;
    }
    let [left, right] = if wide {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    } else {
        [area, Rect::default()]
    };
    conferences(f, theme, frame, left, wide);
    if wide {
        workshops(f, theme, frame, right);
    }
    hints
}

fn conferences(f: &Figures, theme: &Theme, frame: &mut Frame, area: Rect, room_for_chart: bool) {
    let c = &f.conferences;
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Span::styled(
            format!(" Conferences: {} ", c.count),
            theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let show = |v: Option<f64>| v.map_or("none yet".to_owned(), |v| format!("{v:.1}"));
    let mut lines = vec![
        Line::raw(format!(
            "Decisions: {} agreed, {} with changes, {} not agreed, {} to come",
            c.agreed, c.agreed_with_changes, c.not_agreed, c.not_decided_yet
        )),
        Line::raw(format!(
            "Reviews held: {} ({} on time)",
            c.reviews_held, c.reviews_on_time
        )),
        Line::raw(format!(
            "How well it works (0–10), first → latest: family {} → {}",
            show(c.family_first),
            show(c.family_latest)
        )),
        Line::raw(format!(
            "professionals {} → {}",
            show(c.professionals_first),
            show(c.professionals_latest)
        )),
    ];
    if c.closed > 0 {
        let (closed, reasons) = c.closures();
        lines.push(Line::raw(closed));
        lines.extend(reasons.into_iter().map(|r| Line::raw(format!("  {r}"))));
    }
    if !room_for_chart {
        let w = &f.workshops;
        lines.push(Line::raw(format!(
            "Plan items done: {} of {}",
            c.plan_items_done, c.plan_items
        )));
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            format!("Workshops: {}", w.count),
            theme.title,
        )));
        lines.push(Line::raw(format!(
            "Agreements: {} made, {} done, {} overdue",
            w.agreements, w.done, w.overdue
        )));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
        return;
    }
    let [text, gauge, chart] = Layout::vertical([
        Constraint::Length(7),
        Constraint::Length(2),
        Constraint::Fill(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), text);
    frame.render_widget(
        Gauge::default()
            .block(Block::default().title(Span::styled("Plan items done", theme.muted)))
            .gauge_style(theme.done)
            .label(format!("{} of {}", c.plan_items_done, c.plan_items))
            .ratio(ratio(c.plan_items_done, c.plan_items)),
        gauge,
    );
    let bars: Vec<(String, u64)> = c
        .by_stage
        .iter()
        .map(|(stage, n)| {
            (
                stage
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .chars()
                    .take(8)
                    .collect(),
                *n as u64,
            )
        })
        .collect();
    let data: Vec<(&str, u64)> = bars.iter().map(|(s, n)| (s.as_str(), *n)).collect();
    let width = (chart.width / u16::try_from(data.len().max(1)).unwrap_or(1))
        .saturating_sub(1)
        .clamp(3, 9);
    frame.render_widget(
        BarChart::default()
            .block(Block::default().title(Span::styled("Conferences by stage", theme.muted)))
            .data(&data)
            .bar_width(width)
            .bar_style(theme.accent)
            .value_style(theme.selected)
            .label_style(theme.muted),
        chart,
    );
}

fn workshops(f: &Figures, theme: &Theme, frame: &mut Frame, area: Rect) {
    let w = &f.workshops;
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Span::styled(
            format!(" Workshops: {} ", w.count),
            theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [text, gauge, owners] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Fill(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(format!(
            "Agreements: {} made, {} done, {} overdue",
            w.agreements, w.done, w.overdue
        ))
        .wrap(Wrap { trim: true }),
        text,
    );
    frame.render_widget(
        Gauge::default()
            .block(Block::default().title(Span::styled("Agreements done", theme.muted)))
            .gauge_style(theme.done)
            .label(format!("{} of {}", w.done, w.agreements))
            .ratio(ratio(w.done, w.agreements)),
        gauge,
    );
    let mut lines = vec![Line::from(Span::styled(
        "By owner: made · done · overdue",
        theme.muted,
    ))];
    for row in &w.by_owner {
        let overdue = if row.overdue > 0 {
            format!(" · ! {}", row.overdue)
        } else {
            " · 0".to_owned()
        };
        lines.push(Line::raw(format!(
            "{} {} · {}{overdue}",
            clean_line(&row.owner),
            row.made,
            row.done
        )));
    }
    if !w.by_sector.is_empty() {
        lines.push(Line::from(Span::styled(
            "By sector: made · done · overdue",
            theme.muted,
        )));
        for row in &w.by_sector {
            lines.push(Line::raw(format!(
                "{} {} · {} · {}",
                clean_line(&row.owner),
                row.made,
                row.done,
                row.overdue
            )));
        }
    }
    if !f.skipped.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            format!(
                "! {} file(s) could not be read and were left out",
                f.skipped.len()
            ),
            theme.problem,
        )));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), owners);
}
