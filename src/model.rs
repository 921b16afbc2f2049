//! The session model: sessions, stages and the records a room makes, with their rules. No I/O, no UI.

mod conference;
mod ids;
mod record;
mod rules;
mod session;
pub mod timefmt;

pub use conference::{Conference, Decision, Rating};
pub use ids::{RecordId, SessionId};
pub use record::{
    Agreement, CheckIn, DesignStatement, Dream, InfoKind, InformationItem, Invitation, Needs, Note,
    Participant, PlanItem, Question, Record, RecordBody, RecordKind, Side, Status, Strength,
    StrengthKind,
};
pub use rules::{LinkProblem, delete_impact, link_problems, link_target};
pub use session::{FORMAT_VERSION, Session, StageVisit};
