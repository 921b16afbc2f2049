//! The user's settings: one RON file in the config folder. A bad file is reported with
//! line and column, and the app carries on with its defaults.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a user can set. Every field may be left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `default`, `light` or `high-contrast`.
    #[serde(default)]
    pub theme: Option<String>,
    /// Where the sessions live.
    #[serde(default)]
    pub sessions: Option<PathBuf>,
    /// Weeks from a Family Group Conference to its suggested review.
    #[serde(default)]
    pub review_weeks: Option<u32>,
    /// Suggested minutes by stage key, e.g. `{"discovery": 90}`.
    #[serde(default)]
    pub minutes: BTreeMap<String, u32>,
    /// Sectors of your own for the partnership map, added to the defaults.
    #[serde(default)]
    pub sectors: Vec<String>,
    /// The coordinator a new Family Group Conference starts with (name, phone, email),
    /// changed in the conference's key facts.
    #[serde(default)]
    pub coordinator: crate::model::Coordinator,
}

/// The config file's place: `<config folder>/config.ron`.
pub fn path() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "convene", "convene")
        .map(|d| d.config_dir().join("config.ron"))
}

/// Reads the config file; a missing file is the defaults. An error names the file, line,
/// column and reason.
pub fn load(path: &Path) -> Result<Config, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => {
            return Err(format!(
                "{}: could not be read: {}",
                path.display(),
                crate::plain::io(&e)
            ));
        }
    };
    ron::from_str(&text).map_err(|e| {
        format!(
            "{}:{}:{}: {}",
            path.display(),
            e.span.start.line,
            e.span.start.col,
            e.code
        )
    })
}

/// A commented example, for `convene config init` and the README.
pub const EXAMPLE: &str = r#"// convene settings. Every line is optional.
(
    // default, light or high-contrast (NO_COLOR=1 takes the colour out of any of them)
    theme: Some("default"),
    // where the sessions live (--dir and CONVENE_DIR win over this)
    // sessions: Some("/home/me/Sessions"),
    // weeks from a Family Group Conference to the review it suggests
    review_weeks: Some(12),
    // suggested minutes for a stage, by its key
    minutes: {
        "discovery": 60,
    },
    // the coordinator a new Family Group Conference starts with (the family's copy says
    // how to reach them); each conference's key facts can change it
    // coordinator: (name: "Ana Reyes", phone: "01632 960 123", email: "ana.reyes@example.org"),
)
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_the_defaults_and_the_example_reads() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(load(&dir.path().join("config.ron")), Ok(Config::default()));
        let file = dir.path().join("example.ron");
        std::fs::write(&file, EXAMPLE).expect("write");
        let config = load(&file).expect("the example reads");
        assert_eq!(config.theme.as_deref(), Some("default"));
        assert_eq!(config.minutes.get("discovery"), Some(&60));
    }

    #[test]
    fn a_bad_file_names_line_and_column() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("config.ron");
        std::fs::write(&file, "(\n  theme: Some(\"light\"),\n  colour: 3,\n)").expect("write");
        let err = load(&file).expect_err("unknown field");
        assert!(err.contains("config.ron:3:"), "{err}");
    }
}
