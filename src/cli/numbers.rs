//! The numbers the command line takes, each kept within a range that makes sense, with a plain message.

use std::ops::RangeInclusive;

/// Days ahead a command looks: up to ten years.
pub const DAYS: RangeInclusive<u32> = 0..=3650;
/// Weeks from a conference to its review: up to ten years.
pub const WEEKS: RangeInclusive<u32> = 1..=520;
/// Sessions or records the development commands make or write.
#[cfg(feature = "dev-tools")]
pub const COUNT: RangeInclusive<u32> = 1..=1_000_000;

/// A number of days, for `--within` and `--due-within`.
pub fn days(text: &str) -> Result<u32, String> {
    within(text, DAYS, "days")
}

/// A number of weeks, for `--review-weeks`.
pub fn weeks(text: &str) -> Result<u32, String> {
    within(text, WEEKS, "weeks")
}

/// A count for the development commands.
#[cfg(feature = "dev-tools")]
pub fn count(text: &str) -> Result<u32, String> {
    within(text, COUNT, "")
}

fn within(text: &str, range: RangeInclusive<u32>, unit: &str) -> Result<u32, String> {
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" of {unit}")
    };
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            format!(
                "choose a whole number{unit} from {} to {}",
                range.start(),
                range.end()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_outside_the_range_are_refused_plainly() {
        assert_eq!(days("7"), Ok(7));
        assert_eq!(days("3650"), Ok(3650));
        assert!(days("3651").is_err());
        assert!(days("4294967296").is_err());
        assert!(days("-1").is_err());
        assert!(weeks("0").is_err());
        assert_eq!(weeks("12"), Ok(12));
        assert!(count("0").is_err());
    }
}
