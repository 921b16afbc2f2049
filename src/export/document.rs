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
                out.push_str("<table class=\"plan\">\n<thead><tr>");
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
            Block::Table { header, rows } => {
                doc.add_table(table(header, rows.clone()).set_grid(grid(header.len())))
            }
            Block::List(items) => items.iter().fold(doc, |doc, item| {
                doc.add_paragraph(paragraph(&format!("• {item}")))
            }),
        };
    }
    doc
}

/// Column widths in twentieths of a point across an A4 page's text: the first column
/// (what a row is about) twice as wide as the others.
fn grid(columns: usize) -> Vec<usize> {
    const TEXT_WIDTH: usize = 9000;
    let share = TEXT_WIDTH / (columns + 1).max(1);
    (0..columns)
        .map(|i| if i == 0 { 2 * share } else { share })
        .collect()
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
