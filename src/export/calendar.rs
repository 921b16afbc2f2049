//! The iCalendar export: agreements, plan items and the review date as RFC 5545 to-dos.
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

pub fn render(report: &Report, style: CalendarStyle) -> String {
    let s = report.session;
    let mut items = Vec::new();
    for record in &s.records {
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
    if let Some(review) = s.conference.as_ref().and_then(|c| c.review_date) {
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

fn todo_status(status: Status) -> &'static str {
    match status {
        Status::NotStarted | Status::Changed => "NEEDS-ACTION",
        Status::InProgress => "IN-PROCESS",
        Status::Done => "COMPLETED",
        Status::Dropped => "CANCELLED",
    }
}
