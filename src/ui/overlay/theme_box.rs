//! The theme box: a theme for a record, or a theme renamed everywhere, with the themes already used.

use super::{centered, framed};
use crate::app::SessionView;
use crate::app::overlay;
use crate::text::clean_line;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// The theme box: what is typed, and the themes already used that it could be.
pub(super) fn draw(
    view: &SessionView,
    theme_box: &overlay::theme::ThemeBox,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    use overlay::theme::ThemeFor;
    let mut notes = Vec::new();
    let mut so_far = "Themes so far";
    let title = match &theme_box.purpose {
        ThemeFor::Record(id) => {
            let kind = view
                .session
                .record(*id)
                .map_or("record", |r| r.body.kind().label());
            format!(" Theme for this {kind} ")
        }
        ThemeFor::Rename(old) => {
            let count = view.session.theme_count(old);
            let records = if count == 1 { "record" } else { "records" };
            notes.push(Line::from(Span::styled(
                format!(
                    "“{}” is on {count} {records}. The name of a theme already here joins them.",
                    clean_line(old)
                ),
                theme.muted,
            )));
            so_far = "Other themes";
            " Rename the theme everywhere ".to_owned()
        }
    };
    let offered: Vec<String> = theme_box.offered().iter().map(|t| clean_line(t)).collect();
    let typed = theme_box.typed();
    let typed = typed.trim();
    match offered.first() {
        Some(first) if theme_box.touched() && !typed.is_empty() => {
            let mut line = vec![Span::styled(
                format!("Already here: {}", offered.join(", ")),
                theme.muted,
            )];
            if first != typed {
                line.push(Span::styled(format!(" · Tab takes “{first}”"), theme.key));
            }
            notes.push(Line::from(line));
        }
        Some(_) => notes.push(Line::from(Span::styled(
            format!("{so_far}: {}", offered.join(", ")),
            theme.muted,
        ))),
        None if theme_box.touched() && !typed.is_empty() => {
            notes.push(Line::from(Span::styled("A new theme.", theme.muted)));
        }
        None => {}
    }
    let height = 5 + u16::try_from(notes.len()).unwrap_or(0);
    let rect = centered(area, 60, height + 1);
    crate::ui::clear(theme, frame, rect);
    let block = framed(&title, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [field, list] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(theme_box.input.as_ref(), field);
    frame.render_widget(Paragraph::new(notes).wrap(Wrap { trim: true }), list);
}
