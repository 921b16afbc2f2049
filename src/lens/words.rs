//! The lens's word lists: words that mark a service, a verb, a time, a young child and the rest.

/// Words after a naming phrase that make it the name of a service, team, place or process.
pub(super) const SERVICE_WORDS: &[&str] = &[
    "team",
    "teams",
    "service",
    "services",
    "panel",
    "centre",
    "center",
    "officer",
    "officers",
    "worker",
    "workers",
    "manager",
    "coordinator",
    "unit",
    "hub",
    "project",
    "provider",
    "providers",
    "order",
    "orders",
    "meeting",
    "review",
    "reviews",
    "plan",
    "policy",
    "budget",
    "forum",
    "scheme",
    "programme",
    "program",
    "group",
    "arrangements",
    "breakdown",
    "care",
    "fund",
    "funding",
    "register",
    "form",
    "log",
    "record",
    "records",
    "report",
];
/// Words just before a naming phrase that make it a verb ("to contact", "we contact").
pub(super) const VERB_MARKERS: &[&str] = &[
    "to", "will", "would", "can", "could", "should", "must", "may", "might", "please", "i", "we",
    "you", "they", "not", "did", "didn't", "do", "don't", "does", "doesn't", "i'll", "we'll",
    "you'll", "they'll",
];
/// Words that join a description to the person it describes ("is", "been"), or that hold
/// the person it describes ("found them hard to reach").
pub(super) const LINKING: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "seem", "seems", "seemed", "remain",
    "remains", "remained", "appear", "appears", "appeared", "become", "becomes", "became", "feel",
    "feels", "felt", "them", "him", "her", "us", "me",
];
/// Words that may stand between a linking word and a description ("is very").
pub(super) const ADVERBS: &[&str] = &[
    "very",
    "so",
    "quite",
    "really",
    "always",
    "still",
    "often",
    "sometimes",
    "too",
    "rather",
    "extremely",
    "also",
    "now",
    "usually",
    "increasingly",
    "more",
    "less",
    "fairly",
    "pretty",
    "particularly",
    "completely",
    "totally",
    "often",
    "never",
    "not",
    "just",
];
/// Words that end a clause or join another, after which a description is complete.
pub(super) const JOINING: &[&str] = &[
    "and", "but", "or", "because", "so", "when", "while", "whilst", "since", "though", "although",
    "as", "if", "until", "unless", "which", "who",
];
/// Words that start what an action was done about without being its object ("refused
/// on Monday", "did not attend again").
pub(super) const NOT_AN_OBJECT: &[&str] = &[
    "to",
    "about",
    "after",
    "again",
    "against",
    "around",
    "at",
    "before",
    "by",
    "during",
    "for",
    "from",
    "in",
    "into",
    "on",
    "over",
    "through",
    "throughout",
    "till",
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "with",
    "twice",
    "once",
    "either",
    "then",
    "now",
    "here",
    "there",
    "outright",
    "completely",
];
/// Words that follow "this", "last" or "next" in a time ("did not attend this week").
pub(super) const TIMES: &[&str] = &[
    "week",
    "month",
    "term",
    "year",
    "morning",
    "afternoon",
    "evening",
    "time",
    "weekend",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Words that name a young child, or more than one.
pub(super) const YOUNG: &[&str] = &[
    "baby", "babies", "infant", "infants", "toddler", "toddlers", "newborn", "newborns",
];
pub(super) const MORE_THAN_ONE: &[&str] = &[
    "babies", "infants", "toddlers", "newborns", "twins", "children", "they", "both",
];
/// Ages under this are a young child's, brought to appointments by an adult.
pub(super) const YOUNG_BELOW: u32 = 11;
