//! Moving in a pick list: find as you type (a word's start, from where the search began), and page keys.

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
pub fn on_key(finder: &mut Finder, cursor: &mut usize, labels: &[String], key: KeyEvent) -> Step {
    match resolve(PICK, key) {
        Some(Action::Back) if finder.active() => finder.clear(),
        Some(Action::Back) => return Step::Cancel,
        Some(Action::Open) if finder.active() => {
            finder.clear();
            return Step::Toggle(*cursor);
        }
        Some(Action::Open) => return Step::Done,
        Some(Action::Toggle) => return Step::Toggle(*cursor),
        Some(action) => {
            if let Some(to) = moved(action, *cursor, labels.len()) {
                *cursor = to;
                finder.clear();
            }
        }
        None => match key.code {
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                *cursor = finder.push(c, *cursor, labels);
            }
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

    /// Adds a letter and returns the line to go to: the first at or after where the search
    /// began (wrapping) with a word starting with what is typed, or `cursor` if none.
    pub fn push(&mut self, c: char, cursor: usize, labels: &[String]) -> usize {
        if self.query.is_empty() {
            self.from = cursor;
        }
        self.query.push(c);
        self.find(labels).unwrap_or(cursor)
    }

    /// Takes the last letter back and returns the line to go to.
    pub fn pop(&mut self, cursor: usize, labels: &[String]) -> usize {
        self.query.pop();
        if self.query.is_empty() {
            return self.from.min(labels.len().saturating_sub(1));
        }
        self.find(labels).unwrap_or(cursor)
    }

    fn find(&self, labels: &[String]) -> Option<usize> {
        let n = labels.len();
        (0..n)
            .map(|i| (self.from + i) % n)
            .find(|&i| word_starts(&labels[i], &self.query))
    }
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
    fn typing_finds_a_word_start_from_where_the_search_began() {
        let labels = labels();
        let mut f = Finder::default();
        assert_eq!(
            f.push('e', 0, &labels),
            1,
            "education, not the 'e' in housing"
        );
        f.clear();
        assert_eq!(f.push('y', 3, &labels), 4, "from the cursor on: the voice");
        f.clear();
        assert_eq!(f.push('L', 0, &labels), 2, "any word, any case: lived");
        assert_eq!(f.push('q', 2, &labels), 2, "no match stays put");
        assert_eq!(f.pop(2, &labels), 2);
        assert_eq!(f.pop(2, &labels), 0, "all taken back: where it began");
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
