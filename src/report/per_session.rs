//! What `due` and the report need from one session, worked out from that session alone, so
//! the folder's cache can keep it (`store::Digest`) and the figures come from it either way.

use crate::model::timefmt::{iso_date_option, iso_date_required};
use crate::model::{Decision, RecordBody, Session, Status};
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
    /// Everything open and dated in this session, cleaned for showing.
    pub fn of(s: &Session) -> Self {
        let mut items = Vec::new();
        for r in &s.records {
            let (owner, due, status) = match &r.body {
                RecordBody::Agreement(a) => (&a.owner, a.due, a.status),
                RecordBody::PlanItem(p) => (&p.who, p.by_when, p.status),
                _ => continue,
            };
            let Some(due) = due.filter(|_| status.is_open()) else {
                continue;
            };
            items.push(Dated {
                record: Some(r.id.0),
                kind: r.body.kind().label().to_owned(),
                text: clean_line(r.body.text()),
                owner: clean_line(owner),
                due,
                status: status.label().to_owned(),
            });
        }
        if let Some(c) = s.conference.as_ref().filter(|c| c.closed.is_none())
            && let Some(review) = c.review_date
            && !c.ratings.iter().any(|r| r.due == Some(review))
        {
            items.push(Dated {
                record: None,
                kind: "review".to_owned(),
                text: "The review of the family's plan".to_owned(),
                owner: String::new(),
                due: review,
                status: "not held yet".to_owned(),
            });
        }
        Self {
            session: clean_line(s.id.as_str()),
            title: clean_line(&s.title),
            items,
        }
    }
}

impl Digest for SessionDue {
    const FILE: &'static str = ".summaries-due.ron";
    const VERSION: u32 = 1;
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
            match &r.body {
                RecordBody::PlanItem(p) => {
                    f.plan_items += 1;
                    f.plan_items_done += usize::from(p.status == Status::Done);
                }
                RecordBody::Agreement(a) => f.agreements.push(AgreementFigures {
                    owner: clean_line(&a.owner),
                    done: a.status == Status::Done,
                    open: a.status.is_open(),
                    due: a.due,
                    sectors: a
                        .tags
                        .sectors
                        .iter()
                        .map(|s| clean_line(s).to_lowercase())
                        .collect(),
                }),
                _ => {}
            }
        }
        f
    }
}

impl Digest for SessionFigures {
    const FILE: &'static str = ".summaries-report.ron";
    const VERSION: u32 = 1;
    fn of(session: &Session) -> Self {
        SessionFigures::of(session)
    }
}
