//! The record form: the fields each kind of record asks for, and turning them into a record.

mod kinds;

use super::keys::{Binding, key, resolve, special};
use super::picker::LinkPicker;
use crate::model::{Record, RecordBody, RecordId, RecordKind};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::{TextArea, WrapMode};
use std::borrow::Cow;
use time::Date;

/// One field of the form.
#[derive(Debug)]
pub struct Field {
    pub label: Cow<'static, str>,
    pub input: Input,
    /// What the field holds, by which the form reads it back (never by its place).
    pub name: Option<Name>,
}

/// What a field of a record's form holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Name {
    /// The record's main words (its text, action or name).
    Words,
    /// A field the description knows, labelled as the description labels it.
    Of(crate::describe::Field),
    /// A conference participant's place in the child's safe network (its reason is
    /// [`crate::describe::Field::OutsideSafeNetwork`]).
    InSafeNetwork,
}

impl Field {
    /// The same field, known by `name`.
    pub fn named(mut self, name: Name) -> Self {
        self.name = Some(name);
        self
    }
}

/// A text field for one of the description's fields, with the description's label.
pub fn text_of(
    field: crate::describe::Field,
    value: &str,
    multiline: bool,
    placeholder: &str,
) -> Field {
    let mut made = text("", value, multiline, placeholder).named(Name::Of(field));
    made.label = Cow::Owned(capitalised(field.label()));
    made
}

/// A choice for one of the description's fields, with the description's label.
pub fn choice_of(field: crate::describe::Field, options: &[&str], selected: usize) -> Field {
    let mut made = choice("", options, selected).named(Name::Of(field));
    made.label = Cow::Owned(capitalised(field.label()));
    made
}

/// The words with their first letter in capitals ("Support from services").
fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// How a field takes input.
#[derive(Debug)]
pub enum Input {
    /// Free text; multi-line fields take Alt-Enter for a new line.
    Text {
        area: Box<TextArea<'static>>,
        multiline: bool,
    },
    /// One of a few options, chosen with 1–n or ←/→.
    Choice {
        options: Vec<String>,
        selected: usize,
    },
}

impl Input {
    /// The text typed, lines joined with newlines (empty for a choice).
    pub fn text(&self) -> String {
        match self {
            Input::Text { area, .. } => area.lines().join("\n").trim().to_owned(),
            Input::Choice { .. } => String::new(),
        }
    }

    /// The field's value as text, choices included, to notice changes.
    fn snapshot(&self) -> String {
        match self {
            Input::Choice { selected, .. } => selected.to_string(),
            text => text.text(),
        }
    }
}

/// What the form wants after a key.
#[derive(Debug, PartialEq, Eq)]
pub enum FormOutcome {
    Continue,
    Save,
    Cancel,
    /// Open the pick list of what the record builds on.
    Link,
    /// Open the pick list of the room's participants, for who does it.
    People,
}

/// A record being added or edited.
#[derive(Debug)]
pub struct Form {
    pub kind: RecordKind,
    /// The record being edited, or `None` for a new one.
    pub editing: Option<RecordId>,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// What the record builds on (dreams, designs, agreements).
    pub links: Vec<RecordId>,
    /// A message about the field in focus (a date that could not be read).
    pub error: Option<String>,
    /// Set while asking whether to throw away what was typed.
    pub confirm_discard: bool,
    /// Set while asking whether to keep a due date that has passed.
    pub asking_past_date: bool,
    /// A passed due date (as typed) the facilitator chose to keep: not asked about again.
    past_date_kept: Option<String>,
    /// Set while asking whether to keep someone kept apart from the plan (outside the
    /// child's safe network, not invited) as who: the field, and the question in words.
    pub asking_kept_apart: Option<(usize, String)>,
    /// The names (as typed, by field) the facilitator chose to keep after being asked.
    kept_apart_kept: Vec<(usize, String)>,
    /// The pick list of what this record builds on (or of the people in the room), while open.
    pub picker: Option<LinkPicker>,
    /// The field the open pick list fills with a person's name, when it lists people.
    pub picking_person: Option<usize>,
    /// What the form fills in: a record, or a part of the conference.
    pub purpose: Purpose,
    /// A workshop's form (a participant is a person in the room).
    pub workshop: bool,
    /// The sectors known when the form opened (the map's and those already named), offered
    /// as a participant's sector is typed.
    pub known_sectors: Vec<String>,
    /// The lens's suggestion being offered before saving: the field, and the phrase.
    pub suggestion: Option<(usize, crate::lens::Suggestion)>,
    /// Phrases the facilitator chose to keep, by field, so they are not offered again.
    pub kept: Vec<(usize, String)>,
    /// Every text field as it stood before each suggestion was taken (`y` or `e`), oldest
    /// first, so saving makes each one its own undoable change after the words as said.
    taken: Vec<Vec<String>>,
    /// The record as it was, so fields the form does not show are kept.
    original: Option<RecordBody>,
    typed_at_start: Vec<String>,
}

/// What a form fills in when it is saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A record of the form's kind (new, or the one being edited).
    Record,
    /// The conference's key facts.
    Facts,
    /// The plan's contingency, the decision and the review date.
    Outcome,
    /// A review: ratings, then the next review or closing.
    Review,
    /// A check-in on an agreement or plan item.
    CheckIn(RecordId),
    /// Closing the conference: the date and the reason.
    Close,
}

/// What a key asks of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKey {
    Save,
    NewLine,
    NextField,
    PrevField,
    Link,
    People,
    Close,
}

/// The form's keys: its footer and `?` read this table too.
pub const KEYS: &[Binding<FormKey>] = &[
    special(KeyCode::Enter, FormKey::Save, "Enter", "save", Some("save")),
    special(
        KeyCode::Enter,
        FormKey::NewLine,
        "Alt-Enter",
        "a new line (Shift-Enter too)",
        Some("new line"),
    )
    .with_alt(),
    special(
        KeyCode::Tab,
        FormKey::NextField,
        "Tab",
        "next field (on a sector: takes the known one offered)",
        Some("next field"),
    ),
    special(
        KeyCode::BackTab,
        FormKey::PrevField,
        "Shift-Tab",
        "previous field",
        None,
    ),
    key(
        'l',
        FormKey::Link,
        "Ctrl-l",
        "link to what it builds on",
        Some("link"),
    )
    .with_ctrl(),
    key(
        'p',
        FormKey::People,
        "Ctrl-p",
        "pick who does it from the room's participants",
        None,
    )
    .with_ctrl(),
    special(
        KeyCode::Esc,
        FormKey::Close,
        "Esc",
        "close (asks if you typed)",
        Some("close"),
    ),
];

/// What a key asks of a choice field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChoiceKey {
    Nth(usize),
    Previous,
    Next,
}

/// The keys of a choice field (the focused field, when it is a choice).
pub const CHOICE_KEYS: &[Binding<ChoiceKey>] = &[
    key('1', ChoiceKey::Nth(0), "1-9", "choose by number", None),
    key('2', ChoiceKey::Nth(1), "1-9", "choose by number", None),
    key('3', ChoiceKey::Nth(2), "1-9", "choose by number", None),
    key('4', ChoiceKey::Nth(3), "1-9", "choose by number", None),
    key('5', ChoiceKey::Nth(4), "1-9", "choose by number", None),
    key('6', ChoiceKey::Nth(5), "1-9", "choose by number", None),
    key('7', ChoiceKey::Nth(6), "1-9", "choose by number", None),
    key('8', ChoiceKey::Nth(7), "1-9", "choose by number", None),
    key('9', ChoiceKey::Nth(8), "1-9", "choose by number", None),
    special(
        KeyCode::Left,
        ChoiceKey::Previous,
        "←/→",
        "the previous or next choice",
        None,
    ),
    special(
        KeyCode::Right,
        ChoiceKey::Next,
        "←/→",
        "the previous or next choice",
        None,
    ),
    key(' ', ChoiceKey::Next, "Space", "the next choice", None),
];

/// A fresh editor holding `value`, the cursor at its end. Its placeholder is dim rather
/// than coloured, so it reads in every theme and without colour.
pub fn input(value: &str) -> TextArea<'static> {
    let mut area = if value.is_empty() {
        TextArea::default()
    } else {
        TextArea::new(value.lines().map(str::to_owned).collect())
    };
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(ratatui::style::Style::default());
    area.set_placeholder_style(
        ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::DIM),
    );
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

/// A text field.
pub fn text(label: &'static str, value: &str, multiline: bool, placeholder: &str) -> Field {
    let mut area = input(value);
    area.set_placeholder_text(placeholder);
    Field {
        label: Cow::Borrowed(label),
        input: Input::Text {
            area: Box::new(area),
            multiline,
        },
        name: None,
    }
}

/// A choice among a few options.
pub fn choice(label: &'static str, options: &[&str], selected: usize) -> Field {
    let options = options.iter().map(|o| (*o).to_owned()).collect();
    Field {
        label: Cow::Borrowed(label),
        input: Input::Choice { options, selected },
        name: None,
    }
}

/// A choice of one of a list kept as data, or none ("not said yet"). A value no longer in
/// the list is offered too, so opening and saving the form never loses it.
pub fn choice_from(label: &'static str, list: &[String], current: Option<&str>) -> Field {
    let mut options = vec!["not said yet".to_owned()];
    options.extend(list.iter().cloned());
    if let Some(current) = current.filter(|c| !list.iter().any(|o| o == c)) {
        options.push(current.to_owned());
    }
    let selected = current.map_or(0, |c| options.iter().rposition(|o| o == c).unwrap_or(0));
    Field {
        label: Cow::Borrowed(label),
        input: Input::Choice { options, selected },
        name: None,
    }
}

/// A date as a form shows it (empty when there is none).
pub fn date_text(date: Option<Date>) -> String {
    date.map(crate::model::timefmt::format_date)
        .unwrap_or_default()
}

pub const DUE_HINT: &str = "YYYY-MM-DD, +3d, +2w or +1m (optional)";

impl Form {
    /// A form for a new record of this kind, or for editing `existing`.
    pub fn new(kind: RecordKind, existing: Option<&Record>) -> Self {
        Self::new_in(kind, existing, false)
    }

    /// A form over any fields, for the parts of a conference.
    pub fn custom(purpose: Purpose, fields: Vec<Field>) -> Self {
        let typed_at_start = fields.iter().map(|f| f.input.snapshot()).collect();
        Self {
            kind: RecordKind::Note,
            editing: None,
            links: Vec::new(),
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
            purpose,
            workshop: false,
            suggestion: None,
            known_sectors: Vec::new(),
            kept: Vec::new(),
            taken: Vec::new(),
            original: None,
            typed_at_start,
        }
    }

    /// Whether anything was typed or changed since the form opened.
    pub fn has_changes(&self) -> bool {
        let now: Vec<String> = self.fields.iter().map(|f| f.input.snapshot()).collect();
        now != self.typed_at_start
    }

    /// Whether the form offers a key of its table now: Tab only with more than one field,
    /// Ctrl-l only for a record that links to others. The footer shows the same ones.
    pub fn offers(&self, key: FormKey) -> bool {
        match key {
            FormKey::NextField | FormKey::PrevField => self.fields.len() > 1,
            FormKey::Link => {
                self.purpose == Purpose::Record && crate::model::link_target(self.kind).is_some()
            }
            FormKey::People => self.purpose == Purpose::Record && !self.person_fields().is_empty(),
            FormKey::Save | FormKey::NewLine | FormKey::Close => true,
        }
    }

    /// Answers a key through the form's table ([`KEYS`]); a key it does not list goes to the
    /// focused field: typed into text, or through [`CHOICE_KEYS`] in a choice.
    pub fn handle_key(&mut self, key: KeyEvent) -> FormOutcome {
        if self.asking_past_date {
            self.asking_past_date = false;
            let due = self.at(Name::Of(crate::describe::Field::Due)).unwrap_or(0);
            return match key.code {
                KeyCode::Char('y') => {
                    self.past_date_kept = Some(self.field_text(due));
                    FormOutcome::Save
                }
                _ => {
                    self.focus = due;
                    FormOutcome::Continue
                }
            };
        }
        if let Some((field, _)) = self.asking_kept_apart.take() {
            return match key.code {
                KeyCode::Char('y') => {
                    self.kept_apart_kept.push((field, self.field_text(field)));
                    FormOutcome::Save
                }
                _ => {
                    self.focus = field;
                    FormOutcome::Continue
                }
            };
        }
        if self.confirm_discard {
            return match key.code {
                KeyCode::Char('y') => FormOutcome::Cancel,
                _ => {
                    self.confirm_discard = false;
                    FormOutcome::Continue
                }
            };
        }
        if let Some(answer) = resolve(KEYS, key) {
            if !self.offers(answer) {
                return FormOutcome::Continue;
            }
            return match answer {
                FormKey::Close if self.has_changes() => {
                    self.confirm_discard = true;
                    FormOutcome::Continue
                }
                FormKey::Close => FormOutcome::Cancel,
                FormKey::NewLine => {
                    if let Some(Input::Text {
                        area,
                        multiline: true,
                    }) = self.fields.get_mut(self.focus).map(|f| &mut f.input)
                    {
                        area.insert_newline();
                    }
                    FormOutcome::Continue
                }
                FormKey::Save => FormOutcome::Save,
                FormKey::NextField => {
                    // On a sector being typed, Tab takes the known one offered first.
                    if let Some(known) = self.sector_offer().map(str::to_owned) {
                        self.set_text(self.focus, &known);
                    }
                    self.focus = (self.focus + 1) % self.fields.len();
                    FormOutcome::Continue
                }
                FormKey::PrevField => {
                    self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
                    FormOutcome::Continue
                }
                FormKey::Link => FormOutcome::Link,
                FormKey::People => FormOutcome::People,
            };
        }
        self.error = None;
        match self.fields.get_mut(self.focus).map(|f| &mut f.input) {
            Some(Input::Text { area, .. }) => {
                area.input(key);
            }
            Some(Input::Choice { options, selected }) => match resolve(CHOICE_KEYS, key) {
                Some(ChoiceKey::Nth(i)) if i < options.len() => *selected = i,
                Some(ChoiceKey::Previous) => {
                    *selected = (*selected + options.len() - 1) % options.len()
                }
                Some(ChoiceKey::Next) => *selected = (*selected + 1) % options.len(),
                Some(ChoiceKey::Nth(_)) | None => {}
            },
            None => {}
        }
        FormOutcome::Continue
    }

    /// Whether saving should first ask about the due date: one typed in this form (not the
    /// date the record already had) that is before `today`, and not already kept.
    pub fn asks_about_passed_date(&self, today: Date) -> bool {
        if self.purpose != Purpose::Record {
            return false;
        }
        let Some(due) = self.at(Name::Of(crate::describe::Field::Due)) else {
            return false;
        };
        let typed = self.field_text(due);
        if self.typed_at_start.get(due) == Some(&typed)
            || self.past_date_kept.as_ref() == Some(&typed)
        {
            return false;
        }
        matches!(super::dates::parse_due(&typed, today), Ok(Some(date)) if date < today)
    }

    /// The question to ask before saving, when a field naming who (who does it, who checks
    /// it) names someone kept apart from the plan, unless already kept in this form: the
    /// field, and the question naming why and the plan's bottom line.
    pub fn kept_apart_question(&self, session: &crate::model::Session) -> Option<(usize, String)> {
        if self.purpose != Purpose::Record {
            return None;
        }
        self.person_fields().into_iter().find_map(|field| {
            let typed = self.field_text(field);
            if self.kept_apart_kept.contains(&(field, typed.clone())) {
                return None;
            }
            let (person, why) = session.kept_apart_in(&typed).into_iter().next()?;
            let name = crate::text::clean_line(&person.name);
            let role = self.fields.get(field).map_or("who", |f| &f.label);
            let mut words = format!("{name} is outside the child's safe network for this plan");
            let why = crate::text::clean_line(&why);
            if !why.is_empty() {
                words.push_str(&format!(": {why}"));
            }
            words.push('.');
            let bottom = session
                .conference
                .as_ref()
                .map(|c| crate::text::clean_line(&c.bottom_lines))
                .filter(|b| !b.is_empty());
            if let Some(bottom) = bottom {
                words.push_str(&format!(" The plan keeps in place: {bottom}"));
                if !words.ends_with(['.', '!', '?']) {
                    words.push('.');
                }
            }
            words.push_str(&format!(
                " Someone the child can count on could take this on instead. Keep {name} in “{}”? y keeps {name}, any other key goes back to choose someone else.",
                role.split(" (").next().unwrap_or(role)
            ));
            Some((field, words))
        })
    }

    /// The next phrase the lens would offer an alternative for, skipping kept ones.
    pub fn next_suggestion(
        &self,
        lens: &crate::lens::Lens,
    ) -> Option<(usize, crate::lens::Suggestion)> {
        self.fields.iter().enumerate().find_map(|(i, field)| {
            let Input::Text { .. } = field.input else {
                return None;
            };
            let text = field.input.text();
            lens.check(&text)
                .into_iter()
                .find(|s| !self.kept.contains(&(i, s.found.to_lowercase())))
                .map(|s| (i, s))
        })
    }

    /// Takes the offered alternative as it stands: only the phrase changes, in that field.
    /// A question (no alternative) is not taken this way: `e` edits, `k` keeps.
    pub fn accept_suggestion(&mut self) {
        let Some((i, suggestion)) = self.suggestion.take() else {
            return;
        };
        if suggestion.alternative.is_none() {
            self.suggestion = Some((i, suggestion));
            return;
        }
        self.taken.push(self.texts());
        let changed = crate::lens::accept(&self.field_text(i), &suggestion);
        self.set_text(i, &changed);
    }

    /// Puts the sentence as it would read into the editor to adjust, and returns to
    /// editing that field; the phrase is not offered again.
    pub fn edit_suggestion(&mut self) {
        let Some((i, suggestion)) = self.suggestion.take() else {
            return;
        };
        self.taken.push(self.texts());
        let changed = crate::lens::accept(&self.field_text(i), &suggestion);
        self.set_text(i, &changed);
        self.kept.push((i, suggestion.found.to_lowercase()));
        self.focus = i;
    }

    /// The sentence holding the offered phrase, as it would read with the suggestion taken.
    pub fn preview(&self) -> Option<String> {
        let (i, suggestion) = self.suggestion.as_ref()?;
        Some(crate::lens::sentence_taken(
            &self.field_text(*i),
            suggestion,
        ))
    }

    /// Keeps the speaker's words for the offered phrase.
    pub fn keep_suggestion(&mut self) {
        if let Some((i, suggestion)) = self.suggestion.take() {
            self.kept.push((i, suggestion.found.to_lowercase()));
        }
    }

    /// The record at each undoable step: first the words as said, then after each
    /// suggestion taken, last as the form stands now (steps that change nothing are left
    /// out). The form's fields end up as they were before the first suggestion, so call
    /// this only when saving.
    pub fn versions(&mut self, today: Date) -> Result<Vec<RecordBody>, (usize, String)> {
        self.versions_of(|form| form.build(today))
    }

    /// The same for whatever the form fills in: `build` makes it from the form as it stands.
    pub fn versions_of<T: PartialEq>(
        &mut self,
        build: impl Fn(&Form) -> Result<T, (usize, String)>,
    ) -> Result<Vec<T>, (usize, String)> {
        let last = build(self)?;
        let mut versions = Vec::new();
        for texts in std::mem::take(&mut self.taken) {
            for (i, text) in texts.iter().enumerate() {
                if matches!(self.fields[i].input, Input::Text { .. }) {
                    self.set_text(i, text);
                }
            }
            // An earlier step that would not build (a date since mended) is folded into the next.
            if let Ok(body) = build(self) {
                versions.push(body);
            }
        }
        versions.push(last);
        versions.dedup();
        Ok(versions)
    }

    /// The known sectors that what is typed in the sector field (in focus) could be: each
    /// with a word starting with every word typed, whatever the case.
    pub fn sector_matches(&self) -> Vec<&str> {
        let Some(at) = self.at(Name::Of(crate::describe::Field::Sector)) else {
            return Vec::new();
        };
        if at != self.focus {
            return Vec::new();
        }
        let typed = self.fields[at].input.text().trim().to_lowercase();
        if typed.is_empty() {
            return Vec::new();
        }
        self.known_sectors
            .iter()
            .map(String::as_str)
            .filter(|known| {
                let known = known.to_lowercase();
                typed.split_whitespace().all(|word| {
                    known
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w.starts_with(word))
                })
            })
            .collect()
    }

    /// The known sector Tab takes: the first that matches, unless it is what is typed.
    pub fn sector_offer(&self) -> Option<&str> {
        let typed = self.fields.get(self.focus)?.input.text();
        self.sector_matches()
            .into_iter()
            .next()
            .filter(|known| !known.eq_ignore_ascii_case(typed.trim()))
    }

    /// Every field's text (empty for a choice).
    fn texts(&self) -> Vec<String> {
        self.fields.iter().map(|f| f.input.text()).collect()
    }

    /// Replaces the text of field `i`, keeping its placeholder.
    fn set_text(&mut self, i: usize, text: &str) {
        if let Some(Input::Text { area, .. }) = self.fields.get_mut(i).map(|f| &mut f.input) {
            let placeholder = area.placeholder_text().to_owned();
            let mut fresh = input(text);
            fresh.set_placeholder_text(placeholder);
            **area = fresh;
        }
    }

    /// The field a pick of a person fills: the one in focus if it names a person (who
    /// does it, who checks it), else the first that does.
    pub fn person_field(&self) -> Option<usize> {
        let fields = self.person_fields();
        fields
            .iter()
            .find(|&&f| f == self.focus)
            .or(fields.first())
            .copied()
    }

    /// Takes what the open pick list chose: a person's name into the field it fills, or
    /// else the records it builds on. The name replaces an empty field or another
    /// participant's name; other words typed there are kept, the name after them.
    pub fn take_picked(&mut self) {
        let Some(picker) = self.picker.take() else {
            return;
        };
        match self.picking_person.take() {
            Some(field) => {
                if let Some(name) = picker.chosen_words().first() {
                    let typed = self.field_text(field);
                    let replaced = typed.is_empty()
                        || picker
                            .candidates
                            .iter()
                            .any(|(_, n)| n.to_lowercase() == typed.to_lowercase());
                    let words = if replaced {
                        name.clone()
                    } else {
                        format!("{typed}, {name}")
                    };
                    self.set_text(field, &words);
                }
                self.focus = field;
            }
            None => self.links = picker.chosen_in_order(),
        }
    }

    /// Closes the open pick list, keeping the form as it was.
    pub fn close_picker(&mut self) {
        self.picker = None;
        self.picking_person = None;
    }

    /// Pasted text goes into the focused text field, its lines kept in a multi-line field
    /// and joined with spaces in a one-line field.
    pub fn paste(&mut self, pasted: &str) {
        if let Some(Input::Text { area, multiline }) =
            self.fields.get_mut(self.focus).map(|f| &mut f.input)
        {
            if *multiline {
                area.insert_str(crate::text::clean(pasted));
            } else {
                area.insert_str(super::one_line(pasted));
            }
        }
    }

    /// Whether typed text goes into a text field now (no pick list or question open).
    pub fn takes_text(&self) -> bool {
        self.picker.is_none()
            && self.suggestion.is_none()
            && !self.confirm_discard
            && !self.asking_past_date
            && self.asking_kept_apart.is_none()
            && matches!(
                self.fields.get(self.focus).map(|f| &f.input),
                Some(Input::Text { .. })
            )
    }

    /// Each text field's label and words, where anything is written.
    pub fn typed_words(&self) -> Vec<(&str, String)> {
        self.fields
            .iter()
            .filter(|f| matches!(f.input, Input::Text { .. }))
            .map(|f| (f.label.as_ref(), f.input.text()))
            .filter(|(_, words)| !words.trim().is_empty())
            .collect()
    }

    /// Where the field named `name` is, if this form has one.
    pub fn at(&self, name: Name) -> Option<usize> {
        self.fields.iter().position(|f| f.name == Some(name))
    }

    /// The text of the field named `name` (empty if the form has none).
    pub fn text_of(&self, name: Name) -> String {
        self.at(name)
            .map(|i| self.field_text(i))
            .unwrap_or_default()
    }

    /// The chosen option of the field named `name` (the first if the form has none).
    pub fn choice_of(&self, name: Name) -> usize {
        self.at(name).map_or(0, |i| self.field_choice(i))
    }

    /// The fields that name a person, which can be picked from the room's participants
    /// (who does it, who owns it, who checks it).
    fn person_fields(&self) -> Vec<usize> {
        use crate::describe::Field::{CheckedBy, Owner, Who};
        [Owner, Who, CheckedBy]
            .into_iter()
            .filter_map(|f| self.at(Name::Of(f)))
            .collect()
    }

    /// The text of field `i`.
    pub fn field_text(&self, i: usize) -> String {
        self.fields
            .get(i)
            .map(|f| f.input.text())
            .unwrap_or_default()
    }

    /// The words of the chosen option of field `i` made by [`choice_from`], or `None` for
    /// "not said yet".
    pub fn field_chosen(&self, i: usize) -> Option<String> {
        match self.fields.get(i).map(|f| &f.input) {
            Some(Input::Choice { options, selected }) if *selected > 0 => {
                options.get(*selected).cloned()
            }
            _ => None,
        }
    }

    /// The chosen option of field `i`.
    pub fn field_choice(&self, i: usize) -> usize {
        match self.fields.get(i).map(|f| &f.input) {
            Some(Input::Choice { selected, .. }) => *selected,
            _ => 0,
        }
    }
}
