//! The iCalendar export: agreements, plan items and the review date as RFC 5545 to-dos,
//! and the conference day as an event (a closed conference gives no dates at all).
//!
//! VTODO is the right kind for a commitment with a due date, and Apple Reminders,
//! Thunderbird, Outlook tasks and Nextcloud import it. Google Calendar's import ignores
//! VTODO, so `CalendarStyle::Events` writes all-day VEVENTs on the due date instead.
//! UIDs come from the session and record ids, so a second export updates, not duplicates.

use super::Report;
use crate::model::{RecordBody, Status};
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

/// One dated item to put in the calendar.
struct Item {
    uid: String,
    summary: String,
    description: String,
    due: Date,
    status: Status,
}

/// The calendar; the conference's venue only when `venue` is asked for (venues can be secret).
pub fn render(report: &Report, style: CalendarStyle, venue: bool) -> String {
    let s = report.session;
    let closed = s.conference.as_ref().is_some_and(|c| c.closed.is_some());
    let mut items = Vec::new();
    for record in s.records.iter().filter(|_| !closed) {
        let (summary, who, status, due) = match &record.body {
            RecordBody::Agreement(a) => (a.action.clone(), a.owner.clone(), a.status, a.due),
            RecordBody::PlanItem(p) => (p.text.clone(), p.who.clone(), p.status, p.by_when),
            _ => continue,
        };
        let Some(due) = due else { continue };
        let mut description = vec![format!("From: {}", clean_line(&s.title))];
        if !who.trim().is_empty() {
            description.push(format!("Who: {}", clean_line(&who)));
        }
        let d = report.describe(record);
        for (field, value) in &d.fields {
            // Who has its line above; the date and status are the to-do's own.
            use crate::describe::Field;
            if !matches!(
                field,
                Field::Owner | Field::Who | Field::Due | Field::Status
            ) {
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
        items.push(Item {
            uid: format!("{}-{}@convene", clean_line(s.id.as_str()), record.id.0),
            summary: clean_line(&summary),
            description: description.join("\n"),
            due,
            status,
        });
    }
    let open = s.conference.as_ref().filter(|_| !closed);
    if let Some(review) = open.and_then(|c| c.review_date) {
        items.push(Item {
            uid: format!("{}-review@convene", clean_line(s.id.as_str())),
            summary: format!("Review: {}", clean_line(&s.title)),
            description: "The family, the coordinator and the professionals meet to see how the plan is going.".into(),
            due: review,
            status: Status::NotStarted,
        });
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
    calendar.name(&clean_line(&s.title));
    if let Some(event) = open.and_then(|c| conference_event(report, c, &dtstamp, venue)) {
        calendar.push(event);
    }
    for item in items {
        match style {
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
                    .add_property("STATUS", todo_status(item.status));
                calendar.push(todo.done());
            }
            CalendarStyle::Events => {
                let mut event = Event::new();
                event
                    .uid(&item.uid)
                    .add_property("DTSTAMP", dtstamp.as_str())
                    .summary(&item.summary)
                    .description(&format!(
                        "{}\nStatus: {}",
                        item.description,
                        item.status.label()
                    ))
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
                calendar.push(event.done());
            }
        }
    }
    calendar.done().to_string()
}

/// The conference day as an event: at the time typed when it can be read (floating local
/// time), else all day; the venue only when asked.
fn conference_event(
    report: &Report,
    c: &crate::model::Conference,
    dtstamp: &str,
    venue: bool,
) -> Option<Event> {
    let s = report.session;
    let date = c.date?;
    let at = |time: time::Time| {
        format!(
            "{}T{:02}{:02}00",
            ical_date(date),
            time.hour(),
            time.minute()
        )
    };
    let mut event = Event::new();
    event
        .uid(&format!("{}-conference@convene", clean_line(s.id.as_str())))
        .add_property("DTSTAMP", dtstamp)
        .summary(&format!(
            "Family Group Conference: {}",
            clean_line(&s.title)
        ))
        .description(
            "The family, the coordinator and the professionals meet; the plan is the family's.",
        );
    match c.times() {
        Some((start, end)) => {
            event.add_property("DTSTART", at(start));
            if let Some(end) = end.filter(|end| *end > start) {
                event.add_property("DTEND", at(end));
            }
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

fn todo_status(status: Status) -> &'static str {
    match status {
        Status::NotStarted | Status::Changed => "NEEDS-ACTION",
        Status::InProgress => "IN-PROCESS",
        Status::Done => "COMPLETED",
        Status::Dropped => "CANCELLED",
    }
}
