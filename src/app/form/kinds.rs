//! The fields each kind of record asks for, and the record they make.

use super::{DUE_HINT, Form, Purpose, choice, date_text, text};
use crate::app::dates::parse_due;
use crate::model::{InfoKind, Invitation, Record, RecordBody, RecordKind, Side, StrengthKind};
use time::Date;

/// Where an agreement's and a plan item's due date sit in their forms (the third field).
pub(super) const DUE_FIELD: usize = 2;

/// The fields that name a person, which can be picked from the room's participants: an
/// agreement's owner; a plan item's who and who checks it.
pub(super) fn person_fields(kind: RecordKind) -> &'static [usize] {
    match kind {
        RecordKind::Agreement => &[1],
        RecordKind::PlanItem => &[1, 4],
        _ => &[],
    }
}

const STRENGTH_KINDS: &[&str] = &["personal", "practical", "people", "community"];
const SIDES: &[&str] = &["family", "friend", "community", "professional"];
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
const INFO_KINDS: &[&str] = &["strength", "worry", "bottom line", "resource on offer"];

impl Form {
    /// The same, for a workshop (`true`) or a conference: a workshop's participant is a
    /// person in the room, with an organisation and a sector.
    pub fn new_in(kind: RecordKind, existing: Option<&Record>, workshop: bool) -> Self {
        let body = existing.map_or_else(|| RecordBody::empty(kind), |r| r.body.clone());
        if let (true, RecordBody::Participant(p)) = (workshop, &body) {
            let fields = vec![
                text(
                    "Name",
                    &p.name,
                    false,
                    "A name, or how they like to be known",
                ),
                text(
                    "Organisation",
                    &p.organisation,
                    false,
                    "Where they come from",
                ),
                text(
                    "Sector",
                    p.sector.as_deref().unwrap_or(""),
                    false,
                    "housing, health, education, policing… or a sector of your own",
                ),
                text(
                    "Role",
                    &p.role,
                    false,
                    "What they do there: youth worker, head of year…",
                ),
                text("Phone", &p.phone, false, PHONE_HINT),
                text("Email", &p.email, false, EMAIL_HINT),
            ];
            let mut form = Self::custom(Purpose::Record, fields);
            form.kind = kind;
            form.editing = existing.map(|r| r.id);
            form.original = Some(body);
            form.workshop = true;
            return form;
        }
        let words = "In the speaker's own words";
        let fields = match &body {
            RecordBody::Strength(s) => vec![
                text("Strength", &s.text, true, words),
                choice(
                    "Kind",
                    STRENGTH_KINDS,
                    StrengthKind::ALL
                        .iter()
                        .position(|k| *k == s.kind)
                        .unwrap_or(0),
                ),
            ],
            RecordBody::Dream(d) => vec![text(
                "Dream",
                &d.text,
                true,
                "What might be? In the room's words",
            )],
            RecordBody::DesignStatement(d) => vec![text(
                "Design statement",
                &d.text,
                true,
                "A bold statement of what should be, in the present tense",
            )],
            RecordBody::Agreement(a) => vec![
                text("Action", &a.action, true, "What will be done"),
                text(
                    "Owner",
                    &a.owner,
                    false,
                    "Who will do it (Ctrl-p: someone in the room)",
                ),
                text("Due", &date_text(a.due), false, DUE_HINT),
            ],
            RecordBody::Participant(p) => vec![
                text("Name", &p.name, false, "First name or initials"),
                text(
                    "Relationship",
                    &p.relationship,
                    false,
                    "Relationship to the child",
                ),
                choice("Side", SIDES, side_index(p.side)),
                text(
                    "Role",
                    &p.role,
                    false,
                    "parent, carer, advocate, social worker…",
                ),
                choice("Invitation", INVITATIONS, invitation_index(&p.invitation)),
                text(
                    "Not invited because",
                    match &p.invitation {
                        Invitation::NotInvited(reason) => reason,
                        _ => "",
                    },
                    false,
                    "The reason, when not invited",
                ),
                text(
                    "Interpreter",
                    p.needs.interpreter.as_deref().unwrap_or(""),
                    false,
                    "The language, if one is needed",
                ),
                text(
                    "Access",
                    p.needs.access.as_deref().unwrap_or(""),
                    false,
                    "Access needs",
                ),
                text(
                    "Childcare",
                    p.needs.childcare.as_deref().unwrap_or(""),
                    false,
                    "Childcare needs",
                ),
                text(
                    "Safety",
                    p.needs.safety.as_deref().unwrap_or(""),
                    false,
                    "Safety arrangements",
                ),
                choice("Needs arranged", ARRANGED, usize::from(p.needs.arranged)),
                choice(
                    "Closeness",
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
                ),
                text(
                    "Outside it because",
                    p.outside_safe_network.as_deref().unwrap_or(""),
                    false,
                    "The reason, such as a court order or a bottom line",
                ),
                text("Phone", &p.phone, false, PHONE_HINT),
                text("Email", &p.email, false, EMAIL_HINT),
                choice("Family may call", MAY_CALL, usize::from(p.may_call)),
            ],
            RecordBody::InformationItem(i) => vec![
                text("Information", &i.text, true, words),
                choice("Kind", INFO_KINDS, info_index(i.kind)),
            ],
            RecordBody::Question(q) => vec![
                text("Question", &q.text, true, "The family's question"),
                text(
                    "Answer",
                    q.answer.as_deref().unwrap_or(""),
                    true,
                    "The answer, when it is given",
                ),
            ],
            RecordBody::PlanItem(p) => vec![
                text("What will happen", &p.text, true, "In the family's words"),
                text(
                    "Who",
                    &p.who,
                    false,
                    "Who does it (Ctrl-p: someone in the room)",
                ),
                text("By when", &date_text(p.by_when), false, DUE_HINT),
                text("Support", &p.support, false, "Support needed from services"),
                text(
                    "Checked by",
                    &p.checked_by,
                    false,
                    "Who checks it happens (Ctrl-p: someone in the room)",
                ),
            ],
            RecordBody::Note(n) => vec![text("Note", &n.text, true, words)],
            RecordBody::ChangeGoal(g) => vec![text(
                "Change goal",
                &g.text,
                true,
                "A change the partnership sets itself, starting from what is strong",
            )],
            RecordBody::Topic(t) => vec![text(
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
        if self.field_text(0).is_empty() {
            return Err((0, format!("Type the {} first.", self.kind.label())));
        }
        let date = |i: usize| parse_due(&self.field_text(i), today).map_err(|e| (i, e));
        let optional = |i: usize| Some(self.field_text(i)).filter(|t| !t.is_empty());
        let mut body = self
            .original
            .clone()
            .unwrap_or_else(|| RecordBody::empty(self.kind));
        match &mut body {
            RecordBody::Strength(s) => {
                s.text = self.field_text(0);
                s.kind = StrengthKind::ALL[self.field_choice(1).min(3)];
            }
            RecordBody::Dream(d) => {
                d.text = self.field_text(0);
                d.builds_on = self.links.clone();
            }
            RecordBody::DesignStatement(d) => {
                d.text = self.field_text(0);
                d.serves = self.links.clone();
            }
            RecordBody::Agreement(a) => {
                a.due = date(DUE_FIELD)?;
                a.action = self.field_text(0);
                a.owner = self.field_text(1);
                a.serves = self.links.clone();
            }
            RecordBody::Participant(p) if self.workshop => {
                p.name = self.field_text(0);
                p.organisation = self.field_text(1);
                p.sector = optional(2);
                p.role = self.field_text(3);
                p.phone = self.field_text(4);
                p.email = self.field_text(5);
            }
            RecordBody::Participant(p) => {
                p.name = self.field_text(0);
                p.relationship = self.field_text(1);
                p.side = [
                    Side::Family,
                    Side::Friend,
                    Side::Community,
                    Side::Professional,
                ][self.field_choice(2).min(3)];
                p.role = self.field_text(3);
                p.invitation = match self.field_choice(4) {
                    1 => Invitation::Invited,
                    2 => Invitation::Confirmed,
                    3 => Invitation::Declined,
                    4 => Invitation::NotInvited(self.field_text(5)),
                    _ => Invitation::Identified,
                };
                p.needs.interpreter = optional(6);
                p.needs.access = optional(7);
                p.needs.childcare = optional(8);
                p.needs.safety = optional(9);
                p.needs.arranged = self.field_choice(10) == 1;
                p.closeness = self
                    .field_choice(11)
                    .checked_sub(1)
                    .and_then(|i| crate::model::Closeness::ALL.get(i).copied());
                p.outside_safe_network = self.outside_safe_network()?;
                p.phone = self.field_text(14);
                p.email = self.field_text(15);
                p.may_call = self.field_choice(16) == 1;
            }
            RecordBody::InformationItem(i) => {
                i.text = self.field_text(0);
                i.giver = self.links.first().copied();
                i.kind = [
                    InfoKind::Strength,
                    InfoKind::Worry,
                    InfoKind::BottomLine,
                    InfoKind::Resource,
                ][self.field_choice(1).min(3)];
            }
            RecordBody::Question(q) => {
                q.text = self.field_text(0);
                q.answer = optional(1);
                q.answered_by = self.links.first().copied();
            }
            RecordBody::PlanItem(p) => {
                p.by_when = date(DUE_FIELD)?;
                p.text = self.field_text(0);
                p.who = self.field_text(1);
                p.support = self.field_text(3);
                p.checked_by = self.field_text(4);
            }
            RecordBody::Note(n) => n.text = self.field_text(0),
            RecordBody::ChangeGoal(g) => g.text = self.field_text(0),
            RecordBody::Topic(t) => t.text = self.field_text(0),
        }
        Ok(body)
    }
}

impl Form {
    /// A conference participant's place outside the child's safe network: the reason when
    /// marked so. A mark without a reason, or a reason without the mark, is asked about
    /// rather than guessed or dropped.
    fn outside_safe_network(&self) -> Result<Option<String>, (usize, String)> {
        let (outside, reason) = (self.field_choice(12) == 1, self.field_text(13));
        match (outside, reason.is_empty()) {
            (true, false) => Ok(Some(reason)),
            (false, true) => Ok(None),
            (true, true) => Err((
                13,
                "Say why they are not part of the child's safe network (a court order, a bottom line).".into(),
            )),
            (false, false) => Err((
                12,
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

fn side_index(side: Side) -> usize {
    match side {
        Side::Family => 0,
        Side::Friend => 1,
        Side::Community => 2,
        Side::Professional => 3,
    }
}

fn info_index(kind: InfoKind) -> usize {
    match kind {
        InfoKind::Strength => 0,
        InfoKind::Worry => 1,
        InfoKind::BottomLine => 2,
        InfoKind::Resource => 3,
    }
}
