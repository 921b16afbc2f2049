//! Themes the room groups strengths and dreams under: when two are the same theme, and renaming one everywhere.

use super::{RecordBody, RecordKind, Session};

/// What a theme is compared by: its words, whatever their case and spacing, so
/// "Housing", "housing" and " housing " are one theme.
pub fn theme_key(theme: &str) -> String {
    theme
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether two themes are the same theme (see [`theme_key`]).
pub fn same_theme(a: &str, b: &str) -> bool {
    theme_key(a) == theme_key(b)
}

/// Whether records of this kind can be given a theme (strengths and dreams).
pub fn takes_theme(kind: RecordKind) -> bool {
    RecordBody::empty(kind).theme_mut().is_some()
}

impl Session {
    /// Every theme in use, each once, spelt as it was first used, in the order first used.
    pub fn themes(&self) -> Vec<String> {
        let mut themes: Vec<String> = Vec::new();
        for theme in self.records.iter().filter_map(|r| r.body.theme()) {
            if !theme.trim().is_empty() && !themes.iter().any(|t| same_theme(t, theme)) {
                themes.push(theme.to_owned());
            }
        }
        themes
    }

    /// A typed theme as the session keeps it: the spelling already in use when the theme
    /// is already there, otherwise the words as typed; `None` when nothing is typed.
    pub fn theme_spelling(&self, typed: &str) -> Option<String> {
        let typed = typed.trim();
        if typed.is_empty() {
            return None;
        }
        let known = self.themes().into_iter().find(|t| same_theme(t, typed));
        Some(known.unwrap_or_else(|| typed.to_owned()))
    }

    /// How many records have this theme.
    pub fn theme_count(&self, theme: &str) -> usize {
        self.records
            .iter()
            .filter(|r| r.body.theme().is_some_and(|t| same_theme(t, theme)))
            .count()
    }

    /// Gives every record with the theme `old` the theme `new` instead. When `new` is
    /// already another theme, the two become one under its spelling (they merge); when it
    /// is `old` itself, only the spelling changes. `None` (and nothing changed) when `new`
    /// holds no words.
    pub fn rename_theme(&mut self, old: &str, new: &str) -> Option<Renamed> {
        let merged = !same_theme(old, new) && self.themes().iter().any(|t| same_theme(t, new));
        let to = if same_theme(old, new) {
            Some(new.trim().to_owned()).filter(|t| !t.is_empty())
        } else {
            self.theme_spelling(new)
        }?;
        let mut records = 0;
        for record in &mut self.records {
            if let Some(theme) = record.body.theme_mut()
                && theme.as_deref().is_some_and(|t| same_theme(t, old))
                && theme.as_deref() != Some(to.as_str())
            {
                *theme = Some(to.clone());
                records += 1;
            }
        }
        Some(Renamed {
            to,
            records,
            merged,
        })
    }
}

/// What renaming a theme did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renamed {
    /// The theme's name now.
    pub to: String,
    /// How many records changed.
    pub records: usize,
    /// Whether it joined a theme already there.
    pub merged: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dream, SessionId, Strength};
    use time::macros::datetime;

    fn themed(themes: &[(&str, Option<&str>)]) -> Session {
        let now = datetime!(2026-11-25 09:00 UTC);
        let id = SessionId::parse("themes1").expect("valid id");
        let mut s = Session::new(id, "Harbour day", "appreciative-inquiry", "define", now);
        for (kind, theme) in themes {
            let theme = theme.map(str::to_owned);
            let body = match *kind {
                "dream" => RecordBody::Dream(Dream {
                    text: "A dream".into(),
                    theme,
                    ..Dream::default()
                }),
                _ => RecordBody::Strength(Strength {
                    text: "A strength".into(),
                    theme,
                    ..Strength::default()
                }),
            };
            s.add("discovery", body, now);
        }
        s
    }

    fn themes_of(s: &Session) -> Vec<Option<&str>> {
        s.records.iter().map(|r| r.body.theme()).collect()
    }

    #[test]
    fn themes_are_the_same_whatever_their_case_and_spacing() {
        assert!(same_theme("Housing", "housing"));
        assert!(same_theme("  Safe   places ", "safe places"));
        assert!(!same_theme("Housing", "Homes"));
        let s = themed(&[
            ("strength", Some("Housing")),
            ("strength", Some("HOUSING")),
            ("dream", Some("Safe places")),
        ]);
        assert_eq!(s.themes(), ["Housing", "Safe places"]);
        assert_eq!(s.theme_spelling(" housing "), Some("Housing".into()));
        assert_eq!(s.theme_spelling("Play"), Some("Play".into()));
        assert_eq!(s.theme_spelling("  "), None);
        assert_eq!(s.theme_count("housing"), 2);
    }

    #[test]
    fn strengths_and_dreams_take_themes_and_other_kinds_do_not() {
        assert!(takes_theme(RecordKind::Strength));
        assert!(takes_theme(RecordKind::Dream));
        assert!(!takes_theme(RecordKind::Agreement));
        assert!(!takes_theme(RecordKind::Note));
    }

    #[test]
    fn renaming_a_theme_changes_every_record_that_has_it_and_no_other() {
        let mut s = themed(&[
            ("strength", Some("Housing")),
            ("dream", Some("housing")),
            ("strength", Some("Play")),
            ("strength", None),
        ]);
        let renamed = s.rename_theme("HOUSING", "Homes").expect("a name");
        assert_eq!((renamed.records, renamed.merged), (2, false));
        assert_eq!(
            themes_of(&s),
            [Some("Homes"), Some("Homes"), Some("Play"), None]
        );
        // Only the spelling: the theme stays one theme.
        let count = |s: &mut Session, old, new| s.rename_theme(old, new).map(|r| r.records);
        assert_eq!(count(&mut s, "homes", "Homes and housing"), Some(2));
        assert_eq!(
            count(&mut s, "homes and housing", "HOMES AND HOUSING"),
            Some(2)
        );
        assert_eq!(s.themes(), ["HOMES AND HOUSING", "Play"]);
        assert_eq!(count(&mut s, "Play", "Play"), Some(0), "nothing to change");
        assert_eq!(
            count(&mut s, "Play", "  "),
            None,
            "never renamed to nothing"
        );
        assert_eq!(s.themes(), ["HOMES AND HOUSING", "Play"]);
    }

    #[test]
    fn renaming_to_a_theme_already_there_merges_the_two_under_its_spelling() {
        let mut s = themed(&[
            ("strength", Some("Homes")),
            ("strength", Some("Housing")),
            ("dream", Some("homes")),
        ]);
        let renamed = s.rename_theme("Homes", "HOUSING").expect("a name");
        assert_eq!(
            renamed,
            Renamed {
                to: "Housing".into(),
                records: 2,
                merged: true
            }
        );
        assert_eq!(
            themes_of(&s),
            [Some("Housing"), Some("Housing"), Some("Housing")]
        );
        assert_eq!(s.themes(), ["Housing"]);
    }
}
