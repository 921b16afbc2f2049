//! Voices gathered beforehand: the answers in one column of a CSV file, each kept word for word with its row.

use thiserror::Error;

/// One answer from the file: the spreadsheet row it is on (the column names are row 1)
/// and its words as written, with line breaks as `\n` and, as in a paste, control
/// characters and escape sequences taken out (a tab becomes a space).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub row: usize,
    pub words: String,
}

/// What one column of a file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answers {
    /// The column's name, as the file's first row gives it.
    pub column: String,
    /// Every cell that holds words, in the file's order.
    pub answers: Vec<Answer>,
    /// How many cells were empty (or only spaces) and were left out.
    pub empty: usize,
}

/// Why a file's answers could not be read; nothing is taken from a file that gives one.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("the file is empty: its first row should name the columns")]
    Empty,
    #[error("the file has {} columns ({}); choose one with --column NAME", .0.len(), quoted(.0))]
    WhichColumn(Vec<String>),
    #[error("the file has no column called {name:?}; its columns are {}", quoted(.columns))]
    NoSuchColumn { name: String, columns: Vec<String> },
    #[error("line {line}: {reason}")]
    Malformed { line: u64, reason: String },
    #[error(
        "the file has more than {MAX_ROWS} rows; convene imports up to {MAX_ROWS} answers at a time"
    )]
    TooManyRows,
}

/// The most rows `import` takes from one file (a session of 100,000 records would be slow
/// to open and to read in the room).
pub const MAX_ROWS: usize = 100_000;

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads the answers in one column of CSV text: the first row names the columns, a
/// byte-order mark is skipped, cells may hold quoted commas, quotes and line breaks
/// (Windows or Unix). `column` picks a column by name (ignoring case and the spaces
/// around it); without it the file must have only one. A row with more or fewer cells
/// than the first, or bytes that are not UTF-8, refuse the whole file with the line.
pub fn read_answers(bytes: &[u8], column: Option<&str>) -> Result<Answers, ImportError> {
    if let Some(opened) = unclosed_quote(bytes) {
        return Err(ImportError::Malformed {
            line: Lines::new(bytes).line_at(opened as u64) as u64,
            reason: "a quote opened on this line is never closed, so the rest of the file would run into one cell".into(),
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(bytes);
    let columns: Vec<String> = reader
        .headers()
        .map_err(|e| malformed(e, bytes))?
        .iter()
        .map(str::to_owned)
        .collect();
    if columns.is_empty() {
        return Err(ImportError::Empty);
    }
    let at = match column {
        Some(name) => columns
            .iter()
            .position(|c| c.trim().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| ImportError::NoSuchColumn {
                name: name.to_owned(),
                columns: columns.clone(),
            })?,
        None if columns.len() == 1 => 0,
        None => return Err(ImportError::WhichColumn(columns)),
    };
    let mut answers = Vec::new();
    let mut empty = 0;
    // A spreadsheet's row is the line a row starts on, less the line breaks inside the
    // quoted cells above it. A blank line (which the reader passes over) is a row too:
    // an empty one.
    // The lines are counted once, front to back, as the reader moves on (a row starts
    // after the one before it), so the cost follows the file's size.
    let mut lines = Lines::new(bytes);
    let mut breaks_in_cells = columns.iter().map(|c| newlines(c)).sum::<usize>();
    let mut last_row = 1;
    for record in reader.records() {
        let record = record.map_err(|e| malformed(e, bytes))?;
        let row = record.position().map_or(last_row + 1, |p| {
            lines.line_at(p.byte()).saturating_sub(breaks_in_cells)
        });
        if row > MAX_ROWS {
            return Err(ImportError::TooManyRows);
        }
        empty += row.saturating_sub(last_row + 1);
        last_row = row;
        breaks_in_cells += record.iter().map(newlines).sum::<usize>();
        let cell = record.get(at).unwrap_or_default();
        if cell.trim().is_empty() {
            empty += 1;
        } else {
            answers.push(Answer {
                row,
                // As a paste is taken: line breaks as `\n`, nothing a terminal acts on.
                words: crate::text::clean(&crate::text::line_breaks(cell)).into_owned(),
            });
        }
    }
    Ok(Answers {
        column: columns[at].clone(),
        answers,
        empty,
    })
}

/// Where a quoted cell opens that no quote closes, if one does. The reader would take
/// everything after it, to the end of the file, as that one cell.
fn unclosed_quote(bytes: &[u8]) -> Option<usize> {
    let mut open = None;
    let mut cell_start = true;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        match (open, b) {
            // A doubled quote inside quotes is a quote in the words.
            (Some(_), b'"') if bytes.get(at + 1) == Some(&b'"') => at += 1,
            (Some(_), b'"') => open = None,
            (Some(_), _) => {}
            (None, b'"') if cell_start => open = Some(at),
            (None, b',' | b'\r' | b'\n') => {
                cell_start = true;
                at += 1;
                continue;
            }
            (None, _) => {}
        }
        cell_start = false;
        at += 1;
    }
    open
}

/// How many line breaks a text holds: `\r\n`, `\n`, or `\r` alone (as old Mac files
/// and some exports end their lines), as the CSV reader ends its rows.
fn newlines(text: &str) -> usize {
    let bytes = text.as_bytes();
    (0..bytes.len()).filter(|&i| is_break(bytes, i)).count()
}

/// Whether the byte at `i` ends a line: a `\n`, or a `\r` not followed by `\n` (the
/// `\n` of a `\r\n` ends it). Looks only at `i` and the byte after, so counting a text in
/// pieces gives the same as counting it whole.
fn is_break(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' => true,
        b'\r' => bytes.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// The line numbers of a file's bytes, counted once from the front: each question asks
/// about a place at or after the one before, and only the bytes between are counted.
struct Lines<'a> {
    bytes: &'a [u8],
    /// Bytes before this place have been counted.
    at: usize,
    /// Line breaks before `at`.
    breaks: usize,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            at: 0,
            breaks: 0,
        }
    }

    /// The line (from 1) on which the row the reader places at `byte` starts. Counted from
    /// the bytes before it: the reader's own count leaves out line breaks inside quotes,
    /// and its row may start at the line ends (and blank lines) before the first cell. A
    /// place before one already asked about is counted from the front again.
    fn line_at(&mut self, byte: u64) -> usize {
        let bytes = self.bytes;
        let start = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
        let start = start
            + bytes[start..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        if start < self.at {
            *self = Self::new(bytes);
        }
        self.breaks += (self.at..start).filter(|&i| is_break(bytes, i)).count();
        self.at = start;
        1 + self.breaks
    }
}

/// A reader's error as the line it is on and a plain reason.
fn malformed(e: csv::Error, bytes: &[u8]) -> ImportError {
    let line = e
        .position()
        .map_or(1, |p| Lines::new(bytes).line_at(p.byte())) as u64;
    let reason = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "this row has {len} cell{} where the first row has {expected_len}; a cell holding a comma or a line break needs quotes around it",
            if *len == 1 { "" } else { "s" }
        ),
        csv::ErrorKind::Utf8 { .. } => {
            "this is not UTF-8 text; save the spreadsheet as “CSV UTF-8” and try again".to_owned()
        }
        _ => e.to_string(),
    };
    ImportError::Malformed { line, reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_column_needs_no_name_and_rows_are_the_spreadsheets_rows() {
        let read = read_answers(b"answer\nfirst\n\n  \nsecond\n", None).expect("reads");
        assert_eq!(read.column, "answer");
        assert_eq!(
            read.answers,
            vec![
                Answer {
                    row: 2,
                    words: "first".into()
                },
                Answer {
                    row: 5,
                    words: "second".into()
                }
            ]
        );
        // The blank line (row 3) and the spaces (row 4).
        assert_eq!(read.empty, 2);
    }

    #[test]
    fn rows_after_a_cell_over_several_lines_keep_the_spreadsheets_numbers() {
        let read = read_answers(
            b"\xef\xbb\xbfanswer\r\n\"one\r\ntwo\r\nthree\"\r\n\r\nnext\r\n",
            None,
        )
        .expect("reads");
        let rows: Vec<(usize, &str)> = read
            .answers
            .iter()
            .map(|a| (a.row, a.words.as_str()))
            .collect();
        assert_eq!(rows, vec![(2, "one\ntwo\nthree"), (4, "next")]);
        assert_eq!(read.empty, 1);
    }

    #[test]
    fn several_columns_ask_which_one_and_name_them() {
        let e = read_answers(b"age,answer\n14,yes\n", None).expect_err("asks");
        assert_eq!(
            e.to_string(),
            "the file has 2 columns (“age”, “answer”); choose one with --column NAME"
        );
        let e = read_answers(b"age,answer\n14,yes\n", Some("voice")).expect_err("a reason");
        assert!(e.to_string().contains("no column called \"voice\""), "{e}");
        let read = read_answers(b"age,answer\n14,yes\n", Some(" Answer ")).expect("reads");
        assert_eq!(read.answers[0].words, "yes");
    }

    #[test]
    fn a_row_of_the_wrong_length_is_refused_with_its_line() {
        let e = read_answers(b"age,answer\n14,yes\n15,no, really\n", Some("answer"))
            .expect_err("a reason");
        assert!(
            e.to_string().starts_with("line 3: this row has 3 cells"),
            "{e}"
        );
    }

    #[test]
    fn a_quote_never_closed_is_refused_with_the_line_it_opens_on() {
        let e = read_answers(
            b"answer\r\n\"first, \"\"quoted\"\"\"\r\n\"second, never closed\r\nthird\r\n",
            None,
        )
        .expect_err("a reason");
        assert!(
            e.to_string()
                .starts_with("line 3: a quote opened on this line is never closed"),
            "{e}"
        );
        // Quotes inside a cell that did not open with one are words.
        let read = read_answers(b"answer\nthe 5\" screen\n", None).expect("reads");
        assert_eq!(read.answers[0].words, "the 5\" screen");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_with_their_line() {
        let e = read_answers(b"answer\nfirst\nsecond \xe9t\xe9\n", None).expect_err("a reason");
        assert!(
            e.to_string().starts_with("line 3: this is not UTF-8 text"),
            "{e}"
        );
    }

    #[test]
    fn rows_ended_by_a_carriage_return_alone_are_numbered_as_the_spreadsheet_does() {
        let read =
            read_answers(b"answer\rfirst\r\rthird\r\"one\rtwo\"\rlast\r", None).expect("reads");
        let rows: Vec<(usize, &str)> = read
            .answers
            .iter()
            .map(|a| (a.row, a.words.as_str()))
            .collect();
        assert_eq!(
            rows,
            vec![(2, "first"), (4, "third"), (5, "one\ntwo"), (6, "last")]
        );
        assert_eq!(read.empty, 1);
        let e = read_answers(b"age,answer\r14,yes\r15,no, really\r", Some("answer"))
            .expect_err("a reason");
        assert!(e.to_string().starts_with("line 3: "), "{e}");
    }

    #[test]
    fn more_rows_than_the_limit_are_refused() {
        let mut text = b"answer\n".to_vec();
        for _ in 0..MAX_ROWS {
            text.extend_from_slice(b"yes\n");
        }
        assert_eq!(read_answers(&text, None), Err(ImportError::TooManyRows));
        text.truncate(text.len() - 4);
        assert_eq!(
            read_answers(&text, None).map(|r| r.answers.len()),
            Ok(MAX_ROWS - 1)
        );
    }

    #[test]
    fn an_empty_file_is_refused() {
        assert_eq!(read_answers(b"", None), Err(ImportError::Empty));
        assert_eq!(
            read_answers(b"\xef\xbb\xbf\r\n", None),
            Err(ImportError::Empty)
        );
    }
}
