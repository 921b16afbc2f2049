//! The conference's own page: its key facts, what is still open before the day, the
//! outcome, the reviews and the closure, all from the one description.

use super::Hints;
use super::session::wrap_words;
use crate::describe::{conference_facts, conference_outcome};
use crate::model::{Gap, Session, before_the_day, readiness};
use crate::text::clean;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Draws the page into `area`, scrolled down `scroll` lines (no further than its end).
pub fn draw(session: &Session, scroll: u16, theme: &Theme, frame: &mut Frame, area: Rect) -> Hints {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(" The conference ", theme.accent));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = lines(session, theme, usize::from(inner.width));
    let last = lines.len().saturating_sub(usize::from(inner.height));
    let skip = usize::from(scroll).min(last);
    let shown: Vec<Line> = lines.into_iter().skip(skip).collect();
    frame.render_widget(Paragraph::new(Text::from(shown)), inner);
    let mut hints: Hints = vec![("i", "back".to_owned())];
    if last > 0 {
        hints.push(("↑/↓", "scroll".to_owned()));
    }
    hints.push(("c", "key facts".to_owned()));
    hints.push(("o", "outcome".to_owned()));
    hints.push(("?", "keys".to_owned()));
    hints
}

/// Words for the records' heading: how many things are open before the day (few words
/// when `short`).
pub fn open_before_the_day(session: &Session, short: bool) -> Option<String> {
    match (readiness(session).len(), short) {
        (0, _) => None,
        (n, true) => Some(format!("{n} open (i)")),
        (1, false) => Some("1 thing to arrange before the day (i)".to_owned()),
        (n, false) => Some(format!("{n} things to arrange before the day (i)")),
    }
}

/// The page's lines, wrapped to `width`.
fn lines(session: &Session, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let c = session.conference.clone().unwrap_or_default();
    let mut out = Vec::new();
    let heading = |out: &mut Vec<Line<'static>>, words: &str| {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(words.to_owned(), theme.title)));
    };
    let pairs = |out: &mut Vec<Line<'static>>, pairs: Vec<(&'static str, String)>| {
        for (label, value) in pairs {
            let text = format!("{label}: {}", clean(&value));
            for (n, line) in text
                .lines()
                .flat_map(|l| wrap_words(l, width.saturating_sub(2)))
                .enumerate()
            {
                let indent = if n == 0 { "  " } else { "    " };
                out.push(Line::from(format!("{indent}{line}")));
            }
        }
    };
    let muted = |out: &mut Vec<Line<'static>>, words: &str| {
        for line in wrap_words(words, width.saturating_sub(2)) {
            out.push(Line::from(Span::styled(format!("  {line}"), theme.muted)));
        }
    };

    heading(&mut out, "Key facts");
    let facts = conference_facts(&c);
    if facts.is_empty() {
        muted(
            &mut out,
            "None written yet: c fills them in with the family.",
        );
    }
    pairs(&mut out, facts);

    if before_the_day(session) {
        let gaps = readiness(session);
        if gaps.is_empty() {
            heading(&mut out, "Before the day");
            out.push(Line::from(Span::styled(
                "  ✓ Everything is in place for the day.",
                theme.done,
            )));
        } else {
            heading(
                &mut out,
                &format!("Still to arrange before the day: {}", gaps.len()),
            );
            for gap in &gaps {
                out.extend(gap_lines(gap, theme, width));
            }
        }
    }

    heading(&mut out, "The outcome");
    let outcome = conference_outcome(&c);
    if outcome.is_empty() {
        muted(
            &mut out,
            "Nothing decided yet: o records the plan's outcome after the family's time.",
        );
    }
    pairs(&mut out, outcome);
    out
}

/// One open thing, as a bullet wrapped under itself.
fn gap_lines(gap: &Gap, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let words = crate::text::clean_line(&gap.to_string());
    wrap_words(&words, width.saturating_sub(4))
        .into_iter()
        .enumerate()
        .map(|(n, line)| {
            let mark = if n == 0 { "  ○ " } else { "    " };
            Line::from(vec![Span::styled(mark, theme.gentle), Span::raw(line)])
        })
        .collect()
}
