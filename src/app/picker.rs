//! A pick list: the records a dream, design statement or agreement builds on, or the one person who shared, answered or does it.

use crate::model::{LinkRule, RecordBody, RecordId, RecordKind, Session};
use crate::text::clean_line;
use crossterm::event::KeyEvent;

/// The open pick list.
#[derive(Debug, Clone)]
pub struct LinkPicker {
    /// What is being chosen ("the strengths this dream builds on").
    pub title: String,
    /// Every record that may be chosen, with its words.
    pub candidates: Vec<(RecordId, String)>,
    pub chosen: Vec<RecordId>,
    pub cursor: usize,
    /// Only one may be ticked: the record names one person (who shared an information
    /// item, who answered a question), so the list never shows more than is kept.
    pub single: bool,
    /// What is typed to find a line.
    pub finder: super::finder::Finder,
    /// Each candidate's votes, when the candidates take votes (the dreams a design
    /// statement builds on: listed most chosen first); empty otherwise.
    pub votes: Vec<u32>,
}

/// What the pick list wants after a key.
#[derive(Debug, PartialEq, Eq)]
pub enum PickerOutcome {
    Continue,
    Done,
    Cancel,
}

impl LinkPicker {
    /// The pick list for a record of `kind`, with `chosen` already ticked; `None` if the
    /// kind builds on nothing.
    pub fn new(session: &Session, kind: RecordKind, chosen: &[RecordId]) -> Option<Self> {
        let LinkRule { target, verb } = kind.link_rule()?;
        let mut records: Vec<_> = session
            .records
            .iter()
            .filter(|r| r.body.kind() == target)
            .collect();
        let voted = records.iter().any(|r| r.body.votes().is_some());
        if voted {
            // Stable: equal votes keep the order they were said in.
            records.sort_by_key(|r| std::cmp::Reverse(r.body.votes().unwrap_or(0)));
        }
        let votes = if voted {
            records
                .iter()
                .map(|r| r.body.votes().unwrap_or(0))
                .collect()
        } else {
            Vec::new()
        };
        let candidates = records
            .iter()
            .map(|r| (r.id, clean_line(r.body.text())))
            .collect();
        let single = RecordBody::empty(kind).link_list_mut().is_none();
        let title = if single {
            format!("The {} this {} {verb} (one)", target.label(), kind.label())
        } else {
            format!("The {} this {} {verb}", target.plural(), kind.label())
        };
        let mut chosen = chosen.to_vec();
        if single {
            chosen.truncate(1);
        }
        Some(Self {
            title,
            candidates,
            chosen,
            cursor: 0,
            single,
            finder: Default::default(),
            votes,
        })
    }

    /// The pick list of the session's participants, one to be chosen, for a field naming
    /// who (`title`); the one already named there (`named`, any case) is ticked. Nobody
    /// kept apart from the plan (outside the child's safe network, not invited) is offered.
    pub fn people(session: &Session, title: String, named: &str) -> Self {
        let candidates: Vec<(RecordId, String)> = session
            .records
            .iter()
            .filter(|r| {
                r.body
                    .participant()
                    .is_some_and(|p| p.kept_apart().is_none())
            })
            .map(|r| (r.id, clean_line(r.body.text())))
            .filter(|(_, name)| !name.is_empty())
            .collect();
        let at = candidates
            .iter()
            .position(|(_, name)| name.to_lowercase() == named.trim().to_lowercase());
        Self {
            title,
            chosen: at.map(|i| candidates[i].0).into_iter().collect(),
            cursor: at.unwrap_or(0),
            candidates,
            single: true,
            finder: Default::default(),
            votes: Vec::new(),
        }
    }

    /// The words of the chosen lines, in the order listed.
    pub fn chosen_words(&self) -> Vec<String> {
        self.candidates
            .iter()
            .filter(|(id, _)| self.chosen.contains(id))
            .map(|(_, words)| words.clone())
            .collect()
    }

    /// Handles a key: movement, Space to tick, letters to find.
    pub fn handle_key(&mut self, key: KeyEvent) -> PickerOutcome {
        use super::finder::{Step, on_key};
        let labels: Vec<String> = self.candidates.iter().map(|(_, t)| t.clone()).collect();
        match on_key(&mut self.finder, &mut self.cursor, &labels, key) {
            Step::Continue => {}
            Step::Done => return PickerOutcome::Done,
            Step::Cancel => return PickerOutcome::Cancel,
            Step::Toggle(at) => self.toggle(at),
        }
        PickerOutcome::Continue
    }

    /// Ticks or unticks a candidate (only one, when the record names one person).
    fn toggle(&mut self, at: usize) {
        if let Some((id, _)) = self.candidates.get(at) {
            if let Some(at) = self.chosen.iter().position(|c| c == id) {
                self.chosen.remove(at);
            } else {
                if self.single {
                    self.chosen.clear();
                }
                self.chosen.push(*id);
            }
        }
    }

    /// The chosen ids, in the order the candidates are listed.
    pub fn chosen_in_order(&self) -> Vec<RecordId> {
        self.candidates
            .iter()
            .map(|(id, _)| *id)
            .filter(|id| self.chosen.contains(id))
            .collect()
    }
}
