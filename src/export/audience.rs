//! Who an export is for: the family, the professionals, or a partnership's board.

use crate::model::Session;

/// Who will read an export. The audience chooses what a document holds and in which
/// order, never how a record is spelled (that is the one description in `describe`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Audience {
    /// The family's copy of a conference: their plan first, in their words, dates in words
    Family,
    /// Everything recorded, for the professionals (the default for a conference)
    #[default]
    Professionals,
    /// For a partnership's board (the default for a workshop)
    Partnership,
}

impl Audience {
    /// Every audience, in the order they are offered.
    pub const ALL: [Audience; 3] = [
        Audience::Family,
        Audience::Professionals,
        Audience::Partnership,
    ];

    /// Who the audience is, for people.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Family => "the family's copy",
            Audience::Professionals => "the professionals' full record",
            Audience::Partnership => "the partnership's summary",
        }
    }

    /// The word typed after `--for` (clap's name for the value).
    pub fn name(self) -> String {
        use clap::ValueEnum;
        self.to_possible_value()
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default()
    }

    /// Who a session's export is for unless someone says otherwise: the professionals for
    /// a conference (they hold the whole record), the partnership for a workshop.
    pub fn default_for(session: &Session) -> Self {
        if session.is_conference() {
            Audience::Professionals
        } else {
            Audience::Partnership
        }
    }

    /// The audiences that make sense for a session. A conference has a family's copy but
    /// no partnership summary: it is about one child, and a board has no business reading
    /// it. A workshop has a partnership summary but no family's copy: it has no child, no
    /// plan for a child and no safe network to draw one from. Both have the full record.
    pub fn for_session(session: &Session) -> Vec<Self> {
        if session.is_conference() {
            vec![Audience::Family, Audience::Professionals]
        } else {
            vec![Audience::Professionals, Audience::Partnership]
        }
    }

    /// Whether the audience makes sense for the session (see [`Audience::for_session`]).
    pub fn fits(self, session: &Session) -> bool {
        Self::for_session(session).contains(&self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn session(framework: &str) -> Session {
        Session::new(
            crate::model::SessionId::parse("a1b2c3d4").expect("a valid id"),
            "Test".to_owned(),
            framework.to_owned(),
            "planning".to_owned(),
            datetime!(2026-11-25 10:00 UTC),
        )
    }

    #[test]
    fn a_conference_is_for_the_professionals_unless_asked_and_has_a_family_copy() {
        let s = session("family-group-conference");
        assert_eq!(Audience::default_for(&s), Audience::Professionals);
        assert!(Audience::Family.fits(&s));
        assert!(!Audience::Partnership.fits(&s));
    }

    #[test]
    fn a_workshop_is_for_the_partnership_unless_asked_and_has_no_family_copy() {
        let s = session("appreciative-inquiry");
        assert_eq!(Audience::default_for(&s), Audience::Partnership);
        assert!(Audience::Professionals.fits(&s));
        assert!(!Audience::Family.fits(&s));
    }
}
