//! The strengths-language lens: finds deficit or blaming phrases and offers the alternative.
//! It only suggests; the room's words change only when the facilitator accepts.
//!
//! The rule: a phrase is flagged only where it describes people, and a rewording is offered
//! only where it reads correctly in that place.
//!
//! - **Names are left alone.** A phrase written with a capital in mid-sentence ("the
//!   Troubled Families programme"), or a naming word followed by a capitalised word or by a
//!   word that names a service ("Placement team", "contact centre", "respite service"), is
//!   the name of a team, place or process, not a description of anyone.
//! - **Each entry says what kind of words it replaces** ([`Fit`]), and the alternative is
//!   offered only where that kind fits: a naming word not where it stands as a verb
//!   ("I will contact the school"); a description after "is", "are", "been"… ("the family
//!   are hard for services to reach"), or, with its own wording, before the people it
//!   describes ("seldom-heard families"), and not where it describes an act ("hard to
//!   reach her by phone"); an action with or without an object ("said no" / "said no to").
//! - **Where the right words depend on who is meant, the lens asks.** "Did not attend"
//!   becomes "was not brought" only when the sentence names a young child (a baby, a
//!   toddler, an age under 11); about anyone else it asks a question and changes nothing.

mod words;

use serde::Deserialize;
use words::*;

/// What kind of words an entry replaces, which decides where its alternative fits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum Fit {
    /// The alternative reads correctly wherever the phrase stands.
    #[default]
    Anywhere,
    /// A naming word ("placement", "contact"): not where it stands as a verb.
    Naming,
    /// A description of people ("hard to reach"): `alternative` after "is", "are", "been"
    /// and the like at the end of a clause; `before_word` before the people it describes.
    Describing,
    /// Something a person did ("refused"): `alternative` at the end of a clause or before
    /// "to", "at", "when"…; `before_word` before what was done ("said no to medication").
    Action,
    /// An action that only a young child's carers are answerable for ("did not attend"):
    /// reworded only when the sentence names a young child, else the lens asks.
    YoungChild,
}

/// One phrase the lens looks for.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Entry {
    pub phrase: String,
    /// Other forms with the same meaning and the same alternative ("hard-to-reach").
    #[serde(default)]
    pub also: Vec<String>,
    /// What kind of words the phrase is, and so where the alternative fits.
    #[serde(default)]
    pub fit: Fit,
    /// The words to say instead, where they fit; none when the lens can only ask.
    #[serde(default)]
    pub alternative: Option<String>,
    /// The words to say instead when the phrase leads into another word: the people it
    /// describes, or what an action was done to.
    #[serde(default)]
    pub before_word: Option<String>,
    /// A question for the facilitator where no rewording fits.
    #[serde(default)]
    pub ask: Option<String>,
    /// Words that, anywhere in the phrase's sentence, make the alternative change the
    /// meaning (a court order, a named risk, "not allow" beside "contact"): there the lens
    /// asks instead of offering it.
    #[serde(default)]
    pub ask_beside: Vec<String>,
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
    /// The words to put in their place, or none when the lens asks a question instead.
    pub alternative: Option<String>,
    /// The question to ask when there is no alternative that fits.
    pub question: Option<String>,
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

    /// Every listed phrase in `text` that fits the rule above, in order, whole words only
    /// and case-insensitive (unless the entry says otherwise). Where two phrases overlap
    /// the longer one wins.
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
                    if !is_word_at(text, start, end) {
                        continue;
                    }
                    let place = Place::of(text, start, end);
                    let Some(alternative) = place.reading(entry) else {
                        continue;
                    };
                    found.push(Suggestion {
                        start,
                        end,
                        found: text[start..end].to_owned(),
                        question: entry.ask.clone().filter(|_| alternative.is_none()),
                        alternative,
                        reason: entry.reason.clone(),
                        blames_child: entry.blames_child,
                    });
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

/// Where a phrase stands in its sentence: the words before it and the words after.
struct Place<'a> {
    /// The words of the sentence before the phrase, lower-case, nearest last.
    before: Vec<String>,
    /// The sentence before the phrase, as written.
    sentence: &'a str,
    /// The whole sentence around the phrase, lower-case.
    whole: String,
    /// The next word and the one after, when the clause goes on.
    next: Option<&'a str>,
    after_next: Option<&'a str>,
    /// Whether the phrase opens a sentence.
    opens_sentence: bool,
    found: &'a str,
}

/// The words of `text`: letters, digits, apostrophes and hyphens.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
}

/// The word `text` opens with, if it opens with one (not with punctuation).
fn first_word(text: &str) -> Option<&str> {
    let text = text.trim_start_matches([' ', '\t']);
    text.chars()
        .next()
        .filter(|c| c.is_alphanumeric())
        .and_then(|_| words(text).next())
}

fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

impl<'a> Place<'a> {
    fn of(text: &'a str, start: usize, end: usize) -> Self {
        let sentence_start = text[..start]
            .rfind(['.', '!', '?', '\n'])
            .map_or(0, |i| i + 1);
        let sentence = &text[sentence_start..start];
        let sentence_end = text[end..]
            .find(['.', '!', '?', '\n'])
            .map_or(text.len(), |i| end + i);
        let next = first_word(&text[end..]);
        let after_next = next.and_then(|w| {
            let rest = &text[end..];
            let at = rest.find(w).map_or(rest.len(), |i| i + w.len());
            first_word(&rest[at..])
        });
        Place {
            before: words(sentence).map(str::to_lowercase).collect(),
            sentence,
            whole: text[sentence_start..sentence_end].to_lowercase(),
            next,
            after_next,
            opens_sentence: sentence
                .trim_end()
                .trim_end_matches(['"', '“', '‘', '(', ':', ';', '-', '–'])
                .trim()
                .is_empty(),
            found: &text[start..end],
        }
    }

    /// The words to offer for `entry` here: `None` when the phrase is not flagged here,
    /// `Some(None)` when the lens can only ask.
    fn reading(&self, entry: &Entry) -> Option<Option<String>> {
        if self.names_something(entry) {
            return None;
        }
        let fitted = match entry.fit {
            Fit::Anywhere => entry.alternative.clone(),
            Fit::Naming if self.stands_as_verb() => return None,
            Fit::Naming => entry.alternative.clone(),
            Fit::Describing if self.after_linking() => {
                if !self.clause_ends() {
                    // "hard to reach her by phone": an act, not a description of anyone.
                    return None;
                }
                entry.alternative.clone()
            }
            Fit::Describing if self.next.is_some_and(|w| !self.is_not_an_object(w)) => {
                entry.before_word.clone()
            }
            Fit::Describing => return None,
            Fit::Action => self.action(entry),
            Fit::YoungChild => self.young_child().and_then(|more_than_one| {
                let words = self.action(entry)?;
                Some(if more_than_one {
                    words.replacen("was ", "were ", 1)
                } else {
                    words
                })
            }),
        };
        // "must not allow contact with…", "contact as the court order allows": "time with"
        // would change what the sentence says, so ask.
        let fitted = fitted.filter(|_| !self.beside(&entry.ask_beside));
        match fitted {
            Some(words) => Some(Some(words)),
            None if entry.ask.is_some() => Some(None),
            None => None,
        }
    }

    /// Whether the phrase here is part of the name of a team, place or process.
    fn names_something(&self, entry: &Entry) -> bool {
        let shouted = !self.found.chars().any(char::is_lowercase);
        if !entry.case_sensitive && capitalised(self.found) && !shouted && !self.opens_sentence {
            return true;
        }
        // "contact with Dad": a phrase ending in "with" leads into a person, not a name.
        let leads_on = words(self.found)
            .last()
            .is_some_and(|w| is_in(NOT_AN_OBJECT, w) || is_in(JOINING, w));
        matches!(entry.fit, Fit::Naming | Fit::Describing)
            && !leads_on
            && self
                .next
                .is_some_and(|w| (capitalised(w) && w != "I") || is_in(SERVICE_WORDS, w))
    }

    /// Whether any of `cues` stands as whole words anywhere in the phrase's sentence.
    fn beside(&self, cues: &[String]) -> bool {
        cues.iter().any(|cue| {
            let cue = cue.to_lowercase();
            self.whole
                .match_indices(&cue)
                .any(|(at, _)| is_word_at(&self.whole, at, at + cue.len()))
        })
    }

    /// Whether a naming phrase stands as a verb here ("we will contact the school").
    fn stands_as_verb(&self) -> bool {
        self.before
            .last()
            .is_some_and(|w| is_in(VERB_MARKERS, w) || w.ends_with("'ll"))
    }

    /// Whether a description here follows a word that joins it to a person.
    fn after_linking(&self) -> bool {
        self.before
            .iter()
            .rev()
            .find(|w| !is_in(ADVERBS, w))
            .is_some_and(|w| is_in(LINKING, w) || w.ends_with("'s") || w.ends_with("'re"))
    }

    /// Whether the clause ends after the phrase (punctuation, the end, or a joining word).
    fn clause_ends(&self) -> bool {
        self.next.is_none_or(|w| is_in(JOINING, w))
    }

    /// Whether `word`, just after the phrase, starts something other than an object.
    fn is_not_an_object(&self, word: &str) -> bool {
        is_in(JOINING, word)
            || is_in(NOT_AN_OBJECT, word)
            || (is_in(&["this", "last", "next", "that", "every"], word)
                && self.after_next.is_some_and(|w| is_in(TIMES, w)))
    }

    /// An action's words: with or without what it was done to.
    fn action(&self, entry: &Entry) -> Option<String> {
        match self.next {
            Some(w) if !self.is_not_an_object(w) => entry.before_word.clone(),
            _ => entry.alternative.clone(),
        }
    }

    /// Whether the sentence names a young child before the phrase: `Some(true)` for more
    /// than one, `None` when it names none (or only older children and adults).
    fn young_child(&self) -> Option<bool> {
        let mut ages = 0;
        let mut young = false;
        let mut older = false;
        for (i, word) in self.before.iter().enumerate() {
            if is_in(YOUNG, word) {
                young = true;
            }
            let Some(age) = self.age_at(i) else {
                continue;
            };
            ages += 1;
            if age < YOUNG_BELOW {
                young = true;
            } else {
                older = true;
            }
        }
        if !young || older {
            return None;
        }
        Some(ages > 1 || self.before.iter().any(|w| is_in(MORE_THAN_ONE, w)))
    }

    /// The age in years (months and weeks count as 0) that word `i` of the sentence gives,
    /// as in "(3)", "aged 3", "3-year-old", "3 years" or "18 months".
    fn age_at(&self, i: usize) -> Option<u32> {
        let word = &self.before[i];
        let (number, unit) = match word.split_once('-') {
            Some((n, rest)) => (n, Some(rest.split('-').next().unwrap_or(""))),
            None => (word.as_str(), self.before.get(i + 1).map(String::as_str)),
        };
        let n: u32 = number.parse().ok()?;
        let in_brackets = self.sentence.contains(&format!("({number})"));
        let after_aged = i > 0 && is_in(&["aged", "age"], &self.before[i - 1]);
        match unit {
            Some("month" | "months" | "week" | "weeks" | "mo") => Some(0),
            Some("year" | "years" | "yr" | "yrs" | "yo") => Some(n),
            _ if in_brackets || after_aged => Some(n),
            _ => None,
        }
    }
}

/// The sentence that holds the suggestion, as it would read with the suggestion taken.
pub fn sentence_taken(text: &str, suggestion: &Suggestion) -> String {
    let ends = ['.', '!', '?', '\n'];
    let from = text[..suggestion.start].rfind(ends).map_or(0, |i| i + 1);
    let to = text[suggestion.end..]
        .find(ends)
        .map_or(text.len(), |i| suggestion.end + i + 1);
    let mut within = suggestion.clone();
    within.start -= from;
    within.end -= from;
    accept(&text[from..to], &within).trim().to_owned()
}

/// The text with one suggestion taken; the alternative opens with a capital where the
/// phrase had one, unless the phrase is an acronym in mid-sentence ("She is LAC" → "She is
/// in care"). A question changes nothing.
pub fn accept(text: &str, suggestion: &Suggestion) -> String {
    let Some(mut alternative) = suggestion.alternative.clone() else {
        return text.to_owned();
    };
    let found = &suggestion.found;
    let acronym = !found.chars().any(char::is_lowercase);
    let opens_sentence = text[..suggestion.start]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?'));
    if capitalised(found) && (opens_sentence || !acronym) {
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
                (e.alternative.is_some() || e.ask.is_some()) && !e.reason.is_empty(),
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
        assert_eq!(found[0].found, "Contact with");
        assert_eq!(
            accept("Contact with Dad went well", &found[0]),
            "Time with Dad went well"
        );
        assert!(lens.check("recontact, contactless").is_empty());
        let shouted = lens.check("Two PLACEMENTS ended");
        assert_eq!(shouted.len(), 1);
        assert_eq!(
            accept("Two PLACEMENTS ended", &shouted[0]),
            "Two homes ended"
        );
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
        assert_eq!(lens.check("She is a LAC").len(), 1);
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
        let question = &lens.check("Mum did not attend the core group.")[0];
        assert_eq!(question.alternative, None);
        assert!(question.question.is_some());
        assert_eq!(
            accept("Mum did not attend the core group.", question),
            "Mum did not attend the core group."
        );
    }
}
