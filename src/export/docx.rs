//! The Word (DOCX) export: a heading per stage, records as paragraphs, the plan and agreements as tables.
//!
//! Local authorities and partnerships keep their papers in Word. The document uses Word's
//! own heading styles (so its navigation pane and a table of contents work), and every
//! label and value comes from the one description of each record.

use super::document::to_docx;
use super::{
    Options, Report, conference_facts, conference_outcome, facts_section, map_section,
    stage_sections, summary_section,
};
use crate::describe::{Description, Field, Relation};
use crate::model::RecordKind;
use crate::model::timefmt::format_zoned;
use crate::text::{capitalised, clean, clean_line};
use docx_rs::{
    BreakType, Docx, HeightRule, Paragraph, Run, Style, StyleType, Table, TableCell,
    TableLayoutType, TableRow, WidthType,
};

/// The packed `.docx` file.
pub fn render(report: &Report, options: Options) -> Vec<u8> {
    pack(document(report, options))
}

/// The document's main XML (`word/document.xml`), for reading and testing.
pub fn xml(report: &Report, options: Options) -> String {
    main_xml(document(report, options))
}

fn document(report: &Report, options: Options) -> Docx {
    let s = report.session;
    let mut doc = styled();
    doc = doc.add_paragraph(heading(1, &clean_line(&s.title)));
    doc = doc.add_paragraph(paragraph(&format!(
        "{} · session {} · started {} · last change {}",
        report.framework_name,
        clean_line(s.id.as_str()),
        format_zoned(s.created, options.offset),
        format_zoned(s.updated, options.offset)
    )));
    if let Some(c) = &s.conference {
        doc = to_docx(
            doc,
            &facts_section("conference", "The conference", &conference_facts(c)),
        );
    }
    doc = to_docx(doc, &summary_section(report, options));
    doc = to_docx(doc, &stage_sections(report));
    if let Some(c) = &s.conference {
        doc = to_docx(
            doc,
            &facts_section("stage", "The outcome", &conference_outcome(c)),
        );
    }
    doc = to_docx(doc, &map_section(s, options));
    doc
}

/// An empty document with Word's own heading styles.
pub(super) fn styled() -> Docx {
    Docx::new()
        .add_style(heading_style(1, 36))
        .add_style(heading_style(2, 28))
        .add_style(heading_style(3, 24))
}

/// The packed file of a document.
pub(super) fn pack(doc: Docx) -> Vec<u8> {
    let mut file = std::io::Cursor::new(Vec::new());
    let mut built = doc.build();
    built.document = mark_headers(built.document);
    // Packing into memory fails only if the zip writer cannot write to a Vec.
    let _ = built.pack(&mut file);
    file.into_inner()
}

/// A document's main XML (`word/document.xml`).
pub(super) fn main_xml(doc: Docx) -> String {
    String::from_utf8_lossy(&mark_headers(doc.build().document)).into_owned()
}

/// The records of a stage: commitments (agreements, plan items) in one table, the others
/// as paragraphs before it.
pub(super) fn records_of(mut doc: Docx, records: &[Description]) -> Docx {
    let (commitments, others): (Vec<&Description>, Vec<&Description>) = records
        .iter()
        .partition(|d| matches!(d.kind, RecordKind::Agreement | RecordKind::PlanItem));
    for d in others {
        doc = record(doc, d);
    }
    if !commitments.is_empty() {
        doc = doc.add_table(commitments_table(&commitments));
    }
    doc
}

/// One record: its number and words, then its fields, links and check-ins.
fn record(doc: Docx, d: &Description) -> Docx {
    let mut p = Paragraph::new().add_run(Run::new().add_text(format!("{} ", d.id)).bold());
    if let Some(lead) = d.lead() {
        p = p.add_run(Run::new().add_text(format!("{lead}: ")).italic());
    }
    p = p.add_run(lines(&d.words));
    let mut details: Vec<String> = Vec::new();
    if !d.fields.is_empty() {
        details.push(d.field_pairs().collect::<Vec<_>>().join(" · "));
    }
    for (relation, named) in d.link_groups() {
        details.push(format!(
            "{}: {}",
            capitalised(relation.label()),
            named.join("; ")
        ));
    }
    for checkin in &d.checkins {
        details.push(format!("Check-in {checkin}"));
    }
    for detail in details {
        p = p.add_run(
            Run::new()
                .add_break(BreakType::TextWrapping)
                .add_text(detail)
                .size(20),
        );
    }
    doc.add_paragraph(p.keep_lines(true))
}

/// The plan or the agreements as a table: number, what, then a column for each field any
/// of them has (who, by when, status, support, checked by…), for what they link to (what
/// each serves, its change goals), and the latest check-in.
fn commitments_table(commitments: &[&Description]) -> Table {
    let fields: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| commitments.iter().any(|d| d.get(*f).is_some()))
        .collect();
    // What each serves and its change goals, as in Markdown and HTML.
    let relations: Vec<Relation> = Relation::ALL
        .into_iter()
        .filter(|r| commitments.iter().any(|d| d.links_of(*r).next().is_some()))
        .collect();
    let checked = commitments.iter().any(|d| !d.checkins.is_empty());
    let mut header = vec!["#".to_owned(), "What".to_owned()];
    header.extend(fields.iter().map(|f| capitalised(f.label())));
    header.extend(relations.iter().map(|r| capitalised(r.label())));
    if checked {
        header.push("Latest check-in".to_owned());
    }
    let rows = commitments
        .iter()
        .map(|d| {
            let mut row = vec![d.id.0.to_string(), clean(&d.words).trim().to_owned()];
            row.extend(
                fields
                    .iter()
                    .map(|f| d.get(*f).unwrap_or_default().to_owned()),
            );
            row.extend(relations.iter().map(|r| {
                d.links_of(*r)
                    .map(crate::describe::Link::named)
                    .collect::<Vec<_>>()
                    .join("\n")
            }));
            if checked {
                row.push(d.checkins.last().cloned().unwrap_or_default());
            }
            row
        })
        .collect();
    table(&header, rows)
}

/// The width of an A4 page's text with docx-rs's margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 2 * 1701;

/// A table no longer than this many rows is kept on one page (moved whole to the next
/// when it would not fit at the foot of one); a longer one breaks between rows.
const KEPT_TOGETHER: usize = 16;

/// Marks a heading row while the document is built; [`mark_headers`] turns it into
/// Word's "repeat as header row" (`w:tblHeader`), which docx-rs cannot write.
const HEADER_MARK: &str = "<w:trHeight w:val=\"1\" w:hRule=\"atLeast\" />";

/// A table with a bold heading row (if any) that repeats on each page the table reaches
/// and never stands alone at a page's foot; a column grid with widths from what the
/// columns hold ([`super::document::column_widths`]), fixed, so every reader lays it out
/// alike; each row kept on one page, and a short table kept whole.
pub(super) fn table(header: &[String], rows: Vec<Vec<String>>) -> Table {
    // At 10 points where every word fits whole, else at 8 (a table of many columns).
    let (mut widths, fits) = super::document::widths_at(header, &rows, TEXT_WIDTH, 84);
    let mut size = 20;
    if !fits {
        widths = super::document::widths_at(header, &rows, TEXT_WIDTH, 67).0;
        size = 16;
    }
    let together = rows.len() <= KEPT_TOGETHER;
    let count = rows.len();
    // Keep-with-next on a row's paragraphs holds it to the row after it.
    let cell = |text: &str, bold: bool, width: usize, keep: bool| {
        let run = lines(text).size(size);
        TableCell::new().width(width, WidthType::Dxa).add_paragraph(
            Paragraph::new()
                .add_run(if bold { run.bold() } else { run })
                .keep_next(keep),
        )
    };
    let mut out = Vec::new();
    if !header.is_empty() {
        out.push(
            TableRow::new(
                header
                    .iter()
                    .zip(&widths)
                    .map(|(h, w)| cell(h, true, *w, count > 0))
                    .collect(),
            )
            .cant_split()
            .row_height(1.0)
            .height_rule(HeightRule::AtLeast),
        );
    }
    for (at, row) in rows.into_iter().enumerate() {
        let keep = together && at + 1 < count;
        out.push(
            TableRow::new(
                row.iter()
                    .zip(&widths)
                    .enumerate()
                    .map(|(i, (text, w))| cell(text, header.is_empty() && i == 0, *w, keep))
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(out)
        .set_grid(widths)
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// The document's XML with each marked heading row set to repeat at the top of every page.
fn mark_headers(xml: Vec<u8>) -> Vec<u8> {
    String::from_utf8_lossy(&xml)
        .replace(HEADER_MARK, "<w:tblHeader />")
        .into_bytes()
}

/// A run of text with its lines kept as line breaks, control characters gone.
pub(super) fn lines(text: &str) -> Run {
    let cleaned = clean(text);
    let mut run = Run::new();
    for (i, line) in cleaned.trim().lines().enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

pub(super) fn paragraph(text: &str) -> Paragraph {
    Paragraph::new().add_run(lines(text))
}

/// A heading in Word's own style, kept with what follows it.
pub(super) fn heading(level: usize, text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(clean_line(text)))
        .style(&format!("Heading{level}"))
        .keep_next(true)
}

fn heading_style(level: usize, half_points: usize) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .size(half_points)
        .bold()
        .outline_lvl(level - 1)
}
