//! The one place the wall clock is read: every part of convene that needs "now" asks here.
//!
//! In a build with the `dev-tools` feature (the tests' and benchmarks' build, never the
//! user's), `CONVENE_TEST_NOW` (RFC 3339, e.g. `2026-03-02T09:00:00Z`) sets the first
//! reading, and the clock runs on from there in real time: so a test can give the real
//! binary a day, and no test depends on today's date.

use time::OffsetDateTime;

/// The variable that gives a test build its day (ignored by the user's build).
pub const TEST_NOW: &str = "CONVENE_TEST_NOW";

/// Now, in UTC.
#[allow(clippy::disallowed_methods)] // the one reading of the clock
pub fn now() -> OffsetDateTime {
    let real = OffsetDateTime::now_utc();
    real + shift()
}

/// How far a test build's clock is set from the real one (nothing in the user's build).
#[cfg(feature = "dev-tools")]
#[allow(clippy::disallowed_methods)] // the one reading of the clock
fn shift() -> time::Duration {
    use std::sync::OnceLock;
    static SHIFT: OnceLock<time::Duration> = OnceLock::new();
    *SHIFT.get_or_init(|| {
        std::env::var(TEST_NOW)
            .ok()
            .and_then(|text| {
                OffsetDateTime::parse(text.trim(), &time::format_description::well_known::Rfc3339)
                    .ok()
            })
            .map_or(time::Duration::ZERO, |set| set - OffsetDateTime::now_utc())
    })
}

#[cfg(not(feature = "dev-tools"))]
const fn shift() -> time::Duration {
    time::Duration::ZERO
}
