//! How times and dates are written: RFC 3339 timestamps and `YYYY-MM-DD` dates in files, dates in words for families.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

/// Serde for an optional `YYYY-MM-DD` date.
pub mod iso_date_option {
    pub use super::iso_date::option::*;
}

/// Serde for a `YYYY-MM-DD` date.
pub mod iso_date_required {
    pub use super::iso_date::{deserialize, serialize};
}

/// Serde for RFC 3339 timestamps.
pub use time::serde::rfc3339;

/// A date as `YYYY-MM-DD`.
pub fn format_date(date: Date) -> String {
    date.format(format_description!("[year]-[month]-[day]"))
        .unwrap_or_else(|_| date.to_string())
}

/// A date in words, as a letter would write it: `Friday 15 January 2027`.
pub fn date_in_words(date: Date) -> String {
    date.format(format_description!(
        "[weekday repr:long] [day padding:none] [month repr:long] [year]"
    ))
    .unwrap_or_else(|_| format_date(date))
}

/// Reads `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text.trim(), format_description!("[year]-[month]-[day]")).ok()
}

/// A timestamp as RFC 3339.
pub fn format_timestamp(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_else(|_| at.to_string())
}

/// A timestamp as `YYYY-MM-DD HH:MM` for people to read.
pub fn format_short(at: OffsetDateTime) -> String {
    at.format(format_description!("[year]-[month]-[day] [hour]:[minute]"))
        .unwrap_or_else(|_| at.to_string())
}

/// A timestamp in a reader's time zone, with the zone named: `2026-10-05 10:20 UTC+01:00`
/// (or `… UTC`), so a reader elsewhere is never left guessing.
pub fn format_zoned(at: OffsetDateTime, offset: time::UtcOffset) -> String {
    let zone = if offset.is_utc() {
        "UTC".to_owned()
    } else {
        let (h, m, _) = offset.as_hms();
        let sign = if offset.is_negative() { '-' } else { '+' };
        format!("UTC{sign}{:02}:{:02}", h.unsigned_abs(), m.unsigned_abs())
    };
    format!("{} {zone}", format_short(at.to_offset(offset)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn dates_read_back_as_written() {
        assert_eq!(format_date(date!(2026 - 03 - 09)), "2026-03-09");
        assert_eq!(parse_date(" 2026-03-09 "), Some(date!(2026 - 03 - 09)));
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("next week"), None);
    }

    #[test]
    fn dates_in_words_name_the_weekday_and_month_without_a_leading_zero() {
        assert_eq!(
            date_in_words(date!(2027 - 01 - 15)),
            "Friday 15 January 2027"
        );
        assert_eq!(
            date_in_words(date!(2026 - 11 - 02)),
            "Monday 2 November 2026"
        );
        assert_eq!(
            date_in_words(date!(2028 - 02 - 29)),
            "Tuesday 29 February 2028"
        );
    }

    #[test]
    fn timestamps_are_rfc3339() {
        assert_eq!(
            format_timestamp(datetime!(2026-11-25 14:02:11 UTC)),
            "2026-11-25T14:02:11Z"
        );
    }
}
