//! The CSV export: one row per record, stable columns, formula-safe cells.

use super::Report;
use crate::model::RecordBody;
use crate::model::timefmt::{format_date, format_timestamp};
use crate::text::clean;

/// The columns, in order. Scripts may rely on them.
pub const COLUMNS: [&str; 14] = [
    "session",
    "record",
    "stage",
    "kind",
    "text",
    "owner_or_who",
    "due",
    "theme",
    "builds_on",
    "status",
    "created",
    "sectors",
    "level",
    "voice",
];

/// A cell as a spreadsheet will show it: control characters gone, and text that a
/// spreadsheet would read as a formula starts with `'` instead (the OWASP advice).
///
/// A formula starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or a full-width or
/// small form of the four signs), also after leading spaces, NBSP and other Unicode
/// whitespace, a byte-order mark or a quote. A spreadsheet that reads `;` as the separator
/// splits a cell at each `;` (quotes in the middle of a field do not hold it together), and
/// starts a row at each new line, so what follows a `;` or a new line is neutralised too.
pub fn cell(text: &str) -> String {
    let cleaned = clean(text);
    let mut out = String::with_capacity(cleaned.len() + 1);
    if starts_formula(text) || starts_formula(&cleaned) {
        out.push('\'');
    }
    for (at, c) in cleaned.char_indices() {
        out.push(c);
        if matches!(c, ';' | '\n') && starts_formula(&cleaned[at + c.len_utf8()..]) {
            out.push('\'');
        }
    }
    out
}

/// Whether a spreadsheet would read this text as a formula.
fn starts_formula(text: &str) -> bool {
    let skipped = |c: char| {
        (c.is_whitespace() && !matches!(c, '\t' | '\r'))
            || matches!(c, '\u{feff}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '"')
    };
    text.trim_start_matches(skipped).starts_with([
        '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫',
    ])
}

/// One CSV row (CRLF at its end) of formula-safe cells. A cell holding `,` or `;`, a quote
/// or a new line is quoted, so a spreadsheet reading either separator keeps it whole.
pub fn row<S: AsRef<str>>(cells: impl IntoIterator<Item = S>) -> String {
    let mut out = String::new();
    for (i, text) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let text = cell(text.as_ref());
        if text.contains([',', ';', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&text.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&text);
        }
    }
    if out.is_empty() {
        // One empty cell: a blank line would be skipped by readers.
        out.push_str("\"\"");
    }
    out.push_str("\r\n");
    out
}

pub fn render(report: &Report) -> String {
    let mut out = row(COLUMNS);
    let s = report.session;
    for stage in &report.stages {
        for record in &stage.records {
            let (owner, theme) = match &record.body {
                RecordBody::Agreement(a) => (a.owner.clone(), String::new()),
                RecordBody::PlanItem(p) => (p.who.clone(), String::new()),
                RecordBody::Strength(st) => (String::new(), st.theme.clone().unwrap_or_default()),
                _ => (String::new(), String::new()),
            };
            let links: Vec<String> = record
                .body
                .links()
                .iter()
                .map(ToString::to_string)
                .collect();
            let cells = [
                s.id.to_string(),
                record.id.0.to_string(),
                stage.name.clone(),
                record.body.kind().label().to_owned(),
                record.body.text().to_owned(),
                owner,
                record.body.due().map(format_date).unwrap_or_default(),
                theme,
                links.join(" "),
                record
                    .body
                    .status()
                    .map(|st| st.label().to_owned())
                    .unwrap_or_default(),
                format_timestamp(record.created),
                record
                    .body
                    .tags()
                    .map(|t| t.sectors.join("; "))
                    .unwrap_or_default(),
                record
                    .body
                    .tags()
                    .and_then(|t| t.level)
                    .map(|l| l.label().to_owned())
                    .unwrap_or_default(),
                record
                    .body
                    .tags()
                    .and_then(|t| t.voice)
                    .map(|v| v.label().to_owned())
                    .unwrap_or_default(),
            ];
            out.push_str(&row(cells));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for bad in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert!(cell(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(cell("Youth workers"), "Youth workers");
        assert_eq!(cell("a\u{1b}[31mb"), "ab");
    }

    #[test]
    fn formulas_behind_spaces_marks_and_look_alikes_are_neutralised() {
        for bad in [
            "  =1+1",
            "\u{a0}=1",
            "\u{feff}=1",
            "\u{3000}+1",
            "\n\n@SUM(A1)",
            "\"=1\"",
            "＝1+1",
            "＋1",
            "－1",
            "＠SUM(A1)",
            "\u{1b}[0m=1",
        ] {
            assert!(cell(bad).starts_with('\''), "{bad:?}: {:?}", cell(bad));
        }
        assert_eq!(cell("safe; =1"), "safe;' =1");
        assert_eq!(cell("two lines\n-1"), "two lines\n'-1");
        assert_eq!(cell("semi;colons"), "semi;colons");
    }

    #[test]
    fn a_cell_with_either_separator_is_quoted() {
        assert_eq!(row(["a;b", "c,d", "e"]), "\"a;b\",\"c,d\",e\r\n");
        assert_eq!(row(["say \"hi\""]), "\"say \"\"hi\"\"\"\r\n");
    }
}
