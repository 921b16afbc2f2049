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
mod tests {
    use super::*;
    use crate::generate::workshop;
    use crate::model::{Note, RecordBody};
    use proptest::prelude::*;
    use time::macros::datetime;

    /// A change a user can make, or undo and redo, picked by number.
    fn step(s: &mut Session, what: u8, a: usize, b: usize, words: &str) {
        let now = datetime!(2026-11-25 10:00 UTC) + time::Duration::minutes(a as i64 % 600);
        let n = s.records.len();
        match what {
            0 => {
                let stage = if a.is_multiple_of(2) {
                    "define"
                } else {
                    "dream"
                };
                s.add(stage, RecordBody::Note(Note { text: words.into() }), now);
            }
            1 if n > 0 => s.records[a % n].body.text_mut().push_str(words),
            2 if n > 0 => {
                let id = s.records[a % n].id;
                s.remove(id, now);
            }
            3 if n > 0 => s.records.swap(a % n, b % n),
            4 if n > 0 => {
                let r = s.records.remove(a % n);
                s.records.insert(b % n, r);
            }
            5 => s.move_to_stage(words, now),
            6 => s.title = words.into(),
            7 => s.conference.get_or_insert_with(Default::default).reasons = words.into(),
            // A file may hold two records with one id; undo must still be exact.
            8 if n > 0 => {
                let mut twin = s.records[a % n].clone();
                twin.body.text_mut().push_str(words);
                s.records.insert(b % (n + 1), twin);
            }
            9 => s.records.reverse(),
            10 if n > 0 => s.records.truncate(a % n),
            _ => {}
        }
        s.updated = now;
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Against whole copies (what undo kept before): every step, every undo and redo
        /// gives exactly the same session; then undo all gives back the first, redo all the last.
        #[test]
        fn changes_undo_and_redo_exactly_as_whole_copies_would(
            records in 0usize..25,
            seed in 0u64..1000,
            steps in prop::collection::vec((0u8..14, any::<usize>(), any::<usize>(), "[a-z ]{0,6}"), 0..40),
        ) {
            let mut session = workshop("undo1", records, seed);
            let (mut copies, mut undone): (Vec<Session>, Vec<Session>) = (Vec::new(), Vec::new());
            let mut history = History::default();
            for (what, a, b, words) in &steps {
                match what {
                    12 => {
                        let current = session.clone();
                        prop_assert_eq!(history.undo(&mut session), !copies.is_empty());
                        if let Some(before) = copies.pop() {
                            undone.push(current);
                            prop_assert_eq!(&session, &before);
                        }
                    }
                    13 => {
                        let current = session.clone();
                        prop_assert_eq!(history.redo(&mut session), !undone.is_empty());
                        if let Some(after) = undone.pop() {
                            copies.push(current);
                            prop_assert_eq!(&session, &after);
                        }
                    }
                    _ => {
                        let before = session.clone();
                        let n = session.records.len();
                        let change = |s: &mut Session| step(s, *what, *a, *b, words);
                        // Changes to one record or to the session's own fields are kept the cheap way, as the app does.
                        match what {
                            0 | 5 | 6 | 7 => history.change_head(&mut session, change),
                            1 if n > 0 => history.change_record(&mut session, a % n, |r| {
                                r.body.text_mut().push_str(words)
                            }),
                            _ => history.change(&mut session, change),
                        }
                        copies.push(before);
                        undone.clear();
                    }
                }
            }
            // Undo all, then redo all: through every state back to the first, then forward
            // through them and through what was undone before.
            let first = copies.first().cloned().unwrap_or_else(|| session.clone());
            let mut ahead = undone;
            ahead.push(session.clone());
            while history.undo(&mut session) {
                ahead.push(session.clone());
            }
            prop_assert_eq!(&session, &first);
            prop_assert_eq!(ahead.pop(), Some(first));
            while history.redo(&mut session) {
                prop_assert_eq!(Some(session.clone()), ahead.pop());
            }
            prop_assert!(ahead.is_empty());
        }
    }

    #[test]
    fn five_hundred_edits_on_a_large_session_stay_small_and_all_undo() {
        let mut session = workshop("undo2", 2_000, 5);
        let first = session.clone();
        let mut history = History::default();
        for i in 0..UNDO_DEPTH {
            let at = i * 7 % session.records.len();
            history.change(&mut session, |s| {
                s.records[at].body.text_mut().push_str(" and more")
            });
        }
        assert_eq!(history.undo_len(), UNDO_DEPTH, "every edit can be undone");
        assert!(
            history.bytes() < UNDO_BYTES / 4,
            "{} bytes for {UNDO_DEPTH} edits",
            history.bytes()
        );
        while history.undo(&mut session) {}
        assert_eq!(session, first);
    }

    #[test]
    fn big_changes_are_dropped_oldest_first_to_stay_under_the_cap() {
        let mut session = workshop("undo3", 2_000, 6);
        let mut history = History::default();
        for _ in 0..100 {
            history.change(&mut session, |s| {
                s.records.reverse();
                for r in &mut s.records {
                    r.body.text_mut().push('!');
                }
            });
        }
        assert!(history.bytes() <= UNDO_BYTES, "{} bytes", history.bytes());
        assert!(history.undo_len() < 100 && history.undo_len() >= 1);
        let latest = session.clone();
        history.undo(&mut session);
        history.redo(&mut session);
        assert_eq!(session, latest);
    }

    /// The app with `session` open in its discovery stage; nothing touches the disk.
    fn app_with(mut session: Session) -> crate::app::App {
        use crate::app::{App, Screen, SessionView};
        let frameworks = crate::framework::Frameworks::embedded();
        let framework = frameworks.get("ai").cloned().expect("AI");
        let (mut app, _) = App::new(
            frameworks,
            time::UtcOffset::UTC,
            "/nowhere".into(),
            datetime!(2026-11-25 10:00 UTC),
        );
        session.stage = "discovery".into();
        let loaded = crate::store::Loaded {
            session,
            path: "/nowhere/undo.ron".into(),
            fingerprint: crate::store::Fingerprint::of(b""),
            read_only: None,
            inner_id: None,
            loose: None,
        };
        app.screen = Screen::Session(Box::new(SessionView::new(loaded, framework)));
        app
    }

    fn press(app: &mut crate::app::App, keys: &str) {
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        for word in keys.split(' ') {
            let key = match word {
                "<enter>" => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                "<c-r>" => KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL),
                _ => KeyEvent::new(
                    KeyCode::Char(word.chars().next().expect("a key")),
                    KeyModifiers::NONE,
                ),
            };
            crate::app::update(app, crate::app::Msg::Key(key));
        }
    }

    fn open(app: &crate::app::App) -> &crate::app::SessionView {
        match &app.screen {
            crate::app::Screen::Session(v) => v,
            _ => panic!("the session is open"),
        }
    }

    #[test]
    fn edits_adds_moves_and_stages_in_the_app_all_undo_and_redo_exactly() {
        let mut app = app_with(workshop("undo4", 3_000, 4));
        let first = open(&app).session.clone();
        for i in 0..UNDO_DEPTH {
            match i % 5 {
                0 => press(&mut app, "a m o r e <enter>"),
                1 => press(&mut app, "K"),
                2 if i % 50 == 2 => press(&mut app, "]"),
                3 if i % 50 == 3 => press(&mut app, "["),
                _ => press(&mut app, "e x <enter> j"),
            }
        }
        let last = open(&app).session.clone();
        assert_ne!(last, first);
        assert_eq!(open(&app).history.undo_len(), UNDO_DEPTH);
        assert!(open(&app).history.bytes() < UNDO_BYTES / 4);
        for _ in 0..UNDO_DEPTH {
            press(&mut app, "u");
        }
        assert_eq!(open(&app).session, first);
        for _ in 0..UNDO_DEPTH {
            press(&mut app, "<c-r>");
        }
        assert_eq!(open(&app).session, last);
    }
}
