//! The tag picker: sectors, level, whose voice, and (for an agreement) the change goals it
//! serves, ticked in one small list.

use crate::model::{Level, RecordBody, RecordId, Session, Tags, Voice};
use crossterm::event::KeyEvent;

/// What one line of the picker sets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TagChoice {
    Sector(String),
    Level(Level),
    Voice(Voice),
    Goal(RecordId, String),
}

impl TagChoice {
    /// The section the line belongs to (only one level and one voice may be ticked).
    pub fn section(&self) -> &'static str {
        match self {
            TagChoice::Sector(_) => "Sectors",
            TagChoice::Level(_) => "Level",
            TagChoice::Voice(_) => "Whose voice",
            TagChoice::Goal(..) => "Change goals it serves",
        }
    }

    /// The words on the line.
    pub fn label(&self) -> String {
        match self {
            TagChoice::Sector(s) => s.clone(),
            TagChoice::Level(l) => l.label().to_owned(),
            TagChoice::Voice(v) => v.label().to_owned(),
            TagChoice::Goal(id, text) => format!("{id} {}", crate::text::clean_line(text)),
        }
    }
}

/// The open picker.
#[derive(Clone, Debug)]
pub struct TagPicker {
    pub record: RecordId,
    pub items: Vec<(TagChoice, bool)>,
    pub cursor: usize,
    /// What is typed to find a line.
    pub finder: super::finder::Finder,
}

/// What the picker wants after a key.
#[derive(Debug, PartialEq, Eq)]
pub enum TagOutcome {
    Continue,
    Done,
    Cancel,
}

impl TagPicker {
    /// A picker for a record that carries tags, or `None`.
    pub fn new(session: &Session, record: RecordId, sectors: &[String]) -> Option<Self> {
        let r = session.record(record)?;
        let tags = r.body.tags()?;
        let mut items: Vec<(TagChoice, bool)> = Vec::new();
        // An agreement is tagged first by the change goals it serves.
        if let RecordBody::Agreement(a) = &r.body {
            for g in session.change_goals() {
                items.push((
                    TagChoice::Goal(g.id, g.body.text().to_owned()),
                    a.goals.contains(&g.id),
                ));
            }
        }
        let mut known: Vec<String> = sectors.to_vec();
        for s in &tags.sectors {
            if !known.iter().any(|k| k.eq_ignore_ascii_case(s)) {
                known.push(s.clone());
            }
        }
        for s in known {
            let on = tags.sectors.iter().any(|t| t.eq_ignore_ascii_case(&s));
            items.push((TagChoice::Sector(s), on));
        }
        items.extend(
            Level::ALL
                .iter()
                .map(|l| (TagChoice::Level(*l), tags.level == Some(*l))),
        );
        items.extend(
            Voice::ALL
                .iter()
                .map(|v| (TagChoice::Voice(*v), tags.voice == Some(*v))),
        );
        Some(Self {
            record,
            items,
            cursor: 0,
            finder: Default::default(),
        })
    }

    /// Handles a key: movement, Space to tick, letters to find (Enter ticks the line found).
    pub fn handle_key(&mut self, key: KeyEvent) -> TagOutcome {
        use super::finder::{Step, on_key};
        let labels: Vec<String> = self.items.iter().map(|(c, _)| c.label()).collect();
        match on_key(&mut self.finder, &mut self.cursor, &labels, key) {
            Step::Continue => {}
            Step::Done => return TagOutcome::Done,
            Step::Cancel => return TagOutcome::Cancel,
            Step::Toggle(at) => self.toggle(at),
        }
        TagOutcome::Continue
    }

    /// Ticks or unticks a line; a level or a voice unticks the others of its section.
    pub fn toggle(&mut self, at: usize) {
        let Some((choice, on)) = self.items.get(at).cloned() else {
            return;
        };
        let single = matches!(choice, TagChoice::Level(_) | TagChoice::Voice(_));
        if single && !on {
            for (other, tick) in &mut self.items {
                if other.section() == choice.section() {
                    *tick = false;
                }
            }
        }
        if let Some(item) = self.items.get_mut(at) {
            item.1 = !on;
        }
    }

    /// The tags and goals the ticks describe.
    pub fn chosen(&self) -> (Tags, Vec<RecordId>) {
        let mut tags = Tags::default();
        let mut goals = Vec::new();
        for (choice, on) in self.items.iter().filter(|(_, on)| *on) {
            let _ = on;
            match choice {
                TagChoice::Sector(s) => tags.sectors.push(s.clone()),
                TagChoice::Level(l) => tags.level = Some(*l),
                TagChoice::Voice(v) => tags.voice = Some(*v),
                TagChoice::Goal(id, _) => goals.push(*id),
            }
        }
        (tags, goals)
    }
}
