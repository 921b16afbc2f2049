//! Which files in the sessions folder belong to which session: its file, backup, copies, temp files and lock.

use crate::model::SessionId;
use std::path::{Path, PathBuf};

/// What a file in the folder is to the session it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// `<id>.ron`: the session itself.
    Session,
    /// `<id>.ron.bak`: the version before the last save.
    Backup,
    /// `<id>.conflict-<time>[-theirs].ron`: a version kept when two programs changed it.
    Conflict,
    /// `convene-<id>-copy[-<time>].ron`: a copy written when the folder could not be.
    Rescue,
    /// `.<id>.….tmp`: part of a write that did not finish.
    Temp,
    /// `.<id>.lock`: the lock a window holds while the session is open.
    Lock,
}

impl Role {
    /// The role in a few words, for listings.
    pub fn label(self) -> &'static str {
        match self {
            Role::Session => "session",
            Role::Backup => "backup",
            Role::Conflict => "conflict copy",
            Role::Rescue => "rescue copy",
            Role::Temp => "unfinished write",
            Role::Lock => "lock",
        }
    }
}

/// The session a file belongs to, and its role, read from its name alone.
pub fn owner(path: &Path) -> Option<(SessionId, Role)> {
    let name = path.file_name()?.to_str()?;
    let (id, role) = if let Some(hidden) = name.strip_prefix('.') {
        if let Some(id) = hidden.strip_suffix(".lock") {
            (id, Role::Lock)
        } else if hidden.ends_with(".tmp") {
            (hidden.split('.').next()?, Role::Temp)
        } else {
            return None;
        }
    } else if let Some(stem) = name.strip_suffix(".ron.bak") {
        (stem, Role::Backup)
    } else if let Some(rest) = name.strip_prefix("convene-") {
        (rescue_id(rest.strip_suffix(".ron")?)?, Role::Rescue)
    } else if let Some(stem) = name.strip_suffix(".ron") {
        match stem.split_once(".conflict-") {
            Some((id, _)) => (id, Role::Conflict),
            None => (stem, Role::Session),
        }
    } else {
        return None;
    };
    Some((SessionId::parse(id)?, role))
}

/// The id in a rescue copy's name without `convene-` and `.ron`: `<id>-copy` or
/// `<id>-copy-<time>[-n]`, the time as `unique_stamp` writes it.
fn rescue_id(rest: &str) -> Option<&str> {
    if let Some(id) = rest.strip_suffix("-copy") {
        return Some(id);
    }
    let (id, stamp) = rest.rsplit_once("-copy-").filter(|(_, stamp)| {
        let b = stamp.as_bytes();
        b.len() >= 22
            && b[8] == b'T'
            && b[15] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 8 || c.is_ascii_digit() || (i >= 15 && *c == b'-'))
    })?;
    (!stamp.is_empty()).then_some(id)
}

/// Every file in `dir` that belongs to a session, with its owner and role, sorted.
pub fn belonging(dir: &Path) -> std::io::Result<Vec<(PathBuf, SessionId, Role)>> {
    let mut out: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| owner(&p).map(|(id, role)| (p, id, role)))
        .collect();
    out.sort_by(|a, b| (&a.1, a.2, &a.0).cmp(&(&b.1, b.2, &b.0)));
    Ok(out)
}

/// Backups and copies whose session file is gone: words that may exist nowhere else.
pub fn orphans(dir: &Path) -> Vec<(PathBuf, Role)> {
    let all = belonging(dir).unwrap_or_default();
    let has_session = |id: &SessionId| {
        all.iter()
            .any(|(_, other, role)| other == id && *role == Role::Session)
    };
    all.iter()
        .filter(|(_, id, role)| {
            matches!(role, Role::Backup | Role::Conflict | Role::Rescue) && !has_session(id)
        })
        .map(|(path, _, role)| (path.clone(), *role))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_file_names_its_session_and_role() {
        let cases = [
            ("k7q2m9xa.ron", Some(("k7q2m9xa", Role::Session))),
            ("k7q2m9xa.ron.bak", Some(("k7q2m9xa", Role::Backup))),
            (
                "k7q2m9xa.conflict-20261125T101500-123456.ron",
                Some(("k7q2m9xa", Role::Conflict)),
            ),
            (
                "k7q2m9xa.conflict-20261125T101500.ron",
                Some(("k7q2m9xa", Role::Conflict)),
            ),
            (
                "k7q2m9xa.conflict-20261125T101500-123456-2-theirs.ron",
                Some(("k7q2m9xa", Role::Conflict)),
            ),
            (
                "convene-k7q2m9xa-copy.ron",
                Some(("k7q2m9xa", Role::Rescue)),
            ),
            (
                "convene-k7q2m9xa-copy-20261125T101500-123456.ron",
                Some(("k7q2m9xa", Role::Rescue)),
            ),
            // An id that itself ends in "-copy" is not mistaken for another's copy.
            (
                "convene-ab-copy-copy-20261125T101500-123456.ron",
                Some(("ab-copy", Role::Rescue)),
            ),
            (".k7q2m9xa.ron.x1Yz.tmp", Some(("k7q2m9xa", Role::Temp))),
            (".k7q2m9xa.ron.bak.tmp", Some(("k7q2m9xa", Role::Temp))),
            (".k7q2m9xa.lock", Some(("k7q2m9xa", Role::Lock))),
            (".summaries.ron", None),
            ("notes.txt", None),
            ("Upper.ron", None),
        ];
        for (name, want) in cases {
            let got = owner(Path::new(name));
            let want = want.map(|(id, role)| (SessionId::parse(id).expect("id"), role));
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn copies_without_their_session_are_orphans() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in [
            "kept1.ron",
            "kept1.ron.bak",
            "gone1.ron.bak",
            "gone1.conflict-20261125T101500-000001.ron",
            ".gone1.lock",
        ] {
            std::fs::write(dir.path().join(name), "x").expect("write");
        }
        let names: Vec<String> = orphans(dir.path())
            .into_iter()
            .map(|(p, _)| p.file_name().expect("name").to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            ["gone1.ron.bak", "gone1.conflict-20261125T101500-000001.ron"]
        );
    }
}
