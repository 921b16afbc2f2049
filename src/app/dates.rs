//! Due dates as people type them: `YYYY-MM-DD`, or `+3d`, `+2w`, `+1m` from today.

use crate::model::timefmt::parse_date;
use time::{Date, Duration, Month};

/// Reads a due date. Empty text means no date (`Ok(None)`); text that is not a date gives
/// a message saying what would work.
pub fn parse_due(text: &str, today: Date) -> Result<Option<Date>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(date) = parse_date(text) {
        return Ok(Some(date));
    }
    let wrong = || format!("“{text}” is not a date yet: try 2026-12-01, +3d, +2w or +1m");
    let rest = text.strip_prefix('+').ok_or_else(wrong)?;
    let (number, unit) = rest.split_at(rest.len().saturating_sub(1));
    let n: u32 = number.parse().map_err(|_| wrong())?;
    if n > 3650 {
        return Err(wrong());
    }
    let date = match unit {
        "d" => today.checked_add(Duration::days(n.into())),
        "w" => today.checked_add(Duration::weeks(n.into())),
        "m" => add_months(today, n),
        _ => None,
    };
    date.map(Some).ok_or_else(wrong)
}

/// The same day `n` months on, or the month's last day when it is shorter.
fn add_months(from: Date, n: u32) -> Option<Date> {
    let index = i64::from(u8::from(from.month())) - 1 + i64::from(n);
    let year = from.year() + i32::try_from(index / 12).ok()?;
    let month = Month::try_from(u8::try_from(index % 12 + 1).ok()?).ok()?;
    let day = from.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 25);

    #[test]
    fn dates_and_shortcuts_are_read() {
        assert_eq!(
            parse_due("2026-12-01", TODAY),
            Ok(Some(date!(2026 - 12 - 01)))
        );
        assert_eq!(parse_due("+3d", TODAY), Ok(Some(date!(2026 - 11 - 28))));
        assert_eq!(parse_due("+2w", TODAY), Ok(Some(date!(2026 - 12 - 09))));
        assert_eq!(parse_due("+1m", TODAY), Ok(Some(date!(2026 - 12 - 25))));
        assert_eq!(
            parse_due("+3m", date!(2026 - 11 - 30)),
            Ok(Some(date!(2027 - 02 - 28)))
        );
        assert_eq!(parse_due("  ", TODAY), Ok(None));
    }

    #[test]
    fn anything_else_gets_a_clear_message() {
        for bad in ["next tuesday", "+3", "+d", "+3y", "2026-13-01", "+99999d"] {
            let err = parse_due(bad, TODAY).expect_err(bad);
            assert!(err.contains("try 2026-12-01, +3d, +2w or +1m"), "{err}");
        }
    }
}
