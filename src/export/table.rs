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

/// A cell as a spreadsheet will show it: control characters gone, and a cell that would
/// start a formula (`=`, `+`, `-`, `@`, tab, carriage return) starts with `'` instead.
pub fn cell(text: &str) -> String {
    // Spreadsheets skip leading spaces before reading a formula, so look past them; a
    // leading tab or carriage return is itself a formula trigger.
    let risky = text.starts_with(['\t', '\r']);
    let cleaned = clean(text).into_owned();
    if risky || cleaned.trim_start().starts_with(['=', '+', '-', '@']) {
        format!("'{cleaned}")
    } else {
        cleaned
    }
}

pub fn render(report: &Report) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = writer.write_record(COLUMNS);
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
            let row = [
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
            let _ = writer.write_record(row.iter().map(|c| cell(c)));
        }
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
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
}
