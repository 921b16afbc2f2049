//! What `due` and the report need from one session, worked out from that session alone, so
//! the folder's cache can keep it (`store::Digest`) and the figures come from it either way.

use crate::model::timefmt::{iso_date_option, iso_date_required};
use crate::model::{DateKind, Decision, Session, Status};
use crate::store::Digest;
use crate::text::clean_line;
use serde::{Deserialize, Serialize};
use time::Date;

/// One session's open, dated things, whatever their date: what `due` and the
/// follow-through view list from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionDue {
    pub session: String,
    pub title: String,
    pub items: Vec<Dated>,
}

/// Something open with a date: an agreement, a plan item or a conference's review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dated {
    /// The record, or `None` for a review date.
    pub record: Option<u32>,
    /// `agreement`, `plan item` or `review`.
    pub kind: String,
    pub text: String,
    pub owner: String,
    #[serde(with = "iso_date_required")]
    pub due: Date,
    pub status: String,
}

impl SessionDue {
    /// Everything open and dated in this session, cleaned for showing: its commitments,
    /// conference day and review, as [`Session::key_dates`] says.
    pub fn of(s: &Session) -> Self {
        let items = s
            .key_dates()
            .into_iter()
            .filter(|k| k.open)
            .filter_map(|k| {
                let (record, text, owner, status) = match k.what {
                    DateKind::Commitment(id, _) => {
                        let body = &s.record(id)?.body;
                        let owner = body.commitment().map_or("", |c| c.who);
                        let status = body.status()?.label().to_owned();
                        (
                            Some(id.0),
                            clean_line(body.text()),
                            clean_line(owner),
                            status,
                        )
                    }
                    DateKind::Conference => {
                        let time = s.conference.as_ref().map_or("", |c| c.time.trim());
                        let text = if time.is_empty() {
                            "The conference day".to_owned()
                        } else {
                            format!("The conference day, {}", clean_line(time))
                        };
                        (None, text, String::new(), CONFERENCE_AHEAD.to_owned())
                    }
                    DateKind::Review => (
                        None,
                        "The review of the family's plan".to_owned(),
                        String::new(),
                        "not held yet".to_owned(),
                    ),
                };
                Some(Dated {
                    record,
                    kind: k.what.label().to_owned(),
                    text,
                    owner,
                    due: k.date,
                    status,
                })
            })
            .collect();
        Self {
            session: clean_line(s.id.as_str()),
            title: clean_line(&s.title),
            items,
        }
    }
}

/// A conference day's status before it comes; once its date has passed while the session
/// is still at its first stage, `due` says [`CONFERENCE_PASSED`] instead.
pub const CONFERENCE_AHEAD: &str = "ahead";
/// A conference day's status once its date has passed and the conference is not yet held.
pub const CONFERENCE_PASSED: &str = "the conference date has passed";

impl Digest for SessionDue {
    const FILE: &'static str = ".summaries-due.ron";
    const VERSION: u32 = 4; // 2: conference days; nothing of a closed conference; 3: a changed item is not open; 4: an agreement carried on is not open
    fn of(session: &Session) -> Self {
        SessionDue::of(session)
    }
}

/// One session's part in the report: the counts a conference or a workshop adds, whichever
/// its framework makes it (the frameworks decide that when the figures are added up).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionFigures {
    pub framework: String,
    pub stage: String,
    /// The day it was started, for `--since`.
    #[serde(with = "iso_date_required")]
    pub started: Date,
    pub decision: Option<Decision>,
    /// Why the conference was closed (the reason's group), if it is.
    pub closed: Option<String>,
    pub reviews_held: usize,
    /// Reviews held on or before the date set for them.
    pub reviews_on_time: usize,
    pub plan_items: usize,
    pub plan_items_done: usize,
    /// The family's first and latest 0–10 ratings, and the professionals'.
    pub family: (Option<u8>, Option<u8>),
    pub professionals: (Option<u8>, Option<u8>),
    pub agreements: Vec<AgreementFigures>,
}

/// What the report counts of one agreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementFigures {
    /// The owner, cleaned ("" when there is none yet).
    pub owner: String,
    pub done: bool,
    pub open: bool,
    #[serde(with = "iso_date_option")]
    pub due: Option<Date>,
    /// Its sectors, cleaned and lower-cased.
    pub sectors: Vec<String>,
}

impl AgreementFigures {
    /// Whether it is open and past its date on `today`.
    pub fn overdue(&self, today: Date) -> bool {
        self.open && self.due.is_some_and(|d| d < today)
    }
}

impl SessionFigures {
    /// This session's counts for the report.
    pub fn of(s: &Session) -> Self {
        let conference = s.conference.clone().unwrap_or_default();
        let first_and_latest = |values: Vec<u8>| (values.first().copied(), values.last().copied());
        let mut f = Self {
            framework: s.framework.clone(),
            stage: s.stage.clone(),
            started: s.created.date(),
            decision: conference.decision,
            closed: conference
                .closed
                .as_ref()
                .map(|c| c.reason.group().to_owned()),
            reviews_held: conference.ratings.len(),
            reviews_on_time: conference.ratings.iter().filter(|r| r.on_time()).count(),
            plan_items: 0,
            plan_items_done: 0,
            family: first_and_latest(conference.ratings.iter().filter_map(|r| r.family).collect()),
            professionals: first_and_latest(
                conference
                    .ratings
                    .iter()
                    .filter_map(|r| r.professionals)
                    .collect(),
            ),
            agreements: Vec::new(),
        };
        for r in &s.records {
            let Some(c) = r.body.commitment() else {
                continue;
            };
            if c.carried_to.is_some() {
                // The follow-up session it was carried on to holds it now and counts it.
                continue;
            }
            if c.plan {
                f.plan_items += 1;
                f.plan_items_done += usize::from(c.status == Status::Done);
            } else {
                f.agreements.push(AgreementFigures {
                    owner: clean_line(c.who),
                    done: c.status == Status::Done,
                    open: c.is_open(),
                    due: c.due,
                    sectors: r
                        .body
                        .tags()
                        .map(|t| t.sectors.iter())
                        .into_iter()
                        .flatten()
                        .map(|s| clean_line(s).to_lowercase())
                        .collect(),
                });
            }
        }
        f
    }
}

impl Digest for SessionFigures {
    const FILE: &'static str = ".summaries-report.ron";
    const VERSION: u32 = 4; // 2: closures; 3: a changed item is not open; 4: an agreement carried on is counted where it went
    fn of(session: &Session) -> Self {
        SessionFigures::of(session)
    }
}
