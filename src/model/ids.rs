//! Stable identifiers for sessions and for the records inside them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A session's stable id: short, typable, and never derived from its title
/// (titles may hold a family's name; ids become file names).
///
/// Every id in convene passes [`SessionId::parse`]: one alphabet and one length, checked
/// when it is typed, when it is read from a file name and when it is read from inside a
/// file (a file whose `id` is `../escape` does not parse). Even so, the id written inside a
/// file never chooses where the file is saved: a session is saved to the file it was read
/// from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SessionId(String);

/// The longest id convene accepts.
pub const MAX_ID_LEN: usize = 32;

impl TryFrom<String> for SessionId {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text).ok_or_else(|| {
            format!(
                "{:?} is not a session id (1 to {MAX_ID_LEN} lower-case letters, digits, `-` or `_`, starting with a letter or digit)",
                shown(&text)
            )
        })
    }
}

/// The refused text as it may be shown back in an error: one line, without control,
/// zero-width or bidi characters (model keeps its own few lines rather than reach up to
/// `text`; the message goes through the printing's cleaning again on its way out).
fn shown(text: &str) -> String {
    let kept = text.chars().filter(|&c| {
        (!c.is_control() || c.is_whitespace())
            && !matches!(
                c,
                '\u{200b}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{fffe}' | '\u{ffff}'
            )
    });
    let kept: String = kept.collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl From<SessionId> for String {
    fn from(id: SessionId) -> Self {
        id.0
    }
}

/// The alphabet for new ids: lower-case letters and digits without look-alikes (0/o, 1/l/i).
const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";

impl SessionId {
    /// A fresh random id such as `k7q2m9xa`.
    pub fn random(rng: &mut fastrand::Rng) -> Self {
        let id = (0..8)
            .map(|_| ALPHABET[rng.usize(..ALPHABET.len())] as char)
            .collect();
        Self(id)
    }

    /// Accepts an id typed by a user or read from a file, if it is safe as a file name on
    /// every system: 1 to [`MAX_ID_LEN`] characters of lower-case ASCII letters, digits, `-`
    /// or `_`, starting with a letter or digit (so it is never an option, never hidden, and
    /// two ids never differ only in case on a case-blind disk).
    pub fn parse(text: &str) -> Option<Self> {
        let ok = text.len() <= MAX_ID_LEN
            && text
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        ok.then(|| Self(text.to_owned()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A record's id, unique and never reused within its session.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct RecordId(pub u32);

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_are_safe_file_names() {
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..100 {
            let id = SessionId::random(&mut rng);
            assert_eq!(SessionId::parse(id.as_str()), Some(id.clone()));
            assert_eq!(id.as_str().len(), 8);
        }
    }

    #[test]
    fn ids_that_could_escape_the_folder_are_refused() {
        for bad in [
            "",
            "../x",
            "a/b",
            "a\\b",
            "..",
            "a.ron",
            "é",
            "-rf",
            "_hidden",
            "Upper",
            "a b",
            "a\u{1b}[2J",
            &"x".repeat(MAX_ID_LEN + 1),
        ] {
            assert_eq!(SessionId::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn an_id_read_from_a_file_is_checked_like_a_typed_one() {
        let ok: SessionId = serde_json::from_str("\"k7q2m9xa\"").expect("a good id");
        assert_eq!(ok.as_str(), "k7q2m9xa");
        for bad in [
            "\"../escape\"",
            "\"/tmp/x\"",
            "\"\"",
            "\"a\\u001b]0;t\\u0007\"",
        ] {
            assert!(serde_json::from_str::<SessionId>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_refused_id_is_shown_back_without_what_a_terminal_acts_on() {
        let err = SessionId::try_from("a\u{1b}]0;t\u{7}\u{202e}b\n  c".to_owned())
            .expect_err("not an id");
        assert!(err.starts_with("\"a]0;tb c\" is not a session id"), "{err}");
    }
}
