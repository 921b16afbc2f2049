//! The coordinator's week: conferences in the next 7 days with what is not ready for each,
//! and the reviews and plan items due, built on `report::due_items` and `model::readiness`.

use crate::model::timefmt::format_date;
use crate::model::{Session, before_the_day, readiness};
use crate::report::{DueItem, days_after, due_items};
use crate::text::clean_line;
use std::path::PathBuf;
use time::Date;

/// How many days the week holds: today and the six after it.
pub const DAYS: u32 = 7;

/// The week ahead, as of `from`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Week {
    /// Today, the first day of the week.
    pub from: Date,
    /// The last day of the week.
    pub to: Date,
    /// Conference days not held yet, in the week or already passed, soonest first.
    pub conferences: Vec<ConferenceDay>,
    /// Reviews, plan items and agreements due in the week or late, soonest first.
    pub due: Vec<DueItem>,
}

/// A conference day in the week, and what is still open before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConferenceDay {
    pub session: String,
    pub title: String,
    pub path: PathBuf,
    pub date: Date,
    /// The time as typed ("10:00"), cleaned; empty when not agreed yet.
    pub time: String,
    /// What is not ready, in plain words (empty when everything is in place).
    pub gaps: Vec<String>,
}

impl ConferenceDay {
    /// Whether the day has passed while the conference is still being planned.
    pub fn passed(&self, today: Date) -> bool {
        self.date < today
    }
}

/// The week from `today`: its conferences with their readiness, and what is due.
pub fn week(sessions: &[(PathBuf, Session)], today: Date) -> Week {
    let to = days_after(today, DAYS - 1);
    let mut conferences: Vec<ConferenceDay> = sessions
        .iter()
        .filter_map(|(path, s)| {
            let c = s.conference.as_ref()?;
            let date = c.date.filter(|d| *d <= to && before_the_day(s))?;
            Some(ConferenceDay {
                session: clean_line(s.id.as_str()),
                title: clean_line(&s.title),
                path: path.clone(),
                date,
                time: clean_line(&c.time),
                gaps: readiness(s)
                    .iter()
                    .map(|gap| clean_line(&gap.to_string()))
                    .collect(),
            })
        })
        .collect();
    conferences.sort_by(|a, b| (a.date, &a.session).cmp(&(b.date, &b.session)));
    // Conference days are listed above with their readiness, not again among what is due.
    let due = due_items(sessions, today, DAYS - 1)
        .into_iter()
        .filter(|item| item.kind != "conference")
        .collect();
    Week {
        from: today,
        to,
        conferences,
        due,
    }
}

impl Week {
    /// The week's span for people: "2026-11-25 to 2026-12-01 (today and the next 6 days)".
    pub fn span(&self) -> String {
        format!(
            "{} to {} (today and the next {} days)",
            format_date(self.from),
            format_date(self.to),
            DAYS - 1
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Conference, Decision, Invitation, Participant, PlanItem, RecordBody, SessionId,
    };
    use time::macros::{date, datetime};

    const TODAY: Date = date!(2026 - 11 - 25);

    fn conference(id: &str, date: Option<Date>) -> (PathBuf, Session) {
        let now = datetime!(2026-11-01 09:00 UTC);
        let mut s = Session::new(
            SessionId::parse(id).expect("id"),
            format!("Conference {id}"),
            "family-group-conference",
            "planning",
            now,
        );
        s.conference = Some(Conference {
            child: "Kai".into(),
            date,
            time: "10:00".into(),
            venue: "The family centre".into(),
            child_voice: "Kai wants to keep playing football".into(),
            ..Conference::default()
        });
        s.add(
            "planning",
            RecordBody::Participant(Participant {
                name: "Rosa".into(),
                role: "advocate".into(),
                invitation: Invitation::Confirmed,
                ..Participant::default()
            }),
            now,
        );
        (PathBuf::from(format!("{id}.ron")), s)
    }

    fn ids(week: &Week) -> Vec<&str> {
        week.conferences
            .iter()
            .map(|c| c.session.as_str())
            .collect()
    }

    #[test]
    fn the_week_holds_today_and_the_six_days_after() {
        let sessions = [
            conference("today1", Some(TODAY)),
            conference("last1", Some(date!(2026 - 12 - 01))),
            conference("after1", Some(date!(2026 - 12 - 02))),
            conference("nodate1", None),
        ];
        let w = week(&sessions, TODAY);
        assert_eq!(ids(&w), ["today1", "last1"]);
        assert_eq!(
            w.span(),
            "2026-11-25 to 2026-12-01 (today and the next 6 days)"
        );
    }

    #[test]
    fn each_conference_says_what_is_not_ready() {
        let (path, mut s) = conference("kai1", Some(date!(2026 - 11 - 27)));
        s.add(
            "planning",
            RecordBody::Participant(Participant {
                name: "Sam".into(),
                invitation: Invitation::Invited,
                ..Participant::default()
            }),
            datetime!(2026-11-02 09:00 UTC),
        );
        let w = week(&[(path, s), conference("ready1", Some(TODAY))], TODAY);
        assert_eq!(ids(&w), ["ready1", "kai1"]);
        assert_eq!(w.conferences[0].gaps, Vec::<String>::new());
        assert_eq!(w.conferences[1].gaps, ["Ask Sam whether they can come"]);
    }

    #[test]
    fn a_held_or_closed_conference_is_not_in_the_week_but_one_whose_day_passed_unheld_is() {
        let (p1, mut decided) = conference("held1", Some(TODAY));
        let (p2, mut closed) = conference("closed1", Some(TODAY));
        if let (Some(d), Some(c)) = (decided.conference.as_mut(), closed.conference.as_mut()) {
            d.decision = Some(Decision::Agreed);
            crate::model::close_for_test(c);
        }
        let passed = conference("passed1", Some(date!(2026 - 11 - 20)));
        let w = week(&[(p1, decided), (p2, closed), passed], TODAY);
        assert_eq!(ids(&w), ["passed1"]);
        assert!(w.conferences[0].passed(TODAY));
    }

    #[test]
    fn reviews_and_plan_items_due_come_from_the_due_items() {
        let (path, mut s) = conference("plan1", Some(date!(2026 - 11 - 01)));
        if let Some(c) = s.conference.as_mut() {
            c.decision = Some(Decision::Agreed);
            c.review_date = Some(date!(2026 - 11 - 30));
        }
        s.add(
            "agreement",
            RecordBody::PlanItem(PlanItem {
                text: "Walk home together".into(),
                who: "Anna".into(),
                by_when: Some(date!(2026 - 11 - 26)),
                ..PlanItem::default()
            }),
            datetime!(2026-11-02 09:00 UTC),
        );
        s.add(
            "agreement",
            RecordBody::PlanItem(PlanItem {
                text: "Football club in the spring".into(),
                by_when: Some(date!(2027 - 03 - 01)),
                ..PlanItem::default()
            }),
            datetime!(2026-11-02 09:00 UTC),
        );
        let sessions = [(path, s)];
        let w = week(&sessions, TODAY);
        let kinds: Vec<(&str, &str)> = w
            .due
            .iter()
            .map(|d| (d.kind.as_str(), d.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("plan item", "Walk home together"),
                ("review", "The review of the family's plan")
            ]
        );
        assert_eq!(ids(&w), Vec::<&str>::new(), "the conference was held");
    }
}
