//! The day's plan: a session's blocks (its stages, breaks, lunch), their minutes, clock times and pace.

use super::session::Clock;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime, Time};

time::serde::format_description!(clock_time, Time, "[hour]:[minute]");

/// The run-sheet agreed for the day: when it starts and its blocks in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agenda {
    /// When the day starts (local time, `HH:MM`), once agreed.
    #[serde(
        default,
        with = "clock_time::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub start: Option<Time>,
    #[serde(default)]
    pub blocks: Vec<Block>,
}

/// What a block of the day is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum What {
    /// Time in one of the framework's stages (by its key).
    Stage(String),
    Break,
    Lunch,
    /// Anything else: a welcome, an energiser, a walk.
    Other,
}

/// One block of the day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub what: What,
    /// Its own title; empty for the stage's name, "Break" or "Lunch".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub minutes: u32,
    /// What happens in it, in a few words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The minutes of some blocks together (never more than `u32::MAX`: a file may hold any).
fn minutes_of(blocks: &[Block]) -> u32 {
    blocks
        .iter()
        .fold(0, |sum, b| sum.saturating_add(b.minutes))
}

/// How the day stands against its plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    OnTime,
    /// Minutes behind the plan.
    Behind(i64),
    /// Minutes ahead of the plan.
    Ahead(i64),
}

impl Pace {
    /// "on time", "12 min behind", "5 min ahead".
    pub fn words(self) -> String {
        match self {
            Pace::OnTime => "on time".to_owned(),
            Pace::Behind(m) => format!("{m} min behind"),
            Pace::Ahead(m) => format!("{m} min ahead"),
        }
    }
}

impl Block {
    /// Time in a stage.
    pub fn stage(key: impl Into<String>, minutes: u32) -> Self {
        Self::new(What::Stage(key.into()), minutes)
    }

    /// A block of `what`, untitled and without a note.
    pub fn new(what: What, minutes: u32) -> Self {
        Self {
            what,
            title: String::new(),
            minutes,
            note: String::new(),
        }
    }

    /// The stage the block is time in, if it is.
    pub fn stage_key(&self) -> Option<&str> {
        match &self.what {
            What::Stage(key) => Some(key),
            _ => None,
        }
    }

    /// What kind of time it is: the stage's name (from `stage_name`), "Break", "Lunch"
    /// or "Other".
    pub fn kind<'a>(&'a self, stage_name: impl Fn(&'a str) -> &'a str) -> &'a str {
        match &self.what {
            What::Stage(key) => stage_name(key),
            What::Break => "Break",
            What::Lunch => "Lunch",
            What::Other => "Other",
        }
    }

    /// Its title for people: its own, else its [`Block::kind`].
    pub fn title<'a>(&'a self, stage_name: impl Fn(&'a str) -> &'a str) -> &'a str {
        match self.title.trim() {
            "" => self.kind(stage_name),
            own => own,
        }
    }
}

/// A clock time as people read it on a run-sheet: `09:30`.
pub fn hhmm(time: Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// A clock time typed as `9:30`, `09:30` or `0930`.
pub fn parse_clock(text: &str) -> Option<Time> {
    let text = text.trim();
    let (h, m) = match text.split_once(':') {
        Some(parts) => parts,
        None if text.len() == 4 && text.is_ascii() => text.split_at(2),
        None => return None,
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || m.len() != 2 || !digits(m) {
        return None;
    }
    Time::from_hms(h.parse().ok()?, m.parse().ok()?, 0).ok()
}

impl Agenda {
    /// The default plan: the framework's stages with their minutes, no start time yet.
    pub fn from_stages<K: Into<String>>(stages: impl IntoIterator<Item = (K, u32)>) -> Self {
        Self {
            start: None,
            blocks: stages
                .into_iter()
                .map(|(key, minutes)| Block::stage(key, minutes))
                .collect(),
        }
    }

    /// Every block's start and end, from `start`.
    pub fn times(&self, start: Time) -> Vec<(Time, Time)> {
        let mut at = start;
        self.blocks
            .iter()
            .map(|b| {
                let from = at;
                at += Duration::minutes(i64::from(b.minutes));
                (from, at)
            })
            .collect()
    }

    /// The minutes of the whole day.
    pub fn total_minutes(&self) -> u32 {
        minutes_of(&self.blocks)
    }

    /// The minutes planned for a stage (all its blocks), if the plan has it.
    pub fn stage_minutes(&self, stage: &str) -> Option<u32> {
        let mut blocks = self
            .blocks
            .iter()
            .filter(|b| b.stage_key() == Some(stage))
            .peekable();
        blocks.peek()?;
        Some(blocks.fold(0, |sum, b| sum.saturating_add(b.minutes)))
    }

    /// Minutes from the day's start to the end of a stage's last block.
    fn stage_end(&self, stage: &str) -> Option<u32> {
        let last = self
            .blocks
            .iter()
            .rposition(|b| b.stage_key() == Some(stage))?;
        Some(minutes_of(&self.blocks[..=last]))
    }

    /// How far ahead or behind the day is at `now` (local time): when the room's stage
    /// (with its clock) will end — not before now, later by what its plan has left — against
    /// when the plan has it end. Only with a start time and a stage the plan holds. A
    /// pause (say for a break inside a stage) moves the end on. None while the room's clock
    /// waits for the day to start: a day not begun is neither ahead nor behind.
    pub fn pace(&self, stage: &str, clock: &Clock, now: OffsetDateTime) -> Option<Pace> {
        if clock.waiting {
            return None;
        }
        let start = self.start?;
        // Checked: minutes from a file are not bounded, and a date past year 9999 has no time.
        let planned_end = now
            .replace_time(start)
            .checked_add(Duration::minutes(i64::from(self.stage_end(stage)?)))?;
        let left = (Duration::minutes(i64::from(clock.planned_minutes)) - clock.elapsed)
            .max(Duration::ZERO);
        let drift = (now.checked_add(left)? - planned_end).whole_minutes();
        Some(match drift {
            0 => Pace::OnTime,
            m if m > 0 => Pace::Behind(m),
            m => Pace::Ahead(-m),
        })
    }

    /// Sets a block's minutes (at least one); false if there is no such block.
    pub fn set_minutes(&mut self, at: usize, minutes: u32) -> bool {
        match self.blocks.get_mut(at) {
            Some(block) => {
                block.minutes = minutes.max(1);
                true
            }
            None => false,
        }
    }

    /// Moves the block at `at` one place up (`up`) or down; returns where it is now.
    pub fn shift(&mut self, at: usize, up: bool) -> Option<usize> {
        let to = if up { at.checked_sub(1)? } else { at + 1 };
        if to >= self.blocks.len() || at >= self.blocks.len() {
            return None;
        }
        self.blocks.swap(at, to);
        Some(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{datetime, time};

    fn day() -> Agenda {
        let mut plan = Agenda::from_stages([("define", 30), ("discovery", 60), ("dream", 45)]);
        plan.start = Some(time!(09:30));
        plan
    }

    fn clock_of(started: OffsetDateTime, now: OffsetDateTime, planned: u32) -> Clock {
        Clock {
            started,
            elapsed: now - started,
            planned_minutes: planned,
            paused: false,
            waiting: false,
        }
    }

    #[test]
    fn clock_times_follow_on_from_the_start_with_breaks_between_stages() {
        let mut plan = day();
        plan.blocks.insert(2, Block::new(What::Break, 15));
        let times: Vec<(String, String)> = plan
            .times(time!(09:30))
            .into_iter()
            .map(|(a, b)| (hhmm(a), hhmm(b)))
            .collect();
        assert_eq!(
            times,
            [
                ("09:30", "10:00"),
                ("10:00", "11:00"),
                ("11:00", "11:15"),
                ("11:15", "12:00")
            ]
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
        assert_eq!(plan.total_minutes(), 150);
        assert_eq!(plan.blocks[2].title(|k| k), "Break");
        assert_eq!(plan.blocks[1].title(|_| "Discovery"), "Discovery");
    }

    #[test]
    fn a_stage_split_in_two_is_planned_as_the_sum_of_its_blocks() {
        let mut plan = day();
        plan.blocks.insert(2, Block::new(What::Lunch, 45));
        plan.blocks.insert(3, Block::stage("discovery", 20));
        assert_eq!(plan.stage_minutes("discovery"), Some(80));
        assert_eq!(plan.stage_minutes("define"), Some(30));
        assert_eq!(plan.stage_minutes("destiny"), None, "not in the plan");
        // Discovery ends after its second block: 30 + 60 + 45 + 20.
        assert_eq!(plan.stage_end("discovery"), Some(155));
    }

    #[test]
    fn the_pace_compares_the_stage_s_projected_end_with_its_planned_end() {
        let plan = day();
        let now = datetime!(2026-11-25 10:20 UTC);
        // Discovery (planned 10:00–11:00) began late, at 10:12: it ends at 11:12.
        let late = clock_of(datetime!(2026-11-25 10:12 UTC), now, 60);
        assert_eq!(plan.pace("discovery", &late, now), Some(Pace::Behind(12)));
        assert_eq!(Pace::Behind(12).words(), "12 min behind");
        // Begun on time.
        let on_time = clock_of(datetime!(2026-11-25 10:00 UTC), now, 60);
        assert_eq!(plan.pace("discovery", &on_time, now), Some(Pace::OnTime));
        // Five minutes fewer given to it: the day gains them.
        let shorter = clock_of(datetime!(2026-11-25 10:00 UTC), now, 55);
        assert_eq!(plan.pace("discovery", &shorter, now), Some(Pace::Ahead(5)));
        // Over time, the end is now at the earliest: at 11:20 the day is 20 minutes behind.
        let later = datetime!(2026-11-25 11:20 UTC);
        let over = clock_of(datetime!(2026-11-25 10:00 UTC), later, 60);
        assert_eq!(plan.pace("discovery", &over, later), Some(Pace::Behind(20)));
        // A pause moves the end on.
        let paused = Clock {
            elapsed: Duration::minutes(10),
            ..on_time
        };
        assert_eq!(plan.pace("discovery", &paused, now), Some(Pace::Behind(10)));
    }

    #[test]
    fn minutes_from_a_file_beyond_any_day_neither_overflow_nor_panic() {
        let mut plan = day();
        plan.blocks[0].minutes = u32::MAX;
        plan.blocks[1].minutes = u32::MAX;
        assert_eq!(plan.total_minutes(), u32::MAX);
        assert_eq!(plan.stage_minutes("discovery"), Some(u32::MAX));
        assert_eq!(plan.times(time!(09:30)).len(), 3);
        let now = datetime!(2026-11-25 10:20 UTC);
        let clock = clock_of(datetime!(2026-11-25 10:00 UTC), now, u32::MAX);
        // The end would be past year 9999: no pace rather than a panic.
        assert_eq!(plan.pace("discovery", &clock, now), None);
    }

    #[test]
    fn a_day_prepared_the_night_before_is_not_behind_before_it_starts() {
        // Set at 23:01 for a 09:30 start: the clock waits, and the day has no pace yet.
        let plan = day();
        let made = datetime!(2026-11-24 23:01 UTC);
        let mut session = crate::model::Session::new(
            crate::model::SessionId::parse("night1").expect("id"),
            "Harbour day",
            "appreciative-inquiry",
            "define",
            made,
        );
        let morning = datetime!(2026-11-25 09:40 UTC);
        let clock = session.clock(30, morning).expect("a clock");
        assert!(clock.waiting && !clock.paused, "{clock:?}");
        assert_eq!(clock.elapsed, Duration::ZERO);
        assert_eq!(plan.pace("define", &clock, morning), None);
        // Started at 09:40, ten minutes after the plan's start: ten minutes behind.
        assert!(session.start_clock(morning));
        let clock = session.clock(30, morning).expect("a clock");
        assert!(!clock.waiting);
        assert_eq!(plan.pace("define", &clock, morning), Some(Pace::Behind(10)));
    }

    #[test]
    fn no_pace_without_a_start_time_or_off_the_plan() {
        let mut plan = day();
        let now = datetime!(2026-11-25 10:20 UTC);
        let clock = clock_of(datetime!(2026-11-25 10:00 UTC), now, 60);
        assert_eq!(plan.pace("destiny", &clock, now), None);
        plan.start = None;
        assert_eq!(plan.pace("discovery", &clock, now), None);
    }

    #[test]
    fn a_break_inside_a_stage_counts_once_the_clock_pauses_for_it() {
        let mut plan = day();
        plan.blocks.insert(2, Block::new(What::Break, 15));
        plan.blocks.insert(3, Block::stage("discovery", 30));
        // Discovery 10:00–11:00, break 11:00–11:15, discovery again 11:15–11:45.
        let now = datetime!(2026-11-25 11:15 UTC);
        let clock = Clock {
            elapsed: Duration::minutes(60),
            ..clock_of(datetime!(2026-11-25 10:00 UTC), now, 90)
        };
        assert_eq!(plan.pace("discovery", &clock, now), Some(Pace::OnTime));
    }

    #[test]
    fn clock_times_are_read_as_people_type_them() {
        assert_eq!(parse_clock("9:30"), Some(time!(09:30)));
        assert_eq!(parse_clock(" 09:05 "), Some(time!(09:05)));
        assert_eq!(parse_clock("1400"), Some(time!(14:00)));
        for bad in ["25:00", "9:3", "half nine", "", "9:60", "-1:00"] {
            assert_eq!(parse_clock(bad), None, "{bad}");
        }
    }

    #[test]
    fn blocks_move_and_keep_a_minute_at_least() {
        let mut plan = day();
        assert_eq!(plan.shift(0, true), None);
        assert_eq!(plan.shift(0, false), Some(1));
        assert_eq!(plan.blocks[0].stage_key(), Some("discovery"));
        assert_eq!(plan.shift(2, false), None);
        assert!(plan.set_minutes(0, 0));
        assert_eq!(plan.blocks[0].minutes, 1);
        assert!(!plan.set_minutes(9, 10));
    }

    #[test]
    fn a_plan_reads_back_as_written() {
        let mut plan = day();
        plan.blocks.insert(1, Block::new(What::Break, 10));
        plan.blocks[0].note = "Agree the affirmative topic".into();
        plan.blocks[1].title = "Coffee".into();
        let text =
            ron::ser::to_string_pretty(&plan, ron::ser::PrettyConfig::default()).expect("writes");
        assert!(text.contains("\"09:30\""), "{text}");
        assert_eq!(ron::from_str::<Agenda>(&text).expect("reads"), plan);
    }
}
