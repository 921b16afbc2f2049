//! The strengths-language lens: finds deficit or blaming phrases and offers the alternative.
//! It only suggests; the room's words change only when the facilitator accepts.

use serde::Deserialize;

/// One phrase the lens looks for.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Entry {
    pub phrase: String,
    /// Other forms with the same meaning ("contacts").
    #[serde(default)]
    pub also: Vec<String>,
    pub alternative: String,
    /// Why, in one line.
    pub reason: String,
    /// Whether the phrase puts the responsibility for exploitation on the child.
    #[serde(default)]
    pub blames_child: bool,
    /// Whether case matters (for acronyms like "LAC").
    #[serde(default)]
    pub case_sensitive: bool,
}

/// A phrase found in some text, and what to say instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// Byte range of the phrase in the text.
    pub start: usize,
    pub end: usize,
    /// The words as they stand in the text.
    pub found: String,
    pub alternative: String,
    pub reason: String,
    pub blames_child: bool,
}

/// The lens: every entry of `assets/language.ron`.
#[derive(Clone, Debug)]
pub struct Lens {
    pub entries: Vec<Entry>,
}

/// The embedded list, as text.
pub const LANGUAGE: &str = include_str!("../assets/language.ron");

impl Lens {
    /// The lens built into the binary.
    pub fn embedded() -> Self {
        Self {
            entries: ron::from_str(LANGUAGE).unwrap_or_default(),
        }
    }

    /// The built-in lens, read once per process and shared.
    pub fn shared() -> std::sync::Arc<Self> {
        static SHARED: std::sync::OnceLock<std::sync::Arc<Lens>> = std::sync::OnceLock::new();
        std::sync::Arc::clone(SHARED.get_or_init(|| std::sync::Arc::new(Self::embedded())))
    }

    /// Every listed phrase in `text`, in order, whole words only and case-insensitive
    /// (unless the entry says otherwise). Where two phrases overlap the longer one wins.
    pub fn check(&self, text: &str) -> Vec<Suggestion> {
        let folded = text.to_ascii_lowercase();
        let mut found: Vec<Suggestion> = Vec::new();
        for entry in &self.entries {
            for phrase in std::iter::once(&entry.phrase).chain(&entry.also) {
                let (haystack, needle) = if entry.case_sensitive {
                    (text, phrase.clone())
                } else {
                    (folded.as_str(), phrase.to_ascii_lowercase())
                };
                let mut from = 0;
                while let Some(at) = haystack[from..].find(&needle) {
                    let start = from + at;
                    let end = start + needle.len();
                    from = end;
                    if is_word_at(text, start, end) {
                        found.push(Suggestion {
                            start,
                            end,
                            found: text[start..end].to_owned(),
                            alternative: entry.alternative.clone(),
                            reason: entry.reason.clone(),
                            blames_child: entry.blames_child,
                        });
                    }
                }
            }
        }
        found.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        let mut kept: Vec<Suggestion> = Vec::new();
        for s in found {
            if kept.last().is_none_or(|last| s.start >= last.end) {
                kept.push(s);
            }
        }
        kept
    }
}

/// Whether `text[start..end]` stands as whole words: no letter or digit just before or after.
fn is_word_at(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The text with one suggestion accepted; a capital at the start of the phrase is kept.
pub fn accept(text: &str, suggestion: &Suggestion) -> String {
    let mut alternative = suggestion.alternative.clone();
    if suggestion
        .found
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
    {
        let mut chars = alternative.chars();
        if let Some(first) = chars.next() {
            alternative = first.to_uppercase().chain(chars).collect();
        }
    }
    format!(
        "{}{}{}",
        &text[..suggestion.start],
        alternative,
        &text[suggestion.end..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_has_enough_entries_each_with_a_reason() {
        let lens = Lens::embedded();
        assert!(lens.entries.len() >= 25, "{}", lens.entries.len());
        for e in &lens.entries {
            assert!(
                !e.alternative.is_empty() && !e.reason.is_empty(),
                "{}",
                e.phrase
            );
        }
        assert!(lens.entries.iter().filter(|e| e.blames_child).count() >= 3);
    }

    #[test]
    fn matching_is_case_insensitive_and_whole_word() {
        let lens = Lens::embedded();
        let found = lens.check("Contact with Dad went well; she contacted the school.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].found, "Contact");
        assert_eq!(
            accept("Contact with Dad went well", &found[0]),
            "Time with family with Dad went well"
        );
        assert!(lens.check("recontact, contactless").is_empty());
        assert_eq!(lens.check("Two PLACEMENTS ended").len(), 1);
    }

    #[test]
    fn blaming_phrases_say_why() {
        let lens = Lens::embedded();
        let found = lens.check("He is putting himself at risk; it is a lifestyle choice.");
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|s| s.blames_child));
        assert!(found[1].reason.contains("blames the child"));
    }

    #[test]
    fn acronyms_match_only_in_capitals_and_the_longer_phrase_wins() {
        let lens = Lens::embedded();
        assert_eq!(lens.check("a LAC review").len(), 1);
        assert!(lens.check("a lac of time").is_empty());
        let found = lens.check("She has challenging behaviour");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].found, "challenging behaviour");
    }

    #[test]
    fn nothing_changes_without_accepting() {
        let lens = Lens::embedded();
        let text = "The placement ended";
        let found = lens.check(text);
        assert_eq!(found.len(), 1);
        assert_eq!(text, "The placement ended");
        assert_eq!(accept(text, &found[0]), "The home ended");
    }
}
