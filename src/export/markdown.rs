//! The Markdown report: stage by stage, strengths by theme, each record with what it builds on.

use super::document::to_markdown;
use super::{
    Options, Report, conference_facts, conference_outcome, facts_section, map_section,
    stage_sections, summary_section,
};
use crate::model::timefmt::format_zoned;
use crate::text::clean;
use std::fmt::Write;

/// Escapes text so a Markdown renderer shows it as typed: markup characters are
/// backslash-escaped, HTML is turned into entities, and control characters are gone.
/// New lines stay, as hard line breaks indented under the list item. Every line is
/// escaped where it starts, so no line can open a block of its own (a heading, a list, a
/// rule, a setext underline, a quote, a table, a fence, indented code or a definition);
/// blank lines and
/// each line's leading spaces go, as a renderer would drop them anyway.
pub fn escape(text: &str) -> String {
    let cleaned = clean(text);
    let mut out = String::with_capacity(cleaned.len());
    let lines = cleaned.lines().map(str::trim).filter(|l| !l.is_empty());
    for (i, line) in lines.enumerate() {
        if i > 0 {
            out.push_str("  \n  ");
        }
        let opener = block_opener(line);
        // A heading drops a run of `#` at its end (its closing sequence), and a renderer
        // with heading attributes takes a `{…}` at its end (even after a backslash).
        let closing = line.trim_end_matches('#').len();
        let last = line.len() - line.chars().next_back().map_or(0, char::len_utf8);
        for (at, c) in line.char_indices() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '}' if at == last => out.push_str("&#125;"),
                '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                c if Some(at) == opener || (c == '#' && at == closing) => {
                    out.push('\\');
                    out.push(c);
                }
                c => out.push(c),
            }
        }
    }
    out
}

/// Where in a line (already trimmed) the character is that would open a block: a heading's
/// `#`, a list's `-`, `+` or `*`, an ordered list's `.` or `)` after its number, or a
/// setext underline's `=`, or a definition list's `:` (a rule's `-`, `*` and `_` are the
/// list marks or always escaped).
fn block_opener(line: &str) -> Option<usize> {
    match line.chars().next()? {
        '#' | '-' | '+' | '=' | ':' => Some(0),
        '0'..='9' => {
            let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            line[digits..].starts_with(['.', ')']).then_some(digits)
        }
        _ => None,
    }
}

pub fn render(report: &Report, options: Options) -> String {
    let s = report.session;
    let mut out = String::new();
    // A heading is one line: a title's second line would start a paragraph of its own.
    let _ = writeln!(out, "# {}\n", escape(&crate::text::clean_line(&s.title)));
    let _ = writeln!(
        out,
        "{} · session `{}` · started {} · last change {}\n",
        escape(&report.framework_name),
        crate::text::clean_line(s.id.as_str()),
        format_zoned(s.created, options.offset),
        format_zoned(s.updated, options.offset)
    );
    if let Some(c) = &s.conference {
        out.push_str(&to_markdown(&facts_section(
            "conference",
            "The conference",
            &conference_facts(c),
        )));
    }
    out.push_str(&to_markdown(&summary_section(report, options)));
    out.push_str(&to_markdown(&stage_sections(report)));
    if let Some(c) = &s.conference {
        out.push_str(&to_markdown(&facts_section(
            "stage",
            "The outcome",
            &conference_outcome(c),
        )));
    }
    out.push_str(&to_markdown(&map_section(s, options)));
    out
}

/// One record: its words, then every field, then what it links to and its check-ins,
/// each on a line of its own under it.
pub(super) fn item(out: &mut String, d: &crate::describe::Description) {
    let lead = d.lead().map(|l| format!("_{l}:_ ")).unwrap_or_default();
    let _ = write!(out, "- **{}** {lead}{}", d.id, escape(&d.words));
    let fields: Vec<String> = d
        .fields
        .iter()
        .map(|(field, value)| format!("{}: {}", field.label(), escape(value)))
        .collect();
    if !fields.is_empty() {
        let _ = write!(out, " — {}", fields.join("; "));
    }
    out.push('\n');
    for link in &d.links {
        let _ = writeln!(
            out,
            "  - {} {} {}",
            link.relation.label(),
            link.id,
            escape(&link.words)
        );
    }
    for checkin in &d.checkins {
        let _ = writeln!(out, "  - check-in {}", escape(checkin));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_html_are_shown_as_typed() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape("*bold* [link](x) # hash"),
            "\\*bold\\* \\[link\\](x) # hash"
        );
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("line one\nline two"), "line one  \n  line two");
        assert_eq!(escape("\u{1b}]0;x\u{7}safe"), "safe");
    }
}
