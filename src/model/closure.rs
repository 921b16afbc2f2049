//! Closing a conference: the date, the reason, and reading the bare dates older files hold.

use super::timefmt::{format_date, iso_date_required};
use serde::{Deserialize, Deserializer, Serialize};
use time::Date;

/// Why a conference was closed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClosureReason {
    /// The plan is working and the family asked to close.
    PlanWorking,
    /// The family withdrew.
    FamilyWithdrew,
    /// The plan was not agreed, and the conference was referred back to the social worker.
    ReferredBack,
    /// The child moved to another area.
    ChildMoved,
    /// Another reason, in words.
    Other(String),
    /// Closed before convene kept a reason (an older file held only the date).
    NotRecorded,
}

/// The reasons a coordinator chooses from, in the order a form offers them (`Other` last,
/// its words typed beside it).
pub const REASON_LABELS: &[&str] = &[
    "plan working; the family asked to close",
    "the family withdrew",
    "not agreed; back to the social worker",
    "the child moved area",
    "other (say why)",
];

/// The short words a script may pass for a reason (`convene close ID --reason KIND`).
pub const REASON_KINDS: &[&str] = &["plan-working", "withdrew", "referred-back", "moved"];

impl ClosureReason {
    /// The reason from its place in [`REASON_LABELS`], with the words for `Other`.
    pub fn from_choice(index: usize, words: &str) -> Self {
        match index {
            0 => Self::PlanWorking,
            1 => Self::FamilyWithdrew,
            2 => Self::ReferredBack,
            3 => Self::ChildMoved,
            _ => Self::Other(words.trim().to_owned()),
        }
    }

    /// Its place in [`REASON_LABELS`] (`Other` and an unrecorded reason share the last).
    pub fn choice(&self) -> usize {
        match self {
            Self::PlanWorking => 0,
            Self::FamilyWithdrew => 1,
            Self::ReferredBack => 2,
            Self::ChildMoved => 3,
            Self::Other(_) | Self::NotRecorded => 4,
        }
    }

    /// A reason as a script types it: one of [`REASON_KINDS`], or any other words.
    pub fn from_words(text: &str) -> Self {
        let text = text.trim();
        match REASON_KINDS
            .iter()
            .position(|k| k.eq_ignore_ascii_case(text))
        {
            Some(i) => Self::from_choice(i, ""),
            None => Self::Other(text.to_owned()),
        }
    }

    /// The reason for people, in plain words.
    pub fn label(&self) -> String {
        match self {
            Self::Other(words) if !words.trim().is_empty() => words.trim().to_owned(),
            Self::Other(_) => "other".to_owned(),
            Self::NotRecorded => "no reason recorded".to_owned(),
            known => REASON_LABELS[known.choice()].to_owned(),
        }
    }

    /// The reason's group for counting: `Other` reasons count together.
    pub fn group(&self) -> &'static str {
        match self {
            Self::Other(_) => "other",
            Self::NotRecorded => "no reason recorded",
            known => REASON_LABELS[known.choice()],
        }
    }
}

/// When and why a conference was closed. A closed conference has nothing due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    #[serde(with = "iso_date_required")]
    pub date: Date,
    pub reason: ClosureReason,
}

impl Closure {
    /// "2027-06-01: the family withdrew".
    pub fn describe(&self) -> String {
        format!("{}: {}", format_date(self.date), self.reason.label())
    }
}

/// Reads `closed:` as a closure record, or as the bare `YYYY-MM-DD` date older files hold.
pub fn read_closed<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Closure>, D::Error> {
    struct Visit;
    impl<'de> serde::de::Visitor<'de> for Visit {
        type Value = Option<Closure>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a closure (date and reason), or a date as YYYY-MM-DD")
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            d.deserialize_any(self)
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
            super::timefmt::parse_date(text)
                .map(|date| {
                    Some(Closure {
                        date,
                        reason: ClosureReason::NotRecorded,
                    })
                })
                .ok_or_else(|| E::custom(format!("“{text}” is not a date as YYYY-MM-DD")))
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            Closure::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Some)
        }
    }
    d.deserialize_option(Visit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Conference;
    use time::macros::date;

    #[test]
    fn an_older_bare_date_still_reads_as_a_closure() {
        let old: Conference = ron::from_str(r#"(child: "Kai", closed: Some("2027-06-01"))"#)
            .expect("an older file reads");
        assert_eq!(
            old.closed,
            Some(Closure {
                date: date!(2027 - 06 - 01),
                reason: ClosureReason::NotRecorded
            })
        );
        let open: Conference = ron::from_str(r#"(child: "Kai")"#).expect("reads");
        assert_eq!(open.closed, None);
        let bad = ron::from_str::<Conference>(r#"(closed: Some("next week"))"#);
        assert!(bad.is_err());
    }

    #[test]
    fn a_closure_reads_back_as_written() {
        for reason in [
            ClosureReason::FamilyWithdrew,
            ClosureReason::Other("The family found their own way".into()),
        ] {
            let c = Conference {
                closed: Some(Closure {
                    date: date!(2027 - 06 - 01),
                    reason,
                }),
                ..Conference::default()
            };
            let text = ron::ser::to_string_pretty(&c, Default::default()).expect("writes");
            let back: Conference = ron::from_str(&text).expect("reads back");
            assert_eq!(back, c, "{text}");
        }
    }

    #[test]
    fn a_reason_is_read_from_a_kind_or_from_words() {
        assert_eq!(
            ClosureReason::from_words("withdrew"),
            ClosureReason::FamilyWithdrew
        );
        assert_eq!(
            ClosureReason::from_words("Moved"),
            ClosureReason::ChildMoved
        );
        assert_eq!(
            ClosureReason::from_words("Kai is 18 now"),
            ClosureReason::Other("Kai is 18 now".into())
        );
        assert_eq!(
            ClosureReason::Other("Kai is 18 now".into()).label(),
            "Kai is 18 now"
        );
        assert_eq!(ClosureReason::Other("x".into()).group(), "other");
    }
}
