//! Undo and redo as changes, not copies: each step keeps only what differs, capped by count and bytes.

use crate::model::{Record, Session};
use std::collections::{HashMap, VecDeque};
use std::mem::{replace, size_of, swap, take};

/// How many changes undo can take back.
pub const UNDO_DEPTH: usize = 500;
/// How many bytes (estimated) the changes kept for undo and redo may hold together.
/// The oldest changes go first; the latest one is always kept.
pub const UNDO_BYTES: usize = 8 << 20;

/// The changes that undo and redo can take back and do again.
#[derive(Debug, Default)]
pub struct History {
    undo: VecDeque<Edit>,
    redo: VecDeque<Edit>,
    /// The estimated bytes of every kept edit, undo and redo together.
    bytes: usize,
}

impl History {
    /// Makes a change to the session and keeps it for undo; what was undone can no longer
    /// be done again. Finding what changed needs a copy of the session for a moment: for
    /// one record, use [`History::change_record`].
    pub fn change<T>(&mut self, session: &mut Session, f: impl FnOnce(&mut Session) -> T) -> T {
        let before = session.clone();
        let out = f(session);
        self.push(Edit::between(before, session));
        out
    }

    /// Changes the record at `at` and keeps only what it and the session's other fields were.
    pub fn change_record(&mut self, session: &mut Session, at: usize, f: impl FnOnce(&mut Record)) {
        let head = head_of(session);
        let Some(record) = session.records.get_mut(at) else {
            return;
        };
        let before = record.clone();
        f(record);
        self.push(Edit::new(head, vec![(at, before)], at, 0, Vec::new()));
    }

    /// Makes a change to the session's own fields (its stage, its conference…) that may
    /// add records at the end but changes none already there; keeps only what those fields
    /// were and how many records were added.
    pub fn change_head<T>(
        &mut self,
        session: &mut Session,
        f: impl FnOnce(&mut Session) -> T,
    ) -> T {
        let (head, at) = (head_of(session), session.records.len());
        let out = f(session);
        debug_assert!(
            session.records.len() >= at,
            "a change to the head removed records"
        );
        let added = session.records.len().saturating_sub(at);
        self.push(Edit::new(head, Vec::new(), at, added, Vec::new()));
        out
    }

    fn push(&mut self, edit: Edit) {
        self.redo.clear();
        self.undo.push_back(edit);
        self.bytes = self.undo.iter().map(|e| e.bytes).sum();
        while self.undo.len() > UNDO_DEPTH || (self.bytes > UNDO_BYTES && self.undo.len() > 1) {
            if let Some(oldest) = self.undo.pop_front() {
                self.bytes -= oldest.bytes;
            }
        }
    }

    /// Takes back the latest change; false when there is none.
    pub fn undo(&mut self, session: &mut Session) -> bool {
        step(&mut self.undo, &mut self.redo, &mut self.bytes, session)
    }

    /// Does again the latest change taken back; false when there is none.
    pub fn redo(&mut self, session: &mut Session) -> bool {
        step(&mut self.redo, &mut self.undo, &mut self.bytes, session)
    }

    /// How many changes undo can take back.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// The estimated bytes the kept changes hold.
    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

/// A copy of the session's fields other than its records (whose `records` is empty).
fn head_of(session: &Session) -> Session {
    let Session {
        format,
        id,
        title,
        framework,
        created,
        updated,
        stage,
        history,
        next_record,
        records: _,
        conference,
        agenda,
    } = session;
    Session {
        format: *format,
        id: id.clone(),
        title: title.clone(),
        framework: framework.clone(),
        created: *created,
        updated: *updated,
        stage: stage.clone(),
        history: history.clone(),
        next_record: *next_record,
        records: Vec::new(),
        conference: conference.clone(),
        agenda: agenda.clone(),
    }
}

/// Applies the latest edit of `from` to the session and keeps its inverse in `to`.
fn step(
    from: &mut VecDeque<Edit>,
    to: &mut VecDeque<Edit>,
    bytes: &mut usize,
    session: &mut Session,
) -> bool {
    let Some(edit) = from.pop_back() else {
        return false;
    };
    *bytes -= edit.bytes;
    let inverse = edit.apply(session);
    *bytes += inverse.bytes;
    to.push_back(inverse);
    true
}

/// One step back: what turns the session after a change into the session before it.
#[derive(Debug)]
struct Edit {
    /// The session's fields other than its records (whose `records` is empty).
    head: Session,
    /// Records changed where they stand, by position (outside the splice), as they were.
    changed: Vec<(usize, Record)>,
    /// Where the order of records differs: from `at`, the `len` records there now are
    /// replaced by `slots`.
    at: usize,
    len: usize,
    slots: Vec<Slot>,
    bytes: usize,
}

/// A stretch of records in a splice: some of those there now, or one kept as it was.
#[derive(Debug)]
enum Slot {
    /// Records `from..from + len` of the stretch being replaced, unchanged.
    Kept {
        from: usize,
        len: usize,
    },
    Stored(Box<Record>),
}

impl Edit {
    /// The step from `after` back to `before`, keeping only what differs.
    fn between(mut before: Session, after: &Session) -> Edit {
        let mut old = take(&mut before.records)
            .into_iter()
            .map(Some)
            .collect::<Vec<_>>();
        let new = &after.records;
        let same_id = |i: usize, j: usize| old[i].as_ref().is_some_and(|r| r.id == new[j].id);
        let shorter = old.len().min(new.len());
        let prefix = (0..shorter).take_while(|&i| same_id(i, i)).count();
        let suffix = (0..shorter - prefix)
            .take_while(|&k| same_id(old.len() - 1 - k, new.len() - 1 - k))
            .count();
        let (old_end, new_end) = (old.len() - suffix, new.len() - suffix);
        let mut changed = Vec::new();
        let in_place = (0..prefix)
            .map(|i| (i, i))
            .chain((0..suffix).map(|k| (old_end + k, new_end + k)));
        for (i, j) in in_place {
            if old[i].as_ref() != Some(&new[j]) {
                changed.extend(old[i].take().map(|r| (j, r)));
            }
        }
        let now = &new[prefix..new_end];
        let mut unused: HashMap<_, VecDeque<usize>> = HashMap::new();
        for (j, r) in now.iter().enumerate() {
            unused.entry(r.id).or_default().push_back(j);
        }
        let mut slots = Vec::new();
        for record in old[prefix..old_end].iter_mut().filter_map(Option::take) {
            let twin = unused.get_mut(&record.id).and_then(|js| {
                let at = js.iter().position(|&j| now[j] == record)?;
                js.remove(at)
            });
            match twin {
                Some(j) => push_kept(&mut slots, j),
                None => slots.push(Slot::Stored(Box::new(record))),
            }
        }
        Edit::new(before, changed, prefix, now.len(), slots)
    }

    fn new(
        head: Session,
        changed: Vec<(usize, Record)>,
        at: usize,
        len: usize,
        slots: Vec<Slot>,
    ) -> Edit {
        let stored = slots.iter().filter_map(|s| match s {
            Slot::Stored(r) => Some(&**r),
            Slot::Kept { .. } => None,
        });
        let bytes = size_of::<Edit>()
            + estimate(&head)
            + changed
                .iter()
                .map(|(_, r)| size_of::<(usize, Record)>() + estimate(r))
                .sum::<usize>()
            + stored
                .map(|r| size_of::<Record>() + estimate(r))
                .sum::<usize>()
            + size_of::<Slot>() * slots.len();
        Edit {
            head,
            changed,
            at,
            len,
            slots,
            bytes,
        }
    }

    /// Turns `session` back as the edit says; returns the step that undoes this one.
    fn apply(self, session: &mut Session) -> Edit {
        let Edit {
            mut head,
            changed,
            at,
            len,
            slots,
            ..
        } = self;
        swap(&mut session.records, &mut head.records);
        swap(session, &mut head);
        let records = &mut session.records;
        let restored_len = slots
            .iter()
            .map(|s| match s {
                Slot::Kept { len, .. } => *len,
                Slot::Stored(_) => 1,
            })
            .sum::<usize>();
        let mut changed_back = Vec::with_capacity(changed.len());
        for (i, record) in changed {
            if let Some(place) = records.get_mut(i) {
                let j = if i < at {
                    i
                } else {
                    (i + restored_len).saturating_sub(len)
                };
                changed_back.push((j, replace(place, record)));
            }
        }
        let (at, end) = (at.min(records.len()), (at + len).min(records.len()));
        let mut there: Vec<Option<Record>> = records.drain(at..end).map(Some).collect();
        let mut went_to = vec![None; there.len()];
        let mut restored = Vec::with_capacity(restored_len);
        for slot in slots {
            match slot {
                Slot::Kept { from, len } => {
                    let end = (from + len).min(there.len());
                    let from = from.min(end);
                    for (record, went) in there[from..end].iter_mut().zip(&mut went_to[from..end]) {
                        if let Some(record) = record.take() {
                            *went = Some(restored.len());
                            restored.push(record);
                        }
                    }
                }
                Slot::Stored(record) => restored.push(*record),
            }
        }
        let restored_len = restored.len();
        records.splice(at..at, restored);
        let mut slots_back = Vec::new();
        for (record, went) in there.iter_mut().zip(went_to) {
            match (went, record.take()) {
                (Some(j), _) => push_kept(&mut slots_back, j),
                (None, Some(record)) => slots_back.push(Slot::Stored(Box::new(record))),
                (None, None) => {}
            }
        }
        Edit::new(head, changed_back, at, restored_len, slots_back)
    }
}

/// Adds record `j` of the stretch as kept, joining it to the run before when it follows on.
fn push_kept(slots: &mut Vec<Slot>, j: usize) {
    if let Some(Slot::Kept { from, len }) = slots.last_mut()
        && *from + *len == j
    {
        *len += 1;
        return;
    }
    slots.push(Slot::Kept { from: j, len: 1 });
}

/// About how many bytes a value holds beyond its own size: the length of its JSON.
fn estimate(value: &impl serde::Serialize) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    let _ = serde_json::to_writer(&mut count, value);
    count.0
}

#[cfg(test)]
mod tests;
