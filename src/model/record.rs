//! The records a session keeps: strengths, dreams, design statements, agreements and the FGC's records.
//!
//! Longer than most files on purpose: every record kind side by side, each a plain struct
//! whose fields are the file format, and the few accessors that treat them alike.

use super::ids::{RecordId, SessionId};
use super::timefmt::{iso_date_option, rfc3339};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// One thing the room said, kept in the speaker's own words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Stable within the session; never reused.
    pub id: RecordId,
    /// The key of the stage in which it was captured.
    pub stage: String,
    #[serde(with = "rfc3339")]
    pub created: OffsetDateTime,
    /// What kind of record this is, with its fields.
    pub body: RecordBody,
    /// Where it came from when the room did not type it here: a file and row it was
    /// imported from, or the earlier session it was carried over from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Declares every record kind once: its variant in [`RecordBody`] (with the struct of the
/// same name), in [`RecordKind`] and in [`RecordKind::ALL`], with its label and plural. A
/// kind listed here is in every list; nothing else names them all by hand.
macro_rules! record_kinds {
    ($($kind:ident: $label:literal, $plural:literal;)*) => {
        /// The kinds of record, each with its own fields.
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        pub enum RecordBody {
            $($kind($kind),)*
        }

        /// The kind of a record, without its fields: what a framework stage says it captures.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum RecordKind {
            $($kind,)*
        }

        impl RecordKind {
            /// Every kind, in the order of a session's flow.
            pub const ALL: [RecordKind; [$(RecordKind::$kind),*].len()] = [$(RecordKind::$kind),*];

            /// The kind's name for people, singular and lower case ("design statement").
            pub fn label(self) -> &'static str {
                match self {
                    $(RecordKind::$kind => $label,)*
                }
            }

            /// The plural, for headings ("strengths").
            pub fn plural(self) -> &'static str {
                match self {
                    $(RecordKind::$kind => $plural,)*
                }
            }
        }

        impl RecordBody {
            /// The kind of this record.
            pub fn kind(&self) -> RecordKind {
                match self {
                    $(RecordBody::$kind(_) => RecordKind::$kind,)*
                }
            }

            /// An empty record of the given kind.
            pub fn empty(kind: RecordKind) -> Self {
                match kind {
                    $(RecordKind::$kind => RecordBody::$kind($kind::default()),)*
                }
            }
        }
    };
}

record_kinds! {
    Strength: "strength", "strengths";
    Dream: "dream", "dreams";
    DesignStatement: "design statement", "design statements";
    Agreement: "agreement", "agreements";
    Participant: "participant", "participants";
    InformationItem: "information item", "information items";
    Question: "question", "questions";
    PlanItem: "plan item", "plan items";
    Note: "note", "notes";
    ChangeGoal: "change goal", "change goals";
    Topic: "affirmative topic", "affirmative topics";
}

impl RecordKind {
    /// The label where room is short, such as a footer's hint ("topic").
    pub fn short_label(self) -> &'static str {
        match self {
            RecordKind::Topic => "topic",
            kind => kind.label(),
        }
    }

    /// The label with "a" or "an" before it ("an agreement").
    pub fn with_article(self) -> String {
        let article = if self.label().starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {}", self.label())
    }
}

/// How a record of one kind links to others: the kind it points at and the verb for
/// people ("builds on").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkRule {
    pub target: RecordKind,
    pub verb: &'static str,
}

/// How a kind ties into the room's design statements, for noticing loose ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DesignTie {
    /// A design statement should serve it (a dream).
    ServedByDesign,
    /// It should serve a design statement (an agreement).
    ServesDesign,
}

/// Whether a record of an earlier session carries into a follow-up day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carry {
    /// It stays behind.
    Never,
    /// Always (the participants, the change goals).
    Always,
    /// While it is still open (not done, not dropped).
    WhileOpen,
    /// Only the session's latest affirmative topic.
    IfLatestTopic,
}

/// The capabilities of each kind: every match here is exhaustive, so a new kind is asked
/// each question once, here, by the compiler.
impl RecordKind {
    /// How a record of this kind links to others, if it can: a dream builds on strengths,
    /// a design statement serves dreams, an agreement serves design statements, and
    /// information items and answers name participants.
    pub fn link_rule(self) -> Option<LinkRule> {
        let rule = |target, verb| Some(LinkRule { target, verb });
        match self {
            RecordKind::Dream => rule(RecordKind::Strength, "builds on"),
            RecordKind::DesignStatement => rule(RecordKind::Dream, "serves"),
            RecordKind::Agreement => rule(RecordKind::DesignStatement, "serves"),
            RecordKind::InformationItem => rule(RecordKind::Participant, "was shared by"),
            RecordKind::Question => rule(RecordKind::Participant, "was answered by"),
            RecordKind::Strength
            | RecordKind::Participant
            | RecordKind::PlanItem
            | RecordKind::Note
            | RecordKind::ChangeGoal
            | RecordKind::Topic => None,
        }
    }

    /// The kind a link from this kind must point at, if it can link at all.
    pub fn link_target(self) -> Option<RecordKind> {
        self.link_rule().map(|rule| rule.target)
    }

    /// How this kind ties into the design statements, if it does: a dream no design
    /// serves, or an agreement serving none, is a loose end.
    pub fn design_tie(self) -> Option<DesignTie> {
        match self {
            RecordKind::Dream => Some(DesignTie::ServedByDesign),
            RecordKind::Agreement => Some(DesignTie::ServesDesign),
            RecordKind::Strength
            | RecordKind::DesignStatement
            | RecordKind::Participant
            | RecordKind::InformationItem
            | RecordKind::Question
            | RecordKind::PlanItem
            | RecordKind::Note
            | RecordKind::ChangeGoal
            | RecordKind::Topic => None,
        }
    }

    /// Whether every view names the kind before the words ("Affirmative topic: …"): the
    /// records a workshop is built around, which would otherwise read as notes.
    pub fn named_first(self) -> bool {
        match self {
            RecordKind::Topic | RecordKind::ChangeGoal => true,
            RecordKind::Strength
            | RecordKind::Dream
            | RecordKind::DesignStatement
            | RecordKind::Agreement
            | RecordKind::Participant
            | RecordKind::InformationItem
            | RecordKind::Question
            | RecordKind::PlanItem
            | RecordKind::Note => false,
        }
    }

    /// Whether a record of this kind carries into a follow-up day.
    pub fn carry(self) -> Carry {
        match self {
            RecordKind::Topic => Carry::IfLatestTopic,
            RecordKind::Participant | RecordKind::ChangeGoal => Carry::Always,
            RecordKind::Agreement => Carry::WhileOpen,
            RecordKind::Strength
            | RecordKind::Dream
            | RecordKind::DesignStatement
            | RecordKind::InformationItem
            | RecordKind::Question
            | RecordKind::PlanItem
            | RecordKind::Note => Carry::Never,
        }
    }
}

/// What a record commits someone to: who, where it stands, by when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Commitment<'a> {
    /// Who is responsible, as written.
    pub who: &'a str,
    pub status: Status,
    pub due: Option<Date>,
    /// An item of a family's plan (a conference), rather than an agreement.
    pub plan: bool,
    /// The follow-up session it was carried on to: it is held (and counted) there now, so
    /// here it is neither open nor done.
    pub carried_to: Option<&'a SessionId>,
}

impl Commitment<'_> {
    /// Whether it still needs doing here: its status is open and it was not carried on to
    /// another session (that one holds it now).
    pub fn is_open(&self) -> bool {
        self.carried_to.is_none() && self.status.is_open()
    }

    /// Where it stands, for people: its status, or "carried on to ID".
    pub fn standing(&self) -> String {
        match self.carried_to {
            Some(to) => format!("carried on to {to}"),
            None => self.status.label().to_owned(),
        }
    }
}

/// The four kinds of strength (shared/DOMAIN.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum StrengthKind {
    /// Personal qualities, skills and interests.
    #[default]
    Personal,
    /// Practical resources: health, housing, money, services, data.
    Practical,
    /// People who can be counted on.
    People,
    /// Community: groups, clubs, faith and online networks, local services.
    Community,
}

impl StrengthKind {
    /// Every kind, in the order the capture form offers them (1 to 4).
    pub const ALL: [StrengthKind; 4] = [
        StrengthKind::Personal,
        StrengthKind::Practical,
        StrengthKind::People,
        StrengthKind::Community,
    ];

    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            StrengthKind::Personal => "personal qualities",
            StrengthKind::Practical => "practical resources",
            StrengthKind::People => "people",
            StrengthKind::Community => "community",
        }
    }
}

/// Something that gives life: a strength, in the speaker's words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Strength {
    pub text: String,
    pub kind: StrengthKind,
    /// A theme the room grouped it under.
    #[serde(default)]
    pub theme: Option<String>,
    /// Sectors, level and voice, for the system map.
    #[serde(default, skip_serializing_if = "super::Tags::is_empty")]
    pub tags: super::Tags,
}

/// An image of what might be, grounded in strengths.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Dream {
    pub text: String,
    /// The strengths it builds on.
    #[serde(default)]
    pub builds_on: Vec<RecordId>,
    #[serde(default, skip_serializing_if = "super::Tags::is_empty")]
    pub tags: super::Tags,
    /// A theme the room grouped it under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// The room's dots: how many chose to carry this dream into Design.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub votes: u32,
}

/// A bold present-tense statement of what should be.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct DesignStatement {
    pub text: String,
    /// The dreams it serves.
    #[serde(default)]
    pub serves: Vec<RecordId>,
    /// The room's dots: how many chose to act on this statement.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub votes: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Where a commitment or plan item stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Status {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Changed,
    Dropped,
}

impl Status {
    /// Every status, in the order a form offers them.
    pub const ALL: [Status; 5] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Changed,
        Status::Dropped,
    ];

    /// Whether the commitment still needs doing. A changed one does not: the plan moved
    /// on and the item as written no longer stands (what replaced it is its own item), so
    /// it is never due, never overdue and never an open to-do in a calendar.
    pub fn is_open(self) -> bool {
        matches!(self, Status::NotStarted | Status::InProgress)
    }

    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "not started",
            Status::InProgress => "in progress",
            Status::Done => "done",
            Status::Changed => "changed",
            Status::Dropped => "dropped",
        }
    }
}

/// A check on how a commitment is going: when, where it stands, who said so, and a note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    #[serde(with = "super::timefmt::iso_date_required")]
    pub date: Date,
    pub status: Status,
    /// Who reported it.
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub note: String,
}

/// A commitment: what will be done, by whom, by when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Agreement {
    pub action: String,
    pub owner: String,
    #[serde(default, with = "iso_date_option")]
    pub due: Option<Date>,
    #[serde(default)]
    pub status: Status,
    /// The design statements it serves.
    #[serde(default)]
    pub serves: Vec<RecordId>,
    /// Every check-in, oldest first; the status above is the latest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkins: Vec<CheckIn>,
    /// The partnership's change goals it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<RecordId>,
    #[serde(default, skip_serializing_if = "super::Tags::is_empty")]
    pub tags: super::Tags,
    /// The follow-up session it was carried on to (`convene new --from`): that session
    /// holds it now, so here it is neither open nor done and counted nowhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_to: Option<SessionId>,
}

/// Which part of the child's network a participant comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Side {
    #[default]
    Family,
    Friend,
    Community,
    Professional,
}

impl Side {
    /// Every side, in the order a form offers them.
    pub const ALL: [Side; 4] = [
        Side::Family,
        Side::Friend,
        Side::Community,
        Side::Professional,
    ];

    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            Side::Family => "family",
            Side::Friend => "friend",
            Side::Community => "community",
            Side::Professional => "professional",
        }
    }
}

/// Where an invitation to the conference stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Invitation {
    #[default]
    Identified,
    Invited,
    Confirmed,
    Declined,
    /// Not invited, with the reason (which the family agreed).
    NotInvited(String),
}

impl Invitation {
    /// A short label for people (the reason is kept apart).
    pub fn label(&self) -> &'static str {
        match self {
            Invitation::Identified => "identified",
            Invitation::Invited => "invited",
            Invitation::Confirmed => "confirmed",
            Invitation::Declined => "declined",
            Invitation::NotInvited(_) => "not invited",
        }
    }
}

/// What a participant needs to take part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Needs {
    /// The language an interpreter is needed for, if any.
    #[serde(default)]
    pub interpreter: Option<String>,
    #[serde(default)]
    pub access: Option<String>,
    #[serde(default)]
    pub childcare: Option<String>,
    #[serde(default)]
    pub safety: Option<String>,
    /// Whether what is needed above is in place: the interpreter booked, the access,
    /// childcare and safety arrangements made.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub arranged: bool,
}

/// One kind of thing a participant may need to take part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    Interpreter,
    Access,
    Childcare,
    Safety,
}

impl Needs {
    /// The needs that are named, with the words given: (interpreter, "Polish").
    pub fn named(&self) -> impl Iterator<Item = (Need, &str)> {
        [
            (Need::Interpreter, &self.interpreter),
            (Need::Access, &self.access),
            (Need::Childcare, &self.childcare),
            (Need::Safety, &self.safety),
        ]
        .into_iter()
        .filter_map(|(what, words)| {
            words
                .as_deref()
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(|w| (what, w))
        })
    }
}

/// A person in the child's network.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Participant {
    pub name: String,
    /// Relationship to the child ("aunt", "school nurse").
    pub relationship: String,
    pub side: Side,
    /// Role at the conference ("parent", "advocate", "social worker").
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub invitation: Invitation,
    #[serde(default)]
    pub needs: Needs,
    /// In a workshop: the organisation they come from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// In a workshop: the sector they speak for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// In a conference: how close they are to the child.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closeness: Option<super::Closeness>,
    /// Set when they are not part of the child's safe network, with the reason (a court
    /// order, a bottom line); they are then never listed among those the child can count on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outside_safe_network: Option<String>,
    /// A phone number, private: in the app's detail and the professionals' copy, in a CSV
    /// only when asked for (`--with-contacts`), never in a calendar.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// An email address, private as the phone number is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// In a conference: they agreed that the family may call them. The family's copy gives
    /// their number only then, and never while they are kept apart from the plan
    /// ([`Participant::kept_apart`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub may_call: bool,
}

impl Participant {
    /// Whether the child can count on them: everyone is, unless marked as outside the
    /// child's safe network.
    pub fn in_safe_network(&self) -> bool {
        self.outside_safe_network.is_none()
    }

    /// Whether the family's copy may give their number: they agreed to be called, they have
    /// a number, and they are not kept apart from the plan (see [`Participant::kept_apart`]).
    pub fn callable(&self) -> bool {
        self.may_call && !self.phone.trim().is_empty() && self.kept_apart().is_none()
    }

    /// Why they may hold no task in the plan and are named nowhere the family or others
    /// read (the family's copy, a calendar, the room's screen): they are outside the
    /// child's safe network. The reasons written (and why they were not invited, where
    /// they were not). `None` for everyone else: not being invited alone is no danger (a
    /// football coach the family wants to help with the plan may not be invited to hear
    /// private family information).
    pub fn kept_apart(&self) -> Option<String> {
        let outside = self.outside_safe_network.as_deref()?;
        let mut why: Vec<&str> = vec![outside.trim()];
        if let Invitation::NotInvited(reason) = &self.invitation
            && !reason.trim().eq_ignore_ascii_case(outside.trim())
        {
            why.push(reason.trim());
        }
        why.retain(|w| !w.is_empty());
        Some(why.join("; "))
    }
}

/// What a piece of shared information is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum InfoKind {
    #[default]
    Strength,
    Worry,
    BottomLine,
    Resource,
}

impl InfoKind {
    /// Every kind of information, in the order a form offers them.
    pub const ALL: [InfoKind; 4] = [
        InfoKind::Strength,
        InfoKind::Worry,
        InfoKind::BottomLine,
        InfoKind::Resource,
    ];

    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            InfoKind::Strength => "strength",
            InfoKind::Worry => "worry",
            InfoKind::BottomLine => "bottom line",
            InfoKind::Resource => "resource on offer",
        }
    }
}

/// Information shared in the Information stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct InformationItem {
    pub text: String,
    pub kind: InfoKind,
    /// The participant who gave it.
    #[serde(default)]
    pub giver: Option<RecordId>,
}

/// A question from the family, with its answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Question {
    pub text: String,
    #[serde(default)]
    pub answer: Option<String>,
    /// The participant who answered.
    #[serde(default)]
    pub answered_by: Option<RecordId>,
}

/// One item of the family's plan, in the family's words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct PlanItem {
    /// What will happen.
    pub text: String,
    /// Who does it.
    pub who: String,
    #[serde(default, with = "iso_date_option")]
    pub by_when: Option<Date>,
    /// Support needed from services.
    #[serde(default)]
    pub support: String,
    /// Who checks it happens.
    #[serde(default)]
    pub checked_by: String,
    #[serde(default)]
    pub status: Status,
    /// Every check-in, oldest first; the status above is the latest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkins: Vec<CheckIn>,
}

/// A change the partnership sets itself, starting from what is strong.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct ChangeGoal {
    pub text: String,
}

/// The affirmative topic a workshop is built around, phrased towards what the partnership
/// wants to grow.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Topic {
    pub text: String,
}

/// Anything else worth keeping.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Note {
    pub text: String,
}

impl RecordBody {
    /// The record's main words: the text, the action, or the participant's name.
    pub fn text(&self) -> &str {
        match self {
            RecordBody::Strength(r) => &r.text,
            RecordBody::Dream(r) => &r.text,
            RecordBody::DesignStatement(r) => &r.text,
            RecordBody::Agreement(r) => &r.action,
            RecordBody::Participant(r) => &r.name,
            RecordBody::InformationItem(r) => &r.text,
            RecordBody::Question(r) => &r.text,
            RecordBody::PlanItem(r) => &r.text,
            RecordBody::Note(r) => &r.text,
            RecordBody::ChangeGoal(r) => &r.text,
            RecordBody::Topic(r) => &r.text,
        }
    }

    /// The main words, for editing.
    pub fn text_mut(&mut self) -> &mut String {
        match self {
            RecordBody::Strength(r) => &mut r.text,
            RecordBody::Dream(r) => &mut r.text,
            RecordBody::DesignStatement(r) => &mut r.text,
            RecordBody::Agreement(r) => &mut r.action,
            RecordBody::Participant(r) => &mut r.name,
            RecordBody::InformationItem(r) => &mut r.text,
            RecordBody::Question(r) => &mut r.text,
            RecordBody::PlanItem(r) => &mut r.text,
            RecordBody::Note(r) => &mut r.text,
            RecordBody::ChangeGoal(r) => &mut r.text,
            RecordBody::Topic(r) => &mut r.text,
        }
    }

    /// The participant, if this record is one (its words are then a name).
    pub fn participant(&self) -> Option<&Participant> {
        match self {
            RecordBody::Participant(p) => Some(p),
            RecordBody::Strength(_)
            | RecordBody::Dream(_)
            | RecordBody::DesignStatement(_)
            | RecordBody::Agreement(_)
            | RecordBody::InformationItem(_)
            | RecordBody::Question(_)
            | RecordBody::PlanItem(_)
            | RecordBody::Note(_)
            | RecordBody::ChangeGoal(_)
            | RecordBody::Topic(_) => None,
        }
    }

    /// What this record commits someone to, if anything (agreements and plan items).
    pub fn commitment(&self) -> Option<Commitment<'_>> {
        match self {
            RecordBody::Agreement(a) => Some(Commitment {
                who: &a.owner,
                status: a.status,
                due: a.due,
                plan: false,
                carried_to: a.carried_to.as_ref(),
            }),
            RecordBody::PlanItem(p) => Some(Commitment {
                who: &p.who,
                status: p.status,
                due: p.by_when,
                plan: true,
                carried_to: None,
            }),
            RecordBody::Strength(_)
            | RecordBody::Dream(_)
            | RecordBody::DesignStatement(_)
            | RecordBody::Participant(_)
            | RecordBody::InformationItem(_)
            | RecordBody::Question(_)
            | RecordBody::Note(_)
            | RecordBody::ChangeGoal(_)
            | RecordBody::Topic(_) => None,
        }
    }

    /// The records this one builds on (dream → strengths, design → dreams, agreement →
    /// designs) or names (an information item's giver, a question's answerer).
    pub fn links(&self) -> Vec<RecordId> {
        match self {
            RecordBody::Dream(r) => r.builds_on.clone(),
            RecordBody::DesignStatement(r) => r.serves.clone(),
            RecordBody::Agreement(r) => r.serves.clone(),
            RecordBody::InformationItem(r) => r.giver.into_iter().collect(),
            RecordBody::Question(r) => r.answered_by.into_iter().collect(),
            RecordBody::Strength(_)
            | RecordBody::Participant(_)
            | RecordBody::PlanItem(_)
            | RecordBody::Note(_)
            | RecordBody::ChangeGoal(_)
            | RecordBody::Topic(_) => Vec::new(),
        }
    }

    /// The links that can be edited as a list, if this kind has one.
    pub fn link_list_mut(&mut self) -> Option<&mut Vec<RecordId>> {
        match self {
            RecordBody::Dream(r) => Some(&mut r.builds_on),
            RecordBody::DesignStatement(r) => Some(&mut r.serves),
            RecordBody::Agreement(r) => Some(&mut r.serves),
            RecordBody::Strength(_)
            | RecordBody::Participant(_)
            | RecordBody::InformationItem(_)
            | RecordBody::Question(_)
            | RecordBody::PlanItem(_)
            | RecordBody::Note(_)
            | RecordBody::ChangeGoal(_)
            | RecordBody::Topic(_) => None,
        }
    }

    /// The change goals an agreement serves.
    pub fn goals(&self) -> &[RecordId] {
        match self {
            RecordBody::Agreement(a) => &a.goals,
            RecordBody::Strength(_)
            | RecordBody::Dream(_)
            | RecordBody::DesignStatement(_)
            | RecordBody::Participant(_)
            | RecordBody::InformationItem(_)
            | RecordBody::Question(_)
            | RecordBody::PlanItem(_)
            | RecordBody::Note(_)
            | RecordBody::ChangeGoal(_)
            | RecordBody::Topic(_) => &[],
        }
    }

    /// The record's tags, for the kinds that carry them.
    pub fn tags(&self) -> Option<&super::Tags> {
        match self {
            RecordBody::Strength(r) => Some(&r.tags),
            RecordBody::Dream(r) => Some(&r.tags),
            RecordBody::Agreement(r) => Some(&r.tags),
            RecordBody::DesignStatement(_)
            | RecordBody::Participant(_)
            | RecordBody::InformationItem(_)
            | RecordBody::Question(_)
            | RecordBody::PlanItem(_)
            | RecordBody::Note(_)
            | RecordBody::ChangeGoal(_)
            | RecordBody::Topic(_) => None,
        }
    }

    /// The record's tags, to change.
    pub fn tags_mut(&mut self) -> Option<&mut super::Tags> {
        match self {
            RecordBody::Strength(r) => Some(&mut r.tags),
            RecordBody::Dream(r) => Some(&mut r.tags),
            RecordBody::Agreement(r) => Some(&mut r.tags),
            RecordBody::DesignStatement(_)
            | RecordBody::Participant(_)
            | RecordBody::InformationItem(_)
            | RecordBody::Question(_)
            | RecordBody::PlanItem(_)
            | RecordBody::Note(_)
            | RecordBody::ChangeGoal(_)
            | RecordBody::Topic(_) => None,
        }
    }

    /// The theme the room grouped it under, for the kinds that take one (strengths,
    /// dreams); `None` when it has none (or only blanks).
    pub fn theme(&self) -> Option<&str> {
        let theme = match self {
            RecordBody::Strength(r) => &r.theme,
            RecordBody::Dream(r) => &r.theme,
            RecordBody::DesignStatement(_)
            | RecordBody::Agreement(_)
            | RecordBody::Participant(_)
            | RecordBody::InformationItem(_)
            | RecordBody::Question(_)
            | RecordBody::PlanItem(_)
            | RecordBody::Note(_)
            | RecordBody::ChangeGoal(_)
            | RecordBody::Topic(_) => &None,
        };
        theme.as_deref().filter(|t| !t.trim().is_empty())
    }

    /// The theme, to change; `None` for kinds that take no theme.
    pub fn theme_mut(&mut self) -> Option<&mut Option<String>> {
        match self {
            RecordBody::Strength(r) => Some(&mut r.theme),
            RecordBody::Dream(r) => Some(&mut r.theme),
            RecordBody::DesignStatement(_)
            | RecordBody::Agreement(_)
            | RecordBody::Participant(_)
            | RecordBody::InformationItem(_)
            | RecordBody::Question(_)
            | RecordBody::PlanItem(_)
            | RecordBody::Note(_)
            | RecordBody::ChangeGoal(_)
            | RecordBody::Topic(_) => None,
        }
    }

    /// Removes every link to `target`.
    pub fn unlink(&mut self, target: RecordId) {
        self.relink(|id| (id != target).then_some(id));
    }

    /// Points every link at another record: `to` gives the new id, or `None` to drop the
    /// link (a record carried into another session keeps its links among those carried).
    pub fn relink(&mut self, to: impl Fn(RecordId) -> Option<RecordId>) {
        if let RecordBody::Agreement(a) = self {
            a.goals = a.goals.iter().filter_map(|id| to(*id)).collect();
        }
        if let Some(list) = self.link_list_mut() {
            *list = list.iter().filter_map(|id| to(*id)).collect();
        }
        match self {
            RecordBody::InformationItem(r) => r.giver = r.giver.and_then(&to),
            RecordBody::Question(r) => r.answered_by = r.answered_by.and_then(&to),
            RecordBody::Strength(_)
            | RecordBody::Dream(_)
            | RecordBody::DesignStatement(_)
            | RecordBody::Agreement(_)
            | RecordBody::Participant(_)
            | RecordBody::PlanItem(_)
            | RecordBody::Note(_)
            | RecordBody::ChangeGoal(_)
            | RecordBody::Topic(_) => {}
        }
    }

    /// The date something is due by, for agreements and plan items.
    pub fn due(&self) -> Option<Date> {
        self.commitment().and_then(|c| c.due)
    }

    /// Records a check-in on an agreement or plan item and makes its status the latest.
    /// Returns false (and changes nothing) for other kinds.
    pub fn check_in(&mut self, checkin: CheckIn) -> bool {
        let Some((status, checkins)) = self.commitment_mut() else {
            return false;
        };
        *status = checkin.status;
        checkins.push(checkin);
        true
    }

    /// An agreement's or plan item's status and check-ins, to change together.
    fn commitment_mut(&mut self) -> Option<(&mut Status, &mut Vec<CheckIn>)> {
        match self {
            RecordBody::Agreement(a) => Some((&mut a.status, &mut a.checkins)),
            RecordBody::PlanItem(p) => Some((&mut p.status, &mut p.checkins)),
            RecordBody::Strength(_)
            | RecordBody::Dream(_)
            | RecordBody::DesignStatement(_)
            | RecordBody::Participant(_)
            | RecordBody::InformationItem(_)
            | RecordBody::Question(_)
            | RecordBody::Note(_)
            | RecordBody::ChangeGoal(_)
            | RecordBody::Topic(_) => None,
        }
    }

    /// Replaces the latest check-in (its words reworded) and makes its status the latest.
    pub fn reword_last_check_in(&mut self, checkin: CheckIn) {
        let Some((status, checkins)) = self.commitment_mut() else {
            return;
        };
        if let Some(last) = checkins.last_mut() {
            *status = checkin.status;
            *last = checkin;
        }
    }

    /// The check-ins of an agreement or plan item.
    pub fn checkins(&self) -> &[CheckIn] {
        match self {
            RecordBody::Agreement(a) => &a.checkins,
            RecordBody::PlanItem(p) => &p.checkins,
            RecordBody::Strength(_)
            | RecordBody::Dream(_)
            | RecordBody::DesignStatement(_)
            | RecordBody::Participant(_)
            | RecordBody::InformationItem(_)
            | RecordBody::Question(_)
            | RecordBody::Note(_)
            | RecordBody::ChangeGoal(_)
            | RecordBody::Topic(_) => &[],
        }
    }

    /// The room's votes, for the kinds the room chooses among (dreams, design statements).
    pub fn votes(&self) -> Option<u32> {
        match self {
            RecordBody::Dream(d) => Some(d.votes),
            RecordBody::DesignStatement(d) => Some(d.votes),
            RecordBody::Strength(_)
            | RecordBody::Agreement(_)
            | RecordBody::Participant(_)
            | RecordBody::InformationItem(_)
            | RecordBody::Question(_)
            | RecordBody::PlanItem(_)
            | RecordBody::Note(_)
            | RecordBody::ChangeGoal(_)
            | RecordBody::Topic(_) => None,
        }
    }

    /// The room's votes, for changing; `None` for kinds the room does not vote on.
    pub fn votes_mut(&mut self) -> Option<&mut u32> {
        match self {
            RecordBody::Dream(d) => Some(&mut d.votes),
            RecordBody::DesignStatement(d) => Some(&mut d.votes),
            RecordBody::Strength(_)
            | RecordBody::Agreement(_)
            | RecordBody::Participant(_)
            | RecordBody::InformationItem(_)
            | RecordBody::Question(_)
            | RecordBody::PlanItem(_)
            | RecordBody::Note(_)
            | RecordBody::ChangeGoal(_)
            | RecordBody::Topic(_) => None,
        }
    }

    /// Where a commitment stands, for agreements and plan items.
    pub fn status(&self) -> Option<Status> {
        self.commitment().map(|c| c.status)
    }
}

#[cfg(test)]
mod tests {
    use super::Status;

    #[test]
    fn only_not_started_and_in_progress_still_need_doing() {
        let open: Vec<Status> = Status::ALL.into_iter().filter(|s| s.is_open()).collect();
        assert_eq!(open, [Status::NotStarted, Status::InProgress]);
    }
}
