//! Where a strength sits in the local system: sectors, an ecological level, and whose voice.

use serde::{Deserialize, Serialize};

/// The ecological levels (after the WHO framework).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    Individual,
    FamilyAndPeers,
    CommunityAndPlaces,
    SocietyAndStructures,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::Individual,
        Level::FamilyAndPeers,
        Level::CommunityAndPlaces,
        Level::SocietyAndStructures,
    ];

    /// A short name for a grid's heading.
    pub fn short(self) -> &'static str {
        match self {
            Level::Individual => "individual",
            Level::FamilyAndPeers => "family & peers",
            Level::CommunityAndPlaces => "community",
            Level::SocietyAndStructures => "society",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::Individual => "individual",
            Level::FamilyAndPeers => "family and peers",
            Level::CommunityAndPlaces => "community and places",
            Level::SocietyAndStructures => "society and structures",
        }
    }
}

/// Whose voice a record carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Voice {
    Professional,
    YoungPerson,
    ParentOrCarer,
    CommunityMember,
}

impl Voice {
    pub const ALL: [Voice; 4] = [
        Voice::Professional,
        Voice::YoungPerson,
        Voice::ParentOrCarer,
        Voice::CommunityMember,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Voice::Professional => "professional",
            Voice::YoungPerson => "young person",
            Voice::ParentOrCarer => "parent or carer",
            Voice::CommunityMember => "community member",
        }
    }
}

/// How close a person in the child's network is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Closeness {
    Close,
    Around,
    FurtherOut,
}

impl Closeness {
    pub const ALL: [Closeness; 3] = [Closeness::Close, Closeness::Around, Closeness::FurtherOut];

    pub fn label(self) -> &'static str {
        match self {
            Closeness::Close => "close",
            Closeness::Around => "around",
            Closeness::FurtherOut => "further out",
        }
    }
}

/// The tags a strength, dream or agreement may carry. All optional.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Tags {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<Voice>,
}

impl Tags {
    /// Whether nothing is tagged.
    pub fn is_empty(&self) -> bool {
        self.sectors.is_empty() && self.level.is_none() && self.voice.is_none()
    }

    /// The tags in words ("health, housing · community and places · young person").
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.sectors.is_empty() {
            parts.push(self.sectors.join(", "));
        }
        if let Some(level) = self.level {
            parts.push(level.label().to_owned());
        }
        if let Some(voice) = self.voice {
            parts.push(format!("voice: {}", voice.label()));
        }
        parts.join(" · ")
    }
}
