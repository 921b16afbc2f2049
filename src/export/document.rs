//! A document as blocks (headings, paragraphs, facts, tables, lists), built once and rendered to Markdown, HTML and Word.

use super::markdown::escape as md;
use crate::text::clean_line;
use std::fmt::Write;

/// One block of a document. Its text is the user's or the app's words as they are:
/// each renderer escapes for its own format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading, level 1 (the title) to 4 (Word has styles for three: a fourth is shown as a third).
    Heading(u8, String),
    /// A paragraph; its own line breaks are kept.
    Paragraph(String),
    /// Labels and their values, each pair kept together on a page.
    Facts(Vec<(String, String)>),
    /// A table with a heading row.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A list of items, each a line or more.
    List(Vec<String>),
    /// A paragraph in italics (a stage's purpose).
    Emphasis(String),
    /// A paragraph of the app's own, apart from the words recorded (a stage with nothing
    /// in it; private family time).
    Note(String),
    /// Records as each format lists them: Markdown a list with what each links to under
    /// it, HTML a numbered list, Word paragraphs with the commitments in one table.
    Records(Vec<crate::describe::Description>),
    /// A table whose rows each open with a label and whose cells each carry a count (a
    /// map): HTML shades a cell by its count against the largest (grey prints); Markdown
    /// and Word show it as a table.
    Counts {
        header: Vec<String>,
        rows: Vec<(String, Vec<(usize, String)>)>,
    },
    /// Blocks that belong together: in HTML a `<section>` of a class (what the page's
    /// style and its page breaks hold to); Markdown and Word show the blocks as they are.
    Section(&'static str, Vec<Block>),
}

/// The blocks as Markdown: no user text can open a block of its own.
pub fn to_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                let hashes = "#".repeat(usize::from((*level).clamp(1, 6)));
                let _ = writeln!(out, "{hashes} {}\n", md(&clean_line(text)));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "{}\n", md(text));
            }
            Block::Facts(pairs) => {
                for (label, value) in pairs {
                    let _ = writeln!(out, "- **{}:** {}", md(&clean_line(label)), md(value));
                }
                out.push('\n');
            }
            Block::Table { header, rows } => {
                // A table row is one line: a cell's line breaks become spaces.
                let line = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| md(&clean_line(c))).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                out.push_str(&line(header));
                let _ = writeln!(out, "|{}", "---|".repeat(header.len().max(1)));
                for row in rows {
                    out.push_str(&line(row));
                }
                out.push('\n');
            }
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(out, "- {}", md(item));
                }
                out.push('\n');
            }
            Block::Emphasis(text) => {
                let _ = writeln!(out, "_{}_\n", md(text));
            }
            Block::Note(text) => {
                let _ = writeln!(out, "{}\n", md(text));
            }
            Block::Records(records) => {
                for d in records {
                    super::markdown::item(&mut out, d);
                }
                out.push('\n');
            }
            Block::Counts { header, rows } => {
                out.push_str(&to_markdown(&[Block::Table {
                    header: header.clone(),
                    rows: counted_rows(rows),
                }]));
            }
            Block::Section(_, inner) => out.push_str(&to_markdown(inner)),
        }
    }
    out
}

/// The blocks as an HTML fragment, to go inside the page from `html::page`.
pub fn to_html(blocks: &[Block]) -> String {
    use super::html::escape as h;
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                let level = (*level).clamp(1, 6);
                let _ = writeln!(out, "<h{level}>{}</h{level}>", h(&clean_line(text)));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "<p>{}</p>", h(text));
            }
            Block::Facts(pairs) => {
                out.push_str("<dl class=\"facts\">\n");
                for (label, value) in pairs {
                    // A label and its value in one block that a page break never splits.
                    let _ = writeln!(
                        out,
                        "<div class=\"fact\"><dt>{}</dt><dd>{}</dd></div>",
                        h(&clean_line(label)),
                        h(value)
                    );
                }
                out.push_str("</dl>\n");
            }
            Block::Table { header, rows } => {
                // Widths worked out as for Word, on the HTML page's own width and type
                // size, given as shares of it.
                out.push_str("<table class=\"plan\">\n<colgroup>");
                let widths = widths_at(header, rows, HTML_TEXT_WIDTH, HTML_TABLE_SCALE).0;
                for width in widths {
                    let width = width * 1000 / HTML_TEXT_WIDTH;
                    let _ = write!(out, "<col style=\"width: {}.{}%\">", width / 10, width % 10);
                }
                out.push_str("</colgroup>\n<thead><tr>");
                for cell in header {
                    let _ = write!(out, "<th>{}</th>", h(cell));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        let _ = write!(out, "<td>{}</td>", h(cell));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    let _ = writeln!(out, "<li>{}</li>", h(item));
                }
                out.push_str("</ul>\n");
            }
            Block::Emphasis(text) => {
                let _ = writeln!(out, "<p class=\"purpose\">{}</p>", h(text));
            }
            Block::Note(text) => {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", h(text));
            }
            Block::Records(records) => super::html::list(&mut out, records),
            Block::Counts { header, rows } => {
                let most = rows
                    .iter()
                    .flat_map(|(_, cells)| cells.iter().map(|(n, _)| *n))
                    .max()
                    .unwrap_or(1)
                    .max(1);
                out.push_str("<table class=\"map\">\n<tr>");
                for cell in header {
                    let _ = write!(out, "<th>{}</th>", h(cell));
                }
                out.push_str("</tr>\n");
                for (label, cells) in rows {
                    let _ = write!(out, "<tr><th>{}</th>", h(label));
                    for (n, text) in cells {
                        // Grey shading for the strong cells (it prints), with the number or names too.
                        let shade = 255 - (n * 120 / most).min(120);
                        let _ = write!(
                            out,
                            "<td style=\"background: rgb({shade},{shade},{shade})\">{}</td>",
                            h(text)
                        );
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
            Block::Section(class, inner) => {
                let _ = write!(
                    out,
                    "<section class=\"{}\">\n{}</section>\n",
                    h(class),
                    to_html(inner)
                );
            }
        }
    }
    out
}

/// Adds the blocks to a Word document: Word's own heading styles, tables for facts and tables.
pub fn to_docx(mut doc: docx_rs::Docx, blocks: &[Block]) -> docx_rs::Docx {
    use super::docx::{heading, paragraph, table};
    for block in blocks {
        doc = match block {
            Block::Heading(level, text) => {
                doc.add_paragraph(heading(usize::from((*level).clamp(1, 3)), text))
            }
            Block::Paragraph(text) => doc.add_paragraph(paragraph(text)),
            Block::Facts(pairs) => {
                let rows = pairs
                    .iter()
                    .map(|(label, value)| vec![clean_line(label), value.clone()])
                    .collect();
                doc.add_table(table(&[], rows))
            }
            Block::Table { header, rows } => doc.add_table(table(header, rows.clone())),
            Block::List(items) => items.iter().fold(doc, |doc, item| {
                doc.add_paragraph(paragraph(&format!("• {item}")))
            }),
            Block::Emphasis(text) => doc.add_paragraph(
                docx_rs::Paragraph::new().add_run(super::docx::lines(text).italic()),
            ),
            Block::Note(text) => doc.add_paragraph(paragraph(text)),
            Block::Records(records) => super::docx::records_of(doc, records),
            Block::Counts { header, rows } => doc.add_table(table(header, counted_rows(rows))),
            Block::Section(_, inner) => to_docx(doc, inner),
        };
    }
    doc
}

/// A [`Block::Counts`]'s rows as a table's: the label, then each cell's words.
fn counted_rows(rows: &[(String, Vec<(usize, String)>)]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|(label, cells)| {
            std::iter::once(label.clone())
                .chain(cells.iter().map(|(_, text)| text.clone()))
                .collect()
        })
        .collect()
}

/// Column widths that add up to `total`, from what the columns hold: each column at least
/// as wide as its longest word (so no word breaks where the page allows it), and the rest
/// of the width given by how much each column holds, up to its longest line. A column of
/// numbers, dates or times stays narrow; the column of words gets the width. Word (in
/// twentieths of a point) and HTML (in thousandths of the width) use the same widths.
/// The HTML page's text width (46rem at 16 px), in twentieths of a point as Word's is.
const HTML_TEXT_WIDTH: usize = 11_040;
/// A table's type in HTML (0.95rem, about 11.4 points) as a share of 12 points, in percent.
const HTML_TABLE_SCALE: usize = 95;

pub fn column_widths(header: &[String], rows: &[Vec<String>], total: usize) -> Vec<usize> {
    widths_at(header, rows, total, 100).0
}

/// The widths at a text size (percent of 12 points), and whether every longest word fits.
pub(super) fn widths_at(
    header: &[String],
    rows: &[Vec<String>],
    total: usize,
    scale: usize,
) -> (Vec<usize>, bool) {
    // A cell's padding, and a character's width at 12 points: a wide one for a word that
    // must not break (bold headings, "w" and "m", a wide font such as DejaVu), an average one for a line that may wrap.
    const PAD: usize = 230;
    let wide = 170 * scale / 100;
    let average = 110 * scale / 100;
    let columns = header
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0));
    if columns == 0 {
        return (Vec::new(), true);
    }
    let cells = |c: usize| {
        header
            .get(c)
            .into_iter()
            .chain(rows.iter().filter_map(move |r| r.get(c)))
    };
    let chars = |t: &str| t.chars().count();
    let mut least = Vec::new();
    let mut most = Vec::new();
    let mut holds = Vec::new();
    for c in 0..columns {
        let word = cells(c)
            .flat_map(|t| t.split_whitespace())
            .map(chars)
            .max()
            .unwrap_or(1);
        let line = cells(c)
            .flat_map(|t| t.lines())
            .map(chars)
            .max()
            .unwrap_or(1);
        let l = PAD + wide * word.max(1);
        least.push(l);
        most.push((PAD + average * line).max(l));
        holds.push(cells(c).map(|t| chars(t)).sum::<usize>().max(1));
    }
    let sum_least: usize = least.iter().sum();
    if sum_least >= total {
        // Even the longest words do not fit side by side: as close as the page allows.
        let mut widths: Vec<usize> = least.iter().map(|l| l * total / sum_least).collect();
        widths[0] += total.saturating_sub(widths.iter().sum());
        return (widths, false);
    }
    let mut widths = least.clone();
    let mut spare = total - sum_least;
    // The spare width by how much each column holds, never past its longest line.
    loop {
        let open: Vec<usize> = (0..columns).filter(|c| widths[*c] < most[*c]).collect();
        let weight: usize = open.iter().map(|c| holds[*c]).sum();
        if open.is_empty() || spare == 0 {
            break;
        }
        let mut given = 0;
        for c in open {
            let add = (spare * holds[c] / weight).min(most[c] - widths[c]);
            widths[c] += add;
            given += add;
        }
        spare -= given;
        if given == 0 {
            break;
        }
    }
    // Room left when every line fits: shared by width.
    if spare > 0 {
        let sum: usize = widths.iter().sum();
        let before = widths.clone();
        for (w, b) in widths.iter_mut().zip(before) {
            *w += spare * b / sum;
        }
    }
    // What division left over goes to the widest column.
    let short = total.saturating_sub(widths.iter().sum());
    if let Some(widest) = (0..columns).max_by_key(|c| widths[*c]) {
        widths[widest] += short;
    }
    (widths, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of block, each holding hostile text: a heading's `#`, a script, a
    /// terminal escape (a title change), a bell and a second line.
    fn hostile() -> Vec<Block> {
        let bad = "# x <script>alert(1)</script> \u{1b}]0;owned\u{7}\u{7}end\n- second";
        vec![
            Block::Heading(1, bad.to_owned()),
            Block::Paragraph(bad.to_owned()),
            Block::Facts(vec![(bad.to_owned(), bad.to_owned())]),
            Block::Table {
                header: vec![bad.to_owned()],
                rows: vec![vec![bad.to_owned()]],
            },
            Block::List(vec![bad.to_owned()]),
            Block::Counts {
                header: vec![bad.to_owned()],
                rows: vec![(bad.to_owned(), vec![(2, bad.to_owned())])],
            },
            Block::Emphasis(bad.to_owned()),
            Block::Note(bad.to_owned()),
            Block::Section("x\"><script>", vec![Block::Paragraph(bad.to_owned())]),
        ]
    }

    fn no_control_characters(text: &str) {
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "a control character got through: {text:?}"
        );
        assert!(
            !text.contains("owned"),
            "an escape sequence's words got through"
        );
    }

    #[test]
    fn markdown_never_lets_user_text_open_a_block_or_markup() {
        let out = to_markdown(&hostile());
        no_control_characters(&out);
        assert!(!out.contains("<script>"));
        for line in out.lines() {
            let body = line.trim_start_matches(['#', ' ', '-', '|']).trim_start();
            // Whatever the document's own mark, the user's `#` or `-` comes escaped.
            assert!(
                !body.starts_with('#') && !body.starts_with("- "),
                "user text opens a block: {line:?}"
            );
        }
        assert!(out.starts_with("# \\# x &lt;script&gt;"));
        // A table row stays one line even when a cell had two.
        assert!(out.contains("| \\# x &lt;script&gt;alert(1)&lt;/script&gt; end - second |"));
    }

    #[test]
    fn html_shows_markup_as_text() {
        let out = to_html(&hostile());
        no_control_characters(&out);
        assert!(!out.contains("<script>"));
        assert!(out.contains("<h1># x &lt;script&gt;alert(1)&lt;/script&gt; end - second</h1>"));
        assert!(out.contains("<p># x &lt;script&gt;alert(1)&lt;/script&gt; end<br>- second</p>"));
        assert!(out.contains("<div class=\"fact\"><dt>"));
        assert!(out.contains("<th># x &lt;script&gt;"));
        assert!(out.contains("<section class=\"x&quot;&gt;&lt;script&gt;\">\n<p># x"));
    }

    #[test]
    fn word_holds_the_words_escaped_and_no_control_characters() {
        let doc = to_docx(docx_rs::Docx::new(), &hostile()).build();
        let xml = String::from_utf8_lossy(&doc.document).into_owned();
        no_control_characters(&xml);
        assert!(!xml.contains("<script>"));
        assert!(xml.contains("&lt;script&gt;"));
        assert!(xml.contains("Heading1"));
        assert!(xml.contains("<w:tbl>"));
    }
}
