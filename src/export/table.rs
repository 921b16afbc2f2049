//! The CSV export: one row per record, stable columns, formula-safe cells.

use super::Report;
use crate::describe::{Field, Relation};
use crate::model::timefmt::format_timestamp;
use crate::text::clean;

/// The columns every row starts with; the fields, links and check-ins follow.
const LEADING: [&str; 6] = ["session", "record", "stage", "kind", "text", "created"];

/// The columns, in order: the leading ones, then a column for every field a record may
/// have ([`Field::ALL`]), every kind of link ([`Relation::ALL`], as record numbers) and the
/// check-ins. Scripts may rely on the names; a field added to the description adds a column.
pub fn columns() -> Vec<&'static str> {
    let mut columns = LEADING.to_vec();
    columns.extend(Field::ALL.iter().map(|f| f.column()));
    columns.extend(Relation::ALL.iter().map(|r| r.column()));
    columns.push("check_ins");
    columns
}

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
    let _ = writer.write_record(columns());
    let s = report.session;
    for stage in &report.stages {
        for record in &stage.records {
            let d = report.describe(record);
            let mut row = vec![
                s.id.to_string(),
                d.id.0.to_string(),
                stage.name.clone(),
                d.kind.label().to_owned(),
                d.words.clone(),
                format_timestamp(d.created),
            ];
            row.extend(
                Field::ALL
                    .iter()
                    .map(|f| d.get(*f).unwrap_or_default().to_owned()),
            );
            row.extend(Relation::ALL.iter().map(|r| {
                d.links_of(*r)
                    .map(|l| l.id.to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            }));
            row.push(d.checkins.join(" | "));
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
