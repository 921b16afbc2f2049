//! The service's returns: the categories it reports under (`assets/returns.ron`) and one row per conference.

pub mod month;

use crate::model::timefmt::format_date;
use crate::model::{Conference, Rating, Session, Status};
use serde::Deserialize;

/// The lists a service reports its conferences under, kept as data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Categories {
    /// Who referred, by role.
    pub referrer_roles: Vec<String>,
    /// Why the conference was asked for.
    pub reasons: Vec<String>,
}

/// The embedded lists, as text.
pub const RETURNS: &str = include_str!("../assets/returns.ron");

impl Categories {
    /// The lists built into the binary.
    pub fn embedded() -> Result<Self, ron::error::SpannedError> {
        ron::from_str(RETURNS)
    }

    /// The built-in lists, read once per process (empty if the embedded file did not
    /// read, which a test rules out).
    pub fn shared() -> &'static Categories {
        static SHARED: std::sync::OnceLock<Categories> = std::sync::OnceLock::new();
        SHARED.get_or_init(|| Self::embedded().unwrap_or_default())
    }
}

/// One conference's row: each column's name and value, in order. Empty where nothing is
/// recorded yet.
pub fn row(session: &Session) -> Vec<(&'static str, String)> {
    let plan: Vec<Status> = session
        .records
        .iter()
        .filter_map(|r| r.body.commitment().filter(|c| c.plan).map(|c| c.status))
        .collect();
    let conference = session.conference.clone().unwrap_or_default();
    cells(session.id.as_str(), &plan, &conference)
}

/// The columns, in order (the names [`row`] gives).
pub fn columns() -> Vec<&'static str> {
    cells("", &[], &Conference::default())
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}

/// The row of a conference with these plan items (their statuses).
fn cells(session: &str, plan: &[Status], c: &Conference) -> Vec<(&'static str, String)> {
    let date = |d: Option<time::Date>| d.map(format_date).unwrap_or_default();
    let count = |n: usize| n.to_string();
    let latest = |pick: fn(&Rating) -> Option<u8>| {
        c.ratings
            .iter()
            .rev()
            .find_map(pick)
            .map(|s| s.to_string())
            .unwrap_or_default()
    };
    vec![
        ("session", session.to_owned()),
        ("referral_date", date(c.referral_date)),
        ("referrer_role", c.referrer_role.clone().unwrap_or_default()),
        ("reason", c.reason_category.clone().unwrap_or_default()),
        ("conference_date", date(c.date)),
        (
            "decision",
            c.decision.map(|d| d.label().to_owned()).unwrap_or_default(),
        ),
        ("plan_items_agreed", count(plan.len())),
        (
            "plan_items_done",
            count(plan.iter().filter(|s| **s == Status::Done).count()),
        ),
        ("reviews_held", count(c.ratings.len())),
        (
            "reviews_on_time",
            count(c.ratings.iter().filter(|r| r.on_time()).count()),
        ),
        ("family_rating_latest", latest(|r| r.family)),
        ("professionals_rating_latest", latest(|r| r.professionals)),
        (
            "closed_date",
            date(c.closed.as_ref().map(|closed| closed.date)),
        ),
        (
            "closed_reason",
            c.closed
                .as_ref()
                .map(|closed| closed.reason.label())
                .unwrap_or_default(),
        ),
        (
            "child_lives",
            c.ratings
                .last()
                .and_then(|r| r.child_lives)
                .map(|h| h.label().to_owned())
                .unwrap_or_default(),
        ),
    ]
}

/// The rows as CSV (after the byte-order mark, unless `bom` is false), a heading row
/// first, through the formula-safe cell writer.
pub fn csv<'a>(conferences: impl IntoIterator<Item = &'a Session>, bom: bool) -> String {
    let mut out = crate::export::csv_start(bom);
    out.push_str(&crate::export::csv_row(columns()));
    for session in conferences {
        out.push_str(&crate::export::csv_row(
            row(session).into_iter().map(|(_, value)| value),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_categories_read_and_each_list_ends_with_other() {
        let c = Categories::embedded().expect("assets/returns.ron reads");
        for list in [&c.referrer_roles, &c.reasons] {
            assert!(list.len() >= 5, "{list:?}");
            assert_eq!(list.last().map(String::as_str), Some("other"));
            let mut unique = list.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), list.len(), "no category twice: {list:?}");
        }
    }
}
