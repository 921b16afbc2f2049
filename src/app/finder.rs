//! Moving in a pick list: find as you type (every word typed, anywhere in a line; the
//! cursor goes first to a line whose words start with them), and page keys.

use super::keys::{Action, PICK, resolve};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a pick list does after a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Continue,
    /// Tick or untick this line.
    Toggle(usize),
    Done,
    Cancel,
}

/// A pick list's keys (the [`PICK`] table), with letters typed to find a line.
///
/// Typing never ticks: it moves the cursor to the first line holding every word typed,
/// and ↑/↓ go between the lines found. While finding, Space is a space between words
/// and Enter ticks the line under the cursor; otherwise Space ticks and Enter is done.
pub fn on_key(finder: &mut Finder, cursor: &mut usize, labels: &[String], key: KeyEvent) -> Step {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    if finder.active() && plain && key.code == KeyCode::Char(' ') {
        finder.query.push(' ');
        return Step::Continue;
    }
    match resolve(PICK, key) {
        Some(Action::Back) if finder.active() => finder.clear(),
        Some(Action::Back) => return Step::Cancel,
        Some(Action::Open) if finder.active() => {
            finder.clear();
            return Step::Toggle(*cursor);
        }
        Some(Action::Open) => return Step::Done,
        Some(Action::Toggle) => return Step::Toggle(*cursor),
        Some(action @ (Action::Up | Action::Down)) if finder.active() => {
            *cursor = finder.step(action == Action::Down, *cursor, labels);
        }
        Some(action) => {
            if let Some(to) = moved(action, *cursor, labels.len()) {
                *cursor = to;
                finder.clear();
            }
        }
        None => match key.code {
            KeyCode::Char(c) if plain => *cursor = finder.push(c, *cursor, labels),
            KeyCode::Backspace => *cursor = finder.pop(*cursor, labels),
            _ => {}
        },
    }
    Step::Continue
}

/// How far PgUp and PgDn move.
const PAGE: usize = 10;

/// What is typed to find a line, and the line the search started from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Finder {
    query: String,
    from: usize,
}

impl Finder {
    /// What has been typed so far.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Whether anything is typed.
    pub fn active(&self) -> bool {
        !self.query.is_empty()
    }

    /// Forgets what was typed.
    pub fn clear(&mut self) {
        self.query.clear();
    }

    /// Whether `label` is one of the lines found (nothing is, when nothing is typed).
    pub fn matches(&self, label: &str) -> bool {
        self.active() && has_words(label, &self.query)
    }

    /// How many of `labels` are found.
    pub fn count(&self, labels: &[String]) -> usize {
        labels.iter().filter(|l| self.matches(l)).count()
    }

    /// Adds a letter and returns the line to go to: the first line found from where the
    /// search began, or `cursor` if none is.
    pub fn push(&mut self, c: char, cursor: usize, labels: &[String]) -> usize {
        if self.query.is_empty() {
            self.from = cursor;
        }
        self.query.push(c);
        self.first(labels).unwrap_or(cursor)
    }

    /// Takes the last letter back and returns the line to go to.
    pub fn pop(&mut self, cursor: usize, labels: &[String]) -> usize {
        self.query.pop();
        if self.query.trim().is_empty() {
            self.query.clear();
            return self.from.min(labels.len().saturating_sub(1));
        }
        self.first(labels).unwrap_or(cursor)
    }

    /// The next (or previous) line found after `cursor`, wrapping; `cursor` if none.
    fn step(&self, down: bool, cursor: usize, labels: &[String]) -> usize {
        let n = labels.len();
        (1..=n)
            .map(|i| {
                if down {
                    (cursor + i) % n
                } else {
                    (cursor + n - i % n) % n
                }
            })
            .find(|&i| self.matches(&labels[i]))
            .unwrap_or(cursor)
    }

    /// The first line found from where the search began (wrapping) where every word
    /// typed starts a word of it (so one letter goes to the line it begins), else the
    /// first line found at all.
    fn first(&self, labels: &[String]) -> Option<usize> {
        let n = labels.len();
        let order = || (0..n).map(|i| (self.from + i) % n);
        let starts = |&i: &usize| {
            let mut words = self.query.split_whitespace();
            self.matches(&labels[i]) && words.all(|w| word_starts(&labels[i], w))
        };
        order()
            .find(starts)
            .or_else(|| order().find(|&i| self.matches(&labels[i])))
    }
}

/// Whether every word of `query` is somewhere in `label`, whatever the case.
pub fn has_words(label: &str, query: &str) -> bool {
    let label = label.to_lowercase();
    let mut words = query.split_whitespace().peekable();
    words.peek().is_some() && words.all(|w| label.contains(&w.to_lowercase()))
}

/// Whether a word of `label` (or the label itself) starts with `query`, whatever the case.
pub fn word_starts(label: &str, query: &str) -> bool {
    let (label, query) = (label.to_lowercase(), query.to_lowercase());
    label
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word.starts_with(&query))
        || label.starts_with(&query)
}

/// The line a movement key goes to in a list of `len` lines; `None` if `action` is not one.
pub fn moved(action: Action, cursor: usize, len: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    Some(match action {
        Action::Up => cursor.saturating_sub(1),
        Action::Down => (cursor + 1).min(last),
        Action::PageUp => cursor.saturating_sub(PAGE),
        Action::PageDown => (cursor + PAGE).min(last),
        Action::First => 0,
        Action::Last => last,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Vec<String> {
        [
            "housing",
            "education",
            "young people (lived experience)",
            "family and peers",
            "young person",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn typing_finds_every_word_anywhere_and_ticks_nothing() {
        let labels = labels();
        let mut f = Finder::default();
        assert_eq!(
            f.push('e', 3, &labels),
            1,
            "the first line found: education"
        );
        f.clear();
        for c in "PE".chars() {
            f.push(c, 0, &labels);
        }
        assert_eq!(
            f.count(&labels),
            3,
            "people, peers, person: anywhere, any case"
        );
        f.clear();
        for c in "lived young".chars() {
            f.push(c, 0, &labels);
        }
        assert_eq!(f.count(&labels), 1, "every word, in any order");
        assert_eq!(f.step(true, 2, &labels), 2, "the only one: stays");
        assert_eq!(f.push('q', 2, &labels), 2, "no match stays put");
        assert_eq!(f.count(&labels), 0);
        f.clear();
        f.push('y', 1, &labels);
        assert_eq!(f.push('o', 1, &labels), 2, "young people");
        assert_eq!(f.step(true, 2, &labels), 4, "↓ to the next found");
        assert_eq!(f.step(true, 4, &labels), 2, "and round");
        assert_eq!(f.step(false, 2, &labels), 4, "↑ back round");
        f.pop(4, &labels);
        assert_eq!(f.pop(4, &labels), 1, "all taken back: where it began");
        assert!(!f.active());
    }

    #[test]
    fn page_keys_stay_inside_the_list() {
        assert_eq!(moved(Action::PageDown, 3, 8), Some(7));
        assert_eq!(moved(Action::PageUp, 3, 8), Some(0));
        assert_eq!(moved(Action::Last, 0, 8), Some(7));
        assert_eq!(moved(Action::First, 5, 8), Some(0));
        assert_eq!(moved(Action::Down, 0, 0), Some(0));
        assert_eq!(moved(Action::Open, 1, 8), None);
    }
}
