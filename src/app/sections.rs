//! The conference's own forms: key facts, the outcome, a review, and a check-in on a commitment.

use super::dates::parse_due;
use super::form::{DUE_HINT, Form, Purpose, choice, choice_from, date_text, text};
use crate::model::{
    CheckIn, Closure, ClosureReason, Conference, Decision, Home, REASON_LABELS, Rating, Record,
    Status,
};
use time::{Date, Duration};

const DECISIONS: &[&str] = &[
    "not decided yet",
    "agreed",
    "agreed with changes",
    "not agreed",
];
const STATUSES: &[&str] = &["not started", "in progress", "done", "changed", "dropped"];
const CLOSE: &[&str] = &["keep going", "close: the plan is working, the family asked"];

fn returns() -> &'static crate::returns::Categories {
    crate::returns::Categories::shared()
}

/// The key facts form.
pub fn facts(c: &Conference) -> Form {
    Form::custom(
        Purpose::Facts,
        vec![
            text("Child", &c.child, false, "First name or initials only"),
            text(
                "Referred by",
                &c.referrer,
                false,
                "Who referred, and from where",
            ),
            text(
                "Why we meet",
                &c.reasons,
                true,
                "The referral questions, in plain words",
            ),
            text(
                "Bottom lines",
                &c.bottom_lines,
                true,
                "What must happen, if anything",
            ),
            text(
                "Date",
                &date_text(c.date),
                false,
                "YYYY-MM-DD, +3d, +2w or +1m",
            ),
            text("Time", &c.time, false, "e.g. 10:00 to 14:00"),
            text(
                "Venue",
                &c.venue,
                false,
                "Where the family feels comfortable",
            ),
            text(
                "Child's voice",
                &c.child_voice,
                true,
                "Their wishes and views, directly or through an advocate",
            ),
            text(
                "Referral date",
                &date_text(c.referral_date),
                false,
                "When the referral came in: YYYY-MM-DD",
            ),
            choice_from(
                "Referrer's role",
                &returns().referrer_roles,
                c.referrer_role.as_deref(),
            ),
            choice_from(
                "Reason, for returns",
                &returns().reasons,
                c.reason_category.as_deref(),
            ),
            text(
                "Coordinator",
                &c.coordinator.name,
                false,
                "Who coordinates: the family's copy says how to reach them",
            ),
            text(
                "Coordinator's phone",
                &c.coordinator.phone,
                false,
                "The number the family calls",
            ),
            text(
                "Coordinator's email",
                &c.coordinator.email,
                false,
                "Their email address",
            ),
        ],
    )
}

/// Applies the key facts form.
pub fn apply_facts(form: &Form, c: &mut Conference, today: Date) -> Result<(), (usize, String)> {
    c.date = parse_due(&form.field_text(4), today).map_err(|e| (4, e))?;
    c.referral_date = parse_due(&form.field_text(8), today).map_err(|e| (8, e))?;
    c.referrer_role = form.field_chosen(9);
    c.reason_category = form.field_chosen(10);
    c.child = form.field_text(0);
    c.referrer = form.field_text(1);
    c.reasons = form.field_text(2);
    c.bottom_lines = form.field_text(3);
    c.time = form.field_text(5);
    c.venue = form.field_text(6);
    c.child_voice = form.field_text(7);
    c.coordinator.name = form.field_text(11);
    c.coordinator.phone = form.field_text(12);
    c.coordinator.email = form.field_text(13);
    Ok(())
}

/// The review date to suggest: `weeks` after the conference (or after today).
pub fn suggested_review(c: &Conference, today: Date, weeks: u32) -> Date {
    let from = c.date.unwrap_or(today);
    from.checked_add(Duration::weeks(i64::from(weeks)))
        .unwrap_or(from)
}

/// The outcome form: contingency, decision, reasons, review date.
pub fn outcome(c: &Conference, today: Date, weeks: u32) -> Form {
    let decision = c.decision.map_or(0, |d| {
        1 + Decision::ALL.iter().position(|x| *x == d).unwrap_or(0)
    });
    let review = c
        .review_date
        .unwrap_or_else(|| suggested_review(c, today, weeks));
    Form::custom(
        Purpose::Outcome,
        vec![
            text(
                "If the plan isn't working",
                &c.contingency,
                true,
                "What the family will do, in their words",
            ),
            choice("Decision", DECISIONS, decision),
            text(
                "Why",
                &c.decision_reasons,
                true,
                "The reasons for the decision",
            ),
            text("Review date", &date_text(Some(review)), false, DUE_HINT),
        ],
    )
}

/// Applies the outcome form.
pub fn apply_outcome(form: &Form, c: &mut Conference, today: Date) -> Result<(), (usize, String)> {
    c.review_date = parse_due(&form.field_text(3), today).map_err(|e| (3, e))?;
    c.contingency = form.field_text(0);
    c.decision = form
        .field_choice(1)
        .checked_sub(1)
        .and_then(|i| Decision::ALL.get(i).copied());
    c.decision_reasons = form.field_text(2);
    Ok(())
}

/// The review form: ratings, then the next review or closing.
pub fn review(c: &Conference, today: Date, weeks: u32) -> Form {
    let next = today
        .checked_add(Duration::weeks(i64::from(weeks)))
        .unwrap_or(today);
    Form::custom(
        Purpose::Review,
        vec![
            text(
                "Family's rating",
                "",
                false,
                "How well is the plan working? 0 to 10",
            ),
            text(
                "Professionals' rating",
                "",
                false,
                "How well is the plan working? 0 to 10",
            ),
            text("Next review", &date_text(Some(next)), false, DUE_HINT),
            choice("Then", CLOSE, usize::from(c.closed.is_some())),
            choice(
                "Where the child lives",
                &std::iter::once("not said")
                    .chain(Home::ALL.map(Home::label))
                    .collect::<Vec<_>>(),
                c.ratings.last().and_then(|r| r.child_lives).map_or(0, |h| {
                    1 + Home::ALL.iter().position(|x| *x == h).unwrap_or(0)
                }),
            ),
        ],
    )
}

fn rating(text: &str) -> Result<Option<u8>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(n) if n <= 10 => Ok(Some(n)),
        _ => Err(format!(
            "“{text}” is not a rating yet: type a whole number from 0 to 10"
        )),
    }
}

/// Applies the review form: a rating is kept, then a next review date or the close.
pub fn apply_review(form: &Form, c: &mut Conference, today: Date) -> Result<(), (usize, String)> {
    let family = rating(&form.field_text(0)).map_err(|e| (0, e))?;
    let professionals = rating(&form.field_text(1)).map_err(|e| (1, e))?;
    let next = parse_due(&form.field_text(2), today).map_err(|e| (2, e))?;
    let close = form.field_choice(3) == 1;
    let child_lives = form
        .field_choice(4)
        .checked_sub(1)
        .and_then(|i| Home::ALL.get(i).copied());
    if family.is_some() || professionals.is_some() || child_lives.is_some() {
        c.ratings.push(Rating {
            date: today,
            family,
            professionals,
            due: c.review_date,
            child_lives,
        });
    }
    if close {
        // Closed already (for whatever reason): the closure stands as it was.
        c.closed.get_or_insert(Closure {
            date: today,
            reason: ClosureReason::PlanWorking,
        });
    } else {
        c.closed = None;
        c.review_date = next;
    }
    Ok(())
}

/// The closing form: the date (today unless typed) and the reason.
pub fn close(today: Date) -> Form {
    Form::custom(
        Purpose::Close,
        vec![
            text("Closed on", &date_text(Some(today)), false, DUE_HINT),
            choice("Reason", REASON_LABELS, 0),
            text(
                "In words",
                "",
                false,
                "Why, in a few words (needed for other)",
            ),
        ],
    )
}

/// Applies the closing form.
pub fn apply_close(form: &Form, c: &mut Conference, today: Date) -> Result<(), (usize, String)> {
    let date = parse_due(&form.field_text(0), today)
        .map_err(|e| (0, e))?
        .unwrap_or(today);
    let reason = ClosureReason::from_choice(form.field_choice(1), &form.field_text(2));
    if reason == ClosureReason::Other(String::new()) {
        return Err((2, "Say why in a few words, so the record is whole.".into()));
    }
    c.closed = Some(Closure { date, reason });
    Ok(())
}

/// The check-in form for an agreement or plan item.
pub fn check_in(record: &Record) -> Form {
    let status = record.body.status().unwrap_or_default();
    Form::custom(
        Purpose::CheckIn(record.id),
        vec![
            choice(
                "Status",
                STATUSES,
                Status::ALL.iter().position(|s| *s == status).unwrap_or(0),
            ),
            text("Reported by", "", false, "Who says so"),
            text("Note", "", true, "What has happened, in their words"),
        ],
    )
}

/// The check-in the form describes, dated today.
pub fn build_check_in(form: &Form, today: Date) -> CheckIn {
    CheckIn {
        date: today,
        status: Status::ALL[form.field_choice(0).min(Status::ALL.len() - 1)],
        by: form.field_text(1),
        note: form.field_text(2),
    }
}

/// The title of a form, by what it fills in.
pub fn title(form: &Form) -> String {
    match form.purpose {
        Purpose::Record => {
            let verb = if form.editing.is_some() {
                "Edit"
            } else {
                "Add"
            };
            format!(" {verb} {} ", form.kind.with_article())
        }
        Purpose::Facts => " The conference: key facts ".into(),
        Purpose::Outcome => " The outcome ".into(),
        Purpose::Review => " The review ".into(),
        Purpose::Close => " Close the conference ".into(),
        Purpose::CheckIn(id) => format!(" How is {id} going? "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_review_date_defaults_to_the_interval_after_the_conference() {
        let c = Conference {
            date: Some(date!(2026 - 11 - 20)),
            ..Conference::default()
        };
        assert_eq!(
            suggested_review(&c, date!(2026 - 11 - 25), 12),
            date!(2027 - 02 - 12)
        );
        assert_eq!(
            suggested_review(&Conference::default(), date!(2026 - 11 - 25), 6),
            date!(2027 - 01 - 06)
        );
    }

    #[test]
    fn ratings_are_whole_numbers_from_0_to_10() {
        assert_eq!(rating(" 7 "), Ok(Some(7)));
        assert_eq!(rating(""), Ok(None));
        for bad in ["11", "-1", "seven", "7.5"] {
            assert!(rating(bad).is_err(), "{bad}");
        }
    }
}
