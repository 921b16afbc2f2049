//! What a Family Group Conference keeps beyond its records: key facts, the decision, the review.

use super::timefmt::iso_date_option;
use serde::{Deserialize, Serialize};
use time::{Date, Time};

/// How the plan was received when the coordinator and professionals rejoined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Agreed,
    AgreedWithChanges,
    NotAgreed,
}

impl Decision {
    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            Decision::Agreed => "agreed",
            Decision::AgreedWithChanges => "agreed with changes",
            Decision::NotAgreed => "not agreed",
        }
    }
}

/// The conference's key facts and outcome. Every field is optional: a conference fills
/// them in over weeks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Conference {
    /// The child or young person, by first name or initials only.
    #[serde(default)]
    pub child: String,
    #[serde(default)]
    pub referrer: String,
    /// When the referral came in.
    #[serde(
        default,
        with = "iso_date_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub referral_date: Option<Date>,
    /// Who referred, by role, from the service's list (`assets/returns.ron`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referrer_role: Option<String>,
    /// Why, in the service's category list for its returns (`assets/returns.ron`); the
    /// reasons in plain words are `reasons`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_category: Option<String>,
    /// Why the conference is happening, in plain words.
    #[serde(default)]
    pub reasons: String,
    #[serde(default)]
    pub bottom_lines: String,
    #[serde(default, with = "iso_date_option")]
    pub date: Option<Date>,
    /// The time of day, as typed ("10:00").
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub venue: String,
    /// The child's wishes and views, said directly or through an advocate.
    #[serde(default)]
    pub child_voice: String,
    /// "If the plan isn't working…"
    #[serde(default)]
    pub contingency: String,
    #[serde(default)]
    pub decision: Option<Decision>,
    #[serde(default)]
    pub decision_reasons: String,
    #[serde(default, with = "iso_date_option")]
    pub review_date: Option<Date>,
    /// How well the plan is working, 0–10, at each review, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<Rating>,
    /// Set when the conference is closed, with the date and the reason: nothing is due after.
    #[serde(
        default,
        deserialize_with = "super::closure::read_closed",
        skip_serializing_if = "Option::is_none"
    )]
    pub closed: Option<super::Closure>,
    /// The conference's coordinator and how to reach them: the family's copy says who to
    /// call. A new conference takes the settings' default.
    #[serde(default, skip_serializing_if = "Coordinator::is_empty")]
    pub coordinator: Coordinator,
}

/// A conference's coordinator: a name, a phone number and an email address, each optional.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Coordinator {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
}

impl Coordinator {
    /// Whether nothing is written.
    pub fn is_empty(&self) -> bool {
        [&self.name, &self.phone, &self.email]
            .iter()
            .all(|s| s.trim().is_empty())
    }
}

impl Conference {
    /// Where a conference in preparation stands, in days, for a stage that runs over weeks:
    /// "referred 12 days ago · the conference is in 5 days". Short (`narrow`) says only the
    /// conference's part: "in 5 days".
    pub fn run_up(&self, today: Date, narrow: bool) -> String {
        let to_the_day = match self.date.map(|d| (d - today).whole_days()) {
            None if narrow => "no date yet".to_owned(),
            None => "no conference date yet".to_owned(),
            Some(0) => "the conference is today".to_owned(),
            Some(1) => "the conference is tomorrow".to_owned(),
            Some(n) if n > 1 && narrow => format!("in {n} days"),
            Some(n) if n > 1 => format!("the conference is in {n} days"),
            Some(-1) => "the conference day was yesterday".to_owned(),
            Some(n) => format!("the conference day was {} days ago", -n),
        };
        let since = match self.referral_date.map(|d| (today - d).whole_days()) {
            _ if narrow => None,
            Some(0) => Some("referred today".to_owned()),
            Some(1) => Some("referred yesterday".to_owned()),
            Some(n) if n > 1 => Some(format!("referred {n} days ago")),
            _ => None,
        };
        match since {
            Some(since) => format!("{since} · {to_the_day}"),
            None => to_the_day,
        }
    }

    /// The review held for the review date now set (a review's rating answers it, or was
    /// made on or after it), if it was held.
    pub fn review_held(&self) -> Option<&Rating> {
        let review = self.review_date?;
        self.ratings
            .iter()
            .rev()
            .find(|r| r.due == Some(review) || r.date >= review)
    }

    /// The time typed for the conference, read leniently ("10:00", "10am", "9.30 to 14:00",
    /// "2pm-4pm"): its start and, when given, its end. `None` when no time can be read.
    pub fn times(&self) -> Option<(Time, Option<Time>)> {
        let text = self.time.to_lowercase();
        let mut parts = text
            .split(['-', '–', '—'])
            .flat_map(|p| p.split(" to "))
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let start = parts.next().and_then(clock_time)?;
        Some((start, parts.next().and_then(clock_time)))
    }
}

/// A time of day as people type it: `10:00`, `9.30`, `10am`, `2:30 pm`, `14h`.
fn clock_time(text: &str) -> Option<Time> {
    let text = text.trim().trim_end_matches('h');
    let (text, pm) = match text
        .strip_suffix("pm")
        .or_else(|| text.strip_suffix("p.m."))
    {
        Some(t) => (t.trim(), Some(true)),
        None => match text
            .strip_suffix("am")
            .or_else(|| text.strip_suffix("a.m."))
        {
            Some(t) => (t.trim(), Some(false)),
            None => (text, None),
        },
    };
    let (hour, minute) = match text.split_once([':', '.']) {
        Some((h, m)) => (h.trim().parse::<u8>().ok()?, m.trim().parse::<u8>().ok()?),
        None => (text.parse::<u8>().ok()?, 0),
    };
    let hour = match pm {
        Some(true) if (1..12).contains(&hour) => hour + 12,
        Some(false) if hour == 12 => 0,
        Some(_) if hour > 12 || hour == 0 => return None,
        _ => hour,
    };
    Time::from_hms(hour, minute, 0).ok()
}

/// How well the plan is working on a 0–10 scale, from the family and from the professionals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    #[serde(with = "super::timefmt::iso_date_required")]
    pub date: Date,
    #[serde(default)]
    pub family: Option<u8>,
    #[serde(default)]
    pub professionals: Option<u8>,
    /// The review date this review answered, to tell whether it was held on time.
    #[serde(
        default,
        with = "iso_date_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub due: Option<Date>,
    /// Where the child lives at this review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_lives: Option<Home>,
}

impl Rating {
    /// Whether the review was held on or before the date set for it.
    pub fn on_time(&self) -> bool {
        self.due.is_some_and(|due| self.date <= due)
    }
}

/// Where the child lives, as a service reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Home {
    AtHome,
    WiderFamily,
    Other,
}

impl Home {
    /// Every place, in the order a form offers them.
    pub const ALL: [Home; 3] = [Home::AtHome, Home::WiderFamily, Home::Other];

    /// A short label for people (and the returns' column).
    pub fn label(self) -> &'static str {
        match self {
            Home::AtHome => "at home",
            Home::WiderFamily => "with wider family",
            Home::Other => "other",
        }
    }
}

impl Decision {
    /// Every decision, in the order a form offers them.
    pub const ALL: [Decision; 3] = [
        Decision::Agreed,
        Decision::AgreedWithChanges,
        Decision::NotAgreed,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::time;

    fn at(typed: &str) -> Option<(Time, Option<Time>)> {
        Conference {
            time: typed.into(),
            ..Conference::default()
        }
        .times()
    }

    #[test]
    fn the_time_is_read_as_people_type_it() {
        assert_eq!(at("10:00"), Some((time!(10:00), None)));
        assert_eq!(
            at("9.30 to 14:00"),
            Some((time!(09:30), Some(time!(14:00))))
        );
        assert_eq!(at("2pm-4pm"), Some((time!(14:00), Some(time!(16:00)))));
        assert_eq!(at("10am"), Some((time!(10:00), None)));
        assert_eq!(at("12 pm"), Some((time!(12:00), None)));
        assert_eq!(at("14h"), Some((time!(14:00), None)));
        for vague in ["", "after school", "25:00", "13pm", "morning"] {
            assert_eq!(at(vague), None, "{vague}");
        }
    }
    #[test]
    fn the_run_up_counts_days_from_the_referral_and_to_the_day() {
        use time::macros::date;
        let today = date!(2026 - 03 - 10);
        let mut c = Conference::default();
        assert_eq!(c.run_up(today, false), "no conference date yet");
        c.referral_date = Some(date!(2026 - 02 - 26));
        c.date = Some(date!(2026 - 03 - 15));
        assert_eq!(
            c.run_up(today, false),
            "referred 12 days ago · the conference is in 5 days"
        );
        assert_eq!(c.run_up(today, true), "in 5 days");
        c.date = Some(today);
        assert_eq!(c.run_up(today, true), "the conference is today");
        c.date = Some(date!(2026 - 03 - 07));
        assert_eq!(
            c.run_up(today, false),
            "referred 12 days ago · the conference day was 3 days ago"
        );
    }
}
