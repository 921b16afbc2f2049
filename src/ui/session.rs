//! The session screen: the stage rail, the stage's purpose and prompt, the timer, and its records.
//!
//! Longer than most files on purpose: one screen drawn top to bottom (title and the room's
//! clock, the rail, the stage card, the records and the selected record's detail), whose
//! parts share its widths and the view they read; each part is a function of its own.

use super::Hints;
use crate::app::keys;
use crate::app::{App, SessionView};
use crate::model::{Record, Session};
use crate::text::clean_line;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn draw(app: &App, view: &SessionView, frame: &mut Frame, area: Rect) -> Hints {
    let theme = &app.theme;
    let session = &view.session;
    let stage = view.stage();
    let [top, rail, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);

    // Title and timer.
    let timer = timer_text(app, view, area.width < 60);
    let timer_width = u16::try_from(timer.0.width() + 1).unwrap_or(0);
    let [title_area, timer_area] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(timer_width)]).areas(top);
    let mut title = vec![Span::styled(clean_line(&session.title), theme.title)];
    if view.read_only.is_some() {
        title.push(Span::styled("  (read-only)", theme.problem));
    }
    // A closed conference says so where its framework's name would be.
    match session.conference.as_ref().and_then(|c| c.closed.as_ref()) {
        Some(closed) => {
            let used: usize = title.iter().map(Span::width).sum();
            let room = usize::from(title_area.width).saturating_sub(used + 2);
            let words = format!("closed {}", clean_line(&closed.describe()));
            title.push(Span::styled(
                format!("  {}", super::short(&words, room)),
                theme.key,
            ));
        }
        // The framework's name whole, else its short name ("AI", "FGC"), cutting the
        // session's title before it rather than the name.
        None if area.width >= 60 => {
            let room = usize::from(title_area.width);
            let used: usize = title.iter().map(Span::width).sum();
            let name = &view.framework.name;
            let label = if used + 2 + name.width() <= room {
                name.clone()
            } else {
                view.framework.short.to_uppercase()
            };
            let others = used - title[0].width();
            let keep = room.saturating_sub(others + 2 + label.width());
            title[0] = Span::styled(super::short(&clean_line(&session.title), keep), theme.title);
            title.push(Span::styled(format!("  {label}"), theme.muted));
        }
        None => {}
    }
    frame.render_widget(Paragraph::new(Line::from(title)), title_area);
    frame.render_widget(
        Paragraph::new(Span::styled(timer.0, timer.1)).alignment(ratatui::layout::Alignment::Right),
        timer_area,
    );

    frame.render_widget(Paragraph::new(stage_rail(view, theme, rail.width)), rail);

    if let (Some(scroll), true) = (view.conference_page, view.framework.conference) {
        return super::conference::draw(session, scroll, theme, frame, rest);
    }

    // The stage card: purpose and prompt.
    let Some(stage) = stage else {
        frame.render_widget(
            Paragraph::new(format!(
                "This session is at “{}”, a stage this framework does not have.",
                session.stage
            )),
            rest,
        );
        return vec![("q", "back".into())];
    };
    let inner_width = rest.width.saturating_sub(2).max(1);
    let prompt = stage
        .prompts
        .get(view.prompt % stage.prompts.len().max(1))
        .cloned()
        .unwrap_or_default();
    let prompt_label = format!(
        "Ask ({}/{}): ",
        view.prompt % stage.prompts.len().max(1) + 1,
        stage.prompts.len()
    );
    let show_purpose = rest.height >= 14;
    let mut card = Vec::new();
    if show_purpose {
        card.push(Line::from(Span::styled(stage.purpose.clone(), theme.muted)));
    }
    let topic = topic_line(session, stage, inner_width).filter(|_| show_purpose);
    if let Some(topic) = &topic {
        card.push(Line::from(Span::styled(topic.clone(), theme.muted)));
    }
    card.push(Line::from(vec![
        Span::styled(prompt_label.clone(), theme.key),
        Span::raw(prompt.clone()),
    ]));
    let loose = loose_end_line(session, stage);
    if let Some(loose) = &loose {
        card.push(Line::from(Span::styled(loose.clone(), theme.muted)));
    }
    let card_height = if show_purpose {
        wrapped_height(&stage.purpose, inner_width)
    } else {
        0
    } + u16::from(topic.is_some())
        + wrapped_height(&format!("{prompt_label}{prompt}"), inner_width)
        + loose
            .as_deref()
            .map_or(0, |l| wrapped_height(l, inner_width));
    // The prompt is what the facilitator reads out: it may take all but three rows.
    let max_card = if show_purpose {
        rest.height / 2
    } else {
        rest.height.saturating_sub(3)
    }
    .max(3);
    let [card_area, records_area] = Layout::vertical([
        Constraint::Length((card_height + 2).min(max_card)),
        Constraint::Fill(1),
    ])
    .areas(rest);
    let mut card_title = vec![Span::styled(
        format!(" {} {} ", stage.symbol, stage.name),
        theme.accent,
    )];
    if view.looking_at.is_some() {
        let room = view.room_stage().map_or("", |s| s.name.as_str());
        card_title.push(Span::styled(
            format!("· reading; the room is in {room} (Esc) "),
            theme.gentle,
        ));
    }
    frame.render_widget(
        Paragraph::new(card).wrap(Wrap { trim: true }).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border)
                .title(Line::from(card_title)),
        ),
        card_area,
    );

    draw_records(view, theme, app.local_now().date(), frame, records_area);

    let mut hints = Vec::new();
    match stage.main_kind() {
        Some(kind) => hints.push(("a", format!("add {}", kind.short_label()))),
        None => hints.push(("", "the family's own time".to_owned())),
    }
    // A conference's own keys, where they matter.
    if view.framework.conference && !stage.captures.is_empty() {
        if !stage.revisits.is_empty() {
            hints.push(("s", "check in".to_owned()));
            hints.push(("o", "review".to_owned()));
        } else if stage.main_kind() == Some(crate::model::RecordKind::PlanItem) {
            hints.push(("o", "outcome".to_owned()));
        } else if view.framework.first_stage() == stage.key {
            hints.push(("c", "key facts".to_owned()));
        }
    }
    hints.extend(
        super::hints_from(keys::SESSION)
            .into_iter()
            // A conference is a family's meeting, not a projected workshop.
            .filter(|(k, _)| *k != "a" && !(*k == "p" && view.framework.conference)),
    );
    if view.framework.conference {
        hints.push(("i", "the conference".to_owned()));
    }
    // Narrow, the keys of the room's flow come first; the way out and `?` stay, as in
    // every footer (`ui::fitting`).
    if area.width < 60 {
        hints.retain(|(k, _)| matches!(*k, "a" | ">" | "?" | "q" | "" | "o" | "c" | "i"));
    }
    hints
}

/// The workshop's affirmative topic on one line, for the stages after the one that writes
/// it: what the room is building around, kept in view.
fn topic_line(session: &Session, stage: &crate::framework::Stage, width: u16) -> Option<String> {
    if stage.captures.contains(&crate::model::RecordKind::Topic) {
        return None;
    }
    let topic = session.affirmative_topic()?;
    let line = format!("Topic: {}", clean_line(topic.body.text()));
    Some(super::short(&line, usize::from(width)))
}

/// The stage's loose ends in a line, where they can be tied: in the stage that writes
/// design statements, the dreams none serves yet; in the stage that makes agreements, those
/// serving no design statement.
fn loose_end_line(session: &Session, stage: &crate::framework::Stage) -> Option<String> {
    use crate::model::{LooseEnd, RecordKind};
    let ties = |kind| stage.captures.contains(&kind);
    if !ties(RecordKind::DesignStatement) && !ties(RecordKind::Agreement) {
        return None;
    }
    let ends = crate::model::loose_ends(session);
    let count = |dreams: bool| {
        ends.iter()
            .filter(|e| matches!(e, LooseEnd::DreamNotServed(_)) == dreams)
            .count()
    };
    let mut parts = Vec::new();
    if ties(RecordKind::DesignStatement) {
        match count(true) {
            0 => {}
            1 => parts.push("1 dream has no design statement serving it yet".to_owned()),
            n => parts.push(format!(
                "{n} dreams have no design statement serving them yet"
            )),
        }
    }
    if ties(RecordKind::Agreement) {
        match count(false) {
            0 => {}
            1 => parts.push("1 agreement serves no design statement yet".to_owned()),
            n => parts.push(format!("{n} agreements serve no design statement yet")),
        }
    }
    (!parts.is_empty()).then(|| format!("○ {}", parts.join("; ")))
}

/// The right-hand side of the status bar: whether the words are on disk.
pub fn save_state(app: &App, view: &SessionView) -> String {
    if view.read_only.is_some() {
        return "read-only".into();
    }
    if view.save_error.is_some() {
        return "! not saved yet".into();
    }
    if view.conflict_copy.is_some() {
        return "saving to a copy · Ctrl-l".into();
    }
    if view.changed_elsewhere {
        return "changed elsewhere · Ctrl-l".into();
    }
    if view.dirty {
        return "saving…".into();
    }
    match view.saved_at {
        Some(at) => {
            let t = at.to_offset(app.offset);
            format!(
                "✓ saved {:02}:{:02}:{:02}",
                t.hour(),
                t.minute(),
                t.second()
            )
        }
        None => "✓ all saved".into(),
    }
}

/// The room's timer against its stage's suggested minutes, gentle when time is up; it
/// names the room's stage while the facilitator reads another. A stage entered on an
/// earlier day shows that day instead of a count.
fn timer_text(app: &App, view: &SessionView, narrow: bool) -> (String, ratatui::style::Style) {
    let (mut text, style) = room_timer(app, view, narrow);
    // How the day stands against its plan; the first words to go on a narrow window.
    if let Some(pace) = view
        .pace(app.local_now())
        .filter(|_| !narrow && !text.is_empty())
    {
        text = format!("{text} · {}", pace.words());
    }
    match view.room_stage().filter(|_| view.looking_at.is_some()) {
        Some(room) if !text.is_empty() => (format!("{} {text}", room.symbol), style),
        _ => (text, style),
    }
}

fn room_timer(app: &App, view: &SessionView, narrow: bool) -> (String, ratatui::style::Style) {
    let theme = &app.theme;
    let Some(clock) = view.room_clock(app.now) else {
        // A stage that runs over weeks counts days, for a conference.
        let facts = view.session.conference.clone().unwrap_or_default();
        let run_up = Some(facts)
            .filter(|c| c.closed.is_none() && view.room_stage().is_some_and(|s| !s.timed))
            .map(|c| c.run_up(app.local_now().date(), narrow));
        return (run_up.unwrap_or_default(), theme.muted);
    };
    if clock.waiting {
        // Prepared ahead: the clock runs once the facilitator starts the room.
        let when = view.starts_at(app.now).map_or_else(
            || "not started".to_owned(),
            |t| format!("starts at {}", crate::model::agenda::hhmm(t)),
        );
        return (
            if narrow {
                when
            } else {
                format!("{when} · Space starts the clock")
            },
            theme.muted,
        );
    }
    let started = clock.started;
    let elapsed = clock.elapsed.whole_seconds().max(0);
    if (app.now - started).whole_seconds() >= 12 * 3600 {
        let day = crate::model::timefmt::format_date(started.to_offset(app.offset).date());
        return (
            if narrow {
                day
            } else {
                format!("in this stage since {day}")
            },
            theme.muted,
        );
    }
    let (m, s) = (elapsed / 60, elapsed % 60);
    let clock_text = if m >= 60 {
        format!("{}:{:02}:{s:02}", m / 60, m % 60)
    } else {
        format!("{m}:{s:02}")
    };
    let planned = i64::from(clock.planned_minutes);
    if clock.paused {
        return (
            if narrow {
                format!("{clock_text} paused")
            } else {
                format!("{clock_text} of {planned} min · paused (Space)")
            },
            theme.gentle,
        );
    }
    let clock = clock_text;
    match (m >= planned, narrow) {
        (false, true) => (format!("{clock}/{planned}m"), theme.muted),
        (false, false) => (format!("{clock} of {planned} min"), theme.muted),
        (true, true) => (format!("{clock} time is up"), theme.gentle),
        (true, false) if m == planned => (
            format!("{clock} · time is up, when the room is ready"),
            theme.gentle,
        ),
        (true, false) => (
            format!("{clock} · {} min past the {planned} planned", m - planned),
            theme.gentle,
        ),
    }
}

/// Every stage in order: the current one marked, finished ones ticked.
fn stage_rail(view: &SessionView, theme: &Theme, width: u16) -> Line<'static> {
    let stages = &view.framework.stages;
    let full: usize = stages.iter().map(|s| s.name.width() + 2).sum::<usize>()
        + 3 * stages.len().saturating_sub(1)
        + 2;
    let compact = full > usize::from(width);
    let mut spans = Vec::new();
    for (i, stage) in view.framework.stages.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(if compact { " " } else { " › " }, theme.muted));
        }
        let current = stage.key == view.session.stage;
        let finished = view.session.stage_finished(&stage.key);
        if view.looking_at.as_deref() == Some(stage.key.as_str()) {
            let text = if compact {
                format!("◇{}", stage.symbol)
            } else {
                format!("◇ {} {}", stage.symbol, stage.name)
            };
            spans.push(Span::styled(text, theme.gentle));
        } else if current {
            spans.push(Span::styled(
                format!("▶ {} {}", stage.symbol, stage.name),
                theme.accent,
            ));
        } else if finished {
            let text = if compact {
                format!("✓{}", stage.symbol)
            } else {
                format!("✓ {}", stage.name)
            };
            spans.push(Span::styled(text, theme.done));
        } else {
            let text = if compact {
                stage.symbol.clone()
            } else {
                format!("{} {}", stage.symbol, stage.name)
            };
            spans.push(Span::styled(text, theme.muted));
        }
    }
    Line::from(spans)
}

/// How many lines `text` takes when wrapped to `width`.
fn wrapped_height(text: &str, width: u16) -> u16 {
    u16::try_from(wrap_words(text, usize::from(width)).len()).unwrap_or(u16::MAX)
}

/// `text` wrapped at spaces to lines of at most `width` columns; words longer than a line
/// are split. Always at least one line.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut used = 0usize;
    for word in text.split_whitespace() {
        let w = word.width();
        if used > 0 && used + 1 + w > width {
            lines.push(std::mem::take(&mut current));
            used = 0;
        }
        if used > 0 {
            current.push(' ');
            used += 1;
        }
        for c in word.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + cw > width && used > 0 {
                lines.push(std::mem::take(&mut current));
                used = 0;
            }
            current.push(c);
            used += cw;
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// How many lines the selected record may take before it is cut.
const SELECTED_MAX_LINES: usize = 8;

/// A record's lines: one line (and a line of details) unless it is selected, when its
/// words are shown whole, wrapped, so they can be read back to the room.
fn record_lines(
    record: &Record,
    chosen: bool,
    width: u16,
    session: &Session,
    theme: &Theme,
    today: time::Date,
) -> Vec<Line<'static>> {
    let described = crate::describe::describe(record, session);
    let detail = details_of(&described, chosen);
    // A commitment past its date says so first, in the gentle colour, chosen or not.
    let overdue = crate::describe::overdue_words(record, session, today);
    let words = described.headline();
    let mut lines = Vec::new();
    let id = format!("{} ", record.id);
    if chosen {
        let text = format!("{id}{words}");
        let mut wrapped = wrap_words(&text, usize::from(width.saturating_sub(2)));
        if wrapped.len() > SELECTED_MAX_LINES {
            wrapped.truncate(SELECTED_MAX_LINES);
            if let Some(last) = wrapped.last_mut() {
                last.push('…');
            }
        }
        for (n, line) in wrapped.into_iter().enumerate() {
            let marker = if n == 0 { "▶ " } else { "  " };
            lines.push(Line::from(vec![
                Span::styled(marker, theme.accent),
                Span::styled(line, theme.selected),
            ]));
        }
        if let Some(overdue) = &overdue {
            lines.push(Line::from(Span::styled(
                format!("    {overdue}"),
                theme.gentle,
            )));
        }
        for part in detail.lines() {
            for line in wrap_words(part, usize::from(width.saturating_sub(4))) {
                lines.push(Line::from(Span::styled(format!("    {line}"), theme.muted)));
            }
        }
    } else {
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(id, theme.muted),
            Span::raw(words),
        ]));
        if let Some(overdue) = overdue {
            let room = usize::from(width.saturating_sub(4));
            let mut spans = vec![
                Span::raw("    "),
                Span::styled(super::short(&overdue, room), theme.gentle),
            ];
            let rest = room.saturating_sub(overdue.width() + 3);
            if !detail.is_empty() && rest > 0 {
                spans.push(Span::styled(
                    format!(" · {}", super::short(&detail, rest)),
                    theme.muted,
                ));
            }
            lines.push(Line::from(spans));
        } else if !detail.is_empty() {
            lines.push(Line::from(Span::styled(
                format!(
                    "    {}",
                    super::short(&detail, usize::from(width.saturating_sub(4)))
                ),
                theme.muted,
            )));
        }
    }
    lines
}

fn draw_records(
    view: &SessionView,
    theme: &Theme,
    today: time::Date,
    frame: &mut Frame,
    area: Rect,
) {
    let count = view.stage_len();
    let stage = view.stage();
    let heading = match stage {
        Some(s) if s.captures.is_empty() => format!(" {} ", s.name),
        Some(s) if !s.revisits.is_empty() => {
            format!(" The plan, and this {}: {count} ", s.name.to_lowercase())
        }
        Some(s) => format!(" Captured in {}: {count} ", s.name),
        None => String::new(),
    };
    let open = |short| {
        view.framework
            .conference
            .then(|| super::conference::open_before_the_day(&view.session, short))
            .flatten()
            .filter(|open| fits_after(&heading, open, area.width))
    };
    let heading = match open(false).or_else(|| open(true)) {
        Some(open) => format!("{heading}· {open} "),
        None => heading,
    };
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Span::styled(heading, theme.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if count == 0 {
        let words = match stage.and_then(|s| s.main_kind()) {
            Some(kind) => format!("Nothing captured in this stage yet. Press a to add {}.", kind.with_article()),
            None => "Professionals, the coordinator included, leave the room now. Nothing is written in this \
                     stage: the family makes its own plan, and it is entered at Agreement in the family's words."
                .to_owned(),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(words, theme.muted)).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    // Only the rows that can be seen are laid out, however many records the stage holds:
    // walk back from the selected record until the area is full, then draw forward.
    let theme_of = |row: usize| view.stage_record(row).and_then(|r| r.body.theme());
    let same = |a: Option<&str>, b: Option<&str>| match (a, b) {
        (Some(a), Some(b)) => crate::model::same_theme(a, b),
        (a, b) => a.is_none() && b.is_none(),
    };
    let heading_before =
        |row: usize| view.by_theme && (row == 0 || !same(theme_of(row), theme_of(row - 1)));
    let lines_of = |row: usize| -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        if heading_before(row) {
            let group = theme_of(row).map_or_else(|| "No theme yet".into(), clean_line);
            lines.push(Line::from(Span::styled(
                format!("── {group}"),
                theme.accent,
            )));
        }
        if let Some(record) = view.stage_record(row) {
            lines.extend(record_lines(
                record,
                row == view.selected,
                inner.width,
                &view.session,
                theme,
                today,
            ));
        }
        lines
    };
    let height = usize::from(inner.height);
    let selected = view.selected.min(count - 1);
    let mut start = selected;
    let mut used = lines_of(selected).len();
    while start > 0 {
        let above = lines_of(start - 1).len();
        if used + above > height {
            break;
        }
        start -= 1;
        used += above;
    }
    let mut lines: Vec<Line> = Vec::new();
    for row in start..count {
        if lines.len() >= height {
            break;
        }
        lines.extend(lines_of(row));
    }
    frame.render_widget(Paragraph::new(Text::from(lines)), inner);
}

/// Whether the readiness words fit on the records' heading after `heading`.
fn fits_after(heading: &str, open: &str, width: u16) -> bool {
    heading.width() + open.width() + 4 <= usize::from(width)
}

/// What is under a record's words, from its one description. Not chosen: one line of
/// its fields (those the line has room for) and what it links to, each cut short. Chosen:
/// every field, each kind of link and each check-in on a line of its own.
pub fn details(record: &Record, session: &Session, whole: bool) -> String {
    details_of(&crate::describe::describe(record, session), whole)
}

/// What is under a record's words, from its description (see [`details`]).
fn details_of(d: &crate::describe::Description, whole: bool) -> String {
    let fields: Vec<String> = d
        .fields
        .iter()
        .filter(|(field, _)| whole || !field.only_in_detail())
        .map(|(field, value)| {
            if field.reads_bare() {
                value.clone()
            } else {
                format!("{}: {value}", field.label())
            }
        })
        .collect();
    let mut parts = vec![fields.join(" · ")];
    for (relation, _) in d.link_groups() {
        let named: Vec<String> = d
            .links_of(relation)
            .map(|l| {
                if whole {
                    l.named()
                } else {
                    format!("{} {}", l.id, super::short(&l.words, 32))
                        .trim_end()
                        .to_owned()
                }
            })
            .collect();
        parts.push(format!("{} {}", relation.label(), named.join("; ")));
    }
    if whole {
        parts.extend(d.checkins.iter().map(|c| format!("check-in {c}")));
        parts.retain(|p| !p.is_empty());
        parts.join("\n")
    } else {
        parts.retain(|p| !p.is_empty());
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_and_long_words_split() {
        assert_eq!(wrap_words("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap_words("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap_words("青少年青少年", 5), ["青少", "年青", "少年"]);
        assert_eq!(wrap_words("", 5), [""]);
    }

    #[test]
    fn wrapping_estimate_counts_lines() {
        assert_eq!(wrapped_height("one two three", 7), 2);
        assert_eq!(wrapped_height("", 10), 1);
        assert_eq!(wrapped_height("abcdefghij", 4), 3);
    }

    #[test]
    fn short_text_keeps_wide_characters_whole() {
        assert_eq!(crate::ui::short("青少年青少年", 7), "青少年…");
        assert_eq!(crate::ui::short("short", 10), "short");
    }
}
