//! The session model: sessions, stages and the records a room makes, with their rules. No I/O, no UI.

pub mod agenda;
mod carry;
mod closure;
mod conference;
mod ids;
pub mod map;
pub mod names;
mod readiness;
mod record;
mod rules;
mod session;
mod tags;
mod themes;
pub mod timefmt;

pub use agenda::{Agenda, Block, Pace, What};
pub use carry::carry_over;
pub use closure::{Closure, ClosureReason, REASON_KINDS, REASON_LABELS};
pub use conference::{Conference, Coordinator, Decision, Home, Rating};
pub use ids::{RecordId, SessionId};
#[cfg(test)]
pub(crate) use readiness::close_for_test;
pub use readiness::{Gap, before_the_day, readiness};
pub use record::{
    Agreement, Carry, ChangeGoal, CheckIn, Commitment, DesignStatement, DesignTie, Dream, InfoKind,
    InformationItem, Invitation, LinkRule, Need, Needs, Note, Participant, PlanItem, Question,
    Record, RecordBody, RecordKind, Side, Status, Strength, StrengthKind, Topic,
};
pub use rules::{
    LinkProblem, LooseEnd, delete_impact, link_problems, link_target, loose_ends,
    moved_on_without_topic,
};
pub use session::{Clock, DateKind, FORMAT_VERSION, KeptApartTask, KeyDate, Session, StageVisit};
pub use tags::{Closeness, Level, Tags, Voice};
pub use themes::{Renamed, same_theme, takes_theme, theme_key};

/// The sectors a partnership map starts from (`assets/sectors.ron`).
pub fn default_sectors() -> Vec<String> {
    ron::from_str(include_str!("../assets/sectors.ron")).unwrap_or_default()
}
