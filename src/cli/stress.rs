//! `convene stress-saves` (hidden): saves a session over and over through the real store,
//! printing each save, so the crash test can kill it at random moments.

use super::{CliError, Context, ExitKind};
use crate::model::{Note, RecordBody, Session, SessionId};
use std::io::Write;

/// Development only: add a note and save, N times, printing `saved K` after each save that
/// reached the disk.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session to write (created if it is not there)
    pub id: String,
    /// How many saves
    #[arg(long, default_value_t = 1000, value_parser = super::numbers::count)]
    pub edits: u32,
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let id = SessionId::parse(&args.id).ok_or_else(|| {
        CliError::new(
            ExitKind::Usage,
            format!("{:?} is not a session id", args.id),
        )
    })?;
    let store = ctx.store()?;
    store.clean_leftovers();
    let path = store.path_of(&id);
    let lock = crate::store::try_lock(&path)
        .map_err(|e| CliError::new(ExitKind::Storage, e.to_string()))?
        .ok_or_else(|| CliError::new(ExitKind::Storage, "the session is open elsewhere"))?;
    let now = crate::clock::now();
    let mut loaded = match store.load(&id) {
        Ok(loaded) => loaded,
        Err(crate::store::StoreError::NotFound(_)) => {
            let session = Session::new(id, "Crash test", "appreciative-inquiry", "define", now);
            store.create(&session)?
        }
        Err(e) => return Err(e.into()),
    };
    let start = loaded.session.records.len();
    let stdout = std::io::stdout();
    for k in 1..=args.edits {
        let words = format!(
            "edit {} {}",
            start + k as usize,
            "strength ".repeat(k as usize % 50)
        );
        loaded
            .session
            .add("define", RecordBody::Note(Note { text: words }), now);
        let saved = store.save(&loaded.path, &loaded.session, loaded.fingerprint)?;
        loaded.fingerprint = saved;
        let mut out = stdout.lock();
        let _ = writeln!(out, "saved {}", start + k as usize);
        let _ = out.flush();
    }
    drop(lock);
    Ok(ExitKind::Done)
}
