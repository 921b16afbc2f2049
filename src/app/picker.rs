//! A pick list: the records a dream, design statement or agreement builds on, or the one person who shared or answered.

use crate::model::{RecordBody, RecordId, RecordKind, Session, link_target};
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
        let target = link_target(kind)?;
        let candidates = session
            .records
            .iter()
            .filter(|r| r.body.kind() == target)
            .map(|r| (r.id, clean_line(r.body.text())))
            .collect();
        let verb = match kind {
            RecordKind::Dream => "builds on",
            RecordKind::InformationItem => "was shared by",
            RecordKind::Question => "was answered by",
            _ => "serves",
        };
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
        })
    }

    /// Handles a key.
    pub fn handle_key(&mut self, key: KeyEvent) -> PickerOutcome {
        use super::keys::{Action, PICK, resolve};
        match resolve(PICK, key) {
            Some(Action::Back) => PickerOutcome::Cancel,
            Some(Action::Open) => PickerOutcome::Done,
            Some(Action::Up) => {
                self.cursor = self.cursor.saturating_sub(1);
                PickerOutcome::Continue
            }
            Some(Action::Down) => {
                if self.cursor + 1 < self.candidates.len() {
                    self.cursor += 1;
                }
                PickerOutcome::Continue
            }
            Some(Action::Toggle) => {
                if let Some((id, _)) = self.candidates.get(self.cursor) {
                    if let Some(at) = self.chosen.iter().position(|c| c == id) {
                        self.chosen.remove(at);
                    } else {
                        if self.single {
                            self.chosen.clear();
                        }
                        self.chosen.push(*id);
                    }
                }
                PickerOutcome::Continue
            }
            _ => PickerOutcome::Continue,
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
