//! A period's returns (`report --from --until`): each conference counted by the date that matters, the whole service or by coordinator.

use crate::model::Session;
use crate::model::timefmt::format_date;
use serde::Serialize;
use time::Date;

/// The days from the first to the last, both counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub until: Date,
}

impl Period {
    fn holds(self, date: Option<Date>) -> bool {
        date.is_some_and(|d| self.from <= d && d <= self.until)
    }
}

/// How many days, of a few: the median, the shortest and the longest.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Spread {
    pub count: usize,
    pub median: f64,
    pub shortest: i64,
    pub longest: i64,
}

impl Spread {
    fn of(mut days: Vec<i64>) -> Option<Self> {
        days.sort_unstable();
        let (first, last) = (*days.first()?, *days.last()?);
        let mid = days.len() / 2;
        let median = if days.len() % 2 == 1 {
            days[mid] as f64
        } else {
            (days[mid - 1] + days[mid]) as f64 / 2.0
        };
        Some(Self {
            count: days.len(),
            median,
            shortest: first,
            longest: last,
        })
    }
}

/// How many closures gave one reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ByReason {
    pub reason: String,
    pub count: usize,
}

/// One line of the returns: the whole service (`coordinator` is `None`) or one
/// coordinator's conferences.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Line {
    pub coordinator: Option<String>,
    /// Referrals received: a referral date in the period.
    pub referrals: usize,
    /// Conferences held: a conference date in the period (not closed before it).
    pub conferences: usize,
    /// Days from referral to conference, of the conferences held that have a referral date.
    pub days_to_conference: Option<Spread>,
    /// Reviews due: a review date in the period.
    pub reviews_due: usize,
    /// Reviews held: a review recorded with a date in the period.
    pub reviews_held: usize,
    /// Closures: a closing date in the period.
    pub closures: usize,
    /// The closures by reason, most first (then by name).
    pub closures_by_reason: Vec<ByReason>,
}

/// A period's returns: the whole service first, then one line per coordinator when asked.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Returns {
    pub from: String,
    pub until: String,
    pub lines: Vec<Line>,
}

/// The words for a conference with no coordinator written.
pub const NO_COORDINATOR: &str = "no coordinator recorded";

/// The returns of these conferences over `period`; `by_coordinator` adds a line per
/// coordinator (by name as written, any case one), in name order.
pub fn returns<'a>(
    conferences: impl IntoIterator<Item = &'a Session>,
    period: Period,
    by_coordinator: bool,
) -> Returns {
    let conferences: Vec<&Session> = conferences.into_iter().collect();
    let mut lines = vec![line(None, conferences.iter().copied(), period)];
    if by_coordinator {
        let mut names: Vec<String> = conferences.iter().map(|s| coordinator(s)).collect();
        names.sort_by_key(|n| n.to_lowercase());
        names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        for name in names {
            let theirs = conferences
                .iter()
                .copied()
                .filter(|s| coordinator(s).eq_ignore_ascii_case(&name));
            lines.push(line(Some(name.clone()), theirs, period));
        }
    }
    Returns {
        from: format_date(period.from),
        until: format_date(period.until),
        lines,
    }
}

/// A conference's coordinator by name, on one line.
pub fn coordinator(session: &Session) -> String {
    let name = session
        .conference
        .as_ref()
        .map(|c| crate::text::clean_line(&c.coordinator.name))
        .unwrap_or_default();
    if name.trim().is_empty() {
        NO_COORDINATOR.to_owned()
    } else {
        name.trim().to_owned()
    }
}

fn line<'a>(
    coordinator: Option<String>,
    conferences: impl Iterator<Item = &'a Session>,
    period: Period,
) -> Line {
    let mut out = Line {
        coordinator,
        ..Line::default()
    };
    let mut days = Vec::new();
    let mut reasons: Vec<ByReason> = Vec::new();
    for c in conferences.filter_map(|s| s.conference.as_ref()) {
        if period.holds(c.referral_date) {
            out.referrals += 1;
        }
        let closed_before = |d: Date| c.closed.as_ref().is_some_and(|x| x.date < d);
        if period.holds(c.date) && c.date.is_some_and(|d| !closed_before(d)) {
            out.conferences += 1;
            if let (Some(referred), Some(held)) = (c.referral_date, c.date) {
                days.push((held - referred).whole_days());
            }
        }
        if period.holds(c.review_date) {
            out.reviews_due += 1;
        }
        out.reviews_held += c
            .ratings
            .iter()
            .filter(|r| period.holds(Some(r.date)))
            .count();
        if let Some(closed) = c.closed.as_ref().filter(|x| period.holds(Some(x.date))) {
            out.closures += 1;
            let reason = closed.reason.group();
            match reasons.iter_mut().find(|r| r.reason == reason) {
                Some(r) => r.count += 1,
                None => reasons.push(ByReason {
                    reason: reason.to_owned(),
                    count: 1,
                }),
            }
        }
    }
    reasons.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.reason.cmp(&b.reason)));
    out.closures_by_reason = reasons;
    out.days_to_conference = Spread::of(days);
    out
}

/// A number of days as a return shows it: whole, or with its half.
fn days(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        format!("{n:.1}")
    }
}

impl Line {
    /// Whose line this is, for people.
    pub fn whose(&self) -> &str {
        self.coordinator.as_deref().unwrap_or("All conferences")
    }

    fn spread_words(&self) -> String {
        match &self.days_to_conference {
            None => "none with both dates".to_owned(),
            Some(s) => format!(
                "median {}, from {} to {} ({} {})",
                days(s.median),
                s.shortest,
                s.longest,
                s.count,
                if s.count == 1 {
                    "conference"
                } else {
                    "conferences"
                }
            ),
        }
    }

    fn reasons_words(&self) -> String {
        self.closures_by_reason
            .iter()
            .map(|r| format!("{}: {}", r.reason, r.count))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The returns in Markdown: a section per line.
pub fn markdown(r: &Returns) -> String {
    let esc = crate::export::markdown_escape;
    let mut out = format!("# Returns, {} to {}\n", r.from, r.until);
    for l in &r.lines {
        out.push_str(&format!("\n## {}\n\n", esc(l.whose())));
        out.push_str(&format!(
            "- Referrals received (by referral date): {}\n",
            l.referrals
        ));
        out.push_str(&format!(
            "- Conferences held (by conference date): {}\n",
            l.conferences
        ));
        out.push_str(&format!(
            "- Days from referral to conference: {}\n",
            l.spread_words()
        ));
        out.push_str(&format!(
            "- Reviews due (by review date): {}; reviews held: {}\n",
            l.reviews_due, l.reviews_held
        ));
        let reasons = match l.closures {
            0 => String::new(),
            _ => format!(" ({})", esc(&l.reasons_words())),
        };
        out.push_str(&format!(
            "- Closures (by closing date): {}{reasons}\n",
            l.closures
        ));
    }
    out
}

/// The returns as CSV (after the byte-order mark, unless `bom` is false): a heading row,
/// then one row per line.
pub fn csv(r: &Returns, bom: bool) -> String {
    let mut out = crate::export::csv_start(bom);
    out.push_str(&crate::export::csv_row([
        "from",
        "until",
        "coordinator",
        "referrals",
        "conferences_held",
        "median_days_to_conference",
        "shortest_days_to_conference",
        "longest_days_to_conference",
        "reviews_due",
        "reviews_held",
        "closures",
        "closures_by_reason",
    ]));
    for l in &r.lines {
        let s = l.days_to_conference.as_ref();
        out.push_str(&crate::export::csv_row([
            r.from.clone(),
            r.until.clone(),
            l.coordinator.clone().unwrap_or_default(),
            l.referrals.to_string(),
            l.conferences.to_string(),
            s.map(|s| days(s.median)).unwrap_or_default(),
            s.map(|s| s.shortest.to_string()).unwrap_or_default(),
            s.map(|s| s.longest.to_string()).unwrap_or_default(),
            l.reviews_due.to_string(),
            l.reviews_held.to_string(),
            l.closures.to_string(),
            l.reasons_words(),
        ]));
    }
    out
}
