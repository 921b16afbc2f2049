//! The day's run-sheet: a session's plan with its clock times, as Markdown, HTML or Word.

use super::document::Block as DocBlock;
use super::{ExportError, Format};
use crate::framework::Framework;
use crate::model::agenda::hhmm;
use crate::model::{Session, What};
use crate::text::clean_line;
use std::fmt::Write;
use time::Time;

/// One line of the run-sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// `09:30–10:00`, or nothing while the day has no start time.
    pub time: String,
    pub title: String,
    pub minutes: u32,
    /// What happens in it (on one line).
    pub note: String,
    /// A break, lunch or other time away from the stages.
    pub pause: bool,
}

/// The day's plan as people read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    /// The session's title (on one line).
    pub title: String,
    pub rows: Vec<Row>,
    pub total: u32,
    pub start: Option<Time>,
}

/// Minutes as `45 min` or `3 h 45 min`.
pub fn duration_words(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

impl Sheet {
    /// The session's plan (its own, else its framework's stages) from `start`, or from the
    /// start time the plan keeps.
    pub fn new(session: &Session, framework: Option<&Framework>, start: Option<Time>) -> Self {
        let plan = match framework {
            Some(f) => f.plan_of(session),
            None => session.agenda.clone().unwrap_or_default(),
        };
        let start = start.or(plan.start);
        let times = start.map(|s| plan.times(s)).unwrap_or_default();
        let stage_name = |key: &str| {
            framework
                .and_then(|f| f.stage(key))
                .map_or(key.to_owned(), |s| s.name.clone())
        };
        let rows = plan
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let name = b.stage_key().map(stage_name).unwrap_or_default();
                Row {
                    time: times
                        .get(i)
                        .map(|(from, to)| format!("{}–{}", hhmm(*from), hhmm(*to)))
                        .unwrap_or_default(),
                    title: match (&b.what, b.title.trim().is_empty()) {
                        (What::Break | What::Lunch, false) => {
                            format!(
                                "{} ({})",
                                clean_line(&b.title),
                                b.kind(|k| k).to_lowercase()
                            )
                        }
                        _ => clean_line(b.title(|_| &name)),
                    },
                    minutes: b.minutes,
                    note: clean_line(&b.note),
                    pause: !matches!(b.what, What::Stage(_)),
                }
            })
            .collect();
        Self {
            title: clean_line(&session.title),
            rows,
            total: plan.total_minutes(),
            start,
        }
    }

    /// When the day ends, with a start time.
    pub fn finish(&self) -> Option<Time> {
        self.start
            .map(|s| s + time::Duration::minutes(i64::from(self.total)))
    }

    /// "In all 3 h 45 min, from 09:30 to 13:15", or without a start time, how to give one.
    pub fn summary(&self) -> String {
        let total = duration_words(self.total);
        match (self.start, self.finish()) {
            (Some(start), Some(end)) => {
                format!("In all {total}, from {} to {}.", hhmm(start), hhmm(end))
            }
            _ => format!("In all {total}. No start time yet, so no clock times."),
        }
    }

    /// A row as one line of text: `09:30–10:00  Define — Agree the topic (30 min)`, or
    /// `10:30–10:45  Coffee (break, 15 min)`.
    fn line(row: &Row) -> String {
        let mut line = String::new();
        if !row.time.is_empty() {
            let _ = write!(line, "{}  ", row.time);
        }
        line.push_str(&row.title);
        if !row.note.is_empty() {
            let _ = write!(line, " — {}", row.note);
        }
        // "Coffee (break, 15 min)", not "Coffee (break) (15 min)".
        let minutes = duration_words(row.minutes);
        match line.strip_suffix(')') {
            Some(open) if row.note.is_empty() => format!("{open}, {minutes})"),
            _ => format!("{line} ({minutes})"),
        }
    }

    /// The run-sheet as a document: its heading, the blocks (one line each in Markdown, a
    /// table in a page or in Word) and the total.
    fn document(&self, lines: bool) -> Vec<DocBlock> {
        let body = if lines {
            DocBlock::List(self.rows.iter().map(Self::line).collect())
        } else {
            DocBlock::Table {
                header: ["Time", "Block", "Minutes", "What happens"]
                    .map(str::to_owned)
                    .to_vec(),
                rows: self
                    .rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.time.clone(),
                            r.title.clone(),
                            r.minutes.to_string(),
                            r.note.clone(),
                        ]
                    })
                    .collect(),
            }
        };
        vec![
            DocBlock::Heading(1, self.heading()),
            body,
            DocBlock::Paragraph(self.summary()),
        ]
    }

    /// The run-sheet as a file's bytes, in one of [`Format::RUN_SHEET`].
    pub fn render(&self, format: Format) -> Result<Vec<u8>, ExportError> {
        use super::document::{to_docx, to_html, to_markdown};
        Ok(match format {
            Format::Md => to_markdown(&self.document(true)).into_bytes(),
            Format::Html => {
                super::html::page(&self.heading(), &to_html(&self.document(false))).into_bytes()
            }
            Format::Docx => {
                super::docx::pack(to_docx(super::docx::styled(), &self.document(false)))
            }
            Format::Csv | Format::Ics | Format::Json => {
                return Err(ExportError::NotInThisFormat {
                    what: "the day's plan",
                    format,
                });
            }
        })
    }

    fn heading(&self) -> String {
        format!("The day's plan: {}", self.title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_in_hours_and_minutes() {
        assert_eq!(duration_words(45), "45 min");
        assert_eq!(duration_words(120), "2 h");
        assert_eq!(duration_words(225), "3 h 45 min");
    }
}
