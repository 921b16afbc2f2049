//! The iCalendar export: agreements, plan items and the review date as RFC 5545 to-dos,
//! and the conference day as an event (a closed conference gives no dates at all).
//!
//! VTODO is the right kind for a commitment with a due date, and Apple Reminders,
//! Thunderbird, Outlook tasks and Nextcloud import it. Google Calendar's import ignores
//! VTODO, so `CalendarStyle::Events` writes all-day VEVENTs on the due date instead.
//! UIDs come from the session and record ids, so a second export updates, not duplicates.
//!
//! What is no longer open stays in the file with its state (COMPLETED for done items and a
//! review already held, CANCELLED for dropped and changed ones) rather than being left
//! out: a to-do imported earlier is only closed in the reader's calendar if a re-import
//! says so. SEQUENCE comes from the session's last change (minutes since 2020), so it
//! rises whenever an item changes and the same session always gives the same file; a
//! number kept per record would change the session file format for one export.

use super::{ExportError, Options, Report};
use crate::model::{RecordKind, Status};
use crate::text::clean_line;
use icalendar::{Calendar, Component, Event, Property, Todo};
use time::Date;

/// Which calendar component to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CalendarStyle {
    /// VTODO: to-dos with a due date (the default).
    #[default]
    Todos,
    /// All-day VEVENTs, for calendars that ignore to-dos.
    Events,
}

fn ical_date(date: Date) -> String {
    format!(
        "{:04}{:02}{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Text for a property the `icalendar` crate writes as it is given (NAME):
/// backslashes, commas, semicolons and new lines escaped as RFC 5545 says for TEXT.
fn text_value(text: &str) -> String {
    clean_line(text)
        .replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;")
}

/// One dated item to put in the calendar.
struct Item {
    uid: String,
    summary: String,
    description: String,
    due: Date,
    state: State,
}

/// Where an item stands, as a calendar says it.
#[derive(Clone, Copy)]
enum State {
    Open(Status),
    Completed,
    Cancelled,
}

impl State {
    fn of(status: Status) -> Self {
        match status {
            Status::NotStarted | Status::InProgress => State::Open(status),
            Status::Done => State::Completed,
            // A changed commitment is no longer the one written here; a dropped one is gone.
            Status::Changed | Status::Dropped => State::Cancelled,
        }
    }

    fn todo_status(self) -> &'static str {
        match self {
            State::Open(Status::InProgress) => "IN-PROCESS",
            State::Open(_) => "NEEDS-ACTION",
            State::Completed => "COMPLETED",
            State::Cancelled => "CANCELLED",
        }
    }
}

/// A summary others may see: the session's title and the item's kind, with its number.
fn private_summary(title: &str, what: &str) -> String {
    format!("{} · {what}", clean_line(title))
}

/// The calendar; the conference's venue only when asked for (venues can be secret).
pub fn render(report: &Report, options: Options) -> Result<String, ExportError> {
    let s = report.session;
    let closed = s.conference.as_ref().is_some_and(|c| c.closed.is_some());
    let mut items = Vec::new();
    for record in s.records.iter().filter(|_| !closed) {
        // One carried on to a follow-up day is in that session's calendar.
        let Some(commitment) = record.body.commitment().filter(|c| c.carried_to.is_none()) else {
            continue;
        };
        let (summary, who, status, due) = (
            record.body.text().to_owned(),
            commitment.who.to_owned(),
            commitment.status,
            commitment.due,
        );
        let Some(due) = due else { continue };
        let kind: RecordKind = record.body.kind();
        let uid = format!("{}-{}@convene", clean_line(s.id.as_str()), record.id.0);
        if !options.include_text {
            items.push(Item {
                uid,
                summary: private_summary(&s.title, &format!("{} {}", kind.label(), record.id)),
                description: format!(
                    "The words are kept in convene: session {}, {} {}.\nStatus: {}",
                    clean_line(s.id.as_str()),
                    kind.label(),
                    record.id,
                    status.label()
                ),
                due,
                state: State::of(status),
            });
            continue;
        }
        let mut description = vec![format!("From: {}", clean_line(&s.title))];
        // Nobody kept apart from the plan is named: the others, or that it is to be agreed.
        let shared = |who: &str| {
            s.who_to_share(who)
                .unwrap_or_else(|| "to be agreed".to_owned())
        };
        if !who.trim().is_empty() {
            description.push(format!("Who: {}", clean_line(&shared(&who))));
        }
        let d = report.describe(record);
        for (field, value) in &d.fields {
            // Who has its line above; the date and status are the to-do's own.
            use crate::describe::Field;
            // A way to reach someone is private: never in a calendar.
            if !field.is_contact()
                && !matches!(
                    field,
                    Field::Owner | Field::Who | Field::Due | Field::Status
                )
            {
                let value = match field {
                    Field::CheckedBy => shared(value),
                    _ => value.clone(),
                };
                description.push(format!(
                    "{}: {value}",
                    crate::text::capitalised(field.label())
                ));
            }
        }
        for link in &d.links {
            description.push(format!(
                "{}: {}",
                crate::text::capitalised(link.relation.label()),
                link.named()
            ));
        }
        description.push(format!("Status: {}", status.label()));
        items.push(Item {
            uid,
            summary: clean_line(&summary),
            description: description.join("\n"),
            due,
            state: State::of(status),
        });
    }
    let open = s.conference.as_ref().filter(|_| !closed);
    if let Some(c) = open
        && let Some(review) = c.review_date
    {
        // A review is held once a rating answers it (or one was given on or after its date).
        let held = c
            .ratings
            .iter()
            .any(|r| r.due == Some(review) || r.date >= review);
        items.push(Item {
            uid: format!("{}-review@convene", clean_line(s.id.as_str())),
            summary: private_summary(&s.title, "review"),
            description: "The family, the coordinator and the professionals meet to see how the plan is going.".into(),
            due: review,
            state: if held {
                State::Completed
            } else {
                State::Open(Status::NotStarted)
            },
        });
    }
    if closed {
        return Err(ExportError::ClosedConference);
    }
    if items.is_empty() && open.and_then(|c| c.date).is_none() {
        return Err(ExportError::NothingDated);
    }
    let stamp = s.updated.to_offset(time::UtcOffset::UTC);
    let dtstamp = format!(
        "{}T{:02}{:02}{:02}Z",
        ical_date(stamp.date()),
        stamp.hour(),
        stamp.minute(),
        stamp.second()
    );
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//convene//convene//EN"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"));
    // The crate escapes X-WR-CALNAME as text, but writes NAME as it is given.
    calendar
        .append_property(Property::new("NAME", text_value(&s.title)))
        .append_property(Property::new("X-WR-CALNAME", clean_line(&s.title)));
    let sequence = sequence(s.updated);
    let conference = open.and_then(|c| {
        conference_event(
            report,
            c,
            &dtstamp,
            options.include_venue,
            sequence,
            options.offset,
        )
    });
    if let Some(event) = conference {
        calendar.push(event);
    }
    for item in items {
        match options.calendar {
            CalendarStyle::Todos => {
                let mut todo = Todo::new();
                todo.uid(&item.uid)
                    .add_property("DTSTAMP", dtstamp.as_str())
                    .summary(&item.summary)
                    .description(&item.description)
                    .append_property(
                        Property::new("DUE", ical_date(item.due))
                            .add_parameter("VALUE", "DATE")
                            .done(),
                    )
                    .sequence(sequence)
                    .add_property("STATUS", item.state.todo_status());
                calendar.push(todo.done());
            }
            CalendarStyle::Events => {
                let mut event = Event::new();
                event
                    .uid(&item.uid)
                    .add_property("DTSTAMP", dtstamp.as_str())
                    .summary(&item.summary)
                    .sequence(sequence)
                    .description(&item.description)
                    .append_property(
                        Property::new("DTSTART", ical_date(item.due))
                            .add_parameter("VALUE", "DATE")
                            .done(),
                    )
                    .append_property(
                        Property::new("DTEND", ical_date(item.due.next_day().unwrap_or(item.due)))
                            .add_parameter("VALUE", "DATE")
                            .done(),
                    )
                    .add_property("TRANSP", "TRANSPARENT");
                if matches!(item.state, State::Cancelled) {
                    event.add_property("STATUS", "CANCELLED");
                }
                calendar.push(event.done());
            }
        }
    }
    Ok(fold(&calendar.done().to_string()))
}

/// The longest content line RFC 5545 allows, in octets, without its line break.
pub const LINE_OCTETS: usize = 75;

/// The calendar's content lines folded as RFC 5545 says (3.1): none longer than 75 octets
/// of UTF-8, a fold never splitting a character, each continuation starting with a space.
/// Lines the writer already folded are unfolded first, so every fold is counted in bytes.
fn fold(text: &str) -> String {
    let mut logical: Vec<String> = Vec::new();
    for line in text.split("\r\n") {
        match (line.strip_prefix(' '), logical.last_mut()) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ => logical.push(line.to_owned()),
        }
    }
    let mut out = String::with_capacity(text.len() + text.len() / 64);
    for line in logical.iter().filter(|l| !l.is_empty()) {
        let mut room = LINE_OCTETS;
        let mut used = 0;
        for c in line.chars() {
            if used + c.len_utf8() > room {
                out.push_str("\r\n ");
                // A continuation's leading space counts towards its 75 octets.
                room = LINE_OCTETS - 1;
                used = 0;
            }
            out.push(c);
            used += c.len_utf8();
        }
        out.push_str("\r\n");
    }
    out
}

/// SEQUENCE for every item: minutes from 2020 to the session's last change, which only
/// moves forward, so a re-import replaces what an earlier import put there.
fn sequence(updated: time::OffsetDateTime) -> u32 {
    let since = updated - time::macros::datetime!(2020-01-01 0:00 UTC);
    u32::try_from(since.whole_minutes()).unwrap_or(0)
}

/// How long a conference is taken to last when only its start is typed ("10:00"): a family
/// group conference (information, private family time, the plan) usually takes about three
/// hours.
pub const USUAL_CONFERENCE_HOURS: i64 = 3;

/// The conference day as an event: at the time typed when it can be read, else all day; the
/// venue only when asked. A time is local to the reader (`offset`) and written in UTC, so a
/// calendar in another zone shows the right hour; with no end typed the event lasts
/// [`USUAL_CONFERENCE_HOURS`].
fn conference_event(
    report: &Report,
    c: &crate::model::Conference,
    dtstamp: &str,
    venue: bool,
    sequence: u32,
    offset: time::UtcOffset,
) -> Option<Event> {
    let s = report.session;
    let date = c.date?;
    let utc = |at: time::PrimitiveDateTime| {
        let at = at.assume_offset(offset).to_offset(time::UtcOffset::UTC);
        format!(
            "{}T{:02}{:02}{:02}Z",
            ical_date(at.date()),
            at.hour(),
            at.minute(),
            at.second()
        )
    };
    let mut event = Event::new();
    event
        .uid(&format!("{}-conference@convene", clean_line(s.id.as_str())))
        .add_property("DTSTAMP", dtstamp)
        .summary(&private_summary(&s.title, "Family Group Conference"))
        .add_property("SEQUENCE", sequence.to_string())
        .description(
            "The family, the coordinator and the professionals meet; the plan is the family's.",
        );
    match c.times() {
        Some((start, end)) => {
            let start = date.with_time(start);
            let end = end
                .filter(|end| *end > start.time())
                .map(|end| date.with_time(end))
                .unwrap_or(start + time::Duration::hours(USUAL_CONFERENCE_HOURS));
            event.add_property("DTSTART", utc(start));
            event.add_property("DTEND", utc(end));
        }
        None => {
            event
                .append_property(
                    Property::new("DTSTART", ical_date(date))
                        .add_parameter("VALUE", "DATE")
                        .done(),
                )
                .append_property(
                    Property::new("DTEND", ical_date(date.next_day().unwrap_or(date)))
                        .add_parameter("VALUE", "DATE")
                        .done(),
                );
        }
    }
    let place = clean_line(&c.venue);
    if venue && !place.trim().is_empty() {
        event.add_property("LOCATION", place.as_str());
    }
    Some(event.done())
}
