//! One description of each record kind (its words, fields, links and check-ins) and of a conference, which every view renders.
//!
//! The TUI's detail, `convene show`, the Markdown and HTML reports, the CSV columns and the
//! JSON all read a record through [`describe`]. A view chooses which fields to show (the
//! TUI's one-line summary leaves some out), but none spells a field by hand: a field
//! added here reaches every view.

use crate::model::timefmt::format_date;
use crate::model::{
    CheckIn, Conference, Invitation, Record, RecordBody, RecordId, RecordKind, Session,
};
use crate::text::clean_line;
use time::OffsetDateTime;

/// Declares every field once, in the order a reader wants them (and the CSV columns'
/// order): its label for people and its column for scripts. [`Field::ALL`] follows.
macro_rules! fields {
    ($($field:ident: $label:literal, $column:literal;)*) => {
        /// A field a record may have, with its label for people and its column for scripts.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Field {
            $($field,)*
        }

        impl Field {
            /// Every field, in the order a reader wants them (and the CSV columns' order).
            pub const ALL: [Field; [$(Field::$field),*].len()] = [$(Field::$field),*];

            /// The label people read ("support from services").
            pub fn label(self) -> &'static str {
                match self {
                    $(Field::$field => $label,)*
                }
            }

            /// The column name in CSV and the key in JSON (stable: scripts rely on them).
            pub fn column(self) -> &'static str {
                match self {
                    $(Field::$field => $column,)*
                }
            }
        }
    };
}

fields! {
    StrengthKind: "kind", "strength_kind";
    Theme: "theme", "theme";
    Owner: "owner", "owner";
    Who: "who", "who";
    Due: "due", "due";
    Status: "status", "status";
    Support: "support from services", "support";
    CheckedBy: "checked by", "checked_by";
    Relationship: "relationship", "relationship";
    Side: "side", "side";
    Role: "role", "role";
    Invitation: "invitation", "invitation";
    NotInvitedBecause: "not invited because", "not_invited_because";
    Interpreter: "interpreter in", "interpreter";
    Access: "access", "access";
    Childcare: "childcare", "childcare";
    Safety: "safety", "safety";
    NeedsArranged: "needs arranged", "needs_arranged";
    Organisation: "organisation", "organisation";
    Sector: "sector", "sector";
    Closeness: "closeness", "closeness";
    OutsideSafeNetwork: "not in the safe network because", "outside_safe_network";
    MayCall: "the family may call them", "may_call";
    Phone: "phone", "phone";
    Email: "email", "email";
    InfoType: "type", "info_type";
    Answer: "answer", "answer";
    Sectors: "sectors", "sectors";
    Level: "level", "level";
    Voice: "voice", "voice";
    Votes: "votes", "votes";
    Source: "came from", "source";
}

impl Field {
    /// Whether the value reads clearly without its label ("not started", "Sam (aunt)"),
    /// so a compact line may show it bare.
    pub fn reads_bare(self) -> bool {
        match self {
            Field::Owner
            | Field::Who
            | Field::Relationship
            | Field::Organisation
            | Field::StrengthKind
            | Field::Status
            | Field::Side
            | Field::Invitation
            | Field::InfoType => true,
            Field::Theme
            | Field::Support
            | Field::CheckedBy
            | Field::Role
            | Field::NotInvitedBecause
            | Field::Interpreter
            | Field::Access
            | Field::Childcare
            | Field::Safety
            | Field::Sector
            | Field::OutsideSafeNetwork
            | Field::Answer
            | Field::Sectors
            | Field::Due
            | Field::Closeness
            | Field::NeedsArranged
            | Field::Level
            | Field::Voice
            | Field::Votes
            | Field::Source
            | Field::MayCall
            | Field::Phone
            | Field::Email => false,
        }
    }

    /// Whether a person writes this field in their own words (and so the lens reads it),
    /// rather than choosing it from a list or typing a date.
    pub fn is_written(self) -> bool {
        match self {
            Field::Theme
            | Field::Owner
            | Field::Who
            | Field::Support
            | Field::CheckedBy
            | Field::Relationship
            | Field::Role
            | Field::NotInvitedBecause
            | Field::Interpreter
            | Field::Access
            | Field::Childcare
            | Field::Safety
            | Field::Organisation
            | Field::Sector
            | Field::OutsideSafeNetwork
            | Field::Answer
            | Field::Sectors => true,
            Field::StrengthKind
            | Field::Due
            | Field::Status
            | Field::Side
            | Field::Invitation
            | Field::Closeness
            | Field::NeedsArranged
            | Field::InfoType
            | Field::Level
            | Field::Voice
            | Field::Votes
            | Field::Source
            | Field::MayCall
            | Field::Phone
            | Field::Email => false,
        }
    }

    /// Whether the TUI's one-line summary under a record leaves this field out (it is in
    /// the selected record's detail and every export).
    pub fn only_in_detail(self) -> bool {
        match self {
            Field::Support
            | Field::CheckedBy
            | Field::Access
            | Field::Childcare
            | Field::Safety
            | Field::NeedsArranged
            | Field::Source
            | Field::MayCall
            | Field::Phone
            | Field::Email => true,
            Field::Theme
            | Field::Owner
            | Field::Who
            | Field::Relationship
            | Field::Role
            | Field::NotInvitedBecause
            | Field::Interpreter
            | Field::Organisation
            | Field::Sector
            | Field::OutsideSafeNetwork
            | Field::Answer
            | Field::Sectors
            | Field::StrengthKind
            | Field::Due
            | Field::Status
            | Field::Side
            | Field::Invitation
            | Field::Closeness
            | Field::InfoType
            | Field::Level
            | Field::Voice
            | Field::Votes => false,
        }
    }

    /// Whether the field is a way to reach a person (private): never in a calendar, and in
    /// a CSV only when asked for.
    pub fn is_contact(self) -> bool {
        match self {
            Field::Phone | Field::Email => true,
            Field::Theme
            | Field::Owner
            | Field::Who
            | Field::Support
            | Field::CheckedBy
            | Field::Relationship
            | Field::Role
            | Field::NotInvitedBecause
            | Field::Interpreter
            | Field::Access
            | Field::Childcare
            | Field::Safety
            | Field::Organisation
            | Field::Sector
            | Field::OutsideSafeNetwork
            | Field::Answer
            | Field::Sectors
            | Field::StrengthKind
            | Field::Due
            | Field::Status
            | Field::Side
            | Field::Invitation
            | Field::Closeness
            | Field::NeedsArranged
            | Field::InfoType
            | Field::Level
            | Field::Voice
            | Field::Votes
            | Field::Source
            | Field::MayCall => false,
        }
    }

    /// Whether only a conference's records have this field: a family's network (how they
    /// are related, invited, their needs, closeness, safe network), the plan items and the
    /// information shared and asked. A workshop's CSV leaves these columns out.
    pub fn conference_only(self) -> bool {
        match self {
            Field::Who
            | Field::Support
            | Field::CheckedBy
            | Field::Relationship
            | Field::Side
            | Field::Invitation
            | Field::NotInvitedBecause
            | Field::Interpreter
            | Field::Access
            | Field::Childcare
            | Field::Safety
            | Field::NeedsArranged
            | Field::Closeness
            | Field::OutsideSafeNetwork
            | Field::MayCall
            | Field::InfoType
            | Field::Answer => true,
            Field::Theme
            | Field::Owner
            | Field::Role
            | Field::Organisation
            | Field::Sector
            | Field::Sectors
            | Field::StrengthKind
            | Field::Due
            | Field::Status
            | Field::Level
            | Field::Voice
            | Field::Votes
            | Field::Source
            | Field::Phone
            | Field::Email => false,
        }
    }
}

/// How a record points at another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Relation {
    BuildsOn,
    Serves,
    SharedBy,
    AnsweredBy,
    ChangeGoal,
}

impl Relation {
    pub const ALL: [Relation; 5] = [
        Relation::BuildsOn,
        Relation::Serves,
        Relation::SharedBy,
        Relation::AnsweredBy,
        Relation::ChangeGoal,
    ];

    /// The words before the linked records ("builds on").
    pub fn label(self) -> &'static str {
        match self {
            Relation::BuildsOn => "builds on",
            Relation::Serves => "serves",
            Relation::SharedBy => "shared by",
            Relation::AnsweredBy => "answered by",
            Relation::ChangeGoal => "change goal",
        }
    }

    /// The column name in CSV and the key in JSON.
    pub fn column(self) -> &'static str {
        match self {
            Relation::BuildsOn => "builds_on",
            Relation::Serves => "serves",
            Relation::SharedBy => "shared_by",
            Relation::AnsweredBy => "answered_by",
            Relation::ChangeGoal => "change_goals",
        }
    }

    /// Whether only a conference's records link this way (information shared by someone,
    /// a question answered by someone).
    pub fn conference_only(self) -> bool {
        match self {
            Relation::SharedBy | Relation::AnsweredBy => true,
            Relation::BuildsOn | Relation::Serves | Relation::ChangeGoal => false,
        }
    }

    /// How a record of this kind points at the records in its `links()`; `None` for a
    /// kind that links to nothing.
    fn of(kind: RecordKind) -> Option<Relation> {
        match kind {
            RecordKind::Dream => Some(Relation::BuildsOn),
            RecordKind::DesignStatement | RecordKind::Agreement => Some(Relation::Serves),
            RecordKind::InformationItem => Some(Relation::SharedBy),
            RecordKind::Question => Some(Relation::AnsweredBy),
            RecordKind::Strength
            | RecordKind::Participant
            | RecordKind::PlanItem
            | RecordKind::Note
            | RecordKind::ChangeGoal
            | RecordKind::Topic => None,
        }
    }
}

/// One linked record: how, which, and its words (on one line; empty if it is gone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub relation: Relation,
    pub id: RecordId,
    pub words: String,
}

impl Link {
    /// "#3 Youth workers know every child" (or "#3" when it is gone).
    pub fn named(&self) -> String {
        format!("{} {}", self.id, self.words).trim_end().to_owned()
    }
}

/// A record as every view reads it. Values are the words as typed (views escape them for
/// their format); one-line values have had control characters taken out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Description {
    pub id: RecordId,
    pub kind: RecordKind,
    pub stage: String,
    pub created: OffsetDateTime,
    /// The record's words, lines kept.
    pub words: String,
    /// The fields that are set, in [`Field::ALL`] order.
    pub fields: Vec<(Field, String)>,
    pub links: Vec<Link>,
    /// Each check-in on one line, oldest first.
    pub checkins: Vec<String>,
}

impl Description {
    /// The value of a field, if set.
    pub fn get(&self, field: Field) -> Option<&str> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v.as_str())
    }

    /// The links of one relation.
    pub fn links_of(&self, relation: Relation) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(move |l| l.relation == relation)
    }

    /// The links grouped by relation, in [`Relation::ALL`] order, each as named records.
    pub fn link_groups(&self) -> Vec<(Relation, Vec<String>)> {
        Relation::ALL
            .iter()
            .map(|r| (*r, self.links_of(*r).map(Link::named).collect::<Vec<_>>()))
            .filter(|(_, named)| !named.is_empty())
            .collect()
    }

    /// The kind's name where every view puts it before the words ("Affirmative topic"): the
    /// records a workshop is built around, which would otherwise read as notes.
    pub fn lead(&self) -> Option<String> {
        self.kind
            .named_first()
            .then(|| crate::text::capitalised(self.kind.label()))
    }

    /// The words on one line, after the kind's name where it leads ("Change goal: …").
    pub fn headline(&self) -> String {
        let words = clean_line(&self.words);
        match self.lead() {
            Some(lead) => format!("{lead}: {words}"),
            None => words,
        }
    }

    /// "label: value" for each field, for views that list them inline.
    pub fn field_pairs(&self) -> impl Iterator<Item = String> + '_ {
        self.fields
            .iter()
            .map(|(f, v)| format!("{}: {v}", f.label()))
    }
}

/// "1 vote", "3 votes": a count of the room's dots in words.
pub fn votes_words(votes: u32) -> String {
    if votes == 1 {
        "1 vote".to_owned()
    } else {
        format!("{votes} votes")
    }
}

/// What renaming the theme `old` did, in words: renamed, merged into a theme already
/// there, or kept as it was.
pub fn theme_renamed(old: &str, renamed: Option<&crate::model::Renamed>) -> String {
    let old = clean_line(old);
    let Some(renamed) = renamed.filter(|r| r.records > 0) else {
        return format!("The theme “{old}” is kept as it was.");
    };
    let to = clean_line(&renamed.to);
    let records = match renamed.records {
        1 => "1 record".to_owned(),
        n => format!("{n} records"),
    };
    if renamed.merged {
        format!("“{old}” joins “{to}”: one theme now, {records} moved.")
    } else {
        format!("The theme “{old}” is now “{to}” on {records}.")
    }
}

/// "! overdue since 2027-01-29": the gentle mark on a commitment still open after its
/// date, for every view where people look (the session's rows, `show`, the board's copy).
pub fn overdue_words(record: &Record, session: &Session, today: time::Date) -> Option<String> {
    session
        .overdue_since(record.id, today)
        .map(|due| format!("! overdue since {}", format_date(due)))
}

/// Describes a record of a session (the session gives the words of linked records).
pub fn describe(record: &Record, session: &Session) -> Description {
    let mut fields = Vec::new();
    let mut set = |field: Field, value: String| {
        let value = clean_line(&value);
        if !value.is_empty() {
            fields.push((field, value));
        }
    };
    let date = |d: Option<time::Date>| d.map(format_date).unwrap_or_default();
    match &record.body {
        RecordBody::Strength(s) => {
            set(Field::StrengthKind, s.kind.label().to_owned());
        }
        RecordBody::Agreement(a) => {
            set(Field::Owner, a.owner.clone());
            set(Field::Due, date(a.due));
            let standing = record.body.commitment().map(|c| c.standing());
            set(Field::Status, standing.unwrap_or_default());
        }
        RecordBody::PlanItem(p) => {
            set(Field::Who, p.who.clone());
            set(Field::Due, date(p.by_when));
            set(Field::Status, p.status.label().to_owned());
            set(Field::Support, p.support.clone());
            set(Field::CheckedBy, p.checked_by.clone());
        }
        // In a workshop a participant is a person in the room, never a family's network:
        // their role, organisation and sector, and nothing of a conference's.
        RecordBody::Participant(p) if !session.is_conference() => {
            set(Field::Role, p.role.clone());
            set(Field::Organisation, p.organisation.clone());
            set(Field::Sector, p.sector.clone().unwrap_or_default());
            set(Field::Phone, p.phone.clone());
            set(Field::Email, p.email.clone());
        }
        RecordBody::Participant(p) => {
            set(Field::Relationship, p.relationship.clone());
            set(Field::Side, p.side.label().to_owned());
            set(Field::Role, p.role.clone());
            set(Field::Invitation, p.invitation.label().to_owned());
            if let Invitation::NotInvited(reason) = &p.invitation {
                set(Field::NotInvitedBecause, reason.clone());
            }
            set(
                Field::Interpreter,
                p.needs.interpreter.clone().unwrap_or_default(),
            );
            set(Field::Access, p.needs.access.clone().unwrap_or_default());
            set(
                Field::Childcare,
                p.needs.childcare.clone().unwrap_or_default(),
            );
            set(Field::Safety, p.needs.safety.clone().unwrap_or_default());
            if p.needs.named().next().is_some() {
                let arranged = if p.needs.arranged { "yes" } else { "not yet" };
                set(Field::NeedsArranged, arranged.to_owned());
            }
            set(Field::Organisation, p.organisation.clone());
            set(Field::Sector, p.sector.clone().unwrap_or_default());
            set(
                Field::Closeness,
                p.closeness
                    .map(|c| c.label().to_owned())
                    .unwrap_or_default(),
            );
            if let Some(reason) = &p.outside_safe_network {
                let reason = if reason.trim().is_empty() {
                    "no reason written yet"
                } else {
                    reason
                };
                set(Field::OutsideSafeNetwork, reason.to_owned());
            }
            if p.may_call {
                set(Field::MayCall, "yes".to_owned());
            }
            set(Field::Phone, p.phone.clone());
            set(Field::Email, p.email.clone());
        }
        RecordBody::InformationItem(i) => set(Field::InfoType, i.kind.label().to_owned()),
        RecordBody::Question(q) => set(Field::Answer, q.answer.clone().unwrap_or_default()),
        RecordBody::Dream(_)
        | RecordBody::DesignStatement(_)
        | RecordBody::Note(_)
        | RecordBody::ChangeGoal(_)
        | RecordBody::Topic(_) => {}
    }
    set(
        Field::Theme,
        record.body.theme().unwrap_or_default().to_owned(),
    );
    if let Some(tags) = record.body.tags() {
        set(Field::Sectors, tags.sectors.join(", "));
        set(
            Field::Level,
            tags.level.map(|l| l.label().to_owned()).unwrap_or_default(),
        );
        set(
            Field::Voice,
            tags.voice.map(|v| v.label().to_owned()).unwrap_or_default(),
        );
    }
    if let Some(votes) = record.body.votes().filter(|v| *v > 0) {
        set(Field::Votes, votes.to_string());
    }
    set(Field::Source, record.source.clone().unwrap_or_default());
    fields.sort_by_key(|(f, _)| Field::ALL.iter().position(|x| x == f));
    let kind = record.body.kind();
    let words_of = |id: RecordId| {
        session
            .record(id)
            .map(|r| clean_line(r.body.text()))
            .unwrap_or_default()
    };
    let mut links: Vec<Link> = record
        .body
        .links()
        .into_iter()
        .filter_map(|id| {
            Some(Link {
                relation: Relation::of(kind)?,
                id,
                words: words_of(id),
            })
        })
        .collect();
    links.extend(record.body.goals().iter().map(|id| Link {
        relation: Relation::ChangeGoal,
        id: *id,
        words: words_of(*id),
    }));
    Description {
        id: record.id,
        kind,
        stage: record.stage.clone(),
        created: record.created,
        words: record.body.text().to_owned(),
        fields,
        links,
        checkins: record.body.checkins().iter().map(checkin).collect(),
    }
}

/// A check-in on one line: "15 Jan 2027: on track (Sam) — the keys are cut".
pub fn checkin(c: &CheckIn) -> String {
    let mut line = format!("{}: {}", format_date(c.date), c.status.label());
    if !c.by.trim().is_empty() {
        line.push_str(&format!(" ({})", clean_line(&c.by)));
    }
    if !c.note.trim().is_empty() {
        line.push_str(&format!(" — {}", clean_line(&c.note)));
    }
    line
}

/// A conference's key facts as (label, value) pairs, the empty ones left out.
pub fn conference_facts(c: &Conference) -> Vec<(&'static str, String)> {
    filled([
        ("Child or young person", c.child.clone()),
        ("Referred by", c.referrer.clone()),
        (
            "Referrer's role",
            c.referrer_role.clone().unwrap_or_default(),
        ),
        (
            "Referral date",
            c.referral_date.map(format_date).unwrap_or_default(),
        ),
        ("Why we are meeting", c.reasons.clone()),
        (
            "Reason, for returns",
            c.reason_category.clone().unwrap_or_default(),
        ),
        ("Bottom lines", c.bottom_lines.clone()),
        ("Date", c.date.map(format_date).unwrap_or_default()),
        ("Time", c.time.clone()),
        ("Venue", c.venue.clone()),
        ("The child's wishes and views", c.child_voice.clone()),
        (COORDINATOR, c.coordinator.name.clone()),
        (COORDINATOR_PHONE, c.coordinator.phone.clone()),
        (COORDINATOR_EMAIL, c.coordinator.email.clone()),
    ])
}

/// The labels of the coordinator's pairs in [`conference_facts`].
pub const COORDINATOR: &str = "Coordinator";
pub const COORDINATOR_PHONE: &str = "Coordinator's phone";
pub const COORDINATOR_EMAIL: &str = "Coordinator's email";

/// Whether a pair of [`conference_facts`] is a way to reach someone (private as a
/// participant's [`Field::is_contact`] fields are).
pub fn is_contact_fact(label: &str) -> bool {
    label == COORDINATOR_PHONE || label == COORDINATOR_EMAIL
}

/// The label of each review's pair in [`conference_outcome`].
pub const REVIEW: &str = "Review";

/// A conference's outcome, reviews and closure as (label, value) pairs, the empty ones left
/// out. Each review is one pair: its date with the family's and the professionals' 0–10.
pub fn conference_outcome(c: &Conference) -> Vec<(&'static str, String)> {
    let mut pairs = filled([
        ("If the plan isn't working", c.contingency.clone()),
        (
            "Decision",
            c.decision.map(|d| d.label().to_owned()).unwrap_or_default(),
        ),
        ("Why", c.decision_reasons.clone()),
        (
            "Review date",
            // Kept once closed: the record says what was set (the family's copy, built
            // apart, gives no date to meet once closed).
            c.review_date.map(format_date).unwrap_or_default(),
        ),
    ]);
    for rating in &c.ratings {
        let score = |s: Option<u8>| s.map_or_else(|| "not given".to_owned(), |s| format!("{s}/10"));
        let lives = rating.child_lives.map_or(String::new(), |h| {
            format!("; where the child lives: {}", h.label())
        });
        pairs.push((
            REVIEW,
            format!(
                "{}: the family {}, the professionals {}{lives}",
                format_date(rating.date),
                score(rating.family),
                score(rating.professionals)
            ),
        ));
    }
    if let Some(closed) = &c.closed {
        pairs.push(("Closed", closed.describe()));
    }
    pairs
}

fn filled<const N: usize>(pairs: [(&'static str, String); N]) -> Vec<(&'static str, String)> {
    pairs
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .collect()
}

/// Words a person wrote somewhere in a session, and where: what the lens reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// The record holding them (its id and stage key), or `None` for the session's own
    /// words (the title, the conference's facts and outcome).
    pub record: Option<(RecordId, String)>,
    /// Where in it, for people: "key facts: bottom lines", "Sam's safety", "a check-in"
    /// (empty for a record's main words).
    pub place: String,
    pub text: String,
}

/// Every piece of writing in a session, from the one description: the title, the
/// conference's key facts and outcome, and each record's words, written fields and
/// check-ins. A field added to the description (or to the conference's facts) is read
/// without a second edit.
pub fn written(session: &Session) -> Vec<Written> {
    let own = |place: String, text: String| Written {
        record: None,
        place,
        text,
    };
    let mut out = vec![own("title".into(), session.title.clone())];
    if let Some(c) = &session.conference {
        let sections = [
            ("key facts", conference_facts(c)),
            ("outcome", conference_outcome(c)),
        ];
        for (section, pairs) in sections {
            out.extend(
                pairs
                    .into_iter()
                    .filter(|(label, _)| !is_contact_fact(label))
                    .map(|(label, text)| own(format!("{section}: {}", label.to_lowercase()), text)),
            );
        }
    }
    for record in &session.records {
        let d = describe(record, session);
        let at = Some((record.id, record.stage.clone()));
        let whose = match record.body.participant() {
            Some(_) => format!("{}'s ", clean_line(&d.words)),
            None => String::new(),
        };
        let mut add = |place: String, text: String| {
            out.push(Written {
                record: at.clone(),
                place,
                text,
            })
        };
        add(String::new(), d.words.clone());
        for (field, text) in d.fields.iter().filter(|(f, _)| f.is_written()) {
            add(format!("{whose}{}", field.label()), text.clone());
        }
        for line in &d.checkins {
            add(format!("{whose}check-in"), line.clone());
        }
    }
    out
}
