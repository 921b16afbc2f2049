//! The stage flows (Appreciative Inquiry, Family Group Conference) as data: embedded RON, plus the user's own.

use crate::model::RecordKind;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

/// A flow of stages a session walks through.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Framework {
    /// Stable id stored in session files.
    pub id: String,
    /// The name people see.
    pub name: String,
    /// A short name for the command line (`ai`, `fgc`).
    pub short: String,
    /// One sentence on what the flow is for.
    pub about: String,
    /// Whether sessions of this flow keep a conference's key facts, decision and review.
    #[serde(default)]
    pub conference: bool,
    pub stages: Vec<Stage>,
}

/// One stage of a flow.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Stage {
    /// Stable key stored in session files.
    pub key: String,
    pub name: String,
    /// One terminal column that marks the stage beside its name.
    pub symbol: String,
    /// What the stage is for, in a sentence or two.
    pub purpose: String,
    /// Questions the facilitator can put to the room.
    pub prompts: Vec<String>,
    /// Suggested length in minutes.
    pub minutes: u32,
    /// Whether the room's clock runs in the stage. A stage that runs over weeks (a
    /// conference's planning) says `timed: false`: its screen counts the days since the
    /// referral and to the conference instead of minutes.
    #[serde(default = "timed")]
    pub timed: bool,
    /// The record kinds the stage captures; the first is its main kind.
    pub captures: Vec<RecordKind>,
    /// Kinds made in earlier stages that this stage shows again to work on (a review
    /// revisits the plan items).
    #[serde(default)]
    pub revisits: Vec<RecordKind>,
}

/// A stage is timed unless its flow says otherwise.
fn timed() -> bool {
    true
}

impl Stage {
    /// Whether the stage belongs to the family alone (private family time): it captures
    /// nothing, nothing is written in it, and the room's screen shows only its name.
    pub fn family_only(&self) -> bool {
        self.captures.is_empty()
    }

    /// The stage's main record kind, if it captures anything.
    pub fn main_kind(&self) -> Option<RecordKind> {
        self.captures.first().copied()
    }
}

impl Framework {
    /// The stage with this key.
    pub fn stage(&self, key: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.key == key)
    }

    /// The position of the stage with this key.
    pub fn stage_index(&self, key: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.key == key)
    }

    /// The first stage's key.
    pub fn first_stage(&self) -> &str {
        self.stages.first().map_or("", |s| s.key.as_str())
    }

    /// A session's plan for the day: its own, else the stages with their minutes.
    pub fn plan_of(&self, session: &crate::model::Session) -> crate::model::Agenda {
        session.agenda.clone().unwrap_or_else(|| {
            crate::model::Agenda::from_stages(self.stages.iter().map(|s| (&*s.key, s.minutes)))
        })
    }
}

/// The frameworks built into the binary, Appreciative Inquiry first.
pub const EMBEDDED: [(&str, &str); 2] = [
    (
        "appreciative-inquiry.ron",
        include_str!("../assets/frameworks/appreciative-inquiry.ron"),
    ),
    (
        "family-group-conference.ron",
        include_str!("../assets/frameworks/family-group-conference.ron"),
    ),
];

/// Why a framework file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FrameworkError {
    #[error("{file}:{line}:{col}: {reason}")]
    Parse {
        file: String,
        line: usize,
        col: usize,
        reason: String,
    },
    #[error("{file}: {reason}")]
    Invalid { file: String, reason: String },
    #[error("{file}: could not be read: {reason}")]
    Read { file: String, reason: String },
}

/// Parses and checks one framework file.
pub fn parse(file: &str, text: &str) -> Result<Framework, FrameworkError> {
    let framework: Framework = ron::from_str(text).map_err(|e| FrameworkError::Parse {
        file: file.to_owned(),
        line: e.span.start.line,
        col: e.span.start.col,
        reason: e.code.to_string(),
    })?;
    validate(&framework).map_err(|reason| FrameworkError::Invalid {
        file: file.to_owned(),
        reason,
    })?;
    Ok(framework)
}

/// The rules every framework meets: an id, stages with unique keys, a purpose, at least
/// three prompts, a time, and a one-column symbol.
pub fn validate(framework: &Framework) -> Result<(), String> {
    let safe_key = |k: &str| {
        !k.is_empty()
            && k.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    if !safe_key(&framework.id) {
        return Err(format!(
            "the id {:?} should be lower-case letters, digits and dashes",
            framework.id
        ));
    }
    if framework.name.trim().is_empty() || framework.short.trim().is_empty() {
        return Err("a framework needs a name and a short name".into());
    }
    if framework.stages.is_empty() {
        return Err("a framework needs at least one stage".into());
    }
    for (i, stage) in framework.stages.iter().enumerate() {
        let name = &stage.name;
        if !safe_key(&stage.key) {
            return Err(format!(
                "stage {name:?}: the key {:?} should be lower-case letters, digits and dashes",
                stage.key
            ));
        }
        if framework.stages[..i].iter().any(|s| s.key == stage.key) {
            return Err(format!("the stage key {:?} is used twice", stage.key));
        }
        if stage.purpose.trim().is_empty() {
            return Err(format!("stage {name:?} needs a purpose"));
        }
        if stage.prompts.len() < 3 || stage.prompts.iter().any(|p| p.trim().is_empty()) {
            return Err(format!("stage {name:?} needs at least three prompts"));
        }
        if stage.minutes == 0 {
            return Err(format!("stage {name:?} needs suggested minutes above zero"));
        }
        if stage.symbol.width() != 1 {
            return Err(format!(
                "stage {name:?}: the symbol {:?} should be one column wide",
                stage.symbol
            ));
        }
    }
    Ok(())
}

/// All frameworks the app knows: the embedded ones, then any in the user's folder.
#[derive(Clone, Debug)]
pub struct Frameworks {
    pub all: Vec<Framework>,
}

impl Frameworks {
    /// Only the embedded frameworks.
    pub fn embedded() -> Self {
        let all = EMBEDDED
            .iter()
            .filter_map(|(file, text)| parse(file, text).ok())
            .collect();
        Self { all }
    }

    /// The embedded frameworks plus every `*.ron` in `folder` (if it exists). A user file
    /// that cannot be used is reported, never fatal; one that reuses an id is skipped.
    pub fn with_user_folder(folder: &Path) -> (Self, Vec<FrameworkError>) {
        let mut me = Self::embedded();
        let mut problems = Vec::new();
        let Ok(entries) = std::fs::read_dir(folder) else {
            return (me, problems);
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect();
        paths.sort();
        for path in paths {
            let file = path.display().to_string();
            let loaded = std::fs::read_to_string(&path)
                .map_err(|e| FrameworkError::Read {
                    file: file.clone(),
                    reason: crate::plain::io(&e),
                })
                .and_then(|text| parse(&file, &text));
            match loaded {
                Ok(f) if me.get(&f.id).is_some() || me.get(&f.short).is_some() => {
                    problems.push(FrameworkError::Invalid {
                        file,
                        reason: format!(
                            "the id {:?} or short name {:?} is already taken",
                            f.id, f.short
                        ),
                    })
                }
                Ok(f) => me.all.push(f),
                Err(e) => problems.push(e),
            }
        }
        (me, problems)
    }

    /// The framework with this id or short name.
    pub fn get(&self, id_or_short: &str) -> Option<&Framework> {
        self.all
            .iter()
            .find(|f| f.id == id_or_short || f.short == id_or_short)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_framework_loads_and_is_valid() {
        for (file, text) in EMBEDDED {
            let f = parse(file, text).unwrap_or_else(|e| panic!("{e}"));
            assert!(f.stages.len() >= 4, "{file}");
        }
        assert_eq!(Frameworks::embedded().all.len(), EMBEDDED.len());
    }

    #[test]
    fn appreciative_inquiry_walks_define_then_the_four_ds() {
        let fw = Frameworks::embedded();
        let ai = fw.get("ai").expect("AI is embedded");
        let keys: Vec<&str> = ai.stages.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["define", "discovery", "dream", "design", "destiny"]);
        let define = ai.stage("define").expect("Define is the first stage");
        assert_eq!(define.main_kind(), Some(RecordKind::Topic));
        assert!(define.captures.contains(&RecordKind::ChangeGoal));
        assert_eq!(
            ai.stage("discovery").and_then(Stage::main_kind),
            Some(RecordKind::Strength)
        );
        assert_eq!(
            ai.stage("dream").and_then(Stage::main_kind),
            Some(RecordKind::Dream)
        );
        assert_eq!(
            ai.stage("design").and_then(Stage::main_kind),
            Some(RecordKind::DesignStatement)
        );
        assert_eq!(
            ai.stage("destiny").and_then(Stage::main_kind),
            Some(RecordKind::Agreement)
        );
    }

    #[test]
    fn the_conference_keeps_private_family_time_free_of_records() {
        let fw = Frameworks::embedded();
        let fgc = fw.get("fgc").expect("FGC is embedded");
        let names: Vec<&str> = fgc.stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Planning",
                "Information",
                "Private family time",
                "Agreement",
                "Review"
            ]
        );
        assert!(
            fgc.stage("private-family-time")
                .is_some_and(|s| s.captures.is_empty())
        );
    }

    #[test]
    fn a_broken_framework_names_line_and_column() {
        let err = parse("mine.ron", "(\n  id: \"x\",\n  name: 7,\n)").expect_err("broken");
        let text = err.to_string();
        assert!(text.starts_with("mine.ron:3:"), "{text}");
    }

    #[test]
    fn a_framework_with_too_few_prompts_is_refused() {
        let (_, ai) = EMBEDDED[0];
        let mut f: Framework = ron::from_str(ai).expect("embedded parses");
        f.stages[0].prompts.truncate(2);
        assert!(validate(&f).is_err_and(|e| e.contains("three prompts")));
    }

    #[test]
    fn user_frameworks_are_added_and_bad_ones_reported() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (_, ai) = EMBEDDED[0];
        // A flow written before the topic was its own record still says `Note`.
        let mine = ai
            .replace("\"appreciative-inquiry\"", "\"team-retro\"")
            .replace("short: \"ai\"", "short: \"retro\"")
            .replace(
                "[Topic, ChangeGoal, Participant, Note]",
                "[Note, ChangeGoal, Participant]",
            );
        std::fs::write(dir.path().join("retro.ron"), mine).expect("write");
        std::fs::write(dir.path().join("broken.ron"), "(").expect("write");
        std::fs::write(dir.path().join("copy.ron"), ai).expect("write");
        let (fw, problems) = Frameworks::with_user_folder(dir.path());
        let retro = fw.get("retro").expect("the user's flow is added");
        assert_eq!(retro.stages[0].main_kind(), Some(RecordKind::Note));
        assert_eq!(fw.all.len(), 3);
        assert_eq!(problems.len(), 2, "{problems:?}");
    }
}
