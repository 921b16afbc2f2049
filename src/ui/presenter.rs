//! The presenter view: the stage's name in large type, its countdown, its prompt, and the
//! latest words captured, for a projector at the back of a room (or `convene present`).

use super::session::wrap_words;
use crate::app::SessionView;
use crate::model::Clock;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

/// The largest type that fits `text` in `area`: full 8×8 cells on a big screen, half or
/// quarter cells on a small one, plain bold text when even that will not fit.
fn pixel_size(text: &str, area: Rect) -> Option<(PixelSize, u16)> {
    let columns = u16::try_from(text.width()).unwrap_or(u16::MAX);
    [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
    ]
    .into_iter()
    .find(|(_, w, h)| columns.saturating_mul(*w) <= area.width && *h * 3 <= area.height)
    .map(|(size, _, h)| (size, h))
}

/// The room's countdown in words the back row can read: minutes left, time up, paused,
/// or when the day starts (`starts_at`, from the plan) while the clock waits for the room.
pub fn countdown(clock: &Clock, starts_at: Option<time::Time>) -> String {
    if clock.waiting {
        return starts_at.map_or_else(
            || "not started yet".to_owned(),
            |t| format!("starts at {}", crate::model::agenda::hhmm(t)),
        );
    }
    let left = clock.minutes_left();
    let time = match left {
        1 => "1 minute left".to_owned(),
        2.. => format!("{left} minutes left"),
        _ => "time is up".to_owned(),
    };
    if clock.paused {
        format!("paused · {time}")
    } else {
        time
    }
}

pub fn draw(
    view: &SessionView,
    theme: &Theme,
    now: time::OffsetDateTime,
    frame: &mut Frame,
    area: Rect,
) {
    let Some(stage) = view.stage() else {
        return;
    };
    // The room's own countdown, when the room's stage is the one on screen.
    // A stage entered on an earlier day (twelve hours or more) has no countdown to show the
    // room, as the header shows its day instead: never "time is up" for a day gone by.
    let clock = view
        .room_clock(now)
        .filter(|_| view.looking_at.is_none())
        .filter(|c| c.waiting || now - c.started < time::Duration::hours(12));
    let name = stage.name.clone();
    let heading_rows = pixel_size(&name, area).map_or(1, |(_, rows)| rows);
    if stage.family_only() {
        // The family's own time: the room sees only where it is, never its words.
        let [heading, _, words] = Layout::vertical([
            Constraint::Length(heading_rows),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        draw_heading(&name, theme, frame, heading, area);
        frame.render_widget(
            Paragraph::new(Span::styled(
                "The family is talking privately.",
                theme.title,
            ))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
            words,
        );
        return;
    }
    let prompt = stage
        .prompts
        .get(view.prompt % stage.prompts.len().max(1))
        .cloned()
        .unwrap_or_default();
    let prompt_rows =
        u16::try_from(wrap_words(&prompt, usize::from(area.width.saturating_sub(2))).len())
            .unwrap_or(1);
    let [heading, countdown_area, prompt_area, _, records_area] = Layout::vertical([
        Constraint::Length(heading_rows),
        Constraint::Length(1),
        Constraint::Length(prompt_rows.min(area.height / 3).max(1)),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    draw_heading(&name, theme, frame, heading, area);
    if let Some(clock) = clock {
        let style = if !clock.waiting && (clock.minutes_left() <= 0 || clock.paused) {
            theme.gentle
        } else {
            theme.muted
        };
        frame.render_widget(
            Paragraph::new(Span::styled(countdown(&clock, view.starts_at(now)), style))
                .alignment(Alignment::Center),
            countdown_area,
        );
    }
    frame.render_widget(
        Paragraph::new(Span::styled(prompt, theme.title))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        prompt_area,
    );
    // The latest words, newest last, as many as fit; once the room has voted and the
    // rows are ranked, the most chosen first, each with its votes.
    let width = usize::from(records_area.width).max(1);
    let count = view.stage_len();
    let ranked = view.ranked_by_votes()
        && (0..count)
            .filter_map(|row| view.stage_record(row))
            .any(|r| r.body.votes().is_some_and(|v| v > 0));
    let order: Box<dyn Iterator<Item = usize>> = if ranked {
        Box::new(0..count)
    } else {
        Box::new((0..count).rev())
    };
    let mut lines: Vec<Line> = Vec::new();
    let mut used = 0;
    // Nobody kept apart from the plan (outside the child's safe network, not invited) is
    // named on the room's screen.
    let shown = |r: &&crate::model::Record| !matches!(&r.body, crate::model::RecordBody::Participant(p) if p.kept_apart().is_some());
    for record in order.filter_map(|row| view.stage_record(row)).filter(shown) {
        let description = crate::describe::describe(record, &view.session);
        let mut text = description.headline();
        // In a workshop's Destiny the point is who does what by when: an agreement shows
        // its owner and date. A conference's plan stays the family's, never on the wall.
        if !view.session.is_conference() {
            text = commitment_words(&description, text);
        }
        // Only the chosen carry a count: the room sees what it chose, not what it passed over.
        if let Some(votes) = record.body.votes().filter(|v| ranked && *v > 0) {
            text = format!("{text} · {}", crate::describe::votes_words(votes));
        }
        let rows = wrap_words(&format!("• {text}"), width).len() + 1;
        if used + rows > usize::from(records_area.height) {
            break;
        }
        used += rows;
        let block = vec![
            Line::from(vec![Span::styled("• ", theme.accent), Span::raw(text)]),
            Line::raw(""),
        ];
        if ranked {
            lines.extend(block);
        } else {
            lines.splice(0..0, block);
        }
    }
    if count == 0 {
        lines.push(Line::from(Span::styled(
            "The room's words will appear here.",
            theme.muted,
        )));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        records_area,
    );
}

/// "words · Sam · by 3 Mar 2026": a commitment's owner and date after its words, read
/// through its description.
fn commitment_words(description: &crate::describe::Description, text: String) -> String {
    use crate::describe::Field;
    let mut text = text;
    if let Some(owner) = description.get(Field::Owner) {
        text = format!("{text} · {owner}");
    }
    if let Some(due) = description.get(Field::Due) {
        text = format!("{text} · by {due}");
    }
    text
}

/// The stage's name, as large as `area` allows, in `heading`.
fn draw_heading(name: &str, theme: &Theme, frame: &mut Frame, heading: Rect, area: Rect) {
    match pixel_size(name, area) {
        Some((size, _)) => frame.render_widget(
            BigText::builder()
                .pixel_size(size)
                .style(theme.accent)
                .lines(vec![Line::from(name.to_owned())])
                .centered()
                .build(),
            heading,
        ),
        None => frame.render_widget(
            Paragraph::new(Span::styled(name.to_owned(), theme.accent))
                .alignment(Alignment::Center),
            heading,
        ),
    }
}
