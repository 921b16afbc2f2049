//! The CSV export: one row per record, stable columns, formula-safe cells.

use super::{Options, Report};
use crate::describe::{Field, Relation};
use crate::model::timefmt::format_timestamp;
use crate::text::clean;

/// The columns every row starts with; the fields, links and check-ins follow.
const LEADING: [&str; 6] = ["session", "record", "stage", "kind", "text", "created"];

/// The columns after the links: every check-in, the latest on its own (where a commitment
/// stands now), and a review's two ratings (on the conference's review rows).
const TRAILING: [&str; 4] = [
    "check_ins",
    "latest_check_in",
    "family_rating",
    "professionals_rating",
];

/// The fields that have a column: every one, the contacts only when asked for.
fn fields(with_contacts: bool) -> impl Iterator<Item = Field> {
    Field::ALL
        .into_iter()
        .filter(move |f| with_contacts || !f.is_contact())
}

/// The UTF-8 byte-order mark: without it, spreadsheet applications read `é` as `Ã©`.
const BOM: &str = "\u{feff}";

/// How every CSV we write starts: the byte-order mark, unless a script asked for none
/// (`--no-bom`).
pub fn start(bom: bool) -> String {
    if bom { BOM.to_owned() } else { String::new() }
}

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

/// The columns, in order: the leading ones, then a column for every field a record may
/// have ([`Field::ALL`]), every kind of link ([`Relation::ALL`], as record numbers), the
/// check-ins and (a conference's) the ratings. Scripts may rely on the names; a field added
/// to the description adds a column. The contact columns (phone, email) are there only
/// `with_contacts`; a workshop's leave out what only a conference fills.
pub fn render(report: &Report, options: Options) -> String {
    let mut out = start(options.bom);
    let s = report.session;
    let described: Vec<(&str, crate::describe::Description)> = report
        .stages
        .iter()
        .flat_map(|stage| {
            stage
                .records
                .iter()
                .map(|record| (stage.name.as_str(), report.describe(record)))
        })
        .collect();
    // A workshop's CSV leaves out the columns only a conference fills (unless one of its
    // records fills it after all, so nothing written is ever left out).
    let conference = s.is_conference();
    let fields: Vec<Field> = fields(options.with_contacts)
        .filter(|f| {
            conference || !f.conference_only() || described.iter().any(|(_, d)| d.get(*f).is_some())
        })
        .collect();
    let relations: Vec<Relation> = Relation::ALL
        .into_iter()
        .filter(|r| {
            conference
                || !r.conference_only()
                || described
                    .iter()
                    .any(|(_, d)| d.links_of(*r).next().is_some())
        })
        .collect();
    let mut header = LEADING.to_vec();
    header.extend(fields.iter().map(|f| f.column()));
    header.extend(relations.iter().map(|r| r.column()));
    header.extend(if conference {
        &TRAILING[..]
    } else {
        &TRAILING[..2]
    });
    out.push_str(&row(&header));
    for (stage, d) in &described {
        let mut cells = vec![
            s.id.to_string(),
            d.id.0.to_string(),
            (*stage).to_owned(),
            d.kind.label().to_owned(),
            d.words.clone(),
            format_timestamp(d.created),
        ];
        cells.extend(
            fields
                .iter()
                .map(|f| d.get(*f).unwrap_or_default().to_owned()),
        );
        cells.extend(relations.iter().map(|r| {
            d.links_of(*r)
                .map(|l| l.id.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        }));
        cells.push(d.checkins.join(" | "));
        cells.push(d.checkins.last().cloned().unwrap_or_default());
        cells.resize(header.len(), String::new());
        out.push_str(&row(cells));
    }
    // A conference's own facts, outcome, reviews (with their ratings) and closure follow,
    // a row each, kind "conference", so the spreadsheet holds what every other view does.
    // The outcome lists the reviews in the order they were held, so each "Review" row
    // takes the next rating's two scores into the rating columns.
    if let Some(c) = &s.conference {
        let pairs = crate::describe::conference_facts(c)
            .into_iter()
            .filter(|(label, _)| options.with_contacts || !crate::describe::is_contact_fact(label))
            .chain(crate::describe::conference_outcome(c));
        let mut ratings = c.ratings.iter();
        let column = |name: &str| header.iter().position(|c| *c == name);
        for (label, value) in pairs {
            let mut cells = vec![
                s.id.to_string(),
                String::new(),
                String::new(),
                "conference".to_owned(),
                format!("{label}: {value}"),
                String::new(),
            ];
            cells.resize(header.len(), String::new());
            if label == crate::describe::REVIEW
                && let Some(rating) = ratings.next()
            {
                let scores = [
                    ("family_rating", rating.family),
                    ("professionals_rating", rating.professionals),
                ];
                for (name, score) in scores {
                    if let (Some(at), Some(score)) = (column(name), score) {
                        cells[at] = score.to_string();
                    }
                }
            }
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
