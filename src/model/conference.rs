//! What a Family Group Conference keeps beyond its records: key facts, the decision, the review.

use super::timefmt::iso_date_option;
use serde::{Deserialize, Serialize};
use time::Date;

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
}
