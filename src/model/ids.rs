//! Stable identifiers for sessions and for the records inside them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A session's stable id: short, typable, and never derived from its title
/// (titles may hold a family's name; ids become file names).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SessionId(String);

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

    /// Accepts an id typed by a user or read from a file name, if it is safe as a file name:
    /// 1 to 64 characters of ASCII letters, digits, `-` or `_`.
    pub fn parse(text: &str) -> Option<Self> {
        let ok = !text.is_empty()
            && text.len() <= 64
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
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
            &"x".repeat(65),
        ] {
            assert_eq!(SessionId::parse(bad), None, "{bad:?}");
        }
    }
}
