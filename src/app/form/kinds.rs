//! The fields each kind of record asks for, and the record they make.

use super::{DUE_HINT, Form, Name, Purpose, choice, choice_of, date_text, text, text_of};
use crate::app::dates::parse_due;
use crate::describe::Field as F;
use crate::model::{InfoKind, Invitation, Record, RecordBody, RecordKind, Side, StrengthKind};
use time::Date;

/// The main words' field, known by name.
fn words(label: &'static str, value: &str, multiline: bool, placeholder: &str) -> super::Field {
    text(label, value, multiline, placeholder).named(Name::Words)
}

/// The labels of a list of choices, in the list's order.
fn labels<T: Copy, const N: usize>(all: [T; N], label: fn(T) -> &'static str) -> Vec<&'static str> {
    all.into_iter().map(label).collect()
}

/// Where `value` is in `all` (the first when it is not).
fn index_in<T: PartialEq>(all: &[T], value: &T) -> usize {
    all.iter().position(|x| x == value).unwrap_or(0)
}

const STRENGTH_KINDS: &[&str] = &["personal", "practical", "people", "community"];
const INVITATIONS: &[&str] = &[
    "identified",
    "invited",
    "confirmed",
    "declined",
    "not invited",
];
const ARRANGED: &[&str] = &["not yet", "yes, all in place"];
const CLOSENESS: &[&str] = &["not placed yet", "close", "around", "further out"];
const SAFE_NETWORK: &[&str] = &["part of it", "not part of it"];
const MAY_CALL: &[&str] = &["not asked, or no", "yes, they agreed"];
const PHONE_HINT: &str = "Private: never in a calendar; optional";
const EMAIL_HINT: &str = "Private: never in a calendar; optional";

impl Form {
    /// The same, for a workshop (`true`) or a conference: a workshop's participant is a
    /// person in the room, with an organisation and a sector.
    pub fn new_in(kind: RecordKind, existing: Option<&Record>, workshop: bool) -> Self {
        let body = existing.map_or_else(|| RecordBody::empty(kind), |r| r.body.clone());
        if let (true, RecordBody::Participant(p)) = (workshop, &body) {
            let fields = vec![
                words(
                    "Name",
                    &p.name,
                    false,
                    "A name, or how they like to be known",
                ),
                text_of(
                    F::Organisation,
                    &p.organisation,
                    false,
                    "Where they come from",
                ),
                text_of(
                    F::Sector,
                    p.sector.as_deref().unwrap_or(""),
                    false,
                    "housing, health, education, policing… or a sector of your own",
                ),
                text_of(
                    F::Role,
                    &p.role,
                    false,
                    "What they do there: youth worker, head of year…",
                ),
                text_of(F::Phone, &p.phone, false, PHONE_HINT),
                text_of(F::Email, &p.email, false, EMAIL_HINT),
            ];
            let mut form = Self::custom(Purpose::Record, fields);
            form.kind = kind;
            form.editing = existing.map(|r| r.id);
            form.original = Some(body);
            form.workshop = true;
            return form;
        }
        let in_own_words = "In the speaker's own words";
        let fields = match &body {
            RecordBody::Strength(s) => vec![
                words("Strength", &s.text, true, in_own_words),
                choice_of(
                    F::StrengthKind,
                    STRENGTH_KINDS,
                    index_in(&StrengthKind::ALL, &s.kind),
                ),
            ],
            RecordBody::Dream(d) => vec![words(
                "Dream",
                &d.text,
                true,
                "What might be? In the room's words",
            )],
            RecordBody::DesignStatement(d) => vec![words(
                "Design statement",
                &d.text,
                true,
                "A bold statement of what should be, in the present tense",
            )],
            RecordBody::Agreement(a) => vec![
                words("Action", &a.action, true, "What will be done"),
                text_of(
                    F::Owner,
                    &a.owner,
                    false,
                    "Who will do it (Ctrl-p: someone in the room)",
                ),
                text_of(F::Due, &date_text(a.due), false, DUE_HINT),
            ],
            RecordBody::Participant(p) => vec![
                words("Name", &p.name, false, "First name or initials"),
                text_of(
                    F::Relationship,
                    &p.relationship,
                    false,
                    "Relationship to the child",
                ),
                choice_of(
                    F::Side,
                    &labels(Side::ALL, Side::label),
                    index_in(&Side::ALL, &p.side),
                ),
                text_of(
                    F::Role,
                    &p.role,
                    false,
                    "parent, carer, advocate, social worker…",
                ),
                choice_of(F::Invitation, INVITATIONS, invitation_index(&p.invitation)),
                text_of(
                    F::NotInvitedBecause,
                    match &p.invitation {
                        Invitation::NotInvited(reason) => reason,
                        _ => "",
                    },
                    false,
                    "The reason, when not invited",
                ),
                text_of(
                    F::Interpreter,
                    p.needs.interpreter.as_deref().unwrap_or(""),
                    false,
                    "The language, if one is needed",
                ),
                text_of(
                    F::Access,
                    p.needs.access.as_deref().unwrap_or(""),
                    false,
                    "Access needs",
                ),
                text_of(
                    F::Childcare,
                    p.needs.childcare.as_deref().unwrap_or(""),
                    false,
                    "Childcare needs",
                ),
                text_of(
                    F::Safety,
                    p.needs.safety.as_deref().unwrap_or(""),
                    false,
                    "Safety arrangements",
                ),
                choice_of(F::NeedsArranged, ARRANGED, usize::from(p.needs.arranged)),
                choice_of(
                    F::Closeness,
                    CLOSENESS,
                    p.closeness.map_or(0, |c| {
                        1 + crate::model::Closeness::ALL
                            .iter()
                            .position(|x| *x == c)
                            .unwrap_or(0)
                    }),
                ),
                choice(
                    "Safe network",
                    SAFE_NETWORK,
                    usize::from(!p.in_safe_network()),
                )
                .named(Name::InSafeNetwork),
                text(
                    "Outside it because",
                    p.outside_safe_network.as_deref().unwrap_or(""),
                    false,
                    "The reason, such as a court order or a bottom line",
                )
                .named(Name::Of(F::OutsideSafeNetwork)),
                text_of(F::Phone, &p.phone, false, PHONE_HINT),
                text_of(F::Email, &p.email, false, EMAIL_HINT),
                choice("Family may call", MAY_CALL, usize::from(p.may_call))
                    .named(Name::Of(F::MayCall)),
                text_of(
                    F::Organisation,
                    &p.organisation,
                    false,
                    "Where a professional works (optional)",
                ),
            ],
            RecordBody::InformationItem(i) => vec![
                words("Information", &i.text, true, in_own_words),
                choice(
                    "Kind",
                    &labels(InfoKind::ALL, InfoKind::label),
                    index_in(&InfoKind::ALL, &i.kind),
                )
                .named(Name::Of(F::InfoType)),
            ],
            RecordBody::Question(q) => vec![
                words("Question", &q.text, true, "The family's question"),
                text_of(
                    F::Answer,
                    q.answer.as_deref().unwrap_or(""),
                    true,
                    "The answer, when it is given",
                ),
            ],
            RecordBody::PlanItem(p) => vec![
                words("What will happen", &p.text, true, "In the family's words"),
                text_of(
                    F::Who,
                    &p.who,
                    false,
                    "Who does it (Ctrl-p: someone in the room)",
                ),
                text_of(F::Due, &date_text(p.by_when), false, DUE_HINT),
                text_of(
                    F::Support,
                    &p.support,
                    false,
                    "Support needed from services",
                ),
                text_of(
                    F::CheckedBy,
                    &p.checked_by,
                    false,
                    "Who checks it happens (Ctrl-p: someone in the room)",
                ),
            ],
            RecordBody::Note(n) => vec![words("Note", &n.text, true, in_own_words)],
            RecordBody::ChangeGoal(g) => vec![words(
                "Change goal",
                &g.text,
                true,
                "A change the partnership sets itself, starting from what is strong",
            )],
            RecordBody::Topic(t) => vec![words(
                "Affirmative topic",
                &t.text,
                true,
                "What the partnership wants to grow, phrased towards it",
            )],
        };
        let typed_at_start = fields.iter().map(|f| f.input.snapshot()).collect();
        Self {
            purpose: Purpose::Record,
            workshop: false,
            suggestion: None,
            known_sectors: Vec::new(),
            kept: Vec::new(),
            taken: Vec::new(),
            kind,
            editing: existing.map(|r| r.id),
            links: body.links(),
            fields,
            focus: 0,
            error: None,
            confirm_discard: false,
            asking_past_date: false,
            asking_kept_apart: None,
            kept_apart_kept: Vec::new(),
            past_date_kept: None,
            picker: None,
            picking_person: None,
            original: existing.map(|r| r.body.clone()),
            typed_at_start,
        }
    }

    /// The record the form describes, or the field to fix and why. The typed text is kept
    /// either way.
    pub fn build(&self, today: Date) -> Result<RecordBody, (usize, String)> {
        let first = self.at(Name::Words).unwrap_or(0);
        let text = |name: Name| self.text_of(name);
        let of = |field: F| self.text_of(Name::Of(field));
        let chosen = |field: F| self.choice_of(Name::Of(field));
        if text(Name::Words).is_empty() {
            return Err((first, format!("Type the {} first.", self.kind.label())));
        }
        let due = || {
            let at = self.at(Name::Of(F::Due)).unwrap_or(first);
            parse_due(&of(F::Due), today).map_err(|e| (at, e))
        };
        let optional = |field: F| Some(of(field)).filter(|t| !t.is_empty());
        let mut body = self
            .original
            .clone()
            .unwrap_or_else(|| RecordBody::empty(self.kind));
        let words = text(Name::Words);
        match &mut body {
            RecordBody::Strength(s) => {
                s.text = words;
                s.kind = StrengthKind::ALL[chosen(F::StrengthKind).min(3)];
            }
            RecordBody::Dream(d) => {
                d.text = words;
                d.builds_on = self.links.clone();
            }
            RecordBody::DesignStatement(d) => {
                d.text = words;
                d.serves = self.links.clone();
            }
            RecordBody::Agreement(a) => {
                a.due = due()?;
                a.action = words;
                a.owner = of(F::Owner);
                a.serves = self.links.clone();
            }
            RecordBody::Participant(p) if self.workshop => {
                p.name = words;
                p.organisation = of(F::Organisation);
                p.sector = optional(F::Sector);
                p.role = of(F::Role);
                p.phone = of(F::Phone);
                p.email = of(F::Email);
            }
            RecordBody::Participant(p) => {
                p.name = words;
                p.relationship = of(F::Relationship);
                p.side = Side::ALL[chosen(F::Side).min(Side::ALL.len() - 1)];
                p.role = of(F::Role);
                p.invitation = match chosen(F::Invitation) {
                    1 => Invitation::Invited,
                    2 => Invitation::Confirmed,
                    3 => Invitation::Declined,
                    4 => Invitation::NotInvited(of(F::NotInvitedBecause)),
                    _ => Invitation::Identified,
                };
                p.needs.interpreter = optional(F::Interpreter);
                p.needs.access = optional(F::Access);
                p.needs.childcare = optional(F::Childcare);
                p.needs.safety = optional(F::Safety);
                p.needs.arranged = chosen(F::NeedsArranged) == 1;
                p.closeness = chosen(F::Closeness)
                    .checked_sub(1)
                    .and_then(|i| crate::model::Closeness::ALL.get(i).copied());
                p.outside_safe_network = self.outside_safe_network()?;
                p.phone = of(F::Phone);
                p.email = of(F::Email);
                p.may_call = chosen(F::MayCall) == 1;
                p.organisation = of(F::Organisation);
            }
            RecordBody::InformationItem(i) => {
                i.text = words;
                i.giver = self.links.first().copied();
                i.kind = InfoKind::ALL[chosen(F::InfoType).min(InfoKind::ALL.len() - 1)];
            }
            RecordBody::Question(q) => {
                q.text = words;
                q.answer = optional(F::Answer);
                q.answered_by = self.links.first().copied();
            }
            RecordBody::PlanItem(p) => {
                p.by_when = due()?;
                p.text = words;
                p.who = of(F::Who);
                p.support = of(F::Support);
                p.checked_by = of(F::CheckedBy);
            }
            RecordBody::Note(n) => n.text = words,
            RecordBody::ChangeGoal(g) => g.text = words,
            RecordBody::Topic(t) => t.text = words,
        }
        Ok(body)
    }
}

impl Form {
    /// A conference participant's place outside the child's safe network: the reason when
    /// marked so. A mark without a reason, or a reason without the mark, is asked about
    /// rather than guessed or dropped.
    fn outside_safe_network(&self) -> Result<Option<String>, (usize, String)> {
        let reason_name = Name::Of(F::OutsideSafeNetwork);
        let outside = self.choice_of(Name::InSafeNetwork) == 1;
        let reason = self.text_of(reason_name);
        let (mark_at, reason_at) = (
            self.at(Name::InSafeNetwork).unwrap_or(0),
            self.at(reason_name).unwrap_or(0),
        );
        match (outside, reason.is_empty()) {
            (true, false) => Ok(Some(reason)),
            (false, true) => Ok(None),
            (true, true) => Err((
                reason_at,
                "Say why they are not part of the child's safe network (a court order, a bottom line).".into(),
            )),
            (false, false) => Err((
                mark_at,
                "A reason is written: choose 2 (not part of it), or clear the reason.".into(),
            )),
        }
    }
}

fn invitation_index(invitation: &Invitation) -> usize {
    match invitation {
        Invitation::Identified => 0,
        Invitation::Invited => 1,
        Invitation::Confirmed => 2,
        Invitation::Declined => 3,
        Invitation::NotInvited(_) => 4,
    }
}
