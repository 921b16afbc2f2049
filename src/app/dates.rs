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
    // The unit is the last character, whatever its width in bytes.
    let mut chars = rest.chars();
    let unit = chars.next_back().ok_or_else(wrong)?;
    let number = chars.as_str();
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
        return Err(wrong());
    }
    // Ten years ahead at most, in the unit typed; a longer number is just as far.
    let limit: u32 = match unit {
        'd' => 3653,
        'w' => 522,
        'm' => 120,
        _ => return Err(wrong()),
    };
    let far = || format!("“{text}” is further ahead than ten years: try a nearer date");
    let n: u32 = number.parse().map_err(|_| far())?;
    if n > limit {
        return Err(far());
    }
    let date = match unit {
        'd' => today.checked_add(Duration::days(n.into())),
        'w' => today.checked_add(Duration::weeks(n.into())),
        _ => add_months(today, n),
    };
    date.map(Some).ok_or_else(far)
}

/// The same day `n` months on, or the month's last day when it is shorter.
fn add_months(from: Date, n: u32) -> Option<Date> {
    let index = i64::from(u8::from(from.month())) - 1 + i64::from(n);
    let year = from.year().checked_add(i32::try_from(index / 12).ok()?)?;
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
        for bad in [
            "next tuesday",
            "+3",
            "+d",
            "+3y",
            "2026-13-01",
            "+3é",
            "+é",
            "+",
            "+-3d",
            "+ 3d",
            "+٣d",
            "+3🌱",
        ] {
            let err = parse_due(bad, TODAY).expect_err(bad);
            assert!(err.contains("try 2026-12-01, +3d, +2w or +1m"), "{err}");
        }
    }

    #[test]
    fn a_date_too_far_ahead_says_so_plainly() {
        for far in [
            "+99999d",
            "+99999999d",
            "+99999999999999999999999d",
            "+4294967295w",
            "+9999m",
        ] {
            let err = parse_due(far, TODAY).expect_err(far);
            assert!(err.contains("further ahead than ten years"), "{err}");
        }
        assert_eq!(parse_due("+120m", TODAY), Ok(Some(date!(2036 - 11 - 25))));
    }
}
